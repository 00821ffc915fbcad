/*
 * group.c — the global-group functions against a server: NetGroupAdd,
 * NetGroupDel, NetGroupEnum, NetGroupGetInfo, NetGroupSetInfo,
 * NetGroupAddUser, NetGroupDelUser, NetGroupGetUsers, NetGroupSetUsers.
 *
 * Samba's functions carry every level (its records are ours), except
 * NetGroupDel and NetGroupSetUsers, which stop half-way when one member
 * cannot be changed, and NetGroupGetInfo, whose strings are freed before it
 * returns: those go through SAMR (samr_mgmt.h).
 * A standalone Samba server keeps global groups as Unix groups: it adds a
 * group only when a Unix group of that name exists (or its "add group
 * script" makes one), and changes members only through its "add user to
 * group script" and "delete user from group script"; otherwise it answers
 * ERROR_ACCESS_DENIED, which is passed on.
 */
#include <string.h>

#include <lm.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "platform/sysalloc.h"
#include "remote/mgmt.h"
#include "remote/samr_mgmt.h"
#include "remote/table.h"

#define ROWS(a) (sizeof a / sizeof *a)

static uint32_t page_groups(struct nbi_remote *r, const struct nbi_enum_args *a,
                            uint32_t *resume, void **buf, uint32_t *count);
static uint32_t page_members(struct nbi_remote *r, const struct nbi_enum_args *a,
                             uint32_t *resume, void **buf, uint32_t *count);

static const struct nbi_remote_level enum_rows[] = {
    NBI_ROW_SAME(0, GROUP_INFO_0, page_groups),
    NBI_ROW_SAME(1, GROUP_INFO_1, page_groups),
    NBI_ROW_SAME(2, GROUP_INFO_2, page_groups),
    NBI_ROW_SAME(3, GROUP_INFO_3, page_groups),
};

/* Carried by SAMR (nbi_samr_group_info), packed at the row's layout. */
static const struct nbi_remote_level info_rows[] = {
    NBI_ROW_SAME(0, GROUP_INFO_0, NULL),
    NBI_ROW_SAME(1, GROUP_INFO_1, NULL),
    NBI_ROW_SAME(2, GROUP_INFO_2, NULL),
    NBI_ROW_SAME(3, GROUP_INFO_3, NULL),
};

static const struct nbi_remote_level member_rows[] = {
    NBI_ROW_SAME(0, GROUP_USERS_INFO_0, page_members),
    NBI_ROW_SAME(1, GROUP_USERS_INFO_1, page_members),
};

/* grpi2_group_id and grpi3_group_sid are ignored by Add, as on Windows. */
static const struct nbi_remote_write add_rows[] = {
    NBI_WRITE_AS_IS(0),
    NBI_WRITE_AS_IS(1),
    NBI_WRITE_AS_IS(2),
    NBI_WRITE_AS_IS(3),
};

static const struct nbi_remote_write set_rows[] = {
    NBI_WRITE_AS_IS(0),    NBI_WRITE_AS_IS(1),    NBI_WRITE_AS_IS(2),
    NBI_WRITE_AS_IS(3),    NBI_WRITE_AS_IS(1002), NBI_WRITE_AS_IS(1005),
};

/* ---- pages ------------------------------------------------------------------------------ */

static uint32_t page_groups(struct nbi_remote *r, const struct nbi_enum_args *a,
                            uint32_t *resume, void **buf, uint32_t *count)
{
    uint32_t total = 0;
    if (!r->samba->have_netapi_users)
        return ERROR_NOT_SUPPORTED;
    return r->samba->NetGroupEnum(a->server, a->level, (uint8_t **)buf, MAX_PREFERRED_LENGTH,
                                  count, &total, resume);
}

