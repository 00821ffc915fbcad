/*
 * samba.h — layer 5, remote side: Samba's client library as one table of
 * typed entry points, loaded at the first remote call and never before.
 *
 * Samba's libnetapi (libnetapi.so.1, Debian's samba-libs) is the only
 * public client of the SAMR, SRVSVC and WKSSVC protocols on Linux; we use
 * its engine and write no RPC stack.  It is a run-time door, not a link-
 * time one (the systemd dlopen pattern): a program that only uses this
 * machine's functions or buffers maps no Samba library at all.
 *
 *   libnetapi.so.1   dlopen(RTLD_NOW | RTLD_LOCAL); every Net* and
 *                    libnetapi_* entry point by dlvsym(..., "NETAPI_1.0.0"),
 *                    because it exports the same names as we do
 *                    (NetUserEnum, NetApiBufferFree, ...).  Our own
 *                    NETAPIBUF_1 version node keeps its internal calls bound
 *                    to itself, so no RTLD_DEEPBIND (AddressSanitizer aborts
 *                    on it).
 *   libtalloc.so.2   already loaded by libnetapi: the few talloc calls the
 *                    context sweep needs (sweep.h), by "TALLOC_2.0.2".
 *   Samba's RPC      the generated SAMR and LSA client calls and their
 *   stubs            interface tables, for the functions libnetapi gets
 *                    wrong or lacks (samr.h lists them); optional: without
 *                    them those functions answer ERROR_NOT_SUPPORTED.
 *
 * Every entry point may be called only between nbi_remote_enter and
 * nbi_remote_leave (session.h): libnetapi keeps one process-wide context
 * and a process-wide talloc stack, and crashes when two threads use them.
 */
#ifndef NBI_REMOTE_SAMBA_H
#define NBI_REMOTE_SAMBA_H

#include <stddef.h>
#include <stdint.h>

#include <lm.h>

#include "platform/platform.h"

/* libnetapi's context, never looked into. */
struct libnetapi_ctx;

/* A WERROR or NTSTATUS as Samba returns it (Windows values). */
typedef uint32_t nbi_samba_status;

/*
 * The libnetapi entry points: X(name, return type, parameter list).  The
 * parameter types are Samba's ABI (uint32_t for every count and resume
 * handle), which our DWORD and LPBYTE match.
 */
#define NBI_SAMBA_NETAPI(X)                                                                     \
    X(libnetapi_init, NET_API_STATUS, (struct libnetapi_ctx **))                               \
    X(libnetapi_net_init, NET_API_STATUS, (struct libnetapi_ctx **))                           \
    X(libnetapi_set_username, NET_API_STATUS, (struct libnetapi_ctx *, const char *))          \
    X(libnetapi_set_password, NET_API_STATUS, (struct libnetapi_ctx *, const char *))          \
    X(libnetapi_get_password, NET_API_STATUS, (struct libnetapi_ctx *, const char **))         \
    X(libnetapi_set_workgroup, NET_API_STATUS, (struct libnetapi_ctx *, const char *))         \
    X(libnetapi_set_use_kerberos, NET_API_STATUS, (struct libnetapi_ctx *))                    \
    X(libnetapi_set_use_ccache, NET_API_STATUS, (struct libnetapi_ctx *))                      \
    X(libnetapi_set_debuglevel, NET_API_STATUS, (struct libnetapi_ctx *, const char *))        \
    X(libnetapi_samr_free, void, (struct libnetapi_ctx *))                                     \
    X(libnetapi_set_creds, NET_API_STATUS, (struct libnetapi_ctx *, void *))                   \
    X(libnetapi_shutdown_cm, nbi_samba_status, (struct libnetapi_ctx *))                       \
    X(libnetapi_open_pipe, nbi_samba_status,                                                   \
      (struct libnetapi_ctx *, const char *, const void *, void **))                          \
    X(libnetapi_get_binding_handle, nbi_samba_status,                                          \
      (struct libnetapi_ctx *, const char *, const void *, void **))                          \
    X(libnetapi_samr_open_domain, nbi_samba_status,                                            \
      (struct libnetapi_ctx *, void *, uint32_t, uint32_t, void *, void *, void **))          \
    X(libnetapi_samr_open_builtin_domain, nbi_samba_status,                                    \
      (struct libnetapi_ctx *, void *, uint32_t, uint32_t, void *, void *))                   \
    X(NetApiBufferFree, NET_API_STATUS, (void *))                                              \
    X(NetUserEnum, NET_API_STATUS,                                                             \
      (const char *, uint32_t, uint32_t, uint8_t **, uint32_t, uint32_t *, uint32_t *,        \
       uint32_t *))                                                                            \
    X(NetUserGetInfo, NET_API_STATUS, (const char *, const char *, uint32_t, uint8_t **))      \
    X(NetUserGetLocalGroups, NET_API_STATUS,                                                   \
      (const char *, const char *, uint32_t, uint32_t, uint8_t **, uint32_t, uint32_t *,      \
       uint32_t *))                                                                            \
    X(NetQueryDisplayInformation, NET_API_STATUS,                                              \
      (const char *, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t *, void **))            \
    X(NetLocalGroupGetInfo, NET_API_STATUS, (const char *, const char *, uint32_t, uint8_t **)) \
    X(NetServerGetInfo, NET_API_STATUS, (const char *, uint32_t, uint8_t **))                  \
    X(NetWkstaGetInfo, NET_API_STATUS, (const char *, uint32_t, uint8_t **))                   \
    X(NetRemoteTOD, NET_API_STATUS, (const char *, uint8_t **))

