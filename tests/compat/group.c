/* group.c — global groups, as Samba's group_enum and group_getusers
 * examples ask:
 *     group -U user%password HOST [GROUP]
 * NetGroupEnum at level 1 in pages of a few entries (a uint32_t resume
 * handle, Samba's ABI), then, given a GROUP, its members through
 * NetGroupGetUsers in pages too, and a group added and deleted again. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <netapi.h>

#include "common.h"

int main(int argc, const char **argv)
{
    struct poptOption options[] = {POPT_AUTOHELP COMPAT_COMMON_OPTIONS POPT_TABLEEND};
    const char *args[2] = {NULL, NULL};
    struct libnetapi_ctx *ctx = NULL;
    NET_API_STATUS status = libnetapi_init(&ctx);
    if (status != 0)
        return status;
    if (compat_parse(argc, argv, "group", options, "HOST [GROUP]", 1, args, 2))
        return 2;
    uint32_t resume_handle = 0, seen = 0, pages = 0;
    int found = 0;
    do {
        uint8_t *buffer = NULL;
        uint32_t entries_read = 0, total_entries = 0;
        status = NetGroupEnum(args[0], 1, &buffer, 120, &entries_read, &total_entries,
                              &resume_handle);
        if (status == 0 || status == ERROR_MORE_DATA) {
            struct GROUP_INFO_1 *g = (struct GROUP_INFO_1 *)buffer;
            for (uint32_t i = 0; i < entries_read; i++)
                found |= args[1] && strcmp(g[i].grpi1_name, args[1]) == 0;
            seen += entries_read;
        }
        NetApiBufferFree(buffer);
    } while (status == ERROR_MORE_DATA && ++pages < 10000);
    EXPECT(status == 0, ctx, status, "NetGroupEnum");
    printf("%u groups\n", seen);
    if (args[1]) {
        EXPECT(found, ctx, 0, "the group is listed");
        uint32_t members = 0;
        resume_handle = pages = 0;
        do {
            uint8_t *buffer = NULL;
            uint32_t entries_read = 0, total_entries = 0;
            status = NetGroupGetUsers(args[0], args[1], 0, &buffer, 40, &entries_read,
                                      &total_entries, &resume_handle);
            if (status == 0 || status == ERROR_MORE_DATA)
                members += entries_read;
            NetApiBufferFree(buffer);
        } while (status == ERROR_MORE_DATA && ++pages < 10000);
        EXPECT(status == 0, ctx, status, "NetGroupGetUsers");
        EXPECT(members > 0, ctx, 0, "the group has members");
        printf("%u members\n", members);

        struct GROUP_INFO_1 added = {"nbcompatgroup", "made by tests/compat/group.c"};
        uint32_t parm_err = 0;
        status = NetGroupAdd(args[0], 1, (uint8_t *)&added, &parm_err);
        EXPECT(status == 0, ctx, status, "NetGroupAdd");
        uint8_t *buffer = NULL;
        status = NetGroupGetInfo(args[0], "nbcompatgroup", 1, &buffer);
        EXPECT(status == 0, ctx, status, "NetGroupGetInfo");
        NetApiBufferFree(buffer);
        status = NetGroupDel(args[0], "nbcompatgroup");
        EXPECT(status == 0, ctx, status, "NetGroupDel");
    }
    printf("group: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
