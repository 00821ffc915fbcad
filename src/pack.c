/*
 * pack.c — layer 4: the packer.  Builds ONE NetApiBuffer from fixed-size
 * records and the strings/blobs they point to (SPEC section 4).
 *
 * It uses the public NetApiBufferAllocate/NetApiBufferFree only; its
 * staging memory comes from nbi_sys_malloc (so the out-of-memory hook
 * reaches it, and staging never shows up as a live NetApiBuffer).
 *
 * Staging keeps two growable arrays:
 *
 *   recs: record 0 | record 1 | ...   pointer fields hold (data offset + 1),
 *                                     0 for NULL — offsets, not addresses,
 *                                     so growing either array moves nothing
 *   data: "alice\0" "/home/alice\0" <pad> blob ...
 *
 * finish() allocates  round_up(n * size, 16) + data_len  bytes once, copies
 * recs and data with two memcpy calls and turns every offset into an
 * address inside the buffer.  The data area starts 16-aligned and blobs are
 * padded inside it, so a blob's alignment holds in the buffer too.
 *
 * Identical strings are stored once: an open-addressing table maps
 * (hash, length) to the offset of a string already in data.
 */
#include <stdint.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "pack.h"
#include "sysalloc.h"

#define DATA_ALIGN 16u /* the data area's alignment inside the buffer */

struct dedup_slot {
    size_t offset_plus1; /* 0 = empty slot */
    uint32_t hash;
    uint32_t length;     /* strlen, capped: longer strings are not shared */
};

struct netapibuf_packer {
    const struct netapibuf_record_layout *layout;
    DWORD prefmaxlen;
    int full;              /* an entry was refused: refuse all later ones */
    size_t count;          /* records staged */
    unsigned char *recs;
    size_t recs_cap;       /* in records */
    unsigned char *data;
    size_t data_len, data_cap;
    struct dedup_slot *table;
    size_t table_cap;      /* power of two, or 0 */
    size_t table_used;
};

static size_t round_up(size_t n, size_t a)
{
    return (n + a - 1) & ~(a - 1);
}

static int is_pow2(size_t a)
{
    return a && (a & (a - 1)) == 0;
}

/* FNV-1a: short strings, no need for more. */
static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The total buffer size for `count` records and `data_len` data bytes, or
   SIZE_MAX when it would not fit a DWORD (NetApiBufferAllocate's limit). */
static size_t buffer_size(const netapibuf_packer *p, size_t count, size_t data_len)
{
    size_t size = p->layout->size;
    if (count > (size_t)UINT32_MAX / size)
        return SIZE_MAX;
    size_t recs = count * size;
    size_t total = data_len ? round_up(recs, DATA_ALIGN) + data_len : recs;
    return total > UINT32_MAX ? SIZE_MAX : total;
}

static int layout_valid(const struct netapibuf_record_layout *l)
{
    if (!l->size || !is_pow2(l->align) || l->align > DATA_ALIGN || l->size % l->align)
        return 0;
    if (l->string_count + l->blob_count > NETAPIBUF_PACK_MAX_FIELDS)
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
        if (b->length_offset > l->size || l->size - b->length_offset < sizeof(DWORD) ||
            b->length_offset % sizeof(DWORD))
            return 0;
        if (!is_pow2(b->align) || b->align > DATA_ALIGN)
            return 0;
    }
    return 1;
}

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
    *packer = p;
    return NERR_Success;
}

NBI_EXPORT void netapibuf_packer_destroy(netapibuf_packer *p)
{
    if (!p)
        return;
    nbi_sys_free(p->recs);
    nbi_sys_free(p->data);
    nbi_sys_free(p->table);
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

/* Slot of string (s, n, h) in the table: its match, or the empty slot where
   it would go.  The table is never full (load <= 1/2). */
static struct dedup_slot *table_find(const netapibuf_packer *p, const char *s, size_t n,
                                     uint32_t h)
{
    size_t mask = p->table_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct dedup_slot *slot = &p->table[i];
        if (!slot->offset_plus1)
            return slot;
        if (slot->hash == h && slot->length == n &&
            memcmp(p->data + slot->offset_plus1 - 1, s, n) == 0)
            return slot;
    }
}

/* Make room for `more` new table entries; 0 or 8. */
static NET_API_STATUS table_reserve(netapibuf_packer *p, size_t more)
{
    if ((p->table_used + more) * 2 <= p->table_cap)
        return NERR_Success;
    size_t cap = p->table_cap ? p->table_cap : 64;
    while ((p->table_used + more) * 2 > cap)
        cap *= 2;
    struct dedup_slot *t = nbi_sys_malloc(cap * sizeof *t);
    if (!t)
        return ERROR_NOT_ENOUGH_MEMORY;
    memset(t, 0, cap * sizeof *t);
    for (size_t i = 0; i < p->table_cap; i++) {
        struct dedup_slot *old = &p->table[i];
        if (!old->offset_plus1)
            continue;
        size_t j = old->hash & (cap - 1);
        while (t[j].offset_plus1)
            j = (j + 1) & (cap - 1);
        t[j] = *old;
    }
    nbi_sys_free(p->table);
    p->table = t;
    p->table_cap = cap;
    return NERR_Success;
}

/* Grow an array so it holds `need` units of `unit` bytes; 0 or 8. */
static NET_API_STATUS grow(unsigned char **array, size_t *cap, size_t need, size_t unit)
{
    if (need <= *cap)
        return NERR_Success;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n = n > SIZE_MAX / 2 ? need : n * 2;
    if (n > SIZE_MAX / unit)
        return ERROR_NOT_ENOUGH_MEMORY;
    unsigned char *q = nbi_sys_realloc(*array, n * unit);
    if (!q)
        return ERROR_NOT_ENOUGH_MEMORY;
    *array = q;
    *cap = n;
    return NERR_Success;
}

