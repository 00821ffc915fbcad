/* registry.c — the sharded table of live buffers behind strict mode. */
#include "check/registry.h"

#include <string.h>
#include <time.h>

#include "platform/locks.h"
#include "platform/sysalloc.h"

struct nbi_shard nbi_shards[NBI_SHARDS]; /* NBI_SPIN_INIT is 0: zeroed is unlocked */

uint64_t nbi_windows[NBI_WINDOW_SLOTS];

_Static_assert(NBI_SHARDS <= 256, "a window's entry keeps its shard in 8 bits");

static uint32_t windows_given; /* shards given to windows so far (atomic) */

struct nbi_shard *nbi_window_shard_slow(uint64_t window)
{
    uint32_t slot = nbi_window_home(window);
    for (unsigned probe = 0; probe <= NBI_WINDOW_PROBES; probe++) {
        uint64_t entry = __atomic_load_n(&nbi_windows[slot], __ATOMIC_RELAXED);
        if (entry == 0) {
            uint32_t k = __atomic_fetch_add(&windows_given, 1, __ATOMIC_RELAXED) % NBI_SHARDS;
            uint64_t mine = (window + 1) << 8 | k;
            /* Lost to another thread: entry is now the winner's (maybe
               this very window's). */
            if (__atomic_compare_exchange_n(&nbi_windows[slot], &entry, mine, 0, __ATOMIC_RELAXED,
                                            __ATOMIC_RELAXED))
                return &nbi_shards[k];
        }
        if (entry >> 8 == window + 1)
            return &nbi_shards[entry & 0xff];
        slot = (slot + 1) & (NBI_WINDOW_SLOTS - 1);
    }
    /* No room: a hash of the window, by another multiplier than the
       home's, so the windows crowding one home spread over the shards. */
    return &nbi_shards[(window * 0xff51afd7ed558ccdULL) >> (64 - NBI_SHARD_BITS)];
}

/* Lock takings in a row by one thread before its shard is biased to it:
   at first, and at most (each revocation multiplies the run by 4). */
#define BIAS_AFTER_FIRST 16u
#define BIAS_AFTER_MAX (1u << 22)

static int bias_possible; /* the system runs process-wide barriers (atomic: tests switch it) */

/* With s locked: take s's bias from its owner, waiting until it is out. */
static void revoke(struct nbi_shard *s)
{
    struct nbi_visitor *owner = s->owner;
    __atomic_store_n(&s->owner, NULL, __ATOMIC_RELAXED);
    /* Orders the store above with the owner's "inside" store: afterwards
       either that store is visible here, or the owner sees the change. */
    if (NBI_UNLIKELY(nbi_process_barrier() != 0)) {
        /* Registered at init (and in a forked child), so the kernel does
           not refuse it; should it ever, bias no more, and give the
           owner's store time to drain from its CPU's store buffer. */
        __atomic_store_n(&bias_possible, 0, __ATOMIC_RELAXED);
        nanosleep(&(struct timespec){0, 1000 * 1000}, NULL);
    }
    for (unsigned spins = 0; __atomic_load_n(&owner->inside, __ATOMIC_ACQUIRE) == s; spins++) {
        if (spins < 64)
            nbi_spin_pause();
        else
            sched_yield(); /* the owner may have been preempted inside */
    }
    uint32_t after = s->bias_after ? s->bias_after : BIAS_AFTER_FIRST;
    s->bias_after = after < BIAS_AFTER_MAX ? after * 4 : BIAS_AFTER_MAX;
}

void nbi_shard_enter_slow(struct nbi_shard *s, struct nbi_visitor *me)
{
    nbi_spin_lock(&s->lock);
    struct nbi_visitor *owner = s->owner;
    if (owner == me && me) {
        /* Nobody revokes without the lock, so the bias is whole: the
           owner's fast path only gave up on a revocation since undone
           by a rebias to it. */
        __atomic_store_n(&me->inside, s, __ATOMIC_RELAXED);
        nbi_spin_unlock(&s->lock);
        return;
    }
    if (owner)
        revoke(s);
    if (!me || !__atomic_load_n(&bias_possible, __ATOMIC_RELAXED)) {
        s->last = NULL;
        return;
    }
    if (s->last != me) {
        s->last = me;
        s->streak = 0;
    }
    if (++s->streak < (s->bias_after ? s->bias_after : BIAS_AFTER_FIRST))
        return;
    /* Bias s to me and enter as its owner (the unlock publishes both). */
    __atomic_store_n(&me->inside, s, __ATOMIC_RELAXED);
    __atomic_store_n(&s->owner, me, __ATOMIC_RELEASE);
    s->streak = 0;
    nbi_spin_unlock(&s->lock);
}

