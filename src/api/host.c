/*
 * host.c — the exported machine functions: NetServerGetInfo,
 * NetWkstaGetInfo, NetRemoteTOD.  The buffer argument is checked here, then
 * this machine answers (local/) or a server does (remote/).
 */
#include <lm.h>

#include "api/dispatch.h"
#include "local/functions.h"
#include "remote/functions.h"

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetServerGetInfo(LMSTR servername, DWORD level,
                                                            LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_server_get_info(servername, level, bufptr);
    return nbi_local_server_get_info(level, bufptr);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetWkstaGetInfo(LMSTR servername, DWORD level,
                                                           LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_wksta_get_info(servername, level, bufptr);
    return nbi_local_wksta_get_info(level, bufptr);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetRemoteTOD(LPCSTR UncServerName, LPBYTE *BufferPtr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(BufferPtr);
    if (st == NERR_Success)
        st = nbi_api_where(UncServerName, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_tod(UncServerName, BufferPtr);
    return nbi_local_remote_tod(BufferPtr);
}
