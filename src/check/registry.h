/*
 * registry.h — layer 2: strict mode's out-of-line record of live buffers.
 *
 * Strict mode must answer "is this pointer a live buffer, and how big?"
 * without reading a byte near the pointer (a wild pointer at the start of a
 * mapping would fault).  The registry maps user pointer -> requested size
 * in memory of its own.
 *
 * Why sharded: one lock around one table makes every allocate and free of
 * every thread meet on the same cache line; measured on two cores a global
 * mutex made a two-thread pair about 20x slower.  The table is split into
 * NBI_SHARDS independent shards, each with its own lock, its own open-
 * addressing table (linear probing, backward-shift deletion, grown with
 * nbi_sys_malloc) and its own ring of recently released pointers, so two
 * threads working on different buffers almost never touch the same lock.
 * A pointer's shard is picked by the top bits of a multiplicative hash.
 *
 * Why biased: even an uncontended spinlock costs an atomic exchange (about
 * 5 ns here, a whole malloc+free pair is 6), and strict mode enters the
 * registry twice a pair.  Yet a shard is nearly always used by one thread
 * at a time (see nbi_registry_shard), so each shard is biased to the thread
 * that keeps using it, as Java biased its monitors:
 *
 *   owner A's fast path                anyone else (holding s->lock)
 *   -------------------                -----------------------------
 *   owner is A? else take the lock     A = owner; owner = NULL
 *   A->inside = s                      barrier on every thread (membarrier)
 *   compiler barrier                   wait while A->inside == s
 *   owner still A? else A->inside =    ...work on the shard (locked from
 *       NULL, take the lock            now on, until a thread is biased
 *   ...work on the shard...            again)...
 *   A->inside = NULL (release)         unlock
 *
 * The process-wide barrier makes this Dekker's handshake correct although
 * the owner's side has no fence: either A's "inside" store is visible to
 * the revoker, which then waits, or A's second look at the owner sees the
 * change and it takes the lock.  "inside" is A's own field, never the
 * shard's: a thread that read the owner before a revocation and a rebias
 * to another thread must not overwrite the new owner's flag as it backs
 * out.  The owner's pair thus costs plain loads and stores; a revocation
 * costs a system call (1 to 40 us here), so
 * a shard is biased only after a run of lock takings by one thread, and
 * each revocation makes that run four times longer: a shard that threads
 * really share ends up locked for good.  Where the system has no
 * membarrier, shards are never biased.
 *
 * Use: s = nbi_registry_enter(me, p); ... nbi_shard_* (s, ...) ...;
 * nbi_registry_leave(me, s), where me is the calling thread's visitor (or
 * NULL: then the lock is always taken).  Never be inside two shards at once.
 */
#ifndef NBI_REGISTRY_H
#define NBI_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "platform/platform.h"
#include "platform/spinlock.h"

#define NBI_SHARD_BITS 6
#define NBI_SHARDS (1u << NBI_SHARD_BITS)
#define NBI_RELEASED_RING 32u /* recently removed pointers kept per shard (a power of 2) */

/*
 * Addresses are stored hidden (xor-ed with NBI_KEY_HIDE, which makes them
 * non-canonical): a leak checker scanning this table (valgrind, LeakSanitizer)
 * must not find the caller's buffers through it, or a leaked buffer would
 * look reachable.
 */
#define NBI_KEY_HIDE 0xA5A5000000000000ULL
static inline uintptr_t nbi_key_of(const void *user)
{
    return (uintptr_t)user ^ (uintptr_t)NBI_KEY_HIDE;
}
static inline uintptr_t nbi_user_of_key(uintptr_t key)
{
    return key ^ (uintptr_t)NBI_KEY_HIDE;
}

/*
 * An entry is live (size: the buffer's requested bytes) or released (the
 * NBI_ENTRY_RELEASED bit set): a released buffer's block waits in its
 * releasing thread's quarantine (quarantine.h) and keeps its entry there,
 * so reusing the block or releasing it again needs no insert or delete,
 * and a stale pointer to it is known for certain to be a released buffer.
 * The entry goes when the block goes back to the system.
 */
#define NBI_ENTRY_RELEASED (1ULL << 63)
struct nbi_entry {
    uintptr_t key; /* nbi_key_of(user pointer); 0: empty slot */
    uint64_t size;
};

static inline int nbi_entry_is_live(const struct nbi_entry *e)
{
    return !(e->size & NBI_ENTRY_RELEASED);
}

/* A live buffer as nbi_registry_snapshot lists it. */
struct nbi_live {
    uintptr_t user;
    uint64_t size;
};

/*
 * A thread as the registry knows it (the first member of its thread
 * record).  Once a shard was biased to it, a revoker may read it at any
 * time: it must stay readable for the life of the process (thread records
 * are recycled, never freed).
 */
struct nbi_shard;
struct nbi_visitor {
    struct nbi_shard *inside; /* written by its thread only: the shard it is in as owner */
};

