/*
 * netapi.h — the drop-in for programs written for Samba's libnetapi: such a
 * program compiles and links against netapibuf without a source change
 *
 *     cc prog.c $(pkg-config --cflags --libs netapibuf)
 *
 * and gets netapibuf's answers: every result ONE NetApiBuffer, no context to
 * leak, any thread may call, Windows' statuses.  netapi.h(3) is its manual.
 *
 * What it declares, on top of lm.h and dsgetdc.h (whose structures are laid
 * out as Samba's, with Samba's struct tags: struct USER_INFO_1, ...):
 *   - the libnetapi_* functions (src/api/compat.c): one process-wide context,
 *     as in Samba, whose credentials become netapibuf_set_credentials';
 *   - Samba's names for what Windows names otherwise: the fields of
 *     struct DOMAIN_CONTROLLER_INFO (domain_controller_name, ... beside
 *     DomainControllerName, ...) and of struct GUID (time_low, ... beside
 *     Data1, ...), struct domsid as the type of every SID field, the
 *     NETLOGON_INFO_* structures, and the constants Samba's header defines;
 *   - the functions only Samba's header has (NetShutdownInit, ...,
 *     I_NetLogonControl, ConvertSidToStringSid, ConvertStringSidToSid).
 *
 * Where Samba's ABI differs from Windows', the name is bound (an asm label)
 * to an entry point with Samba's ABI (src/api/samba_abi.c): Samba passes
 * every resume handle as a uint32_t *, where Windows' NetLocalGroupEnum,
 * NetLocalGroupGetMembers, NetGroupEnum, NetGroupGetUsers and NetFileEnum
 * take a PDWORD_PTR (64 bits here), and NetGetJoinInformation's join status
 * is a uint16_t * for Samba, a 4-byte enum for Windows.  Nothing is ever
 * written past what the caller's type holds.
 *
 * Include it before any other netapibuf header (it defines
 * NETAPIBUF_SAMBA_COMPAT, which makes LMSTR a const char *, as Samba's
 * string fields are).  Samba's own netapi.h must not be on the include
 * path before this one; netapibuf installs no netapi.pc, which would clash
 * with Samba's.
 */
#ifndef NETAPIBUF_NETAPI_H
#define NETAPIBUF_NETAPI_H

#if defined(NETAPIBUF_LMCONS_H) && !defined(NETAPIBUF_SAMBA_COMPAT)
#error "include <netapi.h> before any other netapibuf header"
#endif
#ifndef NETAPIBUF_SAMBA_COMPAT
#define NETAPIBUF_SAMBA_COMPAT 1
#endif

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Samba's names for Windows' types ------------------------------------ */

/* A GUID under both field names (16 bytes, as lmcons.h's). */
#if !defined(NETAPIBUF_GUID) && !defined(GUID_DEFINED)
#define NETAPIBUF_GUID
#define GUID_DEFINED
typedef struct GUID {
    union { uint32_t Data1; uint32_t time_low; };
    union { uint16_t Data2; uint16_t time_mid; };
    union { uint16_t Data3; uint16_t time_hi_and_version; };
#ifdef __cplusplus
    uint8_t Data4[8]; /* Samba's clock_seq[2] and node[6] (an anonymous struct is C only) */
#else
    union {
        uint8_t Data4[8];
        struct {
            uint8_t clock_seq[2];
            uint8_t node[6];
        };
    };
#endif
} GUID, *PGUID, *LPGUID;
#endif

/* Samba's SID, the type of every SID field (PSID) here.  A SID netapibuf
   returns has 8 + 4 * num_auths bytes: sub_auths past num_auths are not
   there. */
#ifndef MAXSUBAUTHS
#define MAXSUBAUTHS 15
#endif
struct domsid {
    uint8_t sid_rev_num;
    uint8_t num_auths;
    uint8_t id_auth[6];
    uint32_t sub_auths[MAXSUBAUTHS];
};
#ifndef NETAPIBUF_PSID
#define NETAPIBUF_PSID
typedef struct domsid *PSID;
#endif

/* DOMAIN_CONTROLLER_INFO under Windows' and Samba's field names (dsgetdc.h
   keeps the Windows-only definition out when this one is made). */
#ifndef NETAPIBUF_DOMAIN_CONTROLLER_INFO
#define NETAPIBUF_DOMAIN_CONTROLLER_INFO
typedef struct DOMAIN_CONTROLLER_INFO {
    union { const char *DomainControllerName; const char *domain_controller_name; };
    union { const char *DomainControllerAddress; const char *domain_controller_address; };
    union { uint32_t DomainControllerAddressType; uint32_t domain_controller_address_type; };
    union { GUID DomainGuid; GUID domain_guid; };
    union { const char *DomainName; const char *domain_name; };
    union { const char *DnsForestName; const char *dns_forest_name; };
    union { uint32_t Flags; uint32_t flags; };
    union { const char *DcSiteName; const char *dc_site_name; };
    union { const char *ClientSiteName; const char *client_site_name; };
} DOMAIN_CONTROLLER_INFO, *PDOMAIN_CONTROLLER_INFO;
#endif