/* The talloc calls the context sweep needs (libtalloc.so.2, TALLOC_2.0.2). */
typedef void (*nbi_talloc_visit)(const void *ptr, int depth, int max_depth, int is_ref,
                                 void *private_data);
#define NBI_SAMBA_TALLOC(X)                                                                     \
    X(talloc_report_depth_cb, void, (const void *, int, int, nbi_talloc_visit, void *))        \
    X(talloc_get_size, size_t, (const void *))                                                 \
    X(_talloc_free, int, (void *, const char *))                                               \
    X(talloc_get_name, const char *, (const void *))                                           \
    X(talloc_named_const, void *, (const void *, size_t, const char *))

/*
 * The SAMR client calls of Samba's generated RPC stubs (private Samba
 * libraries: looked up by name, without a version, in the library that
 * already holds them).  Their structures are in samr.h.  nbi_ntstatus: an
 * NTSTATUS, which Samba's release builds define as a uint32_t (a one-field
 * struct in developer builds: the same in registers).
 */
typedef uint32_t nbi_ntstatus;
#define NBI_SAMBA_SAMR(X)                                                                       \
    X(dcerpc_samr_EnumDomainUsers, nbi_ntstatus,                                               \
      (void *, void *, void *, uint32_t *, uint32_t, void **, uint32_t, uint32_t *,           \
       nbi_ntstatus *))                                                                        \
    X(dcerpc_samr_OpenUser, nbi_ntstatus,                                                      \
      (void *, void *, void *, uint32_t, uint32_t, void *, nbi_ntstatus *))                   \
    X(dcerpc_samr_GetGroupsForUser, nbi_ntstatus, (void *, void *, void *, void **, nbi_ntstatus *)) \
    X(dcerpc_samr_GetAliasMembership, nbi_ntstatus,                                            \
      (void *, void *, void *, void *, void *, nbi_ntstatus *))                               \
    X(dcerpc_samr_LookupRids, nbi_ntstatus,                                                    \
      (void *, void *, void *, uint32_t, uint32_t *, void *, void *, nbi_ntstatus *))         \
    X(dcerpc_samr_EnumDomainAliases, nbi_ntstatus,                                             \
      (void *, void *, void *, uint32_t *, void **, uint32_t, uint32_t *, nbi_ntstatus *))    \
    X(dcerpc_samr_LookupNames, nbi_ntstatus,                                                   \
      (void *, void *, void *, uint32_t, const void *, void *, void *, nbi_ntstatus *))        \
    X(dcerpc_samr_OpenAlias, nbi_ntstatus,                                                     \
      (void *, void *, void *, uint32_t, uint32_t, void *, nbi_ntstatus *))                   \
    X(dcerpc_samr_QueryAliasInfo, nbi_ntstatus,                                                \
      (void *, void *, void *, uint32_t, void **, nbi_ntstatus *))                            \
    X(dcerpc_samr_GetMembersInAlias, nbi_ntstatus, (void *, void *, void *, void *, nbi_ntstatus *)) \
    X(dcerpc_samr_Close, nbi_ntstatus, (void *, void *, void *, nbi_ntstatus *))                  \
    X(dcerpc_lsa_Close, nbi_ntstatus, (void *, void *, void *, nbi_ntstatus *))                   \
    X(rpccli_lsa_open_policy, nbi_ntstatus, (void *, void *, _Bool, uint32_t, void *))            \
    X(rpccli_lsa_lookup_sids, nbi_ntstatus,                                                       \
      (void *, void *, void *, int, const void *, char ***, char ***, uint32_t **))

