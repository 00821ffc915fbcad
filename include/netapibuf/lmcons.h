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
typedef char *LPSTR, *LMSTR;
typedef const char *LPCSTR;
typedef int BOOL;
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
#define MAXCOMMENTSZ 256

/* wki*_platform_id and sv*_platform_id values (NetWkstaGetInfo,
   NetServerGetInfo); netapibuf reports PLATFORM_ID_NT, as Samba does. */
#define PLATFORM_ID_DOS 300
#define PLATFORM_ID_OS2 400
#define PLATFORM_ID_NT  500
#define PLATFORM_ID_OSF 600
#define PLATFORM_ID_VMS 700

#endif /* NETAPIBUF_LMCONS_H */
