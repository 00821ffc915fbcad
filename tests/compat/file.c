/* file.c — open files, as Samba's NetFile test lists them:
 *     file -U user%password HOST
 * NetFileEnum at levels 2 and 3, paging with a uint32_t resume handle that
 * is checked not to be written past its 4 bytes. */
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
    if (compat_parse(argc, argv, "file", options, "HOST", 1, args, 1))
        return 2;
    for (uint32_t level = 2; level <= 3; level++) {
        struct {
            uint32_t resume_handle, guard;
        } h = {0, 0x5AFE5AFEu};
        uint32_t pages = 0, seen = 0;
        do {
            uint8_t *buffer = NULL;
            uint32_t entries_read = 0, total_entries = 0;
            status = NetFileEnum(args[0], NULL, NULL, level, &buffer, (uint32_t)-1, &entries_read,
                                 &total_entries, &h.resume_handle);
            if (status == 0 || status == ERROR_MORE_DATA)
                seen += entries_read;
            NetApiBufferFree(buffer);
        } while (status == ERROR_MORE_DATA && ++pages < 1000);
        EXPECT(status == 0, ctx, status, "NetFileEnum");
        EXPECT(h.guard == 0x5AFE5AFEu, ctx, 0, "the resume handle stays in its 4 bytes");
        printf("level %u: %u open files\n", level, seen);
    }
    printf("file: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
