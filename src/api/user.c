/*
 * user.c — the exported user functions: NetUserEnum, NetUserGetInfo,
 * NetUserGetLocalGroups.  Arguments every answer shares are checked here,
 * then this machine answers (local/) or a server does (remote/).
 */
#include <lm.h>

#include "api/dispatch.h"
#include "local/functions.h"
#include "remote/functions.h"
#include "net/paging.h"

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserEnum(LPCSTR servername, DWORD level,
                                                       DWORD filter, LPBYTE *bufptr,
                                                       DWORD prefmaxlen, LPDWORD entriesread,
                                                       LPDWORD totalentries,
                                                       PDWORD resume_handle)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_enum(servername, level, filter, bufptr, prefmaxlen, entriesread,
                                    totalentries, resume_handle);
    return nbi_local_user_enum(level, filter, bufptr, prefmaxlen, entriesread, totalentries,
                               resume_handle);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(LPCSTR servername, LPCSTR username,
                                                          DWORD level, LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success && !username)
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_get_info(servername, username, level, bufptr);
    return nbi_local_user_get_info(username, level, bufptr);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserGetLocalGroups(LPCSTR servername,
                                                                 LPCSTR username, DWORD level,
                                                                 DWORD flags, LPBYTE *bufptr,
                                                                 DWORD prefmaxlen,
                                                                 LPDWORD entriesread,
                                                                 LPDWORD totalentries)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success && (!username || (flags & ~LG_INCLUDE_INDIRECT)))
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_get_local_groups(servername, username, level, flags, bufptr,
                                                prefmaxlen, entriesread, totalentries);
    return nbi_local_user_get_local_groups(username, level, bufptr, prefmaxlen, entriesread,
                                           totalentries);
}
