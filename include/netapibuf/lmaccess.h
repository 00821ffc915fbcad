/*
 * lmaccess.h — user accounts: NetUserEnum and NetUserGetInfo, with the
 * Windows structures and field names (strings are UTF-8 LPSTR here where
 * Windows has LPWSTR).  Results are one NetApiBuffer each: free them with
 * one NetApiBufferFree.
 */
#ifndef NETAPIBUF_LMACCESS_H
#define NETAPIBUF_LMACCESS_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct USER_INFO_0 {
    LPSTR usri0_name;
} USER_INFO_0, *PUSER_INFO_0, *LPUSER_INFO_0;

typedef struct USER_INFO_1 {
    LPSTR usri1_name;
    LPSTR usri1_password;      /* always NULL: passwords are never returned */
    DWORD usri1_password_age;  /* seconds since the last change; 0 (unknown) here */
    DWORD usri1_priv;          /* USER_PRIV_* */
    LPSTR usri1_home_dir;
    LPSTR usri1_comment;
    DWORD usri1_flags;         /* UF_* */
    LPSTR usri1_script_path;
} USER_INFO_1, *PUSER_INFO_1, *LPUSER_INFO_1;

typedef struct USER_INFO_10 {
    LPSTR usri10_name;
    LPSTR usri10_comment;
    LPSTR usri10_usr_comment;
    LPSTR usri10_full_name;
} USER_INFO_10, *PUSER_INFO_10, *LPUSER_INFO_10;

typedef struct USER_INFO_20 {
    LPSTR usri20_name;
    LPSTR usri20_full_name;
    LPSTR usri20_comment;
    DWORD usri20_flags;   /* UF_* */
    DWORD usri20_user_id; /* the uid */
} USER_INFO_20, *PUSER_INFO_20, *LPUSER_INFO_20;

/* NetUserEnum filter values */
#define FILTER_TEMP_DUPLICATE_ACCOUNT     0x0001
#define FILTER_NORMAL_ACCOUNT             0x0002
#define FILTER_INTERDOMAIN_TRUST_ACCOUNT  0x0008
#define FILTER_WORKSTATION_TRUST_ACCOUNT  0x0010
#define FILTER_SERVER_TRUST_ACCOUNT       0x0020

/* usri*_priv values */
#define USER_PRIV_GUEST 0
#define USER_PRIV_USER  1
#define USER_PRIV_ADMIN 2

/* usri*_flags values */
#define UF_SCRIPT                     0x0001
#define UF_ACCOUNTDISABLE             0x0002
#define UF_HOMEDIR_REQUIRED           0x0008
#define UF_LOCKOUT                    0x0010
#define UF_PASSWD_NOTREQD             0x0020
#define UF_PASSWD_CANT_CHANGE         0x0040
#define UF_TEMP_DUPLICATE_ACCOUNT     0x0100
#define UF_NORMAL_ACCOUNT             0x0200
#define UF_INTERDOMAIN_TRUST_ACCOUNT  0x0800
#define UF_WORKSTATION_TRUST_ACCOUNT  0x1000
#define UF_SERVER_TRUST_ACCOUNT       0x2000
#define UF_DONT_EXPIRE_PASSWD         0x10000

/*
 * List the accounts of the user database (NSS), in database order.
 * servername: NULL, "", or this host's name (with or without a leading
 * "\\\\"); any other name gives ERROR_NOT_SUPPORTED.  level: 0, 1, 10 or
 * 20.  filter: 0 or FILTER_NORMAL_ACCOUNT list every account; any other
 * filter lists none (NERR_Success, *bufptr NULL, 0 entries).
 * Returns NERR_Success (everything delivered; *resume_handle set to 0) or
 * ERROR_MORE_DATA (call again with the same *resume_handle); both hand back
 * a buffer to free.  On any other status *bufptr is NULL and the counts 0:
 * 87 for a NULL bufptr, entriesread or totalentries, ERROR_INVALID_LEVEL,
 * ERROR_NOT_SUPPORTED, ERROR_NOT_ENOUGH_MEMORY, NERR_InternalError (the
 * database could not be read).
 */
NET_API_STATUS NET_API_FUNCTION NetUserEnum(LPCSTR servername, DWORD level, DWORD filter,
                                            LPBYTE *bufptr, DWORD prefmaxlen,
                                            LPDWORD entriesread, LPDWORD totalentries,
                                            PDWORD resume_handle);

/*
 * One account by name, at level 0, 1, 10 or 20.  NERR_Success and *bufptr
 * (one record, free it with NetApiBufferFree), or *bufptr NULL and: 87 for
 * a NULL username or bufptr, ERROR_NOT_SUPPORTED (remote server),
 * ERROR_INVALID_LEVEL, NERR_UserNotFound, ERROR_NOT_ENOUGH_MEMORY.
 */
NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(LPCSTR servername, LPCSTR username, DWORD level,
                                               LPBYTE *bufptr);

/* ==== Local groups ======================================================== *
 * NetLocalGroupEnum, NetLocalGroupGetInfo, NetLocalGroupGetMembers and
 * NetUserGetLocalGroups: the groups of the group database (NSS), as in the
 * Windows SDK's lmaccess.h.  A group's members are the users named in its
 * entry plus the users whose primary group it is, each once.
 */

