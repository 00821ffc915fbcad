/*
 * group.c — this machine's global groups, as a Windows workstation has
 * them (local/mgmt.h): NetGroupEnum, NetGroupGetInfo, NetGroupGetUsers and
 * NetUserGetGroups over the one group "None", whose members are every user
 * of the user database (NSS).  Layer 5: the packer and the paging only.
 *
 * Why "None": Windows keeps a global group in every account domain, and a
 * workstation's (or a standalone server's) has exactly one, "None"
 * (DOMAIN_GROUP_RID_USERS, 513), every local account's primary group;
 * Samba's standalone server answers the same.  Unix groups have no such
 * role here: they are this machine's local groups (NetLocalGroupEnum).
 * "None" has no SID here (grpi3_group_sid NULL): this machine's accounts
 * carry Samba's Unix SIDs (S-1-22-1-<uid>, S-1-22-2-<gid>), and "None" is
 * not a Unix group.
 */
#include <stdalign.h>
#include <strings.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/local.h"
#include "local/mgmt.h"
#include "net/layouts.h"
#include "net/paging.h"
#include "pack/pack.h"

/* SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED */
#define MEMBER_ATTRIBUTES 7u

static char none_name[] = NETAPIBUF_LOCAL_GROUP_NAME;
static char none_comment[] = NETAPIBUF_LOCAL_GROUP_COMMENT;

/* Group names are case-insensitive, as on Windows. */
static int is_none(LPCSTR name)
{
    return strcasecmp(name, none_name) == 0;
}

union group_rec {
    GROUP_INFO_0 g0;
    GROUP_INFO_1 g1;
    GROUP_INFO_2 g2;
    GROUP_INFO_3 g3;
};

/* "None" at level, with its layout; NULL for a level GROUP_INFO lacks. */
static const struct nbi_layout *none_record(DWORD level, union group_rec *r)
{
    switch (level) {
    case 0:
        r->g0.grpi0_name = none_name;
        return &nbi_layout_GROUP_INFO_0;
    case 1:
        r->g1.grpi1_name = none_name;
        r->g1.grpi1_comment = none_comment;
        return &nbi_layout_GROUP_INFO_1;
    case 2:
        r->g2.grpi2_name = none_name;
        r->g2.grpi2_comment = none_comment;
        r->g2.grpi2_group_id = DOMAIN_GROUP_RID_USERS;
        r->g2.grpi2_attributes = MEMBER_ATTRIBUTES;
        return &nbi_layout_GROUP_INFO_2;
    case 3:
        r->g3.grpi3_name = none_name;
        r->g3.grpi3_comment = none_comment;
        r->g3.grpi3_group_sid = NULL;
        r->g3.grpi3_attributes = MEMBER_ATTRIBUTES;
        return &nbi_layout_GROUP_INFO_3;
    default: return NULL;
    }
}

NET_API_STATUS nbi_local_group_enum(DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                    LPDWORD entriesread, LPDWORD totalentries,
                                    PDWORD_PTR resume_handle)
{
    union group_rec r;
    const struct nbi_layout *layout = none_record(level, &r);
    if (!layout)
        return ERROR_INVALID_LEVEL;
    /* One entry: a page always holds it (SPEC section 4), so no call ever
       continues; a handle from elsewhere is past the end. */
    DWORD past = resume_handle && *resume_handle;
    if (resume_handle)
        *resume_handle = 0;
    *totalentries = 1;
    if (past)
        return NERR_Success;
    return nbi_pack(layout, &r, 1, prefmaxlen, bufptr, entriesread);
}

NET_API_STATUS nbi_local_group_get_info(LPCSTR groupname, DWORD level, LPBYTE *bufptr)
{
    union group_rec r;
    const struct nbi_layout *layout = none_record(level, &r);
    DWORD n;
    if (!layout)
        return ERROR_INVALID_LEVEL;
    if (!is_none(groupname))
        return NERR_GroupNotFound;
    return nbi_pack(layout, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
}

static NET_API_STATUS user_exists(const struct passwd *pw, void *ctx)
{
    (void)pw;
    (void)ctx;
    return NERR_Success;
}

NET_API_STATUS nbi_local_user_get_groups(LPCSTR username, DWORD level, LPBYTE *bufptr,
                                         DWORD prefmaxlen, LPDWORD entriesread,
                                         LPDWORD totalentries)
{
    if (level > 1)
        return ERROR_INVALID_LEVEL;
    if (!username[0])
        return NERR_UserNotFound;
    NET_API_STATUS st = nbi_local_user_by_name(username, user_exists, NULL);
    if (st != NERR_Success)
        return st;
    GROUP_USERS_INFO_1 g = {none_name, MEMBER_ATTRIBUTES};
    /* GROUP_USERS_INFO_0 is GROUP_USERS_INFO_1's first member */
    st = nbi_pack(level ? &nbi_layout_GROUP_USERS_INFO_1 : &nbi_layout_GROUP_USERS_INFO_0, &g, 1,
                  prefmaxlen, bufptr, entriesread);
    if (st == NERR_Success)
        *totalentries = 1;
    return st;
}

/* ---- the members of "None": every user, paged ------------------------------------- */

static NET_API_STATUS add_member(const struct passwd *pw, void *snapshot)
{
    GROUP_USERS_INFO_1 m = {pw->pw_name, MEMBER_ATTRIBUTES};
    return netapibuf_packer_add(snapshot, &m);
}

static NET_API_STATUS members_fill(netapibuf_packer *snapshot, void *ctx)
{
    (void)ctx;
    return nbi_local_walk_users(add_member, snapshot);
}

/* The snapshot keeps level 1's records; level 0 takes their names. */
static const struct nbi_resume_kind members_kind = {&nbi_layout_GROUP_USERS_INFO_1, members_fill};

static void to_level_0(DWORD level, const void *source, void *record)
{
    (void)level;
    GROUP_USERS_INFO_0 *r = record;
    r->grui0_name = ((const GROUP_USERS_INFO_1 *)source)->grui1_name;
}

NET_API_STATUS nbi_local_group_get_users(LPCSTR groupname, DWORD level, LPBYTE *bufptr,
                                         DWORD prefmaxlen, LPDWORD entriesread,
                                         LPDWORD totalentries, PDWORD_PTR resume_handle)
{
    if (level > 1)
        return ERROR_INVALID_LEVEL;
    if (!is_none(groupname))
        return NERR_GroupNotFound;
    const struct nbi_page_spec spec = {
        &members_kind, NULL, NULL, level,
        level ? &nbi_layout_GROUP_USERS_INFO_1 : &nbi_layout_GROUP_USERS_INFO_0,
        level ? NULL : to_level_0};
    return nbi_page_enum_resume(&spec, prefmaxlen, resume_handle, NULL, bufptr, entriesread,
                                totalentries);
}
