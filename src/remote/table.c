/* table.c — the engines that carry any row of a remote table (see table.h). */
#include "remote/table.h"

#include <stdalign.h>
#include <stdio.h>
#include <string.h>

#include "net/paging.h"
#include "platform/sysalloc.h"

/* The largest record any row converts into. */
#define RECORD_MAX NBI_PAGE_RECORD_MAX

const struct nbi_remote_level *nbi_remote_row(const struct nbi_remote_level *rows, size_t count,
                                              DWORD level)
{
    for (size_t i = 0; i < count; i++)
        if (rows[i].level == level)
            return &rows[i];
    return NULL;
}

NET_API_STATUS nbi_remote_add(netapibuf_packer *p, const struct nbi_remote_level *row,
                              const void *records, DWORD count)
{
    const unsigned char *at = records;
    for (DWORD i = 0; i < count; i++, at += row->samba_size) {
        alignas(16) unsigned char ours[RECORD_MAX];
        const void *record = at;
        if (row->convert) {
            memset(ours, 0, row->layout->record.size);
            row->convert(at, ours);
            record = ours;
        }
        NET_API_STATUS st = netapibuf_packer_add(p, record);
        if (st != NERR_Success)
            return st;
    }
    return NERR_Success;
}

NET_API_STATUS nbi_remote_pack_one(const struct nbi_remote_level *row, const void *record,
                                   LPBYTE *bufptr)
{
    netapibuf_packer *p;
    DWORD n;
    NET_API_STATUS st = nbi_packer_create(row->layout, MAX_PREFERRED_LENGTH, &p);
    if (st != NERR_Success)
        return st;
    if ((st = nbi_remote_add(p, row, record, 1)) != NERR_Success) {
        netapibuf_packer_destroy(p);
        return st;
    }
    return netapibuf_packer_finish(p, bufptr, &n);
}

/* A page that says "more" while moving nothing forward, this many times in
   a row, is a server (or engine) that would page for ever. */
#define STALLS_TOLERATED 2

NET_API_STATUS nbi_remote_fill(netapibuf_packer *snapshot, void *ctx)
{
    const struct nbi_fill_ctx *f = ctx;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, f->args->server);
    if (st != NERR_Success)
        return st;
    uint32_t resume = 0, samba_status;
    unsigned stalls = 0;
    for (;;) {
        void *buf = NULL;
        uint32_t count = 0, before = resume;
        samba_status = f->row->page(&r, f->args, &resume, &buf, &count);
        if (samba_status != NERR_Success && samba_status != ERROR_MORE_DATA)
            break;
        if (buf && count)
            st = nbi_remote_add(snapshot, f->row, buf, count);
        if (buf)
            r.samba->NetApiBufferFree(buf); /* its strings go with the sweep */
        if (st != NERR_Success || samba_status == NERR_Success)
            break;
        stalls = count == 0 && resume == before ? stalls + 1 : 0;
        if (stalls >= STALLS_TOLERATED) {
            st = NERR_InternalError;
            break;
        }
    }
    nbi_remote_leave(&r);
    if (st != NERR_Success)
        return st;
    if (samba_status != NERR_Success && samba_status != ERROR_MORE_DATA)
        return nbi_remote_status(samba_status, f->noun, f->args->server);
    return NERR_Success;
}

NET_API_STATUS nbi_remote_enumerate(const struct nbi_remote_level *row,
                                    const struct nbi_enum_args *args, enum nbi_noun noun,
                                    DWORD prefmaxlen, PDWORD_PTR ptr, LPDWORD dword,
                                    LPBYTE *bufptr, LPDWORD entriesread, LPDWORD totalentries)
{
    /* Snapshots of one kind (one function and level) differ by server,
       name and filter: that is the key. */
    size_t n = strlen(args->server) + (args->name ? strlen(args->name) : 0) + 32;
    char *key = nbi_sys_malloc(n);
    if (!key)
        return ERROR_NOT_ENOUGH_MEMORY;
    snprintf(key, n, "%s\n%s\n%u", args->server, args->name ? args->name : "",
             (unsigned)args->filter);
    struct nbi_fill_ctx f = {row, args, noun};
    const struct nbi_page_spec spec = {&row->kind, key, &f, row->level, row->layout, NULL};
    NET_API_STATUS st =
        nbi_page_enum_resume(&spec, prefmaxlen, ptr, dword, bufptr, entriesread, totalentries);
    nbi_sys_free(key);
    return st;
}

/* ---- issue 11, management: write rows (table.h) ------------------------------- */

const struct nbi_remote_write *nbi_remote_write_row(const struct nbi_remote_write *rows,
                                                    size_t count, DWORD level)
{
    for (size_t i = 0; i < count; i++)
        if (rows[i].level == level)
            return &rows[i];
    return NULL;
}
