/*
 * lmwksta.h — the workstation: NetWkstaGetInfo, with the Windows structures
 * and field names (strings are UTF-8 LMSTR, see lmcons.h).  The result is one
 * NetApiBuffer: free it with one NetApiBufferFree.
 */
#ifndef NETAPIBUF_LMWKSTA_H
#define NETAPIBUF_LMWKSTA_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct WKSTA_INFO_100 {
    DWORD wki100_platform_id;  /* PLATFORM_ID_NT */
    LMSTR wki100_computername; /* the host name */
    LMSTR wki100_langroup;     /* the NIS domain name, or "WORKGROUP" when none is set */
    DWORD wki100_ver_major;    /* kernel release "6.1.0-18-amd64" gives 6 ... */
    DWORD wki100_ver_minor;    /* ... and 1 */
} WKSTA_INFO_100, *PWKSTA_INFO_100, *LPWKSTA_INFO_100;

typedef struct WKSTA_INFO_101 {
    DWORD wki101_platform_id;
    LMSTR wki101_computername;
    LMSTR wki101_langroup;
    DWORD wki101_ver_major;
    DWORD wki101_ver_minor;
    LMSTR wki101_lanroot; /* NULL, as the MS-WKST protocol requires */
} WKSTA_INFO_101, *PWKSTA_INFO_101, *LPWKSTA_INFO_101;

typedef struct WKSTA_INFO_102 {
    DWORD wki102_platform_id;
    LMSTR wki102_computername;
    LMSTR wki102_langroup;
    DWORD wki102_ver_major;
    DWORD wki102_ver_minor;
    LMSTR wki102_lanroot;         /* NULL */
    DWORD wki102_logged_on_users; /* login sessions in the utmp database */
} WKSTA_INFO_102, *PWKSTA_INFO_102, *LPWKSTA_INFO_102;

/*
 * The workstation information of this machine or of a server, at level
 * 100, 101 or 102.
 * servername: NULL, "", or a name or address of this machine (with or
 * without a leading "\\\\") asks this machine; "\\" and "\\\\" alone give
 * ERROR_INVALID_NAME; any other name asks that server, through Samba's
 * client library (<netapibuf.h>: netapibuf_set_credentials).
 * NERR_Success and *bufptr (one record, free it with NetApiBufferFree), or
 * *bufptr NULL and: 87 for a NULL bufptr, ERROR_INVALID_NAME,
 * ERROR_INVALID_LEVEL, ERROR_NOT_ENOUGH_MEMORY, NERR_InternalError (uname
 * or gethostname failed).
 * Against a server also: ERROR_BAD_NETPATH (it does not resolve or does
 * not answer), ERROR_LOGON_FAILURE, ERROR_ACCESS_DENIED, ERROR_MOD_NOT_FOUND
 * (Samba's client library is not installed).
 */
NET_API_STATUS NET_API_FUNCTION NetWkstaGetInfo(LMSTR servername, DWORD level, LPBYTE *bufptr);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMWKSTA_H */
