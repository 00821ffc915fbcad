/* test_user.c — docs/behaviour.md §4–5, NetUserEnum / NetUserGetInfo: results match
   `getent passwd`, paging with every prefmaxlen, resume handles that cost one
   walk, abandoned enumerations, threads, every error status, out of memory. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <strings.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "getent.h"
#include "oom_calls.h"
#include "local/local.h"
#include "net/resume.h"
#include "pack/pack.h"
#include "platform/sysalloc.h"

/* ---- the expected database, from getent ------------------------------------ */

struct expect {
    char *name, *passwd_field, *full_name, *comment, *dir, *shell;
    unsigned long uid, gid;
    /* its shadow entry: as an enumeration sees it (getent shadow: root only),
       and as a lookup by name does (getent shadow NAME: modules such as
       nss-systemd answer lookups they do not enumerate) */
    struct shadow {
        int known;
        char *pwd;
        long lastchg, max, expire;
    } walked, looked_up;
    char **looked_up_line; /* the line looked_up points into */
};
static struct expect *db;
static size_t ndb;

/* A shadow number field: -1 when empty. */
static long shadow_number(const char *f)
{
    return *f ? strtol(f, NULL, 10) : -1;
}

/* One line of getent shadow into *sh; returns the name. */
static char *parse_shadow(char *line, struct shadow *sh)
{
    char *p = line;
    char *name = getent_field(&p);
    sh->known = 1;
    sh->pwd = getent_field(&p);
    sh->lastchg = shadow_number(getent_field(&p));
    getent_field(&p); /* min */
    sh->max = shadow_number(getent_field(&p));
    getent_field(&p); /* warn */
    getent_field(&p); /* inactive */
    sh->expire = shadow_number(getent_field(&p));
    return name;
}

static void load_getent(void)
{
    char **lines;
    ndb = getent_lines("passwd", &lines);
    db = calloc(ndb + 1, sizeof *db);
    for (size_t i = 0; i < ndb; i++) {
        char *p = lines[i];
        struct expect *e = &db[i];
        e->name = getent_field(&p);
        e->passwd_field = getent_field(&p);
        e->uid = strtoul(getent_field(&p), NULL, 10);
        e->gid = strtoul(getent_field(&p), NULL, 10);
        char *gecos = getent_field(&p);
        e->dir = getent_field(&p);
        e->shell = getent_field(&p);
        char *comma = strchr(gecos, ',');
        char *comment = "";
        if (comma) {
            *comma = '\0';
            comment = comma + 1;
            size_t n = strlen(comment);
            while (n && comment[n - 1] == ',')
                comment[--n] = '\0';
        }
        e->full_name = gecos;
        e->comment = comment;
    }
    free(lines);
    /* the shadow database, as getent shows it to this process; the lines
       stay (the entries point into them) */
    static char **shadow_lines;
    size_t nsh = getent_lines("shadow", &shadow_lines);
    for (size_t k = 0; k < nsh; k++) {
        struct shadow sh;
        char *name = parse_shadow(shadow_lines[k], &sh);
        for (size_t i = 0; i < ndb; i++)
            if (strcmp(db[i].name, name) == 0 && !db[i].walked.known)
                db[i].walked = sh;
    }
    for (size_t i = 0; i < ndb; i++) {
        char query[300];
        snprintf(query, sizeof query, "shadow '%s'", db[i].name);
        if (strchr(db[i].name, '\'') || getent_lines(query, &db[i].looked_up_line) == 0)
            continue;
        parse_shadow(db[i].looked_up_line[0], &db[i].looked_up);
    }
}

/* What docs/behaviour.md section 5 and docs/local-functions.md promise from the shell
   and the shadow entry. */
struct account {
    DWORD flags, password_age, acct_expires, password_expired;
};

static void expected_account(const struct expect *e, int lookup, struct account *a)
{
    const char *base = strrchr(e->shell, '/');
    base = base ? base + 1 : e->shell;
    int disabled = strcmp(base, "nologin") == 0 || strcmp(base, "false") == 0;
    const struct shadow *sh = lookup ? &e->looked_up : &e->walked;
    const char *pwd = sh->known ? sh->pwd : e->passwd_field;
    disabled |= pwd[0] == '!';
    DWORD flags = UF_SCRIPT | UF_NORMAL_ACCOUNT | (pwd[0] == '\0' ? UF_PASSWD_NOTREQD : 0);
    a->password_age = 0;
    a->acct_expires = TIMEQ_FOREVER;
    a->password_expired = 0;
    if (sh->known) {
        time_t now = time(NULL);
        long today = (long)(now / 86400);
        int never = sh->max < 0 || sh->max >= 99999;
        if (never)
            flags |= UF_DONT_EXPIRE_PASSWD;
        if (sh->lastchg > 0)
            a->password_age = (DWORD)(now - sh->lastchg * 86400L);
        a->password_expired = sh->lastchg == 0 || (sh->lastchg > 0 && !never &&
                                                  today >= sh->lastchg + sh->max);
        if (sh->expire >= 0) {
            a->acct_expires = (DWORD)(sh->expire * 86400L);
            disabled |= today >= sh->expire;
        }
    }
    a->flags = flags | (disabled ? UF_ACCOUNTDISABLE : 0);
}

/* The last logon lastlog records for uid, read here with stdio. */
static DWORD expected_last_logon(unsigned long uid)
{
    FILE *f = fopen("/var/log/lastlog", "rb");
    if (!f)
        return 0;
    int32_t t = 0;
    struct lastlog rec;
    if (fseeko(f, (off_t)uid * (off_t)sizeof rec, SEEK_SET) != 0 || fread(&t, 4, 1, f) != 1)
        t = 0;
    fclose(f);
    return t > 0 ? (DWORD)t : 0;
}

static size_t record_size(DWORD level)
{
    switch (level) {
    case 0: return sizeof(USER_INFO_0);
    case 1: return sizeof(USER_INFO_1);
    case 2: return sizeof(USER_INFO_2);
    case 3: return sizeof(USER_INFO_3);
    case 4: return sizeof(USER_INFO_4);
    case 10: return sizeof(USER_INFO_10);
    case 11: return sizeof(USER_INFO_11);
    case 20: return sizeof(USER_INFO_20);
    default: return sizeof(USER_INFO_23);
    }
}

/* A string field is a valid NUL-terminated string inside the buffer. */
static int in_buf(const char *s, LPBYTE buf, DWORD size)
{
    if (!s || (const unsigned char *)s < buf || (const unsigned char *)s >= buf + size)
        return 0;
    return memchr(s, '\0', (size_t)(buf + size - (const unsigned char *)s)) != NULL;
}

/* Bytes Windows' layout gives the strings and blobs of the entries checked:
   each string field stored separately (docs/behaviour.md section 4). */
static size_t layout_bytes;

