/*
 * lmjoin.h — domain membership: the Windows enumerations and flags of
 * NetJoinDomain, NetUnjoinDomain, NetGetJoinInformation and
 * NetValidateName.
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

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMJOIN_H */
