/*
 * pack.h — internal extras of the packer (pack.c), for layer-5 code that
 * keeps a staged packer as a snapshot and reads entries back from it.
 */
#ifndef NBI_PACK_H
#define NBI_PACK_H

#include <lmcons.h>
#include <netapibuf.h>

#include "platform/platform.h"

/* Where the last nbi_packer_get found its entry: the next call looks there
   first.  Start one zeroed per reader ({0, 0}). */
struct nbi_packer_cursor {
    size_t record_seg, data_seg;
};

/*
 * Copy staged entry i (i < netapibuf_packer_count) into *record, with its
 * pointer fields pointing into the packer's staging area.  Those pointers
 * stay valid until the next netapibuf_packer_add or the destroy.  Reading
 * entries in order through one cursor costs no search.
 */
NBI_INTERNAL void nbi_packer_get(const netapibuf_packer *packer, DWORD i, void *record,
                                 struct nbi_packer_cursor *cursor);

/*
 * Remember where each entry's data starts, so that nbi_packer_cut can copy
 * pages out of the packer.  Call it right after netapibuf_packer_create,
 * before any add.  0, or 8 (the packer is unchanged and still usable).
 */
NBI_INTERNAL NET_API_STATUS nbi_packer_keep_bounds(netapibuf_packer *packer);

/*
 * One page of a packer that keeps bounds: a new NetApiBuffer with entries
 * start, start + 1, ... as many as fit within prefmaxlen under the packer's
 * rules (the first always; MAX_PREFERRED_LENGTH: all), copied as they are
 * staged, without measuring any string again.  The page's data keeps the
 * staged layout, so it may begin with up to 15 zero bytes that keep blobs
 * aligned.  NERR_Success with *bufptr and *entriesread (NULL and 0 when
 * start is past the last entry), or 8 with *bufptr NULL.  The packer is
 * unchanged.
 */
NBI_INTERNAL NET_API_STATUS nbi_packer_cut(const netapibuf_packer *packer, DWORD start,
                                           DWORD prefmaxlen, LPBYTE *bufptr,
                                           LPDWORD entriesread);

/* Bytes the finished buffer would have now (records, padding, data). */
NBI_INTERNAL size_t nbi_packer_size(const netapibuf_packer *packer);

/* Give the stash of staging segments back to the system (tests, and the
   out-of-memory tests, which need every segment to come from malloc). */
NBI_INTERNAL void nbi_packer_stash_flush(void);

/* Bytes of segments in the stash now (at most 4 MiB). */
NBI_INTERNAL size_t nbi_packer_stash_bytes(void);

#endif /* NBI_PACK_H */
