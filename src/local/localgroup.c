/*
 * localgroup.c — NetLocalGroupEnum, NetLocalGroupGetInfo and
 * NetLocalGroupGetMembers over the NSS group database (docs/behaviour.md
 * section 5).
 * Layer 5: the packer, the resume table and the public API only.
 *
 * Field mapping from struct group:
 *   lgrpi*_name           gr_name
 *   lgrpi1_comment        "" (a Unix group has no comment)
 *   lgrmi1_name           a member's user name
 *   lgrmi*_sid            S-1-22-1-<uid>, Samba's SID for a Unix user; NULL for a
 *                         listed name that is no account
 *   lgrmi*_sidusage       SidTypeUser (only users can be members of a Unix group);
 *                         SidTypeUnknown for a listed name that is no account
 *   lgrmi2/3_domainandname "HOST\user" (one backslash), HOST being the host name, the
 *                         account domain of a local account as on Windows
 */
#include <errno.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "platform/sysalloc.h"
#include "local/functions.h"
#include "local/local.h"
#include "net/layouts.h"
#include "net/paging.h"
#include "net/resume.h"
#include "net/sid.h"

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

/* The levels' records: the generated layouts (net/layouts.c). */
static const struct nbi_layout *group_layout(DWORD level)
{
    return level == 0   ? &nbi_layout_LOCALGROUP_INFO_0
           : level == 1 ? &nbi_layout_LOCALGROUP_INFO_1
                        : NULL;
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
    return nbi_page_enum_resume(&spec, prefmaxlen, resumehandle, NULL, bufptr, entriesread,
                                totalentries);
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

/* What a snapshot keeps per member: everything any level needs. */
struct member_src {
    char *name;
    char *domainandname;
    unsigned char *sid; /* S-1-22-1-<uid>, or NULL when the name has no account */
    SID_NAME_USE sidusage;
};
static const size_t member_src_strings[] = {offsetof(struct member_src, name),
                                            offsetof(struct member_src, domainandname)};
static const struct netapibuf_blob_field member_src_blobs[] = {
    {offsetof(struct member_src, sid), NETAPIBUF_LENGTH_SID, 4}};
static const struct nbi_field member_src_fields[] = {
    NBI_FIELD(struct member_src, name), NBI_FIELD(struct member_src, domainandname),
    NBI_FIELD(struct member_src, sid), NBI_FIELD(struct member_src, sidusage)};
static const struct nbi_layout member_src_layout = {
    {sizeof(struct member_src), alignof(struct member_src), 2, member_src_strings, 1,
     member_src_blobs},
    NBI_FIELDS(member_src_fields)};

/* The levels' records: the generated layouts (net/layouts.c). */
static const struct nbi_layout *const member_layouts[] = {
    &nbi_layout_LOCALGROUP_MEMBERS_INFO_0, &nbi_layout_LOCALGROUP_MEMBERS_INFO_1,
    &nbi_layout_LOCALGROUP_MEMBERS_INFO_2, &nbi_layout_LOCALGROUP_MEMBERS_INFO_3};

/* The level's record (the packer clears the padding of the records it
   makes: nbi_packer_create). */
static void member_convert(DWORD level, const void *source, void *record)
{
    const struct member_src *m = source;
    switch (level) {
    case 0: {
        LOCALGROUP_MEMBERS_INFO_0 r;
        r.lgrmi0_sid = m->sid;
        memcpy(record, &r, sizeof r);
        break;
    }
    case 1: {
        LOCALGROUP_MEMBERS_INFO_1 r;
        r.lgrmi1_sid = m->sid;
        r.lgrmi1_sidusage = m->sidusage;
        r.lgrmi1_name = m->name;
        memcpy(record, &r, sizeof r);
        break;
    }
    case 2: {
        LOCALGROUP_MEMBERS_INFO_2 r;
        r.lgrmi2_sid = m->sid;
        r.lgrmi2_sidusage = m->sidusage;
        r.lgrmi2_domainandname = m->domainandname;
        memcpy(record, &r, sizeof r);
        break;
    }
    default: {
        LOCALGROUP_MEMBERS_INFO_3 r;
        r.lgrmi3_domainandname = m->domainandname;
        memcpy(record, &r, sizeof r);
        break;
    }
    }
}

/*
 * One member until the snapshot is written: its name (a copy: NSS's
 * strings live during one callback only) and its uid when known.
 */
struct member {
    char *name;
    uid_t uid;
    int known;
};

struct member_list {
    struct member *items;
    size_t count, cap;
};

/* Append a copy of name: the new member, or NULL when out of memory. */
static struct member *list_push(struct member_list *l, const char *name)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        struct member *items = nbi_sys_realloc(l->items, cap * sizeof *items);
        if (!items)
            return NULL;
        l->items = items;
        l->cap = cap;
    }
    size_t n = strlen(name) + 1;
    char *copy = nbi_sys_malloc(n);
    if (!copy)
        return NULL;
    memcpy(copy, name, n);
    struct member *m = &l->items[l->count++];
    m->name = copy;
    m->uid = 0;
    m->known = 0;
    return m;
}

