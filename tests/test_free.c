/* test_free.c — docs/behaviour.md §2, NetApiBufferFree, and the misuse rows it rejects. */
#include <stdalign.h>
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

TEST(free_null_is_success)
{
    CHECK_EQ_U(NetApiBufferFree(NULL), NERR_Success);
}

TEST(free_live_releases)
{
    uint64_t before = live_buffers();
    LPVOID p;
    CHECK_EQ_U(NetApiBufferAllocate(100, &p), NERR_Success);
    CHECK_EQ_U(live_buffers(), before + 1);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    CHECK_EQ_U(live_buffers(), before);
}

/* Double free: 87, reported once, nothing else released. */
TEST(double_free)
{
    LPVOID keep, p;
    NetApiBufferAllocate(100, &keep);
    NetApiBufferAllocate(100, &p);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    uint64_t before = live_buffers();
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.count, 1);
    CHECK_EQ_S(captured.last.function, "NetApiBufferFree");
    CHECK_EQ_P(captured.last.pointer, p);
    CHECK(captured.last.kind == NETAPIBUF_MISUSE_RELEASED_POINTER ||
          captured.last.kind == NETAPIBUF_MISUSE_UNKNOWN_POINTER);
    capture_stop();
    CHECK_EQ_U(live_buffers(), before);
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(keep, &size), NERR_Success);
    CHECK_EQ_U(size, 100);
    CHECK_EQ_U(NetApiBufferFree(keep), NERR_Success);
}

/* Stale free after the memory was reused by malloc: 87, malloc's block untouched. */
TEST(stale_free_after_malloc_reuse)
{
    LPVOID p;
    NetApiBufferAllocate(48, &p);
    NetApiBufferFree(p);
    unsigned char *m[16];
    for (int i = 0; i < 16; i++) {
        m[i] = malloc(64);
        memset(m[i], 0x5A, 64);
    }
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.count, 1);
    capture_stop();
    int intact = 1;
    for (int i = 0; i < 16; i++) {
        for (int k = 0; k < 64; k++)
            intact &= m[i][k] == 0x5A;
        free(m[i]);
    }
    CHECK(intact);
}

/* Stale free after the memory was reused by another NetApiBuffer of the same
   size: the buffer released last is never the next one handed out, so the
   stale pointer is still caught and the new buffer survives. */
TEST(stale_free_after_netapibuffer_reuse)
{
    static const DWORD sizes[] = {1, 64, 1000, 1024, 1500, 4096, 65536};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        LPVOID p, q;
        NetApiBufferAllocate(sizes[i], &p);
        NetApiBufferFree(p);
        NetApiBufferAllocate(sizes[i], &q);
        CHECK_NE_P(q, p);
        memset(q, 0x3C, sizes[i]);
        capture_start();
        CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(captured.count, 1);
        CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
        capture_stop();
        DWORD size = 0;
        CHECK_EQ_U(NetApiBufferSize(q, &size), NERR_Success);
        CHECK_EQ_U(size, sizes[i]);
        CHECK_EQ_U(((unsigned char *)q)[sizes[i] - 1], 0x3C);
        CHECK_EQ_U(NetApiBufferFree(q), NERR_Success);
    }
}

/* Interior pointers (aligned and not), and pointers that were never ours. */
TEST(foreign_and_interior_pointers)
{
    static alignas(16) unsigned char static_block[64];
    alignas(16) unsigned char stack_block[64];
    memset(stack_block, 0, sizeof stack_block);
    void *from_malloc = malloc(64);
    memset(from_malloc, 0, 64);
    LPVOID p;
    NetApiBufferAllocate(256, &p);
    memset(p, 0, 256);

    struct {
        const char *name;
        void *pointer;
    } cases[] = {
        {"static", static_block + 16},
        {"stack", stack_block + 16},
        {"malloc", from_malloc},
        {"interior aligned", (unsigned char *)p + 64},
        {"interior unaligned", (unsigned char *)p + 1},
        {"unaligned static", static_block + 3},
    };
    uint64_t before = live_buffers();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        capture_start();
        NET_API_STATUS status = NetApiBufferFree(cases[i].pointer);
        if (status != ERROR_INVALID_PARAMETER || captured.count != 1)
            CHECK_MSG_(0, "%s pointer: status %u, %d reports", cases[i].name, (unsigned)status,
                       captured.count);
        capture_stop();
    }
    CHECK_EQ_U(live_buffers(), before);
    /* the unaligned ones are named as such */
    capture_start();
    NetApiBufferFree((unsigned char *)p + 1);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_UNALIGNED_POINTER);
    capture_stop();
    /* the buffer the interior pointers pointed into is still whole */
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_EQ_U(size, 256);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    free(from_malloc);
}

/* Misuse is counted. */
TEST(misuse_is_counted)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    LPVOID p;
    NetApiBufferAllocate(8, &p);
    NetApiBufferFree(p);
    capture_start();
    NetApiBufferFree(p);
    capture_stop();
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.misuse_events, before.misuse_events + 1);
}

int main(void)
{
    RUN(free_null_is_success);
    RUN(free_live_releases);
    RUN(double_free);
    RUN(stale_free_after_malloc_reuse);
    RUN(stale_free_after_netapibuffer_reuse);
    RUN(foreign_and_interior_pointers);
    RUN(misuse_is_counted);
    return check_finish();
}
