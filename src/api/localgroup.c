/*
 * localgroup.c — the exported local-group functions: NetLocalGroupEnum,
 * NetLocalGroupGetInfo, NetLocalGroupGetMembers.  Arguments every answer
 * shares are checked here, then this machine answers (local/) or a server
 * does (remote/).
 */
#include <lm.h>

#include "api/dispatch.h"
#include "local/functions.h"
#include "remote/functions.h"
#include "net/paging.h"

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupEnum(LPCSTR servername, DWORD level,
                                                             LPBYTE *bufptr, DWORD prefmaxlen,
                                                             LPDWORD entriesread,
                                                             LPDWORD totalentries,
                                                             PDWORD_PTR resumehandle)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_localgroup_enum(servername, level, bufptr, prefmaxlen, entriesread,
                                          totalentries, resumehandle);
    return nbi_local_localgroup_enum(level, bufptr, prefmaxlen, entriesread, totalentries,
                                     resumehandle);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetInfo(LPCSTR servername,
                                                                LPCSTR groupname, DWORD level,
                                                                LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success && !groupname)
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_localgroup_get_info(servername, groupname, level, bufptr);
    return nbi_local_localgroup_get_info(groupname, level, bufptr);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetMembers(
    LPCSTR servername, LPCSTR localgroupname, DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
    LPDWORD entriesread, LPDWORD totalentries, PDWORD_PTR resumehandle)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success && !localgroupname)
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_localgroup_get_members(servername, localgroupname, level, bufptr,
                                                 prefmaxlen, entriesread, totalentries,
                                                 resumehandle);
    return nbi_local_localgroup_get_members(localgroupname, level, bufptr, prefmaxlen,
                                            entriesread, totalentries, resumehandle);
}
