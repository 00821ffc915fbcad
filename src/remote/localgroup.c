/*
 * localgroup.c — NetLocalGroupEnum, NetLocalGroupGetInfo and
 * NetLocalGroupGetMembers against a server.
 *
 * None of the three goes through libnetapi (samr.h says why): they are
 * answered through Samba's SAMR and LSA client calls; the enumerations'
 * rows name their own snapshot fills instead of a Samba page.
 */
#include <stdio.h>
#include <string.h>

#include <lm.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "platform/sysalloc.h"
#include "remote/functions.h"
#include "remote/samr.h"
#include "remote/table.h"

static NET_API_STATUS aliases_fill(netapibuf_packer *snapshot, void *ctx);
static NET_API_STATUS members_fill(netapibuf_packer *snapshot, void *ctx);

/* Rows answered by a fill of their own (no Samba page, no conversion). */
#define OWN_ROW(lvl, type, fill) \
    {lvl, &nbi_layout_##type, sizeof(type), NULL, NULL, {&nbi_layout_##type, fill}}

static const struct nbi_remote_level enum_rows[] = {
    OWN_ROW(0, LOCALGROUP_INFO_0, aliases_fill),
    OWN_ROW(1, LOCALGROUP_INFO_1, aliases_fill),
};

static const struct nbi_remote_level info_rows[] = {
    NBI_ROW_SAME(0, LOCALGROUP_INFO_0, NULL),
    NBI_ROW_SAME(1, LOCALGROUP_INFO_1, NULL),
    NBI_ROW_SAME(1002, LOCALGROUP_INFO_1002, NULL),
};

static const struct nbi_remote_level member_rows[] = {
    OWN_ROW(0, LOCALGROUP_MEMBERS_INFO_0, members_fill),
    OWN_ROW(1, LOCALGROUP_MEMBERS_INFO_1, members_fill),
    OWN_ROW(2, LOCALGROUP_MEMBERS_INFO_2, members_fill),
    OWN_ROW(3, LOCALGROUP_MEMBERS_INFO_3, members_fill),
};

#define ROWS(a) (sizeof a / sizeof *a)

/* ---- NetLocalGroupEnum ---------------------------------------------------------- */

/* One alias into the snapshot: LOCALGROUP_INFO_0 is LOCALGROUP_INFO_1's
   first field, so one record serves both levels. */
static NET_API_STATUS add_alias(const char *name, const char *comment, void *snapshot)
{
    LOCALGROUP_INFO_1 r = {nbi_samba_string(name), nbi_samba_string(comment)};
    return netapibuf_packer_add(snapshot, &r);
}

static NET_API_STATUS aliases_fill(netapibuf_packer *snapshot, void *ctx)
{
    const struct nbi_fill_ctx *f = ctx;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, f->args->server);
    if (st != NERR_Success)
        return st;
    st = nbi_samr_enum_aliases(&r, f->args->server, f->row->level == 1, add_alias, snapshot);
    nbi_remote_leave(&r);
    return nbi_remote_status(st, NBI_NOUN_NONE, f->args->server);
}

