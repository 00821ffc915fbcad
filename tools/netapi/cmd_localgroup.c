/* cmd_localgroup.c — `netapi localgroup` (every group) and `netapi localgroup
   NAME` (its members). */
#include "netapi.h"

static NET_API_STATUS fetch_groups(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                                   LPDWORD entriesread, LPDWORD totalentries)
{
    return NetLocalGroupEnum(NULL, level, bufptr, prefmaxlen, entriesread, totalentries,
                             (PDWORD_PTR)ctx);
}

struct members_query {
    const char *group;
    DWORD_PTR resume;
};

static NET_API_STATUS fetch_members(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                                    LPDWORD entriesread, LPDWORD totalentries)
{
    struct members_query *q = ctx;
    return NetLocalGroupGetMembers(NULL, q->group, level, bufptr, prefmaxlen, entriesread,
                                   totalentries, &q->resume);
}

/* A header as `net localgroup NAME` prints it, then the members' listing
   (in JSON, the listing alone: one array of member objects). */
static int show_group(const struct options *opt, const char *name)
{
    LPBYTE buf = NULL;
    NET_API_STATUS st = NetLocalGroupGetInfo(NULL, name, 1, &buf);
    if (st != NERR_Success)
        return api_error("NetLocalGroupGetInfo", st);
    if (!opt->json) {
        const LOCALGROUP_INFO_1 *g = (const LOCALGROUP_INFO_1 *)buf;
        struct kv kv;
        kv_begin(&kv, opt);
        kv_string(&kv, "name", "Alias name", g->lgrpi1_name);
        kv_string(&kv, "comment", "Comment", g->lgrpi1_comment ? g->lgrpi1_comment : "");
        kv_end(&kv);
        puts("\nMembers\n");
    }
    NetApiBufferFree(buf);
    struct members_query q = {name, 0};
    return list_all(opt, member_descs, member_ndescs, 1, "NetLocalGroupGetMembers", fetch_members,
                    &q);
}

int cmd_localgroup(const struct options *opt)
{
    if (opt->nargs > 1)
        return usage_error("localgroup takes at most one name");
    if (opt->nargs == 1)
        return show_group(opt, opt->args[0]);
    DWORD_PTR resume = 0;
    show_title(opt, "Aliases");
    return list_all(opt, localgroup_descs, localgroup_ndescs, 1, "NetLocalGroupEnum",
                    fetch_groups, &resume);
}
