/* server.c — NetServerGetInfo levels 100, 101 and 102 for this machine. */
#include <stddef.h>
#include <string.h>
#include <stdalign.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/host.h"
#include "local/functions.h"
#include "local/local.h"

static const size_t strings_100[] = {offsetof(SERVER_INFO_100, sv100_name)};
static const struct netapibuf_record_layout layout_100 = {
    sizeof(SERVER_INFO_100), alignof(SERVER_INFO_100), 1, strings_100, 0, NULL};

static const size_t strings_101[] = {
    offsetof(SERVER_INFO_101, sv101_name),
    offsetof(SERVER_INFO_101, sv101_comment),
};
static const struct netapibuf_record_layout layout_101 = {
    sizeof(SERVER_INFO_101), alignof(SERVER_INFO_101), 2, strings_101, 0, NULL};

static const size_t strings_102[] = {
    offsetof(SERVER_INFO_102, sv102_name),
    offsetof(SERVER_INFO_102, sv102_comment),
    offsetof(SERVER_INFO_102, sv102_userpath),
};
static const struct netapibuf_record_layout layout_102 = {
    sizeof(SERVER_INFO_102), alignof(SERVER_INFO_102), 3, strings_102, 0, NULL};

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

    /* Each record is cleared first: its padding must not carry stack bytes
       into the result (SPEC section 5). */
    DWORD n, users = 0;
    switch (level) {
    case 100: {
        SERVER_INFO_100 r;
        memset(&r, 0, sizeof r);
        r.sv100_platform_id = PLATFORM_ID_NT;
        r.sv100_name = h.name;
        return netapibuf_pack(&layout_100, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    case 101: {
        SERVER_INFO_101 r;
        memset(&r, 0, sizeof r);
        r.sv101_platform_id = PLATFORM_ID_NT;
        r.sv101_name = h.name;
        r.sv101_version_major = h.ver_major & MAJOR_VERSION_MASK;
        r.sv101_version_minor = h.ver_minor;
        r.sv101_type = LOCAL_SERVER_TYPE;
        r.sv101_comment = h.comment;
        return netapibuf_pack(&layout_101, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    default:
        if ((st = nbi_local_walk_users(count_user, &users)) != NERR_Success)
            return st;
        SERVER_INFO_102 r;
        memset(&r, 0, sizeof r);
        r.sv102_platform_id = PLATFORM_ID_NT;
        r.sv102_name = h.name;
        r.sv102_version_major = h.ver_major & MAJOR_VERSION_MASK;
        r.sv102_version_minor = h.ver_minor;
        r.sv102_type = LOCAL_SERVER_TYPE;
        r.sv102_comment = h.comment;
        r.sv102_users = users;
        r.sv102_disc = SV_NODISC;
        r.sv102_hidden = SV_VISIBLE;
        r.sv102_announce = 0;
        r.sv102_anndelta = 0;
        r.sv102_licenses = 0;
        r.sv102_userpath = (LMSTR) "/";
        return netapibuf_pack(&layout_102, &r, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
}
