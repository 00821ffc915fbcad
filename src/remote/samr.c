/* samr.c — aliases and their members through SAMR and LSA (see samr.h). */
#include "remote/samr.h"

#include <stdio.h>
#include <string.h>

#include "platform/sysalloc.h"
#include "remote/status.h"

uint32_t nbi_samr_open(struct nbi_samr_conn *c, struct nbi_remote *r, const char *server)
{
    memset(c, 0, sizeof *c);
    c->r = r;
    c->s = r->samba;
    c->server = server;
    if (!c->s->have_samr)
        return ERROR_NOT_SUPPORTED;
    if (!(c->mem = c->s->talloc_named_const(NULL, 0, "netapibuf:samr")))
        return ERROR_NOT_ENOUGH_MEMORY;
    nbi_samba_status w = c->s->libnetapi_open_pipe(r->ctx, server, c->s->ndr_table_samr, &c->pipe);
    if (w == 0)
        w = c->s->libnetapi_get_binding_handle(r->ctx, server, c->s->ndr_table_samr, &c->binding);
    /* The masks libnetapi's own functions use, so its cached handles serve
       (lookups and opening accounts need no more). */
    if (w == 0)
        w = c->s->libnetapi_samr_open_builtin_domain(r->ctx, c->pipe, NBI_SAMR_CONNECT_MASK,
                                                     NBI_SAMR_DOMAIN_MASK, &c->connect,
                                                     &c->builtin);
    if (w == 0)
        w = c->s->libnetapi_samr_open_domain(r->ctx, c->pipe, NBI_SAMR_CONNECT_MASK,
                                             NBI_SAMR_DOMAIN_MASK, &c->connect, &c->domain,
                                             &c->domain_sid);
    return w;
}

void nbi_samr_close(struct nbi_samr_conn *c)
{
    if (c->mem)
        c->s->_talloc_free(c->mem, "netapibuf:samr");
}

/* The status of a SAMR call: the transport's, else the server's. */
static NET_API_STATUS nt(nbi_ntstatus transport, nbi_ntstatus result)
{
    return nbi_status_from_nt(transport != NBI_NT_STATUS_OK ? transport : result);
}

/* ---- enumeration ---------------------------------------------------------------- */

/* The comment of alias rid in domain d ("" when it has none). */
static NET_API_STATUS alias_comment(struct nbi_samr_conn *q, struct nbi_policy_handle *d, uint32_t rid,
                                    const char **comment)
{
    struct nbi_policy_handle alias = {0};
    nbi_ntstatus result = 0, st;
    *comment = "";
    st = q->s->dcerpc_samr_OpenAlias(q->binding, q->mem, d, NBI_SAMR_ALIAS_LOOKUP_INFO, rid,
                                     &alias, &result);
    if (st != 0 || result != 0)
        return nt(st, result);
    void *info = NULL; /* union samr_AliasInfo: at this level, one lsa_String */
    st = q->s->dcerpc_samr_QueryAliasInfo(q->binding, q->mem, &alias,
                                          NBI_SAMR_ALIAS_INFO_DESCRIPTION, &info, &result);
    NET_API_STATUS status = nt(st, result);
    if (status == NERR_Success && info) {
        const struct nbi_lsa_string *description = info;
        if (description->string)
            *comment = description->string;
    }
    nbi_ntstatus ignored;
    (void)q->s->dcerpc_samr_Close(q->binding, q->mem, &alias, &ignored);
    return status;
}

/* Every alias of domain d, in pages of whatever size the server picks. */
static NET_API_STATUS enum_domain(struct nbi_samr_conn *q, struct nbi_policy_handle *d, int with_comments,
                                  nbi_alias_fn fn, void *ctx)
{
    uint32_t resume = 0;
    for (;;) {
        void *array = NULL;
        uint32_t count = 0;
        nbi_ntstatus result = 0;
        nbi_ntstatus st = q->s->dcerpc_samr_EnumDomainAliases(q->binding, q->mem, d, &resume,
                                                              &array, 0xFFFFFFFFu, &count,
                                                              &result);
        if (st != 0 || (result != 0 && result != NBI_NT_STATUS_MORE_ENTRIES))
            return nt(st, result);
        const struct nbi_samr_sam_array *sam = array;
        for (uint32_t i = 0; sam && i < sam->count; i++) {
            const struct nbi_samr_sam_entry *e = &sam->entries[i];
            const char *comment = "";
            NET_API_STATUS status = NERR_Success;
            if (with_comments)
                status = alias_comment(q, d, e->idx, &comment);
            if (status == NERR_Success)
                status = fn(e->name.string ? e->name.string : "", comment, ctx);
            if (status != NERR_Success)
                return status;
        }
        if (result != NBI_NT_STATUS_MORE_ENTRIES || !sam || !sam->count)
            return NERR_Success;
    }
}