typedef struct _LOCALGROUP_INFO_0 {
    LPSTR lgrpi0_name;
} LOCALGROUP_INFO_0, *PLOCALGROUP_INFO_0, *LPLOCALGROUP_INFO_0;

typedef struct _LOCALGROUP_INFO_1 {
    LPSTR lgrpi1_name;
    LPSTR lgrpi1_comment; /* "": Unix groups carry no comment */
} LOCALGROUP_INFO_1, *PLOCALGROUP_INFO_1, *LPLOCALGROUP_INFO_1;

/* What kind of account a SID names (winnt.h). */
typedef enum _SID_NAME_USE {
    SidTypeUser = 1,
    SidTypeGroup,
    SidTypeDomain,
    SidTypeAlias,
    SidTypeWellKnownGroup,
    SidTypeDeletedAccount,
    SidTypeInvalid,
    SidTypeUnknown,
    SidTypeComputer,
    SidTypeLabel,
    SidTypeLogonSession
} SID_NAME_USE, *PSID_NAME_USE;

#ifndef NETAPIBUF_PSID
#define NETAPIBUF_PSID
typedef void *PSID;
#endif

typedef struct _LOCALGROUP_MEMBERS_INFO_1 {
    PSID lgrmi1_sid;              /* NULL: Unix accounts have no SID */
    SID_NAME_USE lgrmi1_sidusage; /* SidTypeUser */
    LPSTR lgrmi1_name;            /* the user name */
} LOCALGROUP_MEMBERS_INFO_1, *PLOCALGROUP_MEMBERS_INFO_1, *LPLOCALGROUP_MEMBERS_INFO_1;

typedef struct _LOCALGROUP_MEMBERS_INFO_3 {
    LPSTR lgrmi3_domainandname; /* "HOST\user": the host name is the account domain */
} LOCALGROUP_MEMBERS_INFO_3, *PLOCALGROUP_MEMBERS_INFO_3, *LPLOCALGROUP_MEMBERS_INFO_3;

typedef struct _LOCALGROUP_USERS_INFO_0 {
    LPSTR lgrui0_name;
} LOCALGROUP_USERS_INFO_0, *PLOCALGROUP_USERS_INFO_0, *LPLOCALGROUP_USERS_INFO_0;

/* NetUserGetLocalGroups flags: Unix groups do not nest, so this changes nothing. */
#define LG_INCLUDE_INDIRECT 0x0001

/*
 * List the groups of the group database, in database order, at level 0 or
 * 1.  Paging is NetUserEnum's: NERR_Success (everything delivered;
 * *resumehandle set to 0) or ERROR_MORE_DATA (call again with the same
 * *resumehandle), both with a buffer to free; *totalentries is the number of
 * groups.  On any other status *bufptr is NULL and the counts 0: 87 for a
 * NULL bufptr, entriesread or totalentries, ERROR_INVALID_LEVEL,
 * ERROR_NOT_SUPPORTED (remote server), ERROR_NOT_ENOUGH_MEMORY,
 * NERR_InternalError (the database could not be read).
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupEnum(LPCSTR servername, DWORD level, LPBYTE *bufptr,
                                                  DWORD prefmaxlen, LPDWORD entriesread,
                                                  LPDWORD totalentries, PDWORD_PTR resumehandle);

/*
 * One group by name at level 0 or 1.  NERR_Success and *bufptr (one record,
 * free it with NetApiBufferFree), or *bufptr NULL and: 87 for a NULL
 * groupname or bufptr, ERROR_NOT_SUPPORTED, ERROR_INVALID_LEVEL,
 * NERR_GroupNotFound, ERROR_NOT_ENOUGH_MEMORY, NERR_InternalError.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetInfo(LPCSTR servername, LPCSTR groupname,
                                                     DWORD level, LPBYTE *bufptr);

/*
 * The members of one group at level 1 (LOCALGROUP_MEMBERS_INFO_1) or 3
 * (LOCALGROUP_MEMBERS_INFO_3): the users named in the group entry, in that
 * order, then the users whose primary group it is, in database order, each
 * name once.  Pages like NetLocalGroupEnum; errors as NetLocalGroupGetInfo
 * plus 87 for a NULL entriesread or totalentries.
 */
NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetMembers(LPCSTR servername, LPCSTR localgroupname,
                                                        DWORD level, LPBYTE *bufptr,
                                                        DWORD prefmaxlen, LPDWORD entriesread,
                                                        LPDWORD totalentries,
                                                        PDWORD_PTR resumehandle);

/*
 * The groups one user belongs to (getgrouplist: its primary group and every
 * group naming it), at level 0, in group-database order, one name per group
 * id.  flags: 0 or LG_INCLUDE_INDIRECT (anything else gives 87).  prefmaxlen
 * limits the buffer as for the enumerations, but there is no resume handle:
 * ERROR_MORE_DATA returns the first groups and the total.  Otherwise as
 * NetLocalGroupGetInfo, with NERR_UserNotFound for an unknown user.
 */
NET_API_STATUS NET_API_FUNCTION NetUserGetLocalGroups(LPCSTR servername, LPCSTR username,
                                                      DWORD level, DWORD flags, LPBYTE *bufptr,
                                                      DWORD prefmaxlen, LPDWORD entriesread,
                                                      LPDWORD totalentries);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMACCESS_H */
