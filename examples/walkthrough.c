/*
 * walkthrough.c — allocate, size, reallocate and free one NetApiBuffer,
 * printing each call's status, then the library's counters.  Written as
 * a user would: only the installed headers.
 */
#include <stdio.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

static int show(const char *call, NET_API_STATUS status)
{
    printf("%-44s -> %3u  %s\n", call, (unsigned)status, netapibuf_status_text(status));
    return status == NERR_Success ? 0 : 1;
}

int main(void)
{
    int failures = 0;
    LPVOID buf = NULL;
    DWORD size = 0;
    char call[64];

    printf("netapibuf %s (checking mode: %s)\n\n", netapibuf_version(),
           netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT ? "strict" : "default");

    failures += show("NetApiBufferAllocate(64, &buf)", NetApiBufferAllocate(64, &buf));
    strcpy(buf, "hello from a NetApiBuffer");

    failures += show("NetApiBufferSize(buf, &size)", NetApiBufferSize(buf, &size));
    printf("%-44s    %u bytes\n", "", (unsigned)size);

    failures += show("NetApiBufferReallocate(buf, 4096, &buf)",
                     NetApiBufferReallocate(buf, 4096, &buf));
    failures += show("NetApiBufferSize(buf, &size)", NetApiBufferSize(buf, &size));
    printf("%-44s    %u bytes, contents kept: \"%s\"\n", "", (unsigned)size, (char *)buf);

    failures += show("NetApiBufferFree(buf)", NetApiBufferFree(buf));

    /* The edge cases Windows defines, and one it does not (a NULL out-parameter). */
    failures += show("NetApiBufferFree(NULL)", NetApiBufferFree(NULL));
    NET_API_STATUS status = NetApiBufferAllocate(16, NULL);
    snprintf(call, sizeof call, "NetApiBufferAllocate(16, NULL)");
    printf("%-44s -> %3u  %s (expected)\n", call, (unsigned)status, netapibuf_status_text(status));
    failures += status != ERROR_INVALID_PARAMETER;

    struct netapibuf_stats stats;
    netapibuf_get_stats(&stats);
    printf("\nallocations %llu, peak bytes %llu, live buffers %llu\n",
           (unsigned long long)stats.total_allocations, (unsigned long long)stats.peak_bytes,
           (unsigned long long)stats.live_buffers);
    failures += stats.live_buffers != 0;
    return failures ? 1 : 0;
}
