/*
 * user.c — NetUserEnum and NetUserGetInfo over the NSS user database
 * (docs/behaviour.md section 5).  Layer 5: the packer, the resume table and the public
 * API only.
 *
 * Field mapping from struct passwd:
 *   name        pw_name
 *   full_name   GECOS up to the first comma ("Ada Lovelace,Room 1,..." -> "Ada Lovelace")
 *   comment     the rest of GECOS after that comma, trailing commas dropped
 *               ("Room 1,555-1234,," -> "Room 1,555-1234"); "" when none
 *   home_dir    pw_dir
 *   user_id     pw_uid
 *   priv        USER_PRIV_ADMIN for uid 0, USER_PRIV_USER otherwise
 *   flags       UF_SCRIPT | UF_NORMAL_ACCOUNT, plus UF_ACCOUNTDISABLE when the
 *               login shell is nologin or false (the only lock a non-root
 *               process can see: the shadow file is root's)
 *   password NULL, password_age 0, script_path "", usr_comment "".
 */
#include <stdalign.h>
#include <stddef.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/functions.h"
#include "local/local.h"
#include "pack/pack.h"
#include "net/paging.h"
#include "net/resume.h"

/* What a snapshot keeps per user: everything any level needs. */
struct user_src {
    char *name;
    char *full_name;
    char *comment;
    char *home_dir;
    DWORD uid;
    DWORD flags;
};

static const size_t src_strings[] = {offsetof(struct user_src, name),
                                     offsetof(struct user_src, full_name),
                                     offsetof(struct user_src, comment),
                                     offsetof(struct user_src, home_dir)};
static const struct nbi_field src_fields[] = {
    NBI_FIELD(struct user_src, name),     NBI_FIELD(struct user_src, full_name),
    NBI_FIELD(struct user_src, comment),  NBI_FIELD(struct user_src, home_dir),
    NBI_FIELD(struct user_src, uid),      NBI_FIELD(struct user_src, flags)};
static const struct nbi_layout src_layout = {
    {sizeof(struct user_src), alignof(struct user_src), 4, src_strings, 0, NULL},
    NBI_FIELDS(src_fields)};

static const size_t l0_strings[] = {offsetof(USER_INFO_0, usri0_name)};
static const size_t l1_strings[] = {offsetof(USER_INFO_1, usri1_name),
                                    offsetof(USER_INFO_1, usri1_password),
                                    offsetof(USER_INFO_1, usri1_home_dir),
                                    offsetof(USER_INFO_1, usri1_comment),
                                    offsetof(USER_INFO_1, usri1_script_path)};
static const size_t l10_strings[] = {offsetof(USER_INFO_10, usri10_name),
                                     offsetof(USER_INFO_10, usri10_comment),
                                     offsetof(USER_INFO_10, usri10_usr_comment),
                                     offsetof(USER_INFO_10, usri10_full_name)};
static const size_t l20_strings[] = {offsetof(USER_INFO_20, usri20_name),
                                     offsetof(USER_INFO_20, usri20_full_name),
                                     offsetof(USER_INFO_20, usri20_comment)};
static const struct nbi_field l0_fields[] = {NBI_FIELD(USER_INFO_0, usri0_name)};
static const struct nbi_field l1_fields[] = {
    NBI_FIELD(USER_INFO_1, usri1_name),     NBI_FIELD(USER_INFO_1, usri1_password),
    NBI_FIELD(USER_INFO_1, usri1_password_age), NBI_FIELD(USER_INFO_1, usri1_priv),
    NBI_FIELD(USER_INFO_1, usri1_home_dir), NBI_FIELD(USER_INFO_1, usri1_comment),
    NBI_FIELD(USER_INFO_1, usri1_flags),    NBI_FIELD(USER_INFO_1, usri1_script_path)};
static const struct nbi_field l10_fields[] = {
    NBI_FIELD(USER_INFO_10, usri10_name), NBI_FIELD(USER_INFO_10, usri10_comment),
    NBI_FIELD(USER_INFO_10, usri10_usr_comment), NBI_FIELD(USER_INFO_10, usri10_full_name)};
static const struct nbi_field l20_fields[] = {
    NBI_FIELD(USER_INFO_20, usri20_name),  NBI_FIELD(USER_INFO_20, usri20_full_name),
    NBI_FIELD(USER_INFO_20, usri20_comment), NBI_FIELD(USER_INFO_20, usri20_flags),
    NBI_FIELD(USER_INFO_20, usri20_user_id)};
