/*
 * stats.h — layer 2: the per-thread record, holding the counters behind
 * netapibuf_get_stats() and the thread's cache of released blocks.
 *
 * A shared counter would put one contended cache line on every allocate
 * and free (over 100 ns a pair with two threads on a 2-core machine), so
 * each thread counts in its own record, written only by that thread with
 * relaxed atomic stores (plain moves on x86-64) and summed by the reader
 * under the registry lock.  A buffer freed by another thread is simply
 * counted there: the sums stay exact.
 *
 * The record lives on the heap, followed by its cache's slot arrays
 * (cache.h), and the thread finds it through initial-exec TLS (nbi_tls,
 * and nbi_fast below), so the library's static TLS stays 40 bytes (small
 * enough for dlopen).  A thread without a record (its exit hook has run,
 * or the record could not be allocated) counts in shared atomics and
 * caches nothing.  When a thread exits its record is emptied and kept for
 * the next new thread, never freed: the registry may read a record's
 * visitor at any time (registry.h).
 *
 * Idle threads.  A thread that stops calling the library would keep its
 * cached blocks until it exits.  So the active threads, at most once per
 * NBI_IDLE_MS, look for records whose counters have not moved since their
 * previous look and give those caches back (nbi_reclaim_idle).  Taking
 * blocks from another thread's cache without a lock on the owner's hot
 * path uses the protocol of the registry's biased shards:
 *
 *   owner (every call)                 reclaimer
 *   nbi_fast.inside = 1                owner's nbi_fast.cache = NULL
 *   compiler barrier                   barrier on every thread (membarrier)
 *   t = nbi_fast.cache                 owner's inside == 0 ?
 *     NULL: the slow path, which        yes: empty the owner's cache
 *     waits for the registry lock       put the owner's nbi_fast.cache back
 *   ... use t->cache ...
 *   nbi_fast.inside = 0 (release)
 *
 * The system-wide barrier makes the owner's store to inside visible before
 * the reclaimer reads it, or the reclaimer's NULL visible before the owner
 * reads cache, so the two never touch the cache at once; the owner pays
 * two plain stores a call.  Without membarrier nothing is reclaimed.
 */
#ifndef NBI_STATS_H
#define NBI_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "block/cache.h"
#include "platform/platform.h"
#include "check/registry.h"

/* Strict mode's quarantine: quarantine.h says what it is for. */
#define NBI_QUARANTINE 32u /* a power of 2 */
struct nbi_quarantine {
    void *block[NBI_QUARANTINE]; /* NULL: empty slot */
    uint32_t slot[NBI_QUARANTINE]; /* where each block's registry entry was */
    uint8_t cls[NBI_QUARANTINE]; /* each block's size class */
    uint32_t next;               /* the oldest slot: the next to reuse or evict */
};

struct nbi_thread {
    struct nbi_visitor visitor; /* first: the thread as the registry knows it */
    int64_t allocations; /* buffers this thread created */
    int64_t releases;    /* buffers this thread released (any thread's) */
    int64_t live_bytes;  /* bytes created minus bytes released here; may go negative */
    int64_t peak_bytes;  /* highest live_bytes of this thread */
    struct nbi_fast *fast;  /* the owner's nbi_fast when its cache is in use (default
                               mode), else NULL; under the registry lock */
    int64_t idle_seen;      /* allocations + releases at the last idle check */
    int idle_reclaimed;     /* the cache was given back since idle_seen moved */
    struct nbi_cache cache;              /* released blocks of the default mode */
    struct nbi_quarantine quarantine;
    struct nbi_thread *next, *prev;      /* the registry of active threads */
};

_Static_assert(offsetof(struct nbi_thread, visitor) == 0, "a record and its visitor share an address");

/* t as the registry knows it; NULL for NULL (no record), at no cost. */
static inline struct nbi_visitor *nbi_visitor_of(struct nbi_thread *t)
{
    return (struct nbi_visitor *)(void *)t;
}

extern NBI_INTERNAL NBI_THREAD_LOCAL struct nbi_thread *nbi_tls;

/* The calling thread's way into its cache (default mode).  cache is its
   record when the four functions' fast paths may use the cache, NULL
   otherwise (strict mode, valgrind, before the thread's first call, or
   while another thread empties an idle cache): one test on the hot path
   covers all of those.  inside is 1 while the thread uses the cache. */
struct nbi_fast {
    struct nbi_thread *cache;
    int inside;
};
extern NBI_INTERNAL NBI_THREAD_LOCAL struct nbi_fast nbi_fast;

/* Start using the calling thread's cache: its record, or NULL (then call
   nbi_cache_leave and take a slow path). */
static NBI_ALWAYS_INLINE struct nbi_thread *nbi_cache_enter(void)
{
    __atomic_store_n(&nbi_fast.inside, 1, __ATOMIC_RELAXED);
    __atomic_signal_fence(__ATOMIC_SEQ_CST); /* the reclaimer's membarrier does the rest */
    return __atomic_load_n(&nbi_fast.cache, __ATOMIC_ACQUIRE);
}

