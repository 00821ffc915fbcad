/*
 * usermgmt.c — the exported user functions of issue 11: NetUserAdd,
 * NetUserDel, NetUserSetInfo, NetUserChangePassword, NetUserGetGroups,
 * NetUserSetGroups, NetUserModalsGet, NetUserModalsSet and
 * NetQueryDisplayInformation.
 *
 * Each checks, in this order, what every answer shares: the out-parameters
 * and name arguments (87, out-parameters zeroed), the caller's record for
 * its level (net/input.h: 124 for a level the function lacks, 87 with
 * *parm_err naming the member at fault, as Windows does), then the server
 * name (123 when malformed); then this machine answers (local/mgmt.h) or a
 * server does (remote/mgmt.h).  Nothing is sent anywhere before the record
 * has passed.
 */
#include <lm.h>

#include "api/dispatch.h"
#include "api/mgmt_input.h"
#include "local/mgmt.h"
#include "net/input.h"
#include "net/paging.h"
#include "remote/mgmt.h"

/* ---- the records Add and SetInfo accept ---------------------------------------------- */

static const struct nbi_input_field u1_name[] = {
    NBI_REQUIRED(USER_INFO_1, usri1_name, USER_NAME_PARMNUM)};
static const struct nbi_input_field u2_name[] = {
    NBI_REQUIRED(USER_INFO_2, usri2_name, USER_NAME_PARMNUM)};
static const struct nbi_input_field u3_name[] = {
    NBI_REQUIRED(USER_INFO_3, usri3_name, USER_NAME_PARMNUM)};
static const struct nbi_input_field u4_name[] = {
    NBI_REQUIRED(USER_INFO_4, usri4_name, USER_NAME_PARMNUM)};

static const struct nbi_input_level add_input[] = {
    NBI_INPUT_ROW(1, u1_name),
    NBI_INPUT_ROW(2, u2_name),
    NBI_INPUT_ROW(3, u3_name),
    NBI_INPUT_ROW(4, u4_name),
};

/* The one-field levels exist to set their field: a NULL string there is a
   mistake, not "leave it" (which a NULL string means in levels 1 to 4). */
static const struct nbi_input_field u0_name[] = {
    NBI_REQUIRED(USER_INFO_0, usri0_name, USER_NAME_PARMNUM)};
static const struct nbi_input_field u1003[] = {
    NBI_REQUIRED(USER_INFO_1003, usri1003_password, USER_PASSWORD_PARMNUM)};
static const struct nbi_input_field u1006[] = {
    NBI_REQUIRED(USER_INFO_1006, usri1006_home_dir, USER_HOME_DIR_PARMNUM)};
static const struct nbi_input_field u1007[] = {
    NBI_REQUIRED(USER_INFO_1007, usri1007_comment, USER_COMMENT_PARMNUM)};
static const struct nbi_input_field u1009[] = {
    NBI_REQUIRED(USER_INFO_1009, usri1009_script_path, USER_SCRIPT_PATH_PARMNUM)};
static const struct nbi_input_field u1011[] = {
    NBI_REQUIRED(USER_INFO_1011, usri1011_full_name, USER_FULL_NAME_PARMNUM)};
static const struct nbi_input_field u1012[] = {
    NBI_REQUIRED(USER_INFO_1012, usri1012_usr_comment, USER_USR_COMMENT_PARMNUM)};
static const struct nbi_input_field u1013[] = {
    NBI_REQUIRED(USER_INFO_1013, usri1013_parms, USER_PARMS_PARMNUM)};
static const struct nbi_input_field u1014[] = {
    NBI_REQUIRED(USER_INFO_1014, usri1014_workstations, USER_WORKSTATIONS_PARMNUM)};
static const struct nbi_input_field u1023[] = {
    NBI_REQUIRED(USER_INFO_1023, usri1023_logon_server, USER_LOGON_SERVER_PARMNUM)};
static const struct nbi_input_field u1052[] = {
    NBI_REQUIRED(USER_INFO_1052, usri1052_profile, USER_PROFILE_PARMNUM)};
static const struct nbi_input_field u1053[] = {
    NBI_REQUIRED(USER_INFO_1053, usri1053_home_dir_drive, USER_HOME_DIR_DRIVE_PARMNUM)};

