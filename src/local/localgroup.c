/*
 * localgroup.c — NetLocalGroupEnum, NetLocalGroupGetInfo and
 * NetLocalGroupGetMembers over the NSS group database (docs/behaviour.md section 5).
 * Layer 5: the packer, the resume table and the public API only.
 *
 * Field mapping from struct group:
 *   lgrpi*_name           gr_name
 *   lgrpi1_comment        "" (a Unix group has no comment)
 *   lgrmi1_name           a member's user name
 *   lgrmi1_sidusage       SidTypeUser (only users can be members of a Unix group)
 *   lgrmi1_sid            NULL (Unix accounts have no SID)
 *   lgrmi3_domainandname  "HOST\user" (one backslash), HOST being the host name, the
 *                         account domain of a local account as on Windows
 */
#include <errno.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "platform/sysalloc.h"
#include "local/functions.h"
#include "local/local.h"
#include "net/paging.h"
#include "net/resume.h"

/* ---- NetLocalGroupEnum ----------------------------------------------------- */

/* A snapshot keeps the name only: the comment is always "". */
struct group_src {
    char *name;
};
static const size_t group_src_strings[] = {offsetof(struct group_src, name)};
static const struct nbi_field group_src_fields[] = {NBI_FIELD(struct group_src, name)};
static const struct nbi_layout group_src_layout = {
    {sizeof(struct group_src), alignof(struct group_src), 1, group_src_strings, 0, NULL},
    NBI_FIELDS(group_src_fields)};

static const size_t lg0_strings[] = {offsetof(LOCALGROUP_INFO_0, lgrpi0_name)};
static const size_t lg1_strings[] = {offsetof(LOCALGROUP_INFO_1, lgrpi1_name),
                                     offsetof(LOCALGROUP_INFO_1, lgrpi1_comment)};
static const struct nbi_field lg0_fields[] = {NBI_FIELD(LOCALGROUP_INFO_0, lgrpi0_name)};
static const struct nbi_field lg1_fields[] = {NBI_FIELD(LOCALGROUP_INFO_1, lgrpi1_name),
                                              NBI_FIELD(LOCALGROUP_INFO_1, lgrpi1_comment)};
static const struct nbi_layout lg0_layout = {
    {sizeof(LOCALGROUP_INFO_0), alignof(LOCALGROUP_INFO_0), 1, lg0_strings, 0, NULL},
    NBI_FIELDS(lg0_fields)};
static const struct nbi_layout lg1_layout = {
    {sizeof(LOCALGROUP_INFO_1), alignof(LOCALGROUP_INFO_1), 2, lg1_strings, 0, NULL},
    NBI_FIELDS(lg1_fields)};

static const struct nbi_layout *group_layout(DWORD level)
{
    return level == 0 ? &lg0_layout : level == 1 ? &lg1_layout : NULL;
}

static void group_convert(DWORD level, const void *source, void *record)
{
    const struct group_src *g = source;
    if (level == 0) {
        LOCALGROUP_INFO_0 r = {g->name};
        memcpy(record, &r, sizeof r);
    } else {
        LOCALGROUP_INFO_1 r = {g->name, ""};
        memcpy(record, &r, sizeof r);
    }
}

static NET_API_STATUS group_add(const struct group *gr, void *ctx)
{
    struct group_src g = {gr->gr_name};
    return netapibuf_packer_add(ctx, &g);
}

static NET_API_STATUS group_fill(netapibuf_packer *snapshot, void *ctx)
{
    (void)ctx;
    return nbi_local_walk_groups(group_add, snapshot);
}

static const struct nbi_resume_kind group_kind = {&group_src_layout, group_fill};

NET_API_STATUS nbi_local_localgroup_enum(DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                         LPDWORD entriesread, LPDWORD totalentries,
                                         PDWORD_PTR resumehandle)
{
    const struct nbi_page_spec spec = {&group_kind, NULL, NULL, level, group_layout(level),
                                       group_convert};
    if (!spec.layout)
        return ERROR_INVALID_LEVEL;
    return nbi_page_enum_ptr(&spec, prefmaxlen, resumehandle, bufptr, entriesread, totalentries);
}

