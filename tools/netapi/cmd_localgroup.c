/* cmd_localgroup.c — `netapi localgroup`: every local group, one group and
   its members, and adding and deleting groups and members. */
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

static int list_groups(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    struct query q = {opt, NULL, 0};
    return show_listing(opt, "localgroup", "Aliases", &localgroup_records, 1, "NetLocalGroupEnum",
                        fetch, &q);
}

/* As `net localgroup NAME` shows a group: its name, comment and members. */
static int show_group(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    const char *group = args[0];
    LPBYTE buf = NULL;
    NET_API_STATUS nst = NetLocalGroupGetInfo(opt->server, group, 1, &buf);
    if (nst != NERR_Success)
        return api_error("NetLocalGroupGetInfo", nst);
    struct query q = {opt, group, 0};
    DWORD level = opt->given & OPT_LEVEL ? opt->level : 1;
    return print_group(opt, "localgroup", &alias_desc, buf, &member_records, level,
                       "NetLocalGroupGetMembers", fetch, &q);
}

static int add_group(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    LOCALGROUP_INFO_1 g = {args[0], (LMSTR)(uintptr_t)opt->comment};
    DWORD level = opt->comment ? 1 : 0, parm_err = 0;
    return named_result(opt, NetLocalGroupAdd(opt->server, level, (LPBYTE)&g, &parm_err),
                        "NetLocalGroupAdd", "localgroup", "add", "Local group", args[0], "added");
}

static int del_group(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    return named_result(opt, NetLocalGroupDel(opt->server, args[0]), "NetLocalGroupDel",
                        "localgroup", "del", "Local group", args[0], "deleted");
}

/* addmembers and delmembers: every member named ("name" or "DOMAIN\name",
   LOCALGROUP_MEMBERS_INFO_3) in one call, all or nothing. */
static int change_members(const struct options *opt, char **args, int nargs, int add)
{
    DWORD count = (DWORD)nargs - 1;
    LOCALGROUP_MEMBERS_INFO_3 *m = xmalloc(count * sizeof *m);
    for (DWORD i = 0; i < count; i++)
        m[i].lgrmi3_domainandname = args[i + 1];
    NET_API_STATUS st = add ? NetLocalGroupAddMembers(opt->server, args[0], 3, (LPBYTE)m, count)
                            : NetLocalGroupDelMembers(opt->server, args[0], 3, (LPBYTE)m, count);
    free(m);
    if (st != NERR_Success)
        return api_error(add ? "NetLocalGroupAddMembers" : "NetLocalGroupDelMembers", st);
    struct kv *kv = result_begin(opt, "localgroup", add ? "addmembers" : "delmembers");
    kv_string(kv, "name", NULL, args[0]);
    kv_strings(kv, "members", NULL, args + 1, count);
    const char *what = count == 1 ? "member" : "members";
    return add ? result_end(kv, "%u %s added to local group %s", (unsigned)count, what, args[0])
               : result_end(kv, "%u %s removed from local group %s", (unsigned)count, what,
                            args[0]);
}

static int add_members(const struct options *opt, char **args, int nargs)
{
    return change_members(opt, args, nargs, 1);
}

static int del_members(const struct options *opt, char **args, int nargs)
{
    return change_members(opt, args, nargs, 0);
}

static const struct form forms[] = {
    {NULL, "", 0, 0, OPT_LEVEL | OPT_PREFMAXLEN,
     "Every local group, as a table (NetLocalGroupEnum, level 1 unless --level: 0, 1).",
     list_groups},
    {NULL, "NAME", 1, 1, OPT_LEVEL | OPT_PREFMAXLEN,
     "The group (NetLocalGroupGetInfo, level 1: name and comment) and its members\n"
     "(NetLocalGroupGetMembers, level 1 unless --level: 0, 1, 2, 3; --prefmaxlen\n"
     "pages them).",
     show_group},
    {"show", "NAME", 1, 1, OPT_LEVEL | OPT_PREFMAXLEN,
     "The same as 'localgroup NAME', for a group whose name is one of localgroup's\n"
     "subcommand words (show, add, del, addmembers, delmembers).",
     show_group},
    {"add", "NAME", 1, 1, OPT_COMMENT,
     "Create the local group NAME (NetLocalGroupAdd, level 0; level 1 with --comment).",
     add_group},
    {"del", "NAME", 1, 1, 0, "Delete the local group NAME (NetLocalGroupDel).", del_group},
    {"addmembers", "GROUP MEMBER...", 2, -1, 0,
     "Make each MEMBER (an account or global group, \"name\" or \"DOMAIN\\name\") a member of\n"
     "GROUP, all or none (NetLocalGroupAddMembers, level 3).",
     add_members},
    {"delmembers", "GROUP MEMBER...", 2, -1, 0,
     "Take each MEMBER out of GROUP, all or none (NetLocalGroupDelMembers, level 3).",
     del_members},
};

const struct command localgroup_command = {
    "localgroup", "list, show, add and delete local groups and their members", FORMS(forms)};
