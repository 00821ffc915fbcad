/*
 * records.c — which fields each Windows structure netapi prints has.  The
 * JSON key is the field name without its prefix (usri20_full_name gives
 * "full_name"), the title is what people read; the type says how a value
 * is shown to people (flags and privileges as words, SIDs as S-1-...);
 * JSON always carries the raw value.
 */
#include <stddef.h>

#include "cli.h"

#define FIELD(type, member, key, title, kind) {key, title, kind, offsetof(type, member)}
#define DESC(level, type, fields) {level, sizeof(type), sizeof fields / sizeof fields[0], fields}
#define FAMILY(descs) {descs, sizeof descs / sizeof descs[0]}

const struct record_desc *find_desc(const struct record_family *family, DWORD level)
{
    for (size_t i = 0; i < family->count; i++)
        if (family->descs[i].level == level)
            return &family->descs[i];
    return NULL;
}

/* ---- users ---------------------------------------------------------------- */

/* USER_INFO_n field m of prefix usri<n>_ */
#define U(n, m, key, title, kind) FIELD(USER_INFO_##n, usri##n##_##m, key, title, kind)

/* The fields levels 1 to 4 share, in their order. */
#define USER_1_FIELDS(n)                                                    \
    U(n, name, "name", "User name", FIELD_STRING),                          \
    U(n, password, "password", "Password", FIELD_HIDDEN),                   \
    U(n, password_age, "password_age", "Password age", FIELD_SECONDS),      \
    U(n, priv, "priv", "Privilege level", FIELD_PRIV),                      \
    U(n, home_dir, "home_dir", "Home directory", FIELD_STRING),             \
    U(n, comment, "comment", "Comment", FIELD_STRING),                      \
    U(n, flags, "flags", "Account", FIELD_USER_FLAGS),                      \
    U(n, script_path, "script_path", "Logon script", FIELD_STRING)
#define USER_2_FIELDS(n)                                                         \
    USER_1_FIELDS(n),                                                            \
    U(n, auth_flags, "auth_flags", "Operator rights", FIELD_DWORD),              \
    U(n, full_name, "full_name", "Full name", FIELD_STRING),                     \
    U(n, usr_comment, "usr_comment", "User's comment", FIELD_STRING),            \
    U(n, parms, "parms", "Parameters", FIELD_STRING),                            \
    U(n, workstations, "workstations", "Workstations allowed", FIELD_STRING),    \
    U(n, last_logon, "last_logon", "Last logon", FIELD_TIME),                    \
    U(n, last_logoff, "last_logoff", "Last logoff", FIELD_TIME),                 \
    U(n, acct_expires, "acct_expires", "Account expires", FIELD_TIME),           \
    U(n, max_storage, "max_storage", "Maximum storage", FIELD_DWORD),            \
    U(n, units_per_week, "units_per_week", "Logon hour units", FIELD_DWORD),     \
    U(n, bad_pw_count, "bad_pw_count", "Bad password count", FIELD_DWORD),       \
    U(n, num_logons, "num_logons", "Logons", FIELD_DWORD),                       \
    U(n, logon_server, "logon_server", "Logon server", FIELD_STRING),            \
    U(n, country_code, "country_code", "Country/region code", FIELD_DWORD),      \
    U(n, code_page, "code_page", "Code page", FIELD_DWORD)
#define USER_3_TAIL(n)                                                                \
    U(n, primary_group_id, "primary_group_id", "Primary group ID", FIELD_DWORD),      \
    U(n, profile, "profile", "User profile", FIELD_STRING),                           \
    U(n, home_dir_drive, "home_dir_drive", "Home drive", FIELD_STRING),               \
    U(n, password_expired, "password_expired", "Password expired", FIELD_BOOL)

static const struct field user0[] = {U(0, name, "name", "User name", FIELD_STRING)};
static const struct field user1[] = {USER_1_FIELDS(1)};
static const struct field user2[] = {USER_2_FIELDS(2)};
static const struct field user3[] = {
    USER_2_FIELDS(3), U(3, user_id, "user_id", "User ID", FIELD_DWORD), USER_3_TAIL(3)};
static const struct field user4[] = {
    USER_2_FIELDS(4), U(4, user_sid, "user_sid", "User SID", FIELD_SID), USER_3_TAIL(4)};
