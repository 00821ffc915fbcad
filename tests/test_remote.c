/*
 * test_remote.c — every remote function and level against a real Samba
 * server (SPEC section 6), run next to one by tests/remote/with_server.sh:
 *
 *   tests/remote/with_server.sh smbd build/tests/test_remote
 *   tests/remote/with_server.sh dc   build/tests/test_remote
 *
 * What it holds the library to (docs/remote-tests.md lists every check):
 * every field of every level against the server's own view of its
 * accounts (tests/remote/server_view.py: pdbedit, samba-tool, net rpc,
 * rpcclient, never netapibuf or libnetapi); one buffer per result with
 * every pointer, string and SID inside it; paging with many prefmaxlen
 * values and resume handles that rebuilds exactly the one-call list;
 * Windows' statuses; credentials; the same server under several names;
 * threads mixing remote and local calls, a local call never waiting for a
 * remote one; a forked child; the heap flat over 10,000 remote calls.
 *
 * NB_REMOTE_QUICK=1 (set for the valgrind and sanitizer runs) enumerates
 * the slow levels (those Samba answers one user at a time) only where
 * they are needed and makes 1,000 calls in the memory check instead of
 * 10,000.  Without with_server.sh's variables the program skips (77).
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <malloc.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "tools.h"

#if TOOL_ASAN || TOOL_TSAN
#include <sanitizer/allocator_interface.h>
#endif
#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif
#endif
#ifndef VALGRIND_COUNT_ERRORS
#define VALGRIND_COUNT_ERRORS 0
#endif

#ifndef NB_SOURCE_DIR
#define NB_SOURCE_DIR "."
#endif

/* ---- small helpers ------------------------------------------------------------------ */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *nz(const char *s)
{
    return s ? s : "";
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        abort();
    return d;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        abort();
    va_end(ap);
    return s;
}

/* The Windows prototypes take some names as LMSTR; they are never written. */
static char *mut(const char *s)
{
    return (char *)(uintptr_t)s;
}

static int env_flag(const char *name)
{
    const char *v = getenv(name);
    return v && *v && strcmp(v, "0") != 0;
}

