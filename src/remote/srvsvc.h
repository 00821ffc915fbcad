/*
 * srvsvc.h — layer 5, remote side: the SRVSVC and LSA calls made through
 * Samba's generated RPC stubs, for what Samba 4.17's libnetapi refuses or
 * lacks.  Observed against Samba 4.17 servers (docs/remote-fixtures.md):
 *
 *   NetShareEnum     libnetapi answers levels 0, 1 and 2 only (501:
 *                    ERROR_INVALID_LEVEL, 502: ERROR_NOT_SUPPORTED) although
 *                    the server answers 501 and 502 (NetrShareEnum);
 *   NetShareGetInfo  libnetapi refuses level 502 (ERROR_NOT_SUPPORTED);
 *   NetShareSetInfo  libnetapi passes levels 2 and 1004 only (1, 502, 1005
 *                    and 1006: ERROR_NOT_SUPPORTED);
 *   NetServerSetInfo libnetapi passes level 1005 only;
 *   NetGetJoinInformation  Samba's servers do not implement
 *                    NetrGetJoinInformation (an RPC fault, which libnetapi
 *                    turns into the meaningless status 46): the answer is
 *                    read from the server's LSA policy instead, which is
 *                    what Windows' own NetrGetJoinInformation reports.
 *
 * The calls take Samba's C structures of the MS-SRVS / MS-LSAD wire types;
 * the few used are declared below as Samba's IDL compiler lays them out
 * (librpc/idl/srvsvc.idl, lsa.idl).  Where a structure is laid out as one
 * of ours (SHARE_INFO_501 is srvsvc_NetShareInfo501 field for field), ours
 * is used.
 */
#ifndef NBI_REMOTE_SRVSVC_H
#define NBI_REMOTE_SRVSVC_H

#include <stdint.h>

#include <lm.h>

#include "platform/platform.h"
#include "remote/session.h"

/* srvsvc_NetShareInfo502: SHARE_INFO_502's fields, the security descriptor
   as Samba's sec_desc_buf (its size, then Samba's parsed descriptor). */
struct nbi_srvsvc_share_502 {
    const char *name;
    uint32_t type;
    const char *comment;
    uint32_t permissions, max_users, current_users;
    const char *path, *password;
    uint32_t sd_size;
    void *sd;
};

/* srvsvc_NetShareCtr*: any level's array. */
struct nbi_srvsvc_ctr {
    uint32_t count;
    void *array;
};

/* srvsvc_NetShareInfoCtr (and srvsvc_NetFileInfoCtr): the level and a
   pointer to its container (a union of pointers). */
struct nbi_srvsvc_info_ctr {
    uint32_t level;
    struct nbi_srvsvc_ctr *ctr;
};

/* srvsvc_NetSrvInfo102: SERVER_INFO_102 with a 32-bit hidden flag. */
struct nbi_srvsvc_srv_102 {
    uint32_t platform_id;
    const char *name;
    uint32_t version_major, version_minor, type;
    const char *comment;
    uint32_t users, disc, hidden, announce, anndelta, licenses;
    const char *userpath;
};

/* lsa_DomainInfo: the primary domain's (or workgroup's) name and its SID,
   NULL for a workgroup. */
struct nbi_lsa_domain_info {
    uint16_t length, size;
    const char *name;
    void *sid;
};
#define NBI_LSA_POLICY_INFO_DOMAIN 3

/* NTSTATUS of an RPC call the server does not implement
   (DCERPC_FAULT_OP_RNG_ERROR), and the status libnetapi makes of it: its
   low 16 bits, 46, which is no Windows error. */
#define NBI_NT_RPC_PROCNUM_OUT_OF_RANGE 0xC002002Eu
#define NBI_LIBNETAPI_NOT_IMPLEMENTED 46u

/*
 * The status of a stub call: the transport's (an NTSTATUS) when it failed,
 * else the server's WERROR; an operation the server does not implement is
 * ERROR_NOT_SUPPORTED.  Not yet a Windows status for the caller: pass it
 * through nbi_remote_status.
 */
NBI_INTERNAL uint32_t nbi_srvsvc_result(nbi_ntstatus transport, uint32_t werror);

/*
 * Samba's SRVSVC binding handle for server, in r's session: NERR_Success,
 * ERROR_NOT_SUPPORTED (Samba's stubs are missing), or libnetapi's status
 * for a server it could not reach.
 */
NBI_INTERNAL uint32_t nbi_srvsvc_binding(struct nbi_remote *r, const char *server, void **binding);

/*
 * Every share of server at level (NetrShareEnumAll, paged to the end):
 * fn is called once per page with Samba's array of level's records (talloc
 * memory of the session, swept when it ends).  Returns as nbi_srvsvc_result.
 */
typedef NET_API_STATUS (*nbi_srvsvc_page_fn)(const void *records, uint32_t count, void *ctx);
NBI_INTERNAL uint32_t nbi_srvsvc_share_enum(struct nbi_remote *r, const char *server,
                                            uint32_t level, nbi_srvsvc_page_fn fn, void *ctx);

/* One share at level: *info points at Samba's record (session memory). */
NBI_INTERNAL uint32_t nbi_srvsvc_share_get(struct nbi_remote *r, const char *server,
                                           const char *share, uint32_t level, const void **info);

/* NetrShareSetInfo with Samba's record for level; *parm_err as the server
   sets it. */
NBI_INTERNAL uint32_t nbi_srvsvc_share_set(struct nbi_remote *r, const char *server,
                                           const char *share, uint32_t level, const void *info,
                                           uint32_t *parm_err);

/* NetrServerSetInfo with Samba's record for level. */
NBI_INTERNAL uint32_t nbi_srvsvc_server_set(struct nbi_remote *r, const char *server,
                                            uint32_t level, const void *info, uint32_t *parm_err);

/*
 * The server's primary domain from its LSA policy: *name (session memory)
 * and *is_domain (nonzero when the policy names a domain SID, i.e. the
 * server is a domain member or controller).  Returns as nbi_srvsvc_result.
 */
NBI_INTERNAL uint32_t nbi_lsa_primary_domain(struct nbi_remote *r, const char *server,
                                             const char **name, int *is_domain);

#endif /* NBI_REMOTE_SRVSVC_H */