#ifdef __cplusplus
}
#endif

/*
 * The Windows declarations of the functions whose ABI Samba's differs from
 * are renamed out of the way while lm.h is read; the Samba-ABI declarations
 * below take the names.
 */
#define NetLocalGroupEnum netapibuf_windows_NetLocalGroupEnum
#define NetLocalGroupGetMembers netapibuf_windows_NetLocalGroupGetMembers
#define NetGroupEnum netapibuf_windows_NetGroupEnum
#define NetGroupGetUsers netapibuf_windows_NetGroupGetUsers
#define NetFileEnum netapibuf_windows_NetFileEnum
#define NetGetJoinInformation netapibuf_windows_NetGetJoinInformation
#include "lm.h"
#include "dsgetdc.h"
#include "netapibuf.h"
#undef NetLocalGroupEnum
#undef NetLocalGroupGetMembers
#undef NetGroupEnum
#undef NetGroupGetUsers
#undef NetFileEnum
#undef NetGetJoinInformation

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Samba's constants that the lm*.h headers do not define -------------- */

enum { NET_API_STATUS_SUCCESS = 0 };
#ifndef TIMEQ_FOREVER
#define TIMEQ_FOREVER ((uint32_t)-1L)
#endif
#ifndef AF_OP_PRINT
#define AF_OP_PRINT 0x1
#define AF_OP_COMM 0x2
#define AF_OP_SERVER 0x4
#define AF_OP_ACCOUNTS 0x8
#endif
#define NETLOGON_CONTROL_QUERY 0x00000001
#define NETLOGON_CONTROL_REPLICATE 0x00000002
#define NETLOGON_CONTROL_SYNCHRONIZE 0x00000003
#define NETLOGON_CONTROL_PDC_REPLICATE 0x00000004
#define NETLOGON_CONTROL_REDISCOVER 0x00000005
#define NETLOGON_CONTROL_TC_QUERY 0x00000006
#define NETLOGON_CONTROL_TRANSPORT_NOTIFY 0x00000007
#define NETLOGON_CONTROL_FIND_USER 0x00000008
#define NETLOGON_CONTROL_CHANGE_PASSWORD 0x00000009
#define NETLOGON_CONTROL_TC_VERIFY 0x0000000A
#define NETLOGON_CONTROL_FORCE_DNS_REG 0x0000000B
#define NETLOGON_CONTROL_QUERY_DNS_REG 0x0000000C
#define NETLOGON_CONTROL_BACKUP_CHANGE_LOG 0x0000FFFC
#define NETLOGON_CONTROL_TRUNCATE_LOG 0x0000FFFD
#define NETLOGON_CONTROL_SET_DBFLAG 0x0000FFFE
#define NETLOGON_CONTROL_BREAKPOINT 0x0000FFFF

/* I_NetLogonControl's records (the functions are not supported). */
struct NETLOGON_INFO_1 {
    uint32_t netlog1_flags;
    NET_API_STATUS netlog1_pdc_connection_status;
};
struct NETLOGON_INFO_2 {
    uint32_t netlog2_flags;
    NET_API_STATUS netlog2_pdc_connection_status;
    const char *netlog2_trusted_dc_name;
    NET_API_STATUS netlog2_tc_connection_status;
};
struct NETLOGON_INFO_3 {
    uint32_t netlog1_flags; /* sic, as Samba names it */
    uint32_t netlog3_logon_attempts;
    uint32_t netlog3_reserved1;
    uint32_t netlog3_reserved2;
    uint32_t netlog3_reserved3;
    uint32_t netlog3_reserved4;
    uint32_t netlog3_reserved5;
};
struct NETLOGON_INFO_4 {
    const char *netlog4_trusted_dc_name;
    const char *netlog4_trusted_domain_name;
};

/* ---- the libnetapi context ------------------------------------------------ */

struct libnetapi_ctx;   /* opaque: one per process, as in Samba */
struct cli_credentials; /* Samba's; netapibuf cannot read one */

/*
 * libnetapi_init gives the process's context (made at the first call);
 * libnetapi_getctx the same.  Its credentials are netapibuf's
 * (netapibuf_set_credentials): libnetapi_set_username takes Samba's forms
 * "user", "DOMAIN\\user", "user@REALM", "user%password" and "%"
 * (anonymous).  libnetapi_free forgets them (anonymous again) and ends the
 * context.  The getters return the context's copies, valid until they are
 * changed or the context ends.  Every function returns 0, or 87 for a NULL
 * argument; libnetapi_set_creds, which takes Samba's own credentials
 * object, answers ERROR_NOT_SUPPORTED.  Debug level, log file and
 * libnetapi_set_use_ccache are remembered and have no effect (netapibuf
 * prints nothing).
 */
