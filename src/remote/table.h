/*
 * table.h — layer 5, remote side: one table per function, one row per
 * level, and the two engines that carry any row.
 *
 * A row says how one level travels: our record (its packer layout), the
 * size of Samba's record and, where the two differ, how to turn Samba's
 * into ours; for an enumeration, how to ask Samba for one page.  The rest
 * is the same for every function and level, so it is written once here:
 *
 *   nbi_remote_pack_one   a Get*Info answer: one Samba record, re-packed
 *                         into ONE NetApiBuffer of ours;
 *   nbi_remote_enumerate  an Enum answer: every page Samba gives, in
 *                         whatever sizes the server pages, gathered into a
 *                         snapshot (net/resume.h), then cut into pages of
 *                         ours under prefmaxlen with our resume handle,
 *                         totalentries always known.  So
 *                         MAX_PREFERRED_LENGTH means everything in one
 *                         buffer even against a server that returns 1,024
 *                         entries a call, and a resume handle continues
 *                         correctly whatever thread calls next.
 *
 * Nothing Samba returned outlives the session: its buffers are re-packed
 * while the session holds them, and the sweep (sweep.h) frees the rest.
 */
#ifndef NBI_REMOTE_TABLE_H
#define NBI_REMOTE_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include <lm.h>
#include <netapibuf.h>

#include "net/resume.h"
#include "pack/pack.h"
#include "platform/platform.h"
#include "remote/session.h"
#include "remote/status.h"

/* What an enumeration was asked for. */
struct nbi_enum_args {
    const char *server; /* without the leading backslashes */
    const char *name;   /* the group or user enumerated, or NULL */
    DWORD level;
    DWORD filter;
};

/*
 * Ask Samba for one page: *resume is where to start (0: the beginning) and
 * receives where the next page starts.  Returns Samba's status: 0 for the
 * last page, ERROR_MORE_DATA when more follow, anything else a failure;
 * *buf and *count describe the page (records of the row's Samba size).
 */
typedef uint32_t (*nbi_samba_page_fn)(struct nbi_remote *r, const struct nbi_enum_args *a,
                                      uint32_t *resume, void **buf, uint32_t *count);

struct nbi_remote_level {
    DWORD level;
    const struct nbi_layout *layout;              /* our record, every member mapped */
    size_t samba_size;                            /* Samba's record: its arrays' stride */
    void (*convert)(const void *samba, void *ours); /* NULL: Samba's bytes are ours */
    nbi_samba_page_fn page;                       /* enumerations only */
    struct nbi_resume_kind kind;                  /* enumerations: {layout, nbi_remote_fill} */
};

/* The row for level, or NULL (ERROR_INVALID_LEVEL). */
NBI_INTERNAL const struct nbi_remote_level *nbi_remote_row(const struct nbi_remote_level *rows,
                                                           size_t count, DWORD level);

/* Samba's record (of row's Samba size) as one NetApiBuffer of ours. */
NBI_INTERNAL NET_API_STATUS nbi_remote_pack_one(const struct nbi_remote_level *row,
                                                const void *record, LPBYTE *bufptr);

/*
 * Add Samba's records[0 .. count) to p, converted where the row says.
 * NERR_Success, ERROR_MORE_DATA (p is full: the rest were not added),
 * ERROR_NOT_ENOUGH_MEMORY or ERROR_INVALID_PARAMETER (a malformed SID).
 */
NBI_INTERNAL NET_API_STATUS nbi_remote_add(netapibuf_packer *p, const struct nbi_remote_level *row,
                                           const void *records, DWORD count);

/* The snapshot fill every enumeration row's kind names (resume.h). */
NBI_INTERNAL NET_API_STATUS nbi_remote_fill(netapibuf_packer *snapshot, void *ctx);

/* What nbi_remote_fill is handed: the row, the arguments, the noun that
   decides what "not found" means. */
struct nbi_fill_ctx {
    const struct nbi_remote_level *row;
    const struct nbi_enum_args *args;
    enum nbi_noun noun;
};

/*
 * An enumeration at row's level: NERR_Success or ERROR_MORE_DATA with
 * *bufptr, *entriesread and *totalentries, *handle (bits wide: 32 or 64;
 * NULL when the caller passed none) continuing it; or a status, with
 * nothing returned.  The snapshot key is made of the server, the name and
 * the filter, so two enumerations never share one.
 */
NBI_INTERNAL NET_API_STATUS nbi_remote_enumerate(const struct nbi_remote_level *row,
                                                 const struct nbi_enum_args *args,
                                                 enum nbi_noun noun, DWORD prefmaxlen,
                                                 uint64_t *handle, unsigned bits, LPBYTE *bufptr,
                                                 LPDWORD entriesread, LPDWORD totalentries);

/* A Samba string in one of our records (the packer copies it; the const
   Samba gives it only says Samba's copy is not ours to change). */
static inline LMSTR nbi_samba_string(const char *s)
{
    return (LMSTR)(uintptr_t)s;
}

/* Rows with our record as Samba's: no conversion. */
#define NBI_ROW_SAME(lvl, type, page_fn) \
    {lvl, &nbi_layout_##type, sizeof(type), NULL, page_fn, {&nbi_layout_##type, nbi_remote_fill}}
/* Rows whose Samba record is samba_type, turned into type by convert_fn. */
#define NBI_ROW_CONVERT(lvl, type, samba_type, convert_fn, page_fn)                      \
    {lvl, &nbi_layout_##type, sizeof(samba_type), convert_fn, page_fn,                 \
     {&nbi_layout_##type, nbi_remote_fill}}

#endif /* NBI_REMOTE_TABLE_H */
