/*
 * domain.c — domain controllers and domain membership through Samba's
 * engine: NetGetDCName, NetGetAnyDCName, DsGetDcName, NetGetJoinInformation
 * against a server, the search for a domain controller from this machine
 * (DsGetDcName with no server: Samba's DNS and CLDAP discovery), and the
 * join functions of Samba's libnetapi, passed through.
 *
 * Statuses.  A server that offers no Netlogon service (a standalone or
 * workgroup server: in no domain) makes libnetapi answer NERR_DestNotFound
 * (2152: the pipe could not be opened); Samba's own search, when no
 * controller answers, ERROR_DOMAIN_CONTROLLER_NOT_FOUND.  Windows answers
 * NERR_DCNotFound (NetGetDCName), ERROR_NO_SUCH_DOMAIN or, for a domain no
 * controller of which answers, ERROR_NO_LOGON_SERVERS (NetGetAnyDCName),
 * and ERROR_NO_SUCH_DOMAIN (DsGetDcName): so do we.
 *
 * NetGetJoinInformation: Samba's servers do not implement
 * NetrGetJoinInformation (libnetapi reports the RPC fault as status 46);
 * then the answer is read from the server's LSA policy (srvsvc.h).
 */
#include <string.h>

#include <lm.h>
#include <dsgetdc.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "remote/functions.h"
#include "remote/srvsvc.h"
#include "remote/table.h"

/* libnetapi's status when the server has no such RPC service. */
#define NBI_LIBNETAPI_NO_PIPE 2152u

/* The answer of each function when the machine asked is in no domain
   (in_domain 0), or when no controller of the domain answers. */
static NET_API_STATUS no_dc_status(enum nbi_dc_call call, int in_domain)
{
    switch (call) {
    case NBI_DC_PRIMARY: return NERR_DCNotFound;
    case NBI_DC_ANY: return in_domain ? ERROR_NO_LOGON_SERVERS : ERROR_NO_SUCH_DOMAIN;
    default: return ERROR_NO_SUCH_DOMAIN;
    }
}

NET_API_STATUS nbi_remote_no_dc(enum nbi_dc_call call, int in_domain)
{
    return no_dc_status(call, in_domain);
}

/* server NULL: the status of this machine's own search. */
static NET_API_STATUS dc_status(uint32_t status, enum nbi_dc_call call, const char *server)
{
    switch (status) {
    case NBI_LIBNETAPI_NO_PIPE:
        return no_dc_status(call, 0);
    case ERROR_DOMAIN_CONTROLLER_NOT_FOUND:
        return no_dc_status(call, 1);
    case NBI_LIBNETAPI_NOT_IMPLEMENTED:
        return ERROR_NOT_SUPPORTED;
    }
    if (server)
        return nbi_remote_status(status, NBI_NOUN_NONE, server);
    /* This machine's search failed: whatever Samba's resolver said
       (ERROR_NOT_SUPPORTED for a NetBIOS name it has not seen while
       NetBIOS is off, ERROR_MORE_DATA when no DNS server answers, ...), no
       controller was found.  Only running out of memory is told apart. */
    return status == ERROR_NOT_ENOUGH_MEMORY ? status : no_dc_status(call, 1);
}

/* The status of a call with no domain-controller meaning. */
static NET_API_STATUS plain_status(uint32_t status, const char *server)
{
    if (status == NBI_LIBNETAPI_NOT_IMPLEMENTED)
        return ERROR_NOT_SUPPORTED;
    return server ? nbi_remote_status(status, NBI_NOUN_NONE, server) : status;
}

/* One NetApiBuffer holding a copy of s. */
static NET_API_STATUS copy_string(const char *s, LPBYTE *bufptr)
{
    size_t n = strlen(s) + 1;
    if (n > MAX_PREFERRED_LENGTH)
        return ERROR_NOT_ENOUGH_MEMORY;
    void *buf;
    NET_API_STATUS st = NetApiBufferAllocate((DWORD)n, &buf);
    if (st == NERR_Success) {
        memcpy(buf, s, n);
        *bufptr = buf;
    }
    return st;
}

