/*
 * lmaccess.h — users, groups and local groups: the Windows structures, field
 * names and constants of the Windows SDK's lmaccess.h (string fields are
 * UTF-8 LMSTR where Windows has LPWSTR), and the functions netapibuf
 * implements so far.  Results are one NetApiBuffer each: free them with one
 * NetApiBufferFree.
 *
 * Every structure is laid out as Samba's libnetapi lays out its struct of the
 * same name (same field order, sizes and offsets; tests/test_samba_layouts
 * checks it), except where Samba's differs from Windows' API: USER_INFO_3
 * keeps Windows' usri3_password, and USER_INFO_21/22 keep Windows' 16-byte
 * password array and string usri22_script_path.
 */
#ifndef NETAPIBUF_LMACCESS_H
#define NETAPIBUF_LMACCESS_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Security identifiers (winnt.h) ====================================== */

/* A pointer to a binary Windows SID (a SID structure below); NULL when the
   account has none. */
#ifndef NETAPIBUF_PSID
#define NETAPIBUF_PSID
typedef void *PSID;
#endif

#if !defined(NETAPIBUF_SID) && !defined(SID_IDENTIFIER_AUTHORITY_DEFINED)
#define NETAPIBUF_SID
#define SID_IDENTIFIER_AUTHORITY_DEFINED
typedef struct SID_IDENTIFIER_AUTHORITY {
    BYTE Value[6]; /* big-endian 48-bit authority: 5 is SECURITY_NT_AUTHORITY */
} SID_IDENTIFIER_AUTHORITY, *PSID_IDENTIFIER_AUTHORITY;

/* S-Revision-Authority-SubAuthority[0]-...; SubAuthorityCount entries follow,
   so a SID occupies 8 + 4 * SubAuthorityCount bytes. */
typedef struct SID {
    BYTE Revision;          /* SID_REVISION */
    BYTE SubAuthorityCount; /* at most SID_MAX_SUB_AUTHORITIES */
    SID_IDENTIFIER_AUTHORITY IdentifierAuthority;
    DWORD SubAuthority[1];  /* SubAuthorityCount entries, host byte order */
} SID, *PISID;
#endif

#ifndef SID_REVISION
#define SID_REVISION 1
#endif
#ifndef SID_MAX_SUB_AUTHORITIES
#define SID_MAX_SUB_AUTHORITIES 15
#endif
#ifndef SID_RECOMMENDED_SUB_AUTHORITIES
#define SID_RECOMMENDED_SUB_AUTHORITIES 1
#endif
#ifndef SECURITY_MAX_SID_SIZE
#define SECURITY_MAX_SID_SIZE (8 + SID_MAX_SUB_AUTHORITIES * 4) /* 68 bytes */
#endif

/* SID_IDENTIFIER_AUTHORITY initialisers */
#ifndef SECURITY_NT_AUTHORITY
#define SECURITY_NULL_SID_AUTHORITY    {0, 0, 0, 0, 0, 0}
#define SECURITY_WORLD_SID_AUTHORITY   {0, 0, 0, 0, 0, 1}
#define SECURITY_LOCAL_SID_AUTHORITY   {0, 0, 0, 0, 0, 2}
#define SECURITY_CREATOR_SID_AUTHORITY {0, 0, 0, 0, 0, 3}
#define SECURITY_NON_UNIQUE_AUTHORITY  {0, 0, 0, 0, 0, 4}
#define SECURITY_NT_AUTHORITY          {0, 0, 0, 0, 0, 5}
#endif

/* First sub-authorities under SECURITY_NT_AUTHORITY: S-1-5-32 is BUILTIN,
   S-1-5-21-x-y-z a machine or domain account domain. */
#ifndef SECURITY_BUILTIN_DOMAIN_RID
#define SECURITY_BUILTIN_DOMAIN_RID 0x00000020
#endif
#ifndef SECURITY_NT_NON_UNIQUE
#define SECURITY_NT_NON_UNIQUE      0x00000015
#endif

/* Well-known relative identifiers (the last sub-authority) of an account
   domain (DOMAIN_USER_RID_*, DOMAIN_GROUP_RID_*) and of BUILTIN
   (DOMAIN_ALIAS_RID_*). */
#ifndef DOMAIN_USER_RID_ADMIN
#define DOMAIN_USER_RID_ADMIN                 0x000001F4 /* 500 */
#define DOMAIN_USER_RID_GUEST                 0x000001F5 /* 501 */
#define DOMAIN_USER_RID_KRBTGT                0x000001F6 /* 502 */
#endif
#ifndef DOMAIN_GROUP_RID_ADMINS
#define DOMAIN_GROUP_RID_ADMINS               0x00000200 /* 512 */
#define DOMAIN_GROUP_RID_USERS                0x00000201 /* 513 */
#define DOMAIN_GROUP_RID_GUESTS               0x00000202 /* 514 */
#define DOMAIN_GROUP_RID_COMPUTERS            0x00000203 /* 515 */
#define DOMAIN_GROUP_RID_CONTROLLERS          0x00000204 /* 516 */
#define DOMAIN_GROUP_RID_CERT_ADMINS          0x00000205 /* 517 */
#define DOMAIN_GROUP_RID_SCHEMA_ADMINS        0x00000206 /* 518 */
#define DOMAIN_GROUP_RID_ENTERPRISE_ADMINS    0x00000207 /* 519 */
#define DOMAIN_GROUP_RID_POLICY_ADMINS        0x00000208 /* 520 */
#define DOMAIN_GROUP_RID_READONLY_CONTROLLERS 0x00000209 /* 521 */
#endif
#ifndef DOMAIN_ALIAS_RID_ADMINS
#define DOMAIN_ALIAS_RID_ADMINS               0x00000220 /* 544 */
#define DOMAIN_ALIAS_RID_USERS                0x00000221 /* 545 */
#define DOMAIN_ALIAS_RID_GUESTS               0x00000222 /* 546 */
#define DOMAIN_ALIAS_RID_POWER_USERS          0x00000223 /* 547 */
#define DOMAIN_ALIAS_RID_ACCOUNT_OPS          0x00000224 /* 548 */
#define DOMAIN_ALIAS_RID_SYSTEM_OPS           0x00000225 /* 549 */
#define DOMAIN_ALIAS_RID_PRINT_OPS            0x00000226 /* 550 */
#define DOMAIN_ALIAS_RID_BACKUP_OPS           0x00000227 /* 551 */
#define DOMAIN_ALIAS_RID_REPLICATOR           0x00000228 /* 552 */
#define DOMAIN_ALIAS_RID_REMOTE_DESKTOP_USERS 0x0000022B /* 555 */
#endif

/* grpi*_attributes and grui1_attributes bits */
#ifndef SE_GROUP_MANDATORY
#define SE_GROUP_MANDATORY          0x00000001
#define SE_GROUP_ENABLED_BY_DEFAULT 0x00000002
#define SE_GROUP_ENABLED            0x00000004
#define SE_GROUP_OWNER              0x00000008
#define SE_GROUP_USE_FOR_DENY_ONLY  0x00000010
#define SE_GROUP_INTEGRITY          0x00000020
#define SE_GROUP_INTEGRITY_ENABLED  0x00000040
#define SE_GROUP_RESOURCE           0x20000000
#define SE_GROUP_LOGON_ID           0xC0000000
#endif

