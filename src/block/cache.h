/*
 * cache.h — the per-thread cache of released blocks.
 *
 * Why: a header in front of every buffer makes each pair cost the system
 * allocator's pair plus the header work, and pushes sizes of 1017..1032
 * bytes out of glibc's own thread cache (1 KiB pairs then cost 2-3x).
 * Keeping released blocks per thread, by size class (sizeclass.h), turns
 * the common allocate/free pair into a list pop and push with no call into
 * the allocator: cheaper than a bare malloc/free pair at every size up to
 * 64 KiB, with no lock and no shared cache line.
 *
 * A cached block is a released buffer like any other: its tag is destroyed
 * before it enters the cache (so Free, Size and Reallocate reject a stale
 * pointer to it as "released"), and the list link lives in its first user
 * word.  Each class never hands out its newest NBI_BIN_KEEP block: the buffer
 * released last is not the next one allocated, so a stale pointer to it
 * (free, resize or size after free, even after another allocation of the
 * same size) is still caught instead of silently aliasing the new buffer.
 * A plain LIFO stack would hand it straight back (see nbi_cache_take).
 *
 * Limits.  Each class keeps at most NBI_BIN_MAX blocks and about
 * NBI_BIN_BYTES (a burst of 100 buffers of up to 1280 bytes fits whole; a few
 * large blocks cannot take the budget from the small ones), and the thread
 * at most NBI_CACHE_BUDGET bytes, except that a class holding no more than
 * NBI_BIN_KEEP blocks always takes the block: a pair of any cached size then
 * stays a pop and a push even when other classes fill the budget (at most
 * NBI_BIN_KEEP + 1 blocks per class beyond the budget).  A block that does
 * not fit goes back to the system at once, and everything goes back when
 * the thread exits.
 *
 * Idle blocks must not hold the budget for ever (a burst of 4 KiB buffers
 * would otherwise leave every later size uncached, and 1 KiB + header then
 * misses glibc's thread cache again).  So a put that finds the budget full
 * scavenges (cache.c): each class gives back the blocks no allocation needed
 * since the previous scavenge (its low-water mark, as in tcmalloc), and
 * scavenges are NBI_SCAVENGE_WAIT over-budget puts apart, so a working set
 * larger than the budget costs one counter decrement per extra free, not a
 * scan.
 *
 * Under AddressSanitizer a cached block is poisoned but for its link word,
 * so a stale pointer's touch is reported.  Strict mode does not use this
 * cache; its quarantine (quarantine.h) lives in the same thread record and
 * is emptied with it.
 *
 *   cached block:  +--------+---------------+-----------+-------------+
 *                  | size   | released tag  | next link | (stale data)|
 *                  +--------+---------------+-----------+-------------+
 *                  ^ block                  ^ old user pointer
 */
#ifndef NBI_CACHE_H
#define NBI_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "platform/sysalloc.h"
#include "block/block.h"
#include "block/sizeclass.h"
#include "block/unmapped.h"

#define NBI_BIN_MAX 128u                    /* blocks per class */
#define NBI_BIN_KEEP 1u                     /* newest blocks never handed out */
#define NBI_BIN_BYTES (128u * 1024u)        /* bytes per class, past one block */
#define NBI_CACHE_BUDGET (1024u * 1024u)    /* system bytes per thread */
#define NBI_SCAVENGE_WAIT 64u               /* over-budget puts between scavenges */

/* One class's cached blocks: a stack linked through each block's first
   user word, whose top is never handed out (see above). */
struct nbi_bin {
    void *head;  /* top: the block released last */
    uint32_t count;
    uint32_t low; /* fewest blocks held since the last scavenge (cache.c) */
};

/* One thread's cache; it lives in the thread's record (check/stats.h) and
   only that thread touches it. */
struct nbi_cache {
    uint64_t cached_bytes;  /* system bytes held in bins[] */
    uint32_t scavenge_wait; /* over-budget puts before the next scavenge */
    _Alignas(16) struct nbi_bin bins[NBI_CLASS_COUNT]; /* 16-aligned: no bin straddles a cache line */
};

/* Make room for bytes more by freeing idle blocks; nonzero if it now fits. */
NBI_INTERNAL int nbi_cache_scavenge(struct nbi_cache *t, uint64_t bytes);

/* System bytes for a block holding n bytes: its class's, or n exactly. */
static inline size_t nbi_block_capacity(uint64_t n)
{
    unsigned c = nbi_size_class(n);
    return nbi_block_bytes(c ? nbi_class_bytes(c) : n);
}

/*
 * The bin is a stack linked through the blocks (head = released last), and
 * a take hands out the block *under* the top: the block released last stays
 * until a later release covers it.  A pair of one size therefore alternates
 * between two blocks.  Unlike a FIFO queue, every store goes to an address
 * the CPU already has (the block being released, or the top it just
 * loaded), which measured 0.94-1.00x a bare malloc+free pair where the
 * FIFO measured 1.06-1.11x (docs/PERFORMANCE.md).
 */
_Static_assert(NBI_BIN_KEEP == 1, "a take skips exactly the top block");

/* A cached block of class c other than the one released last, or NULL. */
static NBI_ALWAYS_INLINE struct nbi_header *nbi_cache_take(struct nbi_cache *t, unsigned c)
{
    struct nbi_bin *bin = &t->bins[c];
    if (bin->count <= NBI_BIN_KEEP)
        return NULL;
    void **top_link = (void **)nbi_user_of(bin->head);
    struct nbi_header *h = *top_link;
    *top_link = *(void **)nbi_user_of(h);
    bin->count--;
    if (bin->count < bin->low)
        bin->low = bin->count;
    t->cached_bytes -= nbi_class_bytes(c);
    return h;
}

/* Keep a released block of class c; nonzero if kept, 0 if the caller must
   return it to the system. */
static NBI_ALWAYS_INLINE int nbi_cache_put(struct nbi_cache *t, unsigned c, struct nbi_header *h)
{
    struct nbi_bin *bin = &t->bins[c];
    uint64_t bytes = nbi_class_bytes(c);
    if (NBI_UNLIKELY(bin->count >= NBI_BIN_MAX || bin->count * bytes >= NBI_BIN_BYTES))
        return 0;
    if (NBI_UNLIKELY(t->cached_bytes + bytes > NBI_CACHE_BUDGET) && bin->count > NBI_BIN_KEEP &&
        !nbi_cache_scavenge(t, bytes))
        return 0;
    nbi_asan_unpoison(nbi_user_of(h), sizeof(void *));
    *(void **)nbi_user_of(h) = bin->head;
    /* The link word stays readable: LeakSanitizer ignores pointers held in
       poisoned memory, and would call the rest of the stack leaked. */
    nbi_asan_poison((unsigned char *)nbi_user_of(h) + sizeof(void *), bytes - sizeof(void *));
    bin->head = h;
    bin->count++;
    t->cached_bytes += bytes;
    return 1;
}

/* Return every cached block to the system (thread exit). */
static inline void nbi_cache_flush(struct nbi_cache *t)
{
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        struct nbi_bin *bin = &t->bins[c];
        struct nbi_header *h = bin->head;
        while (bin->count) {
            struct nbi_header *next = *(void **)nbi_user_of(h);
            nbi_block_to_system(h);
            h = next;
            bin->count--;
        }
        bin->head = NULL;
    }
    t->cached_bytes = 0;
}

#endif /* NBI_CACHE_H */
