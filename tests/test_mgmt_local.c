/*
 * test_mgmt_local.c — issue 11 for this machine: the management functions
 * answer as a Windows workstation does (one global group "None" holding
 * every user of `getent passwd`; the account policy of login.defs; the
 * display information of NetUserEnum's users), refuse every change with
 * ERROR_NOT_SUPPORTED once the arguments and the record have passed their
 * checks, and run out of memory cleanly at every step.  Static: it reaches
 * the login.defs reader and the out-of-memory hook.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "getent.h"
#include "oom_calls.h"
#include "local/mgmt.h"

/* The user names of `getent passwd`, in its order. */
static char **users;
static size_t nusers;

static void load_users(void)
{
    char **lines;
    nusers = getent_lines("passwd", &lines);
    users = calloc(nusers + 1, sizeof *users);
    for (size_t i = 0; i < nusers; i++) {
        char *p = lines[i];
        users[i] = getent_field(&p);
    }
    free(lines);
}

/* Every server name that means this machine. */
static const char *here[4];

static void load_names(void)
{
    static char host[256];
    gethostname(host, sizeof host);
    here[0] = NULL;
    here[1] = "";
    here[2] = "localhost";
    here[3] = host;
}

/* ---- writes are refused, after the checks ----------------------------------------------- */

