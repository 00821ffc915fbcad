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
#include <dsgetdc.h>

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

/* ---- shares, files, domain, server settings ---------------------------------- */

NBI_INTERNAL NET_API_STATUS nbi_remote_share_enum(LPCSTR server, DWORD level, LPBYTE *bufptr,
                                                  DWORD prefmaxlen, LPDWORD entriesread,
                                                  LPDWORD totalentries, LPDWORD resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_remote_share_get_info(LPCSTR server, LPCSTR netname, DWORD level,
                                                      LPBYTE *bufptr);
/* The three writes take a record the API layer has checked. */
NBI_INTERNAL NET_API_STATUS nbi_remote_share_add(LPCSTR server, DWORD level, LPBYTE buf,
                                                 LPDWORD parm_err);
NBI_INTERNAL NET_API_STATUS nbi_remote_share_del(LPCSTR server, LPCSTR netname, DWORD reserved);
NBI_INTERNAL NET_API_STATUS nbi_remote_share_set_info(LPCSTR server, LPCSTR netname, DWORD level,
                                                      LPBYTE buf, LPDWORD parm_err);

NBI_INTERNAL NET_API_STATUS nbi_remote_file_enum(LPCSTR server, LPCSTR basepath,
                                                 LPCSTR username, DWORD level, LPBYTE *bufptr,
                                                 DWORD prefmaxlen, LPDWORD entriesread,
                                                 LPDWORD totalentries, PDWORD_PTR resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_remote_file_get_info(LPCSTR server, DWORD fileid, DWORD level,
                                                     LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_remote_file_close(LPCSTR server, DWORD fileid);

NBI_INTERNAL NET_API_STATUS nbi_remote_server_set_info(LPCSTR server, DWORD level, LPBYTE buf,
                                                       LPDWORD parm_err);

/* What a domain-controller call returns. */
enum nbi_dc_call {
    NBI_DC_LOCATE,  /* DsGetDcName: a DOMAIN_CONTROLLER_INFO */
    NBI_DC_PRIMARY, /* NetGetDCName: the primary controller's "\\NAME" */
    NBI_DC_ANY      /* NetGetAnyDCName: any controller's "\\NAME" */
};
/*
 * server NULL: this machine searches for a domain controller of domain
 * through Samba's engine; otherwise that server is asked.  *(LPBYTE *)out
 * receives one NetApiBuffer: a DOMAIN_CONTROLLER_INFO (NBI_DC_LOCATE) or
 * the controller's name.  Statuses as DsGetDcName, NetGetDCName and
 * NetGetAnyDCName document.
 */
NBI_INTERNAL NET_API_STATUS nbi_remote_dsgetdcname(LPCSTR server, LPCSTR domain, GUID *guid,
                                                   LPCSTR site, DWORD flags,
                                                   enum nbi_dc_call call, void *out);
/* The status each call gives when the machine asked is in no domain
   (in_domain 0) or no controller answers (1): the same as the search's. */
NBI_INTERNAL NET_API_STATUS nbi_remote_no_dc(enum nbi_dc_call call, int in_domain);
NBI_INTERNAL NET_API_STATUS nbi_remote_get_join_information(LPCSTR server, LMSTR *name,
                                                            PNETSETUP_JOIN_STATUS type);

/* The writes of libnetapi's join and shutdown functions, passed through. */
enum nbi_join_what { NBI_JOIN, NBI_UNJOIN, NBI_RENAME, NBI_SHUTDOWN, NBI_SHUTDOWN_ABORT };
struct nbi_join_args {
    enum nbi_join_what what;
    LPCSTR server, domain, ou, account, password, new_name, message;
    DWORD options; /* join, unjoin or rename flags; the shutdown's timeout */
    int force, reboot;
};
NBI_INTERNAL NET_API_STATUS nbi_remote_join(const struct nbi_join_args *a);
/* server NULL: this machine asks the domain's directory. */
NBI_INTERNAL NET_API_STATUS nbi_remote_get_joinable_ous(LPCSTR server, LPCSTR domain,
                                                        LPCSTR account, LPCSTR password,
                                                        DWORD *count, LMSTR **ous);

#endif /* NBI_REMOTE_FUNCTIONS_H */
