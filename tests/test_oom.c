/*
 * test_oom.c — docs/behaviour.md §2 on memory failure, the SQLite way: every call
 * sequence is run with the Nth underlying allocation failing, for N = 1,
 * 2, 3, ... until it completes without the failure firing.  Each time:
 * status 8 when the failure hit the buffer, out-parameters as docs/behaviour.md says,
 * old buffers intact, counters back where they were, nothing registered.
 * Registered twice: default mode and NETAPIBUF_CHECK=strict (where the
 * registry's own tables can be the allocation that fails).
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "check/registry.h"
#include "platform/sysalloc.h"

static const DWORD sizes[] = {0, 1, 100, 1000, 5000, 70000, 1u << 20};
#define SIZE_COUNT (sizeof sizes / sizeof sizes[0])

static uint64_t registered(void)
{
    uint64_t count, bytes;
    nbi_registry_snapshot(&count, &bytes, NULL, 0);
    return count;
}

struct snapshot {
    struct netapibuf_stats stats;
    uint64_t registered;
};

static void take(struct snapshot *s)
{
    netapibuf_get_stats(&s->stats);
    s->registered = registered();
}

/* Counters and registry as they were (misuse aside: none is expected). */
static void check_live_unchanged(const struct snapshot *before, long n, int same_total)
{
    struct snapshot now;
    take(&now);
    CHECK_MSG_(now.stats.live_buffers == before->stats.live_buffers &&
                   now.stats.live_bytes == before->stats.live_bytes &&
                   (!same_total ||
                    now.stats.total_allocations == before->stats.total_allocations) &&
                   now.stats.misuse_events == before->stats.misuse_events &&
                   now.registered == before->registered,
               "N=%ld: counters moved after a failed call", n);
}

static void check_unchanged(const struct snapshot *before, long n)
{
    check_live_unchanged(before, n, 1);
}

static void fill(void *p, DWORD n, unsigned char seed)
{
    for (DWORD i = 0; i < n; i++)
        ((unsigned char *)p)[i] = (unsigned char)(seed + i * 7);
}

static int intact(const void *p, DWORD n, unsigned char seed)
{
    DWORD size = 0;
    if (NetApiBufferSize((LPVOID)(uintptr_t)p, &size) != NERR_Success || size != n)
        return 0;
    for (DWORD i = 0; i < n; i++)
        if (((const unsigned char *)p)[i] != (unsigned char)(seed + i * 7))
            return 0;
    return 1;
}

/* Allocate(n) (or Reallocate(NULL, n)) with allocation N failing. */
static void allocate_until_done(DWORD n, int via_reallocate)
{
    for (long fail = 1;; fail++) {
        struct snapshot before;
        take(&before);
        LPVOID p = (LPVOID)&before;
        nbi_fault_fail_nth(fail);
        NET_API_STATUS status = via_reallocate ? NetApiBufferReallocate(NULL, n, &p)
                                               : NetApiBufferAllocate(n, &p);
        int fired = nbi_fault_fired();
        nbi_fault_fail_nth(0);
        if (fired && status != NERR_Success) {
            CHECK_EQ_U(status, ERROR_NOT_ENOUGH_MEMORY);
            CHECK_EQ_P(p, NULL);
            check_unchanged(&before, fail);
            continue;
        }
        CHECK_EQ_U(status, NERR_Success);
        DWORD size = 12345;
        CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
        CHECK_EQ_U(size, n);
        CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
        if (!fired)
            return;
    }
}

