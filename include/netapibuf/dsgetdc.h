/*
 * dsgetdc.h — locating a domain controller: DsGetDcName, its Windows
 * structure and flags, with UTF-8 strings.
 *
 * DOMAIN_CONTROLLER_INFO is laid out as Samba's libnetapi lays out its
 * struct DOMAIN_CONTROLLER_INFO (tests/test_samba_layouts checks it); the
 * field names are Windows' (Samba spells them domain_controller_name, ...).
 * GUID comes from lmcons.h.
 */
#ifndef NETAPIBUF_DSGETDC_H
#define NETAPIBUF_DSGETDC_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

/* netapi.h defines it under Samba's field names too. */
#ifndef NETAPIBUF_DOMAIN_CONTROLLER_INFO
#define NETAPIBUF_DOMAIN_CONTROLLER_INFO
typedef struct DOMAIN_CONTROLLER_INFO {
    LMSTR DomainControllerName;        /* "\\\\dc1.example.com" (or "\\\\DC1") */
    LMSTR DomainControllerAddress;     /* "\\\\192.0.2.10", of DomainControllerAddressType */
    DWORD DomainControllerAddressType; /* DS_INET_ADDRESS or DS_NETBIOS_ADDRESS (ULONG in Windows: 32 bits) */
    GUID DomainGuid;                   /* all zero if the domain has none */
    LMSTR DomainName;
    LMSTR DnsForestName;
    DWORD Flags;                       /* DS_*_FLAG */
    LMSTR DcSiteName;                  /* may be NULL */
    LMSTR ClientSiteName;              /* may be NULL */
} DOMAIN_CONTROLLER_INFO, *PDOMAIN_CONTROLLER_INFO;
#endif

/* DomainControllerAddressType values */
#define DS_INET_ADDRESS    1
#define DS_NETBIOS_ADDRESS 2

/* DsGetDcName request flags */
#define DS_FORCE_REDISCOVERY            0x00000001
#define DS_DIRECTORY_SERVICE_REQUIRED   0x00000010
#define DS_DIRECTORY_SERVICE_PREFERRED  0x00000020
#define DS_GC_SERVER_REQUIRED           0x00000040
#define DS_PDC_REQUIRED                 0x00000080
#define DS_BACKGROUND_ONLY              0x00000100
#define DS_IP_REQUIRED                  0x00000200
#define DS_KDC_REQUIRED                 0x00000400
#define DS_TIMESERV_REQUIRED            0x00000800
#define DS_WRITABLE_REQUIRED            0x00001000
#define DS_GOOD_TIMESERV_PREFERRED      0x00002000
#define DS_AVOID_SELF                   0x00004000
#define DS_ONLY_LDAP_NEEDED             0x00008000
#define DS_IS_FLAT_NAME                 0x00010000 /* the domain name is a NetBIOS name */
#define DS_IS_DNS_NAME                  0x00020000 /* the domain name is a DNS name */
#define DS_TRY_NEXTCLOSEST_SITE         0x00040000
#define DS_DIRECTORY_SERVICE_6_REQUIRED 0x00080000
#define DS_WEB_SERVICE_REQUIRED         0x00100000
#define DS_RETURN_DNS_NAME              0x40000000
#define DS_RETURN_FLAT_NAME             0x80000000

/* DOMAIN_CONTROLLER_INFO Flags: what the domain controller found is */
#define DS_PDC_FLAG                    0x00000001
#define DS_GC_FLAG                     0x00000004
#define DS_LDAP_FLAG                   0x00000008
#define DS_DS_FLAG                     0x00000010
#define DS_KDC_FLAG                    0x00000020
#define DS_TIMESERV_FLAG               0x00000040
#define DS_CLOSEST_FLAG                0x00000080
#define DS_WRITABLE_FLAG               0x00000100
#define DS_GOOD_TIMESERV_FLAG          0x00000200
#define DS_NDNC_FLAG                   0x00000400
#define DS_SELECT_SECRET_DOMAIN_6_FLAG 0x00000800 /* a read-only DC, 2008 or later */
#define DS_FULL_SECRET_DOMAIN_6_FLAG   0x00001000 /* a writable DC, 2008 or later */
#define DS_WS_FLAG                     0x00002000
#define DS_DS_8_FLAG                   0x00004000
#define DS_DNS_CONTROLLER_FLAG         0x20000000 /* DomainControllerName is a DNS name */
#define DS_DNS_DOMAIN_FLAG             0x40000000 /* DomainName is a DNS name */
#define DS_DNS_FOREST_FLAG             0x80000000 /* DnsForestName is a DNS name */

/*
 * Find a domain controller of DomainName (NULL: the domain ComputerName is
 * a member of).  ComputerName NULL, "" or this host's name: this machine
 * looks for one itself, through Samba's engine (DNS and CLDAP, as Windows'
 * Netlogon does); any other name: that server is asked (its Netlogon
 * service).  DomainGuid and SiteName narrow the search when not NULL; Flags
 * are the DS_* request flags above.  NERR_Success with
 * *DomainControllerInfo (one NetApiBuffer: free it with NetApiBufferFree),
 * or *DomainControllerInfo NULL and: 87 for a NULL DomainControllerInfo,
 * ERROR_NO_SUCH_DOMAIN (no controller found, or this machine is in no
 * domain and DomainName is NULL), ERROR_INVALID_NAME, ERROR_BAD_NETPATH,
 * ERROR_LOGON_FAILURE, ERROR_ACCESS_DENIED, ERROR_NOT_ENOUGH_MEMORY,
 * ERROR_MOD_NOT_FOUND (Samba's client library is missing), ...
 */
NET_API_STATUS NET_API_FUNCTION DsGetDcName(LPCSTR ComputerName, LPCSTR DomainName,
                                            GUID *DomainGuid, LPCSTR SiteName, DWORD Flags,
                                            PDOMAIN_CONTROLLER_INFO *DomainControllerInfo);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_DSGETDC_H */
