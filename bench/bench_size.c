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
 * jemalloc's and mimalloc's realloc.  Reported per growth sequence.  The
 * buffer is alone on the heap, so glibc grows it in place at the top of
 * its heap: realloc's best case.  Then two buffers grown in turn, from
 * 16 B doubling to 4 KiB (8 resizes each, then freed): each sits in the
 * way of the other, as buffers do in a program, and glibc must move them.
 *
 * "wrapped" is glibc's call behind the Windows signature (the result
 * through an out-parameter, a status returned, the arguments checked;
 * bench.h's BENCH_WRAPPED): what the signature itself costs, so that each
 * function can be compared like for like as well as against the raw call.
 *
 * Interleaved rounds and medians as everywhere (bench.h).
 */
#include "bench.h"

#include <malloc.h>

#ifdef BENCH_HAVE_TALLOC
#include <talloc.h>
#endif

_Thread_local void *volatile bench_sink; /* per thread: a shared one would bounce */

#define LIVE 64
#define GROW_MAX (1u << 20)
#define GROW_TWO_MAX 4096u

static struct bench_peers peers;
static size_t volatile size_sum;

/* ---- Size ---------------------------------------------------------------- */

static void *live_nab[LIVE], *live_malloc[LIVE], *live_talloc[LIVE], *live_je[LIVE],
    *live_mi[LIVE];

static size_t live_size(int i)
{
    return (size_t)16 << (i % 9); /* 16 .. 4096 */
}

/* size_<id>(ops): ops queries over the LIVE buffers in turn; QUERY(p)
   yields the size of p. */
#define DEFINE_SIZE(id, array, QUERY)                    \
    static double size_##id(long ops)                    \
    {                                                    \
        size_t sum = 0;                                  \
        double t0 = bench_now_ns();                      \
        for (long i = 0; i < ops; i++)                   \
            sum += QUERY(array[i % LIVE]);               \
        double t = bench_now_ns() - t0;                  \
        size_sum = sum;                                  \
        return t;                                        \
    }

static size_t nab_size(void *p)
{
    DWORD n = 0;
    NetApiBufferSize(p, &n);
    return n;
}

static BENCH_WRAPPED NET_API_STATUS wrapped_size(LPVOID p, LPDWORD n)
{
    if (!p || !n)
        return ERROR_INVALID_PARAMETER;
    *n = (DWORD)malloc_usable_size(p);
    return NERR_Success;
}

static size_t wrapped_size_of(void *p)
{
    DWORD n = 0;
    wrapped_size(p, &n);
    return n;
}

DEFINE_SIZE(netapibuf, live_nab, nab_size)
DEFINE_SIZE(malloc, live_malloc, malloc_usable_size)
DEFINE_SIZE(wrapped, live_malloc, wrapped_size_of)
#ifdef BENCH_HAVE_TALLOC
DEFINE_SIZE(talloc, live_talloc, talloc_get_size)
#endif
DEFINE_SIZE(je, live_je, peers.je.usable_)
DEFINE_SIZE(mi, live_mi, peers.mi.usable_)

/* ---- growth -------------------------------------------------------------- */

/* grow_<id>(ops): ops sequences of ALLOC 16 B, REALLOC doubling to 1 MiB,
   FREE. */
#define DEFINE_GROW(id, ALLOC, REALLOC, FREE)            \
    static double grow_##id(long ops)                    \
    {                                                    \
        double t0 = bench_now_ns();                      \
        for (long i = 0; i < ops; i++) {                 \
            void *p = ALLOC(16);                         \
            for (size_t n = 32; n <= GROW_MAX; n *= 2)   \
                p = REALLOC(p, n);                       \
            bench_sink = p;                              \
            FREE(p);                                     \
        }                                                \
        return bench_now_ns() - t0;                      \
    }

/* grow_two_<id>(ops): ops times, two buffers of 16 B grown in turn,
   doubling, to GROW_TWO_MAX, then freed. */
#define DEFINE_GROW_TWO(id, ALLOC, REALLOC, FREE)              \
    static double grow_two_##id(long ops)                      \
    {                                                          \
        double t0 = bench_now_ns();                            \
        for (long i = 0; i < ops; i++) {                       \
            void *p = ALLOC(16), *q = ALLOC(16);               \
            for (size_t n = 32; n <= GROW_TWO_MAX; n *= 2) {   \
                p = REALLOC(p, n);                             \
                q = REALLOC(q, n);                             \
            }                                                  \
            bench_sink = p;                                    \
            bench_sink = q;                                    \
            FREE(p);                                           \
            FREE(q);                                           \
        }                                                      \
        return bench_now_ns() - t0;                            \
    }

static void *nab_alloc(size_t n)
{
    void *p = NULL;
    NetApiBufferAllocate((DWORD)n, &p);
    return p;
}

static void *nab_realloc(void *p, size_t n)
{
    NetApiBufferReallocate(p, (DWORD)n, &p);
    return p;
}

static void nab_free(void *p)
{
    NetApiBufferFree(p);
}