NET_API_STATUS nbi_samr_enum_aliases(struct nbi_remote *r, const char *server, int with_comments,
                                     nbi_alias_fn fn, void *ctx)
{
    struct nbi_samr_conn q;
    NET_API_STATUS st = nbi_samr_open(&q, r, server);
    if (st == NERR_Success)
        st = enum_domain(&q, &q.builtin, with_comments, fn, ctx);
    if (st == NERR_Success)
        st = enum_domain(&q, &q.domain, with_comments, fn, ctx);
    nbi_samr_close(&q);
    return st;
}

/* ---- members ----------------------------------------------------------------------- */

#define SID_TYPE_ALIAS 4 /* SidTypeAlias, as LookupNames reports it */

/* The rid of alias `name` in domain d: NERR_Success, NERR_GroupNotFound,
   or the call's status. */
static NET_API_STATUS lookup_alias(struct nbi_samr_conn *q, struct nbi_policy_handle *d, const char *name,
                                   uint32_t *rid)
{
    size_t n = strlen(name);
    struct nbi_lsa_string s = {(uint16_t)(n > 0x7FFF ? 0xFFFE : 2 * n),
                               (uint16_t)(n > 0x7FFF ? 0xFFFE : 2 * n), name};
    struct nbi_samr_ids rids = {0, NULL}, types = {0, NULL};
    nbi_ntstatus result = 0;
    nbi_ntstatus st =
        q->s->dcerpc_samr_LookupNames(q->binding, q->mem, d, 1, &s, &rids, &types, &result);
    if (st == 0 && result == NBI_NT_STATUS_NONE_MAPPED)
        return NERR_GroupNotFound;
    if (st != 0 || result != 0)
        return nt(st, result);
    if (rids.count != 1 || types.count != 1 || types.ids[0] != SID_TYPE_ALIAS)
        return NERR_GroupNotFound;
    *rid = rids.ids[0];
    return NERR_Success;
}

/* The members of the alias as SIDs (replies on q->mem). */
static NET_API_STATUS alias_sids(struct nbi_samr_conn *q, struct nbi_policy_handle *d, uint32_t rid,
                                 struct nbi_lsa_sid_array *sids)
{
    struct nbi_policy_handle alias = {0};
    nbi_ntstatus result = 0;
    nbi_ntstatus st = q->s->dcerpc_samr_OpenAlias(q->binding, q->mem, d,
                                                  NBI_SAMR_ALIAS_GET_MEMBERS, rid, &alias, &result);
    if (st != 0 || result != 0)
        return nt(st, result);
    st = q->s->dcerpc_samr_GetMembersInAlias(q->binding, q->mem, &alias, sids, &result);
    NET_API_STATUS status = nt(st, result);
    nbi_ntstatus ignored;
    (void)q->s->dcerpc_samr_Close(q->binding, q->mem, &alias, &ignored);
    return status;
}

/* "S-1-5-21-...": a SID as text, for members no name was found for. */
static void sid_text(const struct nbi_dom_sid *sid, char *out, size_t size)
{
    uint64_t authority = 0;
    for (int i = 0; i < 6; i++)
        authority = authority << 8 | sid->id_auth[i];
    int n = snprintf(out, size, "S-%u-%llu", sid->sid_rev_num, (unsigned long long)authority);
    for (int i = 0; i < sid->num_auths && i < 15 && n > 0 && (size_t)n < size; i++)
        n += snprintf(out + n, size - (size_t)n, "-%u", sid->sub_auths[i]);
}

/* Names for the SIDs through LSA: arrays on q->mem, or all NULL when the
   lookup failed (the members are still listed, by SID). */
struct names {
    char **domains, **names;
    uint32_t *types;
};

