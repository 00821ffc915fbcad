/*
 * test_uninit.c — docs/behaviour.md section 5: no byte of a returned buffer comes from
 * uninitialised memory, record padding included, for every network
 * management function and level.
 *
 * Before each call the stack (a deep frame) and the heap (freed chunks of
 * many sizes) are filled with a pattern, so a byte the library copies
 * without having written it (the padding of a record built on the stack,
 * a scratch buffer, a staging segment) shows up as the pattern in the
 * result.  Every byte of every result is then read and branched on, so
 * under valgrind (make memcheck) an uninitialised byte is also reported
 * where it is used, and with <valgrind/memcheck.h> each buffer is checked
 * for definedness as a whole.  In strict mode a byte nobody wrote would
 * keep NetApiBufferAllocate's 0xCD fill: that pattern is looked for too.
 * Registered in both checking modes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "tools.h"

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define HAVE_MEMCHECK 1
#endif
#endif

#define STALE 0xA5      /* what the stack and heap hold before each call */
#define STRICT_NEW 0xCD /* strict mode's fill of bytes nobody wrote */

/* A deep frame full of the pattern: the frames of the call that follows
   reuse these bytes. */
static __attribute__((noinline)) void dirty_stack(void)
{
    unsigned char area[192 * 1024];
    memset(area, STALE, sizeof area);
    __asm__ __volatile__("" : : "r"(area) : "memory"); /* keep the stores */
}

/* Chunks of many sizes full of the pattern, freed: the library's next
   allocations (scratch buffers, staging segments) get them back. */
static void dirty_heap(void)
{
    static const size_t sizes[] = {16, 24, 40, 64, 100, 200, 500, 1000, 2048, 2100, 4096, 8192,
                                   16384, 65536, 100000};
    void *chunks[sizeof sizes / sizeof sizes[0]];
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        chunks[i] = malloc(sizes[i]);
        if (chunks[i])
            memset(chunks[i], STALE, sizes[i]);
    }
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        free(chunks[i]);
}

static void dirty(void)
{
    dirty_heap();
    dirty_stack();
}

/* The longest run of byte value v in b[0..n).  Branches on every byte, so
   valgrind reports an undefined one here. */
static size_t longest_run(const unsigned char *b, size_t n, unsigned char v)
{
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        if (b[i] == v) {
            if (++run > longest)
                longest = run;
        } else {
            run = 0;
        }
    }
    return longest;
}

/* Every byte of buf was written by the library from initialised data. */
static void check_clean(const char *what, LPBYTE buf)
{
    if (!buf)
        return;
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(buf, &size), NERR_Success);
#ifdef HAVE_MEMCHECK
    if (TOOL_VALGRIND && VALGRIND_CHECK_MEM_IS_DEFINED(buf, size) != 0)
        CHECK_MSG_(0, "%s: valgrind finds undefined bytes", what);
#endif
    /* Four stale bytes in a row: a DWORD of padding, or a scratch byte run. */
    if (longest_run(buf, size, STALE) >= 4)
        CHECK_MSG_(0, "%s: stale bytes (0x%02X) in the %u-byte result", what, STALE,
                   (unsigned)size);
    if (netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT &&
        longest_run(buf, size, STRICT_NEW) >= 4)
        CHECK_MSG_(0, "%s: bytes never written (0x%02X) in the %u-byte result", what,
                   STRICT_NEW, (unsigned)size);
}

/*
 * The members of every record type, written out here independently of the
 * library's own field maps: the bytes between them (padding) must be zero
 * in every record of a result, whatever garbage the stack held.
 */
