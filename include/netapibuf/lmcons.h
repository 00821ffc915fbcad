/*
 * lmcons.h — LAN Manager constants and the Windows base types netapibuf uses.
 *
 * On Windows these types come from <windows.h>; on Linux this header defines
 * them with fixed widths (DWORD is 32 bits, never `unsigned long`, which is
 * 64 bits here), so code written against the Windows SDK keeps its meaning.
 */
#ifndef NETAPIBUF_LMCONS_H
#define NETAPIBUF_LMCONS_H

#include <stdint.h>

#ifndef NETAPIBUF_WINDOWS_TYPES
#define NETAPIBUF_WINDOWS_TYPES
typedef uint32_t DWORD;
typedef DWORD *PDWORD, *LPDWORD;
typedef uintptr_t DWORD_PTR;
typedef DWORD_PTR *PDWORD_PTR;
typedef int32_t LONG;
typedef uint8_t BYTE;
typedef BYTE *PBYTE, *LPBYTE;
typedef void *PVOID, *LPVOID;
typedef char *LPSTR;
typedef const char *LPCSTR;
typedef int BOOL;
typedef BYTE BOOLEAN; /* winnt.h's one-byte boolean */
#endif

/*
 * LMSTR is the type of every string field of the lm*.h structures.  It is
 * `char *` (UTF-8), except when NETAPIBUF_SAMBA_COMPAT is defined before the
 * first include: then it is `const char *`, as the fields of Samba's
 * libnetapi structures are, so that programs written for Samba (which assign
 * string literals to them) compile unchanged.  The layout is the same either
 * way (netapibuf itself is built without the macro).
 */
#ifndef NETAPIBUF_LMSTR
#define NETAPIBUF_LMSTR
#ifdef NETAPIBUF_SAMBA_COMPAT
typedef const char *LMSTR;
#else
typedef char *LMSTR;
#endif
typedef const char *LMCSTR;
#endif

/*
 * A GUID in Windows' layout: 16 bytes, 4-byte aligned (Samba's struct GUID
 * has the same layout under other field names).  Skipped when a Windows
 * compatibility layer has already defined it (GUID_DEFINED).
 */
#if !defined(NETAPIBUF_GUID) && !defined(GUID_DEFINED)
#define NETAPIBUF_GUID
#define GUID_DEFINED
typedef struct GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID, *PGUID, *LPGUID;
#endif

/* Every Net* function returns one of the NERR_* / ERROR_* values of lmerr.h. */
typedef DWORD NET_API_STATUS;
typedef NET_API_STATUS API_RET_TYPE;

/* The calling-convention marker of the Windows SDK; empty on Linux. */
#ifndef NET_API_FUNCTION
#define NET_API_FUNCTION
#endif

/* prefmaxlen value meaning "return everything in one buffer". */
#define MAX_PREFERRED_LENGTH ((DWORD)-1)

/* Name length limits of the Windows SDK (in characters, without the NUL). */
#define CNLEN   15   /* computer name */
#define LM20_CNLEN 15
#define DNLEN   CNLEN /* domain name */
#define UNLEN   256  /* user name */
#define GNLEN   UNLEN /* group name */
#define PWLEN   256  /* password */
#define LM20_PWLEN 14
#define NNLEN   80   /* share (net) name */
#define PATHLEN 256
#define MAXCOMMENTSZ 256
#define ENCRYPTED_PWLEN 16 /* a one-way encrypted (OWF) password, in bytes */

/* NetXxxSetInfo: *parm_err is PARM_ERROR_NONE, PARM_ERROR_UNKNOWN or the
   *_PARMNUM of the offending field; level PARMNUM_BASE_INFOLEVEL + n sets
   the one field whose parmnum is n (USER_INFO_1003 = USER_PASSWORD_PARMNUM). */
#define PARMNUM_ALL            0
#define PARM_ERROR_NONE        0
#define PARM_ERROR_UNKNOWN     ((DWORD)-1)
#define PARMNUM_BASE_INFOLEVEL 1000

/* wki*_platform_id and sv*_platform_id values (NetWkstaGetInfo,
   NetServerGetInfo); netapibuf reports PLATFORM_ID_NT, as Samba does. */
#define PLATFORM_ID_DOS 300
#define PLATFORM_ID_OS2 400
#define PLATFORM_ID_NT  500
#define PLATFORM_ID_OSF 600
#define PLATFORM_ID_VMS 700

#endif /* NETAPIBUF_LMCONS_H */
