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
 * Use: s = nbi_registry_lock(p); ... nbi_shard_* (s, ...) ...;
 * nbi_registry_unlock(s).  Never hold two shard locks at once.
 */
#ifndef NBI_REGISTRY_H
#define NBI_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "platform.h"
#include "spinlock.h"

#define NBI_SHARD_BITS 6
#define NBI_SHARDS (1u << NBI_SHARD_BITS)
#define NBI_RELEASED_RING 32u /* recently released pointers kept per shard */

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

struct nbi_entry {
    uintptr_t key; /* nbi_key_of(user pointer); 0: empty slot */
    uint64_t size;
};

/* A live buffer as nbi_registry_snapshot lists it. */
struct nbi_live {
    uintptr_t user;
    uint64_t size;
};

struct nbi_shard {
    nbi_spin lock;
    uint32_t count;            /* live entries */
    uint32_t mask;             /* slots - 1, or 0 before the first insert */
    struct nbi_entry *table;
    uint64_t bytes;            /* sum of the live entries' sizes */
    uint32_t ring_next;
    uintptr_t released[NBI_RELEASED_RING]; /* keys, as in the table */
} __attribute__((aligned(64)));

extern NBI_INTERNAL struct nbi_shard nbi_shards[NBI_SHARDS];

/* Buffers start 16-aligned, so drop the 4 always-zero bits, then spread. */
static inline uint64_t nbi_registry_hash(uintptr_t user)
{
    return (uint64_t)(user >> 4) * 0x9e3779b97f4a7c15ULL;
}

/*
 * The shard of user, locked.  The shard is chosen by the 1 MiB region the
 * address lies in, not by the address itself: glibc gives each thread its
 * own arena, so a thread's buffers share a few shards that other threads
 * rarely touch, and two threads working side by side do not bounce shard
 * cache lines between their CPUs (hashing every address spread each
 * thread's few dozen live buffers over half the shards: 3x slower per pair
 * with two threads than with one).
 */
#define NBI_SHARD_REGION_BITS 20
static inline struct nbi_shard *nbi_registry_lock(const void *user)
{
    uint64_t region = nbi_registry_hash((uintptr_t)user >> (NBI_SHARD_REGION_BITS - 4));
    struct nbi_shard *s = &nbi_shards[region >> (64 - NBI_SHARD_BITS)];
    nbi_spin_lock(&s->lock);
    return s;
}

static inline void nbi_registry_unlock(struct nbi_shard *s)
{
    nbi_spin_unlock(&s->lock);
}

/* The hot operations are inline: a strict pair runs each once. */

static inline uint32_t nbi_home_slot(const struct nbi_shard *s, uintptr_t key)
{
    return (uint32_t)(nbi_registry_hash(key) >> 24) & s->mask;
}

/* With s locked: user's entry, or NULL when user is not a live buffer. */
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

/* With s locked and room in the table: store key's entry. */
static inline void nbi_shard_place(struct nbi_shard *s, uintptr_t key, uint64_t size)
{
    uint32_t i = nbi_home_slot(s, key);
    while (s->table[i].key)
        i = (i + 1) & s->mask;
    s->table[i].key = key;
    s->table[i].size = size;
}

/* With s locked: double the table (or make the first); -1 when out of memory. */
NBI_INTERNAL int nbi_shard_grow(struct nbi_shard *s);

/* With s locked: record user (not present) as live with size bytes.
   0, or -1 when the table could not grow (nothing changed). */
static inline int nbi_shard_insert(struct nbi_shard *s, const void *user, uint64_t size)
{
    /* Keep the load at most 3/4 so probe runs stay short. */
    if (NBI_UNLIKELY(!s->table || ((uint64_t)s->count + 1) * 4 > ((uint64_t)s->mask + 1) * 3))
        if (nbi_shard_grow(s) != 0)
            return -1;
    nbi_shard_place(s, nbi_key_of(user), size);
    s->count++;
    s->bytes += size;
    return 0;
}

/* With s locked: forget entry e (from nbi_shard_find).  Never allocates,
   so removing and re-inserting one entry cannot fail. */
NBI_INTERNAL void nbi_shard_remove(struct nbi_shard *s, struct nbi_entry *e);

/* With s locked: remember user as released (the last NBI_RELEASED_RING of
   the shard), and ask whether user is among them. */
static inline void nbi_shard_note_released(struct nbi_shard *s, const void *user)
{
    s->released[s->ring_next] = nbi_key_of(user);
    s->ring_next = (s->ring_next + 1) % NBI_RELEASED_RING;
}
NBI_INTERNAL int nbi_shard_was_released(const struct nbi_shard *s, const void *user);

/*
 * Default mode's guard for blocks the system may unmap on release (block.h,
 * nbi_may_be_unmapped): remember a released address, ask whether an
 * address was released lately, forget it when a new buffer starts there.
 * Each takes the address's shard lock: call with none held.
 */
NBI_INTERNAL void nbi_registry_remember_released(const void *user);
NBI_INTERNAL int nbi_registry_recently_released(const void *user);
NBI_INTERNAL void nbi_registry_forget_released(const void *user);

/* The live buffer p points inside of (start < p < start + size), or NULL;
   *size gets its size.  Takes each lock it needs: call with none held.
   Bounded: see registry.c. */
NBI_INTERNAL const void *nbi_registry_containing(const void *p, uint64_t *size);

/* Live buffers and bytes, and up to max entries (lowest addresses first)
   copied to out.  Takes each lock in turn. */
NBI_INTERNAL size_t nbi_registry_snapshot(uint64_t *count, uint64_t *bytes, struct nbi_live *out,
                                          size_t max);

/* Keep the shard locks usable in a forked child. */
NBI_INTERNAL void nbi_registry_init(void);

#endif /* NBI_REGISTRY_H */
