/* test_allocate.c — docs/behaviour.md §2, NetApiBufferAllocate and NetapipBufferAllocate. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"

/* NetApiBufferAllocate(n, NULL), any n: 87, nothing allocated. */
TEST(null_out_parameter)
{
    static const DWORD sizes[] = {0, 1, 64, 1024, 0xFFFFFFFFu};
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        CHECK_EQ_U(NetApiBufferAllocate(sizes[i], NULL), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(NetapipBufferAllocate(sizes[i], NULL), ERROR_INVALID_PARAMETER);
    }
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.total_allocations, before.total_allocations);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
}

/* Allocate(0): success, unique non-NULL pointer of size 0 that must be freed. */
TEST(zero_bytes)
{
    LPVOID a = NULL, b = NULL;
    DWORD size = 123;
    CHECK_EQ_U(NetApiBufferAllocate(0, &a), NERR_Success);
    CHECK_EQ_U(NetApiBufferAllocate(0, &b), NERR_Success);
    CHECK_NE_P(a, NULL);
    CHECK_NE_P(b, NULL);
    CHECK_NE_P(a, b);
    CHECK_EQ_U(NetApiBufferSize(a, &size), NERR_Success);
    CHECK_EQ_U(size, 0);
    CHECK_EQ_U(NetApiBufferFree(a), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(b), NERR_Success);
}

/* Every size: aligned to max_align_t, all n bytes writable, exact size reported. */
TEST(sizes_alignment_exact_size)
{
    for (DWORD n = 0; n <= 70000; n += (n < 2100 ? 1 : 97)) {
        LPVOID p = NULL;
        DWORD size = 0;
        if (NetApiBufferAllocate(n, &p) != NERR_Success || !p) {
            CHECK_MSG_(0, "allocate(%u) failed", (unsigned)n);
            continue;
        }
        if (((uintptr_t)p % alignof(max_align_t)) != 0)
            CHECK_MSG_(0, "allocate(%u) returned misaligned %p", (unsigned)n, p);
        memset(p, 0xA5, n);
        NetApiBufferSize(p, &size);
        if (size != n)
            CHECK_MSG_(0, "size of a %u-byte buffer reported as %u", (unsigned)n, (unsigned)size);
        if (NetApiBufferFree(p) != NERR_Success)
            CHECK_MSG_(0, "free of a %u-byte buffer failed", (unsigned)n);
    }
    CHECK(1);
}

/* Many live buffers at once do not overlap and keep their contents. */
TEST(live_buffers_keep_contents)
{
    enum { COUNT = 500 };
    unsigned char *bufs[COUNT];
    for (int i = 0; i < COUNT; i++) {
        DWORD n = (DWORD)(1 + (i * 37) % 3000);
        CHECK_EQ_U(NetApiBufferAllocate(n, (LPVOID *)&bufs[i]), NERR_Success);
        memset(bufs[i], i & 0xFF, n);
    }
    int intact = 1;
    for (int i = 0; i < COUNT; i++) {
        DWORD n = (DWORD)(1 + (i * 37) % 3000), size = 0;
        NetApiBufferSize(bufs[i], &size);
        intact &= size == n;
        for (DWORD k = 0; k < n; k++)
            intact &= bufs[i][k] == (unsigned char)(i & 0xFF);
    }
    CHECK(intact);
    for (int i = 0; i < COUNT; i++)
        CHECK_EQ_U(NetApiBufferFree(bufs[i]), NERR_Success);
}

/* 0xFFFFFFFF bytes work on 64-bit where memory allows, and the size is exact
   (Wine reports 0 here). */
TEST(four_gib_minus_one)
{
    LPVOID p = (LPVOID)1;
    NET_API_STATUS status = NetApiBufferAllocate(0xFFFFFFFFu, &p);
    if (status == ERROR_NOT_ENOUGH_MEMORY) {
        CHECK_EQ_P(p, NULL); /* allowed where memory does not allow; pointer cleared */
        return;
    }
    CHECK_EQ_U(status, NERR_Success);
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_EQ_U(size, 0xFFFFFFFFu);
    ((unsigned char *)p)[0] = 1;
    ((unsigned char *)p)[0xFFFFFFFEu] = 2; /* the last byte is ours */
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* The alias is the same function. */
TEST(netapip_alias)
{
    LPVOID p = NULL;
    DWORD size = 0;
    CHECK_EQ_U(NetapipBufferAllocate(40, &p), NERR_Success);
    CHECK_NE_P(p, NULL);
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_EQ_U(size, 40);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

int main(void)
{
    RUN(null_out_parameter);
    RUN(zero_bytes);
    RUN(sizes_alignment_exact_size);
    RUN(live_buffers_keep_contents);
    RUN(four_gib_minus_one);
    RUN(netapip_alias);
    return check_finish();
}