/* ---- DsGetDcName ------------------------------------------------------------------ */

static const struct nbi_remote_level dc_row = NBI_ROW_SAME(0, DOMAIN_CONTROLLER_INFO, NULL);

#define DS_NAME_FLAGS (DS_IS_FLAT_NAME | DS_IS_DNS_NAME)

/* Samba's DsGetDcName in an open session (server NULL: search from here).
   Samba's own search finds nothing for a NetBIOS name unless told it is
   one (the fixtures' DC, "NBTEST", with flags 0), where Windows tries the
   name as DNS, then as NetBIOS: so when no name kind was given and the
   first try fails, the name is tried again as the kind its form says. */
static uint32_t dsgetdcname(struct nbi_remote *r, const char *server, const char *domain,
                            const GUID *guid, const char *site, DWORD flags, void **info)
{
    uint32_t st = r->samba->DsGetDcName(server, domain, guid, site, flags, info);
    if (st != NERR_Success && !server && domain && !(flags & DS_NAME_FLAGS)) {
        DWORD kind = strchr(domain, '.') ? DS_IS_DNS_NAME : DS_IS_FLAT_NAME;
        *info = NULL;
        st = r->samba->DsGetDcName(server, domain, guid, site, flags | kind, info);
    }
    return st;
}

NET_API_STATUS nbi_remote_dsgetdcname(LPCSTR server, LPCSTR domain, GUID *guid, LPCSTR site,
                                      DWORD flags, enum nbi_dc_call call, void *out)
{
    const char *bare = server ? nbi_server_bare(server) : NULL;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    if (!r.samba->have_netapi_shares) {
        nbi_remote_leave(&r);
        return ERROR_NOT_SUPPORTED;
    }
    uint32_t samba_status;
    if (call == NBI_DC_LOCATE || !bare) {
        /* The whole record, or (NetGetDCName, NetGetAnyDCName from this
           machine) its controller's name. */
        void *info = NULL;
        DWORD ask = flags;
        if (call == NBI_DC_PRIMARY)
            ask |= DS_PDC_REQUIRED;
        if (call != NBI_DC_LOCATE)
            ask |= DS_RETURN_FLAT_NAME;
        samba_status = dsgetdcname(&r, bare, domain, guid, site, ask, &info);
        if (samba_status == NERR_Success && !info)
            samba_status = NERR_InternalError;
        if (samba_status == NERR_Success && call == NBI_DC_LOCATE)
            st = nbi_remote_pack_one(&dc_row, info, out);
        else if (samba_status == NERR_Success) {
            const DOMAIN_CONTROLLER_INFO *dc = info;
            st = copy_string(dc->DomainControllerName ? dc->DomainControllerName : "", out);
        }
    } else {
        uint8_t *buf = NULL;
        samba_status = call == NBI_DC_PRIMARY ? r.samba->NetGetDCName(bare, domain, &buf)
                                              : r.samba->NetGetAnyDCName(bare, domain, &buf);
        if (samba_status == NERR_Success)
            st = copy_string(buf ? (const char *)buf : "", out);
        if (buf)
            r.samba->NetApiBufferFree(buf);
    }
    nbi_remote_leave(&r);
    return samba_status ? dc_status(samba_status, call, bare) : st;
}

/* ---- NetGetJoinInformation --------------------------------------------------------- */

