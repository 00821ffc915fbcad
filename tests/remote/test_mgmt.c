/*
 * test_mgmt.c — shares, open files, domain controllers, join information
 * and server settings against the fixture servers (tests/remote/
 * with_server.sh smbd|dc test_mgmt).  Every write is read back through the
 * server's own tools (smbclient -L, net rpc share, testparm on the server's
 * configuration, smbstatus) and through our read functions; every failure
 * path checks Windows' status and that the server is as it was.
 *
 * Needs the variables with_server.sh sets; exits 77 (skipped) without them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <dsgetdc.h>
#include <lm.h>
#include <netapibuf.h>

#include "check.h"

/* with_server.sh's variables (copies: LMSTR parameters are not const) */
static char *S, *KIND, *ADMIN, *ADMIN_PW, *USER, *USER_PW, *DOMAIN, *REALM, *STATE, *SMBCONF,
    *SERVER_NAME;
static char server_dir[1024]; /* the server's folder: smb.conf, shares.conf */
static char fixture_share[32]; /* a share the fixture defines */

static int is_dc(void)
{
    return strcmp(KIND, "dc") == 0;
}

static void as_admin(void)
{
    CHECK_EQ_U(netapibuf_set_credentials(NULL, ADMIN, ADMIN_PW), 0);
}

static void as_user(void)
{
    CHECK_EQ_U(netapibuf_set_credentials(NULL, USER, USER_PW), 0);
}

/* ---- the server's own tools ---------------------------------------------------- */

/* The standard output of a shell command (malloc'd; "" when it printed
   nothing), or NULL when it failed. */