/* ---- users, global groups, local groups ------------------------------------------
 *
 * libnetapi's own management functions (NETAPI_1.0.0), where they work
 * (remote/usermgmt.c, group.c and localgroup_mgmt.c say which levels go
 * where, and why the others do not), and the further SAMR and LSA client
 * calls those files need where libnetapi gets a function wrong.  Both lists
 * are optional: without them the management functions answer
 * ERROR_NOT_SUPPORTED for another machine, and nothing else changes.
 */
#define NBI_SAMBA_NETAPI_USERS(X)                                                                \
    X(NetUserAdd, NET_API_STATUS, (const char *, uint32_t, uint8_t *, uint32_t *))             \
    X(NetUserDel, NET_API_STATUS, (const char *, const char *))                                \
    X(NetUserSetInfo, NET_API_STATUS,                                                          \
      (const char *, const char *, uint32_t, uint8_t *, uint32_t *))                          \
    X(NetUserGetGroups, NET_API_STATUS,                                                        \
      (const char *, const char *, uint32_t, uint8_t **, uint32_t, uint32_t *, uint32_t *))   \
    X(NetUserModalsGet, NET_API_STATUS, (const char *, uint32_t, uint8_t **))                  \
    X(NetUserModalsSet, NET_API_STATUS, (const char *, uint32_t, uint8_t *, uint32_t *))       \
    X(NetGroupAdd, NET_API_STATUS, (const char *, uint32_t, uint8_t *, uint32_t *))            \
    X(NetGroupEnum, NET_API_STATUS,                                                            \
      (const char *, uint32_t, uint8_t **, uint32_t, uint32_t *, uint32_t *, uint32_t *))     \
    X(NetGroupGetInfo, NET_API_STATUS, (const char *, const char *, uint32_t, uint8_t **))     \
    X(NetGroupSetInfo, NET_API_STATUS,                                                         \
      (const char *, const char *, uint32_t, uint8_t *, uint32_t *))                          \
    X(NetGroupAddUser, NET_API_STATUS, (const char *, const char *, const char *))             \
    X(NetGroupDelUser, NET_API_STATUS, (const char *, const char *, const char *))             \
    X(NetGroupGetUsers, NET_API_STATUS,                                                        \
      (const char *, const char *, uint32_t, uint8_t **, uint32_t, uint32_t *, uint32_t *,    \
       uint32_t *))                                                                            \
    X(NetLocalGroupAdd, NET_API_STATUS, (const char *, uint32_t, uint8_t *, uint32_t *))       \
    X(NetLocalGroupDel, NET_API_STATUS, (const char *, const char *))                          \
    X(NetLocalGroupSetInfo, NET_API_STATUS,                                                    \
      (const char *, const char *, uint32_t, uint8_t *, uint32_t *))

/* The SAMR and LSA client calls (generated stubs and Samba's helpers,
   looked up by name like NBI_SAMBA_SAMR); structures in samr_mgmt.h.
   rpccli_samr_chgpasswd_user3 lives in libnetapi itself.  They run inside
   the talloc stack frame every session opens (NBI_SAMBA_UTIL). */
#define NBI_SAMBA_SAMR_MGMT(X)                                                                  \
    X(dcerpc_samr_SetUserInfo, nbi_ntstatus,                                                   \
      (void *, void *, void *, uint32_t, void *, nbi_ntstatus *))                             \
    X(dcerpc_samr_QueryUserInfo, nbi_ntstatus,                                                 \
      (void *, void *, void *, uint32_t, void **, nbi_ntstatus *))                            \
    X(dcerpc_samr_OpenGroup, nbi_ntstatus,                                                     \
      (void *, void *, void *, uint32_t, uint32_t, void *, nbi_ntstatus *))                   \
    X(dcerpc_samr_AddGroupMember, nbi_ntstatus,                                                \
      (void *, void *, void *, uint32_t, uint32_t, nbi_ntstatus *))                           \
    X(dcerpc_samr_DeleteGroupMember, nbi_ntstatus,                                             \
      (void *, void *, void *, uint32_t, nbi_ntstatus *))                                     \
    X(dcerpc_samr_QueryGroupMember, nbi_ntstatus,                                              \
      (void *, void *, void *, void **, nbi_ntstatus *))                                      \
    X(dcerpc_samr_DeleteDomainGroup, nbi_ntstatus, (void *, void *, void *, nbi_ntstatus *))   \
    X(dcerpc_samr_QueryGroupInfo, nbi_ntstatus,                                                \
      (void *, void *, void *, uint32_t, void **, nbi_ntstatus *))                            \
    X(dcerpc_samr_AddAliasMember, nbi_ntstatus,                                                \
      (void *, void *, void *, const void *, nbi_ntstatus *))                                 \
    X(dcerpc_samr_DeleteAliasMember, nbi_ntstatus,                                             \
      (void *, void *, void *, const void *, nbi_ntstatus *))                                 \
    X(rpccli_lsa_lookup_names, nbi_ntstatus,                                                   \
      (void *, void *, void *, int, const char **, const char ***, int, void **, uint32_t **)) \
    X(rpccli_samr_chgpasswd_user3, nbi_ntstatus,                                               \
      (void *, void *, const char *, const char *, const char *, void **, void **))

