/*
 * pack.h — internal extras of the packer (pack.c), for layer-5 code that
 * keeps a staged packer as a snapshot and reads entries back from it.
 */
#ifndef NBI_PACK_H
#define NBI_PACK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <lmcons.h>
#include <netapibuf.h>

#include "platform/platform.h"

/* Where the last nbi_packer_get found its entry: the next call looks there
   first.  Start one zeroed per reader ({0, 0}). */
struct nbi_packer_cursor {
    size_t record_seg, data_seg;
};

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
 * fields in each record of a result, however the record was built (copied
 * by an add, or written in place through nbi_packer_slot or a window).  Layer-5
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
 * Copy staged entry i (i < netapibuf_packer_count; a staged packer only)
 * into *record, with its pointer fields pointing into the packer's staging
 * area.  Those pointers
 * stay valid until the next netapibuf_packer_add or the destroy.  Reading
 * entries in order through one cursor costs no search.
 */
NBI_INTERNAL void nbi_packer_get(const netapibuf_packer *packer, DWORD i, void *record,
                                 struct nbi_packer_cursor *cursor);

/*
 * netapibuf_packer_add for a caller that knows its strings' lengths:
 * sizes[i] is string field i's byte count with its NUL (its length + 1; not
 * read for a NULL field), in the order of the layout's string_offsets.
 * The packer copies sizes[i] - 1 bytes and writes the NUL itself, so a
 * field may point into a longer string (a part of GECOS) left untouched.
 * Saves measuring each string again.  Same statuses as the add.
 */
NBI_INTERNAL NET_API_STATUS nbi_packer_add_sized(netapibuf_packer *packer, const void *record,
                                                 const size_t *sizes);

/*
 * The packer's fastest way in, for a layout without blobs whose caller
 * writes each entry itself: room for one more entry with data_size bytes of
 * strings.  *record points at its record, every field of which is to be
 * written (the packer clears the padding between them), and *data at its data_size bytes; a pointer field
 * holds tag + k for the string at (*data)[k], or NULL (the packer turns
 * these into addresses when it finishes or is read back).  NERR_Success,
 * ERROR_MORE_DATA (the entry does not fit, as for the add) or 8, the packer
 * unchanged then.  nbi_packer_commit(packer, data_size) takes the entry;
 * nothing else may happen to the packer in between.
 */
NBI_INTERNAL NET_API_STATUS nbi_packer_slot(netapibuf_packer *packer, size_t data_size,
                                            unsigned char **record, unsigned char **data,
                                            uintptr_t *tag);
NBI_INTERNAL void nbi_packer_commit(netapibuf_packer *packer, size_t data_size);

/*
 * A window onto the room a packer that takes every entry
 * (MAX_PREFERRED_LENGTH, not staged) has left: entries written through it
 * cost no call, placed exactly as nbi_packer_slot would place them.  Open
 * it, then for each entry ask nbi_pack_window_entry for room; when there is
 * none (the window is empty until the packer has a buffer, and runs out when
 * the buffer would grow), close it, add the entry through nbi_packer_slot
 * and open the window again.  Close it before any other call on the packer:
 * the entries written through it count from then on.
 */
struct nbi_pack_window {
    unsigned char *record, *record_end; /* the next record; the end of the record room */
    unsigned char *data, *data_end;     /* the next data byte; the end of the data room */
    size_t record_size;
    size_t entries, data_bytes;         /* written through the window since it opened */
};

NBI_INTERNAL void nbi_packer_window_open(netapibuf_packer *packer, struct nbi_pack_window *w);
NBI_INTERNAL void nbi_packer_window_close(netapibuf_packer *packer, struct nbi_pack_window *w);

/* Room in the window for one entry with data_size bytes of strings: its
   record (write every field; the packer clears padding) and *data; a pointer field takes the address of
   its string (tag = (uintptr_t)*data).  NULL when the window has no room. */
static inline unsigned char *nbi_pack_window_entry(struct nbi_pack_window *w, size_t data_size,
                                                   unsigned char **data)
{
    if ((size_t)(w->record_end - w->record) < w->record_size ||
        (size_t)(w->data_end - w->data) < data_size)
        return NULL;
    unsigned char *record = w->record;
    *data = w->data;
    w->record += w->record_size;
    w->data += data_size;
    w->entries++;
    w->data_bytes += data_size;
    /* the lines the next entries will write, requested early (pack.c) */
    if ((size_t)(w->record_end - w->record) > 2048)
        __builtin_prefetch(w->record + 2048, 1, 3);
    if ((size_t)(w->data_end - w->data) > 2048)
        __builtin_prefetch(w->data + 2048, 1, 3);
    return record;
}

/* Write a string of size bytes, its NUL included, at `at`: its size - 1
   first bytes from s (which need not end there), then the NUL.  Account
   fields are mostly shorter than 33 bytes: those take two overlapping
   moves, not a call. */
static inline void nbi_pack_put_string(unsigned char *at, const char *s, size_t size)
{
    size_t len = size - 1;
    if (len > 16 && len <= 32) {
        uint64_t w[4];
        memcpy(&w[0], s, 16);
        memcpy(&w[2], s + len - 16, 16);
        memcpy(at, &w[0], 16);
        memcpy(at + len - 16, &w[2], 16);
    } else if (len >= 8 && len <= 16) {
        uint64_t head, tail;
        memcpy(&head, s, 8);
        memcpy(&tail, s + len - 8, 8);
        memcpy(at, &head, 8);
        memcpy(at + len - 8, &tail, 8);
    } else if (len >= 4 && len < 8) {
        uint32_t head, tail;
        memcpy(&head, s, 4);
        memcpy(&tail, s + len - 4, 4);
        memcpy(at, &head, 4);
        memcpy(at + len - 4, &tail, 4);
    } else if (len && len < 4) {
        at[0] = (unsigned char)s[0];
        at[len - 1] = (unsigned char)s[len - 1];
        at[len / 2] = (unsigned char)s[len / 2];
    } else if (len) {
        memcpy(at, s, len);
    }
    at[len] = '\0';
}

/*
 * Stage the packer's entries for reading back (nbi_packer_get) and cutting
 * into pages (nbi_packer_cut) instead of building the result in place:
 * records and data go to staging segments that never move, and each
 * entry's data start is remembered.  Call it right after
 * nbi_packer_create, before any add.  0, or 8 (the packer is
 * unchanged and still usable).
 */
NBI_INTERNAL NET_API_STATUS nbi_packer_stage(netapibuf_packer *packer);

/*
 * One page of a staged packer: a new NetApiBuffer with entries
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
