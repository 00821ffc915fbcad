/*
 * user.c — NetUserEnum, NetUserGetInfo and NetUserGetLocalGroups against a
 * server: the level tables and the routes (see table.h).
 *
 * Routes.  Samba's NetUserEnum asks the server for each user separately
 * at every level but 0 (a SAMR QueryUserInfo per entry): 1.8-2.0 s for
 * 2,004 users on a domain controller.  Level 20's five fields (name, full
 * name, comment, flags, user id) are all in the display information
 * (NetQueryDisplayInformation level 1, one SAMR call per server page), so
 * level 20 of normal accounts takes that route; the display information
 * carries SAMR's account-control bits, which become Windows' UF_ flags
 * here, as Samba's own per-user route does (a domain controller's display
 * information has none: those are read with one SAMR enumeration per
 * stored bit, display_fill).  Other levels and filters go through Samba's NetUserEnum, paged
 * to the end, except filters other than
 * normal accounts: with one that matches nothing on a domain controller,
 * Samba's NetUserEnum dies (samr.h), so those accounts are listed through
 * SAMR here and each is read with Samba's NetUserGetInfo, which is what
 * NetUserEnum does per account anyway.
 *
 * NetUserGetLocalGroups is answered through SAMR (samr.h says why).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "platform/sysalloc.h"
#include "remote/acb.h"
#include "remote/functions.h"
#include "remote/samr.h"
#include "remote/table.h"

/* ---- Samba's records where they differ from ours ---------------------------- */

/* Samba's USER_INFO_3 has no usri3_password (Windows' has, and NetUserAdd
   at level 3 uses it): everything else is Windows' order. */
struct samba_user_info_3 {
    const char *name;
    uint32_t password_age, priv;
    const char *home_dir, *comment;
    uint32_t flags;
    const char *script_path;
    uint32_t auth_flags;
    const char *full_name, *usr_comment, *parms, *workstations;
    uint32_t last_logon, last_logoff, acct_expires, max_storage, units_per_week;
    uint8_t *logon_hours;
    uint32_t bad_pw_count, num_logons;
    const char *logon_server;
    uint32_t country_code, code_page, user_id, primary_group_id;
    const char *profile, *home_dir_drive;
    uint32_t password_expired;
};

static void convert_user_info_3(const void *samba, void *ours)
{
    const struct samba_user_info_3 *s = samba;
    USER_INFO_3 *u = ours;
    u->usri3_name = nbi_samba_string(s->name);
    u->usri3_password = NULL;
    u->usri3_password_age = s->password_age;
    u->usri3_priv = s->priv;
    u->usri3_home_dir = nbi_samba_string(s->home_dir);
    u->usri3_comment = nbi_samba_string(s->comment);
    u->usri3_flags = s->flags;
    u->usri3_script_path = nbi_samba_string(s->script_path);
    u->usri3_auth_flags = s->auth_flags;
    u->usri3_full_name = nbi_samba_string(s->full_name);
    u->usri3_usr_comment = nbi_samba_string(s->usr_comment);
    u->usri3_parms = nbi_samba_string(s->parms);
    u->usri3_workstations = nbi_samba_string(s->workstations);
    u->usri3_last_logon = s->last_logon;
    u->usri3_last_logoff = s->last_logoff;
    u->usri3_acct_expires = s->acct_expires;
    u->usri3_max_storage = s->max_storage;
    u->usri3_units_per_week = s->units_per_week;
    u->usri3_logon_hours = s->logon_hours;
    u->usri3_bad_pw_count = s->bad_pw_count;
    u->usri3_num_logons = s->num_logons;
    u->usri3_logon_server = nbi_samba_string(s->logon_server);
    u->usri3_country_code = s->country_code;
    u->usri3_code_page = s->code_page;
    u->usri3_user_id = s->user_id;
    u->usri3_primary_group_id = s->primary_group_id;
    u->usri3_profile = nbi_samba_string(s->profile);
    u->usri3_home_dir_drive = nbi_samba_string(s->home_dir_drive);
    u->usri3_password_expired = s->password_expired;
}

