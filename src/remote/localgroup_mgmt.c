/*
 * localgroup_mgmt.c — the local-group functions of issue 11 against a
 * server: NetLocalGroupAdd, NetLocalGroupDel, NetLocalGroupSetInfo through
 * Samba's functions (its records are ours), and NetLocalGroupAddMembers,
 * NetLocalGroupDelMembers, NetLocalGroupSetMembers through SAMR and LSA:
 * Samba's abort the process at level 3 and stop half-way at level 0
 * (samr_mgmt.h).
 */
#include <string.h>

#include <lm.h>

#include "net/server_name.h"
#include "platform/sysalloc.h"
#include "remote/mgmt.h"
#include "remote/samr_mgmt.h"
#include "remote/table.h"

#define ROWS(a) (sizeof a / sizeof *a)

static const struct nbi_remote_write add_rows[] = {
    NBI_WRITE_AS_IS(0),
    NBI_WRITE_AS_IS(1),
};

/* Level 1 sets the comment (its name is ignored, as on Windows). */
static const struct nbi_remote_write set_rows[] = {
    NBI_WRITE_AS_IS(0),
    NBI_WRITE_AS_IS(1),
    NBI_WRITE_AS_IS(1002),
};

enum call { ADD, DELETE, SET_INFO };

static NET_API_STATUS localgroup_call(enum call call, LPCSTR server, LPCSTR group, DWORD level,
                                      LPBYTE buf, enum nbi_noun noun)
{
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter_users(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t parm = 0, result;
    switch (call) {
    case ADD: result = r.samba->NetLocalGroupAdd(bare, level, buf, &parm); break;
    case DELETE: result = r.samba->NetLocalGroupDel(bare, group); break;
    default: result = r.samba->NetLocalGroupSetInfo(bare, group, level, buf, &parm); break;
    }
    nbi_remote_leave(&r);
    return result ? nbi_remote_write_status(result, noun, bare) : NERR_Success;
}

/* A name already taken: Samba answers 1379, 1316 or 1318 as the server
   does, which become ERROR_ALIAS_EXISTS, NERR_UserExists, NERR_GroupExists
   (the statuses Windows documents for NetLocalGroupAdd). */
NET_API_STATUS nbi_remote_localgroup_add(LPCSTR server, DWORD level, LPBYTE buf)
{
    if (!nbi_remote_write_row(add_rows, ROWS(add_rows), level))
        return ERROR_INVALID_LEVEL;
    return localgroup_call(ADD, server, NULL, level, buf, NBI_NOUN_NONE);
}

NET_API_STATUS nbi_remote_localgroup_del(LPCSTR server, LPCSTR groupname)
{
    if (!groupname[0])
        return NERR_GroupNotFound;
    return localgroup_call(DELETE, server, groupname, 0, NULL, NBI_NOUN_LOCALGROUP);
}

NET_API_STATUS nbi_remote_localgroup_set_info(LPCSTR server, LPCSTR groupname, DWORD level,
                                              LPBYTE buf)
{
    if (!nbi_remote_write_row(set_rows, ROWS(set_rows), level))
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    return localgroup_call(SET_INFO, server, groupname, level, buf, NBI_NOUN_LOCALGROUP);
}

/* ---- members ------------------------------------------------------------------------------- */

NET_API_STATUS nbi_remote_localgroup_change_members(LPCSTR server, LPCSTR groupname,
                                                   enum nbi_member_change op, DWORD level,
                                                   LPBYTE buf, DWORD count)
{
    if (level != 0 && level != 3)
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    /* LOCALGROUP_MEMBERS_INFO_0 holds a SID pointer, _3 a name pointer:
       one pointer each */
    const void **members = nbi_sys_malloc((count ? count : 1) * sizeof *members);
    if (!members)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (DWORD i = 0; i < count; i++)
        memcpy(&members[i], buf + i * sizeof(void *), sizeof members[i]);
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    uint32_t result = st;
    if (st == NERR_Success) {
        result = nbi_samr_alias_change(&r, bare, groupname, op, level == 0 ? members : NULL,
                                       level == 3 ? (const char *const *)members : NULL, count);
        nbi_remote_leave(&r);
    }
    nbi_sys_free(members);
    if (st != NERR_Success)
        return st;
    return result ? nbi_remote_write_status(result, NBI_NOUN_LOCALGROUP, bare) : NERR_Success;
}
