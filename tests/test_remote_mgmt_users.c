/*
 * test_remote_mgmt_users.c — issue 11 against real servers: every user,
 * global-group and local-group function, at every level the server can
 * answer, run by tests/remote/with_server.sh (smbd or dc) through
 * tests/remote/mgmt_server.sh.
 *
 * Every write is read back twice: through the server's own tools (pdbedit
 * or samba-tool, and net rpc, all run next to the server in its namespace)
 * and through our own read functions.  Every failure path gives Windows'
 * status (a name taken, a name unknown, access denied for the ordinary
 * user, a password the policy refuses, a member already in or not in a
 * group), and the server is checked to be as it was after each failed
 * write.  Each run starts fresh servers, so nothing leaks between runs;
 * within a run every test makes its own accounts (names starting "mgmt").
 * Exits 77 (skipped) when not run under with_server.sh.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"

static const char *S, *admin, *admin_pw, *user, *user_pw, *smbconf, *domain;
static int dc; /* the AD DC (else the standalone smbd) */

/* ---- the server's own tools ------------------------------------------------------- */

static char out[1 << 20]; /* the last tool's output */

/* Run a shell command (stderr with stdout) into out: its exit status. */
static __attribute__((format(printf, 1, 2))) int sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    out[0] = '\0';
    if (!p)
        return -1;
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A line of out that is exactly `line`. */
static int has_line(const char *line)
{
    size_t n = strlen(line);
    for (const char *p = out; (p = strstr(p, line)); p++)
        if ((p == out || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return 1;
    return 0;
}

/* A line of out that is "label" and "value" with only spaces (and a ':')
   between them: samba-tool's "attr: value", pdbedit's "Label:   value". */
static int has_field(const char *label, const char *value)
{
    size_t n = strlen(label);
    if (!n)
        return 0; /* no such field on this server */
    for (const char *p = out; (p = strstr(p, label)); p++) {
        if (p != out && p[-1] != '\n')
            continue;
        const char *v = p + n;
        while (*v == ' ' || *v == '\t')
            v++;
        if (*v == ':')
            v++;
        while (*v == ' ' || *v == '\t')
            v++;
        size_t k = strlen(value);
        if (strncmp(v, value, k) == 0 && (v[k] == '\n' || v[k] == '\0' || v[k] == ' '))
            return 1;
    }
    return 0;
}

#define NET_RPC "net rpc -S %s -U '%s%%%s' "
#define NET_ARGS S, admin, admin_pw

/* The account as the server's own database tool shows it. */
static int tool_user(const char *name)
{
    if (dc)
        return sh("samba-tool user show '%s' -s '%s' 2>&1", name, smbconf);
    return sh("pdbedit -s '%s' -v -u '%s' 2>&1", smbconf, name);
}

/* Does the account exist, says the server's tool. */
static int tool_user_exists(const char *name)
{
    return tool_user(name) == 0;
}

/* A field of the account, by the label of the server's tool (DC, smbd). */
static int tool_user_field(const char *name, const char *dc_label, const char *smbd_label,
                           const char *value)
{
    return tool_user(name) == 0 && has_field(dc ? dc_label : smbd_label, value);
}

/* The global groups of an account, one per line (net rpc user info). */
static int tool_user_in_group(const char *name, const char *group)
{
    return sh(NET_RPC "user info '%s' 2>&1", NET_ARGS, name) == 0 && has_line(group);
}

/* "DOMAIN\name" is a member of group (global or local; net rpc). */
static int tool_member(const char *group, const char *name)
{
    char line[512];
    snprintf(line, sizeof line, "%s\\%s", domain, name);
    return sh(NET_RPC "group members '%s' 2>&1", NET_ARGS, group) == 0 && has_line(line);
}

/* The group of kind ("global" or "local") with a comment starting so
   ("" for any).  The DC: net rpc group list --long.  smbd: its group
   mapping database (net groupmap list), read directly: its SAMR server
   keeps lists it has sent in a cache for a while, which another SAMR
   process does not flush when the group changes. */
static int tool_group(const char *kind, const char *name, const char *comment)
{
    if (dc) {
        if (sh(NET_RPC "group list %s --long 2>&1", NET_ARGS, kind) != 0)
            return 0;
        return has_field(name, comment);
    }
    if (sh("net groupmap list verbose -s '%s' 2>&1", smbconf) != 0)
        return 0;
    /* "name\n\tSID : ...\n\t...\n\tGroup type: Domain Group\n\tComment   : c\n" */
    size_t n = strlen(name);
    for (const char *p = out; (p = strstr(p, name)); p++) {
        if ((p != out && p[-1] != '\n') || p[n] != '\n')
            continue;
        const char *end = p + n + 1;
        while (*end == '\t')
            end = strchr(end, '\n') ? strchr(end, '\n') + 1 : end + strlen(end);
        char want[256];
        snprintf(want, sizeof want, "\tComment   : %s", comment);
        const char *type = strstr(p, "\tGroup type: ");
        const char *c = strstr(p, want);
        int kind_ok = type && type < end &&
                      strncmp(type + 13, strcmp(kind, "global") == 0 ? "Domain" : "Local", 5) == 0;
        return kind_ok && c && c < end;
    }
    return 0;
}

/* Does a logon with this password work? */
static int tool_logon(const char *name, const char *password)
{
    return sh("smbclient -L '//%s' -U '%s%%%s' >/dev/null 2>&1", S, name, password) == 0;
}

/* ---- our side ------------------------------------------------------------------------ */

static void as_admin(void)
{
    CHECK_EQ_U(netapibuf_set_credentials(NULL, admin, admin_pw), NERR_Success);
}

static void as_user(void)
{
    CHECK_EQ_U(netapibuf_set_credentials(NULL, user, user_pw), NERR_Success);
}

/* A new account with a password through NetUserAdd level 1. */
static NET_API_STATUS add_user(const char *name, const char *password)
{
    USER_INFO_1 u;
    memset(&u, 0, sizeof u);
    u.usri1_name = (LMSTR)(uintptr_t)name;
    u.usri1_password = (LMSTR)(uintptr_t)password;
    u.usri1_priv = USER_PRIV_USER;
    u.usri1_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;
    DWORD parm = 99;
    return NetUserAdd(S, 1, (LPBYTE)&u, &parm);
}

/* Our USER_INFO_3 of name (NULL when it cannot be read); free it. */
static USER_INFO_3 *get_user(const char *name)
{
    LPBYTE b = NULL;
    return NetUserGetInfo(S, name, 3, &b) == NERR_Success ? (USER_INFO_3 *)b : NULL;
}

/* Is group among NetUserGetGroups(name)? */
static int our_user_in_group(const char *name, const char *group)
{
    LPBYTE b = NULL;
    DWORD read = 0, total = 0;
    int found = 0;
    if (NetUserGetGroups(S, name, 0, &b, MAX_PREFERRED_LENGTH, &read, &total) == NERR_Success)
        for (DWORD i = 0; i < read; i++)
            found |= strcasecmp(((GROUP_USERS_INFO_0 *)b)[i].grui0_name, group) == 0;
    NetApiBufferFree(b);
    return found;
}

/* Is name among NetGroupGetUsers(group)? */
static int our_group_member(const char *group, const char *name)
{
    LPBYTE b = NULL;
    DWORD read = 0, total = 0;
    int found = 0;
    if (NetGroupGetUsers(S, group, 0, &b, MAX_PREFERRED_LENGTH, &read, &total, NULL) ==
        NERR_Success)
        for (DWORD i = 0; i < read; i++)
            found |= strcasecmp(((GROUP_USERS_INFO_0 *)b)[i].grui0_name, name) == 0;
    NetApiBufferFree(b);
    return found;
}

/* Is "DOMAIN\name" among NetLocalGroupGetMembers(group)?  -1: unreadable. */
static int our_alias_member(const char *group, const char *name)
{
    LPBYTE b = NULL;
    DWORD read = 0, total = 0;
    char want[512];
    snprintf(want, sizeof want, "%s\\%s", domain, name);
    if (NetLocalGroupGetMembers(S, group, 3, &b, MAX_PREFERRED_LENGTH, &read, &total, NULL) !=
        NERR_Success)
        return -1;
    int found = 0;
    for (DWORD i = 0; i < read; i++)
        found |= strcasecmp(((LOCALGROUP_MEMBERS_INFO_3 *)b)[i].lgrmi3_domainandname, want) == 0;
    NetApiBufferFree(b);
    return found;
}

/* The number of members of local group (NetLocalGroupGetMembers). */
static DWORD our_alias_count(const char *group)
{
    LPBYTE b = NULL;
    DWORD read = 0, total = 0;
    NetLocalGroupGetMembers(S, group, 0, &b, MAX_PREFERRED_LENGTH, &read, &total, NULL);
    NetApiBufferFree(b);
    return read;
}

/* A copy of account name's SID (NetUserGetInfo level 23); free it. */
static PSID user_sid(const char *name)
{
    LPBYTE b = NULL;
    if (NetUserGetInfo(S, name, 23, &b) != NERR_Success)
        return NULL;
    const unsigned char *sid = ((USER_INFO_23 *)b)->usri23_user_sid;
    size_t n = 8 + 4 * (size_t)sid[1];
    void *copy = malloc(n);
    memcpy(copy, sid, n);
    NetApiBufferFree(b);
    return copy;
}

/* ---- users ------------------------------------------------------------------------------ */

/* Levels 1 to 4 each make an account with every field they carry. */
TEST(user_add_levels)
{
    static const char *names[] = {NULL, "mgmtadd1", "mgmtadd2", "mgmtadd3", "mgmtadd4"};
    for (DWORD level = 1; level <= 4; level++) {
        const char *name = names[level];
        USER_INFO_4 u; /* levels 1 to 4 are prefixes of USER_INFO_4's layout but for 3/4 */
        USER_INFO_3 u3;
        memset(&u, 0, sizeof u);
        memset(&u3, 0, sizeof u3);
        u.usri4_name = (LMSTR)(uintptr_t)name;
        u.usri4_password = "Mgmt.Pass1x";
        u.usri4_priv = USER_PRIV_USER;
        u.usri4_home_dir = "\\\\srv\\home";
        u.usri4_comment = "added at a level";
        u.usri4_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;
        u.usri4_script_path = "logon.cmd";
        u.usri4_full_name = "Mgmt Added";
        u.usri4_usr_comment = "a user comment";
        u.usri4_workstations = "NBCLIENT,WS2"; /* the client must stay allowed */
        u.usri4_acct_expires = TIMEQ_FOREVER;
        u.usri4_code_page = 850;
        u.usri4_country_code = 44;
        u.usri4_primary_group_id = DOMAIN_GROUP_RID_USERS;
        u.usri4_profile = "\\\\srv\\profile";
        u.usri4_home_dir_drive = "H:";
        LPBYTE rec = (LPBYTE)&u;
        if (level == 3) {
            /* USER_INFO_3 is USER_INFO_4 with a RID where 4 has a SID */
            memcpy(&u3, &u, offsetof(USER_INFO_3, usri3_user_id));
            u3.usri3_primary_group_id = DOMAIN_GROUP_RID_USERS;
            u3.usri3_profile = u.usri4_profile;
            u3.usri3_home_dir_drive = u.usri4_home_dir_drive;
            rec = (LPBYTE)&u3;
        }
        DWORD parm = 99;
        CHECK_EQ_U(NetUserAdd(S, level, rec, &parm), NERR_Success);
        CHECK_EQ_U(parm, PARM_ERROR_NONE);
        /* the server's tool */
        CHECK(tool_user_exists(name));
        CHECK(tool_user_field(name, "description", "Account desc", "added at a level"));
        CHECK(tool_user_field(name, "homeDirectory", "Home Directory", "\\\\srv\\home"));
        CHECK(tool_user_field(name, "scriptPath", "Logon Script", "logon.cmd"));
        /* Samba's NetUserAdd alone would make it disabled (UF_SCRIPT as ACB_DISABLED) */
        CHECK(tool_user_field(name, "userAccountControl", "Account Flags", dc ? "512" : "[U"));
        if (level >= 2) {
            CHECK(tool_user_field(name, "displayName", "Full Name", "Mgmt Added"));
            CHECK(tool_user_field(name, "userWorkstations", "Workstations", "NBCLIENT,WS2"));
            if (dc) {
                CHECK(tool_user_field(name, "comment", "", "a user comment"));
                CHECK(tool_user_field(name, "codePage", "", "850"));
                CHECK(tool_user_field(name, "countryCode", "", "44"));
            }
        }
        if (level >= 3) {
            CHECK(tool_user_field(name, "profilePath", "Profile Path", "\\\\srv\\profile"));
            CHECK(tool_user_field(name, "homeDrive", "HomeDir Drive", "H:"));
        }
        CHECK(tool_logon(name, "Mgmt.Pass1x"));
        /* our read functions */
        USER_INFO_3 *g = get_user(name);
        CHECK(g != NULL);
        if (g) {
            CHECK_EQ_S(g->usri3_comment, "added at a level");
            CHECK_EQ_S(g->usri3_home_dir, "\\\\srv\\home");
            CHECK_EQ_U(g->usri3_flags & (UF_ACCOUNTDISABLE | UF_NORMAL_ACCOUNT), UF_NORMAL_ACCOUNT);
            CHECK_EQ_U(g->usri3_flags & UF_DONT_EXPIRE_PASSWD, 0);
            if (level >= 2) {
                CHECK_EQ_S(g->usri3_full_name, "Mgmt Added");
                CHECK_EQ_S(g->usri3_usr_comment, "a user comment");
                CHECK_EQ_S(g->usri3_workstations, "NBCLIENT,WS2");
            }
            if (level >= 3) {
                CHECK_EQ_S(g->usri3_profile, "\\\\srv\\profile");
                CHECK_EQ_S(g->usri3_home_dir_drive, "H:");
                CHECK_EQ_U(g->usri3_primary_group_id, DOMAIN_GROUP_RID_USERS);
            }
            NetApiBufferFree(g);
        }
        CHECK_EQ_U(NetUserDel(S, name), NERR_Success);
        CHECK(!tool_user_exists(name));
        LPBYTE b = NULL;
        CHECK_EQ_U(NetUserGetInfo(S, name, 0, &b), NERR_UserNotFound);
    }
}

TEST(user_add_failures)
{
    DWORD parm = 99;
    USER_INFO_1 u;
    memset(&u, 0, sizeof u);
    u.usri1_name = "mgmtbad";
    u.usri1_password = "Mgmt.Pass1x";
    u.usri1_priv = USER_PRIV_USER;
    u.usri1_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;
    /* the record is checked before anything is sent: a malformed server
       name is noticed only after it */
    CHECK_EQ_U(NetUserAdd(S, 1, NULL, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, PARM_ERROR_UNKNOWN);
    CHECK_EQ_U(NetUserAdd(S, 5, (LPBYTE)&u, &parm), ERROR_INVALID_LEVEL);
    u.usri1_priv = USER_PRIV_ADMIN;
    CHECK_EQ_U(NetUserAdd("\\\\", 1, (LPBYTE)&u, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_PRIV_PARMNUM);
    u.usri1_priv = USER_PRIV_USER;
    u.usri1_flags = UF_NORMAL_ACCOUNT | UF_WORKSTATION_TRUST_ACCOUNT;
    CHECK_EQ_U(NetUserAdd(S, 1, (LPBYTE)&u, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_FLAGS_PARMNUM);
    u.usri1_flags = UF_SCRIPT | UF_WORKSTATION_TRUST_ACCOUNT;
    CHECK_EQ_U(NetUserAdd(S, 1, (LPBYTE)&u, &parm), ERROR_NOT_SUPPORTED);
    u.usri1_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;
    u.usri1_name = NULL;
    CHECK_EQ_U(NetUserAdd(S, 1, (LPBYTE)&u, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_NAME_PARMNUM);
    u.usri1_name = "";
    CHECK_EQ_U(NetUserAdd(S, 1, (LPBYTE)&u, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_NAME_PARMNUM);
    USER_INFO_3 u3;
    memset(&u3, 0, sizeof u3);
    u3.usri3_name = "mgmtbad";
    u3.usri3_priv = USER_PRIV_USER;
    CHECK_EQ_U(NetUserAdd(S, 3, (LPBYTE)&u3, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_PRIMARY_GROUP_PARMNUM);
    CHECK_EQ_U(NetUserAdd("\\\\", 3, (LPBYTE)&u3, &parm), ERROR_INVALID_PARAMETER);
    u.usri1_name = "mgmtbad";
    CHECK_EQ_U(NetUserAdd("\\\\", 1, (LPBYTE)&u, &parm), ERROR_INVALID_NAME);
    CHECK(!tool_user_exists("mgmtbad"));

    /* taken names */
    u.usri1_name = (LMSTR)(uintptr_t)user;
    CHECK_EQ_U(NetUserAdd(S, 1, (LPBYTE)&u, &parm), NERR_UserExists);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    u.usri1_name = "nbstaff"; /* a global group on the DC, a local group on smbd */
    NET_API_STATUS st = NetUserAdd(S, 1, (LPBYTE)&u, &parm);
    /* the DC answers USER_EXISTS for any name taken */
    CHECK(st == (dc ? NERR_UserExists : ERROR_ALIAS_EXISTS));

    /* a password the policy refuses: no account is left behind (smbd takes
       any password from its administrator) */
    if (dc) {
        u.usri1_name = "mgmtbad";
        u.usri1_password = "a";
        CHECK_EQ_U(NetUserAdd(S, 1, (LPBYTE)&u, &parm), NERR_PasswordTooShort);
        CHECK(!tool_user_exists("mgmtbad"));
        USER_INFO_2 u2;
        memset(&u2, 0, sizeof u2);
        u2.usri2_name = "mgmtbad";
        u2.usri2_password = "a";
        u2.usri2_priv = USER_PRIV_USER;
        u2.usri2_full_name = "never made";
        CHECK_EQ_U(NetUserAdd(S, 2, (LPBYTE)&u2, &parm), NERR_PasswordTooShort);
        CHECK(!tool_user_exists("mgmtbad"));
    }

    /* the ordinary user may not */
    as_user();
    u.usri1_name = "mgmtbad";
    u.usri1_password = "Mgmt.Pass1x";
    CHECK_EQ_U(NetUserAdd(S, 1, (LPBYTE)&u, &parm), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetUserDel(S, "bob"), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(!tool_user_exists("mgmtbad"));
    CHECK(tool_user_exists("bob"));
    CHECK_EQ_U(NetUserDel(S, "mgmtnosuch"), NERR_UserNotFound);
    CHECK_EQ_U(NetUserDel(S, "nbstaff"), NERR_UserNotFound);
    CHECK_EQ_U(NetUserDel(S, ""), NERR_UserNotFound);
    CHECK_EQ_U(NetUserDel(S, NULL), ERROR_INVALID_PARAMETER);
}

/* Set one field at a level and check it through the tool and our read. */
static void set_one(const char *name, DWORD level, const void *rec)
{
    DWORD parm = 99;
    CHECK_EQ_U(NetUserSetInfo(S, name, level, (LPBYTE)(uintptr_t)rec, &parm), NERR_Success);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
}

TEST(user_set_info_levels)
{
    const char *name = "mgmtset";
    CHECK_EQ_U(add_user(name, "Mgmt.Pass1x"), NERR_Success);

    USER_INFO_1006 home = {"\\\\srv\\mgmt"};
    set_one(name, 1006, &home);
    CHECK(tool_user_field(name, "homeDirectory", "Home Directory", "\\\\srv\\mgmt"));
    USER_INFO_1007 comment = {"set by 1007"};
    set_one(name, 1007, &comment);
    CHECK(tool_user_field(name, "description", "Account desc", "set by 1007"));
    USER_INFO_1009 script = {"s1009.cmd"};
    set_one(name, 1009, &script);
    CHECK(tool_user_field(name, "scriptPath", "Logon Script", "s1009.cmd"));
    USER_INFO_1011 full = {"Full 1011"};
    set_one(name, 1011, &full);
    CHECK(tool_user_field(name, "displayName", "Full Name", "Full 1011"));
    USER_INFO_1012 usr = {"usr 1012"};
    set_one(name, 1012, &usr);
    if (dc)
        CHECK(tool_user_field(name, "comment", "", "usr 1012"));
    USER_INFO_1014 ws = {"NBCLIENT,W1014"}; /* the client must stay allowed */
    set_one(name, 1014, &ws);
    CHECK(tool_user_field(name, "userWorkstations", "Workstations", "NBCLIENT,W1014"));
    USER_INFO_1052 prof = {"\\\\srv\\p1052"};
    set_one(name, 1052, &prof);
    CHECK(tool_user_field(name, "profilePath", "Profile Path", "\\\\srv\\p1052"));
    USER_INFO_1053 drive = {"K:"};
    set_one(name, 1053, &drive);
    CHECK(tool_user_field(name, "homeDrive", "HomeDir Drive", "K:"));
    /* no account type: the account keeps its own */
    USER_INFO_1008 flags = {UF_SCRIPT | UF_ACCOUNTDISABLE};
    set_one(name, 1008, &flags);
    CHECK(tool_user_field(name, "userAccountControl", "Account Flags", dc ? "514" : "[DU"));
    /* 2030-01-01 00:00 UTC */
    USER_INFO_1017 expires = {1893456000};
    set_one(name, 1017, &expires);
    if (dc)
        CHECK(tool_user_field(name, "accountExpires", "", "135379296000000000"));
    else
        CHECK(tool_user_field(name, "", "Kickoff time", "Tue, 01 Jan 2030 00:00:00 UTC"));
    /* logon hours: only the first 8 hours of Sunday */
    BYTE hours[21];
    memset(hours, 0, sizeof hours);
    hours[0] = 0xFF;
    USER_INFO_1020 lh = {UNITS_PER_WEEK, hours};
    set_one(name, 1020, &lh);
    if (!dc)
        CHECK(tool_user_field(name, "", "Logon hours", "FF0000000000000000000000000000000000000000"));
    USER_INFO_1024 cc = {49};
    set_one(name, 1024, &cc);
    USER_INFO_1025 cp = {437};
    set_one(name, 1025, &cp);
    if (dc) {
        CHECK(tool_user_field(name, "countryCode", "", "49"));
        CHECK(tool_user_field(name, "codePage", "", "437"));
    }
    /* parameters: Windows' UTF-16 string ("P1": 50 00 31 00, base64 UAAxAA==) */
    USER_INFO_1013 parms = {"P1"};
    set_one(name, 1013, &parms);
    /* samba-tool prints it base64-encoded, pdbedit as its (UTF-16) bytes */
    if (dc)
        CHECK(tool_user_field(name, "userParameters:", "", "UAAxAA=="));
    else
        CHECK(tool_user_field(name, "", "Munged dial", "UAAxAA=="));

    USER_INFO_3 *g = get_user(name);
    CHECK(g != NULL);
    if (g) {
        CHECK_EQ_S(g->usri3_home_dir, "\\\\srv\\mgmt");
        CHECK_EQ_S(g->usri3_comment, "set by 1007");
        CHECK_EQ_S(g->usri3_script_path, "s1009.cmd");
        CHECK_EQ_S(g->usri3_full_name, "Full 1011");
        CHECK_EQ_S(g->usri3_usr_comment, "usr 1012");
        CHECK_EQ_S(g->usri3_workstations, "NBCLIENT,W1014");
        CHECK_EQ_S(g->usri3_profile, "\\\\srv\\p1052");
        CHECK_EQ_S(g->usri3_home_dir_drive, "K:");
        CHECK(g->usri3_flags & UF_ACCOUNTDISABLE);
        CHECK_EQ_U(g->usri3_acct_expires, 1893456000);
        CHECK(g->usri3_logon_hours && g->usri3_logon_hours[0] == 0xFF &&
              g->usri3_logon_hours[1] == 0);
        if (dc) {
            CHECK_EQ_U(g->usri3_country_code, 49);
            CHECK_EQ_U(g->usri3_code_page, 437);
        }
        NetApiBufferFree(g);
    }

    /* levels 1 to 4: every field of the record, NULL strings left alone */
    USER_INFO_2 u2;
    memset(&u2, 0, sizeof u2);
    u2.usri2_priv = USER_PRIV_USER;
    u2.usri2_comment = "set by 2";
    u2.usri2_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;
    u2.usri2_full_name = "Full 2";
    u2.usri2_acct_expires = TIMEQ_FOREVER;
    u2.usri2_units_per_week = UNITS_PER_WEEK;
    u2.usri2_password = "Mgmt.Pass2y";
    set_one(name, 2, &u2);
    CHECK(tool_user_field(name, "description", "Account desc", "set by 2"));
    CHECK(tool_user_field(name, "displayName", "Full Name", "Full 2"));
    CHECK(tool_user_field(name, "scriptPath", "Logon Script", "s1009.cmd")); /* NULL: kept */
    CHECK(tool_user_field(name, "userAccountControl", "Account Flags", dc ? "512" : "[U"));
    CHECK(tool_logon(name, "Mgmt.Pass2y"));
    if (!dc)
        CHECK(!tool_logon(name, "Mgmt.Pass1x"));
    if (!dc)
        CHECK(tool_user_field(name, "", "Logon hours", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"));
    USER_INFO_1 u1;
    memset(&u1, 0, sizeof u1);
    u1.usri1_comment = "set by 1";
    u1.usri1_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD;
    set_one(name, 1, &u1);
    CHECK(tool_user_field(name, "description", "Account desc", "set by 1"));
    CHECK(tool_user_field(name, "userAccountControl", "Account Flags", dc ? "66048" : "[UX"));
    USER_INFO_1003 pw = {"Mgmt.Pass3z"};
    set_one(name, 1003, &pw);
    CHECK(tool_logon(name, "Mgmt.Pass3z"));
    /* levels 3 and 4: the members after level 2's too */
    USER_INFO_3 u3;
    memset(&u3, 0, sizeof u3);
    u3.usri3_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD;
    u3.usri3_acct_expires = TIMEQ_FOREVER;
    u3.usri3_primary_group_id = DOMAIN_GROUP_RID_USERS;
    u3.usri3_profile = "\\\\srv\\p3";
    u3.usri3_home_dir_drive = "L:";
    u3.usri3_comment = "set by 1";
    set_one(name, 3, &u3);
    CHECK(tool_user_field(name, "profilePath", "Profile Path", "\\\\srv\\p3"));
    CHECK(tool_user_field(name, "homeDrive", "HomeDir Drive", "L:"));
    /* "never" is 0 for both servers */
    CHECK(tool_user_field(name, "accountExpires", "Kickoff time", "0"));
    USER_INFO_4 u4;
    memset(&u4, 0, sizeof u4);
    u4.usri4_flags = u3.usri3_flags;
    u4.usri4_acct_expires = TIMEQ_FOREVER;
    u4.usri4_primary_group_id = DOMAIN_GROUP_RID_USERS;
    u4.usri4_home_dir_drive = "M:";
    u4.usri4_full_name = "Full 4";
    set_one(name, 4, &u4);
    CHECK(tool_user_field(name, "homeDrive", "HomeDir Drive", "M:"));
    CHECK(tool_user_field(name, "displayName", "Full Name", "Full 4"));
    CHECK(tool_user_field(name, "profilePath", "Profile Path", "\\\\srv\\p3")); /* NULL: kept */
    CHECK(tool_logon(name, "Mgmt.Pass3z")); /* never expires, any hour */

    /* rename, and back */
    USER_INFO_0 rn = {"mgmtset2"};
    set_one(name, 0, &rn);
    CHECK(tool_user_exists("mgmtset2"));
    CHECK(!tool_user_exists(name));
    LPBYTE b = NULL;
    CHECK_EQ_U(NetUserGetInfo(S, "mgmtset2", 0, &b), NERR_Success);
    NetApiBufferFree(b);
    USER_INFO_0 back = {(LMSTR)(uintptr_t)name};
    set_one("mgmtset2", 0, &back);
    CHECK(tool_user_exists(name));

    /* refused and unknown levels, bad records */
    DWORD parm = 99;
    static const DWORD refused[] = {21, 22, 1005, 1010, 1018, 1023};
    static BYTE zero[256];
    USER_INFO_1023 server = {"\\\\srv"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        const void *rec = refused[i] == 1023 ? (const void *)&server : (const void *)zero;
        CHECK_EQ_U(NetUserSetInfo(S, name, refused[i], (LPBYTE)(uintptr_t)rec, &parm),
                   ERROR_NOT_SUPPORTED);
    }
    CHECK_EQ_U(NetUserSetInfo(S, name, 9999, zero, &parm), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetUserSetInfo(S, name, 1007, zero, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_COMMENT_PARMNUM);
    CHECK_EQ_U(NetUserSetInfo(S, name, 1003, zero, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_PASSWORD_PARMNUM);
    USER_INFO_1008 bad_flags = {0x80000000u};
    CHECK_EQ_U(NetUserSetInfo(S, name, 1008, (LPBYTE)&bad_flags, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_FLAGS_PARMNUM);
    CHECK_EQ_U(NetUserSetInfo(S, name, 1007, NULL, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, PARM_ERROR_UNKNOWN);
    CHECK_EQ_U(NetUserSetInfo(S, "mgmtnosuch", 1007, (LPBYTE)&comment, &parm), NERR_UserNotFound);
    CHECK_EQ_U(NetUserSetInfo(S, "mgmtnosuch", 1008, (LPBYTE)&flags, &parm), NERR_UserNotFound);
    USER_INFO_0 taken = {(LMSTR)(uintptr_t)user};
    NET_API_STATUS st = NetUserSetInfo(S, name, 0, (LPBYTE)&taken, &parm);
    CHECK(st == NERR_UserExists || (!dc && st == ERROR_ACCESS_DENIED));
    CHECK(tool_user_exists(name));

    /* the policy refuses the password: the old one still works */
    if (dc) {
        USER_INFO_1003 weak = {"a"};
        CHECK_EQ_U(NetUserSetInfo(S, name, 1003, (LPBYTE)&weak, &parm), NERR_PasswordTooShort);
        USER_INFO_1 weak1 = u1;
        weak1.usri1_password = "a";
        weak1.usri1_comment = "never set";
        CHECK_EQ_U(NetUserSetInfo(S, name, 1, (LPBYTE)&weak1, &parm), NERR_PasswordTooShort);
        CHECK(tool_user_field(name, "description", "Account desc", "set by 1"));
        CHECK(tool_logon(name, "Mgmt.Pass3z"));
    }

    /* the ordinary user may not, and nothing changes */
    as_user();
    USER_INFO_1007 sneaky = {"changed by the user"};
    CHECK_EQ_U(NetUserSetInfo(S, name, 1007, (LPBYTE)&sneaky, &parm), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetUserSetInfo(S, name, 1008, (LPBYTE)&flags, &parm), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(tool_user_field(name, "description", "Account desc", "set by 1"));
    CHECK(tool_user_field(name, "userAccountControl", "Account Flags", dc ? "66048" : "[UX"));
    CHECK_EQ_U(NetUserDel(S, name), NERR_Success);
}

TEST(user_change_password)
{
    const char *name = "mgmtpw";
    /* the DC lets a password change once a day: make it any time */
    DWORD parm = 99;
    USER_MODALS_INFO_1002 dummy;
    (void)dummy;
    USER_MODALS_INFO_1003 min_age = {0};
    CHECK_EQ_U(NetUserModalsSet(S, 1003, (LPBYTE)&min_age, &parm), NERR_Success);
    CHECK_EQ_U(add_user(name, "Mgmt.Pass1x"), NERR_Success);
    CHECK_EQ_U(NetUserChangePassword(S, name, "Mgmt.Pass1x", "Mgmt.Pass2y"), NERR_Success);
    CHECK(tool_logon(name, "Mgmt.Pass2y"));
    /* (a domain controller still takes the previous password for network
       logons for an hour, as Active Directory does) */
    if (!dc)
        CHECK(!tool_logon(name, "Mgmt.Pass1x"));
    /* as the ordinary user: the old password is the only authority needed */
    as_user();
    CHECK_EQ_U(NetUserChangePassword(S, name, "Mgmt.Pass2y", "Mgmt.Pass3z"), NERR_Success);
    CHECK_EQ_U(NetUserChangePassword(S, name, "wrong.Pass9", "Mgmt.Pass4w"),
               ERROR_INVALID_PASSWORD);
    CHECK_EQ_U(NetUserChangePassword(S, name, "Mgmt.Pass3z", "a"), NERR_PasswordTooShort);
    as_admin();
    CHECK(tool_logon(name, "Mgmt.Pass3z"));
    /* by the domain's name: the DC's realm resolves (its DNS) to the DC */
    if (dc) {
        const char *realm = getenv("NB_REALM");
        CHECK_EQ_U(NetUserChangePassword(realm, name, "Mgmt.Pass3z", "Mgmt.Pass5v"), NERR_Success);
        CHECK(tool_logon(name, "Mgmt.Pass5v"));
    }
    /* an unknown account: Samba answers as for a wrong password */
    NET_API_STATUS st = NetUserChangePassword(S, "mgmtnosuch", "x.Pass1x", "y.Pass2y");
    CHECK(st == ERROR_INVALID_PASSWORD || st == NERR_UserNotFound);
    CHECK_EQ_U(NetUserChangePassword(S, NULL, "a", "b"), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserChangePassword(S, name, NULL, "b"), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserChangePassword(S, name, "a", NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserChangePassword("\\\\", name, "a", "b"), ERROR_INVALID_NAME);
    CHECK_EQ_U(NetUserDel(S, name), NERR_Success);
}

/* ---- the account policy -------------------------------------------------------------------- */

TEST(user_modals)
{
    LPBYTE b = NULL;
    CHECK_EQ_U(NetUserModalsGet(S, 0, &b), NERR_Success);
    USER_MODALS_INFO_0 before = b ? *(USER_MODALS_INFO_0 *)b : (USER_MODALS_INFO_0){0};
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserModalsGet(S, 1, &b), NERR_Success);
    if (b)
        CHECK_EQ_U(((USER_MODALS_INFO_1 *)b)->usrmod1_role, UAS_ROLE_PRIMARY);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserModalsGet(S, 2, &b), NERR_Success);
    if (b) {
        USER_MODALS_INFO_2 *m = (USER_MODALS_INFO_2 *)b;
        CHECK_EQ_S(m->usrmod2_domain_name, dc ? domain : "NBSMBD");
        const unsigned char *sid = m->usrmod2_domain_id;
        CHECK(sid && sid[0] == 1 && sid[1] == 4 && sid[7] == 5 && sid[8] == 21);
    }
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserModalsGet(S, 3, &b), NERR_Success);
    NetApiBufferFree(b);
    b = (LPBYTE)1;
    CHECK_EQ_U(NetUserModalsGet(S, 1001, &b), ERROR_INVALID_LEVEL);
    CHECK(b == NULL);

    DWORD parm = 99;
    USER_MODALS_INFO_1001 len = {9};
    CHECK_EQ_U(NetUserModalsSet(S, 1001, (LPBYTE)&len, &parm), NERR_Success);
    if (dc)
        CHECK(sh("samba-tool domain passwordsettings show -s '%s'", smbconf) == 0 &&
              has_line("Minimum password length: 9"));
    else
        CHECK(sh("pdbedit -s '%s' -P 'min password length'", smbconf) == 0 &&
              strstr(out, "value is: 9"));
    USER_MODALS_INFO_0 m0 = before;
    m0.usrmod0_min_passwd_len = 10;
    m0.usrmod0_max_passwd_age = 30 * ONE_DAY;
    CHECK_EQ_U(NetUserModalsSet(S, 0, (LPBYTE)&m0, &parm), NERR_Success);
    CHECK_EQ_U(NetUserModalsGet(S, 0, &b), NERR_Success);
    if (b) {
        CHECK_EQ_U(((USER_MODALS_INFO_0 *)b)->usrmod0_min_passwd_len, 10);
        CHECK_EQ_U(((USER_MODALS_INFO_0 *)b)->usrmod0_max_passwd_age, 30 * ONE_DAY);
    }
    NetApiBufferFree(b);
    if (dc)
        CHECK(sh("samba-tool domain passwordsettings show -s '%s'", smbconf) == 0 &&
              has_line("Maximum password age (days): 30"));
    else
        CHECK(sh("pdbedit -s '%s' -P 'maximum password age'", smbconf) == 0 &&
              strstr(out, "value is: 2592000"));
    USER_MODALS_INFO_3 m3 = {600, 300, 5};
    CHECK_EQ_U(NetUserModalsSet(S, 3, (LPBYTE)&m3, &parm), NERR_Success);
    CHECK_EQ_U(NetUserModalsGet(S, 3, &b), NERR_Success);
    if (b) {
        CHECK_EQ_U(((USER_MODALS_INFO_3 *)b)->usrmod3_lockout_duration, 600);
        CHECK_EQ_U(((USER_MODALS_INFO_3 *)b)->usrmod3_lockout_observation_window, 300);
        CHECK_EQ_U(((USER_MODALS_INFO_3 *)b)->usrmod3_lockout_threshold, 5);
    }
    NetApiBufferFree(b);
    if (dc)
        CHECK(sh("samba-tool domain passwordsettings show -s '%s'", smbconf) == 0 &&
              has_line("Account lockout threshold (attempts): 5"));
    else
        CHECK(sh("pdbedit -s '%s' -P 'bad lockout attempt'", smbconf) == 0 &&
              strstr(out, "value is: 5"));
    /* refused, unknown, bad */
    USER_MODALS_INFO_1006 role = {UAS_ROLE_MEMBER};
    CHECK_EQ_U(NetUserModalsSet(S, 1006, (LPBYTE)&role, &parm), ERROR_NOT_SUPPORTED);
    USER_MODALS_INFO_1 m1 = {UAS_ROLE_MEMBER, "X"};
    CHECK_EQ_U(NetUserModalsSet(S, 1, (LPBYTE)&m1, &parm), ERROR_NOT_SUPPORTED);
    role.usrmod1006_role = 7;
    CHECK_EQ_U(NetUserModalsSet(S, 1006, (LPBYTE)&role, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, MODALS_ROLE_PARMNUM);
    CHECK_EQ_U(NetUserModalsSet(S, 9, (LPBYTE)&m1, &parm), ERROR_INVALID_LEVEL);
    USER_MODALS_INFO_2 m2 = {NULL, NULL};
    CHECK_EQ_U(NetUserModalsSet(S, 2, (LPBYTE)&m2, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, MODALS_DOMAIN_NAME_PARMNUM);
    /* the ordinary user may read but not change */
    as_user();
    CHECK_EQ_U(NetUserModalsGet(S, 0, &b), NERR_Success);
    NetApiBufferFree(b);
    USER_MODALS_INFO_1001 len2 = {3};
    CHECK_EQ_U(NetUserModalsSet(S, 1001, (LPBYTE)&len2, &parm), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK_EQ_U(NetUserModalsGet(S, 0, &b), NERR_Success);
    if (b)
        CHECK_EQ_U(((USER_MODALS_INFO_0 *)b)->usrmod0_min_passwd_len, 10);
    NetApiBufferFree(b);
    /* leave the policy as the other tests expect it */
    CHECK_EQ_U(NetUserModalsSet(S, 0, (LPBYTE)&before, &parm), NERR_Success);
    USER_MODALS_INFO_1003 min_age = {0};
    CHECK_EQ_U(NetUserModalsSet(S, 1003, (LPBYTE)&min_age, &parm), NERR_Success);
}

/* ---- display information ---------------------------------------------------------------------- */

TEST(display_information)
{
    /* level 1: page through every user, 100 at a time, by next index */
    DWORD index = 0, seen = 0, pages = 0;
    int alice = 0, bob_disabled = 0, carol = 0;
    NET_API_STATUS st;
    do {
        PVOID b = NULL;
        DWORD n = 0;
        st = NetQueryDisplayInformation(S, 1, index, 100, MAX_PREFERRED_LENGTH, &n, &b);
        CHECK(st == NERR_Success || st == ERROR_MORE_DATA);
        NET_DISPLAY_USER *d = b;
        for (DWORD i = 0; i < n; i++) {
            CHECK(d[i].usri1_flags & UF_SCRIPT);
            if (strcmp(d[i].usri1_name, "alice") == 0) {
                alice = 1;
                CHECK_EQ_S(d[i].usri1_full_name, "Alice Liddell");
                CHECK_EQ_U(d[i].usri1_flags & (UF_NORMAL_ACCOUNT | UF_ACCOUNTDISABLE),
                           UF_NORMAL_ACCOUNT);
            }
            /* a Samba DC's display information carries no flags: read anew */
            if (strcmp(d[i].usri1_name, "bob") == 0)
                bob_disabled = (d[i].usri1_flags & UF_ACCOUNTDISABLE) != 0;
            if (strcmp(d[i].usri1_name, "carol") == 0)
                carol = strcmp(d[i].usri1_full_name, "Carol Nguyễn") == 0;
        }
        if (n)
            index = d[n - 1].usri1_next_index;
        seen += n;
        NetApiBufferFree(b);
    } while (st == ERROR_MORE_DATA && ++pages < 1000);
    CHECK_EQ_U(st, NERR_Success);
    CHECK(alice);
    CHECK(bob_disabled);
    CHECK(carol);
    CHECK_GE_U(seen, (DWORD)atoi(getenv("NB_USER_COUNT")));

    /* level 2: the DC's own machine account */
    PVOID b = NULL;
    DWORD n = 0;
    CHECK_EQ_U(NetQueryDisplayInformation(S, 2, 0, 100, MAX_PREFERRED_LENGTH, &n, &b),
               NERR_Success);
    if (dc) {
        CHECK_EQ_U(n, 1);
        if (n) {
            CHECK_EQ_S(((NET_DISPLAY_MACHINE *)b)->usri2_name, "NBDC$");
            CHECK(((NET_DISPLAY_MACHINE *)b)->usri2_flags & UF_SERVER_TRUST_ACCOUNT);
        }
    } else {
        CHECK_EQ_U(n, 0);
    }
    NetApiBufferFree(b);
    /* level 3: the global groups */
    b = NULL;
    CHECK(NetQueryDisplayInformation(S, 3, 0, 1000, MAX_PREFERRED_LENGTH, &n, &b) ==
          NERR_Success);
    int staff = 0;
    for (DWORD i = 0; b && i < n; i++)
        if (strcmp(((NET_DISPLAY_GROUP *)b)[i].grpi3_name, "nbstaff") == 0)
            staff = strcmp(((NET_DISPLAY_GROUP *)b)[i].grpi3_comment, "Fixture staff") == 0;
    CHECK_EQ_U(staff, dc);
    NetApiBufferFree(b);
    /* two at a time from the second */
    b = NULL;
    CHECK_EQ_U(NetQueryDisplayInformation(S, 1, 1, 2, MAX_PREFERRED_LENGTH, &n, &b),
               ERROR_MORE_DATA);
    CHECK_EQ_U(n, 2);
    if (n == 2)
        CHECK_EQ_U(((NET_DISPLAY_USER *)b)[0].usri1_next_index, 2);
    NetApiBufferFree(b);
    b = (PVOID)1;
    CHECK_EQ_U(NetQueryDisplayInformation(S, 4, 0, 2, MAX_PREFERRED_LENGTH, &n, &b),
               ERROR_INVALID_LEVEL);
    CHECK(b == NULL);
    CHECK_EQ_U(NetQueryDisplayInformation(S, 1, 0, 2, MAX_PREFERRED_LENGTH, NULL, &b),
               ERROR_INVALID_PARAMETER);
}

/* NetUserEnum level 20 reads the display information (remote/user.c), which
   a Samba DC gives without control bits: every account still has its type,
   and a disabled one shows it, on both servers and with either filter. */
TEST(user_enum_level_20_flags)
{
    DWORD filters[] = {0, FILTER_NORMAL_ACCOUNT};
    for (size_t f = 0; f < sizeof filters / sizeof *filters; f++) {
        LPBYTE b = NULL;
        DWORD n = 0, total = 0, resume = 0;
        CHECK_EQ_U(NetUserEnum(S, 20, filters[f], &b, MAX_PREFERRED_LENGTH, &n, &total, &resume),
                   NERR_Success);
        CHECK_GE_U(n, (DWORD)atoi(getenv("NB_USER_COUNT")));
        USER_INFO_20 *u = (USER_INFO_20 *)b;
        int alice = 0, bob = 0;
        DWORD untyped = 0;
        for (DWORD i = 0; i < n; i++) {
            CHECK(u[i].usri20_flags & UF_SCRIPT);
            if (!(u[i].usri20_flags & UF_ACCOUNT_TYPE_MASK))
                untyped++;
            if (strcmp(u[i].usri20_name, "alice") == 0) {
                alice = 1;
                CHECK_EQ_U(u[i].usri20_flags & (UF_NORMAL_ACCOUNT | UF_ACCOUNTDISABLE),
                           UF_NORMAL_ACCOUNT);
            }
            if (strcmp(u[i].usri20_name, "bob") == 0) {
                bob = 1;
                CHECK_EQ_U(u[i].usri20_flags & (UF_NORMAL_ACCOUNT | UF_ACCOUNTDISABLE),
                           UF_NORMAL_ACCOUNT | UF_ACCOUNTDISABLE);
            }
        }
        CHECK(alice);
        CHECK(bob);
        CHECK_EQ_U(untyped, 0);
        NetApiBufferFree(b);
    }
    /* and as NetUserGetInfo reports the same account */
    LPBYTE b = NULL;
    CHECK_EQ_U(NetUserGetInfo(S, "bob", 20, &b), NERR_Success);
    if (b)
        CHECK(((USER_INFO_20 *)b)->usri20_flags & UF_ACCOUNTDISABLE);
    NetApiBufferFree(b);
}

/* ---- global groups -------------------------------------------------------------------------- */

TEST(group_add_info_enum)
{
    GROUP_INFO_0 g0 = {"mgmtg0"};
    GROUP_INFO_1 g1 = {"mgmtg1", "comment one"};
    GROUP_INFO_2 g2 = {"mgmtg2", "comment two", 0, SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT |
                                                       SE_GROUP_ENABLED};
    GROUP_INFO_3 g3 = {"mgmtg3", "comment three", NULL, 7};
    const void *recs[] = {&g0, &g1, &g2, &g3};
    DWORD parm = 99;
    for (DWORD level = 0; level < 4; level++)
        CHECK_EQ_U(NetGroupAdd(S, level, (LPBYTE)(uintptr_t)recs[level], &parm), NERR_Success);
    CHECK(tool_group("global", "mgmtg0", ""));
    CHECK(tool_group("global", "mgmtg1", "comment one"));
    CHECK(tool_group("global", "mgmtg2", "comment two"));
    CHECK(tool_group("global", "mgmtg3", "comment three"));
    if (dc)
        CHECK(sh("samba-tool group show mgmtg1 -s '%s'", smbconf) == 0 &&
              has_line("description: comment one"));

    /* our reads at every level */
    LPBYTE b = NULL;
    CHECK_EQ_U(NetGroupGetInfo(S, "mgmtg2", 2, &b), NERR_Success);
    if (b) {
        GROUP_INFO_2 *g = (GROUP_INFO_2 *)b;
        CHECK_EQ_S(g->grpi2_name, "mgmtg2");
        CHECK_EQ_S(g->grpi2_comment, "comment two");
        CHECK_EQ_U(g->grpi2_attributes, 7);
        CHECK_GE_U(g->grpi2_group_id, 1000);
    }
    NetApiBufferFree(b);
    CHECK_EQ_U(NetGroupGetInfo(S, "mgmtg3", 3, &b), NERR_Success);
    if (b) {
        const unsigned char *sid = ((GROUP_INFO_3 *)b)->grpi3_group_sid;
        CHECK(sid && sid[0] == 1 && sid[1] == 5);
    }
    NetApiBufferFree(b);
    for (DWORD level = 0; level < 4; level++) {
        CHECK_EQ_U(NetGroupGetInfo(S, "mgmtg1", level, &b), NERR_Success);
        if (b)
            CHECK_EQ_S(((GROUP_INFO_0 *)b)->grpi0_name, "mgmtg1");
        NetApiBufferFree(b);
    }
    CHECK_EQ_U(NetGroupGetInfo(S, "mgmtg1", 4, &b), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetGroupGetInfo(S, "mgmtnosuch", 0, &b), NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupGetInfo(S, user, 0, &b), NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupGetInfo(S, dc ? "nblocal" : "nbstaff", 0, &b), NERR_GroupNotFound);
    CHECK(b == NULL);

    /* the enumeration at every level, whole and one at a time */
    for (DWORD level = 0; level < 4; level++) {
        DWORD read = 0, total = 0;
        DWORD_PTR resume = 0;
        b = NULL;
        CHECK_EQ_U(NetGroupEnum(S, level, &b, MAX_PREFERRED_LENGTH, &read, &total, &resume),
                   NERR_Success);
        CHECK_EQ_U(read, total);
        CHECK_EQ_U(resume, 0);
        int found = 0;
        for (DWORD i = 0; i < read; i++) {
            const char *name = level == 0   ? ((GROUP_INFO_0 *)b)[i].grpi0_name
                               : level == 1 ? ((GROUP_INFO_1 *)b)[i].grpi1_name
                               : level == 2 ? ((GROUP_INFO_2 *)b)[i].grpi2_name
                                            : ((GROUP_INFO_3 *)b)[i].grpi3_name;
            found += strncmp(name, "mgmtg", 5) == 0;
        }
        CHECK_EQ_U(found, 4);
        NetApiBufferFree(b);
        DWORD paged = 0, calls = 0;
        NET_API_STATUS st;
        resume = 0;
        do {
            b = NULL;
            st = NetGroupEnum(S, level, &b, 1, &read, &total, &resume);
            paged += read;
            NetApiBufferFree(b);
        } while (st == ERROR_MORE_DATA && ++calls < 1000);
        CHECK_EQ_U(st, NERR_Success);
        CHECK_EQ_U(paged, total);
    }

    /* taken names; as the ordinary user; bad records */
    CHECK_EQ_U(NetGroupAdd(S, 1, (LPBYTE)&g1, &parm), NERR_GroupExists);
    GROUP_INFO_0 taken = {(LMSTR)(uintptr_t)user};
    NET_API_STATUS st = NetGroupAdd(S, 0, (LPBYTE)&taken, &parm);
    CHECK(st == NERR_UserExists || st == NERR_GroupExists);
    GROUP_INFO_0 empty = {""};
    CHECK_EQ_U(NetGroupAdd(S, 0, (LPBYTE)&empty, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, GROUP_NAME_PARMNUM);
    CHECK_EQ_U(NetGroupAdd(S, 4, (LPBYTE)&g0, &parm), ERROR_INVALID_LEVEL);
    as_user();
    GROUP_INFO_0 g9 = {"mgmtg9"};
    CHECK_EQ_U(NetGroupAdd(S, 0, (LPBYTE)&g9, &parm), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetGroupDel(S, "mgmtg0"), ERROR_ACCESS_DENIED);
    GROUP_INFO_1002 c = {"by the user"};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg1", 1002, (LPBYTE)&c, &parm), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(!tool_group("global", "mgmtg9", ""));
    CHECK(tool_group("global", "mgmtg0", ""));
    CHECK(tool_group("global", "mgmtg1", "comment one"));

    /* set info at every level */
    GROUP_INFO_1002 c1002 = {"comment 1002"};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg1", 1002, (LPBYTE)&c1002, &parm), NERR_Success);
    CHECK(tool_group("global", "mgmtg1", "comment 1002"));
    GROUP_INFO_1 s1 = {"ignored", "comment level 1"};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg1", 1, (LPBYTE)&s1, &parm), NERR_Success);
    CHECK(tool_group("global", "mgmtg1", "comment level 1"));
    GROUP_INFO_2 s2 = {"ignored", "comment level 2", 0, 7};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg2", 2, (LPBYTE)&s2, &parm), NERR_Success);
    CHECK(tool_group("global", "mgmtg2", "comment level 2"));
    GROUP_INFO_1005 a1005 = {7};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg2", 1005, (LPBYTE)&a1005, &parm), NERR_Success);
    GROUP_INFO_3 s3 = {"ignored", "comment level 3", NULL, 7};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg3", 3, (LPBYTE)&s3, &parm), NERR_Success);
    CHECK(tool_group("global", "mgmtg3", "comment level 3"));
    CHECK_EQ_U(NetGroupGetInfo(S, "mgmtg3", 1, &b), NERR_Success);
    if (b)
        CHECK_EQ_S(((GROUP_INFO_1 *)b)->grpi1_comment, "comment level 3");
    NetApiBufferFree(b);
    GROUP_INFO_0 rn = {"mgmtg0r"};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg0", 0, (LPBYTE)&rn, &parm), NERR_Success);
    CHECK(tool_group("global", "mgmtg0r", ""));
    CHECK(!tool_group("global", "mgmtg0", ""));
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtnosuch", 1002, (LPBYTE)&c1002, &parm), NERR_GroupNotFound);
    GROUP_INFO_1 nocomment = {"x", NULL};
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg1", 1, (LPBYTE)&nocomment, &parm),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, GROUP_COMMENT_PARMNUM);
    CHECK_EQ_U(NetGroupSetInfo(S, "mgmtg1", 7, (LPBYTE)&nocomment, &parm), ERROR_INVALID_LEVEL);

    static const char *const all[] = {"mgmtg0r", "mgmtg1", "mgmtg2", "mgmtg3"};
    for (size_t i = 0; i < 4; i++) {
        CHECK_EQ_U(NetGroupDel(S, all[i]), NERR_Success);
        CHECK(!tool_group("global", all[i], ""));
    }
    CHECK_EQ_U(NetGroupDel(S, "mgmtg1"), NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupDel(S, dc ? "Domain Users" : "nbstaff"),
               dc ? NERR_SpeGroupOp : NERR_GroupNotFound);
}

TEST(group_members)
{
    DWORD parm = 99;
    GROUP_INFO_1 g = {"mgmtgm", "members"};
    CHECK_EQ_U(NetGroupAdd(S, 1, (LPBYTE)&g, &parm), NERR_Success);
    CHECK_EQ_U(add_user("mgmtm1", "Mgmt.Pass1x"), NERR_Success);
    CHECK_EQ_U(add_user("mgmtm2", "Mgmt.Pass1x"), NERR_Success);

    if (!dc) {
        /* a standalone server refuses to change a global group's members
           (tests/remote/mgmt_server.sh says why): nothing changes */
        CHECK_EQ_U(NetGroupAddUser(S, "mgmtgm", "mgmtm1"), ERROR_ACCESS_DENIED);
        CHECK(!our_group_member("mgmtgm", "mgmtm1"));
        CHECK(!tool_user_in_group("mgmtm1", "mgmtgm"));
        CHECK_EQ_U(NetGroupDelUser(S, "mgmtgm", "mgmtm1"), NERR_UserNotInGroup);
        GROUP_USERS_INFO_0 one[] = {{"mgmtm1"}};
        CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 0, (LPBYTE)one, 1), ERROR_ACCESS_DENIED);
        CHECK(!our_group_member("mgmtgm", "mgmtm1"));
        GROUP_USERS_INFO_0 none_only[] = {{"None"}};
        GROUP_USERS_INFO_0 with[] = {{"None"}, {"mgmtgm"}};
        CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)with, 2), ERROR_ACCESS_DENIED);
        CHECK(!our_user_in_group("mgmtm1", "mgmtgm"));
        CHECK(our_user_in_group("mgmtm1", "None"));
        CHECK(tool_user_in_group("mgmtm1", "None"));
        CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)none_only, 1), NERR_Success);
        CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)with, 0), ERROR_MEMBERS_PRIMARY_GROUP);
        LPBYTE b = NULL;
        DWORD read = 0, total = 0;
        CHECK_EQ_U(NetUserGetGroups(S, "mgmtm1", 1, &b, MAX_PREFERRED_LENGTH, &read, &total),
                   NERR_Success);
        CHECK_EQ_U(read, 1);
        if (read)
            CHECK_EQ_S(((GROUP_USERS_INFO_1 *)b)->grui1_name, "None");
        NetApiBufferFree(b);
        CHECK_EQ_U(NetGroupDel(S, "mgmtgm"), NERR_Success);
        CHECK(!tool_group("global", "mgmtgm", ""));
        CHECK_EQ_U(NetUserDel(S, "mgmtm1"), NERR_Success);
        CHECK_EQ_U(NetUserDel(S, "mgmtm2"), NERR_Success);
        return;
    }
    CHECK_EQ_U(NetGroupAddUser(S, "mgmtgm", "mgmtm1"), NERR_Success);
    CHECK(tool_member("mgmtgm", "mgmtm1"));
    CHECK(tool_user_in_group("mgmtm1", "mgmtgm"));
    CHECK(our_group_member("mgmtgm", "mgmtm1"));
    CHECK(our_user_in_group("mgmtm1", "mgmtgm"));
    CHECK_EQ_U(NetGroupAddUser(S, "mgmtgm", "mgmtm1"), NERR_UserInGroup);
    CHECK_EQ_U(NetGroupAddUser(S, "mgmtgm", "mgmtnosuch"), NERR_UserNotFound);
    CHECK_EQ_U(NetGroupAddUser(S, "mgmtnosuch", "mgmtm1"), NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupDelUser(S, "mgmtgm", "mgmtm2"), NERR_UserNotInGroup);
    as_user();
    CHECK_EQ_U(NetGroupAddUser(S, "mgmtgm", "mgmtm2"), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetGroupDelUser(S, "mgmtgm", "mgmtm1"), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(tool_member("mgmtgm", "mgmtm1"));
    CHECK(!tool_member("mgmtgm", "mgmtm2"));

    /* members at both levels, and paged */
    CHECK_EQ_U(NetGroupAddUser(S, "mgmtgm", "mgmtm2"), NERR_Success);
    LPBYTE b = NULL;
    DWORD read = 0, total = 0;
    DWORD_PTR resume = 0;
    CHECK_EQ_U(NetGroupGetUsers(S, "mgmtgm", 1, &b, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               NERR_Success);
    CHECK_EQ_U(read, 2);
    for (DWORD i = 0; b && i < read; i++)
        CHECK_EQ_U(((GROUP_USERS_INFO_1 *)b)[i].grui1_attributes & SE_GROUP_ENABLED,
                   SE_GROUP_ENABLED);
    NetApiBufferFree(b);
    b = NULL;
    CHECK_EQ_U(NetGroupGetUsers(S, "mgmtgm", 0, &b, 1, &read, &total, &resume), ERROR_MORE_DATA);
    CHECK_EQ_U(read, 1);
    CHECK_EQ_U(total, 2);
    NetApiBufferFree(b);
    b = NULL;
    CHECK_EQ_U(NetGroupGetUsers(S, "mgmtgm", 0, &b, 1, &read, &total, &resume), NERR_Success);
    CHECK_EQ_U(read, 1);
    CHECK_EQ_U(resume, 0);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetGroupGetUsers(S, "mgmtnosuch", 0, &b, 1, &read, &total, NULL),
               NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupGetUsers(S, "nblocal", 0, &b, 1, &read, &total, NULL), NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupGetUsers(S, user, 0, &b, 1, &read, &total, NULL), NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupGetUsers(S, "mgmtgm", 2, &b, 1, &read, &total, NULL), ERROR_INVALID_LEVEL);

    /* set the members exactly; all or nothing */
    GROUP_USERS_INFO_0 only2[] = {{"mgmtm2"}};
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 0, (LPBYTE)only2, 1), NERR_Success);
    CHECK(!tool_member("mgmtgm", "mgmtm1"));
    CHECK(tool_member("mgmtgm", "mgmtm2"));
    CHECK(!our_group_member("mgmtgm", "mgmtm1"));
    GROUP_USERS_INFO_1 both[] = {{"mgmtm1", 7}, {"mgmtm2", 7}};
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 1, (LPBYTE)both, 2), NERR_Success);
    CHECK(tool_member("mgmtgm", "mgmtm1"));
    CHECK(tool_member("mgmtgm", "mgmtm2"));
    GROUP_USERS_INFO_0 bad[] = {{"mgmtm1"}, {"mgmtnosuch"}};
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 0, (LPBYTE)bad, 2), NERR_UserNotFound);
    CHECK(tool_member("mgmtgm", "mgmtm2"));
    GROUP_USERS_INFO_0 nullname[] = {{NULL}};
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 0, (LPBYTE)nullname, 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 0, NULL, 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 2, (LPBYTE)only2, 1), ERROR_INVALID_LEVEL);
    as_user();
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 0, (LPBYTE)only2, 1), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(tool_member("mgmtgm", "mgmtm1"));
    CHECK(tool_member("mgmtgm", "mgmtm2"));

    /* a user's groups: read, set exactly, all or nothing */
    const char *primary = dc ? "Domain Users" : "None";
    CHECK(our_user_in_group("mgmtm1", primary));
    b = NULL;
    CHECK_EQ_U(NetUserGetGroups(S, "mgmtm1", 1, &b, MAX_PREFERRED_LENGTH, &read, &total),
               NERR_Success);
    CHECK_EQ_U(read, 2);
    CHECK_EQ_U(total, 2);
    NetApiBufferFree(b);
    b = NULL;
    CHECK_EQ_U(NetUserGetGroups(S, "mgmtm1", 0, &b, 1, &read, &total), ERROR_MORE_DATA);
    CHECK_EQ_U(read, 1);
    CHECK_EQ_U(total, 2);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserGetGroups(S, "mgmtnosuch", 0, &b, 1, &read, &total), NERR_UserNotFound);
    CHECK_EQ_U(NetUserGetGroups(S, "mgmtm1", 2, &b, 1, &read, &total), ERROR_INVALID_LEVEL);
    CHECK(b == NULL);
    GROUP_USERS_INFO_0 just_primary[] = {{(LMSTR)(uintptr_t)primary}};
    CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)just_primary, 1), NERR_Success);
    CHECK(!tool_user_in_group("mgmtm1", "mgmtgm"));
    CHECK(!our_user_in_group("mgmtm1", "mgmtgm"));
    CHECK(tool_user_in_group("mgmtm1", primary));
    GROUP_USERS_INFO_1 two[] = {{(LMSTR)(uintptr_t)primary, 7}, {"mgmtgm", 7}};
    CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 1, (LPBYTE)two, 2), NERR_Success);
    CHECK(tool_user_in_group("mgmtm1", "mgmtgm"));
    CHECK(our_group_member("mgmtgm", "mgmtm1"));
    GROUP_USERS_INFO_0 no_primary[] = {{"mgmtgm"}};
    CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)no_primary, 1),
               ERROR_MEMBERS_PRIMARY_GROUP);
    GROUP_USERS_INFO_0 unknown[] = {{(LMSTR)(uintptr_t)primary}, {"mgmtnosuch"}};
    CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)unknown, 2), NERR_GroupNotFound);
    CHECK_EQ_U(NetUserSetGroups(S, "mgmtnosuch", 0, (LPBYTE)just_primary, 1), NERR_UserNotFound);
    as_user();
    CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)just_primary, 1), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(tool_user_in_group("mgmtm1", "mgmtgm"));
    CHECK(tool_user_in_group("mgmtm1", primary));

    /* the primary group: SetInfo level 1051, then the user cannot leave it */
    CHECK_EQ_U(NetGroupGetInfo(S, "mgmtgm", 2, &b), NERR_Success);
    DWORD gm_rid = b ? ((GROUP_INFO_2 *)b)->grpi2_group_id : 0;
    NetApiBufferFree(b);
    USER_INFO_1051 pg = {gm_rid};
    DWORD parm1051 = 99;
    CHECK_EQ_U(NetUserSetInfo(S, "mgmtm1", 1051, (LPBYTE)&pg, &parm1051), NERR_Success);
    char rid_text[16];
    snprintf(rid_text, sizeof rid_text, "%u", (unsigned)gm_rid);
    CHECK(tool_user_field("mgmtm1", "primaryGroupID", "", rid_text));
    CHECK_EQ_U(NetUserSetGroups(S, "mgmtm1", 0, (LPBYTE)just_primary, 1),
               ERROR_MEMBERS_PRIMARY_GROUP);
    /* an Active Directory group does not list the users whose primary group
       it is: setting its members leaves those, deleting it is refused */
    CHECK_EQ_U(NetGroupSetUsers(S, "mgmtgm", 0, (LPBYTE)only2, 1), NERR_Success);
    CHECK_EQ_U(NetGroupDel(S, "mgmtgm"), ERROR_MEMBERS_PRIMARY_GROUP);
    CHECK(tool_member("mgmtgm", "mgmtm2"));
    CHECK(tool_member("mgmtgm", "mgmtm1") || tool_user_in_group("mgmtm1", "mgmtgm"));
    pg.usri1051_primary_group_id = DOMAIN_GROUP_RID_USERS;
    CHECK_EQ_U(NetUserSetInfo(S, "mgmtm1", 1051, (LPBYTE)&pg, &parm1051), NERR_Success);
    CHECK(tool_user_field("mgmtm1", "primaryGroupID", "", "513"));

    CHECK_EQ_U(NetGroupDelUser(S, "mgmtgm", "mgmtm1"), NERR_Success);
    CHECK(!tool_member("mgmtgm", "mgmtm1"));
    /* a group with members goes, members and all */
    CHECK_EQ_U(NetGroupDel(S, "mgmtgm"), NERR_Success);
    CHECK(!tool_group("global", "mgmtgm", ""));
    CHECK(tool_user_exists("mgmtm2"));
    CHECK_EQ_U(NetUserDel(S, "mgmtm1"), NERR_Success);
    CHECK_EQ_U(NetUserDel(S, "mgmtm2"), NERR_Success);
}