/* A binary Windows SID as "S-1-5-21-...", or "" when it is malformed. */
static void sid_to_text(const void *sid, char *out, size_t size)
{
    const unsigned char *s = sid;
    out[0] = '\0';
    if (!s || s[0] != 1 || s[1] > 15)
        return;
    unsigned long long authority = 0;
    for (int i = 0; i < 6; i++)
        authority = authority << 8 | s[2 + i];
    int n = snprintf(out, size, "S-%u-%llu", s[0], authority);
    for (int i = 0; i < s[1] && n > 0 && (size_t)n < size; i++) {
        uint32_t sub;
        memcpy(&sub, s + 8 + 4 * i, 4);
        n += snprintf(out + n, size - (size_t)n, "-%u", sub);
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* qsort of n strings (an empty list may have no array at all). */
static void sort_strings(char **v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_str);
}

/* ---- the fixture ---------------------------------------------------------------------- */

static const char *S; /* the server, as with_server.sh names it (127.0.0.2) */
static const char *kind, *server_name, *domain, *admin, *admin_pw, *user, *user_pw, *realm;
static unsigned long user_count;
static int is_dc, quick;

static void as_admin(void)
{
    CHECK_EQ_U(netapibuf_set_credentials(NULL, admin, admin_pw), NERR_Success);
}

static void as_user(void)
{
    CHECK_EQ_U(netapibuf_set_credentials(NULL, user, user_pw), NERR_Success);
}

/* ---- the server's own view (tests/remote/server_view.py) -------------------------------- */

struct vuser {
    char *name, *full, *desc, *usr_comment, *home, *profile, *script, *workstations, *parms,
        *home_drive, *hours;
    DWORD rid, flags, computed, primary;
};
struct valias {
    char *name, *comment;
    int builtin;
    DWORD rid;
};
struct vmember {
    char *alias, *sid, *domain, *name;
    DWORD type;
};
struct vpair {
    char *a, *b;
};

static struct {
    char *domain_name, *domain_sid;
    unsigned long domain_users, domain_local_groups;
    struct vuser *users; /* sorted by name */
    size_t nusers;
    struct valias *aliases;
    size_t naliases;
    struct vmember *members;
    size_t nmembers;
    struct vpair *ugroups; /* user, global group SID */
    size_t nugroups;
    struct vpair *server; /* key, value */
    size_t nserver;
    long long time;
    double time_taken; /* now_s() when the view was read */
    int mismatches;
} V;

/* Split a view line in place at tabs, undoing its escapes. */
static size_t split_fields(char *line, char **f, size_t max)
{
    size_t n = 0;
    char *w = line;
    f[n++] = w;
    for (char *r = line; *r && *r != '\n'; r++) {
        if (*r == '\t' && n < max) {
            *w++ = '\0';
            f[n++] = w;
        } else if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return n;
}

#define PUSH(array, count, value)                                                      \
    do {                                                                               \
        array = realloc(array, (count + 1) * sizeof *array);                           \
        if (!array)                                                                    \
            abort();                                                                   \
        array[count++] = value;                                                        \
    } while (0)

static int cmp_vuser(const void *a, const void *b)
{
    return strcmp(((const struct vuser *)a)->name, ((const struct vuser *)b)->name);
}

static const struct vuser *vuser_find(const char *name)
{
    struct vuser key = {0};
    key.name = mut(name);
    return bsearch(&key, V.users, V.nusers, sizeof key, cmp_vuser);
}

static const struct valias *valias_find(const char *name)
{
    for (size_t i = 0; i < V.naliases; i++)
        if (strcmp(V.aliases[i].name, name) == 0)
            return &V.aliases[i];
    return NULL;
}

static const char *vserver(const char *key)
{
    const char *v = "";
    for (size_t i = 0; i < V.nserver; i++)
        if (strcmp(V.server[i].a, key) == 0)
            v = V.server[i].b;
    return v;
}

/* The system's Python: Samba's modules belong to it, not to one first in PATH. */
static const char *python(void)
{
    return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
}

static int load_view(void)
{
    char *cmd = xprintf("%s %s/tests/remote/server_view.py", python(), NB_SOURCE_DIR);
    FILE *f = popen(cmd, "r");
    free(cmd);
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *x[20];
        size_t n = split_fields(line, x, 20);
        if (strcmp(x[0], "domain") == 0 && n >= 5) {
            V.domain_name = xstrdup(x[1]);
            V.domain_sid = xstrdup(x[2]);
            V.domain_users = strtoul(x[3], NULL, 10);
            V.domain_local_groups = strtoul(x[4], NULL, 10);
        } else if (strcmp(x[0], "user") == 0 && n >= 16) {
            struct vuser u = {xstrdup(x[1]),  xstrdup(x[3]),  xstrdup(x[4]),  xstrdup(x[5]),
                              xstrdup(x[8]),  xstrdup(x[9]),  xstrdup(x[11]), xstrdup(x[12]),
                              xstrdup(x[13]), xstrdup(x[14]), xstrdup(x[15]),
                              (DWORD)strtoul(x[2], NULL, 10), (DWORD)strtoul(x[6], NULL, 10),
                              (DWORD)strtoul(x[7], NULL, 10), (DWORD)strtoul(x[10], NULL, 10)};
            PUSH(V.users, V.nusers, u);
        } else if (strcmp(x[0], "alias") == 0 && n >= 5) {
            struct valias a = {xstrdup(x[2]), xstrdup(x[4]), x[1][0] == 'B',
                               (DWORD)strtoul(x[3], NULL, 10)};
            PUSH(V.aliases, V.naliases, a);
        } else if (strcmp(x[0], "member") == 0 && n >= 6) {
            struct vmember m = {xstrdup(x[1]), xstrdup(x[2]), xstrdup(x[3]), xstrdup(x[4]),
                                (DWORD)strtoul(x[5], NULL, 10)};
            PUSH(V.members, V.nmembers, m);
        } else if (strcmp(x[0], "ugroup") == 0 && n >= 3) {
            struct vpair p = {xstrdup(x[1]), xstrdup(x[2])};
            PUSH(V.ugroups, V.nugroups, p);
        } else if (strcmp(x[0], "server") == 0 && n >= 3) {
            struct vpair p = {xstrdup(x[1]), xstrdup(x[2])};
            PUSH(V.server, V.nserver, p);
        } else if (strcmp(x[0], "time") == 0 && n >= 2) {
            V.time = strtoll(x[1], NULL, 10);
            V.time_taken = now_s();
        } else if (strcmp(x[0], "mismatch") == 0) {
            fprintf(stderr, "server_view.py: the server's tools disagree: %s\n", n > 1 ? x[1] : "");
            V.mismatches++;
        }
    }
    free(line);
    int rc = pclose(f);
    qsort(V.users, V.nusers, sizeof *V.users, cmp_vuser);
    return rc == 0 && V.domain_sid && V.nusers ? 0 : -1;
}

/* The view's SID of user u. */
static char *user_sid(const struct vuser *u)
{
    return xprintf("%s-%u", V.domain_sid, (unsigned)u->rid);
}

/* ---- one buffer: every pointer of every record inside it ----------------------------- */

enum fkind { F_STR, F_SID, F_HOURS };
struct field {
    size_t off;
    enum fkind kind;
};
struct rdesc {
    const char *name;
    size_t size;
    const struct field *fields;
    size_t nfields;
};

#define FS(T, f) {offsetof(T, f), F_STR}
#define FSID(T, f) {offsetof(T, f), F_SID}
#define FH(T, f) {offsetof(T, f), F_HOURS}
#define RDESC(T, ...)                                                                      \
    static const struct field T##_fields[] = {__VA_ARGS__};                                \
    static const struct rdesc T##_desc = {#T, sizeof(T), T##_fields,                       \
                                          sizeof T##_fields / sizeof *T##_fields}
#define RDESC_NONE(T) static const struct rdesc T##_desc = {#T, sizeof(T), NULL, 0}

RDESC(USER_INFO_0, FS(USER_INFO_0, usri0_name));
RDESC(USER_INFO_1, FS(USER_INFO_1, usri1_name), FS(USER_INFO_1, usri1_password),
      FS(USER_INFO_1, usri1_home_dir), FS(USER_INFO_1, usri1_comment),
      FS(USER_INFO_1, usri1_script_path));
RDESC(USER_INFO_2, FS(USER_INFO_2, usri2_name), FS(USER_INFO_2, usri2_password),
      FS(USER_INFO_2, usri2_home_dir), FS(USER_INFO_2, usri2_comment),
      FS(USER_INFO_2, usri2_script_path), FS(USER_INFO_2, usri2_full_name),
      FS(USER_INFO_2, usri2_usr_comment), FS(USER_INFO_2, usri2_parms),
      FS(USER_INFO_2, usri2_workstations), FH(USER_INFO_2, usri2_logon_hours),
      FS(USER_INFO_2, usri2_logon_server));
RDESC(USER_INFO_3, FS(USER_INFO_3, usri3_name), FS(USER_INFO_3, usri3_password),
      FS(USER_INFO_3, usri3_home_dir), FS(USER_INFO_3, usri3_comment),
      FS(USER_INFO_3, usri3_script_path), FS(USER_INFO_3, usri3_full_name),
      FS(USER_INFO_3, usri3_usr_comment), FS(USER_INFO_3, usri3_parms),
      FS(USER_INFO_3, usri3_workstations), FH(USER_INFO_3, usri3_logon_hours),
      FS(USER_INFO_3, usri3_logon_server), FS(USER_INFO_3, usri3_profile),
      FS(USER_INFO_3, usri3_home_dir_drive));
RDESC(USER_INFO_4, FS(USER_INFO_4, usri4_name), FS(USER_INFO_4, usri4_password),
      FS(USER_INFO_4, usri4_home_dir), FS(USER_INFO_4, usri4_comment),
      FS(USER_INFO_4, usri4_script_path), FS(USER_INFO_4, usri4_full_name),
      FS(USER_INFO_4, usri4_usr_comment), FS(USER_INFO_4, usri4_parms),
      FS(USER_INFO_4, usri4_workstations), FH(USER_INFO_4, usri4_logon_hours),
      FS(USER_INFO_4, usri4_logon_server), FSID(USER_INFO_4, usri4_user_sid),
      FS(USER_INFO_4, usri4_profile), FS(USER_INFO_4, usri4_home_dir_drive));
RDESC(USER_INFO_10, FS(USER_INFO_10, usri10_name), FS(USER_INFO_10, usri10_comment),
      FS(USER_INFO_10, usri10_usr_comment), FS(USER_INFO_10, usri10_full_name));
RDESC(USER_INFO_11, FS(USER_INFO_11, usri11_name), FS(USER_INFO_11, usri11_comment),
      FS(USER_INFO_11, usri11_usr_comment), FS(USER_INFO_11, usri11_full_name),
      FS(USER_INFO_11, usri11_home_dir), FS(USER_INFO_11, usri11_parms),
      FS(USER_INFO_11, usri11_logon_server), FS(USER_INFO_11, usri11_workstations),
      FH(USER_INFO_11, usri11_logon_hours));
RDESC(USER_INFO_20, FS(USER_INFO_20, usri20_name), FS(USER_INFO_20, usri20_full_name),
      FS(USER_INFO_20, usri20_comment));
RDESC(USER_INFO_23, FS(USER_INFO_23, usri23_name), FS(USER_INFO_23, usri23_full_name),
      FS(USER_INFO_23, usri23_comment), FSID(USER_INFO_23, usri23_user_sid));
RDESC(LOCALGROUP_INFO_0, FS(LOCALGROUP_INFO_0, lgrpi0_name));
RDESC(LOCALGROUP_INFO_1, FS(LOCALGROUP_INFO_1, lgrpi1_name),
      FS(LOCALGROUP_INFO_1, lgrpi1_comment));
RDESC(LOCALGROUP_INFO_1002, FS(LOCALGROUP_INFO_1002, lgrpi1002_comment));
RDESC(LOCALGROUP_MEMBERS_INFO_0, FSID(LOCALGROUP_MEMBERS_INFO_0, lgrmi0_sid));
RDESC(LOCALGROUP_MEMBERS_INFO_1, FSID(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sid),
      FS(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name));
RDESC(LOCALGROUP_MEMBERS_INFO_2, FSID(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_sid),
      FS(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_domainandname));
RDESC(LOCALGROUP_MEMBERS_INFO_3, FS(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_domainandname));
RDESC(LOCALGROUP_USERS_INFO_0, FS(LOCALGROUP_USERS_INFO_0, lgrui0_name));
RDESC(SERVER_INFO_100, FS(SERVER_INFO_100, sv100_name));
RDESC(SERVER_INFO_101, FS(SERVER_INFO_101, sv101_name), FS(SERVER_INFO_101, sv101_comment));
RDESC(SERVER_INFO_102, FS(SERVER_INFO_102, sv102_name), FS(SERVER_INFO_102, sv102_comment),
      FS(SERVER_INFO_102, sv102_userpath));
RDESC(WKSTA_INFO_100, FS(WKSTA_INFO_100, wki100_computername),
      FS(WKSTA_INFO_100, wki100_langroup));
RDESC(WKSTA_INFO_101, FS(WKSTA_INFO_101, wki101_computername),
      FS(WKSTA_INFO_101, wki101_langroup), FS(WKSTA_INFO_101, wki101_lanroot));
RDESC(WKSTA_INFO_102, FS(WKSTA_INFO_102, wki102_computername),
      FS(WKSTA_INFO_102, wki102_langroup), FS(WKSTA_INFO_102, wki102_lanroot));
RDESC_NONE(TIME_OF_DAY_INFO);

static const struct rdesc *user_desc(DWORD level)
{
    switch (level) {
    case 0: return &USER_INFO_0_desc;
    case 1: return &USER_INFO_1_desc;
    case 2: return &USER_INFO_2_desc;
    case 3: return &USER_INFO_3_desc;
    case 4: return &USER_INFO_4_desc;
    case 10: return &USER_INFO_10_desc;
    case 11: return &USER_INFO_11_desc;
    case 20: return &USER_INFO_20_desc;
    case 23: return &USER_INFO_23_desc;
    }
    return NULL;
}

static const struct rdesc *member_desc(DWORD level)
{
    static const struct rdesc *const d[] = {&LOCALGROUP_MEMBERS_INFO_0_desc,
                                            &LOCALGROUP_MEMBERS_INFO_1_desc,
                                            &LOCALGROUP_MEMBERS_INFO_2_desc,
                                            &LOCALGROUP_MEMBERS_INFO_3_desc};
    return level < 4 ? d[level] : NULL;
}

/*
 * buf holds n records of d: it is one live NetApiBuffer at least n records
 * long, aligned for them, and every pointer field is NULL or points past
 * the records and inside the buffer: a string with its NUL, a SID with all
 * its 8 + 4n bytes, logon hours with all 21.  Empty results (n == 0) come
 * as a NULL buffer.  One CHECK per buffer; the first fault is described.
 */
static void check_buffer_(const struct rdesc *d, const void *buf, DWORD n, const char *file,
                          int line)
{
    char why[300] = "";
    DWORD size = 0;
    if (n == 0) {
        if (buf)
            snprintf(why, sizeof why, "%s: 0 entries but a buffer", d->name);
    } else if (!buf) {
        snprintf(why, sizeof why, "%s: %u entries and no buffer", d->name, (unsigned)n);
    } else if (NetApiBufferSize((LPVOID)(uintptr_t)buf, &size) != NERR_Success) {
        snprintf(why, sizeof why, "%s: not a live NetApiBuffer", d->name);
    } else if ((uint64_t)n * d->size > size) {
        snprintf(why, sizeof why, "%s: %u records of %zu bytes in a %u-byte buffer", d->name,
                 (unsigned)n, d->size, (unsigned)size);
    } else if ((uintptr_t)buf % 8) {
        snprintf(why, sizeof why, "%s: records not aligned", d->name);
    } else {
        const unsigned char *base = buf, *data = base + (size_t)n * d->size,
                            *end = base + size;
        for (DWORD i = 0; i < n && !why[0]; i++)
            for (size_t k = 0; k < d->nfields && !why[0]; k++) {
                const unsigned char *p;
                memcpy(&p, base + (size_t)i * d->size + d->fields[k].off, sizeof p);
                if (!p)
                    continue;
                size_t avail = p >= data && p < end ? (size_t)(end - p) : 0;
                const char *fault = NULL;
                if (!avail)
                    fault = "points outside the buffer's data";
                else if (d->fields[k].kind == F_STR && !memchr(p, 0, avail))
                    fault = "string not NUL-terminated inside the buffer";
                else if (d->fields[k].kind == F_SID &&
                         (avail < 8 || p[0] != 1 || p[1] > 15 || 8u + 4u * p[1] > avail))
                    fault = "SID malformed or not inside the buffer";
                else if (d->fields[k].kind == F_HOURS && avail < 21)
                    fault = "logon hours not inside the buffer";
                if (fault)
                    snprintf(why, sizeof why, "%s[%u] field at offset %zu: %s", d->name,
                             (unsigned)i, d->fields[k].off, fault);
            }
    }
    check_report(!why[0], file, line, why[0] ? why : "buffer ok");
}
#define CHECK_BUFFER(d, buf, n) check_buffer_((d), (buf), (n), __FILE__, __LINE__)

/* Out-parameters after a failure: no buffer, no counts. */
#define CHECK_NOTHING(buf, er, te)                                                          \
    do {                                                                                    \
        CHECK_EQ_P(buf, NULL);                                                              \
        CHECK_EQ_U(er, 0);                                                                  \
        CHECK_EQ_U(te, 0);                                                                  \
    } while (0)

static void free_buf(LPBYTE *b)
{
    if (*b)
        CHECK_EQ_U(NetApiBufferFree(*b), NERR_Success);
    *b = NULL;
}

/* ---- users: one record against the view -------------------------------------------------- */

/* The 21 logon-hour bytes as the view's 42 hex digits. */
static int hours_equal(const unsigned char *h, const char *hex)
{
    if (!h)
        return strspn(hex, "F") == 42; /* no limit */
    char text[43];
    for (int i = 0; i < 21; i++)
        snprintf(text + 2 * i, 3, "%02X", h[i]);
    return strcasecmp(text, hex) == 0;
}

/* USER_PRIV_* as Samba's libnetapi reports it: by the account's RID
   (500 the administrator, 501 the guest), not by membership of the
   Administrators alias as Windows would. */
static DWORD expected_priv(const struct vuser *u)
{
    return u->rid == 500 ? USER_PRIV_ADMIN : u->rid == 501 ? USER_PRIV_GUEST : USER_PRIV_USER;
}

/* The flags: what the server stores, UF_SCRIPT, and with computed the bits
   a DC computes (lockout, password expired). */
static DWORD expected_flags(const struct vuser *u, int computed)
{
    return u->flags | UF_SCRIPT | (computed ? u->computed : 0);
}

/* Compare one record of USER_INFO_<level> with the view's user.  enum20:
   the record came from NetUserEnum at level 20, whose display-information
   route carries the stored flags (see docs/remote-tests.md). */
static int user_record_ok(DWORD level, const void *rec, const struct vuser *u, int enum20,
                          char *why, size_t n)
{
    char sid[200], *want_sid = user_sid(u);
#define EXPECT(cond, ...)                                                                   \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            snprintf(why, n, __VA_ARGS__);                                                  \
            free(want_sid);                                                                 \
            return 0;                                                                       \
        }                                                                                   \
    } while (0)
#define EXPECT_S(got, want, what)                                                           \
    EXPECT(strcmp(nz(got), nz(want)) == 0, "%s %s: \"%s\", the server says \"%s\"", u->name, \
           what, nz(got), nz(want))
