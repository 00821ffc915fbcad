/*
 * netapibuf.h — netapibuf's own public additions to the Windows API:
 * version query, buffer statistics, the misuse handler, status text.
 *
 * Everything here carries the netapibuf_ / NETAPIBUF_ prefix; the Windows
 * names live in the lm*.h headers.
 */
#ifndef NETAPIBUF_NETAPIBUF_H
#define NETAPIBUF_NETAPIBUF_H

#include <stddef.h>
#include <stdint.h>
#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version ---------------------------------------------------------- */

#define NETAPIBUF_VERSION_MAJOR 1
#define NETAPIBUF_VERSION_MINOR 0
#define NETAPIBUF_VERSION_PATCH 0
#define NETAPIBUF_VERSION_STRING "1.0.0"
/* One number that compares: major * 10000 + minor * 100 + patch. */
#define NETAPIBUF_VERSION_NUMBER \
    (NETAPIBUF_VERSION_MAJOR * 10000 + NETAPIBUF_VERSION_MINOR * 100 + NETAPIBUF_VERSION_PATCH)

/* The version of the library actually loaded (may differ from the header's). */
const char *netapibuf_version(void);
int netapibuf_version_number(void);

/* ---- checking mode ------------------------------------------------------ */

/* Chosen once per process from NETAPIBUF_CHECK at the first call. */
enum netapibuf_check_mode {
    NETAPIBUF_CHECK_DEFAULT = 0, /* header + keyed tag on every buffer */
    NETAPIBUF_CHECK_STRICT = 1   /* + registry, tail canary, poison, leak report */
};
enum netapibuf_check_mode netapibuf_check_mode(void);

/* ---- statistics --------------------------------------------------------- */

/*
 * Process-wide counters.  They are kept per thread and summed when read,
 * so reading is exact for everything but peak_bytes, which is exact while
 * one thread allocates and frees, and an upper bound of the true peak when
 * several threads do.
 */
struct netapibuf_stats {
    uint64_t live_buffers;      /* allocated and not yet released */
    uint64_t live_bytes;        /* sum of their requested sizes */
    uint64_t peak_bytes;        /* highest live_bytes seen */
    uint64_t total_allocations; /* successful allocations, resizes that moved or grew
                                   from NULL included */
    uint64_t misuse_events;     /* calls rejected as misuse (section 3 of the spec) */
};

/* Fill *stats.  0 on success, 87 (ERROR_INVALID_PARAMETER) if stats is NULL. */
NET_API_STATUS netapibuf_get_stats(struct netapibuf_stats *stats);

/* ---- misuse reports ----------------------------------------------------- */

enum netapibuf_misuse_kind {
    NETAPIBUF_MISUSE_UNKNOWN_POINTER = 1,  /* never a NetApiBuffer, or its header is gone */
    NETAPIBUF_MISUSE_RELEASED_POINTER = 2, /* released already (double free, use after free) */
    NETAPIBUF_MISUSE_INTERIOR_POINTER = 3, /* points inside a live buffer, not at its start */
    NETAPIBUF_MISUSE_UNALIGNED_POINTER = 4,/* cannot be a buffer start: wrong alignment */
    NETAPIBUF_MISUSE_OVERRUN = 5           /* strict mode: bytes past the end were written */
};

/* What one rejected call was about; valid only during the handler call. */
struct netapibuf_misuse {
    const char *function;            /* "NetApiBufferFree", ... */
    const void *pointer;             /* the pointer the caller passed */
    enum netapibuf_misuse_kind kind; /* which check failed */
    const char *description;         /* kind as a short phrase */
    uint64_t size;                   /* buffer size when known (overrun), else 0 */
};

typedef void (*netapibuf_misuse_handler)(const struct netapibuf_misuse *report, void *context);

/*
 * Install a handler called once for every misuse, from the thread that made
 * the call, before the call returns 87.  NULL restores the default handler,
 * which writes one line starting with "netapibuf:" to stderr (and aborts when
 * NETAPIBUF_ON_MISUSE=abort).  Returns the previous handler (NULL if it was
 * the default).  The handler may not call netapibuf functions that misuse.
 */
netapibuf_misuse_handler netapibuf_set_misuse_handler(netapibuf_misuse_handler handler,
                                                      void *context);

/* A short English phrase for a kind ("released pointer", ...). */
const char *netapibuf_misuse_text(enum netapibuf_misuse_kind kind);

/* ---- status text -------------------------------------------------------- */

/*
 * A short English description of any status a netapibuf function returns
 * ("The parameter is incorrect." for 87, ...).  Never NULL: unknown values
 * give "Unknown status".
 */
const char *netapibuf_status_text(NET_API_STATUS status);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_NETAPIBUF_H */
