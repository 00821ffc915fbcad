/* test_cache.c — the per-thread cache's limits (src/cache.h): a pair is
   always served from the cache (by its two alternating blocks, since the
   block released last is never handed out next), each class keeps about
   NBI_BIN_BYTES, the thread about NBI_CACHE_BUDGET plus NBI_BIN_KEEP + 1
   blocks per class, and idle blocks are scavenged when the budget is full.
   Static build: it reads the thread's record. */
#include <pthread.h>
#include <string.h>

#include <lm.h>

#include "block/cache.h"
#include "capture.h"
#include "check.h"
#include "platform/debugger.h"
#include "block/sizeclass.h"
#include "check/stats.h"

#define BATCH 100

static struct nbi_thread *self(void)
{
    LPVOID p;
    NetApiBufferAllocate(1, &p); /* make sure the record exists */
    NetApiBufferFree(p);
    return nbi_tls;
}

static void batch(DWORD n)
{
    LPVOID v[BATCH];
    for (int i = 0; i < BATCH; i++)
        CHECK_EQ_U(NetApiBufferAllocate(n, &v[i]), NERR_Success);
    for (int i = 0; i < BATCH; i++)
        CHECK_EQ_U(NetApiBufferFree(v[i]), NERR_Success);
}

static unsigned held(struct nbi_thread *t, DWORD n)
{
    return t->cache.bins[nbi_size_class(n)].count;
}

/* cached_bytes is what the bins hold, and stays within the budget plus
   NBI_BIN_KEEP + 1 blocks per class. */
static void check_bound(struct nbi_thread *t)
{
    uint64_t sum = 0, one_each = 0;
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        sum += (uint64_t)t->cache.bins[c].count * nbi_class_bytes(c);
        one_each += (NBI_BIN_KEEP + 1) * nbi_class_bytes(c);
    }
    CHECK_EQ_U(t->cache.cached_bytes, sum);
    CHECK(t->cache.cached_bytes <= NBI_CACHE_BUDGET + one_each);
}

/* The class table above 1 KiB agrees with the formula it replaces, and
   every class holds its own size and starts one byte past the previous. */
TEST(class_table)
{
    for (uint64_t n = 1025; n <= NBI_CACHED_SIZE_MAX; n++) {
        unsigned k = 63u - (unsigned)__builtin_clzll(n - 1);
        unsigned formula = 65u + (k - 10u) * 4u + ((unsigned)((n - 1) >> (k - 2)) & 3u);
        if (nbi_size_class(n) != formula)
            CHECK_MSG_(0, "class of %llu: table %u, formula %u", (unsigned long long)n,
                       nbi_size_class(n), formula);
    }
    CHECK_EQ_U(nbi_size_class(0), 1);
    CHECK_EQ_U(nbi_size_class(NBI_CACHED_SIZE_MAX + 1), 0);
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        CHECK_EQ_U(nbi_size_class(nbi_class_bytes(c)), c);
        if (c > 1)
            CHECK_EQ_U(nbi_size_class(nbi_class_bytes(c - 1) + 1), c);
    }
}

/* Pairs of one size: after the first two, every allocation is the oldest
   cached block, never the one released last. */
static void check_pair_cached(DWORD n)
{
    LPVOID a, b, c;
    NetApiBufferAllocate(n, &a);
    NetApiBufferFree(a);
    NetApiBufferAllocate(n, &b);
    CHECK_NE_P(b, a);
    NetApiBufferFree(b);
    NetApiBufferAllocate(n, &c);
    CHECK_EQ_P(c, a);
    NetApiBufferFree(c);
}

TEST(pair_served_from_cache)
{
    static const DWORD sizes[] = {16, 64, 1000, 1017, 1024, 1025, 1032, 1500, 4096, 4097, 65535, 65536};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
        check_pair_cached(sizes[i]);
    check_bound(self());
}

/* A burst of 100 x 1 KiB stays cached; 100 x 64 KiB leaves about 128 KiB. */
TEST(per_class_bytes)
{
    struct nbi_thread *t = self();
    batch(1024);
    CHECK_GE_U(held(t, 1024), BATCH);
    batch(65536);
    CHECK_GE_U(held(t, 65536), 1);
    CHECK(held(t, 65536) * 65536u <= NBI_BIN_BYTES);
    check_bound(t);
}

/* Idle blocks of many classes fill the budget; a pair of a new class is
   still served from the cache, and a burst of a new class gets room once
   the idle blocks are scavenged. */
