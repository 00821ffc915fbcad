/* samr_mgmt.c — account and membership changes through SAMR and LSA, all
   or nothing (see samr_mgmt.h). */
#include "remote/samr_mgmt.h"

#include <string.h>

#include "platform/sysalloc.h"
#include "remote/acb.h"

/* SID_NAME_USE values as SAMR's and LSA's lookups report them. */
enum { TYPE_USER = 1, TYPE_GROUP = 2, TYPE_DOMAIN = 3, TYPE_ALIAS = 4, TYPE_WELL_KNOWN = 5,
       TYPE_DELETED = 6, TYPE_INVALID = 7, TYPE_UNKNOWN = 8, TYPE_COMPUTER = 9 };

/* Access rights (MS-SAMR 2.2.1), with Samba's names. */
#define USER_GET_NAME_ETC 0x00000001u   /* USER_READ_GENERAL */
#define USER_SET_LOC_COM 0x00000004u    /* USER_WRITE_PREFERENCES */
#define USER_GET_ATTRIBUTES 0x00000010u /* USER_READ_ACCOUNT */
#define USER_SET_ATTRIBUTES 0x00000020u /* USER_WRITE_ACCOUNT */
#define USER_SET_PASSWORD 0x00000080u   /* USER_FORCE_PASSWORD_CHANGE */
#define USER_GET_GROUPS 0x00000100u     /* USER_LIST_GROUPS */
#define GROUP_LOOKUP_INFO 0x00000001u
#define GROUP_ADD_MEMBER 0x00000004u
#define GROUP_REMOVE_MEMBER 0x00000008u
#define GROUP_GET_MEMBERS 0x00000010u
#define ALIAS_ADD_MEMBER 0x00000001u
#define ALIAS_REMOVE_MEMBER 0x00000002u
#define ALIAS_GET_MEMBERS 0x00000004u
#define STD_DELETE 0x00010000u

/* samr_GroupInfoEnum's GROUPINFOALL */
#define GROUP_INFO_ALL 1u

/* SE_GROUP_MANDATORY | ENABLED_BY_DEFAULT | ENABLED: what a new member of a
   global group gets (Windows and Samba both pass 7). */
#define MEMBER_ATTRIBUTES 7u

/* STATUS_GROUP_EXISTS, and what a Samba DC answers in its place */
#define NBI_NT_STATUS_GROUP_EXISTS 0xC0000065u
#define NBI_DS_NAME_EXISTS 8305u

/* RIDs below this are the domain's well-known accounts (MS-SAMR 2.2.1.14). */
#define WELL_KNOWN_RIDS 1000u

/* LookupNames takes at most this many names a call (MS-SAMR 3.1.5.11.2). */
#define NAMES_PER_CALL 1000u

/* The failure of a call: the transport's, else the server's. */
static uint32_t failed(nbi_ntstatus call, nbi_ntstatus result)
{
    return call != NBI_NT_STATUS_OK ? call : result;
}

/* ---- the connection ---------------------------------------------------------------- */

/* The SAMR connection (samr.h), once the calls of this file were found. */
static uint32_t conn_open(struct nbi_samr_conn *c, struct nbi_remote *r, const char *server)
{
    if (!r->samba->have_samr_mgmt) {
        memset(c, 0, sizeof *c);
        return ERROR_NOT_SUPPORTED;
    }
    return nbi_samr_open(c, r, server);
}

static void close_handle(struct nbi_samr_conn *c, struct nbi_policy_handle *h)
{
    nbi_ntstatus ignored;
    (void)c->s->dcerpc_samr_Close(c->binding, c->mem, h, &ignored);
}

/* ---- names ------------------------------------------------------------------------- */

static struct nbi_lsa_string lsa_name(const char *name)
{
    /* The marshaller takes the string's own length; these only have to be
       consistent for the servers that check them. */
    size_t n = strlen(name);
    uint16_t bytes = (uint16_t)(n > 0x7FFF ? 0xFFFE : 2 * n);
    struct nbi_lsa_string s = {bytes, bytes, name};
    return s;
}

/* The rids and types of names[0 .. n) in domain d; an unknown name gets
   TYPE_UNKNOWN.  NERR_Success or the failed call's status. */
