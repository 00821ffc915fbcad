/*
 * lmapibuf.h — the ApiBuffer memory functions of the Windows network
 * management API.
 *
 * Every buffer a Net* function returns is a NetApiBuffer and is released
 * with one NetApiBufferFree.  All four functions are thread-safe, leave
 * errno as it was, and never write an out-parameter on a failure unless
 * said below.  Status values are in lmerr.h.
 */
#ifndef NETAPIBUF_LMAPIBUF_H
#define NETAPIBUF_LMAPIBUF_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Allocate ByteCount bytes (0 allowed), aligned for any type, not zeroed.
 *   0   *Buffer = the new buffer (unique and non-NULL even for 0 bytes)
 *   8   no memory: *Buffer = NULL
 *   87  Buffer is NULL: nothing allocated, nothing written
 */
NET_API_STATUS NET_API_FUNCTION NetApiBufferAllocate(DWORD ByteCount, LPVOID *Buffer);

/*
 * Release a buffer.  NULL is accepted (0).  A pointer that is not a live
 * NetApiBuffer (released already, interior, from malloc, ...) gives 87,
 * releases nothing and is reported to the misuse handler (<netapibuf.h>).
 */
NET_API_STATUS NET_API_FUNCTION NetApiBufferFree(LPVOID Buffer);

/*
 * Resize OldBuffer to NewByteCount bytes, keeping the first
 * min(old, new) bytes.  OldBuffer NULL allocates; NewByteCount 0 releases
 * OldBuffer and sets *NewBuffer = NULL.
 *   0   *NewBuffer = the resized buffer (OldBuffer is invalid unless equal)
 *   8   no memory: OldBuffer still valid and unchanged, *NewBuffer unchanged
 *   87  NewBuffer NULL, or OldBuffer not a live buffer: nothing changed
 */
NET_API_STATUS NET_API_FUNCTION NetApiBufferReallocate(LPVOID OldBuffer, DWORD NewByteCount,
                                                       LPVOID *NewBuffer);

/*
 * The exact byte count last requested for Buffer.
 *   0   *ByteCount = that size
 *   87  Buffer or ByteCount NULL, or Buffer not live: *ByteCount untouched
 */
NET_API_STATUS NET_API_FUNCTION NetApiBufferSize(LPVOID Buffer, LPDWORD ByteCount);

/* The internal name Windows and Wine also export; identical to NetApiBufferAllocate. */
NET_API_STATUS NET_API_FUNCTION NetapipBufferAllocate(DWORD ByteCount, LPVOID *Buffer);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMAPIBUF_H */
