/*
 * pack.c — layer 4: the packer.  Builds ONE NetApiBuffer from fixed-size
 * records and the strings/blobs they point to (docs/behaviour.md section 4).
 *
 * It uses the public NetApiBufferAllocate/NetApiBufferFree only; staging
 * memory comes from nbi_sys_malloc (so the out-of-memory hook reaches it,
 * and staging never shows up as a live NetApiBuffer).
 *
 * Staging is two lists of segments that never move once allocated (no
 * realloc, no copying while the result grows; segment sizes double from
 * 2 KiB up to 1 MiB):
 *
 *   record segments: record 0 | record 1 | ...   pointer fields hold the
 *                    global data offset + 1 (0 for NULL)
 *   data segments:   "alice\0" "/home/alice\0" <pad> blob ...
 *                    the global offset of a byte is its segment's base plus
 *                    its position; one entry's data never straddles two
 *                    segments, and segment k+1's base is where k's bytes end
 *
 * finish() allocates round_up(n * size, 16) + data_len bytes once, copies
 * the record segments, then the data segments, one after the other, and
 * turns every offset into an address.  The data area starts 16-aligned and
 * blobs are padded by their global offset, so their alignment holds in the
 * buffer.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "pack/pack.h"
#include "platform/locks.h"
#include "platform/sysalloc.h"

#define DATA_ALIGN 16u            /* the data area's alignment inside the buffer */
/* length_offset values from here up are not offsets (netapibuf.h) */
#define FIXED_LENGTH_LOWEST NETAPIBUF_LENGTH_FIXED(65535)
#define SEG_FIRST 2048u           /* first segment's capacity in bytes */
#define SEG_MAX ((size_t)1 << 20) /* segments stop doubling here */

/* The sharing cache: direct-mapped, a fixed CACHE_SLOTS slots, so it costs
   one small clear per packer and never grows or rehashes.  A collision just
   forgets the older string, which is then stored again: sharing is an
   optimisation, and the strings a result repeats (empty strings, a domain
   prefix, a default path) repeat often enough to stay cached. */
#define CACHE_SLOTS 128u

struct cache_slot {
    const char *bytes;   /* the staged copy */
    size_t offset_plus1; /* its global data offset + 1; 0 = empty slot */
    uint32_t hash;
    uint32_t length;
};

struct seg {
    size_t base;       /* records: index of the first; data: global offset of bytes[0] */
    size_t used, cap;  /* in bytes */
    alignas(max_align_t) unsigned char bytes[];
};

struct seglist {
    struct seg **segs;
    size_t count, cap;
    size_t next_cap;   /* capacity of the next segment */
};

/* A run of record bytes that lies between the fields of a field map
   (pack.h): zeroed in every staged record. */
struct gap {
    uint32_t offset, length;
};

struct netapibuf_packer {
    /* The layout as it was validated: copied, so a caller changing its own
       arrays later cannot move a pointer field where it was never checked. */
    struct netapibuf_record_layout layout;
    size_t string_offsets[NETAPIBUF_PACK_MAX_FIELDS];
    struct netapibuf_blob_field blobs[NETAPIBUF_PACK_MAX_FIELDS];
    size_t gap_count;
    struct gap gaps[NBI_PACK_MAX_MAP + 1];
    DWORD prefmaxlen;
    int full;          /* an entry was refused: refuse all later ones */
    size_t count;      /* records staged */
    size_t data_len;   /* data bytes staged (global offset of the next byte) */
    struct seglist recs, data;
    struct cache_slot cache[CACHE_SLOTS];
};

static size_t round_up(size_t n, size_t a)
{
    return (n + a - 1) & ~(a - 1);
}

static int is_pow2(size_t a)
{
    return a && (a & (a - 1)) == 0;
}

/* A hash that reads at most 16 bytes whatever the length: the first and
   the last 8 (strlen has walked the string already; a collision costs one
   memcmp, never a wrong answer). */
static uint32_t hash_string(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        memcpy(&a, s, n);
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15u) ^ (b * 0xC2B2AE3D27D4EB4Fu) ^ n;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    return (uint32_t)(h >> 32);
}

/* The total buffer size for `count` records and `data_len` data bytes, or
   SIZE_MAX when it would not fit a DWORD (NetApiBufferAllocate's limit). */
