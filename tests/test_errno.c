/* test_errno.c — every call leaves errno as it found it, success or failure. */
#include <errno.h>
#include <stdlib.h>

#include <lm.h>
#include <netapibuf.h>

#include "capture.h"
#include "check.h"

#define SENTINEL 12345

#define CHECK_KEEPS_ERRNO(call)                                                   \
    do {                                                                          \
        errno = SENTINEL;                                                         \
        (void)(call);                                                             \
        CHECK_MSG_(errno == SENTINEL, "%s changed errno to %d", #call, errno);    \
    } while (0)

TEST(errno_kept_on_success)
{
    LPVOID p = NULL, q = NULL;
    DWORD size;
    CHECK_KEEPS_ERRNO(NetApiBufferAllocate(64, &p));
    CHECK_KEEPS_ERRNO(NetApiBufferSize(p, &size));
    CHECK_KEEPS_ERRNO(NetApiBufferReallocate(p, 100000, &p));
    CHECK_KEEPS_ERRNO(NetApiBufferReallocate(p, 10, &p));
    CHECK_KEEPS_ERRNO(NetApiBufferFree(p));
    CHECK_KEEPS_ERRNO(NetApiBufferReallocate(NULL, 0, &q));
    CHECK_KEEPS_ERRNO(NetApiBufferReallocate(NULL, 50, &q));
    CHECK_KEEPS_ERRNO(NetApiBufferReallocate(q, 0, &q));
    CHECK_KEEPS_ERRNO(NetApiBufferFree(NULL));
    CHECK_KEEPS_ERRNO(NetapipBufferAllocate(5000000, &p));
    CHECK_KEEPS_ERRNO(NetApiBufferFree(p));
}

TEST(errno_kept_on_failure)
{
    LPVOID p;
    DWORD size;
    NetApiBufferAllocate(16, &p);
    NetApiBufferFree(p);
    capture_start();
    CHECK_KEEPS_ERRNO(NetApiBufferAllocate(1, NULL));
    CHECK_KEEPS_ERRNO(NetApiBufferSize(NULL, &size));
    CHECK_KEEPS_ERRNO(NetApiBufferSize(p, &size));
    CHECK_KEEPS_ERRNO(NetApiBufferFree(p));
    CHECK_KEEPS_ERRNO(NetApiBufferReallocate(p, 10, &p));
    CHECK_KEEPS_ERRNO(NetApiBufferReallocate(NULL, 10, NULL));
    capture_stop();
}

/* The default misuse handler writes to stderr: errno is still kept. */
TEST(errno_kept_by_default_handler)
{
    LPVOID p;
    NetApiBufferAllocate(16, &p);
    NetApiBufferFree(p);
    CHECK_KEEPS_ERRNO(NetApiBufferFree(p));
}

int main(void)
{
    RUN(errno_kept_on_success);
    RUN(errno_kept_on_failure);
    RUN(errno_kept_by_default_handler);
    return check_finish();
}
