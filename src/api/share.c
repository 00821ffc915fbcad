/*
 * share.c — the exported share and open-file functions: NetShareEnum,
 * NetShareGetInfo, NetShareAdd, NetShareDel, NetShareSetInfo, NetFileEnum,
 * NetFileGetInfo, NetFileClose.  Arguments every answer shares are checked
 * here, records handed in are checked against the input tables below
 * before anything is sent, then this machine answers (local/) or a server
 * does (remote/).
 */
#include <lm.h>

#include "api/dispatch.h"
#include "local/functions.h"
#include "net/input.h"
#include "net/paging.h"
#include "remote/functions.h"

/* ---- the records NetShareAdd and NetShareSetInfo take --------------------------- */

static const struct nbi_input_field add_2[] = {
    NBI_REQUIRED(SHARE_INFO_2, shi2_netname, SHARE_NETNAME_PARMNUM)};
static const struct nbi_input_field add_502[] = {
    NBI_REQUIRED(SHARE_INFO_502, shi502_netname, SHARE_NETNAME_PARMNUM)};
static const struct nbi_input_level add_rows[] = {
    NBI_INPUT_ROW(2, add_2),
    NBI_INPUT_ROW(502, add_502),
};

static const struct nbi_input_field set_1[] = {
    NBI_REQUIRED(SHARE_INFO_1, shi1_remark, SHARE_REMARK_PARMNUM)};
static const struct nbi_input_field set_2[] = {
    NBI_REQUIRED(SHARE_INFO_2, shi2_remark, SHARE_REMARK_PARMNUM),
    NBI_REQUIRED(SHARE_INFO_2, shi2_path, SHARE_PATH_PARMNUM)};
static const struct nbi_input_field set_502[] = {
    NBI_REQUIRED(SHARE_INFO_502, shi502_remark, SHARE_REMARK_PARMNUM),
    NBI_REQUIRED(SHARE_INFO_502, shi502_path, SHARE_PATH_PARMNUM)};
static const struct nbi_input_field set_1004[] = {
    NBI_REQUIRED(SHARE_INFO_1004, shi1004_remark, SHARE_REMARK_PARMNUM)};
static const struct nbi_input_level set_rows[] = {
    NBI_INPUT_ROW(1, set_1),       NBI_INPUT_ROW(2, set_2),  NBI_INPUT_ROW(502, set_502),
    NBI_INPUT_ROW(1004, set_1004), NBI_INPUT_ANY(1005),      NBI_INPUT_ANY(1006),
};

#define ROWS(a) (sizeof a / sizeof *a)

/*
 * What the tables cannot say: a disk share needs a path to share
 * (Windows: ERROR_INVALID_PARAMETER, SHARE_PATH_PARMNUM), and a security
 * descriptor cannot be carried (lmshare.h), so a record with one is
 * refused rather than sent without it.
 */
static NET_API_STATUS check_share_record(DWORD level, const void *buf, int adding,
                                         LPDWORD parm_err)
{
    if (level == 2 || level == 502) {
        const SHARE_INFO_2 *i2 = buf; /* 502 begins as 2 */
        if (adding && (i2->shi2_type & STYPE_MASK) == STYPE_DISKTREE && !i2->shi2_path) {
            if (parm_err)
                *parm_err = SHARE_PATH_PARMNUM;
            return ERROR_INVALID_PARAMETER;
        }
    }
    if (level == 502 && ((const SHARE_INFO_502 *)buf)->shi502_security_descriptor)
        return ERROR_NOT_SUPPORTED;
    return NERR_Success;
}

/* ---- shares ------------------------------------------------------------------------ */

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetShareEnum(LMSTR servername, DWORD level,
                                                        LPBYTE *bufptr, DWORD prefmaxlen,
                                                        LPDWORD entriesread,
                                                        LPDWORD totalentries,
                                                        LPDWORD resume_handle)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_share_enum(servername, level, bufptr, prefmaxlen, entriesread,
                                     totalentries, resume_handle);
    return nbi_local_share_enum(level, bufptr, prefmaxlen, entriesread, totalentries,
                                resume_handle);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetShareGetInfo(LMSTR servername, LMSTR netname,
                                                           DWORD level, LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success && !netname)
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_share_get_info(servername, netname, level, bufptr);
    return nbi_local_share_get_info(netname, level, bufptr);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetShareAdd(LMSTR servername, DWORD level, LPBYTE buf,
                                                       LPDWORD parm_err)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_input_check(add_rows, ROWS(add_rows), level, buf, parm_err, NULL);
    if (st == NERR_Success)
        st = check_share_record(level, buf, 1, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_share_add(servername, level, buf, parm_err);
    return ERROR_NOT_SUPPORTED; /* this machine's configuration is never written */
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetShareDel(LMSTR servername, LMSTR netname,
                                                       DWORD reserved)
{
    enum nbi_server where;
    if (!netname || reserved != 0)
        return ERROR_INVALID_PARAMETER;
    NET_API_STATUS st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_share_del(servername, netname, reserved);
    return ERROR_NOT_SUPPORTED;
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetShareSetInfo(LMSTR servername, LMSTR netname,
                                                           DWORD level, LPBYTE buf,
                                                           LPDWORD parm_err)
{
    enum nbi_server where;
    nbi_parm_none(parm_err);
    if (!netname)
        return ERROR_INVALID_PARAMETER;
    NET_API_STATUS st = nbi_input_check(set_rows, ROWS(set_rows), level, buf, parm_err, NULL);
    if (st == NERR_Success)
        st = check_share_record(level, buf, 0, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_share_set_info(servername, netname, level, buf, parm_err);
    return ERROR_NOT_SUPPORTED;
}

/* ---- open files -------------------------------------------------------------------- */

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetFileEnum(LMSTR servername, LMSTR basepath,
                                                       LMSTR username, DWORD level,
                                                       LPBYTE *bufptr, DWORD prefmaxlen,
                                                       LPDWORD entriesread, LPDWORD totalentries,
                                                       PDWORD_PTR resume_handle)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_file_enum(servername, basepath, username, level, bufptr, prefmaxlen,
                                    entriesread, totalentries, resume_handle);
    return nbi_local_file_enum(level, resume_handle);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetFileGetInfo(LMSTR servername, DWORD fileid,
                                                          DWORD level, LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_file_get_info(servername, fileid, level, bufptr);
    return nbi_local_file_get_info(level);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetFileClose(LMSTR servername, DWORD fileid)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_file_close(servername, fileid);
    return nbi_local_file_close();
}
