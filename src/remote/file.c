/*
 * file.c — NetFileEnum, NetFileGetInfo and NetFileClose against a server,
 * through libnetapi.
 *
 * What Samba's servers lack, and how it is worked around:
 *   - NetrFileEnum answers level 3 only (level 2: ERROR_INVALID_LEVEL).
 *     FILE_INFO_2 is FILE_INFO_3's first field, so both levels ask for
 *     level 3 (Windows' servers answer it too) and level 2 keeps the id.
 *   - NetrFileGetInfo is not implemented (an RPC fault, which libnetapi
 *     reports as the meaningless status 46).  Then the file is looked for
 *     in the level-3 enumeration instead: the same record, found by id.
 * Samba answers an unknown id to NetFileClose with ERROR_FILE_NOT_FOUND;
 * Windows' status is NERR_FileIdNotFound.
 */
#include <stdio.h>
#include <string.h>

#include <lm.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "platform/sysalloc.h"
#include "remote/functions.h"
#include "remote/srvsvc.h"
#include "remote/table.h"

#define ROWS(a) (sizeof a / sizeof *a)

/* The enumeration's arguments: the table's, and the two filters. */
struct file_args {
    struct nbi_enum_args base; /* first: the table's engines see this */
    const char *basepath, *username;
};

static uint32_t page_file_enum(struct nbi_remote *r, const struct nbi_enum_args *a,
                               uint32_t *resume, void **buf, uint32_t *count)
{
    const struct file_args *f = (const struct file_args *)a;
    uint32_t total = 0;
    if (!r->samba->have_netapi_shares)
        return ERROR_NOT_SUPPORTED;
    *count = 0; /* libnetapi adds to it */
    return r->samba->NetFileEnum(a->server, f->basepath, f->username, 3, (uint8_t **)buf,
                                 MAX_PREFERRED_LENGTH, count, &total, resume);
}

static void convert_file_3_to_2(const void *samba, void *ours)
{
    const FILE_INFO_3 *s = samba;
    FILE_INFO_2 *f = ours;
    f->fi2_id = s->fi3_id;
}

static const struct nbi_remote_level file_rows[] = {
    NBI_ROW_CONVERT(2, FILE_INFO_2, FILE_INFO_3, convert_file_3_to_2, page_file_enum),
    NBI_ROW_SAME(3, FILE_INFO_3, page_file_enum),
};

/* Windows' status for Samba's answer about a file. */
static NET_API_STATUS file_status(uint32_t status, const char *server)
{
    if (status == NBI_LIBNETAPI_NOT_IMPLEMENTED)
        return ERROR_NOT_SUPPORTED;
    if (status == ERROR_FILE_NOT_FOUND)
        return NERR_FileIdNotFound;
    return nbi_remote_status(status, NBI_NOUN_FILE, server);
}

/* A filter as part of the snapshot key: absent and empty differ. */
static void key_part(char *out, size_t size, const char *s)
{
    snprintf(out, size, "%c%s", s ? '+' : '-', s ? s : "");
}

NET_API_STATUS nbi_remote_file_enum(LPCSTR server, LPCSTR basepath, LPCSTR username, DWORD level,
                                    LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                    LPDWORD totalentries, PDWORD_PTR resume_handle)
{
    const struct nbi_remote_level *row = nbi_remote_row(file_rows, ROWS(file_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    /* Two enumerations with other filters must not share a snapshot: the
       filters are the key's name part. */
    size_t n = (basepath ? strlen(basepath) : 0) + (username ? strlen(username) : 0) + 8;
    char *key = nbi_sys_malloc(n), *at = key;
    if (!key)
        return ERROR_NOT_ENOUGH_MEMORY;
    key_part(at, n, basepath);
    at += strlen(at);
    *at++ = '\n';
    key_part(at, n - (size_t)(at - key), username);
    struct file_args args = {{nbi_server_bare(server), key, level, 0}, basepath, username};
    NET_API_STATUS st = nbi_remote_enumerate(row, &args.base, NBI_NOUN_NONE, prefmaxlen,
                                             resume_handle, NULL, bufptr, entriesread,
                                             totalentries);
    nbi_sys_free(key);
    if (st == NBI_LIBNETAPI_NOT_IMPLEMENTED)
        st = ERROR_NOT_SUPPORTED;
    return st;
}

/* The level-3 record with id fileid, through the enumeration: fileid's
   record packed at row's level, or NERR_FileIdNotFound. */
static NET_API_STATUS file_from_enum(struct nbi_remote *r, const char *server,
                                     const struct nbi_remote_level *row, DWORD fileid,
                                     LPBYTE *bufptr)
{
    struct file_args args = {{server, NULL, 3, 0}, NULL, NULL};
    uint32_t resume = 0;
    for (unsigned pages = 0; pages < 100000; pages++) {
        void *buf = NULL;
        uint32_t count = 0, before = resume;
        uint32_t st = page_file_enum(r, &args.base, &resume, &buf, &count);
        if (st != NERR_Success && st != ERROR_MORE_DATA)
            return file_status(st, server);
        const FILE_INFO_3 *files = buf;
        NET_API_STATUS found = NERR_FileIdNotFound;
        for (uint32_t i = 0; buf && i < count; i++)
            if (files[i].fi3_id == fileid) {
                found = nbi_remote_pack_one(row, &files[i], bufptr);
                break;
            }
        if (buf)
            r->samba->NetApiBufferFree(buf);
        if (found != NERR_FileIdNotFound || st == NERR_Success ||
            (count == 0 && resume == before))
            return found;
    }
    return NERR_FileIdNotFound;
}

NET_API_STATUS nbi_remote_file_get_info(LPCSTR server, DWORD fileid, DWORD level, LPBYTE *bufptr)
{
    const struct nbi_remote_level *row = nbi_remote_row(file_rows, ROWS(file_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    if (!r.samba->have_netapi_shares) {
        nbi_remote_leave(&r);
        return ERROR_NOT_SUPPORTED;
    }
    uint8_t *buf = NULL;
    uint32_t samba_status = r.samba->NetFileGetInfo(bare, fileid, 3, &buf);
    if (samba_status == NERR_Success)
        st = buf ? nbi_remote_pack_one(row, buf, bufptr) : NERR_InternalError;
    else if (samba_status == NBI_LIBNETAPI_NOT_IMPLEMENTED)
        st = file_from_enum(&r, bare, row, fileid, bufptr);
    else
        st = file_status(samba_status, bare);
    nbi_remote_leave(&r);
    return st;
}

NET_API_STATUS nbi_remote_file_close(LPCSTR server, DWORD fileid)
{
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t samba_status = r.samba->have_netapi_shares ? r.samba->NetFileClose(bare, fileid)
                                                      : ERROR_NOT_SUPPORTED;
    nbi_remote_leave(&r);
    return samba_status ? file_status(samba_status, bare) : NERR_Success;
}