/* Samba's public credentials library (SAMBA_CREDENTIALS_1.0.0): an
   anonymous logon is its own kind of credentials, not an empty user. */
#define NBI_SAMBA_CREDENTIALS(X)                                                                \
    X(cli_credentials_init_anon, void *, (void *))                                             \
    X(cli_credentials_set_password, _Bool, (void *, const char *, int))

/* Samba's utility library (SAMBA_UTIL_0.0.1): the talloc stack frame every
   call into Samba's lower layers expects (libnetapi's Net* functions make
   their own; its pipe and SAMR helpers do not, and Samba then warns "no
   talloc stackframe" and leaks), and where its d_printf messages go. */
#define NBI_SAMBA_UTIL(X) X(_talloc_stackframe, void *, (const char *))
/* Optional: libnetapi prints "session setup failed: NT_STATUS_..." on
   stdout, which is the program's output; sent to stderr instead. */
#define NBI_SAMBA_UTIL_OPTIONAL(X) X(display_set_stderr, void, (void))

/* Optional, Samba's configuration library (SMBCONF_0.0.1): its globals
   made before libnetapi_init sets its first option (session.c).
   libnetapi_init sets "log level" before it loads smb.conf; while Samba's
   globals are not made yet the value is stored with no owner, and making
   them forgets it: every process's first remote call lost those bytes
   (Samba 4.17), which leak checkers rightly report. */
#define NBI_SAMBA_CONF_OPTIONAL(X) X(lp_load_initial_only, _Bool, (const char *))

/*
 * ---- shares, files, server settings and join information ----
 * The SRVSVC and LSA client calls of Samba's generated RPC stubs, for the
 * levels Samba 4.17's libnetapi refuses or lacks (srvsvc.h says which and
 * why).  WERROR results are uint32_t, as in Samba's release builds.
 * Optional like the SAMR calls: without them those levels answer
 * ERROR_NOT_SUPPORTED.
 */
#define NBI_SAMBA_SRVSVC(X)                                                                      \
    X(dcerpc_srvsvc_NetShareEnumAll, nbi_ntstatus,                                              \
      (void *, void *, const char *, void *, uint32_t, uint32_t *, uint32_t *, uint32_t *))     \
    X(dcerpc_srvsvc_NetShareGetInfo, nbi_ntstatus,                                              \
      (void *, void *, const char *, const char *, uint32_t, void *, uint32_t *))               \
    X(dcerpc_srvsvc_NetShareSetInfo, nbi_ntstatus,                                              \
      (void *, void *, const char *, const char *, uint32_t, const void *, uint32_t *,          \
       uint32_t *))                                                                             \
    X(dcerpc_srvsvc_NetSrvSetInfo, nbi_ntstatus,                                                \
      (void *, void *, const char *, uint32_t, const void *, uint32_t *, uint32_t *))           \
    X(dcerpc_lsa_QueryInfoPolicy, nbi_ntstatus, (void *, void *, void *, int, void **, nbi_ntstatus *))

/* The entry points of libnetapi (NETAPI_1.0.0) for the share, file, domain
   and join functions; optional too (a libnetapi without them answers
   ERROR_NOT_SUPPORTED for those functions alone). */