static const struct field user10[] = {
    U(10, name, "name", "User name", FIELD_STRING),
    U(10, comment, "comment", "Comment", FIELD_STRING),
    U(10, usr_comment, "usr_comment", "User's comment", FIELD_STRING),
    U(10, full_name, "full_name", "Full name", FIELD_STRING),
};
static const struct field user11[] = {
    U(11, name, "name", "User name", FIELD_STRING),
    U(11, comment, "comment", "Comment", FIELD_STRING),
    U(11, usr_comment, "usr_comment", "User's comment", FIELD_STRING),
    U(11, full_name, "full_name", "Full name", FIELD_STRING),
    U(11, priv, "priv", "Privilege level", FIELD_PRIV),
    U(11, auth_flags, "auth_flags", "Operator rights", FIELD_DWORD),
    U(11, password_age, "password_age", "Password age", FIELD_SECONDS),
    U(11, home_dir, "home_dir", "Home directory", FIELD_STRING),
    U(11, parms, "parms", "Parameters", FIELD_STRING),
    U(11, last_logon, "last_logon", "Last logon", FIELD_TIME),
    U(11, last_logoff, "last_logoff", "Last logoff", FIELD_TIME),
    U(11, bad_pw_count, "bad_pw_count", "Bad password count", FIELD_DWORD),
    U(11, num_logons, "num_logons", "Logons", FIELD_DWORD),
    U(11, logon_server, "logon_server", "Logon server", FIELD_STRING),
    U(11, country_code, "country_code", "Country/region code", FIELD_DWORD),
    U(11, workstations, "workstations", "Workstations allowed", FIELD_STRING),
    U(11, max_storage, "max_storage", "Maximum storage", FIELD_DWORD),
    U(11, units_per_week, "units_per_week", "Logon hour units", FIELD_DWORD),
    U(11, code_page, "code_page", "Code page", FIELD_DWORD),
};
static const struct field user20[] = {
    U(20, name, "name", "User name", FIELD_STRING),
    U(20, full_name, "full_name", "Full name", FIELD_STRING),
    U(20, comment, "comment", "Comment", FIELD_STRING),
    U(20, flags, "flags", "Account", FIELD_USER_FLAGS),
    U(20, user_id, "user_id", "User ID", FIELD_DWORD),
};
static const struct field user23[] = {
    U(23, name, "name", "User name", FIELD_STRING),
    U(23, full_name, "full_name", "Full name", FIELD_STRING),
    U(23, comment, "comment", "Comment", FIELD_STRING),
    U(23, flags, "flags", "Account", FIELD_USER_FLAGS),
    U(23, user_sid, "user_sid", "User SID", FIELD_SID),
};
static const struct record_desc user_descs[] = {
    DESC(0, USER_INFO_0, user0),   DESC(1, USER_INFO_1, user1),   DESC(2, USER_INFO_2, user2),
    DESC(3, USER_INFO_3, user3),   DESC(4, USER_INFO_4, user4),   DESC(10, USER_INFO_10, user10),
    DESC(11, USER_INFO_11, user11), DESC(20, USER_INFO_20, user20), DESC(23, USER_INFO_23, user23),
};
const struct record_family user_records = FAMILY(user_descs);

/* ---- local groups and their members ----------------------------------------- */

static const struct field group0[] = {
    FIELD(LOCALGROUP_INFO_0, lgrpi0_name, "name", "Group name", FIELD_STRING),
};
static const struct field group1[] = {
    FIELD(LOCALGROUP_INFO_1, lgrpi1_name, "name", "Group name", FIELD_STRING),
    FIELD(LOCALGROUP_INFO_1, lgrpi1_comment, "comment", "Comment", FIELD_STRING),
};
static const struct record_desc localgroup_descs[] = {
    DESC(0, LOCALGROUP_INFO_0, group0),
    DESC(1, LOCALGROUP_INFO_1, group1),
};
const struct record_family localgroup_records = FAMILY(localgroup_descs);

static const struct field alias1[] = {
    FIELD(LOCALGROUP_INFO_1, lgrpi1_name, "name", "Alias name", FIELD_STRING),
    FIELD(LOCALGROUP_INFO_1, lgrpi1_comment, "comment", "Comment", FIELD_STRING),
};
const struct record_desc alias_desc = DESC(1, LOCALGROUP_INFO_1, alias1);

