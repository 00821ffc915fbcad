/* cmd_config.c — `netapi config workstation` and `netapi config server`. */
#include <string.h>

#include "cli.h"

int cmd_config(const struct options *opt)
{
    int st = only_options(opt, OPT_LEVEL, "config");
    if (st != EXIT_OK)
        return st;
    if (opt->nargs != 1)
        return usage_error("config needs 'workstation' or 'server'");
    int server = strcmp(opt->args[0], "server") == 0;
    if (!server && strcmp(opt->args[0], "workstation") != 0)
        return usage_error("config needs 'workstation' or 'server', not '%s'", opt->args[0]);

    DWORD level = opt->given & OPT_LEVEL ? opt->level : 102;
    LMSTR target = (LMSTR)(uintptr_t)opt->server;
    LPBYTE buf = NULL;
    NET_API_STATUS nst = server ? NetServerGetInfo(target, level, &buf)
                                : NetWkstaGetInfo(target, level, &buf);
    const char *function = server ? "NetServerGetInfo" : "NetWkstaGetInfo";
    if (nst != NERR_Success)
        return api_error(function, nst);
    const struct record_desc *desc = find_desc(server ? &server_records : &wksta_records, level);
    if (!desc) {
        NetApiBufferFree(buf);
        return api_error(function, ERROR_INVALID_LEVEL);
    }
    doc_begin(opt, "config");
    struct kv *kv = kv_begin(opt, "record");
    kv_record(kv, desc, buf);
    kv_end(kv);
    NetApiBufferFree(buf);
    doc_end(opt);
    return EXIT_OK;
}