/* A display-information entry as USER_INFO_20. */
static void convert_display_to_20(const void *samba, void *ours)
{
    const NET_DISPLAY_USER *d = samba;
    USER_INFO_20 *u = ours;
    u->usri20_name = d->usri1_name;
    u->usri20_full_name = d->usri1_full_name;
    u->usri20_comment = d->usri1_comment;
    u->usri20_flags = nbi_acb_to_uf(d->usri1_flags);
    u->usri20_user_id = d->usri1_user_id;
}

/* ---- pages ---------------------------------------------------------------------- */

static uint32_t page_user_enum(struct nbi_remote *r, const struct nbi_enum_args *a,
                               uint32_t *resume, void **buf, uint32_t *count)
{
    uint32_t total = 0;
    return r->samba->NetUserEnum(a->server, a->level, a->filter, (uint8_t **)buf,
                                 MAX_PREFERRED_LENGTH, count, &total, resume);
}

/* The display information continues at the index after the last entry.
   A Samba domain controller's carries no control bits: display_fill reads
   them for the whole list at once (below). */
static uint32_t page_display_users(struct nbi_remote *r, const struct nbi_enum_args *a,
                                   uint32_t *resume, void **buf, uint32_t *count)
{
    uint32_t st = r->samba->NetQueryDisplayInformation(a->server, 1, *resume, 0xFFFFFFFFu,
                                                       MAX_PREFERRED_LENGTH, count, buf);
    if ((st == NERR_Success || st == ERROR_MORE_DATA) && *buf && *count)
        *resume = ((const NET_DISPLAY_USER *)*buf)[*count - 1].usri1_next_index;
    return st;
}

/* ---- the tables --------------------------------------------------------------------- */

#define ENUM_ROW(lvl) NBI_ROW_SAME(lvl, USER_INFO_##lvl, page_user_enum)
static const struct nbi_remote_level user_rows[] = {
    ENUM_ROW(0),
    ENUM_ROW(1),
    ENUM_ROW(2),
    NBI_ROW_CONVERT(3, USER_INFO_3, struct samba_user_info_3, convert_user_info_3, page_user_enum),
    ENUM_ROW(4),
    ENUM_ROW(10),
    ENUM_ROW(11),
    ENUM_ROW(20),
    ENUM_ROW(23),
};
#undef ENUM_ROW
#define USER_ROWS (sizeof user_rows / sizeof *user_rows)