TEST(writes_refused_after_checks)
{
    DWORD parm = 99;
    USER_INFO_1 u;
    memset(&u, 0, sizeof u);
    u.usri1_name = "mgmtlocal";
    u.usri1_priv = USER_PRIV_USER;
    u.usri1_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;
    for (size_t i = 0; i < 4; i++) {
        const char *s = here[i];
        CHECK_EQ_U(NetUserAdd(s, 1, (LPBYTE)&u, &parm), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(parm, PARM_ERROR_NONE);
        CHECK_EQ_U(NetUserDel(s, "root"), ERROR_NOT_SUPPORTED);
        USER_INFO_1007 c = {"x"};
        CHECK_EQ_U(NetUserSetInfo(s, "root", 1007, (LPBYTE)&c, &parm), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(NetUserChangePassword(s, "root", "a", "b"), ERROR_NOT_SUPPORTED);
        GROUP_USERS_INFO_0 g[] = {{"None"}};
        CHECK_EQ_U(NetUserSetGroups(s, "root", 0, (LPBYTE)g, 1), ERROR_NOT_SUPPORTED);
        USER_MODALS_INFO_1001 m = {8};
        CHECK_EQ_U(NetUserModalsSet(s, 1001, (LPBYTE)&m, &parm), ERROR_NOT_SUPPORTED);
        GROUP_INFO_0 g0 = {"mgmtlocal"};
        CHECK_EQ_U(NetGroupAdd(s, 0, (LPBYTE)&g0, &parm), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(NetGroupDel(s, "None"), ERROR_NOT_SUPPORTED);
        GROUP_INFO_1002 gc = {"x"};
        CHECK_EQ_U(NetGroupSetInfo(s, "None", 1002, (LPBYTE)&gc, &parm), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(NetGroupAddUser(s, "None", "root"), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(NetGroupDelUser(s, "None", "root"), ERROR_NOT_SUPPORTED);
        GROUP_USERS_INFO_0 us[] = {{"root"}};
        CHECK_EQ_U(NetGroupSetUsers(s, "None", 0, (LPBYTE)us, 1), ERROR_NOT_SUPPORTED);
        LOCALGROUP_INFO_0 l0 = {"mgmtlocal"};
        CHECK_EQ_U(NetLocalGroupAdd(s, 0, (LPBYTE)&l0, &parm), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(NetLocalGroupDel(s, "root"), ERROR_NOT_SUPPORTED);
        LOCALGROUP_INFO_1002 lc = {"x"};
        CHECK_EQ_U(NetLocalGroupSetInfo(s, "root", 1002, (LPBYTE)&lc, &parm), ERROR_NOT_SUPPORTED);
        LOCALGROUP_MEMBERS_INFO_3 m3[] = {{"root"}};
        CHECK_EQ_U(NetLocalGroupAddMembers(s, "root", 3, (LPBYTE)m3, 1), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(NetLocalGroupDelMembers(s, "root", 3, (LPBYTE)m3, 1), ERROR_NOT_SUPPORTED);
        CHECK_EQ_U(NetLocalGroupSetMembers(s, "root", 3, (LPBYTE)m3, 1), ERROR_NOT_SUPPORTED);
    }
}

TEST(records_checked_first)
{
    DWORD parm = 99;
    USER_INFO_1 u;
    memset(&u, 0, sizeof u);
    u.usri1_priv = USER_PRIV_USER;
    /* the record before the server name: 87 even for a malformed name */
    CHECK_EQ_U(NetUserAdd("\\\\", 1, (LPBYTE)&u, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_NAME_PARMNUM);
    u.usri1_name = "mgmtlocal";
    CHECK_EQ_U(NetUserAdd("\\\\", 1, (LPBYTE)&u, &parm), ERROR_INVALID_NAME);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    CHECK_EQ_U(NetUserAdd(NULL, 1, NULL, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, PARM_ERROR_UNKNOWN);
    CHECK_EQ_U(NetUserAdd(NULL, 0, (LPBYTE)&u, &parm), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    u.usri1_priv = USER_PRIV_GUEST;
    CHECK_EQ_U(NetUserAdd(NULL, 1, (LPBYTE)&u, NULL), ERROR_INVALID_PARAMETER);
    u.usri1_priv = USER_PRIV_USER;
    u.usri1_flags = 0x80000000u;
    CHECK_EQ_U(NetUserAdd(NULL, 1, (LPBYTE)&u, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_FLAGS_PARMNUM);

    /* SetInfo: NULL name, each one-field level's required member */
    USER_INFO_1007 none = {NULL};
    CHECK_EQ_U(NetUserSetInfo(NULL, NULL, 1007, (LPBYTE)&none, &parm), ERROR_INVALID_PARAMETER);
    static const struct {
        DWORD level, parm;
    } one_string[] = {{0, USER_NAME_PARMNUM},           {1003, USER_PASSWORD_PARMNUM},
                      {1006, USER_HOME_DIR_PARMNUM},    {1007, USER_COMMENT_PARMNUM},
                      {1009, USER_SCRIPT_PATH_PARMNUM}, {1011, USER_FULL_NAME_PARMNUM},
                      {1012, USER_USR_COMMENT_PARMNUM}, {1013, USER_PARMS_PARMNUM},
                      {1014, USER_WORKSTATIONS_PARMNUM}, {1023, USER_LOGON_SERVER_PARMNUM},
                      {1052, USER_PROFILE_PARMNUM},     {1053, USER_HOME_DIR_DRIVE_PARMNUM}};
    for (size_t i = 0; i < sizeof one_string / sizeof *one_string; i++) {
        parm = 99;
        CHECK_EQ_U(NetUserSetInfo(NULL, "root", one_string[i].level, (LPBYTE)&none, &parm),
                   ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(parm, one_string[i].parm);
    }
    CHECK_EQ_U(NetUserSetInfo(NULL, "root", 1004, (LPBYTE)&none, &parm), ERROR_INVALID_LEVEL);
    USER_INFO_1005 priv = {7};
    CHECK_EQ_U(NetUserSetInfo(NULL, "root", 1005, (LPBYTE)&priv, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_PRIV_PARMNUM);
    BYTE hours[21];
    USER_INFO_1020 lh = {20000, hours};
    CHECK_EQ_U(NetUserSetInfo(NULL, "root", 1020, (LPBYTE)&lh, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, USER_UNITS_PER_WEEK_PARMNUM);

    USER_MODALS_INFO_1006 role = {9};
    CHECK_EQ_U(NetUserModalsSet(NULL, 1006, (LPBYTE)&role, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, MODALS_ROLE_PARMNUM);
    USER_MODALS_INFO_1007 primary = {NULL};
    CHECK_EQ_U(NetUserModalsSet(NULL, 1007, (LPBYTE)&primary, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, MODALS_PRIMARY_PARMNUM);
    CHECK_EQ_U(NetUserModalsSet(NULL, 4, (LPBYTE)&primary, &parm), ERROR_INVALID_LEVEL);

    GROUP_INFO_1 g1 = {NULL, "c"};
    CHECK_EQ_U(NetGroupAdd(NULL, 1, (LPBYTE)&g1, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, GROUP_NAME_PARMNUM);
    g1.grpi1_name = "";
    CHECK_EQ_U(NetGroupAdd(NULL, 1, (LPBYTE)&g1, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, GROUP_NAME_PARMNUM);
    GROUP_INFO_1002 gc = {NULL};
    CHECK_EQ_U(NetGroupSetInfo(NULL, "None", 1002, (LPBYTE)&gc, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, GROUP_COMMENT_PARMNUM);
    CHECK_EQ_U(NetGroupSetInfo(NULL, "None", 4, (LPBYTE)&gc, &parm), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetGroupSetInfo(NULL, NULL, 1002, (LPBYTE)&gc, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGroupAddUser(NULL, NULL, "root"), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGroupDelUser(NULL, "None", NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGroupDel(NULL, NULL), ERROR_INVALID_PARAMETER);
    GROUP_USERS_INFO_0 nul[] = {{NULL}};
    CHECK_EQ_U(NetGroupSetUsers(NULL, "None", 0, (LPBYTE)nul, 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGroupSetUsers(NULL, "None", 2, (LPBYTE)nul, 1), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetUserSetGroups(NULL, "root", 0, NULL, 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserSetGroups(NULL, NULL, 0, NULL, 0), ERROR_INVALID_PARAMETER);

    LOCALGROUP_INFO_1 l1 = {"x", NULL};
    CHECK_EQ_U(NetLocalGroupSetInfo(NULL, "root", 1, (LPBYTE)&l1, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, LOCALGROUP_COMMENT_PARMNUM);
    l1.lgrpi1_name = NULL;
    CHECK_EQ_U(NetLocalGroupAdd(NULL, 1, (LPBYTE)&l1, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, LOCALGROUP_NAME_PARMNUM);
    CHECK_EQ_U(NetLocalGroupAdd(NULL, 1002, (LPBYTE)&l1, &parm), ERROR_INVALID_LEVEL);
    unsigned char bad_sid[8] = {2, 0, 0, 0, 0, 0, 0, 5};
    LOCALGROUP_MEMBERS_INFO_0 m0[] = {{bad_sid}};
    CHECK_EQ_U(NetLocalGroupAddMembers(NULL, "root", 0, (LPBYTE)m0, 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetLocalGroupAddMembers(NULL, "root", 1, (LPBYTE)m0, 1), ERROR_INVALID_LEVEL);
    LOCALGROUP_MEMBERS_INFO_3 m3[] = {{""}};
    CHECK_EQ_U(NetLocalGroupDelMembers(NULL, "root", 3, (LPBYTE)m3, 1), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetLocalGroupSetMembers(NULL, NULL, 3, (LPBYTE)m3, 0), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetLocalGroupSetMembers("\\\\", "root", 3, NULL, 0), ERROR_INVALID_NAME);
}

/* ---- the group "None" ---------------------------------------------------------------------- */

TEST(group_none)
{
    for (DWORD level = 0; level < 4; level++) {
        LPBYTE b = NULL;
        DWORD read = 9, total = 9;
        DWORD_PTR resume = 0;
        CHECK_EQ_U(NetGroupEnum(NULL, level, &b, MAX_PREFERRED_LENGTH, &read, &total, &resume),
                   NERR_Success);
        CHECK_EQ_U(read, 1);
        CHECK_EQ_U(total, 1);
        CHECK_EQ_U(resume, 0);
        CHECK_EQ_S(((GROUP_INFO_0 *)b)->grpi0_name, "None");
        if (level >= 1)
            CHECK_EQ_S(((GROUP_INFO_1 *)b)->grpi1_comment, "Ordinary users");
        if (level == 2) {
            CHECK_EQ_U(((GROUP_INFO_2 *)b)->grpi2_group_id, DOMAIN_GROUP_RID_USERS);
            CHECK_EQ_U(((GROUP_INFO_2 *)b)->grpi2_attributes, 7);
        }
        if (level == 3) {
            CHECK_EQ_P(((GROUP_INFO_3 *)b)->grpi3_group_sid, NULL);
            CHECK_EQ_U(((GROUP_INFO_3 *)b)->grpi3_attributes, 7);
        }
        NetApiBufferFree(b);
        /* one entry fits any prefmaxlen */
        CHECK_EQ_U(NetGroupEnum("localhost", level, &b, 1, &read, &total, NULL), NERR_Success);
        CHECK_EQ_U(read, 1);
        NetApiBufferFree(b);
        CHECK_EQ_U(NetGroupGetInfo("", "none", level, &b), NERR_Success);
        CHECK_EQ_S(((GROUP_INFO_0 *)b)->grpi0_name, "None");
        NetApiBufferFree(b);
    }
    LPBYTE b = (LPBYTE)1;
    DWORD read = 9, total = 9;
    DWORD_PTR resume = 5;
    CHECK_EQ_U(NetGroupEnum(NULL, 0, &b, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               NERR_Success);
    CHECK_EQ_U(read, 0);
    CHECK_EQ_P(b, NULL);
    CHECK_EQ_U(resume, 0);
    CHECK_EQ_U(NetGroupEnum(NULL, 4, &b, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetGroupEnum(NULL, 0, NULL, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGroupEnum("\\\\", 0, &b, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               ERROR_INVALID_NAME);
    CHECK_EQ_U(NetGroupGetInfo(NULL, "root", 0, &b), NERR_GroupNotFound);
    CHECK_EQ_P(b, NULL);
    CHECK_EQ_U(NetGroupGetInfo(NULL, "None", 4, &b), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetGroupGetInfo(NULL, NULL, 0, &b), ERROR_INVALID_PARAMETER);
}

TEST(group_none_members_are_every_user)
{
    for (DWORD level = 0; level < 2; level++) {
        LPBYTE b = NULL;
        DWORD read = 0, total = 0;
        CHECK_EQ_U(NetGroupGetUsers(NULL, "None", level, &b, MAX_PREFERRED_LENGTH, &read, &total,
                                    NULL),
                   NERR_Success);
        CHECK_EQ_U(read, nusers);
        CHECK_EQ_U(total, nusers);
        for (DWORD i = 0; i < read && i < nusers; i++) {
            if (level) {
                CHECK_EQ_S(((GROUP_USERS_INFO_1 *)b)[i].grui1_name, users[i]);
                CHECK_EQ_U(((GROUP_USERS_INFO_1 *)b)[i].grui1_attributes, 7);
            } else {
                CHECK_EQ_S(((GROUP_USERS_INFO_0 *)b)[i].grui0_name, users[i]);
            }
        }
        NetApiBufferFree(b);
        /* paged: the pages make the whole list */
        DWORD_PTR resume = 0;
        size_t at = 0, calls = 0;
        NET_API_STATUS st;
        do {
            b = NULL;
            st = NetGroupGetUsers(NULL, "NONE", level, &b, 64, &read, &total, &resume);
            CHECK(read >= 1);
            for (DWORD i = 0; i < read && at < nusers; i++, at++)
                CHECK_EQ_S(level ? ((GROUP_USERS_INFO_1 *)b)[i].grui1_name
                                 : ((GROUP_USERS_INFO_0 *)b)[i].grui0_name,
                           users[at]);
            NetApiBufferFree(b);
        } while (st == ERROR_MORE_DATA && ++calls < 100000);
        CHECK_EQ_U(st, NERR_Success);
        CHECK_EQ_U(at, nusers);
        CHECK_EQ_U(resume, 0);
    }
    LPBYTE b = NULL;
    DWORD read, total;
    CHECK_EQ_U(NetGroupGetUsers(NULL, "root", 0, &b, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               NERR_GroupNotFound);
    CHECK_EQ_U(NetGroupGetUsers(NULL, "None", 2, &b, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetGroupGetUsers(NULL, "None", 0, &b, MAX_PREFERRED_LENGTH, NULL, &total, NULL),
               ERROR_INVALID_PARAMETER);
}

TEST(user_groups_are_none)
{
    for (DWORD level = 0; level < 2; level++) {
        LPBYTE b = NULL;
        DWORD read = 0, total = 0;
        CHECK_EQ_U(NetUserGetGroups(NULL, users[0], level, &b, MAX_PREFERRED_LENGTH, &read,
                                    &total),
                   NERR_Success);
        CHECK_EQ_U(read, 1);
        CHECK_EQ_U(total, 1);
        CHECK_EQ_S(((GROUP_USERS_INFO_0 *)b)->grui0_name, "None");
        if (level)
            CHECK_EQ_U(((GROUP_USERS_INFO_1 *)b)->grui1_attributes, 7);
        NetApiBufferFree(b);
    }
    LPBYTE b = (LPBYTE)1;
    DWORD read = 9, total = 9;
    CHECK_EQ_U(NetUserGetGroups(NULL, "mgmt-no-such-user", 0, &b, MAX_PREFERRED_LENGTH, &read,
                                &total),
               NERR_UserNotFound);
    CHECK_EQ_P(b, NULL);
    CHECK_EQ_U(read, 0);
    CHECK_EQ_U(NetUserGetGroups(NULL, "", 0, &b, MAX_PREFERRED_LENGTH, &read, &total),
               NERR_UserNotFound);
    CHECK_EQ_U(NetUserGetGroups(NULL, users[0], 2, &b, MAX_PREFERRED_LENGTH, &read, &total),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetUserGetGroups(NULL, NULL, 0, &b, MAX_PREFERRED_LENGTH, &read, &total),
               ERROR_INVALID_PARAMETER);
}

/* ---- the account policy ------------------------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

TEST(login_defs)
{
    char path[] = "/tmp/netapibuf-login-defs-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    struct nbi_login_defs d;
    write_file(path, "# comment\nPASS_MAX_DAYS\t99999\nPASS_MIN_DAYS 2\n  PASS_MIN_LEN   8\n"
                     "PASS_WARN_AGE 7\n#PASS_MIN_LEN 3\nPASS_MIN_LENGTH 4\n");
    nbi_login_defs_read(path, &d);
    CHECK_EQ_U(d.min_passwd_len, 8);
    CHECK_EQ_U(d.max_passwd_age, TIMEQ_FOREVER);
    CHECK_EQ_U(d.min_passwd_age, 2 * ONE_DAY);
    write_file(path, "PASS_MAX_DAYS 30\nPASS_MIN_DAYS -1\n");
    nbi_login_defs_read(path, &d);
    CHECK_EQ_U(d.min_passwd_len, 0);
    CHECK_EQ_U(d.max_passwd_age, 30 * ONE_DAY);
    CHECK_EQ_U(d.min_passwd_age, 0);
    write_file(path, "PASS_MAX_DAYS -1\n");
    nbi_login_defs_read(path, &d);
    CHECK_EQ_U(d.max_passwd_age, TIMEQ_FOREVER);
    unlink(path);
    nbi_login_defs_read(path, &d); /* missing: the unset values */
    CHECK_EQ_U(d.min_passwd_len, 0);
    CHECK_EQ_U(d.max_passwd_age, TIMEQ_FOREVER);
    CHECK_EQ_U(d.min_passwd_age, 0);
}

TEST(modals)
{
    LPBYTE b = NULL;
    struct nbi_login_defs d;
    nbi_login_defs_read("/etc/login.defs", &d);
    CHECK_EQ_U(NetUserModalsGet(NULL, 0, &b), NERR_Success);
    USER_MODALS_INFO_0 *m0 = (USER_MODALS_INFO_0 *)b;
    CHECK_EQ_U(m0->usrmod0_min_passwd_len, d.min_passwd_len);
    CHECK_EQ_U(m0->usrmod0_max_passwd_age, d.max_passwd_age);
    CHECK_EQ_U(m0->usrmod0_min_passwd_age, d.min_passwd_age);
    CHECK_EQ_U(m0->usrmod0_force_logoff, USER_NO_LOGOFF);
    CHECK_EQ_U(m0->usrmod0_password_hist_len, 0);
    NetApiBufferFree(b);
    char host[256];
    gethostname(host, sizeof host);
    CHECK_EQ_U(NetUserModalsGet("", 1, &b), NERR_Success);
    CHECK_EQ_U(((USER_MODALS_INFO_1 *)b)->usrmod1_role, UAS_ROLE_PRIMARY);
    CHECK_EQ_S(((USER_MODALS_INFO_1 *)b)->usrmod1_primary, host);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserModalsGet("localhost", 2, &b), NERR_Success);
    USER_MODALS_INFO_2 *m2 = (USER_MODALS_INFO_2 *)b;
    CHECK_EQ_S(m2->usrmod2_domain_name, host);
    static const unsigned char s_1_22_1[12] = {1, 1, 0, 0, 0, 0, 0, 22, 1, 0, 0, 0};
    CHECK(m2->usrmod2_domain_id && memcmp(m2->usrmod2_domain_id, s_1_22_1, 12) == 0);
    /* inside the buffer */
    DWORD size = 0;
    NetApiBufferSize(b, &size);
    CHECK((LPBYTE)m2->usrmod2_domain_id >= b && (LPBYTE)m2->usrmod2_domain_id + 12 <= b + size);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetUserModalsGet(NULL, 3, &b), NERR_Success);
    CHECK_EQ_U(((USER_MODALS_INFO_3 *)b)->usrmod3_lockout_threshold, 0);
    NetApiBufferFree(b);
    b = (LPBYTE)1;
    CHECK_EQ_U(NetUserModalsGet(NULL, 1001, &b), ERROR_INVALID_LEVEL);
    CHECK_EQ_P(b, NULL);
    CHECK_EQ_U(NetUserModalsGet(NULL, 0, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserModalsGet("\\\\", 0, &b), ERROR_INVALID_NAME);
}

/* ---- display information ------------------------------------------------------------------ */

TEST(display)
{
    /* level 1: NetUserEnum's users, in its order, by pages of 7 */
    LPBYTE all = NULL;
    DWORD count = 0, total = 0;
    CHECK_EQ_U(NetUserEnum(NULL, 20, 0, &all, MAX_PREFERRED_LENGTH, &count, &total, NULL),
               NERR_Success);
    CHECK_EQ_U(count, nusers);
    const USER_INFO_20 *u20 = (const USER_INFO_20 *)all;
    DWORD index = 0, at = 0, calls = 0;
    NET_API_STATUS st;
    do {
        PVOID b = NULL;
        DWORD n = 0;
        st = NetQueryDisplayInformation(NULL, 1, index, 7, MAX_PREFERRED_LENGTH, &n, &b);
        CHECK(n <= 7);
        const NET_DISPLAY_USER *d = b;
        for (DWORD i = 0; i < n && at < count; i++, at++) {
            CHECK_EQ_S(d[i].usri1_name, u20[at].usri20_name);
            CHECK_EQ_S(d[i].usri1_full_name, u20[at].usri20_full_name);
            CHECK_EQ_S(d[i].usri1_comment, u20[at].usri20_comment);
            CHECK_EQ_U(d[i].usri1_flags, u20[at].usri20_flags);
            CHECK_EQ_U(d[i].usri1_user_id, u20[at].usri20_user_id);
            CHECK_EQ_U(d[i].usri1_next_index, at + 1);
        }
        if (n)
            index = d[n - 1].usri1_next_index;
        NetApiBufferFree(b);
    } while (st == ERROR_MORE_DATA && ++calls < 100000);
    CHECK_EQ_U(st, NERR_Success);
    CHECK_EQ_U(at, count);
    NetApiBufferFree(all);
    /* a small prefmaxlen still returns one entry */
    PVOID b = NULL;
    DWORD n = 0;
    st = NetQueryDisplayInformation(NULL, 1, 0, 100, 1, &n, &b);
    CHECK_EQ_U(n, 1);
    CHECK_EQ_U(st, nusers > 1 ? ERROR_MORE_DATA : NERR_Success);
    NetApiBufferFree(b);
    /* past the end */
    b = (PVOID)1;
    CHECK_EQ_U(NetQueryDisplayInformation(NULL, 1, (DWORD)nusers, 100, MAX_PREFERRED_LENGTH, &n, &b),
               NERR_Success);
    CHECK_EQ_U(n, 0);
    CHECK_EQ_P(b, NULL);
    /* level 2: no machine accounts; level 3: "None" */
    CHECK_EQ_U(NetQueryDisplayInformation(NULL, 2, 0, 100, MAX_PREFERRED_LENGTH, &n, &b),
               NERR_Success);
    CHECK_EQ_U(n, 0);
    CHECK_EQ_U(NetQueryDisplayInformation(NULL, 3, 0, 100, MAX_PREFERRED_LENGTH, &n, &b),
               NERR_Success);
    CHECK_EQ_U(n, 1);
    const NET_DISPLAY_GROUP *g = b;
    CHECK_EQ_S(g->grpi3_name, "None");
    CHECK_EQ_S(g->grpi3_comment, "Ordinary users");
    CHECK_EQ_U(g->grpi3_group_id, DOMAIN_GROUP_RID_USERS);
    CHECK_EQ_U(g->grpi3_next_index, 1);
    NetApiBufferFree(b);
    CHECK_EQ_U(NetQueryDisplayInformation(NULL, 3, 1, 100, MAX_PREFERRED_LENGTH, &n, &b),
               NERR_Success);
    CHECK_EQ_U(n, 0);
    b = (PVOID)1;
    CHECK_EQ_U(NetQueryDisplayInformation(NULL, 4, 0, 100, MAX_PREFERRED_LENGTH, &n, &b),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_P(b, NULL);
    CHECK_EQ_U(n, 0);
    CHECK_EQ_U(NetQueryDisplayInformation(NULL, 1, 0, 100, MAX_PREFERRED_LENGTH, &n, NULL),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetQueryDisplayInformation("\\\\", 1, 0, 100, MAX_PREFERRED_LENGTH, &n, &b),
               ERROR_INVALID_NAME);
}

/* ---- out of memory at every step ----------------------------------------------------------- */

static NET_API_STATUS oom_call(int which, LPBYTE *buf, LPDWORD read)
{
    DWORD total;
    DWORD_PTR resume = 0;
    switch (which) {
    case 0: return NetGroupEnum(NULL, 3, buf, MAX_PREFERRED_LENGTH, read, &total, &resume);
    case 1: return NetGroupGetInfo(NULL, "None", 2, buf);
    case 2: return NetGroupGetUsers(NULL, "None", 1, buf, MAX_PREFERRED_LENGTH, read, &total, NULL);
    case 3: return NetGroupGetUsers(NULL, "None", 0, buf, 100, read, &total, &resume);
    case 4: return NetUserGetGroups(NULL, users[0], 1, buf, MAX_PREFERRED_LENGTH, read, &total);
    case 5: return NetUserModalsGet(NULL, 2, buf);
    case 6: return NetUserModalsGet(NULL, 0, buf);
    default:
        return NetQueryDisplayInformation(NULL, 1, 1, 5, MAX_PREFERRED_LENGTH, read,
                                          (PVOID *)buf);
    }
}

TEST(out_of_memory_every_step)
{
    static const int enumerates[] = {1, 0, 1, 1, 1, 0, 0, 1};
    for (int which = 0; which < 8; which++)
        oom_check_every_step(oom_call, which, enumerates[which]);
}

int main(void)
{
    load_users();
    load_names();
    if (nusers == 0) {
        printf("no users in `getent passwd`\n");
        return 77;
    }
    RUN(writes_refused_after_checks);
    RUN(records_checked_first);
    RUN(group_none);
    RUN(group_none_members_are_every_user);
    RUN(user_groups_are_none);
    RUN(login_defs);
    RUN(modals);
    RUN(display);
    RUN(out_of_memory_every_step);
    for (size_t i = 0; i < nusers; i++)
        free(users[i]);
    free(users);
    return check_finish();
}
