/*
 * localgroup_mgmt.c — the exported local-group functions of issue 11:
 * NetLocalGroupAdd, NetLocalGroupDel, NetLocalGroupSetInfo,
 * NetLocalGroupAddMembers, NetLocalGroupDelMembers, NetLocalGroupSetMembers.
 * Checks as in usermgmt.c, then this machine (local/mgmt.h) or a server
 * (remote/mgmt.h).
 */
#include <lm.h>

#include "api/dispatch.h"
#include "api/mgmt_input.h"
#include "local/mgmt.h"
#include "net/input.h"
#include "remote/mgmt.h"

static const struct nbi_input_field lg0_name[] = {
    NBI_REQUIRED(LOCALGROUP_INFO_0, lgrpi0_name, LOCALGROUP_NAME_PARMNUM)};
static const struct nbi_input_field lg1_name[] = {
    NBI_REQUIRED(LOCALGROUP_INFO_1, lgrpi1_name, LOCALGROUP_NAME_PARMNUM)};
static const struct nbi_input_field lg1_comment[] = {
    NBI_REQUIRED(LOCALGROUP_INFO_1, lgrpi1_comment, LOCALGROUP_COMMENT_PARMNUM)};
static const struct nbi_input_field lg1002[] = {
    NBI_REQUIRED(LOCALGROUP_INFO_1002, lgrpi1002_comment, LOCALGROUP_COMMENT_PARMNUM)};

static const struct nbi_input_level add_input[] = {
    NBI_INPUT_ROW(0, lg0_name),
    NBI_INPUT_ROW(1, lg1_name),
};

/* Level 1 sets the comment (its name is ignored, as on Windows). */
static const struct nbi_input_level set_input[] = {
    NBI_INPUT_ROW(0, lg0_name),
    NBI_INPUT_ROW(1, lg1_comment),
    NBI_INPUT_ROW(1002, lg1002),
};

#define ROWS(a) (sizeof a / sizeof *a)

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupAdd(LPCSTR servername, DWORD level,
                                                            LPBYTE buf, LPDWORD parm_err)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_input_check(add_input, ROWS(add_input), level, buf, parm_err, NULL);
    /* both levels' records start with the name */
    if (st == NERR_Success)
        st = nbi_mgmt_name(((const LOCALGROUP_INFO_0 *)buf)->lgrpi0_name,
                           LOCALGROUP_NAME_PARMNUM, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_localgroup_add(servername, level, buf);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupDel(LPCSTR servername, LPCSTR groupname)
{
    enum nbi_server where;
    NET_API_STATUS st = groupname ? nbi_api_where(servername, &where) : ERROR_INVALID_PARAMETER;
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_localgroup_del(servername, groupname);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupSetInfo(LPCSTR servername,
                                                                LPCSTR groupname, DWORD level,
                                                                LPBYTE buf, LPDWORD parm_err)
{
    enum nbi_server where;
    nbi_parm_none(parm_err);
    NET_API_STATUS st = groupname ? NERR_Success : ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_input_check(set_input, ROWS(set_input), level, buf, parm_err, NULL);
    if (st == NERR_Success && level == 0)
        st = nbi_mgmt_name(((const LOCALGROUP_INFO_0 *)buf)->lgrpi0_name,
                           LOCALGROUP_NAME_PARMNUM, parm_err);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_localgroup_set_info(servername, groupname, level, buf);
    return nbi_local_write_refused();
}

/* The three member functions: the checks, then the server's answer. */
static NET_API_STATUS change_members(enum nbi_member_change op, LPCSTR servername,
                                     LPCSTR groupname, DWORD level, LPBYTE buf, DWORD count)
{
    enum nbi_server where;
    NET_API_STATUS st = groupname ? NERR_Success : ERROR_INVALID_PARAMETER;
    if (st == NERR_Success)
        st = nbi_mgmt_members(level, buf, count);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_localgroup_change_members(servername, groupname, op, level, buf, count);
    return nbi_local_write_refused();
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupAddMembers(LPCSTR servername,
                                                                   LPCSTR groupname, DWORD level,
                                                                   LPBYTE buf,
                                                                   DWORD totalentries)
{
    return change_members(NBI_MEMBERS_ADD, servername, groupname, level, buf, totalentries);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupDelMembers(LPCSTR servername,
                                                                   LPCSTR groupname, DWORD level,
                                                                   LPBYTE buf,
                                                                   DWORD totalentries)
{
    return change_members(NBI_MEMBERS_DEL, servername, groupname, level, buf, totalentries);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetLocalGroupSetMembers(LPCSTR servername,
                                                                   LPCSTR groupname, DWORD level,
                                                                   LPBYTE buf,
                                                                   DWORD totalentries)
{
    return change_members(NBI_MEMBERS_SET, servername, groupname, level, buf, totalentries);
}
