/* cmd_user.c — `netapi user`: every account, or one with its groups. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static NET_API_STATUS fetch_users(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                                  LPDWORD entriesread, LPDWORD totalentries)
{
    const struct options *opt = ((void **)ctx)[0];
    PDWORD resume = ((void **)ctx)[1];
    return NetUserEnum(opt->server, level, FILTER_NORMAL_ACCOUNT, bufptr, prefmaxlen,
                       entriesread, totalentries, resume);
}

static int list_users(const struct options *opt)
{
    int st = only_options(opt, OPT_LEVEL | OPT_PREFMAXLEN, "user");
    if (st != EXIT_OK)
        return st;
    DWORD resume = 0;
    void *ctx[2] = {(void *)(uintptr_t)opt, &resume};
    struct table *t;
    DWORD level = opt->given & OPT_LEVEL ? opt->level : 20;
    if ((st = list_fetch(opt, &user_records, level, "NetUserEnum", fetch_users, ctx, &t)) !=
        EXIT_OK)
        return st;
    char *name = opt->json ? NULL : server_title(opt);
    doc_begin(opt, "user");
    table_print(t, opt, "User accounts", name);
    free(name);
    table_free(t);
    doc_end(opt);
    return EXIT_OK;
}

/* The account's record, then its local groups as `net user NAME` lists them. */
static int show_user(const struct options *opt, const char *user)
{
    int st = only_options(opt, OPT_LEVEL, "user NAME");
    if (st != EXIT_OK)
        return st;
    DWORD level = opt->given & OPT_LEVEL ? opt->level : 20;
    const struct record_desc *desc = find_desc(&user_records, level);
    LPBYTE info = NULL, groups = NULL;
    DWORD read = 0, total = 0;
    NET_API_STATUS nst = NetUserGetInfo(opt->server, user, level, &info);
    if (nst != NERR_Success)
        return api_error("NetUserGetInfo", nst);
    if (!desc) {
        NetApiBufferFree(info);
        return api_error("NetUserGetInfo", ERROR_INVALID_LEVEL);
    }
    nst = NetUserGetLocalGroups(opt->server, user, 0, LG_INCLUDE_INDIRECT, &groups,
                                MAX_PREFERRED_LENGTH, &read, &total);
    /* A server may show an ordinary user the account but not its groups:
       the account is still worth showing, with the refusal said. */
    int groups_denied = nst == ERROR_ACCESS_DENIED;
    if (nst != NERR_Success && !groups_denied) {
        NetApiBufferFree(info);
        return api_error("NetUserGetLocalGroups", nst);
    }
    const LOCALGROUP_USERS_INFO_0 *g = (const LOCALGROUP_USERS_INFO_0 *)groups;
    char **names = xmalloc((read + 1) * sizeof *names);
    for (DWORD i = 0; i < read; i++)
        names[i] = g[i].lgrui0_name;

    doc_begin(opt, "user");
    struct kv *kv = kv_begin(opt, "record");
    kv_record(kv, desc, info);
    if (groups_denied) {
        kv_null(kv, "local_groups", "Local group memberships", "(access denied)");
        fprintf(stderr, "netapi: NetUserGetLocalGroups failed: error %u: %s\n",
                (unsigned)ERROR_ACCESS_DENIED, netapibuf_status_text(ERROR_ACCESS_DENIED));
    } else {
        kv_strings(kv, "local_groups", "Local group memberships", names, read);
    }
    kv_end(kv);
    free(names);
    NetApiBufferFree(groups);
    NetApiBufferFree(info);
    doc_end(opt);
    return EXIT_OK;
}

int cmd_user(const struct options *opt)
{
    if (opt->nargs == 0)
        return list_users(opt);
    if (strcmp(opt->args[0], "show") == 0) {
        if (opt->nargs != 2)
            return usage_error("user show needs one user name");
        return show_user(opt, opt->args[1]);
    }
    if (opt->nargs > 1)
        return usage_error("user takes one user name (or a subcommand: see 'netapi user --help')");
    return show_user(opt, opt->args[0]);
}
