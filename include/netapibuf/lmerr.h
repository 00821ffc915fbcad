/*
 * lmerr.h — the status values netapibuf functions return.
 *
 * Values are Windows' own (winerror.h and lmerr.h), each checked against
 * Microsoft's "System Error Codes" and "Network Management Error Codes"
 * pages, so a status printed on Linux means the same as on Windows.
 * netapibuf_status_text() in <netapibuf.h> turns any of them into text.
 */
#ifndef NETAPIBUF_LMERR_H
#define NETAPIBUF_LMERR_H

#define NERR_Success              0

/* winerror.h values used by the network management API (each guarded, in
 * case a Windows compatibility layer defined it first) */
#ifndef ERROR_FILE_NOT_FOUND
#define ERROR_FILE_NOT_FOUND      2
#endif
#ifndef ERROR_ACCESS_DENIED
#define ERROR_ACCESS_DENIED       5
#endif
#ifndef ERROR_INVALID_HANDLE
#define ERROR_INVALID_HANDLE      6
#endif
#ifndef ERROR_NOT_ENOUGH_MEMORY
#define ERROR_NOT_ENOUGH_MEMORY   8
#endif
#ifndef ERROR_SHARING_VIOLATION
#define ERROR_SHARING_VIOLATION   32
#endif
#ifndef ERROR_NOT_SUPPORTED
#define ERROR_NOT_SUPPORTED       50
#endif
#ifndef ERROR_REM_NOT_LIST
#define ERROR_REM_NOT_LIST        51 /* the remote computer is not reachable */
#endif
#ifndef ERROR_DUP_NAME
#define ERROR_DUP_NAME            52
#endif
#ifndef ERROR_BAD_NETPATH
#define ERROR_BAD_NETPATH         53   /* the network path was not found */
#endif
#ifndef ERROR_BAD_NET_RESP
#define ERROR_BAD_NET_RESP        58 /* the server cannot do what was asked */
#endif
#ifndef ERROR_UNEXP_NET_ERR
#define ERROR_UNEXP_NET_ERR       59
#endif
#ifndef ERROR_NETNAME_DELETED
#define ERROR_NETNAME_DELETED     64
#endif
#ifndef ERROR_NETWORK_ACCESS_DENIED
#define ERROR_NETWORK_ACCESS_DENIED 65
#endif
#ifndef ERROR_BAD_NET_NAME
#define ERROR_BAD_NET_NAME        67
#endif
#ifndef ERROR_FILE_EXISTS
#define ERROR_FILE_EXISTS         80   /* Samba's answer for a share that exists */
#endif
#ifndef ERROR_INVALID_PASSWORD
#define ERROR_INVALID_PASSWORD    86   /* NetUserChangePassword: the old password given is wrong */
#endif
#ifndef ERROR_INVALID_PARAMETER
#define ERROR_INVALID_PARAMETER   87
#endif
#ifndef ERROR_BUFFER_OVERFLOW
#define ERROR_BUFFER_OVERFLOW     111
#endif
#ifndef ERROR_CALL_NOT_IMPLEMENTED
#define ERROR_CALL_NOT_IMPLEMENTED 120
#endif
#ifndef ERROR_SEM_TIMEOUT
#define ERROR_SEM_TIMEOUT         121
#endif
#ifndef ERROR_INSUFFICIENT_BUFFER
#define ERROR_INSUFFICIENT_BUFFER 122
#endif
#ifndef ERROR_INVALID_NAME
#define ERROR_INVALID_NAME        123
#endif
#ifndef ERROR_INVALID_LEVEL
#define ERROR_INVALID_LEVEL       124
#endif
#ifndef ERROR_MOD_NOT_FOUND
#define ERROR_MOD_NOT_FOUND       126 /* remote calls: Samba's client library is missing */
#endif
#ifndef ERROR_BAD_PATHNAME
#define ERROR_BAD_PATHNAME        161  /* NetShareAdd: the folder's path is not valid */
#endif
#ifndef ERROR_ALREADY_EXISTS
#define ERROR_ALREADY_EXISTS      183
#endif
#ifndef ERROR_MORE_DATA
#define ERROR_MORE_DATA           234
#endif
#ifndef ERROR_NO_MORE_ITEMS
#define ERROR_NO_MORE_ITEMS       259
#endif
#ifndef ERROR_CAN_NOT_COMPLETE
#define ERROR_CAN_NOT_COMPLETE    1003
#endif
#ifndef ERROR_INVALID_FLAGS
#define ERROR_INVALID_FLAGS       1004 /* DsGetDcName: contradictory DS_* flags */
#endif
#ifndef ERROR_NOT_FOUND
#define ERROR_NOT_FOUND           1168
#endif
#ifndef ERROR_INVALID_COMPUTERNAME
#define ERROR_INVALID_COMPUTERNAME 1210
#endif
#ifndef ERROR_INVALID_DOMAINNAME
#define ERROR_INVALID_DOMAINNAME  1212
#endif
#ifndef ERROR_SESSION_CREDENTIAL_CONFLICT
#define ERROR_SESSION_CREDENTIAL_CONFLICT 1219 /* other credentials are in use for that server */
#endif
#ifndef ERROR_CONNECTION_REFUSED
#define ERROR_CONNECTION_REFUSED  1225
#endif
#ifndef ERROR_NETWORK_UNREACHABLE
#define ERROR_NETWORK_UNREACHABLE 1231
#endif
#ifndef ERROR_HOST_UNREACHABLE
#define ERROR_HOST_UNREACHABLE    1232
#endif
#ifndef ERROR_NO_LOGON_SERVERS
#define ERROR_NO_LOGON_SERVERS    1311
#endif
#ifndef ERROR_NO_SUCH_LOGON_SESSION
#define ERROR_NO_SUCH_LOGON_SESSION 1312
#endif
#ifndef ERROR_INVALID_ACCOUNT_NAME
#define ERROR_INVALID_ACCOUNT_NAME 1315
#endif
#ifndef ERROR_USER_EXISTS
#define ERROR_USER_EXISTS         1316
#endif
#ifndef ERROR_NO_SUCH_USER
#define ERROR_NO_SUCH_USER        1317
#endif
#ifndef ERROR_GROUP_EXISTS
#define ERROR_GROUP_EXISTS        1318
#endif
#ifndef ERROR_NO_SUCH_GROUP
#define ERROR_NO_SUCH_GROUP       1319
#endif
#ifndef ERROR_MEMBER_IN_GROUP
#define ERROR_MEMBER_IN_GROUP     1320
#endif
#ifndef ERROR_MEMBER_NOT_IN_GROUP
#define ERROR_MEMBER_NOT_IN_GROUP 1321
#endif
#ifndef ERROR_LAST_ADMIN
#define ERROR_LAST_ADMIN          1322
#endif
#ifndef ERROR_WRONG_PASSWORD
#define ERROR_WRONG_PASSWORD      1323
#endif
#ifndef ERROR_ILL_FORMED_PASSWORD
#define ERROR_ILL_FORMED_PASSWORD 1324
#endif
#ifndef ERROR_PASSWORD_RESTRICTION
#define ERROR_PASSWORD_RESTRICTION 1325
#endif
#ifndef ERROR_LOGON_FAILURE
#define ERROR_LOGON_FAILURE       1326 /* unknown user name or bad password */
#endif
#ifndef ERROR_ACCOUNT_RESTRICTION
#define ERROR_ACCOUNT_RESTRICTION 1327
#endif
#ifndef ERROR_INVALID_LOGON_HOURS
#define ERROR_INVALID_LOGON_HOURS 1328
#endif
#ifndef ERROR_PASSWORD_EXPIRED
#define ERROR_PASSWORD_EXPIRED    1330
#endif
#ifndef ERROR_ACCOUNT_DISABLED
#define ERROR_ACCOUNT_DISABLED    1331
#endif
#ifndef ERROR_NONE_MAPPED
#define ERROR_NONE_MAPPED         1332
#endif
#ifndef ERROR_INVALID_SID
#define ERROR_INVALID_SID         1337 /* not a well-formed security identifier */
#endif
#ifndef ERROR_NO_SUCH_DOMAIN
#define ERROR_NO_SUCH_DOMAIN      1355
#endif
#ifndef ERROR_INTERNAL_ERROR
#define ERROR_INTERNAL_ERROR      1359
#endif
#ifndef ERROR_SPECIAL_ACCOUNT
#define ERROR_SPECIAL_ACCOUNT     1371
#endif
#ifndef ERROR_SPECIAL_GROUP
#define ERROR_SPECIAL_GROUP       1372
#endif
#ifndef ERROR_MEMBERS_PRIMARY_GROUP
#define ERROR_MEMBERS_PRIMARY_GROUP 1374 /* a member cannot leave its primary group */
#endif
#ifndef ERROR_NO_SUCH_ALIAS
#define ERROR_NO_SUCH_ALIAS       1376 /* no such local group */
#endif
#ifndef ERROR_MEMBER_NOT_IN_ALIAS
#define ERROR_MEMBER_NOT_IN_ALIAS 1377
#endif
#ifndef ERROR_MEMBER_IN_ALIAS
#define ERROR_MEMBER_IN_ALIAS     1378
#endif
#ifndef ERROR_ALIAS_EXISTS
#define ERROR_ALIAS_EXISTS        1379
#endif
#ifndef ERROR_LOGON_TYPE_NOT_GRANTED
#define ERROR_LOGON_TYPE_NOT_GRANTED 1385
#endif
#ifndef ERROR_NO_SUCH_MEMBER
#define ERROR_NO_SUCH_MEMBER      1387
#endif
#ifndef ERROR_INVALID_MEMBER
#define ERROR_INVALID_MEMBER      1388
#endif
#ifndef ERROR_TIME_SKEW
#define ERROR_TIME_SKEW           1398 /* the clocks of client and server differ too much */
#endif
#ifndef RPC_S_INVALID_NET_ADDR
#define RPC_S_INVALID_NET_ADDR    1707 /* the server name is not a usable network address */
#endif
#ifndef RPC_S_SERVER_UNAVAILABLE
#define RPC_S_SERVER_UNAVAILABLE  1722
#endif
#ifndef RPC_S_CALL_FAILED
#define RPC_S_CALL_FAILED         1726
#endif
#ifndef RPC_S_PROCNUM_OUT_OF_RANGE
#define RPC_S_PROCNUM_OUT_OF_RANGE 1745
#endif
#ifndef ERROR_NO_TRUST_SAM_ACCOUNT
#define ERROR_NO_TRUST_SAM_ACCOUNT 1787
#endif
#ifndef ERROR_TRUSTED_RELATIONSHIP_FAILURE
#define ERROR_TRUSTED_RELATIONSHIP_FAILURE 1789
#endif
#ifndef ERROR_PASSWORD_MUST_CHANGE
#define ERROR_PASSWORD_MUST_CHANGE 1907
#endif
#ifndef ERROR_DOMAIN_CONTROLLER_NOT_FOUND
#define ERROR_DOMAIN_CONTROLLER_NOT_FOUND 1908
#endif
#ifndef ERROR_ACCOUNT_LOCKED_OUT
#define ERROR_ACCOUNT_LOCKED_OUT  1909
#endif

