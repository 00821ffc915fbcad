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

/* ---- shares, files, domain membership (this machine's Samba configuration) ---- */

NBI_INTERNAL NET_API_STATUS nbi_local_share_enum(DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries,
                                                 LPDWORD resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_local_share_get_info(LPCSTR netname, DWORD level,
                                                     LPBYTE *bufptr);
/* NetFileEnum (no entries, or ERROR_NOT_SUPPORTED), NetFileGetInfo and
   NetFileClose (NERR_FileIdNotFound, or ERROR_NOT_SUPPORTED); the caller
   has zeroed the out-parameters. */
NBI_INTERNAL NET_API_STATUS nbi_local_file_enum(DWORD level, PDWORD_PTR resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_local_file_get_info(DWORD level);
NBI_INTERNAL NET_API_STATUS nbi_local_file_close(void);

/* Which workgroup or domain this machine is in. */
struct nbi_local_membership {
    char name[256];     /* the workgroup's or domain's NetBIOS name */
    char dns_name[256]; /* the domain's DNS name (realm), "" when none */
    int in_domain;      /* a domain member or controller */
};
NBI_INTERNAL NET_API_STATUS nbi_local_domain(struct nbi_local_membership *m);
NBI_INTERNAL NET_API_STATUS nbi_local_get_join_information(LMSTR *name,
                                                           PNETSETUP_JOIN_STATUS type);

#endif /* NBI_LOCAL_FUNCTIONS_H */