static const struct nbi_input_level set_input[] = {
    NBI_INPUT_ROW(0, u0_name),   NBI_INPUT_ANY(1),           NBI_INPUT_ANY(2),
    NBI_INPUT_ANY(3),            NBI_INPUT_ANY(4),           NBI_INPUT_ANY(21),
    NBI_INPUT_ANY(22),           NBI_INPUT_ROW(1003, u1003), NBI_INPUT_ANY(1005),
    NBI_INPUT_ROW(1006, u1006),  NBI_INPUT_ROW(1007, u1007), NBI_INPUT_ANY(1008),
    NBI_INPUT_ROW(1009, u1009),  NBI_INPUT_ANY(1010),        NBI_INPUT_ROW(1011, u1011),
    NBI_INPUT_ROW(1012, u1012),  NBI_INPUT_ROW(1013, u1013), NBI_INPUT_ROW(1014, u1014),
    NBI_INPUT_ANY(1017),         NBI_INPUT_ANY(1018),        NBI_INPUT_ANY(1020),
    NBI_INPUT_ROW(1023, u1023),  NBI_INPUT_ANY(1024),        NBI_INPUT_ANY(1025),
    NBI_INPUT_ANY(1051),         NBI_INPUT_ROW(1052, u1052), NBI_INPUT_ROW(1053, u1053),
};

static const struct nbi_input_field m2[] = {
    NBI_REQUIRED(USER_MODALS_INFO_2, usrmod2_domain_name, MODALS_DOMAIN_NAME_PARMNUM),
    NBI_REQUIRED(USER_MODALS_INFO_2, usrmod2_domain_id, MODALS_DOMAIN_ID_PARMNUM)};
static const struct nbi_input_field m1007[] = {
    NBI_REQUIRED(USER_MODALS_INFO_1007, usrmod1007_primary, MODALS_PRIMARY_PARMNUM)};

static const struct nbi_input_level modals_input[] = {
    NBI_INPUT_ANY(0),    NBI_INPUT_ANY(1),    NBI_INPUT_ROW(2, m2), NBI_INPUT_ANY(3),
    NBI_INPUT_ANY(1001), NBI_INPUT_ANY(1002), NBI_INPUT_ANY(1003),  NBI_INPUT_ANY(1004),
    NBI_INPUT_ANY(1005), NBI_INPUT_ANY(1006), NBI_INPUT_ROW(1007, m1007),
};

#define ROWS(a) (sizeof a / sizeof *a)

/* Values Windows refuses in a user record (after the NULL checks). */
static NET_API_STATUS user_values(DWORD level, const void *buf, int add, LPDWORD parm_err)
{
    const USER_INFO_2 *u2 = buf;
    switch (level) {
    case 0: return nbi_mgmt_name(((const USER_INFO_0 *)buf)->usri0_name, USER_NAME_PARMNUM,
                                 parm_err);
    case 1:
    case 2:
    case 3:
    case 4: {
        /* levels 1 to 4 share USER_INFO_1's members; 2 to 4 USER_INFO_2's */
        const USER_INFO_1 *u = buf;
        NET_API_STATUS st = NERR_Success;
        if (add)
            st = nbi_mgmt_name(u->usri1_name, USER_NAME_PARMNUM, parm_err);
        /* a new account is an ordinary user: privileges come from
           membership of BUILTIN's groups */
        if (st == NERR_Success && add && u->usri1_priv != USER_PRIV_USER)
            st = nbi_mgmt_refuse(USER_PRIV_PARMNUM, parm_err);
        if (st == NERR_Success)
            st = nbi_mgmt_user_flags(u->usri1_flags, parm_err);
        if (st == NERR_Success && level >= 2)
            st = nbi_mgmt_logon_hours(u2->usri2_units_per_week, u2->usri2_logon_hours, parm_err);
        /* a new account's primary group is the domain's users */
        if (st == NERR_Success && add && level == 3 &&
            ((const USER_INFO_3 *)buf)->usri3_primary_group_id != DOMAIN_GROUP_RID_USERS)
            st = nbi_mgmt_refuse(USER_PRIMARY_GROUP_PARMNUM, parm_err);
        if (st == NERR_Success && add && level == 4 &&
            ((const USER_INFO_4 *)buf)->usri4_primary_group_id != DOMAIN_GROUP_RID_USERS)
            st = nbi_mgmt_refuse(USER_PRIMARY_GROUP_PARMNUM, parm_err);
        return st;
    }
    case 22: {
        const USER_INFO_22 *u = buf;
        NET_API_STATUS st = nbi_mgmt_user_flags(u->usri22_flags, parm_err);
        if (st == NERR_Success)
            st = nbi_mgmt_logon_hours(u->usri22_units_per_week, u->usri22_logon_hours, parm_err);
        return st;
    }
    case 1005:
        return ((const USER_INFO_1005 *)buf)->usri1005_priv > USER_PRIV_ADMIN
                   ? nbi_mgmt_refuse(USER_PRIV_PARMNUM, parm_err)
                   : NERR_Success;
    case 1008: return nbi_mgmt_user_flags(((const USER_INFO_1008 *)buf)->usri1008_flags, parm_err);
    case 1020: {
        const USER_INFO_1020 *u = buf;
        return nbi_mgmt_logon_hours(u->usri1020_units_per_week, u->usri1020_logon_hours, parm_err);
    }
    default: return NERR_Success;
    }
}

