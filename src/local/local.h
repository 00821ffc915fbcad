/*
 * local.h — what every function answering for this machine needs:
 * serialized walks over the NSS user and group databases and lookups by
 * name.  Layer 5: uses the public API and the packer only.
 */
#ifndef NBI_NET_LOCAL_H
#define NBI_NET_LOCAL_H

#include <grp.h>
#include <pwd.h>

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
NBI_INTERNAL NET_API_STATUS nbi_local_walk_users(nbi_local_user_fn fn, void *ctx);
NBI_INTERNAL NET_API_STATUS nbi_local_walk_groups(nbi_local_group_fn fn, void *ctx);

/*
 * Look one user up by name: NERR_Success and fn's status, NERR_UserNotFound,
 * ERROR_NOT_ENOUGH_MEMORY or NERR_InternalError.
 */
NBI_INTERNAL NET_API_STATUS nbi_local_user_by_name(LPCSTR name, nbi_local_user_fn fn, void *ctx);

/* Look one group up by name: NERR_Success and fn's status, NERR_GroupNotFound,
   ERROR_NOT_ENOUGH_MEMORY or NERR_InternalError.  Takes no walk lock, so fn
   may walk the user database. */
NBI_INTERNAL NET_API_STATUS nbi_local_group_by_name(LPCSTR name, nbi_local_group_fn fn, void *ctx);

/* Database entries read by the walks since the process started (tests use
   it to prove that paging does not re-walk the database for every page). */
NBI_INTERNAL unsigned long nbi_local_entries_walked(void);

#endif /* NBI_NET_LOCAL_H */