/* ---- local groups --------------------------------------------------------------------------- */

TEST(localgroup_add_info)
{
    DWORD parm = 99;
    LOCALGROUP_INFO_0 l0 = {"mgmtl0"};
    LOCALGROUP_INFO_1 l1 = {"mgmtl1", "local one"};
    CHECK_EQ_U(NetLocalGroupAdd(S, 0, (LPBYTE)&l0, &parm), NERR_Success);
    CHECK_EQ_U(NetLocalGroupAdd(S, 1, (LPBYTE)&l1, &parm), NERR_Success);
    CHECK(tool_group("local", "mgmtl0", ""));
    CHECK(tool_group("local", "mgmtl1", "local one"));
    LPBYTE b = NULL;
    CHECK_EQ_U(NetLocalGroupGetInfo(S, "mgmtl1", 1, &b), NERR_Success);
    if (b)
        CHECK_EQ_S(((LOCALGROUP_INFO_1 *)b)->lgrpi1_comment, "local one");
    NetApiBufferFree(b);
    CHECK_EQ_U(NetLocalGroupAdd(S, 1, (LPBYTE)&l1, &parm), ERROR_ALIAS_EXISTS);
    LOCALGROUP_INFO_0 taken = {(LMSTR)(uintptr_t)user};
    NET_API_STATUS st = NetLocalGroupAdd(S, 0, (LPBYTE)&taken, &parm);
    CHECK(st == (dc ? ERROR_ALIAS_EXISTS : NERR_UserExists));
    LOCALGROUP_INFO_0 empty = {""};
    CHECK_EQ_U(NetLocalGroupAdd(S, 0, (LPBYTE)&empty, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, LOCALGROUP_NAME_PARMNUM);
    CHECK_EQ_U(NetLocalGroupAdd(S, 2, (LPBYTE)&l0, &parm), ERROR_INVALID_LEVEL);

    LOCALGROUP_INFO_1002 c = {"local 1002"};
    CHECK_EQ_U(NetLocalGroupSetInfo(S, "mgmtl1", 1002, (LPBYTE)&c, &parm), NERR_Success);
    CHECK(tool_group("local", "mgmtl1", "local 1002"));
    LOCALGROUP_INFO_1 s1 = {"ignored", "local level 1"};
    CHECK_EQ_U(NetLocalGroupSetInfo(S, "mgmtl1", 1, (LPBYTE)&s1, &parm), NERR_Success);
    CHECK(tool_group("local", "mgmtl1", "local level 1"));
    LOCALGROUP_INFO_0 rn = {"mgmtl0r"};
    CHECK_EQ_U(NetLocalGroupSetInfo(S, "mgmtl0", 0, (LPBYTE)&rn, &parm), NERR_Success);
    CHECK(tool_group("local", "mgmtl0r", ""));
    CHECK(!tool_group("local", "mgmtl0", ""));
    CHECK_EQ_U(NetLocalGroupSetInfo(S, "mgmtnosuch", 1002, (LPBYTE)&c, &parm), NERR_GroupNotFound);
    LOCALGROUP_INFO_1002 none = {NULL};
    CHECK_EQ_U(NetLocalGroupSetInfo(S, "mgmtl1", 1002, (LPBYTE)&none, &parm),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, LOCALGROUP_COMMENT_PARMNUM);
    as_user();
    LOCALGROUP_INFO_0 l9 = {"mgmtl9"};
    CHECK_EQ_U(NetLocalGroupAdd(S, 0, (LPBYTE)&l9, &parm), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetLocalGroupSetInfo(S, "mgmtl1", 1002, (LPBYTE)&c, &parm), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetLocalGroupDel(S, "mgmtl1"), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(!tool_group("local", "mgmtl9", ""));
    CHECK(tool_group("local", "mgmtl1", "local level 1"));

    CHECK_EQ_U(NetLocalGroupDel(S, "mgmtl0r"), NERR_Success);
    CHECK_EQ_U(NetLocalGroupDel(S, "mgmtl1"), NERR_Success);
    CHECK(!tool_group("local", "mgmtl0r", ""));
    CHECK(!tool_group("local", "mgmtl1", ""));
    CHECK_EQ_U(NetLocalGroupDel(S, "mgmtl1"), NERR_GroupNotFound);
    CHECK_EQ_U(NetLocalGroupDel(S, NULL), ERROR_INVALID_PARAMETER);
}

TEST(localgroup_members)
{
    DWORD parm = 99;
    LOCALGROUP_INFO_1 l = {"mgmtlm", "members"};
    CHECK_EQ_U(NetLocalGroupAdd(S, 1, (LPBYTE)&l, &parm), NERR_Success);

    /* level 3 (Samba's own NetLocalGroupAddMembers aborts the process
       here), by "DOMAIN\name" and by name */
    char carol[64];
    snprintf(carol, sizeof carol, "%s\\carol", domain);
    LOCALGROUP_MEMBERS_INFO_3 m3[] = {{carol}, {"dave"}};
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 3, (LPBYTE)m3, 2), NERR_Success);
    CHECK(tool_member("mgmtlm", "carol"));
    CHECK(tool_member("mgmtlm", "dave"));
    CHECK_EQ_U(our_alias_member("mgmtlm", "carol"), 1);
    CHECK_EQ_U(our_alias_count("mgmtlm"), 2);

    /* level 0, by SID: one new, one already in: nothing is added */
    PSID bob = user_sid("bob"), dave = user_sid("dave");
    CHECK(bob && dave);
    LOCALGROUP_MEMBERS_INFO_0 m0[] = {{bob}, {dave}};
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 0, (LPBYTE)m0, 2), ERROR_MEMBER_IN_ALIAS);
    CHECK(!tool_member("mgmtlm", "bob"));
    CHECK_EQ_U(our_alias_count("mgmtlm"), 2);
    LOCALGROUP_MEMBERS_INFO_3 unknown[] = {{"bob"}, {"mgmtnosuch"}};
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 3, (LPBYTE)unknown, 2), ERROR_NO_SUCH_MEMBER);
    CHECK(!tool_member("mgmtlm", "bob"));
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 0, (LPBYTE)m0, 1), NERR_Success);
    CHECK(tool_member("mgmtlm", "bob"));
    CHECK_EQ_U(our_alias_member("mgmtlm", "bob"), 1);

    /* del: one not a member: nothing is taken out */
    LOCALGROUP_MEMBERS_INFO_3 del[] = {{"bob"}, {"alice"}};
    CHECK_EQ_U(NetLocalGroupDelMembers(S, "mgmtlm", 3, (LPBYTE)del, 2), ERROR_MEMBER_NOT_IN_ALIAS);
    CHECK(tool_member("mgmtlm", "bob"));
    CHECK_EQ_U(NetLocalGroupDelMembers(S, "mgmtlm", 3, (LPBYTE)del, 1), NERR_Success);
    CHECK(!tool_member("mgmtlm", "bob"));
    CHECK_EQ_U(our_alias_member("mgmtlm", "bob"), 0);
    CHECK_EQ_U(NetLocalGroupDelMembers(S, "mgmtlm", 0, (LPBYTE)m0, 1), ERROR_MEMBER_NOT_IN_ALIAS);

    /* set exactly: alice and bob in, carol and dave out */
    LOCALGROUP_MEMBERS_INFO_3 set[] = {{"alice"}, {"bob"}};
    CHECK_EQ_U(NetLocalGroupSetMembers(S, "mgmtlm", 3, (LPBYTE)set, 2), NERR_Success);
    CHECK(tool_member("mgmtlm", "alice"));
    CHECK(tool_member("mgmtlm", "bob"));
    CHECK(!tool_member("mgmtlm", "carol"));
    CHECK(!tool_member("mgmtlm", "dave"));
    CHECK_EQ_U(our_alias_count("mgmtlm"), 2);
    LOCALGROUP_MEMBERS_INFO_3 set_bad[] = {{"carol"}, {"mgmtnosuch"}};
    CHECK_EQ_U(NetLocalGroupSetMembers(S, "mgmtlm", 3, (LPBYTE)set_bad, 2), ERROR_NO_SUCH_MEMBER);
    CHECK(tool_member("mgmtlm", "alice"));
    CHECK(!tool_member("mgmtlm", "carol"));

    /* the ordinary user may not */
    as_user();
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 3, (LPBYTE)m3, 1), ERROR_ACCESS_DENIED);
    CHECK_EQ_U(NetLocalGroupSetMembers(S, "mgmtlm", 3, (LPBYTE)m3, 1), ERROR_ACCESS_DENIED);
    as_admin();
    CHECK(!tool_member("mgmtlm", "carol"));
    CHECK_EQ_U(our_alias_count("mgmtlm"), 2);

    /* an empty list empties the group */
    CHECK_EQ_U(NetLocalGroupSetMembers(S, "mgmtlm", 0, NULL, 0), NERR_Success);
    CHECK_EQ_U(our_alias_count("mgmtlm"), 0);

    /* bad arguments, unknown groups */
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtnosuch", 3, (LPBYTE)m3, 1), NERR_GroupNotFound);
    CHECK_EQ_U(NetLocalGroupAddMembers(S, dc ? "nbstaff" : "mgmtnosuch", 3, (LPBYTE)m3, 1),
               NERR_GroupNotFound);
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 1, (LPBYTE)m3, 1), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 3, NULL, 1), ERROR_INVALID_PARAMETER);
    LOCALGROUP_MEMBERS_INFO_0 nosid[] = {{NULL}};
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 0, (LPBYTE)nosid, 1), ERROR_INVALID_PARAMETER);
    unsigned char badsid[8] = {9, 0, 0, 0, 0, 0, 0, 5};
    LOCALGROUP_MEMBERS_INFO_0 bad[] = {{badsid}};
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "mgmtlm", 0, (LPBYTE)bad, 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetLocalGroupAddMembers(S, NULL, 0, (LPBYTE)bad, 1), ERROR_INVALID_PARAMETER);

    /* a builtin group works the same way */
    CHECK_EQ_U(NetLocalGroupAddMembers(S, "Users", 3, (LPBYTE)&m3[1], 1), NERR_Success);
    CHECK_EQ_U(our_alias_member("Users", "dave"), 1);
    CHECK_EQ_U(NetLocalGroupDelMembers(S, "Users", 3, (LPBYTE)&m3[1], 1), NERR_Success);
    CHECK_EQ_U(our_alias_member("Users", "dave"), 0);

    free(bob);
    free(dave);
    CHECK_EQ_U(NetLocalGroupDel(S, "mgmtlm"), NERR_Success);
}