static char *run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *run(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 4096, n = 0;
    char *out = malloc(cap);
    size_t got;
    while (out && (got = fread(out + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (n + 1 == cap)
            out = realloc(out, cap *= 2);
    }
    int status = pclose(p);
    if (!out)
        return NULL;
    out[n] = '\0';
    if (status != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Is line a line of text? */
static int has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *at = text; at && *at;) {
        const char *end = strchr(at, '\n');
        size_t len = end ? (size_t)(end - at) : strlen(at);
        if (len == n && strncmp(at, line, n) == 0)
            return 1;
        at = end ? end + 1 : NULL;
    }
    return 0;
}

/* smbclient -L's "Disk|NAME|COMMENT" line for a share, and net rpc
   share's line: 1 when both list it, 0 when neither, -1 when they differ
   or failed. */
static int tools_list(const char *name, const char *comment)
{
    char *l = run("smbclient -L //%s -U '%s%%%s' -g 2>/dev/null", S, ADMIN, ADMIN_PW);
    char *n = run("net rpc share -S %s -U '%s%%%s' 2>/dev/null", S, ADMIN, ADMIN_PW);
    int in_l = -1, in_n = -1;
    if (l) {
        char line[512];
        snprintf(line, sizeof line, "Disk|%s|%s", name, comment ? comment : "");
        if (comment)
            in_l = has_line(l, line);
        else
            in_l = strstr(l, line) != NULL; /* any comment */
    }
    if (n)
        in_n = has_line(n, name);
    free(l);
    free(n);
    return in_l == in_n ? in_l : -1;
}

/* A parameter of a share in the server's configuration (testparm). */
static char *server_param(const char *share, const char *param)
{
    char *v = run("testparm -s --section-name='%s' --parameter-name='%s' '%s' 2>/dev/null", share,
                  param, SMBCONF);
    if (v) {
        size_t n = strlen(v);
        while (n && v[n - 1] == '\n')
            v[--n] = '\0';
    }
    return v;
}

/* What the server shares, as its tools say: compared before and after a
   write that must fail. */
static char *server_state(void)
{
    return run("cat '%s/shares.conf'; net rpc share -S %s -U '%s%%%s' 2>/dev/null | sort", server_dir,
               S, ADMIN, ADMIN_PW);
}

static void check_unchanged(const char *before, const char *what)
{
    char *after = server_state();
    CHECK_MSG_(before && after && strcmp(before, after) == 0, "%s changed the server", what);
    free(after);
}

/* A folder under the state folder, made now. */
static char *new_folder(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", STATE, name);
    mkdir(path, 0777);
    chmod(path, 0777);
    return path;
}

/* Every string field of n records of size bytes points into buf. */
static int strings_inside(const void *buf, DWORD n, size_t size, const size_t *offs, size_t count)
{
    DWORD bytes = 0;
    if (NetApiBufferSize((LPVOID)(uintptr_t)buf, &bytes) != 0)
        return 0;
    const char *lo = buf, *hi = lo + bytes;
    for (DWORD i = 0; i < n; i++)
        for (size_t f = 0; f < count; f++) {
            const char *s;
            memcpy(&s, lo + i * size + offs[f], sizeof s);
            if (s && (s < lo || s >= hi))
                return 0;
        }
    return 1;
}

/* ---- shares: reading ------------------------------------------------------------- */

/* The disk shares smbclient lists, and IPC$: how many. */
static DWORD tool_share_count(void)
{
    char *l = run("smbclient -L //%s -U '%s%%%s' -g 2>/dev/null", S, ADMIN, ADMIN_PW);
    DWORD n = 0;
    for (const char *at = l; at && *at;) {
        if (strncmp(at, "Disk|", 5) == 0 || strncmp(at, "IPC|", 4) == 0)
            n++;
        at = strchr(at, '\n');
        at = at ? at + 1 : NULL;
    }
    free(l);
    return n;
}

TEST(share_enum_levels)
{
    as_admin();
    DWORD want = tool_share_count();
    CHECK_GE_U(want, 3);
    static const DWORD levels[] = {0, 1, 2, 501, 502};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        LPBYTE buf = NULL;
        DWORD read = 99, total = 99, resume = 0;
        NET_API_STATUS st = NetShareEnum(S, levels[i], &buf, MAX_PREFERRED_LENGTH, &read,
                                         &total, &resume);
        CHECK_EQ_U(st, 0);
        CHECK_EQ_U(read, want);
        CHECK_EQ_U(total, want);
        CHECK_EQ_U(resume, 0);
        int found_fixture = 0, found_ipc = 0;
        for (DWORD e = 0; buf && e < read; e++) {
            const SHARE_INFO_1 *one = (const void *)(buf + e * (levels[i] == 0 ? sizeof(SHARE_INFO_0)
                                                            : levels[i] == 1 ? sizeof(SHARE_INFO_1)
                                                            : levels[i] == 2 ? sizeof(SHARE_INFO_2)
                                                            : levels[i] == 501
                                                                ? sizeof(SHARE_INFO_501)
                                                                : sizeof(SHARE_INFO_502)));
            found_fixture |= strcasecmp(one->shi1_netname, fixture_share) == 0;
            found_ipc |= strcmp(one->shi1_netname, "IPC$") == 0;
            if (levels[i] != 0 && strcmp(one->shi1_netname, "IPC$") == 0)
                CHECK_EQ_U(one->shi1_type, STYPE_IPC | STYPE_SPECIAL);
        }
        CHECK(found_fixture);
        CHECK(found_ipc);
        if (levels[i] == 1) {
            static const size_t offs[] = {offsetof(SHARE_INFO_1, shi1_netname),
                                          offsetof(SHARE_INFO_1, shi1_remark)};
            CHECK(strings_inside(buf, read, sizeof(SHARE_INFO_1), offs, 2));
            /* Every remark as smbclient shows it. */
            const SHARE_INFO_1 *s = (const void *)buf;
            for (DWORD e = 0; e < read; e++)
                if (s[e].shi1_type == STYPE_DISKTREE)
                    CHECK_EQ_U(tools_list(s[e].shi1_netname, s[e].shi1_remark), 1);
        }
        if (levels[i] == 502) {
            const SHARE_INFO_502 *s = (const void *)buf;
            static const size_t offs[] = {offsetof(SHARE_INFO_502, shi502_netname),
                                          offsetof(SHARE_INFO_502, shi502_remark),
                                          offsetof(SHARE_INFO_502, shi502_path),
                                          offsetof(SHARE_INFO_502, shi502_passwd)};
            CHECK(strings_inside(buf, read, sizeof *s, offs, 4));
            for (DWORD e = 0; e < read; e++) {
                CHECK_EQ_P(s[e].shi502_security_descriptor, NULL);
                CHECK_EQ_U(s[e].shi502_reserved, 0);
                CHECK(s[e].shi502_path != NULL);
            }
        }
        CHECK_EQ_U(NetApiBufferFree(buf), 0);
    }
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 9, total = 9;
    CHECK_EQ_U(NetShareEnum(S, 7, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(read, 0);
}

TEST(share_enum_paging)
{
    as_admin();
    DWORD want = tool_share_count();
    static const DWORD levels[] = {1, 502};
    for (size_t l = 0; l < 2; l++) {
        DWORD resume = 0, seen = 0, calls = 0;
        NET_API_STATUS st;
        do {
            LPBYTE buf = NULL;
            DWORD read = 0, total = 0;
            st = NetShareEnum(S, levels[l], &buf, 1, &read, &total, &resume);
            CHECK(st == 0 || st == ERROR_MORE_DATA);
            CHECK_GE_U(read, 1);
            CHECK_EQ_U(total, want);
            seen += read;
            NetApiBufferFree(buf);
        } while (st == ERROR_MORE_DATA && ++calls < 100);
        CHECK_EQ_U(st, 0);
        CHECK_EQ_U(seen, want);
        CHECK_EQ_U(resume, 0);
    }
}

TEST(share_get_info)
{
    as_admin();
    static const DWORD levels[] = {0, 1, 2, 501, 502, 1005};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        LPBYTE buf = NULL;
        CHECK_EQ_U(NetShareGetInfo(S, fixture_share, levels[i], &buf), 0);
        CHECK(buf != NULL);
        if (levels[i] == 2) {
            const SHARE_INFO_2 *s = (const void *)buf;
            CHECK_EQ_S(s->shi2_netname, fixture_share);
            CHECK_EQ_U(s->shi2_type, STYPE_DISKTREE);
            CHECK(s->shi2_path && strstr(s->shi2_path, is_dc() ? "sysvol" : "public"));
        }
        if (levels[i] == 502)
            CHECK_EQ_P(((const SHARE_INFO_502 *)buf)->shi502_security_descriptor, NULL);
        NetApiBufferFree(buf);
    }
    /* Share names ignore case, as on Windows. */
    char upper[32];
    snprintf(upper, sizeof upper, "%s", fixture_share);
    for (char *c = upper; *c; c++)
        *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    LPBYTE buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(S, upper, 1, &buf), 0);
    NetApiBufferFree(buf);
    buf = (LPBYTE)1;
    CHECK_EQ_U(NetShareGetInfo(S, "nosuchshare", 1, &buf), NERR_NetNameNotFound);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(NetShareGetInfo(S, fixture_share, 1004, &buf), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetShareGetInfo(S, fixture_share, 1501, &buf), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetShareGetInfo(S, NULL, 1, &buf), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetShareGetInfo(S, fixture_share, 1, NULL), ERROR_INVALID_PARAMETER);
}

/* ---- shares: writing --------------------------------------------------------------- */

TEST(share_add_read_back)
{
    as_admin();
    char *path = new_folder("added");
    SHARE_INFO_2 i2 = {"nbadded", STYPE_DISKTREE, "added by netapibuf", 0, 3, 0, path, NULL};
    DWORD parm = 77;
    CHECK_EQ_U(NetShareAdd(S, 2, (LPBYTE)&i2, &parm), 0);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    /* The server's tools */
    CHECK_EQ_U(tools_list("nbadded", "added by netapibuf"), 1);
    char *p = server_param("nbadded", "path");
    CHECK_EQ_S(p, path);
    free(p);
    p = server_param("nbadded", "max connections");
    CHECK_EQ_S(p, "3");
    free(p);
    /* and ours */
    LPBYTE buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(S, "nbadded", 2, &buf), 0);
    const SHARE_INFO_2 *s = (const void *)buf;
    if (s) {
        CHECK_EQ_S(s->shi2_remark, "added by netapibuf");
        CHECK_EQ_U(s->shi2_max_uses, 3);
        CHECK(s->shi2_path && strstr(s->shi2_path, "added"));
    }
    NetApiBufferFree(buf);
    /* level 502, no security descriptor */
    char *path2 = new_folder("added502");
    SHARE_INFO_502 i502 = {"nbadded502", STYPE_DISKTREE, "five oh two", 0, SHI_USES_UNLIMITED,
                           0,            path2,   NULL,          0, NULL};
    CHECK_EQ_U(NetShareAdd(S, 502, (LPBYTE)&i502, NULL), 0);
    CHECK_EQ_U(tools_list("nbadded502", "five oh two"), 1);
    CHECK_EQ_U(NetShareDel(S, "nbadded502", 0), 0);
    CHECK_EQ_U(tools_list("nbadded502", NULL), 0);
}

