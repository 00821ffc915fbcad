/*
 * test_wine_apibuf.c — the behaviour Wine's netapi32 conformance test
 * (dlls/netapi32/tests/apibuf.c, which also passes on Windows) asserts,
 * restated here as our own checks, plus where docs/behaviour.md is stricter.
 */
#include <lm.h>

#include "check.h"

TEST(normal_logic)
{
    LPVOID p;
    DWORD size;
    CHECK_EQ_U(NetApiBufferAllocate(1024, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_GE_U(size, 1024);
    CHECK_EQ_U(size, 1024); /* docs/behaviour.md: exact */
    CHECK_EQ_U(NetApiBufferReallocate(p, 1500, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_GE_U(size, 1500);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(NULL, &size), ERROR_INVALID_PARAMETER);
}

TEST(border_reallocate_cases)
{
    LPVOID p = NULL;
    CHECK_EQ_U(NetApiBufferReallocate(NULL, 1500, &p), NERR_Success);
    CHECK_NE_P(p, NULL);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    CHECK_EQ_U(NetApiBufferAllocate(1024, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferReallocate(p, 0, &p), NERR_Success);
    CHECK_EQ_P(p, NULL);
}

TEST(zero_length_buffer)
{
    LPVOID p;
    DWORD size;
    CHECK_EQ_U(NetApiBufferAllocate(0, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK(size < 0xFFFFFFFFu);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

TEST(null_out_pointer)
{
    CHECK_EQ_U(NetApiBufferAllocate(0, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferAllocate(1024, NULL), ERROR_INVALID_PARAMETER);
}

int main(void)
{
    RUN(normal_logic);
    RUN(border_reallocate_cases);
    RUN(zero_length_buffer);
    RUN(null_out_pointer);
    return check_finish();
}
