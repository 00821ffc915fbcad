/*
 * bench_rotate.c — every size in every round: the cache under pressure.
 *
 * bench_pair measures one size at a time, so the per-thread cache only
 * ever serves the size being measured.  Here each round visits every size
 * in turn (pair and batch, netapibuf and bare malloc+free, order
 * alternating), so the blocks of one size sit in the cache while the others
 * run: the budget, the per-class limit and the scavenging of idle blocks
 * (src/cache.h) all come into play, as in a long-running process that uses
 * many sizes.  This is the pattern that showed, before the per-class limit
 * and scavenging, 4 KiB and 64 KiB bursts starving the cache for other
 * sizes (pairs at 4097 and 65536 bytes at about 1.5x malloc).
 *
 * Reported: medians over rounds, ratio to bare malloc+free, worst ratio.
 */
#include "bench.h"

_Thread_local void *volatile bench_sink; /* per thread: a shared one would bounce */

#define BAR 1.30
#define MAX_ROUNDS 32

BENCH_DEFINE_LOOPS(malloc, BENCH_MALLOC_A, BENCH_MALLOC_F)
BENCH_DEFINE_LOOPS(netapibuf, BENCH_NAB_A, BENCH_NAB_F)

static const size_t sizes[] = {16,   64,   256,  1000, 1017, 1024, 1025,
                               1032, 1500, 4096, 4097, 65535, 65536};
#define N_SIZES (sizeof sizes / sizeof *sizes)

int main(void)
{
    int quick = bench_quick();
    int rounds = quick ? 7 : 21;
    long ops = quick ? 10000 : 20000;
    const char *mode = bench_mode_label();
    /* ns[size][0..3]: malloc pair, netapibuf pair, malloc batch, netapibuf batch */
    static double ns[N_SIZES][4][MAX_ROUNDS];

    for (int r = 0; r < rounds; r++)
        for (size_t s = 0; s < N_SIZES; s++) {
            size_t n = sizes[s];
            /* big bursts cost microseconds a pair (glibc trims and regrows
               its heap): fewer of them keep the run short */
            long bops = n > 2048 ? ops / 10 : ops;
            if (r & 1) {
                ns[s][1][r] = pair_netapibuf(n, ops) / ops;
                ns[s][0][r] = pair_malloc(n, ops) / ops;
                ns[s][3][r] = batch_netapibuf(n, bops) / bops;
                ns[s][2][r] = batch_malloc(n, bops) / bops;
            } else {
                ns[s][0][r] = pair_malloc(n, ops) / ops;
                ns[s][1][r] = pair_netapibuf(n, ops) / ops;
                ns[s][2][r] = batch_malloc(n, bops) / bops;
                ns[s][3][r] = batch_netapibuf(n, bops) / bops;
            }
        }

    printf("every size in every round (%s mode, %d rounds of %ld pairs per size): "
           "ns per allocate+free, ratio to malloc+free\n",
           mode, rounds, ops);
    printf("%8s %10s %10s %7s %12s %12s %7s\n", "size", "malloc", "netapibuf", "ratio",
           "malloc", "netapibuf", "ratio");
    printf("%8s %29s %33s\n", "", "pair", "batch of 100");
    double worst = 0;
    size_t worst_size = 0;
    const char *worst_what = "";
    for (size_t s = 0; s < N_SIZES; s++) {
        double m[4];
        for (int k = 0; k < 4; k++)
            m[k] = bench_median(ns[s][k], rounds);
        double rp = m[1] / m[0], rb = m[3] / m[2];
        printf("%8zu %10.1f %10.1f %6.2fx %12.1f %12.1f %6.2fx\n", sizes[s], m[0], m[1], rp,
               m[2], m[3], rb);
        bench_csv("bench_rotate", "pair", mode, 1, (long)sizes[s], "malloc", m[0], 1, rounds, "");
        bench_csv("bench_rotate", "pair", mode, 1, (long)sizes[s], "netapibuf", m[1], rp,
                  rounds, "");
        bench_csv("bench_rotate", "batch", mode, 1, (long)sizes[s], "malloc", m[2], 1, rounds,
                  "");
        bench_csv("bench_rotate", "batch", mode, 1, (long)sizes[s], "netapibuf", m[3], rb,
                  rounds, "");
        if (rp > worst)
            worst = rp, worst_size = sizes[s], worst_what = "pair";
        if (rb > worst)
            worst = rb, worst_size = sizes[s], worst_what = "batch";
    }
    printf("worst: %.2fx (%s, %zu B; bar <= %.2fx: %s)\n", worst, worst_what, worst_size, BAR,
           worst <= BAR ? "met" : "NOT MET");
    return 0;
}