/* What kind of account a SID names (winnt.h). */
typedef enum SID_NAME_USE {
    SidTypeUser = 1,
    SidTypeGroup,
    SidTypeDomain,
    SidTypeAlias, /* a local group */
    SidTypeWellKnownGroup,
    SidTypeDeletedAccount,
    SidTypeInvalid,
    SidTypeUnknown,
    SidTypeComputer,
    SidTypeLabel,
    SidTypeLogonSession
} SID_NAME_USE, *PSID_NAME_USE;

/* ==== Users =============================================================== *
 * On Windows, NetUserEnum and NetUserGetInfo return levels 0, 1, 2, 3, 4,
 * 10, 11, 20 and 23 (netapibuf: see each function below); NetUserAdd takes
 * 1 to 4; NetUserSetInfo takes most levels, the 10xx ones setting one field
 * each (1000 + its USER_*_PARMNUM).  Times are seconds since 1970-01-01 UTC;
 * passwords are never returned.
 */

typedef struct USER_INFO_0 {
    LMSTR usri0_name;
} USER_INFO_0, *PUSER_INFO_0, *LPUSER_INFO_0;

typedef struct USER_INFO_1 {
    LMSTR usri1_name;
    LMSTR usri1_password;      /* always NULL when returned */
    DWORD usri1_password_age;  /* seconds since the last change */
    DWORD usri1_priv;          /* USER_PRIV_* */
    LMSTR usri1_home_dir;
    LMSTR usri1_comment;
    DWORD usri1_flags;         /* UF_* */
    LMSTR usri1_script_path;
} USER_INFO_1, *PUSER_INFO_1, *LPUSER_INFO_1;

typedef struct USER_INFO_2 {
    LMSTR usri2_name;
    LMSTR usri2_password;       /* always NULL when returned */
    DWORD usri2_password_age;
    DWORD usri2_priv;           /* USER_PRIV_* */
    LMSTR usri2_home_dir;
    LMSTR usri2_comment;
    DWORD usri2_flags;          /* UF_* */
    LMSTR usri2_script_path;
    DWORD usri2_auth_flags;     /* AF_OP_* */
    LMSTR usri2_full_name;
    LMSTR usri2_usr_comment;
    LMSTR usri2_parms;          /* reserved for applications */
    LMSTR usri2_workstations;   /* comma-separated; NULL or "" for any */
    DWORD usri2_last_logon;
    DWORD usri2_last_logoff;
    DWORD usri2_acct_expires;   /* TIMEQ_FOREVER: never */
    DWORD usri2_max_storage;    /* USER_MAXSTORAGE_UNLIMITED */
    DWORD usri2_units_per_week; /* bits in usri2_logon_hours: UNITS_PER_WEEK */
    PBYTE usri2_logon_hours;    /* one bit per hour from Sunday 00:00 UTC; NULL: no limit */
    DWORD usri2_bad_pw_count;
    DWORD usri2_num_logons;
    LMSTR usri2_logon_server;
    DWORD usri2_country_code;
    DWORD usri2_code_page;
} USER_INFO_2, *PUSER_INFO_2, *LPUSER_INFO_2;

/* Samba's USER_INFO_3 has no usri3_password; Windows' has, and NetUserAdd
   and NetUserSetInfo use it, so this one follows Windows. */
typedef struct USER_INFO_3 {
    LMSTR usri3_name;
    LMSTR usri3_password; /* always NULL when returned */
    DWORD usri3_password_age;
    DWORD usri3_priv;
    LMSTR usri3_home_dir;
    LMSTR usri3_comment;
    DWORD usri3_flags;
    LMSTR usri3_script_path;
    DWORD usri3_auth_flags;
    LMSTR usri3_full_name;
    LMSTR usri3_usr_comment;
    LMSTR usri3_parms;
    LMSTR usri3_workstations;
    DWORD usri3_last_logon;
    DWORD usri3_last_logoff;
    DWORD usri3_acct_expires;
    DWORD usri3_max_storage;
    DWORD usri3_units_per_week;
    PBYTE usri3_logon_hours;
    DWORD usri3_bad_pw_count;
    DWORD usri3_num_logons;
    LMSTR usri3_logon_server;
    DWORD usri3_country_code;
    DWORD usri3_code_page;
    DWORD usri3_user_id;          /* the relative identifier (RID) */
    DWORD usri3_primary_group_id; /* RID of the primary group */
    LMSTR usri3_profile;
    LMSTR usri3_home_dir_drive;
    DWORD usri3_password_expired; /* nonzero: must change at next logon */
} USER_INFO_3, *PUSER_INFO_3, *LPUSER_INFO_3;

typedef struct USER_INFO_4 {
    LMSTR usri4_name;
    LMSTR usri4_password; /* always NULL when returned */
    DWORD usri4_password_age;
    DWORD usri4_priv;
    LMSTR usri4_home_dir;
    LMSTR usri4_comment;
    DWORD usri4_flags;
    LMSTR usri4_script_path;
    DWORD usri4_auth_flags;
    LMSTR usri4_full_name;
    LMSTR usri4_usr_comment;
    LMSTR usri4_parms;
    LMSTR usri4_workstations;
    DWORD usri4_last_logon;
    DWORD usri4_last_logoff;
    DWORD usri4_acct_expires;
    DWORD usri4_max_storage;
    DWORD usri4_units_per_week;
    PBYTE usri4_logon_hours;
    DWORD usri4_bad_pw_count;
    DWORD usri4_num_logons;
    LMSTR usri4_logon_server;
    DWORD usri4_country_code;
    DWORD usri4_code_page;
    PSID usri4_user_sid;          /* where level 3 has usri3_user_id */
    DWORD usri4_primary_group_id;
    LMSTR usri4_profile;
    LMSTR usri4_home_dir_drive;
    DWORD usri4_password_expired;
} USER_INFO_4, *PUSER_INFO_4, *LPUSER_INFO_4;

typedef struct USER_INFO_10 {
    LMSTR usri10_name;
    LMSTR usri10_comment;
    LMSTR usri10_usr_comment;
    LMSTR usri10_full_name;
} USER_INFO_10, *PUSER_INFO_10, *LPUSER_INFO_10;

typedef struct USER_INFO_11 {
    LMSTR usri11_name;
    LMSTR usri11_comment;
    LMSTR usri11_usr_comment;
    LMSTR usri11_full_name;
    DWORD usri11_priv;
    DWORD usri11_auth_flags;
    DWORD usri11_password_age;
    LMSTR usri11_home_dir;
    LMSTR usri11_parms;
    DWORD usri11_last_logon;
    DWORD usri11_last_logoff;
    DWORD usri11_bad_pw_count;
    DWORD usri11_num_logons;
    LMSTR usri11_logon_server;
    DWORD usri11_country_code;
    LMSTR usri11_workstations;
    DWORD usri11_max_storage;
    DWORD usri11_units_per_week;
    PBYTE usri11_logon_hours;
    DWORD usri11_code_page;
} USER_INFO_11, *PUSER_INFO_11, *LPUSER_INFO_11;

typedef struct USER_INFO_20 {
    LMSTR usri20_name;
    LMSTR usri20_full_name;
    LMSTR usri20_comment;
    DWORD usri20_flags;   /* UF_* */
    DWORD usri20_user_id; /* the RID (here: the uid) */
} USER_INFO_20, *PUSER_INFO_20, *LPUSER_INFO_20;

/* Levels 21 and 22 carry a one-way encrypted (OWF) password in place of a
   clear one.  Samba declares these two fields as pointers (and
   usri22_script_path as a number); Windows' layout is kept here. */
