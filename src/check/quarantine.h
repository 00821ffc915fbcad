/*
 * quarantine.h — layer 2: strict mode's per-thread quarantine.
 *
 * A released strict block of up to 64 KiB does not go back to the system
 * at once: it waits, poisoned, in its releasing thread's quarantine (the
 * last NBI_QUARANTINE such blocks, oldest first; struct nbi_quarantine in
 * stats.h), and its registry entry stays, marked released:
 *
 *   registry entry        block                           where
 *   --------------        -----                           -----
 *   live, n bytes         the caller's buffer             (the caller)
 *   released              poisoned                        quarantine slot
 *   (gone; ring note)     back to the system              (evicted)
 *
 * So a stale pointer keeps failing as "released" for certain while its
 * block waits here, even after more allocations of its size, and a strict
 * allocate+release pair reuses a block with neither a call into malloc nor
 * an insert or delete in the registry: only the entry's state flips.
 *
 * Invariant: every block in a quarantine has a released registry entry,
 * and only the quarantine's thread takes it out.  Blocks are sized by
 * class (sizeclass.h), so any buffer of the class can reuse one.  Not used
 * under valgrind or ASan, which keep released memory from reuse themselves
 * and must see every release.
 */
#ifndef NBI_QUARANTINE_H
#define NBI_QUARANTINE_H

#include <stdint.h>

#include "block/block.h"
#include "platform/debugger.h"
#include "platform/platform.h"
#include "block/sizeclass.h"
#include "check/stats.h"

#define NBI_QUARANTINE_CLASS_MAX (NBI_CLASS_COUNT - 1u)

/*
 * The class of a strict buffer of n bytes: its block holds the class's
 * bytes, so it can be quarantined and reused by any buffer of the class.
 * 0: the block is sized exactly and never quarantined (too big, or a
 * debugger is watching).  The same for every thread, so a block released
 * by another thread than the one that allocated it is sized as expected.
 */
static inline unsigned nbi_quarantine_class(uint64_t n)
{
#ifdef NBI_ASAN
    (void)n;
    return 0;
#else
    unsigned c = nbi_size_class(n);
    return c <= NBI_QUARANTINE_CLASS_MAX && !nbi_on_valgrind ? c : 0;
#endif
}

/* The oldest quarantined block when it is of class c (c > 0), else NULL.
   Its registry entry stays released: the caller revives it, looking first
   at the registry slot *slot (nbi_shard_find_at). */
static inline struct nbi_header *nbi_quarantine_take(struct nbi_thread *t, unsigned c,
                                                     uint32_t *slot)
{
    struct nbi_quarantine *q = &t->quarantine;
    struct nbi_header *h = q->block[q->next];
    if (!h || q->cls[q->next] != c)
        return NULL;
    q->block[q->next] = NULL;
    *slot = q->slot[q->next];
    return h;
}

/* Give block h back to the system and its registry entry up (the entry, if
   any, must be released).  Call from outside every shard. */
NBI_INTERNAL void nbi_quarantine_evict(struct nbi_thread *t, struct nbi_header *h);

/* Quarantine h, of class c > 0, whose registry entry is released (at
   registry slot `slot`); the oldest quarantined block goes back to the
   system. */
static inline void nbi_quarantine_put(struct nbi_thread *t, unsigned c, struct nbi_header *h,
                                      uint32_t slot)
{
    struct nbi_quarantine *q = &t->quarantine;
    struct nbi_header *oldest = q->block[q->next];
    q->block[q->next] = h;
    q->cls[q->next] = (uint8_t)c;
    q->slot[q->next] = slot;
    q->next = (q->next + 1) & (NBI_QUARANTINE - 1);
    if (oldest)
        nbi_quarantine_evict(t, oldest);
}

/* Evict every quarantined block of t (thread exit). */
NBI_INTERNAL void nbi_quarantine_flush(struct nbi_thread *t);

#endif /* NBI_QUARANTINE_H */