TEST(share_add_failures)
{
    as_admin();
    char *before = server_state();
    CHECK(before != NULL);
    char *path = new_folder("added");
    SHARE_INFO_2 i2 = {"nbadded", STYPE_DISKTREE, "again", 0, SHI_USES_UNLIMITED, 0, path,
                       NULL};
    DWORD parm = 77;
    CHECK_EQ_U(NetShareAdd(S, 2, (LPBYTE)&i2, &parm), NERR_DuplicateShare);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    SHARE_INFO_2 missing = {"nbmissing", STYPE_DISKTREE, "", 0, SHI_USES_UNLIMITED, 0,
                            "/nonexistent/folder", NULL};
    CHECK_EQ_U(NetShareAdd(S, 2, (LPBYTE)&missing, &parm), NERR_UnknownDevDir);
    /* Checked before anything is sent: */
    SHARE_INFO_2 no_name = i2;
    no_name.shi2_netname = NULL;
    CHECK_EQ_U(NetShareAdd(S, 2, (LPBYTE)&no_name, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SHARE_NETNAME_PARMNUM);
    SHARE_INFO_2 no_path = i2;
    no_path.shi2_netname = "nbnopath";
    no_path.shi2_path = NULL;
    CHECK_EQ_U(NetShareAdd(S, 2, (LPBYTE)&no_path, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SHARE_PATH_PARMNUM);
    CHECK_EQ_U(NetShareAdd(S, 2, NULL, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, PARM_ERROR_UNKNOWN);
    CHECK_EQ_U(NetShareAdd(S, 1, (LPBYTE)&i2, &parm), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    SHARE_INFO_502 with_sd = {"nbsd", STYPE_DISKTREE, "", 0, SHI_USES_UNLIMITED, 0,
                              path, NULL,      0, &with_sd};
    CHECK_EQ_U(NetShareAdd(S, 502, (LPBYTE)&with_sd, &parm), ERROR_NOT_SUPPORTED);
    /* The ordinary user may not. */
    as_user();
    SHARE_INFO_2 by_user = i2;
    by_user.shi2_netname = "nbbyuser";
    CHECK_EQ_U(NetShareAdd(S, 2, (LPBYTE)&by_user, &parm), ERROR_ACCESS_DENIED);
    as_admin();
    check_unchanged(before, "a failed NetShareAdd");
    free(before);
}

TEST(share_set_info)
{
    as_admin();
    DWORD parm = 77;
    SHARE_INFO_1004 i1004 = {"remark via 1004"};
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 1004, (LPBYTE)&i1004, &parm), 0);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    CHECK_EQ_U(tools_list("nbadded", "remark via 1004"), 1);
    SHARE_INFO_1 i1 = {"nbadded", STYPE_DISKTREE, "remark via 1"};
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 1, (LPBYTE)&i1, &parm), 0);
    CHECK_EQ_U(tools_list("nbadded", "remark via 1"), 1);
    char *path = new_folder("added");
    SHARE_INFO_2 i2 = {"nbadded", STYPE_DISKTREE, "remark via 2", 0, 5, 0, path, NULL};
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 2, (LPBYTE)&i2, &parm), 0);
    char *v = server_param("nbadded", "max connections");
    CHECK_EQ_S(v, "5");
    free(v);
    CHECK_EQ_U(tools_list("nbadded", "remark via 2"), 1);
    SHARE_INFO_502 i502 = {"nbadded", STYPE_DISKTREE, "remark via 502", 0, 6,
                           0,         path,    NULL,             0, NULL};
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 502, (LPBYTE)&i502, &parm), 0);
    CHECK_EQ_U(tools_list("nbadded", "remark via 502"), 1);
    /* client-side caching: "csc policy" on the server */
    SHARE_INFO_1005 i1005 = {CSC_CACHE_VDO};
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 1005, (LPBYTE)&i1005, &parm), 0);
    v = server_param("nbadded", "csc policy");
    CHECK_EQ_S(v, "programs");
    free(v);
    LPBYTE buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(S, "nbadded", 1005, &buf), 0);
    if (buf)
        CHECK_EQ_U(((SHARE_INFO_1005 *)buf)->shi1005_flags & CSC_MASK, CSC_CACHE_VDO);
    NetApiBufferFree(buf);
    buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(S, "nbadded", 502, &buf), 0);
    /* Samba's servers take the remark and path of a 502 record, not its
       maximum, and report every share's maximum at level 502 as
       SHI_USES_UNLIMITED: testparm shows what the server keeps. */
    if (buf)
        CHECK_EQ_S(((SHARE_INFO_502 *)buf)->shi502_remark, "remark via 502");
    v = server_param("nbadded", "max connections");
    CHECK_EQ_S(v, "5");
    free(v);
    NetApiBufferFree(buf);

    /* Failures leave the server as it was. */
    char *before = server_state();
    SHARE_INFO_1006 i1006 = {9};
    /* Samba's servers refuse 1006 (ERROR_ACCESS_DENIED): passed on. */
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 1006, (LPBYTE)&i1006, &parm),
               ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetShareSetInfo(S, "nosuchshare", 1004, (LPBYTE)&i1004, &parm),
               NERR_NetNameNotFound);
    SHARE_INFO_1004 no_remark = {NULL};
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 1004, (LPBYTE)&no_remark, &parm),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SHARE_REMARK_PARMNUM);
    SHARE_INFO_2 no_path = i2;
    no_path.shi2_path = NULL;
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 2, (LPBYTE)&no_path, &parm),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SHARE_PATH_PARMNUM);
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 1501, (LPBYTE)&i1004, &parm),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetShareSetInfo(S, NULL, 1004, (LPBYTE)&i1004, &parm),
               ERROR_INVALID_PARAMETER);
    as_user();
    SHARE_INFO_1004 other = {"by the user"};
    CHECK_EQ_U(NetShareSetInfo(S, "nbadded", 1004, (LPBYTE)&other, &parm),
               ERROR_ACCESS_DENIED);
    as_admin();
    check_unchanged(before, "a failed NetShareSetInfo");
    free(before);
}