typedef struct USER_INFO_21 {
    BYTE usri21_password[ENCRYPTED_PWLEN];
} USER_INFO_21, *PUSER_INFO_21, *LPUSER_INFO_21;

typedef struct USER_INFO_22 {
    LMSTR usri22_name;
    BYTE usri22_password[ENCRYPTED_PWLEN];
    DWORD usri22_password_age;
    DWORD usri22_priv;
    LMSTR usri22_home_dir;
    LMSTR usri22_comment;
    DWORD usri22_flags;
    LMSTR usri22_script_path;
    DWORD usri22_auth_flags;
    LMSTR usri22_full_name;
    LMSTR usri22_usr_comment;
    LMSTR usri22_parms;
    LMSTR usri22_workstations;
    DWORD usri22_last_logon;
    DWORD usri22_last_logoff;
    DWORD usri22_acct_expires;
    DWORD usri22_max_storage;
    DWORD usri22_units_per_week;
    PBYTE usri22_logon_hours;
    DWORD usri22_bad_pw_count;
    DWORD usri22_num_logons;
    LMSTR usri22_logon_server;
    DWORD usri22_country_code;
    DWORD usri22_code_page;
} USER_INFO_22, *PUSER_INFO_22, *LPUSER_INFO_22;

typedef struct USER_INFO_23 {
    LMSTR usri23_name;
    LMSTR usri23_full_name;
    LMSTR usri23_comment;
    DWORD usri23_flags;
    PSID usri23_user_sid;
} USER_INFO_23, *PUSER_INFO_23, *LPUSER_INFO_23;

/* NetUserSetInfo levels that set one field */
typedef struct USER_INFO_1003 {
    LMSTR usri1003_password;
} USER_INFO_1003, *PUSER_INFO_1003, *LPUSER_INFO_1003;

typedef struct USER_INFO_1005 {
    DWORD usri1005_priv;
} USER_INFO_1005, *PUSER_INFO_1005, *LPUSER_INFO_1005;

typedef struct USER_INFO_1006 {
    LMSTR usri1006_home_dir;
} USER_INFO_1006, *PUSER_INFO_1006, *LPUSER_INFO_1006;

typedef struct USER_INFO_1007 {
    LMSTR usri1007_comment;
} USER_INFO_1007, *PUSER_INFO_1007, *LPUSER_INFO_1007;

typedef struct USER_INFO_1008 {
    DWORD usri1008_flags;
} USER_INFO_1008, *PUSER_INFO_1008, *LPUSER_INFO_1008;

typedef struct USER_INFO_1009 {
    LMSTR usri1009_script_path;
} USER_INFO_1009, *PUSER_INFO_1009, *LPUSER_INFO_1009;

typedef struct USER_INFO_1010 {
    DWORD usri1010_auth_flags;
} USER_INFO_1010, *PUSER_INFO_1010, *LPUSER_INFO_1010;

typedef struct USER_INFO_1011 {
    LMSTR usri1011_full_name;
} USER_INFO_1011, *PUSER_INFO_1011, *LPUSER_INFO_1011;

typedef struct USER_INFO_1012 {
    LMSTR usri1012_usr_comment;
} USER_INFO_1012, *PUSER_INFO_1012, *LPUSER_INFO_1012;

typedef struct USER_INFO_1013 {
    LMSTR usri1013_parms;
} USER_INFO_1013, *PUSER_INFO_1013, *LPUSER_INFO_1013;

typedef struct USER_INFO_1014 {
    LMSTR usri1014_workstations;
} USER_INFO_1014, *PUSER_INFO_1014, *LPUSER_INFO_1014;

typedef struct USER_INFO_1017 {
    DWORD usri1017_acct_expires;
} USER_INFO_1017, *PUSER_INFO_1017, *LPUSER_INFO_1017;

typedef struct USER_INFO_1018 {
    DWORD usri1018_max_storage;
} USER_INFO_1018, *PUSER_INFO_1018, *LPUSER_INFO_1018;

typedef struct USER_INFO_1020 {
    DWORD usri1020_units_per_week;
    PBYTE usri1020_logon_hours;
} USER_INFO_1020, *PUSER_INFO_1020, *LPUSER_INFO_1020;

typedef struct USER_INFO_1023 {
    LMSTR usri1023_logon_server;
} USER_INFO_1023, *PUSER_INFO_1023, *LPUSER_INFO_1023;

typedef struct USER_INFO_1024 {
    DWORD usri1024_country_code;
} USER_INFO_1024, *PUSER_INFO_1024, *LPUSER_INFO_1024;

typedef struct USER_INFO_1025 {
    DWORD usri1025_code_page;
} USER_INFO_1025, *PUSER_INFO_1025, *LPUSER_INFO_1025;

typedef struct USER_INFO_1051 {
    DWORD usri1051_primary_group_id;
} USER_INFO_1051, *PUSER_INFO_1051, *LPUSER_INFO_1051;

typedef struct USER_INFO_1052 {
    LMSTR usri1052_profile;
} USER_INFO_1052, *PUSER_INFO_1052, *LPUSER_INFO_1052;

typedef struct USER_INFO_1053 {
    LMSTR usri1053_home_dir_drive;
} USER_INFO_1053, *PUSER_INFO_1053, *LPUSER_INFO_1053;

/* usri*_priv values */
#define USER_PRIV_GUEST 0
#define USER_PRIV_USER  1
#define USER_PRIV_ADMIN 2
#define USER_PRIV_MASK  0x3

/* usri*_auth_flags bits (operator privileges) */
#define AF_OP_PRINT      0x1
#define AF_OP_COMM       0x2
#define AF_OP_SERVER     0x4
#define AF_OP_ACCOUNTS   0x8
#define AF_SETTABLE_BITS (AF_OP_PRINT | AF_OP_COMM | AF_OP_SERVER | AF_OP_ACCOUNTS)

/* usri*_flags bits */
#define UF_SCRIPT                          0x00000001 /* always set */
#define UF_ACCOUNTDISABLE                  0x00000002
#define UF_HOMEDIR_REQUIRED                0x00000008
#define UF_LOCKOUT                         0x00000010
#define UF_PASSWD_NOTREQD                  0x00000020
#define UF_PASSWD_CANT_CHANGE              0x00000040
#define UF_ENCRYPTED_TEXT_PASSWORD_ALLOWED 0x00000080
/* the account type: exactly one of these five */
#define UF_TEMP_DUPLICATE_ACCOUNT          0x00000100
#define UF_NORMAL_ACCOUNT                  0x00000200
#define UF_INTERDOMAIN_TRUST_ACCOUNT       0x00000800
#define UF_WORKSTATION_TRUST_ACCOUNT       0x00001000
#define UF_SERVER_TRUST_ACCOUNT            0x00002000
#define UF_MACHINE_ACCOUNT_MASK \
    (UF_INTERDOMAIN_TRUST_ACCOUNT | UF_WORKSTATION_TRUST_ACCOUNT | UF_SERVER_TRUST_ACCOUNT)
