/*
 * lmerr.h — the status values netapibuf functions return.
 *
 * Values are Windows' own (winerror.h and lmerr.h), so a status printed on
 * Linux means the same as on Windows.  netapibuf_status_text() in
 * <netapibuf.h> turns any of them into text.
 */
#ifndef NETAPIBUF_LMERR_H
#define NETAPIBUF_LMERR_H

#define NERR_Success              0

/* winerror.h values used by the network management API (each guarded, in
 * case a Windows compatibility layer defined it first) */
#ifndef ERROR_ACCESS_DENIED
#define ERROR_ACCESS_DENIED       5
#endif
#ifndef ERROR_NOT_ENOUGH_MEMORY
#define ERROR_NOT_ENOUGH_MEMORY   8
#endif
#ifndef ERROR_NOT_SUPPORTED
#define ERROR_NOT_SUPPORTED       50
#endif
#ifndef ERROR_INVALID_PARAMETER
#define ERROR_INVALID_PARAMETER   87
#endif
#ifndef ERROR_INVALID_NAME
#define ERROR_INVALID_NAME        123
#endif
#ifndef ERROR_INVALID_LEVEL
#define ERROR_INVALID_LEVEL       124
#endif
#ifndef ERROR_MORE_DATA
#define ERROR_MORE_DATA           234
#endif

#define NERR_BASE                 2100
#define NERR_BufTooSmall          (NERR_BASE + 23)   /* 2123 */
#define NERR_InternalError        (NERR_BASE + 40)   /* 2140 */
#define NERR_GroupNotFound        (NERR_BASE + 120)  /* 2220 */
#define NERR_UserNotFound         (NERR_BASE + 121)  /* 2221 */
#define NERR_InvalidComputer      (NERR_BASE + 251)  /* 2351 */
#define MAX_NERR                  (NERR_BASE + 899)

#endif /* NETAPIBUF_LMERR_H */
