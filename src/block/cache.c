/* cache.c — the cold half of the per-thread cache: scavenging idle blocks. */
#include "block/cache.h"

/*
 * Called when a put finds the budget full.  Every bin gives back to the
 * system the blocks that it held throughout the interval since the
 * previous scavenge (its low-water mark: no take needed them), less the
 * NBI_BIN_KEEP a bin never hands out anyway, and the marks restart.
 * The next scavenge waits NBI_SCAVENGE_WAIT over-budget puts, so that an
 * interval is long enough to tell idle blocks from busy ones and a working
 * set bigger than the budget does not rescan the bins on every free.
 */
int nbi_cache_scavenge(struct nbi_cache *t, uint64_t bytes)
{
    if (t->scavenge_wait) {
        t->scavenge_wait--;
        return 0;
    }
    t->scavenge_wait = NBI_SCAVENGE_WAIT;
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        struct nbi_bin *bin = &t->bins[c];
        uint32_t idle = bin->low > NBI_BIN_KEEP ? bin->low - NBI_BIN_KEEP : 0;
        while (idle--) { /* from under the top, which stays */
            void **top_link = (void **)nbi_user_of(bin->head);
            struct nbi_header *h = *top_link;
            *top_link = *(void **)nbi_user_of(h);
            bin->count--;
            t->cached_bytes -= nbi_class_bytes(c);
            nbi_block_to_system(h);
        }
        bin->low = bin->count;
    }
    return t->cached_bytes + bytes <= NBI_CACHE_BUDGET;
}
