/* share.c — shares, as Samba's NetShare test exercises them:
 *     share -U user%password HOST PATH
 * enumerates at levels 0, 1 and 2 (paging with a uint32_t resume handle),
 * adds a share of PATH at levels 502 and 2, reads it at every level,
 * changes its remark (1004) and reads it back (501), deletes it, and checks
 * that it is gone. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <netapi.h>

#include "common.h"

static struct libnetapi_ctx *ctx;

/* Whether the enumeration at level lists name; every page freed. */
static int share_listed(const char *host, uint32_t level, uint32_t prefmaxlen, const char *name)
{
    uint32_t resume_handle = 0, guard = 0xC0FFEE00u, pages = 0;
    int found = 0;
    NET_API_STATUS status;
    (void)guard;
    do {
        uint8_t *buffer = NULL;
        uint32_t entries_read = 0, total_entries = 0;
        status = NetShareEnum(host, level, &buffer, prefmaxlen, &entries_read, &total_entries,
                              &resume_handle);
        if (status != 0 && status != ERROR_MORE_DATA)
            break;
        for (uint32_t i = 0; i < entries_read; i++) {
            const char *n = level == 0   ? ((struct SHARE_INFO_0 *)buffer)[i].shi0_netname
                            : level == 1 ? ((struct SHARE_INFO_1 *)buffer)[i].shi1_netname
                                         : ((struct SHARE_INFO_2 *)buffer)[i].shi2_netname;
            found |= strcasecmp(n, name) == 0;
        }
        NetApiBufferFree(buffer);
    } while (status == ERROR_MORE_DATA && ++pages < 1000);
    EXPECT(status == 0, ctx, status, "NetShareEnum");
    return found;
}

int main(int argc, const char **argv)
{
    struct poptOption options[] = {POPT_AUTOHELP COMPAT_COMMON_OPTIONS POPT_TABLEEND};
    const char *args[2];
    NET_API_STATUS status = libnetapi_init(&ctx);
    if (status != 0)
        return status;
    if (compat_parse(argc, argv, "share", options, "HOST PATH", 2, args, 2))
        return 2;
    const char *host = args[0], *path = args[1], *name = "compat_share";
    uint32_t parm_err = 0;

    NetShareDel(host, name, 0);
    for (uint32_t level = 0; level <= 2; level++) {
        EXPECT(share_listed(host, level, (uint32_t)-1, "IPC$"), ctx, 0, "IPC$ listed");
        EXPECT(share_listed(host, level, 64, "IPC$"), ctx, 0, "IPC$ listed, small pages");
    }

    struct SHARE_INFO_502 i502;
    memset(&i502, 0, sizeof i502);
    i502.shi502_netname = name;
    i502.shi502_path = path;
    status = NetShareAdd(host, 502, (uint8_t *)&i502, &parm_err);
    EXPECT(status == 0, ctx, status, "NetShareAdd 502");
    status = NetShareDel(host, name, 0);
    EXPECT(status == 0, ctx, status, "NetShareDel");

    struct SHARE_INFO_2 i2;
    memset(&i2, 0, sizeof i2);
    i2.shi2_netname = name;
    i2.shi2_path = path;
    i2.shi2_remark = "compat";
    i2.shi2_max_uses = (uint32_t)-1;
    status = NetShareAdd(host, 2, (uint8_t *)&i2, &parm_err);
    EXPECT(status == 0, ctx, status, "NetShareAdd 2");
    for (uint32_t level = 0; level <= 2; level++)
        EXPECT(share_listed(host, level, (uint32_t)-1, name), ctx, 0, "added share listed");

    uint32_t levels[] = {0, 1, 2, 501, 1005};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        uint8_t *buffer = NULL;
        status = NetShareGetInfo(host, name, levels[i], &buffer);
        EXPECT(status == 0 || status == 124, ctx, status, "NetShareGetInfo");
        NetApiBufferFree(buffer);
    }

    struct SHARE_INFO_1004 i1004 = {"NetApi generated comment"};
    status = NetShareSetInfo(host, name, 1004, (uint8_t *)&i1004, &parm_err);
    EXPECT(status == 0, ctx, status, "NetShareSetInfo 1004");
    struct SHARE_INFO_501 *i501 = NULL;
    status = NetShareGetInfo(host, name, 501, (uint8_t **)&i501);
    EXPECT(status == 0 && i501 && strcmp(i501->shi501_remark, i1004.shi1004_remark) == 0, ctx,
           status, "the remark read back");
    NetApiBufferFree(i501);

    status = NetShareDel(host, name, 0);
    EXPECT(status == 0, ctx, status, "NetShareDel");
    uint8_t *buffer = NULL;
    status = NetShareGetInfo(host, name, 0, &buffer);
    EXPECT(status != 0 && !buffer, ctx, status, "the share is gone");
    NetApiBufferFree(buffer);

    printf("share: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