static const struct nbi_layout level_layouts[] = {
    {{sizeof(USER_INFO_0), alignof(USER_INFO_0), 1, l0_strings, 0, NULL}, NBI_FIELDS(l0_fields)},
    {{sizeof(USER_INFO_1), alignof(USER_INFO_1), 5, l1_strings, 0, NULL}, NBI_FIELDS(l1_fields)},
    {{sizeof(USER_INFO_10), alignof(USER_INFO_10), 4, l10_strings, 0, NULL},
     NBI_FIELDS(l10_fields)},
    {{sizeof(USER_INFO_20), alignof(USER_INFO_20), 3, l20_strings, 0, NULL},
     NBI_FIELDS(l20_fields)},
};

static const struct nbi_layout *level_layout(DWORD level)
{
    switch (level) {
    case 0: return &level_layouts[0];
    case 1: return &level_layouts[1];
    case 10: return &level_layouts[2];
    case 20: return &level_layouts[3];
    default: return NULL;
    }
}

union user_rec {
    USER_INFO_0 l0;
    USER_INFO_1 l1;
    USER_INFO_10 l10;
    USER_INFO_20 l20;
};

static char empty[] = "";

/* The record of `level` for one user; its strings are u's. */
static void to_level(DWORD level, const struct user_src *u, union user_rec *r)
{
    switch (level) {
    case 0:
        r->l0.usri0_name = u->name;
        break;
    case 1:
        r->l1.usri1_name = u->name;
        r->l1.usri1_password = NULL;
        r->l1.usri1_password_age = 0;
        r->l1.usri1_priv = u->uid == 0 ? USER_PRIV_ADMIN : USER_PRIV_USER;
        r->l1.usri1_home_dir = u->home_dir;
        r->l1.usri1_comment = u->comment;
        r->l1.usri1_flags = u->flags;
        r->l1.usri1_script_path = empty;
        break;
    case 10:
        r->l10.usri10_name = u->name;
        r->l10.usri10_comment = u->comment;
        r->l10.usri10_usr_comment = empty;
        r->l10.usri10_full_name = u->full_name;
        break;
    default:
        r->l20.usri20_name = u->name;
        r->l20.usri20_full_name = u->full_name;
        r->l20.usri20_comment = u->comment;
        r->l20.usri20_flags = u->flags;
        r->l20.usri20_user_id = u->uid;
        break;
    }
}

/* Does the path end in component `name` (n bytes)? */
static int ends_with_component(const char *path, size_t len, const char *name, size_t n)
{
    return len >= n && memcmp(path + len - n, name, n) == 0 &&
           (len == n || path[len - n - 1] == '/');
}

static int shell_disables(const char *shell)
{
    if (!shell)
        return 0;
    size_t len = strlen(shell);
    return ends_with_component(shell, len, "nologin", 7) ||
           ends_with_component(shell, len, "false", 5);
}

/* Fill *u from pw.  The GECOS field is split in place: its bytes live in
   the scratch buffer of the walk or lookup (local.h allows the change). */
static void user_from_passwd(const struct passwd *pw, struct user_src *u)
{
    char *gecos = pw->pw_gecos ? pw->pw_gecos : empty;
    char *comma = strchr(gecos, ',');
    char *comment = empty;
    if (comma) {
        *comma = '\0';
        comment = comma + 1;
        size_t len = strlen(comment);
        while (len && comment[len - 1] == ',')
            comment[--len] = '\0';
    }
    u->name = pw->pw_name;
    u->full_name = gecos;
    u->comment = comment;
    u->home_dir = pw->pw_dir ? pw->pw_dir : empty;
    u->uid = (DWORD)pw->pw_uid;
    u->flags = UF_SCRIPT | UF_NORMAL_ACCOUNT | (shell_disables(pw->pw_shell) ? UF_ACCOUNTDISABLE : 0);
}

/* ---- snapshots for paging ------------------------------------------------ */

static NET_API_STATUS snapshot_add(const struct passwd *pw, void *ctx)
{
    struct user_src u;
    user_from_passwd(pw, &u);
    return netapibuf_packer_add(ctx, &u);
}

