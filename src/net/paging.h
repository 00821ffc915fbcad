/*
 * paging.h — one page of an enumeration, for every enumeration with a
 * resume handle (docs/behaviour.md section 4): the database is read into a snapshot of
 * "source" records (resume.h) and the page is cut from it, each source
 * record turned into the level's record by a convert function.  Layer 5.
 */
#ifndef NBI_NET_PAGING_H
#define NBI_NET_PAGING_H

#include <stdint.h>

#include <lm.h>
#include <netapibuf.h>

#include "pack/pack.h"
#include "platform/platform.h"
#include "net/resume.h"

/* Largest source or level record a page can convert (bytes): USER_INFO_4
   is 176 on LP64. */
#define NBI_PAGE_RECORD_MAX 256

/* Write the level's record for one source record. */
typedef void (*nbi_page_convert)(DWORD level, const void *source, void *record);

struct nbi_page_spec {
    const struct nbi_resume_kind *kind;           /* source layout and database walk */
    const char *key;                              /* which enumeration of the kind, or NULL */
    void *ctx;                                    /* handed to kind->fill */
    DWORD level;                                  /* handed to convert */
    const struct nbi_layout *layout;              /* the level's record, every field mapped */
    nbi_page_convert convert; /* NULL: the kind's source records are the level's
                                 (layout == kind->source), cut as they are */
};

/*
 * Deliver the page that starts at the caller's resume handle (0: the
 * first), which is one of the two widths Windows declares: ptr, a
 * PDWORD_PTR, or dword, an LPDWORD (NetUserEnum, NetShareEnum); at most
 * one is given, and neither means the enumeration cannot be continued (one
 * page, counted in full).  NERR_Success (last page; handle 0) or
 * ERROR_MORE_DATA (the handle continues), both with *bufptr (NULL when
 * there are no entries), *entriesread and *totalentries.  Any other
 * status: *bufptr NULL, counts 0, the handle untouched.
 */
NBI_INTERNAL NET_API_STATUS nbi_page_enum_resume(const struct nbi_page_spec *spec,
                                                 DWORD prefmaxlen, PDWORD_PTR ptr, LPDWORD dword,
                                                 LPBYTE *bufptr, LPDWORD entriesread,
                                                 LPDWORD totalentries);

/*
 * The common start of an enumeration: *bufptr, *entriesread and
 * *totalentries zeroed where not NULL; 87 if any of them is NULL.
 * NERR_Success to go on.
 */
NBI_INTERNAL NET_API_STATUS nbi_enum_start(LPBYTE *bufptr, LPDWORD entriesread,
                                           LPDWORD totalentries);

#endif /* NBI_NET_PAGING_H */
