/* cmd_share.c — `netapi share`: the shares of a server, one share, and
   sharing a folder or no longer sharing it. */
#include "cli.h"

/* Level 2 (with paths and users) needs an administrator on most servers:
   without --level, a refusal is answered by level 1, saying so. */
static void say_fallback(const char *function)
{
    fprintf(stderr, "netapi: %s at level 2 was refused (error %u, access denied): level 1 "
            "shown instead\n", function, (unsigned)ERROR_ACCESS_DENIED);
}

struct query {
    const struct options *opt;
    DWORD resume;
};

static NET_API_STATUS fetch(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                            LPDWORD entriesread, LPDWORD totalentries)
{
    struct query *q = ctx;
    return NetShareEnum((LMSTR)(uintptr_t)q->opt->server, level, bufptr, prefmaxlen, entriesread,
                        totalentries, &q->resume);
}

static int list_shares(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    struct query q = {opt, 0};
    struct table *t;
    int fixed = (opt->given & OPT_LEVEL) != 0;
    NET_API_STATUS st = list_read(opt, &share_records, fixed ? opt->level : 2, fetch, &q, &t);
    if (st == ERROR_ACCESS_DENIED && !fixed) {
        say_fallback("NetShareEnum");
        q.resume = 0;
        st = list_read(opt, &share_records, 1, fetch, &q, &t);
    }
    if (st != NERR_Success)
        return api_error("NetShareEnum", st);
    return print_listing(opt, "share", "Shared resources", t);
}

static int show_share(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    LMSTR server = (LMSTR)(uintptr_t)opt->server;
    int fixed = (opt->given & OPT_LEVEL) != 0;
    DWORD level = fixed ? opt->level : 2;
    LPBYTE buf = NULL;
    NET_API_STATUS st = NetShareGetInfo(server, args[0], level, &buf);
    if (st == ERROR_ACCESS_DENIED && !fixed) {
        say_fallback("NetShareGetInfo");
        st = NetShareGetInfo(server, args[0], level = 1, &buf);
    }
    if (st != NERR_Success)
        return api_error("NetShareGetInfo", st);
    return print_record(opt, "share", "NetShareGetInfo", &share_records, level, buf);
}

/* A disk share of PATH, open to any number of users (NetShareAdd, level 2). */
static int add_share(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    SHARE_INFO_2 s = {0};
    s.shi2_netname = args[0];
    s.shi2_type = STYPE_DISKTREE;
    s.shi2_remark = (LMSTR)(uintptr_t)(opt->comment ? opt->comment : "");
    s.shi2_max_uses = SHI_USES_UNLIMITED;
    s.shi2_path = args[1];
    DWORD parm_err = 0;
    NET_API_STATUS st = NetShareAdd((LMSTR)(uintptr_t)opt->server, 2, (LPBYTE)&s, &parm_err);
    if (st != NERR_Success)
        return api_error("NetShareAdd", st);
    struct kv *kv = result_begin(opt, "share", "add");
    kv_string(kv, "name", NULL, args[0]);
    kv_string(kv, "path", NULL, args[1]);
    return result_end(kv, "Share %s (%s) added", args[0], args[1]);
}

static int del_share(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    return named_result(opt, NetShareDel((LMSTR)(uintptr_t)opt->server, args[0], 0),
                        "NetShareDel", "share", "del", "Share", args[0], "deleted");
}

static const struct form forms[] = {
    {NULL, "", 0, 0, OPT_LEVEL | OPT_PREFMAXLEN,
     "Every share, as a table (NetShareEnum, level 2; when level 2 is refused\n"
     "(access denied: it needs an administrator on most servers), level 1, saying so\n"
     "on standard error.  --level: 0, 1, 2, 501, 502, without falling back).",
     list_shares},
    {NULL, "NAME", 1, 1, OPT_LEVEL,
     "The share (NetShareGetInfo, level 2, or 1 when 2 is refused, as above;\n"
     "--level: 0, 1, 2, 501, 502).",
     show_share},
    {"show", "NAME", 1, 1, OPT_LEVEL,
     "The same as 'share NAME', for a share whose name is one of share's subcommand\n"
     "words (show, add, del).",
     show_share},
    {"add", "NAME PATH", 2, 2, OPT_COMMENT,
     "Share the server's folder PATH as NAME, a disk share without a user limit\n"
     "(NetShareAdd, level 2; --comment: its remark).",
     add_share},
    {"del", "NAME", 1, 1, 0, "Stop sharing NAME (NetShareDel).", del_share},
};

const struct command share_command = {"share", "list, show, add and delete shares",
                                      FORMS(forms)};