static uint32_t lookup_names(struct nbi_samr_conn *c, struct nbi_policy_handle *d, const char *const *names,
                             uint32_t n, uint32_t *rids, uint32_t *types)
{
    struct nbi_lsa_string chunk[NAMES_PER_CALL];
    for (uint32_t at = 0; at < n; at += NAMES_PER_CALL) {
        uint32_t k = n - at < NAMES_PER_CALL ? n - at : NAMES_PER_CALL;
        for (uint32_t i = 0; i < k; i++)
            chunk[i] = lsa_name(names[at + i]);
        struct nbi_samr_ids got_rids = {0, NULL}, got_types = {0, NULL};
        nbi_ntstatus result = 0;
        nbi_ntstatus call = c->s->dcerpc_samr_LookupNames(c->binding, c->mem, d, k, chunk,
                                                          &got_rids, &got_types, &result);
        if (call != NBI_NT_STATUS_OK)
            return call;
        if (result != NBI_NT_STATUS_OK && result != NBI_NT_STATUS_SOME_NOT_MAPPED &&
            result != NBI_NT_STATUS_NONE_MAPPED)
            return result;
        for (uint32_t i = 0; i < k; i++) {
            int known = result != NBI_NT_STATUS_NONE_MAPPED && i < got_rids.count &&
                        i < got_types.count;
            rids[at + i] = known ? got_rids.ids[i] : 0;
            types[at + i] = known ? got_types.ids[i] : TYPE_UNKNOWN;
        }
    }
    return NERR_Success;
}

/* One name of domain d that must be of kind `type`: its rid, or
   `not_found` when it is unknown or of another kind. */
static uint32_t lookup_one(struct nbi_samr_conn *c, struct nbi_policy_handle *d, const char *name,
                           uint32_t type, uint32_t not_found, uint32_t *rid)
{
    uint32_t t = TYPE_UNKNOWN;
    uint32_t st = lookup_names(c, d, &name, 1, rid, &t);
    if (st == NERR_Success && t != type)
        st = not_found;
    return st;
}

/* Every name of names[0 .. n) is of kind `type` in the account domain:
   their rids into rids[], or `not_found`. */
static uint32_t lookup_all(struct nbi_samr_conn *c, const char *const *names, uint32_t n, uint32_t type,
                           uint32_t not_found, uint32_t *rids)
{
    if (!n)
        return NERR_Success;
    uint32_t *types = nbi_sys_malloc(n * sizeof *types);
    if (!types)
        return ERROR_NOT_ENOUGH_MEMORY;
    uint32_t st = lookup_names(c, &c->domain, names, n, rids, types);
    for (uint32_t i = 0; st == NERR_Success && i < n; i++)
        if (types[i] != type)
            st = not_found;
    nbi_sys_free(types);
    return st;
}

/* ---- accounts ------------------------------------------------------------------------ */

/* Open account rid of the account domain with `access`. */
static uint32_t open_user(struct nbi_samr_conn *c, uint32_t rid, uint32_t access,
                          struct nbi_policy_handle *h)
{
    nbi_ntstatus result = 0;
    nbi_ntstatus call = c->s->dcerpc_samr_OpenUser(c->binding, c->mem, &c->domain, access, rid, h,
                                                   &result);
    return call || result ? failed(call, result) : NERR_Success;
}

/* The rid of account rid's primary group. */
static uint32_t primary_group(struct nbi_samr_conn *c, uint32_t rid, uint32_t *group)
{
    struct nbi_policy_handle h = {0};
    uint32_t st = open_user(c, rid, USER_GET_NAME_ETC, &h);
    if (st != NERR_Success)
        return st;
    void *info = NULL;
    nbi_ntstatus result = 0;
    nbi_ntstatus call = c->s->dcerpc_samr_QueryUserInfo(c->binding, c->mem, &h, 1, &info, &result);
    st = call || result ? failed(call, result) : info ? NERR_Success : NERR_InternalError;
    if (st == NERR_Success)
        *group = ((const struct nbi_samr_user_info1 *)info)->primary_gid;
    close_handle(c, &h);
    return st;
}

/* The rights SetUserInfo needs for the fields it changes (MS-SAMR 3.1.5.6.4.1). */
static uint32_t set_user_access(uint32_t fields)
{
    uint32_t access = 0;
    if (fields & (NBI_SAMR_FIELD_COUNTRY_CODE | NBI_SAMR_FIELD_CODE_PAGE))
        access |= USER_SET_LOC_COM;
    if (fields & NBI_SAMR_FIELD_EXPIRED_FLAG)
        access |= USER_SET_PASSWORD;
    if (fields & ~(NBI_SAMR_FIELD_COUNTRY_CODE | NBI_SAMR_FIELD_CODE_PAGE |
                   NBI_SAMR_FIELD_EXPIRED_FLAG))
        access |= USER_SET_ATTRIBUTES;
    return access;
}

