/*
 * account.h — what Windows' USER_INFO levels say about an account beyond
 * the user database: locks, expiry and password aging from the shadow
 * database (readable by root only, usually), and the last logon from
 * lastlog.  Layer 5.
 */
#ifndef NBI_LOCAL_ACCOUNT_H
#define NBI_LOCAL_ACCOUNT_H

#include <pwd.h>
#include <time.h>

#include <lm.h>

#include "platform/platform.h"

struct nbi_account {
    DWORD flags;            /* UF_ bits beyond UF_SCRIPT | UF_NORMAL_ACCOUNT (below) */
    DWORD password_age;     /* seconds since the password changed; 0 when unknown */
    DWORD acct_expires;     /* seconds since 1970 when the account expires; TIMEQ_FOREVER */
    DWORD password_expired; /* 1: the password must change before the next logon */
};

/*
 * The flags: UF_ACCOUNTDISABLE when the login shell is nologin or false,
 * the password is locked ("!" first) or the account has expired;
 * UF_DONT_EXPIRE_PASSWD when the password has no maximum age (empty, -1 or
 * 99999 days and more); UF_PASSWD_NOTREQD when the password field is empty.
 * The password field is the shadow entry's when there is one the caller can
 * read, otherwise the user entry's (where "x" says nothing).
 */

/* The account of one user entry, its shadow entry read by name. */
NBI_INTERNAL void nbi_account_of(const struct passwd *pw, time_t now, struct nbi_account *out);

/*
 * For enumerations: the shadow database walked once into a table, so each
 * entry costs a lookup in memory (one comparison when both databases list
 * accounts in the same order), never a query.  nbi_accounts_load gives
 * NERR_Success and *table (NULL when the caller may not read the database
 * or it is empty), ERROR_NOT_ENOUGH_MEMORY or NERR_InternalError.
 * nbi_accounts_find takes a NULL table: then only the shell and the user
 * entry's password field count.
 */
struct nbi_accounts;
NBI_INTERNAL NET_API_STATUS nbi_accounts_load(struct nbi_accounts **table);
NBI_INTERNAL void nbi_accounts_find(struct nbi_accounts *table, const struct passwd *pw,
                                    time_t now, struct nbi_account *out);
NBI_INTERNAL void nbi_accounts_free(struct nbi_accounts *table);

/*
 * Last logons from lastlog (one record per uid, at uid * its size), open
 * once per call.  nbi_lastlog_time gives seconds since 1970, or 0 when the
 * user never logged on or the file is absent or unreadable.
 */
struct nbi_lastlog {
    int fd; /* -1: no file */
};
NBI_INTERNAL void nbi_lastlog_open(struct nbi_lastlog *log);
NBI_INTERNAL DWORD nbi_lastlog_time(const struct nbi_lastlog *log, uid_t uid);
NBI_INTERNAL void nbi_lastlog_close(struct nbi_lastlog *log);

#endif /* NBI_LOCAL_ACCOUNT_H */