/* Values Windows refuses in an account-policy record. */
static NET_API_STATUS modals_values(DWORD level, const void *buf, LPDWORD parm_err)
{
    DWORD role = level == 1 ? ((const USER_MODALS_INFO_1 *)buf)->usrmod1_role
               : level == 1006 ? ((const USER_MODALS_INFO_1006 *)buf)->usrmod1006_role
                               : UAS_ROLE_STANDALONE;
    return role > UAS_ROLE_PRIMARY ? nbi_mgmt_refuse(MODALS_ROLE_PARMNUM, parm_err) : NERR_Success;
}

/* ---- the functions ---------------------------------------------------------------------- */

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserAdd(LPCSTR servername, DWORD level, LPBYTE buf,
                                                      LPDWORD parm_err)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_input_check(add_input, ROWS(add_input), level, buf, parm_err, NULL);
    if (st == NERR_Success)
        st = user_values(level, buf, 1, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_add(servername, level, buf);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserDel(LPCSTR servername, LPCSTR username)
{
    enum nbi_server where;
    NET_API_STATUS st = username ? nbi_api_where(servername, &where) : ERROR_INVALID_PARAMETER;
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_del(servername, username);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserSetInfo(LPCSTR servername, LPCSTR username,
                                                          DWORD level, LPBYTE buf,
                                                          LPDWORD parm_err)
{
    enum nbi_server where;
    nbi_parm_none(parm_err);
    NET_API_STATUS st = username ? NERR_Success : ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_input_check(set_input, ROWS(set_input), level, buf, parm_err, NULL);
    if (st == NERR_Success)
        st = user_values(level, buf, 0, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_set_info(servername, username, level, buf);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserChangePassword(LPCSTR domainname,
                                                                 LPCSTR username,
                                                                 LPCSTR oldpassword,
                                                                 LPCSTR newpassword)
{
    enum nbi_server where;
    NET_API_STATUS st = username && oldpassword && newpassword
                            ? nbi_api_where(domainname, &where)
                            : ERROR_INVALID_PARAMETER;
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_change_password(domainname, username, oldpassword, newpassword);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserGetGroups(LPCSTR servername, LPCSTR username,
                                                            DWORD level, LPBYTE *bufptr,
                                                            DWORD prefmaxlen,
                                                            LPDWORD entriesread,
                                                            LPDWORD totalentries)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success && !username)
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_get_groups(servername, username, level, bufptr, prefmaxlen,
                                          entriesread, totalentries);
    return nbi_local_user_get_groups(username, level, bufptr, prefmaxlen, entriesread,
                                     totalentries);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserSetGroups(LPCSTR servername, LPCSTR username,
                                                            DWORD level, LPBYTE buf,
                                                            DWORD num_entries)
{
    enum nbi_server where;
    NET_API_STATUS st = username ? NERR_Success : ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_mgmt_group_users(level, buf, num_entries);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_set_groups(servername, username, level, buf, num_entries);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserModalsGet(LPCSTR servername, DWORD level,
                                                            LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_modals_get(servername, level, bufptr);
    return nbi_local_user_modals_get(level, bufptr);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUserModalsSet(LPCSTR servername, DWORD level,
                                                            LPBYTE buf, LPDWORD parm_err)
{
    enum nbi_server where;
    NET_API_STATUS st =
        nbi_input_check(modals_input, ROWS(modals_input), level, buf, parm_err, NULL);
    if (st == NERR_Success)
        st = modals_values(level, buf, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_user_modals_set(servername, level, buf);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetQueryDisplayInformation(
    LPCSTR ServerName, DWORD Level, DWORD Index, DWORD EntriesRequested,
    DWORD PreferredMaximumLength, LPDWORD ReturnedEntryCount, PVOID *SortedBuffer)
{
    enum nbi_server where;
    if (SortedBuffer)
        *SortedBuffer = NULL;
    if (ReturnedEntryCount)
        *ReturnedEntryCount = 0;
    if (!SortedBuffer || !ReturnedEntryCount)
        return ERROR_INVALID_PARAMETER;
    NET_API_STATUS st = nbi_api_where(ServerName, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_query_display(ServerName, Level, Index, EntriesRequested,
                                        PreferredMaximumLength, ReturnedEntryCount,
                                        SortedBuffer);
    return nbi_local_query_display(Level, Index, EntriesRequested, PreferredMaximumLength,
                                   ReturnedEntryCount, SortedBuffer);
}
