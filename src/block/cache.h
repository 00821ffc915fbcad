/*
 * cache.h — the per-thread cache of released blocks.
 *
 * Why: a header in front of every buffer makes each pair cost the system
 * allocator's pair plus the header work, and pushes sizes of 1017..1032
 * bytes out of glibc's own thread cache; a burst of mid-size or large
 * buffers makes glibc trim and regrow its heap, a page fault per block.
 * Keeping released blocks per thread, by size class (sizeclass.h), turns
 * the common allocate/free pair into a pop and a push with no call into
 * the allocator, no lock and no shared cache line, and a burst of 100
 * buffers of any size up to 64 KiB into 100 pops and 100 pushes.
 *
 * Each class is a stack of block pointers in an array of NBI_BIN_SLOTS
 * slots (the thread record holds the arrays, stats.h), as in jemalloc's
 * thread cache: a pop and a push touch the array and the bin, never the
 * cached block, which may be cold.
 *
 *   slots of class c:  [0]      [1]            [n-2]        [n-1]
 *                      +--------+----- ... ----+------------+------------+----
 *                      | oldest |              | next taken | released   | free
 *                      +--------+----- ... ----+------------+ last       | slots
 *                      ^ base                                +------------+----
 *                                                                         ^ top
 *
 * A cached block is a released buffer like any other: its tag is destroyed
 * before it enters the cache (so Free, Size and Reallocate reject a stale
 * pointer to it as "released").  Each class never hands out its newest
 * NBI_BIN_KEEP block: a take returns the block *under* the top and moves
 * the top one down, so the buffer released last is not the next one
 * allocated, and a stale pointer to it (free, resize or size after free,
 * even after another allocation of the same size) is still caught instead
 * of silently aliasing the new buffer.  A pair of one size alternates
 * between two blocks.
 *
 * Limits.  Each class keeps at most NBI_BIN_SLOTS blocks, so a burst of
 * 100 at any size stays cached.  Classes up to 1 KiB are bounded by that
 * alone (at most 4.4 MiB over all 64 of them, reached only by bursts at
 * every one of those sizes); blocks above 1 KiB also count against
 * NBI_LARGE_BUDGET per thread, except that a class down to NBI_BIN_KEEP
 * blocks always takes one more: a pair of any size then stays a pop and a
 * push even when bursts of other sizes fill the budget (so the large
 * classes hold at most the budget plus two blocks each).  A block that
 * does not fit goes back to the system at once, and everything goes back
 * when the thread exits.
 *
 * Idle blocks go back too (cache.c): every NBI_SCAVENGE_PERIOD releases by
 * the thread (but at most every NBI_SCAVENGE_MIN_MS: the look walks every
 * bin, which cost a busy thread 3-8% when it came every 512 releases), and
 * when the large budget is full, a scavenge looks at each
 * class's blocks that no allocation needed since the previous scavenge
 * (its low-water mark, as in tcmalloc), and gives them back once the class
 * has had idle blocks for NBI_DECAY_MS: a class the program has stopped
 * using is empty a little after that, while a burst size the program comes
 * back to within the decay keeps its blocks (and the system's work of
 * taking them back and handing them out again is not paid on every
 * round).  A full budget gives back idle blocks at once.
 *
 * The slot arrays are given back too: their 88 KiB are resident once a
 * program has had bursts at many sizes, and the bins of classes it has
 * left are empty.  Each scavenge notes the whole pages of slots under the
 * bins that hold blocks; one that gives blocks back then gives the system
 * every noted page whose bins are all empty (so a scavenge that gives
 * nothing back costs no more, and an idle cache makes no system call).  A
 * bin filled and emptied between two scavenges is never noted, and keeps
 * its page; the next put to a page given back finds it zeroed, which an
 * empty bin does not mind.  When another thread empties an idle thread's
 * cache, all its slot pages go back.
 *
 * And so are the pages the blocks were in.  A block given back goes to
 * glibc's free lists, and glibc returns memory to the kernel only at the
 * top of a heap: a hole under a block still in use (typically one the
 * thread took from the top while its burst was cached) stays resident
 * however long it stays free (bench_memory: 116 KiB more than malloc's
 * own after the program moved on).  So once a scavenge, the emptying of an
 * idle thread's cache or a thread's exit has given back at least
 * NBI_TRIM_MIN_BYTES of blocks nothing needed any more, the system is
 * asked to return the free pages inside its heaps (nbi_sys_trim), as
 * jemalloc and mimalloc purge the pages of blocks that decayed.  A block
 * the budget or a full bin turns away is not counted: its thread is busy
 * with that size.  The trim walks every free chunk of every arena, which
 * in a heap of thousands of free chunks takes milliseconds, so a trim
 * starts at least NBI_DECAY_MS after the previous one ended, and at least
 * NBI_TRIM_SHARE times that one's duration after: at most 1% of the time.
 *
 * Under AddressSanitizer a cached block's bytes are poisoned, so a stale
 * pointer's touch is reported; LeakSanitizer finds cached blocks through
 * the slot arrays.  Strict mode does not use this cache; its quarantine
 * (quarantine.h) lives in the same thread record and is emptied with it.
 */
