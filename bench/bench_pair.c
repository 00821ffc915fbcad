/*
 * bench_pair.c — allocate+free cost by size, netapibuf against its peers.
 *
 * Two patterns at each size: a pair (allocate one buffer, free it, repeat)
 * and a batch (100 allocations, then the 100 frees in allocation order),
 * each with 1 and with 2 threads.  Contenders: bare malloc+free (the floor
 * every ratio is taken against), netapibuf, talloc, Samba's libnetapi,
 * jemalloc and mimalloc; see bench.h for the method and how peers load.
 * "jemalloc wrapped" is jemalloc behind NetApiBufferAllocate's signature
 * (the pointer through an out-parameter, a status returned; bench.h's
 * BENCH_WRAPPED): what the Windows signature itself costs, measured on the
 * fastest peer, so that the pair can be compared like for like as well as
 * against the raw call.
 * With 2 threads both run the same loop at once on their own buffers; the
 * figure is wall time over the pairs one thread did, so perfect scaling
 * shows the same ns as 1 thread.
 *
 * The default mode is measured in this process; strict mode is chosen once
 * per process from NETAPIBUF_CHECK, so it is measured by a child process
 * (this program again, with --strict-child and NETAPIBUF_CHECK=strict),
 * against a malloc baseline measured in that child.
 *
 * Linked against the shared library and <lm.h> only, as a user would.
 */
#include "bench.h"

#include <pthread.h>
#include <sys/wait.h>

#ifdef BENCH_HAVE_TALLOC
#include <talloc.h>
#endif

_Thread_local void *volatile bench_sink; /* per thread: a shared one would bounce */

#define BATCH BENCH_BATCH
#define MAX_ROUNDS 64
#define BAR 1.30           /* issue 5: every size to 64 KiB, vs malloc+free */
#define SAMBA_BAR 0.50     /* issue 2: the 64-byte pair vs Samba's */
#define CACHED_MAX 65536   /* the bar covers sizes up to here */

static struct bench_peers peers;

/* ---- the loops, one pair of functions per contender (bench.h) ---------- */

BENCH_DEFINE_LOOPS(malloc, BENCH_MALLOC_A, BENCH_MALLOC_F)

BENCH_DEFINE_LOOPS(netapibuf, BENCH_NAB_A, BENCH_NAB_F)

#ifdef BENCH_HAVE_TALLOC
#define TALLOC_A(p, n) ((p) = talloc_size(NULL, n))
#define TALLOC_F(p) talloc_free(p)
BENCH_DEFINE_LOOPS(talloc, TALLOC_A, TALLOC_F)
#endif

#define SAMBA_A(p, n) peers.samba.allocate((DWORD)(n), &(p))
#define SAMBA_F(p) peers.samba.free_(p)
BENCH_DEFINE_LOOPS(samba, SAMBA_A, SAMBA_F)

#define JE_A(p, n) ((p) = peers.je.malloc_(n))
#define JE_F(p) peers.je.free_(p)
BENCH_DEFINE_LOOPS(je, JE_A, JE_F)

#define MI_A(p, n) ((p) = peers.mi.malloc_(n))
#define MI_F(p) peers.mi.free_(p)
BENCH_DEFINE_LOOPS(mi, MI_A, MI_F)

static BENCH_WRAPPED NET_API_STATUS je_wrapped_allocate(DWORD n, LPVOID *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    void *p = peers.je.malloc_(n);
    *out = p;
    return p ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

static BENCH_WRAPPED NET_API_STATUS je_wrapped_free(LPVOID p)
{
    if (p)
        peers.je.free_(p);
    return NERR_Success;
}

#define JEW_A(p, n) je_wrapped_allocate((DWORD)(n), &(p))
#define JEW_F(p) je_wrapped_free(p)
BENCH_DEFINE_LOOPS(jew, JEW_A, JEW_F)

typedef double (*loop_fn)(size_t, long);

struct contender {
    const char *name;
    const char *why_absent; /* NULL when present */
    loop_fn pair, batch;
};

enum { C_MALLOC, C_NETAPIBUF, C_TALLOC, C_SAMBA, C_JE, C_MI, C_JEW, C_COUNT };
static struct contender contenders[C_COUNT];
static int n_contenders;

static void contenders_init(int strict_child)
{
    contenders[C_MALLOC] = (struct contender){"malloc", NULL, pair_malloc, batch_malloc};
    contenders[C_NETAPIBUF] =
        (struct contender){"netapibuf", NULL, pair_netapibuf, batch_netapibuf};
    n_contenders = 2;
    if (strict_child)
        return; /* the child compares netapibuf's strict mode with malloc only */
    bench_peers_open(&peers);
#ifdef BENCH_HAVE_TALLOC
    contenders[C_TALLOC] = (struct contender){"talloc", NULL, pair_talloc, batch_talloc};
#else
    contenders[C_TALLOC] = (struct contender){"talloc", BENCH_TALLOC_ABSENT, NULL, NULL};
#endif
    contenders[C_SAMBA] =
        (struct contender){"samba", peers.samba.why_absent, pair_samba, batch_samba};
    contenders[C_JE] = (struct contender){"jemalloc", peers.je.why_absent, pair_je, batch_je};
    contenders[C_MI] = (struct contender){"mimalloc", peers.mi.why_absent, pair_mi, batch_mi};
    contenders[C_JEW] =
        (struct contender){"jemalloc wrapped", peers.je.why_absent, pair_jew, batch_jew};
    n_contenders = C_COUNT;
}

/* ---- running a loop on 1 or 2 threads ----------------------------------- */

static struct {
    pthread_barrier_t go, done;
    loop_fn fn;
    size_t size;
    long ops;
    int quit;
    pthread_t tid[1];
} pool;

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_barrier_wait(&pool.go);
        if (pool.quit)
            return NULL;
        pool.fn(pool.size, pool.ops);
        pthread_barrier_wait(&pool.done);
    }
}