TEST(share_del)
{
    as_admin();
    char *before = server_state();
    CHECK_EQ_U(NetShareDel(S, "nbadded", 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetShareDel(S, NULL, 0), ERROR_INVALID_PARAMETER);
    as_user();
    CHECK_EQ_U(NetShareDel(S, "nbadded", 0), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetShareDel(S, fixture_share, 0), ERROR_ACCESS_DENIED);
    as_admin();
    check_unchanged(before, "a failed NetShareDel");
    free(before);
    CHECK_EQ_U(NetShareDel(S, "nbadded", 0), 0);
    CHECK_EQ_U(tools_list("nbadded", NULL), 0);
    LPBYTE buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(S, "nbadded", 0, &buf), NERR_NetNameNotFound);
    CHECK_EQ_U(NetShareDel(S, "nbadded", 0), NERR_NetNameNotFound);
    CHECK_EQ_U(tools_list(fixture_share, NULL), 1);
}

/* ---- open files ------------------------------------------------------------------------- */

/* The user name a server reports for the ordinary user's open files: a
   domain controller qualifies it with the domain. */
static char *file_user(void)
{
    static char name[256];
    if (is_dc())
        snprintf(name, sizeof name, "%s\\%s", DOMAIN, USER);
    else
        snprintf(name, sizeof name, "%s", USER);
    return name;
}

