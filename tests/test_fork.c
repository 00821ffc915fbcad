/*
 * test_fork.c — fork while other threads are inside every kind of call.
 *
 * A lock held by another thread when the process forks stays held for ever
 * in the child, which has only the forking thread: the child's first call
 * that needs it hangs.  Every lock of the library joins one fork protocol
 * (src/platform/locks.h).  Here background threads run every kind of call
 * without pause — buffers (and, in strict mode, the registry's shards),
 * misuse reports through a slow handler while another thread swaps
 * handlers, the packer and its staging stash, NSS walks of both databases,
 * paged enumerations with resume handles (the snapshot table), utmp walks,
 * statistics and thread churn — while the main thread forks again and
 * again.  Each child makes a call of each kind, checks the answers against
 * the parent's, and exits; a child that has not finished within its
 * deadline is killed and the test fails, naming the call it hung in.
 *
 * Runs for NETAPIBUF_TEST_SECONDS (default 2) or 200 forks, at least 10
 * (4 under valgrind);
 * registered in both checking modes, labelled "threads".
 */
#include <errno.h>
#include <stdalign.h>
#include <stddef.h>
#include <pthread.h>
#include <signal.h>
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
#include "platform/locks.h"
#include "tools.h"

#ifndef VALGRIND_COUNT_ERRORS /* without valgrind's headers */
#define VALGRIND_COUNT_ERRORS 0
#endif

#define CHILD_DEADLINE_SECONDS 30 /* generous: valgrind runs the child too */

/* The largest buffer a child makes.  ThreadSanitizer's runtime (clang 14)
   does not lock its allocator of large blocks across fork, so a child that
   needs it while the parent had a thread inside it hangs in the tool:
   under TSan the child stays below that allocator (128 KiB). */
#define CHILD_LARGE (TOOL_TSAN ? 100000 : 300000)

static int stop; /* atomic: background threads run until it is set */
static DWORD expected_users, expected_groups;
static alignas(16) char not_a_buffer[64];

