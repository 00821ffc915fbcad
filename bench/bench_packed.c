/*
 * bench_packed.c — what one packed result costs.
 *
 * Part 1: a result of 1,000 records with two ~16-byte strings each, built
 * and freed four ways:
 *   packed   one NetApiBuffer from netapibuf_pack, one NetApiBufferFree;
 *   talloc   a talloc tree: the array on a fresh context, each string a
 *            talloc child of it, one talloc_free;
 *   samba    Samba libnetapi's pattern: the array on a context, the strings
 *            on a long-lived context (freeing the array leaves them behind);
 *   malloc   one malloc for the array and one per string, each freed.
 * Part 2: NetUserEnum level 20 into one buffer against a bare getpwent_r
 * walk reading the same fields, and paging at prefmaxlen 4096 against the
 * single call.  Run it through tests/large_db.sh for a 20,000-user
 * database (make bench-large).
 *
 * Every round times each contender once, in rotating order, so a noisy
 * neighbour slows all alike; the report is the median per contender and
 * the ratios of medians.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <pwd.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lm.h>
#include <netapibuf.h>

#ifdef HAVE_TALLOC
#include <talloc.h>
#endif

#define NREC 1000
#define ROUNDS 31

struct rec {
    char *name;
    char *comment;
    DWORD id;
    DWORD flags;
};

static const size_t rec_strings[] = {offsetof(struct rec, name), offsetof(struct rec, comment)};
static const struct netapibuf_record_layout rec_layout = {sizeof(struct rec), alignof(struct rec),
                                                          2, rec_strings, 0, NULL};

static struct rec src[NREC];
static char strbuf[NREC][2][24];
static void *volatile sink;
static volatile size_t sink_n;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ---- part 1 ---------------------------------------------------------------- */

static void make_records(void)
{
    for (int i = 0; i < NREC; i++) {
        snprintf(strbuf[i][0], sizeof strbuf[i][0], "account-%08d", i);
        snprintf(strbuf[i][1], sizeof strbuf[i][1], "comment #%06d..", i);
        src[i].name = strbuf[i][0];
        src[i].comment = strbuf[i][1];
        src[i].id = (DWORD)i;
        src[i].flags = 0x200;
    }
}

static void build_packed(void)
{
    LPBYTE buf;
    DWORD n;
    netapibuf_pack(&rec_layout, src, NREC, MAX_PREFERRED_LENGTH, &buf, &n);
    sink = buf;
    NetApiBufferFree(buf);
}

static void build_malloc(void)
{
    struct rec *a = malloc(NREC * sizeof *a);
    for (int i = 0; i < NREC; i++) {
        a[i] = src[i];
        a[i].name = strdup(src[i].name);
        a[i].comment = strdup(src[i].comment);
    }
    sink = a;
    for (int i = 0; i < NREC; i++) {
        free(a[i].name);
        free(a[i].comment);
    }
    free(a);
}

#ifdef HAVE_TALLOC
static void *long_lived; /* Samba's pattern hangs strings here */

static void build_talloc(void)
{
    void *ctx = talloc_new(NULL);
    struct rec *a = talloc_array(ctx, struct rec, NREC);
    for (int i = 0; i < NREC; i++) {
        a[i] = src[i];
        a[i].name = talloc_strdup(a, src[i].name);
        a[i].comment = talloc_strdup(a, src[i].comment);
    }
    sink = a;
    talloc_free(ctx);
}

static void build_samba(void)
{
    void *ctx = talloc_new(NULL);
    struct rec *a = talloc_array(ctx, struct rec, NREC);
    for (int i = 0; i < NREC; i++) {
        a[i] = src[i];
        a[i].name = talloc_strdup(long_lived, src[i].name);
        a[i].comment = talloc_strdup(long_lived, src[i].comment);
    }
    sink = a;
    talloc_free(ctx); /* the strings stay on long_lived */
}
#endif

struct contender {
    const char *name;
    void (*run)(void);
    double samples[ROUNDS];
    double median;
};