/* The level-3 record of the open file whose path ends in name, by
   NetFileEnum (username filter user), copied; id 0 when none. */
static FILE_INFO_3 find_open(const char *name, LMSTR user, DWORD *count)
{
    FILE_INFO_3 found = {0, 0, 0, NULL, NULL};
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0;
    DWORD_PTR resume = 0;
    NET_API_STATUS st =
        NetFileEnum(S, NULL, user, 3, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                    &resume);
    CHECK_EQ_U(st, 0);
    CHECK_EQ_U(read, total);
    *count = read;
    const FILE_INFO_3 *f = (const void *)buf;
    for (DWORD i = 0; f && i < read; i++) {
        size_t n = strlen(f[i].fi3_pathname), m = strlen(name);
        if (n >= m && strcmp(f[i].fi3_pathname + n - m, name) == 0) {
            found = f[i];
            found.fi3_pathname = found.fi3_username = NULL;
            CHECK_EQ_S(f[i].fi3_username, file_user());
        }
    }
    NetApiBufferFree(buf);
    return found;
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

TEST(files)
{
    as_admin();
    DWORD count = 99;
    LPBYTE buf = NULL;
    DWORD read = 9, total = 9;
    DWORD_PTR resume = 0;
    CHECK_EQ_U(NetFileEnum(S, NULL, NULL, 2, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                           &resume),
               0);
    CHECK_EQ_U(read, 0);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(NetFileEnum(S, NULL, NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                           &resume),
               ERROR_INVALID_LEVEL);

    /* A share with a file the ordinary user keeps open through smbclient. */
    char *path = new_folder("held");
    char file[1200];
    snprintf(file, sizeof file, "%s/held.txt", path);
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("held\n", f);
        fclose(f);
    }
    chmod(file, 0666);
    SHARE_INFO_2 i2 = {"nbheld", STYPE_DISKTREE, "", 0, SHI_USES_UNLIMITED, 0, path, NULL};
    CHECK_EQ_U(NetShareAdd(S, 2, (LPBYTE)&i2, NULL), 0);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "smbclient //%s/nbheld -U '%s%%%s' >/dev/null 2>&1", S, USER,
             USER_PW);
    FILE *client = popen(cmd, "w");
    CHECK(client != NULL);
    if (!client)
        return;
    fputs("open held.txt\n", client);
    fflush(client);
    FILE_INFO_3 held = {0, 0, 0, NULL, NULL};
    for (int tries = 0; tries < 100 && !held.fi3_id; tries++) {
        held = find_open("held.txt", NULL, &count);
        if (!held.fi3_id)
            sleep_ms(100);
    }
    CHECK(held.fi3_id != 0);
    char *status = run("smbstatus -s '%s' -L 2>/dev/null", SMBCONF);
    CHECK(status && strstr(status, "held.txt"));
    free(status);
    /* the same file at level 2, by user, by id */
    buf = NULL;
    CHECK_EQ_U(NetFileEnum(S, NULL, NULL, 2, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                           &resume),
               0);
    CHECK_EQ_U(read, count);
    int id_seen = 0;
    for (DWORD i = 0; buf && i < read; i++)
        id_seen |= ((FILE_INFO_2 *)buf)[i].fi2_id == held.fi3_id;
    CHECK(id_seen);
    NetApiBufferFree(buf);
    DWORD n_user = 0, n_other = 0;
    CHECK(find_open("held.txt", file_user(), &n_user).fi3_id == held.fi3_id);
    (void)find_open("held.txt", "bob", &n_other);
    CHECK_EQ_U(n_other, 0);
    for (DWORD level = 2; level <= 3; level++) {
        buf = NULL;
        CHECK_EQ_U(NetFileGetInfo(S, held.fi3_id, level, &buf), 0);
        CHECK(buf && *(DWORD *)buf == held.fi3_id);
        if (buf && level == 3)
            CHECK(strstr(((FILE_INFO_3 *)buf)->fi3_pathname, "held.txt") != NULL);
        NetApiBufferFree(buf);
    }
    buf = (LPBYTE)1;
    CHECK_EQ_U(NetFileGetInfo(S, held.fi3_id + 0x7777, 3, &buf), NERR_FileIdNotFound);
    CHECK_EQ_P(buf, NULL);
    /* Closing: not by the user, then by the administrator. */
    as_user();
    CHECK_EQ_U(NetFileClose(S, held.fi3_id), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(find_open("held.txt", NULL, &count).fi3_id == held.fi3_id);
    CHECK_EQ_U(NetFileClose(S, held.fi3_id), 0);
    FILE_INFO_3 after = held;
    for (int tries = 0; tries < 50 && after.fi3_id; tries++) {
        after = find_open("held.txt", NULL, &count);
        if (after.fi3_id)
            sleep_ms(100);
    }
    CHECK_EQ_U(after.fi3_id, 0);
    status = run("smbstatus -s '%s' -L 2>/dev/null", SMBCONF);
    CHECK(status && !strstr(status, "held.txt"));
    free(status);
    CHECK_EQ_U(NetFileClose(S, held.fi3_id), NERR_FileIdNotFound);
    pclose(client);
    CHECK_EQ_U(NetShareDel(S, "nbheld", 0), 0);
}

