/*
 * usermgmt.c — the user functions of issue 11 against a server: NetUserAdd,
 * NetUserDel, NetUserSetInfo, NetUserChangePassword, NetUserGetGroups,
 * NetUserSetGroups, NetUserModalsGet, NetUserModalsSet and
 * NetQueryDisplayInformation; the level tables and the routes.
 *
 * Routes (samr_mgmt.h and acb.h say what Samba 4.17's libnetapi gets wrong):
 *   NetUserAdd       level 1 through Samba's NetUserAdd, its usri1_flags
 *                    turned into SAMR bits first; levels 2, 3 and 4 the same
 *                    with their level-1 part, then their other fields
 *                    through SAMR, and the new account deleted again when
 *                    that fails.
 *   NetUserSetInfo   the levels Samba's function sets right go through it
 *                    (rename, password, and seven one-string levels); 1 to
 *                    4 send the password (when not NULL) through it at
 *                    level 1003, then every other field through SAMR; the
 *                    other one-field levels through SAMR.  Levels whose data
 *                    SAMR has no place for are refused (rows below).
 *   NetUserChangePassword, NetUserSetGroups  through SAMR.
 *   NetQueryDisplayInformation  through Samba's; SAMR's control bits become
 *                    UF_ flags, and entries without any (a Samba 4.17
 *                    domain controller's, whose display information leaves
 *                    them out) are read from the accounts themselves.
 *   the others       Samba's functions, their records re-packed.
 */
#include <stdalign.h>
#include <string.h>

#include <lm.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "platform/sysalloc.h"
#include "remote/acb.h"
#include "remote/mgmt.h"
#include "remote/samr_mgmt.h"
#include "remote/table.h"

#define ROWS(a) (sizeof a / sizeof *a)

/* ---- what SAMR is asked to change -------------------------------------------------- */

/* An account change for nbi_samr_set_user, and the storage its pointers
   may need (logon hours in SAMR's fixed 1,260-byte array, the parameters
   string in UTF-16). */
struct user_change {
    struct nbi_samr_user_info21 info;
    uint8_t hours[1260];
    uint16_t *parms;
};

static void change_free(struct user_change *c)
{
    nbi_sys_free(c->parms);
}

/* Seconds from 1601-01-01 (NTTIME's origin) to 1970-01-01. */
#define NTTIME_UNIX_EPOCH 11644473600ull

/* An account expiry as SAMR's NTTIME.  "Never" is 0, one of the two values
   MS-SAMR gives it: a standalone Samba server stores the other,
   0x7FFFFFFFFFFFFFFF, as a 32-bit Unix time, which is 1975: the account
   would be expired at once (measured). */
static uint64_t nttime_of(DWORD seconds)
{
    if (seconds == TIMEQ_FOREVER)
        return 0;
    return ((uint64_t)seconds + NTTIME_UNIX_EPOCH) * 10000000ull;
}

/* A string field, when the caller gave one (NULL leaves the field). */
static void set_string(struct user_change *c, struct nbi_lsa_string *field, uint32_t bit,
                       const char *value)
{
    if (!value)
        return;
    *field = nbi_lsa_string_of(value);
    c->info.fields_present |= bit;
}

/* UTF-8 as UTF-16LE code units (Windows keeps usri*_parms as a UTF-16
   string in the account's parameters blob): the units, or NULL for
   memory; *units their count.  A malformed byte becomes U+FFFD. */
static uint16_t *utf16_of(const char *s, size_t *units)
{
    size_t n = strlen(s);
    uint16_t *out = nbi_sys_malloc((2 * n + 1) * sizeof *out);
    if (!out)
        return NULL;
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp = 0xFFFD;
        int extra = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : 0;
        if (*p < 0x80) {
            cp = *p++;
        } else if (*p >= 0xC0 && *p < 0xF8) {
            uint32_t v = *p & (0x3Fu >> extra);
            int ok = 1;
            for (int i = 1; i <= extra; i++)
                if ((p[i] & 0xC0) != 0x80)
                    ok = 0;
                else
                    v = v << 6 | (p[i] & 0x3Fu);
            p += ok ? extra + 1 : 1;
            if (ok)
                cp = v;
        } else {
            p++;
        }
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            cp -= 0x10000;
            out[k++] = (uint16_t)(0xD800 | cp >> 10);
            out[k++] = (uint16_t)(0xDC00 | (cp & 0x3FF));
        } else {
            out[k++] = (uint16_t)(cp > 0x10FFFF ? 0xFFFD : cp);
        }
    }
    *units = k;
    return out;
}