static int stopping(void)
{
    return __atomic_load_n(&stop, __ATOMIC_RELAXED);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The handler threads report through: slow on purpose, so reports overlap
   forks; it takes no lock of its own. */
static void slow_handler(const struct netapibuf_misuse *report, void *context)
{
    (void)report;
    __atomic_add_fetch((long *)context, 1, __ATOMIC_RELAXED);
    struct timespec pause = {0, 20 * 1000};
    nanosleep(&pause, NULL);
}
static long reports;

/* ---- what the background threads do ------------------------------------- */

static void *buffers(void *arg)
{
    unsigned seed = (unsigned)(uintptr_t)arg;
    LPVOID held[16] = {0};
    while (!stopping()) {
        unsigned r = (unsigned)rand_r(&seed);
        LPVOID *slot = &held[r % 16];
        DWORD n = r % 7 == 0 ? 200000 + r % 100000 : r % 3000;
        if (!*slot)
            NetApiBufferAllocate(n, slot);
        else if (r % 3 == 0)
            NetApiBufferReallocate(*slot, n, slot);
        else {
            NetApiBufferFree(*slot);
            *slot = NULL;
        }
    }
    for (int i = 0; i < 16; i++)
        NetApiBufferFree(held[i]);
    return NULL;
}

static void *misuse(void *arg)
{
    (void)arg;
    while (!stopping())
        NetApiBufferFree(not_a_buffer + 16);
    return NULL;
}

static void *handlers(void *arg)
{
    (void)arg;
    while (!stopping())
        netapibuf_set_misuse_handler(slow_handler, &reports);
    return NULL;
}

struct rec {
    char *name;
    DWORD id;
    char *comment;
};
static const size_t rec_strings[] = {offsetof(struct rec, name), offsetof(struct rec, comment)};
static const struct netapibuf_record_layout rec_layout = {
    sizeof(struct rec), alignof(struct rec), 2, rec_strings, 0, NULL};

/* 300 records: enough staging to take and return stash segments. */
static NET_API_STATUS pack_some(DWORD *read)
{
    static struct rec recs[300];
    static char names[300][24];
    for (int i = 0; i < 300; i++) {
        snprintf(names[i], sizeof names[i], "entry-%d-%d", i, i * 7);
        recs[i] = (struct rec){names[i], (DWORD)i, i % 2 ? "shared comment" : NULL};
    }
    LPBYTE buf = NULL;
    NET_API_STATUS st = netapibuf_pack(&rec_layout, recs, 300, MAX_PREFERRED_LENGTH, &buf, read);
    NetApiBufferFree(buf);
    return st;
}

static void *packer(void *arg)
{
    (void)arg;
    DWORD read;
    while (!stopping())
        pack_some(&read);
    return NULL;
}

static void *walks(void *arg)
{
    (void)arg;
    while (!stopping()) {
        LPBYTE buf;
        DWORD read, total;
        NetUserEnum(NULL, 20, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        NetApiBufferFree(buf);
        NetLocalGroupEnum(NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        NetApiBufferFree(buf);
        NetLocalGroupGetMembers(NULL, "root", 3, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        NetApiBufferFree(buf);
    }
    return NULL;
}

/* Paged enumerations, some abandoned half-way (their snapshots are
   evicted later). */
static void *paging(void *arg)
{
    (void)arg;
    unsigned round = 0;
    while (!stopping()) {
        DWORD resume = 0, read, total;
        NET_API_STATUS st;
        unsigned pages = 0;
        do {
            LPBYTE buf;
            st = NetUserEnum(NULL, 0, 0, &buf, 64, &read, &total, &resume);
            NetApiBufferFree(buf);
        } while (st == ERROR_MORE_DATA && ++pages < 2 + round++ % 5);
    }
    return NULL;
}

static void *machine(void *arg)
{
    (void)arg;
    while (!stopping()) {
        LPBYTE buf;
        NetWkstaGetInfo(NULL, 102, &buf);
        NetApiBufferFree(buf);
        NetServerGetInfo(NULL, 102, &buf);
        NetApiBufferFree(buf);
        struct netapibuf_stats stats;
        netapibuf_get_stats(&stats);
    }
    return NULL;
}

static void *short_lived(void *arg)
{
    (void)arg;
    LPVOID p;
    NetApiBufferAllocate(100, &p);
    NetApiBufferFree(p);
    return NULL;
}

/* New threads take and return thread records (their list's lock). */
static void *churn(void *arg)
{
    (void)arg;
    while (!stopping()) {
        pthread_t t;
        if (pthread_create(&t, NULL, short_lived, NULL) == 0)
            pthread_join(t, NULL);
    }
    return NULL;
}

/* ---- the child ----------------------------------------------------------- */

/* The calls a child makes, one of each kind; the parent names the one a
   hung child was in (the child writes each step's number to a pipe). */
static const char *const steps[] = {
    "NetApiBufferAllocate/Reallocate/Free", "misuse report", "netapibuf_set_misuse_handler",
    "netapibuf_pack", "NetUserEnum (NSS walk)", "NetLocalGroupEnum (NSS walk)",
    "NetUserEnum (paged: snapshot table)", "NetLocalGroupGetMembers",
    "NetWkstaGetInfo 102 (utmp walk)", "NetServerGetInfo 102", "netapibuf_get_stats",
};
#define STEPS (sizeof steps / sizeof steps[0])
#define CHILD_RIGHT 0xF0 /* the child's last byte: every answer right */
#define CHILD_WRONG 0xF1 /* ... or not */

/* The child's work; returns 0 when every answer was right. */
static int child_calls(int progress)
{
    int wrong = 0;
    unsigned char step = 0;
#define STEP() (void)!write(progress, &step, 1), step++
    STEP();
    LPVOID p = NULL;
    wrong |= NetApiBufferAllocate(100, &p) != NERR_Success;
    wrong |= NetApiBufferReallocate(p, CHILD_LARGE, &p) != NERR_Success;
    wrong |= NetApiBufferFree(p) != NERR_Success;
    STEP();
    wrong |= NetApiBufferFree(not_a_buffer + 16) != ERROR_INVALID_PARAMETER;
    STEP();
    netapibuf_set_misuse_handler(NULL, NULL);
    STEP();
    DWORD read = 0, total = 0;
    wrong |= pack_some(&read) != NERR_Success || read != 300;
    STEP();
    LPBYTE buf = NULL;
    wrong |= NetUserEnum(NULL, 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL) !=
                 NERR_Success || read != expected_users;
    NetApiBufferFree(buf);
    STEP();
    wrong |= NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL) !=
                 NERR_Success || read != expected_groups;
    NetApiBufferFree(buf);
    STEP();
    DWORD resume = 0, seen = 0;
    NET_API_STATUS st;
    do {
        st = NetUserEnum(NULL, 0, 0, &buf, 64, &read, &total, &resume);
        seen += read;
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA);
    wrong |= st != NERR_Success || seen != expected_users;
    STEP();
    wrong |= NetLocalGroupGetMembers(NULL, "root", 1, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                     NULL) != NERR_Success;
    NetApiBufferFree(buf);
    STEP();
    wrong |= NetWkstaGetInfo(NULL, 102, &buf) != NERR_Success;
    NetApiBufferFree(buf);
    STEP();
    wrong |= NetServerGetInfo(NULL, 102, &buf) != NERR_Success;
    NetApiBufferFree(buf);
    STEP();
    struct netapibuf_stats stats;
    wrong |= netapibuf_get_stats(&stats) != NERR_Success;
    STEP();
#undef STEP
    return wrong;
}

/* The first line of /proc/PID/FILE into out, or "?". */
static void proc_line(pid_t pid, const char *file, char *out, int size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, file);
    FILE *f = fopen(path, "r");
    if (!f || !fgets(out, size, f))
        snprintf(out, (size_t)size, "?");
    if (f)
        fclose(f);
}

/* What a hung child is doing, for the failure message: its state ("R":
   spinning, "S": waiting), where the kernel has it wait, and its system
   call (202 is futex: a lock), read from /proc before it is killed. */
static void describe_hung(pid_t pid, char *out, size_t size)
{
    char stat[512], wchan[64], syscall[128];
    proc_line(pid, "stat", stat, sizeof stat);
    proc_line(pid, "wchan", wchan, sizeof wchan);
    proc_line(pid, "syscall", syscall, sizeof syscall);
    syscall[strcspn(syscall, " \n")] = 0; /* the number only */
    const char *paren = strrchr(stat, ')'); /* the state follows the command */
    snprintf(out, size, "state %c, waiting in %s, system call %s",
             paren && paren[1] == ' ' ? paren[2] : '?', wchan, syscall);
}

/* Fork once; a failure is recorded unless the child finished in time and
   its answers were right. */
static void fork_once(int number)
{
    int fds[2];
    if (pipe(fds) != 0) {
        CHECK_MSG_(0, "pipe: %s", strerror(errno));
        return;
    }
    pid_t pid = fork();
    if (pid < 0) {
        CHECK_MSG_(0, "fork: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return;
    }
    if (pid == 0) {
        close(fds[0]);
        int wrong = child_calls(fds[1]);
        if (TOOL_VALGRIND && VALGRIND_COUNT_ERRORS > 0)
            wrong = 1; /* memcheck found an error in the child */
        unsigned char verdict = wrong ? CHILD_WRONG : CHILD_RIGHT;
        (void)!write(fds[1], &verdict, 1);
        /* No atexit handlers: the parent's buffers are not the child's to
           report.  Under valgrind not even _exit: memcheck would check for
           leaks the memory of the parent's other threads, which the child
           never had, and fail the child for them. */
        if (TOOL_VALGRIND)
            raise(SIGKILL);
        _exit(0);
    }
    close(fds[1]);
    int status = 0;
    double deadline = now() + CHILD_DEADLINE_SECONDS;
    pid_t done;
    while ((done = waitpid(pid, &status, WNOHANG)) == 0 && now() < deadline) {
        struct timespec pause = {0, 2 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    unsigned char last = 0, byte;
    int any = 0;
    char doing[256] = "";
    if (done == 0) {
        describe_hung(pid, doing, sizeof doing);
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    while (read(fds[0], &byte, 1) == 1) {
        last = byte;
        any = 1;
    }
    close(fds[0]);
    if (done == 0)
        CHECK_MSG_(0, "fork %d: the child hung in %s (%s)", number,
                   any && last < STEPS ? steps[last] : "its start", doing);
    else if (last == CHILD_WRONG)
        CHECK_MSG_(0, "fork %d: the child got a wrong answer", number);
    else if (last != CHILD_RIGHT)
        CHECK_MSG_(0, "fork %d: the child ended (status 0x%x) in %s", number, status,
                   any && last < STEPS ? steps[last] : "its start");
}

static double seconds_to_run(void)
{
    const char *s = getenv("NETAPIBUF_TEST_SECONDS");
    double v = s ? atof(s) : 0;
    return v > 0 ? v : 2.0;
}

TEST(fork_while_every_kind_of_call_runs)
{
    LPBYTE buf = NULL;
    DWORD total = 0;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &buf, MAX_PREFERRED_LENGTH, &expected_users, &total, NULL),
               NERR_Success);
    NetApiBufferFree(buf);
    CHECK_EQ_U(NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &expected_groups, &total,
                                 NULL),
               NERR_Success);
    NetApiBufferFree(buf);
    netapibuf_set_misuse_handler(slow_handler, &reports);

    void *(*const kinds[])(void *) = {buffers, buffers, misuse, handlers, packer,
                                      walks,   paging,  machine, churn};
    enum { KINDS = sizeof kinds / sizeof kinds[0] };
    pthread_t threads[KINDS];
    for (size_t i = 0; i < KINDS; i++)
        CHECK_EQ_U(pthread_create(&threads[i], NULL, kinds[i], (void *)(uintptr_t)(i + 1)), 0);

    double end = now() + seconds_to_run();
    int forks = 0;
    int least = TOOL_VALGRIND ? 4 : 10; /* a child under valgrind takes seconds */
    while (forks < least || (forks < 200 && now() < end)) {
        struct timespec pause = {0, (long)(forks % 7) * 300 * 1000};
        nanosleep(&pause, NULL); /* forks land at different points of the threads' work */
        fork_once(++forks);
        if (check_failed > 5)
            break;
    }
    __atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
    for (size_t i = 0; i < KINDS; i++)
        pthread_join(threads[i], NULL);
    netapibuf_set_misuse_handler(NULL, NULL);
    printf("%d forks, %ld misuse reports meanwhile\n", forks, reports);
    CHECK(__atomic_load_n(&reports, __ATOMIC_RELAXED) > 0);
}

/* Every lock of the library joined the fork protocol at load time, in an
   order prepare can take them in (platform/locks.h): the NSS walk, utmp,
   snapshot table, packer stash, misuse handler, thread records, registry. */
TEST(every_lock_joined_in_rank_order)
{
    int ordered = 0;
    CHECK_GE_U(nbi_fork_members(&ordered), 7);
    CHECK(ordered);
}

int main(void)
{
    /* AddressSanitizer's runtime before clang 17 (and GCC's copy of it) locks
       nothing of its own across fork: a child forked while another thread is
       inside ASan's malloc hangs at its first malloc, whatever the program
       does.  The test runs plain, under valgrind and under TSan (whose
       runtime does lock its allocator); under such an ASan it is skipped. */
#if TOOL_ASAN && !(defined(__clang_major__) && __clang_major__ >= 17)
    printf("skipped: this AddressSanitizer runtime does not survive fork with threads in malloc\n");
    return 77;
#endif
    RUN(every_lock_joined_in_rank_order);
    RUN(fork_while_every_kind_of_call_runs);
    return check_finish();
}