uint32_t nbi_samr_set_user(struct nbi_remote *r, const char *server, const char *user,
                           const struct nbi_samr_user_info21 *info)
{
    struct nbi_samr_conn c;
    uint32_t rid = 0;
    uint32_t st = conn_open(&c, r, server);
    if (st == NERR_Success)
        st = lookup_one(&c, &c.domain, user, TYPE_USER, NERR_UserNotFound, &rid);
    struct nbi_policy_handle h = {0};
    struct nbi_samr_user_info21 change = *info;
    /* Flags without an account type keep the account's type, as Windows'
       NetUserSetInfo does (SAMR would take them for "no type"). */
    int keep_type = (info->fields_present & NBI_SAMR_FIELD_ACCT_FLAGS) &&
                    !(info->acct_flags & NBI_ACB_TYPE_MASK);
    uint32_t access =
        set_user_access(info->fields_present) | (keep_type ? USER_GET_ATTRIBUTES : 0);
    if (st == NERR_Success && (st = open_user(&c, rid, access, &h)) == NERR_Success) {
        nbi_ntstatus result = 0, call = 0;
        if (keep_type) {
            void *now = NULL;
            call = c.s->dcerpc_samr_QueryUserInfo(c.binding, c.mem, &h, 16, &now, &result);
            if (call == NBI_NT_STATUS_OK && result == NBI_NT_STATUS_OK && now)
                change.acct_flags |=
                    ((const struct nbi_samr_user_info16 *)now)->acct_flags & NBI_ACB_TYPE_MASK;
        }
        if (call == NBI_NT_STATUS_OK && result == NBI_NT_STATUS_OK)
            /* union samr_UserInfo at level 21 is a samr_UserInfo21 at its start */
            call = c.s->dcerpc_samr_SetUserInfo(c.binding, c.mem, &h, 21, &change, &result);
        st = call || result ? failed(call, result) : NERR_Success;
        close_handle(&c, &h);
    }
    nbi_samr_close(&c);
    return st;
}

uint32_t nbi_samr_accounts_acb(struct nbi_remote *r, const char *server, const uint32_t *rids,
                               uint32_t count, uint32_t *acb)
{
    struct nbi_samr_conn c;
    uint32_t st = conn_open(&c, r, server);
    for (uint32_t i = 0; i < count; i++) {
        acb[i] = 0;
        struct nbi_policy_handle h = {0};
        if (st != NERR_Success || open_user(&c, rids[i], USER_GET_ATTRIBUTES, &h) != NERR_Success)
            continue;
        void *info = NULL;
        nbi_ntstatus result = 0;
        nbi_ntstatus call =
            c.s->dcerpc_samr_QueryUserInfo(c.binding, c.mem, &h, 16, &info, &result);
        if (call == NBI_NT_STATUS_OK && result == NBI_NT_STATUS_OK && info)
            acb[i] = ((const struct nbi_samr_user_info16 *)info)->acct_flags;
        close_handle(&c, &h);
    }
    nbi_samr_close(&c);
    return st;
}

/* SAMR's trust-account bits: a machine account has one. */
#define ACB_TRUST_MASK 0x000001C0u

uint32_t nbi_samr_display_flags(struct nbi_remote *r, const char *server, DWORD level,
                                void *page, uint32_t count)
{
    if (level == 3 || !count)
        return NERR_Success;
    uint32_t *rids = nbi_sys_malloc(2 * count * sizeof *rids), n = 0;
    if (!rids)
        return ERROR_NOT_ENOUGH_MEMORY;
    uint32_t *acb = rids + count;
    NET_DISPLAY_USER *users = page;
    NET_DISPLAY_MACHINE *machines = page;
    for (uint32_t i = 0; i < count; i++) {
        if (level == 1 && !(users[i].usri1_flags & NBI_ACB_TYPE_MASK))
            rids[n++] = users[i].usri1_user_id;
        else if (level == 2 && !(machines[i].usri2_flags & ACB_TRUST_MASK))
            rids[n++] = machines[i].usri2_user_id;
    }
    if (n && nbi_samr_accounts_acb(r, server, rids, n, acb) == NERR_Success) {
        for (uint32_t i = 0, k = 0; i < count && k < n; i++) {
            uint32_t *flags = level == 1 ? &users[i].usri1_flags : &machines[i].usri2_flags;
            uint32_t id = level == 1 ? users[i].usri1_user_id : machines[i].usri2_user_id;
            if (id == rids[k] && acb[k])
                *flags = acb[k++];
            else if (id == rids[k])
                k++;
        }
    }
    nbi_sys_free(rids);
    return NERR_Success;
}

/* ---- changes that are undone when a later one fails ------------------------------- */

/* One membership change: `member` (a rid, or a SID for local groups) into
   or out of `group`. */
struct step {
    uint32_t group, member;
    const struct nbi_dom_sid *sid;
    int add;
};

/* Steps to make, in order. */
struct plan {
    struct step *steps;
    size_t count, room;
};

static uint32_t plan_add(struct plan *p, uint32_t group, uint32_t member,
                         const struct nbi_dom_sid *sid, int add)
{
    if (p->count == p->room) {
        size_t room = p->room ? 2 * p->room : 16;
        struct step *more = nbi_sys_realloc(p->steps, room * sizeof *more);
        if (!more)
            return ERROR_NOT_ENOUGH_MEMORY;
        p->steps = more;
        p->room = room;
    }
    struct step s = {group, member, sid, add};
    p->steps[p->count++] = s;
    return NERR_Success;
}

typedef uint32_t (*step_fn)(struct nbi_samr_conn *c, const struct step *s, int add, void *ctx);