#define INITIAL_SLOTS 256u
#define MAX_SLOTS (1u << 26) /* per shard: 64 * 48 M buffers, 1 GiB of table */
#define INTERIOR_FULL_SCAN_MAX 65536u /* entries up to which a search scans all */
#define INTERIOR_NEAR_GRANULES 256u   /* else: starts up to 4 KiB before the pointer */

/* Double the table (or make the first one); -1 when out of memory. */
int nbi_shard_grow(struct nbi_shard *s)
{
    uint32_t old_slots = s->table ? s->mask + 1 : 0;
    uint32_t slots = old_slots ? old_slots * 2 : INITIAL_SLOTS;
    if (slots > MAX_SLOTS)
        return -1;
    struct nbi_entry *table = nbi_sys_malloc((size_t)slots * sizeof *table);
    if (!table)
        return -1;
    memset(table, 0, (size_t)slots * sizeof *table);
    struct nbi_entry *old = s->table;
    s->table = table;
    s->mask = slots - 1;
    for (uint32_t i = 0; i < old_slots; i++)
        if (old[i].key)
            nbi_shard_place(s, old[i].key, old[i].size);
    nbi_sys_free(old);
    return 0;
}

void nbi_shard_remove(struct nbi_shard *s, struct nbi_entry *e)
{
    __atomic_store_n(&s->count, s->count - 1, __ATOMIC_RELAXED); /* read outside: approximate_count */
    /* Backward-shift deletion: pull later entries of the probe run into the
       hole, so lookups never need tombstones. */
    uint32_t hole = (uint32_t)(e - s->table);
    for (uint32_t i = (hole + 1) & s->mask;; i = (i + 1) & s->mask) {
        struct nbi_entry *next = &s->table[i];
        if (next->key == 0)
            break;
        uint32_t home = nbi_home_slot(s, next->key);
        /* next may move to the hole unless its home lies cyclically in (hole, i]. */
        int stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (stays)
            continue;
        s->table[hole] = *next;
        hole = i;
    }
    s->table[hole].key = 0;
    s->table[hole].size = 0;
}

int nbi_shard_was_released(const struct nbi_shard *s, const void *user)
{
    for (unsigned i = 0; i < NBI_RELEASED_RING; i++)
        if (s->released[i] == nbi_key_of(user))
            return 1;
    return 0;
}

/* Entries in all shards, read without entering them: a count may change
   meanwhile, which only decides how an interior search looks. */
static uint64_t approximate_count(void)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < NBI_SHARDS; i++)
        n += __atomic_load_n(&nbi_shards[i].count, __ATOMIC_RELAXED);
    return n;
}

/*
 * Interior pointers.  With up to INTERIOR_FULL_SCAN_MAX live buffers every
 * entry is examined (a misuse is rare; completeness is worth a scan).
 * Beyond that only buffers starting up to 4 KiB before p are looked up, so
 * a misuse never costs more than a few hundred lookups: an interior pointer
 * deeper into a larger buffer is then reported as an unknown pointer.
 */
/* Whom a search enters s as: the caller when s is biased to it (so the
   bias stays), else nobody (a search must not bias every shard it scans
   to the caller). */
static struct nbi_visitor *as_whom(struct nbi_shard *s, struct nbi_visitor *me)
{
    return me && __atomic_load_n(&s->owner, __ATOMIC_RELAXED) == me ? me : NULL;
}