/* Other filters: SAMR's list, then NetUserGetInfo per account. */
static NET_API_STATUS filtered_fill(netapibuf_packer *snapshot, void *ctx);
#define FILTERED_ROW(lvl) \
    {lvl, &nbi_layout_USER_INFO_##lvl, 0, NULL, NULL, {&nbi_layout_USER_INFO_##lvl, filtered_fill}}
static const struct nbi_remote_level user_rows_filtered[] = {
    FILTERED_ROW(0),  FILTERED_ROW(1),  FILTERED_ROW(2),  FILTERED_ROW(3),  FILTERED_ROW(4),
    FILTERED_ROW(10), FILTERED_ROW(11), FILTERED_ROW(20), FILTERED_ROW(23),
};
#undef FILTERED_ROW

/* Level 20 of normal accounts: the display information (display_fill). */
static NET_API_STATUS display_fill(netapibuf_packer *snapshot, void *ctx);
static const struct nbi_remote_level user_20_fast = {
    20, &nbi_layout_USER_INFO_20, sizeof(NET_DISPLAY_USER), convert_display_to_20,
    page_display_users, {&nbi_layout_USER_INFO_20, display_fill}};

static const struct nbi_remote_level local_groups_row =
    NBI_ROW_SAME(0, LOCALGROUP_USERS_INFO_0, NULL);

/* ---- accounts by filter ------------------------------------------------------------- */

/* SAMR's USER_ACCOUNT bits (MS-SAMR 2.2.1.12) for NetUserEnum's FILTER_ bits. */
static uint32_t filter_to_acb(DWORD filter)
{
    uint32_t acb = 0;
    if (filter & FILTER_TEMP_DUPLICATE_ACCOUNT)
        acb |= 0x00000008; /* ACB_TEMPDUP */
    if (filter & FILTER_NORMAL_ACCOUNT)
        acb |= 0x00000010; /* ACB_NORMAL */
    if (filter & FILTER_INTERDOMAIN_TRUST_ACCOUNT)
        acb |= 0x00000040; /* ACB_DOMTRUST */
    if (filter & FILTER_WORKSTATION_TRUST_ACCOUNT)
        acb |= 0x00000080; /* ACB_WSTRUST */
    if (filter & FILTER_SERVER_TRUST_ACCOUNT)
        acb |= 0x00000100; /* ACB_SVRTRUST */
    return acb;
}

struct filtered {
    struct nbi_remote *r;
    const struct nbi_fill_ctx *f;
    netapibuf_packer *snapshot;
    const struct nbi_remote_level *info_row; /* how NetUserGetInfo's record is carried */
    uint32_t samba_status;                   /* the first failed NetUserGetInfo */
};

static NET_API_STATUS add_account(const char *name, uint32_t rid, void *ctx)
{
    (void)rid;
    struct filtered *a = ctx;
    if (a->f->row->level == 0) {
        USER_INFO_0 r = {nbi_samba_string(name)};
        return netapibuf_packer_add(a->snapshot, &r);
    }
    uint8_t *buf = NULL;
    uint32_t st = a->r->samba->NetUserGetInfo(a->f->args->server, name, a->f->row->level, &buf);
    if (st != NERR_Success) {
        a->samba_status = st;
        return NERR_InternalError; /* stops the walk; the status is mapped below */
    }
    NET_API_STATUS added = buf ? nbi_remote_add(a->snapshot, a->info_row, buf, 1)
                               : NERR_InternalError;
    if (buf)
        a->r->samba->NetApiBufferFree(buf);
    return added;
}

static NET_API_STATUS filtered_fill(netapibuf_packer *snapshot, void *ctx)
{
    const struct nbi_fill_ctx *f = ctx;
    struct filtered a = {NULL, f, snapshot,
                         nbi_remote_row(user_rows, USER_ROWS, f->row->level), NERR_Success};
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, f->args->server);
    if (st != NERR_Success)
        return st;
    a.r = &r;
    st = nbi_samr_enum_users(&r, f->args->server, filter_to_acb(f->args->filter), add_account,
                             &a);
    nbi_remote_leave(&r);
    if (a.samba_status != NERR_Success)
        return nbi_remote_status(a.samba_status, NBI_NOUN_NONE, f->args->server);
    return nbi_remote_status(st, NBI_NOUN_NONE, f->args->server);
}

/* ---- level 20 of normal accounts ------------------------------------------------------ */

/*
 * The display information carries level 20's five fields for every
 * account in a call or a few, but a Samba AD DC (4.17) answers every
 * entry's account-control bits with 0: no account type, no disabled bit.
 * An entry with none of the account-type bits (no account lacks one) shows
 * such a server; the stored bits are then read with one SAMR
 * EnumDomainUsers per bit, which the same server filters correctly: 14
 * calls of a few milliseconds, where Samba's own route asks for every
 * account separately.  The bits a DC computes rather than stores
 * (UF_LOCKOUT, UF_PASSWORD_EXPIRED) are not among them; NetUserGetInfo
 * reports those.
 */
static const uint32_t stored_acb_bits[] = {
    0x00000001, 0x00000002, 0x00000004, 0x00000020, 0x00000200, 0x00000800, 0x00001000,
    0x00002000, 0x00004000, 0x00008000, 0x00010000, 0x00040000, 0x00080000, 0x00200000,
}; /* DISABLED HOMDIRREQ PWNOTREQ MNS PWNOEXP ENC_TXT_PWD_ALLOWED SMARTCARD_REQUIRED
      TRUSTED_FOR_DELEGATION NOT_DELEGATED USE_DES_KEY_ONLY DONT_REQ_PREAUTH
      TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION NO_AUTH_DATA_REQD USE_AES_KEYS */

struct rid_acb {
    uint32_t rid, acb;
};

struct acb_map {
    struct rid_acb *e;
    size_t n;
    uint32_t bit; /* the bit the current enumeration filters on */
};

static int compare_rid(const void *a, const void *b)
{
    uint32_t x = ((const struct rid_acb *)a)->rid, y = ((const struct rid_acb *)b)->rid;
    return x < y ? -1 : x > y;
}