#ifndef NBI_CACHE_H
#define NBI_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "platform/sysalloc.h"
#include "block/block.h"
#include "block/sizeclass.h"
#include "block/unmapped.h"

#define NBI_BIN_SLOTS 128u              /* blocks per class, at most */
#define NBI_BIN_KEEP 1u                 /* newest blocks never handed out */
#define NBI_LARGE_BUDGET (16u << 20)    /* bytes of classes above 1 KiB per thread */
#define NBI_SCAVENGE_PERIOD 512u        /* releases between scavenges (a power of 2) */
#define NBI_SMALL_CLASS_LAST 64u        /* classes 1..64 hold up to 1 KiB */
#define NBI_SCAVENGE_WAIT 64u           /* budget refusals between scavenges */
#define NBI_DECAY_MS 100u               /* idle that long, blocks go back */
#define NBI_SCAVENGE_MIN_MS 10u         /* periodic scavenges at most this often */
#define NBI_TRIM_MIN_BYTES (64u << 10)  /* blocks given back before the system trims */
#define NBI_TRIM_SHARE 100u             /* trims at least 100x their duration apart */

_Static_assert(NBI_BIN_SLOTS * sizeof(void *) < 65536, "bin offsets fit 16 bits");
_Static_assert((NBI_SCAVENGE_PERIOD & (NBI_SCAVENGE_PERIOD - 1)) == 0, "a power of 2");
_Static_assert(NBI_BIN_KEEP == 1, "a take skips exactly the top block");

/*
 * One class's stack.  Positions are kept as the low 16 bits of slot
 * addresses, compared by subtraction modulo 2^16: an array spans less than
 * 64 KiB, so (uint16_t)(top - base) is the bytes of slots in use whatever
 * the addresses are, and the bin fits 16 bytes (four to a cache line).
 */
struct nbi_bin {
    void **top;    /* the first free slot: one past the block released last */
    uint16_t base; /* &slots[0] */
    uint16_t full; /* &slots[limit]: top there means the bin is full */
    uint16_t low;  /* fewest bytes of slots in use since the last scavenge */
    uint16_t unused;
};

/* One thread's cache; it lives in the thread's record (check/stats.h) and
   only that thread touches it.  Class 0 ("not cached") has a bin with no
   slots, which is always empty and always full, so the hot path needs no
   test for it. */
struct nbi_cache {
    uint64_t large_bytes;    /* bytes of cached blocks above 1 KiB */
    uint32_t scavenge_wait;  /* budget refusals before the next scavenge */
    uint32_t scavenged_ms;   /* coarse ms of the last scavenge not forced by the budget */
    _Alignas(16) struct nbi_bin bins[NBI_CLASS_COUNT];
    uint32_t idle_since[NBI_CLASS_COUNT]; /* coarse ms when a class's blocks were first
                                             seen idle, 0: in use (cache.c) */
    /* The slot arrays' whole pages, for giving back those of empty bins
       (cache.c): where they start, how many, and which a scavenge has
       seen in use since they were last given back. */
    void **slots;           /* &slots[0] of class 1; NULL: a cache that keeps nothing */
    uintptr_t slot_pages;   /* the first whole page of the slots */
    uint32_t slot_page_count;
    uint32_t page_shift;       /* log2 of the page size */
    uint64_t slot_pages_used;  /* bit i: page i may be resident */
    uint64_t untrimmed;        /* bytes of idle blocks given back since the last trim */
};

/* Slots a thread's cache needs (the record allocates them). */
#define NBI_CACHE_SLOTS ((NBI_CLASS_COUNT - 1) * NBI_BIN_SLOTS)
_Static_assert(NBI_CACHE_SLOTS * sizeof(void *) / 4096 <= 64,
               "the slot pages' bits fit slot_pages_used with pages of 4 KiB or more");

/* An empty cache over slots[NBI_CACHE_SLOTS]; slots NULL: a cache that
   keeps nothing (strict mode's records, which never use it). */
NBI_INTERNAL void nbi_cache_init(struct nbi_cache *t, void **slots);

/* A scavenge: give back the blocks idle for NBI_DECAY_MS (see above). */
NBI_INTERNAL void nbi_cache_scavenge(struct nbi_cache *t);