static NET_API_STATUS set_parms(struct user_change *c, const char *parms)
{
    if (!parms)
        return NERR_Success;
    size_t units = 0;
    if (!(c->parms = utf16_of(parms, &units)))
        return ERROR_NOT_ENOUGH_MEMORY;
    if (units > 0x7FFF)
        return ERROR_INVALID_PARAMETER;
    c->info.parameters.length = c->info.parameters.size = (uint16_t)(2 * units);
    c->info.parameters.array = c->parms;
    c->info.fields_present |= NBI_SAMR_FIELD_PARAMETERS;
    return NERR_Success;
}

/* NULL hours mean every hour (no restriction), as on Windows. */
static void set_hours(struct user_change *c, DWORD units, const BYTE *hours)
{
    memset(c->hours, 0, sizeof c->hours);
    if (!hours) {
        units = UNITS_PER_WEEK;
        memset(c->hours, 0xFF, UNITS_PER_WEEK / 8);
    } else {
        memcpy(c->hours, hours, (units + 7) / 8);
    }
    c->info.logon_hours.units_per_week = (uint16_t)units;
    c->info.logon_hours.bits = c->hours;
    c->info.fields_present |= NBI_SAMR_FIELD_LOGON_HOURS;
}

static void set_flags(struct user_change *c, DWORD uf)
{
    c->info.acct_flags = nbi_uf_to_acb(uf);
    c->info.fields_present |= NBI_SAMR_FIELD_ACCT_FLAGS;
}

/* Levels 1 to 4 share their first eight members (USER_INFO_1's); what
   SAMR can set of those.  The name is not changed here (level 0 renames),
   the password goes through Samba's function, and SAMR has no privilege
   level or password age to set. */
static void from_level_1(struct user_change *c, const USER_INFO_1 *u)
{
    set_string(c, &c->info.home_directory, NBI_SAMR_FIELD_HOME_DIRECTORY, u->usri1_home_dir);
    set_string(c, &c->info.description, NBI_SAMR_FIELD_DESCRIPTION, u->usri1_comment);
    set_string(c, &c->info.logon_script, NBI_SAMR_FIELD_LOGON_SCRIPT, u->usri1_script_path);
    set_flags(c, u->usri1_flags);
}

/* USER_INFO_2's members after the first eight, which 3 and 4 share;
   auth_flags, max_storage, the logon counters and the logon server have
   no SAMR field (Windows ignores them in NetUserSetInfo too). */
static NET_API_STATUS from_level_2(struct user_change *c, const USER_INFO_2 *u)
{
    from_level_1(c, (const USER_INFO_1 *)u);
    set_string(c, &c->info.full_name, NBI_SAMR_FIELD_FULL_NAME, u->usri2_full_name);
    set_string(c, &c->info.comment, NBI_SAMR_FIELD_COMMENT, u->usri2_usr_comment);
    set_string(c, &c->info.workstations, NBI_SAMR_FIELD_WORKSTATIONS, u->usri2_workstations);
    c->info.acct_expiry = nttime_of(u->usri2_acct_expires);
    c->info.fields_present |= NBI_SAMR_FIELD_ACCT_EXPIRY;
    set_hours(c, u->usri2_units_per_week, u->usri2_logon_hours);
    c->info.country_code = (uint16_t)u->usri2_country_code;
    c->info.code_page = (uint16_t)u->usri2_code_page;
    c->info.fields_present |= NBI_SAMR_FIELD_COUNTRY_CODE | NBI_SAMR_FIELD_CODE_PAGE;
    return set_parms(c, u->usri2_parms);
}

