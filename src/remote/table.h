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
 * *bufptr, *entriesread and *totalentries, the caller's resume handle
 * continuing it: ptr (a PDWORD_PTR) or dword (an LPDWORD, NetUserEnum and
 * NetShareEnum), at most one given, neither when the caller passed none
 * (net/paging.h, nbi_page_enum_resume); or a status, with nothing
 * returned.  The snapshot key is made of the server, the name and the
 * filter, so two enumerations never share one.
 */
NBI_INTERNAL NET_API_STATUS nbi_remote_enumerate(const struct nbi_remote_level *row,
                                                 const struct nbi_enum_args *args,
                                                 enum nbi_noun noun, DWORD prefmaxlen,
                                                 PDWORD_PTR ptr, LPDWORD dword, LPBYTE *bufptr,
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

/* ---- rows of the write functions (Add, SetInfo) ---------------------------------
 *
 * A write row says how one level of an Add or SetInfo function reaches the
 * server: through Samba's function of the same name at samba_level (the
 * caller's record as it is, or converted into Samba's record first), then,
 * where to_samr is set, the fields Samba's function cannot carry through
 * SAMR (samr_mgmt.h); or only through Samba's generated RPC stubs, where
 * libnetapi refuses the level (SAMR for accounts, SRVSVC for shares and
 * server settings: the function's file says which); or not at all, when the
 * protocol has no place for the level's data (ERROR_NOT_SUPPORTED).
 */
#define NBI_WRITE_NO_SAMBA ((DWORD)-1) /* samba_level: no call to Samba's function */

struct nbi_remote_write {
    DWORD level;       /* the caller's */
    int refused;       /* nonzero: ERROR_NOT_SUPPORTED */
    DWORD samba_level; /* the level Samba's function is called at, or NBI_WRITE_NO_SAMBA */
    size_t samba_size; /* with convert: Samba's record */
    /* Samba's record from ours; returns 0 when there is nothing to send
       (so only the SAMR step runs).  NULL: ours is Samba's. */
    int (*convert)(const void *ours, void *samba);
    /* The SAMR change from ours (a structure of the function's own file):
       NERR_Success or a status; NULL: no SAMR step. */
    NET_API_STATUS (*to_samr)(const void *ours, void *change);
};

/* The row for level, or NULL (ERROR_INVALID_LEVEL). */
NBI_INTERNAL const struct nbi_remote_write *
nbi_remote_write_row(const struct nbi_remote_write *rows, size_t count, DWORD level);

/* The largest Samba record a write row converts into. */
#define NBI_WRITE_RECORD_MAX 256

/* Samba's function takes the record as it is. */
#define NBI_WRITE_AS_IS(lvl) {lvl, 0, lvl, 0, NULL, NULL}
/* Samba's function at samba_lvl with the record convert_fn makes, then
   (to_samr_fn not NULL) SAMR. */
#define NBI_WRITE_CONVERT(lvl, samba_lvl, samba_type, convert_fn, to_samr_fn) \
    {lvl, 0, samba_lvl, sizeof(samba_type), convert_fn, to_samr_fn}
/* SAMR only. */
#define NBI_WRITE_BY_SAMR(lvl, to_samr_fn) {lvl, 0, NBI_WRITE_NO_SAMBA, 0, NULL, to_samr_fn}
/* Samba's generated stub only (the function's file makes the call). */
#define NBI_WRITE_BY_STUB(lvl) {lvl, 0, NBI_WRITE_NO_SAMBA, 0, NULL, NULL}
/* ERROR_NOT_SUPPORTED (the file says why). */
#define NBI_WRITE_NOT_CARRIED(lvl) {lvl, 1, NBI_WRITE_NO_SAMBA, 0, NULL, NULL}

#endif /* NBI_REMOTE_TABLE_H */