/* What measuring found out about one string field of the entry. */
struct string_plan {
    const char *s;
    size_t length;
    uint32_t hash;
    int is_new; /* needs bytes in data (not shared with an earlier string) */
};

NBI_EXPORT NET_API_STATUS netapibuf_packer_add(netapibuf_packer *p, const void *record)
{
    if (!p || !record)
        return ERROR_INVALID_PARAMETER;
    if (p->full)
        return ERROR_MORE_DATA;
    const struct netapibuf_record_layout *l = p->layout;
    const unsigned char *src = record;
    struct string_plan plan[NETAPIBUF_PACK_MAX_FIELDS];
    size_t new_strings = 0;

    /* Measure: the data bytes this entry adds, sharing what is there. */
    size_t data_len = p->data_len;
    for (size_t i = 0; i < l->string_count; i++) {
        struct string_plan *sp = &plan[i];
        memcpy(&sp->s, src + l->string_offsets[i], sizeof sp->s);
        sp->is_new = 0;
        if (!sp->s)
            continue;
        sp->length = strlen(sp->s);
        if (sp->length >= UINT32_MAX || data_len > SIZE_MAX - sp->length - 1)
            return ERROR_NOT_ENOUGH_MEMORY;
        sp->hash = hash_bytes(sp->s, sp->length);
        if (p->table_cap && table_find(p, sp->s, sp->length, sp->hash)->offset_plus1)
            continue;
        int earlier = 0; /* the same string in an earlier field of this entry */
        for (size_t j = 0; j < i && !earlier; j++)
            earlier = plan[j].is_new && plan[j].length == sp->length &&
                      memcmp(plan[j].s, sp->s, sp->length) == 0;
        if (earlier)
            continue;
        sp->is_new = 1;
        new_strings++;
        data_len += sp->length + 1;
    }
    for (size_t i = 0; i < l->blob_count; i++) {
        const struct netapibuf_blob_field *b = &l->blobs[i];
        const void *ptr;
        DWORD n;
        memcpy(&ptr, src + b->pointer_offset, sizeof ptr);
        memcpy(&n, src + b->length_offset, sizeof n);
        if (!ptr)
            continue;
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

    /* Reserve everything first, so a failure leaves the packer unchanged. */
    if (grow(&p->recs, &p->recs_cap, p->count + 1, l->size) ||
        grow(&p->data, &p->data_cap, data_len, 1) || table_reserve(p, new_strings))
        return ERROR_NOT_ENOUGH_MEMORY;

    /* Copy: the record, then its data; pointer fields become offset + 1. */
    unsigned char *dst = p->recs + p->count * l->size;
    memcpy(dst, src, l->size);
    for (size_t i = 0; i < l->string_count; i++) {
        struct string_plan *sp = &plan[i];
        uintptr_t field = 0;
        if (sp->s) {
            struct dedup_slot *slot = table_find(p, sp->s, sp->length, sp->hash);
            if (!slot->offset_plus1) {
                memcpy(p->data + p->data_len, sp->s, sp->length + 1);
                slot->offset_plus1 = p->data_len + 1;
                slot->hash = sp->hash;
                slot->length = (uint32_t)sp->length;
                p->table_used++;
                p->data_len += sp->length + 1;
            }
            field = slot->offset_plus1;
        }
        memcpy(dst + l->string_offsets[i], &field, sizeof field);
    }
    for (size_t i = 0; i < l->blob_count; i++) {
        const struct netapibuf_blob_field *b = &l->blobs[i];
        const void *ptr;
        DWORD n;
        memcpy(&ptr, src + b->pointer_offset, sizeof ptr);
        memcpy(&n, src + b->length_offset, sizeof n);
        uintptr_t field = 0;
        if (ptr) {
            size_t at = round_up(p->data_len, b->align);
            memset(p->data + p->data_len, 0, at - p->data_len);
            if (n)
                memcpy(p->data + at, ptr, n);
            field = at + 1;
            p->data_len = at + n;
        }
        memcpy(dst + b->pointer_offset, &field, sizeof field);
    }
    p->count++;
    return NERR_Success;
}

/* Turn the offset-coded pointer fields of one record into addresses based
   at `data` (NULL stays NULL). */
static void resolve(const struct netapibuf_record_layout *l, unsigned char *rec,
                    unsigned char *data)
{
    for (size_t i = 0; i < l->string_count + l->blob_count; i++) {
        size_t off = i < l->string_count ? l->string_offsets[i]
                                          : l->blobs[i - l->string_count].pointer_offset;
        uintptr_t v;
        memcpy(&v, rec + off, sizeof v);
        void *ptr = v ? data + (v - 1) : NULL;
        memcpy(rec + off, &ptr, sizeof ptr);
    }
}

void nbi_packer_get(const netapibuf_packer *p, DWORD i, void *record)
{
    const struct netapibuf_record_layout *l = p->layout;
    memcpy(record, p->recs + (size_t)i * l->size, l->size);
    resolve(l, record, p->data);
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
    unsigned char *base = buf;
    unsigned char *data = base + (p->data_len ? round_up(recs, DATA_ALIGN) : recs);
    memcpy(base, p->recs, recs);
    memset(base + recs, 0, (size_t)(data - base) - recs); /* padding: no stale bytes */
    if (p->data_len)
        memcpy(data, p->data, p->data_len);
    if (l->string_count + l->blob_count)
        for (size_t i = 0; i < p->count; i++)
            resolve(l, base + i * l->size, data);
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
