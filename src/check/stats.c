/* stats.c — per-thread records: creation, exit, and netapibuf_get_stats(). */
#include "check/stats.h"

#include <errno.h>
#include <string.h>

#include <lmerr.h>
#include <netapibuf.h>

#include "block/cache.h"
#include "check/config.h"
#include "platform/locks.h"
#include "platform/sysalloc.h"

NBI_THREAD_LOCAL struct nbi_thread *nbi_tls;
NBI_THREAD_LOCAL struct nbi_fast nbi_fast;
static NBI_THREAD_LOCAL int tls_retired; /* the exit hook ran: no new record */

/* Active threads' records, and the totals of threads without one.
   registry_lock guards the list and peak_record; the shared counters are
   atomics because record-less threads add to them without the lock. */
NBI_MUTEX(registry_lock, NBI_RANK_THREAD_RECORDS)
static struct nbi_thread *registry_head;
static struct nbi_thread *recycled; /* exited threads' records, linked by next */
static int64_t shared_allocations;
static int64_t shared_releases;
static int64_t shared_live_bytes;
static uint64_t peak_record; /* highest peak estimate seen, under the lock */
static uint64_t misuse_events;
static void (*exit_hook)(struct nbi_thread *t);

static void lock_registry(void) { nbi_mutex_lock(&registry_lock); }
static void unlock_registry(void) { nbi_mutex_unlock(&registry_lock); }

/*
 * With the lock held: an upper bound of the true peak.  Live bytes are the
 * shared total plus each thread's own running sum; no instant can exceed
 * the shared total plus the sum of each thread's highest running sum.  With
 * one thread doing all the work this is exact.
 */
static int64_t peak_bound_locked(void)
{
    int64_t sum = __atomic_load_n(&shared_live_bytes, __ATOMIC_RELAXED);
    for (struct nbi_thread *t = registry_head; t; t = t->next)
        sum += __atomic_load_n(&t->peak_bytes, __ATOMIC_RELAXED);
    return sum;
}

static void note_peak_locked(int64_t candidate)
{
    if (candidate > 0 && (uint64_t)candidate > peak_record)
        peak_record = (uint64_t)candidate;
}

/* The thread-exit hook: fold the record into the shared totals, give
   its cache back and keep the record for the next thread. */
static void thread_exit(void *arg)
{
    struct nbi_thread *t = arg;
    if (exit_hook)
        exit_hook(t);
    lock_registry(); /* a reclaimer emptying this cache has finished */
    t->fast = NULL;
    __atomic_store_n(&nbi_fast.cache, NULL, __ATOMIC_RELAXED);
    note_peak_locked(peak_bound_locked());
    nbi_count_shared(t->allocations, t->releases, t->live_bytes);
    if (t->prev)
        t->prev->next = t->next;
    else
        registry_head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    unlock_registry();
    /* No reclaimer sees the record now.  A trim refused here is not tried
       again for this thread (the record is reset when reused), but any
       later trim is process-wide. */
    t->cache.untrimmed += nbi_cache_flush(&t->cache);
    (void)nbi_cache_trim(&t->cache.untrimmed);
    lock_registry();
    t->next = recycled;
    recycled = t;
    unlock_registry();
    nbi_tls = NULL;
    tls_retired = 1;
}

void nbi_stats_init(void (*on_exit)(struct nbi_thread *t))
{
    exit_hook = on_exit;
    (void)nbi_thread_exit_init(thread_exit);
}

struct nbi_thread *nbi_thread_attach(void)
{
    if (tls_retired)
        return NULL;
    lock_registry();
    struct nbi_thread *t = recycled;
    if (t)
        recycled = t->next;
    unlock_registry();
    /* The cache's slots follow the record in the default mode; strict mode
       (and valgrind) never cache, and their records are the record alone.
       A process stays in one mode, so recycled records fit. */
    int cached = !nbi_out_of_line();
    if (!t) {
        int saved_errno = errno;
        t = nbi_sys_malloc(sizeof *t + (cached ? NBI_CACHE_SLOTS * sizeof(void *) : 0));
        errno = saved_errno;
        if (!t)
            return NULL; /* count in the shared totals; try again next call */
        t->visitor.inside = NULL;
    }
    /* All but the visitor, which a revoker may be reading (it is NULL:
       an exited thread is inside no shard). */
    memset((char *)t + sizeof t->visitor, 0, sizeof *t - sizeof t->visitor);
    nbi_cache_init(&t->cache, cached ? (void **)(void *)(t + 1) : NULL);
    lock_registry();
    t->next = registry_head;
    if (registry_head)
        registry_head->prev = t;
    registry_head = t;
    unlock_registry();
    nbi_tls = t;
    if (cached)
        nbi_cache_rearm(t);
    nbi_thread_exit_arm(t);
    return t;
}

