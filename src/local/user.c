/*
 * user.c — NetUserEnum and NetUserGetInfo over the NSS user database
 * (docs/behaviour.md section 5), at every level Windows returns: 0, 1, 2, 3, 4, 10, 11,
 * 20 and 23.  Layer 5: the packer, the resume table and the public API
 * only.
 *
 * Where each field comes from (docs/local-functions.md has the table):
 *   name               pw_name
 *   full_name          GECOS up to the first comma ("Ada Lovelace,Room 1,..." -> "Ada Lovelace")
 *   comment            the rest of GECOS after that comma, trailing commas dropped
 *                      ("Room 1,555-1234,," -> "Room 1,555-1234"); "" when none
 *   home_dir           pw_dir
 *   user_id            pw_uid (levels 3 and 20: the uid stands for the RID)
 *   primary_group_id   pw_gid (the group's SID is S-1-22-2-<gid>, so its "RID" is the gid)
 *   user_sid           S-1-22-1-<uid>, Samba's SID for a Unix user (levels 4 and 23)
 *   priv               USER_PRIV_ADMIN for uid 0, USER_PRIV_USER otherwise
 *   flags              UF_SCRIPT | UF_NORMAL_ACCOUNT, and what account.h derives from
 *                      the shell and the shadow entry (disabled, no password expiry,
 *                      no password required)
 *   password_age, acct_expires, password_expired
 *                      the shadow entry, where the caller may read it (account.h);
 *                      otherwise 0, TIMEQ_FOREVER, 0
 *   last_logon         lastlog (levels 2, 3, 4, 11); 0 when never or unknown
 *   logon_hours        21 bytes of 0xFF, UNITS_PER_WEEK units: no restriction, as Windows
 *                      reports an unrestricted account
 *   logon_server       "\\*", Windows' answer for a local account
 *   max_storage        USER_MAXSTORAGE_UNLIMITED
 *   password NULL (never returned); script_path, usr_comment, parms, workstations,
 *   profile, home_dir_drive ""; auth_flags, last_logoff, bad_pw_count, num_logons,
 *   country_code, code_page 0.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/account.h"
#include "local/functions.h"
#include "local/local.h"
#include "net/layouts.h"
#include "net/paging.h"
#include "net/resume.h"
#include "net/sid.h"
#include "pack/pack.h"

/* ---- the levels ------------------------------------------------------------------ */

/* The records' layouts are the generated ones (net/layouts.c), whose string
   fields are listed in field order: the order of the byte counts below. */
#define HOURS_BYTES (UNITS_PER_WEEK / 8)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* What a level needs beyond the user entry's name and GECOS. */
enum {
    NEEDS_ACCOUNT = 1, /* flags, password aging, expiry: the shadow database */
    NEEDS_LASTLOG = 2, /* last_logon */
    NEEDS_SID = 4,     /* a user SID */
    NEEDS_HOME = 8,    /* the home directory */
    NEEDS_GECOS = 16   /* the full name and the comment */
};

struct level {
    DWORD level;
    unsigned needs;
    const struct nbi_layout *layout;
};

/* Every level: what it needs, and its layout (shorter names for the table). */
#define ACCOUNT NEEDS_ACCOUNT
#define GECOS NEEDS_GECOS
#define HOME NEEDS_HOME
static const struct level levels[] = {
    {0, 0, &nbi_layout_USER_INFO_0},
    {1, ACCOUNT | HOME | GECOS, &nbi_layout_USER_INFO_1},
    {2, ACCOUNT | NEEDS_LASTLOG | HOME | GECOS, &nbi_layout_USER_INFO_2},
    {3, ACCOUNT | NEEDS_LASTLOG | HOME | GECOS, &nbi_layout_USER_INFO_3},
    {4, ACCOUNT | NEEDS_LASTLOG | NEEDS_SID | HOME | GECOS, &nbi_layout_USER_INFO_4},
    {10, GECOS, &nbi_layout_USER_INFO_10},
    {11, ACCOUNT | NEEDS_LASTLOG | HOME | GECOS, &nbi_layout_USER_INFO_11},
    {20, ACCOUNT | GECOS, &nbi_layout_USER_INFO_20},
    {23, ACCOUNT | NEEDS_SID | GECOS, &nbi_layout_USER_INFO_23},
};
#undef ACCOUNT
#undef GECOS
#undef HOME