#define EXPECT_U(got, want, what)                                                           \
    EXPECT((DWORD)(got) == (DWORD)(want), "%s %s: %#x, the server says %#x", u->name, what,  \
           (unsigned)(got), (unsigned)(want))
    DWORD flags_all = expected_flags(u, 1), flags_stored = expected_flags(u, 0);
    switch (level) {
    case 0: {
        const USER_INFO_0 *r = rec;
        EXPECT_S(r->usri0_name, u->name, "name");
        break;
    }
    case 1:
    case 2:
    case 3:
    case 4: {
        /* Levels 1 to 4 share their first fields. */
        const USER_INFO_1 *r = rec;
        EXPECT_S(r->usri1_name, u->name, "name");
        EXPECT(r->usri1_password == NULL, "%s: a password came back", u->name);
        EXPECT_U(r->usri1_priv, expected_priv(u), "priv");
        EXPECT_S(r->usri1_home_dir, u->home, "home_dir");
        EXPECT_S(r->usri1_comment, u->desc, "comment");
        EXPECT_U(r->usri1_flags, flags_all, "flags");
        EXPECT_S(r->usri1_script_path, u->script, "script_path");
        if (level == 1)
            break;
        const USER_INFO_2 *r2 = rec;
        EXPECT_S(r2->usri2_full_name, u->full, "full_name");
        EXPECT_S(r2->usri2_usr_comment, u->usr_comment, "usr_comment");
        EXPECT_S(r2->usri2_parms, u->parms, "parms");
        EXPECT_S(r2->usri2_workstations, u->workstations, "workstations");
        EXPECT_U(r2->usri2_units_per_week, UNITS_PER_WEEK, "units_per_week");
        EXPECT(hours_equal(r2->usri2_logon_hours, u->hours), "%s logon_hours differ", u->name);
        if (level == 2)
            break;
        /* 3 and 4 differ in one field (user_id / user_sid) of the same size. */
        if (level == 3) {
            const USER_INFO_3 *r3 = rec;
            EXPECT_U(r3->usri3_user_id, u->rid, "user_id");
            EXPECT_U(r3->usri3_primary_group_id, u->primary, "primary_group_id");
            EXPECT_S(r3->usri3_profile, u->profile, "profile");
            EXPECT_S(r3->usri3_home_dir_drive, u->home_drive, "home_dir_drive");
            EXPECT_U(r3->usri3_password_expired, !!(u->computed & UF_PASSWORD_EXPIRED),
                     "password_expired");
        } else {
            const USER_INFO_4 *r4 = rec;
            sid_to_text(r4->usri4_user_sid, sid, sizeof sid);
            EXPECT_S(sid, want_sid, "user_sid");
            EXPECT_U(r4->usri4_primary_group_id, u->primary, "primary_group_id");
            EXPECT_S(r4->usri4_profile, u->profile, "profile");
            EXPECT_S(r4->usri4_home_dir_drive, u->home_drive, "home_dir_drive");
            EXPECT_U(r4->usri4_password_expired, !!(u->computed & UF_PASSWORD_EXPIRED),
                     "password_expired");
        }
        break;
    }
    case 10: {
        const USER_INFO_10 *r = rec;
        EXPECT_S(r->usri10_name, u->name, "name");
        EXPECT_S(r->usri10_comment, u->desc, "comment");
        EXPECT_S(r->usri10_usr_comment, u->usr_comment, "usr_comment");
        EXPECT_S(r->usri10_full_name, u->full, "full_name");
        break;
    }
    case 11: {
        const USER_INFO_11 *r = rec;
        EXPECT_S(r->usri11_name, u->name, "name");
        EXPECT_S(r->usri11_comment, u->desc, "comment");
        EXPECT_S(r->usri11_usr_comment, u->usr_comment, "usr_comment");
        EXPECT_S(r->usri11_full_name, u->full, "full_name");
        EXPECT_U(r->usri11_priv, expected_priv(u), "priv");
        EXPECT_S(r->usri11_home_dir, u->home, "home_dir");
        EXPECT_S(r->usri11_parms, u->parms, "parms");
        EXPECT_S(r->usri11_workstations, u->workstations, "workstations");
        EXPECT_U(r->usri11_units_per_week, UNITS_PER_WEEK, "units_per_week");
        EXPECT(hours_equal(r->usri11_logon_hours, u->hours), "%s logon_hours differ", u->name);
        break;
    }
    case 20: {
        const USER_INFO_20 *r = rec;
        EXPECT_S(r->usri20_name, u->name, "name");
        EXPECT_S(r->usri20_full_name, u->full, "full_name");
        EXPECT_S(r->usri20_comment, u->desc, "comment");
        if (enum20)
            EXPECT(r->usri20_flags == flags_all || r->usri20_flags == flags_stored,
                   "%s flags: %#x, the server says %#x (stored) or %#x", u->name,
                   (unsigned)r->usri20_flags, (unsigned)flags_stored, (unsigned)flags_all);
        else
            EXPECT_U(r->usri20_flags, flags_all, "flags");
        EXPECT_U(r->usri20_user_id, u->rid, "user_id");
        break;
    }
    case 23: {
        const USER_INFO_23 *r = rec;
        EXPECT_S(r->usri23_name, u->name, "name");
        EXPECT_S(r->usri23_full_name, u->full, "full_name");
        EXPECT_S(r->usri23_comment, u->desc, "comment");
        EXPECT_U(r->usri23_flags, flags_all, "flags");
        sid_to_text(r->usri23_user_sid, sid, sizeof sid);
        EXPECT_S(sid, want_sid, "user_sid");
        break;
    }
    default:
        EXPECT(0, "level %u", (unsigned)level);
    }
#undef EXPECT
#undef EXPECT_S
#undef EXPECT_U
    free(want_sid);
    return 1;
}

static const DWORD user_levels[] = {0, 1, 2, 3, 4, 10, 11, 20, 23};
#define NLEVELS (sizeof user_levels / sizeof *user_levels)

/* The named users every GetInfo check reads. */
static const char *named_users[16];
static size_t nnamed;

static void pick_named_users(void)
{
    const char *common[] = {"alice", "bob", "carol", "dave", "bulk0001", "bulk1500"};
    for (size_t i = 0; i < sizeof common / sizeof *common; i++)
        named_users[nnamed++] = common[i];
    named_users[nnamed++] = admin;
    if (is_dc) {
        named_users[nnamed++] = "Guest";
        named_users[nnamed++] = "krbtgt";
    }
}

/* ---- the checks --------------------------------------------------------------------------- */

/* Before the first remote call no Samba library is in the process; after
   it libnetapi and talloc are. */
static int maps_has(const char *needle)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[4096];
    int found = 0;
    while (f && fgets(line, sizeof line, f))
        found |= strstr(line, needle) != NULL;
    if (f)
        fclose(f);
    return found;
}

TEST(samba_loaded_at_first_remote_call)
{
    LPBYTE b = NULL;
    CHECK(!maps_has("libnetapi.so"));
    CHECK(!maps_has("libtalloc.so"));
    CHECK_EQ_U(NetWkstaGetInfo(NULL, 100, &b), NERR_Success); /* this machine's */
    free_buf(&b);
    CHECK(!maps_has("libnetapi.so"));
    as_admin();
    CHECK_EQ_U(NetServerGetInfo(mut(S), 100, &b), NERR_Success);
    free_buf(&b);
    CHECK(maps_has("libnetapi.so.1"));
    CHECK(maps_has("libtalloc.so"));
}

TEST(view_is_consistent)
{
    CHECK_EQ_U(V.mismatches, 0);
    CHECK_EQ_U(V.nusers, user_count);
    CHECK_EQ_S(V.domain_name, domain);
    /* net rpc info counts the DC's machine account too */
    CHECK_EQ_U(V.domain_users, user_count + (is_dc ? 1 : 0));
    size_t account_aliases = 0;
    for (size_t i = 0; i < V.naliases; i++)
        account_aliases += !V.aliases[i].builtin;
    CHECK_EQ_U(account_aliases, V.domain_local_groups);
    CHECK(vuser_find(user) != NULL);
    CHECK(vuser_find(admin) != NULL);
    CHECK(vuser_find("bob") && (vuser_find("bob")->flags & UF_ACCOUNTDISABLE));
}

/* NetUserGetInfo: every level of every named user, field by field. */
TEST(user_getinfo_every_level)
{
    as_admin();
    for (size_t i = 0; i < nnamed; i++) {
        const struct vuser *u = vuser_find(named_users[i]);
        CHECK_MSG_(u != NULL, "%s is not in the server's view", named_users[i]);
        if (!u)
            continue;
        for (size_t l = 0; l < NLEVELS; l++) {
            LPBYTE b = (LPBYTE)1;
            NET_API_STATUS st = NetUserGetInfo(S, u->name, user_levels[l], &b);
            CHECK_MSG_(st == NERR_Success, "NetUserGetInfo(%s, %u) = %u", u->name,
                       (unsigned)user_levels[l], (unsigned)st);
            if (st != NERR_Success)
                continue;
            CHECK_BUFFER(user_desc(user_levels[l]), b, 1);
            char why[400] = "";
            int ok = user_record_ok(user_levels[l], b, u, 0, why, sizeof why);
            CHECK_MSG_(ok, "NetUserGetInfo level %u: %s", (unsigned)user_levels[l], why);
            free_buf(&b);
        }
    }
    /* Names are matched without regard to case. */
    LPBYTE b = NULL;
    CHECK_EQ_U(NetUserGetInfo(S, "ALICE", 20, &b), NERR_Success);
    if (b)
        CHECK_EQ_U(((USER_INFO_20 *)b)->usri20_user_id, vuser_find("alice")->rid);
    free_buf(&b);
}

/* Check every record of a whole-list result against the view; names[]
   gets the records' names (or NULL). */
static void check_user_list(DWORD level, const void *buf, DWORD n, int enum20, const char *what)
{
    const struct rdesc *d = user_desc(level);
    CHECK_BUFFER(d, buf, n);
    char **names = xcalloc(n, sizeof *names);
    int bad = 0;
    for (DWORD i = 0; i < n; i++) {
        const void *rec = (const unsigned char *)buf + (size_t)i * d->size;
        const char *name = *(char *const *)rec; /* every level's first field */
        names[i] = mut(nz(name));
        const struct vuser *u = vuser_find(nz(name));
        char why[400] = "";
        if (!u) {
            if (bad++ < 3)
                CHECK_MSG_(0, "%s level %u: \"%s\" is not one of the server's users", what,
                           (unsigned)level, nz(name));
        } else if (!user_record_ok(level, rec, u, enum20, why, sizeof why)) {
            if (bad++ < 3)
                CHECK_MSG_(0, "%s level %u: %s", what, (unsigned)level, why);
        }
    }
    CHECK_MSG_(bad == 0, "%s level %u: %d of %u records differ from the server's", what,
               (unsigned)level, bad, (unsigned)n);
    sort_strings(names, n);
    int dup = 0;
    for (DWORD i = 1; i < n; i++)
        dup += strcmp(names[i - 1], names[i]) == 0;
    CHECK_MSG_(dup == 0, "%s level %u: %d names listed twice", what, (unsigned)level, dup);
    free(names);
}

/* Levels Samba answers one user at a time: slow; in quick mode only one. */
static int level_is_slow(DWORD level)
{
    return level != 0 && level != 20;
}

/* NetUserEnum with MAX_PREFERRED_LENGTH: every user in one buffer, at every
   level, whatever the server pages (smbd: 1,024 a call). */
TEST(user_enum_every_level)
{
    as_admin();
    for (size_t l = 0; l < NLEVELS; l++) {
        DWORD level = user_levels[l];
        if (quick && level_is_slow(level) && level != 10)
            continue;
        LPBYTE b = NULL;
        DWORD er = 7, te = 7, resume = 0;
        double t0 = now_s();
        NET_API_STATUS st =
            NetUserEnum(S, level, FILTER_NORMAL_ACCOUNT, &b, MAX_PREFERRED_LENGTH, &er, &te, &resume);
        double took = now_s() - t0;
        CHECK_MSG_(st == NERR_Success, "NetUserEnum level %u = %u", (unsigned)level, (unsigned)st);
        CHECK_EQ_U(er, user_count);
        CHECK_EQ_U(te, user_count);
        CHECK_EQ_U(resume, 0);
        check_user_list(level, b, er, level == 20, "NetUserEnum");
        free_buf(&b);
        printf("  level %2u: %u users in %.3f s\n", (unsigned)level, (unsigned)er, took);
    }
}

/* One entry of a list as a string, to compare lists. */
static char *user_entry_text(DWORD level, const void *rec)
{
    if (level == 20) {
        const USER_INFO_20 *r = rec;
        return xprintf("%s|%s|%s|%x|%u", nz(r->usri20_name), nz(r->usri20_full_name),
                       nz(r->usri20_comment), (unsigned)r->usri20_flags,
                       (unsigned)r->usri20_user_id);
    }
    if (level == 10) {
        const USER_INFO_10 *r = rec;
        return xprintf("%s|%s|%s|%s", nz(r->usri10_name), nz(r->usri10_comment),
                       nz(r->usri10_usr_comment), nz(r->usri10_full_name));
    }
    return xstrdup(nz(*(char *const *)rec));
}

