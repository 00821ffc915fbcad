/*
 * host.c — NetServerGetInfo, NetWkstaGetInfo and NetRemoteTOD against a
 * server: one Samba call each, its record re-packed.
 */
#include <string.h>

#include <lm.h>

#include "net/layouts.h"
#include "net/server_name.h"
#include "remote/functions.h"
#include "remote/table.h"

/* Samba's SERVER_INFO_102 keeps sv102_hidden in one byte where Windows
   has a BOOL; the other three bytes are padding Samba never writes. */
struct samba_server_info_102 {
    uint32_t platform_id;
    const char *name;
    uint32_t version_major, version_minor, type;
    const char *comment;
    uint32_t users, disc;
    uint8_t hidden;
    uint32_t announce, anndelta, licenses;
    const char *userpath;
};

static void convert_server_info_102(const void *samba, void *ours)
{
    const struct samba_server_info_102 *s = samba;
    SERVER_INFO_102 *v = ours;
    v->sv102_platform_id = s->platform_id;
    v->sv102_name = nbi_samba_string(s->name);
    v->sv102_version_major = s->version_major;
    v->sv102_version_minor = s->version_minor;
    v->sv102_type = s->type;
    v->sv102_comment = nbi_samba_string(s->comment);
    v->sv102_users = s->users;
    v->sv102_disc = (LONG)s->disc;
    v->sv102_hidden = s->hidden != 0;
    v->sv102_announce = s->announce;
    v->sv102_anndelta = s->anndelta;
    v->sv102_licenses = s->licenses;
    v->sv102_userpath = nbi_samba_string(s->userpath);
}

static const struct nbi_remote_level server_rows[] = {
    NBI_ROW_SAME(100, SERVER_INFO_100, NULL),
    NBI_ROW_SAME(101, SERVER_INFO_101, NULL),
    NBI_ROW_CONVERT(102, SERVER_INFO_102, struct samba_server_info_102, convert_server_info_102,
                    NULL),
    NBI_ROW_SAME(402, SERVER_INFO_402, NULL),
    NBI_ROW_SAME(403, SERVER_INFO_403, NULL),
    NBI_ROW_SAME(502, SERVER_INFO_502, NULL),
    NBI_ROW_SAME(503, SERVER_INFO_503, NULL),
};

static const struct nbi_remote_level wksta_rows[] = {
    NBI_ROW_SAME(100, WKSTA_INFO_100, NULL),
    NBI_ROW_SAME(101, WKSTA_INFO_101, NULL),
    NBI_ROW_SAME(102, WKSTA_INFO_102, NULL),
};

static const struct nbi_remote_level tod_row = NBI_ROW_SAME(0, TIME_OF_DAY_INFO, NULL);

#define ROWS(a) (sizeof a / sizeof *a)

/* The one Samba call each function makes. */
enum host_call { SERVER_INFO, WKSTA_INFO, TIME_OF_DAY };

static NET_API_STATUS get_one(enum host_call call, const struct nbi_remote_level *row,
                              LPCSTR server, LPBYTE *bufptr)
{
    if (!row)
        return ERROR_INVALID_LEVEL;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint8_t *buf = NULL;
    uint32_t samba_status;
    switch (call) {
    case SERVER_INFO: samba_status = r.samba->NetServerGetInfo(bare, row->level, &buf); break;
    case WKSTA_INFO: samba_status = r.samba->NetWkstaGetInfo(bare, row->level, &buf); break;
    default: samba_status = r.samba->NetRemoteTOD(bare, &buf); break;
    }
    if (samba_status == NERR_Success)
        st = buf ? nbi_remote_pack_one(row, buf, bufptr) : NERR_InternalError;
    nbi_remote_leave(&r);
    return samba_status ? nbi_remote_status(samba_status, NBI_NOUN_NONE, bare) : st;
}

NET_API_STATUS nbi_remote_server_get_info(LPCSTR server, DWORD level, LPBYTE *bufptr)
{
    return get_one(SERVER_INFO, nbi_remote_row(server_rows, ROWS(server_rows), level), server,
                   bufptr);
}

NET_API_STATUS nbi_remote_wksta_get_info(LPCSTR server, DWORD level, LPBYTE *bufptr)
{
    return get_one(WKSTA_INFO, nbi_remote_row(wksta_rows, ROWS(wksta_rows), level), server,
                   bufptr);
}

NET_API_STATUS nbi_remote_tod(LPCSTR server, LPBYTE *bufptr)
{
    return get_one(TIME_OF_DAY, &tod_row, server, bufptr);
}