/* Make every step; when one fails, undo the ones made, last first, and
   return the failure.  (An undo that fails too cannot be helped: the
   server refused to restore what it allowed a moment before.) */
static uint32_t plan_apply(struct nbi_samr_conn *c, const struct plan *p, step_fn fn, void *ctx)
{
    for (size_t i = 0; i < p->count; i++) {
        uint32_t st = fn(c, &p->steps[i], p->steps[i].add, ctx);
        if (st != NERR_Success) {
            while (i-- > 0)
                (void)fn(c, &p->steps[i], !p->steps[i].add, ctx);
            return st;
        }
    }
    return NERR_Success;
}

/* ---- global groups ---------------------------------------------------------------------- */

/* A step on a global group, each with its own group handle. */
static uint32_t group_step(struct nbi_samr_conn *c, const struct step *s, int add, void *ctx)
{
    (void)ctx;
    struct nbi_policy_handle h = {0};
    nbi_ntstatus result = 0;
    nbi_ntstatus call = c->s->dcerpc_samr_OpenGroup(
        c->binding, c->mem, &c->domain, add ? GROUP_ADD_MEMBER : GROUP_REMOVE_MEMBER, s->group, &h,
        &result);
    if (call || result)
        return failed(call, result);
    if (add)
        call = c->s->dcerpc_samr_AddGroupMember(c->binding, c->mem, &h, s->member,
                                                MEMBER_ATTRIBUTES, &result);
    else
        call = c->s->dcerpc_samr_DeleteGroupMember(c->binding, c->mem, &h, s->member, &result);
    close_handle(c, &h);
    return call || result ? failed(call, result) : NERR_Success;
}

static int has_rid(const uint32_t *rids, uint32_t n, uint32_t rid)
{
    for (uint32_t i = 0; i < n; i++)
        if (rids[i] == rid)
            return 1;
    return 0;
}

uint32_t nbi_samr_user_set_groups(struct nbi_remote *r, const char *server, const char *user,
                                  const char *const *groups, uint32_t count)
{
    struct nbi_samr_conn c;
    struct plan p = {NULL, 0, 0};
    uint32_t rid = 0, primary = 0;
    uint32_t st = conn_open(&c, r, server);
    uint32_t *wanted = nbi_sys_malloc((count ? count : 1) * sizeof *wanted);
    if (st == NERR_Success && !wanted)
        st = ERROR_NOT_ENOUGH_MEMORY;
    if (st == NERR_Success)
        st = lookup_one(&c, &c.domain, user, TYPE_USER, NERR_UserNotFound, &rid);
    if (st == NERR_Success)
        st = lookup_all(&c, groups, count, TYPE_GROUP, NERR_GroupNotFound, wanted);
    if (st == NERR_Success)
        st = primary_group(&c, rid, &primary);
    /* A user cannot leave its primary group (the server would refuse the
       removal after the additions were made). */
    if (st == NERR_Success && !has_rid(wanted, count, primary))
        st = ERROR_MEMBERS_PRIMARY_GROUP;
    struct nbi_samr_rid_with_attribute_array *now = NULL;
    if (st == NERR_Success) {
        struct nbi_policy_handle h = {0};
        if ((st = open_user(&c, rid, USER_GET_GROUPS, &h)) == NERR_Success) {
            void *got = NULL;
            nbi_ntstatus result = 0;
            nbi_ntstatus call =
                c.s->dcerpc_samr_GetGroupsForUser(c.binding, c.mem, &h, &got, &result);
            st = call || result ? failed(call, result) : got ? NERR_Success : NERR_InternalError;
            now = got;
            close_handle(&c, &h);
        }
    }
    for (uint32_t i = 0; st == NERR_Success && i < count; i++) {
        int member = 0;
        for (uint32_t k = 0; k < now->count && !member; k++)
            member = now->rids[k].rid == wanted[i];
        if (!member && !has_rid(wanted, i, wanted[i])) /* once per group */
            st = plan_add(&p, wanted[i], rid, NULL, 1);
    }
    for (uint32_t k = 0; st == NERR_Success && k < now->count; k++)
        if (!has_rid(wanted, count, now->rids[k].rid))
            st = plan_add(&p, now->rids[k].rid, rid, NULL, 0);
    if (st == NERR_Success)
        st = plan_apply(&c, &p, group_step, NULL);
    nbi_sys_free(p.steps);
    nbi_sys_free(wanted);
    nbi_samr_close(&c);
    return st;
}

/* The members of global group rid (replies on c->mem). */
static uint32_t group_members(struct nbi_samr_conn *c, uint32_t rid,
                              const struct nbi_samr_rid_attr_array **out)
{
    struct nbi_policy_handle h = {0};
    nbi_ntstatus result = 0;
    nbi_ntstatus call = c->s->dcerpc_samr_OpenGroup(c->binding, c->mem, &c->domain,
                                                    GROUP_GET_MEMBERS, rid, &h, &result);
    if (call || result)
        return failed(call, result);
    void *got = NULL;
    call = c->s->dcerpc_samr_QueryGroupMember(c->binding, c->mem, &h, &got, &result);
    close_handle(c, &h);
    if (call || result)
        return failed(call, result);
    static const struct nbi_samr_rid_attr_array none = {0, NULL, NULL};
    *out = got ? got : &none;
    return NERR_Success;
}

