/*
 * pack.c — layer 4: the packer.  Builds ONE NetApiBuffer from fixed-size
 * records and the strings/blobs they point to (docs/behaviour.md section 4).
 *
 * It uses the public NetApiBuffer functions only; its own bookkeeping
 * comes from nbi_sys_malloc (so the out-of-memory hook reaches it).  A
 * packer works in one of two modes.
 *
 * Direct mode (every packer that will be finished): the result is built in
 * place, in a NetApiBuffer grown with NetApiBufferReallocate:
 *
 *   buf: record 0 | record 1 | ... | (room) | data area at data_at: "alice\0" <pad> blob ... (room)
 *
 * Pointer fields hold final addresses; when the data area moves (a grown
 * record area pushes it up, the buffer itself moves) every pointer field
 * is fixed up by the distance.  finish() moves the data area down to just
 * after the last record (nothing moves when the record area was sized
 * right: the packer starts with the room the layout's last large result
 * needed) and trims the spare room, so NetApiBufferSize is exact.  Nothing
 * is copied twice, which matters: writing a large result is most of what
 * building it costs.
 *
 * Staged mode (nbi_packer_stage: snapshots of paged enumerations, read
 * back with nbi_packer_get or cut into pages with nbi_packer_cut): two
 * lists of segments that never move once allocated (segment sizes double
 * from 2 KiB up to 1 MiB):
 *
 *   record segments: record 0 | record 1 | ...   pointer fields hold the
 *                    global data offset + 1 (0 for NULL)
 *   data segments:   "alice\0" "/home/alice\0" <pad> blob ...
 *                    the global offset of a byte is its segment's base plus
 *                    its position; one entry's data never straddles two
 *                    segments, and segment k+1's base is where k's bytes end
 *
 * In both modes the data area starts 16-aligned in the buffer and blobs are
 * padded by their offset in it, so their alignment holds; a non-NULL blob
 * takes at least one byte, so even an empty one points inside the buffer.
 * A packer made from a field map (nbi_packer_create) zeroes the padding of
 * every record, whoever wrote it: when a record is staged, and in direct
 * mode once, over all records, when the result is finished.  The layout is
 * validated completely and kept as a private copy.
 *
 * Every string is stored where its field points and nowhere else: no two
 * fields share bytes, so a result is never smaller than Windows' own layout
 * of it (the record array plus each string field stored separately), which
 * programs and Windows' tests rely on.  Sharing identical strings was tried
 * and measured: with that lower bound it saves no byte, and its hashing cost
 * more than the copying it saved (docs/packing.md).
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
   (pack.h): zeroed in every record of a result. */
struct gap {
    uint32_t offset, length;
};

struct netapibuf_packer {
    /* The layout as it was validated: copied, so a caller changing its own
       arrays later cannot move a pointer field where it was never checked. */
    struct netapibuf_record_layout layout;
    size_t string_offsets[NETAPIBUF_PACK_MAX_FIELDS];
    struct netapibuf_blob_field blobs[NETAPIBUF_PACK_MAX_FIELDS];
    const void *hint_key; /* the caller's layout: which size hint is this packer's */
    size_t gap_count;
    struct gap gaps[NBI_PACK_MAX_MAP + 1];
    DWORD prefmaxlen;
    int full;          /* an entry was refused: refuse all later ones */
    size_t count;      /* records staged */
    size_t data_len;   /* data bytes staged (global offset of the next byte) */
    struct seglist recs, data;
    size_t pointer_count; /* string fields, then blob fields: */
    size_t pointer_offsets[NETAPIBUF_PACK_MAX_FIELDS];
    /* Direct mode (the default): the result itself, grown in place.  The
       records fill it from the start, the data area follows at data_at,
       and pointer fields hold final addresses, fixed up whenever the data
       area moves; finish only closes the gap and trims the spare room. */
    unsigned char *buf; /* a NetApiBuffer of buf_size bytes; NULL before the first entry */
    size_t buf_size;
    size_t rec_cap;     /* records the record area holds */
    size_t data_at;     /* offset of the data area: round_up(rec_cap * size, 16) */
    /* Staged mode (nbi_packer_stage): the segments above, for packers read
       back with nbi_packer_get or cut into pages, never finished. */
    int staged;
    DWORD *bounds;     /* staged mode: entry i's data starts at bounds[i];
                          bounds[count] == data_len */
    size_t bounds_cap; /* entries bounds has room for */
};

