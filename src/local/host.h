/*
 * host.h — what NetWkstaGetInfo and NetServerGetInfo report about this
 * machine, read once per call from uname and gethostname.  Layer 5.
 */
#ifndef NBI_NET_HOST_H
#define NBI_NET_HOST_H

#include <lm.h>

#include "platform/platform.h"

struct nbi_host {
    char name[256];     /* gethostname(), as is */
    char langroup[256]; /* uname's NIS domain name; "WORKGROUP" when unset or "(none)" */
    char comment[256];  /* "<sysname> <release>", e.g. "Linux 6.1.0-18-amd64" */
    DWORD ver_major;    /* leading numbers of the kernel release: "6.1.0-18" gives 6 ... */
    DWORD ver_minor;    /* ... and 1; a missing number is 0 */
};

/* Fill *host: NERR_Success, or NERR_InternalError if uname or gethostname fails. */
NBI_INTERNAL NET_API_STATUS nbi_host_query(struct nbi_host *host);

/* The leading "major.minor" of a kernel release string ("6.1.0-18-amd64"
   gives 6 and 1; a part that is not a number gives 0). */
NBI_INTERNAL void nbi_host_parse_release(const char *release, DWORD *major, DWORD *minor);

/*
 * The common start of NetWkstaGetInfo and NetServerGetInfo for this
 * machine: ERROR_INVALID_LEVEL unless level is 100, 101 or 102; then *host
 * filled (nbi_host_query).  NERR_Success when the caller may go on.
 */
NBI_INTERNAL NET_API_STATUS nbi_host_info_start(DWORD level, struct nbi_host *host);

#endif /* NBI_NET_HOST_H */