/* The periodic scavenge, every NBI_SCAVENGE_PERIOD releases: nbi_cache_scavenge
   unless the previous one was less than NBI_SCAVENGE_MIN_MS ago (then 0). */
NBI_INTERNAL int nbi_cache_scavenge_periodic(struct nbi_cache *t);

/*
 * A put of class c was refused: nonzero if that was the large budget (not
 * a full bin) and a scavenge, which gives back idle blocks at once, has now
 * made room.  Scavenges for the budget are NBI_SCAVENGE_WAIT refusals
 * apart, so a working set larger than the budget costs a counter decrement
 * per extra free, not a scan.
 */
NBI_INTERNAL int nbi_cache_over_budget(struct nbi_cache *t, unsigned c);

/* Return every cached block to the system (thread exit, an idle thread's
   cache emptied); the cache stays usable.  Returns the blocks' bytes. */
NBI_INTERNAL uint64_t nbi_cache_flush(struct nbi_cache *t);

/* Blocks of *given_back bytes nothing needed went back to the system: once
   that is at least NBI_TRIM_MIN_BYTES, have the system return the free
   pages in its heaps, unless another trim is running or the last was too
   recent (above).  1 if it trimmed (*given_back is then 0), else 0 (it is
   kept, for a later try). */
NBI_INTERNAL int nbi_cache_trim(uint64_t *given_back);

/* The coarse ms before which no trim starts: claimed by the thread about
   to trim, so that others do not start one with it, then set to the end
   of its trim plus nbi_trim_gap_ms of its duration. */
extern NBI_INTERNAL uint64_t nbi_trim_not_before_ms;
NBI_INTERNAL uint64_t nbi_trim_gap_ms(uint64_t took_us);

/* Give the system the pages of slots whose bins are all empty (above);
   emptied: the cache was just flushed, so every page goes, seen in use or
   not, in one call. */
NBI_INTERNAL void nbi_cache_give_back_slots(struct nbi_cache *t, int emptied);

/* System bytes for a block holding n bytes: its class's, or n exactly. */
static inline size_t nbi_block_capacity(uint64_t n)
{
    unsigned c = nbi_size_class(n);
    return nbi_block_bytes(c ? nbi_class_bytes(c) : n);
}

/* Bytes of slots in use in bin. */
static NBI_ALWAYS_INLINE uint16_t nbi_bin_held(const struct nbi_bin *bin, void **top)
{
    return (uint16_t)((uint16_t)(uintptr_t)top - bin->base);
}

/* A cached block of class c other than the one released last into *out:
   1, or 0 when the class has none. */
static NBI_ALWAYS_INLINE int nbi_cache_take(struct nbi_cache *t, uint64_t c,
                                            struct nbi_header **out)
{
    struct nbi_bin *bin = &t->bins[c];
    void **top = bin->top;
    uint16_t held = nbi_bin_held(bin, top);
    if (NBI_UNLIKELY(held <= NBI_BIN_KEEP * sizeof(void *)))
        return 0;
    /* the mark first, so that held is dead before the two slots are read
       (one register fewer: Allocate's fast path saves none) */
    held -= (uint16_t)sizeof(void *);
    if (held < bin->low)
        bin->low = held;
    *out = top[-2];
    top[-2] = top[-1];
    bin->top = top - 1;
    if (c > NBI_SMALL_CLASS_LAST)
        t->large_bytes -= nbi_class_bytes(c);
    return 1;
}

/*
 * Keep a released block of class c: 1 if kept, 0 if the bin is full or
 * the large budget is, and the caller must scavenge (nbi_cache_over_budget)
 * or give h to the system.
 */
static NBI_ALWAYS_INLINE int nbi_cache_put(struct nbi_cache *t, uint64_t c, struct nbi_header *h)
{
    struct nbi_bin *bin = &t->bins[c];
    void **top = bin->top;
    if (NBI_UNLIKELY((uint16_t)(uintptr_t)top == bin->full))
        return 0;
    if (c > NBI_SMALL_CLASS_LAST) {
        /* a class down to its last block takes it whatever the budget: a
           pair of any size stays a pop and a push */
        uint64_t bytes = nbi_class_bytes(c);
        if (NBI_UNLIKELY(t->large_bytes + bytes > NBI_LARGE_BUDGET) &&
            nbi_bin_held(bin, top) > NBI_BIN_KEEP * sizeof(void *))
            return 0;
        t->large_bytes += bytes;
    }
    nbi_asan_poison(nbi_user_of(h), nbi_class_bytes(c));
    *top = h;
    bin->top = top + 1;
    return 1;
}

#endif /* NBI_CACHE_H */