/* ---- NetLocalGroupGetInfo -------------------------------------------------- */

struct get_info {
    DWORD level;
    LPBYTE buf;
};

static NET_API_STATUS get_info_pack(const struct group *gr, void *ctx)
{
    struct get_info *gi = ctx;
    struct group_src g = {gr->gr_name};
    alignas(16) unsigned char rec[NBI_PAGE_RECORD_MAX];
    DWORD n;
    group_convert(gi->level, &g, rec);
    return nbi_pack(group_layout(gi->level), rec, 1, MAX_PREFERRED_LENGTH, &gi->buf, &n);
}

NET_API_STATUS nbi_local_localgroup_get_info(LPCSTR groupname, DWORD level, LPBYTE *bufptr)
{
    NET_API_STATUS st;
    if (!group_layout(level))
        return ERROR_INVALID_LEVEL;
    if (!groupname[0])
        return NERR_GroupNotFound;
    struct get_info gi = {level, NULL};
    st = nbi_local_group_by_name(groupname, get_info_pack, &gi);
    if (st == NERR_Success)
        *bufptr = gi.buf;
    return st;
}

/* ---- NetLocalGroupGetMembers ----------------------------------------------- */

struct member_src {
    char *name;
    char *domainandname;
};
static const size_t member_src_strings[] = {offsetof(struct member_src, name),
                                            offsetof(struct member_src, domainandname)};
static const struct nbi_field member_src_fields[] = {NBI_FIELD(struct member_src, name),
                                                     NBI_FIELD(struct member_src, domainandname)};
static const struct nbi_layout member_src_layout = {
    {sizeof(struct member_src), alignof(struct member_src), 2, member_src_strings, 0, NULL},
    NBI_FIELDS(member_src_fields)};

static const size_t lm1_strings[] = {offsetof(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name)};
static const size_t lm3_strings[] = {offsetof(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_domainandname)};
/* lgrmi1_sid is a pointer the packer never sees: always NULL here. */
static const struct nbi_field lm1_fields[] = {
    NBI_FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sid),
    NBI_FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sidusage),
    NBI_FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name)};
static const struct nbi_field lm3_fields[] = {
    NBI_FIELD(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_domainandname)};
static const struct nbi_layout lm1_layout = {
    {sizeof(LOCALGROUP_MEMBERS_INFO_1), alignof(LOCALGROUP_MEMBERS_INFO_1), 1, lm1_strings, 0,
     NULL},
    NBI_FIELDS(lm1_fields)};
static const struct nbi_layout lm3_layout = {
    {sizeof(LOCALGROUP_MEMBERS_INFO_3), alignof(LOCALGROUP_MEMBERS_INFO_3), 1, lm3_strings, 0,
     NULL},
    NBI_FIELDS(lm3_fields)};

static void member_convert(DWORD level, const void *source, void *record)
{
    const struct member_src *m = source;
    if (level == 1) {
        LOCALGROUP_MEMBERS_INFO_1 r = {NULL, SidTypeUser, m->name};
        memcpy(record, &r, sizeof r);
    } else {
        LOCALGROUP_MEMBERS_INFO_3 r = {m->domainandname};
        memcpy(record, &r, sizeof r);
    }
}

/*
 * The names already taken, so that each member is listed once: an open
 * addressing set of string hashes with the name kept beside each (copied,
 * since NSS's strings live only during one callback).
 */
struct name_set {
    char **slots;
    size_t cap, used;
};

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static char **set_slot(const struct name_set *set, const char *name)
{
    size_t i = (size_t)name_hash(name) & (set->cap - 1);
    while (set->slots[i] && strcmp(set->slots[i], name) != 0)
        i = (i + 1) & (set->cap - 1);
    return &set->slots[i];
}

