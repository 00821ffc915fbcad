/*
 * samr.h — layer 5, remote side: local groups through Samba's SAMR and LSA
 * client calls, for the two functions libnetapi gets wrong or lacks.
 *
 * Samba 4.17's libnetapi gets five things wrong that netapibuf answers
 * here instead, with the calls libnetapi itself is built on (its own pipe
 * and domain-handle cache, Samba's generated SAMR client, its LSA name
 * lookup):
 *
 *   NetLocalGroupGetInfo     opens the account domain asking for
 *                            CREATE_ALIAS, which only an administrator
 *                            gets: anyone else reading an alias of the
 *                            account domain (or naming one that does not
 *                            exist) gets ERROR_ACCESS_DENIED; and it hands
 *                            back the caller's spelling of the name;
 *   NetLocalGroupGetMembers  ERROR_NOT_SUPPORTED at every level;
 *   NetLocalGroupEnum        one resume handle shared by the BUILTIN and the
 *                            account domain: the first account-domain
 *                            aliases are skipped (a standalone smbd), or
 *                            ERROR_MORE_DATA with no entry comes back for
 *                            ever (a domain controller, small prefmaxlen);
 *   NetUserGetLocalGroups    fails (1332, 1301) for every user who is in an
 *                            account-domain alias;
 *   NetUserEnum              with a filter that matches no account, a domain
 *                            controller's empty reply is dereferenced: the
 *                            process dies (SIGSEGV in NetUserEnum_r).
 *
 * Those calls take Samba's C structures of the MS-SAMR/MS-LSAD wire types;
 * the few used are declared below as Samba's IDL compiler lays them out
 * (tests/test_samr_layouts.c checks them against samba-dev's headers).
 */
#ifndef NBI_REMOTE_SAMR_H
#define NBI_REMOTE_SAMR_H

#include <stdint.h>

#include <lm.h>

#include "platform/platform.h"
#include "remote/session.h"

/* ---- Samba's structures of the wire types ----------------------------------- */

struct nbi_samba_guid {
    uint32_t time_low;
    uint16_t time_mid;
    uint16_t time_hi_and_version;
    uint8_t clock_seq[2];
    uint8_t node[6];
};

struct nbi_policy_handle {
    uint32_t handle_type;
    struct nbi_samba_guid uuid;
};

/* A SID as Samba holds it: room for 15 sub-authorities.  Its first
   8 + 4 * num_auths bytes are the Windows binary SID. */
struct nbi_dom_sid {
    uint8_t sid_rev_num;
    int8_t num_auths;
    uint8_t id_auth[6];
    uint32_t sub_auths[15];
};

struct nbi_lsa_string {
    uint16_t length; /* bytes of the string in UTF-16 (Samba computes it) */
    uint16_t size;
    const char *string;
};

struct nbi_samr_sam_entry {
    uint32_t idx;
    struct nbi_lsa_string name;
};

struct nbi_samr_sam_array {
    uint32_t count;
    struct nbi_samr_sam_entry *entries;
};

struct nbi_samr_rid_with_attribute {
    uint32_t rid;
    uint32_t attributes;
};

struct nbi_samr_rid_with_attribute_array {
    uint32_t count;
    struct nbi_samr_rid_with_attribute *rids;
};

struct nbi_lsa_strings {
    uint32_t count;
    struct nbi_lsa_string *names;
};

struct nbi_samr_ids {
    uint32_t count;
    uint32_t *ids;
};

struct nbi_lsa_sid_ptr {
    struct nbi_dom_sid *sid;
};

struct nbi_lsa_sid_array {
    uint32_t num_sids;
    struct nbi_lsa_sid_ptr *sids;
};

/* union samr_AliasInfo at level ALIASINFOALL: samr_AliasInfoAll */
struct nbi_samr_alias_info_all {
    struct nbi_lsa_string name;
    uint32_t num_members;
    struct nbi_lsa_string description;
};
#define NBI_SAMR_ALIAS_INFO_ALL 1
/* union samr_AliasInfo at level ALIASINFODESCRIPTION */
#define NBI_SAMR_ALIAS_INFO_DESCRIPTION 3

/* Access masks (MS-SAMR 2.2.1): those Samba's own local-group functions
   ask for, so libnetapi's handle cache is shared rather than reopened. */
#define NBI_SAMR_CONNECT_MASK (0x00000020u | 0x00000010u) /* LOOKUP_DOMAIN | ENUM_DOMAINS */
#define NBI_SAMR_DOMAIN_MASK (0x00000004u | 0x00000080u | 0x00000100u | 0x00000200u)
    /* LOOKUP_INFO_2 | LOOKUP_ALIAS (DOMAIN_GET_ALIAS_MEMBERSHIP, which
       GetAliasMembership needs: without it a server that checks, as smbd
       does for any user but root, refuses NetUserGetLocalGroups) |
       ENUM_ACCOUNTS | OPEN_ACCOUNT (DOMAIN_LOOKUP) */
