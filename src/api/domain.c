/*
 * domain.c — the exported domain functions: NetGetDCName, NetGetAnyDCName,
 * DsGetDcName, NetGetJoinInformation, and the join functions of Samba's
 * libnetapi (NetJoinDomain, NetUnjoinDomain, NetRenameMachineInDomain,
 * NetGetJoinableOUs, NetProvisionComputerAccount,
 * NetRequestOfflineDomainJoin), and the shutdown calls only Samba's header
 * has (NetShutdownInit, NetShutdownAbort, declared in <netapi.h>).
 *
 * Finding a domain controller is a network search even when this machine
 * does it (Windows' Netlogon asks DNS and the controllers): when the
 * server name is this machine's, the domain comes from its Samba
 * configuration (local/) and the search goes through Samba's engine
 * (remote/, with no server); a machine in no domain answers at once, with
 * no Samba library loaded.
 */
#include <lm.h>
#include <dsgetdc.h>

#include "api/dispatch.h"
#include "local/functions.h"
#include "remote/functions.h"

/* The domain this machine searches for when the caller names none:
   NERR_Success and *domain, or the call's "no domain" status. */
static NET_API_STATUS own_domain(enum nbi_dc_call call, struct nbi_local_membership *m,
                                 LPCSTR *domain)
{
    NET_API_STATUS st = nbi_local_domain(m);
    if (st != NERR_Success)
        return st;
    if (!m->in_domain)
        return nbi_remote_no_dc(call, 0);
    /* DsGetDcName reports the DNS names when it can: ask by the realm. */
    *domain = call == NBI_DC_LOCATE && m->dns_name[0] ? m->dns_name : m->name;
    return NERR_Success;
}