NET_API_STATUS nbi_remote_localgroup_enum(LPCSTR server, DWORD level, LPBYTE *bufptr,
                                          DWORD prefmaxlen, LPDWORD entriesread,
                                          LPDWORD totalentries, PDWORD_PTR resumehandle)
{
    const struct nbi_remote_level *row = nbi_remote_row(enum_rows, ROWS(enum_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    struct nbi_enum_args args = {nbi_server_bare(server), NULL, level, 0};
    return nbi_remote_enumerate(row, &args, NBI_NOUN_NONE, prefmaxlen, resumehandle,
                                NULL, bufptr, entriesread, totalentries);
}

/* ---- NetLocalGroupGetInfo ------------------------------------------------------- */

/* NetLocalGroupGetInfo goes through SAMR too (samr.h): libnetapi's asks
   for rights only an administrator has. */
struct alias_one {
    const struct nbi_remote_level *row;
    LPBYTE *bufptr;
};

/* The alias as the row's record, packed while Samba's strings live. */
static NET_API_STATUS pack_alias(const char *name, const char *comment, void *ctx)
{
    struct alias_one *a = ctx;
    switch (a->row->level) {
    case 0: {
        LOCALGROUP_INFO_0 r = {nbi_samba_string(name)};
        return nbi_remote_pack_one(a->row, &r, a->bufptr);
    }
    case 1: {
        LOCALGROUP_INFO_1 r = {nbi_samba_string(name), nbi_samba_string(comment)};
        return nbi_remote_pack_one(a->row, &r, a->bufptr);
    }
    default: {
        LOCALGROUP_INFO_1002 r = {nbi_samba_string(comment)};
        return nbi_remote_pack_one(a->row, &r, a->bufptr);
    }
    }
}

NET_API_STATUS nbi_remote_localgroup_get_info(LPCSTR server, LPCSTR groupname, DWORD level,
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
    struct alias_one a = {row, bufptr};
    st = nbi_samr_alias_info(&r, bare, groupname, pack_alias, &a);
    nbi_remote_leave(&r);
    if (st != NERR_Success && *bufptr) {
        NetApiBufferFree(*bufptr);
        *bufptr = NULL;
    }
    return st == NERR_Success ? st : nbi_remote_status(st, NBI_NOUN_LOCALGROUP, bare);
}

/* ---- NetLocalGroupGetMembers ---------------------------------------------------- */

struct member_add {
    netapibuf_packer *snapshot;
    DWORD level;
};

/* One member as the level's record: the SID as a blob the packer copies,
   "DOMAIN\name" where the level wants it. */
static NET_API_STATUS add_member(const struct nbi_alias_member *m, void *ctx)
{
    struct member_add *a = ctx;
    size_t n = strlen(m->domain) + strlen(m->name) + 2;
    char *qualified = nbi_sys_malloc(n);
    if (!qualified)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (m->domain[0])
        snprintf(qualified, n, "%s\\%s", m->domain, m->name);
    else
        snprintf(qualified, n, "%s", m->name);
    PSID sid = (PSID)(uintptr_t)m->sid;
    NET_API_STATUS st;
    switch (a->level) {
    case 0: {
        LOCALGROUP_MEMBERS_INFO_0 r = {sid};
        st = netapibuf_packer_add(a->snapshot, &r);
        break;
    }
    case 1: {
        LOCALGROUP_MEMBERS_INFO_1 r;
        memset(&r, 0, sizeof r); /* padding after the SID_NAME_USE */
        r.lgrmi1_sid = sid;
        r.lgrmi1_sidusage = m->use;
        r.lgrmi1_name = nbi_samba_string(m->name);
        st = netapibuf_packer_add(a->snapshot, &r);
        break;
    }
    case 2: {
        LOCALGROUP_MEMBERS_INFO_2 r;
        memset(&r, 0, sizeof r);
        r.lgrmi2_sid = sid;
        r.lgrmi2_sidusage = m->use;
        r.lgrmi2_domainandname = qualified;
        st = netapibuf_packer_add(a->snapshot, &r);
        break;
    }
    default: {
        LOCALGROUP_MEMBERS_INFO_3 r = {qualified};
        st = netapibuf_packer_add(a->snapshot, &r);
        break;
    }
    }
    nbi_sys_free(qualified);
    return st;
}

static NET_API_STATUS members_fill(netapibuf_packer *snapshot, void *ctx)
{
    const struct nbi_fill_ctx *f = ctx;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, f->args->server);
    if (st != NERR_Success)
        return st;
    struct member_add a = {snapshot, f->row->level};
    st = nbi_samr_alias_members(&r, f->args->server, f->args->name, add_member, &a);
    nbi_remote_leave(&r);
    return nbi_remote_status(st, NBI_NOUN_LOCALGROUP, f->args->server);
}

NET_API_STATUS nbi_remote_localgroup_get_members(LPCSTR server, LPCSTR groupname, DWORD level,
                                                 LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries,
                                                 PDWORD_PTR resumehandle)
{
    const struct nbi_remote_level *row = nbi_remote_row(member_rows, ROWS(member_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    struct nbi_enum_args args = {nbi_server_bare(server), groupname, level, 0};
    return nbi_remote_enumerate(row, &args, NBI_NOUN_LOCALGROUP, prefmaxlen, resumehandle,
                                NULL, bufptr, entriesread, totalentries);
}
