/* paging.c — one page of an enumeration cut from a snapshot (see paging.h). */
#include "net/paging.h"

#include <stdalign.h>

#include "pack/pack.h"

/* Where the page's entries come from: a stored snapshot (a paged
   enumeration) or a packer filled for this one call. */
struct source {
    struct nbi_snapshot *snapshot;
    netapibuf_packer *once;
};

static DWORD source_count(const struct source *s)
{
    return s->snapshot ? nbi_snapshot_count(s->snapshot) : netapibuf_packer_count(s->once);
}

static void source_get(const struct source *s, DWORD i, void *record,
                       struct nbi_packer_cursor *cursor)
{
    if (s->snapshot)
        nbi_snapshot_get(s->snapshot, i, record, cursor);
    else
        nbi_packer_get(s->once, i, record, cursor);
}

/* Release the source; a snapshot with entries left after `next` is kept
   and *handle continues it. */
static NET_API_STATUS source_done(struct source *s, DWORD next, unsigned bits, uint64_t *handle)
{
    netapibuf_packer_destroy(s->once);
    return nbi_resume_release(s->snapshot, next, bits, handle);
}

/* Cut records [start, ...) of the source into one buffer under prefmaxlen. */
static NET_API_STATUS cut(const struct nbi_page_spec *spec, const struct source *src, DWORD start,
                          DWORD prefmaxlen, LPBYTE *bufptr, LPDWORD entriesread)
{
    if (!spec->convert) /* the source records are the level's: copy them as staged */
        return nbi_packer_cut(src->snapshot ? nbi_snapshot_packer(src->snapshot) : src->once,
                              start, prefmaxlen, bufptr, entriesread);
    netapibuf_packer *page;
    NET_API_STATUS st = nbi_packer_create(spec->layout, prefmaxlen, &page);
    if (st != NERR_Success)
        return st;
    DWORD count = source_count(src);
    struct nbi_packer_cursor cursor = {0, 0};
    for (DWORD i = start; i < count; i++) {
        alignas(16) unsigned char from[NBI_PAGE_RECORD_MAX];
        alignas(16) unsigned char to[NBI_PAGE_RECORD_MAX];
        source_get(src, i, from, &cursor);
        spec->convert(spec->level, from, to);
        st = netapibuf_packer_add(page, to);
        if (st == ERROR_MORE_DATA)
            break;
        if (st != NERR_Success) {
            netapibuf_packer_destroy(page);
            return st;
        }
    }
    return netapibuf_packer_finish(page, bufptr, entriesread);
}

/* The page that starts at *handle (NULL: cannot be continued), a handle
   of `bits` bits, 32 or 64 (nbi_page_enum_resume says the rest). */
static NET_API_STATUS page_enum(const struct nbi_page_spec *spec, DWORD prefmaxlen,
                                uint64_t *handle, unsigned bits, LPBYTE *bufptr,
                                LPDWORD entriesread, LPDWORD totalentries)
{
    *bufptr = NULL;
    *entriesread = *totalentries = 0;
    if (spec->convert && (spec->kind->source->record.size > NBI_PAGE_RECORD_MAX ||
                          spec->layout->record.size > NBI_PAGE_RECORD_MAX))
        return NERR_InternalError;

    struct source src = {NULL, NULL};
    DWORD start = 0;
    NET_API_STATUS st;
    /* Only an enumeration that may continue needs its snapshot stored. */
    if (handle && (*handle || prefmaxlen != MAX_PREFERRED_LENGTH)) {
        st = nbi_resume_acquire(spec->kind, spec->key, *handle, bits, spec->ctx, &src.snapshot,
                                &start);
    } else {
        st = nbi_packer_create(spec->kind->source, MAX_PREFERRED_LENGTH, &src.once);
        if (st == NERR_Success)
            st = nbi_packer_stage(src.once); /* read back or cut, never finished */
        if (st == NERR_Success)
            st = spec->kind->fill(src.once, spec->ctx);
    }
    if (st != NERR_Success) {
        netapibuf_packer_destroy(src.once);
        return st;
    }

    DWORD count = source_count(&src), read = 0;
    uint64_t next_handle;
    st = cut(spec, &src, start, prefmaxlen, bufptr, &read);
    if (st != NERR_Success) {
        source_done(&src, count, bits, &next_handle); /* drop the snapshot */
        return st;
    }
    DWORD next = start + read;
    if ((st = source_done(&src, next, bits, &next_handle)) != NERR_Success) {
        NetApiBufferFree(*bufptr);
        *bufptr = NULL;
        return st;
    }
    if (handle)
        *handle = next_handle;
    *entriesread = read;
    *totalentries = count;
    return next < count ? ERROR_MORE_DATA : NERR_Success;
}

NET_API_STATUS nbi_page_enum_resume(const struct nbi_page_spec *spec, DWORD prefmaxlen,
                                    PDWORD_PTR ptr, LPDWORD dword, LPBYTE *bufptr,
                                    LPDWORD entriesread, LPDWORD totalentries)
{
    uint64_t handle = ptr ? *ptr : dword ? *dword : 0;
    unsigned bits = dword ? 32 : sizeof(DWORD_PTR) * 8;
    NET_API_STATUS st = page_enum(spec, prefmaxlen, ptr || dword ? &handle : NULL, bits, bufptr,
                                  entriesread, totalentries);
    if (st == NERR_Success || st == ERROR_MORE_DATA) {
        if (ptr)
            *ptr = (DWORD_PTR)handle;
        else if (dword)
            *dword = (DWORD)handle;
    }
    return st;
}

NET_API_STATUS nbi_enum_start(LPBYTE *bufptr, LPDWORD entriesread, LPDWORD totalentries)
{
    if (bufptr)
        *bufptr = NULL;
    if (entriesread)
        *entriesread = 0;
    if (totalentries)
        *totalentries = 0;
    if (!bufptr || !entriesread || !totalentries)
        return ERROR_INVALID_PARAMETER;
    return NERR_Success;
}
