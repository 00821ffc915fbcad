/*
 * pack.h — internal extras of the packer (pack.c), for layer-5 code that
 * keeps a staged packer as a snapshot and reads entries back from it.
 */
#ifndef NBI_PACK_H
#define NBI_PACK_H

#include <stddef.h>

#include <lmcons.h>
#include <netapibuf.h>

#include "platform/platform.h"

/*
 * Field maps: every byte of a result is a string or blob byte, a byte of a
 * record field the caller set, or zero.
 *
 * The packer copies a source record as a block of bytes, and a record
 * built on the stack has padding the compiler never initialised (between
 * a DWORD and the pointer after it, say): copied as it is, a result would
 * carry stale stack bytes to the caller (docs/behaviour.md section 5).  The packer
 * cannot tell padding from a field the caller filled unless it is told
 * where every field is.  So the library's own functions describe each
 * record with an nbi_layout: the public layout plus a map of every member
 * of the record (NBI_FIELD), and the packer zeroes every byte between
 * fields in each staged record, however the record was built.  Layer-5
 * code creates its packers only with nbi_packer_create / nbi_pack
 * (tests/layers.sh fails the suite otherwise), and tests/test_uninit.c
 * checks every function and level with the stack and heap dirtied first.
 * The public netapibuf_packer_create keeps copying records whole: a
 * program's records are its own bytes.
 */
struct nbi_field {
    size_t offset, size;
};
#define NBI_FIELD(type, member) {offsetof(type, member), sizeof(((type *)0)->member)}
#define NBI_PACK_MAX_MAP 64 /* fields in a map, at most */
/* The count and the array of a field map, for an nbi_layout initializer. */
#define NBI_FIELDS(array) (sizeof(array) / sizeof((array)[0])), (array)

struct nbi_layout {
    struct netapibuf_record_layout record; /* pointer fields, as for the public API */
    size_t field_count;                    /* every member of the record */
    const struct nbi_field *fields;
};

/* netapibuf_packer_create and netapibuf_pack for a layout with a field
   map; 87 also when the map is invalid (a field outside the record, two
   fields overlapping, a pointer or length field of the layout missing). */
NBI_INTERNAL NET_API_STATUS nbi_packer_create(const struct nbi_layout *layout, DWORD prefmaxlen,
                                              netapibuf_packer **packer);
NBI_INTERNAL NET_API_STATUS nbi_pack(const struct nbi_layout *layout, const void *records,
                                     DWORD count, DWORD prefmaxlen, LPBYTE *bufptr,
                                     LPDWORD entriesread);

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