static void pool_start(void)
{
    pthread_barrier_init(&pool.go, NULL, 2);
    pthread_barrier_init(&pool.done, NULL, 2);
    pthread_create(&pool.tid[0], NULL, worker, NULL);
}

static void pool_stop(void)
{
    pool.quit = 1;
    pthread_barrier_wait(&pool.go);
    pthread_join(pool.tid[0], NULL);
}

/* ns per pair of fn at size with ops pairs per thread: the calling thread
   runs one copy, the worker (if threads == 2) another at the same time. */
static double measure(loop_fn fn, size_t size, long ops, int threads)
{
    if (threads == 1)
        return fn(size, ops) / (double)ops;
    pool.fn = fn;
    pool.size = size;
    pool.ops = ops;
    double t0 = bench_now_ns();
    pthread_barrier_wait(&pool.go);
    fn(size, ops);
    pthread_barrier_wait(&pool.done);
    return (bench_now_ns() - t0) / (double)ops;
}

/* ---- one case: all contenders, interleaved rounds ----------------------- */

struct result {
    double ns[C_COUNT]; /* medians; negative = absent */
};

static int rounds_per_case;
static double target_ns; /* time one contender's run should take */

static struct result run_case(int batch, size_t size, int threads)
{
    struct result res;
    double ns[C_COUNT][MAX_ROUNDS];
    loop_fn base = batch ? batch_malloc : pair_malloc;

    /* Size the runs from the baseline so slow sizes do not dominate. */
    base(size, 1000);
    double per = base(size, 1000) / 1000.0;
    long ops = (long)(target_ns / (per > 1 ? per : 1));
    ops = ops < 200 ? 200 : ops > 2000000 ? 2000000 : ops;
    ops -= ops % BATCH;

    for (int k = 0; k < n_contenders; k++) /* warm-up: fill caches, map pages */
        if (!contenders[k].why_absent)
            measure(batch ? contenders[k].batch : contenders[k].pair, size, ops, threads);
    for (int r = 0; r < rounds_per_case; r++)
        for (int j = 0; j < n_contenders; j++) {
            const struct contender *c = &contenders[(r + j) % n_contenders];
            if (!c->why_absent)
                ns[c - contenders][r] = measure(batch ? c->batch : c->pair, size, ops, threads);
        }
    for (int k = 0; k < C_COUNT; k++)
        res.ns[k] = k < n_contenders && !contenders[k].why_absent
                        ? bench_median(ns[k], rounds_per_case)
                        : -1;
    return res;
}

/* ---- the report ---------------------------------------------------------- */

static const size_t quick_sizes[] = {16, 64, 256, 1000, 1024, 1500, 4096, 65536};
/* The full run adds the awkward sizes (glibc's 1032-byte tcache limit, the
   class edges at 1 KiB and 4 KiB, the end of the cached range) and sizes
   past 64 KiB, which are not cached, to show there is no cliff. */
static const size_t full_sizes[] = {16,   32,   64,   128,  256,   512,   1000,  1017,
                                    1024, 1025, 1032, 1033, 1500,  2048,  4096,  4097,
                                    8192, 16384, 32768, 65535, 65536, 65537, 98304, 131072};

struct worst {
    double ratio;
    size_t size;
    const char *what;
};