static void lookup_names(struct nbi_samr_conn *q, const char *server, const struct nbi_dom_sid *sids,
                         uint32_t count, struct names *out)
{
    memset(out, 0, sizeof *out);
    void *lsa_pipe = NULL;
    struct nbi_policy_handle policy = {0};
    if (q->s->libnetapi_open_pipe(q->r->ctx, server, q->s->ndr_table_lsarpc, &lsa_pipe) != 0)
        return;
    if (q->s->rpccli_lsa_open_policy(lsa_pipe, q->mem, 1, NBI_LSA_MAXIMUM_ALLOWED, &policy) != 0)
        return;
    nbi_ntstatus st = q->s->rpccli_lsa_lookup_sids(lsa_pipe, q->mem, &policy, (int)count, sids,
                                                    &out->domains, &out->names, &out->types);
    if (st != NBI_NT_STATUS_OK && st != NBI_NT_STATUS_SOME_NOT_MAPPED)
        memset(out, 0, sizeof *out);
    void *lsa_binding = NULL;
    nbi_ntstatus ignored;
    if (q->s->libnetapi_get_binding_handle(q->r->ctx, server, q->s->ndr_table_lsarpc,
                                           &lsa_binding) == 0)
        (void)q->s->dcerpc_lsa_Close(lsa_binding, q->mem, &policy, &ignored);
}

/*
 * The alias `name`: its domain handle and rid.  BUILTIN is asked first, as
 * Windows does: a domain controller looks names up in its whole directory,
 * BUILTIN's container included, so asked first it answers a builtin alias
 * (Administrators) with the RID of BUILTIN's alias, which the account
 * domain then does not have (the alias "is not found").
 */
static NET_API_STATUS find_alias(struct nbi_samr_conn *q, const char *name, struct nbi_policy_handle **d,
                                 uint32_t *rid)
{
    *d = &q->builtin;
    NET_API_STATUS st = lookup_alias(q, *d, name, rid);
    if (st == NERR_GroupNotFound) {
        *d = &q->domain;
        st = lookup_alias(q, *d, name, rid);
    }
    return st;
}

NET_API_STATUS nbi_samr_alias_members(struct nbi_remote *r, const char *server, const char *alias,
                                      nbi_member_fn fn, void *ctx)
{
    struct nbi_samr_conn q;
    NET_API_STATUS st = nbi_samr_open(&q, r, server);
    uint32_t rid = 0;
    struct nbi_policy_handle *d = NULL;
    if (st == NERR_Success)
        st = find_alias(&q, alias, &d, &rid);
    struct nbi_lsa_sid_array sids = {0, NULL};
    if (st == NERR_Success)
        st = alias_sids(&q, d, rid, &sids);
    struct nbi_dom_sid *flat = NULL;
    if (st == NERR_Success && sids.num_sids) {
        /* LSA takes the SIDs as one array of structures. */
        flat = nbi_sys_malloc(sids.num_sids * sizeof *flat);
        if (!flat)
            st = ERROR_NOT_ENOUGH_MEMORY;
        for (uint32_t i = 0; flat && i < sids.num_sids; i++) {
            memset(&flat[i], 0, sizeof flat[i]);
            if (sids.sids[i].sid)
                flat[i] = *sids.sids[i].sid;
        }
    }
    struct names names = {0};
    if (st == NERR_Success && sids.num_sids)
        lookup_names(&q, server, flat, sids.num_sids, &names);
    for (uint32_t i = 0; st == NERR_Success && i < sids.num_sids; i++) {
        const struct nbi_dom_sid *sid = &flat[i];
        char text[200];
        int auths = sid->num_auths < 0 ? 0 : sid->num_auths > 15 ? 15 : sid->num_auths;
        struct nbi_alias_member m = {sid, 8u + 4u * (DWORD)auths, SidTypeUnknown, NULL, ""};
        if (names.names && names.names[i] && names.names[i][0]) {
            m.name = names.names[i];
            m.domain = names.domains && names.domains[i] ? names.domains[i] : "";
            m.use = (SID_NAME_USE)names.types[i];
        } else {
            sid_text(sid, text, sizeof text);
            m.name = text;
        }
        st = fn(&m, ctx);
    }
    nbi_sys_free(flat);
    nbi_samr_close(&q);
    return st;
}

