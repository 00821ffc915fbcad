/* test_reallocate.c — docs/behaviour.md §2, NetApiBufferReallocate. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "capture.h"
#include "check.h"

static uint64_t live_buffers(void)
{
    struct netapibuf_stats s;
    netapibuf_get_stats(&s);
    return s.live_buffers;
}

/* NewBuffer NULL: 87, old untouched and still valid. */
TEST(null_out_parameter)
{
    LPVOID p;
    DWORD size;
    NetApiBufferAllocate(20, &p);
    memset(p, 7, 20);
    CHECK_EQ_U(NetApiBufferReallocate(p, 100, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferReallocate(NULL, 100, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferReallocate(p, 0, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_EQ_U(size, 20);
    CHECK_EQ_U(((unsigned char *)p)[19], 7);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* (NULL, 0): success, q = NULL, nothing allocated. */
TEST(null_zero)
{
    uint64_t before = live_buffers();
    LPVOID q = (LPVOID)0x1234;
    CHECK_EQ_U(NetApiBufferReallocate(NULL, 0, &q), NERR_Success);
    CHECK_EQ_P(q, NULL);
    CHECK_EQ_U(live_buffers(), before);
}

/* (NULL, n): as Allocate. */
TEST(null_allocates)
{
    LPVOID q = NULL;
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferReallocate(NULL, 1500, &q), NERR_Success);
    CHECK_NE_P(q, NULL);
    CHECK_EQ_U(((uintptr_t)q) % 16, 0);
    CHECK_EQ_U(NetApiBufferSize(q, &size), NERR_Success);
    CHECK_EQ_U(size, 1500);
    CHECK_EQ_U(NetApiBufferFree(q), NERR_Success);
}

/* (p, 0): p released, q = NULL. */
TEST(zero_releases)
{
    uint64_t before = live_buffers();
    LPVOID p, q = (LPVOID)0x1234;
    NetApiBufferAllocate(1024, &p);
    CHECK_EQ_U(NetApiBufferReallocate(p, 0, &q), NERR_Success);
    CHECK_EQ_P(q, NULL);
    CHECK_EQ_U(live_buffers(), before);
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER); /* it really is gone */
    capture_stop();
}

/* (p, n): contents kept up to min(old, n), exact new size, across every
   kind of move: within a class, between classes, to and from uncached
   sizes, and around the page multiples past the classes (where the header
   counts the block's whole pages: a resize one byte past them asks the
   system). */
TEST(resize_keeps_prefix)
{
    static const DWORD steps[] = {1,      10,     16,     17,     1000,   1020,    1030,
                                  1024,   4096,   70000,  300000, 65536,  100,     3,
                                  5000,   0x20000, 1,     100000, 98304,  98305,   98303,
                                  102400, 102401, 90000,  131073, 65537,  65536,   65537};
    LPVOID p;
    DWORD old = 5;
    unsigned char previous_fill = 0x11;
    NetApiBufferAllocate(old, &p);
    memset(p, previous_fill, old);
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        DWORD n = steps[i], size = 0;
        LPVOID q = NULL;
        unsigned char fill = (unsigned char)(0x20 + i);
        CHECK_EQ_U(NetApiBufferReallocate(p, n, &q), NERR_Success);
        CHECK_NE_P(q, NULL);
        CHECK_EQ_U(((uintptr_t)q) % 16, 0);
        CHECK_EQ_U(NetApiBufferSize(q, &size), NERR_Success);
        CHECK_EQ_U(size, n);
        DWORD keep = old < n ? old : n;
        int same = 1;
        for (DWORD k = 0; k < keep; k++)
            same &= ((unsigned char *)q)[k] == previous_fill;
        if (!same)
            CHECK_MSG_(0, "resize %u -> %u lost the first %u bytes", (unsigned)old, (unsigned)n,
                       (unsigned)keep);
        memset(q, fill, n);
        previous_fill = fill;
        p = q;
        old = n;
    }
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* The Wine idiom: Reallocate(p, n, &p). */
TEST(same_variable_in_and_out)
{
    LPVOID p;
    DWORD size = 0;
    NetApiBufferAllocate(1024, &p);
    strcpy(p, "kept");
    CHECK_EQ_U(NetApiBufferReallocate(p, 1500, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_EQ_U(size, 1500);
    CHECK_EQ_S((char *)p, "kept");
    CHECK_EQ_U(NetApiBufferReallocate(p, 0, &p), NERR_Success);
    CHECK_EQ_P(p, NULL);
}

/* A moved buffer's old address is no longer a buffer. */
TEST(old_address_dies_when_moved)
{
    LPVOID p, q;
    NetApiBufferAllocate(64, &p);
    LPVOID blocker;
    NetApiBufferAllocate(64, &blocker); /* discourage growth in place */
    CHECK_EQ_U(NetApiBufferReallocate(p, 200000, &q), NERR_Success);
    if (q != p) {
        DWORD size = 99;
        capture_start();
        CHECK_EQ_U(NetApiBufferSize(p, &size), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(captured.count, 2);
        capture_stop();
        CHECK_EQ_U(size, 99);
    }
    NetApiBufferFree(q);
    NetApiBufferFree(blocker);
}

/* Reallocate of a buffer that is not live: 87, *q unchanged, nothing released. */
TEST(not_live_rejected)
{
    LPVOID p, other, q = (LPVOID)0x5678;
    NetApiBufferAllocate(32, &p);
    NetApiBufferAllocate(32, &other);
    NetApiBufferFree(p);
    uint64_t before = live_buffers();
    capture_start();
    CHECK_EQ_U(NetApiBufferReallocate(p, 64, &q), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(q, (LPVOID)0x5678);
    CHECK_EQ_U(NetApiBufferReallocate(p, 0, &q), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(q, (LPVOID)0x5678);
    CHECK_EQ_U(NetApiBufferReallocate((char *)other + 16, 64, &q), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferReallocate((char *)other + 1, 64, &q), ERROR_INVALID_PARAMETER);
    void *m = calloc(1, 64);
    CHECK_EQ_U(NetApiBufferReallocate(m, 64, &q), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(q, (LPVOID)0x5678);
    CHECK_EQ_U(captured.count, 5);
    CHECK_EQ_S(captured.last.function, "NetApiBufferReallocate");
    capture_stop();
    CHECK_EQ_U(live_buffers(), before);
    CHECK_EQ_U(NetApiBufferFree(other), NERR_Success);
    free(m);
}

int main(void)
{
    RUN(null_out_parameter);
    RUN(null_zero);
    RUN(null_allocates);
    RUN(zero_releases);
    RUN(resize_keeps_prefix);
    RUN(same_variable_in_and_out);
    RUN(old_address_dies_when_moved);
    RUN(not_live_rejected);
    return check_finish();
}
