/* server.c — NetServerGetInfo levels 100, 101 and 102 for this machine. */
#include <stddef.h>
#include <stdalign.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/functions.h"
#include "local/host.h"
#include "local/local.h"
#include "pack/pack.h"

static const size_t strings_100[] = {offsetof(SERVER_INFO_100, sv100_name)};
static const struct nbi_field fields_100[] = {NBI_FIELD(SERVER_INFO_100, sv100_platform_id),
                                              NBI_FIELD(SERVER_INFO_100, sv100_name)};
static const struct nbi_layout layout_100 = {
    {sizeof(SERVER_INFO_100), alignof(SERVER_INFO_100), 1, strings_100, 0, NULL},
    NBI_FIELDS(fields_100)};

static const size_t strings_101[] = {
    offsetof(SERVER_INFO_101, sv101_name),
    offsetof(SERVER_INFO_101, sv101_comment),
};
static const struct nbi_field fields_101[] = {
    NBI_FIELD(SERVER_INFO_101, sv101_platform_id),   NBI_FIELD(SERVER_INFO_101, sv101_name),
    NBI_FIELD(SERVER_INFO_101, sv101_version_major), NBI_FIELD(SERVER_INFO_101, sv101_version_minor),
    NBI_FIELD(SERVER_INFO_101, sv101_type),          NBI_FIELD(SERVER_INFO_101, sv101_comment)};
static const struct nbi_layout layout_101 = {
    {sizeof(SERVER_INFO_101), alignof(SERVER_INFO_101), 2, strings_101, 0, NULL},
    NBI_FIELDS(fields_101)};

static const size_t strings_102[] = {
    offsetof(SERVER_INFO_102, sv102_name),
    offsetof(SERVER_INFO_102, sv102_comment),
    offsetof(SERVER_INFO_102, sv102_userpath),
};
static const struct nbi_field fields_102[] = {
    NBI_FIELD(SERVER_INFO_102, sv102_platform_id),   NBI_FIELD(SERVER_INFO_102, sv102_name),
    NBI_FIELD(SERVER_INFO_102, sv102_version_major), NBI_FIELD(SERVER_INFO_102, sv102_version_minor),
    NBI_FIELD(SERVER_INFO_102, sv102_type),          NBI_FIELD(SERVER_INFO_102, sv102_comment),
    NBI_FIELD(SERVER_INFO_102, sv102_users),         NBI_FIELD(SERVER_INFO_102, sv102_disc),
    NBI_FIELD(SERVER_INFO_102, sv102_hidden),        NBI_FIELD(SERVER_INFO_102, sv102_announce),
    NBI_FIELD(SERVER_INFO_102, sv102_anndelta),      NBI_FIELD(SERVER_INFO_102, sv102_licenses),
    NBI_FIELD(SERVER_INFO_102, sv102_userpath)};
static const struct nbi_layout layout_102 = {
    {sizeof(SERVER_INFO_102), alignof(SERVER_INFO_102), 3, strings_102, 0, NULL},
    NBI_FIELDS(fields_102)};

/* What this machine is: a workstation running a Unix server OS.  It runs no
   LAN Manager server of its own, so SV_TYPE_SERVER is not claimed. */
#define LOCAL_SERVER_TYPE (SV_TYPE_WORKSTATION | SV_TYPE_SERVER_UNIX)

static NET_API_STATUS count_user(const struct passwd *pw, void *ctx)
{
    (void)pw;
    ++*(DWORD *)ctx;
    return NERR_Success;
}

NET_API_STATUS nbi_local_server_get_info(DWORD level, LPBYTE *bufptr)
{
    struct nbi_host h;
    NET_API_STATUS st = nbi_host_info_start(level, &h);
    if (st != NERR_Success)
        return st;

    DWORD n, users = 0;
    switch (level) {
    case 100: {
        SERVER_INFO_100 r = {PLATFORM_ID_NT, h.name};
        return nbi_pack(&layout_100, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    case 101: {
        SERVER_INFO_101 r = {PLATFORM_ID_NT,     h.name, h.ver_major & MAJOR_VERSION_MASK,
                             h.ver_minor,        LOCAL_SERVER_TYPE, h.comment};
        return nbi_pack(&layout_101, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    default:
        if ((st = nbi_local_walk_users(count_user, &users)) != NERR_Success)
            return st;
        SERVER_INFO_102 r = {
            .sv102_platform_id = PLATFORM_ID_NT,
            .sv102_name = h.name,
            .sv102_version_major = h.ver_major & MAJOR_VERSION_MASK,
            .sv102_version_minor = h.ver_minor,
            .sv102_type = LOCAL_SERVER_TYPE,
            .sv102_comment = h.comment,
            .sv102_users = users,
            .sv102_disc = SV_NODISC,
            .sv102_hidden = SV_VISIBLE,
            .sv102_announce = 0,
            .sv102_anndelta = 0,
            .sv102_licenses = 0,
            .sv102_userpath = "/",
        };
        return nbi_pack(&layout_102, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
}