#define UF_ACCOUNT_TYPE_MASK (UF_TEMP_DUPLICATE_ACCOUNT | UF_NORMAL_ACCOUNT | UF_MACHINE_ACCOUNT_MASK)
#define UF_DONT_EXPIRE_PASSWD                     0x00010000
#define UF_MNS_LOGON_ACCOUNT                      0x00020000
#define UF_SMARTCARD_REQUIRED                     0x00040000
#define UF_TRUSTED_FOR_DELEGATION                 0x00080000
#define UF_NOT_DELEGATED                          0x00100000
#define UF_USE_DES_KEY_ONLY                       0x00200000
#define UF_DONT_REQUIRE_PREAUTH                   0x00400000
#define UF_PASSWORD_EXPIRED                       0x00800000
#define UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION 0x01000000
#define UF_NO_AUTH_DATA_REQUIRED                  0x02000000
#define UF_PARTIAL_SECRETS_ACCOUNT                0x04000000 /* a read-only DC's account */
#define UF_USE_AES_KEYS                           0x08000000
/* the bits NetUserAdd and NetUserSetInfo accept */
#define UF_SETTABLE_BITS                                                                     \
    (UF_SCRIPT | UF_ACCOUNTDISABLE | UF_LOCKOUT | UF_HOMEDIR_REQUIRED | UF_PASSWD_NOTREQD |   \
     UF_PASSWD_CANT_CHANGE | UF_ACCOUNT_TYPE_MASK | UF_DONT_EXPIRE_PASSWD |                   \
     UF_MNS_LOGON_ACCOUNT | UF_ENCRYPTED_TEXT_PASSWORD_ALLOWED | UF_SMARTCARD_REQUIRED |      \
     UF_TRUSTED_FOR_DELEGATION | UF_NOT_DELEGATED | UF_USE_DES_KEY_ONLY |                    \
     UF_DONT_REQUIRE_PREAUTH | UF_PASSWORD_EXPIRED | UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION | \
     UF_NO_AUTH_DATA_REQUIRED | UF_USE_AES_KEYS | UF_PARTIAL_SECRETS_ACCOUNT)

/* NetUserEnum filter values */
#define FILTER_TEMP_DUPLICATE_ACCOUNT     0x0001
#define FILTER_NORMAL_ACCOUNT             0x0002
#define FILTER_INTERDOMAIN_TRUST_ACCOUNT  0x0008
#define FILTER_WORKSTATION_TRUST_ACCOUNT  0x0010
#define FILTER_SERVER_TRUST_ACCOUNT       0x0020

/* Special values of the time and quota fields */
#define TIMEQ_FOREVER             ((DWORD)-1) /* usri*_acct_expires: never */
#define USER_MAXSTORAGE_UNLIMITED ((DWORD)-1) /* usri*_max_storage */
#define USER_NO_LOGOFF            ((DWORD)-1) /* usrmod0_force_logoff: never */
#define UNITS_PER_DAY             24
#define UNITS_PER_WEEK            (UNITS_PER_DAY * 7) /* usri*_units_per_week */
#define ONE_DAY                   ((DWORD)24 * 3600)  /* seconds */

/* NetUserSetInfo / NetUserAdd *parm_err values (and level 1000 + n) */
#define USER_NAME_PARMNUM           1
#define USER_PASSWORD_PARMNUM       3
#define USER_PASSWORD_AGE_PARMNUM   4
#define USER_PRIV_PARMNUM           5
#define USER_HOME_DIR_PARMNUM       6
#define USER_COMMENT_PARMNUM        7
#define USER_FLAGS_PARMNUM          8
#define USER_SCRIPT_PATH_PARMNUM    9
#define USER_AUTH_FLAGS_PARMNUM     10
#define USER_FULL_NAME_PARMNUM      11
#define USER_USR_COMMENT_PARMNUM    12
#define USER_PARMS_PARMNUM          13
#define USER_WORKSTATIONS_PARMNUM   14
#define USER_LAST_LOGON_PARMNUM     15
#define USER_LAST_LOGOFF_PARMNUM    16
#define USER_ACCT_EXPIRES_PARMNUM   17
#define USER_MAX_STORAGE_PARMNUM    18
#define USER_UNITS_PER_WEEK_PARMNUM 19
#define USER_LOGON_HOURS_PARMNUM    20
#define USER_PAD_PW_COUNT_PARMNUM   21 /* sic: Windows' spelling of "bad" */
#define USER_NUM_LOGONS_PARMNUM     22
#define USER_LOGON_SERVER_PARMNUM   23
#define USER_COUNTRY_CODE_PARMNUM   24
#define USER_CODE_PAGE_PARMNUM      25
#define USER_PRIMARY_GROUP_PARMNUM  51
#define USER_PROFILE_PARMNUM        52
#define USER_HOME_DIR_DRIVE_PARMNUM 53

/* ==== User modals (account policy of a server or domain) =================== */

typedef struct USER_MODALS_INFO_0 {
    DWORD usrmod0_min_passwd_len;
    DWORD usrmod0_max_passwd_age;    /* seconds; TIMEQ_FOREVER: never expires */
    DWORD usrmod0_min_passwd_age;    /* seconds */
    DWORD usrmod0_force_logoff;      /* seconds; USER_NO_LOGOFF: never */
    DWORD usrmod0_password_hist_len;
} USER_MODALS_INFO_0, *PUSER_MODALS_INFO_0, *LPUSER_MODALS_INFO_0;

typedef struct USER_MODALS_INFO_1 {
    DWORD usrmod1_role;    /* UAS_ROLE_* */
    LMSTR usrmod1_primary; /* the primary domain controller's name */
} USER_MODALS_INFO_1, *PUSER_MODALS_INFO_1, *LPUSER_MODALS_INFO_1;

typedef struct USER_MODALS_INFO_2 {
    LMSTR usrmod2_domain_name;
    PSID usrmod2_domain_id; /* the account domain's SID */
} USER_MODALS_INFO_2, *PUSER_MODALS_INFO_2, *LPUSER_MODALS_INFO_2;

typedef struct USER_MODALS_INFO_3 {
    DWORD usrmod3_lockout_duration;           /* seconds */
    DWORD usrmod3_lockout_observation_window; /* seconds */
    DWORD usrmod3_lockout_threshold;          /* bad passwords; 0: no lockout */
} USER_MODALS_INFO_3, *PUSER_MODALS_INFO_3, *LPUSER_MODALS_INFO_3;

typedef struct USER_MODALS_INFO_1001 {
    DWORD usrmod1001_min_passwd_len;
} USER_MODALS_INFO_1001, *PUSER_MODALS_INFO_1001, *LPUSER_MODALS_INFO_1001;

typedef struct USER_MODALS_INFO_1002 {
    DWORD usrmod1002_max_passwd_age;
} USER_MODALS_INFO_1002, *PUSER_MODALS_INFO_1002, *LPUSER_MODALS_INFO_1002;

typedef struct USER_MODALS_INFO_1003 {
    DWORD usrmod1003_min_passwd_age;
} USER_MODALS_INFO_1003, *PUSER_MODALS_INFO_1003, *LPUSER_MODALS_INFO_1003;

typedef struct USER_MODALS_INFO_1004 {
    DWORD usrmod1004_force_logoff;
} USER_MODALS_INFO_1004, *PUSER_MODALS_INFO_1004, *LPUSER_MODALS_INFO_1004;

typedef struct USER_MODALS_INFO_1005 {
    DWORD usrmod1005_password_hist_len;
} USER_MODALS_INFO_1005, *PUSER_MODALS_INFO_1005, *LPUSER_MODALS_INFO_1005;

typedef struct USER_MODALS_INFO_1006 {
    DWORD usrmod1006_role;
} USER_MODALS_INFO_1006, *PUSER_MODALS_INFO_1006, *LPUSER_MODALS_INFO_1006;

