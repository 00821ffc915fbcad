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
   NBI_SERVER_REMOTE), or ERROR_INVALID_NAME for a malformed name. */
static inline NET_API_STATUS nbi_api_where(LPCSTR servername, enum nbi_server *where)
{
    *where = nbi_server_classify(servername);
    return *where == NBI_SERVER_MALFORMED ? ERROR_INVALID_NAME : NERR_Success;
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
