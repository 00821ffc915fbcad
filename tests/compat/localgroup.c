/* localgroup.c — local groups through 32-bit resume handles:
 *     localgroup -U user%password HOST GROUP
 * NetLocalGroupEnum at levels 0 and 1 in pages of at most 64 bytes, every
 * page's uint32_t handle checked not to be written past its 4 bytes and
 * the paged list compared with one call's; the members of GROUP likewise
 * (NetLocalGroupGetMembers, levels 0 to 3). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <netapi.h>

#include "common.h"

static struct libnetapi_ctx *ctx;

/* Entries of a local-group enumeration (group NULL) or of GROUP's members,
   paged with prefmaxlen; -1 on failure. */
static long count(const char *host, const char *group, uint32_t level, uint32_t prefmaxlen)
{
    struct {
        uint32_t resume_handle, guard;
    } h = {0, 0x5AFE5AFEu};
    long seen = 0;
    uint32_t pages = 0;
    NET_API_STATUS status;
    do {
        uint8_t *buffer = NULL;
        uint32_t entries_read = 0, total_entries = 0;
        status = group ? NetLocalGroupGetMembers(host, group, level, &buffer, prefmaxlen,
                                                 &entries_read, &total_entries, &h.resume_handle)
                       : NetLocalGroupEnum(host, level, &buffer, prefmaxlen, &entries_read,
                                           &total_entries, &h.resume_handle);
        if (status == 0 || status == ERROR_MORE_DATA)
            seen += entries_read;
        NetApiBufferFree(buffer);
    } while (status == ERROR_MORE_DATA && ++pages < 500);
    EXPECT(status == 0, ctx, status, group ? "NetLocalGroupGetMembers" : "NetLocalGroupEnum");
    EXPECT(h.guard == 0x5AFE5AFEu, ctx, 0, "the resume handle stays in its 4 bytes");
    EXPECT(h.resume_handle == 0 || status != 0, ctx, 0, "the last page resets the handle");
    return status == 0 ? seen : -1;
}

int main(int argc, const char **argv)
{
    struct poptOption options[] = {POPT_AUTOHELP COMPAT_COMMON_OPTIONS POPT_TABLEEND};
    const char *args[2];
    NET_API_STATUS status = libnetapi_init(&ctx);
    if (status != 0)
        return status;
    if (compat_parse(argc, argv, "localgroup", options, "HOST GROUP", 2, args, 2))
        return 2;
    for (uint32_t level = 0; level <= 1; level++) {
        long all = count(args[0], NULL, level, (uint32_t)-1);
        long paged = count(args[0], NULL, level, 64);
        printf("local groups, level %u: %ld in one call, %ld in pages\n", level, all, paged);
        EXPECT(all > 0 && all == paged, ctx, 0, "pages give the whole list");
    }
    for (uint32_t level = 0; level <= 3; level++) {
        long all = count(args[0], args[1], level, (uint32_t)-1);
        long paged = count(args[0], args[1], level, 16);
        printf("members of %s, level %u: %ld, %ld in pages\n", args[1], level, all, paged);
        EXPECT(all > 0 && all == paged, ctx, 0, "pages give every member");
    }
    printf("localgroup: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