static const struct level *level_of(DWORD level)
{
    for (size_t i = 0; i < COUNT(levels); i++)
        if (levels[i].level == level)
            return &levels[i];
    return NULL;
}

/* ---- one user's fields -------------------------------------------------------- */

/* Everything any level says about one user; strings point into the entry
   being read, and each comes with its byte count (NUL included), which the
   packer then need not measure again. */
struct user_src {
    char *name, *full_name, *comment, *home_dir;
    size_t name_size, full_name_size, comment_size, home_dir_size;
    DWORD uid, gid;
    struct nbi_account account;
    DWORD last_logon;
    unsigned char sid[NBI_UNIX_SID_SIZE];
};

/* Where a call reads what the user entry lacks. */
struct sources {
    const struct level *level;
    time_t now;
    int enumerating;
    /* Enumerations read the shadow database once (NULL: nothing readable)
       instead of looking every user up: what a module answers to lookups
       but does not enumerate (nss-systemd's root, SSSD) shows in
       NetUserGetInfo only. */
    struct nbi_accounts *accounts;
    struct nbi_lastlog lastlog;
};

static NET_API_STATUS sources_open(const struct level *level, int enumerating, struct sources *s)
{
    s->level = level;
    s->now = time(NULL);
    s->enumerating = enumerating;
    s->accounts = NULL;
    s->lastlog.fd = -1;
    if (level->needs & NEEDS_LASTLOG)
        nbi_lastlog_open(&s->lastlog);
    if (enumerating && (level->needs & NEEDS_ACCOUNT)) {
        NET_API_STATUS st = nbi_accounts_load(&s->accounts);
        if (st != NERR_Success) {
            nbi_lastlog_close(&s->lastlog);
            return st;
        }
    }
    return NERR_Success;
}

static void sources_close(struct sources *s)
{
    nbi_accounts_free(s->accounts);
    nbi_lastlog_close(&s->lastlog);
}

static char empty[] = "";
static char any_server[] = "\\\\*";
static unsigned char all_hours[HOURS_BYTES] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* Fill *u from pw and the call's sources, as far as the level needs.  The
   two parts of GECOS are measured, not cut: the packer copies each part's
   bytes and ends them itself (nbi_pack_put_string), and the entry is left
   as it was (writing into bytes about to be read again would only stall
   the loads). */
static void user_from_passwd(const struct passwd *pw, struct sources *s, struct user_src *u)
{
    unsigned needs = s->level->needs;
    char *gecos = pw->pw_gecos && (needs & NEEDS_GECOS) ? pw->pw_gecos : empty;
    char *comma = strchrnul(gecos, ','); /* one pass finds both parts' ends */
    u->full_name = gecos;
    u->full_name_size = (size_t)(comma - gecos) + 1;
    u->comment = empty;
    u->comment_size = 1;
    if (*comma) {
        char *comment = comma + 1;
        size_t len = strlen(comment);
        while (len && comment[len - 1] == ',')
            len--;
        u->comment = comment;
        u->comment_size = len + 1;
    }
    u->name = pw->pw_name;
    u->name_size = strlen(pw->pw_name) + 1;
    u->home_dir = pw->pw_dir ? pw->pw_dir : empty;
    if (needs & NEEDS_HOME)
        u->home_dir_size = strlen(u->home_dir) + 1;
    u->uid = (DWORD)pw->pw_uid;
    u->gid = (DWORD)pw->pw_gid;
    if (needs & NEEDS_ACCOUNT) {
        if (s->enumerating)
            nbi_accounts_find(s->accounts, pw, s->now, &u->account);
        else
            nbi_account_of(pw, s->now, &u->account);
    }
    u->last_logon = needs & NEEDS_LASTLOG ? nbi_lastlog_time(&s->lastlog, pw->pw_uid) : 0;
    if (needs & NEEDS_SID)
        nbi_sid_unix(u->sid, NBI_SID_UNIX_USERS, u->uid);
}