static NET_API_STATUS get_dc_name(LPCSTR ServerName, LPCSTR DomainName, LPBYTE *Buffer,
                                  enum nbi_dc_call call)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_buffer_out(Buffer);
    if (st == NERR_Success)
        st = nbi_api_where(ServerName, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_dsgetdcname(ServerName, DomainName, NULL, NULL, 0, call, Buffer);
    struct nbi_local_membership m;
    if (!DomainName && (st = own_domain(call, &m, &DomainName)) != NERR_Success)
        return st;
    return nbi_remote_dsgetdcname(NULL, DomainName, NULL, NULL, 0, call, Buffer);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGetDCName(LPCSTR ServerName, LPCSTR DomainName,
                                                        LPBYTE *Buffer)
{
    return get_dc_name(ServerName, DomainName, Buffer, NBI_DC_PRIMARY);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGetAnyDCName(LPCSTR ServerName, LPCSTR DomainName,
                                                           LPBYTE *Buffer)
{
    return get_dc_name(ServerName, DomainName, Buffer, NBI_DC_ANY);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION DsGetDcName(LPCSTR ComputerName, LPCSTR DomainName,
                                                       GUID *DomainGuid, LPCSTR SiteName,
                                                       DWORD Flags,
                                                       PDOMAIN_CONTROLLER_INFO *DomainControllerInfo)
{
    enum nbi_server where;
    if (!DomainControllerInfo)
        return ERROR_INVALID_PARAMETER;
    *DomainControllerInfo = NULL;
    /* Windows' rule: a name is either flat or DNS, and is returned as one. */
    if ((Flags & DS_IS_FLAT_NAME && Flags & DS_IS_DNS_NAME) ||
        (Flags & DS_RETURN_DNS_NAME && Flags & DS_RETURN_FLAT_NAME))
        return ERROR_INVALID_FLAGS;
    NET_API_STATUS st = nbi_api_where(ComputerName, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_dsgetdcname(ComputerName, DomainName, DomainGuid, SiteName, Flags,
                                      NBI_DC_LOCATE, DomainControllerInfo);
    struct nbi_local_membership m;
    if (!DomainName && (st = own_domain(NBI_DC_LOCATE, &m, &DomainName)) != NERR_Success)
        return st;
    return nbi_remote_dsgetdcname(NULL, DomainName, DomainGuid, SiteName, Flags, NBI_DC_LOCATE,
                                  DomainControllerInfo);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGetJoinInformation(LPCSTR lpServer,
                                                                 LMSTR *lpNameBuffer,
                                                                 PNETSETUP_JOIN_STATUS BufferType)
{
    enum nbi_server where;
    if (!lpNameBuffer || !BufferType)
        return ERROR_INVALID_PARAMETER;
    *lpNameBuffer = NULL;
    *BufferType = NetSetupUnknownStatus;
    NET_API_STATUS st = nbi_api_where(lpServer, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_get_join_information(lpServer, lpNameBuffer, BufferType);
    return nbi_local_get_join_information(lpNameBuffer, BufferType);
}

/* ---- joining, leaving, renaming ----------------------------------------------------- */

/* A server is asked through Samba's engine; this machine is never changed. */
static NET_API_STATUS join_write(const struct nbi_join_args *a)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_api_where(a->server, &where);
    if (st != NERR_Success)
        return st;
    return where == NBI_SERVER_REMOTE ? nbi_remote_join(a) : ERROR_NOT_SUPPORTED;
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetJoinDomain(LPCSTR lpServer, LPCSTR lpDomain,
                                                         LPCSTR lpMachineAccountOU,
                                                         LPCSTR lpAccount, LPCSTR lpPassword,
                                                         DWORD fJoinOptions)
{
    if (!lpDomain)
        return ERROR_INVALID_PARAMETER;
    struct nbi_join_args a = {NBI_JOIN,  lpServer, lpDomain, lpMachineAccountOU,
                              lpAccount, lpPassword, NULL,   NULL,
                              fJoinOptions, 0,     0};
    return join_write(&a);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetUnjoinDomain(LPCSTR lpServer, LPCSTR lpAccount,
                                                           LPCSTR lpPassword,
                                                           DWORD fUnjoinOptions)
{
    struct nbi_join_args a = {NBI_UNJOIN, lpServer, NULL, NULL,          lpAccount, lpPassword,
                              NULL,       NULL,     fUnjoinOptions, 0, 0};
    return join_write(&a);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetRenameMachineInDomain(LPCSTR lpServer,
                                                                    LPCSTR lpNewMachineName,
                                                                    LPCSTR lpAccount,
                                                                    LPCSTR lpPassword,
                                                                    DWORD fRenameOptions)
{
    struct nbi_join_args a = {NBI_RENAME, lpServer,        NULL, NULL, lpAccount, lpPassword,
                              lpNewMachineName, NULL, fRenameOptions, 0,  0};
    return join_write(&a);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetGetJoinableOUs(LPCSTR lpServer, LPCSTR lpDomain,
                                                             LPCSTR lpAccount, LPCSTR lpPassword,
                                                             DWORD *OUCount, LMSTR **OUs)
{
    enum nbi_server where;
    if (!OUCount || !OUs)
        return ERROR_INVALID_PARAMETER;
    *OUCount = 0;
    *OUs = NULL;
    if (!lpDomain)
        return ERROR_INVALID_PARAMETER;
    NET_API_STATUS st = nbi_api_where(lpServer, &where);
    if (st != NERR_Success)
        return st;
    /* From this machine, Samba's engine asks the domain's directory. */
    return nbi_remote_get_joinable_ous(where == NBI_SERVER_REMOTE ? lpServer : NULL, lpDomain,
                                       lpAccount, lpPassword, OUCount, OUs);
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetProvisionComputerAccount(
    LPCSTR lpDomain, LPCSTR lpMachineName, LPCSTR lpMachineAccountOU, LPCSTR lpDcName,
    DWORD dwOptions, PBYTE *pProvisionBinData, DWORD *pdwProvisionBinDataSize,
    LMSTR *pProvisionTextData)
{
    (void)lpDomain, (void)lpMachineName, (void)lpMachineAccountOU, (void)lpDcName,
        (void)dwOptions;
    if (pProvisionBinData)
        *pProvisionBinData = NULL;
    if (pdwProvisionBinDataSize)
        *pdwProvisionBinDataSize = 0;
    if (pProvisionTextData)
        *pProvisionTextData = NULL;
    return ERROR_NOT_SUPPORTED;
}

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetRequestOfflineDomainJoin(
    BYTE *pProvisionBinData, DWORD cbProvisionBinDataSize, DWORD dwOptions, LPCSTR lpWindowsPath)
{
    (void)pProvisionBinData, (void)cbProvisionBinDataSize, (void)dwOptions, (void)lpWindowsPath;
    return ERROR_NOT_SUPPORTED;
}

/* ---- shutting down a server (Samba's netapi.h only) ---------------------------------- */

/* Samba's prototypes (netapi.h declares them). */
NBI_EXPORT NET_API_STATUS NetShutdownInit(const char *server_name, const char *message,
                                          uint32_t timeout, uint8_t force_apps,
                                          uint8_t do_reboot);
NBI_EXPORT NET_API_STATUS NetShutdownAbort(const char *server_name);

/* A server is asked through Samba's engine; this machine is never shut
   down from here. */
NET_API_STATUS NetShutdownInit(const char *server_name, const char *message, uint32_t timeout,
                               uint8_t force_apps, uint8_t do_reboot)
{
    struct nbi_join_args a = {NBI_SHUTDOWN, server_name, NULL, NULL, NULL, NULL, NULL,
                              message,      timeout,     force_apps, do_reboot};
    return join_write(&a);
}

NET_API_STATUS NetShutdownAbort(const char *server_name)
{
    struct nbi_join_args a = {NBI_SHUTDOWN_ABORT, server_name, NULL, NULL, NULL, NULL,
                              NULL,               NULL,        0,    0,    0};
    return join_write(&a);
}
