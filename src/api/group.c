/*
 * group.c — the exported global-group functions of issue 11: NetGroupAdd,
 * NetGroupDel, NetGroupEnum, NetGroupGetInfo, NetGroupSetInfo,
 * NetGroupAddUser, NetGroupDelUser, NetGroupGetUsers, NetGroupSetUsers.
 * Checks as in usermgmt.c, then this machine (local/mgmt.h) or a server
 * (remote/mgmt.h).
 */
#include <lm.h>

#include "api/dispatch.h"
#include "api/mgmt_input.h"
#include "local/mgmt.h"
#include "net/input.h"
#include "net/paging.h"
#include "remote/mgmt.h"

static const struct nbi_input_field g0_name[] = {
    NBI_REQUIRED(GROUP_INFO_0, grpi0_name, GROUP_NAME_PARMNUM)};
static const struct nbi_input_field g1_name[] = {
    NBI_REQUIRED(GROUP_INFO_1, grpi1_name, GROUP_NAME_PARMNUM)};
static const struct nbi_input_field g2_name[] = {
    NBI_REQUIRED(GROUP_INFO_2, grpi2_name, GROUP_NAME_PARMNUM)};
static const struct nbi_input_field g3_name[] = {
    NBI_REQUIRED(GROUP_INFO_3, grpi3_name, GROUP_NAME_PARMNUM)};

static const struct nbi_input_level add_input[] = {
    NBI_INPUT_ROW(0, g0_name),
    NBI_INPUT_ROW(1, g1_name),
    NBI_INPUT_ROW(2, g2_name),
    NBI_INPUT_ROW(3, g3_name),
};

/* SetInfo's levels 1 to 3 set the comment (their names are ignored): it
   must be there, as in 1002, whose only member it is. */
static const struct nbi_input_field g1_comment[] = {
    NBI_REQUIRED(GROUP_INFO_1, grpi1_comment, GROUP_COMMENT_PARMNUM)};
static const struct nbi_input_field g2_comment[] = {
    NBI_REQUIRED(GROUP_INFO_2, grpi2_comment, GROUP_COMMENT_PARMNUM)};
static const struct nbi_input_field g3_comment[] = {
    NBI_REQUIRED(GROUP_INFO_3, grpi3_comment, GROUP_COMMENT_PARMNUM)};
static const struct nbi_input_field g1002[] = {
    NBI_REQUIRED(GROUP_INFO_1002, grpi1002_comment, GROUP_COMMENT_PARMNUM)};

static const struct nbi_input_level set_input[] = {
    NBI_INPUT_ROW(0, g0_name),       NBI_INPUT_ROW(1, g1_comment), NBI_INPUT_ROW(2, g2_comment),
    NBI_INPUT_ROW(3, g3_comment),    NBI_INPUT_ROW(1002, g1002),   NBI_INPUT_ANY(1005),
};

#define ROWS(a) (sizeof a / sizeof *a)

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupAdd(LPCSTR servername, DWORD level, LPBYTE buf,
                                                       LPDWORD parm_err)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_input_check(add_input, ROWS(add_input), level, buf, parm_err, NULL);
    /* every level's record starts with the name */
    if (st == NERR_Success)
        st = nbi_mgmt_name(((const GROUP_INFO_0 *)buf)->grpi0_name, GROUP_NAME_PARMNUM, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_add(servername, level, buf);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupDel(LPCSTR servername, LPCSTR groupname)
{
    enum nbi_server where;
    NET_API_STATUS st = groupname ? nbi_api_where(servername, &where) : ERROR_INVALID_PARAMETER;
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_del(servername, groupname);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupEnum(LPCSTR servername, DWORD level,
                                                        LPBYTE *bufptr, DWORD prefmaxlen,
                                                        LPDWORD entriesread,
                                                        LPDWORD totalentries,
                                                        PDWORD_PTR resume_handle)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_enum(servername, level, bufptr, prefmaxlen, entriesread,
                                     totalentries, resume_handle);
    return nbi_local_group_enum(level, bufptr, prefmaxlen, entriesread, totalentries,
                                resume_handle);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupGetInfo(LPCSTR servername, LPCSTR groupname,
                                                           DWORD level, LPBYTE *bufptr)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(bufptr);
    if (st == NERR_Success && !groupname)
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_get_info(servername, groupname, level, bufptr);
    return nbi_local_group_get_info(groupname, level, bufptr);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupSetInfo(LPCSTR servername, LPCSTR groupname,
                                                           DWORD level, LPBYTE buf,
                                                           LPDWORD parm_err)
{
    enum nbi_server where;
    nbi_parm_none(parm_err);
    NET_API_STATUS st = groupname ? NERR_Success : ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_input_check(set_input, ROWS(set_input), level, buf, parm_err, NULL);
    if (st == NERR_Success && level == 0)
        st = nbi_mgmt_name(((const GROUP_INFO_0 *)buf)->grpi0_name, GROUP_NAME_PARMNUM, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_set_info(servername, groupname, level, buf);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupAddUser(LPCSTR servername, LPCSTR GroupName,
                                                           LPCSTR username)
{
    enum nbi_server where;
    NET_API_STATUS st =
        GroupName && username ? nbi_api_where(servername, &where) : ERROR_INVALID_PARAMETER;
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_add_user(servername, GroupName, username);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupDelUser(LPCSTR servername, LPCSTR GroupName,
                                                           LPCSTR Username)
{
    enum nbi_server where;
    NET_API_STATUS st =
        GroupName && Username ? nbi_api_where(servername, &where) : ERROR_INVALID_PARAMETER;
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_del_user(servername, GroupName, Username);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupGetUsers(LPCSTR servername, LPCSTR groupname,
                                                            DWORD level, LPBYTE *bufptr,
                                                            DWORD prefmaxlen,
                                                            LPDWORD entriesread,
                                                            LPDWORD totalentries,
                                                            PDWORD_PTR ResumeHandle)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_enum_start(bufptr, entriesread, totalentries);
    if (st == NERR_Success && !groupname)
        st = ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_get_users(servername, groupname, level, bufptr, prefmaxlen,
                                          entriesread, totalentries, ResumeHandle);
    return nbi_local_group_get_users(groupname, level, bufptr, prefmaxlen, entriesread,
                                     totalentries, ResumeHandle);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGroupSetUsers(LPCSTR servername, LPCSTR groupname,
                                                            DWORD level, LPBYTE buf,
                                                            DWORD totalentries)
{
    enum nbi_server where;
    NET_API_STATUS st = groupname ? NERR_Success : ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_mgmt_group_users(level, buf, totalentries);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_group_set_users(servername, groupname, level, buf, totalentries);
    return nbi_local_write_refused();
}