/* ---- domain controllers and membership ------------------------------------------------- */

TEST(domain_controllers)
{
    as_admin();
    char want[64];
    snprintf(want, sizeof want, "\\\\%s", SERVER_NAME);
    LPBYTE buf = (LPBYTE)1;
    NET_API_STATUS st = NetGetDCName(S, NULL, &buf);
    if (is_dc()) {
        CHECK_EQ_U(st, 0);
        CHECK_EQ_S((const char *)buf, want);
        DWORD size = 0;
        CHECK_EQ_U(NetApiBufferSize(buf, &size), 0);
        CHECK_EQ_U(size, strlen(want) + 1);
    } else {
        CHECK_EQ_U(st, NERR_DCNotFound);
        CHECK_EQ_P(buf, NULL);
    }
    NetApiBufferFree(buf);
    buf = NULL;
    st = NetGetDCName(S, DOMAIN, &buf);
    CHECK_EQ_U(st, is_dc() ? 0 : NERR_DCNotFound);
    NetApiBufferFree(buf);
    buf = NULL;
    /* A domain controller knows no other domain; NetGetAnyDCName asks for
       a trusted domain's: Samba's DC answers ERROR_NO_SUCH_DOMAIN even
       for its own. */
    CHECK_EQ_U(NetGetAnyDCName(S, NULL, &buf), ERROR_NO_SUCH_DOMAIN);
    CHECK_EQ_P(buf, NULL);
    if (is_dc())
        CHECK_EQ_U(NetGetDCName(S, "NOSUCHDOMAIN", &buf), ERROR_NO_SUCH_DOMAIN);

    PDOMAIN_CONTROLLER_INFO dc = (PDOMAIN_CONTROLLER_INFO)1;
    st = DsGetDcName(S, NULL, NULL, NULL, 0, &dc);
    if (!is_dc()) {
        CHECK_EQ_U(st, ERROR_NO_SUCH_DOMAIN);
        CHECK_EQ_P(dc, NULL);
    } else {
        CHECK_EQ_U(st, 0);
        if (dc) {
            CHECK_EQ_S(dc->DomainControllerName, want);
            CHECK_EQ_S(dc->DomainName, DOMAIN);
            CHECK_EQ_S(dc->DomainControllerAddress, "\\\\127.0.0.2");
            CHECK_EQ_U(dc->DomainControllerAddressType, DS_INET_ADDRESS);
            CHECK(dc->Flags & DS_DS_FLAG);
            CHECK(dc->Flags & DS_KDC_FLAG);
            CHECK(dc->DomainGuid.Data1 != 0);
            static const size_t offs[] = {offsetof(DOMAIN_CONTROLLER_INFO, DomainControllerName),
                                          offsetof(DOMAIN_CONTROLLER_INFO, DomainName),
                                          offsetof(DOMAIN_CONTROLLER_INFO, DnsForestName),
                                          offsetof(DOMAIN_CONTROLLER_INFO, DcSiteName)};
            CHECK(strings_inside(dc, 1, sizeof *dc, offs, 4));
        }
        NetApiBufferFree(dc);
        dc = NULL;
        CHECK_EQ_U(DsGetDcName(S, REALM, NULL, NULL, DS_RETURN_DNS_NAME, &dc), 0);
        if (dc) {
            CHECK(strcasecmp(dc->DomainName, REALM) == 0);
            CHECK(dc->Flags & DS_DNS_CONTROLLER_FLAG);
        }
        NetApiBufferFree(dc);
        dc = NULL;
        CHECK_EQ_U(DsGetDcName(S, "NOSUCHDOMAIN", NULL, NULL, 0, &dc), ERROR_NO_SUCH_DOMAIN);
    }
    CHECK_EQ_U(DsGetDcName(S, NULL, NULL, NULL, DS_IS_FLAT_NAME | DS_IS_DNS_NAME, &dc),
               ERROR_INVALID_FLAGS);
    CHECK_EQ_U(DsGetDcName(S, NULL, NULL, NULL, 0, NULL), ERROR_INVALID_PARAMETER);
}

