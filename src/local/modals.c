/*
 * modals.c — NetUserModalsGet for this machine: the account policy Linux
 * keeps where NetApi's fields can be read from it.  Layer 5.
 *
 *   level 0  /etc/login.defs (login.defs(5)): PASS_MIN_LEN,
 *            PASS_MAX_DAYS and PASS_MIN_DAYS, in seconds; "unlimited"
 *            (unset, negative, or 99999 days, which is more seconds than
 *            a DWORD holds) is TIMEQ_FOREVER.  Nobody is logged off
 *            (USER_NO_LOGOFF) and no password history is known (0): PAM
 *            modules keep those, per service, where no general reader can
 *            tell which applies.  PASS_WARN_AGE has no NetApi field.
 *   level 1  UAS_ROLE_PRIMARY and the host name: this machine is the
 *            authority over its own accounts (Samba's standalone server
 *            answers the same).
 *   level 2  the host name (as NetWkstaGetInfo reports it) and S-1-22-1,
 *            the domain of Samba's SIDs for Unix users (S-1-22-1-<uid>):
 *            an account's RID here is its uid (USER_INFO_20).
 *   level 3  no lockout (all 0): as for the history, lockout is a PAM
 *            module's (pam_faillock) per-service business.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>

#include "local/host.h"
#include "local/mgmt.h"
#include "net/layouts.h"
#include "pack/pack.h"

/* Seconds in `days`, TIMEQ_FOREVER when negative or beyond a DWORD. */
static DWORD seconds_of_days(long long days)
{
    if (days < 0 || days > (long long)(TIMEQ_FOREVER - 1) / (long long)ONE_DAY)
        return TIMEQ_FOREVER;
    return (DWORD)days * ONE_DAY;
}

void nbi_login_defs_read(const char *path, struct nbi_login_defs *d)
{
    d->min_passwd_len = 0;
    d->max_passwd_age = TIMEQ_FOREVER;
    d->min_passwd_age = 0;
    FILE *f = fopen(path, "re");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char key[64];
        long long value;
        /* "KEY value"; comments and other lines do not scan */
        if (sscanf(line, " %63[A-Z_] %lld", key, &value) != 2)
            continue;
        if (strcmp(key, "PASS_MIN_LEN") == 0)
            d->min_passwd_len = value < 0 ? 0 : value > PWLEN ? PWLEN : (DWORD)value;
        else if (strcmp(key, "PASS_MAX_DAYS") == 0)
            d->max_passwd_age = seconds_of_days(value);
        else if (strcmp(key, "PASS_MIN_DAYS") == 0)
            d->min_passwd_age = value < 0 ? 0 : seconds_of_days(value);
    }
    fclose(f);
}

/* S-1-22-1: revision 1, one sub-authority, authority 22. */
static const unsigned char unix_users_domain[12] = {1, 1, 0, 0, 0, 0, 0, 22, 1, 0, 0, 0};

NET_API_STATUS nbi_local_user_modals_get(DWORD level, LPBYTE *bufptr)
{
    DWORD n;
    struct nbi_host host;
    switch (level) {
    case 0: {
        struct nbi_login_defs d;
        nbi_login_defs_read("/etc/login.defs", &d);
        USER_MODALS_INFO_0 m = {d.min_passwd_len, d.max_passwd_age, d.min_passwd_age,
                                USER_NO_LOGOFF, 0};
        return nbi_pack(&nbi_layout_USER_MODALS_INFO_0, &m, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    case 1:
    case 2: {
        NET_API_STATUS st = nbi_host_query(&host);
        if (st != NERR_Success)
            return st;
        if (level == 1) {
            USER_MODALS_INFO_1 m;
            memset(&m, 0, sizeof m); /* the padding after usrmod1_role */
            m.usrmod1_role = UAS_ROLE_PRIMARY;
            m.usrmod1_primary = host.name;
            return nbi_pack(&nbi_layout_USER_MODALS_INFO_1, &m, 1, MAX_PREFERRED_LENGTH, bufptr,
                            &n);
        }
        USER_MODALS_INFO_2 m = {host.name, (PSID)(uintptr_t)unix_users_domain};
        return nbi_pack(&nbi_layout_USER_MODALS_INFO_2, &m, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    case 3: {
        USER_MODALS_INFO_3 m = {0, 0, 0};
        return nbi_pack(&nbi_layout_USER_MODALS_INFO_3, &m, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    default: return ERROR_INVALID_LEVEL;
    }
}
