/*
 * mgmt.h — the management functions (issue 11) answered for this machine
 * (layer 5, beside remote/mgmt.h).  src/api/ calls them once it has
 * checked what every answer shares (out-parameters, name arguments, the
 * caller's record for its level).
 *
 * What this machine answers with, as a Windows workstation would:
 *   - one global group, "None" (comment "Ordinary users", RID 513, the
 *     attributes Windows gives a group membership, SE_GROUP_MANDATORY |
 *     SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED), whose members are
 *     every user of the user database: NetGroupEnum, NetGroupGetInfo,
 *     NetGroupGetUsers, NetUserGetGroups, NetQueryDisplayInformation level 3
 *     (Unix groups are this machine's local groups: NetLocalGroupEnum);
 *   - the account policy from /etc/login.defs (modals.c);
 *   - the users of NetQueryDisplayInformation level 1 as NetUserEnum gives
 *     them, no machine accounts (level 2);
 *   - every change refused with ERROR_NOT_SUPPORTED: netapibuf never edits
 *     the system's databases (/etc/passwd, /etc/group, /etc/shadow); use
 *     the system's tools (useradd, groupadd, gpasswd, passwd) for that.
 */
#ifndef NBI_LOCAL_MGMT_H
#define NBI_LOCAL_MGMT_H

#include <lm.h>

#include "platform/platform.h"

/* What every change of this machine's accounts answers, once the
   arguments and the record have been checked. */
static inline NET_API_STATUS nbi_local_write_refused(void)
{
    return ERROR_NOT_SUPPORTED;
}

NBI_INTERNAL NET_API_STATUS nbi_local_user_get_groups(LPCSTR username, DWORD level,
                                                      LPBYTE *bufptr, DWORD prefmaxlen,
                                                      LPDWORD entriesread, LPDWORD totalentries);
NBI_INTERNAL NET_API_STATUS nbi_local_group_enum(DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries,
                                                 PDWORD_PTR resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_local_group_get_info(LPCSTR groupname, DWORD level,
                                                     LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_local_group_get_users(LPCSTR groupname, DWORD level,
                                                      LPBYTE *bufptr, DWORD prefmaxlen,
                                                      LPDWORD entriesread, LPDWORD totalentries,
                                                      PDWORD_PTR resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_local_user_modals_get(DWORD level, LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_local_query_display(DWORD level, DWORD index, DWORD requested,
                                                    DWORD prefmaxlen, LPDWORD returned,
                                                    PVOID *bufptr);

/* ---- the account policy of /etc/login.defs (modals.c) ------------------------- */

/* What NetUserModalsGet level 0 reports, in Windows' units. */
struct nbi_login_defs {
    DWORD min_passwd_len; /* PASS_MIN_LEN; 0 when unset */
    DWORD max_passwd_age; /* PASS_MAX_DAYS in seconds; TIMEQ_FOREVER when unset,
                             negative or beyond a DWORD (99999 days, "never") */
    DWORD min_passwd_age; /* PASS_MIN_DAYS in seconds; 0 when unset */
};

/* Read path (a login.defs(5) file) into *d; a missing or unreadable file
   gives the unset values. */
NBI_INTERNAL void nbi_login_defs_read(const char *path, struct nbi_login_defs *d);

#endif /* NBI_LOCAL_MGMT_H */
