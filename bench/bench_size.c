/*
 * bench_size.c — asking a live buffer its size, and growing one.
 *
 * Size: NetApiBufferSize (exact requested size, after checking the tag)
 * against glibc's malloc_usable_size, talloc_get_size, and jemalloc's and
 * mimalloc's usable-size calls, on 64 live buffers of 16..4096 bytes
 * queried in turn.  Samba's libnetapi has no NetApiBufferSize.
 *
 * Growth: a buffer grown from 16 B, doubling, to 1 MiB (17 resizes, then
 * freed): NetApiBufferReallocate against realloc, talloc_realloc_size, and
 * jemalloc's and mimalloc's realloc.  Reported per growth sequence.
 *
 * Interleaved rounds and medians as everywhere (bench.h).
 */
#include "bench.h"

#include <malloc.h>

#ifdef BENCH_HAVE_TALLOC
#include <talloc.h>
#endif

void *volatile bench_sink;

#define LIVE 64
#define GROW_MAX (1u << 20)

static struct bench_peers peers;
static size_t volatile size_sum;

/* ---- Size ---------------------------------------------------------------- */

static void *live_nab[LIVE], *live_malloc[LIVE], *live_talloc[LIVE], *live_je[LIVE],
    *live_mi[LIVE];

static size_t live_size(int i)
{
    return (size_t)16 << (i % 9); /* 16 .. 4096 */
}

static double size_netapibuf(long ops)
{
    size_t sum = 0;
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++) {
        DWORD n = 0;
        NetApiBufferSize(live_nab[i % LIVE], &n);
        sum += n;
    }
    double t = bench_now_ns() - t0;
    size_sum = sum;
    return t;
}

static double size_malloc(long ops)
{
    size_t sum = 0;
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++)
        sum += malloc_usable_size(live_malloc[i % LIVE]);
    double t = bench_now_ns() - t0;
    size_sum = sum;
    return t;
}

#ifdef BENCH_HAVE_TALLOC
static double size_talloc(long ops)
{
    size_t sum = 0;
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++)
        sum += talloc_get_size(live_talloc[i % LIVE]);
    double t = bench_now_ns() - t0;
    size_sum = sum;
    return t;
}
#endif

static double size_je(long ops)
{
    size_t sum = 0;
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++)
        sum += peers.je.usable_(live_je[i % LIVE]);
    double t = bench_now_ns() - t0;
    size_sum = sum;
    return t;
}

static double size_mi(long ops)
{
    size_t sum = 0;
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++)
        sum += peers.mi.usable_(live_mi[i % LIVE]);
    double t = bench_now_ns() - t0;
    size_sum = sum;
    return t;
}

/* ---- growth -------------------------------------------------------------- */

static double grow_netapibuf(long ops)
{
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++) {
        void *p = NULL;
        NetApiBufferAllocate(16, &p);
        for (DWORD n = 32; n <= GROW_MAX; n *= 2)
            NetApiBufferReallocate(p, n, &p);
        bench_sink = p;
        NetApiBufferFree(p);
    }
    return bench_now_ns() - t0;
}

static double grow_malloc(long ops)
{
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++) {
        void *p = malloc(16);
        for (size_t n = 32; n <= GROW_MAX; n *= 2)
            p = realloc(p, n);
        bench_sink = p;
        free(p);
    }
    return bench_now_ns() - t0;
}

#ifdef BENCH_HAVE_TALLOC
static double grow_talloc(long ops)
{
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++) {
        void *p = talloc_size(NULL, 16);
        for (size_t n = 32; n <= GROW_MAX; n *= 2)
            p = talloc_realloc_size(NULL, p, n);
        bench_sink = p;
        talloc_free(p);
    }
    return bench_now_ns() - t0;
}
#endif

static double grow_je(long ops)
{
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++) {
        void *p = peers.je.malloc_(16);
        for (size_t n = 32; n <= GROW_MAX; n *= 2)
            p = peers.je.realloc_(p, n);
        bench_sink = p;
        peers.je.free_(p);
    }
    return bench_now_ns() - t0;
}

static double grow_mi(long ops)
{
    double t0 = bench_now_ns();
    for (long i = 0; i < ops; i++) {
        void *p = peers.mi.malloc_(16);
        for (size_t n = 32; n <= GROW_MAX; n *= 2)
            p = peers.mi.realloc_(p, n);
        bench_sink = p;
        peers.mi.free_(p);
    }
    return bench_now_ns() - t0;
}