typedef struct USER_MODALS_INFO_1007 {
    LMSTR usrmod1007_primary;
} USER_MODALS_INFO_1007, *PUSER_MODALS_INFO_1007, *LPUSER_MODALS_INFO_1007;

/* usrmod1_role values */
#define UAS_ROLE_STANDALONE 0
#define UAS_ROLE_MEMBER     1
#define UAS_ROLE_BACKUP     2
#define UAS_ROLE_PRIMARY    3

/* NetUserModalsSet *parm_err values */
#define MODALS_MIN_PASSWD_LEN_PARMNUM            1
#define MODALS_MAX_PASSWD_AGE_PARMNUM            2
#define MODALS_MIN_PASSWD_AGE_PARMNUM            3
#define MODALS_FORCE_LOGOFF_PARMNUM              4
#define MODALS_PASSWD_HIST_LEN_PARMNUM           5
#define MODALS_ROLE_PARMNUM                      6
#define MODALS_PRIMARY_PARMNUM                   7
#define MODALS_DOMAIN_NAME_PARMNUM               8
#define MODALS_DOMAIN_ID_PARMNUM                 9
#define MODALS_LOCKOUT_DURATION_PARMNUM          10
#define MODALS_LOCKOUT_OBSERVATION_WINDOW_PARMNUM 11
#define MODALS_LOCKOUT_THRESHOLD_PARMNUM         12

/* ==== NetQueryDisplayInformation ========================================== *
 * (Windows names the fields of these three after USER_INFO_1/2 and
 * GROUP_INFO_3, so do we.)
 */

typedef struct NET_DISPLAY_USER {
    LMSTR usri1_name;
    LMSTR usri1_comment;
    DWORD usri1_flags;      /* UF_* */
    LMSTR usri1_full_name;
    DWORD usri1_user_id;    /* the RID */
    DWORD usri1_next_index; /* pass to the next call to continue */
} NET_DISPLAY_USER, *PNET_DISPLAY_USER;

typedef struct NET_DISPLAY_MACHINE {
    LMSTR usri2_name; /* the computer account name, ending in '$' */
    LMSTR usri2_comment;
    DWORD usri2_flags;
    DWORD usri2_user_id;
    DWORD usri2_next_index;
} NET_DISPLAY_MACHINE, *PNET_DISPLAY_MACHINE;

typedef struct NET_DISPLAY_GROUP {
    LMSTR grpi3_name;
    LMSTR grpi3_comment;
    DWORD grpi3_group_id;
    DWORD grpi3_attributes; /* SE_GROUP_* */
    DWORD grpi3_next_index;
} NET_DISPLAY_GROUP, *PNET_DISPLAY_GROUP;

/* ==== User functions ===================================================== */

/*
 * List the accounts of this machine's user database (NSS), in database
 * order, or of a server.
 * servername: NULL, "", localhost, 127.0.0.1, ::1, this host's name (short
 * or fully qualified) or an address of its interfaces, with or without a
 * leading "\\\\", asks this machine; "\\" or "\\\\" alone gives
 * ERROR_INVALID_NAME, a name no host can have (white space in it...)
 * ERROR_BAD_NETPATH; any other name asks that server, through Samba's
 * client library (<netapibuf.h>: netapibuf_set_credentials).
 * level: 0, 1, 2, 3, 4, 10, 11, 20 or 23 (this machine's fields' sources:
 * docs/local-functions.md; its SIDs are S-1-22-1-<uid>).
 * filter: 0 or FILTER_NORMAL_ACCOUNT list every account; on this machine
 * any other filter lists none (NERR_Success, *bufptr NULL, 0 entries), a
 * server lists its accounts of that kind.
 * Returns NERR_Success (everything delivered; *resume_handle set to 0) or
 * ERROR_MORE_DATA (call again with the same *resume_handle); both hand back
 * a buffer to free, never smaller than Windows' layout of its records.  On
 * any other status *bufptr is NULL and the counts 0: 87 for a NULL bufptr,
 * entriesread or totalentries, the server name's status, ERROR_INVALID_LEVEL,
 * ERROR_NOT_ENOUGH_MEMORY, NERR_InternalError (the database could not be
 * read).  Against a server also: ERROR_BAD_NETPATH (it does not resolve or
 * does not answer), ERROR_LOGON_FAILURE, ERROR_ACCESS_DENIED,
 * ERROR_MOD_NOT_FOUND (Samba's client library is not installed).
 */
NET_API_STATUS NET_API_FUNCTION NetUserEnum(LPCSTR servername, DWORD level, DWORD filter,
                                            LPBYTE *bufptr, DWORD prefmaxlen,
                                            LPDWORD entriesread, LPDWORD totalentries,
                                            PDWORD resume_handle);

/*
 * One account by name, at any level NetUserEnum takes, of this machine or
 * of a server (servername as for NetUserEnum).  As on Windows the name is
 * not case-sensitive: on this machine the exact name first, then the one
 * account whose name matches ignoring case (ASCII and Latin-1 letters); a
 * server compares names itself.
 * NERR_Success and *bufptr (one record, free it with NetApiBufferFree), or
 * *bufptr NULL and: 87 for a NULL username or bufptr, the server name's
 * status (as NetUserEnum), ERROR_INVALID_LEVEL, NERR_UserNotFound (no
 * account, or several matching ignoring case), ERROR_NOT_ENOUGH_MEMORY.
 */
NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(LPCSTR servername, LPCSTR username, DWORD level,
                                               LPBYTE *bufptr);

/* ==== Global groups (NetGroup*) =========================================== */

typedef struct GROUP_INFO_0 {
    LMSTR grpi0_name;
} GROUP_INFO_0, *PGROUP_INFO_0, *LPGROUP_INFO_0;

typedef struct GROUP_INFO_1 {
    LMSTR grpi1_name;
    LMSTR grpi1_comment;
} GROUP_INFO_1, *PGROUP_INFO_1, *LPGROUP_INFO_1;

typedef struct GROUP_INFO_2 {
    LMSTR grpi2_name;
    LMSTR grpi2_comment;
    DWORD grpi2_group_id;   /* the RID */
    DWORD grpi2_attributes; /* SE_GROUP_* */
} GROUP_INFO_2, *PGROUP_INFO_2, *LPGROUP_INFO_2;

typedef struct GROUP_INFO_3 {
    LMSTR grpi3_name;
    LMSTR grpi3_comment;
    PSID grpi3_group_sid;
    DWORD grpi3_attributes;
} GROUP_INFO_3, *PGROUP_INFO_3, *LPGROUP_INFO_3;

typedef struct GROUP_INFO_1002 {
    LMSTR grpi1002_comment;
} GROUP_INFO_1002, *PGROUP_INFO_1002, *LPGROUP_INFO_1002;

typedef struct GROUP_INFO_1005 {
    DWORD grpi1005_attributes;
} GROUP_INFO_1005, *PGROUP_INFO_1005, *LPGROUP_INFO_1005;

/* NetGroupGetUsers and NetUserGetGroups */
typedef struct GROUP_USERS_INFO_0 {
    LMSTR grui0_name;
} GROUP_USERS_INFO_0, *PGROUP_USERS_INFO_0, *LPGROUP_USERS_INFO_0;