static struct rid_acb *acb_find(const struct acb_map *m, uint32_t rid)
{
    struct rid_acb key = {rid, 0};
    return bsearch(&key, m->e, m->n, sizeof key, compare_rid);
}

static NET_API_STATUS mark_bit(const char *name, uint32_t rid, void *ctx)
{
    (void)name;
    struct acb_map *m = ctx;
    struct rid_acb *e = acb_find(m, rid);
    if (e)
        e->acb |= m->bit;
    return NERR_Success;
}

struct display_page {
    NET_DISPLAY_USER *users;
    uint32_t count;
};

/* The snapshot fill of user_20_fast: every page of the display
   information (kept until the end, on Samba's context), the stored flags
   where the pages lack them, then the records. */
static NET_API_STATUS display_fill(netapibuf_packer *snapshot, void *ctx)
{
    const struct nbi_fill_ctx *f = ctx;
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, f->args->server);
    if (st != NERR_Success)
        return st;
    struct display_page *pages = NULL;
    size_t npages = 0, total = 0;
    int flagless = 0;
    uint32_t resume = 0, samba_status;
    unsigned stalls = 0;
    for (;;) {
        void *buf = NULL;
        uint32_t count = 0, before = resume;
        samba_status = page_display_users(&r, f->args, &resume, &buf, &count);
        if (samba_status != NERR_Success && samba_status != ERROR_MORE_DATA)
            break;
        if (buf && count) {
            struct display_page *more = nbi_sys_realloc(pages, (npages + 1) * sizeof *pages);
            if (!more) {
                r.samba->NetApiBufferFree(buf);
                st = ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            pages = more;
            pages[npages].users = buf;
            pages[npages++].count = count;
            total += count;
            for (uint32_t i = 0; i < count; i++)
                flagless |= !(pages[npages - 1].users[i].usri1_flags & NBI_ACB_TYPE_MASK);
        } else if (buf) {
            r.samba->NetApiBufferFree(buf);
        }
        if (samba_status == NERR_Success)
            break;
        /* a page that says "more" and moves nothing on, twice: no end */
        stalls = count == 0 && resume == before ? stalls + 1 : 0;
        if (stalls >= 2) {
            st = NERR_InternalError;
            break;
        }
    }
    struct acb_map map = {NULL, 0, 0};
    int ok = st == NERR_Success && samba_status == NERR_Success;
    if (ok && flagless) {
        if (!(map.e = nbi_sys_malloc(total * sizeof *map.e)))
            st = ERROR_NOT_ENOUGH_MEMORY;
        for (size_t p = 0; map.e && p < npages; p++)
            for (uint32_t i = 0; i < pages[p].count; i++)
                map.e[map.n++] = (struct rid_acb){pages[p].users[i].usri1_user_id, NBI_ACB_NORMAL};
        if (map.e)
            qsort(map.e, map.n, sizeof *map.e, compare_rid);
        for (size_t b = 0; st == NERR_Success && b < sizeof stored_acb_bits / sizeof *stored_acb_bits;
             b++) {
            map.bit = stored_acb_bits[b];
            st = nbi_samr_enum_users(&r, f->args->server, map.bit, mark_bit, &map);
        }
    }
    for (size_t p = 0; ok && st == NERR_Success && p < npages; p++)
        for (uint32_t i = 0; st == NERR_Success && i < pages[p].count; i++) {
            USER_INFO_20 record;
            memset(&record, 0, sizeof record);
            convert_display_to_20(&pages[p].users[i], &record);
            const struct rid_acb *e = map.e ? acb_find(&map, record.usri20_user_id) : NULL;
            if (e)
                record.usri20_flags = nbi_acb_to_uf(e->acb);
            st = netapibuf_packer_add(snapshot, &record);
        }
    for (size_t p = 0; p < npages; p++)
        r.samba->NetApiBufferFree(pages[p].users); /* its strings go with the sweep */
    nbi_sys_free(pages);
    nbi_sys_free(map.e);
    nbi_remote_leave(&r);
    if (st != NERR_Success)
        return nbi_remote_status(st, NBI_NOUN_NONE, f->args->server);
    if (samba_status != NERR_Success)
        return nbi_remote_status(samba_status, NBI_NOUN_NONE, f->args->server);
    return NERR_Success;
}

