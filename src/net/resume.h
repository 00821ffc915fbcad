/*
 * resume.h — resume handles that scale: paging an enumeration costs about
 * one walk of the database, not one walk per page.  Layer 5.
 *
 * The first page of a paged enumeration walks the whole database once into
 * a snapshot (a staged packer of "source" records, outside any
 * NetApiBuffer) and pages are cut from the snapshot.  Between calls the
 * snapshot waits in a small fixed table (NBI_RESUME_SLOTS entries, least
 * recently used evicted first), keyed by a token carried in the resume
 * handle:
 *
 *   32-bit handle (NetUserEnum):        token:8  | next index:24
 *   64-bit handle (PDWORD_PTR ones):    token:32 | next index:32
 *
 * The handle also carries the index of the next entry, so a handle whose
 * snapshot was evicted (too many enumerations abandoned half-way, or an
 * unrelated snapshot reused its slot) still works: the database is walked
 * again into a fresh snapshot and the enumeration continues at that index.
 * Memory is bounded by NBI_RESUME_SLOTS snapshots; an abandoned enumeration
 * costs nothing after it is evicted.  A snapshot is taken out of the table
 * while a call uses it, so two threads never share one; the table itself
 * is guarded by a mutex.
 */
#ifndef NBI_NET_RESUME_H
#define NBI_NET_RESUME_H

#include <stdint.h>

#include <lm.h>
#include <netapibuf.h>

#include "pack/pack.h"
#include "platform/platform.h"

#define NBI_RESUME_SLOTS 8

struct nbi_snapshot;

/* Fill `snapshot` (a packer for the kind's source layout, taking every
   entry) with one full walk of the database. */
typedef NET_API_STATUS (*nbi_snapshot_fill)(netapibuf_packer *snapshot, void *ctx);

/* What is being enumerated: one static object per enumeration kind (a
   kind whose source records are already a level's records, cut into pages
   as they are, is one kind per level). */
struct nbi_resume_kind {
    const struct nbi_layout *source; /* layout of the snapshot's records */
    nbi_snapshot_fill fill;
};

/*
 * Find the snapshot for (kind, key, handle) or build a new one, and take it
 * out of the table for this call.  key distinguishes enumerations of one
 * kind (a group name; NULL for none).  handle 0 starts afresh.  bits is the
 * handle's width, 32 or 64.  On NERR_Success *snapshot is set and *start is
 * the index to continue at (at most the count).  Otherwise the fill's or
 * allocator's status, and *snapshot NULL.
 */
NBI_INTERNAL NET_API_STATUS nbi_resume_acquire(const struct nbi_resume_kind *kind, const char *key,
                                               uint64_t handle, unsigned bits, void *ctx,
                                               struct nbi_snapshot **snapshot, DWORD *start);

NBI_INTERNAL DWORD nbi_snapshot_count(const struct nbi_snapshot *snapshot);

/* The staged source records themselves (a packer that keeps bounds, so
   pages can be cut from it: pack/pack.h). */
NBI_INTERNAL const netapibuf_packer *nbi_snapshot_packer(const struct nbi_snapshot *snapshot);

/* Entry i as a source record; its pointers stay valid while the caller
   holds the snapshot.  Entries read in order through one cursor (zeroed
   at the start) cost no search. */
NBI_INTERNAL void nbi_snapshot_get(const struct nbi_snapshot *snapshot, DWORD i, void *record,
                                   struct nbi_packer_cursor *cursor);

/*
 * Give the snapshot back after a call that delivered entries up to `next`.
 * If entries remain it goes back in the table and *handle receives the
 * value continuing at `next`; otherwise it is freed and *handle is 0.
 * NERR_Success, or NERR_InternalError when `next` does not fit the handle
 * (more than 2^24 entries with a 32-bit handle; the snapshot is freed).
 * snapshot NULL is ignored.
 */
NBI_INTERNAL NET_API_STATUS nbi_resume_release(struct nbi_snapshot *snapshot, DWORD next,
                                               unsigned bits, uint64_t *handle);

/* Drop every stored snapshot (tests; never needed for correctness). */
NBI_INTERNAL void nbi_resume_flush(void);

/* Snapshots currently stored (tests). */
NBI_INTERNAL unsigned nbi_resume_stored(void);

#endif /* NBI_NET_RESUME_H */
