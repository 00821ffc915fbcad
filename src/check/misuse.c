/* misuse.c — the misuse handler: default report, abort option, user hook. */
#include "check/misuse.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <lmerr.h>

#include "block/block.h"
#include "check/config.h"
#include "check/stats.h"

static nbi_mutex handler_lock = NBI_MUTEX_INIT;
static netapibuf_misuse_handler user_handler;
static void *user_context;

NBI_EXPORT const char *netapibuf_misuse_text(enum netapibuf_misuse_kind kind)
{
    switch (kind) {
    case NETAPIBUF_MISUSE_UNKNOWN_POINTER:
        return "not a live NetApiBuffer (never allocated here, or released and reused)";
    case NETAPIBUF_MISUSE_RELEASED_POINTER:
        return "buffer already released";
    case NETAPIBUF_MISUSE_INTERIOR_POINTER:
        return "pointer into the middle of a buffer";
    case NETAPIBUF_MISUSE_UNALIGNED_POINTER:
        return "misaligned pointer, cannot be a buffer";
    case NETAPIBUF_MISUSE_OVERRUN:
        return "bytes written past the end of the buffer";
    }
    return "unknown misuse";
}

static void default_handler(const struct netapibuf_misuse *report)
{
    fprintf(stderr, "netapibuf: %s(%p): %s", report->function, report->pointer,
            report->description);
    if (report->size)
        fprintf(stderr, " (buffer of %" PRIu64 " bytes)", report->size);
    fputs(nbi_config.abort_on_misuse ? "; aborting\n" : "\n", stderr);
    if (nbi_config.abort_on_misuse)
        abort();
}

NBI_EXPORT netapibuf_misuse_handler netapibuf_set_misuse_handler(netapibuf_misuse_handler handler,
                                                                 void *context)
{
    nbi_mutex_lock(&handler_lock);
    netapibuf_misuse_handler previous = user_handler;
    user_handler = handler;
    user_context = handler ? context : NULL;
    nbi_mutex_unlock(&handler_lock);
    return previous;
}

NET_API_STATUS nbi_misuse(const char *function, const void *pointer,
                          enum netapibuf_misuse_kind kind, uint64_t size)
{
    int saved_errno = errno;
    nbi_config_read(); /* the abort option; read already by the set-up */
    nbi_count_misuse();

    struct netapibuf_misuse report = {
        .function = function,
        .pointer = pointer,
        .kind = kind,
        .description = netapibuf_misuse_text(kind),
        .size = size,
    };
    nbi_mutex_lock(&handler_lock);
    netapibuf_misuse_handler handler = user_handler;
    void *context = user_context;
    nbi_mutex_unlock(&handler_lock);

    if (handler)
        handler(&report, context);
    else
        default_handler(&report);
    errno = saved_errno;
    return ERROR_INVALID_PARAMETER;
}

/*
 * Nonzero when a live buffer starting up to 4 KiB before p holds p.  Only
 * headers inside the page of p's own header are read: that page was just
 * read, so it is mapped.  A tag matches by chance with probability 2^-64.
 */
#define INTERIOR_REACH 4096u
static NBI_NO_ASAN int inside_live_buffer(const void *p)
{
    uintptr_t at = (uintptr_t)p;
    uintptr_t page = (at - NBI_HEADER_SIZE) & ~(uintptr_t)(nbi_page_size() - 1);
    for (uintptr_t start = at - 16; start >= page + NBI_HEADER_SIZE && at - start <= INTERIOR_REACH;
         start -= 16) {
        const void *candidate = (const void *)start;
        if (nbi_header_is_live(candidate) && at - start < nbi_header_size(candidate))
            return 1;
    }
    return 0;
}

enum netapibuf_misuse_kind nbi_classify_default(const void *pointer)
{
    if (!nbi_is_aligned(pointer))
        return NETAPIBUF_MISUSE_UNALIGNED_POINTER;
    if (nbi_header_is_released(pointer))
        return NETAPIBUF_MISUSE_RELEASED_POINTER;
    if (inside_live_buffer(pointer))
        return NETAPIBUF_MISUSE_INTERIOR_POINTER;
    return NETAPIBUF_MISUSE_UNKNOWN_POINTER;
}