/* The members levels 3 and 4 add to 2's: they sit at the same offsets in
   both but for usri3_user_id / usri4_user_sid, which is not changed. */
static void after_level_2(struct user_change *c, DWORD primary_group, const char *profile,
                          const char *drive, DWORD expired)
{
    c->info.primary_gid = primary_group;
    c->info.fields_present |= NBI_SAMR_FIELD_PRIMARY_GID;
    set_string(c, &c->info.profile_path, NBI_SAMR_FIELD_PROFILE_PATH, profile);
    set_string(c, &c->info.home_drive, NBI_SAMR_FIELD_HOME_DRIVE, drive);
    c->info.password_expired = expired != 0;
    c->info.fields_present |= NBI_SAMR_FIELD_EXPIRED_FLAG;
}

static NET_API_STATUS change_1(const void *ours, void *change)
{
    from_level_1(change, ours);
    return NERR_Success;
}

static NET_API_STATUS change_2(const void *ours, void *change)
{
    return from_level_2(change, ours);
}

static NET_API_STATUS change_3(const void *ours, void *change)
{
    const USER_INFO_3 *u = ours;
    /* USER_INFO_3 is USER_INFO_2 with more members after it */
    NET_API_STATUS st = from_level_2(change, (const USER_INFO_2 *)u);
    after_level_2(change, u->usri3_primary_group_id, u->usri3_profile, u->usri3_home_dir_drive,
                  u->usri3_password_expired);
    return st;
}

static NET_API_STATUS change_4(const void *ours, void *change)
{
    const USER_INFO_4 *u = ours;
    NET_API_STATUS st = from_level_2(change, (const USER_INFO_2 *)u);
    after_level_2(change, u->usri4_primary_group_id, u->usri4_profile, u->usri4_home_dir_drive,
                  u->usri4_password_expired);
    return st;
}

static NET_API_STATUS change_1008(const void *ours, void *change)
{
    set_flags(change, ((const USER_INFO_1008 *)ours)->usri1008_flags);
    return NERR_Success;
}

static NET_API_STATUS change_1013(const void *ours, void *change)
{
    return set_parms(change, ((const USER_INFO_1013 *)ours)->usri1013_parms);
}

static NET_API_STATUS change_1017(const void *ours, void *change)
{
    struct user_change *c = change;
    c->info.acct_expiry = nttime_of(((const USER_INFO_1017 *)ours)->usri1017_acct_expires);
    c->info.fields_present |= NBI_SAMR_FIELD_ACCT_EXPIRY;
    return NERR_Success;
}

static NET_API_STATUS change_1020(const void *ours, void *change)
{
    const USER_INFO_1020 *u = ours;
    set_hours(change, u->usri1020_units_per_week, u->usri1020_logon_hours);
    return NERR_Success;
}

static NET_API_STATUS change_1024(const void *ours, void *change)
{
    struct user_change *c = change;
    c->info.country_code = (uint16_t)((const USER_INFO_1024 *)ours)->usri1024_country_code;
    c->info.fields_present |= NBI_SAMR_FIELD_COUNTRY_CODE;
    return NERR_Success;
}

static NET_API_STATUS change_1025(const void *ours, void *change)
{
    struct user_change *c = change;
    c->info.code_page = (uint16_t)((const USER_INFO_1025 *)ours)->usri1025_code_page;
    c->info.fields_present |= NBI_SAMR_FIELD_CODE_PAGE;
    return NERR_Success;
}

static NET_API_STATUS change_1051(const void *ours, void *change)
{
    struct user_change *c = change;
    c->info.primary_gid = ((const USER_INFO_1051 *)ours)->usri1051_primary_group_id;
    c->info.fields_present |= NBI_SAMR_FIELD_PRIMARY_GID;
    return NERR_Success;
}

/* ---- what Samba's functions are handed ----------------------------------------------- */