NET_API_STATUS libnetapi_init(struct libnetapi_ctx **ctx);
NET_API_STATUS libnetapi_free(struct libnetapi_ctx *ctx);
NET_API_STATUS libnetapi_getctx(struct libnetapi_ctx **ctx);
NET_API_STATUS libnetapi_get_username(struct libnetapi_ctx *ctx, const char **username);
NET_API_STATUS libnetapi_get_password(struct libnetapi_ctx *ctx, const char **password);
NET_API_STATUS libnetapi_set_debuglevel(struct libnetapi_ctx *ctx, const char *debuglevel);
NET_API_STATUS libnetapi_set_creds(struct libnetapi_ctx *ctx, struct cli_credentials *creds);
NET_API_STATUS libnetapi_set_username(struct libnetapi_ctx *ctx, const char *username);
NET_API_STATUS libnetapi_set_password(struct libnetapi_ctx *ctx, const char *password);
NET_API_STATUS libnetapi_set_workgroup(struct libnetapi_ctx *ctx, const char *workgroup);
NET_API_STATUS libnetapi_set_use_kerberos(struct libnetapi_ctx *ctx);
NET_API_STATUS libnetapi_get_use_kerberos(struct libnetapi_ctx *ctx, int *use_kerberos);
NET_API_STATUS libnetapi_set_logfile(struct libnetapi_ctx *ctx, const char *logfile);
NET_API_STATUS libnetapi_set_use_ccache(struct libnetapi_ctx *ctx);

/* The text of a status, in a NetApiBuffer the caller frees with
   NetApiBufferFree (NULL when memory runs out).  ctx may be NULL. */
char *libnetapi_errstr(NET_API_STATUS status);
char *libnetapi_get_error_string(struct libnetapi_ctx *ctx, NET_API_STATUS status);

/* A SID as "S-1-5-21-...", in memory the caller frees with free(); and
   back, into a struct domsid the caller frees with free().  Nonzero on
   success, 0 for a NULL argument, a malformed string or no memory. */
int ConvertSidToStringSid(const struct domsid *sid, char **sid_string);
int ConvertStringSidToSid(const char *sid_string, struct domsid **sid);

/* ---- Samba's ABI where it differs from Windows' --------------------------- */

#define NETAPIBUF_SAMBA_ABI(name) __asm__("netapibuf_samba_" #name)

NET_API_STATUS NetLocalGroupEnum(const char *server_name, uint32_t level, uint8_t **buffer,
                                 uint32_t prefmaxlen, uint32_t *entries_read,
                                 uint32_t *total_entries, uint32_t *resume_handle)
    NETAPIBUF_SAMBA_ABI(NetLocalGroupEnum);
NET_API_STATUS NetLocalGroupGetMembers(const char *server_name, const char *local_group_name,
                                       uint32_t level, uint8_t **buffer, uint32_t prefmaxlen,
                                       uint32_t *entries_read, uint32_t *total_entries,
                                       uint32_t *resume_handle)
    NETAPIBUF_SAMBA_ABI(NetLocalGroupGetMembers);
NET_API_STATUS NetGroupEnum(const char *server_name, uint32_t level, uint8_t **buffer,
                            uint32_t prefmaxlen, uint32_t *entries_read,
                            uint32_t *total_entries, uint32_t *resume_handle)
    NETAPIBUF_SAMBA_ABI(NetGroupEnum);
NET_API_STATUS NetGroupGetUsers(const char *server_name, const char *group_name, uint32_t level,
                                uint8_t **buffer, uint32_t prefmaxlen, uint32_t *entries_read,
                                uint32_t *total_entries, uint32_t *resume_handle)
    NETAPIBUF_SAMBA_ABI(NetGroupGetUsers);
NET_API_STATUS NetFileEnum(const char *server_name, const char *base_path, const char *user_name,
                           uint32_t level, uint8_t **buffer, uint32_t prefmaxlen,
                           uint32_t *entries_read, uint32_t *total_entries,
                           uint32_t *resume_handle) NETAPIBUF_SAMBA_ABI(NetFileEnum);
NET_API_STATUS NetGetJoinInformation(const char *server_name, const char **name_buffer,
                                     uint16_t *name_type)
    NETAPIBUF_SAMBA_ABI(NetGetJoinInformation);

/* ---- functions only Samba's header has ------------------------------------ */

/* Shut a server down, or stop that: asked through Samba's engine; this
   machine answers ERROR_NOT_SUPPORTED. */
NET_API_STATUS NetShutdownInit(const char *server_name, const char *message, uint32_t timeout,
                               uint8_t force_apps, uint8_t do_reboot);
NET_API_STATUS NetShutdownAbort(const char *server_name);

/* Netlogon control queries: not supported (ERROR_NOT_SUPPORTED, *buffer
   NULL). */
NET_API_STATUS I_NetLogonControl(const char *server_name, uint32_t function_code,
                                 uint32_t query_level, uint8_t **buffer);
NET_API_STATUS I_NetLogonControl2(const char *server_name, uint32_t function_code,
                                  uint32_t query_level, uint8_t *data, uint8_t **buffer);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_NETAPI_H */
