/*
 * misuse.h — layer 2: reporting a rejected call through the one
 * overridable hook (netapibuf_set_misuse_handler).
 */
#ifndef NBI_MISUSE_H
#define NBI_MISUSE_H

#include <lmcons.h>
#include <netapibuf.h>

#include "platform/platform.h"

/*
 * Count the misuse, call the handler once, and return
 * ERROR_INVALID_PARAMETER for the caller to return.  size is the buffer's
 * size when it is known (an overrun), else 0.  Preserves errno.
 */
NBI_INTERNAL NET_API_STATUS nbi_misuse(const char *function, const void *pointer,
                                       enum netapibuf_misuse_kind kind, uint64_t size);

/* Classify a pointer that failed the default-mode live check, or
   (released_lately) that the table of unmapped releases holds; misuse.c. */
NBI_INTERNAL enum netapibuf_misuse_kind nbi_classify_default(const void *pointer,
                                                             int released_lately);

#endif /* NBI_MISUSE_H */