static size_t buffer_size(const netapibuf_packer *p, size_t count, size_t data_len)
{
    size_t size = p->layout.size;
    if (count > (size_t)UINT32_MAX / size || data_len > UINT32_MAX)
        return SIZE_MAX;
    size_t recs = count * size;
    size_t total = data_len ? round_up(recs, DATA_ALIGN) + data_len : recs;
    return total > UINT32_MAX ? SIZE_MAX : total;
}

/* The bytes [from, to) of one field of a record. */
struct span {
    size_t from, to;
};

/* Append the field at offset of `size` bytes to spans, if it lies inside a
   record of record_size bytes and is aligned to `align`; 0 if not. */
static int span_add(struct span *spans, size_t *n, size_t offset, size_t size, size_t align,
                    size_t record_size)
{
    if (offset > record_size || record_size - offset < size || offset % align)
        return 0;
    spans[*n].from = offset;
    spans[(*n)++].to = offset + size;
    return 1;
}

/* Sort spans by start (at most a few dozen: insertion sort) and tell
   whether any two share a byte. */
static int spans_overlap(struct span *spans, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && spans[j].from < spans[j - 1].from; j--) {
            struct span t = spans[j];
            spans[j] = spans[j - 1];
            spans[j - 1] = t;
        }
    for (size_t i = 1; i < n; i++)
        if (spans[i].from < spans[i - 1].to)
            return 1;
    return 0;
}

/*
 * A layout is valid when every field the packer reads or rewrites lies
 * inside the record, is aligned for its type and shares no byte with any
 * other: the packer rewrites each pointer field in place (an offset while
 * staging, an address at the end), so two fields on one byte would leave
 * one of them pointing anywhere.  Records follow each other in the buffer,
 * so a record with pointer fields must itself be aligned for a pointer,
 * or its pointers would be misaligned from the second record on.
 */
static int layout_valid(const struct netapibuf_record_layout *l)
{
    if (!l->size || !is_pow2(l->align) || l->align > DATA_ALIGN || l->size % l->align)
        return 0;
    if (l->string_count > NETAPIBUF_PACK_MAX_FIELDS ||
        l->blob_count > NETAPIBUF_PACK_MAX_FIELDS - l->string_count)
        return 0;
    if ((l->string_count && !l->string_offsets) || (l->blob_count && !l->blobs))
        return 0;
    if (l->string_count + l->blob_count && l->align < alignof(void *))
        return 0;
    struct span spans[2 * NETAPIBUF_PACK_MAX_FIELDS];
    size_t n = 0;
    for (size_t i = 0; i < l->string_count; i++)
        if (!span_add(spans, &n, l->string_offsets[i], sizeof(char *), alignof(char *), l->size))
            return 0;
    for (size_t i = 0; i < l->blob_count; i++) {
        const struct netapibuf_blob_field *b = &l->blobs[i];
        /* A length that is no field (a SID's, a fixed one) takes no bytes. */
        if (!span_add(spans, &n, b->pointer_offset, sizeof(void *), alignof(void *), l->size) ||
            (b->length_offset < FIXED_LENGTH_LOWEST &&
             !span_add(spans, &n, b->length_offset, sizeof(DWORD), alignof(DWORD), l->size)))
            return 0;
        if (!is_pow2(b->align) || b->align > DATA_ALIGN)
            return 0;
    }
    return !spans_overlap(spans, n);
}

/* Whether map has a field exactly [offset, offset + size). */
static int map_has(const struct nbi_layout *map, size_t offset, size_t size)
{
    for (size_t i = 0; i < map->field_count; i++)
        if (map->fields[i].offset == offset && map->fields[i].size == size)
            return 1;
    return 0;
}

/*
 * A field map is valid when its fields lie inside the record, share no
 * byte, and include every pointer and length field of the layout as it
 * is.  Its gaps (the bytes between fields: padding) go to p->gaps.
 */
