/* cmd_user.c — `netapi user`: every account, or one with its groups; and
   adding, deleting and changing accounts and their passwords. */
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

static int list_users(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    DWORD resume = 0;
    void *ctx[2] = {(void *)(uintptr_t)opt, &resume};
    return show_listing(opt, "user", "User accounts", &user_records, 20, "NetUserEnum",
                        fetch_users, ctx);
}

/* The account's record, then its local groups as `net user NAME` lists them. */
static int show_user(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    const char *user = args[0];
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

/* A new ordinary account: level 1, or 2 when it has a full name (level 1
   has no place for one).  USER_INFO_1 is USER_INFO_2's first members. */
static int add_user(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    char *password = auth_new_password(opt, args[0]);
    if (!password)
        return EXIT_USAGE;
    USER_INFO_2 u;
    memset(&u, 0, sizeof u);
    u.usri2_name = args[0];
    u.usri2_password = password;
    u.usri2_priv = USER_PRIV_USER;
    u.usri2_home_dir = (LMSTR)(uintptr_t)opt->home_dir;
    u.usri2_comment = (LMSTR)(uintptr_t)opt->comment;
    u.usri2_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;
    u.usri2_full_name = (LMSTR)(uintptr_t)opt->full_name;
    u.usri2_acct_expires = TIMEQ_FOREVER;
    u.usri2_max_storage = USER_MAXSTORAGE_UNLIMITED;
    u.usri2_units_per_week = UNITS_PER_WEEK;
    DWORD level = opt->full_name ? 2 : 1, parm_err = 0;
    NET_API_STATUS st = NetUserAdd(opt->server, level, (LPBYTE)&u, &parm_err);
    auth_free_secret(password);
    if (st != NERR_Success)
        return api_error("NetUserAdd", st);
    struct kv *kv = result_begin(opt, "user", "add");
    kv_string(kv, "name", NULL, args[0]);
    kv_number(kv, "level", NULL, level);
    return result_end(kv, "User %s added", args[0]);
}

static int del_user(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    return named_result(opt, NetUserDel(opt->server, args[0]), "NetUserDel", "user", "del",
                        "User", args[0], "deleted");
}

/* One field of `user set`: the NetUserSetInfo level that sets it alone. */
struct change {
    DWORD level;
    char *key;         /* for the JSON result (a literal; char * for kv_strings) */
    const char *words; /* for people */
    LPBYTE record;
};

/*
 * Each field given, by the level that sets it alone (1011 full name, 1007
 * comment, 1006 home folder, 1008 flags).  The flags are read first
 * (NetUserGetInfo level 1) and only the disabled bit changed, so a failed
 * read changes nothing; a failed write leaves the fields before it
 * changed, and says which.
 */
static int set_user(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    const char *user = args[0];
    if (!(opt->given & (OPT_FULL_NAME | OPT_COMMENT | OPT_HOME | OPT_ENABLE)))
        return usage_error("user set needs --full-name, --comment, --home-dir, --enable or "
                           "--disable");
    USER_INFO_1011 full = {(LMSTR)(uintptr_t)opt->full_name};
    USER_INFO_1007 comment = {(LMSTR)(uintptr_t)opt->comment};
    USER_INFO_1006 home = {(LMSTR)(uintptr_t)opt->home_dir};
    USER_INFO_1008 flags = {0};
    struct change changes[4];
    size_t n = 0;
    if (opt->given & OPT_FULL_NAME)
        changes[n++] = (struct change){1011, "full_name", "full name", (LPBYTE)&full};
    if (opt->given & OPT_COMMENT)
        changes[n++] = (struct change){1007, "comment", "comment", (LPBYTE)&comment};
    if (opt->given & OPT_HOME)
        changes[n++] = (struct change){1006, "home_dir", "home folder", (LPBYTE)&home};
    if (opt->given & OPT_ENABLE) {
        LPBYTE buf = NULL;
        NET_API_STATUS st = NetUserGetInfo(opt->server, user, 1, &buf);
        if (st != NERR_Success)
            return api_error("NetUserGetInfo", st);
        DWORD f = ((const USER_INFO_1 *)buf)->usri1_flags & UF_SETTABLE_BITS;
        NetApiBufferFree(buf);
        flags.usri1008_flags = opt->enable ? f & ~(DWORD)UF_ACCOUNTDISABLE : f | UF_ACCOUNTDISABLE;
        changes[n++] = (struct change){1008, "flags", opt->enable ? "enabled" : "disabled",
                                       (LPBYTE)&flags};
    }
    char done[128] = "";
    char *keys[4];
    for (size_t i = 0; i < n; i++) {
        DWORD parm_err = 0;
        NET_API_STATUS st = NetUserSetInfo(opt->server, user, changes[i].level,
                                           changes[i].record, &parm_err);
        if (st != NERR_Success) {
            char function[64];
            snprintf(function, sizeof function, "NetUserSetInfo (level %u, %s)",
                     (unsigned)changes[i].level, changes[i].words);
            api_error(function, st);
            if (i)
                fprintf(stderr, "netapi: changed before the failure: %s\n", done);
            return EXIT_API;
        }
        size_t len = strlen(done);
        snprintf(done + len, sizeof done - len, "%s%s", i ? ", " : "", changes[i].words);
        keys[i] = changes[i].key;
    }
    struct kv *kv = result_begin(opt, "user", "set");
    kv_string(kv, "name", NULL, user);
    kv_strings(kv, "changed", NULL, keys, n);
    if (opt->given & OPT_ENABLE)
        kv_number(kv, "flags", NULL, flags.usri1008_flags);
    return result_end(kv, "User %s changed (%s)", user, done);
}

/* An administrator's reset (NetUserSetInfo level 1003), or with --old the
   owner's change (NetUserChangePassword, the server as the domain). */
static int set_password(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    const char *user = args[0];
    int as_owner = (opt->given & OPT_OLD) != 0;
    char *old = NULL, *password = NULL;
    NET_API_STATUS st;
    if (as_owner) {
        if (auth_password_change(opt, user, &old, &password) != EXIT_OK)
            return EXIT_USAGE;
        st = NetUserChangePassword(opt->server, user, old, password);
    } else {
        if (!(password = auth_new_password(opt, user)))
            return EXIT_USAGE;
        USER_INFO_1003 u = {password};
        DWORD parm_err = 0;
        st = NetUserSetInfo(opt->server, user, 1003, (LPBYTE)&u, &parm_err);
    }
    auth_free_secret(old);
    auth_free_secret(password);
    if (st != NERR_Success)
        return api_error(as_owner ? "NetUserChangePassword" : "NetUserSetInfo (level 1003)", st);
    struct kv *kv = result_begin(opt, "user", "password");
    kv_string(kv, "name", NULL, user);
    kv_bool(kv, "old", NULL, as_owner);
    return result_end(kv, "Password of user %s %s", user, as_owner ? "changed" : "set");
}

static const struct form forms[] = {
    {NULL, "", 0, 0, OPT_LEVEL | OPT_PREFMAXLEN,
     "Every account, as a table (NetUserEnum, level 20 unless --level: 0, 1, 2, 3, 4,\n"
     "10, 11, 20, 23).",
     list_users},
    {NULL, "NAME", 1, 1, OPT_LEVEL,
     "The account (NetUserGetInfo, level 20 unless --level) and its local group\n"
     "memberships (NetUserGetLocalGroups).",
     show_user},
    {"show", "NAME", 1, 1, OPT_LEVEL,
     "The same as 'user NAME', for an account whose name is one of user's\n"
     "subcommand words (show, add, del, set, password).",
     show_user},
    {"add", "NAME", 1, 1, OPT_FULL_NAME | OPT_COMMENT | OPT_HOME | OPT_PASSWORD_FILE,
     "Create the ordinary account NAME (NetUserAdd, level 1; level 2 with --full-name).\n"
     "Its password comes from --password-file, or is asked for twice on the terminal,\n"
     "without echo; it is never taken from the command line.",
     add_user},
    {"del", "NAME", 1, 1, 0, "Delete the account NAME (NetUserDel).", del_user},
    {"set", "NAME", 1, 1, OPT_FULL_NAME | OPT_COMMENT | OPT_HOME | OPT_ENABLE,
     "Change the fields given, each by the NetUserSetInfo level that sets it alone:\n"
     "1011 full name, 1007 comment, 1006 home folder, 1008 flags (read first with\n"
     "NetUserGetInfo level 1; --enable or --disable changes only UF_ACCOUNTDISABLE).\n"
     "When one fails, the fields before it stay changed; the error says which.",
     set_user},
    {"password", "NAME", 1, 1, OPT_PASSWORD_FILE | OPT_OLD,
     "Set the account's password as an administrator (NetUserSetInfo, level 1003).\n"
     "The new password comes from --password-file or is asked for twice on the\n"
     "terminal.  With --old: change it as its owner, knowing the old one\n"
     "(NetUserChangePassword, the server as its domain); --password-file then holds\n"
     "two lines, the old password and the new one.",
     set_password},
};

const struct command user_command = {
    "user", "list, show, add, delete and change user accounts and their passwords",
    FORMS(forms)};
