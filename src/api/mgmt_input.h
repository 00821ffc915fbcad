/*
 * mgmt_input.h — layer 5, top: the checks of the management functions'
 * records that go beyond net/input.h's required fields: values Windows
 * refuses (ERROR_INVALID_PARAMETER with *parm_err naming the member), and
 * the arrays of names and SIDs the membership functions take.  Made before
 * the server name is looked at, so a bad record never leaves the process.
 */
#ifndef NBI_API_MGMT_INPUT_H
#define NBI_API_MGMT_INPUT_H

#include <lm.h>

#include "platform/platform.h"

/* ERROR_INVALID_PARAMETER, *parm_err = parm (when parm_err is not NULL). */
NBI_INTERNAL NET_API_STATUS nbi_mgmt_refuse(DWORD parm, LPDWORD parm_err);

/* An account or group name of a new record or a rename: not empty. */
NBI_INTERNAL NET_API_STATUS nbi_mgmt_name(LPCSTR name, DWORD parm, LPDWORD parm_err);

/* usri*_flags: within UF_SETTABLE_BITS, at most one account type
   (USER_FLAGS_PARMNUM otherwise). */
NBI_INTERNAL NET_API_STATUS nbi_mgmt_user_flags(DWORD flags, LPDWORD parm_err);

/* Logon hours: with a bit array, at most one bit per minute of a week,
   10,080, which SAMR's array holds (USER_UNITS_PER_WEEK_PARMNUM). */
NBI_INTERNAL NET_API_STATUS nbi_mgmt_logon_hours(DWORD units, const BYTE *hours,
                                                 LPDWORD parm_err);

/* NetUserSetGroups and NetGroupSetUsers: level 0 or 1 (else
   ERROR_INVALID_LEVEL), count records at buf (not NULL when count > 0),
   none with a NULL name (ERROR_INVALID_PARAMETER). */
NBI_INTERNAL NET_API_STATUS nbi_mgmt_group_users(DWORD level, LPBYTE buf, DWORD count);

/* NetLocalGroupAdd/Del/SetMembers: level 0 (a SID each: not NULL, revision
   1, at most 15 sub-authorities) or 3 (a name each: not NULL, not empty);
   else ERROR_INVALID_LEVEL or ERROR_INVALID_PARAMETER as above. */
NBI_INTERNAL NET_API_STATUS nbi_mgmt_members(DWORD level, LPBYTE buf, DWORD count);

#endif /* NBI_API_MGMT_INPUT_H */