#define STR_OK(s, want)                                                       \
    do {                                                                      \
        if (!in_buf((s), buf, size)) {                                        \
            CHECK_MSG_(0, "entry %zu: %s outside the buffer", i, #s);         \
        } else {                                                              \
            CHECK_EQ_S((s), (want));                                          \
            layout_bytes += strlen(s) + 1;                                    \
        }                                                                     \
    } while (0)

/* A blob of n bytes inside the buffer, aligned to `align`. */
#define BLOB_OK(p, n, align)                                                          \
    do {                                                                              \
        const unsigned char *b_ = (const unsigned char *)(p);                         \
        if (!b_ || b_ < buf || b_ + (n) > buf + size || (uintptr_t)b_ % (align))      \
            CHECK_MSG_(0, "entry %zu: %s not a %u-byte blob in the buffer", i, #p,   \
                       (unsigned)(n));                                                \
        else                                                                          \
            layout_bytes += (n);                                                      \
    } while (0)

/* Logon hours: 21 bytes of 0xFF, no restriction. */
static int all_hours(const void *p)
{
    static const unsigned char ones[21] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                           0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                           0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    return p && memcmp(p, ones, sizeof ones) == 0;
}

/* The SID is S-1-22-1-<uid>, in binary and as text, and parses back to it. */
static void check_user_sid(const void *sid, unsigned long uid)
{
    unsigned char want[16] = {1, 2, 0, 0, 0, 0, 0, 22, 1, 0, 0, 0};
    uint32_t id = (uint32_t)uid;
    memcpy(want + 12, &id, 4);
    CHECK(sid && memcmp(sid, want, 16) == 0);
    LPSTR text = NULL;
    CHECK_EQ_U(netapibuf_sid_to_string(sid, &text), NERR_Success);
    char expect_text[40];
    snprintf(expect_text, sizeof expect_text, "S-1-22-1-%lu", uid);
    CHECK_EQ_S(text, expect_text);
    LPVOID back = NULL;
    CHECK_EQ_U(netapibuf_string_to_sid(text, &back), NERR_Success);
    CHECK(back && ((SID *)back)->SubAuthorityCount == 2 &&
          ((SID *)back)->SubAuthority[0] == 1 && ((SID *)back)->SubAuthority[1] == id);
    NetApiBufferFree(back);
    NetApiBufferFree(text);
}

/* Times read a few seconds apart. */
static int close_to(DWORD got, DWORD want)
{
    return got == want || (want && got + 10 >= want && got <= want + 10);
}

/* Read every byte of the buffer into a branch: under valgrind memcheck an
   uninitialised byte (record padding, a gap before the data) is an error. */
static void every_byte_defined(LPBYTE buf, DWORD size)
{
    unsigned sum = 0;
    for (DWORD k = 0; k < size; k++)
        sum = sum * 31 + buf[k];
    static volatile unsigned sink;
    if (sum == 0x5EED)
        sink++;
}

/* The fields levels 2, 3 and 4 share. */
#define CHECK_LEVEL2(u, p)                                                       \
    do {                                                                         \
        STR_OK((u)->p##_name, e->name);                                          \
        CHECK_EQ_P((u)->p##_password, NULL);                                     \
        CHECK(close_to((u)->p##_password_age, a.password_age));                  \
        CHECK_EQ_U((u)->p##_priv, e->uid == 0 ? USER_PRIV_ADMIN : USER_PRIV_USER); \
        STR_OK((u)->p##_home_dir, e->dir);                                       \
        STR_OK((u)->p##_comment, e->comment);                                    \
        CHECK_EQ_U((u)->p##_flags, a.flags);                                     \
        STR_OK((u)->p##_script_path, "");                                        \
        CHECK_EQ_U((u)->p##_auth_flags, 0);                                      \
        STR_OK((u)->p##_full_name, e->full_name);                                \
        STR_OK((u)->p##_usr_comment, "");                                        \
        STR_OK((u)->p##_parms, "");                                              \
        STR_OK((u)->p##_workstations, "");                                       \
        CHECK_EQ_U((u)->p##_last_logon, expected_last_logon(e->uid));            \
        CHECK_EQ_U((u)->p##_last_logoff, 0);                                     \
        CHECK_EQ_U((u)->p##_acct_expires, a.acct_expires);                       \
        CHECK_EQ_U((u)->p##_max_storage, USER_MAXSTORAGE_UNLIMITED);             \
        CHECK_EQ_U((u)->p##_units_per_week, UNITS_PER_WEEK);                     \
        BLOB_OK((u)->p##_logon_hours, 21, 1);                                    \
        CHECK(all_hours((u)->p##_logon_hours));                                  \
        CHECK_EQ_U((u)->p##_bad_pw_count, 0);                                    \
        CHECK_EQ_U((u)->p##_num_logons, 0);                                      \
        STR_OK((u)->p##_logon_server, "\\\\*");                                  \
        CHECK_EQ_U((u)->p##_country_code, 0);                                    \
        CHECK_EQ_U((u)->p##_code_page, 0);                                       \
    } while (0)

/* Entries [first, first + n) of db at `level` in buf, with every invariant:
   each field, every pointer inside the buffer, the buffer at least as large
   as Windows' layout, every byte defined. */
static void check_entries_as(LPBYTE buf, DWORD level, size_t first, DWORD n, int lookup)
{
    if (!n)
        return;
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(buf, &size), NERR_Success);
    CHECK_EQ_U((uintptr_t)buf % alignof(USER_INFO_4), 0);
    every_byte_defined(buf, size);
    layout_bytes = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = first + k;
        if (i >= ndb) {
            CHECK_MSG_(0, "entry %zu beyond the %zu of getent", i, ndb);
            return;
        }
        const struct expect *e = &db[i];
        struct account a;
        expected_account(e, lookup, &a);
        switch (level) {
        case 0:
            STR_OK(((USER_INFO_0 *)buf)[k].usri0_name, e->name);
            break;
        case 1: {
            USER_INFO_1 *u = &((USER_INFO_1 *)buf)[k];
            STR_OK(u->usri1_name, e->name);
            CHECK_EQ_P(u->usri1_password, NULL);
            CHECK(close_to(u->usri1_password_age, a.password_age));
            CHECK_EQ_U(u->usri1_priv, e->uid == 0 ? USER_PRIV_ADMIN : USER_PRIV_USER);
            STR_OK(u->usri1_home_dir, e->dir);
            STR_OK(u->usri1_comment, e->comment);
            CHECK_EQ_U(u->usri1_flags, a.flags);
            STR_OK(u->usri1_script_path, "");
            break;
        }
        case 2:
            CHECK_LEVEL2(&((USER_INFO_2 *)buf)[k], usri2);
            break;
        case 3: {
            USER_INFO_3 *u = &((USER_INFO_3 *)buf)[k];
            CHECK_LEVEL2(u, usri3);
            CHECK_EQ_U(u->usri3_user_id, e->uid);
            CHECK_EQ_U(u->usri3_primary_group_id, e->gid);
            STR_OK(u->usri3_profile, "");
            STR_OK(u->usri3_home_dir_drive, "");
            CHECK_EQ_U(u->usri3_password_expired, a.password_expired);
            break;
        }
        case 4: {
            USER_INFO_4 *u = &((USER_INFO_4 *)buf)[k];
            CHECK_LEVEL2(u, usri4);
            BLOB_OK(u->usri4_user_sid, 16, 4);
            check_user_sid(u->usri4_user_sid, e->uid);
            CHECK_EQ_U(u->usri4_primary_group_id, e->gid);
            STR_OK(u->usri4_profile, "");
            STR_OK(u->usri4_home_dir_drive, "");
            CHECK_EQ_U(u->usri4_password_expired, a.password_expired);
            break;
        }
        case 10: {
            USER_INFO_10 *u = &((USER_INFO_10 *)buf)[k];
            STR_OK(u->usri10_name, e->name);
            STR_OK(u->usri10_comment, e->comment);
            STR_OK(u->usri10_usr_comment, "");
            STR_OK(u->usri10_full_name, e->full_name);
            break;
        }
        case 11: {
            USER_INFO_11 *u = &((USER_INFO_11 *)buf)[k];
            STR_OK(u->usri11_name, e->name);
            STR_OK(u->usri11_comment, e->comment);
            STR_OK(u->usri11_usr_comment, "");
            STR_OK(u->usri11_full_name, e->full_name);
            CHECK_EQ_U(u->usri11_priv, e->uid == 0 ? USER_PRIV_ADMIN : USER_PRIV_USER);
            CHECK_EQ_U(u->usri11_auth_flags, 0);
            CHECK(close_to(u->usri11_password_age, a.password_age));
            STR_OK(u->usri11_home_dir, e->dir);
            STR_OK(u->usri11_parms, "");
            CHECK_EQ_U(u->usri11_last_logon, expected_last_logon(e->uid));
            CHECK_EQ_U(u->usri11_last_logoff, 0);
            CHECK_EQ_U(u->usri11_bad_pw_count, 0);
            CHECK_EQ_U(u->usri11_num_logons, 0);
            STR_OK(u->usri11_logon_server, "\\\\*");
            CHECK_EQ_U(u->usri11_country_code, 0);
            STR_OK(u->usri11_workstations, "");
            CHECK_EQ_U(u->usri11_max_storage, USER_MAXSTORAGE_UNLIMITED);
            CHECK_EQ_U(u->usri11_units_per_week, UNITS_PER_WEEK);
            BLOB_OK(u->usri11_logon_hours, 21, 1);
            CHECK(all_hours(u->usri11_logon_hours));
            CHECK_EQ_U(u->usri11_code_page, 0);
            break;
        }
        case 20: {
            USER_INFO_20 *u = &((USER_INFO_20 *)buf)[k];
            STR_OK(u->usri20_name, e->name);
            STR_OK(u->usri20_full_name, e->full_name);
            STR_OK(u->usri20_comment, e->comment);
            CHECK_EQ_U(u->usri20_flags, a.flags);
            CHECK_EQ_U(u->usri20_user_id, e->uid);
            break;
        }
        default: {
            USER_INFO_23 *u = &((USER_INFO_23 *)buf)[k];
            STR_OK(u->usri23_name, e->name);
            STR_OK(u->usri23_full_name, e->full_name);
            STR_OK(u->usri23_comment, e->comment);
            CHECK_EQ_U(u->usri23_flags, a.flags);
            BLOB_OK(u->usri23_user_sid, 16, 4);
            check_user_sid(u->usri23_user_sid, e->uid);
            break;
        }
        }
    }
    /* Windows' lower bound: the records, and every string and blob stored
       separately (no sharing) */
    CHECK_GE_U(size, n * record_size(level) + layout_bytes);
}

/* Entries of an enumeration (the shadow database as walked). */
static void check_entries(LPBYTE buf, DWORD level, size_t first, DWORD n)
{
    check_entries_as(buf, level, first, n, 0);
}

static const DWORD levels[] = {0, 1, 2, 3, 4, 10, 11, 20, 23};
#define NLEVELS (sizeof levels / sizeof levels[0])

TEST(enum_matches_getent)
{
    CHECK(ndb > 0);
    /* MAX_PREFERRED_LENGTH with a zero handle: one walk, no snapshot kept */
    unsigned long before = nbi_local_entries_walked();
    LPBYTE one = NULL;
    DWORD got = 0, all = 0, handle = 0;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &one, MAX_PREFERRED_LENGTH, &got, &all, &handle),
               NERR_Success);
    NetApiBufferFree(one);
    CHECK_EQ_U(nbi_local_entries_walked() - before, ndb);
    CHECK_EQ_U(nbi_resume_stored(), 0);
    for (size_t l = 0; l < NLEVELS; l++) {
        LPBYTE buf = NULL;
        DWORD read = 0, total = 0, resume = 0;
        CHECK_EQ_U(NetUserEnum(NULL, levels[l], 0, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                               &resume),
                   NERR_Success);
        CHECK_EQ_U(read, ndb);
        CHECK_EQ_U(total, ndb);
        CHECK_EQ_U(resume, 0);
        check_entries(buf, levels[l], 0, read);
        CHECK_EQ_U(NetApiBufferFree(buf), NERR_Success);
        /* filter FILTER_NORMAL_ACCOUNT and no resume handle: the same */
        CHECK_EQ_U(NetUserEnum("", levels[l], FILTER_NORMAL_ACCOUNT, &buf, MAX_PREFERRED_LENGTH,
                               &read, &total, NULL),
                   NERR_Success);
        CHECK_EQ_U(read, ndb);
        check_entries(buf, levels[l], 0, read);
        NetApiBufferFree(buf);
    }
}

TEST(get_info_matches_getent)
{
    for (size_t i = 0; i < ndb; i++) {
        for (size_t l = 0; l < NLEVELS; l++) {
            LPBYTE buf = NULL;
            struct passwd *pw = getpwnam(db[i].name);
            if (!pw || pw->pw_uid != db[i].uid)
                continue; /* a duplicate name: getpwnam gives the first */
            CHECK_EQ_U(NetUserGetInfo(NULL, db[i].name, levels[l], &buf), NERR_Success);
            check_entries_as(buf, levels[l], i, 1, 1); /* a lookup by name */
            DWORD size = 0;
            NetApiBufferSize(buf, &size);
            CHECK(size >= record_size(levels[l]));
            NetApiBufferFree(buf);
        }
    }
}

/* Page the database at `pref` with a resume handle; check every page. */
static void page_all(DWORD level, DWORD pref, size_t *pages_out)
{
    DWORD resume = 0;
    size_t at = 0, pages = 0;
    for (;;) {
        LPBYTE buf = NULL;
        DWORD read = 0, total = 0, size = 0;
        NET_API_STATUS st = NetUserEnum(NULL, level, 0, &buf, pref, &read, &total, &resume);
        if ((st != NERR_Success && st != ERROR_MORE_DATA) || (st == ERROR_MORE_DATA && !read)) {
            CHECK_MSG_(0, "level %u prefmaxlen %u: status %u with %u entries", (unsigned)level,
                       (unsigned)pref, (unsigned)st, (unsigned)read);
            NetApiBufferFree(buf);
            break;
        }
        CHECK_EQ_U(total, ndb);
        if (read) {
            NetApiBufferSize(buf, &size);
            if (read > 1 && size > pref)
                CHECK_MSG_(0, "prefmaxlen %u: %u entries in %u bytes", (unsigned)pref,
                           (unsigned)read, (unsigned)size);
        }
        check_entries(buf, level, at, read);
        NetApiBufferFree(buf);
        at += read;
        pages++;
        if (st == NERR_Success) {
            CHECK_EQ_U(resume, 0);
            break;
        }
        CHECK_NE_U(resume, 0);
        if (pages > ndb + 1) {
            CHECK_MSG_(0, "no progress");
            break;
        }
    }
    CHECK_EQ_U(at, ndb);
    if (pages_out)
        *pages_out = pages;
}

/* Every prefmaxlen up to 600 bytes, then every 7th (every 61st with
   NB_PAGING_SAMPLE, over the larger crafted database of net_namespace.sh). */
static DWORD next_prefmaxlen(DWORD pref)
{
    static int sample = -1;
    if (sample < 0)
        sample = getenv("NB_PAGING_SAMPLE") != NULL;
    return pref + (pref < 600 ? 1 : sample ? 61 : 7);
}

TEST(paging_every_prefmaxlen)
{
    for (size_t l = 0; l < NLEVELS; l++) {
        LPBYTE buf = NULL;
        DWORD read, total, whole = 0;
        NetUserEnum(NULL, levels[l], 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        NetApiBufferSize(buf, &whole);
        NetApiBufferFree(buf);
        for (DWORD pref = 1; pref <= whole + 1; pref = next_prefmaxlen(pref)) {
            size_t pages = 0;
            page_all(levels[l], pref, &pages);
            if (pref >= whole)
                CHECK_EQ_U(pages, 1);
        }
        size_t pages = 0;
        page_all(levels[l], whole, &pages); /* exactly the whole: one page */
        CHECK_EQ_U(pages, 1);
    }
    CHECK_EQ_U(nbi_resume_stored(), 0); /* finished enumerations keep nothing */
}

/* Paging walks the database once, not once per page. */
TEST(paging_costs_one_walk)
{
    unsigned long before = nbi_local_entries_walked();
    size_t pages = 0;
    page_all(20, 1, &pages);
    unsigned long walked = nbi_local_entries_walked() - before;
    CHECK_EQ_U(pages, ndb);
    CHECK_EQ_U(walked, ndb);
}

/* A NULL resume handle: the first page, MORE_DATA, the true total. */
TEST(no_resume_handle)
{
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0;
    NET_API_STATUS st = NetUserEnum(NULL, 0, 0, &buf, 1, &read, &total, NULL);
    CHECK_EQ_U(st, ndb > 1 ? ERROR_MORE_DATA : NERR_Success);
    CHECK_EQ_U(read, 1);
    CHECK_EQ_U(total, ndb);
    check_entries(buf, 0, 0, read);
    NetApiBufferFree(buf);
    CHECK_EQ_U(nbi_resume_stored(), 0);
}

/* Abandoned enumerations keep at most NBI_RESUME_SLOTS snapshots; an
   evicted handle still continues where it was. */
TEST(abandoned_and_evicted)
{
    if (ndb < 3)
        return;
    nbi_resume_flush();
    DWORD first_handle = 0;
    for (int k = 0; k < 3 * NBI_RESUME_SLOTS; k++) {
        LPBYTE buf = NULL;
        DWORD read, total, resume = 0;
        CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &buf, 1, &read, &total, &resume), ERROR_MORE_DATA);
        NetApiBufferFree(buf);
        if (k == 0)
            first_handle = resume;
        CHECK(nbi_resume_stored() <= NBI_RESUME_SLOTS);
    }
    CHECK_EQ_U(nbi_resume_stored(), NBI_RESUME_SLOTS);
    /* the first handle was evicted long ago: it re-walks and continues at entry 1 */
    unsigned long before = nbi_local_entries_walked();
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0, resume = first_handle;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &buf, 1, &read, &total, &resume), ERROR_MORE_DATA);
    CHECK_EQ_U(read, 1);
    check_entries(buf, 0, 1, read);
    NetApiBufferFree(buf);
    CHECK_EQ_U(nbi_local_entries_walked() - before, ndb);
    /* and from there on it is cheap again */
    before = nbi_local_entries_walked();
    size_t at = 2;
    for (;;) {
        NET_API_STATUS st = NetUserEnum(NULL, 0, 0, &buf, 1, &read, &total, &resume);
        check_entries(buf, 0, at, read);
        NetApiBufferFree(buf);
        at += read;
        if (st != ERROR_MORE_DATA)
            break;
    }
    CHECK_EQ_U(at, ndb);
    CHECK_EQ_U(nbi_local_entries_walked() - before, 0);
    /* a handle past the end: no entries, success */
    resume = 0x00FFFFFFu;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &buf, 1, &read, &total, &resume), NERR_Success);
    CHECK_EQ_U(read, 0);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(resume, 0);
    nbi_resume_flush();
    CHECK_EQ_U(nbi_resume_stored(), 0);
}

/* Page the database in a thread: no CHECK here (the counters are the main
   thread's); returns the number of problems seen. */
static size_t page_quietly(DWORD level, DWORD pref)
{
    DWORD resume = 0;
    size_t at = 0, bad = 0;
    NET_API_STATUS st;
    do {
        LPBYTE buf = NULL;
        DWORD read = 0, total = 0;
        st = NetUserEnum(NULL, level, 0, &buf, pref, &read, &total, &resume);
        if ((st != NERR_Success && st != ERROR_MORE_DATA) || total != ndb)
            bad++;
        for (DWORD k = 0; k < read; k++) {
            const char *name = level == 1 ? ((USER_INFO_1 *)buf)[k].usri1_name
                                          : ((USER_INFO_20 *)buf)[k].usri20_name;
            if (at + k >= ndb || strcmp(name, db[at + k].name) != 0)
                bad++;
        }
        NetApiBufferFree(buf);
        at += read;
    } while (st == ERROR_MORE_DATA && bad == 0);
    return bad + (at != ndb);
}

static void *pager(void *arg)
{
    size_t *bad = arg;
    for (int k = 0; k < 20; k++)
        *bad += page_quietly(k % 2 ? 20 : 1, 200 + 37u * (unsigned)k);
    return NULL;
}

/* Several threads paging at once each see the whole database. */
TEST(threads_page_concurrently)
{
    pthread_t t[4];
    size_t bad[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, pager, &bad[i]);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        CHECK_EQ_U(bad[i], 0);
    }
}

/* NetUserEnum and NetUserGetInfo naming `server` both give `want`, with
   *bufptr NULL and the counts 0. */
static void check_server_refused(const char *server, const char *user, NET_API_STATUS want)
{
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 9, total = 9;
    NET_API_STATUS st =
        NetUserEnum(server, 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
    CHECK_MSG_(st == want && !buf && !read && !total,
               "NetUserEnum(\"%s\"): status %u (want %u), buffer %p, %u read, %u in total",
               server, (unsigned)st, (unsigned)want, (void *)buf, (unsigned)read,
               (unsigned)total);
    buf = (LPBYTE)1;
    st = NetUserGetInfo(server, user, 0, &buf);
    CHECK_MSG_(st == want && !buf, "NetUserGetInfo(\"%s\"): status %u (want %u), buffer %p",
               server, (unsigned)st, (unsigned)want, (void *)buf);
}

TEST(server_names)
{
    char host[256], name[300], upper[300];
    gethostname(host, sizeof host);
    host[255] = '\0';
    snprintf(name, sizeof name, "\\\\%s", host);
    size_t i = 0;
    for (; host[i]; i++)
        upper[i] = (char)(host[i] >= 'a' && host[i] <= 'z' ? host[i] - 32 : host[i]);
    upper[i] = '\0';
    const char *ok[] = {NULL, "", host, name, upper, "localhost", "\\\\LOCALHOST",
                        "127.0.0.1", "\\\\::1"};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
        LPBYTE buf = NULL;
        DWORD read, total;
        CHECK_EQ_U(NetUserEnum(ok[k], 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                   NERR_Success);
        NetApiBufferFree(buf);
        CHECK_EQ_U(NetUserGetInfo(ok[k], db[0].name, 0, &buf), NERR_Success);
        NetApiBufferFree(buf);
    }
    char label[256];
    snprintf(label, sizeof label, "%.*s", (int)strcspn(host, "."), host);
    LPBYTE lb = NULL;
    CHECK_EQ_U(NetUserGetInfo(label, db[0].name, 0, &lb), NERR_Success); /* first label alone */
    NetApiBufferFree(lb);
    /* Malformed: a backslash alone, two alone, a backslash inside. */
    const char *malformed[] = {"\\", "\\\\", "\\\\\\\\", "\\\\a\\b"};
    for (size_t k = 0; k < sizeof malformed / sizeof malformed[0]; k++)
        check_server_refused(malformed[k], db[0].name, ERROR_INVALID_NAME);
    /* every address of this host's interfaces, bare and with "\\\\" */
    struct ifaddrs *ifs = NULL;
    size_t addresses = 0;
    if (getifaddrs(&ifs) == 0) {
        for (struct ifaddrs *a = ifs; a; a = a->ifa_next) {
            char text[INET6_ADDRSTRLEN + 2] = "\\\\";
            if (!a->ifa_addr)
                continue;
            if (a->ifa_addr->sa_family == AF_INET)
                inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)a->ifa_addr)->sin_addr,
                          text + 2, INET6_ADDRSTRLEN);
            else if (a->ifa_addr->sa_family == AF_INET6)
                inet_ntop(AF_INET6, &((struct sockaddr_in6 *)(void *)a->ifa_addr)->sin6_addr,
                          text + 2, INET6_ADDRSTRLEN);
            else
                continue;
            for (int unc = 0; unc <= 1; unc++) {
                LPBYTE buf = NULL;
                const char *addr = unc ? text : text + 2;
                NET_API_STATUS st = NetUserGetInfo(addr, db[0].name, 0, &buf);
                if (st != NERR_Success)
                    CHECK_MSG_(0, "interface address %s: status %u", addr, (unsigned)st);
                NetApiBufferFree(buf);
            }
            addresses++;
        }
        freeifaddrs(ifs);
    }
    CHECK(addresses > 0);
    /* this host's fully qualified name, where the resolver knows one */
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_flags = AI_CANONNAME;
    if (getaddrinfo(host, NULL, &hints, &res) == 0 && res->ai_canonname &&
        strchr(res->ai_canonname, '.') &&
        strncasecmp(res->ai_canonname, host, strcspn(host, ".")) == 0) {
        LPBYTE buf = NULL;
        CHECK_EQ_U(NetUserGetInfo(res->ai_canonname, db[0].name, 0, &buf), NERR_Success);
        NetApiBufferFree(buf);
        printf("  fully qualified name %s is this machine\n", res->ai_canonname);
    }
    if (res)
        freeaddrinfo(res);
    /* a name no host can have: 53 without asking any resolver (or Samba) */
    const char *impossible[] = {"\\\\Ba  path", "white space", "a*b", "\\\\tab\there"};
    for (size_t k = 0; k < sizeof impossible / sizeof impossible[0]; k++)
        check_server_refused(impossible[k], db[0].name, ERROR_BAD_NETPATH);
    /* Another machine that refuses at once (nothing listens on 127.0.0.9).
       The probe's handle is closed after the calls, as in test_net: closed
       before them, it would unload Samba's libraries and their thread-local
       storage only for the library to load them again, which
       LeakSanitizer's thread-local bookkeeping does not follow (its leak
       check then reads freed memory and crashes). */
    void *samba = dlopen("libnetapi.so.1", RTLD_LAZY | RTLD_LOCAL);
    NET_API_STATUS unreachable = samba ? ERROR_BAD_NETPATH : ERROR_MOD_NOT_FOUND;
    const char *bad[] = {"127.0.0.9", "\\\\127.0.0.9"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        check_server_refused(bad[k], db[0].name, unreachable);
    if (samba)
        dlclose(samba);
}

TEST(error_statuses)
{
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 9, total = 9, resume = 0;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, NULL, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(read, 0);
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &buf, MAX_PREFERRED_LENGTH, NULL, &total, &resume),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(buf, NULL);
    buf = (LPBYTE)1;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, NULL, &resume),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(buf, NULL);
    static const DWORD bad_levels[] = {5, 12, 21, 22, 24, 1000, 0xFFFFFFFF};
    for (size_t k = 0; k < sizeof bad_levels / sizeof bad_levels[0]; k++) {
        buf = (LPBYTE)1;
        CHECK_EQ_U(NetUserEnum(NULL, bad_levels[k], 0, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                               &resume),
                   ERROR_INVALID_LEVEL);
        CHECK_EQ_P(buf, NULL);
        buf = (LPBYTE)1;
        CHECK_EQ_U(NetUserGetInfo(NULL, "root", bad_levels[k], &buf), ERROR_INVALID_LEVEL);
        CHECK_EQ_P(buf, NULL);
    }
    static const DWORD other_filters[] = {FILTER_TEMP_DUPLICATE_ACCOUNT,
                                          FILTER_INTERDOMAIN_TRUST_ACCOUNT,
                                          FILTER_WORKSTATION_TRUST_ACCOUNT,
                                          FILTER_SERVER_TRUST_ACCOUNT, 0x40};
    for (size_t k = 0; k < sizeof other_filters / sizeof other_filters[0]; k++) {
        buf = (LPBYTE)1;
        resume = 77;
        CHECK_EQ_U(NetUserEnum(NULL, 20, other_filters[k], &buf, MAX_PREFERRED_LENGTH, &read,
                               &total, &resume),
                   NERR_Success);
        CHECK_EQ_P(buf, NULL);
        CHECK_EQ_U(read, 0);
        CHECK_EQ_U(total, 0);
        CHECK_EQ_U(resume, 0);
    }
    /* order: NULL out-parameters, then the server name's form, then the
       level (before any server is asked) */
    CHECK_EQ_U(NetUserEnum("\\\\", 7, 0, NULL, 1, &read, &total, NULL),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserEnum("\\\\", 7, 0, &buf, 1, &read, &total, NULL), ERROR_INVALID_NAME);
    CHECK_EQ_U(NetUserEnum("no-such-host", 7, 0, &buf, 1, &read, &total, NULL),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetUserGetInfo("no-such-host", "root", 7, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserGetInfo("\\\\", "root", 7, &buf), ERROR_INVALID_NAME);
    CHECK_EQ_U(NetUserGetInfo("no-such-host", "root", 7, &buf), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetUserGetInfo(NULL, "root", 0, NULL), ERROR_INVALID_PARAMETER);
    buf = (LPBYTE)1;
    CHECK_EQ_U(NetUserGetInfo(NULL, NULL, 0, &buf), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(buf, NULL);
    buf = (LPBYTE)1;
    CHECK_EQ_U(NetUserGetInfo(NULL, "no-such-user-netapibuf", 0, &buf), NERR_UserNotFound);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(NetUserGetInfo(NULL, "", 20, &buf), NERR_UserNotFound);
    CHECK_EQ_P(buf, NULL);
}

/* The one-call path, the paged path, and GetInfo, for oom_check_every_step. */
static NET_API_STATUS oom_user_call(int mode, LPBYTE *buf, LPDWORD read)
{
    DWORD total = 9, resume = 0;
    if (mode == 0)
        return NetUserEnum(NULL, 20, 0, buf, MAX_PREFERRED_LENGTH, read, &total, NULL);
    if (mode == 1)
        return NetUserEnum(NULL, 1, 0, buf, 256, read, &total, &resume);
    if (mode == 2)
        return NetUserGetInfo(NULL, db[0].name, 1, buf);
    if (mode == 3)
        return NetUserEnum(NULL, 4, 0, buf, MAX_PREFERRED_LENGTH, read, &total, NULL);
    if (mode == 4)
        return NetUserEnum(NULL, 23, 0, buf, 700, read, &total, &resume);
    if (mode == 5)
        return NetUserGetInfo(NULL, db[0].name, 4, buf);
    /* a case-insensitive lookup walks the database */
    static char upper[256];
    for (size_t i = 0; i < sizeof upper; i++) {
        char c = db[0].name[i];
        upper[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        if (!c)
            break;
    }
    return NetUserGetInfo(NULL, upper, 3, buf);
}

/* Fail the Nth allocation for every N: a clean 8, nothing returned, nothing
   leaked, for the one-call path, the paged path, and GetInfo. */
TEST(out_of_memory_every_step)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    for (int mode = 0; mode < 7; mode++)
        oom_check_every_step(oom_user_call, mode, mode < 2 || mode == 3 || mode == 4);
    nbi_resume_flush();
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
}

static NET_API_STATUS count_group(const struct group *gr, void *ctx)
{
    (void)gr;
    ++*(size_t *)ctx;
    return NERR_Success;
}

static NET_API_STATUS stop_at_first(const struct group *gr, void *ctx)
{
    (void)gr;
    (void)ctx;
    return NERR_GroupNotFound; /* any non-zero status stops the walk and is returned */
}

/* The group walk (for the local-group functions) sees what getent does. */
TEST(group_walk_matches_getent)
{
    size_t want = 0, got = 0;
    char line[4096];
    FILE *f = popen("getent group", "r");
    while (f && fgets(line, sizeof line, f))
        want++;
    if (f)
        pclose(f);
    CHECK_EQ_U(nbi_local_walk_groups(count_group, &got), NERR_Success);
    CHECK_EQ_U(got, want);
    CHECK_EQ_U(nbi_local_walk_groups(stop_at_first, NULL), NERR_GroupNotFound);
}

/* ---- names matched as Windows matches them -------------------------------------- */

/* The test's own folding: ASCII letters, and Latin-1's accented capitals
   (UTF-8 C3 80..C3 9E but C3 97) to their small letters. */
static void fold(const char *in, char *out, size_t cap)
{
    size_t i = 0;
    for (; in[i] && i + 1 < cap; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (i > 0 && (unsigned char)in[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            c = (unsigned char)(c + 0x20);
        out[i] = (char)c;
    }
    out[i] = '\0';
}

/* The distinct names of db matching `name` ignoring case: how many, and the first. */
static size_t nocase_matches(const char *name, const char **first)
{
    char want[256], got[256];
    fold(name, want, sizeof want);
    size_t n = 0;
    *first = NULL;
    for (size_t i = 0; i < ndb; i++) {
        fold(db[i].name, got, sizeof got);
        if (strcmp(got, want) != 0 || (*first && strcmp(*first, db[i].name) == 0))
            continue;
        if (!*first)
            *first = db[i].name;
        n++;
    }
    return n;
}

static int exact_user(const char *name)
{
    for (size_t i = 0; i < ndb; i++)
        if (strcmp(db[i].name, name) == 0)
            return 1;
    return 0;
}

/* The exact name first, then a unique case-insensitive match; several
   matches, or none, are NERR_UserNotFound. */
TEST(names_ignore_case)
{
    CHECK(nbi_local_names_match("ROOT", "root"));
    CHECK(nbi_local_names_match("GRÜPPE", "grüppe"));
    CHECK(nbi_local_names_match("ÀÉÎÕÜÞ", "àéîõüþ"));
    CHECK(!nbi_local_names_match("\xC3\x97", "\xC3\xB7")); /* × and ÷ are no pair */
    CHECK(!nbi_local_names_match("\xC4\x80", "\xC4\x81")); /* Ā and ā: beyond Latin-1 */
    CHECK(!nbi_local_names_match("root", "roo"));
    CHECK(!nbi_local_names_match("[", "{")); /* only letters fold */
    size_t tried = 0, ambiguous = 0;
    for (size_t i = 0; i < ndb; i++) {
        char variants[3][256];
        size_t n = strlen(db[i].name);
        if (n >= sizeof variants[0])
            continue;
        for (size_t k = 0; k <= n; k++) {
            char c = db[i].name[k];
            variants[0][k] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c); /* upper */
            variants[1][k] = (char)(k % 2 && c >= 'a' && c <= 'z' ? c - 32 : c);
            variants[2][k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); /* lower */
        }
        for (int v = 0; v < 3; v++) {
            const char *name = variants[v], *first;
            if (exact_user(name))
                continue; /* exact lookups are get_info_matches_getent's */
            size_t matches = nocase_matches(name, &first);
            LPBYTE buf = (LPBYTE)1;
            NET_API_STATUS st = NetUserGetInfo(NULL, name, 0, &buf);
            tried++;
            if (matches == 1) {
                CHECK_EQ_U(st, NERR_Success);
                if (st == NERR_Success)
                    CHECK_EQ_S(((USER_INFO_0 *)buf)->usri0_name, first);
                NetApiBufferFree(buf);
            } else {
                ambiguous += matches > 1;
                CHECK_EQ_U(st, NERR_UserNotFound);
                CHECK_EQ_P(buf, NULL);
            }
        }
    }
    CHECK(tried > 0);
    printf("  %zu names in other cases tried, %zu of them ambiguous\n", tried, ambiguous);
    /* "ROOT" is root, as on Windows (unless a ROOT or Root exists too) */
    const char *first;
    if (!exact_user("ROOT") && nocase_matches("ROOT", &first) == 1) {
        LPBYTE buf = NULL;
        CHECK_EQ_U(NetUserGetInfo(NULL, "ROOT", 20, &buf), NERR_Success);
        CHECK_EQ_S(((USER_INFO_20 *)buf)->usri20_name, "root");
        CHECK_EQ_U(((USER_INFO_20 *)buf)->usri20_user_id, 0);
        NetApiBufferFree(buf);
    }
    LPBYTE buf = (LPBYTE)1;
    CHECK_EQ_U(NetUserGetInfo(NULL, "NO-SUCH-USER-NETAPIBUF", 0, &buf), NERR_UserNotFound);
    CHECK_EQ_P(buf, NULL);
}

/* ---- SIDs ------------------------------------------------------------------------ */

static void sid_round_trip(const char *text, const char *canonical, unsigned subs)
{
    LPVOID sid = NULL;
    LPSTR back = NULL;
    CHECK_EQ_U(netapibuf_string_to_sid(text, &sid), NERR_Success);
    if (!sid)
        return;
    DWORD size = 0;
    NetApiBufferSize(sid, &size);
    CHECK_EQ_U(size, 8 + 4 * subs);
    CHECK_EQ_U(((SID *)sid)->Revision, SID_REVISION);
    CHECK_EQ_U(((SID *)sid)->SubAuthorityCount, subs);
    CHECK_EQ_U(netapibuf_sid_to_string(sid, &back), NERR_Success);
    CHECK_EQ_S(back, canonical);
    NetApiBufferFree(back);
    NetApiBufferFree(sid);
}

TEST(sid_text)
{
    sid_round_trip("S-1-22-1-1000", "S-1-22-1-1000", 2);
    sid_round_trip("s-1-22-2-0", "S-1-22-2-0", 2);
    sid_round_trip("S-1-5-32-544", "S-1-5-32-544", 2);
    sid_round_trip("S-1-1-0", "S-1-1-0", 1);
    sid_round_trip("S-1-5", "S-1-5", 0);
    sid_round_trip("S-1-22-1-4294967295", "S-1-22-1-4294967295", 2);
    sid_round_trip("S-1-0x16-1-7", "S-1-22-1-7", 2);
    sid_round_trip("S-1-0x123456789ABC-1", "S-1-0x123456789ABC-1", 1);
    sid_round_trip("S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14", "S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14",
                   15);
    /* the binary form: authority big-endian, sub-authorities in host order */
    LPVOID sid = NULL;
    CHECK_EQ_U(netapibuf_string_to_sid("S-1-22-1-1000", &sid), NERR_Success);
    static const unsigned char want[16] = {1, 2, 0, 0, 0, 0, 0, 22, 1, 0, 0, 0, 0xE8, 3, 0, 0};
    CHECK(sid && memcmp(sid, want, 16) == 0);
    NetApiBufferFree(sid);
    static const char *bad[] = {"", "S", "S-", "S-1", "S-1-", "S-2-5", "S-1-5-", "S-1--5",
                                "S-1-5-x", "S-1-5-1 ", " S-1-5", "S-1-5-4294967296",
                                "S-1-281474976710656", "S-1-0x1000000000000",
                                "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", "X-1-5",
                                "S-1-5--1", "S-1-0x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sid = (LPVOID)1;
        NET_API_STATUS st = netapibuf_string_to_sid(bad[i], &sid);
        if (st != ERROR_INVALID_SID)
            CHECK_MSG_(0, "\"%s\": status %u, want ERROR_INVALID_SID", bad[i], (unsigned)st);
        CHECK_EQ_P(sid, NULL);
    }
    sid = (LPVOID)1;
    CHECK_EQ_U(netapibuf_string_to_sid(NULL, &sid), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(sid, NULL);
    CHECK_EQ_U(netapibuf_string_to_sid("S-1-5", NULL), ERROR_INVALID_PARAMETER);
    LPSTR text = (LPSTR)1;
    CHECK_EQ_U(netapibuf_sid_to_string(NULL, &text), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(text, NULL);
    CHECK_EQ_U(netapibuf_sid_to_string(want, NULL), ERROR_INVALID_PARAMETER);
    unsigned char revision2[8] = {2, 0, 0, 0, 0, 0, 0, 5};
    unsigned char too_many[72] = {1, 16, 0, 0, 0, 0, 0, 5};
    text = (LPSTR)1;
    CHECK_EQ_U(netapibuf_sid_to_string(revision2, &text), ERROR_INVALID_SID);
    CHECK_EQ_P(text, NULL);
    CHECK_EQ_U(netapibuf_sid_to_string(too_many, &text), ERROR_INVALID_SID);
    CHECK(strcmp(netapibuf_status_text(ERROR_INVALID_SID), "Unknown status") != 0);
}

/* A resume handle of one level used with another: the other level's
   records, from the same index on. */
TEST(level_changed_mid_enumeration)
{
    if (ndb < 3)
        return;
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0, resume = 0;
    CHECK_EQ_U(NetUserEnum(NULL, 20, 0, &buf, 1, &read, &total, &resume), ERROR_MORE_DATA);
    check_entries(buf, 20, 0, read);
    NetApiBufferFree(buf);
    size_t at = read;
    NET_API_STATUS st;
    do {
        st = NetUserEnum(NULL, 3, 0, &buf, 1000, &read, &total, &resume);
        check_entries(buf, 3, at, read);
        NetApiBufferFree(buf);
        at += read;
    } while (st == ERROR_MORE_DATA);
    CHECK_EQ_U(st, NERR_Success);
    CHECK_EQ_U(at, ndb);
}

/* Known answers over net_namespace.sh's crafted databases (skipped
   elsewhere): each shadow state as Windows' fields describe it, a last
   logon from lastlog, names that differ only in case. */
static USER_INFO_3 *info3(const char *name, LPBYTE *buf)
{
    *buf = NULL;
    NET_API_STATUS st = NetUserGetInfo(NULL, name, 3, buf);
    if (st != NERR_Success)
        CHECK_MSG_(0, "%s: status %u", name, (unsigned)st);
    return (USER_INFO_3 *)*buf;
}

TEST(crafted_accounts)
{
    struct passwd *pw = getpwnam("u001");
    if (!pw || pw->pw_uid != 20001 || !getpwnam("Mixed.Case")) {
        printf("  (not over the crafted databases: skipped)\n");
        return;
    }
    int root = geteuid() == 0;
    DWORD today = (DWORD)(time(NULL) / 86400);
    LPBYTE buf;
    USER_INFO_3 *u;
    if ((u = info3("u001", &buf)) && root) /* "!" */
        CHECK(u->usri3_flags & UF_ACCOUNTDISABLE);
    NetApiBufferFree(buf);
    if ((u = info3("u002", &buf)) && root) { /* empty password field */
        CHECK(u->usri3_flags & UF_PASSWD_NOTREQD);
        CHECK(!(u->usri3_flags & UF_ACCOUNTDISABLE));
    }
    NetApiBufferFree(buf);
    if ((u = info3("u003", &buf)) && root) { /* changed on day 0: must change */
        CHECK_EQ_U(u->usri3_password_expired, 1);
        CHECK_EQ_U(u->usri3_password_age, 0);
    }
    NetApiBufferFree(buf);
    if ((u = info3("u004", &buf)) && root) { /* 100 days old, 90 allowed */
        CHECK_EQ_U(u->usri3_password_expired, 1);
        CHECK(u->usri3_password_age >= 100 * 86400u - 86400u);
        CHECK(!(u->usri3_flags & UF_DONT_EXPIRE_PASSWD));
    }
    NetApiBufferFree(buf);
    if ((u = info3("u005", &buf)) && root) { /* expired yesterday */
        CHECK(u->usri3_flags & UF_ACCOUNTDISABLE);
        CHECK_EQ_U(u->usri3_acct_expires, (today - 1) * 86400u);
    }
    NetApiBufferFree(buf);
    if ((u = info3("u006", &buf)) && root) { /* expires next year */
        CHECK(!(u->usri3_flags & UF_ACCOUNTDISABLE));
        CHECK_EQ_U(u->usri3_acct_expires, (today + 400) * 86400u);
        CHECK(u->usri3_flags & UF_DONT_EXPIRE_PASSWD);
    }
    NetApiBufferFree(buf);
    if ((u = info3("u007", &buf)) && root) /* no maximum age */
        CHECK(u->usri3_flags & UF_DONT_EXPIRE_PASSWD);
    NetApiBufferFree(buf);
    if ((u = info3("u008", &buf)) && root) { /* 5 days into 30 */
        CHECK_EQ_U(u->usri3_password_expired, 0);
        CHECK(!(u->usri3_flags & UF_DONT_EXPIRE_PASSWD));
        CHECK(u->usri3_password_age >= 5 * 86400u - 86400u && u->usri3_password_age <= 6 * 86400u);
    }
    NetApiBufferFree(buf);
    if ((u = info3("u009", &buf)) && root) { /* expired on day 0 */
        CHECK(u->usri3_flags & UF_ACCOUNTDISABLE);
        CHECK_EQ_U(u->usri3_acct_expires, 0);
    }
    NetApiBufferFree(buf);
    if ((u = info3("u011", &buf)) && root) { /* an ordinary crafted account */
        CHECK_EQ_U(u->usri3_flags, UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD);
        CHECK_EQ_U(u->usri3_acct_expires, TIMEQ_FOREVER);
    }
    NetApiBufferFree(buf);
    if ((u = info3("nopass", &buf))) /* no shadow entry: the user entry's field counts */
        CHECK(u->usri3_flags & UF_PASSWD_NOTREQD);
    NetApiBufferFree(buf);
    if ((u = info3("u010", &buf))) /* lastlog, readable by anyone */
        CHECK_EQ_U(u->usri3_last_logon, 1750000000u);
    NetApiBufferFree(buf);
    if ((u = info3("u012", &buf)))
        CHECK_EQ_U(u->usri3_last_logon, 0);
    NetApiBufferFree(buf);
    /* names in another case */
    if ((u = info3("mixed.case", &buf)))
        CHECK_EQ_S(u->usri3_name, "Mixed.Case");
    NetApiBufferFree(buf);
    if ((u = info3("JÖSÉ", &buf)))
        CHECK_EQ_S(u->usri3_name, "jösé");
    NetApiBufferFree(buf);
    if ((u = info3("TWIN", &buf))) /* exact */
        CHECK_EQ_U(u->usri3_user_id, 29992);
    NetApiBufferFree(buf);
    buf = (LPBYTE)1;
    CHECK_EQ_U(NetUserGetInfo(NULL, "Twin", 0, &buf), NERR_UserNotFound); /* two match */
    CHECK_EQ_P(buf, NULL);
    LPBYTE groups = NULL;
    DWORD read = 0, total = 0;
    CHECK_EQ_U(NetUserGetLocalGroups(NULL, "MIXED.CASE", 0, 0, &groups, MAX_PREFERRED_LENGTH,
                                     &read, &total),
               NERR_Success);
    NetApiBufferFree(groups);
    CHECK_EQ_U(NetLocalGroupGetInfo(NULL, "casegroup", 0, &buf), NERR_Success);
    if (buf)
        CHECK_EQ_S(((LOCALGROUP_INFO_0 *)buf)->lgrpi0_name, "CaseGroup");
    NetApiBufferFree(buf);
    CHECK_EQ_U(NetLocalGroupGetInfo(NULL, "Pair", 0, &buf), NERR_GroupNotFound);
    CHECK_EQ_U(NetLocalGroupGetInfo(NULL, "GRÜPPE", 1, &buf), NERR_Success);
    if (buf)
        CHECK_EQ_S(((LOCALGROUP_INFO_1 *)buf)->lgrpi1_name, "grüppe");
    NetApiBufferFree(buf);
    CHECK_EQ_U(NetLocalGroupGetMembers(NULL, "CASEGROUP", 1, &buf, MAX_PREFERRED_LENGTH, &read,
                                       &total, NULL),
               NERR_Success);
    if (buf && read)
        CHECK_EQ_S(((LOCALGROUP_MEMBERS_INFO_1 *)buf)->lgrmi1_name, "u003");
    NetApiBufferFree(buf);
}

int main(void)
{
    load_getent();
    struct netapibuf_stats start, end;
    netapibuf_get_stats(&start);
    RUN(enum_matches_getent);
    RUN(get_info_matches_getent);
    RUN(paging_every_prefmaxlen);
    RUN(paging_costs_one_walk);
    RUN(no_resume_handle);
    RUN(abandoned_and_evicted);
    RUN(threads_page_concurrently);
    RUN(server_names);
    RUN(error_statuses);
    RUN(out_of_memory_every_step);
    RUN(group_walk_matches_getent);
    RUN(names_ignore_case);
    RUN(sid_text);
    RUN(level_changed_mid_enumeration);
    RUN(crafted_accounts);
    netapibuf_get_stats(&end);
    check_current = "main";
    CHECK_EQ_U(end.live_buffers, start.live_buffers);
    return check_finish();
}
