/* sweep.c — the reachability sweep over libnetapi's context (see sweep.h). */
#include "remote/sweep.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform/debugger.h"
#include "platform/sysalloc.h"

static unsigned long freed_total;

unsigned long nbi_sweep_freed(void)
{
    return __atomic_load_n(&freed_total, __ATOMIC_RELAXED);
}

/* ---- a growable array of pointers ----------------------------------------- */

struct vec {
    const void **items;
    size_t count, cap;
    int failed; /* an append ran out of memory */
};

static void vec_push(struct vec *v, const void *p)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 32;
        const void **items = nbi_sys_realloc(v->items, cap * sizeof *items);
        if (!items) {
            v->failed = 1;
            return;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = p;
}

static void vec_free(struct vec *v)
{
    nbi_sys_free(v->items);
    memset(v, 0, sizeof *v);
}

static int compare_pointers(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (const void *const *)a, y = (uintptr_t) * (const void *const *)b;
    return x < y ? -1 : x > y;
}

static int vec_has(const struct vec *sorted, const void *p)
{
    return bsearch(&p, sorted->items, sorted->count, sizeof *sorted->items, compare_pointers) !=
           NULL;
}

/* ---- walking talloc trees ---------------------------------------------------- */

struct collect {
    struct vec *out;
    int depth; /* only chunks at this depth; -1: every chunk */
};

static void collect_visit(const void *ptr, int depth, int max_depth, int is_ref, void *data)
{
    (void)max_depth;
    struct collect *c = data;
    if (!is_ref && (c->depth < 0 || depth == c->depth))
        vec_push(c->out, ptr);
}

/* Append ptr's direct children (depth 1) or its whole subtree, ptr itself
   included (depth -1), to out.  References are not followed: what a
   reference points at has an owner of its own. */
static void collect(const struct nbi_samba *samba, const void *ptr, int depth, struct vec *out)
{
    struct collect c = {out, depth};
    samba->talloc_report_depth_cb(ptr, 0, depth < 0 ? -1 : depth, collect_visit, &c);
}

NET_API_STATUS nbi_sweep_begin(struct nbi_sweep *sweep, const struct nbi_samba *samba,
                               const void *ctx)
{
    struct vec v = {(const void **)sweep->before, 0, sweep->cap, 0};
    collect(samba, ctx, 1, &v);
    sweep->before = v.items;
    sweep->cap = v.cap;
    sweep->count = v.count;
    if (v.failed)
        return ERROR_NOT_ENOUGH_MEMORY;
    qsort(sweep->before, sweep->count, sizeof *sweep->before, compare_pointers);
    return NERR_Success;
}

/* ---- the new chunks, as address ranges ------------------------------------- */

struct range {
    uintptr_t start, end; /* [start, end) */
    size_t top;           /* index of the new direct child it belongs to */
};

struct space {
    struct range *ranges;
    size_t count;
    uintptr_t low, high; /* every range lies in [low, high) */
    unsigned char *kept; /* per new top: 1 once something reachable points into it */
    struct vec pending;  /* kept tops whose own subtree is still to be scanned */
};