static uint32_t page_members(struct nbi_remote *r, const struct nbi_enum_args *a,
                             uint32_t *resume, void **buf, uint32_t *count)
{
    uint32_t total = 0;
    if (!r->samba->have_netapi_users)
        return ERROR_NOT_SUPPORTED;
    uint32_t st = r->samba->NetGroupGetUsers(a->server, a->name, a->level, (uint8_t **)buf,
                                             MAX_PREFERRED_LENGTH, count, &total, resume);
    /* Samba's answer for a local group's or a user's name (1804, "invalid
       data type") is no such global group */
    return st == 1804 ? NERR_GroupNotFound : st;
}

/* ---- the calls ---------------------------------------------------------------------------- */

/* One of Samba's group calls. */
enum group_call { ADD, SET_INFO, ADD_USER, DEL_USER, DELETE, SET_USERS };

struct call_args {
    const char *group, *user;
    DWORD level;
    LPBYTE buf;
    const char *const *names;
    DWORD count;
};

static NET_API_STATUS group_call(enum group_call call, LPCSTR server, const struct call_args *a,
                                 enum nbi_noun noun)
{
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter_users(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t parm = 0, result;
    switch (call) {
    case ADD: result = r.samba->NetGroupAdd(bare, a->level, a->buf, &parm); break;
    case SET_INFO:
        result = r.samba->NetGroupSetInfo(bare, a->group, a->level, a->buf, &parm);
        break;
    case ADD_USER: result = r.samba->NetGroupAddUser(bare, a->group, a->user); break;
    case DEL_USER: result = r.samba->NetGroupDelUser(bare, a->group, a->user); break;
    case DELETE: result = nbi_samr_group_delete(&r, bare, a->group); break;
    default: result = nbi_samr_group_set_users(&r, bare, a->group, a->names, a->count); break;
    }
    nbi_remote_leave(&r);
    return result ? nbi_remote_write_status(result, noun, bare) : NERR_Success;
}

NET_API_STATUS nbi_remote_group_add(LPCSTR server, DWORD level, LPBYTE buf)
{
    if (!nbi_remote_write_row(add_rows, ROWS(add_rows), level))
        return ERROR_INVALID_LEVEL;
    struct call_args a = {NULL, NULL, level, buf, NULL, 0};
    return group_call(ADD, server, &a, NBI_NOUN_NONE);
}

NET_API_STATUS nbi_remote_group_del(LPCSTR server, LPCSTR groupname)
{
    if (!groupname[0])
        return NERR_GroupNotFound;
    struct call_args a = {groupname, NULL, 0, NULL, NULL, 0};
    return group_call(DELETE, server, &a, NBI_NOUN_GROUP);
}

NET_API_STATUS nbi_remote_group_set_info(LPCSTR server, LPCSTR groupname, DWORD level, LPBYTE buf)
{
    if (!nbi_remote_write_row(set_rows, ROWS(set_rows), level))
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    struct call_args a = {groupname, NULL, level, buf, NULL, 0};
    return group_call(SET_INFO, server, &a, NBI_NOUN_GROUP);
}

/* Samba's add and remove say which name was not found themselves
   (NERR_GroupNotFound, NERR_UserNotFound): no noun to apply. */
NET_API_STATUS nbi_remote_group_add_user(LPCSTR server, LPCSTR groupname, LPCSTR username)
{
    if (!groupname[0])
        return NERR_GroupNotFound;
    if (!username[0])
        return NERR_UserNotFound;
    struct call_args a = {groupname, username, 0, NULL, NULL, 0};
    return group_call(ADD_USER, server, &a, NBI_NOUN_NONE);
}

NET_API_STATUS nbi_remote_group_del_user(LPCSTR server, LPCSTR groupname, LPCSTR username)
{
    if (!groupname[0])
        return NERR_GroupNotFound;
    if (!username[0])
        return NERR_UserNotFound;
    struct call_args a = {groupname, username, 0, NULL, NULL, 0};
    return group_call(DEL_USER, server, &a, NBI_NOUN_NONE);
}

NET_API_STATUS nbi_remote_group_set_users(LPCSTR server, LPCSTR groupname, DWORD level,
                                          LPBYTE buf, DWORD totalentries)
{
    if (level > 1)
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    size_t stride = level == 0 ? sizeof(GROUP_USERS_INFO_0) : sizeof(GROUP_USERS_INFO_1);
    const char **names = nbi_sys_malloc((totalentries ? totalentries : 1) * sizeof *names);
    if (!names)
        return ERROR_NOT_ENOUGH_MEMORY;
    /* both levels' records start with the user's name */
    for (DWORD i = 0; i < totalentries; i++)
        memcpy(&names[i], buf + i * stride, sizeof names[i]);
    struct call_args a = {groupname, NULL, level, NULL, names, totalentries};
    NET_API_STATUS st = group_call(SET_USERS, server, &a, NBI_NOUN_GROUP);
    nbi_sys_free(names);
    return st;
}

/* ---- reads -------------------------------------------------------------------------------- */

struct get_info {
    const struct nbi_remote_level *row;
    LPBYTE *bufptr;
};

NET_API_STATUS nbi_remote_group_enum(LPCSTR server, DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                     LPDWORD entriesread, LPDWORD totalentries,
                                     PDWORD_PTR resume_handle)
{
    const struct nbi_remote_level *row = nbi_remote_row(enum_rows, ROWS(enum_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    struct nbi_enum_args args = {nbi_server_bare(server), NULL, level, 0};
    return nbi_remote_enumerate(row, &args, NBI_NOUN_NONE, prefmaxlen, resume_handle,
                                NULL, bufptr, entriesread, totalentries);
}

/* One group as the row's record. */
static NET_API_STATUS pack_group(const struct nbi_group_info *g, void *ctx)
{
    struct get_info *gi = ctx;
    LMSTR name = nbi_samba_string(g->name), comment = nbi_samba_string(g->comment);
    PSID sid = (PSID)(uintptr_t)g->sid;
    switch (gi->row->level) {
    case 0: {
        GROUP_INFO_0 r = {name};
        return nbi_remote_pack_one(gi->row, &r, gi->bufptr);
    }
    case 1: {
        GROUP_INFO_1 r = {name, comment};
        return nbi_remote_pack_one(gi->row, &r, gi->bufptr);
    }
    case 2: {
        GROUP_INFO_2 r = {name, comment, g->rid, g->attributes};
        return nbi_remote_pack_one(gi->row, &r, gi->bufptr);
    }
    default: {
        GROUP_INFO_3 r;
        memset(&r, 0, sizeof r); /* the padding after the attributes */
        r.grpi3_name = name;
        r.grpi3_comment = comment;
        r.grpi3_group_sid = sid;
        r.grpi3_attributes = g->attributes;
        return nbi_remote_pack_one(gi->row, &r, gi->bufptr);
    }
    }
}

/* Through SAMR: Samba 4.17's NetGroupGetInfo returns strings it has freed
   already (samr_mgmt.h). */
NET_API_STATUS nbi_remote_group_get_info(LPCSTR server, LPCSTR groupname, DWORD level,
                                         LPBYTE *bufptr)
{
    const struct nbi_remote_level *row = nbi_remote_row(info_rows, ROWS(info_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    struct get_info gi = {row, bufptr};
    uint32_t result = nbi_samr_group_info(&r, bare, groupname, pack_group, &gi);
    nbi_remote_leave(&r);
    return result ? nbi_remote_write_status(result, NBI_NOUN_GROUP, bare) : NERR_Success;
}

NET_API_STATUS nbi_remote_group_get_users(LPCSTR server, LPCSTR groupname, DWORD level,
                                          LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                          LPDWORD totalentries, PDWORD_PTR resume_handle)
{
    const struct nbi_remote_level *row = nbi_remote_row(member_rows, ROWS(member_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    struct nbi_enum_args args = {nbi_server_bare(server), groupname, level, 0};
    return nbi_remote_enumerate(row, &args, NBI_NOUN_GROUP, prefmaxlen, resume_handle,
                                NULL, bufptr, entriesread, totalentries);
}
