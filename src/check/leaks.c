/* leaks.c — the strict-mode leak report at exit. */
#include "check/leaks.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "check/registry.h"

void nbi_leaks_report(FILE *out)
{
    struct nbi_live listed[NBI_LEAKS_LISTED];
    uint64_t count, bytes;
    size_t kept = nbi_registry_snapshot(&count, &bytes, listed, NBI_LEAKS_LISTED);
    if (count == 0)
        return;
    fprintf(out, "netapibuf: %" PRIu64 " buffers (%" PRIu64 " bytes) still allocated at exit\n",
            count, bytes);
    for (size_t i = 0; i < kept; i++)
        fprintf(out, "netapibuf:   %p: %" PRIu64 " bytes\n", (void *)listed[i].user,
                listed[i].size);
    if (count > kept)
        fprintf(out, "netapibuf:   ... and %" PRIu64 " more\n", count - kept);
}

static void report_at_exit(void)
{
    int saved_errno = errno;
    nbi_leaks_report(stderr);
    errno = saved_errno;
}

void nbi_leaks_report_at_exit(void)
{
    (void)atexit(report_at_exit);
}
