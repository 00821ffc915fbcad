/*
 * local.h — what every function answering for this machine needs:
 * serialized walks over the NSS user and group databases and lookups by
 * name.  Layer 5: uses the public API and the packer only.
 */
#ifndef NBI_NET_LOCAL_H
#define NBI_NET_LOCAL_H

#include <grp.h>
#include <pwd.h>
#include <shadow.h>

#include <lm.h>

#include "platform/platform.h"

/*
 * Walk the user (group) database in database order, calling fn for each
 * entry until it returns non-zero.  The entry is valid during the call
 * only; its strings live in the walk's own scratch buffer, so fn may
 * modify them in place (e.g. split GECOS without a copy).  Walks are serialized by one process-wide lock, because the
 * setpwent/getpwent_r stream is process-global in the C library (another
 * part of the program calling getpwent itself can still disturb a walk).
 * Returns NERR_Success after the last entry, fn's non-zero value if it
 * stopped the walk, ERROR_NOT_ENOUGH_MEMORY, or NERR_InternalError when
 * the database reports an error.
 */
typedef NET_API_STATUS (*nbi_local_user_fn)(const struct passwd *pw, void *ctx);
typedef NET_API_STATUS (*nbi_local_group_fn)(const struct group *gr, void *ctx);
typedef NET_API_STATUS (*nbi_local_shadow_fn)(const struct spwd *sp, void *ctx);
NBI_INTERNAL NET_API_STATUS nbi_local_walk_users(nbi_local_user_fn fn, void *ctx);
NBI_INTERNAL NET_API_STATUS nbi_local_walk_groups(nbi_local_group_fn fn, void *ctx);
/* The shadow database walks as empty for a caller who may not read it
   (anyone but root, usually). */
NBI_INTERNAL NET_API_STATUS nbi_local_walk_shadow(nbi_local_shadow_fn fn, void *ctx);

/*
 * Look one user up by name as Windows does: the exact name first; failing
 * that, a walk of the database for the names that match ignoring case
 * (nbi_local_names_match), taken if there is exactly one such name.
 * NERR_Success and fn's status, NERR_UserNotFound (no match, or several),
 * ERROR_NOT_ENOUGH_MEMORY or NERR_InternalError.  fn runs outside any walk.
 */
NBI_INTERNAL NET_API_STATUS nbi_local_user_by_name(LPCSTR name, nbi_local_user_fn fn, void *ctx);

/* Look one group up by name, as nbi_local_user_by_name does a user:
   NERR_Success and fn's status, NERR_GroupNotFound, ERROR_NOT_ENOUGH_MEMORY
   or NERR_InternalError.  fn runs outside any walk, so it may walk the user
   database. */
NBI_INTERNAL NET_API_STATUS nbi_local_group_by_name(LPCSTR name, nbi_local_group_fn fn, void *ctx);

/*
 * Do two account names match as Windows matches them, ignoring case?  ASCII
 * letters match in either case, and so do the accented letters of Latin-1
 * (U+00C0 to U+00DE with U+00E0 to U+00FE, in UTF-8); every other character
 * must be the same.  1 or 0.
 */
NBI_INTERNAL int nbi_local_names_match(const char *a, const char *b);

/* User and group database entries read by the walks since the process
   started (tests use it to prove that paging does not re-walk the database
   for every page; the shadow walk that accompanies a user walk is not
   counted). */
NBI_INTERNAL unsigned long nbi_local_entries_walked(void);

#endif /* NBI_NET_LOCAL_H */
