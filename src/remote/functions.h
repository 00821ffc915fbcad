/*
 * functions.h — the Net* functions answered by another machine, through
 * Samba's engine (layer 5, beside local/).  src/api/ calls them once it has
 * checked the arguments every answer shares: out-parameters not NULL (and
 * zeroed), a name argument not NULL, the server name another machine's.
 * Each returns what the exported function of the same name documents in
 * <lm.h>, with the statuses of remote/status.h.
 */
#ifndef NBI_REMOTE_FUNCTIONS_H
#define NBI_REMOTE_FUNCTIONS_H

#include <lm.h>

#include "platform/platform.h"

NBI_INTERNAL NET_API_STATUS nbi_remote_user_enum(LPCSTR server, DWORD level, DWORD filter,
                                                 LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries,
                                                 PDWORD resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_get_info(LPCSTR server, LPCSTR username, DWORD level,
                                                     LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_get_local_groups(LPCSTR server, LPCSTR username,
                                                             DWORD level, DWORD flags,
                                                             LPBYTE *bufptr, DWORD prefmaxlen,
                                                             LPDWORD entriesread,
                                                             LPDWORD totalentries);
NBI_INTERNAL NET_API_STATUS nbi_remote_localgroup_enum(LPCSTR server, DWORD level, LPBYTE *bufptr,
                                                       DWORD prefmaxlen, LPDWORD entriesread,
                                                       LPDWORD totalentries,
                                                       PDWORD_PTR resumehandle);
NBI_INTERNAL NET_API_STATUS nbi_remote_localgroup_get_info(LPCSTR server, LPCSTR groupname,
                                                           DWORD level, LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_remote_localgroup_get_members(LPCSTR server, LPCSTR groupname,
                                                              DWORD level, LPBYTE *bufptr,
                                                              DWORD prefmaxlen,
                                                              LPDWORD entriesread,
                                                              LPDWORD totalentries,
                                                              PDWORD_PTR resumehandle);
NBI_INTERNAL NET_API_STATUS nbi_remote_server_get_info(LPCSTR server, DWORD level,
                                                       LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_remote_wksta_get_info(LPCSTR server, DWORD level, LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_remote_tod(LPCSTR server, LPBYTE *bufptr);

#endif /* NBI_REMOTE_FUNCTIONS_H */