struct nbi_shard {
    nbi_spin lock;
    uint32_t streak;           /* lock takings in a row by `last` */
    uint32_t bias_after;       /* streak that biases the shard; 0: the initial */
    struct nbi_visitor *owner; /* the thread the shard is biased to, or NULL */
    struct nbi_visitor *last;  /* the thread that took the lock last */
    uint32_t count;            /* entries, live and released: written inside the shard with
                                  atomic stores, as registry.c reads it from outside */
    uint32_t mask;             /* slots - 1, or 0 before the first insert */
    struct nbi_entry *table;
    uint32_t ring_next;
    uintptr_t released[NBI_RELEASED_RING]; /* keys of entries gone lately */
} __attribute__((aligned(64)));

extern NBI_INTERNAL struct nbi_shard nbi_shards[NBI_SHARDS];

/* Fibonacci hashing: x times 2^64 / phi; the top bits are the hash. */
static inline uint64_t nbi_spread(uint64_t x)
{
    return x * 0x9e3779b97f4a7c15ULL;
}

/* Buffers start 16-aligned, so drop the 4 always-zero bits, then spread. */
static inline uint64_t nbi_registry_hash(uintptr_t user)
{
    return nbi_spread((uint64_t)(user >> 4));
}

/*
 * The shard of user.  It is chosen by the 64 MiB window the address lies
 * in, and windows get shards in the order they are first used, round
 * robin: the first NBI_SHARDS windows of a process get distinct shards.
 * Why windows of 64 MiB: glibc gives each thread an arena of its own whose
 * heaps are 64 MiB, aligned to 64 MiB (HEAP_MAX_SIZE), so a thread's small
 * buffers lie in a window no other arena's heap shares, and two threads
 * working side by side neither bounce shard cache lines between their CPUs
 * nor revoke each other's bias.  Why by first use: a hash of the window,
 * or of the 1 MiB region as before, puts two threads on one shard by
 * chance (with 1 MiB regions, in 2 of 60 two-thread processes, whose
 * strict pairs then ran 10-25x slower), and more threads collide more
 * often.  Hashing every address spread each thread's few dozen live
 * buffers over half the shards: 3x slower per pair with two threads than
 * with one.
 *
 * The windows' shards are remembered in nbi_windows, an open-addressing
 * table written once per window (a compare-and-swap from 0) and never
 * cleared: an entry is (window + 1) << 8 | shard.  A window found at its
 * home slot costs one load; the others go out of line, and when the table
 * has no room near a window's home, that window's shard is a hash of it.
 */
#define NBI_WINDOW_BITS 26
#define NBI_WINDOW_SLOT_BITS 10
#define NBI_WINDOW_SLOTS (1u << NBI_WINDOW_SLOT_BITS)
#define NBI_WINDOW_PROBES 16u /* slots looked at past a window's home */

extern NBI_INTERNAL uint64_t nbi_windows[NBI_WINDOW_SLOTS];

static inline uint32_t nbi_window_home(uint64_t window)
{
    return (uint32_t)(nbi_spread(window) >> (64 - NBI_WINDOW_SLOT_BITS));
}

/* The shard of a window not at its home slot: found further on, given
   one, or hashed. */
NBI_INTERNAL struct nbi_shard *nbi_window_shard_slow(uint64_t window);

static inline struct nbi_shard *nbi_registry_shard(const void *user)
{
    uint64_t window = (uintptr_t)user >> NBI_WINDOW_BITS;
    uint64_t entry = __atomic_load_n(&nbi_windows[nbi_window_home(window)], __ATOMIC_RELAXED);
    if (NBI_LIKELY(entry >> 8 == window + 1))
        return &nbi_shards[entry & 0xff];
    return nbi_window_shard_slow(window);
}

/* Enter s the slow way: take its lock, revoke another thread's bias, and
   maybe bias s to me (then leave the lock and stay inside as its owner). */
NBI_INTERNAL void nbi_shard_enter_slow(struct nbi_shard *s, struct nbi_visitor *me);

/* Enter s as thread me (NULL: no record; always locks). */
static inline void nbi_shard_enter(struct nbi_shard *s, struct nbi_visitor *me)
{
    if (NBI_LIKELY(me && __atomic_load_n(&s->owner, __ATOMIC_RELAXED) == me)) {
        __atomic_store_n(&me->inside, s, __ATOMIC_RELAXED);
        __atomic_signal_fence(__ATOMIC_SEQ_CST); /* the revoker's membarrier does the rest */
        if (NBI_LIKELY(__atomic_load_n(&s->owner, __ATOMIC_ACQUIRE) == me))
            return;
        __atomic_store_n(&me->inside, NULL, __ATOMIC_RELEASE); /* revoked meanwhile */
    }
    nbi_shard_enter_slow(s, me);
}

/* Leave s, entered by nbi_shard_enter(s, me): me is inside s as its owner,
   or holds its lock. */
static inline void nbi_shard_leave(struct nbi_shard *s, struct nbi_visitor *me)
{
    if (NBI_LIKELY(me && me->inside == s))
        __atomic_store_n(&me->inside, NULL, __ATOMIC_RELEASE);
    else
        nbi_spin_unlock(&s->lock);
}

