/*
 * test_remote_load.c — when Samba's client library is loaded, and what
 * happens without it.  Needs no server.
 *
 *   test_remote_load          a program that uses only this machine's
 *                             functions and buffers maps no Samba library
 *                             (/proc/self/maps); a child forked before any
 *                             remote call can make one (it does not hang);
 *                             the first remote call maps libnetapi.so.1.
 *   test_remote_load missing  run where libnetapi.so.1 cannot be loaded
 *                             (tests/remote/without_libnetapi.sh hides it
 *                             in a mount namespace): every remote call
 *                             answers ERROR_MOD_NOT_FOUND, whose text names
 *                             the package, and this machine's functions go
 *                             on working.
 *
 * The remote calls go to 127.0.0.9, where nothing is expected to listen:
 * their status is not the point (53, or whatever a server there says),
 * only that they return.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "tools.h"

#define NOWHERE "127.0.0.9"

/* Samba's libraries, as they appear in /proc/self/maps. */
static const char *const samba_objects[] = {
    "libnetapi.so", "libtalloc.so", "libsmbconf.so", "libndr", "libsamba-",
    "/samba/",      "libwbclient",  "libtevent.so",  "libtdb.so",
};

/* The first Samba object mapped, or NULL. */
static const char *samba_mapped(void)
{
    static char found[4200];
    FILE *f = fopen("/proc/self/maps", "r");
    char line[4096];
    const char *hit = NULL;
    while (f && !hit && fgets(line, sizeof line, f))
        for (size_t i = 0; i < sizeof samba_objects / sizeof *samba_objects && !hit; i++)
            if (strstr(line, samba_objects[i])) {
                char *path = strchr(line, '/');
                snprintf(found, sizeof found, "%s", path ? path : line);
                found[strcspn(found, "\n")] = '\0';
                hit = found;
            }
    if (f)
        fclose(f);
    return hit;
}

/* Every local function and every buffer function, once. */
static void use_everything_local(void)
{
    LPBYTE b = NULL;
    DWORD er = 0, te = 0, h = 0;
    DWORD_PTR ph = 0;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, &h), NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserGetInfo(NULL, "root", 20, &b), NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserGetLocalGroups(NULL, "root", 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te),
               NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetLocalGroupEnum(NULL, 1, &b, MAX_PREFERRED_LENGTH, &er, &te, &ph), NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetLocalGroupGetInfo(NULL, "root", 0, &b), NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetLocalGroupGetMembers(NULL, "root", 3, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL),
               NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetServerGetInfo(NULL, 101, &b), NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetWkstaGetInfo(NULL, 102, &b), NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetRemoteTOD(NULL, &b), NERR_Success);
    NetApiBufferFree(b);
    /* "localhost" and the malformed names are decided without Samba */
    CHECK_EQ_U(NetServerGetInfo("\\\\localhost", 100, &b), NERR_Success);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetServerGetInfo("\\\\", 100, &b), ERROR_INVALID_NAME);
    void *p = NULL, *q = NULL;
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferAllocate(100, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferReallocate(p, 5000, &q), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(q, &size), NERR_Success);
    CHECK_EQ_U(size, 5000);
    CHECK_EQ_U(NetApiBufferFree(q), NERR_Success);
    /* credentials and status texts are remote-layer functions that need
       no server: they load nothing */
    CHECK_EQ_U(netapibuf_set_credentials(NULL, "someone", "secret"), NERR_Success);
    CHECK_EQ_U(netapibuf_set_use_kerberos(0), NERR_Success);
    CHECK(strstr(netapibuf_status_text(ERROR_MOD_NOT_FOUND), "samba-libs") != NULL);
    struct netapibuf_stats s;
    CHECK_EQ_U(netapibuf_get_stats(&s), NERR_Success);
}

TEST(local_only_maps_no_samba)
{
    const char *hit = samba_mapped();
    CHECK_MSG_(hit == NULL, "before any call: %s is mapped", hit);
    use_everything_local();
    hit = samba_mapped();
    CHECK_MSG_(hit == NULL, "after local calls only: %s is mapped", hit);
}