/* This machine (the namespace's client, a workgroup member) searching. */
TEST(domain_controllers_from_here)
{
    as_admin();
    LPBYTE buf = (LPBYTE)1;
    CHECK_EQ_U(NetGetDCName(NULL, NULL, &buf), NERR_DCNotFound);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(NetGetAnyDCName("", NULL, &buf), ERROR_NO_SUCH_DOMAIN);
    PDOMAIN_CONTROLLER_INFO dc = (PDOMAIN_CONTROLLER_INFO)1;
    CHECK_EQ_U(DsGetDcName(NULL, NULL, NULL, NULL, 0, &dc), ERROR_NO_SUCH_DOMAIN);
    CHECK_EQ_P(dc, NULL);
    if (!is_dc()) {
        CHECK_EQ_U(DsGetDcName(NULL, "nosuch.invalid", NULL, NULL, 0, &dc), ERROR_NO_SUCH_DOMAIN);
        return;
    }
    /* The DC is found through DNS, as Windows finds one. */
    CHECK_EQ_U(DsGetDcName(NULL, REALM, NULL, NULL, 0, &dc), 0);
    if (dc) {
        CHECK(strcasecmp(dc->DomainName, REALM) == 0);
        CHECK_EQ_S(dc->DomainControllerAddress, "\\\\127.0.0.2");
    }
    NetApiBufferFree(dc);
    dc = NULL;
    CHECK_EQ_U(DsGetDcName(NULL, REALM, NULL, NULL, DS_RETURN_FLAT_NAME, &dc), 0);
    if (dc)
        CHECK_EQ_S(dc->DomainName, DOMAIN);
    NetApiBufferFree(dc);
    buf = NULL;
    CHECK_EQ_U(NetGetDCName(NULL, REALM, &buf), 0);
    char want[64];
    snprintf(want, sizeof want, "\\\\%s", SERVER_NAME);
    CHECK_EQ_S((const char *)buf, want);
    NetApiBufferFree(buf);
    dc = NULL;
    CHECK_EQ_U(DsGetDcName(NULL, "nosuch.invalid", NULL, NULL, 0, &dc), ERROR_NO_SUCH_DOMAIN);
}

TEST(join_information)
{
    as_admin();
    LMSTR name = (LMSTR)1;
    NETSETUP_JOIN_STATUS type = (NETSETUP_JOIN_STATUS)7;
    CHECK_EQ_U(NetGetJoinInformation(S, &name, &type), 0);
    CHECK_EQ_S(name, DOMAIN);
    CHECK_EQ_U(type, is_dc() ? NetSetupDomainName : NetSetupWorkgroupName);
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(name, &size), 0);
    CHECK_EQ_U(size, strlen(DOMAIN) + 1);
    NetApiBufferFree(name);
    /* This machine: the namespace's smb.conf, a workgroup member. */
    name = NULL;
    CHECK_EQ_U(NetGetJoinInformation(NULL, &name, &type), 0);
    CHECK_EQ_S(name, DOMAIN);
    CHECK_EQ_U(type, NetSetupWorkgroupName);
    NetApiBufferFree(name);
    CHECK_EQ_U(NetGetJoinInformation(S, NULL, &type), ERROR_INVALID_PARAMETER);
    /* A server that cannot be reached. */
    name = (LMSTR)1;
    CHECK_EQ_U(NetGetJoinInformation("127.0.0.9", &name, &type), ERROR_BAD_NETPATH);
    CHECK_EQ_P(name, NULL);
    CHECK_EQ_U(type, NetSetupUnknownStatus);
}

TEST(joins_are_refused_or_passed_on)
{
    as_user();
    LMSTR before = NULL, after = NULL;
    NETSETUP_JOIN_STATUS t1, t2;
    CHECK_EQ_U(NetGetJoinInformation(S, &before, &t1), 0);
    CHECK_EQ_U(NetJoinDomain(NULL, "NOSUCH", NULL, NULL, NULL, NETSETUP_JOIN_DOMAIN),
               ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetJoinDomain(S, NULL, NULL, NULL, NULL, 0), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUnjoinDomain(NULL, NULL, NULL, 0), ERROR_NOT_SUPPORTED);
    /* The ordinary user may not make the server join anything. */
    CHECK(NetJoinDomain(S, "nosuch.invalid", NULL, NULL, NULL, NETSETUP_JOIN_DOMAIN) != 0);
    CHECK(NetUnjoinDomain(S, NULL, NULL, 0) != 0);
    as_admin();
    CHECK_EQ_U(NetGetJoinInformation(S, &after, &t2), 0);
    CHECK_EQ_S(after, before);
    CHECK_EQ_U(t2, t1);
    NetApiBufferFree(before);
    NetApiBufferFree(after);
    PBYTE bin = (PBYTE)1;
    DWORD bin_size = 9;
    LMSTR text = (LMSTR)1;
    CHECK_EQ_U(NetProvisionComputerAccount(DOMAIN, "X", NULL, NULL, 0, &bin, &bin_size, &text),
               ERROR_NOT_SUPPORTED);
    CHECK_EQ_P(bin, NULL);
    CHECK_EQ_U(bin_size, 0);
    CHECK_EQ_P(text, NULL);
    CHECK_EQ_U(NetRequestOfflineDomainJoin(NULL, 0, 0, NULL), ERROR_NOT_SUPPORTED);
    DWORD n = 9;
    LMSTR *ous = (LMSTR *)1;
    /* Samba's servers do not implement NetrGetJoinableOus. */
    CHECK_EQ_U(NetGetJoinableOUs(S, DOMAIN, ADMIN, ADMIN_PW, &n, &ous), ERROR_NOT_SUPPORTED);
    CHECK_EQ_P(ous, NULL);
    CHECK_EQ_U(n, 0);
    if (is_dc()) {
        /* From here, Samba's engine asks the domain's directory over LDAP,
           which its Kerberos bind fails to do in the fixture's namespace
           (NERR_DefaultJoinRequired): whatever it answers, a failure
           returns nothing and a success one buffer. */
        NET_API_STATUS st = NetGetJoinableOUs(NULL, REALM, ADMIN, ADMIN_PW, &n, &ous);
        if (st == 0) {
            int dcs = 0;
            for (DWORD i = 0; ous && i < n; i++)
                dcs |= strstr(ous[i], "Domain Controllers") != NULL;
            CHECK(dcs);
            CHECK_EQ_U(NetApiBufferFree(ous), 0);
        } else {
            CHECK_EQ_P(ous, NULL);
            CHECK_EQ_U(n, 0);
        }
    }
}

