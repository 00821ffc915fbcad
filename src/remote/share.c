/*
 * share.c — NetShareEnum, NetShareGetInfo, NetShareAdd, NetShareDel and
 * NetShareSetInfo against a server: one table per function, one row per
 * level, each row naming its route.  libnetapi carries the levels it
 * handles; the others go through Samba's SRVSVC stubs (srvsvc.h says why).
 *
 * Security descriptors: Samba hands one back as its own parsed structure,
 * which no layout of ours carries (lmshare.h), so SHARE_INFO_502 comes back
 * with shi502_security_descriptor NULL and shi502_reserved 0; the API layer
 * refuses a record that brings one, so none is ever sent.
 *
 * Statuses: Samba's servers answer an unknown share with ERROR_INVALID_NAME
 * (GetInfo) or ERROR_BAD_NET_NAME (Del), an existing one with
 * ERROR_FILE_EXISTS and a missing folder with ERROR_FILE_NOT_FOUND (Add);
 * Windows answers NERR_NetNameNotFound, NERR_DuplicateShare and
 * NERR_UnknownDevDir, and so do we.
 */
#include <string.h>

#include <lm.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "remote/functions.h"
#include "remote/srvsvc.h"
#include "remote/table.h"

#define ROWS(a) (sizeof a / sizeof *a)

/* What a share function is doing, for its statuses. */
enum share_op { SHARE_READ, SHARE_ADD, SHARE_DEL, SHARE_SET };

/* Windows' status for what Samba answered about a share. */
static NET_API_STATUS share_status(uint32_t status, enum share_op op, const char *server)
{
    switch (status) {
    case NBI_LIBNETAPI_NOT_IMPLEMENTED:
        return ERROR_NOT_SUPPORTED;
    case ERROR_INVALID_NAME:
    case ERROR_BAD_NET_NAME:
        if (op != SHARE_ADD)
            return NERR_NetNameNotFound;
        break;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS:
        if (op == SHARE_ADD)
            return NERR_DuplicateShare;
        break;
    case ERROR_FILE_NOT_FOUND:
        if (op == SHARE_ADD)
            return NERR_UnknownDevDir;
        break;
    }
    return nbi_remote_status(status, NBI_NOUN_SHARE, server);
}

/* ---- records ---------------------------------------------------------------- */

/* SHARE_INFO_502 without Samba's security descriptor. */
static void convert_share_502(const void *samba, void *ours)
{
    const struct nbi_srvsvc_share_502 *s = samba;
    SHARE_INFO_502 *i = ours;
    i->shi502_netname = nbi_samba_string(s->name);
    i->shi502_type = s->type;
    i->shi502_remark = nbi_samba_string(s->comment);
    i->shi502_permissions = s->permissions;
    i->shi502_max_uses = s->max_users;
    i->shi502_current_uses = s->current_users;
    i->shi502_path = nbi_samba_string(s->path);
    i->shi502_passwd = nbi_samba_string(s->password);
    i->shi502_reserved = 0;
    i->shi502_security_descriptor = NULL;
}

/* ---- NetShareEnum --------------------------------------------------------------- */

static uint32_t page_share_enum(struct nbi_remote *r, const struct nbi_enum_args *a,
                                uint32_t *resume, void **buf, uint32_t *count)
{
    uint32_t total = 0;
    if (!r->samba->have_netapi_shares)
        return ERROR_NOT_SUPPORTED;
    /* libnetapi adds the page's entries to *count: it must start at 0. */
    *count = 0;
    return r->samba->NetShareEnum(a->server, a->level, (uint8_t **)buf, MAX_PREFERRED_LENGTH,
                                  count, &total, resume);
}

static NET_API_STATUS srvsvc_enum_fill(netapibuf_packer *snapshot, void *ctx);