static int map_to_gaps(const struct nbi_layout *map, netapibuf_packer *p)
{
    const struct netapibuf_record_layout *l = &map->record;
    if (map->field_count > NBI_PACK_MAX_MAP || (map->field_count && !map->fields) ||
        l->size > UINT32_MAX)
        return 0;
    struct span spans[NBI_PACK_MAX_MAP];
    size_t n = 0;
    for (size_t i = 0; i < map->field_count; i++)
        if (!map->fields[i].size ||
            !span_add(spans, &n, map->fields[i].offset, map->fields[i].size, 1, l->size))
            return 0;
    if (spans_overlap(spans, n))
        return 0;
    for (size_t i = 0; i < l->string_count; i++)
        if (!map_has(map, l->string_offsets[i], sizeof(char *)))
            return 0;
    for (size_t i = 0; i < l->blob_count; i++)
        if (!map_has(map, l->blobs[i].pointer_offset, sizeof(void *)) ||
            (l->blobs[i].length_offset < FIXED_LENGTH_LOWEST &&
             !map_has(map, l->blobs[i].length_offset, sizeof(DWORD))))
            return 0;
    size_t at = 0;
    p->gap_count = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t next = i < n ? spans[i].from : l->size;
        if (next > at)
            p->gaps[p->gap_count++] = (struct gap){(uint32_t)at, (uint32_t)(next - at)};
        if (i < n)
            at = spans[i].to;
    }
    return 1;
}

/* ---- segments -------------------------------------------------------------- */

/*
 * Freed segments of the standard sizes (SEG_FIRST << k) wait in a small
 * process-wide stash, at most STASH_BYTES in all, for the next packer.
 * Without it a large result touches fresh memory on every call: staging
 * and the result together exceed glibc's trim threshold, the heap is given
 * back when they are freed, and every page faults again next time — on a
 * virtual machine that made NetUserEnum of 20,000 users cost 3x a getpwent
 * walk instead of 1.3x (docs/packing.md).
 */
#define STASH_CLASSES 10u                 /* 2 KiB .. 1 MiB */
#define STASH_BYTES ((size_t)4 << 20)

struct stash_node {
    struct stash_node *next;
};

NBI_MUTEX(stash_lock, NBI_RANK_PACK_STASH)
static struct stash_node *stash[STASH_CLASSES];
static size_t stash_bytes;

/* The stash class of a segment capacity, or -1 when it has none. */
static int stash_class(size_t cap)
{
    for (unsigned k = 0; k < STASH_CLASSES; k++)
        if (cap == (size_t)SEG_FIRST << k)
            return (int)k;
    return -1;
}

static struct seg *seg_alloc(size_t cap)
{
    int k = stash_class(cap);
    if (k >= 0) {
        nbi_mutex_lock(&stash_lock);
        struct stash_node *n = stash[k];
        if (n) {
            stash[k] = n->next;
            stash_bytes -= cap;
        }
        nbi_mutex_unlock(&stash_lock);
        if (n)
            return (struct seg *)(void *)n;
    }
    return nbi_sys_malloc(sizeof(struct seg) + cap);
}

static void seg_release(struct seg *s)
{
    int k = stash_class(s->cap);
    if (k >= 0) {
        int kept = 0;
        nbi_mutex_lock(&stash_lock);
        if (stash_bytes + s->cap <= STASH_BYTES) {
            struct stash_node *n = (struct stash_node *)(void *)s;
            n->next = stash[k];
            stash[k] = n;
            stash_bytes += s->cap;
            kept = 1;
        }
        nbi_mutex_unlock(&stash_lock);
        if (kept)
            return;
    }
    nbi_sys_free(s);
}

size_t nbi_packer_stash_bytes(void)
{
    nbi_mutex_lock(&stash_lock);
    size_t n = stash_bytes;
    nbi_mutex_unlock(&stash_lock);
    return n;
}

void nbi_packer_stash_flush(void)
{
    struct stash_node *all[STASH_CLASSES];
    nbi_mutex_lock(&stash_lock);
    memcpy(all, stash, sizeof all);
    memset(stash, 0, sizeof stash);
    stash_bytes = 0;
    nbi_mutex_unlock(&stash_lock);
    for (unsigned k = 0; k < STASH_CLASSES; k++)
        while (all[k]) {
            struct stash_node *n = all[k];
            all[k] = n->next;
            nbi_sys_free(n);
        }
}

static struct seg *seg_last(const struct seglist *l)
{
    return l->count ? l->segs[l->count - 1] : NULL;
}

