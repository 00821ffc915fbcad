/* test_user.c — docs/behaviour.md §4–5, NetUserEnum / NetUserGetInfo: results match
   `getent passwd`, paging with every prefmaxlen, resume handles that cost one
   walk, abandoned enumerations, threads, every error status, out of memory. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    char *name, *full_name, *comment, *dir, *shell;
    unsigned long uid;
};
static struct expect *db;
static size_t ndb;

static void load_getent(void)
{
    char **lines;
    ndb = getent_lines("passwd", &lines);
    db = calloc(ndb + 1, sizeof *db);
    for (size_t i = 0; i < ndb; i++) {
        char *p = lines[i];
        struct expect *e = &db[i];
        e->name = getent_field(&p);
        getent_field(&p); /* password */
        e->uid = strtoul(getent_field(&p), NULL, 10);
        getent_field(&p); /* gid */
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
}

static DWORD expected_flags(const struct expect *e)
{
    const char *base = strrchr(e->shell, '/');
    base = base ? base + 1 : e->shell;
    int off = strcmp(base, "nologin") == 0 || strcmp(base, "false") == 0;
    return UF_SCRIPT | UF_NORMAL_ACCOUNT | (off ? UF_ACCOUNTDISABLE : 0);
}

static size_t record_size(DWORD level)
{
    switch (level) {
    case 0: return sizeof(USER_INFO_0);
    case 1: return sizeof(USER_INFO_1);
    case 10: return sizeof(USER_INFO_10);
    default: return sizeof(USER_INFO_20);
    }
}

/* A string field is a valid NUL-terminated string inside the buffer. */
static int in_buf(const char *s, LPBYTE buf, DWORD size)
{
    if (!s || (const unsigned char *)s < buf || (const unsigned char *)s >= buf + size)
        return 0;
    return memchr(s, '\0', (size_t)(buf + size - (const unsigned char *)s)) != NULL;
}

#define STR_OK(s, want)                                                       \
    do {                                                                      \
        if (!in_buf((s), buf, size))                                          \
            CHECK_MSG_(0, "entry %zu: %s outside the buffer", i, #s);         \
        else                                                                  \
            CHECK_EQ_S((s), (want));                                          \
    } while (0)

/* Entries [first, first + n) of db at `level` in buf, with every invariant. */
static void check_entries(LPBYTE buf, DWORD level, size_t first, DWORD n)
{
    if (!n)
        return;
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(buf, &size), NERR_Success);
    CHECK_GE_U(size, n * record_size(level));
    CHECK_EQ_U((uintptr_t)buf % alignof(USER_INFO_1), 0);
    for (size_t k = 0; k < n; k++) {
        size_t i = first + k;
        if (i >= ndb) {
            CHECK_MSG_(0, "entry %zu beyond the %zu of getent", i, ndb);
            return;
        }
        const struct expect *e = &db[i];
        switch (level) {
        case 0:
            STR_OK(((USER_INFO_0 *)buf)[k].usri0_name, e->name);
            break;
        case 1: {
            USER_INFO_1 *u = &((USER_INFO_1 *)buf)[k];
            STR_OK(u->usri1_name, e->name);
            CHECK_EQ_P(u->usri1_password, NULL);
            CHECK_EQ_U(u->usri1_priv, e->uid == 0 ? USER_PRIV_ADMIN : USER_PRIV_USER);
            STR_OK(u->usri1_home_dir, e->dir);
            STR_OK(u->usri1_comment, e->comment);
            CHECK_EQ_U(u->usri1_flags, expected_flags(e));
            STR_OK(u->usri1_script_path, "");
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
        default: {
            USER_INFO_20 *u = &((USER_INFO_20 *)buf)[k];
            STR_OK(u->usri20_name, e->name);
            STR_OK(u->usri20_full_name, e->full_name);
            STR_OK(u->usri20_comment, e->comment);
            CHECK_EQ_U(u->usri20_flags, expected_flags(e));
            CHECK_EQ_U(u->usri20_user_id, e->uid);
            break;
        }
        }
    }
}

static const DWORD levels[] = {0, 1, 10, 20};

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
    for (size_t l = 0; l < 4; l++) {
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
        for (size_t l = 0; l < 4; l++) {
            LPBYTE buf = NULL;
            struct passwd *pw = getpwnam(db[i].name);
            if (!pw || pw->pw_uid != db[i].uid)
                continue; /* a duplicate name: getpwnam gives the first */
            CHECK_EQ_U(NetUserGetInfo(NULL, db[i].name, levels[l], &buf), NERR_Success);
            check_entries(buf, levels[l], i, 1);
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

TEST(paging_every_prefmaxlen)
{
    for (size_t l = 0; l < 4; l++) {
        LPBYTE buf = NULL;
        DWORD read, total, whole = 0;
        NetUserEnum(NULL, levels[l], 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        NetApiBufferSize(buf, &whole);
        NetApiBufferFree(buf);
        for (DWORD pref = 1; pref <= whole + 1; pref++) {
            size_t pages = 0;
            page_all(levels[l], pref, &pages);
            if (pref >= whole)
                CHECK_EQ_U(pages, 1);
        }
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
    for (size_t k = 0; k < sizeof malformed / sizeof malformed[0]; k++) {
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 9, total = 9;
        CHECK_EQ_U(NetUserEnum(malformed[k], 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                               NULL),
                   ERROR_INVALID_NAME);
        CHECK_EQ_P(buf, NULL);
        CHECK_EQ_U(read, 0);
        CHECK_EQ_U(total, 0);
        buf = (LPBYTE)1;
        CHECK_EQ_U(NetUserGetInfo(malformed[k], db[0].name, 0, &buf), ERROR_INVALID_NAME);
        CHECK_EQ_P(buf, NULL);
    }
    /* Another machine that refuses at once (nothing listens on 127.0.0.9). */
    void *samba = dlopen("libnetapi.so.1", RTLD_LAZY | RTLD_LOCAL);
    NET_API_STATUS unreachable = samba ? ERROR_BAD_NETPATH : ERROR_MOD_NOT_FOUND;
    if (samba)
        dlclose(samba);
    const char *bad[] = {"127.0.0.9", "\\\\127.0.0.9"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 9, total = 9;
        CHECK_EQ_U(NetUserEnum(bad[k], 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                   unreachable);
        CHECK_EQ_P(buf, NULL);
        CHECK_EQ_U(read, 0);
        CHECK_EQ_U(total, 0);
        buf = (LPBYTE)1;
        CHECK_EQ_U(NetUserGetInfo(bad[k], db[0].name, 0, &buf), unreachable);
        CHECK_EQ_P(buf, NULL);
    }
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
    static const DWORD bad_levels[] = {2, 3, 4, 11, 21, 23, 1000};
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
    return NetUserGetInfo(NULL, db[0].name, 1, buf);
}

/* Fail the Nth allocation for every N: a clean 8, nothing returned, nothing
   leaked, for the one-call path, the paged path, and GetInfo. */
TEST(out_of_memory_every_step)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    for (int mode = 0; mode < 3; mode++)
        oom_check_every_step(oom_user_call, mode, mode < 2);
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
    netapibuf_get_stats(&end);
    check_current = "main";
    CHECK_EQ_U(end.live_buffers, start.live_buffers);
    return check_finish();
}