/* A remote call in a child, under a deadline: it must come back. */
static int child_remote_call_returns(void)
{
    int fds[2];
    if (pipe(fds) != 0)
        return 0;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        alarm(60);
        LPBYTE b = NULL;
        NET_API_STATUS st = NetServerGetInfo(NOWHERE, 100, &b);
        NetApiBufferFree(b);
        unsigned char done = st == NERR_Success || st != 0 ? 1 : 2;
        (void)!write(fds[1], &done, 1);
        /* Under valgrind not even _exit: memcheck would check the parent's
           memory for leaks in the child, which never owned it. */
        if (TOOL_VALGRIND)
            raise(SIGKILL);
        _exit(0);
    }
    close(fds[1]);
    int status = -1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        status = -1;
    unsigned char done = 0;
    if (read(fds[0], &done, 1) != 1)
        done = 0;
    close(fds[0]);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        fprintf(stderr, "the child's remote call never returned (SIGALRM)\n");
    return done == 1;
}

TEST(child_forked_before_remote_calls)
{
    CHECK(child_remote_call_returns());
    CHECK_MSG_(samba_mapped() == NULL, "the child's call mapped %s in the parent", samba_mapped());
}

TEST(first_remote_call_loads_samba)
{
    LPBYTE b = (LPBYTE)1;
    NET_API_STATUS st = NetServerGetInfo(NOWHERE, 100, &b);
    printf("  NetServerGetInfo(%s) = %u (%s)\n", NOWHERE, (unsigned)st, netapibuf_status_text(st));
    if (st == ERROR_MOD_NOT_FOUND) {
        printf("  (Samba's libnetapi.so.1 is not installed here)\n");
        CHECK(samba_mapped() == NULL);
        return;
    }
    if (st == NERR_Success)
        NetApiBufferFree(b);
    else
        CHECK_EQ_P(b, NULL);
    CHECK(samba_mapped() != NULL);
    /* and forked after it, a child's remote call returns too */
    CHECK(child_remote_call_returns());
}

TEST(without_libnetapi)
{
    for (int i = 0; i < 3; i++) {
        LPBYTE b = (LPBYTE)1;
        DWORD er = 7, te = 7;
        CHECK_EQ_U(NetServerGetInfo(NOWHERE, 101, &b), ERROR_MOD_NOT_FOUND);
        CHECK_EQ_P(b, NULL);
        CHECK_EQ_U(NetUserEnum("\\\\" NOWHERE, 0, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL),
                   ERROR_MOD_NOT_FOUND);
        CHECK_EQ_P(b, NULL);
        CHECK_EQ_U(er, 0);
        CHECK_EQ_U(te, 0);
        CHECK_EQ_U(NetUserGetInfo("server.example", "alice", 20, &b), ERROR_MOD_NOT_FOUND);
        CHECK_EQ_U(NetLocalGroupGetMembers(NOWHERE, "x", 0, &b, 100, &er, &te, NULL),
                   ERROR_MOD_NOT_FOUND);
    }
    const char *text = netapibuf_status_text(ERROR_MOD_NOT_FOUND);
    printf("  126: %s\n", text);
    CHECK(strstr(text, "samba-libs") != NULL);
    CHECK(strstr(text, "libnetapi.so.1") != NULL);
    const char *hit = samba_mapped();
    CHECK_MSG_(hit == NULL, "%s is mapped though libnetapi could not be loaded", hit);
    /* this machine's answers do not depend on it */
    use_everything_local();
    struct netapibuf_stats s;
    CHECK_EQ_U(netapibuf_get_stats(&s), NERR_Success);
    CHECK_EQ_U(s.live_buffers, 0);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1 && strcmp(argv[1], "missing") == 0) {
        RUN(without_libnetapi);
        return check_finish();
    }
    RUN(local_only_maps_no_samba);
    RUN(child_forked_before_remote_calls);
    RUN(first_remote_call_loads_samba);
    return check_finish();
}