struct list {
    char **items;
    size_t n;
};

static void list_free(struct list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static int list_equal(const struct list *a, const struct list *b, char *why, size_t n)
{
    if (a->n != b->n) {
        snprintf(why, n, "%zu entries, not %zu", a->n, b->n);
        return 0;
    }
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->items[i], b->items[i]) != 0) {
            snprintf(why, n, "entry %zu is \"%s\", not \"%s\"", i, a->items[i], b->items[i]);
            return 0;
        }
    return 1;
}

/* The whole list at level in one call. */
static struct list user_list_max(DWORD level)
{
    struct list l = {0};
    LPBYTE b = NULL;
    DWORD er = 0, te = 0;
    CHECK_EQ_U(NetUserEnum(S, level, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL), NERR_Success);
    const struct rdesc *d = user_desc(level);
    l.items = xcalloc(er, sizeof *l.items);
    for (DWORD i = 0; i < er; i++)
        l.items[l.n++] = user_entry_text(level, b + (size_t)i * d->size);
    free_buf(&b);
    return l;
}

/*
 * One page of a paged enumeration: the status says whether more follow,
 * entriesread >= 1 whole entries within prefmaxlen (the buffer no larger
 * than prefmaxlen unless it holds a single entry), totalentries the
 * total, the resume handle 0 exactly at the end.
 */
struct pager {
    DWORD level, prefmaxlen, total;
    const struct rdesc *desc;
    struct list got;
    size_t pages;
    int faults;
};

static void page_check(struct pager *p, NET_API_STATUS st, LPBYTE b, DWORD er, DWORD te,
                       uint64_t handle, char *(*text)(DWORD, const void *))
{
    char why[300] = "";
    DWORD size = 0;
    if (st != NERR_Success && st != ERROR_MORE_DATA)
        snprintf(why, sizeof why, "status %u", (unsigned)st);
    else if (te != p->total)
        snprintf(why, sizeof why, "totalentries %u, not %u", (unsigned)te, (unsigned)p->total);
    else if (er == 0 && p->total > 0)
        snprintf(why, sizeof why, "no entry in a page");
    else if (b && p->prefmaxlen != MAX_PREFERRED_LENGTH && er > 1 &&
             (NetApiBufferSize(b, &size) != NERR_Success || size > p->prefmaxlen))
        snprintf(why, sizeof why, "%u entries in %u bytes, over prefmaxlen %u", (unsigned)er,
                 (unsigned)size, (unsigned)p->prefmaxlen);
    else if ((st == ERROR_MORE_DATA) != (handle != 0))
        snprintf(why, sizeof why, "status %u with resume handle %#llx", (unsigned)st,
                 (unsigned long long)handle);
    if (why[0] && p->faults++ < 3)
        CHECK_MSG_(0, "level %u prefmaxlen %u page %zu: %s", (unsigned)p->level,
                   (unsigned)p->prefmaxlen, p->pages, why);
    CHECK_BUFFER(p->desc, b, er);
    p->got.items = realloc(p->got.items, (p->got.n + er + 1) * sizeof *p->got.items);
    for (DWORD i = 0; i < er; i++)
        p->got.items[p->got.n++] = text(p->level, b + (size_t)i * p->desc->size);
    p->pages++;
}

static const DWORD prefmaxlens[] = {1, 50, 100, 1000, 4096, 65536, MAX_PREFERRED_LENGTH};
#define NPREF (sizeof prefmaxlens / sizeof *prefmaxlens)

/* NetUserEnum page by page, with many prefmaxlen values: the pages put
   together are exactly the one-call list. */
TEST(user_enum_paging)
{
    as_admin();
    const DWORD levels[] = {0, 20, 10};
    for (size_t l = 0; l < 3; l++) {
        DWORD level = levels[l];
        if (level == 10 && quick)
            continue;
        struct list max = user_list_max(level);
        CHECK_EQ_U(max.n, user_count);
        for (size_t k = 0; k < NPREF; k++) {
            /* the slow level only twice: each enumeration reads every user */
            if (level == 10 && prefmaxlens[k] != 1000 && prefmaxlens[k] != 1)
                continue;
            struct pager p = {level, prefmaxlens[k], (DWORD)max.n, user_desc(level), {0}, 0, 0};
            DWORD resume = 0;
            NET_API_STATUS st;
            do {
                LPBYTE b = NULL;
                DWORD er = 0, te = 0;
                st = NetUserEnum(S, level, FILTER_NORMAL_ACCOUNT, &b, p.prefmaxlen, &er, &te,
                                 &resume);
                page_check(&p, st, b, er, te, resume, user_entry_text);
                free_buf(&b);
            } while (st == ERROR_MORE_DATA && p.pages <= max.n + 1);
            char why[400] = "";
            int same = list_equal(&p.got, &max, why, sizeof why);
            CHECK_MSG_(same, "level %u prefmaxlen %u: the pages put together differ: %s",
                       (unsigned)level, (unsigned)p.prefmaxlen, why);
            CHECK_EQ_U(resume, 0);
            if (p.prefmaxlen == 1)
                CHECK_EQ_U(p.pages, max.n); /* one entry a page, at least one */
            list_free(&p.got);
        }
        list_free(&max);
    }
    /* A NULL resume handle: one page, the total counted in full. */
    LPBYTE b = NULL;
    DWORD er = 0, te = 0;
    CHECK_EQ_U(NetUserEnum(S, 0, 0, &b, 4096, &er, &te, NULL), ERROR_MORE_DATA);
    CHECK(er > 0 && er < user_count);
    CHECK_EQ_U(te, user_count);
    CHECK_BUFFER(&USER_INFO_0_desc, b, er);
    free_buf(&b);
}

/* A resume handle continued from other threads, one page each. */
struct page_job {
    DWORD level, prefmaxlen, resume;
    NET_API_STATUS st;
    LPBYTE buf;
    DWORD er, te;
};

static void *page_thread(void *arg)
{
    struct page_job *j = arg;
    j->st = NetUserEnum(S, j->level, 0, &j->buf, j->prefmaxlen, &j->er, &j->te, &j->resume);
    return NULL;
}

TEST(user_enum_resume_across_threads)
{
    as_admin();
    for (DWORD level = 0; level <= 20; level += 20) {
        struct list max = user_list_max(level);
        struct pager p = {level, 8192, (DWORD)max.n, user_desc(level), {0}, 0, 0};
        struct page_job j = {level, p.prefmaxlen, 0, 0, NULL, 0, 0};
        do {
            pthread_t t;
            j.buf = NULL;
            CHECK_EQ_U(pthread_create(&t, NULL, page_thread, &j), 0);
            pthread_join(t, NULL);
            page_check(&p, j.st, j.buf, j.er, j.te, j.resume, user_entry_text);
            free_buf(&j.buf);
        } while (j.st == ERROR_MORE_DATA && p.pages <= max.n);
        char why[400] = "";
        CHECK_MSG_(list_equal(&p.got, &max, why, sizeof why), "level %u across threads: %s",
                   (unsigned)level, why);
        CHECK(p.pages > 1);
        list_free(&p.got);
        list_free(&max);
    }
}

/* Filters: normal accounts as 0; the DC's own machine account as a server
   trust; filters that match nothing answer an empty list (libnetapi kills
   the process there against a DC). */
TEST(user_enum_filters)
{
    as_admin();
    for (DWORD level = 0; level <= 20; level += 20) {
        LPBYTE b = NULL;
        DWORD er = 0, te = 0;
        CHECK_EQ_U(NetUserEnum(S, level, FILTER_SERVER_TRUST_ACCOUNT, &b, MAX_PREFERRED_LENGTH,
                               &er, &te, NULL),
                   NERR_Success);
        CHECK_EQ_U(er, is_dc ? 1 : 0);
        CHECK_EQ_U(te, er);
        CHECK_BUFFER(user_desc(level), b, er);
        if (b && er == 1) {
            char *want = xprintf("%s$", server_name);
            CHECK_EQ_S(*(char **)b, want);
            free(want);
            if (level == 20)
                CHECK(((USER_INFO_20 *)b)->usri20_flags & UF_SERVER_TRUST_ACCOUNT);
        }
        free_buf(&b);
        const DWORD empty[] = {FILTER_TEMP_DUPLICATE_ACCOUNT, FILTER_INTERDOMAIN_TRUST_ACCOUNT,
                               FILTER_WORKSTATION_TRUST_ACCOUNT};
        for (size_t i = 0; i < 3; i++) {
            er = te = 9;
            CHECK_EQ_U(NetUserEnum(S, level, empty[i], &b, MAX_PREFERRED_LENGTH, &er, &te, NULL),
                       NERR_Success);
            CHECK_EQ_U(er, 0);
            CHECK_EQ_U(te, 0);
            CHECK_EQ_P(b, NULL);
            free_buf(&b);
        }
    }
}

/* The aliases a user is in, from the view: directly, or (indirect) through
   one of the user's global groups too. */
static struct list view_user_aliases(const struct vuser *u, int indirect)
{
    struct list l = {0};
    char *sid = user_sid(u);
    for (size_t a = 0; a < V.naliases; a++) {
        int in = 0;
        for (size_t m = 0; m < V.nmembers && !in; m++) {
            if (strcmp(V.members[m].alias, V.aliases[a].name) != 0)
                continue;
            in = strcmp(V.members[m].sid, sid) == 0;
            for (size_t g = 0; g < V.nugroups && indirect && !in; g++)
                in = strcmp(V.ugroups[g].a, u->name) == 0 &&
                     strcmp(V.ugroups[g].b, V.members[m].sid) == 0;
        }
        if (in) {
            l.items = realloc(l.items, (l.n + 1) * sizeof *l.items);
            l.items[l.n++] = xstrdup(V.aliases[a].name);
        }
    }
    free(sid);
    sort_strings(l.items, l.n);
    return l;
}

TEST(user_local_groups)
{
    as_admin();
    for (size_t i = 0; i < nnamed; i++) {
        const struct vuser *u = vuser_find(named_users[i]);
        if (!u)
            continue;
        for (DWORD flags = 0; flags <= LG_INCLUDE_INDIRECT; flags++) {
            LPBYTE b = NULL;
            DWORD er = 0, te = 0;
            NET_API_STATUS st =
                NetUserGetLocalGroups(S, u->name, 0, flags, &b, MAX_PREFERRED_LENGTH, &er, &te);
            CHECK_MSG_(st == NERR_Success, "NetUserGetLocalGroups(%s, %u) = %u", u->name,
                       (unsigned)flags, (unsigned)st);
            CHECK_EQ_U(er, te);
            CHECK_BUFFER(&LOCALGROUP_USERS_INFO_0_desc, b, er);
            struct list got = {xcalloc(er, sizeof(char *)), 0};
            for (DWORD k = 0; k < er; k++)
                got.items[got.n++] = xstrdup(((LOCALGROUP_USERS_INFO_0 *)b)[k].lgrui0_name);
            sort_strings(got.items, got.n);
            struct list want = view_user_aliases(u, flags != 0);
            char why[400] = "";
            CHECK_MSG_(list_equal(&got, &want, why, sizeof why), "%s's local groups (%s): %s",
                       u->name, flags ? "indirect" : "direct", why);
            /* a small prefmaxlen: the first whole entry, the total counted */
            if (want.n > 1) {
                LPBYTE p = NULL;
                DWORD per = 0, pte = 0;
                CHECK_EQ_U(NetUserGetLocalGroups(S, u->name, 0, flags, &p, 1, &per, &pte),
                           ERROR_MORE_DATA);
                CHECK_EQ_U(per, 1);
                CHECK_EQ_U(pte, want.n);
                CHECK_BUFFER(&LOCALGROUP_USERS_INFO_0_desc, p, per);
                free_buf(&p);
            }
            list_free(&got);
            list_free(&want);
            free_buf(&b);
        }
    }
}

