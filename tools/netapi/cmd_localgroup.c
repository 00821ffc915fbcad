/* cmd_localgroup.c — `netapi localgroup` (every local group) and `netapi
   localgroup NAME` (the group and its members). */
#include <stdlib.h>

#include "cli.h"

struct query {
    const struct options *opt;
    const char *group; /* NULL: the groups themselves */
    DWORD_PTR resume;
};

static NET_API_STATUS fetch(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                            LPDWORD entriesread, LPDWORD totalentries)
{
    struct query *q = ctx;
    if (!q->group)
        return NetLocalGroupEnum(q->opt->server, level, bufptr, prefmaxlen, entriesread,
                                 totalentries, &q->resume);
    return NetLocalGroupGetMembers(q->opt->server, q->group, level, bufptr, prefmaxlen,
                                   entriesread, totalentries, &q->resume);
}

static int list_groups(const struct options *opt)
{
    struct query q = {opt, NULL, 0};
    struct table *t;
    DWORD level = opt->given & OPT_LEVEL ? opt->level : 1;
    int st = list_fetch(opt, &localgroup_records, level, "NetLocalGroupEnum", fetch, &q, &t);
    if (st != EXIT_OK)
        return st;
    char *name = opt->json ? NULL : server_title(opt);
    doc_begin(opt, "localgroup");
    table_print(t, opt, "Aliases", name);
    free(name);
    table_free(t);
    doc_end(opt);
    return EXIT_OK;
}

/* As `net localgroup NAME` shows a group: its name, comment and members. */
static int show_group(const struct options *opt, const char *group)
{
    LPBYTE buf = NULL;
    NET_API_STATUS nst = NetLocalGroupGetInfo(opt->server, group, 1, &buf);
    if (nst != NERR_Success)
        return api_error("NetLocalGroupGetInfo", nst);
    struct query q = {opt, group, 0};
    struct table *t;
    DWORD level = opt->given & OPT_LEVEL ? opt->level : 1;
    int st = list_fetch(opt, &member_records, level, "NetLocalGroupGetMembers", fetch, &q, &t);
    if (st != EXIT_OK) {
        NetApiBufferFree(buf);
        return st;
    }
    const LOCALGROUP_INFO_1 *g = (const LOCALGROUP_INFO_1 *)buf;
    doc_begin(opt, "localgroup");
    struct kv *kv = kv_begin(opt, "record");
    kv_string(kv, "name", "Alias name", g->lgrpi1_name);
    kv_string(kv, "comment", "Comment", g->lgrpi1_comment ? g->lgrpi1_comment : "");
    kv_table(kv, "members", "Members", t);
    kv_end(kv);
    table_free(t);
    NetApiBufferFree(buf);
    doc_end(opt);
    return EXIT_OK;
}

int cmd_localgroup(const struct options *opt)
{
    int st = only_options(opt, OPT_LEVEL | OPT_PREFMAXLEN, "localgroup");
    if (st != EXIT_OK)
        return st;
    if (opt->nargs > 1)
        return usage_error("localgroup takes at most one group name");
    return opt->nargs ? show_group(opt, opt->args[0]) : list_groups(opt);
}
