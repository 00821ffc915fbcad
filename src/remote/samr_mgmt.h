/*
 * samr_mgmt.h — layer 5, remote side: the SAMR and LSA work behind the
 * management functions where Samba's libnetapi gets them wrong (issue 11).
 *
 * Measured against both fixtures (Samba 4.17), libnetapi
 *
 *   NetLocalGroupAdd/Del/SetMembers  level 3 aborts the process ("Bad
 *                    talloc magic value"): after looking the names up it
 *                    frees the LSA pipe that its connection cache still
 *                    lists, and the next pipe lookup walks that list into
 *                    freed memory.  Level 0 works, but stops half-way on the
 *                    first member that fails, leaving the members before it
 *                    added (or removed), and a domain controller answers a
 *                    member already in with 1320, not ERROR_MEMBER_IN_ALIAS;
 *   NetUserSetGroups, NetGroupSetUsers  apply additions and removals one by
 *                    one and stop at the first failure (a removal from the
 *                    account's primary group always fails): the account is
 *                    left half-changed; an unknown name gives 1332 or 1301;
 *   NetGroupDel      removes the members one by one, then the group: a
 *                    failure in between leaves the group without them;
 *   NetUserSetInfo   lacks levels 1, 2, 4, 1008, 1013, 1017, 1020, 1025
 *                    (ERROR_NOT_SUPPORTED or ERROR_INVALID_LEVEL), and at
 *                    level 3 sends usri3_flags as SAMR bits (acb.h);
 *   NetUserAdd       lacks levels 2, 3 and 4;
 *   NetGroupGetInfo  returns a record whose name and comment point into
 *                    memory it has freed before it returns (valgrind:
 *                    invalid reads of a block freed by its talloc stack
 *                    frame): its strings are not copied, as its other
 *                    functions' are;
 *   NetUserChangePassword  is not implemented (ERROR_NOT_SUPPORTED).
 *
 * Each is done here with the calls libnetapi itself is built on (its pipe
 * and domain-handle cache, Samba's generated SAMR client, its LSA name
 * lookups), all or nothing: what a change needs is looked up and checked
 * first, and when a step still fails the steps already made are undone.
 * The structures below are Samba's, as its IDL compiler lays them out
 * (gen_ndr/samr.h, gen_ndr/lsa.h of samba-dev); samr.h has the others.
 *
 * Every function must be called inside a session (session.h), with no
 * libnetapi Net* call in between that could reopen the cached domain
 * handle.  Statuses: NERR_Success; a decision of ours as a Windows status
 * (NERR_UserNotFound, ERROR_MEMBER_IN_ALIAS, ...); or a failed call's
 * NTSTATUS as the server gave it (>= 0xC0000000) or libnetapi's WERROR:
 * nbi_remote_write_status turns either into Windows' status.
 */
#ifndef NBI_REMOTE_SAMR_MGMT_H
#define NBI_REMOTE_SAMR_MGMT_H

#include <stdint.h>

#include <lm.h>

#include "platform/platform.h"
#include "remote/mgmt.h"
#include "remote/samr.h"
#include "remote/session.h"

/* ---- Samba's structures of the wire types ----------------------------------- */

struct nbi_lsa_binary_string {
    uint16_t length; /* bytes */
    uint16_t size;   /* bytes */
    uint16_t *array;
};

struct nbi_samr_logon_hours {
    uint16_t units_per_week;
    uint8_t *bits; /* units_per_week / 8 bytes */
};

/* samr_UserInfo21: every field of an account, the ones to change named in
   fields_present (NBI_SAMR_FIELD_*). */
struct nbi_samr_user_info21 {
    uint64_t last_logon, last_logoff, last_password_change, acct_expiry;
    uint64_t allow_password_change, force_password_change;
    struct nbi_lsa_string account_name, full_name, home_directory, home_drive;
    struct nbi_lsa_string logon_script, profile_path, description, workstations, comment;
    struct nbi_lsa_binary_string parameters, lm_owf_password, nt_owf_password;
    struct nbi_lsa_string private_data;
    uint32_t buf_count;
    uint8_t *buffer;
    uint32_t rid, primary_gid, acct_flags, fields_present;
    struct nbi_samr_logon_hours logon_hours;
    uint16_t bad_password_count, logon_count, country_code, code_page;
    uint8_t lm_password_set, nt_password_set, password_expired, private_data_sensitive;
};

/* samr_UserInfo1 (UserGeneralInformation): what gives the primary group. */
struct nbi_samr_user_info1 {
    struct nbi_lsa_string account_name, full_name;
    uint32_t primary_gid;
    struct nbi_lsa_string description, comment;
};

/* samr_UserInfo16 (UserControlInformation) */
struct nbi_samr_user_info16 {
    uint32_t acct_flags;
};

/* samr_GroupInfoAll (GROUPINFOALL, QueryGroupInfo level 1) */
struct nbi_samr_group_info_all {
    struct nbi_lsa_string name;
    uint32_t attributes;
    uint32_t num_members;
    struct nbi_lsa_string description;
};

/* samr_RidAttrArray (QueryGroupMember) */
struct nbi_samr_rid_attr_array {
    uint32_t count;
    uint32_t *rids;
    uint32_t *attributes;
};