static void list_free(struct member_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        nbi_sys_free(l->items[i].name);
    nbi_sys_free(l->items);
}

/*
 * The names already taken, so that each member is listed once: an open
 * addressing set of name hashes, each slot naming its member in `listed`
 * (index + 1) or marking a primary-group member (0 with a name).
 */
struct name_slot {
    const char *name; /* the member's own copy; NULL: empty */
    size_t listed;    /* 1 + index in the listed members, or 0 */
};

struct name_set {
    struct name_slot *slots;
    size_t cap, used;
};

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static struct name_slot *set_slot(const struct name_set *set, const char *name)
{
    size_t i = (size_t)name_hash(name) & (set->cap - 1);
    while (set->slots[i].name && strcmp(set->slots[i].name, name) != 0)
        i = (i + 1) & (set->cap - 1);
    return &set->slots[i];
}

static struct name_slot *set_find(const struct name_set *set, const char *name)
{
    if (!set->cap)
        return NULL;
    struct name_slot *slot = set_slot(set, name);
    return slot->name ? slot : NULL;
}

static NET_API_STATUS set_grow(struct name_set *set)
{
    size_t cap = set->cap ? set->cap * 2 : 64;
    struct name_slot *slots = nbi_sys_malloc(cap * sizeof *slots);
    if (!slots)
        return ERROR_NOT_ENOUGH_MEMORY;
    memset(slots, 0, cap * sizeof *slots);
    struct name_set bigger = {slots, cap, set->used};
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i].name)
            *set_slot(&bigger, set->slots[i].name) = set->slots[i];
    nbi_sys_free(set->slots);
    *set = bigger;
    return NERR_Success;
}

/* Note name (a member's own copy, not yet in the set): 0, or 8. */
static NET_API_STATUS set_insert(struct name_set *set, const char *name, size_t listed)
{
    if ((set->used + 1) * 2 > set->cap && set_grow(set) != NERR_Success)
        return ERROR_NOT_ENOUGH_MEMORY;
    struct name_slot *slot = set_slot(set, name);
    slot->name = name;
    slot->listed = listed;
    set->used++;
    return NERR_Success;
}

struct members {
    struct name_set taken;
    struct member_list listed;  /* named in the group entry, in its order */
    struct member_list primary; /* whose primary group it is, in database order */
    gid_t gid;
};