void nbi_cache_rearm(struct nbi_thread *t)
{
    lock_registry(); /* waits for a reclaimer emptying t's cache */
    t->fast = &nbi_fast;
    __atomic_store_n(&nbi_fast.cache, t, __ATOMIC_RELEASE);
    unlock_registry();
}

/* With the lock held: give t's cache back if its thread has made no call
   since the last look and is not in one now (stats.h draws the protocol),
   adding its blocks' bytes to *given_back.  0 when the system has no
   process-wide barrier: then nothing can be. */
static int reclaim_if_idle_locked(struct nbi_thread *t, uint64_t *given_back)
{
    int64_t seen = __atomic_load_n(&t->allocations, __ATOMIC_RELAXED) +
                   __atomic_load_n(&t->releases, __ATOMIC_RELAXED);
    if (seen != t->idle_seen) {
        t->idle_seen = seen;
        t->idle_reclaimed = 0;
        return 1;
    }
    if (t->idle_reclaimed)
        return 1;
    __atomic_store_n(&t->fast->cache, NULL, __ATOMIC_RELAXED);
    if (nbi_process_barrier() != 0) {
        __atomic_store_n(&t->fast->cache, t, __ATOMIC_RELEASE);
        return 0;
    }
    if (__atomic_load_n(&t->fast->inside, __ATOMIC_ACQUIRE) == 0) {
        *given_back += nbi_cache_flush(&t->cache);
        nbi_cache_give_back_slots(&t->cache, 1);
        t->idle_reclaimed = 1;
    }
    __atomic_store_n(&t->fast->cache, t, __ATOMIC_RELEASE);
    return 1;
}

void nbi_reclaim_idle(struct nbi_thread *self)
{
    static uint64_t next_look_ms;
    uint64_t now = nbi_coarse_ms();
    uint64_t next = __atomic_load_n(&next_look_ms, __ATOMIC_RELAXED);
    if (now < next || !__atomic_compare_exchange_n(&next_look_ms, &next, now + NBI_IDLE_MS, 0,
                                                   __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        return; /* looked lately, or another thread is looking now */
    uint64_t given_back = 0;
    lock_registry();
    for (struct nbi_thread *t = registry_head; t; t = t->next)
        if (t != self && t->fast && !reclaim_if_idle_locked(t, &given_back))
            break;
    unlock_registry();
    /* outside the lock (a trim can take milliseconds), counted as the
       caller's own, so that a trim refused now is tried again later */
    self->cache.untrimmed += given_back;
    (void)nbi_cache_trim(&self->cache.untrimmed);
}

void nbi_count_shared(int64_t allocations, int64_t releases, int64_t bytes)
{
    __atomic_add_fetch(&shared_allocations, allocations, __ATOMIC_RELAXED);
    __atomic_add_fetch(&shared_releases, releases, __ATOMIC_RELAXED);
    __atomic_add_fetch(&shared_live_bytes, bytes, __ATOMIC_RELAXED);
}

void nbi_count_misuse(void)
{
    __atomic_add_fetch(&misuse_events, 1, __ATOMIC_RELAXED);
}

NBI_EXPORT NET_API_STATUS netapibuf_get_stats(struct netapibuf_stats *stats)
{
    if (!stats)
        return ERROR_INVALID_PARAMETER;
    lock_registry();
    int64_t allocations = __atomic_load_n(&shared_allocations, __ATOMIC_RELAXED);
    int64_t releases = __atomic_load_n(&shared_releases, __ATOMIC_RELAXED);
    int64_t live = __atomic_load_n(&shared_live_bytes, __ATOMIC_RELAXED);
    for (struct nbi_thread *t = registry_head; t; t = t->next) {
        allocations += __atomic_load_n(&t->allocations, __ATOMIC_RELAXED);
        releases += __atomic_load_n(&t->releases, __ATOMIC_RELAXED);
        live += __atomic_load_n(&t->live_bytes, __ATOMIC_RELAXED);
    }
    note_peak_locked(peak_bound_locked());
    note_peak_locked(live);
    uint64_t peak = peak_record;
    unlock_registry();

    /* Records are read one after another, so a buffer moving between two
       threads mid-read can skew a sum for a moment: clamp at zero. */
    stats->live_buffers = allocations > releases ? (uint64_t)(allocations - releases) : 0;
    stats->live_bytes = live > 0 ? (uint64_t)live : 0;
    stats->peak_bytes = peak;
    stats->total_allocations = allocations > 0 ? (uint64_t)allocations : 0;
    stats->misuse_events = __atomic_load_n(&misuse_events, __ATOMIC_RELAXED);
    return NERR_Success;
}