static size_t round_up(size_t n, size_t a)
{
    return (n + a - 1) & ~(a - 1);
}

static int is_pow2(size_t a)
{
    return a && (a & (a - 1)) == 0;
}

/* The total buffer size for `count` records and `data_len` data bytes, or
   SIZE_MAX when it would not fit a DWORD (NetApiBufferAllocate's limit). */
static size_t buffer_size(const netapibuf_packer *p, size_t count, size_t data_len)
{
    size_t recs;
    /* an overflow check without a division: add() calls this per entry */
    if (__builtin_mul_overflow(count, p->layout.size, &recs) || recs > UINT32_MAX ||
        data_len > UINT32_MAX)
        return SIZE_MAX;
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

/* Has the last segment `need` free bytes?  (The common case of add(), kept
   out of seg_reserve's call.) */
static inline int seg_has_room(const struct seglist *l, size_t need)
{
    const struct seg *last = seg_last(l);
    return last && last->cap - last->used >= need;
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
    p->hint_key = layout;
    p->prefmaxlen = prefmaxlen;
    for (size_t i = 0; i < p->layout.string_count; i++)
        p->pointer_offsets[p->pointer_count++] = p->string_offsets[i];
    for (size_t i = 0; i < p->layout.blob_count; i++)
        p->pointer_offsets[p->pointer_count++] = p->blobs[i].pointer_offset;
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
    nbi_sys_free(p->bounds);
    NetApiBufferFree(p->buf);
    nbi_sys_free(p);
}

NET_API_STATUS nbi_packer_stage(netapibuf_packer *p)
{
    if (!(p->bounds = nbi_sys_malloc(64 * sizeof *p->bounds)))
        return ERROR_NOT_ENOUGH_MEMORY;
    p->bounds_cap = 64;
    p->bounds[0] = 0;
    p->staged = 1;
    return NERR_Success;
}

NBI_EXPORT DWORD netapibuf_packer_count(const netapibuf_packer *p)
{
    return p ? (DWORD)p->count : 0;
}

size_t nbi_packer_size(const netapibuf_packer *p)
{
    return buffer_size(p, p->count, p->data_len);
}

/* Copy a record of n bytes.  Its fields were mostly stored one by one just
   before (a DWORD beside a DWORD): loads of 4 bytes each come from one
   such store, where a wider load (memcpy's) would wait for two of them to
   reach the cache. */
static inline void copy_record(unsigned char *to, const unsigned char *from, size_t n)
{
    if (n % 4 == 0 && n <= 256) {
        for (size_t i = 0; i < n; i += 4) {
            uint32_t w;
            memcpy(&w, from + i, 4);
            memcpy(to + i, &w, 4);
        }
    } else {
        memcpy(to, from, n);
    }
}

/* Room for twice as many entry bounds: 0 or 8 (nothing changed). */
static NET_API_STATUS bounds_grow(netapibuf_packer *p)
{
    size_t cap = p->bounds_cap * 2;
    DWORD *b = nbi_sys_realloc(p->bounds, cap * sizeof *b);
    if (!b)
        return ERROR_NOT_ENOUGH_MEMORY;
    p->bounds = b;
    p->bounds_cap = cap;
    return NERR_Success;
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
   an empty blob's pointer lies inside the buffer (docs/behaviour.md section 4:
   never buf + size) and at an address of its alignment. */
static inline size_t blob_bytes(DWORD n)
{
    return n ? n : 1;
}

/* Zero the padding (the gaps of the field map) of n records from rec on:
   whoever wrote a record, none of its stale bytes reach a result. */
static inline void clear_gaps(const netapibuf_packer *p, unsigned char *rec, size_t n)
{
    const size_t size = p->layout.size, gap_count = p->gap_count;
    for (size_t r = 0; r < n; r++, rec += size)
        for (size_t i = 0; i < gap_count; i++)
            memset(rec + p->gaps[i].offset, 0, p->gaps[i].length);
}

/*
 * Write one entry's strings, then its blobs (each padded to its alignment
 * by its global offset gbase + position), at out + used, and point the
 * record's fields at them: a field holds tag + the position of its bytes
 * (tag: the global offset + 1 of out[0] when staged, the address of out[0]
 * in direct mode).  Returns the new used.  The caller reserved the room.
 */
static NBI_ALWAYS_INLINE size_t copy_entry_data(const struct netapibuf_record_layout *l,
                                                unsigned char *rec,
                                     const unsigned char *src, const char *const *strings,
                                     const size_t *sizes, unsigned char *out, size_t used,
                                     size_t gbase, uintptr_t tag)
{
    /* (Locals, not fields, carry the loops: the byte copies would otherwise
       make the compiler reload every field.) */
    const size_t string_count = l->string_count, *string_offsets = l->string_offsets;
    for (size_t i = 0; i < string_count; i++) {
        uintptr_t field = 0;
        if (strings[i]) {
            field = tag + used;
            nbi_pack_put_string(out + used, strings[i], sizes[i]);
            used += sizes[i];
        }
        memcpy(rec + string_offsets[i], &field, sizeof field);
    }
    for (size_t i = 0; i < l->blob_count; i++) {
        const struct netapibuf_blob_field *b = &l->blobs[i];
        DWORD n;
        const void *ptr = blob_of(b, src, &n);
        uintptr_t field = 0;
        if (ptr) {
            size_t here = gbase + used;
            size_t pad = round_up(here, b->align) - here;
            memset(out + used, 0, pad);
            used += pad;
            if (n)
                memcpy(out + used, ptr, n);
            else
                out[used] = 0;
            field = tag + used;
            used += blob_bytes(n);
        }
        memcpy(rec + b->pointer_offset, &field, sizeof field);
    }
    return used;
}

/* Add delta to every non-NULL pointer field of records [0, count) of the
   direct-mode buffer at buf: the data they point into moved by delta. */
static void fix_up(const netapibuf_packer *p, unsigned char *buf, size_t count, uintptr_t delta)
{
    const size_t size = p->layout.size;
    for (size_t r = 0; r < count; r++)
        for (size_t k = 0; k < p->pointer_count; k++) {
            unsigned char *at = buf + r * size + p->pointer_offsets[k];
            uintptr_t v;
            memcpy(&v, at, sizeof v);
            if (v) {
                v += delta;
                memcpy(at, &v, sizeof v);
            }
        }
}

/*
 * What the last large result of each layout held: a direct-mode packer
 * starts with that much room, so that repeating an enumeration (the usual
 * way to use one) fills a buffer that never has to grow or move.  Read and
 * written without a lock: a torn or stale hint costs a move, nothing more.
 */
#define HINT_SLOTS 16u
#define HINT_SMALLEST 64u /* results smaller than this grow cheaply: not remembered */
static struct size_hint {
    const void *layout;
    size_t count, data_len;
} hints[HINT_SLOTS];

static struct size_hint *hint_slot(const void *l)
{
    return &hints[((uintptr_t)l >> 4) % HINT_SLOTS];
}

static void hint_read(const void *l, size_t *count, size_t *data_len)
{
    struct size_hint *h = hint_slot(l);
    *count = *data_len = 0;
    if (__atomic_load_n(&h->layout, __ATOMIC_RELAXED) == l) {
        *count = __atomic_load_n(&h->count, __ATOMIC_RELAXED);
        *data_len = __atomic_load_n(&h->data_len, __ATOMIC_RELAXED);
    }
}

static void hint_write(const void *l, size_t count, size_t data_len)
{
    struct size_hint *h = hint_slot(l);
    __atomic_store_n(&h->count, count, __ATOMIC_RELAXED);
    __atomic_store_n(&h->data_len, data_len, __ATOMIC_RELAXED);
    __atomic_store_n(&h->layout, l, __ATOMIC_RELAXED);
}

/*
 * Direct mode: make the buffer hold `count` records and `data_len` data
 * bytes, growing it (room doubles) and moving the data area behind a grown
 * record area.  0, or 8 with the packer unchanged.
 */
static NBI_NOINLINE NET_API_STATUS direct_grow(netapibuf_packer *p, size_t count,
                                               size_t data_len)
{
    size_t size = p->layout.size;
    size_t rec_cap = p->rec_cap, data_cap = p->buf ? p->buf_size - p->data_at : 0;
    if (!p->buf) {
        /* first entry: the last large result's room, or a little */
        size_t hint_count, hint_data;
        hint_read(p->hint_key, &hint_count, &hint_data);
        rec_cap = hint_count > 16 ? hint_count : 16;
        data_cap = hint_data > 1024 ? hint_data : 1024;
        if (p->prefmaxlen != MAX_PREFERRED_LENGTH) { /* a page: at most about prefmaxlen */
            if (rec_cap > p->prefmaxlen / size + 1)
                rec_cap = p->prefmaxlen / size + 1;
            if (data_cap > p->prefmaxlen)
                data_cap = p->prefmaxlen;
        }
    }
    while (rec_cap < count)
        rec_cap *= 2;
    if (data_cap < data_len)
        data_cap = data_len > 2 * data_cap ? data_len : 2 * data_cap;
    size_t data_at = round_up(rec_cap * size, DATA_ALIGN);
    if (data_at + data_cap > UINT32_MAX) { /* the room is spare: keep only what is needed */
        rec_cap = count;
        data_cap = data_len;
        data_at = round_up(rec_cap * size, DATA_ALIGN);
        if (data_at + data_cap > UINT32_MAX)
            return ERROR_NOT_ENOUGH_MEMORY;
    }
    LPVOID grown;
    if (NetApiBufferReallocate(p->buf, (DWORD)(data_at + data_cap), &grown) != NERR_Success)
        return ERROR_NOT_ENOUGH_MEMORY; /* the old buffer, if any, is untouched */
    unsigned char *nb = grown;
    if (p->buf) {
        /* the data area's bytes follow a grown record area; its pointers,
           the move of both */
        if (data_at != p->data_at && p->data_len)
            memmove(nb + data_at, nb + p->data_at, p->data_len);
        uintptr_t delta = ((uintptr_t)nb + data_at) - ((uintptr_t)p->buf + p->data_at);
        if (delta)
            fix_up(p, nb, p->count, delta);
    }
    p->buf = nb;
    p->buf_size = data_at + data_cap;
    p->rec_cap = rec_cap;
    p->data_at = data_at;
    return NERR_Success;
}

/*
 * A large result is written to memory the cache no longer holds, and each
 * line written first has to be read: most of the cost of building it.  The
 * caller's work between two entries (an NSS walk: hundreds of
 * nanoseconds) hides that read if it starts early, so after each entry the
 * lines the next entries will write, PREFETCH_AHEAD bytes further in the
 * record and in the data stream, are requested for writing.
 */
#define PREFETCH_AHEAD 2048
static inline void prefetch_ahead(const unsigned char *next, const unsigned char *end)
{
    if (PREFETCH_AHEAD < end - next)
        __builtin_prefetch(next + PREFETCH_AHEAD, 1, 3);
}

static inline NET_API_STATUS direct_room(netapibuf_packer *p, size_t count, size_t data_len)
{
    if (NBI_LIKELY(p->buf && count <= p->rec_cap && p->data_at + data_len <= p->buf_size))
        return NERR_Success;
    return direct_grow(p, count, data_len);
}

/* Direct mode's half of add_measured: room, then the record and its data
   written where they will stay. */
static inline NET_API_STATUS add_direct(netapibuf_packer *p, const unsigned char *src,
                                        const char *const *strings, const size_t *sizes,
                                        size_t data_len)
{
    const struct netapibuf_record_layout *l = &p->layout;
    if (direct_room(p, p->count + 1, data_len) != NERR_Success)
        return ERROR_NOT_ENOUGH_MEMORY;
    unsigned char *rec = p->buf + p->count * l->size, *data = p->buf + p->data_at;
    copy_record(rec, src, l->size);
    copy_entry_data(l, rec, src, strings, sizes, data, p->data_len, 0, (uintptr_t)data);
    prefetch_ahead(rec + l->size, p->buf + p->buf_size);
    prefetch_ahead(data + data_len, p->buf + p->buf_size);
    p->data_len = data_len;
    p->count++;
    return NERR_Success;
}

/*
 * Stage one entry whose strings are measured: strings[i] is string field
 * i's pointer and sizes[i] its byte count with the NUL (both read only for
 * a non-NULL field); data_len is p->data_len plus those byte counts, each
 * of which fits a DWORD, so the sum of at most 32 of them cannot wrap a
 * size_t.  netapibuf_packer_add's contract from here on.
 */
static inline NET_API_STATUS add_measured(netapibuf_packer *p, const unsigned char *src,
                                          const char *const *strings, const size_t *sizes,
                                          size_t data_len)
{
    const struct netapibuf_record_layout *l = &p->layout;
    int touches_data = data_len != p->data_len; /* a string or a non-NULL blob */
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

    if (!p->staged)
        return add_direct(p, src, strings, sizes, data_len);

    /* Reserve first, so a failure leaves the packer unchanged.  The entry's
       data goes in one segment; a new data segment starts where the data
       ends, so global offsets (and blob padding) are as measured. */
    size_t entry_data = data_len - p->data_len;
    if ((!seg_has_room(&p->recs, l->size) && seg_reserve(&p->recs, l->size, p->count)) ||
        (touches_data && !seg_has_room(&p->data, entry_data) &&
         seg_reserve(&p->data, entry_data, p->data_len)) ||
        (p->bounds && p->count + 2 > p->bounds_cap && bounds_grow(p)))
        return ERROR_NOT_ENOUGH_MEMORY;

    /* Copy: the record, then its data; pointer fields become offset + 1. */
    struct seg *rs = seg_last(&p->recs);
    unsigned char *dst = rs->bytes + rs->used;
    copy_record(dst, src, l->size);
    if (p->gap_count) /* padding: never the caller's stale bytes */
        clear_gaps(p, dst, 1);
    rs->used += l->size;
    struct seg *ds = seg_last(&p->data);
    if (touches_data)
        ds->used = copy_entry_data(l, dst, src, strings, sizes, ds->bytes, ds->used, ds->base,
                                   (uintptr_t)ds->base + 1);
    prefetch_ahead(dst + l->size, rs->bytes + rs->cap);
    if (ds)
        prefetch_ahead(ds->bytes + ds->used, ds->bytes + ds->cap);
    p->data_len = data_len;
    p->count++;
    if (p->bounds)
        p->bounds[p->count] = (DWORD)data_len;
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS netapibuf_packer_add(netapibuf_packer *p, const void *record)
{
    if (!p || !record)
        return ERROR_INVALID_PARAMETER;
    if (p->full)
        return ERROR_MORE_DATA;
    const struct netapibuf_record_layout *l = &p->layout;
    const unsigned char *src = record;
    const char *strings[NETAPIBUF_PACK_MAX_FIELDS];
    size_t sizes[NETAPIBUF_PACK_MAX_FIELDS];
    size_t data_len = p->data_len;
    for (size_t i = 0; i < l->string_count; i++) {
        const char *str;
        memcpy(&str, src + l->string_offsets[i], sizeof str);
        strings[i] = str;
        if (!str)
            continue;
        size_t size = strlen(str) + 1;
        if (size > UINT32_MAX)
            return ERROR_NOT_ENOUGH_MEMORY;
        sizes[i] = size;
        data_len += size;
    }
    return add_measured(p, src, strings, sizes, data_len);
}

NET_API_STATUS nbi_packer_add_sized(netapibuf_packer *p, const void *record, const size_t *sizes)
{
    if (p->full)
        return ERROR_MORE_DATA;
    const struct netapibuf_record_layout *l = &p->layout;
    const unsigned char *src = record;
    const char *strings[NETAPIBUF_PACK_MAX_FIELDS];
    size_t data_len = p->data_len;
    for (size_t i = 0; i < l->string_count; i++) {
        memcpy(&strings[i], src + l->string_offsets[i], sizeof strings[i]);
        if (strings[i])
            data_len += sizes[i];
    }
    return add_measured(p, src, strings, sizes, data_len);
}

NET_API_STATUS nbi_packer_slot(netapibuf_packer *p, size_t data_size, unsigned char **record,
                               unsigned char **data, uintptr_t *tag)
{
    if (p->full)
        return ERROR_MORE_DATA;
    const struct netapibuf_record_layout *l = &p->layout;
    size_t data_len = p->data_len + data_size;
    size_t total = buffer_size(p, p->count + 1, data_len);
    if (p->count && p->prefmaxlen != MAX_PREFERRED_LENGTH && total > p->prefmaxlen) {
        p->full = 1;
        return ERROR_MORE_DATA;
    }
    if (total == SIZE_MAX)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (!p->staged) {
        if (direct_room(p, p->count + 1, data_len) != NERR_Success)
            return ERROR_NOT_ENOUGH_MEMORY;
        *record = p->buf + p->count * l->size;
        *data = p->buf + p->data_at + p->data_len;
        *tag = (uintptr_t)*data;
        return NERR_Success;
    }
    if ((!seg_has_room(&p->recs, l->size) && seg_reserve(&p->recs, l->size, p->count)) ||
        (data_size && !seg_has_room(&p->data, data_size) &&
         seg_reserve(&p->data, data_size, p->data_len)) ||
        (p->count + 2 > p->bounds_cap && bounds_grow(p)))
        return ERROR_NOT_ENOUGH_MEMORY;
    struct seg *rs = seg_last(&p->recs), *ds = seg_last(&p->data);
    *record = rs->bytes + rs->used;
    *data = ds ? ds->bytes + ds->used : NULL;
    *tag = (uintptr_t)p->data_len + 1;
    return NERR_Success;
}

void nbi_packer_window_open(netapibuf_packer *p, struct nbi_pack_window *w)
{
    memset(w, 0, sizeof *w);
    w->record_size = p->layout.size;
    if (p->staged || p->prefmaxlen != MAX_PREFERRED_LENGTH || !p->buf)
        return; /* an empty window: every entry goes through nbi_packer_slot */
    w->record = p->buf + p->count * w->record_size;
    w->record_end = p->buf + p->rec_cap * w->record_size;
    w->data = p->buf + p->data_at + p->data_len;
    w->data_end = p->buf + p->buf_size;
}

void nbi_packer_window_close(netapibuf_packer *p, struct nbi_pack_window *w)
{
    p->count += w->entries;
    p->data_len += w->data_bytes;
    memset(w, 0, sizeof *w);
}

void nbi_packer_commit(netapibuf_packer *p, size_t data_size)
{
    size_t size = p->layout.size;
    if (!p->staged) {
        unsigned char *end = p->buf + p->buf_size;
        prefetch_ahead(p->buf + (p->count + 1) * size, end);
        prefetch_ahead(p->buf + p->data_at + p->data_len + data_size, end);
    } else {
        struct seg *rs = seg_last(&p->recs), *ds = seg_last(&p->data);
        if (p->gap_count) /* padding: whatever the caller left there */
            clear_gaps(p, rs->bytes + rs->used, 1);
        rs->used += size;
        if (data_size)
            ds->used += data_size;
        prefetch_ahead(rs->bytes + rs->used, rs->bytes + rs->cap);
        if (ds)
            prefetch_ahead(ds->bytes + ds->used, ds->bytes + ds->cap);
    }
    p->data_len += data_size;
    p->count++;
    if (p->bounds)
        p->bounds[p->count] = (DWORD)p->data_len;
}

/* Turn the offset-coded pointer fields of one record in the buffer into
   addresses in its data area (NULL stays NULL). */
static inline void resolve_final(const netapibuf_packer *p, unsigned char *rec,
                                 unsigned char *data)
{
    for (size_t i = 0; i < p->pointer_count; i++) {
        uintptr_t v;
        memcpy(&v, rec + p->pointer_offsets[i], sizeof v);
        void *ptr = v ? data + (v - 1) : NULL;
        memcpy(rec + p->pointer_offsets[i], &ptr, sizeof ptr);
    }
}

/* The segment of l holding `key`, trying the one *near names and its
   successor before searching: entries are read back mostly in order. */
static const struct seg *seg_find_near(const struct seglist *l, size_t key, size_t *near)
{
    size_t h = *near;
    if (h < l->count && l->segs[h]->base <= key) {
        if (h + 1 == l->count || key < l->segs[h + 1]->base)
            return l->segs[h];
        if (h + 2 == l->count || key < l->segs[h + 2]->base) {
            *near = h + 1;
            return l->segs[h + 1];
        }
    }
    const struct seg *s = seg_find(l, key);
    size_t lo = 0;
    while (l->segs[lo] != s)
        lo++;
    *near = lo;
    return s;
}

void nbi_packer_get(const netapibuf_packer *p, DWORD i, void *record,
                    struct nbi_packer_cursor *cursor)
{
    const struct netapibuf_record_layout *l = &p->layout;
    const struct seg *s = seg_find_near(&p->recs, i, &cursor->record_seg);
    unsigned char *rec = record;
    memcpy(rec, s->bytes + (i - s->base) * l->size, l->size);
    for (size_t k = 0; k < p->pointer_count; k++) {
        uintptr_t v;
        memcpy(&v, rec + p->pointer_offsets[k], sizeof v);
        void *ptr = NULL;
        if (v) {
            const struct seg *d = seg_find_near(&p->data, v - 1, &cursor->data_seg);
            ptr = (unsigned char *)(uintptr_t)d->bytes + (v - 1 - d->base);
        }
        memcpy(rec + p->pointer_offsets[k], &ptr, sizeof ptr);
    }
}

/* Copy bytes [from, to) of the staged data to out. */
static void data_copy(const struct seglist *l, size_t from, size_t to, unsigned char *out)
{
    size_t near = 0;
    while (from < to) {
        const struct seg *s = seg_find_near(l, from, &near);
        size_t end = s->base + s->used;
        size_t n = (end < to ? end : to) - from;
        memcpy(out, s->bytes + (from - s->base), n);
        out += n;
        from += n;
        near++; /* the next piece starts the next segment */
    }
}

NET_API_STATUS nbi_packer_cut(const netapibuf_packer *p, DWORD start, DWORD prefmaxlen,
                              LPBYTE *bufptr, LPDWORD entriesread)
{
    *bufptr = NULL;
    *entriesread = 0;
    if (start >= p->count)
        return NERR_Success;
    const struct netapibuf_record_layout *l = &p->layout;
    const DWORD *b = p->bounds + start;
    /* Blobs keep their alignment if the page's data starts where the
       snapshot's would, modulo 16: `lead` zero bytes stand in for the data
       of the entries before. */
    size_t lead = l->blob_count ? b[0] % DATA_ALIGN : 0;
    size_t left = p->count - start, n = 1, total;
    for (;; n++) {
        size_t data = b[n] - b[0];
        total = data ? round_up(n * l->size, DATA_ALIGN) + lead + data : n * l->size;
        if (n == left)
            break;
        size_t more_data = b[n + 1] - b[0];
        size_t more = more_data ? round_up((n + 1) * l->size, DATA_ALIGN) + lead + more_data
                                : (n + 1) * l->size;
        if (prefmaxlen != MAX_PREFERRED_LENGTH && more > prefmaxlen)
            break;
    }
    LPVOID buf = NULL;
    NET_API_STATUS st = NetApiBufferAllocate((DWORD)total, &buf); /* the whole fit a DWORD */
    if (st != NERR_Success)
        return st;
    unsigned char *out = buf;
    size_t recs = n * l->size, data_len = b[n] - b[0];
    unsigned char *data = out + (data_len ? round_up(recs, DATA_ALIGN) : recs);
    struct nbi_packer_cursor cursor = {0, 0};
    /* every record of the page: copied, its offsets rebased onto the page */
    size_t rebase = b[0] - lead;
    for (size_t i = 0; i < n; i++) {
        const struct seg *s = seg_find_near(&p->recs, start + i, &cursor.record_seg);
        unsigned char *rec = out + i * l->size;
        memcpy(rec, s->bytes + (start + i - s->base) * l->size, l->size);
        for (size_t k = 0; k < p->pointer_count; k++) {
            uintptr_t v;
            memcpy(&v, rec + p->pointer_offsets[k], sizeof v);
            void *ptr = v ? data + (v - 1 - rebase) : NULL;
            memcpy(rec + p->pointer_offsets[k], &ptr, sizeof ptr);
        }
    }
    if (data_len) {
        memset(out + recs, 0, (size_t)(data - (out + recs)) + lead); /* padding: no stale bytes */
        data_copy(&p->data, b[0], b[n], data + lead);
    }
    *bufptr = buf;
    *entriesread = (DWORD)n;
    return NERR_Success;
}

/*
 * Direct mode's finish: the data area moves down to just after the last
 * record (nothing moves when the record area was sized right), the gap
 * before it is cleared, and the spare room is trimmed, so that the buffer
 * holds exactly what NetApiBufferSize reports.
 */
static NET_API_STATUS finish_direct(netapibuf_packer *p, LPBYTE *bufptr, LPDWORD entriesread)
{
    size_t recs = p->count * p->layout.size;
    size_t data_at = p->data_len ? round_up(recs, DATA_ALIGN) : recs;
    size_t total = data_at + p->data_len; /* checked to fit a DWORD by add() */
    unsigned char *buf = p->buf;
    if (data_at != p->data_at) {
        if (p->data_len)
            memmove(buf + data_at, buf + p->data_at, p->data_len);
        fix_up(p, buf, p->count, (uintptr_t)data_at - (uintptr_t)p->data_at);
    }
    /* padding: no stale bytes, between the fields of every record however
       it was written (an add, a slot, a window), and after the last one */
    if (p->gap_count)
        clear_gaps(p, buf, p->count);
    memset(buf + recs, 0, data_at - recs);
    if (total != p->buf_size) {
        LPVOID trimmed;
        if (NetApiBufferReallocate(buf, (DWORD)total, &trimmed) != NERR_Success) {
            netapibuf_packer_destroy(p); /* frees buf */
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        if (trimmed != buf) /* strict mode copies: the pointers follow */
            fix_up(p, trimmed, p->count, (uintptr_t)trimmed - (uintptr_t)buf);
        buf = trimmed;
    }
    if (p->count >= HINT_SMALLEST && p->prefmaxlen == MAX_PREFERRED_LENGTH)
        hint_write(p->hint_key, p->count, p->data_len);
    p->buf = NULL; /* the caller's now */
    *bufptr = buf;
    *entriesread = (DWORD)p->count;
    netapibuf_packer_destroy(p);
    return NERR_Success;
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
    if (!p->staged)
        return finish_direct(p, bufptr, entriesread);
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
        if (p->pointer_count)
            for (size_t at = 0; at < s->used; at += l->size)
                resolve_final(p, out + at, data);
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
