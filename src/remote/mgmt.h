/*
 * mgmt.h — the management functions (issue 11) answered by another
 * machine, through Samba's engine: users (usermgmt.c), global groups
 * (group.c) and local groups (localgroup_mgmt.c).  Layer 5, beside
 * local/mgmt.h.
 *
 * src/api/ calls them once it has checked what every answer shares:
 * out-parameters not NULL (and zeroed), name arguments not NULL, the
 * caller's record valid for its level (net/input.h; *parm_err is already
 * PARM_ERROR_NONE), the server name another machine's.  Each returns what
 * the exported function of the same name documents in <lmaccess.h>, with
 * the statuses of remote/status.h.
 */
#ifndef NBI_REMOTE_MGMT_H
#define NBI_REMOTE_MGMT_H

#include <lm.h>

#include "platform/platform.h"

/* ---- users (usermgmt.c) ----------------------------------------------------------- */

NBI_INTERNAL NET_API_STATUS nbi_remote_user_add(LPCSTR server, DWORD level, LPBYTE buf);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_del(LPCSTR server, LPCSTR username);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_set_info(LPCSTR server, LPCSTR username, DWORD level,
                                                     LPBYTE buf);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_change_password(LPCSTR server, LPCSTR username,
                                                            LPCSTR oldpassword,
                                                            LPCSTR newpassword);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_get_groups(LPCSTR server, LPCSTR username,
                                                       DWORD level, LPBYTE *bufptr,
                                                       DWORD prefmaxlen, LPDWORD entriesread,
                                                       LPDWORD totalentries);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_set_groups(LPCSTR server, LPCSTR username,
                                                       DWORD level, LPBYTE buf,
                                                       DWORD num_entries);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_modals_get(LPCSTR server, DWORD level,
                                                       LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_remote_user_modals_set(LPCSTR server, DWORD level, LPBYTE buf);
NBI_INTERNAL NET_API_STATUS nbi_remote_query_display(LPCSTR server, DWORD level, DWORD index,
                                                     DWORD requested, DWORD prefmaxlen,
                                                     LPDWORD returned, PVOID *bufptr);

/* ---- global groups (group.c) -------------------------------------------------------- */

NBI_INTERNAL NET_API_STATUS nbi_remote_group_add(LPCSTR server, DWORD level, LPBYTE buf);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_del(LPCSTR server, LPCSTR groupname);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_enum(LPCSTR server, DWORD level, LPBYTE *bufptr,
                                                  DWORD prefmaxlen, LPDWORD entriesread,
                                                  LPDWORD totalentries, PDWORD_PTR resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_get_info(LPCSTR server, LPCSTR groupname,
                                                      DWORD level, LPBYTE *bufptr);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_set_info(LPCSTR server, LPCSTR groupname,
                                                      DWORD level, LPBYTE buf);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_add_user(LPCSTR server, LPCSTR groupname,
                                                      LPCSTR username);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_del_user(LPCSTR server, LPCSTR groupname,
                                                      LPCSTR username);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_get_users(LPCSTR server, LPCSTR groupname,
                                                       DWORD level, LPBYTE *bufptr,
                                                       DWORD prefmaxlen, LPDWORD entriesread,
                                                       LPDWORD totalentries,
                                                       PDWORD_PTR resume_handle);
NBI_INTERNAL NET_API_STATUS nbi_remote_group_set_users(LPCSTR server, LPCSTR groupname,
                                                       DWORD level, LPBYTE buf,
                                                       DWORD totalentries);

/* ---- local groups (localgroup_mgmt.c) ------------------------------------------------ */

NBI_INTERNAL NET_API_STATUS nbi_remote_localgroup_add(LPCSTR server, DWORD level, LPBYTE buf);
NBI_INTERNAL NET_API_STATUS nbi_remote_localgroup_del(LPCSTR server, LPCSTR groupname);
NBI_INTERNAL NET_API_STATUS nbi_remote_localgroup_set_info(LPCSTR server, LPCSTR groupname,
                                                           DWORD level, LPBYTE buf);

/* What a change of a local group's members does. */
enum nbi_member_change {
    NBI_MEMBERS_ADD, /* each must exist and not be a member yet */
    NBI_MEMBERS_DEL, /* each must be a member */
    NBI_MEMBERS_SET  /* each must exist; the others are taken out */
};

/* NetLocalGroupAddMembers, DelMembers and SetMembers (op): members by
   SID (level 0) or by "DOMAIN\name" (level 3). */
NBI_INTERNAL NET_API_STATUS nbi_remote_localgroup_change_members(LPCSTR server, LPCSTR groupname,
                                                                 enum nbi_member_change op,
                                                                 DWORD level, LPBYTE buf,
                                                                 DWORD totalentries);

#endif /* NBI_REMOTE_MGMT_H */
