/*
 * bench_pair.c — the first benchmark: one 64-byte NetApiBufferAllocate +
 * NetApiBufferFree pair against a bare malloc + free pair and against
 * Samba's libnetapi pair, measured in one process in interleaved rounds.
 *
 * Each round times a batch of pairs for every contender in turn (the order
 * rotates), so a noisy neighbour slows all of them alike; the report is the
 * median over rounds of ns per pair, and each median's ratio to malloc's.
 * Samba's libnetapi exports the same names as netapibuf, so it is loaded
 * with dlopen(RTLD_LOCAL | RTLD_DEEPBIND) and called through pointers.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <lm.h>

#define ROUNDS 41
#define PAIRS 200000
#define SIZE 64

typedef NET_API_STATUS (*alloc_fn)(DWORD, LPVOID *);
typedef NET_API_STATUS (*free_fn)(LPVOID);
static alloc_fn samba_allocate;
static free_fn samba_free;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Keep the compiler from removing a pair whose result is unused. */
static void *volatile sink;

static double run_malloc(void)
{
    double t0 = now_ns();
    for (int i = 0; i < PAIRS; i++) {
        void *p = malloc(SIZE);
        sink = p;
        free(p);
    }
    return (now_ns() - t0) / PAIRS;
}

static double run_netapibuf(void)
{
    double t0 = now_ns();
    for (int i = 0; i < PAIRS; i++) {
        void *p;
        NetApiBufferAllocate(SIZE, &p);
        sink = p;
        NetApiBufferFree(p);
    }
    return (now_ns() - t0) / PAIRS;
}

static double run_samba(void)
{
    double t0 = now_ns();
    for (int i = 0; i < PAIRS; i++) {
        void *p;
        samba_allocate(SIZE, &p);
        sink = p;
        samba_free(p);
    }
    return (now_ns() - t0) / PAIRS;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

struct contender {
    const char *name;
    double (*run)(void);
    double ns[ROUNDS];
    double median;
};

int main(void)
{
    void *samba = dlopen("libnetapi.so.1", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (samba) {
        samba_allocate = (alloc_fn)dlsym(samba, "NetApiBufferAllocate");
        samba_free = (free_fn)dlsym(samba, "NetApiBufferFree");
    }
    struct contender c[] = {
        {"malloc+free", run_malloc, {0}, 0},
        {"netapibuf", run_netapibuf, {0}, 0},
        {"samba libnetapi", samba_allocate && samba_free ? run_samba : NULL, {0}, 0},
    };
    int n = sizeof c / sizeof c[0];

    for (int i = 0; i < n; i++) /* warm-up */
        if (c[i].run)
            c[i].run();
    for (int r = 0; r < ROUNDS; r++)
        for (int k = 0; k < n; k++) {
            struct contender *x = &c[(r + k) % n];
            if (x->run)
                x->ns[r] = x->run();
        }

    printf("%d-byte allocate+free pair, median of %d interleaved rounds of %d pairs\n", SIZE,
           ROUNDS, PAIRS);
    printf("%-18s %10s %14s\n", "contender", "ns/pair", "vs malloc");
    for (int i = 0; i < n; i++) {
        if (!c[i].run) {
            printf("%-18s %10s %14s\n", c[i].name, "absent", "(install samba-libs)");
            continue;
        }
        qsort(c[i].ns, ROUNDS, sizeof(double), cmp_double);
        c[i].median = c[i].ns[ROUNDS / 2];
        printf("%-18s %10.2f %13.2fx\n", c[i].name, c[i].median, c[i].median / c[0].median);
    }
    if (c[2].run)
        printf("netapibuf / samba: %.2fx\n", c[1].median / c[2].median);
    return 0;
}