/* ---- the runner ---------------------------------------------------------- */

struct contender {
    const char *name;
    const char *why_absent;
    double (*run)(long ops);
    double ns[64];
};

/* Interleaved rounds over contenders (c[0] is the baseline); prints and
   writes one CSV row per contender. */
static void run_test(const char *test, const char *unit, struct contender *c, int n, long ops,
                     int rounds, const char *mode)
{
    for (int k = 0; k < n; k++)
        if (!c[k].why_absent)
            c[k].run(ops);
    for (int r = 0; r < rounds; r++)
        for (int j = 0; j < n; j++) {
            struct contender *x = &c[(r + j) % n];
            if (!x->why_absent)
                x->ns[r] = x->run(ops) / (double)ops;
        }
    double base = bench_median(c[0].ns, rounds);
    printf("\n%s (%s mode): ns per %s, median of %d interleaved rounds (ratio to %s)\n", test,
           mode, unit, rounds, c[0].name);
    for (int k = 0; k < n; k++) {
        if (c[k].why_absent) {
            printf("  %-22s %s\n", c[k].name, c[k].why_absent);
            bench_csv("bench_size", test, mode, 1, 0, c[k].name, -1, 0, rounds,
                      c[k].why_absent);
            continue;
        }
        double m = bench_median(c[k].ns, rounds);
        printf("  %-22s %10.1f  %6.2fx\n", c[k].name, m, m / base);
        bench_csv("bench_size", test, mode, 1, 0, c[k].name, m, m / base, rounds, unit);
    }
}

#ifdef BENCH_HAVE_TALLOC
#define TALLOC_OR_ABSENT(fn) NULL, fn
#else
#define TALLOC_OR_ABSENT(fn) BENCH_TALLOC_ABSENT, NULL
#endif

int main(int argc, char **argv)
{
    (void)argc;
    bench_reexec_for_static_tls(argv);
    int quick = bench_quick();
    int rounds = quick ? 7 : 21;
    const char *mode = bench_mode_label();
    bench_peers_open(&peers);

    for (int i = 0; i < LIVE; i++) {
        NetApiBufferAllocate((DWORD)live_size(i), &live_nab[i]);
        live_malloc[i] = malloc(live_size(i));
#ifdef BENCH_HAVE_TALLOC
        live_talloc[i] = talloc_size(NULL, live_size(i));
#endif
        if (!peers.je.why_absent)
            live_je[i] = peers.je.malloc_(live_size(i));
        if (!peers.mi.why_absent)
            live_mi[i] = peers.mi.malloc_(live_size(i));
    }
    const char *je_size_absent =
        peers.je.why_absent ? peers.je.why_absent
                            : peers.je.usable_ ? NULL : "absent (no usable-size call)";
    const char *mi_size_absent =
        peers.mi.why_absent ? peers.mi.why_absent
                            : peers.mi.usable_ ? NULL : "absent (no usable-size call)";
    struct contender size_c[] = {
        {"malloc_usable_size", NULL, size_malloc, {0}},
        {"NetApiBufferSize", NULL, size_netapibuf, {0}},
        {"talloc_get_size", TALLOC_OR_ABSENT(size_talloc), {0}},
        {"je malloc_usable_size", je_size_absent, size_je, {0}},
        {"mi_usable_size", mi_size_absent, size_mi, {0}},
    };
    run_test("size query", "query", size_c, 5, quick ? 200000 : 1000000, rounds, mode);

    struct contender grow_c[] = {
        {"realloc", NULL, grow_malloc, {0}},
        {"NetApiBufferReallocate", NULL, grow_netapibuf, {0}},
        {"talloc_realloc_size", TALLOC_OR_ABSENT(grow_talloc), {0}},
        {"jemalloc realloc", peers.je.why_absent, grow_je, {0}},
        {"mimalloc mi_realloc", peers.mi.why_absent, grow_mi, {0}},
    };
    run_test("growth 16 B doubling to 1 MiB", "growth sequence (17 resizes)", grow_c, 5,
             quick ? 100 : 500, rounds, mode);
    printf("  (Samba's libnetapi has no NetApiBufferSize or NetApiBufferReallocate)\n");
    return size_sum == 0; /* the sums must be used, and cannot be 0 */
}