/* A new member of list l: a copy of name, noted in the set. */
static NET_API_STATUS member_new(struct members *m, struct member_list *l, const char *name,
                                 struct member **out)
{
    struct member *added = list_push(l, name);
    if (!added)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (set_insert(&m->taken, added->name, l == &m->listed ? l->count : 0) != NERR_Success) {
        nbi_sys_free(added->name);
        l->count--;
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *out = added;
    return NERR_Success;
}

static NET_API_STATUS add_listed(const struct group *gr, void *ctx)
{
    struct members *m = ctx;
    m->gid = gr->gr_gid;
    NET_API_STATUS st = NERR_Success;
    for (char **u = gr->gr_mem; st == NERR_Success && u && *u; u++) {
        struct member *added;
        if (!set_find(&m->taken, *u))
            st = member_new(m, &m->listed, *u, &added);
    }
    return st;
}

/* Each user: the uid of a listed member, or a member by primary group. */
static NET_API_STATUS add_primary(const struct passwd *pw, void *ctx)
{
    struct members *m = ctx;
    struct name_slot *seen = set_find(&m->taken, pw->pw_name);
    if (seen) {
        struct member *l = seen->listed ? &m->listed.items[seen->listed - 1] : NULL;
        if (l && !l->known) {
            l->uid = pw->pw_uid;
            l->known = 1;
        }
        return NERR_Success;
    }
    if (pw->pw_gid != m->gid)
        return NERR_Success;
    struct member *added;
    NET_API_STATUS st = member_new(m, &m->primary, pw->pw_name, &added);
    if (st == NERR_Success) {
        added->uid = pw->pw_uid;
        added->known = 1;
    }
    return st;
}

static NET_API_STATUS note_uid(const struct passwd *pw, void *ctx)
{
    struct member *l = ctx;
    l->uid = pw->pw_uid;
    l->known = 1;
    return NERR_Success;
}

/* The snapshot's record of one member. */
static NET_API_STATUS member_write(netapibuf_packer *snapshot, const char *host,
                                   const struct member *l)
{
    size_t n = strlen(host) + strlen(l->name) + 2;
    char *qualified = nbi_sys_malloc(n);
    if (!qualified)
        return ERROR_NOT_ENOUGH_MEMORY;
    snprintf(qualified, n, "%s\\%s", host, l->name);
    unsigned char sid[NBI_UNIX_SID_SIZE];
    nbi_sid_unix(sid, NBI_SID_UNIX_USERS, (DWORD)l->uid);
    struct member_src src;
    memset(&src, 0, sizeof src);
    src.name = l->name;
    src.domainandname = qualified;
    src.sid = l->known ? sid : NULL;
    src.sidusage = l->known ? SidTypeUser : SidTypeUnknown;
    NET_API_STATUS st = netapibuf_packer_add(snapshot, &src);
    nbi_sys_free(qualified);
    return st;
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
    struct members m;
    memset(&m, 0, sizeof m);
    NET_API_STATUS st = nbi_local_group_by_name(q->group, add_listed, &m);
    if (st == NERR_Success)
        st = nbi_local_walk_users(add_primary, &m);
    /* A listed name the walk did not show may still be a user: a directory
       (SSSD without enumeration) answers lookups it does not enumerate. */
    for (size_t i = 0; st == NERR_Success && i < m.listed.count; i++)
        if (!m.listed.items[i].known) {
            st = nbi_local_user_by_name(m.listed.items[i].name, note_uid, &m.listed.items[i]);
            if (st == NERR_UserNotFound)
                st = NERR_Success; /* a name without an account: listed as it is */
        }
    for (size_t i = 0; st == NERR_Success && i < m.listed.count; i++)
        st = member_write(snapshot, host, &m.listed.items[i]);
    for (size_t i = 0; st == NERR_Success && i < m.primary.count; i++)
        st = member_write(snapshot, host, &m.primary.items[i]);
    nbi_sys_free(m.taken.slots);
    list_free(&m.listed);
    list_free(&m.primary);
    return st;
}

static const struct nbi_resume_kind member_kind = {&member_src_layout, members_fill};

NET_API_STATUS nbi_local_localgroup_get_members(LPCSTR localgroupname, DWORD level,
                                                LPBYTE *bufptr, DWORD prefmaxlen,
                                                LPDWORD entriesread, LPDWORD totalentries,
                                                PDWORD_PTR resumehandle)
{
    if (level > 3)
        return ERROR_INVALID_LEVEL;
    if (!localgroupname[0])
        return NERR_GroupNotFound;
    struct members_query q = {localgroupname};
    const struct nbi_page_spec spec = {&member_kind, localgroupname, &q, level,
                                       member_layouts[level], member_convert};
    return nbi_page_enum_resume(&spec, prefmaxlen, resumehandle, NULL, bufptr, entriesread,
                                totalentries);
}