/* ---- local groups --------------------------------------------------------------------- */

static char *alias_entry_text(DWORD level, const void *rec)
{
    if (level == 1) {
        const LOCALGROUP_INFO_1 *r = rec;
        return xprintf("%s|%s", nz(r->lgrpi1_name), nz(r->lgrpi1_comment));
    }
    return xstrdup(nz(((const LOCALGROUP_INFO_0 *)rec)->lgrpi0_name));
}

TEST(localgroup_enum)
{
    as_admin();
    for (DWORD level = 0; level <= 1; level++) {
        const struct rdesc *d = level ? &LOCALGROUP_INFO_1_desc : &LOCALGROUP_INFO_0_desc;
        LPBYTE b = NULL;
        DWORD er = 0, te = 0;
        DWORD_PTR resume = 0;
        CHECK_EQ_U(NetLocalGroupEnum(S, level, &b, MAX_PREFERRED_LENGTH, &er, &te, &resume),
                   NERR_Success);
        CHECK_EQ_U(er, V.naliases);
        CHECK_EQ_U(te, V.naliases);
        CHECK_EQ_U(resume, 0);
        CHECK_BUFFER(d, b, er);
        struct list max = {xcalloc(er, sizeof(char *)), 0};
        int bad = 0;
        for (DWORD i = 0; i < er; i++) {
            const void *rec = b + (size_t)i * d->size;
            const LOCALGROUP_INFO_1 *r = rec;
            const struct valias *a = valias_find(nz(r->lgrpi1_name));
            if (!a || (level == 1 && strcmp(nz(r->lgrpi1_comment), a->comment) != 0))
                if (bad++ < 3)
                    CHECK_MSG_(0, "NetLocalGroupEnum level %u: \"%s\" (\"%s\") is not the "
                                  "server's",
                               (unsigned)level, nz(r->lgrpi1_name),
                               level ? nz(r->lgrpi1_comment) : "");
            max.items[max.n++] = alias_entry_text(level, rec);
        }
        free_buf(&b);
        /* Paging: every prefmaxlen (a DC pages its aliases by RID and
           Samba's own loop never ends there at 60). */
        const DWORD pml[] = {1, 30, 60, 100, 1000, 4096};
        for (size_t k = 0; k < sizeof pml / sizeof *pml; k++) {
            struct pager p = {level, pml[k], (DWORD)max.n, d, {0}, 0, 0};
            DWORD_PTR h = 0;
            NET_API_STATUS st;
            do {
                LPBYTE pb = NULL;
                DWORD per = 0, pte = 0;
                st = NetLocalGroupEnum(S, level, &pb, p.prefmaxlen, &per, &pte, &h);
                page_check(&p, st, pb, per, pte, h, alias_entry_text);
                free_buf(&pb);
            } while (st == ERROR_MORE_DATA && p.pages <= max.n);
            char why[400] = "";
            CHECK_MSG_(list_equal(&p.got, &max, why, sizeof why),
                       "NetLocalGroupEnum level %u prefmaxlen %u: %s", (unsigned)level,
                       (unsigned)p.prefmaxlen, why);
            list_free(&p.got);
        }
        list_free(&max);
    }
}

TEST(localgroup_getinfo)
{
    as_admin();
    for (size_t i = 0; i < V.naliases; i++) {
        const struct valias *a = &V.aliases[i];
        const DWORD levels[] = {0, 1, 1002};
        for (size_t l = 0; l < 3; l++) {
            LPBYTE b = NULL;
            NET_API_STATUS st = NetLocalGroupGetInfo(S, a->name, levels[l], &b);
            CHECK_MSG_(st == NERR_Success, "NetLocalGroupGetInfo(%s, %u) = %u", a->name,
                       (unsigned)levels[l], (unsigned)st);
            if (st != NERR_Success)
                continue;
            if (levels[l] == 0) {
                CHECK_BUFFER(&LOCALGROUP_INFO_0_desc, b, 1);
                CHECK_EQ_S(((LOCALGROUP_INFO_0 *)b)->lgrpi0_name, a->name);
            } else if (levels[l] == 1) {
                CHECK_BUFFER(&LOCALGROUP_INFO_1_desc, b, 1);
                CHECK_EQ_S(((LOCALGROUP_INFO_1 *)b)->lgrpi1_name, a->name);
                CHECK_EQ_S(nz(((LOCALGROUP_INFO_1 *)b)->lgrpi1_comment), a->comment);
            } else {
                CHECK_BUFFER(&LOCALGROUP_INFO_1002_desc, b, 1);
                CHECK_EQ_S(nz(((LOCALGROUP_INFO_1002 *)b)->lgrpi1002_comment), a->comment);
            }
            free_buf(&b);
        }
    }
    /* Any case finds the alias; the name comes back as the server has it. */
    LPBYTE b = NULL;
    CHECK_EQ_U(NetLocalGroupGetInfo(S, "ADMINISTRATORS", 1, &b), NERR_Success);
    if (b)
        CHECK_EQ_S(((LOCALGROUP_INFO_1 *)b)->lgrpi1_name, "Administrators");
    free_buf(&b);
}

/* "DOMAIN\name" of a member as the view has it, or its SID when the
   server could not name it. */
static char *member_text(const struct vmember *m, int qualified)
{
    if (!m->name[0])
        return xstrdup(m->sid);
    return qualified && m->domain[0] ? xprintf("%s\\%s", m->domain, m->name) : xstrdup(m->name);
}

static char *member_entry_text(DWORD level, const void *rec)
{
    char sid[200] = "";
    switch (level) {
    case 0:
        sid_to_text(((const LOCALGROUP_MEMBERS_INFO_0 *)rec)->lgrmi0_sid, sid, sizeof sid);
        return xstrdup(sid);
    case 1: {
        const LOCALGROUP_MEMBERS_INFO_1 *r = rec;
        sid_to_text(r->lgrmi1_sid, sid, sizeof sid);
        return xprintf("%s|%u|%s", sid, (unsigned)r->lgrmi1_sidusage, nz(r->lgrmi1_name));
    }
    case 2: {
        const LOCALGROUP_MEMBERS_INFO_2 *r = rec;
        sid_to_text(r->lgrmi2_sid, sid, sizeof sid);
        return xprintf("%s|%u|%s", sid, (unsigned)r->lgrmi2_sidusage,
                       nz(r->lgrmi2_domainandname));
    }
    default:
        return xstrdup(nz(((const LOCALGROUP_MEMBERS_INFO_3 *)rec)->lgrmi3_domainandname));
    }
}

/* The view's members of alias as member_entry_text would write them, sorted. */
static struct list view_members(const char *alias, DWORD level)
{
    struct list l = {0};
    for (size_t m = 0; m < V.nmembers; m++) {
        const struct vmember *v = &V.members[m];
        if (strcmp(v->alias, alias) != 0)
            continue;
        char *name = member_text(v, level >= 2);
        char *text = level == 0   ? xstrdup(v->sid)
                     : level == 3 ? xstrdup(name)
                                  : xprintf("%s|%u|%s", v->sid, (unsigned)v->type, name);
        free(name);
        l.items = realloc(l.items, (l.n + 1) * sizeof *l.items);
        l.items[l.n++] = text;
    }
    sort_strings(l.items, l.n);
    return l;
}

TEST(localgroup_members)
{
    as_admin();
    for (size_t i = 0; i < V.naliases; i++) {
        const struct valias *a = &V.aliases[i];
        for (DWORD level = 0; level < 4; level++) {
            if (quick && level == 1)
                continue;
            LPBYTE b = NULL;
            DWORD er = 9, te = 9;
            DWORD_PTR resume = 0;
            NET_API_STATUS st = NetLocalGroupGetMembers(S, a->name, level, &b,
                                                        MAX_PREFERRED_LENGTH, &er, &te, &resume);
            CHECK_MSG_(st == NERR_Success, "NetLocalGroupGetMembers(%s, %u) = %u", a->name,
                       (unsigned)level, (unsigned)st);
            CHECK_EQ_U(er, te);
            CHECK_EQ_U(resume, 0);
            CHECK_BUFFER(member_desc(level), b, er);
            struct list got = {xcalloc(er, sizeof(char *)), 0};
            for (DWORD k = 0; k < er; k++)
                got.items[got.n++] =
                    member_entry_text(level, b + (size_t)k * member_desc(level)->size);
            sort_strings(got.items, got.n);
            struct list want = view_members(a->name, level);
            char why[400] = "";
            CHECK_MSG_(list_equal(&got, &want, why, sizeof why), "members of %s, level %u: %s",
                       a->name, (unsigned)level, why);
            list_free(&got);
            list_free(&want);
            free_buf(&b);
        }
    }
    /* Paging over the biggest alias (smbd: nbbig, 300 members). */
    const char *big = NULL;
    size_t most = 0;
    for (size_t i = 0; i < V.naliases; i++) {
        struct list l = view_members(V.aliases[i].name, 0);
        if (l.n > most) {
            most = l.n;
            big = V.aliases[i].name;
        }
        list_free(&l);
    }
    CHECK(big != NULL && most >= (is_dc ? 5u : 300u));
    if (!big)
        return;
    for (DWORD level = 0; level < 4; level += 3) {
        struct list want = view_members(big, level);
        const DWORD pml[] = {1, 100, 1000, 4096};
        for (size_t k = 0; k < 4; k++) {
            struct pager p = {level, pml[k], (DWORD)want.n, member_desc(level), {0}, 0, 0};
            DWORD_PTR h = 0;
            NET_API_STATUS st;
            do {
                LPBYTE b = NULL;
                DWORD er = 0, te = 0;
                st = NetLocalGroupGetMembers(S, big, level, &b, p.prefmaxlen, &er, &te, &h);
                page_check(&p, st, b, er, te, h, member_entry_text);
                free_buf(&b);
            } while (st == ERROR_MORE_DATA && p.pages <= want.n);
            sort_strings(p.got.items, p.got.n);
            char why[400] = "";
            CHECK_MSG_(list_equal(&p.got, &want, why, sizeof why),
                       "members of %s level %u prefmaxlen %u: %s", big, (unsigned)level,
                       (unsigned)p.prefmaxlen, why);
            if (p.prefmaxlen == 1)
                CHECK_EQ_U(p.pages, want.n);
            list_free(&p.got);
        }
        list_free(&want);
    }
}

/* ---- the machine: server, workstation, time ------------------------------------------------ */