const void *nbi_registry_containing(struct nbi_visitor *me, const void *p, uint64_t *size)
{
    uintptr_t at = (uintptr_t)p;
    if (approximate_count() <= INTERIOR_FULL_SCAN_MAX) {
        for (unsigned k = 0; k < NBI_SHARDS; k++) {
            struct nbi_shard *s = &nbi_shards[k];
            struct nbi_visitor *as = as_whom(s, me);
            nbi_shard_enter(s, as);
            for (uint32_t i = 0; s->table && i <= s->mask; i++) {
                const struct nbi_entry *e = &s->table[i];
                uintptr_t start = nbi_user_of_key(e->key);
                if (e->key && nbi_entry_is_live(e) && start < at && at - start < e->size) {
                    *size = e->size;
                    nbi_shard_leave(s, as);
                    return (const void *)start;
                }
            }
            nbi_shard_leave(s, as);
        }
        return NULL;
    }
    uintptr_t start = at & ~(uintptr_t)15;
    for (unsigned g = 0; g < INTERIOR_NEAR_GRANULES && start >= 16; g++) {
        if (start != at) {
            struct nbi_shard *s = nbi_registry_shard((const void *)start);
            struct nbi_visitor *as = as_whom(s, me);
            nbi_shard_enter(s, as);
            struct nbi_entry *e = nbi_shard_find(s, (const void *)start);
            uint64_t n = e && nbi_entry_is_live(e) ? e->size : 0;
            nbi_shard_leave(s, as);
            if (at - start < n) {
                *size = n;
                return (const void *)start;
            }
        }
        start -= 16;
    }
    return NULL;
}

/* Insert e into out[0..*kept) kept sorted by address, at most max long. */
static void keep_lowest(struct nbi_live *out, size_t *kept, size_t max, struct nbi_live e)
{
    size_t i = *kept;
    if (i == max) {
        if (max == 0 || out[max - 1].user < e.user)
            return;
        i--;
    } else {
        (*kept)++;
    }
    while (i > 0 && out[i - 1].user > e.user) {
        out[i] = out[i - 1];
        i--;
    }
    out[i] = e;
}

size_t nbi_registry_snapshot(uint64_t *count, uint64_t *bytes, struct nbi_live *out, size_t max)
{
    size_t kept = 0;
    *count = 0;
    *bytes = 0;
    for (unsigned k = 0; k < NBI_SHARDS; k++) {
        struct nbi_shard *s = &nbi_shards[k];
        nbi_shard_enter(s, NULL);
        for (uint32_t i = 0; s->table && i <= s->mask; i++) {
            const struct nbi_entry *e = &s->table[i];
            if (e->key && nbi_entry_is_live(e)) {
                struct nbi_live live = {nbi_user_of_key(e->key), e->size};
                keep_lowest(out, &kept, max, live);
                *count += 1;
                *bytes += e->size;
            }
        }
        nbi_shard_leave(s, NULL);
    }
    return kept;
}

/* Before fork: lock every shard and revoke every bias, so no thread is
   inside a shard (the child has only the forking thread). */
static void lock_all(void *unused)
{
    (void)unused;
    for (unsigned k = 0; k < NBI_SHARDS; k++)
        nbi_shard_enter(&nbi_shards[k], NULL);
}

static void unlock_all(void *unused)
{
    (void)unused;
    for (unsigned k = NBI_SHARDS; k-- > 0;)
        nbi_spin_unlock(&nbi_shards[k].lock);
}

/* In the child: also register for process-wide barriers again (the
   registration belongs to the parent's address space), when the parent
   had it. */
static void child_unlock_all(void *unused)
{
    if (__atomic_load_n(&bias_possible, __ATOMIC_RELAXED))
        __atomic_store_n(&bias_possible, nbi_process_barrier_init(), __ATOMIC_RELAXED);
    unlock_all(unused);
}

NBI_FORK_HOOK(registry_fork, NBI_RANK_REGISTRY, lock_all, unlock_all, child_unlock_all)

void nbi_registry_init(void)
{
    __atomic_store_n(&bias_possible, nbi_process_barrier_init(), __ATOMIC_RELAXED);
}

void nbi_registry_allow_bias(int allow)
{
    __atomic_store_n(&bias_possible, allow ? nbi_process_barrier_init() : 0, __ATOMIC_RELAXED);
}