/* fields_present bits of samr_UserInfo21 (MS-SAMR 2.2.1.8) */
#define NBI_SAMR_FIELD_ACCOUNT_NAME 0x00000001u
#define NBI_SAMR_FIELD_FULL_NAME 0x00000002u
#define NBI_SAMR_FIELD_PRIMARY_GID 0x00000008u
#define NBI_SAMR_FIELD_DESCRIPTION 0x00000010u
#define NBI_SAMR_FIELD_COMMENT 0x00000020u
#define NBI_SAMR_FIELD_HOME_DIRECTORY 0x00000040u
#define NBI_SAMR_FIELD_HOME_DRIVE 0x00000080u
#define NBI_SAMR_FIELD_LOGON_SCRIPT 0x00000100u
#define NBI_SAMR_FIELD_PROFILE_PATH 0x00000200u
#define NBI_SAMR_FIELD_WORKSTATIONS 0x00000400u
#define NBI_SAMR_FIELD_LOGON_HOURS 0x00002000u
#define NBI_SAMR_FIELD_ACCT_EXPIRY 0x00080000u
#define NBI_SAMR_FIELD_ACCT_FLAGS 0x00100000u
#define NBI_SAMR_FIELD_PARAMETERS 0x00200000u
#define NBI_SAMR_FIELD_COUNTRY_CODE 0x00400000u
#define NBI_SAMR_FIELD_CODE_PAGE 0x00800000u
#define NBI_SAMR_FIELD_EXPIRED_FLAG 0x08000000u

/* ---- what this file offers ---------------------------------------------------- */

/* A string for a Samba record: Samba computes nothing from length and size
   when it marshals (init_lsa_String leaves them 0 too). */
static inline struct nbi_lsa_string nbi_lsa_string_of(const char *s)
{
    struct nbi_lsa_string l = {0, 0, s};
    return l;
}

/*
 * Change account user: the fields of *info named in info->fields_present
 * (one SetUserInfo call at level 21, which the server applies whole or not
 * at all).  Account flags without a type keep the account's.
 */
NBI_INTERNAL uint32_t nbi_samr_set_user(struct nbi_remote *r, const char *server, const char *user,
                                        const struct nbi_samr_user_info21 *info);

/*
 * The account-control bits of the accounts rids[0 .. count) of the account
 * domain, into acb[] (0 for an account that cannot be read).  For display
 * information that came without them (remote/usermgmt.c says when).
 */
NBI_INTERNAL uint32_t nbi_samr_accounts_acb(struct nbi_remote *r, const char *server,
                                            const uint32_t *rids, uint32_t count, uint32_t *acb);

/*
 * A page of Samba's display information (level 1, NET_DISPLAY_USER, or 2,
 * NET_DISPLAY_MACHINE, still in SAMR's bits; level 3 has none), count
 * entries, with the control bits of every entry that came without them
 * (no account type at level 1, no trust type at level 2: a Samba 4.17
 * domain controller's display information has no control bits at all) read
 * from the accounts themselves, through nbi_samr_accounts_acb.  An account
 * that cannot be read keeps what it had.  NERR_Success or
 * ERROR_NOT_ENOUGH_MEMORY.
 */
NBI_INTERNAL uint32_t nbi_samr_display_flags(struct nbi_remote *r, const char *server,
                                             DWORD level, void *page, uint32_t count);

/* A global group as NetGroupGetInfo reports it; valid during the call of
   the nbi_group_info_fn it is handed to. */
struct nbi_group_info {
    const char *name, *comment;
    uint32_t rid, attributes;
    const void *sid; /* binary SID, the domain's and the rid */
};
typedef NET_API_STATUS (*nbi_group_info_fn)(const struct nbi_group_info *g, void *ctx);

/* Global group `group` of the account domain, handed to fn (whose status
   is returned); NERR_GroupNotFound when no global group has that name. */
NBI_INTERNAL uint32_t nbi_samr_group_info(struct nbi_remote *r, const char *server,
                                          const char *group, nbi_group_info_fn fn, void *ctx);

/* Make user a member of exactly the global groups groups[0 .. count). */
NBI_INTERNAL uint32_t nbi_samr_user_set_groups(struct nbi_remote *r, const char *server,
                                               const char *user, const char *const *groups,
                                               uint32_t count);

/* Make the members of global group `group` exactly users[0 .. count). */
NBI_INTERNAL uint32_t nbi_samr_group_set_users(struct nbi_remote *r, const char *server,
                                               const char *group, const char *const *users,
                                               uint32_t count);

/* Delete global group `group`, taking its members out first. */
NBI_INTERNAL uint32_t nbi_samr_group_delete(struct nbi_remote *r, const char *server,
                                            const char *group);

/*
 * Change the members of local group `alias` (looked up in BUILTIN, then
 * in the account domain): the members are given by binary SID (sids) or
 * by name ("DOMAIN\name" or "name", names), count of them; the other
 * array is NULL.
 */
NBI_INTERNAL uint32_t nbi_samr_alias_change(struct nbi_remote *r, const char *server,
                                            const char *alias, enum nbi_member_change op,
                                            const void *const *sids, const char *const *names,
                                            uint32_t count);

/* Change user's password from oldpw to newpw (SamrUnicodeChangePasswordUser3,
   which needs no other right than knowing the old password). */
NBI_INTERNAL uint32_t nbi_samr_change_password(struct nbi_remote *r, const char *server,
                                               const char *user, const char *oldpw,
                                               const char *newpw);

#endif /* NBI_REMOTE_SAMR_MGMT_H */