static void part1(void)
{
    struct contender c[] = {
        {"packed (one NetApiBuffer)", build_packed, {0}, 0},
#ifdef HAVE_TALLOC
        {"talloc tree", build_talloc, {0}, 0},
        {"Samba pattern (strings on long-lived ctx)", build_samba, {0}, 0},
#endif
        {"malloc per string", build_malloc, {0}, 0},
    };
    int nc = (int)(sizeof c / sizeof c[0]);
    const int reps = 200;
#ifdef HAVE_TALLOC
    long_lived = talloc_new(NULL);
#endif
    for (int r = 0; r < ROUNDS; r++) {
        for (int k = 0; k < nc; k++) {
            struct contender *x = &c[(k + r) % nc];
            double t0 = now_ns();
            for (int i = 0; i < reps; i++)
                x->run();
            x->samples[r] = (now_ns() - t0) / reps / 1000.0;
        }
#ifdef HAVE_TALLOC
        talloc_free(long_lived); /* outside the timing: keep memory bounded */
        long_lived = talloc_new(NULL);
#endif
    }
    printf("part 1: %d records with two ~16-byte strings, build + free one result\n", NREC);
    for (int k = 0; k < nc; k++) {
        qsort(c[k].samples, ROUNDS, sizeof(double), cmp_double);
        c[k].median = c[k].samples[ROUNDS / 2];
    }
    for (int k = 0; k < nc; k++)
        printf("  %-44s %8.1f us  %5.2fx packed\n", c[k].name, c[k].median,
               c[k].median / c[0].median);
#ifndef HAVE_TALLOC
    printf("  %-44s absent (built without libtalloc)\n", "talloc tree / Samba pattern");
#endif

    /* memory: what one result occupies, and what the Samba pattern leaves */
    LPBYTE buf;
    DWORD n, size;
    netapibuf_pack(&rec_layout, src, NREC, MAX_PREFERRED_LENGTH, &buf, &n);
    NetApiBufferSize(buf, &size);
    NetApiBufferFree(buf);
    printf("  packed result: %u bytes in 1 allocation; malloc per string: %d allocations\n",
           (unsigned)size, 2 * NREC + 1);
#ifdef HAVE_TALLOC
    build_samba();
    printf("  Samba pattern leaves %zu bytes on the long-lived context per result\n",
           (size_t)talloc_total_size(long_lived));
    talloc_free(long_lived);
#endif
}

/* ---- part 2 ---------------------------------------------------------------- */

static size_t users;

static void walk_getpwent(void)
{
    char scratch[4096];
    struct passwd pw, *res;
    size_t acc = 0, n = 0;
    setpwent();
    while (getpwent_r(&pw, scratch, sizeof scratch, &res) == 0 && res) {
        acc += strlen(res->pw_name) + strlen(res->pw_gecos) + strlen(res->pw_shell) + res->pw_uid;
        n++;
    }
    endpwent();
    sink_n = acc;
    users = n;
}

static void enum_single(void)
{
    LPBYTE buf;
    DWORD read, total;
    NetUserEnum(NULL, 20, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
    sink = buf;
    NetApiBufferFree(buf);
}

static void enum_paged(void)
{
    DWORD resume = 0, read, total;
    NET_API_STATUS st;
    do {
        LPBYTE buf;
        st = NetUserEnum(NULL, 20, 0, &buf, 4096, &read, &total, &resume);
        sink = buf;
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA);
}

static void part2(void)
{
    struct contender c[] = {
        {"bare getpwent_r walk", walk_getpwent, {0}, 0},
        {"NetUserEnum level 20, one buffer", enum_single, {0}, 0},
        {"NetUserEnum level 20, pages of 4096", enum_paged, {0}, 0},
    };
    int nc = 3;
    walk_getpwent();
    int reps = users >= 5000 ? 1 : (int)(20000 / (users + 1)) + 1;
    for (int r = 0; r < ROUNDS; r++)
        for (int k = 0; k < nc; k++) {
            struct contender *x = &c[(k + r) % nc];
            double t0 = now_ns();
            for (int i = 0; i < reps; i++)
                x->run();
            x->samples[r] = (now_ns() - t0) / reps / 1e6;
        }
    for (int k = 0; k < nc; k++) {
        qsort(c[k].samples, ROUNDS, sizeof(double), cmp_double);
        c[k].median = c[k].samples[ROUNDS / 2];
    }
    printf("part 2: the user database, %zu users (median of %d rounds)\n", users, ROUNDS);
    for (int k = 0; k < nc; k++)
        printf("  %-44s %8.3f ms\n", c[k].name, c[k].median);
    printf("  ratio NetUserEnum / getpwent walk:  %.2fx\n", c[1].median / c[0].median);
    printf("  ratio paging 4096 / single call:    %.2fx\n", c[2].median / c[1].median);
}

int main(int argc, char **argv)
{
    int only2 = argc > 1 && strcmp(argv[1], "--users") == 0;
    make_records();
    if (!only2)
        part1();
    part2();
    return 0;
}
