/*
 * test_wine_access.c — what Wine's netapi32 conformance test of the account
 * functions (dlls/netapi32/tests/access.c, which passes on Windows) asserts
 * about the functions netapibuf has, restated as our own checks for UTF-8
 * strings.
 *
 * Wine's test creates "testuser" with NetUserAdd; netapibuf refuses writes
 * to this machine's databases, so here the account (and a local group
 * "administrators" holding root, which "Administrators" finds ignoring case)
 * comes from crafted /etc/passwd and /etc/group bind-mounted in a private
 * mount namespace this process enters itself before its first NSS call, so
 * that the test runs as one process under valgrind too.  Without root (or
 * namespaces) the assertions about the test account are reported skipped.
 *
 * Assertions of access.c that do not apply: NetUserAdd, NetUserDel,
 * NetQueryDisplayInformation, NetUserModalsGet and the Dav* functions are
 * not netapibuf functions (yet).
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"

/* Every Wine assertion restated: counted apart from the extra checks. */
static int wine_applied, wine_passed, wine_skipped;
#define WINE_OK(cond)                                                     \
    do {                                                                  \
        int wine_ok_ = !!(cond);                                          \
        wine_applied++;                                                   \
        wine_passed += wine_ok_;                                          \
        CHECK_MSG_(wine_ok_, "Wine access.c: %s", #cond);                 \
    } while (0)
#define WINE_SKIP(n) (wine_skipped += (n))

static int have_test_account;

/* Write `text` to dir/name: 1 on success. */
static int write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return 0;
    int ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* The contents of a file, malloc'd ("" when unreadable). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    size_t n = 0, cap = 4096;
    char *s = malloc(cap);
    if (f) {
        size_t got;
        while ((got = fread(s + n, 1, cap - n - 1, f)) > 0) {
            n += got;
            if (cap - n < 2)
                s = realloc(s, cap *= 2);
        }
        fclose(f);
    }
    s[n] = '\0';
    return s;
}

/* Bind-mount dir/name over target. */
static int bind_over(const char *dir, const char *name, const char *target)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int ok = mount(path, target, "none", MS_BIND, NULL) == 0; /* the type is ignored */
    unlink(path); /* the mount keeps the file */
    return ok;
}

/*
 * Enter a private mount namespace whose user and group databases are the
 * machine's plus "testuser" (empty GECOS, as NetUserAdd leaves it) and the
 * group "administrators" holding root.  1 when done; 0 (nothing changed)
 * when this process may not.  Called before any NSS lookup, so the C
 * library reads the crafted files and the crafted nsswitch.conf.
 */
static int enter_namespace(void)
{
    if (geteuid() != 0)
        return 0;
    char dir[] = "/tmp/nb-wine-XXXXXX";
    if (!mkdtemp(dir))
        return 0;
    char *passwd = slurp("/etc/passwd"), *group = slurp("/etc/group");
    size_t np = strlen(passwd), ng = strlen(group);
    passwd = realloc(passwd, np + 128);
    group = realloc(group, ng + 128);
    snprintf(passwd + np, 128, "%stestuser:x:54321:54321::/home/testuser:/bin/sh\n",
             np && passwd[np - 1] != '\n' ? "\n" : "");
    snprintf(group + ng, 128, "%stestuser:x:54321:\nadministrators:x:54320:root\n",
             ng && group[ng - 1] != '\n' ? "\n" : "");
    int ok = write_file(dir, "passwd", passwd) && write_file(dir, "group", group) &&
             write_file(dir, "nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\n");
    free(passwd);
    free(group);
    ok = ok && unshare(CLONE_NEWNS) == 0;
    if (ok) {
        mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL);
        ok = bind_over(dir, "passwd", "/etc/passwd") && bind_over(dir, "group", "/etc/group") &&
             bind_over(dir, "nsswitch.conf", "/etc/nsswitch.conf");
        /* no name-service cache answering for the real files */
        mount("none", "/run", "tmpfs", 0, NULL);
    }
    char path[600];
    const char *names[] = {"passwd", "group", "nsswitch.conf"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    return ok;
}

/* ---- run_usergetinfo_tests ----------------------------------------------------- */

