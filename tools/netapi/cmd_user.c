/* cmd_user.c — `netapi user` (every account) and `netapi user NAME`. */
#include <stdlib.h>

#include "netapi.h"

static NET_API_STATUS fetch_users(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                                  LPDWORD entriesread, LPDWORD totalentries)
{
    return NetUserEnum(NULL, level, FILTER_NORMAL_ACCOUNT, bufptr, prefmaxlen, entriesread,
                       totalentries, (PDWORD)ctx);
}

/* The account's record, then its groups as `net user NAME` lists them. */
static int show_user(const struct options *opt, const char *name)
{
    DWORD level = opt->level_set ? opt->level : 20;
    LPBYTE info = NULL, groups = NULL;
    DWORD read = 0, total = 0;
    NET_API_STATUS st = NetUserGetInfo(NULL, name, level, &info);
    if (st != NERR_Success)
        return api_error("NetUserGetInfo", st);
    const struct record_desc *desc = find_desc(user_descs, user_ndescs, level);
    st = NetUserGetLocalGroups(NULL, name, 0, LG_INCLUDE_INDIRECT, &groups, MAX_PREFERRED_LENGTH,
                               &read, &total);
    if (st != NERR_Success || !desc) {
        NetApiBufferFree(info);
        return api_error("NetUserGetLocalGroups", desc ? st : ERROR_INVALID_LEVEL);
    }
    const LOCALGROUP_USERS_INFO_0 *g = (const LOCALGROUP_USERS_INFO_0 *)groups;
    char **names = xmalloc((read + 1) * sizeof *names);
    for (DWORD i = 0; i < read; i++)
        names[i] = g[i].lgrui0_name;

    struct kv kv;
    kv_begin(&kv, opt);
    kv_record(&kv, desc, info);
    kv_strings(&kv, "local_groups", "Local group memberships", names, read);
    kv_end(&kv);

    free(names);
    NetApiBufferFree(groups);
    NetApiBufferFree(info);
    return EXIT_OK;
}

int cmd_user(const struct options *opt)
{
    if (opt->nargs > 1)
        return usage_error("user takes at most one name");
    if (opt->nargs == 1)
        return show_user(opt, opt->args[0]);
    DWORD resume = 0;
    show_title(opt, "User accounts");
    return list_all(opt, user_descs, user_ndescs, 20, "NetUserEnum", fetch_users, &resume);
}
