/*
 * usergroups.c — NetUserGetLocalGroups: the groups one user belongs to,
 * from getgrouplist (its primary group and every group whose entry names
 * it), reported by name in group-database order.  Layer 5.
 */
#include <errno.h>
#include <grp.h>
#include <stdalign.h>
#include <stddef.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "platform/sysalloc.h"
#include "local/functions.h"
#include "local/local.h"
#include "net/paging.h"
#include "pack/pack.h"

static const size_t lu0_strings[] = {offsetof(LOCALGROUP_USERS_INFO_0, lgrui0_name)};
static const struct nbi_field lu0_fields[] = {NBI_FIELD(LOCALGROUP_USERS_INFO_0, lgrui0_name)};
static const struct nbi_layout lu0_layout = {
    {sizeof(LOCALGROUP_USERS_INFO_0), alignof(LOCALGROUP_USERS_INFO_0), 1, lu0_strings, 0, NULL},
    NBI_FIELDS(lu0_fields)};

/* The user's group ids; each id is cleared once a group with it is taken,
   so a gid shared by two group names is reported once, by its first name. */
struct user_gids {
    gid_t *gids;
    int count;
};

static NET_API_STATUS collect_gids(const struct passwd *pw, void *ctx)
{
    struct user_gids *u = ctx;
    int n = 32;
    for (;;) {
        gid_t *gids = nbi_sys_malloc((size_t)n * sizeof *gids);
        if (!gids)
            return ERROR_NOT_ENOUGH_MEMORY;
        int want = n, saved = errno;
        int got = getgrouplist(pw->pw_name, pw->pw_gid, gids, &want);
        errno = saved;
        if (got >= 0) {
            u->gids = gids;
            u->count = want;
            return NERR_Success;
        }
        nbi_sys_free(gids);
        if (want <= n) /* no progress: the database is failing */
            return NERR_InternalError;
        n = want;
    }
}

struct pick {
    struct user_gids *user;
    netapibuf_packer *page;
    DWORD total;
    int full; /* the page refused an entry: only count the rest */
};

static NET_API_STATUS pick_group(const struct group *gr, void *ctx)
{
    struct pick *p = ctx;
    int i = 0;
    while (i < p->user->count && p->user->gids[i] != gr->gr_gid)
        i++;
    if (i == p->user->count)
        return NERR_Success;
    /* getgrouplist lists an id once per group naming the user: drop them all */
    for (int j = p->user->count - 1; j >= i; j--)
        if (p->user->gids[j] == gr->gr_gid)
            p->user->gids[j] = p->user->gids[--p->user->count];
    p->total++;
    if (p->full)
        return NERR_Success;
    LOCALGROUP_USERS_INFO_0 r = {gr->gr_name};
    NET_API_STATUS st = netapibuf_packer_add(p->page, &r);
    if (st == ERROR_MORE_DATA) {
        p->full = 1;
        st = NERR_Success;
    }
    return st;
}

NET_API_STATUS nbi_local_user_get_local_groups(LPCSTR username, DWORD level, LPBYTE *bufptr,
                                               DWORD prefmaxlen, LPDWORD entriesread,
                                               LPDWORD totalentries)
{
    NET_API_STATUS st;
    if (level != 0)
        return ERROR_INVALID_LEVEL;
    if (!username[0])
        return NERR_UserNotFound;

    struct user_gids user = {NULL, 0};
    if ((st = nbi_local_user_by_name(username, collect_gids, &user)) != NERR_Success)
        return st;
    struct pick p = {&user, NULL, 0, 0};
    st = nbi_packer_create(&lu0_layout, prefmaxlen, &p.page);
    if (st == NERR_Success)
        st = nbi_local_walk_groups(pick_group, &p);
    nbi_sys_free(user.gids);
    if (st != NERR_Success) {
        netapibuf_packer_destroy(p.page);
        return st;
    }
    if ((st = netapibuf_packer_finish(p.page, bufptr, entriesread)) != NERR_Success)
        return st;
    *totalentries = p.total;
    return p.full ? ERROR_MORE_DATA : NERR_Success;
}
