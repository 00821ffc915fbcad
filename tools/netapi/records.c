/*
 * records.c — which fields each Windows structure netapi prints has: the
 * JSON key is the field name without its prefix (usri20_full_name gives
 * "full_name"), the title is the table heading.
 */
#include <stddef.h>

#include "netapi.h"

_Static_assert(28 <= MAX_FIELDS, "USER_INFO_3 shows 28 fields");

#define FIELD(type, member, key, title, kind) {key, title, kind, offsetof(type, member)}
#define DESC(level, type, fields) {level, sizeof(type), sizeof fields / sizeof fields[0], fields}
#define COUNT(array) (sizeof array / sizeof array[0])

const struct record_desc *find_desc(const struct record_desc *descs, size_t n, DWORD level)
{
    for (size_t i = 0; i < n; i++)
        if (descs[i].level == level)
            return &descs[i];
    return NULL;
}

/* ---- users ---------------------------------------------------------------- */

static const struct field user0[] = {
    FIELD(USER_INFO_0, usri0_name, "name", "User name", FIELD_STRING),
};
static const struct field user1[] = {
    FIELD(USER_INFO_1, usri1_name, "name", "User name", FIELD_STRING),
    FIELD(USER_INFO_1, usri1_password, "password", "Password", FIELD_STRING),
    FIELD(USER_INFO_1, usri1_password_age, "password_age", "Password age", FIELD_DWORD),
    FIELD(USER_INFO_1, usri1_priv, "priv", "Privilege", FIELD_DWORD),
    FIELD(USER_INFO_1, usri1_home_dir, "home_dir", "Home directory", FIELD_STRING),
    FIELD(USER_INFO_1, usri1_comment, "comment", "Comment", FIELD_STRING),
    FIELD(USER_INFO_1, usri1_flags, "flags", "Flags", FIELD_FLAGS),
    FIELD(USER_INFO_1, usri1_script_path, "script_path", "Logon script", FIELD_STRING),
};
static const struct field user10[] = {
    FIELD(USER_INFO_10, usri10_name, "name", "User name", FIELD_STRING),
    FIELD(USER_INFO_10, usri10_comment, "comment", "Comment", FIELD_STRING),
    FIELD(USER_INFO_10, usri10_usr_comment, "usr_comment", "User's comment", FIELD_STRING),
    FIELD(USER_INFO_10, usri10_full_name, "full_name", "Full name", FIELD_STRING),
};
static const struct field user20[] = {
    FIELD(USER_INFO_20, usri20_name, "name", "User name", FIELD_STRING),
    FIELD(USER_INFO_20, usri20_full_name, "full_name", "Full name", FIELD_STRING),
    FIELD(USER_INFO_20, usri20_comment, "comment", "Comment", FIELD_STRING),
    FIELD(USER_INFO_20, usri20_flags, "flags", "Flags", FIELD_FLAGS),
    FIELD(USER_INFO_20, usri20_user_id, "user_id", "User ID", FIELD_DWORD),
};
/* Levels 2, 3 and 4 share their first fields (logon hours are not shown:
   they are always every hour). */
