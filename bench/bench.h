/*
 * bench.h — what every benchmark program in bench/ shares: the clock,
 * medians of interleaved rounds, the peers loaded at run time, the quick
 * mode, and the CSV rows the driver (run.sh) gathers into results.csv.
 *
 * Method.  Each "case" (one pattern at one size) is measured in rounds; in
 * every round each contender runs once, in an order that rotates from round
 * to round, so a noisy neighbour on the shared machine slows them alike.
 * The figure reported is the median over rounds, and a ratio is the
 * contender's median over the baseline's median (bare malloc+free, or the
 * named baseline) measured in the same process in the same rounds.
 *
 * Peers.  talloc is linked when CMake found it (BENCH_HAVE_TALLOC).  Samba's
 * libnetapi exports the very names netapibuf does, so it is opened with
 * RTLD_LOCAL | RTLD_DEEPBIND and called through pointers; jemalloc and
 * mimalloc export plain malloc/free, so they are opened the same way and
 * their malloc/free found with dlsym on their own handle.  A peer that
 * cannot be loaded is printed as "absent" with the reason, never dropped.
 *
 * Environment: BENCH_QUICK=1 (a short run, about a minute for the suite),
 * BENCH_CSV=file (append CSV rows there).
 */
#ifndef BENCH_H
#define BENCH_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

static inline double bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Stores through this keep the compiler from removing unused results.  One
   per thread: a global written by both threads of a 2-thread run would move
   its cache line between the CPUs on every pair and slow every contender. */
extern _Thread_local void *volatile bench_sink;