union user_rec {
    USER_INFO_2 l2;
    USER_INFO_3 l3;
    USER_INFO_4 l4;
    USER_INFO_11 l11;
    USER_INFO_23 l23;
};

static DWORD priv_of(const struct user_src *u)
{
    return u->uid == 0 ? USER_PRIV_ADMIN : USER_PRIV_USER;
}

static DWORD flags_of(const struct user_src *u)
{
    return UF_SCRIPT | UF_NORMAL_ACCOUNT | u->account.flags;
}

/* Levels 2, 3 and 4 agree on their first 24 fields (name to code_page),
   and on their first ten string fields' order (the layouts' lists). */
#define FILL_LEVEL2(r, p, u, z)                              \
    do {                                                     \
        (r)->p##_name = (u)->name;                           \
        (r)->p##_password_age = (u)->account.password_age;   \
        (r)->p##_priv = priv_of(u);                          \
        (r)->p##_home_dir = (u)->home_dir;                   \
        (r)->p##_comment = (u)->comment;                     \
        (r)->p##_flags = flags_of(u);                        \
        (r)->p##_script_path = empty;                        \
        (r)->p##_full_name = (u)->full_name;                 \
        (r)->p##_usr_comment = empty;                        \
        (r)->p##_parms = empty;                              \
        (r)->p##_workstations = empty;                       \
        (r)->p##_last_logon = (u)->last_logon;               \
        (r)->p##_acct_expires = (u)->account.acct_expires;   \
        (r)->p##_max_storage = USER_MAXSTORAGE_UNLIMITED;    \
        (r)->p##_units_per_week = UNITS_PER_WEEK;            \
        (r)->p##_logon_hours = all_hours;                    \
        (r)->p##_logon_server = any_server;                  \
        SET_SIZES(z, (u)->name_size, 0, (u)->home_dir_size, (u)->comment_size, 1,        \
                  (u)->full_name_size, 1, 1, 1, sizeof any_server);                        \
    } while (0)

/* Levels 3 and 4 end alike: the primary group, two empty strings (string
   fields 10 and 11) and whether the password must change. */
#define FILL_LEVEL3_TAIL(r, p, u, z)                                  \
    do {                                                              \
        (r)->p##_primary_group_id = (u)->gid;                         \
        (r)->p##_profile = empty;                                     \
        (r)->p##_home_dir_drive = empty;                              \
        (r)->p##_password_expired = (u)->account.password_expired;   \
        (z)[10] = (z)[11] = 1;                                        \
    } while (0)

/* sizes[0 ..) = the byte counts that follow, in string-field order. */
#define SET_SIZES(sizes, ...)                              \
    do {                                                   \
        const size_t given_[] = {__VA_ARGS__};             \
        memcpy((sizes), given_, sizeof given_);            \
    } while (0)

/* The record of `level` (2, 3, 4, 11 or 23: the levels with blobs, which
   go through the packer's add) for one user, its strings u's, and each
   string field's byte count in sizes (the level layout's order).  Records
   are cleared first: every field not named here is 0 (the packer clears
   the padding itself). */