static void print_table(const char *mode, int batch, int threads, const size_t *sizes,
                        int n_sizes, struct result *res, struct worst *worst)
{
    const char *test = batch ? "batch" : "pair";
    printf("\n%s, %d thread%s, %s mode: ns per allocate+free (ratio to malloc+free)\n",
           batch ? "batch of 100 allocations then 100 frees" : "allocate+free pair", threads,
           threads == 1 ? "" : "s", mode);
    printf("%8s", "size");
    for (int k = 0; k < n_contenders; k++)
        printf(" %17s", contenders[k].name);
    printf("\n");
    for (int i = 0; i < n_sizes; i++) {
        double base = res[i].ns[C_MALLOC];
        printf("%8zu", sizes[i]);
        for (int k = 0; k < n_contenders; k++) {
            double v = res[i].ns[k];
            char cell[40];
            if (v < 0)
                snprintf(cell, sizeof cell, "absent");
            else if (k == C_MALLOC)
                snprintf(cell, sizeof cell, "%.1f", v);
            else
                snprintf(cell, sizeof cell, "%.1f (%.2fx)", v, v / base);
            printf(" %17s", cell);
            bench_csv("bench_pair", test, mode, threads, (long)sizes[i], contenders[k].name, v,
                      v < 0 ? 0 : v / base, rounds_per_case, contenders[k].why_absent);
        }
        printf("\n");
        double r = res[i].ns[C_NETAPIBUF] / base;
        if (worst && sizes[i] <= CACHED_MAX && r > worst->ratio)
            *worst = (struct worst){r, sizes[i], batch ? "batch" : "pair"};
    }
    for (int k = 0; k < n_contenders; k++)
        if (contenders[k].why_absent)
            printf("  %s: %s\n", contenders[k].name, contenders[k].why_absent);
}

/*
 * Issue 15's bars against the best allocators, from the same rounds: a
 * pair at 16 B..1 KiB at most jemalloc's time (1 and 2 threads), and a
 * batch at every size to 64 KiB within 1.5x of the better of jemalloc and
 * mimalloc.  The worst case of each is printed with its verdict.
 */
#define PEER_PAIR_BAR 1.00
#define PEER_BATCH_BAR 1.50
/* The worst netapibuf / (the better of columns a and b) over the sizes
   16 B..max of r (one pattern and thread count); *at: its size. */
static double worst_vs(const struct result *r, const size_t *sizes, int n_sizes, size_t max,
                       int a, int b, size_t *at)
{
    double worst = 0;
    *at = 0;
    for (int i = 0; i < n_sizes; i++) {
        if (sizes[i] < 16 || sizes[i] > max)
            continue;
        double best = r[i].ns[a] < r[i].ns[b] ? r[i].ns[a] : r[i].ns[b];
        double ratio = r[i].ns[C_NETAPIBUF] / best;
        if (ratio > worst)
            worst = ratio, *at = sizes[i];
    }
    return worst;
}

static void print_peer_bars(const char *mode, const size_t *sizes, int n_sizes,
                            struct result res[2][2][64])
{
    if (contenders[C_JE].why_absent || contenders[C_MI].why_absent) {
        printf("  against jemalloc and mimalloc: not measured (a peer is absent)\n");
        return;
    }
    for (int threads = 1; threads <= 2; threads++) {
        const struct result *pairs = res[0][threads - 1], *batches = res[1][threads - 1];
        const char *plural = threads > 1 ? "s" : "";
        size_t at;
        double worst = worst_vs(pairs, sizes, n_sizes, 1024, C_JE, C_JE, &at);
        printf("  pair 16 B..1 KiB, %d thread%s: worst netapibuf / jemalloc = %.2fx at %zu B "
               "(bar <= %.2fx: %s)\n", threads, plural, worst, at,
               PEER_PAIR_BAR, worst <= PEER_PAIR_BAR ? "met" : "NOT MET");
        bench_csv("bench_pair", "worst_vs_jemalloc_pair", mode, threads, (long)at, "netapibuf", 0,
                  worst, rounds_per_case, "");
        worst = worst_vs(pairs, sizes, n_sizes, 1024, C_JEW, C_JEW, &at);
        printf("  pair 16 B..1 KiB, %d thread%s, like for like: worst netapibuf / jemalloc "
               "wrapped = %.2fx at %zu B\n", threads, plural, worst, at);
        bench_csv("bench_pair", "worst_vs_jemalloc_wrapped_pair", mode, threads, (long)at,
                  "netapibuf", 0, worst, rounds_per_case, "");
        worst = worst_vs(batches, sizes, n_sizes, CACHED_MAX, C_JE, C_MI, &at);
        printf("  batch 16 B..64 KiB, %d thread%s: worst netapibuf / best of jemalloc and "
               "mimalloc = %.2fx at %zu B (bar <= %.2fx: %s)\n", threads, plural,
               worst, at, PEER_BATCH_BAR, worst <= PEER_BATCH_BAR ? "met" : "NOT MET");
        bench_csv("bench_pair", "worst_vs_best_peer_batch", mode, threads, (long)at, "netapibuf",
                  0, worst, rounds_per_case, "");
    }
}