/* A row whose snapshot is filled through the SRVSVC stubs. */
#define SRVSVC_ROW(lvl, type, samba_type, convert_fn)                                   \
    {lvl, &nbi_layout_##type, sizeof(samba_type), convert_fn, NULL,                     \
     {&nbi_layout_##type, srvsvc_enum_fill}}

static const struct nbi_remote_level enum_rows[] = {
    NBI_ROW_SAME(0, SHARE_INFO_0, page_share_enum),
    NBI_ROW_SAME(1, SHARE_INFO_1, page_share_enum),
    NBI_ROW_SAME(2, SHARE_INFO_2, page_share_enum),
    SRVSVC_ROW(501, SHARE_INFO_501, SHARE_INFO_501, NULL),
    SRVSVC_ROW(502, SHARE_INFO_502, struct nbi_srvsvc_share_502, convert_share_502),
};

struct enum_add {
    netapibuf_packer *snapshot;
    const struct nbi_remote_level *row;
};

static NET_API_STATUS add_share_page(const void *records, uint32_t count, void *ctx)
{
    const struct enum_add *a = ctx;
    return nbi_remote_add(a->snapshot, a->row, records, count);
}

static NET_API_STATUS srvsvc_enum_fill(netapibuf_packer *snapshot, void *ctx)
{
    const struct nbi_fill_ctx *f = ctx;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, f->args->server);
    if (st != NERR_Success)
        return st;
    struct enum_add a = {snapshot, f->row};
    uint32_t got = nbi_srvsvc_share_enum(&r, f->args->server, f->row->level, add_share_page, &a);
    nbi_remote_leave(&r);
    return got == NERR_Success ? NERR_Success : share_status(got, SHARE_READ, f->args->server);
}

NET_API_STATUS nbi_remote_share_enum(LPCSTR server, DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                     LPDWORD entriesread, LPDWORD totalentries,
                                     LPDWORD resume_handle)
{
    const struct nbi_remote_level *row = nbi_remote_row(enum_rows, ROWS(enum_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    struct nbi_enum_args args = {nbi_server_bare(server), NULL, level, 0};
    return nbi_remote_enumerate(row, &args, NBI_NOUN_NONE, prefmaxlen, NULL, resume_handle,
                                bufptr, entriesread, totalentries);
}

/* ---- NetShareGetInfo ------------------------------------------------------------ */

static const struct nbi_remote_level info_rows[] = {
    NBI_ROW_SAME(0, SHARE_INFO_0, NULL),
    NBI_ROW_SAME(1, SHARE_INFO_1, NULL),
    NBI_ROW_SAME(2, SHARE_INFO_2, NULL),
    NBI_ROW_SAME(501, SHARE_INFO_501, NULL),
    NBI_ROW_CONVERT(502, SHARE_INFO_502, struct nbi_srvsvc_share_502, convert_share_502, NULL),
    NBI_ROW_SAME(1005, SHARE_INFO_1005, NULL),
};

NET_API_STATUS nbi_remote_share_get_info(LPCSTR server, LPCSTR netname, DWORD level,
                                         LPBYTE *bufptr)
{
    const struct nbi_remote_level *row = nbi_remote_row(info_rows, ROWS(info_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (!netname[0])
        return NERR_NetNameNotFound;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t samba_status;
    if (!r.samba->have_netapi_shares) {
        samba_status = ERROR_NOT_SUPPORTED;
    } else if (row->convert) { /* 502: libnetapi refuses it */
        const void *record = NULL;
        samba_status = nbi_srvsvc_share_get(&r, bare, netname, level, &record);
        if (samba_status == NERR_Success)
            st = nbi_remote_pack_one(row, record, bufptr);
    } else {
        uint8_t *buf = NULL;
        samba_status = r.samba->NetShareGetInfo(bare, netname, level, &buf);
        if (samba_status == NERR_Success)
            st = buf ? nbi_remote_pack_one(row, buf, bufptr) : NERR_InternalError;
    }
    nbi_remote_leave(&r);
    return samba_status ? share_status(samba_status, SHARE_READ, bare) : st;
}

/* ---- NetShareAdd, NetShareDel, NetShareSetInfo ------------------------------------ */

/* How a write at one level travels (table.h): libnetapi's function, or the
   SRVSVC stub where libnetapi refuses the level. */
static const struct nbi_remote_write add_rows[] = {NBI_WRITE_AS_IS(2), NBI_WRITE_AS_IS(502)};
static const struct nbi_remote_write set_rows[] = {
    NBI_WRITE_BY_STUB(1),    NBI_WRITE_AS_IS(2),      NBI_WRITE_BY_STUB(502),
    NBI_WRITE_AS_IS(1004),   NBI_WRITE_BY_STUB(1005), NBI_WRITE_BY_STUB(1006),
};

NET_API_STATUS nbi_remote_share_add(LPCSTR server, DWORD level, LPBYTE buf, LPDWORD parm_err)
{
    if (!nbi_remote_write_row(add_rows, ROWS(add_rows), level))
        return ERROR_INVALID_LEVEL;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t parm = 0;
    /* Both levels are laid out as Samba's, and a 502 record carries no
       security descriptor (the API layer refused it). */
    uint32_t samba_status = r.samba->have_netapi_shares
                                ? r.samba->NetShareAdd(bare, level, buf, &parm)
                                : ERROR_NOT_SUPPORTED;
    nbi_remote_leave(&r);
    if (parm_err)
        *parm_err = samba_status == ERROR_INVALID_PARAMETER ? parm : PARM_ERROR_NONE;
    return samba_status ? share_status(samba_status, SHARE_ADD, bare) : NERR_Success;
}

NET_API_STATUS nbi_remote_share_del(LPCSTR server, LPCSTR netname, DWORD reserved)
{
    if (!netname[0])
        return NERR_NetNameNotFound;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t samba_status = r.samba->have_netapi_shares
                                ? r.samba->NetShareDel(bare, netname, reserved)
                                : ERROR_NOT_SUPPORTED;
    nbi_remote_leave(&r);
    return samba_status ? share_status(samba_status, SHARE_DEL, bare) : NERR_Success;
}

/* Samba's record for a SRVSVC level: ours, except at 502. */
static const void *srvsvc_record(DWORD level, const void *buf, struct nbi_srvsvc_share_502 *s502)
{
    if (level != 502)
        return buf;
    const SHARE_INFO_502 *i = buf;
    memset(s502, 0, sizeof *s502);
    s502->name = i->shi502_netname;
    s502->type = i->shi502_type;
    s502->comment = i->shi502_remark;
    s502->permissions = i->shi502_permissions;
    s502->max_users = i->shi502_max_uses;
    s502->current_users = i->shi502_current_uses;
    s502->path = i->shi502_path;
    s502->password = i->shi502_passwd;
    return s502;
}

NET_API_STATUS nbi_remote_share_set_info(LPCSTR server, LPCSTR netname, DWORD level, LPBYTE buf,
                                         LPDWORD parm_err)
{
    const struct nbi_remote_write *row = nbi_remote_write_row(set_rows, ROWS(set_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (!netname[0])
        return NERR_NetNameNotFound;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t parm = 0, samba_status;
    struct nbi_srvsvc_share_502 s502;
    if (!r.samba->have_netapi_shares)
        samba_status = ERROR_NOT_SUPPORTED;
    else if (row->samba_level != NBI_WRITE_NO_SAMBA)
        samba_status = r.samba->NetShareSetInfo(bare, netname, level, buf, &parm);
    else
        samba_status = nbi_srvsvc_share_set(&r, bare, netname, level,
                                            srvsvc_record(level, buf, &s502), &parm);
    nbi_remote_leave(&r);
    if (parm_err)
        *parm_err = samba_status == ERROR_INVALID_PARAMETER ? parm : PARM_ERROR_NONE;
    return samba_status ? share_status(samba_status, SHARE_SET, bare) : NERR_Success;
}
