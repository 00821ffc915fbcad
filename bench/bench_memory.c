/*
 * bench_memory.c — what the per-thread cache costs in memory.
 *
 * Scenario: a worker thread runs the batch pattern at every size of the
 * table (16 B to 64 KiB, 100 buffers written in full, then freed), 20
 * times per size.  Each allocator runs in its own child process, since RSS
 * is a property of the process, and reports in KiB over the RSS it started
 * with:
 *   peak       — the highest RSS seen with the 100 buffers live;
 *   retained   — RSS the moment the last batch is freed (what the
 *                allocator, and for netapibuf its cache, keeps right then);
 *   moved on   — RSS after the same thread then runs the batch pattern at
 *                64 B only for MOVED_ON_SECONDS (the program has moved on to
 *                other work: blocks of sizes it no longer uses should go
 *                back; netapibuf gives a class's idle blocks back once they
 *                have been idle for its decay, 100 ms);
 *   idle       — RSS after that thread has stopped calling the allocator
 *                altogether and another thread has run 64 B pairs for
 *                IDLE_SECONDS (an idle thread's cache should go back).
 * The gap between netapibuf and malloc in "retained" is the cache's cost
 * at its highest: the 64 KiB class holds its burst of 100 blocks until a
 * scavenge finds it idle (src/block/cache.h).  jemalloc and mimalloc are
 * shown for comparison: they keep such bursts too.
 */
#include "bench.h"

#include <pthread.h>
#include <sys/wait.h>

#ifdef BENCH_HAVE_TALLOC
#include <talloc.h>
#endif

_Thread_local void *volatile bench_sink; /* per thread: a shared one would bounce */

#define BATCH 100
#define REPS 20
#define MOVED_ON_SECONDS 0.25 /* over netapibuf's decay of 100 ms */
#define IDLE_SECONDS 2.5      /* over two of the library's idle looks, 1 s apart */
#define MEMORY_BAR 1.25       /* issue 15: kept after moving on, and idle, over malloc's */

static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

enum which { W_MALLOC, W_NETAPIBUF, W_TALLOC, W_JE, W_MI };

static struct bench_dl_malloc peer; /* jemalloc or mimalloc, in its child */
static enum which which;

static void *alloc_one(size_t n)
{
    void *p = NULL;
    switch (which) {
    case W_MALLOC:
        p = malloc(n);
        break;
    case W_NETAPIBUF:
        NetApiBufferAllocate((DWORD)n, &p);
        break;
    case W_TALLOC:
#ifdef BENCH_HAVE_TALLOC
        p = talloc_size(NULL, n);
#endif
        break;
    case W_JE:
    case W_MI:
        p = peer.malloc_(n);
        break;
    }
    return p;
}

static void free_one(void *p)
{
    switch (which) {
    case W_MALLOC:
        free(p);
        break;
    case W_NETAPIBUF:
        NetApiBufferFree(p);
        break;
    case W_TALLOC:
#ifdef BENCH_HAVE_TALLOC
        talloc_free(p);
#endif
        break;
    case W_JE:
    case W_MI:
        peer.free_(p);
        break;
    }
}

static const size_t sizes[] = {16, 64, 256, 1000, 1024, 1500, 4096, 65536};

static void batch_rounds(size_t n, int rounds, long *peak)
{
    void *v[BATCH];
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < BATCH; i++) {
            v[i] = alloc_one(n);
            memset(v[i], r, n);
        }
        long now = peak ? rss_kib() : 0;
        if (peak && now > *peak)
            *peak = now;
        for (int i = 0; i < BATCH; i++)
            free_one(v[i]);
    }
}

/* The worker's side: out[0..2] as KiB of RSS (absolute); then it idles
   until the main thread is done measuring. */
static long start_kib, out_kib[4];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int stage;

static void set_stage(int s)
{
    pthread_mutex_lock(&lock);
    stage = s;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
}

static void wait_stage(int s)
{
    pthread_mutex_lock(&lock);
    while (stage < s)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
}

static void *worker(void *unused)
{
    (void)unused;
    long peak = start_kib;
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        batch_rounds(sizes[s], REPS, &peak);
    out_kib[0] = peak;
    out_kib[1] = rss_kib();
    double t0 = bench_now_ns();
    while (bench_now_ns() - t0 < MOVED_ON_SECONDS * 1e9)
        batch_rounds(64, REPS, NULL); /* the program moves on */
    out_kib[2] = rss_kib();
    set_stage(1);
    wait_stage(2); /* idle: no call at all */
    return NULL;
}