static void to_level(DWORD level, struct user_src *u, union user_rec *r, size_t *sizes)
{
    switch (level) {
    case 2:
        memset(&r->l2, 0, sizeof r->l2);
        FILL_LEVEL2(&r->l2, usri2, u, sizes);
        break;
    case 3:
        memset(&r->l3, 0, sizeof r->l3);
        FILL_LEVEL2(&r->l3, usri3, u, sizes);
        r->l3.usri3_user_id = u->uid;
        FILL_LEVEL3_TAIL(&r->l3, usri3, u, sizes);
        break;
    case 4:
        memset(&r->l4, 0, sizeof r->l4);
        FILL_LEVEL2(&r->l4, usri4, u, sizes);
        r->l4.usri4_user_sid = u->sid;
        FILL_LEVEL3_TAIL(&r->l4, usri4, u, sizes);
        break;
    case 11:
        memset(&r->l11, 0, sizeof r->l11);
        r->l11.usri11_name = u->name;
        r->l11.usri11_comment = u->comment;
        r->l11.usri11_usr_comment = empty;
        r->l11.usri11_full_name = u->full_name;
        r->l11.usri11_priv = priv_of(u);
        r->l11.usri11_password_age = u->account.password_age;
        r->l11.usri11_home_dir = u->home_dir;
        r->l11.usri11_parms = empty;
        r->l11.usri11_last_logon = u->last_logon;
        r->l11.usri11_logon_server = any_server;
        r->l11.usri11_workstations = empty;
        r->l11.usri11_max_storage = USER_MAXSTORAGE_UNLIMITED;
        r->l11.usri11_units_per_week = UNITS_PER_WEEK;
        r->l11.usri11_logon_hours = all_hours;
        SET_SIZES(sizes, u->name_size, u->comment_size, 1, u->full_name_size, u->home_dir_size,
                  1, sizeof any_server, 1);
        break;
    default:
        memset(&r->l23, 0, sizeof r->l23);
        r->l23.usri23_name = u->name;
        r->l23.usri23_full_name = u->full_name;
        r->l23.usri23_comment = u->comment;
        r->l23.usri23_flags = flags_of(u);
        r->l23.usri23_user_sid = u->sid;
        SET_SIZES(sizes, u->name_size, u->full_name_size, u->comment_size);
        break;
    }
}

/* ---- the levels without blobs, written straight into the packer ----------------- */

/* Put string s of `size` bytes at data + *at; the value its pointer field takes. */
static char *put(unsigned char *data, size_t *at, uintptr_t tag, const char *s, size_t size)
{
    nbi_pack_put_string(data + *at, s, size);
    char *field = (char *)(tag + *at);
    *at += size;
    return field;
}

/* Levels 0, 1, 10 and 20 (what enumerations mostly ask for): the record and
   its strings written where they go (nbi_packer_slot), with no record
   built on the side and no field measured twice.  As netapibuf_packer_add. */
static NET_API_STATUS add_in_place(netapibuf_packer *p, struct nbi_pack_window *w, DWORD level,
                                   const struct user_src *u)
{
    size_t n = level == 0    ? u->name_size
               : level == 1  ? u->name_size + u->home_dir_size + u->comment_size + 1
               : level == 10 ? u->name_size + u->comment_size + 1 + u->full_name_size
                             : u->name_size + u->full_name_size + u->comment_size;
    unsigned char *data;
    uintptr_t tag;
    size_t at = 0;
    unsigned char *rec = w ? nbi_pack_window_entry(w, n, &data) : NULL;
    int windowed = rec != NULL;
    if (windowed) {
        tag = (uintptr_t)data;
    } else {
        /* no room left in the window (or none): the packer's own way, which
           grows the buffer, and a new window onto the room it made */
        if (w)
            nbi_packer_window_close(p, w);
        NET_API_STATUS st = nbi_packer_slot(p, n, &rec, &data, &tag);
        if (st != NERR_Success) {
            if (w)
                nbi_packer_window_open(p, w);
            return st;
        }
    }
    if (level == 0) {
        USER_INFO_0 *r = (USER_INFO_0 *)(void *)rec;
        r->usri0_name = put(data, &at, tag, u->name, u->name_size);
    } else if (level == 1) {
        USER_INFO_1 *r = (USER_INFO_1 *)(void *)rec;
        r->usri1_password = NULL;
        r->usri1_name = put(data, &at, tag, u->name, u->name_size);
        r->usri1_password_age = u->account.password_age;
        r->usri1_priv = priv_of(u);
        r->usri1_home_dir = put(data, &at, tag, u->home_dir, u->home_dir_size);
        r->usri1_comment = put(data, &at, tag, u->comment, u->comment_size);
        r->usri1_flags = flags_of(u);
        r->usri1_script_path = put(data, &at, tag, empty, 1);
    } else if (level == 10) {
        USER_INFO_10 *r = (USER_INFO_10 *)(void *)rec;
        r->usri10_name = put(data, &at, tag, u->name, u->name_size);
        r->usri10_comment = put(data, &at, tag, u->comment, u->comment_size);
        r->usri10_usr_comment = put(data, &at, tag, empty, 1);
        r->usri10_full_name = put(data, &at, tag, u->full_name, u->full_name_size);
    } else {
        USER_INFO_20 *r = (USER_INFO_20 *)(void *)rec;
        r->usri20_name = put(data, &at, tag, u->name, u->name_size);
        r->usri20_full_name = put(data, &at, tag, u->full_name, u->full_name_size);
        r->usri20_comment = put(data, &at, tag, u->comment, u->comment_size);
        r->usri20_flags = flags_of(u);
        r->usri20_user_id = u->uid;
    }
    if (!windowed) {
        nbi_packer_commit(p, n);
        if (w)
            nbi_packer_window_open(p, w);
    }
    return NERR_Success;
}