static const struct field member0[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_0, lgrmi0_sid, "sid", "SID", FIELD_SID),
};
static const struct field member1[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name, "name", "Member", FIELD_STRING),
    FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sidusage, "sidusage", "Kind", FIELD_SID_USE),
    FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sid, "sid", "SID", FIELD_SID),
};
static const struct field member2[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_domainandname, "domainandname", "Member",
          FIELD_STRING),
    FIELD(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_sidusage, "sidusage", "Kind", FIELD_SID_USE),
    FIELD(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_sid, "sid", "SID", FIELD_SID),
};
static const struct field member3[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_domainandname, "domainandname", "Member",
          FIELD_STRING),
};
static const struct record_desc member_descs[] = {
    DESC(0, LOCALGROUP_MEMBERS_INFO_0, member0),
    DESC(1, LOCALGROUP_MEMBERS_INFO_1, member1),
    DESC(2, LOCALGROUP_MEMBERS_INFO_2, member2),
    DESC(3, LOCALGROUP_MEMBERS_INFO_3, member3),
};
const struct record_family member_records = FAMILY(member_descs);

/* ---- global groups and their members ---------------------------------------- */

#define G(n, m, key, title, kind) FIELD(GROUP_INFO_##n, grpi##n##_##m, key, title, kind)
static const struct field ggroup0[] = {G(0, name, "name", "Group name", FIELD_STRING)};
static const struct field ggroup1[] = {
    G(1, name, "name", "Group name", FIELD_STRING),
    G(1, comment, "comment", "Comment", FIELD_STRING),
};
static const struct field ggroup2[] = {
    G(2, name, "name", "Group name", FIELD_STRING),
    G(2, comment, "comment", "Comment", FIELD_STRING),
    G(2, group_id, "group_id", "Group ID", FIELD_DWORD),
    G(2, attributes, "attributes", "Attributes", FIELD_GROUP_ATTRIBUTES),
};
static const struct field ggroup3[] = {
    G(3, name, "name", "Group name", FIELD_STRING),
    G(3, comment, "comment", "Comment", FIELD_STRING),
    G(3, group_sid, "group_sid", "Group SID", FIELD_SID),
    G(3, attributes, "attributes", "Attributes", FIELD_GROUP_ATTRIBUTES),
};
static const struct record_desc group_descs[] = {
    DESC(0, GROUP_INFO_0, ggroup0),
    DESC(1, GROUP_INFO_1, ggroup1),
    DESC(2, GROUP_INFO_2, ggroup2),
    DESC(3, GROUP_INFO_3, ggroup3),
};
const struct record_family group_records = FAMILY(group_descs);

static const struct field guser0[] = {
    FIELD(GROUP_USERS_INFO_0, grui0_name, "name", "Member", FIELD_STRING),
};
static const struct field guser1[] = {
    FIELD(GROUP_USERS_INFO_1, grui1_name, "name", "Member", FIELD_STRING),
    FIELD(GROUP_USERS_INFO_1, grui1_attributes, "attributes", "Attributes",
          FIELD_GROUP_ATTRIBUTES),
};
static const struct record_desc group_user_descs[] = {
    DESC(0, GROUP_USERS_INFO_0, guser0),
    DESC(1, GROUP_USERS_INFO_1, guser1),
};
const struct record_family group_user_records = FAMILY(group_user_descs);

/* ---- workstation and server ---------------------------------------------- */

#define W(n, m, key, title, kind) FIELD(WKSTA_INFO_##n, wki##n##_##m, key, title, kind)
#define WKSTA_100_FIELDS(n)                                                  \
    W(n, platform_id, "platform_id", "Platform", FIELD_PLATFORM),            \
    W(n, computername, "computername", "Computer name", FIELD_STRING),       \
    W(n, langroup, "langroup", "Workgroup", FIELD_STRING),                   \
    W(n, ver_major, "ver_major", "Major version", FIELD_DWORD),              \
    W(n, ver_minor, "ver_minor", "Minor version", FIELD_DWORD)
static const struct field wksta100[] = {WKSTA_100_FIELDS(100)};
static const struct field wksta101[] = {
    WKSTA_100_FIELDS(101), W(101, lanroot, "lanroot", "LAN root", FIELD_STRING)};
