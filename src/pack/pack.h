/*
 * pack.h — internal extras of the packer (pack.c), for layer-5 code that
 * keeps a staged packer as a snapshot and reads entries back from it.
 */
#ifndef NBI_PACK_H
#define NBI_PACK_H

#include <lmcons.h>
#include <netapibuf.h>

#include "platform/platform.h"

/*
 * Copy staged entry i (i < netapibuf_packer_count) into *record, with its
 * pointer fields pointing into the packer's staging area.  Those pointers
 * stay valid until the next netapibuf_packer_add or the destroy.
 */
NBI_INTERNAL void nbi_packer_get(const netapibuf_packer *packer, DWORD i, void *record);

/* Bytes the finished buffer would have now (records, padding, data). */
NBI_INTERNAL size_t nbi_packer_size(const netapibuf_packer *packer);

/* Give the stash of staging segments back to the system (tests, and the
   out-of-memory tests, which need every segment to come from malloc). */
NBI_INTERNAL void nbi_packer_stash_flush(void);

/* Bytes of segments in the stash now (at most 4 MiB). */
NBI_INTERNAL size_t nbi_packer_stash_bytes(void);

#endif /* NBI_PACK_H */