#define NBI_SAMR_ALIAS_GET_MEMBERS 0x00000004u
#define NBI_SAMR_USER_GET_GROUPS 0x00000100u
#define NBI_SAMR_ALIAS_LOOKUP_INFO 0x00000008u
#define NBI_LSA_MAXIMUM_ALLOWED 0x02000000u

/* NTSTATUS values the SAMR calls answer with. */
#define NBI_NT_STATUS_OK 0x00000000u
#define NBI_NT_STATUS_MORE_ENTRIES 0x00000105u
#define NBI_NT_STATUS_SOME_NOT_MAPPED 0x00000107u
#define NBI_NT_STATUS_NONE_MAPPED 0xC0000073u

/* ---- the connection every SAMR route opens ------------------------------------ */

/*
 * What every SAMR and LSA route needs: libnetapi's SAMR pipe and binding
 * handle (cached in its context, never freed here), its cached handles of
 * the connection and of the BUILTIN and account domains (never closed
 * here), the account domain's SID, and a talloc context of our own for the
 * replies.  The calls run inside the talloc stack frame the session opens
 * (session.c), as libnetapi's own functions run inside theirs.
 */
struct nbi_samr_conn {
    struct nbi_remote *r;
    const struct nbi_samba *s;
    const char *server;
    void *pipe, *binding, *mem;
    struct nbi_policy_handle connect, builtin, domain;
    void *domain_sid;
};

/* Open *c to server inside session r: NERR_Success, ERROR_NOT_SUPPORTED
   (Samba's SAMR calls were not found), ERROR_NOT_ENOUGH_MEMORY, or Samba's
   status for the pipe or the domains (remote/status.h maps it).  *c is
   always made, so nbi_samr_close may follow any outcome. */
NBI_INTERNAL uint32_t nbi_samr_open(struct nbi_samr_conn *c, struct nbi_remote *r,
                                    const char *server);

/* Free the replies gathered on c->mem. */
NBI_INTERNAL void nbi_samr_close(struct nbi_samr_conn *c);

/* ---- what this file offers ---------------------------------------------------- */

/* One alias: its name and, when asked for, its comment (never NULL). */
typedef NET_API_STATUS (*nbi_alias_fn)(const char *name, const char *comment, void *ctx);

/*
 * Every alias of the server, BUILTIN's first, then the account domain's,
 * each in the server's order, handed to fn (comments only when
 * with_comments; "" otherwise).  Call inside a session.  NERR_Success,
 * fn's first non-zero status, or the call's status as Samba gave it
 * (remote/status.h maps it).
 */
NBI_INTERNAL NET_API_STATUS nbi_samr_enum_aliases(struct nbi_remote *r, const char *server,
                                                  int with_comments, nbi_alias_fn fn, void *ctx);

/* One member: its binary SID (sid_length bytes), what it is, its account
   name and its domain ("" when the SID could not be named: then name is
   the SID as a string). */
struct nbi_alias_member {
    const void *sid;
    DWORD sid_length;
    SID_NAME_USE use;
    const char *name;
    const char *domain;
};
typedef NET_API_STATUS (*nbi_member_fn)(const struct nbi_alias_member *m, void *ctx);

/*
 * The members of alias `alias` (looked up in BUILTIN, then in the account
 * domain), in the server's order, handed to fn.  NERR_GroupNotFound when
 * no alias has that name; otherwise as nbi_samr_enum_aliases.
 */
NBI_INTERNAL NET_API_STATUS nbi_samr_alias_members(struct nbi_remote *r, const char *server,
                                                   const char *alias, nbi_member_fn fn,
                                                   void *ctx);

/*
 * The alias `alias` (looked up in BUILTIN, then in the account domain):
 * its name as the server spells it and its comment ("" when none), handed
 * to fn once.  NERR_GroupNotFound when no alias has that name; otherwise
 * as nbi_samr_enum_aliases.
 */
NBI_INTERNAL NET_API_STATUS nbi_samr_alias_info(struct nbi_remote *r, const char *server,
                                                const char *alias, nbi_alias_fn fn, void *ctx);

/*
 * The aliases user belongs to, BUILTIN's first, then the account
 * domain's, handed to fn (comment ""): those that list the user, and with
 * indirect those that list one of the user's global groups too.
 * NERR_UserNotFound when no user has that name; otherwise as above.
 */
NBI_INTERNAL NET_API_STATUS nbi_samr_user_aliases(struct nbi_remote *r, const char *server,
                                                  const char *user, int indirect, nbi_alias_fn fn,
                                                  void *ctx);

/* One account of nbi_samr_enum_users. */
typedef NET_API_STATUS (*nbi_account_fn)(const char *name, uint32_t rid, void *ctx);

/*
 * Every account of the account domain whose control bits share one with
 * acb (MS-SAMR's USER_ACCOUNT codes), in the server's order, handed to fn
 * after the whole list has been read (so fn may make other calls).
 */
NBI_INTERNAL NET_API_STATUS nbi_samr_enum_users(struct nbi_remote *r, const char *server,
                                                uint32_t acb, nbi_account_fn fn, void *ctx);

#endif /* NBI_REMOTE_SAMR_H */
