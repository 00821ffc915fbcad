/*
 * lmshare.h — shared resources and open files: the Windows structures,
 * field names, constants and functions of NetShare* and NetFile* (strings
 * are UTF-8 LMSTR where Windows has LPWSTR).
 *
 * The structures Samba's libnetapi also declares are laid out as Samba's
 * (tests/test_samba_layouts checks it); SHARE_INFO_1501, which Samba does
 * not declare, follows Windows.
 */
#ifndef NETAPIBUF_LMSHARE_H
#define NETAPIBUF_LMSHARE_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A pointer to a self-relative Windows security descriptor (winnt.h). */
#ifndef NETAPIBUF_PSECURITY_DESCRIPTOR
#define NETAPIBUF_PSECURITY_DESCRIPTOR
typedef void *PSECURITY_DESCRIPTOR;
#endif

/* ==== Shares ============================================================== */

typedef struct SHARE_INFO_0 {
    LMSTR shi0_netname;
} SHARE_INFO_0, *PSHARE_INFO_0, *LPSHARE_INFO_0;

typedef struct SHARE_INFO_1 {
    LMSTR shi1_netname;
    DWORD shi1_type;   /* STYPE_* */
    LMSTR shi1_remark;
} SHARE_INFO_1, *PSHARE_INFO_1, *LPSHARE_INFO_1;

typedef struct SHARE_INFO_2 {
    LMSTR shi2_netname;
    DWORD shi2_type;
    LMSTR shi2_remark;
    DWORD shi2_permissions;  /* ACCESS_*, share-level security only */
    DWORD shi2_max_uses;     /* SHI_USES_UNLIMITED: no limit */
    DWORD shi2_current_uses;
    LMSTR shi2_path;         /* the local path shared */
    LMSTR shi2_passwd;       /* share-level security only */
} SHARE_INFO_2, *PSHARE_INFO_2, *LPSHARE_INFO_2;

typedef struct SHARE_INFO_501 {
    LMSTR shi501_netname;
    DWORD shi501_type;
    LMSTR shi501_remark;
    DWORD shi501_flags; /* as shi1005_flags ("reserved, zero" in the SDK's pages) */
} SHARE_INFO_501, *PSHARE_INFO_501, *LPSHARE_INFO_501;

typedef struct SHARE_INFO_502 {
    LMSTR shi502_netname;
    DWORD shi502_type;
    LMSTR shi502_remark;
    DWORD shi502_permissions;
    DWORD shi502_max_uses;
    DWORD shi502_current_uses;
    LMSTR shi502_path;
    LMSTR shi502_passwd;
    DWORD shi502_reserved;
    PSECURITY_DESCRIPTOR shi502_security_descriptor; /* the share's ACL; may be NULL */
} SHARE_INFO_502, *PSHARE_INFO_502, *LPSHARE_INFO_502;

/* NetShareSetInfo levels that set one field */
typedef struct SHARE_INFO_1004 {
    LMSTR shi1004_remark;
} SHARE_INFO_1004, *PSHARE_INFO_1004, *LPSHARE_INFO_1004;

typedef struct SHARE_INFO_1005 {
    DWORD shi1005_flags; /* SHI1005_FLAGS_* and CSC_* */
} SHARE_INFO_1005, *PSHARE_INFO_1005, *LPSHARE_INFO_1005;

typedef struct SHARE_INFO_1006 {
    DWORD shi1006_max_uses;
} SHARE_INFO_1006, *PSHARE_INFO_1006, *LPSHARE_INFO_1006;

typedef struct SHARE_INFO_1501 {
    DWORD shi1501_reserved;
    PSECURITY_DESCRIPTOR shi1501_security_descriptor;
} SHARE_INFO_1501, *PSHARE_INFO_1501, *LPSHARE_INFO_1501;

/* shi*_type: one base type (isolate it with STYPE_MASK), plus flags */
#define STYPE_DISKTREE  0
#define STYPE_PRINTQ    1
#define STYPE_DEVICE    2
#define STYPE_IPC       3
#define STYPE_MASK      0x000000FF
#define STYPE_TEMPORARY 0x40000000
#define STYPE_SPECIAL   0x80000000 /* IPC$, ADMIN$, C$ ... */

/* shi*_max_uses: no limit */
#define SHI_USES_UNLIMITED ((DWORD)-1)

/* shi2_permissions / shi502_permissions bits (Windows defines them in
   lmaccess.h; share-level security only) */