/* Reallocate(p of from bytes, to) into q, or into p itself (same_out). */
static void reallocate_until_done(DWORD from, DWORD to, int same_out)
{
    for (long fail = 1;; fail++) {
        LPVOID p;
        CHECK_EQ_U(NetApiBufferAllocate(from, &p), NERR_Success);
        fill(p, from, (unsigned char)fail);
        struct snapshot before;
        take(&before);
        LPVOID q = (LPVOID)&before, old = p;
        LPVOID *out = same_out ? &p : &q;
        nbi_fault_fail_nth(fail);
        NET_API_STATUS status = NetApiBufferReallocate(p, to, out);
        int fired = nbi_fault_fired();
        nbi_fault_fail_nth(0);
        if (fired && status != NERR_Success) {
            CHECK_EQ_U(status, ERROR_NOT_ENOUGH_MEMORY);
            CHECK_EQ_P(*out, same_out ? old : (LPVOID)&before); /* unchanged */
            CHECK(intact(old, from, (unsigned char)fail));       /* still valid */
            check_unchanged(&before, fail);
            CHECK_EQ_U(NetApiBufferFree(old), NERR_Success);
            continue;
        }
        CHECK_EQ_U(status, NERR_Success);
        DWORD kept = from < to ? from : to;
        if (to) {
            const unsigned char *bytes = *out;
            int same = 1;
            for (DWORD i = 0; i < kept; i++)
                same &= bytes[i] == (unsigned char)((unsigned char)fail + i * 7);
            CHECK(same);
        } else {
            CHECK_EQ_P(*out, NULL);
        }
        CHECK_EQ_U(NetApiBufferFree(*out), NERR_Success);
        if (!fired)
            return;
    }
}

TEST(allocate)
{
    for (size_t i = 0; i < SIZE_COUNT; i++)
        allocate_until_done(sizes[i], 0);
}

TEST(reallocate_from_null)
{
    for (size_t i = 1; i < SIZE_COUNT; i++)
        allocate_until_done(sizes[i], 1);
}

TEST(reallocate_grow_shrink_release)
{
    for (size_t i = 0; i < SIZE_COUNT; i++)
        for (size_t k = 0; k < SIZE_COUNT; k++) {
            reallocate_until_done(sizes[i], sizes[k], 0);
            reallocate_until_done(sizes[i], sizes[k], 1);
        }
}

/* Many live buffers: the strict registry grows its tables, and those
   allocations fail too. */
TEST(allocate_while_many_live)
{
    enum { LIVE = 500 };
    static LPVOID live[LIVE];
    for (long fail = 1;; fail++) {
        struct snapshot before;
        take(&before);
        nbi_fault_fail_nth(fail);
        int i, failed = 0;
        for (i = 0; i < LIVE; i++) {
            NET_API_STATUS status = NetApiBufferAllocate(24, &live[i]);
            if (status != NERR_Success) {
                CHECK_EQ_U(status, ERROR_NOT_ENOUGH_MEMORY);
                CHECK_EQ_P(live[i], NULL);
                failed = 1;
                break;
            }
        }
        int fired = nbi_fault_fired();
        nbi_fault_fail_nth(0);
        CHECK_EQ_U(failed, fired && failed);
        for (int k = 0; k < i; k++)
            CHECK_EQ_U(NetApiBufferFree(live[k]), NERR_Success);
        check_live_unchanged(&before, fail, 0);
        if (!fired)
            return;
    }
}

/* A thread whose first call cannot get its per-thread record still works
   (it counts in the shared totals and caches nothing). */
static void *first_call_fails(void *arg)
{
    (void)arg;
    LPVOID p;
    nbi_fault_fail_nth(1);
    NET_API_STATUS status = NetApiBufferAllocate(32, &p);
    int fired = nbi_fault_fired();
    nbi_fault_fail_nth(0);
    CHECK(fired);
    if (status == NERR_Success)
        CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    else
        CHECK_EQ_U(status, ERROR_NOT_ENOUGH_MEMORY);
    CHECK_EQ_U(NetApiBufferAllocate(32, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    return NULL;
}

TEST(thread_record_failure)
{
    struct snapshot before;
    take(&before);
    pthread_t t;
    CHECK_EQ_U(pthread_create(&t, NULL, first_call_fails, NULL), 0);
    pthread_join(t, NULL);
    struct snapshot after;
    take(&after);
    CHECK_EQ_U(after.stats.live_buffers, before.stats.live_buffers);
    CHECK_EQ_U(after.registered, before.registered);
}

int main(void)
{
    /* Attach this thread (its record is an allocation too) before arming. */
    LPVOID p;
    NetApiBufferAllocate(1, &p);
    NetApiBufferFree(p);
    RUN(allocate);
    RUN(reallocate_from_null);
    RUN(reallocate_grow_shrink_release);
    RUN(allocate_while_many_live);
    RUN(thread_record_failure);
    return check_finish();
}