static inline struct nbi_shard *nbi_registry_enter(struct nbi_visitor *me, const void *user)
{
    struct nbi_shard *s = nbi_registry_shard(user);
    nbi_shard_enter(s, me);
    return s;
}

static inline void nbi_registry_leave(struct nbi_visitor *me, struct nbi_shard *s)
{
    nbi_shard_leave(s, me);
}

/* The hot operations are inline: a strict pair runs each once. */

static inline uint32_t nbi_home_slot(const struct nbi_shard *s, uintptr_t key)
{
    return (uint32_t)(nbi_registry_hash(key) >> 24) & s->mask;
}

/* Inside s: user's entry (live or released), or NULL. */
static inline struct nbi_entry *nbi_shard_find(struct nbi_shard *s, const void *user)
{
    if (!s->table)
        return NULL;
    uintptr_t key = nbi_key_of(user);
    for (uint32_t i = nbi_home_slot(s, key);; i = (i + 1) & s->mask) {
        struct nbi_entry *e = &s->table[i];
        if (e->key == key)
            return e;
        if (e->key == 0)
            return NULL;
    }
}

/* Inside s: user's entry, looked up at slot `hint` first (where the entry
   was seen lately: entries move only when others are removed or the
   table grows), or NULL. */
static inline struct nbi_entry *nbi_shard_find_at(struct nbi_shard *s, const void *user,
                                                  uint32_t hint)
{
    if (NBI_LIKELY(s->table && hint <= s->mask && s->table[hint].key == nbi_key_of(user)))
        return &s->table[hint];
    return nbi_shard_find(s, user);
}

/* The slot of entry e, for nbi_shard_find_at. */
static inline uint32_t nbi_shard_slot(const struct nbi_shard *s, const struct nbi_entry *e)
{
    return (uint32_t)(e - s->table);
}

/* Inside s, with room in the table: store key's entry. */
static inline void nbi_shard_place(struct nbi_shard *s, uintptr_t key, uint64_t size)
{
    uint32_t i = nbi_home_slot(s, key);
    while (s->table[i].key)
        i = (i + 1) & s->mask;
    s->table[i].key = key;
    s->table[i].size = size;
}

/* Inside s: double the table (or make the first); -1 when out of memory. */
NBI_INTERNAL int nbi_shard_grow(struct nbi_shard *s);

/* Inside s: record user (not present) as a live buffer of size bytes.
   0, or -1 when the table could not grow (nothing changed). */
static inline int nbi_shard_insert(struct nbi_shard *s, const void *user, uint64_t size)
{
    /* Keep the load at most 1/2 so probe runs stay short: nearly every
       lookup then ends at its entry's home slot. */
    if (NBI_UNLIKELY(!s->table || ((uint64_t)s->count + 1) * 2 > (uint64_t)s->mask + 1))
        if (nbi_shard_grow(s) != 0)
            return -1;
    nbi_shard_place(s, nbi_key_of(user), size);
    __atomic_store_n(&s->count, s->count + 1, __ATOMIC_RELAXED);
    return 0;
}

/* Inside s: live entry e is released now / released entry e is a live
   buffer of size bytes again.  Neither allocates. */
static inline void nbi_entry_release(struct nbi_entry *e)
{
    e->size |= NBI_ENTRY_RELEASED;
}
static inline void nbi_entry_revive(struct nbi_entry *e, uint64_t size)
{
    e->size = size;
}

/* Inside s: forget entry e (from nbi_shard_find).  Never allocates,
   so removing and re-inserting one entry cannot fail. */
NBI_INTERNAL void nbi_shard_remove(struct nbi_shard *s, struct nbi_entry *e);

/* Inside s: remember user, whose entry went, as released (the last
   NBI_RELEASED_RING of the shard), and ask whether user is among them. */
static inline void nbi_shard_note_released(struct nbi_shard *s, const void *user)
{
    s->released[s->ring_next] = nbi_key_of(user);
    s->ring_next = (s->ring_next + 1) & (NBI_RELEASED_RING - 1);
}
NBI_INTERNAL int nbi_shard_was_released(const struct nbi_shard *s, const void *user);

/* The live buffer p points inside of (start < p < start + size), or NULL;
   *size gets its size.  Enters each shard it needs as me (so the shards
   biased to the caller stay so): call from outside all.
   Bounded: see registry.c. */
NBI_INTERNAL const void *nbi_registry_containing(struct nbi_visitor *me, const void *p,
                                                 uint64_t *size);

/* Live buffers and bytes, and up to max live entries (lowest addresses
   first) copied to out.  Enters each shard in turn. */
NBI_INTERNAL size_t nbi_registry_snapshot(uint64_t *count, uint64_t *bytes, struct nbi_live *out,
                                          size_t max);

/* Find out whether shards can be biased.  (The shards stay usable in a
   forked child through registry.c's fork hook, platform/locks.h.) */
NBI_INTERNAL void nbi_registry_init(void);

/* For tests: never bias a shard from now on (as on a system without
   membarrier), or bias again when the system allows.  Biases held stay
   until revoked. */
NBI_INTERNAL void nbi_registry_allow_bias(int allow);

#endif /* NBI_REGISTRY_H */