/* The level-1 part of a USER_INFO_1 to 4 for Samba's NetUserAdd, its flags
   as SAMR bits (acb.h says why). */
static int add_record(const void *ours, void *samba)
{
    const USER_INFO_1 *u = ours;
    USER_INFO_1 *s = samba;
    *s = *u;
    s->usri1_password_age = 0; /* Samba would take it for "expire the password" */
    s->usri1_flags = nbi_uf_to_acb(u->usri1_flags);
    return 1;
}

/* The password of a USER_INFO_1 to 4 as a USER_INFO_1003, when it has one. */
static int password_record(const void *ours, void *samba)
{
    const USER_INFO_1 *u = ours;
    USER_INFO_1003 *s = samba;
    s->usri1003_password = u->usri1_password;
    return u->usri1_password != NULL;
}

/* ---- the tables ------------------------------------------------------------------------ */

static const struct nbi_remote_write add_rows[] = {
    NBI_WRITE_CONVERT(1, 1, USER_INFO_1, add_record, NULL),
    NBI_WRITE_CONVERT(2, 1, USER_INFO_1, add_record, change_2),
    NBI_WRITE_CONVERT(3, 1, USER_INFO_1, add_record, change_3),
    NBI_WRITE_CONVERT(4, 1, USER_INFO_1, add_record, change_4),
};

/*
 * Refused levels: 21 and 22 carry a one-way-encrypted password, which SAMR
 * takes only encrypted again with the session key (UserInternal1), a step
 * Samba's client library offers no call for; SAMR has no field for 1005's
 * privilege level (Windows derives it from membership of BUILTIN\
 * Administrators, Users or Guests: use NetLocalGroupAddMembers), 1010's
 * operator flags, 1018's disk quota or 1023's logon server.
 */
static const struct nbi_remote_write set_rows[] = {
    NBI_WRITE_AS_IS(0),
    NBI_WRITE_CONVERT(1, 1003, USER_INFO_1003, password_record, change_1),
    NBI_WRITE_CONVERT(2, 1003, USER_INFO_1003, password_record, change_2),
    NBI_WRITE_CONVERT(3, 1003, USER_INFO_1003, password_record, change_3),
    NBI_WRITE_CONVERT(4, 1003, USER_INFO_1003, password_record, change_4),
    NBI_WRITE_NOT_CARRIED(21),
    NBI_WRITE_NOT_CARRIED(22),
    NBI_WRITE_AS_IS(1003),
    NBI_WRITE_NOT_CARRIED(1005),
    NBI_WRITE_AS_IS(1006),
    NBI_WRITE_AS_IS(1007),
    NBI_WRITE_BY_SAMR(1008, change_1008),
    NBI_WRITE_AS_IS(1009),
    NBI_WRITE_NOT_CARRIED(1010),
    NBI_WRITE_AS_IS(1011),
    NBI_WRITE_AS_IS(1012),
    NBI_WRITE_BY_SAMR(1013, change_1013),
    NBI_WRITE_AS_IS(1014),
    NBI_WRITE_BY_SAMR(1017, change_1017),
    NBI_WRITE_NOT_CARRIED(1018),
    NBI_WRITE_BY_SAMR(1020, change_1020),
    NBI_WRITE_NOT_CARRIED(1023),
    /* Samba's sends nothing for a country code or primary group of 0 */
    NBI_WRITE_BY_SAMR(1024, change_1024),
    NBI_WRITE_BY_SAMR(1025, change_1025),
    NBI_WRITE_BY_SAMR(1051, change_1051),
    NBI_WRITE_AS_IS(1052),
    NBI_WRITE_AS_IS(1053),
};

/* Samba's NetUserModalsSet answers levels 1, 2, 1006 and 1007 with success
   and changes nothing: a server's role and domain name are not set
   through SAMR's domain information, so they are refused here. */