TEST(server_info)
{
    as_admin();
    for (DWORD level = 100; level <= 102; level++) {
        LPBYTE b = NULL;
        CHECK_EQ_U(NetServerGetInfo(mut(S), level, &b), NERR_Success);
        if (!b)
            continue;
        const SERVER_INFO_102 *v = (const SERVER_INFO_102 *)b; /* 100 and 101 are its start */
        CHECK_BUFFER(level == 100   ? &SERVER_INFO_100_desc
                     : level == 101 ? &SERVER_INFO_101_desc
                                    : &SERVER_INFO_102_desc,
                     b, 1);
        CHECK_EQ_U(v->sv102_platform_id, PLATFORM_ID_NT);
        CHECK_EQ_U(v->sv102_platform_id, strtoul(vserver("platform_id"), NULL, 10));
        CHECK_EQ_S(v->sv102_name, vserver("name"));
        CHECK_EQ_S(v->sv102_name, server_name);
        if (level >= 101) {
            char version[32];
            snprintf(version, sizeof version, "%u.%u", (unsigned)v->sv102_version_major,
                     (unsigned)v->sv102_version_minor);
            CHECK_EQ_S(version, vserver("os version"));
            CHECK_EQ_U(v->sv102_type, strtoul(vserver("server type"), NULL, 16));
            CHECK_EQ_S(nz(v->sv102_comment), vserver("comment"));
        }
        if (level == 102) {
            char pair[64];
            CHECK_EQ_U(v->sv102_users, strtoul(vserver("users"), NULL, 16));
            snprintf(pair, sizeof pair, "%x, %u", (unsigned)v->sv102_disc,
                     (unsigned)v->sv102_hidden);
            CHECK_EQ_S(pair, vserver("disc, hidden"));
            snprintf(pair, sizeof pair, "%u, %u", (unsigned)v->sv102_announce,
                     (unsigned)v->sv102_anndelta);
            CHECK_EQ_S(pair, vserver("announce, delta"));
            CHECK_EQ_U(v->sv102_licenses, strtoul(vserver("licenses"), NULL, 10));
            CHECK_EQ_S(nz(v->sv102_userpath), vserver("user path"));
        }
        free_buf(&b);
    }
}

TEST(wksta_info)
{
    as_admin();
    DWORD major = 0, minor = 0;
    for (DWORD level = 100; level <= 102; level++) {
        LPBYTE b = NULL;
        NET_API_STATUS st = NetWkstaGetInfo(mut(S), level, &b);
        if (level == 102 && is_dc) {
            /* A Samba DC refuses level 102 to everyone (rpcclient's
               wkssvc_wkstagetinfo 102 gets WERR_ACCESS_DENIED too). */
            CHECK_EQ_U(st, ERROR_ACCESS_DENIED);
            CHECK_EQ_P(b, NULL);
            continue;
        }
        CHECK_MSG_(st == NERR_Success, "NetWkstaGetInfo(%u) = %u", (unsigned)level, (unsigned)st);
        if (!b)
            continue;
        const WKSTA_INFO_102 *w = (const WKSTA_INFO_102 *)b;
        CHECK_BUFFER(level == 100   ? &WKSTA_INFO_100_desc
                     : level == 101 ? &WKSTA_INFO_101_desc
                                    : &WKSTA_INFO_102_desc,
                     b, 1);
        CHECK_EQ_U(w->wki102_platform_id, PLATFORM_ID_NT);
        CHECK_EQ_S(w->wki102_computername, server_name);
        CHECK_EQ_S(w->wki102_langroup, domain);
        if (level == 100) {
            major = w->wki102_ver_major;
            minor = w->wki102_ver_minor;
            CHECK(major >= 5);
        } else {
            CHECK_EQ_U(w->wki102_ver_major, major);
            CHECK_EQ_U(w->wki102_ver_minor, minor);
            CHECK_EQ_S(nz(w->wki102_lanroot), "");
        }
        free_buf(&b);
    }
}

TEST(time_of_day)
{
    as_admin();
    LPBYTE b = NULL;
    CHECK_EQ_U(NetRemoteTOD(S, &b), NERR_Success);
    if (!b)
        return;
    CHECK_BUFFER(&TIME_OF_DAY_INFO_desc, b, 1);
    const TIME_OF_DAY_INFO *t = (const TIME_OF_DAY_INFO *)b;
    /* The server's clock (net time) when the view was read, moved on. */
    long long expected = V.time + (long long)(now_s() - V.time_taken);
    long long diff = (long long)t->tod_elapsedt - expected;
    CHECK_MSG_(diff >= -3 && diff <= 3, "tod_elapsedt %u, the server says %lld",
               (unsigned)t->tod_elapsedt, expected);
    /* The broken-down fields are the same instant in UTC. */
    time_t when = (time_t)t->tod_elapsedt;
    struct tm tm;
    gmtime_r(&when, &tm);
    CHECK_EQ_U(t->tod_hours, tm.tm_hour);
    CHECK_EQ_U(t->tod_mins, tm.tm_min);
    CHECK_EQ_U(t->tod_secs, tm.tm_sec);
    CHECK_EQ_U(t->tod_day, tm.tm_mday);
    CHECK_EQ_U(t->tod_month, tm.tm_mon + 1);
    CHECK_EQ_U(t->tod_year, tm.tm_year + 1900);
    CHECK_EQ_U(t->tod_weekday, tm.tm_wday);
    CHECK(t->tod_hunds < 100);
    CHECK(t->tod_tinterval > 0);
    free_buf(&b);
}

/* ---- statuses ----------------------------------------------------------------------------------- */

/* Every function once against server with level (or its first level
   when level is -1); the statuses are written to st[9]. */
enum { F_USER_ENUM, F_USER_INFO, F_USER_GROUPS, F_LG_ENUM, F_LG_INFO, F_LG_MEMBERS, F_SERVER,
       F_WKSTA, F_TOD, F_COUNT };
static const char *const fnames[F_COUNT] = {
    "NetUserEnum",     "NetUserGetInfo",       "NetUserGetLocalGroups",
    "NetLocalGroupEnum", "NetLocalGroupGetInfo", "NetLocalGroupGetMembers",
    "NetServerGetInfo", "NetWkstaGetInfo",      "NetRemoteTOD"};

static void call_all(const char *server, long level, NET_API_STATUS st[F_COUNT], const char *who)
{
    for (int f = 0; f < F_COUNT; f++) {
        LPBYTE b = (LPBYTE)1;
        DWORD er = 5, te = 5, resume = 0;
        DWORD_PTR presume = 0;
        DWORD lv = (DWORD)level;
        switch (f) {
        case F_USER_ENUM:
            st[f] = NetUserEnum(server, level < 0 ? 0 : lv, 0, &b, MAX_PREFERRED_LENGTH, &er, &te,
                                &resume);
            break;
        case F_USER_INFO: st[f] = NetUserGetInfo(server, who, level < 0 ? 0 : lv, &b); break;
        case F_USER_GROUPS:
            st[f] = NetUserGetLocalGroups(server, who, level < 0 ? 0 : lv, 0, &b,
                                          MAX_PREFERRED_LENGTH, &er, &te);
            break;
        case F_LG_ENUM:
            st[f] = NetLocalGroupEnum(server, level < 0 ? 0 : lv, &b, MAX_PREFERRED_LENGTH, &er,
                                      &te, &presume);
            break;
        case F_LG_INFO:
            st[f] = NetLocalGroupGetInfo(server, "Administrators", level < 0 ? 0 : lv, &b);
            break;
        case F_LG_MEMBERS:
            st[f] = NetLocalGroupGetMembers(server, "Administrators", level < 0 ? 0 : lv, &b,
                                            MAX_PREFERRED_LENGTH, &er, &te, &presume);
            break;
        case F_SERVER: st[f] = NetServerGetInfo(mut(server), level < 0 ? 100 : lv, &b); break;
        case F_WKSTA: st[f] = NetWkstaGetInfo(mut(server), level < 0 ? 100 : lv, &b); break;
        default: st[f] = NetRemoteTOD(server, &b); break;
        }
        if (st[f] == NERR_Success || st[f] == ERROR_MORE_DATA) {
            if (b != (LPBYTE)1)
                free_buf(&b);
        } else {
            /* a failure returns no buffer and no counts */
            CHECK_MSG_(b == NULL, "%s: status %u and a buffer", fnames[f], (unsigned)st[f]);
            if (f == F_USER_ENUM || f == F_USER_GROUPS || f == F_LG_ENUM || f == F_LG_MEMBERS)
                CHECK_MSG_(er == 0 && te == 0, "%s: status %u and counts %u/%u", fnames[f],
                           (unsigned)st[f], (unsigned)er, (unsigned)te);
        }
    }
}

static void expect_all(const char *server, long level, NET_API_STATUS want, const char *why,
                       int skip_tod)
{
    NET_API_STATUS st[F_COUNT];
    double t0 = now_s();
    call_all(server, level, st, user);
    double took = now_s() - t0;
    for (int f = 0; f < F_COUNT; f++)
        if (!(skip_tod && f == F_TOD))
            CHECK_MSG_(st[f] == want, "%s (%s): %s = %u, not %u", why, server ? server : "NULL",
                       fnames[f], (unsigned)st[f], (unsigned)want);
    CHECK_MSG_(took < 30, "%s: %.1f s for nine calls", why, took);
}

TEST(statuses)
{
    as_admin();
    NET_API_STATUS st[F_COUNT];
    /* malformed names, for every function */
    expect_all("\\\\", -1, ERROR_INVALID_NAME, "malformed name", 0);
    expect_all("\\", -1, ERROR_INVALID_NAME, "malformed name", 0);
    /* a level no function has (NetRemoteTOD has no level) */
    expect_all(S, 7777, ERROR_INVALID_LEVEL, "invalid level", 1);
    /* nothing answers at 127.0.0.9; a name that does not resolve */
    expect_all("127.0.0.9", -1, ERROR_BAD_NETPATH, "unreachable", 0);
    expect_all("\\\\127.0.0.9", -1, ERROR_BAD_NETPATH, "unreachable", 0);
    expect_all("nosuchhost.invalid", -1, ERROR_BAD_NETPATH, "unresolvable", 0);
    expect_all("\\\\nosuchhost", -1, ERROR_BAD_NETPATH, "unresolvable", 0);
    /* unknown names */
    LPBYTE b = (LPBYTE)1;
    DWORD er = 3, te = 3;
    CHECK_EQ_U(NetUserGetInfo(S, "nosuchuser", 0, &b), NERR_UserNotFound);
    CHECK_EQ_P(b, NULL);
    CHECK_EQ_U(NetUserGetInfo(S, "nosuchuser", 20, &b), NERR_UserNotFound);
    CHECK_EQ_U(NetUserGetInfo(S, "", 0, &b), NERR_UserNotFound);
    CHECK_EQ_U(NetUserGetLocalGroups(S, "nosuchuser", 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te),
               NERR_UserNotFound);
    CHECK_NOTHING(b, er, te);
    CHECK_EQ_U(NetUserGetLocalGroups(S, "nosuchuser", 0, LG_INCLUDE_INDIRECT, &b,
                                     MAX_PREFERRED_LENGTH, &er, &te),
               NERR_UserNotFound);
    CHECK_EQ_U(NetLocalGroupGetInfo(S, "nosuchgroup", 1, &b), NERR_GroupNotFound);
    CHECK_EQ_P(b, NULL);
    er = te = 3;
    CHECK_EQ_U(NetLocalGroupGetMembers(S, "nosuchgroup", 0, &b, MAX_PREFERRED_LENGTH, &er, &te,
                                       NULL),
               NERR_GroupNotFound);
    CHECK_NOTHING(b, er, te);
    for (DWORD level = 0; level < 4; level++)
        CHECK_EQ_U(NetLocalGroupGetMembers(S, "nosuchgroup", level, &b, 100, &er, &te, NULL),
                   NERR_GroupNotFound);
    if (is_dc) {
        /* global groups and users are not local groups */
        const char *not_local[] = {"nbstaff", "Domain Users", "nbbig", "alice"};
        for (size_t i = 0; i < 4; i++) {
            CHECK_MSG_(NetLocalGroupGetInfo(S, not_local[i], 0, &b) == NERR_GroupNotFound,
                       "NetLocalGroupGetInfo(%s)", not_local[i]);
            CHECK_MSG_(NetLocalGroupGetMembers(S, not_local[i], 0, &b, MAX_PREFERRED_LENGTH, &er,
                                               &te, NULL) == NERR_GroupNotFound,
                       "NetLocalGroupGetMembers(%s)", not_local[i]);
        }
    } else {
        CHECK_EQ_U(NetLocalGroupGetInfo(S, "alice", 0, &b), NERR_GroupNotFound);
    }
    /* wrong password, unknown account, disabled account: logon failures */
    const char *bad[][2] = {{admin, "wrong.Password1"}, {"nosuchuser", user_pw}, {"bob", user_pw}};
    for (size_t i = 0; i < 3; i++) {
        CHECK_EQ_U(netapibuf_set_credentials(NULL, bad[i][0], bad[i][1]), NERR_Success);
        char *why = xprintf("logon as %s", bad[i][0]);
        expect_all(S, -1, ERROR_LOGON_FAILURE, why, 0);
        free(why);
    }
    as_admin();
    call_all(S, -1, st, user);
    for (int f = 0; f < F_COUNT; f++)
        CHECK_MSG_(st[f] == NERR_Success, "%s as the administrator: %u", fnames[f],
                   (unsigned)st[f]);
}

