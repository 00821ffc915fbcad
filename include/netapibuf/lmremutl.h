/*
 * lmremutl.h — remote utility functions: NetRemoteTOD, the time of day, with
 * the Windows structure and field names.  The result is one NetApiBuffer:
 * free it with one NetApiBufferFree.
 */
#ifndef NETAPIBUF_LMREMUTL_H
#define NETAPIBUF_LMREMUTL_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The time fields are UTC, as on Windows; tod_timezone converts to local time. */
typedef struct TIME_OF_DAY_INFO {
    DWORD tod_elapsedt;  /* seconds since 1970-01-01 00:00:00 UTC */
    DWORD tod_msecs;     /* milliseconds since boot (wraps after 49.7 days) */
    DWORD tod_hours;     /* 0-23 */
    DWORD tod_mins;      /* 0-59 */
    DWORD tod_secs;      /* 0-59 */
    DWORD tod_hunds;     /* hundredths of a second, 0-99 */
    LONG tod_timezone;   /* minutes WEST of UTC (UTC+1 gives -60); -1 if unknown */
    DWORD tod_tinterval; /* clock tick in 0.0001 s units: 310, as Windows reports */
    DWORD tod_day;       /* 1-31 */
    DWORD tod_month;     /* 1-12 */
    DWORD tod_year;      /* e.g. 2026 */
    DWORD tod_weekday;   /* 0 = Sunday ... 6 = Saturday */
} TIME_OF_DAY_INFO, *PTIME_OF_DAY_INFO, *LPTIME_OF_DAY_INFO;

/*
 * The time of day of this machine (its clock and time zone) or of a server.
 * UncServerName: as servername in lmserver.h: this machine, a server, or
 * ERROR_INVALID_NAME.  NERR_Success and *BufferPtr (one TIME_OF_DAY_INFO,
 * free it with NetApiBufferFree), or *BufferPtr NULL and: 87 for a NULL
 * BufferPtr, ERROR_INVALID_NAME, ERROR_NOT_ENOUGH_MEMORY,
 * NERR_InternalError (the clock could not be read).
 * Against a server also: ERROR_BAD_NETPATH (it does not resolve or does
 * not answer), ERROR_LOGON_FAILURE, ERROR_ACCESS_DENIED, ERROR_MOD_NOT_FOUND
 * (Samba's client library is not installed).
 */
NET_API_STATUS NET_API_FUNCTION NetRemoteTOD(LPCSTR UncServerName, LPBYTE *BufferPtr);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMREMUTL_H */