typedef struct GROUP_USERS_INFO_1 {
    LMSTR grui1_name;
    DWORD grui1_attributes; /* SE_GROUP_* */
} GROUP_USERS_INFO_1, *PGROUP_USERS_INFO_1, *LPGROUP_USERS_INFO_1;

/* NetGroupSetInfo *parm_err values */
#define GROUP_ALL_PARMNUM        0
#define GROUP_NAME_PARMNUM       1
#define GROUP_COMMENT_PARMNUM    2
#define GROUP_ATTRIBUTES_PARMNUM 3

/* ==== Local groups ======================================================== *
 * NetLocalGroupEnum, NetLocalGroupGetInfo, NetLocalGroupGetMembers and
 * NetUserGetLocalGroups: the groups of the group database (NSS), as in the
 * Windows SDK's lmaccess.h.  A group's members are the users named in its
 * entry plus the users whose primary group it is, each once.
 */

typedef struct LOCALGROUP_INFO_0 {
    LMSTR lgrpi0_name;
} LOCALGROUP_INFO_0, *PLOCALGROUP_INFO_0, *LPLOCALGROUP_INFO_0;

typedef struct LOCALGROUP_INFO_1 {
    LMSTR lgrpi1_name;
    LMSTR lgrpi1_comment; /* "": Unix groups carry no comment */
} LOCALGROUP_INFO_1, *PLOCALGROUP_INFO_1, *LPLOCALGROUP_INFO_1;

typedef struct LOCALGROUP_INFO_1002 {
    LMSTR lgrpi1002_comment;
} LOCALGROUP_INFO_1002, *PLOCALGROUP_INFO_1002, *LPLOCALGROUP_INFO_1002;

typedef struct LOCALGROUP_MEMBERS_INFO_0 {
    PSID lgrmi0_sid;
} LOCALGROUP_MEMBERS_INFO_0, *PLOCALGROUP_MEMBERS_INFO_0, *LPLOCALGROUP_MEMBERS_INFO_0;

typedef struct LOCALGROUP_MEMBERS_INFO_1 {
    PSID lgrmi1_sid;              /* S-1-22-1-<uid>; NULL for a listed name that is no account */
    SID_NAME_USE lgrmi1_sidusage; /* SidTypeUser (SidTypeUnknown with a NULL SID) */
    LMSTR lgrmi1_name;            /* the user name */
} LOCALGROUP_MEMBERS_INFO_1, *PLOCALGROUP_MEMBERS_INFO_1, *LPLOCALGROUP_MEMBERS_INFO_1;

typedef struct LOCALGROUP_MEMBERS_INFO_2 {
    PSID lgrmi2_sid;
    SID_NAME_USE lgrmi2_sidusage;
    LMSTR lgrmi2_domainandname; /* "DOMAIN\name" */
} LOCALGROUP_MEMBERS_INFO_2, *PLOCALGROUP_MEMBERS_INFO_2, *LPLOCALGROUP_MEMBERS_INFO_2;

typedef struct LOCALGROUP_MEMBERS_INFO_3 {
    LMSTR lgrmi3_domainandname; /* "HOST\user": the host name is the account domain */
} LOCALGROUP_MEMBERS_INFO_3, *PLOCALGROUP_MEMBERS_INFO_3, *LPLOCALGROUP_MEMBERS_INFO_3;

typedef struct LOCALGROUP_USERS_INFO_0 {
    LMSTR lgrui0_name;
} LOCALGROUP_USERS_INFO_0, *PLOCALGROUP_USERS_INFO_0, *LPLOCALGROUP_USERS_INFO_0;

/* NetLocalGroupSetInfo *parm_err values */
#define LOCALGROUP_NAME_PARMNUM    1
#define LOCALGROUP_COMMENT_PARMNUM 2

/* NetUserGetLocalGroups flags: also the local groups the user belongs to
   through its global groups (on this machine Unix groups do not nest, so
   this changes nothing). */
#define LG_INCLUDE_INDIRECT 0x0001

/*
 * List the groups of this machine's group database, in database order, or
 * a server's local groups, at level 0 or 1 (servername as for
 * NetUserEnum).  Paging is NetUserEnum's: NERR_Success (everything
 * delivered; *resumehandle set to 0) or ERROR_MORE_DATA (call again with the
 * same *resumehandle), both with a buffer to free; *totalentries is the
 * number of groups.  On any other status *bufptr is NULL and the counts 0:
 * 87 for a NULL bufptr, entriesread or totalentries, the server name's
 * status, ERROR_INVALID_LEVEL, ERROR_NOT_ENOUGH_MEMORY, NERR_InternalError
 * (the database could not be read); against a server also NetUserEnum's
 * server statuses, and ERROR_NOT_SUPPORTED when the installed Samba lacks
 * the SAMR client calls this needs.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupEnum(LPCSTR servername, DWORD level, LPBYTE *bufptr,
                                                  DWORD prefmaxlen, LPDWORD entriesread,
                                                  LPDWORD totalentries, PDWORD_PTR resumehandle);

/*
 * One local group by name at level 0 or 1 (a server: also 1002); the name
 * matched as NetUserGetInfo matches a user's (on this machine exactly, then
 * ignoring case when one group matches so).
 * NERR_Success and *bufptr (one record, free it with NetApiBufferFree), or
 * *bufptr NULL and: 87 for a NULL groupname or bufptr, the server name's
 * status, ERROR_INVALID_LEVEL, NERR_GroupNotFound, ERROR_NOT_ENOUGH_MEMORY,
 * NERR_InternalError.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetInfo(LPCSTR servername, LPCSTR groupname,
                                                     DWORD level, LPBYTE *bufptr);

/*
 * The members of one group at level 0, 1, 2 or 3 (LOCALGROUP_MEMBERS_INFO_0
 * to _3): the users named in the group entry, in that order, then the users
 * whose primary group it is, in database order, each name once; each user
 * with the SID S-1-22-1-<uid>.  For a server, its answer, with its SIDs.
 * Pages like NetLocalGroupEnum; errors as NetLocalGroupEnum plus 87 for a
 * NULL localgroupname and NERR_GroupNotFound.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetMembers(LPCSTR servername, LPCSTR localgroupname,
                                                        DWORD level, LPBYTE *bufptr,
                                                        DWORD prefmaxlen, LPDWORD entriesread,
                                                        LPDWORD totalentries,
                                                        PDWORD_PTR resumehandle);

/*
 * The local groups one user belongs to, at level 0: on this machine what
 * getgrouplist finds (its primary group and every group naming it), in
 * group-database order, one name per group id; for a server, its answer.
 * flags: 0 or LG_INCLUDE_INDIRECT (anything else gives 87).  prefmaxlen
 * limits the buffer as for the enumerations, but there is no resume handle:
 * ERROR_MORE_DATA returns the first groups and the total.  Otherwise as
 * NetLocalGroupGetInfo, with NERR_UserNotFound for an unknown user.
 */
NET_API_STATUS NET_API_FUNCTION NetUserGetLocalGroups(LPCSTR servername, LPCSTR username,
                                                      DWORD level, DWORD flags, LPBYTE *bufptr,
                                                      DWORD prefmaxlen, LPDWORD entriesread,
                                                      LPDWORD totalentries);

/* ==== Domain controllers (NetGetDCName, NetGetAnyDCName) ================== */