/* One user into the packer, at the level of the call's sources (through
   the window w onto it, or NULL). */
static NET_API_STATUS add_one(netapibuf_packer *p, struct nbi_pack_window *w,
                              const struct level *level, struct user_src *u)
{
    DWORD l = level->level;
    if (l == 0 || l == 1 || l == 10 || l == 20)
        return add_in_place(p, w, l, u);
    union user_rec r;
    size_t sizes[NETAPIBUF_PACK_MAX_FIELDS];
    to_level(l, u, &r, sizes);
    if (w) /* the levels with blobs are rare: no window for them */
        nbi_packer_window_close(p, w);
    NET_API_STATUS st = nbi_packer_add_sized(p, &r, sizes);
    if (w)
        nbi_packer_window_open(p, w);
    return st;
}

/* ---- one walk into a packer ------------------------------------------------------ */

struct walk_into {
    struct sources sources;
    netapibuf_packer *packer;
    struct nbi_pack_window window; /* onto the packer, open during the walk */
    DWORD total;
    int more; /* the packer is full: only count the rest */
};

static NET_API_STATUS add_user(const struct passwd *pw, void *ctx)
{
    struct walk_into *w = ctx;
    w->total++;
    if (w->more)
        return NERR_Success;
    struct user_src u;
    user_from_passwd(pw, &w->sources, &u);
    NET_API_STATUS st = add_one(w->packer, &w->window, w->sources.level, &u);
    if (st == ERROR_MORE_DATA) {
        w->more = 1;
        st = NERR_Success;
    }
    return st;
}

/* Walk the user database into `packer` as `level`'s records: NERR_Success
   (*total entries seen, *more when the packer filled up) or an error. */
static NET_API_STATUS walk_into(const struct level *level, netapibuf_packer *packer,
                                DWORD *total, int *more)
{
    struct walk_into w;
    memset(&w, 0, sizeof w);
    w.packer = packer;
    NET_API_STATUS st = sources_open(level, 1, &w.sources);
    if (st != NERR_Success)
        return st;
    nbi_packer_window_open(packer, &w.window);
    st = nbi_local_walk_users(add_user, &w);
    nbi_packer_window_close(packer, &w.window);
    sources_close(&w.sources);
    *total = w.total;
    *more = w.more;
    return st;
}

/* ---- snapshots for paging: one kind per level, pages cut as staged ----------------- */

static NET_API_STATUS snapshot_fill(netapibuf_packer *snapshot, void *ctx)
{
    DWORD total;
    int more;
    return walk_into(ctx, snapshot, &total, &more);
}