uint32_t nbi_samr_group_info(struct nbi_remote *r, const char *server, const char *group,
                             nbi_group_info_fn fn, void *ctx)
{
    struct nbi_samr_conn c;
    uint32_t rid = 0;
    uint32_t st = conn_open(&c, r, server);
    if (st == NERR_Success)
        st = lookup_one(&c, &c.domain, group, TYPE_GROUP, NERR_GroupNotFound, &rid);
    struct nbi_policy_handle h = {0};
    if (st == NERR_Success) {
        nbi_ntstatus result = 0;
        nbi_ntstatus call = c.s->dcerpc_samr_OpenGroup(c.binding, c.mem, &c.domain,
                                                       GROUP_LOOKUP_INFO, rid, &h, &result);
        if (call || result)
            st = failed(call, result);
    }
    if (st == NERR_Success) {
        void *got = NULL;
        nbi_ntstatus result = 0;
        nbi_ntstatus call = c.s->dcerpc_samr_QueryGroupInfo(c.binding, c.mem, &h,
                                                            GROUP_INFO_ALL, &got, &result);
        st = call || result ? failed(call, result) : got ? NERR_Success : NERR_InternalError;
        close_handle(&c, &h);
        if (st == NERR_Success) {
            const struct nbi_samr_group_info_all *all = got;
            struct nbi_dom_sid sid;
            memcpy(&sid, c.domain_sid, sizeof sid);
            if (sid.num_auths >= 0 && sid.num_auths < 15)
                sid.sub_auths[sid.num_auths++] = rid;
            struct nbi_group_info g = {all->name.string ? all->name.string : group,
                                       all->description.string ? all->description.string : "",
                                       rid, all->attributes, &sid};
            st = fn(&g, ctx);
        }
    }
    nbi_samr_close(&c);
    return st;
}

/* ERROR_MEMBERS_PRIMARY_GROUP when group is the primary group of one of
   members[0 .. n): taking it out would fail on the server. */
static uint32_t none_primary(struct nbi_samr_conn *c, uint32_t group, const uint32_t *members, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        uint32_t primary = 0;
        uint32_t st = primary_group(c, members[i], &primary);
        if (st != NERR_Success)
            return st;
        if (primary == group)
            return ERROR_MEMBERS_PRIMARY_GROUP;
    }
    return NERR_Success;
}

uint32_t nbi_samr_group_set_users(struct nbi_remote *r, const char *server, const char *group,
                                  const char *const *users, uint32_t count)
{
    struct nbi_samr_conn c;
    struct plan p = {NULL, 0, 0};
    uint32_t grid = 0, nleaving = 0;
    const struct nbi_samr_rid_attr_array *now = NULL;
    uint32_t st = conn_open(&c, r, server);
    uint32_t *wanted = nbi_sys_malloc((count ? count : 1) * sizeof *wanted);
    if (st == NERR_Success && !wanted)
        st = ERROR_NOT_ENOUGH_MEMORY;
    if (st == NERR_Success)
        st = lookup_one(&c, &c.domain, group, TYPE_GROUP, NERR_GroupNotFound, &grid);
    if (st == NERR_Success)
        st = lookup_all(&c, users, count, TYPE_USER, NERR_UserNotFound, wanted);
    if (st == NERR_Success)
        st = group_members(&c, grid, &now);
    uint32_t *leaving = st == NERR_Success && now->count
                            ? nbi_sys_malloc(now->count * sizeof *leaving) : NULL;
    if (st == NERR_Success && now->count && !leaving)
        st = ERROR_NOT_ENOUGH_MEMORY;
    for (uint32_t k = 0; st == NERR_Success && k < now->count; k++)
        if (!has_rid(wanted, count, now->rids[k]))
            leaving[nleaving++] = now->rids[k];
    if (st == NERR_Success)
        st = none_primary(&c, grid, leaving, nleaving);
    for (uint32_t i = 0; st == NERR_Success && i < count; i++)
        if (!has_rid(now->rids, now->count, wanted[i]) && !has_rid(wanted, i, wanted[i]))
            st = plan_add(&p, grid, wanted[i], NULL, 1);
    for (uint32_t k = 0; st == NERR_Success && k < nleaving; k++)
        st = plan_add(&p, grid, leaving[k], NULL, 0);
    if (st == NERR_Success)
        st = plan_apply(&c, &p, group_step, NULL);
    nbi_sys_free(leaving);
    nbi_sys_free(p.steps);
    nbi_sys_free(wanted);
    nbi_samr_close(&c);
    return st;
}