static NET_API_STATUS snapshot_fill(netapibuf_packer *snapshot, void *ctx)
{
    (void)ctx;
    return nbi_local_walk_users(snapshot_add, snapshot);
}

static const struct nbi_resume_kind user_kind = {&src_layout, snapshot_fill};

/* ---- one walk straight into the page ------------------------------------- */

struct direct {
    DWORD level;
    netapibuf_packer *page;
    DWORD total;
    int more; /* the page is full: only count the rest */
};

static NET_API_STATUS direct_add(const struct passwd *pw, void *ctx)
{
    struct direct *d = ctx;
    d->total++;
    if (d->more)
        return NERR_Success;
    struct user_src u;
    union user_rec r;
    user_from_passwd(pw, &u);
    to_level(d->level, &u, &r);
    NET_API_STATUS st = netapibuf_packer_add(d->page, &r);
    if (st == ERROR_MORE_DATA) {
        d->more = 1;
        st = NERR_Success;
    }
    return st;
}

static NET_API_STATUS enum_direct(DWORD level, const struct nbi_layout *layout,
                                  DWORD prefmaxlen, LPBYTE *bufptr, LPDWORD entriesread,
                                  LPDWORD totalentries)
{
    struct direct d = {level, NULL, 0, 0};
    NET_API_STATUS st = nbi_packer_create(layout, prefmaxlen, &d.page);
    if (st != NERR_Success)
        return st;
    st = nbi_local_walk_users(direct_add, &d);
    if (st != NERR_Success) {
        netapibuf_packer_destroy(d.page);
        return st;
    }
    if ((st = netapibuf_packer_finish(d.page, bufptr, entriesread)) != NERR_Success)
        return st;
    *totalentries = d.total;
    return d.more ? ERROR_MORE_DATA : NERR_Success;
}

/* ---- one page cut from a snapshot (paging.c) ------------------------------ */

static void convert_user(DWORD level, const void *source, void *record)
{
    to_level(level, source, record);
}

NET_API_STATUS nbi_local_user_enum(DWORD level, DWORD filter, LPBYTE *bufptr, DWORD prefmaxlen,
                                   LPDWORD entriesread, LPDWORD totalentries,
                                   PDWORD resume_handle)
{
    NET_API_STATUS st;
    const struct nbi_layout *layout = level_layout(level);
    if (!layout)
        return ERROR_INVALID_LEVEL;
    if (filter != 0 && filter != FILTER_NORMAL_ACCOUNT) {
        /* every account is a normal one: no trust or duplicate accounts here */
        if (resume_handle)
            *resume_handle = 0;
        return NERR_Success;
    }
    if (resume_handle && (*resume_handle || prefmaxlen != MAX_PREFERRED_LENGTH)) {
        struct nbi_page_spec spec = {&user_kind, NULL, NULL, level, layout, convert_user};
        uint64_t handle = *resume_handle;
        st = nbi_page_enum(&spec, prefmaxlen, &handle, 32, bufptr, entriesread, totalentries);
        if (st == NERR_Success || st == ERROR_MORE_DATA)
            *resume_handle = (DWORD)handle;
        return st;
    }
    /* everything in one call, or a first page that cannot be continued */
    return enum_direct(level, layout, prefmaxlen, bufptr, entriesread, totalentries);
}

struct get_info {
    DWORD level;
    const struct nbi_layout *layout;
    LPBYTE buf;
};

static NET_API_STATUS get_info_pack(const struct passwd *pw, void *ctx)
{
    struct get_info *gi = ctx;
    struct user_src u;
    union user_rec r;
    DWORD n;
    user_from_passwd(pw, &u);
    to_level(gi->level, &u, &r);
    return nbi_pack(gi->layout, &r, 1, MAX_PREFERRED_LENGTH, &gi->buf, &n);
}

NET_API_STATUS nbi_local_user_get_info(LPCSTR username, DWORD level, LPBYTE *bufptr)
{
    NET_API_STATUS st;
    struct get_info gi = {level, level_layout(level), NULL};
    if (!gi.layout)
        return ERROR_INVALID_LEVEL;
    if (!username[0])
        return NERR_UserNotFound;
    st = nbi_local_user_by_name(username, get_info_pack, &gi);
    if (st == NERR_Success)
        *bufptr = gi.buf;
    return st;
}
