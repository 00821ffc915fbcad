/*
 * dispatch.h — layer 5, top: what every exported Net* function does before
 * it hands over to this machine's answer (local/) or a server's (remote/).
 */
#ifndef NBI_API_DISPATCH_H
#define NBI_API_DISPATCH_H

#include <lm.h>

#include "net/server_name.h"
#include "platform/platform.h"

/* Where servername is: NERR_Success and *where (NBI_SERVER_LOCAL or
   NBI_SERVER_REMOTE), ERROR_INVALID_NAME for a malformed name, or
   ERROR_BAD_NETPATH for a name no host can have. */
static inline NET_API_STATUS nbi_api_where(LPCSTR servername, enum nbi_server *where)
{
    *where = nbi_server_classify(servername);
    if (*where == NBI_SERVER_MALFORMED)
        return ERROR_INVALID_NAME;
    return *where == NBI_SERVER_UNREACHABLE ? ERROR_BAD_NETPATH : NERR_Success;
}

/* *bufptr = NULL when bufptr is not NULL; 87 when it is. */
static inline NET_API_STATUS nbi_api_buffer_out(LPBYTE *bufptr)
{
    if (!bufptr)
        return ERROR_INVALID_PARAMETER;
    *bufptr = NULL;
    return NERR_Success;
}

#endif /* NBI_API_DISPATCH_H */