NET_API_STATUS nbi_remote_get_join_information(LPCSTR server, LMSTR *name,
                                               PNETSETUP_JOIN_STATUS type)
{
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    const char *samba_name = NULL;
    /* libnetapi writes a whole enum (4 bytes) through its uint16_t. */
    uint32_t samba_type = 0;
    uint32_t samba_status = r.samba->have_netapi_shares
                                ? r.samba->NetGetJoinInformation(bare, &samba_name, &samba_type)
                                : ERROR_NOT_SUPPORTED;
    if (samba_status == NBI_LIBNETAPI_NOT_IMPLEMENTED) {
        int is_domain = 0;
        samba_status = nbi_lsa_primary_domain(&r, bare, &samba_name, &is_domain);
        samba_type = is_domain ? NetSetupDomainName : NetSetupWorkgroupName;
    }
    if (samba_status == NERR_Success) {
        LPBYTE copy = NULL;
        st = copy_string(samba_name ? samba_name : "", &copy);
        if (st == NERR_Success) {
            *name = (LMSTR)copy;
            *type = (NETSETUP_JOIN_STATUS)samba_type;
        }
    }
    nbi_remote_leave(&r);
    return samba_status ? plain_status(samba_status, bare) : st;
}

/* ---- joining, leaving, renaming, shutting down: passed through ---------------------- */

NET_API_STATUS nbi_remote_join(const struct nbi_join_args *a)
{
    const char *bare = nbi_server_bare(a->server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t samba_status = ERROR_NOT_SUPPORTED;
    if (r.samba->have_netapi_shares) {
        switch (a->what) {
        case NBI_JOIN:
            samba_status = r.samba->NetJoinDomain(bare, a->domain, a->ou, a->account,
                                                  a->password, a->options);
            break;
        case NBI_UNJOIN:
            samba_status = r.samba->NetUnjoinDomain(bare, a->account, a->password, a->options);
            break;
        case NBI_RENAME:
            samba_status = r.samba->NetRenameMachineInDomain(bare, a->new_name, a->account,
                                                             a->password, a->options);
            break;
        case NBI_SHUTDOWN:
            samba_status = r.samba->NetShutdownInit(bare, a->message, a->options,
                                                    (uint8_t)(a->force != 0),
                                                    (uint8_t)(a->reboot != 0));
            break;
        case NBI_SHUTDOWN_ABORT:
            samba_status = r.samba->NetShutdownAbort(bare);
            break;
        }
    }
    nbi_remote_leave(&r);
    return samba_status ? plain_status(samba_status, bare) : NERR_Success;
}

/* NetGetJoinableOUs' result: an array of string pointers, then the
   strings, packed as records of one string each. */
struct ou_record {
    LMSTR name;
};
static const size_t ou_strings[] = {offsetof(struct ou_record, name)};
static const struct nbi_field ou_fields[] = {NBI_FIELD(struct ou_record, name)};
static const struct nbi_layout ou_layout = {
    {sizeof(struct ou_record), _Alignof(struct ou_record), 1, ou_strings, 0, NULL},
    NBI_FIELDS(ou_fields)};

NET_API_STATUS nbi_remote_get_joinable_ous(LPCSTR server, LPCSTR domain, LPCSTR account,
                                           LPCSTR password, DWORD *count, LMSTR **ous)
{
    const char *bare = server ? nbi_server_bare(server) : NULL;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t n = 0;
    const char **names = NULL;
    uint32_t samba_status = r.samba->have_netapi_shares
                                ? r.samba->NetGetJoinableOUs(bare, domain, account, password,
                                                             &n, &names)
                                : ERROR_NOT_SUPPORTED;
    if (samba_status == NERR_Success) {
        netapibuf_packer *p;
        st = nbi_packer_create(&ou_layout, MAX_PREFERRED_LENGTH, &p);
        for (uint32_t i = 0; st == NERR_Success && names && i < n; i++) {
            struct ou_record o = {nbi_samba_string(names[i] ? names[i] : "")};
            st = netapibuf_packer_add(p, &o);
            if (st != NERR_Success)
                netapibuf_packer_destroy(p);
        }
        if (st == NERR_Success) {
            LPBYTE buf = NULL;
            DWORD got = 0;
            st = netapibuf_packer_finish(p, &buf, &got);
            if (st == NERR_Success) {
                *ous = (LMSTR *)(void *)buf;
                *count = got;
            }
        }
    }
    if (names)
        r.samba->NetApiBufferFree(names);
    nbi_remote_leave(&r);
    return samba_status ? plain_status(samba_status, bare) : st;
}
