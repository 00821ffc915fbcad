/* wksta.c — NetWkstaGetInfo levels 100, 101 and 102 for this machine. */
#include <errno.h>
#include <stddef.h>
#include <stdalign.h>
#include <string.h>
#include <utmpx.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/functions.h"
#include "local/host.h"
#include "pack/pack.h"
#include "platform/locks.h"

static const size_t strings_100[] = {
    offsetof(WKSTA_INFO_100, wki100_computername),
    offsetof(WKSTA_INFO_100, wki100_langroup),
};
static const struct nbi_field fields_100[] = {
    NBI_FIELD(WKSTA_INFO_100, wki100_platform_id), NBI_FIELD(WKSTA_INFO_100, wki100_computername),
    NBI_FIELD(WKSTA_INFO_100, wki100_langroup),    NBI_FIELD(WKSTA_INFO_100, wki100_ver_major),
    NBI_FIELD(WKSTA_INFO_100, wki100_ver_minor)};
static const struct nbi_layout layout_100 = {
    {sizeof(WKSTA_INFO_100), alignof(WKSTA_INFO_100), 2, strings_100, 0, NULL},
    NBI_FIELDS(fields_100)};

static const size_t strings_101[] = {
    offsetof(WKSTA_INFO_101, wki101_computername),
    offsetof(WKSTA_INFO_101, wki101_langroup),
    offsetof(WKSTA_INFO_101, wki101_lanroot),
};
static const struct nbi_field fields_101[] = {
    NBI_FIELD(WKSTA_INFO_101, wki101_platform_id), NBI_FIELD(WKSTA_INFO_101, wki101_computername),
    NBI_FIELD(WKSTA_INFO_101, wki101_langroup),    NBI_FIELD(WKSTA_INFO_101, wki101_ver_major),
    NBI_FIELD(WKSTA_INFO_101, wki101_ver_minor),   NBI_FIELD(WKSTA_INFO_101, wki101_lanroot)};
static const struct nbi_layout layout_101 = {
    {sizeof(WKSTA_INFO_101), alignof(WKSTA_INFO_101), 3, strings_101, 0, NULL},
    NBI_FIELDS(fields_101)};

static const size_t strings_102[] = {
    offsetof(WKSTA_INFO_102, wki102_computername),
    offsetof(WKSTA_INFO_102, wki102_langroup),
    offsetof(WKSTA_INFO_102, wki102_lanroot),
};
static const struct nbi_field fields_102[] = {
    NBI_FIELD(WKSTA_INFO_102, wki102_platform_id), NBI_FIELD(WKSTA_INFO_102, wki102_computername),
    NBI_FIELD(WKSTA_INFO_102, wki102_langroup),    NBI_FIELD(WKSTA_INFO_102, wki102_ver_major),
    NBI_FIELD(WKSTA_INFO_102, wki102_ver_minor),   NBI_FIELD(WKSTA_INFO_102, wki102_lanroot),
    NBI_FIELD(WKSTA_INFO_102, wki102_logged_on_users)};
static const struct nbi_layout layout_102 = {
    {sizeof(WKSTA_INFO_102), alignof(WKSTA_INFO_102), 3, strings_102, 0, NULL},
    NBI_FIELDS(fields_102)};

/* The utmp stream is process-global in the C library: one reader at a time. */
NBI_MUTEX(utmp_lock, NBI_RANK_UTMP)

/*
 * Users logged on now: distinct names among the USER_PROCESS entries of the
 * utmp database (what `users | tr ' ' '\n' | sort -u` shows).  No utmp file
 * (a container) means 0.  At most 256 distinct names are told apart; past
 * that each further session counts as a user.
 */
static DWORD logged_on_users(void)
{
    enum { MAX_NAMES = 256 };
    static char names[MAX_NAMES][sizeof(((struct utmpx *)0)->ut_user) + 1];
    DWORD count = 0;
    int saved = errno; /* getutxent sets it when there is no utmp file */
    nbi_mutex_lock(&utmp_lock);
    setutxent();
    struct utmpx *u;
    while ((u = getutxent()) != NULL) {
        if (u->ut_type != USER_PROCESS || !u->ut_user[0])
            continue;
        char name[sizeof u->ut_user + 1];
        memcpy(name, u->ut_user, sizeof u->ut_user);
        name[sizeof u->ut_user] = '\0';
        DWORD seen = 0;
        DWORD known = count < MAX_NAMES ? count : MAX_NAMES;
        while (seen < known && strcmp(names[seen], name) != 0)
            seen++;
        if (seen < known)
            continue;
        if (count < MAX_NAMES)
            memcpy(names[count], name, sizeof name);
        count++;
    }
    endutxent();
    nbi_mutex_unlock(&utmp_lock);
    errno = saved;
    return count;
}

NET_API_STATUS nbi_local_wksta_get_info(DWORD level, LPBYTE *bufptr)
{
    struct nbi_host h;
    NET_API_STATUS st = nbi_host_info_start(level, &h);
    if (st != NERR_Success)
        return st;

    /* Levels 101 and 102 begin with level 100's fields, in the same order. */
    WKSTA_INFO_102 rec = {
        .wki102_platform_id = PLATFORM_ID_NT,
        .wki102_computername = h.name,
        .wki102_langroup = h.langroup,
        .wki102_ver_major = h.ver_major,
        .wki102_ver_minor = h.ver_minor,
        .wki102_lanroot = NULL,
        .wki102_logged_on_users = level == 102 ? logged_on_users() : 0,
    };
    DWORD n;
    switch (level) {
    case 100: {
        WKSTA_INFO_100 r = {rec.wki102_platform_id, rec.wki102_computername,
                            rec.wki102_langroup, rec.wki102_ver_major, rec.wki102_ver_minor};
        return nbi_pack(&layout_100, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    case 101: {
        WKSTA_INFO_101 r = {rec.wki102_platform_id, rec.wki102_computername,
                            rec.wki102_langroup,    rec.wki102_ver_major,
                            rec.wki102_ver_minor,   rec.wki102_lanroot};
        return nbi_pack(&layout_101, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    default:
        return nbi_pack(&layout_102, &rec, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
}
