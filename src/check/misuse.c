/* misuse.c — the misuse handler: default report, abort option, user hook. */
#include "check/misuse.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lmerr.h>

#include "block/block.h"
#include "check/config.h"
#include "check/stats.h"
#include "platform/locks.h"

NBI_MUTEX(handler_lock, NBI_RANK_MISUSE_HANDLER)
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
 * Default mode's classification of a pointer that failed the live check.
 *
 * The memory in front of such a pointer is not known to be ours: it may be
 * the program's, written by another thread at this very moment (the start
 * of a live buffer, when the pointer is interior to it).  Loading it would
 * be a data race, undefined behaviour even if the answer came out right,
 * and ThreadSanitizer would report the library.  So the window in front of
 * the pointer (its would-be header, and the headers of buffers that start
 * up to INTERIOR_REACH bytes before it) is copied by the kernel
 * (nbi_read_foreign: no load of this thread touches it) and classified
 * from the copy.  The copy stops at an unreadable page, so the search also
 * crosses page boundaries without the risk of a fault.  A tag matches by
 * chance with probability 2^-64.
 *
 * Where the system refuses the copy (a seccomp filter), the header in front
 * of the pointer, which the live check has just read, is read again, and
 * interior pointers are reported as unknown.
 *
 * released_lately: the pointer is in the table of released blocks whose
 * pages may be gone (block/unmapped.h), so its header was not read and is
 * not read now except through the kernel.  Such an address may since have
 * come to lie inside a newer buffer (the table forgets an address only when
 * a buffer starts there): found inside one, it is reported as interior;
 * otherwise as the table says, released.
 */
#define INTERIOR_REACH 4096u
#define WINDOW (INTERIOR_REACH + NBI_HEADER_SIZE)

/* Copy the readable top of [from, to) into window (window[0] is `from`),
   page by page downwards; the lowest address copied (to: nothing). */
static uintptr_t copy_window(unsigned char *window, uintptr_t from, uintptr_t to)
{
    uintptr_t page = nbi_page_size();
    uintptr_t low = to;
    while (low > from) {
        uintptr_t start = (low - 1) & ~(page - 1);
        if (start < from)
            start = from;
        size_t n = (size_t)(low - start);
        if (nbi_read_foreign(window + (start - from), (const void *)start, n) != n)
            break;
        low = start;
    }
    return low;
}

/* The header copied for a buffer that would start at user. */
static struct nbi_header copied_header(const unsigned char *window, uintptr_t from, uintptr_t user)
{
    struct nbi_header h;
    memcpy(&h, window + (user - NBI_HEADER_SIZE - from), sizeof h);
    return h;
}

enum netapibuf_misuse_kind nbi_classify_default(const void *pointer, int released_lately)
{
    if (!nbi_is_aligned(pointer))
        return NETAPIBUF_MISUSE_UNALIGNED_POINTER;
    enum netapibuf_misuse_kind otherwise = released_lately ? NETAPIBUF_MISUSE_RELEASED_POINTER
                                                           : NETAPIBUF_MISUSE_UNKNOWN_POINTER;
    uintptr_t at = (uintptr_t)pointer;
    if (at < NBI_HEADER_SIZE)
        return otherwise;
    unsigned char window[WINDOW];
    uintptr_t from = at > WINDOW ? at - WINDOW : 0;
    uintptr_t low = copy_window(window, from, at);
    if (low > at - NBI_HEADER_SIZE) { /* no copy: only what the live check read */
        if (released_lately || nbi_header_is_released(pointer))
            return NETAPIBUF_MISUSE_RELEASED_POINTER;
        return NETAPIBUF_MISUSE_UNKNOWN_POINTER;
    }
    struct nbi_header own = copied_header(window, from, at);
    if (own.tag == nbi_tag_released(pointer, own.word))
        return NETAPIBUF_MISUSE_RELEASED_POINTER;
    for (uintptr_t start = at - 16; start >= low + NBI_HEADER_SIZE && start > 0; start -= 16) {
        struct nbi_header h = copied_header(window, from, start);
        if (h.tag == nbi_tag_live((const void *)start, h.word) && at - start < nbi_word_size(h.word))
            return NETAPIBUF_MISUSE_INTERIOR_POINTER;
    }
    return otherwise;
}