/* Make sure the last segment has `need` free bytes, opening a new one
   (based at `base`) if not.  0 or 8; on 8 nothing changed. */
static NET_API_STATUS seg_reserve(struct seglist *l, size_t need, size_t base)
{
    struct seg *last = seg_last(l);
    if (last && last->cap - last->used >= need)
        return NERR_Success;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        struct seg **segs = nbi_sys_realloc(l->segs, cap * sizeof *segs);
        if (!segs)
            return ERROR_NOT_ENOUGH_MEMORY;
        l->segs = segs;
        l->cap = cap;
    }
    size_t cap = l->next_cap ? l->next_cap : SEG_FIRST;
    if (cap < need)
        cap = round_up(need, SEG_FIRST);
    if (cap > SIZE_MAX - sizeof(struct seg))
        return ERROR_NOT_ENOUGH_MEMORY;
    struct seg *s = seg_alloc(cap);
    if (!s)
        return ERROR_NOT_ENOUGH_MEMORY;
    s->base = base;
    s->used = 0;
    s->cap = cap;
    l->segs[l->count++] = s;
    l->next_cap = cap < SEG_MAX ? cap * 2 : cap;
    return NERR_Success;
}

static void seg_free_all(struct seglist *l)
{
    for (size_t i = 0; i < l->count; i++)
        seg_release(l->segs[i]);
    nbi_sys_free(l->segs);
}

/* The segment holding `key` (a record index or a data offset): the last
   one whose base is <= key. */
static const struct seg *seg_find(const struct seglist *l, size_t key)
{
    size_t lo = 0, hi = l->count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->segs[mid]->base <= key)
            lo = mid;
        else
            hi = mid;
    }
    return l->segs[lo];
}

/* ---- the API -------------------------------------------------------------- */