/* ---- server settings ---------------------------------------------------------------------- */

TEST(server_set_info)
{
    as_admin();
    char *comment = run("testparm -s --parameter-name='server string' '%s' 2>/dev/null", SMBCONF);
    DWORD parm = 77;
    SERVER_INFO_1005 i1005 = {"set by netapibuf"};
    /* Samba's servers answer success and change nothing (a stub): the
       answer is passed on, and the server stays as it was. */
    CHECK_EQ_U(NetServerSetInfo(S, 1005, (LPBYTE)&i1005, &parm), 0);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    LPBYTE buf = NULL;
    CHECK_EQ_U(NetServerGetInfo(S, 101, &buf), 0);
    if (buf && comment) {
        comment[strcspn(comment, "\n")] = '\0';
        CHECK_EQ_S(((SERVER_INFO_101 *)buf)->sv101_comment, comment);
    }
    NetApiBufferFree(buf);
    free(comment);
    SERVER_INFO_101 i101 = {PLATFORM_ID_NT, SERVER_NAME, 6, 1, 0, "via 101"};
    CHECK_EQ_U(NetServerSetInfo(S, 101, (LPBYTE)&i101, &parm), 0);
    SERVER_INFO_1016 i1016 = {0};
    CHECK_EQ_U(NetServerSetInfo(S, 1016, (LPBYTE)&i1016, &parm), 0);
    SERVER_INFO_1005 none = {NULL};
    CHECK_EQ_U(NetServerSetInfo(S, 1005, (LPBYTE)&none, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SV_COMMENT_PARMNUM);
    CHECK_EQ_U(NetServerSetInfo(S, 1005, NULL, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, PARM_ERROR_UNKNOWN);
    CHECK_EQ_U(NetServerSetInfo(S, 7, (LPBYTE)&i1005, &parm), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetServerSetInfo(NULL, 1005, (LPBYTE)&i1005, &parm), ERROR_NOT_SUPPORTED);
}

/* ---- reaching the server ---------------------------------------------------------------- */

TEST(failure_statuses)
{
    CHECK_EQ_U(netapibuf_set_credentials(NULL, ADMIN, "wrong password"), 0);
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 9, total = 9, resume = 0;
    CHECK_EQ_U(NetShareEnum(S, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               ERROR_LOGON_FAILURE);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(read, 0);
    as_admin();
    CHECK_EQ_U(NetShareEnum("127.0.0.9", 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               ERROR_BAD_NETPATH);
    CHECK_EQ_U(NetShareEnum("\\\\", 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               ERROR_INVALID_NAME);
    /* A leading "\\\\" is the same server. */
    char unc[64];
    snprintf(unc, sizeof unc, "\\\\%s", S);
    CHECK_EQ_U(NetShareGetInfo(unc, fixture_share, 0, &buf), 0);
    NetApiBufferFree(buf);
}

/* A copy of an environment variable, or NULL. */
static char *env(const char *name)
{
    const char *v = getenv(name);
    return v ? strdup(v) : NULL;
}

int main(void)
{
    S = env("NB_SERVER");
    KIND = env("NB_SERVER_KIND");
    ADMIN = env("NB_ADMIN_USER");
    ADMIN_PW = env("NB_ADMIN_PASSWORD");
    USER = env("NB_USER");
    USER_PW = env("NB_USER_PASSWORD");
    DOMAIN = env("NB_DOMAIN");
    REALM = env("NB_REALM");
    STATE = env("NB_STATE");
    SMBCONF = env("NB_SMBCONF");
    SERVER_NAME = env("NB_SERVER_NAME");
    if (!S || !KIND || !ADMIN || !USER || !STATE || !SMBCONF || !DOMAIN || !SERVER_NAME) {
        printf("test_mgmt: run it under tests/remote/with_server.sh\n");
        return 77;
    }
    snprintf(server_dir, sizeof server_dir, "%s", SMBCONF);
    char *slash = strrchr(server_dir, '/');
    if (slash)
        *slash = '\0';
    snprintf(fixture_share, sizeof fixture_share, "%s", is_dc() ? "sysvol" : "public");
    RUN(share_enum_levels);
    RUN(share_enum_paging);
    RUN(share_get_info);
    RUN(share_add_read_back);
    RUN(share_add_failures);
    RUN(share_set_info);
    RUN(share_del);
    RUN(files);
    RUN(domain_controllers);
    RUN(domain_controllers_from_here);
    RUN(join_information);
    RUN(joins_are_refused_or_passed_on);
    RUN(server_set_info);
    RUN(failure_statuses);
    return check_finish();
}