/*
 * The name of the primary domain controller (NetGetDCName) or of any
 * domain controller (NetGetAnyDCName) of DomainName (NULL: ServerName's
 * own domain), as "\\NAME".  ServerName NULL, "" or this host's name:
 * this machine looks for one itself, through Samba's engine, when its
 * Samba configuration makes it a domain member or controller; any other
 * name: that server is asked.  NERR_Success with *Buffer (one NetApiBuffer
 * holding the string: free it with NetApiBufferFree), or *Buffer NULL and:
 * 87 for a NULL Buffer, NERR_DCNotFound (NetGetDCName: no domain
 * controller, or no domain), ERROR_NO_SUCH_DOMAIN, ERROR_NO_LOGON_SERVERS
 * (NetGetAnyDCName), ERROR_INVALID_NAME, ERROR_BAD_NETPATH,
 * ERROR_LOGON_FAILURE, ERROR_NOT_ENOUGH_MEMORY, ...
 */
NET_API_STATUS NET_API_FUNCTION NetGetDCName(LPCSTR ServerName, LPCSTR DomainName,
                                             LPBYTE *Buffer);
NET_API_STATUS NET_API_FUNCTION NetGetAnyDCName(LPCSTR ServerName, LPCSTR DomainName,
                                                LPBYTE *Buffer);

/* ==== Management: writing accounts and groups, global groups, policy ====== *
 * (issue 11)  For another machine each function goes to the server through
 * Samba's engine; for this machine (servername NULL, "", or one of its
 * names) the answers come from its own databases, and every function that
 * would change them returns ERROR_NOT_SUPPORTED once its arguments have
 * been checked: netapibuf never edits /etc/passwd or /etc/group.  This
 * machine looks like a Windows workstation's account domain: one global
 * group, "None", whose members are all users.  The man page of each
 * function says what it does here and against a server.
 *
 * parm_err (Add and SetInfo, may be NULL): on ERROR_INVALID_PARAMETER the
 * *_PARMNUM of the first member of the record at fault (PARM_ERROR_UNKNOWN
 * for a NULL record); PARM_ERROR_NONE otherwise.  A write that fails
 * leaves the server as it was.
 */

/* NetGroupEnum, NetGroupGetInfo: the group this machine answers with. */
#define NETAPIBUF_LOCAL_GROUP_NAME    "None"
#define NETAPIBUF_LOCAL_GROUP_COMMENT "Ordinary users"

/*
 * Create an account from a USER_INFO_1, 2, 3 or 4 (usri*_name required;
 * usri*_priv must be USER_PRIV_USER; usri*_flags within UF_SETTABLE_BITS,
 * one account type at most; the password may be NULL).  NERR_Success, or:
 * ERROR_INVALID_PARAMETER (87, *parm_err set), ERROR_INVALID_LEVEL,
 * ERROR_INVALID_NAME (a malformed servername), NERR_UserExists,
 * NERR_GroupExists or ERROR_ALIAS_EXISTS (the name is taken),
 * NERR_PasswordTooShort (the password fails the server's policy: no account
 * is left behind), ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this machine),
 * a connection status (ERROR_BAD_NETPATH, ERROR_LOGON_FAILURE, ...).
 */
NET_API_STATUS NET_API_FUNCTION NetUserAdd(LPCSTR servername, DWORD level, LPBYTE buf,
                                           LPDWORD parm_err);

/* Delete an account.  NERR_Success, or 87 (NULL username),
   NERR_UserNotFound, ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this
   machine), a connection status. */
NET_API_STATUS NET_API_FUNCTION NetUserDel(LPCSTR servername, LPCSTR username);

/*
 * Change an account: level 0 renames it, 1003 sets its password, 1005 to
 * 1053 set one field each (1000 + the field's USER_*_PARMNUM), 1, 2, 3 and
 * 4 set every field of the record (a NULL string leaves that field as it
 * is).  NERR_Success, or 87 (*parm_err set), ERROR_INVALID_LEVEL,
 * NERR_UserNotFound, NERR_UserExists (rename to a taken name),
 * NERR_PasswordTooShort, ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this
 * machine, or a level the server's protocol cannot carry: 21, 22, 1005,
 * 1010, 1018, 1023; see the man page), a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetUserSetInfo(LPCSTR servername, LPCSTR username, DWORD level,
                                               LPBYTE buf, LPDWORD parm_err);

/*
 * Change one's own password knowing the old one.  domainname: a server or
 * a domain whose name resolves to a domain controller (NULL or "": this
 * machine).  NERR_Success, or 87 (a NULL username or password),
 * ERROR_INVALID_PASSWORD (the old password is wrong), NERR_PasswordTooShort
 * (the new one fails the policy), NERR_UserNotFound, ERROR_ACCESS_DENIED,
 * ERROR_NOT_SUPPORTED (this machine), a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetUserChangePassword(LPCSTR domainname, LPCSTR username,
                                                      LPCSTR oldpassword, LPCSTR newpassword);

/*
 * The global groups an account belongs to, at level 0 (GROUP_USERS_INFO_0)
 * or 1 (GROUP_USERS_INFO_1).  NERR_Success or ERROR_MORE_DATA (prefmaxlen
 * held fewer: the first groups, *totalentries all of them; there is no
 * resume handle), both with a buffer to free.  Otherwise *bufptr NULL, the
 * counts 0, and: 87 (a NULL argument), ERROR_INVALID_LEVEL,
 * NERR_UserNotFound, ERROR_NOT_ENOUGH_MEMORY, a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetUserGetGroups(LPCSTR servername, LPCSTR username, DWORD level,
                                                 LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries);

/*
 * Make the account a member of exactly the num_entries global groups of
 * buf (GROUP_USERS_INFO_0 or 1; attributes are ignored).  All or nothing:
 * NERR_Success, or 87 (NULL username, or NULL buf with entries, or a NULL
 * name), ERROR_INVALID_LEVEL, NERR_UserNotFound, NERR_GroupNotFound (a name
 * is not a global group: nothing changed), ERROR_MEMBERS_PRIMARY_GROUP (the
 * list leaves out the account's primary group), ERROR_ACCESS_DENIED,
 * ERROR_NOT_SUPPORTED (this machine), a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetUserSetGroups(LPCSTR servername, LPCSTR username, DWORD level,
                                                 LPBYTE buf, DWORD num_entries);

/*
 * The account policy: level 0 (passwords), 1 (role), 2 (the account
 * domain's name and SID) or 3 (lockout).  NERR_Success and *bufptr (free
 * it), or *bufptr NULL and 87, ERROR_INVALID_LEVEL, ERROR_NOT_ENOUGH_MEMORY,
 * NERR_InternalError, a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetUserModalsGet(LPCSTR servername, DWORD level, LPBYTE *bufptr);

/*
 * Change the account policy: level 0, 3 or 1001 to 1005 (one field each).
 * NERR_Success, or 87 (*parm_err set), ERROR_INVALID_LEVEL,
 * ERROR_NOT_SUPPORTED (levels 1, 2, 1006, 1007: a role or domain name is
 * not changed through this call; and this machine), ERROR_ACCESS_DENIED, a
 * connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetUserModalsSet(LPCSTR servername, DWORD level, LPBYTE buf,
                                                 LPDWORD parm_err);

/*
 * Up to EntriesRequested accounts from position Index on: users (Level 1,
 * NET_DISPLAY_USER), machine accounts (2, NET_DISPLAY_MACHINE) or global
 * groups (3, NET_DISPLAY_GROUP), in the server's order; continue with the
 * last entry's *_next_index.  NERR_Success (the last ones) or
 * ERROR_MORE_DATA (more follow), both with *SortedBuffer (NULL when no
 * entry) and *ReturnedEntryCount.  Otherwise *SortedBuffer NULL, the count
 * 0, and 87, ERROR_INVALID_LEVEL, ERROR_NOT_ENOUGH_MEMORY, a connection
 * status.
 */
