/*
 * bench_memory.c — what the per-thread cache costs in memory.
 *
 * Scenario: the batch pattern at every size of the table (16 B to 64 KiB,
 * 100 buffers written in full, then freed), 20 times per size, then the
 * same at 64 B only ("afterwards, small buffers only").  Each allocator runs
 * in its own child process, since RSS is a property of the process, and
 * reports in KiB over the RSS it started with:
 *   peak      — the highest RSS seen with the 100 buffers live;
 *   retained  — RSS once every buffer is freed (what the allocator, and for
 *               netapibuf its cache, keeps).
 * The difference between netapibuf and malloc in "retained" is the cache's
 * real cost; its bound is 1 MiB per thread plus one block per size class
 * (src/cache.h).
 */
#include "bench.h"

#include <sys/wait.h>

#ifdef BENCH_HAVE_TALLOC
#include <talloc.h>
#endif

_Thread_local void *volatile bench_sink; /* per thread: a shared one would bounce */

#define BATCH 100
#define REPS 20

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

enum which { W_MALLOC, W_NETAPIBUF, W_TALLOC };

static void *alloc_one(enum which w, size_t n)
{
    void *p = NULL;
    switch (w) {
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
    }
    return p;
}

static void free_one(enum which w, void *p)
{
    switch (w) {
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
    }
}

static const size_t sizes[] = {16, 64, 256, 1000, 1024, 1500, 4096, 65536};

/* Run the scenario; write peak and retained KiB (over the start) to out. */
static void scenario(enum which w, long out[3])
{
    long start = rss_kib(), peak = start;
    void *v[BATCH];
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (int r = 0; r < REPS; r++) {
            for (int i = 0; i < BATCH; i++) {
                v[i] = alloc_one(w, sizes[s]);
                memset(v[i], r, sizes[s]);
            }
            long now = rss_kib();
            if (now > peak)
                peak = now;
            for (int i = 0; i < BATCH; i++)
                free_one(w, v[i]);
        }
    long retained = rss_kib();
    for (int r = 0; r < REPS; r++) { /* afterwards, small buffers only */
        for (int i = 0; i < BATCH; i++) {
            v[i] = alloc_one(w, 64);
            memset(v[i], r, 64);
        }
        for (int i = 0; i < BATCH; i++)
            free_one(w, v[i]);
    }
    out[0] = peak - start;
    out[1] = retained - start;
    out[2] = rss_kib() - start;
}

int main(void)
{
    const char *mode = bench_mode_label();
    struct {
        const char *name;
        enum which w;
        const char *why_absent;
    } c[] = {
        {"malloc", W_MALLOC, NULL},
        {"netapibuf", W_NETAPIBUF, NULL},
        {"talloc", W_TALLOC, BENCH_TALLOC_ABSENT},
    };
    printf("\nmemory (%s mode): batch pattern at 16 B..64 KiB, %d rounds per size, "
           "one process each; KiB of RSS over the start\n",
           mode, REPS);
    printf("  %-10s %10s %10s %18s\n", "allocator", "peak", "retained", "after 64 B only");
    for (size_t k = 0; k < sizeof c / sizeof *c; k++) {
        if (c[k].why_absent) {
            printf("  %-10s %s\n", c[k].name, c[k].why_absent);
            continue;
        }
        int fd[2];
        long out[3] = {-1, -1, -1};
        fflush(stdout);
        if (pipe(fd) != 0)
            return 1;
        pid_t pid = fork();
        if (pid == 0) {
            close(fd[0]);
            scenario(c[k].w, out);
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
        printf("  %-10s %10ld %10ld %18ld\n", c[k].name, out[0], out[1], out[2]);
        bench_csv("bench_memory", "peak_kib", mode, 1, 0, c[k].name, (double)out[0], 0, REPS,
                  "");
        bench_csv("bench_memory", "retained_kib", mode, 1, 0, c[k].name, (double)out[1], 0,
                  REPS, "");
        bench_csv("bench_memory", "after_small_kib", mode, 1, 0, c[k].name, (double)out[2], 0,
                  REPS, "");
    }
    return 0;
}
