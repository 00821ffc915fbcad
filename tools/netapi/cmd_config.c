/* cmd_config.c — `netapi config workstation` and `netapi config server`. */
#include <string.h>

#include "netapi.h"

int cmd_config(const struct options *opt)
{
    if (opt->nargs != 1)
        return usage_error("config needs 'workstation' or 'server'");
    int server = strcmp(opt->args[0], "server") == 0;
    if (!server && strcmp(opt->args[0], "workstation") != 0)
        return usage_error("config needs 'workstation' or 'server', not '%s'", opt->args[0]);

    DWORD level = opt->level_set ? opt->level : 102;
    LPBYTE buf = NULL;
    NET_API_STATUS st = server ? NetServerGetInfo(NULL, level, &buf)
                               : NetWkstaGetInfo(NULL, level, &buf);
    const char *function = server ? "NetServerGetInfo" : "NetWkstaGetInfo";
    if (st != NERR_Success)
        return api_error(function, st);
    const struct record_desc *desc = server ? find_desc(server_descs, server_ndescs, level)
                                            : find_desc(wksta_descs, wksta_ndescs, level);
    if (!desc) {
        NetApiBufferFree(buf);
        return api_error(function, ERROR_INVALID_LEVEL);
    }
    struct kv kv;
    kv_begin(&kv, opt);
    kv_record(&kv, desc, buf);
    kv_end(&kv);
    NetApiBufferFree(buf);
    return EXIT_OK;
}