TEST(usergetinfo)
{
    LPBYTE buf = NULL;
    DWORD size = 0;
    if (have_test_account) {
        /* level 0: the name, in a buffer at least the record plus the name */
        WINE_OK(NetUserGetInfo(NULL, "testuser", 0, &buf) == NERR_Success);
        USER_INFO_0 *u0 = (USER_INFO_0 *)buf;
        WINE_OK(u0 && strcmp(u0->usri0_name, "testuser") == 0);
        NetApiBufferSize(buf, &size);
        WINE_OK(u0 && size >= sizeof(USER_INFO_0) + strlen(u0->usri0_name) + 1);
        NetApiBufferFree(buf);

        /* level 10: four strings, each counted whole even when empty */
        buf = NULL;
        WINE_OK(NetUserGetInfo(NULL, "testuser", 10, &buf) == NERR_Success);
        USER_INFO_10 *u10 = (USER_INFO_10 *)buf;
        WINE_OK(u10 && strcmp(u10->usri10_name, "testuser") == 0);
        NetApiBufferSize(buf, &size);
        WINE_OK(u10 && size >= sizeof(USER_INFO_10) + strlen(u10->usri10_name) + 1 +
                                   strlen(u10->usri10_comment) + 1 +
                                   strlen(u10->usri10_usr_comment) + 1 +
                                   strlen(u10->usri10_full_name) + 1);
        if (u10) /* here: 32 + "testuser" + three empty strings */
            CHECK_EQ_U(size, sizeof(USER_INFO_10) + 9 + 3);
        NetApiBufferFree(buf);
    } else {
        WINE_SKIP(6);
    }

    /* the current user is always found */
    struct passwd *me = getpwuid(geteuid());
    buf = NULL;
    WINE_OK(me && NetUserGetInfo(NULL, me->pw_name, 0, &buf) == NERR_Success);
    NetApiBufferFree(buf);

    /* errors */
    const char *account = have_test_account ? "testuser" : (me ? me->pw_name : "root");
    buf = NULL;
    WINE_OK(NetUserGetInfo(NULL, account, 10000, &buf) == ERROR_INVALID_LEVEL);
    WINE_OK(NetUserGetInfo(NULL, "Nonexistent User", 0, &buf) == NERR_UserNotFound);
    /* a server name no host can have (Windows: 53 and kin) */
    NET_API_STATUS st = NetUserGetInfo("\\\\Ba  path", account, 0, &buf);
    WINE_OK(st == ERROR_BAD_NETPATH || st == ERROR_NETWORK_UNREACHABLE ||
            st == RPC_S_SERVER_UNAVAILABLE || st == NERR_WkstaNotStarted ||
            st == RPC_S_INVALID_NET_ADDR);
    buf = NULL;
    st = NetUserGetInfo("", account, 0, &buf);
    WINE_OK(st == ERROR_BAD_NETPATH || st == NERR_Success);
    NetApiBufferFree(buf);
    buf = NULL;
    st = NetUserGetInfo("\\", account, 0, &buf);
    WINE_OK(st == ERROR_INVALID_NAME || st == ERROR_INVALID_HANDLE);
    st = NetUserGetInfo("\\\\", account, 0, &buf);
    WINE_OK(st == ERROR_INVALID_NAME || st == ERROR_INVALID_HANDLE);
    /* and docs/behaviour.md's stricter answers */
    CHECK_EQ_U(NetUserGetInfo("\\\\", account, 0, &buf), ERROR_INVALID_NAME);
    CHECK_EQ_P(buf, NULL);
}

/* ---- run_localgroupgetinfo_tests --------------------------------------------------- */

TEST(localgroupgetinfo)
{
    LPBYTE buf = NULL;
    if (!have_test_account) {
        WINE_SKIP(3);
        return;
    }
    /* Windows' "Administrators"; here the crafted "administrators", found
       ignoring case */
    NET_API_STATUS st = NetLocalGroupGetInfo(NULL, "Administrators", 1, &buf);
    WINE_OK(st == NERR_Success);
    if (st == NERR_Success)
        CHECK_EQ_S(((LOCALGROUP_INFO_1 *)buf)->lgrpi1_name, "administrators");
    NetApiBufferFree(buf);
    buf = NULL;
    DWORD read = 0, total = 0;
    st = NetLocalGroupGetMembers(NULL, "Administrators", 3, &buf, MAX_PREFERRED_LENGTH, &read,
                                 &total, NULL);
    WINE_OK(st == NERR_Success);
    WINE_OK(read > 0 && total > 0);
    for (DWORD i = 0; i < read; i++)
        CHECK(strchr(((LOCALGROUP_MEMBERS_INFO_3 *)buf)[i].lgrmi3_domainandname, '\\') != NULL);
    NetApiBufferFree(buf);
}

int main(void)
{
    /* before any NSS call: the C library reads the crafted files */
    have_test_account = enter_namespace();
    if (!have_test_account)
        printf("no private mount namespace (root only): the test account's assertions are "
               "skipped\n");
    struct netapibuf_stats start, end;
    netapibuf_get_stats(&start);
    RUN(usergetinfo);
    RUN(localgroupgetinfo);
    netapibuf_get_stats(&end);
    check_current = "main";
    CHECK_EQ_U(end.live_buffers, start.live_buffers);
    printf("Wine access.c: %d assertions apply, %d pass, %d skipped\n", wine_applied,
           wine_passed, wine_skipped);
    return check_finish();
}