/* Stop using it (whether or not nbi_cache_enter found it). */
static NBI_ALWAYS_INLINE void nbi_cache_leave(void)
{
    __atomic_store_n(&nbi_fast.inside, 0, __ATOMIC_RELEASE);
}

/* The calling thread's record t has a cache (default mode) that a
   reclaimer has emptied: make nbi_fast.cache point at it again. */
NBI_INTERNAL void nbi_cache_rearm(struct nbi_thread *t);

/* Give back the caches of threads idle since the last look, when at least
   NBI_IDLE_MS have passed since it (self: the calling thread, which is
   not idle).  Called by threads that are active anyway: at their periodic
   scavenges (nbi_cache_scavenge_periodic). */
#define NBI_IDLE_MS 1000
NBI_INTERNAL void nbi_reclaim_idle(struct nbi_thread *self);

/* Set up once per process, before the first record is attached.  on_exit,
   when not NULL, runs first when a thread with a record exits (strict mode
   empties the thread's quarantine with it). */
NBI_INTERNAL void nbi_stats_init(void (*on_exit)(struct nbi_thread *t));
NBI_INTERNAL struct nbi_thread *nbi_thread_attach(void);
NBI_INTERNAL void nbi_count_shared(int64_t allocations, int64_t releases, int64_t bytes);
NBI_INTERNAL void nbi_count_misuse(void);

/*
 * The calling thread's record, created on first use (after nbi_stats_init).
 * NULL when the thread has none: see above.
 */
static inline struct nbi_thread *nbi_self(void)
{
    struct nbi_thread *t = nbi_tls;
    if (NBI_UNLIKELY(!t))
        return nbi_thread_attach();
    return t;
}

/* Single-writer update: other threads only read these fields. */
static inline void nbi_counter_set(int64_t *counter, int64_t value)
{
    __atomic_store_n(counter, value, __ATOMIC_RELAXED);
}

static inline void nbi_count_create(struct nbi_thread *t, uint64_t bytes)
{
    if (NBI_UNLIKELY(!t)) {
        nbi_count_shared(1, 0, (int64_t)bytes);
        return;
    }
    nbi_counter_set(&t->allocations, t->allocations + 1);
    int64_t live = t->live_bytes + (int64_t)bytes;
    nbi_counter_set(&t->live_bytes, live);
    if (live > t->peak_bytes)
        nbi_counter_set(&t->peak_bytes, live);
}

/* Count a release; nonzero when it ends one of the thread's periods of
   NBI_SCAVENGE_PERIOD releases, and its cache is due a scavenge. */
static inline int nbi_count_release(struct nbi_thread *t, uint64_t bytes)
{
    if (NBI_UNLIKELY(!t)) {
        nbi_count_shared(0, 1, -(int64_t)bytes);
        return 0;
    }
    int64_t releases = t->releases + 1;
    nbi_counter_set(&t->releases, releases);
    nbi_counter_set(&t->live_bytes, t->live_bytes - (int64_t)bytes);
    return (releases & (NBI_SCAVENGE_PERIOD - 1)) == 0;
}

/* A resize in place: the buffer's bytes changed by change. */
static inline void nbi_count_bytes_changed(struct nbi_thread *t, int64_t change)
{
    if (NBI_UNLIKELY(!t)) {
        nbi_count_shared(0, 0, change);
        return;
    }
    int64_t live = t->live_bytes + change;
    nbi_counter_set(&t->live_bytes, live);
    if (live > t->peak_bytes)
        nbi_counter_set(&t->peak_bytes, live);
}

/*
 * A resize from old_bytes to new_bytes.  In place, the buffer stays one
 * buffer and only its bytes change.  When it moved, a new buffer was made
 * and the old one released: total_allocations counts it (netapibuf.h), and
 * the release keeps live_buffers (allocations - releases) unchanged.
 * Nonzero when that release ends a period, as for nbi_count_release: a
 * caller that then keeps the old block in the cache scavenges first.
 */
static inline int nbi_count_resize(struct nbi_thread *t, uint64_t old_bytes, uint64_t new_bytes,
                                   int moved)
{
    int64_t delta = (int64_t)new_bytes - (int64_t)old_bytes;
    if (NBI_UNLIKELY(!t)) {
        nbi_count_shared(moved != 0, moved != 0, delta);
        return 0;
    }
    int64_t releases = t->releases + (moved != 0);
    if (moved) {
        nbi_counter_set(&t->allocations, t->allocations + 1);
        nbi_counter_set(&t->releases, releases);
    }
    nbi_count_bytes_changed(t, delta);
    return moved && (releases & (NBI_SCAVENGE_PERIOD - 1)) == 0;
}

#endif /* NBI_STATS_H */