NET_API_STATUS nbi_samr_alias_info(struct nbi_remote *r, const char *server, const char *alias,
                                   nbi_alias_fn fn, void *ctx)
{
    struct nbi_samr_conn q;
    NET_API_STATUS st = nbi_samr_open(&q, r, server);
    uint32_t rid = 0;
    struct nbi_policy_handle *d = NULL;
    if (st == NERR_Success)
        st = find_alias(&q, alias, &d, &rid);
    if (st == NERR_Success) {
        struct nbi_policy_handle handle = {0};
        nbi_ntstatus result = 0;
        nbi_ntstatus call = q.s->dcerpc_samr_OpenAlias(q.binding, q.mem, d,
                                                       NBI_SAMR_ALIAS_LOOKUP_INFO, rid, &handle,
                                                       &result);
        if (call != 0 || result != 0) {
            st = nt(call, result);
        } else {
            void *info = NULL;
            call = q.s->dcerpc_samr_QueryAliasInfo(q.binding, q.mem, &handle,
                                                   NBI_SAMR_ALIAS_INFO_ALL, &info, &result);
            st = nt(call, result);
            const struct nbi_samr_alias_info_all *all = info;
            if (st == NERR_Success && !all)
                st = NERR_InternalError;
            if (st == NERR_Success)
                st = fn(all->name.string ? all->name.string : alias,
                        all->description.string ? all->description.string : "", ctx);
            nbi_ntstatus ignored;
            (void)q.s->dcerpc_samr_Close(q.binding, q.mem, &handle, &ignored);
        }
    }
    nbi_samr_close(&q);
    return st;
}

/* ---- a user's aliases ---------------------------------------------------------------- */

#define SID_TYPE_USER 1 /* SidTypeUser */

/* domain_sid with one more sub-authority, rid. */
static struct nbi_dom_sid sid_append(const void *domain_sid, uint32_t rid)
{
    struct nbi_dom_sid sid;
    memcpy(&sid, domain_sid, sizeof sid);
    if (sid.num_auths >= 0 && sid.num_auths < 15)
        sid.sub_auths[sid.num_auths++] = rid;
    return sid;
}

/* The names of rids in domain d, handed to fn in order. */
static NET_API_STATUS name_rids(struct nbi_samr_conn *q, struct nbi_policy_handle *d,
                                const struct nbi_samr_ids *rids, nbi_alias_fn fn, void *ctx)
{
    if (!rids->count)
        return NERR_Success;
    struct nbi_lsa_strings names = {0, NULL};
    struct nbi_samr_ids types = {0, NULL};
    nbi_ntstatus result = 0;
    nbi_ntstatus st = q->s->dcerpc_samr_LookupRids(q->binding, q->mem, d, rids->count, rids->ids,
                                                   &names, &types, &result);
    if (st != 0 || (result != 0 && result != NBI_NT_STATUS_SOME_NOT_MAPPED))
        return nt(st, result);
    NET_API_STATUS status = NERR_Success;
    for (uint32_t i = 0; status == NERR_Success && i < names.count; i++)
        if (names.names[i].string)
            status = fn(names.names[i].string, "", ctx);
    return status;
}

/* The aliases of domain d that list one of the SIDs. */
static NET_API_STATUS aliases_of(struct nbi_samr_conn *q, struct nbi_policy_handle *d,
                                 struct nbi_lsa_sid_array *sids, nbi_alias_fn fn, void *ctx)
{
    struct nbi_samr_ids rids = {0, NULL};
    nbi_ntstatus result = 0;
    nbi_ntstatus st =
        q->s->dcerpc_samr_GetAliasMembership(q->binding, q->mem, d, sids, &rids, &result);
    if (st != 0 || result != 0)
        return nt(st, result);
    return name_rids(q, d, &rids, fn, ctx);
}

