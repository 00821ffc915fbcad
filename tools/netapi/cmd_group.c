/* cmd_group.c — `netapi group`: the global groups, one group and its
   members, and adding and deleting groups and members. */
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
        return NetGroupEnum(q->opt->server, level, bufptr, prefmaxlen, entriesread,
                            totalentries, &q->resume);
    return NetGroupGetUsers(q->opt->server, q->group, level, bufptr, prefmaxlen, entriesread,
                            totalentries, &q->resume);
}

static int list_groups(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    struct query q = {opt, NULL, 0};
    return show_listing(opt, "group", "Group Accounts", &group_records, 1, "NetGroupEnum", fetch,
                        &q);
}

/* The group (level 2: name, comment, RID, attributes) and its members. */
static int show_group(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    LPBYTE buf = NULL;
    NET_API_STATUS nst = NetGroupGetInfo(opt->server, args[0], 2, &buf);
    if (nst != NERR_Success)
        return api_error("NetGroupGetInfo", nst);
    struct query q = {opt, args[0], 0};
    DWORD level = opt->given & OPT_LEVEL ? opt->level : 0;
    return print_group(opt, "group", find_desc(&group_records, 2), buf, &group_user_records,
                       level, "NetGroupGetUsers", fetch, &q);
}

static int add_group(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    GROUP_INFO_1 g = {args[0], (LMSTR)(uintptr_t)opt->comment};
    DWORD level = opt->comment ? 1 : 0, parm_err = 0;
    return named_result(opt, NetGroupAdd(opt->server, level, (LPBYTE)&g, &parm_err),
                        "NetGroupAdd", "group", "add", "Group", args[0], "added");
}

static int del_group(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    return named_result(opt, NetGroupDel(opt->server, args[0]), "NetGroupDel", "group", "del",
                        "Group", args[0], "deleted");
}

/* adduser and deluser: one account into or out of one group. */
static int change_member(const struct options *opt, char **args, int add)
{
    NET_API_STATUS st = add ? NetGroupAddUser(opt->server, args[0], args[1])
                            : NetGroupDelUser(opt->server, args[0], args[1]);
    if (st != NERR_Success)
        return api_error(add ? "NetGroupAddUser" : "NetGroupDelUser", st);
    struct kv *kv = result_begin(opt, "group", add ? "adduser" : "deluser");
    kv_string(kv, "name", NULL, args[0]);
    kv_string(kv, "user", NULL, args[1]);
    return add ? result_end(kv, "User %s added to group %s", args[1], args[0])
               : result_end(kv, "User %s removed from group %s", args[1], args[0]);
}

static int add_user(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    return change_member(opt, args, 1);
}

static int del_user(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    return change_member(opt, args, 0);
}

static const struct form forms[] = {
    {NULL, "", 0, 0, OPT_LEVEL | OPT_PREFMAXLEN,
     "Every global group, as a table (NetGroupEnum, level 1 unless --level: 0, 1, 2,\n"
     "3).  This machine has one, None, whose members are all its users.",
     list_groups},
    {NULL, "NAME", 1, 1, OPT_LEVEL | OPT_PREFMAXLEN,
     "The group (NetGroupGetInfo, level 2: name, comment, RID, attributes) and its\n"
     "members (NetGroupGetUsers, level 0 unless --level: 0, 1; --prefmaxlen pages them).",
     show_group},
    {"show", "NAME", 1, 1, OPT_LEVEL | OPT_PREFMAXLEN,
     "The same as 'group NAME', for a group whose name is one of group's subcommand\n"
     "words (show, add, del, adduser, deluser).",
     show_group},
    {"add", "NAME", 1, 1, OPT_COMMENT,
     "Create the global group NAME (NetGroupAdd, level 0; level 1 with --comment).",
     add_group},
    {"del", "NAME", 1, 1, 0, "Delete the global group NAME (NetGroupDel).", del_group},
    {"adduser", "GROUP USER", 2, 2, 0, "Make USER a member of GROUP (NetGroupAddUser).",
     add_user},
    {"deluser", "GROUP USER", 2, 2, 0, "Take USER out of GROUP (NetGroupDelUser).", del_user},
};

const struct command group_command = {
    "group", "list, show, add and delete global groups and their members", FORMS(forms)};