/* Run the scenario in this (child) process; out: KiB over the start. */
static void scenario(long out[4])
{
    start_kib = rss_kib();
    pthread_t th;
    if (pthread_create(&th, NULL, worker, NULL) != 0)
        return;
    wait_stage(1);
    double t0 = bench_now_ns();
    void *p;
    while (bench_now_ns() - t0 < IDLE_SECONDS * 1e9)
        for (int i = 0; i < 10000; i++) { /* another thread works */
            p = alloc_one(64);
            bench_sink = p;
            free_one(p);
        }
    out_kib[3] = rss_kib();
    set_stage(2);
    pthread_join(th, NULL);
    for (int k = 0; k < 4; k++)
        out[k] = out_kib[k] - start_kib;
}

int main(int argc, char **argv)
{
    (void)argc;
    bench_reexec_for_static_tls(argv); /* for jemalloc (bench.h) */
    const char *mode = bench_mode_label();
    struct bench_peers peers;
    bench_peers_open(&peers); /* only to learn which are there */
    struct {
        const char *name;
        enum which w;
        const char *why_absent;
    } c[] = {
        {"malloc", W_MALLOC, NULL},
        {"netapibuf", W_NETAPIBUF, NULL},
        {"talloc", W_TALLOC, BENCH_TALLOC_ABSENT},
        {"jemalloc", W_JE, peers.je.why_absent},
        {"mimalloc", W_MI, peers.mi.why_absent},
    };
    printf("\nmemory (%s mode): batch pattern at 16 B..64 KiB, %d rounds per size, in a "
           "worker thread; one process each; KiB of RSS over the start\n",
           mode, REPS);
    printf("  %-10s %10s %10s %10s %10s\n", "allocator", "peak", "retained", "moved on",
           "idle");
    long malloc_out[4] = {0}, ours_out[4] = {0}; /* for the bar's line */
    for (size_t k = 0; k < sizeof c / sizeof *c; k++) {
        if (c[k].why_absent) {
            printf("  %-10s %s\n", c[k].name, c[k].why_absent);
            continue;
        }
        int fd[2];
        long out[4] = {-1, -1, -1, -1};
        fflush(stdout);
        if (pipe(fd) != 0)
            return 1;
        pid_t pid = fork();
        if (pid == 0) {
            close(fd[0]);
            which = c[k].w;
            if (which == W_JE)
                peer = peers.je;
            if (which == W_MI)
                peer = peers.mi;
            scenario(out);
            ssize_t w = write(fd[1], out, sizeof out);
            _exit(w == (ssize_t)sizeof out ? 0 : 1);
        }
        close(fd[1]);
        ssize_t got = read(fd[0], out, sizeof out);
        close(fd[0]);
        waitpid(pid, NULL, 0);
        if (got != (ssize_t)sizeof out) {
            printf("  %-10s child failed\n", c[k].name);
            continue;
        }
        printf("  %-10s %10ld %10ld %10ld %10ld\n", c[k].name, out[0], out[1], out[2], out[3]);
        if (c[k].w == W_MALLOC || c[k].w == W_NETAPIBUF)
            memcpy(c[k].w == W_MALLOC ? malloc_out : ours_out, out, sizeof out);
        static const char *const tests[] = {"peak_kib", "retained_kib", "moved_on_kib",
                                            "idle_kib"};
        for (int i = 0; i < 4; i++)
            bench_csv("bench_memory", tests[i], mode, 1, 0, c[k].name, (double)out[i], 0, REPS,
                      "");
    }
    if (malloc_out[2] > 0 && malloc_out[3] > 0 && ours_out[2] > 0) {
        double moved_on = (double)ours_out[2] / (double)malloc_out[2];
        double idle = (double)ours_out[3] / (double)malloc_out[3];
        printf("  netapibuf / malloc after the program moved on %.2fx, idle %.2fx "
               "(issue 15's bar <= %.2fx: %s)\n",
               moved_on, idle, MEMORY_BAR,
               moved_on <= MEMORY_BAR && idle <= MEMORY_BAR ? "met" : "NOT MET");
    }
    return 0;
}
