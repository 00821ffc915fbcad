/* test_size.c — docs/behaviour.md §2, NetApiBufferSize. */
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "capture.h"
#include "check.h"

TEST(null_arguments_write_nothing)
{
    LPVOID p;
    DWORD size = 777;
    NetApiBufferAllocate(10, &p);
    CHECK_EQ_U(NetApiBufferSize(NULL, &size), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(size, 777);
    CHECK_EQ_U(NetApiBufferSize(p, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferSize(NULL, NULL), ERROR_INVALID_PARAMETER);
    NetApiBufferFree(p);
}

/* The exact size last requested, never a rounded usable size. */
TEST(exact_requested_size)
{
    static const DWORD sizes[] = {0, 1, 15, 16, 17, 100, 1000, 1017, 1024, 1025, 1500, 4095,
                                  4096, 4097, 65535, 65536, 65537, 200000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        LPVOID p;
        DWORD size = 0xDEAD;
        CHECK_EQ_U(NetApiBufferAllocate(sizes[i], &p), NERR_Success);
        CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
        CHECK_EQ_U(size, sizes[i]);
        NetApiBufferFree(p);
    }
}

/* Size of a buffer that is not live: 87, *ByteCount untouched, reported. */
TEST(size_of_released_or_foreign)
{
    LPVOID p;
    DWORD size = 4242;
    NetApiBufferAllocate(32, &p);
    NetApiBufferFree(p);
    capture_start();
    CHECK_EQ_U(NetApiBufferSize(p, &size), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(size, 4242);
    CHECK_EQ_U(captured.count, 1);
    CHECK_EQ_S(captured.last.function, "NetApiBufferSize");
    void *m = calloc(1, 64);
    CHECK_EQ_U(NetApiBufferSize(m, &size), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferSize((char *)m + 8, &size), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(size, 4242);
    CHECK_EQ_U(captured.count, 3);
    capture_stop();
    free(m);
}

int main(void)
{
    RUN(null_arguments_write_nothing);
    RUN(exact_requested_size);
    RUN(size_of_released_or_foreign);
    return check_finish();
}
