/*
 * serverset.c — NetServerSetInfo against a server: a row per level, each
 * naming its route.  libnetapi passes level 1005 only; the others go
 * through Samba's SRVSVC stub (srvsvc.h).
 *
 * Samba's servers answer NetrServerSetInfo with success and change nothing
 * (their handler is a stub): that answer is passed on as it is, and the
 * manual page says so.
 */
#include <string.h>

#include <lm.h>

#include "net/server_name.h"
#include "remote/functions.h"
#include "remote/srvsvc.h"
#include "remote/status.h"
#include "remote/table.h"

/* libnetapi's function, or the SRVSVC stub (table.h). */
static const struct nbi_remote_write set_rows[] = {
    NBI_WRITE_BY_STUB(101),  NBI_WRITE_BY_STUB(102),  NBI_WRITE_AS_IS(1005),
    NBI_WRITE_BY_STUB(1010), NBI_WRITE_BY_STUB(1016), NBI_WRITE_BY_STUB(1017),
    NBI_WRITE_BY_STUB(1018), NBI_WRITE_BY_STUB(1107),
};

/* Samba's record for level: ours, except where a field's width differs
   (SRVSVC's hidden flag is 32 bits; ours is a BOOL at 102 and a BOOLEAN
   at 1016). */
union srvsvc_record {
    struct nbi_srvsvc_srv_102 i102;
    uint32_t i1016;
};

static const void *srvsvc_record(DWORD level, const void *buf, union srvsvc_record *out)
{
    memset(out, 0, sizeof *out);
    if (level == 102) {
        const SERVER_INFO_102 *s = buf;
        out->i102.platform_id = s->sv102_platform_id;
        out->i102.name = s->sv102_name;
        out->i102.version_major = s->sv102_version_major;
        out->i102.version_minor = s->sv102_version_minor;
        out->i102.type = s->sv102_type;
        out->i102.comment = s->sv102_comment;
        out->i102.users = s->sv102_users;
        out->i102.disc = (uint32_t)s->sv102_disc;
        out->i102.hidden = s->sv102_hidden != 0;
        out->i102.announce = s->sv102_announce;
        out->i102.anndelta = s->sv102_anndelta;
        out->i102.licenses = s->sv102_licenses;
        out->i102.userpath = s->sv102_userpath;
        return &out->i102;
    }
    if (level == 1016) {
        out->i1016 = ((const SERVER_INFO_1016 *)buf)->sv1016_hidden != 0;
        return &out->i1016;
    }
    return buf;
}

NET_API_STATUS nbi_remote_server_set_info(LPCSTR server, DWORD level, LPBYTE buf,
                                          LPDWORD parm_err)
{
    const struct nbi_remote_write *row =
        nbi_remote_write_row(set_rows, sizeof set_rows / sizeof *set_rows, level);
    if (!row)
        return ERROR_INVALID_LEVEL;
    const char *bare = nbi_server_bare(server);
    struct nbi_remote r;
    NET_API_STATUS st = nbi_remote_enter(&r, bare);
    if (st != NERR_Success)
        return st;
    uint32_t parm = 0, samba_status;
    union srvsvc_record record;
    if (!r.samba->have_netapi_shares)
        samba_status = ERROR_NOT_SUPPORTED;
    else if (row->samba_level != NBI_WRITE_NO_SAMBA)
        samba_status = r.samba->NetServerSetInfo(bare, level, buf, &parm);
    else
        samba_status =
            nbi_srvsvc_server_set(&r, bare, level, srvsvc_record(level, buf, &record), &parm);
    nbi_remote_leave(&r);
    if (parm_err)
        *parm_err = samba_status == ERROR_INVALID_PARAMETER ? parm : PARM_ERROR_NONE;
    if (samba_status == NBI_LIBNETAPI_NOT_IMPLEMENTED)
        return ERROR_NOT_SUPPORTED;
    return samba_status ? nbi_remote_status(samba_status, NBI_NOUN_NONE, bare) : NERR_Success;
}