#define ACCESS_NONE   0x00
#define ACCESS_READ   0x01
#define ACCESS_WRITE  0x02
#define ACCESS_CREATE 0x04
#define ACCESS_EXEC   0x08
#define ACCESS_DELETE 0x10
#define ACCESS_ATRIB  0x20
#define ACCESS_PERM   0x40
#define ACCESS_ALL \
    (ACCESS_READ | ACCESS_WRITE | ACCESS_CREATE | ACCESS_EXEC | ACCESS_DELETE | ACCESS_ATRIB | ACCESS_PERM)

/* shi1005_flags / shi501_flags */
#define SHI1005_FLAGS_DFS                         0x0001
#define SHI1005_FLAGS_DFS_ROOT                    0x0002
#define CSC_MASK                                  0x0030 /* client-side caching: */
#define CSC_CACHE_MANUAL_REINT                    0x0000
#define CSC_CACHE_AUTO_REINT                      0x0010
#define CSC_CACHE_VDO                             0x0020
#define CSC_CACHE_NONE                            0x0030
#define SHI1005_FLAGS_RESTRICT_EXCLUSIVE_OPENS    0x0100
#define SHI1005_FLAGS_FORCE_SHARED_DELETE         0x0200
#define SHI1005_FLAGS_ALLOW_NAMESPACE_CACHING     0x0400
#define SHI1005_FLAGS_ACCESS_BASED_DIRECTORY_ENUM 0x0800
#define SHI1005_FLAGS_FORCE_LEVELII_OPLOCK        0x1000
#define SHI1005_FLAGS_ENABLE_HASH                 0x2000
#define SHI1005_FLAGS_ENABLE_CA                   0x4000

/* NetShareAdd / NetShareSetInfo *parm_err values (and level 1000 + n) */
#define SHARE_NETNAME_PARMNUM     1
#define SHARE_TYPE_PARMNUM        3
#define SHARE_REMARK_PARMNUM      4
#define SHARE_PERMISSIONS_PARMNUM 5
#define SHARE_MAX_USES_PARMNUM    6
#define SHARE_CURRENT_USES_PARMNUM 7
#define SHARE_PATH_PARMNUM        8
#define SHARE_PASSWD_PARMNUM      9
#define SHARE_FILE_SD_PARMNUM     501

/* ==== Open files ========================================================== */

typedef struct FILE_INFO_2 {
    DWORD fi2_id;
} FILE_INFO_2, *PFILE_INFO_2, *LPFILE_INFO_2;

typedef struct FILE_INFO_3 {
    DWORD fi3_id;
    DWORD fi3_permissions; /* PERM_FILE_* */
    DWORD fi3_num_locks;
    LMSTR fi3_pathname;
    LMSTR fi3_username;    /* who opened it */
} FILE_INFO_3, *PFILE_INFO_3, *LPFILE_INFO_3;

/* fi3_permissions bits */
#define PERM_FILE_READ   0x1
#define PERM_FILE_WRITE  0x2
#define PERM_FILE_CREATE 0x4

/* ==== Functions =========================================================== */

/*
 * Server names: NULL, "" or this host's name (with or without a leading
 * "\\") mean this machine, any other name a server, reached through
 * Samba's client library (netapibuf.h).  Strings are UTF-8.  Every result is
 * ONE NetApiBuffer: free it with one NetApiBufferFree.  Security
 * descriptors are not carried: shi502_security_descriptor is always NULL
 * in a result, and a record handed in with one is refused
 * (ERROR_NOT_SUPPORTED); level 1501 is not supported.
 *
 * This machine's shares are the shares its Samba configuration defines
 * (/etc/samba/smb.conf and the files it includes); a machine without one
 * shares nothing.  Writes to this machine are refused (ERROR_NOT_SUPPORTED,
 * after the record is checked).  The manual pages say field by field what
 * each answer holds.
 */

/*
 * The shares of a server at level 0, 1, 2, 501 or 502.  NERR_Success (every
 * entry delivered; *resume_handle set to 0) or ERROR_MORE_DATA (call again
 * with the same *resume_handle), both with a buffer to free (NULL when there
 * are no entries) and *totalentries the number of shares.  On any other
 * status *bufptr is NULL and the counts 0: 87 for a NULL bufptr,
 * entriesread or totalentries, ERROR_INVALID_LEVEL, ERROR_INVALID_NAME (a
 * malformed server name), ERROR_ACCESS_DENIED, ERROR_BAD_NETPATH,
 * ERROR_LOGON_FAILURE, ERROR_NOT_ENOUGH_MEMORY, ...
 */