uint32_t nbi_samr_group_delete(struct nbi_remote *r, const char *server, const char *group)
{
    struct nbi_samr_conn c;
    struct plan p = {NULL, 0, 0};
    uint32_t grid = 0;
    const struct nbi_samr_rid_attr_array *now = NULL;
    uint32_t st = conn_open(&c, r, server);
    if (st == NERR_Success)
        st = lookup_one(&c, &c.domain, group, TYPE_GROUP, NERR_GroupNotFound, &grid);
    /* The domain's own groups (Domain Users, Domain Admins, ...: the RIDs
       below 1000) are not deleted, as on Windows; a Samba domain controller
       would refuse only the deletion itself, after the members are out. */
    if (st == NERR_Success && grid < WELL_KNOWN_RIDS)
        st = NERR_SpeGroupOp;
    if (st == NERR_Success)
        st = group_members(&c, grid, &now);
    if (st == NERR_Success)
        st = none_primary(&c, grid, now->rids, now->count);
    for (uint32_t k = 0; st == NERR_Success && k < now->count; k++)
        st = plan_add(&p, grid, now->rids[k], NULL, 0);
    if (st == NERR_Success)
        st = plan_apply(&c, &p, group_step, NULL);
    if (st == NERR_Success) {
        struct nbi_policy_handle h = {0};
        nbi_ntstatus result = 0;
        nbi_ntstatus call = c.s->dcerpc_samr_OpenGroup(c.binding, c.mem, &c.domain, STD_DELETE,
                                                       grid, &h, &result);
        if (call == NBI_NT_STATUS_OK && result == NBI_NT_STATUS_OK) {
            call = c.s->dcerpc_samr_DeleteDomainGroup(c.binding, c.mem, &h, &result);
            if (call || result)
                close_handle(&c, &h); /* the handle is gone only when the group is */
        }
        if (call || result) {
            st = failed(call, result);
            /* A Samba domain controller refuses to delete the primary group
               of users its member list does not show (Active Directory
               keeps primary groups out of it) with "name exists": 8305
               (ERROR_DS_OBJ_STRING_NAME_EXISTS) where an NTSTATUS belongs
               (measured), which no other reason for refusing a deletion
               gives. */
            if (st == NBI_DS_NAME_EXISTS || st == NBI_NT_STATUS_GROUP_EXISTS)
                st = ERROR_MEMBERS_PRIMARY_GROUP;
            /* The group stays: give it its members back. */
            for (size_t i = 0; i < p.count; i++)
                (void)group_step(&c, &p.steps[i], 1, NULL);
        }
    }
    nbi_sys_free(p.steps);
    nbi_samr_close(&c);
    return st;
}

/* ---- local groups (aliases) ------------------------------------------------------------ */

/* The binary SID's bytes of a Samba SID. */
static size_t sid_bytes(const struct nbi_dom_sid *sid)
{
    int n = sid->num_auths < 0 ? 0 : sid->num_auths > 15 ? 15 : sid->num_auths;
    return 8u + 4u * (size_t)n;
}

static int same_sid(const struct nbi_dom_sid *a, const struct nbi_dom_sid *b)
{
    return sid_bytes(a) == sid_bytes(b) && memcmp(a, b, sid_bytes(a)) == 0;
}

static int sid_in(const struct nbi_dom_sid *sid, const struct nbi_lsa_sid_array *set)
{
    for (uint32_t i = 0; i < set->num_sids; i++)
        if (set->sids[i].sid && same_sid(sid, set->sids[i].sid))
            return 1;
    return 0;
}

/* LSA, opened on the same connection, for names and SIDs of members. */
struct lsa {
    void *pipe;
    struct nbi_policy_handle policy;
    int open;
};

static uint32_t lsa_open(struct nbi_samr_conn *c, struct lsa *l)
{
    memset(l, 0, sizeof *l);
    nbi_samba_status w = c->s->libnetapi_open_pipe(c->r->ctx, c->server, c->s->ndr_table_lsarpc,
                                                   &l->pipe);
    if (w != 0)
        return w;
    nbi_ntstatus st = c->s->rpccli_lsa_open_policy(l->pipe, c->mem, 1, NBI_LSA_MAXIMUM_ALLOWED,
                                                   &l->policy);
    l->open = st == NBI_NT_STATUS_OK;
    return st;
}

static void lsa_close(struct nbi_samr_conn *c, struct lsa *l)
{
    void *binding = NULL;
    nbi_ntstatus ignored;
    if (l->open && c->s->libnetapi_get_binding_handle(c->r->ctx, c->server,
                                                      c->s->ndr_table_lsarpc, &binding) == 0)
        (void)c->s->dcerpc_lsa_Close(binding, c->mem, &l->policy, &ignored);
}

/* Can an account of this kind be a local group's member?  Users, global
   groups, computers and well-known groups can; an unknown name or SID, a
   domain or a deleted account cannot exist as one. */