/* Access denied: the ordinary user asks for what only the administrator
   may read. */
TEST(access_denied)
{
    LPBYTE b = NULL;
    as_user();
    NET_API_STATUS st = NetWkstaGetInfo(mut(S), 102, &b);
    CHECK_EQ_U(st, ERROR_ACCESS_DENIED);
    CHECK_EQ_P(b, NULL);
    free_buf(&b);
    if (!is_dc) {
        as_admin();
        CHECK_EQ_U(NetWkstaGetInfo(mut(S), 102, &b), NERR_Success);
        free_buf(&b);
    }
    /* and what she may read, she reads */
    as_user();
    NET_API_STATUS all[F_COUNT];
    call_all(S, -1, all, user);
    for (int f = 0; f < F_COUNT; f++)
        CHECK_MSG_(all[f] == NERR_Success, "%s as %s: %u", fnames[f], user, (unsigned)all[f]);
    for (size_t i = 0; i < V.naliases; i++) {
        CHECK_MSG_(NetLocalGroupGetInfo(S, V.aliases[i].name, 1, &b) == NERR_Success,
                   "NetLocalGroupGetInfo(%s) as %s", V.aliases[i].name, user);
        free_buf(&b);
    }
    DWORD er = 0, te = 0;
    CHECK_EQ_U(NetUserGetLocalGroups(S, user, 0, LG_INCLUDE_INDIRECT, &b, MAX_PREFERRED_LENGTH,
                                     &er, &te),
               NERR_Success);
    free_buf(&b);
    as_admin();
}

/* ---- credentials ----------------------------------------------------------------------------------- */

TEST(credentials)
{
    LPBYTE b = NULL;
    DWORD er = 0, te = 0;
    CHECK_EQ_U(netapibuf_set_credentials(NULL, NULL, "x"), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(netapibuf_set_credentials(domain, NULL, NULL), ERROR_INVALID_PARAMETER);
    /* right, wrong, right: a connection is never reused across a change */
    const struct {
        const char *dom, *u, *pw;
        NET_API_STATUS want;
    } steps[] = {
        {NULL, admin, admin_pw, NERR_Success},     {NULL, admin, "wrong.Pass9", ERROR_LOGON_FAILURE},
        {NULL, admin, admin_pw, NERR_Success},     {NULL, user, user_pw, NERR_Success},
        {NULL, user, "wrong.Pass9", ERROR_LOGON_FAILURE}, {domain, user, user_pw, NERR_Success},
        {domain, admin, admin_pw, NERR_Success},   {NULL, "", "", ERROR_LOGON_FAILURE},
    };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        CHECK_EQ_U(netapibuf_set_credentials(steps[i].dom, steps[i].u, steps[i].pw), NERR_Success);
        for (int rep = 0; rep < 2; rep++) {
            NET_API_STATUS st = NetUserGetInfo(S, user, 20, &b);
            CHECK_MSG_(st == steps[i].want, "step %zu (%s%s%s, %s): %u, not %u", i,
                       nz(steps[i].dom), steps[i].dom ? "\\" : "", steps[i].u,
                       strcmp(steps[i].pw, admin_pw) && strcmp(steps[i].pw, user_pw) ? "wrong"
                                                                                       : "right",
                       (unsigned)st, (unsigned)steps[i].want);
            free_buf(&b);
            st = NetUserEnum(S, 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL);
            CHECK_MSG_(st == steps[i].want, "step %zu enumeration: %u", i, (unsigned)st);
            free_buf(&b);
        }
    }
    /* Anonymous: both fixtures let an anonymous session read the server's
       information and list the users. */
    CHECK_EQ_U(netapibuf_set_credentials(NULL, NULL, NULL), NERR_Success);
    CHECK_EQ_U(NetServerGetInfo(mut(S), 101, &b), NERR_Success);
    free_buf(&b);
    CHECK_EQ_U(NetUserEnum(S, 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL), NERR_Success);
    CHECK_EQ_U(er, user_count);
    free_buf(&b);
    /* after anonymous, a wrong password still fails */
    CHECK_EQ_U(netapibuf_set_credentials(NULL, admin, "wrong.Pass9"), NERR_Success);
    CHECK_EQ_U(NetServerGetInfo(mut(S), 101, &b), ERROR_LOGON_FAILURE);
    as_admin();
    CHECK_EQ_U(NetServerGetInfo(mut(S), 101, &b), NERR_Success);
    free_buf(&b);
}

/* ---- the same server under several names ------------------------------------------------------- */

TEST(server_names)
{
    as_admin();
    const struct vuser *alice = vuser_find(user);
    char lower[64];
    snprintf(lower, sizeof lower, "%s", server_name);
    for (char *c = lower; *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    char *names[8];
    size_t n = 0;
    names[n++] = xstrdup(S);
    names[n++] = xprintf("\\\\%s", S);
    names[n++] = xstrdup(server_name);
    names[n++] = xprintf("\\\\%s", lower);
    if (is_dc && realm && *realm) {
        char fqdn[128];
        snprintf(fqdn, sizeof fqdn, "%s.%s", lower, realm);
        for (char *c = fqdn; *c; c++)
            *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
        names[n++] = xstrdup(fqdn);
    }
    struct list members = view_members(is_dc ? "nblocal" : "nbstaff", 0);
    struct list groups = view_user_aliases(alice, 0);
    /* interleaved, twice: every answer the same under every name */
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < n; i++) {
            LPBYTE b = NULL;
            DWORD er = 0, te = 0;
            NET_API_STATUS st = NetUserGetInfo(names[i], user, 20, &b);
            CHECK_MSG_(st == NERR_Success, "NetUserGetInfo via %s: %u", names[i], (unsigned)st);
            if (b)
                CHECK_EQ_U(((USER_INFO_20 *)b)->usri20_user_id, alice->rid);
            free_buf(&b);
            st = NetUserGetLocalGroups(names[i], user, 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te);
            CHECK_MSG_(st == NERR_Success && er == groups.n,
                       "NetUserGetLocalGroups via %s: %u, %u groups", names[i], (unsigned)st,
                       (unsigned)er);
            free_buf(&b);
            st = NetLocalGroupGetMembers(names[i], is_dc ? "nblocal" : "nbstaff", 0, &b,
                                         MAX_PREFERRED_LENGTH, &er, &te, NULL);
            CHECK_MSG_(st == NERR_Success && er == members.n,
                       "NetLocalGroupGetMembers via %s: %u, %u members", names[i], (unsigned)st,
                       (unsigned)er);
            free_buf(&b);
            st = NetLocalGroupGetInfo(names[i], is_dc ? "nblocal" : "nbstaff", 1, &b);
            CHECK_MSG_(st == NERR_Success, "NetLocalGroupGetInfo via %s: %u", names[i],
                       (unsigned)st);
            free_buf(&b);
            st = NetServerGetInfo(names[i], 101, &b);
            CHECK_MSG_(st == NERR_Success, "NetServerGetInfo via %s: %u", names[i], (unsigned)st);
            free_buf(&b);
        }
    list_free(&members);
    list_free(&groups);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
}

/* ---- threads --------------------------------------------------------------------------------------- */

struct mixer {
    int id, rounds;
    unsigned errors;
    char first_error[200];
};

static void mix_error(struct mixer *m, const char *what, NET_API_STATUS st)
{
    if (!m->errors++)
        snprintf(m->first_error, sizeof m->first_error, "%s: %u", what, (unsigned)st);
}

/* Remote and local calls in turn, each result checked. */
static void *mixer_thread(void *arg)
{
    struct mixer *m = arg;
    const struct vuser *alice = vuser_find(user);
    for (int r = 0; r < m->rounds; r++) {
        LPBYTE b = NULL;
        DWORD er = 0, te = 0, h = 0;
        NET_API_STATUS st;
        switch ((m->id + r) % 5) {
        case 0:
            st = NetUserGetInfo(S, user, 20, &b);
            if (st || !b || ((USER_INFO_20 *)b)->usri20_user_id != alice->rid)
                mix_error(m, "NetUserGetInfo", st);
            break;
        case 1:
            do { /* paged, so the handle crosses other threads' calls */
                NetApiBufferFree(b);
                b = NULL;
                st = NetUserEnum(S, 0, 0, &b, 16384, &er, &te, &h);
                if ((st && st != ERROR_MORE_DATA) || te != user_count)
                    mix_error(m, "NetUserEnum", st);
            } while (st == ERROR_MORE_DATA);
            break;
        case 2:
            st = NetLocalGroupGetMembers(S, "Administrators", 0, &b, MAX_PREFERRED_LENGTH, &er,
                                         &te, NULL);
            if (st || er == 0)
                mix_error(m, "NetLocalGroupGetMembers", st);
            break;
        case 3:
            st = NetServerGetInfo(mut(S), 101, &b);
            if (st || !b || strcmp(((SERVER_INFO_101 *)b)->sv101_name, server_name) != 0)
                mix_error(m, "NetServerGetInfo", st);
            break;
        default:
            st = NetUserGetLocalGroups(S, user, 0, LG_INCLUDE_INDIRECT, &b, MAX_PREFERRED_LENGTH,
                                       &er, &te);
            if (st)
                mix_error(m, "NetUserGetLocalGroups", st);
            break;
        }
        NetApiBufferFree(b);
        b = NULL;
        /* this machine's answers and buffers, between remote calls */
        st = NetUserGetInfo(NULL, "root", 0, &b);
        if (st || !b || strcmp(((USER_INFO_0 *)b)->usri0_name, "root") != 0)
            mix_error(m, "NetUserGetInfo(NULL, root)", st);
        NetApiBufferFree(b);
        b = NULL;
        st = NetWkstaGetInfo(NULL, 100, &b);
        if (st)
            mix_error(m, "NetWkstaGetInfo(NULL)", st);
        NetApiBufferFree(b);
        void *p = NULL;
        if (NetApiBufferAllocate(100 + (DWORD)r, &p) != NERR_Success || !p)
            mix_error(m, "NetApiBufferAllocate", 8);
        else
            memset(p, m->id, 100);
        NetApiBufferFree(p);
    }
    return NULL;
}