#define USER_LEVEL2_FIELDS(T, p)                                                              \
    FIELD(T, p##_name, "name", "User name", FIELD_STRING),                                    \
    FIELD(T, p##_password_age, "password_age", "Password age", FIELD_DWORD),                  \
    FIELD(T, p##_priv, "priv", "Privilege", FIELD_DWORD),                                     \
    FIELD(T, p##_home_dir, "home_dir", "Home directory", FIELD_STRING),                       \
    FIELD(T, p##_comment, "comment", "Comment", FIELD_STRING),                                \
    FIELD(T, p##_flags, "flags", "Flags", FIELD_FLAGS),                                       \
    FIELD(T, p##_script_path, "script_path", "Logon script", FIELD_STRING),                   \
    FIELD(T, p##_auth_flags, "auth_flags", "Operator rights", FIELD_DWORD),                   \
    FIELD(T, p##_full_name, "full_name", "Full name", FIELD_STRING),                          \
    FIELD(T, p##_usr_comment, "usr_comment", "User's comment", FIELD_STRING),                 \
    FIELD(T, p##_parms, "parms", "Parameters", FIELD_STRING),                                 \
    FIELD(T, p##_workstations, "workstations", "Workstations", FIELD_STRING),                 \
    FIELD(T, p##_last_logon, "last_logon", "Last logon", FIELD_DWORD),                        \
    FIELD(T, p##_last_logoff, "last_logoff", "Last logoff", FIELD_DWORD),                     \
    FIELD(T, p##_acct_expires, "acct_expires", "Account expires", FIELD_DWORD),               \
    FIELD(T, p##_max_storage, "max_storage", "Max storage", FIELD_DWORD),                     \
    FIELD(T, p##_units_per_week, "units_per_week", "Units per week", FIELD_DWORD),            \
    FIELD(T, p##_bad_pw_count, "bad_pw_count", "Bad passwords", FIELD_DWORD),                 \
    FIELD(T, p##_num_logons, "num_logons", "Logons", FIELD_DWORD),                            \
    FIELD(T, p##_logon_server, "logon_server", "Logon server", FIELD_STRING),                 \
    FIELD(T, p##_country_code, "country_code", "Country code", FIELD_DWORD),                  \
    FIELD(T, p##_code_page, "code_page", "Code page", FIELD_DWORD)
static const struct field user2[] = {USER_LEVEL2_FIELDS(USER_INFO_2, usri2)};
static const struct field user3[] = {
    USER_LEVEL2_FIELDS(USER_INFO_3, usri3),
    FIELD(USER_INFO_3, usri3_user_id, "user_id", "User ID", FIELD_DWORD),
    FIELD(USER_INFO_3, usri3_primary_group_id, "primary_group_id", "Primary group ID",
          FIELD_DWORD),
    FIELD(USER_INFO_3, usri3_profile, "profile", "Profile", FIELD_STRING),
    FIELD(USER_INFO_3, usri3_home_dir_drive, "home_dir_drive", "Home drive", FIELD_STRING),
    FIELD(USER_INFO_3, usri3_password_expired, "password_expired", "Password expired",
          FIELD_DWORD),
};
static const struct field user4[] = {
    USER_LEVEL2_FIELDS(USER_INFO_4, usri4),
    FIELD(USER_INFO_4, usri4_user_sid, "user_sid", "User SID", FIELD_SID),
    FIELD(USER_INFO_4, usri4_primary_group_id, "primary_group_id", "Primary group ID",
          FIELD_DWORD),
    FIELD(USER_INFO_4, usri4_profile, "profile", "Profile", FIELD_STRING),
    FIELD(USER_INFO_4, usri4_home_dir_drive, "home_dir_drive", "Home drive", FIELD_STRING),
    FIELD(USER_INFO_4, usri4_password_expired, "password_expired", "Password expired",
          FIELD_DWORD),
};
static const struct field user11[] = {
    FIELD(USER_INFO_11, usri11_name, "name", "User name", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_comment, "comment", "Comment", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_usr_comment, "usr_comment", "User's comment", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_full_name, "full_name", "Full name", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_priv, "priv", "Privilege", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_auth_flags, "auth_flags", "Operator rights", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_password_age, "password_age", "Password age", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_home_dir, "home_dir", "Home directory", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_parms, "parms", "Parameters", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_last_logon, "last_logon", "Last logon", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_last_logoff, "last_logoff", "Last logoff", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_bad_pw_count, "bad_pw_count", "Bad passwords", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_num_logons, "num_logons", "Logons", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_logon_server, "logon_server", "Logon server", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_country_code, "country_code", "Country code", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_workstations, "workstations", "Workstations", FIELD_STRING),
    FIELD(USER_INFO_11, usri11_max_storage, "max_storage", "Max storage", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_units_per_week, "units_per_week", "Units per week", FIELD_DWORD),
    FIELD(USER_INFO_11, usri11_code_page, "code_page", "Code page", FIELD_DWORD),
};
static const struct field user23[] = {
    FIELD(USER_INFO_23, usri23_name, "name", "User name", FIELD_STRING),
    FIELD(USER_INFO_23, usri23_full_name, "full_name", "Full name", FIELD_STRING),
    FIELD(USER_INFO_23, usri23_comment, "comment", "Comment", FIELD_STRING),
    FIELD(USER_INFO_23, usri23_flags, "flags", "Flags", FIELD_FLAGS),
    FIELD(USER_INFO_23, usri23_user_sid, "user_sid", "User SID", FIELD_SID),
};
const struct record_desc user_descs[] = {
    DESC(0, USER_INFO_0, user0),
    DESC(1, USER_INFO_1, user1),
    DESC(2, USER_INFO_2, user2),
    DESC(3, USER_INFO_3, user3),
    DESC(4, USER_INFO_4, user4),
    DESC(10, USER_INFO_10, user10),
    DESC(11, USER_INFO_11, user11),
    DESC(20, USER_INFO_20, user20),
    DESC(23, USER_INFO_23, user23),
};
const size_t user_ndescs = COUNT(user_descs);

/* ---- local groups and their members ----------------------------------------- */

static const struct field group0[] = {
    FIELD(LOCALGROUP_INFO_0, lgrpi0_name, "name", "Group name", FIELD_STRING),
};
static const struct field group1[] = {
    FIELD(LOCALGROUP_INFO_1, lgrpi1_name, "name", "Group name", FIELD_STRING),
    FIELD(LOCALGROUP_INFO_1, lgrpi1_comment, "comment", "Comment", FIELD_STRING),
};
const struct record_desc localgroup_descs[] = {
    DESC(0, LOCALGROUP_INFO_0, group0),
    DESC(1, LOCALGROUP_INFO_1, group1),
};
const size_t localgroup_ndescs = COUNT(localgroup_descs);

static const struct field member0[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_0, lgrmi0_sid, "sid", "SID", FIELD_SID),
};
static const struct field member1[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name, "name", "Member", FIELD_STRING),
    FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sidusage, "sidusage", "SID use", FIELD_DWORD),
    FIELD(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sid, "sid", "SID", FIELD_SID),
};
static const struct field member2[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_domainandname, "domainandname", "Member",
          FIELD_STRING),
    FIELD(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_sidusage, "sidusage", "SID use", FIELD_DWORD),
    FIELD(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_sid, "sid", "SID", FIELD_SID),
};
static const struct field member3[] = {
    FIELD(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_domainandname, "domainandname", "Member",
          FIELD_STRING),
};
const struct record_desc member_descs[] = {
    DESC(0, LOCALGROUP_MEMBERS_INFO_0, member0),
    DESC(1, LOCALGROUP_MEMBERS_INFO_1, member1),
    DESC(2, LOCALGROUP_MEMBERS_INFO_2, member2),
    DESC(3, LOCALGROUP_MEMBERS_INFO_3, member3),
};
const size_t member_ndescs = COUNT(member_descs);

/* ---- workstation and server ---------------------------------------------- */

static const struct field wksta100[] = {
    FIELD(WKSTA_INFO_100, wki100_platform_id, "platform_id", "Platform", FIELD_DWORD),
    FIELD(WKSTA_INFO_100, wki100_computername, "computername", "Computer name", FIELD_STRING),
    FIELD(WKSTA_INFO_100, wki100_langroup, "langroup", "Workgroup", FIELD_STRING),
    FIELD(WKSTA_INFO_100, wki100_ver_major, "ver_major", "Major version", FIELD_DWORD),
    FIELD(WKSTA_INFO_100, wki100_ver_minor, "ver_minor", "Minor version", FIELD_DWORD),
};
static const struct field wksta101[] = {
    FIELD(WKSTA_INFO_101, wki101_platform_id, "platform_id", "Platform", FIELD_DWORD),
    FIELD(WKSTA_INFO_101, wki101_computername, "computername", "Computer name", FIELD_STRING),
    FIELD(WKSTA_INFO_101, wki101_langroup, "langroup", "Workgroup", FIELD_STRING),
    FIELD(WKSTA_INFO_101, wki101_ver_major, "ver_major", "Major version", FIELD_DWORD),
    FIELD(WKSTA_INFO_101, wki101_ver_minor, "ver_minor", "Minor version", FIELD_DWORD),
    FIELD(WKSTA_INFO_101, wki101_lanroot, "lanroot", "LAN root", FIELD_STRING),
};
static const struct field wksta102[] = {
    FIELD(WKSTA_INFO_102, wki102_platform_id, "platform_id", "Platform", FIELD_DWORD),
    FIELD(WKSTA_INFO_102, wki102_computername, "computername", "Computer name", FIELD_STRING),
    FIELD(WKSTA_INFO_102, wki102_langroup, "langroup", "Workgroup", FIELD_STRING),
    FIELD(WKSTA_INFO_102, wki102_ver_major, "ver_major", "Major version", FIELD_DWORD),
    FIELD(WKSTA_INFO_102, wki102_ver_minor, "ver_minor", "Minor version", FIELD_DWORD),
    FIELD(WKSTA_INFO_102, wki102_lanroot, "lanroot", "LAN root", FIELD_STRING),
    FIELD(WKSTA_INFO_102, wki102_logged_on_users, "logged_on_users", "Logged-on users",
          FIELD_DWORD),
};
const struct record_desc wksta_descs[] = {
    DESC(100, WKSTA_INFO_100, wksta100),
    DESC(101, WKSTA_INFO_101, wksta101),
    DESC(102, WKSTA_INFO_102, wksta102),
};
const size_t wksta_ndescs = COUNT(wksta_descs);

static const struct field server100[] = {
    FIELD(SERVER_INFO_100, sv100_platform_id, "platform_id", "Platform", FIELD_DWORD),
    FIELD(SERVER_INFO_100, sv100_name, "name", "Server name", FIELD_STRING),
};
static const struct field server101[] = {
    FIELD(SERVER_INFO_101, sv101_platform_id, "platform_id", "Platform", FIELD_DWORD),
    FIELD(SERVER_INFO_101, sv101_name, "name", "Server name", FIELD_STRING),
    FIELD(SERVER_INFO_101, sv101_version_major, "version_major", "Major version", FIELD_DWORD),
    FIELD(SERVER_INFO_101, sv101_version_minor, "version_minor", "Minor version", FIELD_DWORD),
    FIELD(SERVER_INFO_101, sv101_type, "type", "Server type", FIELD_FLAGS),
    FIELD(SERVER_INFO_101, sv101_comment, "comment", "Server comment", FIELD_STRING),
};
static const struct field server102[] = {
    FIELD(SERVER_INFO_102, sv102_platform_id, "platform_id", "Platform", FIELD_DWORD),
    FIELD(SERVER_INFO_102, sv102_name, "name", "Server name", FIELD_STRING),
    FIELD(SERVER_INFO_102, sv102_version_major, "version_major", "Major version", FIELD_DWORD),
    FIELD(SERVER_INFO_102, sv102_version_minor, "version_minor", "Minor version", FIELD_DWORD),
    FIELD(SERVER_INFO_102, sv102_type, "type", "Server type", FIELD_FLAGS),
    FIELD(SERVER_INFO_102, sv102_comment, "comment", "Server comment", FIELD_STRING),
    FIELD(SERVER_INFO_102, sv102_users, "users", "Users", FIELD_DWORD),
    FIELD(SERVER_INFO_102, sv102_disc, "disc", "Idle session time (min)", FIELD_LONG),
    FIELD(SERVER_INFO_102, sv102_hidden, "hidden", "Server hidden", FIELD_LONG),
    FIELD(SERVER_INFO_102, sv102_announce, "announce", "Announcement (s)", FIELD_DWORD),
    FIELD(SERVER_INFO_102, sv102_anndelta, "anndelta", "Announcement delta (ms)", FIELD_DWORD),
    FIELD(SERVER_INFO_102, sv102_licenses, "licenses", "Licenses", FIELD_DWORD),
    FIELD(SERVER_INFO_102, sv102_userpath, "userpath", "User path", FIELD_STRING),
};
const struct record_desc server_descs[] = {
    DESC(100, SERVER_INFO_100, server100),
    DESC(101, SERVER_INFO_101, server101),
    DESC(102, SERVER_INFO_102, server102),
};
const size_t server_ndescs = COUNT(server_descs);

/* ---- time of day ------------------------------------------------------------ */

static const struct field tod[] = {
    FIELD(TIME_OF_DAY_INFO, tod_elapsedt, "elapsedt", "Seconds since 1970", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_msecs, "msecs", "Milliseconds since boot", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_hours, "hours", "Hours (UTC)", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_mins, "mins", "Minutes", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_secs, "secs", "Seconds", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_hunds, "hunds", "Hundredths", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_timezone, "timezone", "Time zone (min west)", FIELD_LONG),
    FIELD(TIME_OF_DAY_INFO, tod_tinterval, "tinterval", "Tick (0.0001 s)", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_day, "day", "Day", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_month, "month", "Month", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_year, "year", "Year", FIELD_DWORD),
    FIELD(TIME_OF_DAY_INFO, tod_weekday, "weekday", "Weekday (0 = Sunday)", FIELD_DWORD),
};
const struct record_desc tod_desc = DESC(0, TIME_OF_DAY_INFO, tod);