static int member_kind(uint32_t type)
{
    return type == TYPE_USER || type == TYPE_GROUP || type == TYPE_ALIAS ||
           type == TYPE_WELL_KNOWN || type == TYPE_COMPUTER;
}

/* The members named names[0 .. n) as SIDs into sids[] (on c->mem):
   ERROR_NO_SUCH_MEMBER when one has none. */
static uint32_t names_to_sids(struct nbi_samr_conn *c, struct lsa *l, const char *const *names, uint32_t n,
                              struct nbi_dom_sid *sids)
{
    const char **dup = nbi_sys_malloc(n * sizeof *dup);
    if (!dup)
        return ERROR_NOT_ENOUGH_MEMORY;
    memcpy(dup, names, n * sizeof *dup);
    const char **domains = NULL;
    void *got = NULL;
    uint32_t *types = NULL;
    nbi_ntstatus st = c->s->rpccli_lsa_lookup_names(l->pipe, c->mem, &l->policy, (int)n, dup,
                                                    &domains, 1 /* LSA_LOOKUP_NAMES_ALL */, &got,
                                                    &types);
    nbi_sys_free(dup);
    if (st == NBI_NT_STATUS_NONE_MAPPED)
        return ERROR_NO_SUCH_MEMBER;
    if (st != NBI_NT_STATUS_OK && st != NBI_NT_STATUS_SOME_NOT_MAPPED)
        return st;
    const struct nbi_dom_sid *found = got;
    for (uint32_t i = 0; i < n; i++) {
        if (!found || !types || !member_kind(types[i]))
            return ERROR_NO_SUCH_MEMBER;
        sids[i] = found[i];
    }
    return NERR_Success;
}

/* ERROR_NO_SUCH_MEMBER unless every SID of sids[0 .. n) names an account
   that can be a member. */
static uint32_t sids_exist(struct nbi_samr_conn *c, struct lsa *l, const struct nbi_dom_sid *sids,
                           uint32_t n)
{
    if (!n)
        return NERR_Success;
    char **domains = NULL, **names = NULL;
    uint32_t *types = NULL;
    nbi_ntstatus st = c->s->rpccli_lsa_lookup_sids(l->pipe, c->mem, &l->policy, (int)n, sids,
                                                   &domains, &names, &types);
    if (st == NBI_NT_STATUS_NONE_MAPPED)
        return ERROR_NO_SUCH_MEMBER;
    if (st != NBI_NT_STATUS_OK && st != NBI_NT_STATUS_SOME_NOT_MAPPED)
        return st;
    for (uint32_t i = 0; i < n; i++)
        if (!types || !member_kind(types[i]))
            return ERROR_NO_SUCH_MEMBER;
    return NERR_Success;
}

/* A step on the open alias (ctx: its handle). */
static uint32_t alias_step(struct nbi_samr_conn *c, const struct step *s, int add, void *ctx)
{
    nbi_ntstatus result = 0, call;
    if (add)
        call = c->s->dcerpc_samr_AddAliasMember(c->binding, c->mem, ctx, s->sid, &result);
    else
        call = c->s->dcerpc_samr_DeleteAliasMember(c->binding, c->mem, ctx, s->sid, &result);
    return call || result ? failed(call, result) : NERR_Success;
}

/* Alias `name`: BUILTIN's, else the account domain's, opened with
   `access`.  BUILTIN first: a domain controller's account domain also
   answers a lookup of BUILTIN's names (Users, ...), with RIDs its own
   OpenAlias then does not know. */
static uint32_t open_alias(struct nbi_samr_conn *c, const char *name, uint32_t access,
                           struct nbi_policy_handle *h)
{
    uint32_t rid = 0, type = TYPE_UNKNOWN;
    struct nbi_policy_handle *d = &c->builtin;
    uint32_t st = lookup_names(c, d, &name, 1, &rid, &type);
    /* BUILTIN's aliases may be reported as well-known groups */
    if (st == NERR_Success && type != TYPE_ALIAS && type != TYPE_WELL_KNOWN) {
        d = &c->domain;
        st = lookup_names(c, d, &name, 1, &rid, &type);
        if (st == NERR_Success && type != TYPE_ALIAS)
            st = NERR_GroupNotFound;
    }
    if (st != NERR_Success)
        return st;
    nbi_ntstatus result = 0;
    nbi_ntstatus call = c->s->dcerpc_samr_OpenAlias(c->binding, c->mem, d, access, rid, h, &result);
    return call || result ? failed(call, result) : NERR_Success;
}

/* Check the members of one change against the alias's present ones and
   plan the steps (see enum nbi_member_change). */
