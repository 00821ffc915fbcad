/*
 * lmjoin.h — domain membership: the Windows enumerations, flags and
 * functions of NetJoinDomain, NetUnjoinDomain, NetGetJoinInformation and
 * their kin.
 */
#ifndef NETAPIBUF_LMJOIN_H
#define NETAPIBUF_LMJOIN_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What NetGetJoinInformation reports the name it returns to be. */
typedef enum NETSETUP_JOIN_STATUS {
    NetSetupUnknownStatus = 0,
    NetSetupUnjoined,      /* the name is NULL or empty: not joined */
    NetSetupWorkgroupName, /* the name is the workgroup's */
    NetSetupDomainName     /* the name is the domain's */
} NETSETUP_JOIN_STATUS, *PNETSETUP_JOIN_STATUS;

/* What kind of name NetValidateName checks. */
typedef enum NETSETUP_NAME_TYPE {
    NetSetupUnknown = 0,
    NetSetupMachine,
    NetSetupWorkgroup,
    NetSetupDomain,
    NetSetupNonExistentDomain,
    NetSetupDnsMachine
} NETSETUP_NAME_TYPE, *PNETSETUP_NAME_TYPE;

/* NetJoinDomain / NetUnjoinDomain / NetRenameMachineInDomain options */
#define NETSETUP_JOIN_DOMAIN              0x00000001 /* a domain, not a workgroup */
#define NETSETUP_ACCT_CREATE              0x00000002 /* create the computer account */
#define NETSETUP_ACCT_DELETE              0x00000004 /* unjoin: disable the account */
#define NETSETUP_WIN9X_UPGRADE            0x00000010
#define NETSETUP_DOMAIN_JOIN_IF_JOINED    0x00000020
#define NETSETUP_JOIN_UNSECURE            0x00000040
#define NETSETUP_MACHINE_PWD_PASSED       0x00000080
#define NETSETUP_DEFER_SPN_SET            0x00000100
#define NETSETUP_JOIN_DC_ACCOUNT          0x00000200
#define NETSETUP_JOIN_WITH_NEW_NAME       0x00000400
#define NETSETUP_JOIN_READONLY            0x00000800
#define NETSETUP_AMBIGUOUS_DC             0x00001000
#define NETSETUP_NO_NETLOGON_CACHE        0x00002000
#define NETSETUP_DONT_CONTROL_SERVICES    0x00004000
#define NETSETUP_SET_MACHINE_NAME         0x00008000
#define NETSETUP_FORCE_SPN_SET            0x00010000
#define NETSETUP_NO_ACCT_REUSE            0x00020000
#define NETSETUP_INSTALL_INVOCATION       0x00040000
#define NETSETUP_IGNORE_UNSUPPORTED_FLAGS 0x10000000

/* NetProvisionComputerAccount options (offline join) */
#define NETSETUP_PROVISION_DOWNLEVEL_PRIV_SUPPORT 0x00000001
#define NETSETUP_PROVISION_REUSE_ACCOUNT          0x00000002
#define NETSETUP_PROVISION_USE_DEFAULT_PASSWORD   0x00000004
#define NETSETUP_PROVISION_SKIP_ACCOUNT_SEARCH    0x00000008
#define NETSETUP_PROVISION_ROOT_CA_CERTS          0x00000010
/* NetRequestOfflineDomainJoin option */
#define NETSETUP_PROVISION_ONLINE_CALLER          0x40000000

/* ==== Functions =========================================================== */

/*
 * Whether a machine is in a workgroup or a domain, and its name.  lpServer:
 * NULL, "" or this host's name for this machine (answered from its Samba
 * configuration, see NetGetJoinInformation(3)), any other name a server.
 * NERR_Success with *lpNameBuffer (one NetApiBuffer holding the NetBIOS
 * name of the workgroup or domain: free it with NetApiBufferFree) and
 * *BufferType (NetSetupWorkgroupName or NetSetupDomainName).  On failure
 * *lpNameBuffer is NULL and *BufferType NetSetupUnknownStatus: 87 for a
 * NULL lpNameBuffer or BufferType, ERROR_INVALID_NAME, ERROR_ACCESS_DENIED,
 * ERROR_BAD_NETPATH, ERROR_LOGON_FAILURE, ERROR_NOT_ENOUGH_MEMORY, ...
 */
NET_API_STATUS NET_API_FUNCTION NetGetJoinInformation(LPCSTR lpServer, LMSTR *lpNameBuffer,
                                                      PNETSETUP_JOIN_STATUS BufferType);

/*
 * Joining, leaving and renaming, as Samba's libnetapi offers them: a server
 * is asked through Samba's engine (WKSSVC); this machine is never changed
 * (ERROR_NOT_SUPPORTED: netapibuf does not write this machine's
 * configuration or secrets).  Statuses are the server's, as for the other
 * remote functions.  See NetJoinDomain(3).
 */
NET_API_STATUS NET_API_FUNCTION NetJoinDomain(LPCSTR lpServer, LPCSTR lpDomain,
                                              LPCSTR lpMachineAccountOU, LPCSTR lpAccount,
                                              LPCSTR lpPassword, DWORD fJoinOptions);
NET_API_STATUS NET_API_FUNCTION NetUnjoinDomain(LPCSTR lpServer, LPCSTR lpAccount,
                                                LPCSTR lpPassword, DWORD fUnjoinOptions);
NET_API_STATUS NET_API_FUNCTION NetRenameMachineInDomain(LPCSTR lpServer,
                                                         LPCSTR lpNewMachineName,
                                                         LPCSTR lpAccount, LPCSTR lpPassword,
                                                         DWORD fRenameOptions);

/*
 * The organizational units of lpDomain where lpAccount may create computer
 * accounts, asked through Samba's engine (for this machine: from the
 * domain's directory; for a server: by its WKSSVC).  NERR_Success with
 * *OUCount names and *OUs (ONE NetApiBuffer: an array of *OUCount string
 * pointers and the strings; free it with NetApiBufferFree), or *OUs NULL
 * and *OUCount 0 with the failure's status (87 for a NULL lpDomain, OUCount
 * or OUs).
 */
NET_API_STATUS NET_API_FUNCTION NetGetJoinableOUs(LPCSTR lpServer, LPCSTR lpDomain,
                                                  LPCSTR lpAccount, LPCSTR lpPassword,
                                                  DWORD *OUCount, LMSTR **OUs);

/*
 * Offline domain join: not supported (always ERROR_NOT_SUPPORTED, nothing
 * written: *pProvisionBinData and *pProvisionTextData, where given, are
 * set to NULL and *pdwProvisionBinDataSize to 0).  Declared so that
 * programs written for Samba's libnetapi build.
 */
NET_API_STATUS NET_API_FUNCTION NetProvisionComputerAccount(
    LPCSTR lpDomain, LPCSTR lpMachineName, LPCSTR lpMachineAccountOU, LPCSTR lpDcName,
    DWORD dwOptions, PBYTE *pProvisionBinData, DWORD *pdwProvisionBinDataSize,
    LMSTR *pProvisionTextData);
NET_API_STATUS NET_API_FUNCTION NetRequestOfflineDomainJoin(BYTE *pProvisionBinData,
                                                            DWORD cbProvisionBinDataSize,
                                                            DWORD dwOptions,
                                                            LPCSTR lpWindowsPath);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMJOIN_H */
