/*
 * functions.h — the Net* functions answered for this machine (layer 5,
 * beside remote/).  src/api/ calls them once it has checked the arguments
 * every answer shares: out-parameters not NULL (and zeroed), a name
 * argument not NULL, the server name this machine's.  Each returns what
 * the exported function of the same name documents in <lm.h>.
 */
#ifndef NBI_LOCAL_FUNCTIONS_H
#define NBI_LOCAL_FUNCTIONS_H

#include <lm.h>

#include "platform/platform.h"

NBI_INTERNAL NET_API_STATUS nbi_local_user_enum(DWORD level, DWORD filter, LPBYTE *bufptr,
                                                DWORD prefmaxlen, LPDWORD entriesread,
                                                LPDWORD totalentries, PDWORD resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_local_user_get_info(LPCSTR username, DWORD level,
                                                    LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_local_user_get_local_groups(LPCSTR username, DWORD level,
                                                            LPBYTE *bufptr, DWORD prefmaxlen,
                                                            LPDWORD entriesread,
                                                            LPDWORD totalentries);
NBI_INTERNAL NET_API_STATUS nbi_local_localgroup_enum(DWORD level, LPBYTE *bufptr,
                                                      DWORD prefmaxlen, LPDWORD entriesread,
                                                      LPDWORD totalentries,
                                                      PDWORD_PTR resumehandle);
NBI_INTERNAL NET_API_STATUS nbi_local_localgroup_get_info(LPCSTR groupname, DWORD level,
                                                          LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_local_localgroup_get_members(LPCSTR groupname, DWORD level,
                                                             LPBYTE *bufptr, DWORD prefmaxlen,
                                                             LPDWORD entriesread,
                                                             LPDWORD totalentries,
                                                             PDWORD_PTR resumehandle);
NBI_INTERNAL NET_API_STATUS nbi_local_server_get_info(DWORD level, LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_local_wksta_get_info(DWORD level, LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_local_remote_tod(LPBYTE *bufptr);

#endif /* NBI_LOCAL_FUNCTIONS_H */
