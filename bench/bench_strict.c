/*
 * bench_strict.c — what the checking modes cost: the 64-byte
 * NetApiBufferAllocate + NetApiBufferFree pair against a bare malloc + free
 * pair, and how pair throughput scales from one thread to two, in the
 * default mode and in strict mode.  malloc+free pairs scale with no shared
 * state at all, so their scaling, measured in the same rounds, is the most
 * this machine can give at the moment (other work shares its cores).
 *
 * The mode is chosen once per process from NETAPIBUF_CHECK, so the program
 * measures the mode it runs in, then runs itself again with
 * NETAPIBUF_CHECK=strict (argument "--child") for the other.  Every figure
 * is the median of interleaved rounds, so a noisy neighbour slows the
 * contenders of a round alike.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#define ROUNDS 21
#define PAIRS 200000
#define THREAD_PAIRS 1000000 /* per thread: long enough to dwarf thread start-up */
#define SIZE 64

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static _Thread_local void *volatile sink; /* per thread: a shared one would bounce between CPUs */

static void malloc_pairs(long n)
{
    for (long i = 0; i < n; i++) {
        void *p = malloc(SIZE);
        sink = p;
        free(p);
    }
}

static void netapibuf_pairs(long n)
{
    for (long i = 0; i < n; i++) {
        void *p;
        if (NetApiBufferAllocate(SIZE, &p) != NERR_Success)
            abort();
        sink = p;
        NetApiBufferFree(p);
    }
}

static double time_pairs(void (*pairs)(long))
{
    double t0 = now_ns();
    pairs(PAIRS);
    return (now_ns() - t0) / PAIRS;
}

static void *thread_main(void *arg)
{
    ((void (*)(long))arg)(THREAD_PAIRS);
    return NULL;
}

/* Pairs per microsecond with `threads` threads each doing THREAD_PAIRS pairs. */
static double throughput(int threads, void (*pairs)(long))
{
    pthread_t tid[2];
    double t0 = now_ns();
    for (int i = 0; i < threads; i++)
        if (pthread_create(&tid[i], NULL, thread_main, (void *)pairs) != 0)
            abort();
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    return threads * (double)THREAD_PAIRS / ((now_ns() - t0) / 1000.0);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v)
{
    qsort(v, ROUNDS, sizeof *v, cmp_double);
    return v[ROUNDS / 2];
}

static void measure(const char *mode)
{
    double pair[ROUNDS], bare[ROUNDS], one[ROUNDS], two[ROUNDS], mone[ROUNDS], mtwo[ROUNDS];
    netapibuf_pairs(PAIRS); /* warm-up */
    malloc_pairs(PAIRS);
    for (int r = 0; r < ROUNDS; r++) {
        if (r & 1) {
            bare[r] = time_pairs(malloc_pairs);
            pair[r] = time_pairs(netapibuf_pairs);
        } else {
            pair[r] = time_pairs(netapibuf_pairs);
            bare[r] = time_pairs(malloc_pairs);
        }
        one[r] = throughput(1, netapibuf_pairs);
        two[r] = throughput(2, netapibuf_pairs);
        mone[r] = throughput(1, malloc_pairs);
        mtwo[r] = throughput(2, malloc_pairs);
    }
    double p = median(pair), b = median(bare), t1 = median(one), t2 = median(two);
    double m = median(mtwo) / median(mone);
    printf("%-8s %9.2f %9.2f %8.2fx %10.1f %10.1f %8.2fx %8.2fx\n", mode, p, b, p / b, t1, t2,
           t2 / t1, m);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--child") == 0) {
        measure(netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT ? "strict" : "default");
        return 0;
    }
    printf("%d-byte pair (ns) vs malloc+free, and pair throughput (pairs/us) with 1 and 2 threads;\n"
           "malloc's: malloc+free's own scaling in the same rounds (the machine's limit);\n"
           "medians of %d interleaved rounds of %d pairs\n", SIZE, ROUNDS, PAIRS);
    printf("%-8s %9s %9s %9s %10s %10s %9s %9s\n", "mode", "ns/pair", "malloc", "ratio", "1 thread",
           "2 threads", "scaling", "malloc's");
    fflush(stdout);
    static const char *const modes[] = {"default", "strict"};
    for (int m = 0; m < 2; m++) {
        pid_t pid = fork();
        if (pid < 0)
            return 1;
        if (pid == 0) {
            setenv("NETAPIBUF_CHECK", modes[m], 1);
            execl("/proc/self/exe", argv[0], "--child", (char *)NULL);
            _exit(127);
        }
        int status;
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return 1;
    }
    return 0;
}