/* Run the strict-mode child and wait for it. */
static void run_strict_child(char **argv)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("NETAPIBUF_CHECK", "strict", 1);
        char *args[] = {argv[0], "--strict-child", NULL};
        execv("/proc/self/exe", args);
        _exit(127);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        printf("strict-mode child failed\n");
}

int main(int argc, char **argv)
{
    int strict_child = argc > 1 && strcmp(argv[1], "--strict-child") == 0;
    if (!strict_child)
        bench_reexec_for_static_tls(argv);
    int quick = bench_quick();
    rounds_per_case = quick ? 7 : 21;
    target_ns = quick ? 3e5 : 1.5e6;
    const size_t *sizes = quick ? quick_sizes : full_sizes;
    int n_sizes = quick ? (int)(sizeof quick_sizes / sizeof *quick_sizes)
                        : (int)(sizeof full_sizes / sizeof *full_sizes);

    static size_t custom[64];
    const char *list = getenv("BENCH_SIZES"); /* e.g. BENCH_SIZES=1017,1025,4097 */
    if (list && *list) {
        n_sizes = 0;
        for (char *end; *list && n_sizes < 64; list = *end ? end + 1 : end) {
            custom[n_sizes] = strtoul(list, &end, 10);
            if (end == list)
                break;
            n_sizes++;
        }
        sizes = custom;
    }

    contenders_init(strict_child);
    const char *mode = bench_mode_label();
    pool_start();

    static struct result res[2][2][64]; /* [batch][threads-1][size] */
    struct worst worst[2] = {{0, 0, ""}, {0, 0, ""}}; /* 1 and 2 threads */
    for (int batch = 0; batch < 2; batch++)
        for (int threads = 1; threads <= 2; threads++) {
            for (int i = 0; i < n_sizes; i++)
                res[batch][threads - 1][i] = run_case(batch, sizes[i], threads);
            print_table(mode, batch, threads, sizes, n_sizes, res[batch][threads - 1],
                        strict_child ? NULL : &worst[threads - 1]);
        }
    pool_stop();
    if (strict_child)
        return 0;

    /* The headline. */
    int i64 = 0;
    while (i64 < n_sizes - 1 && sizes[i64] != 64)
        i64++; /* the headline is about 64 B, or the last size when absent */
    struct result *p1 = &res[0][0][i64], *p2 = &res[0][1][i64];
    size_t hs = sizes[i64];
    double vs_malloc = p1->ns[C_NETAPIBUF] / p1->ns[C_MALLOC];
    printf("\nheadline (%s mode, %d rounds, medians):\n", mode, rounds_per_case);
    printf("  %zu B pair: netapibuf / malloc = %.2fx (bar <= %.2fx: %s)\n", hs, vs_malloc, BAR,
           vs_malloc <= BAR ? "met" : "NOT MET");
    if (p1->ns[C_TALLOC] > 0)
        printf("  %zu B pair: netapibuf / talloc = %.2fx\n", hs,
               p1->ns[C_NETAPIBUF] / p1->ns[C_TALLOC]);
    else
        printf("  %zu B pair: talloc absent, no ratio\n", hs);
    if (p1->ns[C_SAMBA] > 0) {
        double vs_samba = p1->ns[C_NETAPIBUF] / p1->ns[C_SAMBA];
        printf("  %zu B pair: netapibuf / samba  = %.2fx (bar <= %.2fx: %s)\n", hs, vs_samba,
               SAMBA_BAR, vs_samba <= SAMBA_BAR ? "met" : "NOT MET");
    } else {
        printf("  %zu B pair: samba absent, no ratio\n", hs);
    }
    for (int k = 0; k < 2; k++)
        printf("  worst netapibuf / malloc, 16 B..64 KiB, pairs and batches, %d thread%s: "
               "%.2fx (%s, %zu B; bar <= %.2fx: %s)\n",
               k + 1, k ? "s" : "", worst[k].ratio, worst[k].what, worst[k].size, BAR,
               worst[k].ratio <= BAR ? "met" : "NOT MET");
    printf("  2-thread scaling, %zu B pair (ns with 2 threads / ns with 1; 1.00 = perfect): "
           "netapibuf %.2f, malloc %.2f\n", hs,
           p2->ns[C_NETAPIBUF] / p1->ns[C_NETAPIBUF], p2->ns[C_MALLOC] / p1->ns[C_MALLOC]);
    for (int k = 0; k < 2; k++)
        bench_csv("bench_pair", "worst", mode, k + 1, (long)worst[k].size, "netapibuf", 0,
                  worst[k].ratio, rounds_per_case, worst[k].what);
    print_peer_bars(mode, sizes, n_sizes, res);

    run_strict_child(argv);
    return 0;
}
