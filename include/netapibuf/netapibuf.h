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
    uint64_t total_allocations; /* buffers made: allocations (Reallocate from NULL
                                   included) and resizes that moved (the old buffer
                                   then counts as released); not resizes in place */
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


/* ---- remote servers ------------------------------------------------------ */

/*
 * The Net* functions answer for another machine (a server name that is not
 * this host's) through Samba's client library, libnetapi.so.1, loaded at
 * the first such call (Debian package samba-libs; without it a remote call
 * returns ERROR_MOD_NOT_FOUND, whose netapibuf_status_text names the
 * package).  Every result is one NetApiBuffer, as for this machine.
 *
 * The credentials remote calls log on with, for the whole process.  domain
 * may be NULL (the server's own); user NULL, with domain and password NULL
 * too, means anonymous, or the Kerberos ticket cache when Kerberos is on.
 * The strings are copied; a password is never logged or printed, and every
 * copy the library holds is wiped from memory when it is replaced.  The
 * next remote call logs on anew with them (connections made with the
 * previous credentials are closed).
 *   0    set;
 *   87   a domain or password without a user;
 *   8    out of memory (the previous credentials stay).
 */
NET_API_STATUS netapibuf_set_credentials(const char *domain, const char *user,
                                         const char *password);

/* Use Kerberos for remote logons (nonzero) or not (0, the default): with a
   user and password, a ticket is obtained with them; without, the ticket
   cache (KRB5CCNAME) is used.  Always 0. */
NET_API_STATUS netapibuf_set_use_kerberos(int use_kerberos);

/* Whether Kerberos is on (netapibuf_set_use_kerberos). */
int netapibuf_get_use_kerberos(void);

/* ---- packed results ------------------------------------------------------ */

/*
 * The packer builds what a network management function returns: ONE
 * NetApiBuffer holding an array of fixed-size records at the front and every
 * string or byte blob those records point to after it, so the caller frees
 * the whole answer with one NetApiBufferFree (docs/behaviour.md section 4).
 *
 *   buf ─► ┌──────────┬──────────┬─────┬──────────┬─pad─┬─────────────────────┐
 *          │ record 0 │ record 1 │ ... │ record n │     │ strings and blobs   │
 *          └──────────┴──────────┴─────┴──────────┴─────┴─────────────────────┘
 *          └── n * layout->size, aligned for the record ──┘└─ starts 16-aligned
 *
 * Describe the record once (its size, alignment, and where its pointer
 * fields are), then hand the packer "source" records: records of that very
 * type whose pointer fields point at your own strings and blobs.  The packer
 * copies the record and its data into staging, and at the end allocates the
 * buffer once, copies, and points every pointer field into the buffer.
 *
 *   static const size_t strs[] = { offsetof(USER_INFO_10, usri10_name), ... };
 *   static const struct netapibuf_record_layout layout =
 *       { sizeof(USER_INFO_10), alignof(USER_INFO_10), 4, strs, 0, NULL };
 *   netapibuf_packer *p;
 *   if ((st = netapibuf_packer_create(&layout, prefmaxlen, &p)) != 0) return st;
 *   while (next_entry(&src)) {                    // src: a USER_INFO_10
 *       st = netapibuf_packer_add(p, &src);       // copies src's strings
 *       if (st == ERROR_MORE_DATA) { more = 1; break; }   // page full
 *       if (st != 0) { netapibuf_packer_destroy(p); return st; }
 *   }
 *   st = netapibuf_packer_finish(p, bufptr, entriesread);  // consumes p
 *
 * prefmaxlen rules: MAX_PREFERRED_LENGTH takes every entry.  Otherwise an
 * entry is taken only if the whole buffer (records, padding and data) still
 * fits in prefmaxlen bytes, except that the first entry is always taken, so
 * a paging loop makes progress whatever prefmaxlen it passes.  Once an entry
 * has been refused the packer is full and refuses every later one too (whole
 * entries, in order, no gaps).
 *
 * Identical strings within one result are usually stored once: a small
 * fixed-size cache of recently stored strings is consulted while staging,
 * so repeated strings (empty strings, a domain prefix) share bytes, while
 * a rare collision just stores a copy.  Two string fields may therefore
 * point at the same bytes; never write through them.  Blobs are never
 * shared.  A NULL pointer field stays NULL; every other one points inside
 * [buf, buf + NetApiBufferSize(buf)), a non-NULL blob of 0 bytes at one zero
 * byte of its own.  Records are copied as they are, padding included: build
 * source records from zeroed memory if their padding matters (the library's
 * own functions return no byte the library did not write).
 */