static const struct field wksta102[] = {
    WKSTA_100_FIELDS(102), W(102, lanroot, "lanroot", "LAN root", FIELD_STRING),
    W(102, logged_on_users, "logged_on_users", "Logged-on users", FIELD_DWORD)};
static const struct record_desc wksta_descs[] = {
    DESC(100, WKSTA_INFO_100, wksta100),
    DESC(101, WKSTA_INFO_101, wksta101),
    DESC(102, WKSTA_INFO_102, wksta102),
};
const struct record_family wksta_records = FAMILY(wksta_descs);

#define S(n, m, key, title, kind) FIELD(SERVER_INFO_##n, sv##n##_##m, key, title, kind)
#define SERVER_101_FIELDS(n)                                                    \
    S(n, platform_id, "platform_id", "Platform", FIELD_PLATFORM),               \
    S(n, name, "name", "Server name", FIELD_STRING),                            \
    S(n, version_major, "version_major", "Major version", FIELD_DWORD),         \
    S(n, version_minor, "version_minor", "Minor version", FIELD_DWORD),         \
    S(n, type, "type", "Server type", FIELD_SERVER_TYPE),                       \
    S(n, comment, "comment", "Server comment", FIELD_STRING)
static const struct field server100[] = {
    S(100, platform_id, "platform_id", "Platform", FIELD_PLATFORM),
    S(100, name, "name", "Server name", FIELD_STRING),
};
static const struct field server101[] = {SERVER_101_FIELDS(101)};
static const struct field server102[] = {
    SERVER_101_FIELDS(102),
    S(102, users, "users", "Users", FIELD_DWORD),
    S(102, disc, "disc", "Idle session time (min)", FIELD_LONG),
    S(102, hidden, "hidden", "Server hidden", FIELD_BOOL),
    S(102, announce, "announce", "Announcement (s)", FIELD_DWORD),
    S(102, anndelta, "anndelta", "Announcement delta (ms)", FIELD_DWORD),
    S(102, licenses, "licenses", "Licenses", FIELD_DWORD),
    S(102, userpath, "userpath", "User path", FIELD_STRING),
};
static const struct record_desc server_descs[] = {
    DESC(100, SERVER_INFO_100, server100),
    DESC(101, SERVER_INFO_101, server101),
    DESC(102, SERVER_INFO_102, server102),
};
const struct record_family server_records = FAMILY(server_descs);

/* ---- shares and open files ------------------------------------------------------ */

#define SH(n, m, key, title, kind) FIELD(SHARE_INFO_##n, shi##n##_##m, key, title, kind)
#define SHARE_1_FIELDS(n)                                         \
    SH(n, netname, "netname", "Share name", FIELD_STRING),        \
    SH(n, type, "type", "Type", FIELD_SHARE_TYPE),                \
    SH(n, remark, "remark", "Remark", FIELD_STRING)
#define SHARE_2_FIELDS(n)                                                   \
    SHARE_1_FIELDS(n),                                                      \
    SH(n, permissions, "permissions", "Permissions", FIELD_DWORD),          \
    SH(n, max_uses, "max_uses", "Maximum users", FIELD_MAX_USES),           \
    SH(n, current_uses, "current_uses", "Users", FIELD_DWORD),              \
    SH(n, path, "path", "Path", FIELD_STRING),                              \
    SH(n, passwd, "passwd", "Password", FIELD_HIDDEN)
static const struct field share0[] = {SH(0, netname, "netname", "Share name", FIELD_STRING)};
static const struct field share1[] = {SHARE_1_FIELDS(1)};
static const struct field share2[] = {SHARE_2_FIELDS(2)};
static const struct field share501[] = {
    SHARE_1_FIELDS(501), SH(501, flags, "flags", "Flags", FIELD_DWORD)};
static const struct field share502[] = {
    SHARE_2_FIELDS(502), SH(502, reserved, "reserved", "Reserved", FIELD_DWORD),
    SH(502, security_descriptor, "security_descriptor", "Security descriptor", FIELD_OPAQUE)};