/* In the order of levels[]. */
static const struct nbi_resume_kind kinds[COUNT(levels)] = {
    {&nbi_layout_USER_INFO_0, snapshot_fill},  {&nbi_layout_USER_INFO_1, snapshot_fill},
    {&nbi_layout_USER_INFO_2, snapshot_fill},  {&nbi_layout_USER_INFO_3, snapshot_fill},
    {&nbi_layout_USER_INFO_4, snapshot_fill},  {&nbi_layout_USER_INFO_10, snapshot_fill},
    {&nbi_layout_USER_INFO_11, snapshot_fill}, {&nbi_layout_USER_INFO_20, snapshot_fill},
    {&nbi_layout_USER_INFO_23, snapshot_fill}};

/* ---- the functions ------------------------------------------------------------------ */

NET_API_STATUS nbi_local_user_enum(DWORD level, DWORD filter, LPBYTE *bufptr, DWORD prefmaxlen,
                                   LPDWORD entriesread, LPDWORD totalentries,
                                   PDWORD resume_handle)
{
    NET_API_STATUS st;
    const struct level *l = level_of(level);
    if (!l)
        return ERROR_INVALID_LEVEL;
    if (filter != 0 && filter != FILTER_NORMAL_ACCOUNT) {
        /* every account is a normal one: no trust or duplicate accounts here */
        if (resume_handle)
            *resume_handle = 0;
        return NERR_Success;
    }
    if (resume_handle && (*resume_handle || prefmaxlen != MAX_PREFERRED_LENGTH)) {
        /* a level's own kind: a handle used with another level walks afresh
           and continues at its index */
        struct nbi_page_spec spec = {&kinds[l - levels], NULL, (void *)(uintptr_t)l, level,
                                     l->layout, NULL};
        return nbi_page_enum_resume(&spec, prefmaxlen, NULL, resume_handle, bufptr, entriesread,
                                    totalentries);
    }
    /* everything in one call, or a first page that cannot be continued:
       one walk straight into the result */
    netapibuf_packer *packer;
    if ((st = nbi_packer_create(l->layout, prefmaxlen, &packer)) != NERR_Success)
        return st;
    DWORD total;
    int more;
    if ((st = walk_into(l, packer, &total, &more)) != NERR_Success) {
        netapibuf_packer_destroy(packer);
        return st;
    }
    if ((st = netapibuf_packer_finish(packer, bufptr, entriesread)) != NERR_Success)
        return st;
    *totalentries = total;
    return more ? ERROR_MORE_DATA : NERR_Success;
}

struct get_info {
    struct sources sources;
    LPBYTE buf;
};

static NET_API_STATUS get_info_pack(const struct passwd *pw, void *ctx)
{
    struct get_info *gi = ctx;
    struct user_src u;
    DWORD n;
    user_from_passwd(pw, &gi->sources, &u);
    netapibuf_packer *packer;
    NET_API_STATUS st = nbi_packer_create(gi->sources.level->layout, MAX_PREFERRED_LENGTH, &packer);
    if (st != NERR_Success)
        return st;
    if ((st = add_one(packer, NULL, gi->sources.level, &u)) != NERR_Success) {
        netapibuf_packer_destroy(packer);
        return st;
    }
    return netapibuf_packer_finish(packer, &gi->buf, &n);
}

NET_API_STATUS nbi_local_user_get_info(LPCSTR username, DWORD level, LPBYTE *bufptr)
{
    NET_API_STATUS st;
    const struct level *l = level_of(level);
    if (!l)
        return ERROR_INVALID_LEVEL;
    if (!username[0])
        return NERR_UserNotFound;
    struct get_info gi;
    if ((st = sources_open(l, 0, &gi.sources)) != NERR_Success)
        return st;
    gi.buf = NULL;
    st = nbi_local_user_by_name(username, get_info_pack, &gi);
    sources_close(&gi.sources);
    if (st == NERR_Success)
        *bufptr = gi.buf;
    return st;
}
