/* cache.c — the cold half of the per-thread cache: setting it up,
   scavenging idle blocks, emptying it. */
#include "block/cache.h"

#include <string.h>

void nbi_cache_init(struct nbi_cache *t, void **slots)
{
    static void *no_slots[1];
    if (!slots) { /* a cache that keeps nothing: every bin like class 0's */
        memset(t, 0, sizeof *t); /* slots NULL: nothing to give back */
        for (unsigned c = 0; c < NBI_CLASS_COUNT; c++) {
            t->bins[c].top = no_slots;
            t->bins[c].base = t->bins[c].full = (uint16_t)(uintptr_t)no_slots;
        }
        return;
    }
    t->large_bytes = 0;
    t->scavenge_wait = 0;
    t->scavenged_ms = 0;
    memset(t->idle_since, 0, sizeof t->idle_since);
    struct nbi_bin *none = &t->bins[0]; /* no slots: always empty, always full */
    none->top = slots;
    none->base = none->full = none->low = (uint16_t)(uintptr_t)slots;
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        void **base = slots + (size_t)(c - 1) * NBI_BIN_SLOTS;
        struct nbi_bin *bin = &t->bins[c];
        bin->top = base;
        bin->base = (uint16_t)(uintptr_t)base;
        bin->full = (uint16_t)(uintptr_t)(base + NBI_BIN_SLOTS);
        bin->low = 0;
        t->idle_since[c] = 0;
    }
    size_t page = nbi_page_size();
    uintptr_t first = ((uintptr_t)slots + page - 1) & ~(uintptr_t)(page - 1);
    uintptr_t end = (uintptr_t)(slots + NBI_CACHE_SLOTS) & ~(uintptr_t)(page - 1);
    t->slots = slots;
    t->slot_pages = first;
    t->slot_page_count = end > first ? (uint32_t)((end - first) / page) : 0;
    t->page_shift = (uint32_t)__builtin_ctzll(page);
    t->slot_pages_used = 0;
    t->untrimmed = 0;
}

/* The bits of the whole slot pages that class c's slots touch. */
static uint64_t bin_pages(const struct nbi_cache *t, unsigned c)
{
    uintptr_t from = (uintptr_t)(t->slots + (size_t)(c - 1) * NBI_BIN_SLOTS);
    uintptr_t to = from + NBI_BIN_SLOTS * sizeof(void *); /* one past */
    uintptr_t pages_end = t->slot_pages + ((uintptr_t)t->slot_page_count << t->page_shift);
    if (to <= t->slot_pages || from >= pages_end)
        return 0;
    unsigned first = from > t->slot_pages ? (unsigned)((from - t->slot_pages) >> t->page_shift) : 0;
    unsigned last = (unsigned)(((to < pages_end ? to : pages_end) - 1 - t->slot_pages) >>
                               t->page_shift);
    return (((uint64_t)2 << last) - 1) & ~(((uint64_t)1 << first) - 1);
}

/* Nonzero when every bin with a slot in [from, to) is empty. */
static int bins_empty(const struct nbi_cache *t, uintptr_t from, uintptr_t to)
{
    const size_t bin_bytes = NBI_BIN_SLOTS * sizeof(void *);
    unsigned first = 1 + (unsigned)((from - (uintptr_t)t->slots) / bin_bytes);
    unsigned last = 1 + (unsigned)((to - 1 - (uintptr_t)t->slots) / bin_bytes);
    for (unsigned c = first; c <= last && c < NBI_CLASS_COUNT; c++)
        if (nbi_bin_held(&t->bins[c], t->bins[c].top))
            return 0;
    return 1;
}

void nbi_cache_give_back_slots(struct nbi_cache *t, int emptied)
{
    size_t page = (size_t)1 << t->page_shift;
    if (emptied) { /* every bin is empty: one call for all the pages */
        if (t->slot_page_count)
            nbi_pages_discard((void *)t->slot_pages, (size_t)t->slot_page_count * page);
        t->slot_pages_used = 0;
        return;
    }
    for (uint64_t used = t->slot_pages_used; used; used &= used - 1) {
        unsigned i = (unsigned)__builtin_ctzll(used);
        uintptr_t start = t->slot_pages + ((uintptr_t)i << t->page_shift);
        if (bins_empty(t, start, start + page)) {
            nbi_pages_discard((void *)start, page);
            t->slot_pages_used &= ~((uint64_t)1 << i);
        }
    }
}

/* Give the oldest `count` blocks of class c back to the system; returns
   their bytes. */