static const struct record_desc share_descs[] = {
    DESC(0, SHARE_INFO_0, share0),     DESC(1, SHARE_INFO_1, share1),
    DESC(2, SHARE_INFO_2, share2),     DESC(501, SHARE_INFO_501, share501),
    DESC(502, SHARE_INFO_502, share502),
};
const struct record_family share_records = FAMILY(share_descs);

static const struct field file2[] = {FIELD(FILE_INFO_2, fi2_id, "id", "ID", FIELD_DWORD)};
static const struct field file3[] = {
    FIELD(FILE_INFO_3, fi3_id, "id", "ID", FIELD_DWORD),
    FIELD(FILE_INFO_3, fi3_permissions, "permissions", "Opened for", FIELD_FILE_PERMISSIONS),
    FIELD(FILE_INFO_3, fi3_num_locks, "num_locks", "Locks", FIELD_DWORD),
    FIELD(FILE_INFO_3, fi3_pathname, "pathname", "Path", FIELD_STRING),
    FIELD(FILE_INFO_3, fi3_username, "username", "User name", FIELD_STRING),
};
static const struct record_desc file_descs[] = {
    DESC(2, FILE_INFO_2, file2),
    DESC(3, FILE_INFO_3, file3),
};
const struct record_family file_records = FAMILY(file_descs);

/* ---- domain controllers and membership ------------------------------------------------ */

/* DOMAIN_CONTROLLER_INFO's fields have no prefix: the keys are their names. */
#define DC(m, title, kind) FIELD(DOMAIN_CONTROLLER_INFO, m, #m, title, kind)
static const struct field dcinfo[] = {
    DC(DomainControllerName, "Domain controller", FIELD_STRING),
    DC(DomainControllerAddress, "Address", FIELD_STRING),
    DC(DomainControllerAddressType, "Address type", FIELD_ADDRESS_TYPE),
    DC(DomainGuid, "Domain GUID", FIELD_GUID),
    DC(DomainName, "Domain", FIELD_STRING),
    DC(DnsForestName, "Forest", FIELD_STRING),
    DC(Flags, "Flags", FIELD_DS_FLAGS),
    DC(DcSiteName, "Site of the controller", FIELD_STRING),
    DC(ClientSiteName, "Site of the client", FIELD_STRING),
};
static const struct record_desc dc_descs[] = {DESC(0, DOMAIN_CONTROLLER_INFO, dcinfo)};
const struct record_family dc_records = FAMILY(dc_descs);

static const struct field join[] = {
    FIELD(struct join_info, name, "name", "Workgroup or domain", FIELD_STRING),
    FIELD(struct join_info, status, "status", "Status", FIELD_JOIN_STATUS),
};
static const struct record_desc join_descs[] = {DESC(0, struct join_info, join)};
const struct record_family join_records = FAMILY(join_descs);

/* ---- time of day ------------------------------------------------------------ */

#define T(m, key, title, kind) FIELD(TIME_OF_DAY_INFO, tod_##m, key, title, kind)
static const struct field tod[] = {
    T(elapsedt, "elapsedt", "Seconds since 1970", FIELD_DWORD),
    T(msecs, "msecs", "Milliseconds since boot", FIELD_DWORD),
    T(hours, "hours", "Hours (UTC)", FIELD_DWORD),
    T(mins, "mins", "Minutes", FIELD_DWORD),
    T(secs, "secs", "Seconds", FIELD_DWORD),
    T(hunds, "hunds", "Hundredths", FIELD_DWORD),
    T(timezone, "timezone", "Time zone (min west)", FIELD_LONG),
    T(tinterval, "tinterval", "Tick (0.0001 s)", FIELD_DWORD),
    T(day, "day", "Day", FIELD_DWORD),
    T(month, "month", "Month", FIELD_DWORD),
    T(year, "year", "Year", FIELD_DWORD),
    T(weekday, "weekday", "Weekday (0 = Sunday)", FIELD_DWORD),
};
static const struct record_desc tod_descs[] = {DESC(0, TIME_OF_DAY_INFO, tod)};
const struct record_family tod_records = FAMILY(tod_descs);

_Static_assert(sizeof user2 / sizeof *user2 <= MAX_FIELDS, "USER_INFO_2 fits a table row");
_Static_assert(sizeof user4 / sizeof *user4 <= MAX_FIELDS, "USER_INFO_4 fits a table row");