/* A packer for a valid layout (and its field map, or NULL). */
static NET_API_STATUS packer_new(const struct netapibuf_record_layout *layout,
                                 const struct nbi_layout *map, DWORD prefmaxlen,
                                 netapibuf_packer **packer)
{
    if (!packer)
        return ERROR_INVALID_PARAMETER;
    *packer = NULL;
    if (!layout || !layout_valid(layout))
        return ERROR_INVALID_PARAMETER;
    netapibuf_packer *p = nbi_sys_malloc(sizeof *p);
    if (!p)
        return ERROR_NOT_ENOUGH_MEMORY;
    memset(p, 0, sizeof *p);
    if (map && !map_to_gaps(map, p)) {
        nbi_sys_free(p);
        return ERROR_INVALID_PARAMETER;
    }
    p->layout = *layout;
    if (layout->string_count)
        memcpy(p->string_offsets, layout->string_offsets,
               layout->string_count * sizeof *layout->string_offsets);
    if (layout->blob_count)
        memcpy(p->blobs, layout->blobs, layout->blob_count * sizeof *layout->blobs);
    p->layout.string_offsets = p->string_offsets;
    p->layout.blobs = p->blobs;
    p->prefmaxlen = prefmaxlen;
    *packer = p;
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS netapibuf_packer_create(const struct netapibuf_record_layout *layout,
                                                  DWORD prefmaxlen, netapibuf_packer **packer)
{
    return packer_new(layout, NULL, prefmaxlen, packer);
}

NET_API_STATUS nbi_packer_create(const struct nbi_layout *layout, DWORD prefmaxlen,
                                 netapibuf_packer **packer)
{
    return packer_new(layout ? &layout->record : NULL, layout, prefmaxlen, packer);
}

NBI_EXPORT void netapibuf_packer_destroy(netapibuf_packer *p)
{
    if (!p)
        return;
    seg_free_all(&p->recs);
    seg_free_all(&p->data);
    nbi_sys_free(p);
}

NBI_EXPORT DWORD netapibuf_packer_count(const netapibuf_packer *p)
{
    return p ? (DWORD)p->count : 0;
}

size_t nbi_packer_size(const netapibuf_packer *p)
{
    return buffer_size(p, p->count, p->data_len);
}

/* The cache slot holding an earlier copy of string (s, n, h), or NULL. */
static const struct cache_slot *cache_find(const netapibuf_packer *p, const char *s, size_t n,
                                           uint32_t h)
{
    const struct cache_slot *slot = &p->cache[h & (CACHE_SLOTS - 1)];
    if (slot->offset_plus1 && slot->hash == h && slot->length == n &&
        memcmp(slot->bytes, s, n) == 0)
        return slot;
    return NULL;
}

/* A source record's blob b: its pointer, and its byte count in *n. */
static const void *blob_of(const struct netapibuf_blob_field *b, const unsigned char *src,
                           DWORD *n)
{
    const unsigned char *ptr;
    memcpy(&ptr, src + b->pointer_offset, sizeof ptr);
    if (b->length_offset == NETAPIBUF_LENGTH_SID) {
        /* byte 1 is SubAuthorityCount; a SID has at most 15 */
        *n = 8u + 4u * (ptr ? ptr[1] : 0u); /* add() refuses counts over 15 */
    } else if (b->length_offset >= FIXED_LENGTH_LOWEST) {
        *n = (DWORD)(NETAPIBUF_LENGTH_FIXED(0) - b->length_offset);
    } else {
        memcpy(n, src + b->length_offset, sizeof *n);
    }
    return ptr;
}

/* Data bytes a non-NULL blob of n bytes takes: at least one, so that even
   an empty blob's pointer lies inside the buffer (docs/behaviour.md section 4: never
   buf + size) and at an address of its alignment. */
static size_t blob_bytes(DWORD n)
{
    return n ? n : 1;
}

/* What measuring found out about one string field of the entry. */
struct string_plan {
    const char *s;
    size_t length;
    uint32_t hash;
    size_t offset_plus1; /* where the string is (shared) or will be (new); 0 = NULL */
    size_t same_as;      /* 1 + index of an earlier new field with the same string, or 0 */
    int is_new;          /* needs bytes in data */
};

NBI_EXPORT NET_API_STATUS netapibuf_packer_add(netapibuf_packer *p, const void *record)
{
    if (!p || !record)
        return ERROR_INVALID_PARAMETER;
    if (p->full)
        return ERROR_MORE_DATA;
    const struct netapibuf_record_layout *l = &p->layout;
    const unsigned char *src = record;
    struct string_plan plan[NETAPIBUF_PACK_MAX_FIELDS];
    int touches_data = 0; /* a new string or a non-NULL blob */

    /* Measure: the data bytes this entry adds, sharing what is cached. */
    size_t data_len = p->data_len;
    for (size_t i = 0; i < l->string_count; i++) {
        struct string_plan *sp = &plan[i];
        memcpy(&sp->s, src + l->string_offsets[i], sizeof sp->s);
        sp->is_new = 0;
        sp->offset_plus1 = sp->same_as = 0;
        if (!sp->s)
            continue;
        sp->length = strlen(sp->s);
        if (sp->length >= UINT32_MAX || data_len > SIZE_MAX - sp->length - 1)
            return ERROR_NOT_ENOUGH_MEMORY;
        sp->hash = hash_string(sp->s, sp->length);
        const struct cache_slot *hit = cache_find(p, sp->s, sp->length, sp->hash);
        if (hit) {
            sp->offset_plus1 = hit->offset_plus1;
            continue;
        }
        for (size_t j = 0; j < i && !sp->same_as; j++)
            if (plan[j].is_new && plan[j].length == sp->length &&
                memcmp(plan[j].s, sp->s, sp->length) == 0)
                sp->same_as = j + 1;
        if (sp->same_as)
            continue;
        sp->is_new = touches_data = 1;
        sp->offset_plus1 = data_len + 1;
        data_len += sp->length + 1;
    }
    for (size_t i = 0; i < l->blob_count; i++) {
        const struct netapibuf_blob_field *b = &l->blobs[i];
        DWORD n;
        const void *ptr = blob_of(b, src, &n);
        if (!ptr)
            continue;
        if (b->length_offset == NETAPIBUF_LENGTH_SID && ((const unsigned char *)ptr)[1] > 15)
            return ERROR_INVALID_PARAMETER; /* not a SID: its end is unknown */
        touches_data = 1;
        data_len = round_up(data_len, b->align);
        if (data_len > SIZE_MAX - blob_bytes(n))
            return ERROR_NOT_ENOUGH_MEMORY;
        data_len += blob_bytes(n);
    }

    /* Decide: prefmaxlen is advisory for the first entry only. */
    size_t total = buffer_size(p, p->count + 1, data_len);
    if (p->count && p->prefmaxlen != MAX_PREFERRED_LENGTH && total > p->prefmaxlen) {
        p->full = 1;
        return ERROR_MORE_DATA;
    }
    if (total == SIZE_MAX)
        return ERROR_NOT_ENOUGH_MEMORY; /* no NetApiBuffer can hold it */

    /* Reserve first, so a failure leaves the packer unchanged.  The entry's
       data goes in one segment; a new data segment starts where the data
       ends, so global offsets (and blob padding) are as measured. */
    size_t entry_data = data_len - p->data_len;
    if (seg_reserve(&p->recs, l->size, p->count) ||
        (touches_data && seg_reserve(&p->data, entry_data, p->data_len)))
        return ERROR_NOT_ENOUGH_MEMORY;

    /* Copy: the record, then its data; pointer fields become offset + 1. */
    struct seg *rs = seg_last(&p->recs);
    unsigned char *dst = rs->bytes + rs->used;
    memcpy(dst, src, l->size);
    for (size_t i = 0; i < p->gap_count; i++) /* padding: never the caller's stale bytes */
        memset(dst + p->gaps[i].offset, 0, p->gaps[i].length);
    rs->used += l->size;
    struct seg *ds = seg_last(&p->data);
    for (size_t i = 0; i < l->string_count; i++) {
        struct string_plan *sp = &plan[i];
        if (sp->same_as)
            sp->offset_plus1 = plan[sp->same_as - 1].offset_plus1;
        if (sp->is_new) {
            unsigned char *at = ds->bytes + ds->used;
            memcpy(at, sp->s, sp->length + 1);
            ds->used += sp->length + 1;
            struct cache_slot *slot = &p->cache[sp->hash & (CACHE_SLOTS - 1)];
            slot->bytes = (const char *)at;
            slot->offset_plus1 = sp->offset_plus1;
            slot->hash = sp->hash;
            slot->length = (uint32_t)sp->length;
        }
        uintptr_t field = sp->offset_plus1;
        memcpy(dst + l->string_offsets[i], &field, sizeof field);
    }
    for (size_t i = 0; i < l->blob_count; i++) {
        const struct netapibuf_blob_field *b = &l->blobs[i];
        DWORD n;
        const void *ptr = blob_of(b, src, &n);
        uintptr_t field = 0;
        if (ptr) {
            size_t here = ds->base + ds->used;
            size_t pad = round_up(here, b->align) - here;
            memset(ds->bytes + ds->used, 0, pad);
            ds->used += pad;
            if (n)
                memcpy(ds->bytes + ds->used, ptr, n);
            else
                ds->bytes[ds->used] = 0;
            field = ds->base + ds->used + 1;
            ds->used += blob_bytes(n);
        }
        memcpy(dst + b->pointer_offset, &field, sizeof field);
    }
    p->data_len = data_len;
    p->count++;
    return NERR_Success;
}

/* The address of each pointer field's target: data_at(ctx, offset). */
typedef unsigned char *(*data_at_fn)(const void *ctx, size_t offset);

/* Turn the offset-coded pointer fields of one record into addresses (NULL
   stays NULL). */
static void resolve(const struct netapibuf_record_layout *l, unsigned char *rec, data_at_fn at,
                    const void *ctx)
{
    for (size_t i = 0; i < l->string_count + l->blob_count; i++) {
        size_t off = i < l->string_count ? l->string_offsets[i]
                                          : l->blobs[i - l->string_count].pointer_offset;
        uintptr_t v;
        memcpy(&v, rec + off, sizeof v);
        void *ptr = v ? at(ctx, v - 1) : NULL;
        memcpy(rec + off, &ptr, sizeof ptr);
    }
}

static unsigned char *staged_at(const void *ctx, size_t offset)
{
    const struct seg *s = seg_find(ctx, offset);
    return (unsigned char *)(uintptr_t)s->bytes + (offset - s->base);
}

static unsigned char *final_at(const void *ctx, size_t offset)
{
    return (unsigned char *)(uintptr_t)ctx + offset;
}

void nbi_packer_get(const netapibuf_packer *p, DWORD i, void *record)
{
    const struct netapibuf_record_layout *l = &p->layout;
    const struct seg *s = seg_find(&p->recs, i);
    memcpy(record, s->bytes + (i - s->base) * l->size, l->size);
    resolve(l, record, staged_at, &p->data);
}

NBI_EXPORT NET_API_STATUS netapibuf_packer_finish(netapibuf_packer *p, LPBYTE *bufptr,
                                                  LPDWORD entriesread)
{
    if (bufptr)
        *bufptr = NULL;
    if (entriesread)
        *entriesread = 0;
    if (!p || !bufptr || !entriesread) {
        netapibuf_packer_destroy(p);
        return ERROR_INVALID_PARAMETER;
    }
    if (!p->count) {
        netapibuf_packer_destroy(p);
        return NERR_Success;
    }
    const struct netapibuf_record_layout *l = &p->layout;
    size_t total = nbi_packer_size(p); /* checked to fit a DWORD by add() */
    size_t recs = p->count * l->size;
    LPVOID buf = NULL;
    NET_API_STATUS st = NetApiBufferAllocate((DWORD)total, &buf);
    if (st != NERR_Success) {
        netapibuf_packer_destroy(p);
        return st;
    }
    unsigned char *base = buf, *out = base;
    unsigned char *data = base + (p->data_len ? round_up(recs, DATA_ALIGN) : recs);
    /* records: copied and resolved in one pass over each segment */
    for (size_t i = 0; i < p->recs.count; i++) {
        const struct seg *s = p->recs.segs[i];
        memcpy(out, s->bytes, s->used);
        if (l->string_count + l->blob_count)
            for (size_t at = 0; at < s->used; at += l->size)
                resolve(l, out + at, final_at, data);
        out += s->used;
    }
    memset(out, 0, (size_t)(data - out)); /* padding: no stale bytes */
    for (size_t i = 0; i < p->data.count; i++)
        memcpy(data + p->data.segs[i]->base, p->data.segs[i]->bytes, p->data.segs[i]->used);
    *bufptr = base;
    *entriesread = (DWORD)p->count;
    netapibuf_packer_destroy(p);
    return NERR_Success;
}

/* netapibuf_pack and nbi_pack: records[0 .. count) through one packer. */
static NET_API_STATUS pack_array(const struct netapibuf_record_layout *layout,
                                 const struct nbi_layout *map, const void *records, DWORD count,
                                 DWORD prefmaxlen, LPBYTE *bufptr, LPDWORD entriesread)
{
    if (bufptr)
        *bufptr = NULL;
    if (entriesread)
        *entriesread = 0;
    if (!layout || !bufptr || !entriesread || (count && !records))
        return ERROR_INVALID_PARAMETER;
    netapibuf_packer *p;
    NET_API_STATUS st = packer_new(layout, map, prefmaxlen, &p);
    if (st != NERR_Success)
        return st;
    const unsigned char *rec = records;
    int more = 0;
    for (DWORD i = 0; i < count; i++, rec += layout->size) {
        st = netapibuf_packer_add(p, rec);
        if (st == ERROR_MORE_DATA) {
            more = 1;
            break;
        }
        if (st != NERR_Success) {
            netapibuf_packer_destroy(p);
            return st;
        }
    }
    st = netapibuf_packer_finish(p, bufptr, entriesread);
    if (st != NERR_Success)
        return st;
    return more ? ERROR_MORE_DATA : NERR_Success;
}

NBI_EXPORT NET_API_STATUS netapibuf_pack(const struct netapibuf_record_layout *layout,
                                         const void *records, DWORD count, DWORD prefmaxlen,
                                         LPBYTE *bufptr, LPDWORD entriesread)
{
    return pack_array(layout, NULL, records, count, prefmaxlen, bufptr, entriesread);
}

NET_API_STATUS nbi_pack(const struct nbi_layout *layout, const void *records, DWORD count,
                        DWORD prefmaxlen, LPBYTE *bufptr, LPDWORD entriesread)
{
    return pack_array(layout ? &layout->record : NULL, layout, records, count, prefmaxlen, bufptr,
                      entriesread);
}