static NET_API_STATUS set_grow(struct name_set *set)
{
    size_t cap = set->cap ? set->cap * 2 : 64;
    char **slots = nbi_sys_malloc(cap * sizeof *slots);
    if (!slots)
        return ERROR_NOT_ENOUGH_MEMORY;
    memset(slots, 0, cap * sizeof *slots);
    struct name_set bigger = {slots, cap, set->used};
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i])
            *set_slot(&bigger, set->slots[i]) = set->slots[i];
    nbi_sys_free(set->slots);
    *set = bigger;
    return NERR_Success;
}

/* 1 if name was new and is now in the set, 0 if it was there, -1 out of memory. */
static int set_insert(struct name_set *set, const char *name)
{
    if ((set->used + 1) * 2 > set->cap && set_grow(set) != NERR_Success)
        return -1;
    char **slot = set_slot(set, name);
    if (*slot)
        return 0;
    size_t n = strlen(name) + 1;
    if (!(*slot = nbi_sys_malloc(n)))
        return -1;
    memcpy(*slot, name, n);
    set->used++;
    return 1;
}

static void set_free(struct name_set *set)
{
    for (size_t i = 0; i < set->cap; i++)
        nbi_sys_free(set->slots[i]);
    nbi_sys_free(set->slots);
}

struct members {
    netapibuf_packer *snapshot;
    struct name_set taken;
    const char *host;
    gid_t gid;
};

static NET_API_STATUS member_add(struct members *m, char *user)
{
    int fresh = set_insert(&m->taken, user);
    if (fresh <= 0)
        return fresh < 0 ? ERROR_NOT_ENOUGH_MEMORY : NERR_Success;
    size_t n = strlen(m->host) + strlen(user) + 2;
    char *qualified = nbi_sys_malloc(n);
    if (!qualified)
        return ERROR_NOT_ENOUGH_MEMORY;
    snprintf(qualified, n, "%s\\%s", m->host, user);
    struct member_src src = {user, qualified};
    NET_API_STATUS st = netapibuf_packer_add(m->snapshot, &src);
    nbi_sys_free(qualified);
    return st;
}

static NET_API_STATUS add_listed(const struct group *gr, void *ctx)
{
    struct members *m = ctx;
    m->gid = gr->gr_gid;
    NET_API_STATUS st = NERR_Success;
    for (char **u = gr->gr_mem; st == NERR_Success && u && *u; u++)
        st = member_add(m, *u);
    return st;
}

static NET_API_STATUS add_primary(const struct passwd *pw, void *ctx)
{
    struct members *m = ctx;
    return pw->pw_gid == m->gid ? member_add(m, pw->pw_name) : NERR_Success;
}

/* What members_fill is asked for. */
struct members_query {
    const char *group;
};

static NET_API_STATUS members_fill(netapibuf_packer *snapshot, void *ctx)
{
    const struct members_query *q = ctx;
    char host[256];
    int saved = errno, failed = gethostname(host, sizeof host) != 0;
    errno = saved;
    if (failed)
        return NERR_InternalError;
    host[sizeof host - 1] = '\0';
    struct members m = {snapshot, {NULL, 0, 0}, host, 0};
    NET_API_STATUS st = nbi_local_group_by_name(q->group, add_listed, &m);
    if (st == NERR_Success)
        st = nbi_local_walk_users(add_primary, &m);
    set_free(&m.taken);
    return st;
}

static const struct nbi_resume_kind member_kind = {&member_src_layout, members_fill};

NET_API_STATUS nbi_local_localgroup_get_members(LPCSTR localgroupname, DWORD level,
                                                LPBYTE *bufptr, DWORD prefmaxlen,
                                                LPDWORD entriesread, LPDWORD totalentries,
                                                PDWORD_PTR resumehandle)
{
    const struct nbi_layout *layout = level == 1 ? &lm1_layout : level == 3 ? &lm3_layout : NULL;
    if (!layout)
        return ERROR_INVALID_LEVEL;
    if (!localgroupname[0])
        return NERR_GroupNotFound;
    struct members_query q = {localgroupname};
    const struct nbi_page_spec spec = {&member_kind, localgroupname, &q, level, layout,
                                       member_convert};
    return nbi_page_enum_ptr(&spec, prefmaxlen, resumehandle, bufptr, entriesread, totalentries);
}
