/*
 * lmserver.h — the server: NetServerGetInfo, with the Windows structures,
 * field names and constants (strings are UTF-8 LMSTR = char * here).  The
 * result is one NetApiBuffer: free it with one NetApiBufferFree.
 */
#ifndef NETAPIBUF_LMSERVER_H
#define NETAPIBUF_LMSERVER_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _SERVER_INFO_100 {
    DWORD sv100_platform_id; /* PLATFORM_ID_NT */
    LMSTR sv100_name;        /* the host name */
} SERVER_INFO_100, *PSERVER_INFO_100, *LPSERVER_INFO_100;

typedef struct _SERVER_INFO_101 {
    DWORD sv101_platform_id;
    LMSTR sv101_name;
    DWORD sv101_version_major; /* kernel major version (MAJOR_VERSION_MASK bits) */
    DWORD sv101_version_minor; /* kernel minor version */
    DWORD sv101_type;          /* SV_TYPE_WORKSTATION | SV_TYPE_SERVER_UNIX */
    LMSTR sv101_comment;       /* "Linux 6.1.0-18-amd64": uname's sysname and release */
} SERVER_INFO_101, *PSERVER_INFO_101, *LPSERVER_INFO_101;

typedef struct _SERVER_INFO_102 {
    DWORD sv102_platform_id;
    LMSTR sv102_name;
    DWORD sv102_version_major;
    DWORD sv102_version_minor;
    DWORD sv102_type;
    LMSTR sv102_comment;
    DWORD sv102_users;    /* accounts in the user database */
    LONG sv102_disc;      /* SV_NODISC: no automatic disconnection */
    BOOL sv102_hidden;    /* SV_VISIBLE */
    DWORD sv102_announce; /* 0: this machine makes no network announcements */
    DWORD sv102_anndelta; /* 0 */
    DWORD sv102_licenses; /* 0 */
    LMSTR sv102_userpath; /* "/" */
} SERVER_INFO_102, *PSERVER_INFO_102, *LPSERVER_INFO_102;

/* sv*_platform_id values: PLATFORM_ID_* in lmcons.h, as in the Windows SDK */

/* sv*_version_major carries the major version in its low 4 bits */
#define MAJOR_VERSION_MASK 0x0F

/* sv*_type bits */
#define SV_TYPE_WORKSTATION       0x00000001
#define SV_TYPE_SERVER            0x00000002
#define SV_TYPE_SQLSERVER         0x00000004
#define SV_TYPE_DOMAIN_CTRL       0x00000008
#define SV_TYPE_DOMAIN_BAKCTRL    0x00000010
#define SV_TYPE_TIME_SOURCE       0x00000020
#define SV_TYPE_AFP               0x00000040
#define SV_TYPE_NOVELL            0x00000080
#define SV_TYPE_DOMAIN_MEMBER     0x00000100
#define SV_TYPE_PRINTQ_SERVER     0x00000200
#define SV_TYPE_DIALIN_SERVER     0x00000400
#define SV_TYPE_XENIX_SERVER      0x00000800
#define SV_TYPE_SERVER_UNIX       SV_TYPE_XENIX_SERVER
#define SV_TYPE_NT                0x00001000
#define SV_TYPE_WFW               0x00002000
#define SV_TYPE_SERVER_MFPN       0x00004000
#define SV_TYPE_SERVER_NT         0x00008000
#define SV_TYPE_POTENTIAL_BROWSER 0x00010000
#define SV_TYPE_BACKUP_BROWSER    0x00020000
#define SV_TYPE_MASTER_BROWSER    0x00040000
#define SV_TYPE_DOMAIN_MASTER     0x00080000
#define SV_TYPE_LOCAL_LIST_ONLY   0x40000000
#define SV_TYPE_DOMAIN_ENUM       0x80000000
#define SV_TYPE_ALL               0xFFFFFFFF

/* sv102_disc and sv102_hidden values */
#define SV_NODISC  (-1)
#define SV_VISIBLE 0
#define SV_HIDDEN  1

/*
 * This machine's server information at level 100, 101 or 102.
 * servername: NULL, "", or this host's name (with or without a leading
 * "\\\\"); any other name gives ERROR_NOT_SUPPORTED.  NERR_Success and
 * *bufptr (one record, free it with NetApiBufferFree), or *bufptr NULL and:
 * 87 for a NULL bufptr, ERROR_INVALID_LEVEL, ERROR_NOT_SUPPORTED,
 * ERROR_NOT_ENOUGH_MEMORY, NERR_InternalError (a system database or call
 * failed).
 */
NET_API_STATUS NET_API_FUNCTION NetServerGetInfo(LMSTR servername, DWORD level, LPBYTE *bufptr);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMSERVER_H */