DEFINE_GROW(netapibuf, nab_alloc, nab_realloc, nab_free)
DEFINE_GROW(malloc, malloc, realloc, free)
DEFINE_GROW_TWO(netapibuf, nab_alloc, nab_realloc, nab_free)
DEFINE_GROW_TWO(malloc, malloc, realloc, free)

static BENCH_WRAPPED NET_API_STATUS wrapped_realloc(LPVOID p, DWORD n, LPVOID *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    void *q = realloc(p, n);
    if (!q)
        return ERROR_NOT_ENOUGH_MEMORY;
    *out = q;
    return NERR_Success;
}

static void *wrapped_grow_alloc(size_t n)
{
    return malloc(n);
}

static void *wrapped_grow_realloc(void *p, size_t n)
{
    wrapped_realloc(p, (DWORD)n, &p);
    return p;
}

DEFINE_GROW(wrapped, wrapped_grow_alloc, wrapped_grow_realloc, free)
DEFINE_GROW_TWO(wrapped, wrapped_grow_alloc, wrapped_grow_realloc, free)
#ifdef BENCH_HAVE_TALLOC
#define TALLOC_SIZE(n) talloc_size(NULL, n)
#define TALLOC_REALLOC(p, n) talloc_realloc_size(NULL, p, n)
DEFINE_GROW(talloc, TALLOC_SIZE, TALLOC_REALLOC, talloc_free)
DEFINE_GROW_TWO(talloc, TALLOC_SIZE, TALLOC_REALLOC, talloc_free)
#endif
DEFINE_GROW(je, peers.je.malloc_, peers.je.realloc_, peers.je.free_)
DEFINE_GROW(mi, peers.mi.malloc_, peers.mi.realloc_, peers.mi.free_)
DEFINE_GROW_TWO(je, peers.je.malloc_, peers.je.realloc_, peers.je.free_)
DEFINE_GROW_TWO(mi, peers.mi.malloc_, peers.mi.realloc_, peers.mi.free_)

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
            printf("  %-26s %s\n", c[k].name, c[k].why_absent);
            bench_csv("bench_size", test, mode, 1, 0, c[k].name, -1, 0, rounds,
                      c[k].why_absent);
            continue;
        }
        double m = bench_median(c[k].ns, rounds);
        printf("  %-26s %10.1f  %6.2fx\n", c[k].name, m, m / base);
        bench_csv("bench_size", test, mode, 1, 0, c[k].name, m, m / base, rounds, unit);
    }
}

#ifdef BENCH_HAVE_TALLOC
#define TALLOC_OR_ABSENT(fn) NULL, fn
#else
#define TALLOC_OR_ABSENT(fn) BENCH_TALLOC_ABSENT, NULL
#endif

/* The growth contenders, whose loops are PREFIX_<id> (DEFINE_GROW or
   DEFINE_GROW_TWO), in run_growth's order; in main, where peers is. */
#define GROWTH_CONTENDERS(prefix)                                                 \
    {                                                                             \
        {"realloc", NULL, prefix##_malloc, {0}},                                  \
        {"NetApiBufferReallocate", NULL, prefix##_netapibuf, {0}},                \
        {"talloc_realloc_size", TALLOC_OR_ABSENT(prefix##_talloc), {0}},          \
        {"jemalloc realloc", peers.je.why_absent, prefix##_je, {0}},              \
        {"mimalloc mi_realloc", peers.mi.why_absent, prefix##_mi, {0}},           \
        {"realloc wrapped", NULL, prefix##_wrapped, {0}},                         \
    }

/* run_test over GROWTH_CONTENDERS, then netapibuf like for like: against
   realloc behind the Windows signature. */
static void run_growth(const char *test, const char *unit, struct contender *c, long ops,
                       int rounds, const char *mode)
{
    run_test(test, unit, c, 6, ops, rounds, mode);
    printf("  like for like: NetApiBufferReallocate / realloc wrapped = %.2fx\n",
           bench_median(c[1].ns, rounds) / bench_median(c[5].ns, rounds));
}

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
        {"malloc_usable_size wrapped", NULL, size_wrapped, {0}},
    };
    run_test("size query", "query", size_c, 6, quick ? 200000 : 1000000, rounds, mode);
    printf("  like for like: NetApiBufferSize / malloc_usable_size wrapped = %.2fx\n",
           bench_median(size_c[1].ns, rounds) / bench_median(size_c[5].ns, rounds));

    struct contender grow_c[] = GROWTH_CONTENDERS(grow);
    run_growth("growth 16 B doubling to 1 MiB", "growth sequence (17 resizes)", grow_c,
               quick ? 100 : 500, rounds, mode);
    struct contender two_c[] = GROWTH_CONTENDERS(grow_two);
    run_growth("growth of two buffers in turn, 16 B doubling to 4 KiB",
               "pair of sequences (16 resizes)", two_c, quick ? 2000 : 10000, rounds, mode);
    printf("  (Samba's libnetapi has no NetApiBufferSize or NetApiBufferReallocate)\n");
    return size_sum == 0; /* the sums must be used, and cannot be 0 */
}
