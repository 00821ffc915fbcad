/* user.c — users, as Samba's user_enum and user_getinfo examples ask:
 *     user -U user%password HOST USER
 * NetUserEnum at level 0 in pages (a uint32_t resume handle, as on
 * Windows), then USER at levels 0, 1, 10 and 20. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <netapi.h>

#include "common.h"

int main(int argc, const char **argv)
{
    struct poptOption options[] = {POPT_AUTOHELP COMPAT_COMMON_OPTIONS POPT_TABLEEND};
    const char *args[2];
    struct libnetapi_ctx *ctx = NULL;
    NET_API_STATUS status = libnetapi_init(&ctx);
    if (status != 0)
        return status;
    if (compat_parse(argc, argv, "user", options, "HOST USER", 2, args, 2))
        return 2;
    uint32_t resume_handle = 0, seen = 0, pages = 0;
    int found = 0;
    do {
        uint8_t *buffer = NULL;
        uint32_t entries_read = 0, total_entries = 0;
        status = NetUserEnum(args[0], 0, FILTER_NORMAL_ACCOUNT, &buffer, 4096, &entries_read,
                             &total_entries, &resume_handle);
        if (status == 0 || status == ERROR_MORE_DATA) {
            struct USER_INFO_0 *u = (struct USER_INFO_0 *)buffer;
            for (uint32_t i = 0; i < entries_read; i++)
                found |= strcmp(u[i].usri0_name, args[1]) == 0;
            seen += entries_read;
        }
        NetApiBufferFree(buffer);
    } while (status == ERROR_MORE_DATA && ++pages < 10000);
    EXPECT(status == 0, ctx, status, "NetUserEnum");
    EXPECT(found, ctx, 0, "the user is listed");
    printf("%u users\n", seen);
    uint32_t levels[] = {0, 1, 10, 20};
    for (size_t i = 0; i < 4; i++) {
        uint8_t *buffer = NULL;
        status = NetUserGetInfo(args[0], args[1], levels[i], &buffer);
        EXPECT(status == 0, ctx, status, "NetUserGetInfo");
        NetApiBufferFree(buffer);
    }
    printf("user: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
