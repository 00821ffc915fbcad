/* srvsvc.c — SRVSVC and LSA through Samba's RPC stubs (see srvsvc.h). */
#include "remote/srvsvc.h"

#include <string.h>

#include "remote/samr.h"

uint32_t nbi_srvsvc_result(nbi_ntstatus transport, uint32_t werror)
{
    if (transport == NBI_NT_RPC_PROCNUM_OUT_OF_RANGE)
        return ERROR_NOT_SUPPORTED;
    return transport != 0 ? transport : werror;
}

uint32_t nbi_srvsvc_binding(struct nbi_remote *r, const char *server, void **binding)
{
    *binding = NULL;
    if (!r->samba->have_srvsvc)
        return ERROR_NOT_SUPPORTED;
    return r->samba->libnetapi_get_binding_handle(r->ctx, server, r->samba->ndr_table_srvsvc,
                                                  binding);
}

/* A page that says "more" while giving nothing would be asked for ever. */
#define STALLS_TOLERATED 2

uint32_t nbi_srvsvc_share_enum(struct nbi_remote *r, const char *server, uint32_t level,
                               nbi_srvsvc_page_fn fn, void *ctx)
{
    void *b;
    uint32_t st = nbi_srvsvc_binding(r, server, &b);
    uint32_t resume = 0;
    unsigned stalls = 0;
    while (st == NERR_Success) {
        struct nbi_srvsvc_ctr ctr = {0, NULL};
        struct nbi_srvsvc_info_ctr info = {level, &ctr};
        uint32_t total = 0, werror = 0, before = resume;
        nbi_ntstatus call = r->samba->dcerpc_srvsvc_NetShareEnumAll(
            b, r->ctx, server, &info, MAX_PREFERRED_LENGTH, &total, &resume, &werror);
        st = nbi_srvsvc_result(call, werror);
        if (st != NERR_Success && st != ERROR_MORE_DATA)
            break;
        /* The server answers with its own container, of the level asked. */
        const struct nbi_srvsvc_ctr *got = info.ctr;
        uint32_t count = got ? got->count : 0;
        NET_API_STATUS added = count ? fn(got->array, count, ctx) : NERR_Success;
        if (added != NERR_Success)
            return added;
        if (st == NERR_Success)
            break;
        stalls = count == 0 && resume == before ? stalls + 1 : 0;
        if (stalls >= STALLS_TOLERATED)
            return NERR_InternalError;
        st = NERR_Success;
    }
    return st;
}

uint32_t nbi_srvsvc_share_get(struct nbi_remote *r, const char *server, const char *share,
                              uint32_t level, const void **info)
{
    void *b;
    *info = NULL;
    uint32_t st = nbi_srvsvc_binding(r, server, &b);
    if (st != NERR_Success)
        return st;
    void *record = NULL; /* union srvsvc_NetShareInfo: one pointer */
    uint32_t werror = 0;
    nbi_ntstatus call =
        r->samba->dcerpc_srvsvc_NetShareGetInfo(b, r->ctx, server, share, level, &record, &werror);
    st = nbi_srvsvc_result(call, werror);
    if (st == NERR_Success && !record)
        st = NERR_InternalError;
    if (st == NERR_Success)
        *info = record;
    return st;
}

uint32_t nbi_srvsvc_share_set(struct nbi_remote *r, const char *server, const char *share,
                              uint32_t level, const void *info, uint32_t *parm_err)
{
    void *b;
    uint32_t st = nbi_srvsvc_binding(r, server, &b);
    if (st != NERR_Success)
        return st;
    const void *record = info; /* union srvsvc_NetShareInfo: one pointer */
    uint32_t werror = 0;
    nbi_ntstatus call = r->samba->dcerpc_srvsvc_NetShareSetInfo(b, r->ctx, server, share, level,
                                                                &record, parm_err, &werror);
    return nbi_srvsvc_result(call, werror);
}

uint32_t nbi_srvsvc_server_set(struct nbi_remote *r, const char *server, uint32_t level,
                               const void *info, uint32_t *parm_err)
{
    void *b;
    uint32_t st = nbi_srvsvc_binding(r, server, &b);
    if (st != NERR_Success)
        return st;
    const void *record = info; /* union srvsvc_NetSrvInfo: one pointer */
    uint32_t werror = 0;
    nbi_ntstatus call =
        r->samba->dcerpc_srvsvc_NetSrvSetInfo(b, r->ctx, server, level, &record, parm_err, &werror);
    return nbi_srvsvc_result(call, werror);
}

uint32_t nbi_lsa_primary_domain(struct nbi_remote *r, const char *server, const char **name,
                                int *is_domain)
{
    const struct nbi_samba *s = r->samba;
    *name = NULL;
    *is_domain = 0;
    if (!s->have_srvsvc || !s->have_samr)
        return ERROR_NOT_SUPPORTED;
    void *pipe = NULL, *binding = NULL;
    uint32_t st = s->libnetapi_open_pipe(r->ctx, server, s->ndr_table_lsarpc, &pipe);
    if (st == NERR_Success)
        st = s->libnetapi_get_binding_handle(r->ctx, server, s->ndr_table_lsarpc, &binding);
    if (st != NERR_Success)
        return st;
    struct nbi_policy_handle policy;
    memset(&policy, 0, sizeof policy);
    st = s->rpccli_lsa_open_policy(pipe, r->ctx, 1, NBI_LSA_MAXIMUM_ALLOWED, &policy);
    if (st != NERR_Success)
        return st;
    void *info = NULL; /* union lsa_PolicyInformation: this level's lsa_DomainInfo */
    nbi_ntstatus result = 0;
    nbi_ntstatus call = s->dcerpc_lsa_QueryInfoPolicy(binding, r->ctx, &policy,
                                                      NBI_LSA_POLICY_INFO_DOMAIN, &info, &result);
    st = call != 0 ? call : result;
    if (st == NERR_Success && info) {
        const struct nbi_lsa_domain_info *d = info;
        *name = d->name ? d->name : "";
        *is_domain = d->sid != NULL;
    } else if (st == NERR_Success) {
        st = NERR_InternalError;
    }
    nbi_ntstatus ignored;
    (void)s->dcerpc_lsa_Close(binding, r->ctx, &policy, &ignored);
    return st;
}