static const struct nbi_remote_write modals_set_rows[] = {
    NBI_WRITE_AS_IS(0),       NBI_WRITE_NOT_CARRIED(1), NBI_WRITE_NOT_CARRIED(2),
    NBI_WRITE_AS_IS(3),       NBI_WRITE_AS_IS(1001),    NBI_WRITE_AS_IS(1002),
    NBI_WRITE_AS_IS(1003),    NBI_WRITE_AS_IS(1004),    NBI_WRITE_AS_IS(1005),
    NBI_WRITE_NOT_CARRIED(1006), NBI_WRITE_NOT_CARRIED(1007),
};

static const struct nbi_remote_level modals_rows[] = {
    NBI_ROW_SAME(0, USER_MODALS_INFO_0, NULL),
    NBI_ROW_SAME(1, USER_MODALS_INFO_1, NULL),
    NBI_ROW_SAME(2, USER_MODALS_INFO_2, NULL),
    NBI_ROW_SAME(3, USER_MODALS_INFO_3, NULL),
};

static uint32_t page_user_groups(struct nbi_remote *r, const struct nbi_enum_args *a,
                                 uint32_t *resume, void **buf, uint32_t *count);
static const struct nbi_remote_level groups_rows[] = {
    NBI_ROW_SAME(0, GROUP_USERS_INFO_0, page_user_groups),
    NBI_ROW_SAME(1, GROUP_USERS_INFO_1, page_user_groups),
};

static void convert_display_user(const void *samba, void *ours);
static void convert_display_machine(const void *samba, void *ours);
static const struct nbi_remote_level display_rows[] = {
    NBI_ROW_CONVERT(1, NET_DISPLAY_USER, NET_DISPLAY_USER, convert_display_user, NULL),
    NBI_ROW_CONVERT(2, NET_DISPLAY_MACHINE, NET_DISPLAY_MACHINE, convert_display_machine, NULL),
    NBI_ROW_SAME(3, NET_DISPLAY_GROUP, NULL),
};

/* ---- NetUserAdd, NetUserSetInfo, NetUserDel --------------------------------------------- */

/* The SAMR step of a row for account user. */
static uint32_t samr_step(struct nbi_remote *r, const char *server, const char *user,
                          const struct nbi_remote_write *row, const void *ours)
{
    struct user_change *c = nbi_sys_malloc(sizeof *c);
    if (!c)
        return ERROR_NOT_ENOUGH_MEMORY;
    memset(c, 0, sizeof *c);
    uint32_t st = row->to_samr(ours, c);
    if (st == NERR_Success)
        st = nbi_samr_set_user(r, server, user, &c->info);
    change_free(c);
    nbi_sys_free(c);
    return st;
}