int main(void)
{
    S = getenv("NB_SERVER");
    admin = getenv("NB_ADMIN_USER");
    admin_pw = getenv("NB_ADMIN_PASSWORD");
    user = getenv("NB_USER");
    user_pw = getenv("NB_USER_PASSWORD");
    smbconf = getenv("NB_SMBCONF");
    const char *kind = getenv("NB_SERVER_KIND");
    if (!S || !admin || !admin_pw || !user || !user_pw || !smbconf || !kind ||
        !getenv("NB_USER_COUNT")) {
        printf("test_remote_mgmt_users: run it under tests/remote/with_server.sh\n");
        return 77;
    }
    dc = strcmp(kind, "dc") == 0;
    /* the account domain's name, as net rpc and LSA print members */
    domain = dc ? getenv("NB_DOMAIN") : getenv("NB_SERVER_NAME");
    as_admin();
    RUN(user_add_levels);
    RUN(user_add_failures);
    RUN(user_set_info_levels);
    RUN(user_modals);
    RUN(user_change_password);
    RUN(display_information);
    RUN(user_enum_level_20_flags);
    RUN(group_add_info_enum);
    RUN(group_members);
    RUN(localgroup_add_info);
    RUN(localgroup_members);
    CHECK_EQ_U(netapibuf_set_credentials(NULL, NULL, NULL), NERR_Success);
    return check_finish();
}