static uint32_t plan_members(struct nbi_samr_conn *c, struct lsa *l, enum nbi_member_change op,
                             const struct nbi_dom_sid *given, uint32_t n,
                             const struct nbi_lsa_sid_array *now, struct plan *p)
{
    /* Those that are not members must exist (a member that no longer
       resolves, a deleted account, may still be taken out). */
    uint32_t st = NERR_Success, outside = 0;
    struct nbi_dom_sid *check = nbi_sys_malloc((n ? n : 1) * sizeof *check);
    if (!check)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (uint32_t i = 0; i < n; i++)
        if (!sid_in(&given[i], now))
            check[outside++] = given[i];
    st = sids_exist(c, l, check, outside);
    nbi_sys_free(check);
    for (uint32_t i = 0; st == NERR_Success && i < n; i++) {
        int member = sid_in(&given[i], now), again = 0;
        for (uint32_t k = 0; k < i && !again; k++)
            again = same_sid(&given[k], &given[i]);
        if (again)
            continue;
        if (op == NBI_MEMBERS_ADD && member)
            st = ERROR_MEMBER_IN_ALIAS;
        else if (op == NBI_MEMBERS_DEL && !member)
            st = ERROR_MEMBER_NOT_IN_ALIAS;
        else if (op != NBI_MEMBERS_DEL && !member)
            st = plan_add(p, 0, 0, &given[i], 1);
        else if (op == NBI_MEMBERS_DEL)
            st = plan_add(p, 0, 0, &given[i], 0);
    }
    if (op == NBI_MEMBERS_SET) {
        for (uint32_t k = 0; st == NERR_Success && k < now->num_sids; k++) {
            const struct nbi_dom_sid *sid = now->sids[k].sid;
            int kept = 0;
            for (uint32_t i = 0; sid && i < n && !kept; i++)
                kept = same_sid(sid, &given[i]);
            if (sid && !kept)
                st = plan_add(p, 0, 0, sid, 0);
        }
    }
    return st;
}

uint32_t nbi_samr_alias_change(struct nbi_remote *r, const char *server, const char *alias,
                               enum nbi_member_change op, const void *const *sids,
                               const char *const *names, uint32_t count)
{
    struct nbi_samr_conn c;
    struct lsa l = {NULL, {0}, 0};
    struct plan p = {NULL, 0, 0};
    struct nbi_policy_handle h = {0};
    int alias_open = 0;
    uint32_t st = conn_open(&c, r, server);
    struct nbi_dom_sid *given = nbi_sys_malloc((count ? count : 1) * sizeof *given);
    if (st == NERR_Success && !given)
        st = ERROR_NOT_ENOUGH_MEMORY;
    if (st == NERR_Success) {
        st = open_alias(&c, alias, ALIAS_ADD_MEMBER | ALIAS_REMOVE_MEMBER | ALIAS_GET_MEMBERS, &h);
        alias_open = st == NERR_Success;
    }
    struct nbi_lsa_sid_array now = {0, NULL};
    if (st == NERR_Success) {
        nbi_ntstatus result = 0;
        nbi_ntstatus call = c.s->dcerpc_samr_GetMembersInAlias(c.binding, c.mem, &h, &now, &result);
        st = call || result ? failed(call, result) : NERR_Success;
    }
    if (st == NERR_Success)
        st = lsa_open(&c, &l);
    if (st == NERR_Success && names && count)
        st = names_to_sids(&c, &l, names, count, given);
    for (uint32_t i = 0; st == NERR_Success && sids && i < count; i++) {
        /* A Windows SID is the first 8 + 4n bytes of Samba's. */
        memset(&given[i], 0, sizeof given[i]);
        memcpy(&given[i], sids[i], 8u + 4u * ((const uint8_t *)sids[i])[1]);
    }
    if (st == NERR_Success)
        st = plan_members(&c, &l, op, given, count, &now, &p);
    if (st == NERR_Success)
        st = plan_apply(&c, &p, alias_step, &h);
    if (alias_open)
        close_handle(&c, &h);
    lsa_close(&c, &l);
    nbi_sys_free(p.steps);
    nbi_sys_free(given);
    nbi_samr_close(&c);
    return st;
}

/* ---- passwords -------------------------------------------------------------------------- */

uint32_t nbi_samr_change_password(struct nbi_remote *r, const char *server, const char *user,
                                  const char *oldpw, const char *newpw)
{
    /* Only the pipe: the old password is the change's authority, so no
       domain handle (which an anonymous session could not open) is needed. */
    const struct nbi_samba *s = r->samba;
    if (!s->have_samr_mgmt)
        return ERROR_NOT_SUPPORTED;
    void *frame = s->_talloc_stackframe("netapibuf:chgpasswd");
    if (!frame)
        return ERROR_NOT_ENOUGH_MEMORY;
    void *pipe = NULL, *dominfo = NULL, *reject = NULL;
    uint32_t st = s->libnetapi_open_pipe(r->ctx, server, s->ndr_table_samr, &pipe);
    if (st == 0)
        st = s->rpccli_samr_chgpasswd_user3(pipe, frame, user, newpw, oldpw, &dominfo, &reject);
    s->_talloc_free(frame, "netapibuf:chgpasswd");
    return st;
}
