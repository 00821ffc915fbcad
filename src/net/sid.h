/*
 * sid.h — layer 5: the security identifiers Unix accounts carry, by
 * Samba's convention (winbindd's "Unix Users" and "Unix Groups" domains):
 * S-1-22-1-<uid> for a user, S-1-22-2-<gid> for a group.  The binary form
 * is the Windows SID structure (lmaccess.h): revision 1, two
 * sub-authorities, the big-endian authority 22, then the sub-authorities in
 * host order (little-endian here, as on Windows).
 */
#ifndef NBI_NET_SID_H
#define NBI_NET_SID_H

#include <stddef.h>

#include <lm.h>

#include "platform/platform.h"

/* Bytes of a Unix account's SID: 8 + 2 sub-authorities of 4. */
#define NBI_UNIX_SID_SIZE 16

/* The second sub-authority: which Unix domain. */
#define NBI_SID_UNIX_USERS 1  /* S-1-22-1-<uid> */
#define NBI_SID_UNIX_GROUPS 2 /* S-1-22-2-<gid> */

/* Write S-1-22-<domain>-<id> to out (NBI_UNIX_SID_SIZE bytes, any alignment). */
NBI_INTERNAL void nbi_sid_unix(unsigned char out[NBI_UNIX_SID_SIZE], DWORD domain, DWORD id);

/* The byte count of the binary SID at sid (8 + 4 * sub-authorities), or 0
   when it is not one: NULL, a revision other than 1, or more than 15
   sub-authorities. */
NBI_INTERNAL size_t nbi_sid_size(const void *sid);

#endif /* NBI_NET_SID_H */
