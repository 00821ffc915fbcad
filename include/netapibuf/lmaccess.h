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

typedef struct _USER_INFO_0 {
    LPSTR usri0_name;
} USER_INFO_0, *PUSER_INFO_0, *LPUSER_INFO_0;

typedef struct _USER_INFO_1 {
    LPSTR usri1_name;
    LPSTR usri1_password;      /* always NULL: passwords are never returned */
    DWORD usri1_password_age;  /* seconds since the last change; 0 (unknown) here */
    DWORD usri1_priv;          /* USER_PRIV_* */
    LPSTR usri1_home_dir;
    LPSTR usri1_comment;
    DWORD usri1_flags;         /* UF_* */
    LPSTR usri1_script_path;
} USER_INFO_1, *PUSER_INFO_1, *LPUSER_INFO_1;

typedef struct _USER_INFO_10 {
    LPSTR usri10_name;
    LPSTR usri10_comment;
    LPSTR usri10_usr_comment;
    LPSTR usri10_full_name;
} USER_INFO_10, *PUSER_INFO_10, *LPUSER_INFO_10;

typedef struct _USER_INFO_20 {
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

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMACCESS_H */