NET_API_STATUS NET_API_FUNCTION NetShareEnum(LMSTR servername, DWORD level, LPBYTE *bufptr,
                                             DWORD prefmaxlen, LPDWORD entriesread,
                                             LPDWORD totalentries, LPDWORD resume_handle);

/*
 * One share by name at level 0, 1, 2, 501, 502 or 1005.  NERR_Success and
 * *bufptr (one record), or *bufptr NULL and: 87 for a NULL netname or
 * bufptr, ERROR_INVALID_LEVEL, NERR_NetNameNotFound, and the statuses of
 * NetShareEnum.
 */
NET_API_STATUS NET_API_FUNCTION NetShareGetInfo(LMSTR servername, LMSTR netname, DWORD level,
                                                LPBYTE *bufptr);

/*
 * Share a folder: buf is a SHARE_INFO_2 or SHARE_INFO_502 (level 2 or 502)
 * with shi*_netname set, and shi*_path set for a disk share.  The record is
 * checked before anything is sent: ERROR_INVALID_LEVEL, or
 * ERROR_INVALID_PARAMETER with *parm_err (when parm_err is not NULL) the
 * SHARE_*_PARMNUM of the first field at fault (PARM_ERROR_UNKNOWN for a
 * NULL buf); otherwise *parm_err is PARM_ERROR_NONE.  Then NERR_Success,
 * NERR_DuplicateShare, NERR_UnknownDevDir (no such folder), ERROR_ACCESS_DENIED,
 * ERROR_NOT_SUPPORTED (this machine; a security descriptor), and the
 * statuses of NetShareEnum.
 */
NET_API_STATUS NET_API_FUNCTION NetShareAdd(LMSTR servername, DWORD level, LPBYTE buf,
                                            LPDWORD parm_err);

/*
 * Stop sharing netname.  reserved must be 0 (87 otherwise).  NERR_Success,
 * 87 for a NULL netname, NERR_NetNameNotFound, ERROR_ACCESS_DENIED,
 * ERROR_NOT_SUPPORTED (this machine), and the statuses of NetShareEnum.
 */
NET_API_STATUS NET_API_FUNCTION NetShareDel(LMSTR servername, LMSTR netname, DWORD reserved);

/*
 * Change a share at level 1, 2, 502, 1004 (remark), 1005 (flags) or 1006
 * (maximum uses).  The record is checked as for NetShareAdd (the remark
 * must be set at levels 1, 2, 502 and 1004, the path at 2 and 502).  Then
 * NERR_Success, NERR_NetNameNotFound, ERROR_ACCESS_DENIED,
 * ERROR_NOT_SUPPORTED (this machine; a security descriptor), and the
 * statuses of NetShareEnum.
 */
NET_API_STATUS NET_API_FUNCTION NetShareSetInfo(LMSTR servername, LMSTR netname, DWORD level,
                                                LPBYTE buf, LPDWORD parm_err);

/*
 * The files a server has open for its clients, at level 2 or 3, those
 * under basepath and opened by username only when they are not NULL.
 * Pages as NetShareEnum, with a PDWORD_PTR resume handle as on Windows.
 * This machine: no entries when it shares nothing, ERROR_NOT_SUPPORTED when
 * its Samba configuration shares folders (netapibuf does not read Samba's
 * table of open files).
 */
NET_API_STATUS NET_API_FUNCTION NetFileEnum(LMSTR servername, LMSTR basepath, LMSTR username,
                                            DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                            LPDWORD entriesread, LPDWORD totalentries,
                                            PDWORD_PTR resume_handle);

/*
 * One open file by id at level 2 or 3.  NERR_Success and *bufptr (one
 * record), or *bufptr NULL and: 87 for a NULL bufptr, ERROR_INVALID_LEVEL,
 * NERR_FileIdNotFound, and the statuses of NetFileEnum.
 */
NET_API_STATUS NET_API_FUNCTION NetFileGetInfo(LMSTR servername, DWORD fileid, DWORD level,
                                               LPBYTE *bufptr);

/*
 * Close a file a client has open on the server (its locks are released).
 * NERR_Success, NERR_FileIdNotFound, ERROR_ACCESS_DENIED, and the statuses
 * of NetFileEnum.
 */
NET_API_STATUS NET_API_FUNCTION NetFileClose(LMSTR servername, DWORD fileid);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMSHARE_H */