#define NBI_SAMBA_NETAPI_SHARES(X)                                                               \
    X(NetShareEnum, NET_API_STATUS,                                                              \
      (const char *, uint32_t, uint8_t **, uint32_t, uint32_t *, uint32_t *, uint32_t *))        \
    X(NetShareGetInfo, NET_API_STATUS, (const char *, const char *, uint32_t, uint8_t **))       \
    X(NetShareAdd, NET_API_STATUS, (const char *, uint32_t, uint8_t *, uint32_t *))              \
    X(NetShareDel, NET_API_STATUS, (const char *, const char *, uint32_t))                       \
    X(NetShareSetInfo, NET_API_STATUS,                                                           \
      (const char *, const char *, uint32_t, uint8_t *, uint32_t *))                             \
    X(NetFileEnum, NET_API_STATUS,                                                               \
      (const char *, const char *, const char *, uint32_t, uint8_t **, uint32_t, uint32_t *,    \
       uint32_t *, uint32_t *))                                                                  \
    X(NetFileGetInfo, NET_API_STATUS, (const char *, uint32_t, uint32_t, uint8_t **))            \
    X(NetFileClose, NET_API_STATUS, (const char *, uint32_t))                                    \
    X(NetGetDCName, NET_API_STATUS, (const char *, const char *, uint8_t **))                    \
    X(NetGetAnyDCName, NET_API_STATUS, (const char *, const char *, uint8_t **))                 \
    X(DsGetDcName, NET_API_STATUS,                                                               \
      (const char *, const char *, const void *, const char *, uint32_t, void **))              \
    X(NetGetJoinInformation, NET_API_STATUS, (const char *, const char **, uint32_t *))          \
    X(NetServerSetInfo, NET_API_STATUS, (const char *, uint32_t, uint8_t *, uint32_t *))         \
    X(NetJoinDomain, NET_API_STATUS,                                                             \
      (const char *, const char *, const char *, const char *, const char *, uint32_t))          \
    X(NetUnjoinDomain, NET_API_STATUS, (const char *, const char *, const char *, uint32_t))     \
    X(NetRenameMachineInDomain, NET_API_STATUS,                                                  \
      (const char *, const char *, const char *, const char *, uint32_t))                        \
    X(NetGetJoinableOUs, NET_API_STATUS,                                                         \
      (const char *, const char *, const char *, const char *, uint32_t *, const char ***))      \
    X(NetShutdownInit, NET_API_STATUS, (const char *, const char *, uint32_t, uint8_t, uint8_t)) \
    X(NetShutdownAbort, NET_API_STATUS, (const char *))

#define NBI_SAMBA_FIELD(name, ret, params) ret(*name) params;

struct nbi_samba {
    NBI_SAMBA_NETAPI(NBI_SAMBA_FIELD)
    NBI_SAMBA_TALLOC(NBI_SAMBA_FIELD)
    NBI_SAMBA_CREDENTIALS(NBI_SAMBA_FIELD)
    NBI_SAMBA_UTIL(NBI_SAMBA_FIELD)
    NBI_SAMBA_UTIL_OPTIONAL(NBI_SAMBA_FIELD)
    NBI_SAMBA_CONF_OPTIONAL(NBI_SAMBA_FIELD)
    NBI_SAMBA_SAMR(NBI_SAMBA_FIELD)
    const void *ndr_table_samr;   /* the SAMR interface table (data) */
    const void *ndr_table_lsarpc; /* the LSA interface table (data) */
    int have_samr;                /* every NBI_SAMBA_SAMR entry and both tables found */
    /* users, global groups, local groups */
    NBI_SAMBA_NETAPI_USERS(NBI_SAMBA_FIELD)
    NBI_SAMBA_SAMR_MGMT(NBI_SAMBA_FIELD)
    int have_netapi_users; /* every NBI_SAMBA_NETAPI_USERS entry found */
    int have_samr_mgmt;    /* have_samr, and every NBI_SAMBA_SAMR_MGMT entry found */
    /* shares, files, server settings and join information */
    NBI_SAMBA_SRVSVC(NBI_SAMBA_FIELD)
    NBI_SAMBA_NETAPI_SHARES(NBI_SAMBA_FIELD)
    const void *ndr_table_srvsvc; /* the SRVSVC interface table (data) */
    int have_srvsvc;              /* every NBI_SAMBA_SRVSVC entry and the table found */
    int have_netapi_shares;       /* every NBI_SAMBA_NETAPI_SHARES entry found */
};

#undef NBI_SAMBA_FIELD

/*
 * The loaded table, or NULL when Samba's client library cannot be loaded
 * or lacks an entry point of NBI_SAMBA_NETAPI or NBI_SAMBA_TALLOC; then
 * *status is ERROR_MOD_NOT_FOUND, whose status text names the package to
 * install.  Loads once per process; thread-safe.
 */
NBI_INTERNAL const struct nbi_samba *nbi_samba_load(NET_API_STATUS *status);

/* Nonzero once this process has loaded Samba's library (tests). */
NBI_INTERNAL int nbi_samba_loaded(void);

/* The Debian package that holds libnetapi.so.1, for messages. */
#define NBI_SAMBA_PACKAGE "samba-libs"

#endif /* NBI_REMOTE_SAMBA_H */