TEST(full_budget_pairs_and_scavenging)
{
    struct nbi_thread *t = self();
    static const DWORD fill[] = {2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192,
                                 10240, 12288, 14336, 16384};
    size_t used = 0;
    while (used < sizeof fill / sizeof *fill && t->cache.cached_bytes + 40976 <= NBI_CACHE_BUDGET)
        batch(fill[used++]);
    check_bound(t);
    CHECK(t->cache.cached_bytes + 40976 > NBI_CACHE_BUDGET); /* the budget is full */

    check_pair_cached(40000); /* a bin of one block takes another even now */

    unsigned idle_before = 0, idle_after = 0;
    for (size_t i = 0; i < used; i++)
        idle_before += held(t, fill[i]);
    for (int r = 0; r < 6; r++) /* a burst of a class that was not cached */
        batch(500);
    CHECK_GE_U(held(t, 500), BATCH);
    for (size_t i = 0; i < used; i++)
        idle_after += held(t, fill[i]);
    CHECK(idle_after < idle_before);
    check_bound(t);
}

/* Scavenges are NBI_SCAVENGE_WAIT over-budget puts apart: in between, a
   call only counts down. */
TEST(scavenge_interval)
{
    struct nbi_thread *t = self();
    t->cache.scavenge_wait = 2;
    CHECK_EQ_U(nbi_cache_scavenge(&t->cache, 0), 0);
    CHECK_EQ_U(t->cache.scavenge_wait, 1);
    CHECK_EQ_U(nbi_cache_scavenge(&t->cache, 0), 0);
    CHECK_EQ_U(t->cache.scavenge_wait, 0);
    CHECK_EQ_U(nbi_cache_scavenge(&t->cache, 0), t->cache.cached_bytes <= NBI_CACHE_BUDGET);
    CHECK_EQ_U(t->cache.scavenge_wait, NBI_SCAVENGE_WAIT);
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) /* the marks restarted */
        if (t->cache.bins[c].low != t->cache.bins[c].count)
            CHECK_MSG_(0, "class %u: low %u, count %u", c, t->cache.bins[c].low, t->cache.bins[c].count);
    check_bound(t);
}

/* A cached block is a released buffer: a second free is still misuse. */
TEST(cached_block_still_released)
{
    LPVOID p;
    NetApiBufferAllocate(64, &p);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    DWORD n;
    CHECK_EQ_U(NetApiBufferSize(p, &n), ERROR_INVALID_PARAMETER);
}

/*
 * A large buffer shrunk in place is a small buffer with a mapping of its
 * own; cached, then scavenged as idle, it goes back to the system, which
 * unmaps it.  A second free must still be answered 87 (the stale address
 * is remembered, block.h's nbi_block_to_system), not fault.  Run in a
 * thread of its own, so the cache starts empty.
 */
static void *scavenge_shrunk_block(void *unused)
{
    (void)unused;
    struct nbi_thread *t = self();
    LPVOID big, p, other;
    CHECK_EQ_U(NetApiBufferAllocate(40u << 20, &big), NERR_Success);
    CHECK_EQ_U(NetApiBufferReallocate(big, 100, &p), NERR_Success);
    int in_place = p == big;
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    CHECK_EQ_U(NetApiBufferAllocate(100, &other), NERR_Success);
    CHECK_NE_P(other, p); /* the block released last is never handed out */
    CHECK_EQ_U(NetApiBufferFree(other), NERR_Success);
    CHECK_EQ_U(held(t, 100), 2);
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) /* everything idle since a scavenge */
        t->cache.bins[c].low = t->cache.bins[c].count;
    t->cache.scavenge_wait = 0;
    nbi_cache_scavenge(&t->cache, 0);
    CHECK_EQ_U(held(t, 100), 1); /* p went back to the system; other stays on top */
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.count, 1);
    if (in_place)
        CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    capture_stop();
    return NULL;
}

TEST(scavenged_shrunk_block_released_twice)
{
    pthread_t t;
    CHECK_EQ_U(pthread_create(&t, NULL, scavenge_shrunk_block, NULL), 0);
    pthread_join(t, NULL);
}

int main(void)
{
    /* Under valgrind the library takes the registry path in both modes
       (debugger.h), so there is no cache to test: skip (CTest code 77). */
    LPVOID warm;
    NetApiBufferAllocate(1, &warm);
    NetApiBufferFree(warm);
    if (nbi_on_valgrind) {
        printf("skipped: under valgrind the block cache is not used\n");
        return 77;
    }
    RUN(class_table);
    RUN(pair_served_from_cache);
    RUN(per_class_bytes);
    RUN(full_budget_pairs_and_scavenging);
    RUN(scavenge_interval);
    RUN(cached_block_still_released);
    RUN(scavenged_shrunk_block_released_twice);
    return check_finish();
}