/* lmerr.h: NERR_BASE + n */
#define NERR_BASE                 2100
#define NERR_NetNotStarted        (NERR_BASE + 2)    /* 2102 */
#define NERR_UnknownServer        (NERR_BASE + 3)    /* 2103 */
#define NERR_ServerNotStarted     (NERR_BASE + 14)   /* 2114 */
#define NERR_UnknownDevDir        (NERR_BASE + 16)   /* 2116: no such folder to share */
#define NERR_DuplicateShare       (NERR_BASE + 18)   /* 2118 */
#define NERR_BufTooSmall          (NERR_BASE + 23)   /* 2123 */
#define NERR_WkstaNotStarted      (NERR_BASE + 38)   /* 2138 */
#define NERR_InternalError        (NERR_BASE + 40)   /* 2140 */
#define NERR_InvalidAPI           (NERR_BASE + 42)   /* 2142: not supported by the remote server */
#define NERR_NotLoggedOn          (NERR_BASE + 101)  /* 2201 */
#define NERR_BadUsername          (NERR_BASE + 102)  /* 2202 */
#define NERR_BadPassword          (NERR_BASE + 103)  /* 2203 */
#define NERR_GroupNotFound        (NERR_BASE + 120)  /* 2220 */
#define NERR_UserNotFound         (NERR_BASE + 121)  /* 2221 */
#define NERR_ResourceNotFound     (NERR_BASE + 122)  /* 2222 */
#define NERR_GroupExists          (NERR_BASE + 123)  /* 2223 */
#define NERR_UserExists           (NERR_BASE + 124)  /* 2224 */
#define NERR_ResourceExists       (NERR_BASE + 125)  /* 2225 */
#define NERR_NotPrimary           (NERR_BASE + 126)  /* 2226 */
#define NERR_SpeGroupOp           (NERR_BASE + 134)  /* 2234 */
#define NERR_UserInGroup          (NERR_BASE + 136)  /* 2236 */
#define NERR_UserNotInGroup       (NERR_BASE + 137)  /* 2237 */
#define NERR_AccountUndefined     (NERR_BASE + 138)  /* 2238 */
#define NERR_AccountExpired       (NERR_BASE + 139)  /* 2239 */
#define NERR_InvalidWorkstation   (NERR_BASE + 140)  /* 2240 */
#define NERR_InvalidLogonHours    (NERR_BASE + 141)  /* 2241 */
#define NERR_PasswordExpired      (NERR_BASE + 142)  /* 2242 */
#define NERR_PasswordCantChange   (NERR_BASE + 143)  /* 2243 */
#define NERR_PasswordHistConflict (NERR_BASE + 144)  /* 2244 */
#define NERR_PasswordTooShort     (NERR_BASE + 145)  /* 2245: fails the password policy */
#define NERR_PasswordTooRecent    (NERR_BASE + 146)  /* 2246 */
#define NERR_InvalidDatabase      (NERR_BASE + 147)  /* 2247 */
#define NERR_DatabaseUpToDate     (NERR_BASE + 148)  /* 2248 */
#define NERR_SyncRequired         (NERR_BASE + 149)  /* 2249 */
#define NERR_UseNotFound          (NERR_BASE + 150)  /* 2250 */
#define NERR_NoComputerName       (NERR_BASE + 170)  /* 2270 */
#define NERR_NetNameNotFound      (NERR_BASE + 210)  /* 2310: no such share */
#define NERR_FileIdNotFound       (NERR_BASE + 214)  /* 2314 */
#define NERR_InvalidComputer      (NERR_BASE + 251)  /* 2351 */
#define NERR_ShareNotFound        (NERR_BASE + 292)  /* 2392 */
#define NERR_LastAdmin            (NERR_BASE + 352)  /* 2452 */
#define NERR_DCNotFound           (NERR_BASE + 353)  /* 2453 */
#define NERR_LogonTrackingError   (NERR_BASE + 354)  /* 2454 */
#define NERR_NetlogonNotStarted   (NERR_BASE + 355)  /* 2455 */
#define NERR_SetupAlreadyJoined   (NERR_BASE + 591)  /* 2691 */
#define NERR_SetupNotJoined       (NERR_BASE + 592)  /* 2692 */
#define NERR_SetupDomainController (NERR_BASE + 593) /* 2693 */
#define NERR_DefaultJoinRequired  (NERR_BASE + 594)  /* 2694 */
#define NERR_InvalidWorkgroupName (NERR_BASE + 595)  /* 2695 */
#define NERR_PasswordMustChange   (NERR_BASE + 601)  /* 2701 */
#define NERR_AccountLockedOut     (NERR_BASE + 602)  /* 2702 */
#define NERR_PasswordTooLong      (NERR_BASE + 603)  /* 2703 */
#define NERR_PasswordNotComplexEnough (NERR_BASE + 604) /* 2704 */
#define NERR_PasswordFilterError  (NERR_BASE + 605)  /* 2705 */
#define MAX_NERR                  (NERR_BASE + 899)

#endif /* NETAPIBUF_LMERR_H */