static uint64_t release_oldest(struct nbi_cache *t, unsigned c, unsigned count)
{
    struct nbi_bin *bin = &t->bins[c];
    unsigned held = nbi_bin_held(bin, bin->top) / sizeof(void *);
    void **base = bin->top - held;
    for (unsigned i = 0; i < count; i++)
        nbi_block_to_system(base[i]);
    memmove(base, base + count, (held - count) * sizeof(void *));
    bin->top -= count;
    if (c > NBI_SMALL_CLASS_LAST)
        t->large_bytes -= (uint64_t)count * nbi_class_bytes(c);
    return (uint64_t)count * nbi_block_bytes(nbi_class_bytes(c));
}

/*
 * Each bin's low-water mark counts the blocks it held throughout the
 * interval since the previous scavenge: no take needed them.  A bin with
 * such idle blocks notes when it first had them; once it has had them for
 * NBI_DECAY_MS (or at once, when the budget needs room), they go back to
 * the system, the oldest first (the newest are warmest in the CPU's
 * caches).  A class idle for the whole interval gives back every block,
 * the top one too: one block left at the top of the system's heap would
 * keep glibc from trimming all the free memory under it.  The marks
 * restart.  Blocks that went back idle count towards a trim; those the
 * budget forced out (now_too) do not.
 */
static void scavenge(struct nbi_cache *t, int now_too, uint32_t now)
{
    uint32_t stamp = now ? now : 1; /* 0 means "in use" */
    if (!now_too)
        t->scavenged_ms = now; /* a look not forced by the budget: the periodic one, or a test's */
    int released = 0;
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        struct nbi_bin *bin = &t->bins[c];
        unsigned low = bin->low / sizeof(void *);
        if (!low) {
            t->idle_since[c] = 0;
        } else if (!t->idle_since[c] && !now_too) {
            t->idle_since[c] = stamp;
        } else if (now_too || (uint32_t)(stamp - t->idle_since[c]) >= NBI_DECAY_MS) {
            uint64_t bytes = release_oldest(t, c, low);
            if (!now_too)
                t->untrimmed += bytes;
            t->idle_since[c] = 0;
            released = 1;
        }
        bin->low = nbi_bin_held(bin, bin->top);
        if (bin->low) /* its slot pages are resident now */
            t->slot_pages_used |= bin_pages(t, c);
    }
    if (released) /* bins may have emptied */
        nbi_cache_give_back_slots(t, 0);
    if (!now_too)
        (void)nbi_cache_trim(&t->untrimmed);
}

void nbi_cache_scavenge(struct nbi_cache *t)
{
    scavenge(t, 0, (uint32_t)nbi_coarse_ms());
}

int nbi_cache_scavenge_periodic(struct nbi_cache *t)
{
    uint32_t now = (uint32_t)nbi_coarse_ms(); /* read once: the test and the look */
    if ((uint32_t)(now - t->scavenged_ms) < NBI_SCAVENGE_MIN_MS)
        return 0;
    scavenge(t, 0, now);
    return 1;
}

int nbi_cache_over_budget(struct nbi_cache *t, unsigned c)
{
    struct nbi_bin *bin = &t->bins[c];
    if (c <= NBI_SMALL_CLASS_LAST || (uint16_t)(uintptr_t)bin->top == bin->full)
        return 0;
    if (t->scavenge_wait) {
        t->scavenge_wait--;
        return 0;
    }
    t->scavenge_wait = NBI_SCAVENGE_WAIT;
    scavenge(t, 1, (uint32_t)nbi_coarse_ms());
    return t->large_bytes + nbi_class_bytes(c) <= NBI_LARGE_BUDGET;
}

uint64_t nbi_cache_flush(struct nbi_cache *t)
{
    uint64_t bytes = 0;
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        struct nbi_bin *bin = &t->bins[c];
        bytes += release_oldest(t, c, nbi_bin_held(bin, bin->top) / sizeof(void *));
        bin->low = 0;
        t->idle_since[c] = 0;
    }
    return bytes;
}

uint64_t nbi_trim_not_before_ms;

uint64_t nbi_trim_gap_ms(uint64_t took_us)
{
    uint64_t gap_ms = took_us * NBI_TRIM_SHARE / 1000;
    return gap_ms > NBI_DECAY_MS ? gap_ms : NBI_DECAY_MS;
}

int nbi_cache_trim(uint64_t *given_back)
{
    if (*given_back < NBI_TRIM_MIN_BYTES)
        return 0;
    uint64_t now = nbi_coarse_ms();
    uint64_t not_before = __atomic_load_n(&nbi_trim_not_before_ms, __ATOMIC_RELAXED);
    if (now < not_before ||
        !__atomic_compare_exchange_n(&nbi_trim_not_before_ms, &not_before, now + NBI_DECAY_MS,
                                     0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        return 0; /* too soon, or another thread has just claimed it */
    uint64_t gap_ms = nbi_trim_gap_ms(nbi_sys_trim());
    __atomic_store_n(&nbi_trim_not_before_ms, nbi_coarse_ms() + gap_ms, __ATOMIC_RELAXED);
    *given_back = 0;
    return 1;
}