static int compare_ranges(const void *a, const void *b)
{
    const struct range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The top that address w points into, or SIZE_MAX. */
static size_t space_find(const struct space *s, uintptr_t w)
{
    if (w < s->low || w >= s->high)
        return SIZE_MAX;
    size_t lo = 0, hi = s->count;
    while (lo < hi) { /* the last range starting at or before w */
        size_t mid = lo + (hi - lo) / 2;
        if (s->ranges[mid].start <= w)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo && w < s->ranges[lo - 1].end)
        return s->ranges[lo - 1].top;
    return SIZE_MAX;
}

/* Scan n bytes at p for words pointing into a new top not yet kept. */
static void scan_bytes(struct space *s, const unsigned char *p, size_t n)
{
    /* Chunks may hold uninitialised padding: valgrind must not see a
       decision taken on it, so the words are read from a copy marked as
       defined (the chunk itself keeps its state). */
    unsigned char copy[4096];
    for (size_t done = 0; done + sizeof(uintptr_t) <= n;) {
        size_t part = n - done < sizeof copy ? n - done : sizeof copy;
        part -= part % sizeof(uintptr_t);
        memcpy(copy, p + done, part);
        if (NBI_UNLIKELY(nbi_on_valgrind))
            nbi_vg_defined(copy, part);
        for (size_t i = 0; i < part; i += sizeof(uintptr_t)) {
            uintptr_t w;
            memcpy(&w, copy + i, sizeof w);
            size_t top = space_find(s, w);
            if (top != SIZE_MAX && !s->kept[top]) {
                s->kept[top] = 1;
                vec_push(&s->pending, (const void *)top);
            }
        }
        done += part;
    }
}

struct scan {
    struct space *space;
    const struct nbi_samba *samba;
    size_t chunks, bytes; /* what was scanned */
};

/*
 * Chunks that cannot hold a pointer, by what talloc knows of them: a
 * string (talloc_strdup and its kind name a chunk after its own text) or
 * an array of bytes (named after its element type: talloc_array(ctx, char,
 * n), uint8_t; data blobs).  Their bytes are not scanned: text never
 * points anywhere, but the tail of such a buffer that nothing wrote is
 * whatever the heap held there before (Samba converts a string from the
 * wire into a buffer sized for the worst case), stale pointers included,
 * and one of those matching a new chunk by chance kept a whole result
 * alive (measured: a display-information array with 6,000 strings).
 */
static int holds_no_pointer(const struct nbi_samba *samba, const void *ptr)
{
    const char *name = samba->talloc_get_name(ptr);
    return !name || name == ptr || strcmp(name, "char") == 0 ||
           strcmp(name, "uint8_t") == 0 || strcmp(name, "unsigned char") == 0 ||
           strncmp(name, "DATA_BLOB", 9) == 0;
}

static void scan_visit(const void *ptr, int depth, int max_depth, int is_ref, void *data)
{
    (void)depth, (void)max_depth;
    struct scan *sc = data;
    if (!is_ref) {
        size_t n = sc->samba->talloc_get_size(ptr);
        if (!holds_no_pointer(sc->samba, ptr))
            scan_bytes(sc->space, ptr, n);
        sc->chunks++;
        sc->bytes += n;
    }
}

/* Scan every chunk of ptr's subtree, ptr included; add what was scanned to
   *chunks and *bytes. */
static void scan_tree(const struct nbi_samba *samba, struct space *s, const void *ptr,
                      size_t *chunks, size_t *bytes)
{
    struct scan sc = {s, samba, 0, 0};
    samba->talloc_report_depth_cb(ptr, 0, -1, scan_visit, &sc);
    *chunks += sc.chunks;
    *bytes += sc.bytes;
}

int nbi_sweep_swollen(const struct nbi_sweep *sweep)
{
    return sweep->held_chunks > NBI_SWEEP_MAX_CHUNKS || sweep->held_bytes > NBI_SWEEP_MAX_BYTES;
}

void nbi_sweep_end(struct nbi_sweep *sweep, const struct nbi_samba *samba, const void *ctx)
{
    struct vec now = {0}, tops = {0}, chunks = {0};
    struct vec before = {(const void **)sweep->before, sweep->count, sweep->cap, 0};
    struct space s = {0};
    collect(samba, ctx, 1, &now);
    for (size_t i = 0; i < now.count; i++)
        if (!vec_has(&before, now.items[i]))
            vec_push(&tops, now.items[i]);
    if (now.failed || tops.failed || tops.count == 0)
        goto out;

    /* Every chunk of every new top, as a range naming its top. */
    size_t *first = nbi_sys_malloc((tops.count + 1) * sizeof *first);
    if (!first)
        goto out;
    for (size_t t = 0; t < tops.count; t++) {
        first[t] = chunks.count;
        collect(samba, tops.items[t], -1, &chunks);
    }
    first[tops.count] = chunks.count;
    s.ranges = nbi_sys_malloc(chunks.count * sizeof *s.ranges);
    s.kept = nbi_sys_malloc(tops.count);
    if (chunks.failed || !s.ranges || !s.kept) {
        nbi_sys_free(first);
        goto out;
    }
    memset(s.kept, 0, tops.count);
    s.low = UINTPTR_MAX;
    for (size_t t = 0; t < tops.count; t++)
        for (size_t c = first[t]; c < first[t + 1]; c++) {
            uintptr_t start = (uintptr_t)chunks.items[c];
            size_t size = samba->talloc_get_size(chunks.items[c]);
            struct range r = {start, start + (size ? size : 1), t};
            s.ranges[s.count++] = r;
            s.low = r.start < s.low ? r.start : s.low;
            s.high = r.end > s.high ? r.end : s.high;
        }
    nbi_sys_free(first);
    qsort(s.ranges, s.count, sizeof *s.ranges, compare_ranges);

    /* The roots: the context's own bytes and every old subtree; then the
       subtrees of what they keep, until nothing new is kept. */
    size_t held_chunks = 0, held_bytes = 0, kept_chunks = 0, kept_bytes = 0;
    scan_bytes(&s, ctx, samba->talloc_get_size(ctx));
    for (size_t i = 0; i < now.count; i++)
        if (vec_has(&before, now.items[i]))
            scan_tree(samba, &s, now.items[i], &held_chunks, &held_bytes);
    while (s.pending.count && !s.pending.failed) {
        size_t top = (size_t)s.pending.items[--s.pending.count];
        scan_tree(samba, &s, tops.items[top], &kept_chunks, &kept_bytes);
    }
    sweep->held_chunks = held_chunks + kept_chunks;
    sweep->held_bytes = held_bytes + kept_bytes;
    if (s.pending.failed)
        goto out; /* a kept child's references were not all followed: keep all */

    unsigned long freed = 0;
    for (size_t t = 0; t < tops.count; t++)
        if (!s.kept[t]) {
            samba->_talloc_free((void *)(uintptr_t)tops.items[t], "netapibuf:sweep");
            freed++;
        }
    __atomic_add_fetch(&freed_total, freed, __ATOMIC_RELAXED);
out:
    nbi_sys_free(s.ranges);
    nbi_sys_free(s.kept);
    vec_free(&s.pending);
    vec_free(&now);
    vec_free(&tops);
    vec_free(&chunks);
}