/* A pointer field to a byte blob: its length is a DWORD field of the same
   record, or follows from the blob itself (a SID), or is fixed (logon
   hours). */
struct netapibuf_blob_field {
    size_t pointer_offset; /* offsetof the pointer field */
    size_t length_offset;  /* offsetof the DWORD holding the blob's byte count,
                              or NETAPIBUF_LENGTH_SID, or NETAPIBUF_LENGTH_FIXED(n) */
    size_t align;          /* alignment the blob needs: 1, 2, 4, 8 or 16 */
};

/* length_offset for a Windows binary SID: 8 + 4 * SubAuthorityCount bytes,
   the count read from the SID's second byte (at most 15). */
#define NETAPIBUF_LENGTH_SID ((size_t)-1)
/* length_offset for a blob of always n bytes, 0 <= n <= 65535 (logon hours
   are 21). */
#define NETAPIBUF_LENGTH_FIXED(n) ((size_t)-2 - (size_t)(n))

/* What the packer needs to know about a record type.  The packer copies the
   layout when it is created: the arrays need only outlive that call. */
struct netapibuf_record_layout {
    size_t size;                /* sizeof the record, > 0 */
    size_t align;               /* alignof the record: a power of two <= 16 */
    size_t string_count;        /* number of char * fields (NUL-terminated strings) */
    const size_t *string_offsets; /* offsetof each char * field */
    size_t blob_count;          /* number of blob fields */
    const struct netapibuf_blob_field *blobs;
};

/* At most this many string plus blob fields per record. */
#define NETAPIBUF_PACK_MAX_FIELDS 32

typedef struct netapibuf_packer netapibuf_packer;

/*
 * Start a result.  0 and *packer set; 87 if layout or packer is NULL or the
 * layout is invalid: size 0, an alignment that is not a power of two up to
 * 16 or does not divide the size, a field outside the record or misaligned
 * (pointers to 8, blob lengths to 4), two fields sharing a byte, pointer
 * fields in a record aligned below 8, more than NETAPIBUF_PACK_MAX_FIELDS
 * fields; 8 if out of memory.  On error *packer is NULL (when packer is not
 * NULL).
 */
NET_API_STATUS netapibuf_packer_create(const struct netapibuf_record_layout *layout,
                                       DWORD prefmaxlen, netapibuf_packer **packer);

/*
 * Offer the next entry: a source record whose pointer fields point at the
 * caller's data, which is copied (the caller may reuse it at once).
 *   0                the entry was taken;
 *   ERROR_MORE_DATA  it does not fit in prefmaxlen: not taken, the packer is
 *                    full and the caller should stop and finish;
 *   8                out of memory: not taken, the packer unchanged;
 *   87               packer or record is NULL, or a SID blob claims more
 *                    than 15 sub-authorities: not taken, the packer unchanged.
 */
NET_API_STATUS netapibuf_packer_add(netapibuf_packer *packer, const void *record);

/* Entries taken so far (0 for NULL). */
DWORD netapibuf_packer_count(const netapibuf_packer *packer);

/*
 * Produce the buffer and release the packer (in every case, error or not).
 *   0   *bufptr = the NetApiBuffer and *entriesread = entries in it; with no
 *       entry taken *bufptr is NULL and *entriesread 0 (nothing to free);
 *   8   out of memory: *bufptr NULL, *entriesread 0, nothing leaked;
 *   87  a NULL argument: *bufptr NULL / *entriesread 0 where not NULL.
 */
NET_API_STATUS netapibuf_packer_finish(netapibuf_packer *packer, LPBYTE *bufptr,
                                       LPDWORD entriesread);

/* Abandon a packer without producing a buffer.  NULL is ignored. */
void netapibuf_packer_destroy(netapibuf_packer *packer);

/*
 * One call for records already in an array: pack records[0 .. count) under
 * the prefmaxlen rules.  0 when all count entries are in *bufptr,
 * ERROR_MORE_DATA when only the first *entriesread are (continue with
 * records + *entriesread), otherwise an error as for the calls above with
 * *bufptr NULL and *entriesread 0.  count 0 gives 0 and a NULL *bufptr.
 */
NET_API_STATUS netapibuf_pack(const struct netapibuf_record_layout *layout, const void *records,
                              DWORD count, DWORD prefmaxlen, LPBYTE *bufptr,
                              LPDWORD entriesread);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_NETAPIBUF_H */