TEST(threads_mix_remote_and_local)
{
    as_admin();
    enum { N = 8 };
    struct mixer m[N];
    pthread_t t[N];
    for (int i = 0; i < N; i++) {
        memset(&m[i], 0, sizeof m[i]);
        m[i].id = i;
        m[i].rounds = quick ? 6 : 25;
        CHECK_EQ_U(pthread_create(&t[i], NULL, mixer_thread, &m[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        CHECK_MSG_(m[i].errors == 0, "thread %d: %u errors, first %s", i, m[i].errors,
                   m[i].first_error);
    }
}

/* A local call never waits for a remote one: while another thread runs a
   long remote enumeration, this machine's calls take no longer than they
   do alone. */
struct slow_job {
    double seconds;
    NET_API_STATUS st;
    volatile int done;
};

static void *slow_remote(void *arg)
{
    struct slow_job *j = arg;
    LPBYTE b = NULL;
    DWORD er = 0, te = 0;
    double t0 = now_s();
    j->st = NetUserEnum(S, 10, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL);
    j->seconds = now_s() - t0;
    NetApiBufferFree(b);
    __atomic_store_n(&j->done, 1, __ATOMIC_RELEASE);
    return NULL;
}

TEST(local_never_waits_for_remote)
{
    as_admin();
    struct slow_job j = {0, 0, 0};
    pthread_t t;
    CHECK_EQ_U(pthread_create(&t, NULL, slow_remote, &j), 0);
    usleep(100000); /* let it get into Samba */
    double worst = 0;
    unsigned calls = 0;
    while (!__atomic_load_n(&j.done, __ATOMIC_ACQUIRE)) {
        LPBYTE b = NULL;
        double t0 = now_s();
        NET_API_STATUS st = NetServerGetInfo(NULL, 101, &b);
        NetApiBufferFree(b);
        b = NULL;
        st |= NetUserGetInfo(NULL, "root", 1, &b);
        NetApiBufferFree(b);
        double took = now_s() - t0;
        CHECK_EQ_U(st, NERR_Success);
        worst = took > worst ? took : worst;
        calls++;
        usleep(2000);
    }
    pthread_join(t, NULL);
    CHECK_EQ_U(j.st, NERR_Success);
    printf("  %u local call pairs during a %.2f s remote enumeration, the slowest %.1f ms\n",
           calls, j.seconds, worst * 1e3);
    CHECK(calls >= 10);
    CHECK_MSG_(worst < j.seconds / 4 && worst < 1.0,
               "a local call took %.3f s while a remote call ran for %.3f s", worst, j.seconds);
}

/* ---- fork ---------------------------------------------------------------------------------------- */

TEST(fork_child_calls_remote)
{
    as_admin();
    const struct vuser *alice = vuser_find(user);
    LPBYTE b = NULL;
    CHECK_EQ_U(NetUserGetInfo(S, user, 20, &b), NERR_Success);
    free_buf(&b);
    int fds[2];
    CHECK_EQ_U(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        unsigned char bad = 0;
        DWORD er = 0, te = 0;
        bad |= NetUserGetInfo(S, user, 20, &b) != NERR_Success || !b ||
               ((USER_INFO_20 *)b)->usri20_user_id != alice->rid;
        NetApiBufferFree(b);
        b = NULL;
        bad |= (NetUserEnum(S, 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL) != NERR_Success ||
                er != user_count) << 1;
        NetApiBufferFree(b);
        b = NULL;
        bad |= (NetLocalGroupGetMembers(S, "Administrators", 2, &b, MAX_PREFERRED_LENGTH, &er, &te,
                                        NULL) != NERR_Success) << 2;
        NetApiBufferFree(b);
        if (TOOL_VALGRIND && VALGRIND_COUNT_ERRORS > 0)
            bad |= 8; /* memcheck found an error in the child */
        bad |= 0x80;  /* "the child got this far" */
        (void)!write(fds[1], &bad, 1);
        /* Under valgrind not even _exit: memcheck would check the parent's
           memory for leaks in the child, which never owned it. */
        if (TOOL_VALGRIND)
            raise(SIGKILL);
        _exit(0);
    }
    close(fds[1]);
    CHECK(pid > 0);
    int status = -1;
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    unsigned char verdict = 0;
    if (read(fds[0], &verdict, 1) != 1)
        verdict = 0;
    close(fds[0]);
    CHECK_MSG_(verdict == 0x80, "the child: verdict %#x (1 GetInfo, 2 Enum, 4 members, 8 "
                                "valgrind errors; 0 it never got to the end), status %#x",
               verdict, status);
    /* the parent's own session is intact */
    CHECK_EQ_U(NetUserGetInfo(S, user, 20, &b), NERR_Success);
    free_buf(&b);
    DWORD er = 0, te = 0;
    CHECK_EQ_U(NetUserGetLocalGroups(S, user, 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te),
               NERR_Success);
    free_buf(&b);
}

/* ---- memory ------------------------------------------------------------------------------------- */

static size_t heap_in_use(void)
{
#if TOOL_ASAN || TOOL_TSAN
    return __sanitizer_get_current_allocated_bytes();
#else
    return mallinfo2().uordblks;
#endif
}

static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* One of ten kinds of remote call, in turn; every 500th a whole listing
   at level 20 (a DC's display information takes a tenth of a second). */
static NET_API_STATUS one_remote_call(unsigned i)
{
    LPBYTE b = NULL;
    DWORD er = 0, te = 0;
    DWORD_PTR ph = 0;
    static DWORD user_handle;
    static DWORD_PTR alias_handle;
    NET_API_STATUS st;
    if (i % 500 == 499) {
        st = NetUserEnum(S, 20, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL);
        NetApiBufferFree(b);
        return st;
    }
    switch (i % 10) {
    case 0: st = NetUserGetInfo(S, user, i % 20 ? 20 : 4, &b); break;
    case 1: st = NetServerGetInfo(mut(S), 101, &b); break;
    case 2: st = NetRemoteTOD(S, &b); break;
    case 3: st = NetWkstaGetInfo(mut(S), 100, &b); break;
    case 4: st = NetLocalGroupGetInfo(S, "Administrators", 1, &b); break;
    case 5:
        st = NetLocalGroupGetMembers(S, "Administrators", 2, &b, MAX_PREFERRED_LENGTH, &er, &te,
                                     &ph);
        break;
    case 6:
        st = NetUserGetLocalGroups(S, user, 0, LG_INCLUDE_INDIRECT, &b, MAX_PREFERRED_LENGTH, &er,
                                   &te);
        break;
    case 7:
        /* one page of a listing that goes on across calls */
        st = NetLocalGroupEnum(S, 1, &b, 200, &er, &te, &alias_handle);
        break;
    case 8: st = NetUserEnum(S, 0, 0, &b, 8192, &er, &te, &user_handle); break;
    default: st = NetUserGetInfo(S, user, 23, &b); break;
    }
    NetApiBufferFree(b);
    return st == ERROR_MORE_DATA ? NERR_Success : st;
}

TEST(memory_flat_over_many_calls)
{
    as_admin();
    const unsigned calls = quick ? 1000 : 10000, warm = 300;
    unsigned failed = 0;
    for (unsigned i = 0; i < warm; i++)
        failed += one_remote_call(i) != NERR_Success;
    size_t heap0 = heap_in_use();
    long rss0 = rss_kib();
    double t0 = now_s();
    for (unsigned i = 0; i < calls; i++)
        failed += one_remote_call(i) != NERR_Success;
    double took = now_s() - t0;
    long grew = (long)heap_in_use() - (long)heap0;
    long rss_grew = rss_kib() - rss0;
    printf("  %u remote calls in %.1f s: heap %+ld bytes, RSS %+ld KiB\n", calls, took, grew,
           rss_grew);
    CHECK_EQ_U(failed, 0);
    if (TOOL_VALGRIND) {
        /* valgrind's allocator keeps no mallinfo; its leak check stands in */
        printf("  (heap growth not measured under valgrind)\n");
    } else {
        CHECK_MSG_(grew < 1024 * 1024, "the heap grew by %ld bytes over %u remote calls", grew,
                   calls);
    }
    struct netapibuf_stats s;
    CHECK_EQ_U(netapibuf_get_stats(&s), NERR_Success);
    CHECK_EQ_U(s.live_buffers, 0);
}

TEST(no_live_buffer_left)
{
    struct netapibuf_stats s;
    CHECK_EQ_U(netapibuf_get_stats(&s), NERR_Success);
    CHECK_EQ_U(s.live_buffers, 0);
    CHECK_EQ_U(s.misuse_events, 0);
}

/* ---- main ------------------------------------------------------------------------------------- */

/* NB_REMOTE_TESTS=a,b,c runs only those tests (the view is read anyway). */
static int selected(const char *name)
{
    const char *list = getenv("NB_REMOTE_TESTS");
    if (!list || !*list)
        return 1;
    size_t n = strlen(name);
    for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
        if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return 1;
    return 0;
}
#define RUN_SELECTED(name)                                                                  \
    do {                                                                                    \
        if (selected(#name))                                                                \
            RUN(name);                                                                      \
    } while (0)

int main(void)
{
    S = getenv("NB_SERVER");
    kind = getenv("NB_SERVER_KIND");
    server_name = getenv("NB_SERVER_NAME");
    domain = getenv("NB_DOMAIN");
    admin = getenv("NB_ADMIN_USER");
    admin_pw = getenv("NB_ADMIN_PASSWORD");
    user = getenv("NB_USER");
    user_pw = getenv("NB_USER_PASSWORD");
    realm = getenv("NB_REALM");
    const char *count = getenv("NB_USER_COUNT");
    if (!S || !kind || !server_name || !domain || !admin || !admin_pw || !user || !user_pw ||
        !count) {
        printf("test_remote: skipped: run it under tests/remote/with_server.sh smbd|dc\n");
        return 77;
    }
    user_count = strtoul(count, NULL, 10);
    is_dc = strcmp(kind, "dc") == 0;
    quick = env_flag("NB_REMOTE_QUICK");
    /* Samba's messages go to stderr; ours to stdout, unbuffered, so the
       two interleave in order. */
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("test_remote: %s server %s (%s), %lu users%s%s\n", kind, server_name, S, user_count,
           quick ? ", quick" : "",
           netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT ? ", strict mode" : "");

    RUN(samba_loaded_at_first_remote_call);
    double t0 = now_s();
    if (load_view() != 0) {
        fprintf(stderr, "test_remote: could not read the server's view (server_view.py)\n");
        return 1;
    }
    printf("  the server's view: %zu users, %zu local groups, %zu members (%.1f s)\n", V.nusers,
           V.naliases, V.nmembers, now_s() - t0);
    pick_named_users();
    RUN_SELECTED(view_is_consistent);
    RUN_SELECTED(user_getinfo_every_level);
    RUN_SELECTED(user_enum_every_level);
    RUN_SELECTED(user_enum_paging);
    RUN_SELECTED(user_enum_resume_across_threads);
    RUN_SELECTED(user_enum_filters);
    RUN_SELECTED(user_local_groups);
    RUN_SELECTED(localgroup_enum);
    RUN_SELECTED(localgroup_getinfo);
    RUN_SELECTED(localgroup_members);
    RUN_SELECTED(server_info);
    RUN_SELECTED(wksta_info);
    RUN_SELECTED(time_of_day);
    RUN_SELECTED(statuses);
    RUN_SELECTED(access_denied);
    RUN_SELECTED(credentials);
    RUN_SELECTED(server_names);
    RUN_SELECTED(threads_mix_remote_and_local);
    RUN_SELECTED(local_never_waits_for_remote);
    RUN_SELECTED(fork_child_calls_remote);
    RUN_SELECTED(memory_flat_over_many_calls);
    RUN_SELECTED(no_live_buffer_left);
    return check_finish();
}
