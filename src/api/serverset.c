/*
 * serverset.c — the exported NetServerSetInfo: the record is checked
 * against the input table below before anything is sent, then a server is
 * asked (remote/); this machine's configuration is never written
 * (ERROR_NOT_SUPPORTED).
 */
#include <lm.h>

#include "api/dispatch.h"
#include "net/input.h"
#include "remote/functions.h"

static const struct nbi_input_field set_101[] = {
    NBI_REQUIRED(SERVER_INFO_101, sv101_comment, SV_COMMENT_PARMNUM)};
static const struct nbi_input_field set_102[] = {
    NBI_REQUIRED(SERVER_INFO_102, sv102_comment, SV_COMMENT_PARMNUM)};
static const struct nbi_input_field set_1005[] = {
    NBI_REQUIRED(SERVER_INFO_1005, sv1005_comment, SV_COMMENT_PARMNUM)};
static const struct nbi_input_level set_rows[] = {
    NBI_INPUT_ROW(101, set_101), NBI_INPUT_ROW(102, set_102), NBI_INPUT_ROW(1005, set_1005),
    NBI_INPUT_ANY(1010),         NBI_INPUT_ANY(1016),         NBI_INPUT_ANY(1017),
    NBI_INPUT_ANY(1018),         NBI_INPUT_ANY(1107),
};

NBI_EXPORT NET_API_STATUS NET_API_FUNCTION NetServerSetInfo(LMSTR servername, DWORD level,
                                                            LPBYTE buf, LPDWORD ParmError)
{
    enum nbi_server where;
    NET_API_STATUS st = nbi_input_check(set_rows, sizeof set_rows / sizeof *set_rows, level, buf,
                                        ParmError, NULL);
    if (st == NERR_Success)
        st = nbi_api_where(servername, &where);
    if (st != NERR_Success)
        return st;
    if (where == NBI_SERVER_REMOTE)
        return nbi_remote_server_set_info(servername, level, buf, ParmError);
    return ERROR_NOT_SUPPORTED;
}
