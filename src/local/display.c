/*
 * display.c — NetQueryDisplayInformation for this machine.  Layer 5.
 *
 *   level 1  the users NetUserEnum lists, in the same (database) order, with
 *            the same fields: NET_DISPLAY_USER is USER_INFO_20 plus the
 *            index of the next entry.  NSS gives no sort order, and
 *            Samba's standalone server does not sort either.
 *   level 2  none: a Unix machine keeps no computer accounts.
 *   level 3  the one global group, "None" (local/group.c).
 * An entry's usri1_next_index (grpi3_next_index) is its position + 1, the
 * Index that continues after it.
 */
#include <lm.h>
#include <netapibuf.h>

#include "local/functions.h"
#include "local/mgmt.h"
#include "net/layouts.h"
#include "pack/pack.h"

static char none_name[] = NETAPIBUF_LOCAL_GROUP_NAME;
static char none_comment[] = NETAPIBUF_LOCAL_GROUP_COMMENT;

/* Entries [index, ...) of users[0 .. count) into one buffer: at most
   `requested`, within prefmaxlen but at least one. */
static NET_API_STATUS users_page(const USER_INFO_20 *users, DWORD count, DWORD index,
                                 DWORD requested, DWORD prefmaxlen, LPDWORD returned,
                                 PVOID *bufptr)
{
    netapibuf_packer *p;
    NET_API_STATUS st = nbi_packer_create(&nbi_layout_NET_DISPLAY_USER, prefmaxlen, &p);
    if (st != NERR_Success)
        return st;
    DWORD i = index;
    for (; i < count && i - index < requested; i++) {
        NET_DISPLAY_USER d = {users[i].usri20_name,  users[i].usri20_comment,
                              users[i].usri20_flags, users[i].usri20_full_name,
                              users[i].usri20_user_id, i + 1};
        if ((st = netapibuf_packer_add(p, &d)) == ERROR_MORE_DATA)
            break;
        if (st != NERR_Success) {
            netapibuf_packer_destroy(p);
            return st;
        }
    }
    if ((st = netapibuf_packer_finish(p, (LPBYTE *)bufptr, returned)) != NERR_Success)
        return st;
    return index + *returned < count ? ERROR_MORE_DATA : NERR_Success;
}

NET_API_STATUS nbi_local_query_display(DWORD level, DWORD index, DWORD requested,
                                       DWORD prefmaxlen, LPDWORD returned, PVOID *bufptr)
{
    switch (level) {
    case 1: {
        LPBYTE all = NULL;
        DWORD count = 0, total = 0;
        NET_API_STATUS st = nbi_local_user_enum(20, 0, &all, MAX_PREFERRED_LENGTH, &count, &total,
                                                NULL);
        if (st == NERR_Success)
            st = users_page((const USER_INFO_20 *)all, count, index, requested, prefmaxlen,
                            returned, bufptr);
        NetApiBufferFree(all);
        return st;
    }
    case 2: return NERR_Success;
    case 3: {
        if (index > 0)
            return NERR_Success;
        if (!requested)
            return ERROR_MORE_DATA;
        NET_DISPLAY_GROUP g = {none_name, none_comment, DOMAIN_GROUP_RID_USERS, 7, 1};
        return nbi_pack(&nbi_layout_NET_DISPLAY_GROUP, &g, 1, prefmaxlen, (LPBYTE *)bufptr,
                        returned);
    }
    default: return ERROR_INVALID_LEVEL;
    }
}