NET_API_STATUS nbi_remote_user_add(LPCSTR server, DWORD level, LPBYTE buf)
{
    const struct nbi_remote_write *row = nbi_remote_write_row(add_rows, ROWS(add_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    /* Samba's NetUserAdd makes every account a normal one (SAMR's
       CreateUser2 with ACB_NORMAL, then the caller's bits added to it):
       a machine or trust account would come out with two types. */
    if (((const USER_INFO_1 *)buf)->usri1_flags & UF_ACCOUNT_TYPE_MASK & ~(DWORD)UF_NORMAL_ACCOUNT)
        return ERROR_NOT_SUPPORTED;
    const char *bare = nbi_server_bare(server);
    const char *name = ((const USER_INFO_1 *)buf)->usri1_name;
    alignas(16) unsigned char samba[NBI_WRITE_RECORD_MAX];
    row->convert(buf, samba);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter_users(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t parm = 0;
    uint32_t result = r.samba->NetUserAdd(bare, row->samba_level, samba, &parm);
    if (result == NERR_Success && row->to_samr) {
        result = samr_step(&r, bare, name, row, buf);
        if (result != NERR_Success)
            (void)r.samba->NetUserDel(bare, name); /* no half-made account stays */
    }
    nbi_remote_leave(&r);
    /* A standalone Samba server makes accounts only for existing Unix users
       (or through its "add user script"): otherwise 1317, passed on as it
       is ("the specified account does not exist"). */
    return result ? nbi_remote_write_status(result, NBI_NOUN_NONE, bare) : NERR_Success;
}

NET_API_STATUS nbi_remote_user_set_info(LPCSTR server, LPCSTR username, DWORD level, LPBYTE buf)
{
    const struct nbi_remote_write *row = nbi_remote_write_row(set_rows, ROWS(set_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (row->refused)
        return ERROR_NOT_SUPPORTED;
    if (!username[0])
        return NERR_UserNotFound;
    const char *bare = nbi_server_bare(server);
    alignas(16) unsigned char samba[NBI_WRITE_RECORD_MAX];
    const void *record = buf;
    if (row->convert && !row->convert(buf, samba))
        record = NULL; /* nothing for Samba's function: SAMR only */
    else if (row->convert)
        record = samba;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter_users(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t result = NERR_Success, parm = 0;
    /* The password first: it is what the server's policy may refuse, and
       then nothing else has changed. */
    if (row->samba_level != NBI_WRITE_NO_SAMBA && record)
        result = r.samba->NetUserSetInfo(bare, username, row->samba_level,
                                         (uint8_t *)(uintptr_t)record, &parm);
    if (result == NERR_Success && row->to_samr)
        result = samr_step(&r, bare, username, row, buf);
    nbi_remote_leave(&r);
    return result ? nbi_remote_write_status(result, NBI_NOUN_USER, bare) : NERR_Success;
}

NET_API_STATUS nbi_remote_user_del(LPCSTR server, LPCSTR username)
{
    if (!username[0])
        return NERR_UserNotFound;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter_users(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t result = r.samba->NetUserDel(bare, username);
    nbi_remote_leave(&r);
    return result ? nbi_remote_write_status(result, NBI_NOUN_USER, bare) : NERR_Success;
}

NET_API_STATUS nbi_remote_user_change_password(LPCSTR server, LPCSTR username,
                                               LPCSTR oldpassword, LPCSTR newpassword)
{
    if (!username[0])
        return NERR_UserNotFound;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t result = nbi_samr_change_password(&r, bare, username, oldpassword, newpassword);
    nbi_remote_leave(&r);
    return result ? nbi_remote_write_status(result, NBI_NOUN_USER, bare) : NERR_Success;
}

/* ---- groups of a user -------------------------------------------------------------------- */

/* Samba's NetUserGetGroups returns every group in one call. */
static uint32_t page_user_groups(struct nbi_remote *r, const struct nbi_enum_args *a,
                                 uint32_t *resume, void **buf, uint32_t *count)
{
    uint32_t total = 0;
    *resume = 0;
    if (!r->samba->have_netapi_users)
        return ERROR_NOT_SUPPORTED;
    return r->samba->NetUserGetGroups(a->server, a->name, a->level, (uint8_t **)buf,
                                      MAX_PREFERRED_LENGTH, count, &total);
}

NET_API_STATUS nbi_remote_user_get_groups(LPCSTR server, LPCSTR username, DWORD level,
                                          LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                          LPDWORD totalentries)
{
    const struct nbi_remote_level *row = nbi_remote_row(groups_rows, ROWS(groups_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (!username[0])
        return NERR_UserNotFound;
    struct nbi_enum_args args = {nbi_server_bare(server), username, level, 0};
    return nbi_remote_enumerate(row, &args, NBI_NOUN_USER, prefmaxlen, NULL, NULL, bufptr,
                                entriesread, totalentries);
}

NET_API_STATUS nbi_remote_user_set_groups(LPCSTR server, LPCSTR username, DWORD level,
                                          LPBYTE buf, DWORD num_entries)
{
    size_t stride = level == 0 ? sizeof(GROUP_USERS_INFO_0) : sizeof(GROUP_USERS_INFO_1);
    if (level > 1)
        return ERROR_INVALID_LEVEL;
    if (!username[0])
        return NERR_UserNotFound;
    const char **names = nbi_sys_malloc((num_entries ? num_entries : 1) * sizeof *names);
    if (!names)
        return ERROR_NOT_ENOUGH_MEMORY;
    /* both levels' records start with the group's name */
    for (DWORD i = 0; i < num_entries; i++)
        memcpy(&names[i], buf + i * stride, sizeof names[i]);
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    uint32_t result = st;
    if (st == NERR_Success) {
        result = nbi_samr_user_set_groups(&r, bare, username, names, num_entries);
        nbi_remote_leave(&r);
    }
    nbi_sys_free(names);
    if (st != NERR_Success)
        return st;
    return result ? nbi_remote_write_status(result, NBI_NOUN_USER, bare) : NERR_Success;
}

/* ---- account policy ----------------------------------------------------------------------- */

NET_API_STATUS nbi_remote_user_modals_get(LPCSTR server, DWORD level, LPBYTE *bufptr)
{
    const struct nbi_remote_level *row = nbi_remote_row(modals_rows, ROWS(modals_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter_users(&r, bare);
    if (st != NERR_Success)
        return st;
    uint8_t *buf = NULL;
    uint32_t result = r.samba->NetUserModalsGet(bare, level, &buf);
    if (result == NERR_Success)
        st = buf ? nbi_remote_pack_one(row, buf, bufptr) : NERR_InternalError;
    if (buf)
        r.samba->NetApiBufferFree(buf);
    nbi_remote_leave(&r);
    return result ? nbi_remote_status(result, NBI_NOUN_NONE, bare) : st;
}

NET_API_STATUS nbi_remote_user_modals_set(LPCSTR server, DWORD level, LPBYTE buf)
{
    const struct nbi_remote_write *row =
        nbi_remote_write_row(modals_set_rows, ROWS(modals_set_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    if (row->refused)
        return ERROR_NOT_SUPPORTED;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter_users(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t parm = 0;
    uint32_t result = r.samba->NetUserModalsSet(bare, level, buf, &parm);
    nbi_remote_leave(&r);
    return result ? nbi_remote_write_status(result, NBI_NOUN_NONE, bare) : NERR_Success;
}

/* ---- display information ------------------------------------------------------------------- */

static void convert_display_user(const void *samba, void *ours)
{
    NET_DISPLAY_USER *d = ours;
    *d = *(const NET_DISPLAY_USER *)samba;
    d->usri1_flags = nbi_acb_to_uf(d->usri1_flags);
}

static void convert_display_machine(const void *samba, void *ours)
{
    NET_DISPLAY_MACHINE *d = ours;
    *d = *(const NET_DISPLAY_MACHINE *)samba;
    d->usri2_flags = nbi_acb_to_uf(d->usri2_flags);
}

NET_API_STATUS nbi_remote_query_display(LPCSTR server, DWORD level, DWORD index, DWORD requested,
                                        DWORD prefmaxlen, LPDWORD returned, PVOID *bufptr)
{
    const struct nbi_remote_level *row = nbi_remote_row(display_rows, ROWS(display_rows), level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    void *page = NULL;
    uint32_t count = 0;
    uint32_t result = r.samba->NetQueryDisplayInformation(bare, level, index, requested,
                                                          prefmaxlen, &count, &page);
    netapibuf_packer *p = NULL;
    if (result == NERR_Success || result == ERROR_MORE_DATA) {
        if (page && count)
            st = nbi_samr_display_flags(&r, bare, level, page, count);
        if (st == NERR_Success)
            st = nbi_packer_create(row->layout, MAX_PREFERRED_LENGTH, &p);
        if (st == NERR_Success && page && count)
            st = nbi_remote_add(p, row, page, count);
    }
    if (page)
        r.samba->NetApiBufferFree(page);
    nbi_remote_leave(&r);
    if (result != NERR_Success && result != ERROR_MORE_DATA)
        return nbi_remote_status(result, NBI_NOUN_NONE, bare);
    if (st != NERR_Success) {
        netapibuf_packer_destroy(p);
        return st;
    }
    st = netapibuf_packer_finish(p, (LPBYTE *)bufptr, returned);
    return st == NERR_Success ? result : st;
}