NET_API_STATUS nbi_samr_user_aliases(struct nbi_remote *r, const char *server, const char *user,
                                     int indirect, nbi_alias_fn fn, void *ctx)
{
    struct nbi_samr_conn q;
    NET_API_STATUS st = nbi_samr_open(&q, r, server);
    size_t n = strlen(user);
    struct nbi_lsa_string s = {(uint16_t)(n > 0x7FFF ? 0xFFFE : 2 * n),
                               (uint16_t)(n > 0x7FFF ? 0xFFFE : 2 * n), user};
    struct nbi_samr_ids rids = {0, NULL}, types = {0, NULL};
    nbi_ntstatus result = 0, call;
    if (st == NERR_Success) {
        call = q.s->dcerpc_samr_LookupNames(q.binding, q.mem, &q.domain, 1, &s, &rids, &types,
                                            &result);
        if (call == 0 && result == NBI_NT_STATUS_NONE_MAPPED)
            st = NERR_UserNotFound;
        else if (call != 0 || result != 0)
            st = nt(call, result);
        else if (rids.count != 1 || types.count != 1 || types.ids[0] != SID_TYPE_USER)
            st = NERR_UserNotFound;
    }
    /* The user's SID, and with indirect its global groups' SIDs. */
    struct nbi_samr_rid_with_attribute_array *groups = NULL;
    if (st == NERR_Success && indirect) {
        struct nbi_policy_handle handle = {0};
        call = q.s->dcerpc_samr_OpenUser(q.binding, q.mem, &q.domain, NBI_SAMR_USER_GET_GROUPS,
                                         rids.ids[0], &handle, &result);
        if (call != 0 || result != 0) {
            st = nt(call, result);
        } else {
            void *got = NULL;
            call = q.s->dcerpc_samr_GetGroupsForUser(q.binding, q.mem, &handle, &got, &result);
            st = nt(call, result);
            groups = got;
            nbi_ntstatus ignored;
            (void)q.s->dcerpc_samr_Close(q.binding, q.mem, &handle, &ignored);
        }
    }
    uint32_t count = 1 + (groups ? groups->count : 0);
    struct nbi_dom_sid *sids = NULL;
    struct nbi_lsa_sid_ptr *ptrs = NULL;
    if (st == NERR_Success) {
        sids = nbi_sys_malloc(count * sizeof *sids);
        ptrs = nbi_sys_malloc(count * sizeof *ptrs);
        if (!sids || !ptrs)
            st = ERROR_NOT_ENOUGH_MEMORY;
    }
    if (st == NERR_Success) {
        sids[0] = sid_append(q.domain_sid, rids.ids[0]);
        for (uint32_t i = 1; i < count; i++)
            sids[i] = sid_append(q.domain_sid, groups->rids[i - 1].rid);
        for (uint32_t i = 0; i < count; i++)
            ptrs[i].sid = &sids[i];
        struct nbi_lsa_sid_array array = {count, ptrs};
        st = aliases_of(&q, &q.builtin, &array, fn, ctx);
        if (st == NERR_Success)
            st = aliases_of(&q, &q.domain, &array, fn, ctx);
    }
    nbi_sys_free(sids);
    nbi_sys_free(ptrs);
    nbi_samr_close(&q);
    return st;
}

/* ---- accounts by control bits ------------------------------------------------------- */

NET_API_STATUS nbi_samr_enum_users(struct nbi_remote *r, const char *server, uint32_t acb,
                                   nbi_account_fn fn, void *ctx)
{
    struct nbi_samr_conn q;
    NET_API_STATUS st = nbi_samr_open(&q, r, server);
    /* First the whole list (all replies stay on q.mem), then fn: a call fn
       makes through libnetapi may reopen the cached domain handle the
       enumeration goes on with. */
    const struct nbi_samr_sam_array **pages = NULL;
    size_t npages = 0;
    uint32_t resume = 0;
    while (st == NERR_Success) {
        void *array = NULL;
        uint32_t got = 0;
        nbi_ntstatus result = 0;
        nbi_ntstatus call = q.s->dcerpc_samr_EnumDomainUsers(q.binding, q.mem, &q.domain, &resume,
                                                             acb, &array, 0xFFFFFFFFu, &got,
                                                             &result);
        if (call != 0 || (result != 0 && result != NBI_NT_STATUS_MORE_ENTRIES)) {
            st = nt(call, result);
            break;
        }
        /* A domain controller answers "none" with no array at all. */
        if (array && ((const struct nbi_samr_sam_array *)array)->count) {
            const struct nbi_samr_sam_array **more =
                nbi_sys_realloc(pages, (npages + 1) * sizeof *pages);
            if (!more) {
                st = ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            pages = more;
            pages[npages++] = array;
        }
        if (result != NBI_NT_STATUS_MORE_ENTRIES || !array ||
            !((const struct nbi_samr_sam_array *)array)->count)
            break;
    }
    for (size_t p = 0; st == NERR_Success && p < npages; p++)
        for (uint32_t i = 0; st == NERR_Success && i < pages[p]->count; i++) {
            const struct nbi_samr_sam_entry *e = &pages[p]->entries[i];
            st = fn(e->name.string ? e->name.string : "", e->idx, ctx);
        }
    nbi_sys_free(pages);
    nbi_samr_close(&q);
    return st;
}
