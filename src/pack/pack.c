/*
 * pack.c — layer 4: the packer.  Builds ONE NetApiBuffer from fixed-size
 * records and the strings/blobs they point to (SPEC section 4).
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

struct netapibuf_packer {
    const struct netapibuf_record_layout *layout;
    DWORD prefmaxlen;
    int full;          /* an entry was refused: refuse all later ones */
    size_t count;      /* records staged */
    size_t data_len;   /* data bytes staged (global offset of the next byte) */
    struct seglist recs, data;
    size_t pointer_count; /* string fields, then blob fields: */
    size_t pointer_offsets[NETAPIBUF_PACK_MAX_FIELDS];
    DWORD *bounds;     /* nbi_packer_keep_bounds: entry i's data starts at
                          bounds[i]; bounds[count] == data_len */
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
    if (__builtin_mul_overflow(count, p->layout->size, &recs) || recs > UINT32_MAX ||
        data_len > UINT32_MAX)
        return SIZE_MAX;
    size_t total = data_len ? round_up(recs, DATA_ALIGN) + data_len : recs;
    return total > UINT32_MAX ? SIZE_MAX : total;
}

static int layout_valid(const struct netapibuf_record_layout *l)
{
    if (!l->size || !is_pow2(l->align) || l->align > DATA_ALIGN || l->size % l->align)
        return 0;
    if (l->string_count > NETAPIBUF_PACK_MAX_FIELDS ||
        l->blob_count > NETAPIBUF_PACK_MAX_FIELDS - l->string_count)
        return 0;
    if ((l->string_count && !l->string_offsets) || (l->blob_count && !l->blobs))
        return 0;
    for (size_t i = 0; i < l->string_count; i++) {
        size_t off = l->string_offsets[i];
        if (off > l->size || l->size - off < sizeof(char *) || off % sizeof(char *))
            return 0;
    }
    for (size_t i = 0; i < l->blob_count; i++) {
        const struct netapibuf_blob_field *b = &l->blobs[i];
        if (b->pointer_offset > l->size || l->size - b->pointer_offset < sizeof(void *) ||
            b->pointer_offset % sizeof(void *))
            return 0;
        if (b->length_offset < FIXED_LENGTH_LOWEST &&
            (b->length_offset > l->size || l->size - b->length_offset < sizeof(DWORD) ||
             b->length_offset % sizeof(DWORD)))
            return 0;
        if (!is_pow2(b->align) || b->align > DATA_ALIGN)
            return 0;
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

static nbi_mutex stash_lock = NBI_MUTEX_INIT;
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

NBI_EXPORT NET_API_STATUS netapibuf_packer_create(const struct netapibuf_record_layout *layout,
                                                  DWORD prefmaxlen, netapibuf_packer **packer)
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
    p->layout = layout;
    p->prefmaxlen = prefmaxlen;
    for (size_t i = 0; i < layout->string_count; i++)
        p->pointer_offsets[p->pointer_count++] = layout->string_offsets[i];
    for (size_t i = 0; i < layout->blob_count; i++)
        p->pointer_offsets[p->pointer_count++] = layout->blobs[i].pointer_offset;
    *packer = p;
    return NERR_Success;
}

NBI_EXPORT void netapibuf_packer_destroy(netapibuf_packer *p)
{
    if (!p)
        return;
    seg_free_all(&p->recs);
    seg_free_all(&p->data);
    nbi_sys_free(p->bounds);
    nbi_sys_free(p);
}

NET_API_STATUS nbi_packer_keep_bounds(netapibuf_packer *p)
{
    if (!(p->bounds = nbi_sys_malloc(64 * sizeof *p->bounds)))
        return ERROR_NOT_ENOUGH_MEMORY;
    p->bounds_cap = 64;
    p->bounds[0] = 0;
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

/* Copy a string of n bytes, its NUL included.  Account fields are mostly
   shorter than 33 bytes: those take two overlapping moves, not a call. */
static inline void copy_string(unsigned char *to, const char *from, size_t n)
{
    if (n > 16 && n <= 32) {
        uint64_t w[4];
        memcpy(&w[0], from, 16);
        memcpy(&w[2], from + n - 16, 16);
        memcpy(to, &w[0], 16);
        memcpy(to + n - 16, &w[2], 16);
    } else if (n >= 8 && n <= 16) {
        uint64_t head, tail;
        memcpy(&head, from, 8);
        memcpy(&tail, from + n - 8, 8);
        memcpy(to, &head, 8);
        memcpy(to + n - 8, &tail, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t head, tail;
        memcpy(&head, from, 4);
        memcpy(&tail, from + n - 4, 4);
        memcpy(to, &head, 4);
        memcpy(to + n - 4, &tail, 4);
    } else if (n < 4) {
        to[0] = (unsigned char)from[0];
        to[n - 1] = (unsigned char)from[n - 1];
        to[n / 2] = (unsigned char)from[n / 2];
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

NBI_EXPORT NET_API_STATUS netapibuf_packer_add(netapibuf_packer *p, const void *record)
{
    if (!p || !record)
        return ERROR_INVALID_PARAMETER;
    if (p->full)
        return ERROR_MORE_DATA;
    const struct netapibuf_record_layout *l = p->layout;
    const unsigned char *src = record;
    const char *strings[NETAPIBUF_PACK_MAX_FIELDS];
    size_t sizes[NETAPIBUF_PACK_MAX_FIELDS]; /* with the NUL */
    int touches_data = 0; /* a string or a non-NULL blob */

    /* Measure: the data bytes this entry adds.  p->data_len and every string
       fit a DWORD, so the sum of at most 32 of them cannot wrap a size_t.
       (Locals, not fields, carry the loops: the calls and the byte copies
       below would otherwise make the compiler reload every field.) */
    const size_t string_count = l->string_count, *string_offsets = l->string_offsets;
    size_t data_len = p->data_len;
    for (size_t i = 0; i < string_count; i++) {
        const char *str;
        memcpy(&str, src + string_offsets[i], sizeof str);
        strings[i] = str;
        if (!str)
            continue;
        size_t size = strlen(str) + 1;
        if (size > UINT32_MAX)
            return ERROR_NOT_ENOUGH_MEMORY;
        sizes[i] = size;
        data_len += size;
        touches_data = 1;
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
        if (data_len > SIZE_MAX - n)
            return ERROR_NOT_ENOUGH_MEMORY;
        data_len += n;
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
    if ((!seg_has_room(&p->recs, l->size) && seg_reserve(&p->recs, l->size, p->count)) ||
        (touches_data && !seg_has_room(&p->data, entry_data) &&
         seg_reserve(&p->data, entry_data, p->data_len)) ||
        (p->bounds && p->count + 2 > p->bounds_cap && bounds_grow(p)))
        return ERROR_NOT_ENOUGH_MEMORY;

    /* Copy: the record, then its data; pointer fields become offset + 1. */
    struct seg *rs = seg_last(&p->recs);
    unsigned char *dst = rs->bytes + rs->used;
    memcpy(dst, src, l->size);
    rs->used += l->size;
    struct seg *ds = seg_last(&p->data);
    if (string_count) {
        unsigned char *out = ds->bytes;
        size_t used = ds->used, base = ds->base;
        for (size_t i = 0; i < string_count; i++) {
            uintptr_t field = 0;
            if (strings[i]) {
                field = base + used + 1;
                copy_string(out + used, strings[i], sizes[i]);
                used += sizes[i];
            }
            memcpy(dst + string_offsets[i], &field, sizeof field);
        }
        ds->used = used;
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
            field = ds->base + ds->used + 1;
            ds->used += n;
        }
        memcpy(dst + b->pointer_offset, &field, sizeof field);
    }
    p->data_len = data_len;
    p->count++;
    if (p->bounds)
        p->bounds[p->count] = (DWORD)data_len;
    return NERR_Success;
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
    const struct netapibuf_record_layout *l = p->layout;
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
    const struct netapibuf_record_layout *l = p->layout;
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
    const struct netapibuf_record_layout *l = p->layout;
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

NBI_EXPORT NET_API_STATUS netapibuf_pack(const struct netapibuf_record_layout *layout,
                                         const void *records, DWORD count, DWORD prefmaxlen,
                                         LPBYTE *bufptr, LPDWORD entriesread)
{
    if (bufptr)
        *bufptr = NULL;
    if (entriesread)
        *entriesread = 0;
    if (!layout || !bufptr || !entriesread || (count && !records))
        return ERROR_INVALID_PARAMETER;
    netapibuf_packer *p;
    NET_API_STATUS st = netapibuf_packer_create(layout, prefmaxlen, &p);
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
