/* server.c — the server, the workstation and the time, as Samba's
 * server_getinfo and remote_tod examples ask, and a comment set:
 *     server -U user%password HOST */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <netapi.h>

#include "common.h"

int main(int argc, const char **argv)
{
    struct poptOption options[] = {POPT_AUTOHELP COMPAT_COMMON_OPTIONS POPT_TABLEEND};
    const char *args[1];
    struct libnetapi_ctx *ctx = NULL;
    NET_API_STATUS status = libnetapi_init(&ctx);
    if (status != 0)
        return status;
    if (compat_parse(argc, argv, "server", options, "HOST", 1, args, 1))
        return 2;
    const char *host = args[0];
    uint32_t levels[] = {100, 101, 102};
    for (size_t i = 0; i < 3; i++) {
        uint8_t *buffer = NULL;
        status = NetServerGetInfo(host, levels[i], &buffer);
        EXPECT(status == 0, ctx, status, "NetServerGetInfo");
        if (status == 0 && levels[i] == 101) {
            struct SERVER_INFO_101 *s = (struct SERVER_INFO_101 *)buffer;
            printf("server %s, platform %u, version %u.%u, '%s'\n", s->sv101_name,
                   s->sv101_platform_id, s->sv101_version_major, s->sv101_version_minor,
                   s->sv101_comment);
        }
        NetApiBufferFree(buffer);
    }
    uint8_t *buffer = NULL;
    status = NetWkstaGetInfo(host, 100, &buffer);
    EXPECT(status == 0, ctx, status, "NetWkstaGetInfo");
    NetApiBufferFree(buffer);
    buffer = NULL;
    status = NetRemoteTOD(host, &buffer);
    EXPECT(status == 0, ctx, status, "NetRemoteTOD");
    if (status == 0)
        printf("time: %u\n", ((struct TIME_OF_DAY_INFO *)buffer)->tod_elapsedt);
    NetApiBufferFree(buffer);
    struct SERVER_INFO_1005 comment = {"compat comment"};
    uint32_t parm_err = 0;
    status = NetServerSetInfo(host, 1005, (uint8_t *)&comment, &parm_err);
    EXPECT(status == 0, ctx, status, "NetServerSetInfo 1005");
    printf("server: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