struct member {
    size_t offset, size;
};
#define M(type, field) {offsetof(type, field), sizeof(((type *)0)->field)}
struct record_type {
    size_t size;
    size_t count;
    const struct member *members;
};
#define RECORD_TYPE(name, type, ...)                                                           \
    static const struct member name##_members[] = {__VA_ARGS__};                              \
    static const struct record_type name = {                                                   \
        sizeof(type), sizeof(name##_members) / sizeof(name##_members[0]), name##_members};

RECORD_TYPE(user_0, USER_INFO_0, M(USER_INFO_0, usri0_name))
RECORD_TYPE(user_1, USER_INFO_1, M(USER_INFO_1, usri1_name), M(USER_INFO_1, usri1_password),
            M(USER_INFO_1, usri1_password_age), M(USER_INFO_1, usri1_priv),
            M(USER_INFO_1, usri1_home_dir), M(USER_INFO_1, usri1_comment),
            M(USER_INFO_1, usri1_flags), M(USER_INFO_1, usri1_script_path))
RECORD_TYPE(user_10, USER_INFO_10, M(USER_INFO_10, usri10_name), M(USER_INFO_10, usri10_comment),
            M(USER_INFO_10, usri10_usr_comment), M(USER_INFO_10, usri10_full_name))
RECORD_TYPE(user_20, USER_INFO_20, M(USER_INFO_20, usri20_name),
            M(USER_INFO_20, usri20_full_name), M(USER_INFO_20, usri20_comment),
            M(USER_INFO_20, usri20_flags), M(USER_INFO_20, usri20_user_id))
/* The members levels 2, 3 and 4 share, in their order. */
#define USER_2_MEMBERS(n)                                                                      \
    M(USER_INFO_##n, usri##n##_name), M(USER_INFO_##n, usri##n##_password),                   \
        M(USER_INFO_##n, usri##n##_password_age), M(USER_INFO_##n, usri##n##_priv),           \
        M(USER_INFO_##n, usri##n##_home_dir), M(USER_INFO_##n, usri##n##_comment),            \
        M(USER_INFO_##n, usri##n##_flags), M(USER_INFO_##n, usri##n##_script_path),           \
        M(USER_INFO_##n, usri##n##_auth_flags), M(USER_INFO_##n, usri##n##_full_name),        \
        M(USER_INFO_##n, usri##n##_usr_comment), M(USER_INFO_##n, usri##n##_parms),           \
        M(USER_INFO_##n, usri##n##_workstations), M(USER_INFO_##n, usri##n##_last_logon),     \
        M(USER_INFO_##n, usri##n##_last_logoff), M(USER_INFO_##n, usri##n##_acct_expires),    \
        M(USER_INFO_##n, usri##n##_max_storage), M(USER_INFO_##n, usri##n##_units_per_week),  \
        M(USER_INFO_##n, usri##n##_logon_hours), M(USER_INFO_##n, usri##n##_bad_pw_count),    \
        M(USER_INFO_##n, usri##n##_num_logons), M(USER_INFO_##n, usri##n##_logon_server),     \
        M(USER_INFO_##n, usri##n##_country_code), M(USER_INFO_##n, usri##n##_code_page)
RECORD_TYPE(user_2, USER_INFO_2, USER_2_MEMBERS(2))
RECORD_TYPE(user_3, USER_INFO_3, USER_2_MEMBERS(3), M(USER_INFO_3, usri3_user_id),
            M(USER_INFO_3, usri3_primary_group_id), M(USER_INFO_3, usri3_profile),
            M(USER_INFO_3, usri3_home_dir_drive), M(USER_INFO_3, usri3_password_expired))
RECORD_TYPE(user_4, USER_INFO_4, USER_2_MEMBERS(4), M(USER_INFO_4, usri4_user_sid),
            M(USER_INFO_4, usri4_primary_group_id), M(USER_INFO_4, usri4_profile),
            M(USER_INFO_4, usri4_home_dir_drive), M(USER_INFO_4, usri4_password_expired))
RECORD_TYPE(user_11, USER_INFO_11, M(USER_INFO_11, usri11_name), M(USER_INFO_11, usri11_comment),
            M(USER_INFO_11, usri11_usr_comment), M(USER_INFO_11, usri11_full_name),
            M(USER_INFO_11, usri11_priv), M(USER_INFO_11, usri11_auth_flags),
            M(USER_INFO_11, usri11_password_age), M(USER_INFO_11, usri11_home_dir),
            M(USER_INFO_11, usri11_parms), M(USER_INFO_11, usri11_last_logon),
            M(USER_INFO_11, usri11_last_logoff), M(USER_INFO_11, usri11_bad_pw_count),
            M(USER_INFO_11, usri11_num_logons), M(USER_INFO_11, usri11_logon_server),
            M(USER_INFO_11, usri11_country_code), M(USER_INFO_11, usri11_workstations),
            M(USER_INFO_11, usri11_max_storage), M(USER_INFO_11, usri11_units_per_week),
            M(USER_INFO_11, usri11_logon_hours), M(USER_INFO_11, usri11_code_page))
RECORD_TYPE(user_23, USER_INFO_23, M(USER_INFO_23, usri23_name),
            M(USER_INFO_23, usri23_full_name), M(USER_INFO_23, usri23_comment),
            M(USER_INFO_23, usri23_flags), M(USER_INFO_23, usri23_user_sid))
RECORD_TYPE(group_0, LOCALGROUP_INFO_0, M(LOCALGROUP_INFO_0, lgrpi0_name))
RECORD_TYPE(group_1, LOCALGROUP_INFO_1, M(LOCALGROUP_INFO_1, lgrpi1_name),
            M(LOCALGROUP_INFO_1, lgrpi1_comment))
RECORD_TYPE(member_0, LOCALGROUP_MEMBERS_INFO_0, M(LOCALGROUP_MEMBERS_INFO_0, lgrmi0_sid))
RECORD_TYPE(member_1, LOCALGROUP_MEMBERS_INFO_1, M(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sid),
            M(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sidusage),
            M(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name))
RECORD_TYPE(member_2, LOCALGROUP_MEMBERS_INFO_2, M(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_sid),
            M(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_sidusage),
            M(LOCALGROUP_MEMBERS_INFO_2, lgrmi2_domainandname))
RECORD_TYPE(member_3, LOCALGROUP_MEMBERS_INFO_3,
            M(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_domainandname))
RECORD_TYPE(user_groups_0, LOCALGROUP_USERS_INFO_0, M(LOCALGROUP_USERS_INFO_0, lgrui0_name))
RECORD_TYPE(wksta_100, WKSTA_INFO_100, M(WKSTA_INFO_100, wki100_platform_id),
            M(WKSTA_INFO_100, wki100_computername), M(WKSTA_INFO_100, wki100_langroup),
            M(WKSTA_INFO_100, wki100_ver_major), M(WKSTA_INFO_100, wki100_ver_minor))
RECORD_TYPE(wksta_101, WKSTA_INFO_101, M(WKSTA_INFO_101, wki101_platform_id),
            M(WKSTA_INFO_101, wki101_computername), M(WKSTA_INFO_101, wki101_langroup),
            M(WKSTA_INFO_101, wki101_ver_major), M(WKSTA_INFO_101, wki101_ver_minor),
            M(WKSTA_INFO_101, wki101_lanroot))
RECORD_TYPE(wksta_102, WKSTA_INFO_102, M(WKSTA_INFO_102, wki102_platform_id),
            M(WKSTA_INFO_102, wki102_computername), M(WKSTA_INFO_102, wki102_langroup),
            M(WKSTA_INFO_102, wki102_ver_major), M(WKSTA_INFO_102, wki102_ver_minor),
            M(WKSTA_INFO_102, wki102_lanroot), M(WKSTA_INFO_102, wki102_logged_on_users))
RECORD_TYPE(server_100, SERVER_INFO_100, M(SERVER_INFO_100, sv100_platform_id),
            M(SERVER_INFO_100, sv100_name))
RECORD_TYPE(server_101, SERVER_INFO_101, M(SERVER_INFO_101, sv101_platform_id),
            M(SERVER_INFO_101, sv101_name), M(SERVER_INFO_101, sv101_version_major),
            M(SERVER_INFO_101, sv101_version_minor), M(SERVER_INFO_101, sv101_type),
            M(SERVER_INFO_101, sv101_comment))
RECORD_TYPE(server_102, SERVER_INFO_102, M(SERVER_INFO_102, sv102_platform_id),
            M(SERVER_INFO_102, sv102_name), M(SERVER_INFO_102, sv102_version_major),
            M(SERVER_INFO_102, sv102_version_minor), M(SERVER_INFO_102, sv102_type),
            M(SERVER_INFO_102, sv102_comment), M(SERVER_INFO_102, sv102_users),
            M(SERVER_INFO_102, sv102_disc), M(SERVER_INFO_102, sv102_hidden),
            M(SERVER_INFO_102, sv102_announce), M(SERVER_INFO_102, sv102_anndelta),
            M(SERVER_INFO_102, sv102_licenses), M(SERVER_INFO_102, sv102_userpath))
RECORD_TYPE(time_of_day, TIME_OF_DAY_INFO, M(TIME_OF_DAY_INFO, tod_elapsedt),
            M(TIME_OF_DAY_INFO, tod_msecs), M(TIME_OF_DAY_INFO, tod_hours),
            M(TIME_OF_DAY_INFO, tod_mins), M(TIME_OF_DAY_INFO, tod_secs),
            M(TIME_OF_DAY_INFO, tod_hunds), M(TIME_OF_DAY_INFO, tod_timezone),
            M(TIME_OF_DAY_INFO, tod_tinterval), M(TIME_OF_DAY_INFO, tod_day),
            M(TIME_OF_DAY_INFO, tod_month), M(TIME_OF_DAY_INFO, tod_year),
            M(TIME_OF_DAY_INFO, tod_weekday))

static const struct record_type *user_record(DWORD level)
{
    switch (level) {
    case 0: return &user_0;
    case 1: return &user_1;
    case 2: return &user_2;
    case 3: return &user_3;
    case 4: return &user_4;
    case 10: return &user_10;
    case 11: return &user_11;
    case 20: return &user_20;
    default: return &user_23;
    }
}

static const struct record_type *group_record(DWORD level)
{
    return level == 0 ? &group_0 : &group_1;
}

static const struct record_type *member_record(DWORD level)
{
    return level == 0 ? &member_0 : level == 1 ? &member_1 : level == 2 ? &member_2 : &member_3;
}

static const struct record_type *wksta_record(DWORD level)
{
    return level == 100 ? &wksta_100 : level == 101 ? &wksta_101 : &wksta_102;
}

static const struct record_type *server_record(DWORD level)
{
    return level == 100 ? &server_100 : level == 101 ? &server_101 : &server_102;
}

/* Every padding byte of the n records at buf is zero. */
static void check_padding(const char *what, LPBYTE buf, DWORD n, const struct record_type *type)
{
    unsigned char member_byte[256] = {0};
    for (size_t i = 0; i < type->count; i++)
        memset(member_byte + type->members[i].offset, 1, type->members[i].size);
    for (DWORD r = 0; r < n; r++)
        for (size_t b = 0; b < type->size; b++)
            if (!member_byte[b] && buf[r * type->size + b] != 0) {
                CHECK_MSG_(0, "%s: record %u, padding byte %zu is 0x%02X", what, (unsigned)r, b,
                           buf[r * type->size + b]);
                return;
            }
}

/* Check and free what a call returned; status must be a success. */
static void take_result(const char *what, NET_API_STATUS st, LPBYTE buf, DWORD n,
                        const struct record_type *type)
{
    if (st != NERR_Success && st != ERROR_MORE_DATA)
        CHECK_MSG_(0, "%s: status %u", what, (unsigned)st);
    check_clean(what, buf);
    if (buf)
        check_padding(what, buf, n, type);
    NetApiBufferFree(buf);
}

/* Make the call (which sets buf and n records), then check its result. */
#define TAKE(what, call, n, type)                              \
    do {                                                       \
        NET_API_STATUS take_st_ = (call);                      \
        take_result((what), take_st_, buf, (n), (type));       \
    } while (0)

static const DWORD user_levels[] = {0, 1, 2, 3, 4, 10, 11, 20, 23};

TEST(users)
{
    for (size_t i = 0; i < sizeof user_levels / sizeof user_levels[0]; i++) {
        DWORD level = user_levels[i], read = 0, total, resume = 0;
        const struct record_type *type = user_record(level);
        LPBYTE buf;
        dirty();
        TAKE("NetUserEnum",
             NetUserEnum(NULL, level, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL), read,
             type);
        dirty();
        TAKE("NetUserEnum (first page)",
             NetUserEnum(NULL, level, 0, &buf, 200, &read, &total, NULL), read, type);
        NET_API_STATUS st;
        do { /* paged: every page is cut from a stored snapshot */
            dirty();
            TAKE("NetUserEnum (paged)",
                 st = NetUserEnum(NULL, level, FILTER_NORMAL_ACCOUNT, &buf, 100, &read, &total,
                                  &resume),
                 read, type);
        } while (st == ERROR_MORE_DATA);
        dirty();
        TAKE("NetUserGetInfo", NetUserGetInfo(NULL, "root", level, &buf), 1, type);
    }
}

TEST(local_groups)
{
    for (DWORD level = 0; level <= 1; level++) {
        DWORD read = 0, total;
        DWORD_PTR resume = 0;
        LPBYTE buf;
        dirty();
        TAKE("NetLocalGroupEnum",
             NetLocalGroupEnum(NULL, level, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL), read,
             group_record(level));
        NET_API_STATUS st;
        do {
            dirty();
            TAKE("NetLocalGroupEnum (paged)",
                 st = NetLocalGroupEnum(NULL, level, &buf, 64, &read, &total, &resume), read,
                 group_record(level));
        } while (st == ERROR_MORE_DATA);
        dirty();
        TAKE("NetLocalGroupGetInfo", NetLocalGroupGetInfo(NULL, "root", level, &buf), 1,
             group_record(level));
    }
    static const DWORD member_levels[] = {0, 1, 2, 3};
    for (size_t i = 0; i < sizeof member_levels / sizeof member_levels[0]; i++) {
        DWORD level = member_levels[i], read = 0, total;
        DWORD_PTR resume = 0;
        LPBYTE buf;
        dirty();
        TAKE("NetLocalGroupGetMembers",
             NetLocalGroupGetMembers(NULL, "root", level, &buf, MAX_PREFERRED_LENGTH, &read,
                                     &total, NULL),
             read, member_record(level));
        CHECK(read >= 1); /* root's primary group: root is a member */
        NET_API_STATUS st;
        do {
            dirty();
            TAKE("NetLocalGroupGetMembers (paged)",
                 st = NetLocalGroupGetMembers(NULL, "root", level, &buf, 1, &read, &total,
                                              &resume),
                 read, member_record(level));
        } while (st == ERROR_MORE_DATA);
    }
    DWORD read = 0, total;
    LPBYTE buf;
    dirty();
    TAKE("NetUserGetLocalGroups",
         NetUserGetLocalGroups(NULL, "root", 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total), read,
         &user_groups_0);
}

TEST(machine)
{
    static const DWORD levels[] = {100, 101, 102};
    LPBYTE buf;
    for (size_t i = 0; i < 3; i++) {
        dirty();
        TAKE("NetWkstaGetInfo", NetWkstaGetInfo(NULL, levels[i], &buf), 1,
             wksta_record(levels[i]));
        dirty();
        TAKE("NetServerGetInfo", NetServerGetInfo(NULL, levels[i], &buf), 1,
             server_record(levels[i]));
    }
    dirty();
    TAKE("NetRemoteTOD", NetRemoteTOD(NULL, &buf), 1, &time_of_day);
}

/* The finding itself: bytes 12-15 of LOCALGROUP_MEMBERS_INFO_1 are zero. */
TEST(members_level_1_padding)
{
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0;
    dirty();
    CHECK_EQ_U(NetLocalGroupGetMembers(NULL, "root", 1, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                       NULL),
               NERR_Success);
    const size_t pad_at = offsetof(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_sidusage) + sizeof(SID_NAME_USE);
    const size_t pad_len = offsetof(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name) - pad_at;
    static const unsigned char zero[8];
    for (DWORD i = 0; i < read; i++)
        CHECK(memcmp(buf + i * sizeof(LOCALGROUP_MEMBERS_INFO_1) + pad_at, zero, pad_len) == 0);
    NetApiBufferFree(buf);
}

/* ---- issue 11, management: this machine's global group, policy, display ---- */

RECORD_TYPE(global_0, GROUP_INFO_0, M(GROUP_INFO_0, grpi0_name))
RECORD_TYPE(global_1, GROUP_INFO_1, M(GROUP_INFO_1, grpi1_name), M(GROUP_INFO_1, grpi1_comment))
RECORD_TYPE(global_2, GROUP_INFO_2, M(GROUP_INFO_2, grpi2_name), M(GROUP_INFO_2, grpi2_comment),
            M(GROUP_INFO_2, grpi2_group_id), M(GROUP_INFO_2, grpi2_attributes))
RECORD_TYPE(global_3, GROUP_INFO_3, M(GROUP_INFO_3, grpi3_name), M(GROUP_INFO_3, grpi3_comment),
            M(GROUP_INFO_3, grpi3_group_sid), M(GROUP_INFO_3, grpi3_attributes))
RECORD_TYPE(group_users_0, GROUP_USERS_INFO_0, M(GROUP_USERS_INFO_0, grui0_name))
RECORD_TYPE(group_users_1, GROUP_USERS_INFO_1, M(GROUP_USERS_INFO_1, grui1_name),
            M(GROUP_USERS_INFO_1, grui1_attributes))
RECORD_TYPE(modals_0, USER_MODALS_INFO_0, M(USER_MODALS_INFO_0, usrmod0_min_passwd_len),
            M(USER_MODALS_INFO_0, usrmod0_max_passwd_age),
            M(USER_MODALS_INFO_0, usrmod0_min_passwd_age),
            M(USER_MODALS_INFO_0, usrmod0_force_logoff),
            M(USER_MODALS_INFO_0, usrmod0_password_hist_len))
RECORD_TYPE(modals_1, USER_MODALS_INFO_1, M(USER_MODALS_INFO_1, usrmod1_role),
            M(USER_MODALS_INFO_1, usrmod1_primary))
RECORD_TYPE(modals_2, USER_MODALS_INFO_2, M(USER_MODALS_INFO_2, usrmod2_domain_name),
            M(USER_MODALS_INFO_2, usrmod2_domain_id))
RECORD_TYPE(modals_3, USER_MODALS_INFO_3, M(USER_MODALS_INFO_3, usrmod3_lockout_duration),
            M(USER_MODALS_INFO_3, usrmod3_lockout_observation_window),
            M(USER_MODALS_INFO_3, usrmod3_lockout_threshold))
RECORD_TYPE(display_user, NET_DISPLAY_USER, M(NET_DISPLAY_USER, usri1_name),
            M(NET_DISPLAY_USER, usri1_comment), M(NET_DISPLAY_USER, usri1_flags),
            M(NET_DISPLAY_USER, usri1_full_name), M(NET_DISPLAY_USER, usri1_user_id),
            M(NET_DISPLAY_USER, usri1_next_index))
RECORD_TYPE(display_group, NET_DISPLAY_GROUP, M(NET_DISPLAY_GROUP, grpi3_name),
            M(NET_DISPLAY_GROUP, grpi3_comment), M(NET_DISPLAY_GROUP, grpi3_group_id),
            M(NET_DISPLAY_GROUP, grpi3_attributes), M(NET_DISPLAY_GROUP, grpi3_next_index))

TEST(management)
{
    static const struct record_type *const global[] = {&global_0, &global_1, &global_2,
                                                        &global_3};
    static const struct record_type *const modals[] = {&modals_0, &modals_1, &modals_2,
                                                       &modals_3};
    LPBYTE buf;
    DWORD read = 0, total;
    for (DWORD level = 0; level < 4; level++) {
        dirty();
        TAKE("NetGroupEnum",
             NetGroupEnum(NULL, level, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL), read,
             global[level]);
        dirty();
        TAKE("NetGroupGetInfo", NetGroupGetInfo(NULL, "None", level, &buf), 1, global[level]);
        dirty();
        TAKE("NetUserModalsGet", NetUserModalsGet(NULL, level, &buf), 1, modals[level]);
    }
    for (DWORD level = 0; level < 2; level++) {
        const struct record_type *type = level ? &group_users_1 : &group_users_0;
        DWORD_PTR resume = 0;
        NET_API_STATUS st;
        do {
            dirty();
            TAKE("NetGroupGetUsers (paged)",
                 st = NetGroupGetUsers(NULL, "None", level, &buf, 64, &read, &total, &resume),
                 read, type);
        } while (st == ERROR_MORE_DATA);
        dirty();
        TAKE("NetUserGetGroups",
             NetUserGetGroups(NULL, "root", level, &buf, MAX_PREFERRED_LENGTH, &read, &total),
             read, type);
    }
    dirty();
    TAKE("NetQueryDisplayInformation 1",
         NetQueryDisplayInformation(NULL, 1, 0, 50, MAX_PREFERRED_LENGTH, &read, (PVOID *)&buf),
         read, &display_user);
    dirty();
    TAKE("NetQueryDisplayInformation 3",
         NetQueryDisplayInformation(NULL, 3, 0, 50, MAX_PREFERRED_LENGTH, &read, (PVOID *)&buf),
         read, &display_group);
}

int main(void)
{
    RUN(users);
    RUN(local_groups);
    RUN(machine);
    RUN(members_level_1_padding);
    RUN(management);
    return check_finish();
}