NET_API_STATUS NET_API_FUNCTION NetQueryDisplayInformation(LPCSTR ServerName, DWORD Level,
                                                           DWORD Index, DWORD EntriesRequested,
                                                           DWORD PreferredMaximumLength,
                                                           LPDWORD ReturnedEntryCount,
                                                           PVOID *SortedBuffer);

/*
 * Create a global group from a GROUP_INFO_0, 1, 2 or 3 (grpi*_name
 * required; grpi2_group_id and grpi3_group_sid are ignored).  NERR_Success,
 * or 87 (*parm_err set), ERROR_INVALID_LEVEL, NERR_GroupExists,
 * NERR_UserExists or ERROR_ALIAS_EXISTS (the name is taken),
 * ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this machine), a connection
 * status.
 */
NET_API_STATUS NET_API_FUNCTION NetGroupAdd(LPCSTR servername, DWORD level, LPBYTE buf,
                                            LPDWORD parm_err);

/* Delete a global group.  NERR_Success, or 87, NERR_GroupNotFound,
   ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this machine), a connection
   status. */
NET_API_STATUS NET_API_FUNCTION NetGroupDel(LPCSTR servername, LPCSTR groupname);

/*
 * List the global groups at level 0, 1, 2 or 3, paged as NetLocalGroupEnum.
 * Otherwise *bufptr NULL, the counts 0, and 87, ERROR_INVALID_LEVEL,
 * ERROR_NOT_ENOUGH_MEMORY, a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetGroupEnum(LPCSTR servername, DWORD level, LPBYTE *bufptr,
                                             DWORD prefmaxlen, LPDWORD entriesread,
                                             LPDWORD totalentries, PDWORD_PTR resume_handle);

/* One global group at level 0, 1, 2 or 3.  NERR_Success and *bufptr, or
   *bufptr NULL and 87, ERROR_INVALID_LEVEL, NERR_GroupNotFound,
   ERROR_NOT_ENOUGH_MEMORY, a connection status. */
NET_API_STATUS NET_API_FUNCTION NetGroupGetInfo(LPCSTR servername, LPCSTR groupname, DWORD level,
                                                LPBYTE *bufptr);

/*
 * Change a global group: level 0 renames it, 1, 2 and 3 set its comment
 * (and 2 and 3 its attributes), 1002 its comment, 1005 its attributes.
 * NERR_Success, or 87 (*parm_err set), ERROR_INVALID_LEVEL,
 * NERR_GroupNotFound, NERR_GroupExists (a taken name), ERROR_ACCESS_DENIED,
 * ERROR_NOT_SUPPORTED (this machine), a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetGroupSetInfo(LPCSTR servername, LPCSTR groupname, DWORD level,
                                                LPBYTE buf, LPDWORD parm_err);

/* Add an account to a global group, or take it out.  NERR_Success, or 87,
   NERR_GroupNotFound, NERR_UserNotFound, NERR_UserInGroup (Add: already a
   member), NERR_UserNotInGroup (Del: not a member), ERROR_ACCESS_DENIED,
   ERROR_NOT_SUPPORTED (this machine), a connection status. */
NET_API_STATUS NET_API_FUNCTION NetGroupAddUser(LPCSTR servername, LPCSTR GroupName,
                                                LPCSTR username);
NET_API_STATUS NET_API_FUNCTION NetGroupDelUser(LPCSTR servername, LPCSTR GroupName,
                                                LPCSTR Username);

/*
 * The members of a global group at level 0 (GROUP_USERS_INFO_0) or 1
 * (GROUP_USERS_INFO_1), paged as NetLocalGroupGetMembers.  Otherwise
 * *bufptr NULL, the counts 0, and 87, ERROR_INVALID_LEVEL,
 * NERR_GroupNotFound, ERROR_NOT_ENOUGH_MEMORY, a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetGroupGetUsers(LPCSTR servername, LPCSTR groupname, DWORD level,
                                                 LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries,
                                                 PDWORD_PTR ResumeHandle);

/*
 * Make the global group's members exactly the totalentries accounts of buf
 * (GROUP_USERS_INFO_0 or 1).  All or nothing: NERR_Success, or 87,
 * ERROR_INVALID_LEVEL, NERR_GroupNotFound, NERR_UserNotFound (nothing
 * changed), ERROR_MEMBERS_PRIMARY_GROUP (a member left out has this group
 * as its primary group), ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this
 * machine), a connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetGroupSetUsers(LPCSTR servername, LPCSTR groupname, DWORD level,
                                                 LPBYTE buf, DWORD totalentries);

/*
 * Create a local group from a LOCALGROUP_INFO_0 or 1 (name required).
 * NERR_Success, or 87 (*parm_err set), ERROR_INVALID_LEVEL,
 * ERROR_ALIAS_EXISTS, NERR_GroupExists or NERR_UserExists (the name is
 * taken), ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this machine), a
 * connection status.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupAdd(LPCSTR servername, DWORD level, LPBYTE buf,
                                                 LPDWORD parm_err);

/* Delete a local group.  NERR_Success, or 87, NERR_GroupNotFound,
   ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this machine), a connection
   status. */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupDel(LPCSTR servername, LPCSTR groupname);

/*
 * Change a local group: level 0 renames it, 1 and 1002 set its comment.
 * NERR_Success, or 87 (*parm_err set), ERROR_INVALID_LEVEL,
 * NERR_GroupNotFound, ERROR_ALIAS_EXISTS (a taken name),
 * ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this machine), a connection
 * status.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupSetInfo(LPCSTR servername, LPCSTR groupname,
                                                     DWORD level, LPBYTE buf, LPDWORD parm_err);

/*
 * Add members to a local group, take them out, or make them its members
 * exactly: totalentries records of buf, LOCALGROUP_MEMBERS_INFO_0 (a SID)
 * or LOCALGROUP_MEMBERS_INFO_3 ("DOMAIN\name" or "name").  All or nothing:
 * NERR_Success, or 87 (NULL groupname, NULL buf with entries, a NULL or
 * malformed SID or name), ERROR_INVALID_LEVEL, NERR_GroupNotFound,
 * ERROR_NO_SUCH_MEMBER (a member does not exist), ERROR_MEMBER_IN_ALIAS
 * (Add: one already is a member), ERROR_MEMBER_NOT_IN_ALIAS (Del: one is
 * not), ERROR_INVALID_MEMBER (one cannot be a member, e.g. a local group),
 * ERROR_ACCESS_DENIED, ERROR_NOT_SUPPORTED (this machine), a connection
 * status.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupAddMembers(LPCSTR servername, LPCSTR groupname,
                                                        DWORD level, LPBYTE buf,
                                                        DWORD totalentries);
NET_API_STATUS NET_API_FUNCTION NetLocalGroupDelMembers(LPCSTR servername, LPCSTR groupname,
                                                        DWORD level, LPBYTE buf,
                                                        DWORD totalentries);
NET_API_STATUS NET_API_FUNCTION NetLocalGroupSetMembers(LPCSTR servername, LPCSTR groupname,
                                                        DWORD level, LPBYTE buf,
                                                        DWORD totalentries);


#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMACCESS_H */