/* ---- the functions ------------------------------------------------------------------ */

NET_API_STATUS nbi_remote_user_enum(LPCSTR server, DWORD level, DWORD filter, LPBYTE *bufptr,
                                    DWORD prefmaxlen, LPDWORD entriesread, LPDWORD totalentries,
                                    PDWORD resume_handle)
{
    const struct nbi_remote_level *row = nbi_remote_row(user_rows, USER_ROWS, level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    int normal = filter == 0 || filter == FILTER_NORMAL_ACCOUNT;
    if (level == 20 && normal)
        row = &user_20_fast;
    else if (!normal)
        row = nbi_remote_row(user_rows_filtered, USER_ROWS, level);
    struct nbi_enum_args args = {nbi_server_bare(server), NULL, level, filter};
    return nbi_remote_enumerate(row, &args, NBI_NOUN_NONE, prefmaxlen, NULL, resume_handle,
                                bufptr, entriesread, totalentries);
}

NET_API_STATUS nbi_remote_user_get_info(LPCSTR server, LPCSTR username, DWORD level,
                                        LPBYTE *bufptr)
{
    const struct nbi_remote_level *row = nbi_remote_row(user_rows, USER_ROWS, level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    /* At level 0 libnetapi hands back the name as the caller wrote it
       ("ALICE"), at every other level the account's own ("alice"), as
       Windows does at all: level 0 is read as level 10, whose first field
       is the same name. */
    _Static_assert(offsetof(USER_INFO_10, usri10_name) == offsetof(USER_INFO_0, usri0_name),
                   "level 0 is read as level 10");
    uint8_t *buf = NULL;
    uint32_t samba_status = r.samba->NetUserGetInfo(bare, username, level ? level : 10, &buf);
    if (samba_status == NERR_Success)
        st = buf ? nbi_remote_pack_one(row, buf, bufptr) : NERR_InternalError;
    nbi_remote_leave(&r);
    return samba_status ? nbi_remote_status(samba_status, NBI_NOUN_USER, bare) : st;
}

/* Aliases into a packer under prefmaxlen, every one counted. */
struct local_groups {
    netapibuf_packer *page;
    DWORD total;
    int full;
};

static NET_API_STATUS add_local_group(const char *name, const char *comment, void *ctx)
{
    (void)comment;
    struct local_groups *g = ctx;
    g->total++;
    if (g->full)
        return NERR_Success;
    LOCALGROUP_USERS_INFO_0 r = {nbi_samba_string(name)};
    NET_API_STATUS st = netapibuf_packer_add(g->page, &r);
    if (st == ERROR_MORE_DATA) {
        g->full = 1;
        st = NERR_Success;
    }
    return st;
}

NET_API_STATUS nbi_remote_user_get_local_groups(LPCSTR server, LPCSTR username, DWORD level,
                                                DWORD flags, LPBYTE *bufptr, DWORD prefmaxlen,
                                                LPDWORD entriesread, LPDWORD totalentries)
{
    if (level != 0)
        return ERROR_INVALID_LEVEL;
    if (!username[0])
        return NERR_UserNotFound;
    const char *bare = nbi_server_bare(server);
    struct local_groups g = {NULL, 0, 0};
    NET_API_STATUS st = nbi_packer_create(local_groups_row.layout, prefmaxlen, &g.page);
    if (st != NERR_Success)
        return st;
    struct nbi_remote r;
    if ((st = nbi_remote_enter(&r, bare)) != NERR_Success) {
        netapibuf_packer_destroy(g.page);
        return st;
    }
    st = nbi_samr_user_aliases(&r, bare, username, (flags & LG_INCLUDE_INDIRECT) != 0,
                               add_local_group, &g);
    nbi_remote_leave(&r);
    if (st != NERR_Success) {
        netapibuf_packer_destroy(g.page);
        return nbi_remote_status(st, NBI_NOUN_USER, bare);
    }
    if ((st = netapibuf_packer_finish(g.page, bufptr, entriesread)) != NERR_Success)
        return st;
    *totalentries = g.total;
    return g.full ? ERROR_MORE_DATA : NERR_Success;
}
