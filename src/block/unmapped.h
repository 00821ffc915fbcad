/*
 * unmapped.h — layer 2: default mode's memory of released blocks whose
 * pages the system may have unmapped (block.h, nbi_may_be_unmapped), so
 * their headers are never read again.
 */
#ifndef NBI_UNMAPPED_H
#define NBI_UNMAPPED_H

#include <stdint.h>

#include "platform/platform.h"

/*
 * Remember a released address, ask whether an address was released
 * lately, forget it when a new buffer starts there.
 *
 * Free asks about every buffer at such an address (1 in 256 of small
 * buffers too, whose blocks are never unmapped), so the question must cost
 * one load, not a lock.  The addresses sit in a
 * direct-mapped table of NBI_UNMAPPED_SLOTS, read and written with relaxed
 * atomics; a later release that maps to the same slot replaces an older
 * one, which is then forgotten early (a double free of it may then read
 * an unmapped header, as default mode allows).  Addresses are stored
 * xor-ed with a constant that makes them non-canonical, as in the
 * registry, so leak checkers do not take them for pointers.
 */
#define NBI_UNMAPPED_SLOTS 4096u /* 2^12: the top 12 bits of the hash pick the slot */
extern NBI_INTERNAL uintptr_t nbi_unmapped_released[NBI_UNMAPPED_SLOTS];

#define NBI_UNMAPPED_HIDE 0xA5A5000000000000ULL

static inline uintptr_t nbi_unmapped_key(const void *user)
{
    return (uintptr_t)user ^ (uintptr_t)NBI_UNMAPPED_HIDE;
}

static inline uintptr_t *nbi_unmapped_slot(const void *user)
{
    uint64_t hash = (uint64_t)((uintptr_t)user >> 4) * 0x9e3779b97f4a7c15ULL;
    return &nbi_unmapped_released[hash >> (64 - 12)];
}

static inline void nbi_unmapped_remember(const void *user)
{
    __atomic_store_n(nbi_unmapped_slot(user), nbi_unmapped_key(user), __ATOMIC_RELAXED);
}

static inline int nbi_unmapped_recently_released(const void *user)
{
    return __atomic_load_n(nbi_unmapped_slot(user), __ATOMIC_RELAXED) == nbi_unmapped_key(user);
}

static inline void nbi_unmapped_forget(const void *user)
{
    uintptr_t key = nbi_unmapped_key(user);
    (void)__atomic_compare_exchange_n(nbi_unmapped_slot(user), &key, 0, 0, __ATOMIC_RELAXED,
                                      __ATOMIC_RELAXED);
}

#endif /* NBI_UNMAPPED_H */
