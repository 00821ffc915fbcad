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

#include "bench.h"

#define ROUNDS 21
#define PAIRS 200000
#define THREAD_PAIRS 1000000 /* per thread: long enough to dwarf thread start-up */
#define SIZE 64

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
    double t0 = bench_now_ns();
    pairs(PAIRS);
    return (bench_now_ns() - t0) / PAIRS;
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
    double t0 = bench_now_ns();
    for (int i = 0; i < threads; i++)
        if (pthread_create(&tid[i], NULL, thread_main, (void *)pairs) != 0)
            abort();
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    return threads * (double)THREAD_PAIRS / ((bench_now_ns() - t0) / 1000.0);
}

#define PAIR_BAR 2.5     /* strict pair / malloc+free pair, at most */
#define SCALING_BAR 1.7  /* 2-thread / 1-thread throughput, at least */

static void measure(const char *mode, int strict)
{
    double pair[ROUNDS], bare[ROUNDS], one[ROUNDS], two[ROUNDS], mone[ROUNDS], mtwo[ROUNDS];
    int rounds = bench_quick() ? ROUNDS / 2 + 1 : ROUNDS; /* odd either way */
    netapibuf_pairs(PAIRS); /* warm-up */
    malloc_pairs(PAIRS);
    for (int r = 0; r < rounds; r++) {
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
    double p = bench_median(pair, rounds), b = bench_median(bare, rounds);
    double t1 = bench_median(one, rounds), t2 = bench_median(two, rounds);
    double scaling = t2 / t1, m = bench_median(mtwo, rounds) / bench_median(mone, rounds);
    char verdict[128] = "";
    if (strict)
        snprintf(verdict, sizeof verdict, "pair <= %.1fx: %s; ", PAIR_BAR,
                 p / b <= PAIR_BAR ? "met" : "NOT MET");
    snprintf(verdict + strlen(verdict), sizeof verdict - strlen(verdict), "scaling >= %.1fx: %s",
             SCALING_BAR, scaling >= SCALING_BAR ? "met" : "NOT MET");
    printf("%-8s %9.2f %9.2f %8.2fx %10.1f %10.1f %8.2fx %8.2fx %8.2f  %s\n", mode, p, b, p / b,
           t1, t2, scaling, m, scaling / m, verdict);
    fflush(stdout);
    bench_csv("bench_strict", "pair", mode, 1, SIZE, "netapibuf", p, p / b, rounds, "vs malloc+free");
    bench_csv("bench_strict", "scaling", mode, 2, SIZE, "netapibuf", 0, scaling, rounds,
              "2-thread/1-thread throughput");
    bench_csv("bench_strict", "scaling", mode, 2, SIZE, "malloc", 0, m, rounds,
              "2-thread/1-thread throughput");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--child") == 0) {
        int strict = netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT;
        measure(bench_mode_label(), strict);
        return 0;
    }
    printf("%d-byte pair (ns) vs malloc+free, and pair throughput (pairs/us) with 1 and 2 threads;\n"
           "scaling: 2-thread / 1-thread throughput; malloc's: malloc+free's own scaling in the\n"
           "same rounds (what this machine gives two threads now: on a VM whose two CPUs share a\n"
           "core it is near 1.0); relative: scaling / malloc's (1.00: scales as malloc does);\n"
           "medians of %d interleaved rounds (%d quick) of %d pairs\n", SIZE, ROUNDS,
           ROUNDS / 2 + 1, PAIRS);
    printf("%-8s %9s %9s %9s %10s %10s %9s %9s %8s  %s\n", "mode", "ns/pair", "malloc", "ratio",
           "1 thread", "2 threads", "scaling", "malloc's", "relative", "bars");
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