static inline int bench_quick(void)
{
    const char *q = getenv("BENCH_QUICK");
    return q && *q && strcmp(q, "0") != 0;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of n values (sorts a copy). */
static inline double bench_median(const double *v, int n)
{
    double tmp[256];
    if (n > 256)
        n = 256;
    memcpy(tmp, v, (size_t)n * sizeof *tmp);
    qsort(tmp, (size_t)n, sizeof *tmp, bench_cmp_double);
    return n % 2 ? tmp[n / 2] : (tmp[n / 2 - 1] + tmp[n / 2]) / 2;
}

/* ---- the two allocation patterns ---------------------------------------
   BENCH_DEFINE_LOOPS(id, ALLOC, FREE) defines pair_<id>(n, ops), ops
   allocate+free pairs of n bytes, and batch_<id>(n, ops), the same pairs as
   bursts of BENCH_BATCH allocations followed by their frees in allocation
   order; both return elapsed ns.  ALLOC(p, n) assigns p, FREE(p) frees it;
   direct calls for linked allocators, pointers for loaded ones. */
/* A peer's call behind the Windows signature ("wrapped" in the tables) is
   a function the compiler keeps as it is: not inlined, and not rewritten
   from what it sees of its callers (GCC's noipa), so the out-parameter and
   the status stay.  Called directly, it skips the jump through the PLT
   that netapibuf's functions take: a floor that favours the peer. */
#if defined(__GNUC__) && !defined(__clang__)
#define BENCH_WRAPPED __attribute__((noipa))
#else
#define BENCH_WRAPPED __attribute__((noinline))
#endif

#define BENCH_BATCH 100
#define BENCH_DEFINE_LOOPS(id, ALLOC, FREE)                               \
    static double pair_##id(size_t n, long ops)                           \
    {                                                                     \
        double t0 = bench_now_ns();                                       \
        for (long i = 0; i < ops; i++) {                                  \
            void *p;                                                      \
            ALLOC(p, n);                                                  \
            bench_sink = p;                                               \
            FREE(p);                                                      \
        }                                                                 \
        return bench_now_ns() - t0;                                       \
    }                                                                     \
    static double batch_##id(size_t n, long ops)                          \
    {                                                                     \
        void *v[BENCH_BATCH];                                             \
        double t0 = bench_now_ns();                                       \
        for (long r = 0; r < ops / BENCH_BATCH; r++) {                    \
            for (int i = 0; i < BENCH_BATCH; i++)                         \
                ALLOC(v[i], n);                                           \
            bench_sink = v[BENCH_BATCH - 1];                              \
            for (int i = 0; i < BENCH_BATCH; i++)                         \
                FREE(v[i]);                                               \
        }                                                                 \
        return bench_now_ns() - t0;                                       \
    }

#define BENCH_MALLOC_A(p, n) ((p) = malloc(n))
#define BENCH_MALLOC_F(p) free(p)
#define BENCH_NAB_A(p, n) NetApiBufferAllocate((DWORD)(n), &(p))
#define BENCH_NAB_F(p) NetApiBufferFree(p)

/* ---- CSV ---------------------------------------------------------------- */

/* One row: program, test, mode, threads, size, contender, ns per operation
   (negative = absent), ratio to the case's baseline, rounds, note. */
static inline void bench_csv(const char *program, const char *test, const char *mode,
                             int threads, long size, const char *contender, double ns,
                             double ratio, int rounds, const char *note)
{
    const char *path = getenv("BENCH_CSV");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    if (!f)
        return;
    if (ns < 0)
        fprintf(f, "%s,%s,%s,%d,%ld,%s,absent,absent,%d,%s\n", program, test, mode, threads,
                size, contender, rounds, note ? note : "");
    else
        fprintf(f, "%s,%s,%s,%d,%ld,%s,%.3f,%.4f,%d,%s\n", program, test, mode, threads, size,
                contender, ns, ratio, rounds, note ? note : "");
    fclose(f);
}

/* ---- peers loaded at run time ------------------------------------------- */

/* Sanitizer runtimes refuse RTLD_DEEPBIND, so a sanitized build reports the
   run-time peers absent (its timings mean little anyway). */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BENCH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BENCH_SANITIZED 1
#endif
#endif
#ifdef BENCH_SANITIZED
#define BENCH_DLOPEN(name) ((void)(name), (void *)NULL)
#define BENCH_SANITIZED_NOTE "absent (not loaded under a sanitizer)"
#else
#define BENCH_DLOPEN(name) dlopen((name), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)
#define BENCH_SANITIZED_NOTE NULL
#endif

typedef void *(*bench_malloc_fn)(size_t);
typedef void (*bench_free_fn)(void *);
typedef void *(*bench_realloc_fn)(void *, size_t);
typedef size_t (*bench_usable_fn)(void *);
typedef NET_API_STATUS (*bench_nab_alloc_fn)(DWORD, LPVOID *);
typedef NET_API_STATUS (*bench_nab_free_fn)(LPVOID);

/* A malloc-family library opened with dlopen (jemalloc, mimalloc). */
struct bench_dl_malloc {
    const char *name;
    const char *why_absent; /* NULL when loaded */
    bench_malloc_fn malloc_;
    bench_free_fn free_;
    bench_realloc_fn realloc_;
    bench_usable_fn usable_;
};

/* Samba's libnetapi. */
struct bench_samba {
    const char *why_absent;
    bench_nab_alloc_fn allocate;
    bench_nab_free_fn free_;
};

/*
 * jemalloc's shared library uses initial-exec TLS, which glibc can only
 * place at dlopen time when the static TLS surplus is large enough; the
 * surplus is a tunable read at program start.  So before opening anything,
 * a benchmark re-executes itself once with a larger surplus.  The tunable
 * concerns the dynamic loader only: glibc's malloc is unaffected.
 */
static inline void bench_reexec_for_static_tls(char **argv)
{
    if (getenv("BENCH_TLS_REEXEC"))
        return;
    const char *old = getenv("GLIBC_TUNABLES");
    char buf[1024];
    snprintf(buf, sizeof buf, "%s%sglibc.rtld.optional_static_tls=16384", old ? old : "",
             old && *old ? ":" : "");
    setenv("GLIBC_TUNABLES", buf, 1);
    setenv("BENCH_TLS_REEXEC", "1", 1);
    execv("/proc/self/exe", argv);
    /* If that fails, carry on: jemalloc may then be reported absent. */
}

static inline void bench_dl_malloc_open(struct bench_dl_malloc *m, const char *name,
                                        const char *soname, const char *prefix,
                                        const char *package)
{
    memset(m, 0, sizeof *m);
    m->name = name;
    void *h = BENCH_DLOPEN(soname);
    if (!h && BENCH_SANITIZED_NOTE) {
        m->why_absent = BENCH_SANITIZED_NOTE;
        return;
    }
    if (!h) {
        static char why[4][160];
        static int slot;
        char *w = why[slot++ & 3];
        const char *err = dlerror();
        snprintf(w, sizeof why[0], "absent (%s: %s)", package,
                 err && strstr(err, "static TLS") ? "static TLS" : "not installed");
        m->why_absent = w;
        return;
    }
    char sym[64];
    snprintf(sym, sizeof sym, "%smalloc", prefix);
    m->malloc_ = (bench_malloc_fn)dlsym(h, sym);
    snprintf(sym, sizeof sym, "%sfree", prefix);
    m->free_ = (bench_free_fn)dlsym(h, sym);
    snprintf(sym, sizeof sym, "%srealloc", prefix);
    m->realloc_ = (bench_realloc_fn)dlsym(h, sym);
    snprintf(sym, sizeof sym, "%susable_size", prefix);
    m->usable_ = (bench_usable_fn)dlsym(h, sym);
    if (!m->usable_)
        m->usable_ = (bench_usable_fn)dlsym(h, "malloc_usable_size");
    if (!m->malloc_ || !m->free_ || !m->realloc_)
        m->why_absent = "absent (symbols not found)";
}

static inline void bench_samba_open(struct bench_samba *s)
{
    memset(s, 0, sizeof *s);
    void *h = BENCH_DLOPEN("libnetapi.so.1");
    if (h) {
        s->allocate = (bench_nab_alloc_fn)dlsym(h, "NetApiBufferAllocate");
        s->free_ = (bench_nab_free_fn)dlsym(h, "NetApiBufferFree");
    }
    if (!s->allocate || !s->free_)
        s->why_absent = BENCH_SANITIZED_NOTE ? BENCH_SANITIZED_NOTE
                                             : "absent (samba-dev / libnetapi.so.1)";
}

/* The usual set: jemalloc, mimalloc (plain malloc names via dlsym), Samba. */
struct bench_peers {
    struct bench_dl_malloc je, mi;
    struct bench_samba samba;
};

static inline void bench_peers_open(struct bench_peers *p)
{
    bench_dl_malloc_open(&p->je, "jemalloc", "libjemalloc.so.2", "", "libjemalloc2");
    bench_dl_malloc_open(&p->mi, "mimalloc", "libmimalloc.so.2", "mi_", "libmimalloc2.0");
    bench_samba_open(&p->samba);
}

#ifdef BENCH_HAVE_TALLOC
#define BENCH_TALLOC_ABSENT NULL
#else
#define BENCH_TALLOC_ABSENT "absent (libtalloc-dev not found at configure time)"
#endif

/* The mode this process runs in, as the library reports it. */
static inline const char *bench_mode_label(void)
{
    const char *want = getenv("NETAPIBUF_CHECK");
    int strict_wanted = want && strcmp(want, "strict") == 0;
    int strict_active = netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT;
    if (strict_wanted && !strict_active)
        return "strict-requested(library-runs-default)";
    return strict_active ? "strict" : "default";
}

#endif /* BENCH_H */
