/* test_stats.c — the counters of netapibuf_get_stats. */
#include <lm.h>
#include <netapibuf.h>

#include "capture.h"
#include "check.h"
#include "tools.h"

TEST(null_argument)
{
    CHECK_EQ_U(netapibuf_get_stats(NULL), ERROR_INVALID_PARAMETER);
}

TEST(counters_follow_calls)
{
    struct netapibuf_stats s0, s;
    netapibuf_get_stats(&s0);
    LPVOID a, b, c;
    NetApiBufferAllocate(10, &a);
    NetApiBufferAllocate(20, &b);
    NetApiBufferAllocate(30, &c);
    netapibuf_get_stats(&s);
    CHECK_EQ_U(s.live_buffers, s0.live_buffers + 3);
    CHECK_EQ_U(s.live_bytes, s0.live_bytes + 60);
    CHECK_EQ_U(s.total_allocations, s0.total_allocations + 3);
    CHECK_GE_U(s.peak_bytes, s.live_bytes);

    LPVOID old_b = b;
    NetApiBufferReallocate(b, 2000, &b); /* counted as an allocation when it moved */
    netapibuf_get_stats(&s);
    CHECK_EQ_U(s.live_buffers, s0.live_buffers + 3);
    CHECK_EQ_U(s.live_bytes, s0.live_bytes + 2040);
    CHECK_EQ_U(s.total_allocations, s0.total_allocations + 3 + (b != old_b));

    NetApiBufferFree(a);
    NetApiBufferReallocate(b, 0, &b);
    NetApiBufferFree(c);
    netapibuf_get_stats(&s);
    CHECK_EQ_U(s.live_buffers, s0.live_buffers);
    CHECK_EQ_U(s.live_bytes, s0.live_bytes);
    CHECK_GE_U(s.peak_bytes, s0.live_bytes + 2040);
}

/* netapibuf.h: total_allocations counts resizes that moved (a new buffer,
   the old one released: live_buffers does not change), not those that
   stayed in place; strict mode always moves. */
TEST(moved_resizes_are_allocations)
{
    struct netapibuf_stats s0, s;
    LPVOID p, q;
    CHECK_EQ_U(NetApiBufferAllocate(20, &p), NERR_Success);
    netapibuf_get_stats(&s0);
    for (DWORD n = 24; n <= 200000; n = n * 3 + 1) {
        q = p;
        CHECK_EQ_U(NetApiBufferReallocate(p, n, &p), NERR_Success);
        netapibuf_get_stats(&s);
        s0.total_allocations += p != q;
        CHECK_EQ_U(s.total_allocations, s0.total_allocations);
        CHECK_EQ_U(s.live_buffers, s0.live_buffers);
        if (netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT)
            CHECK_NE_P(p, q);
    }
    /* Within one size class the block stays where it is (default mode). */
    CHECK_EQ_U(NetApiBufferReallocate(p, 0, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferAllocate(100, &p), NERR_Success);
    netapibuf_get_stats(&s0);
    q = p;
    CHECK_EQ_U(NetApiBufferReallocate(p, 110, &p), NERR_Success);
    netapibuf_get_stats(&s);
    CHECK_EQ_U(s.total_allocations, s0.total_allocations + (p != q));
    if (netapibuf_check_mode() == NETAPIBUF_CHECK_DEFAULT && !TOOL_VALGRIND)
        CHECK_EQ_P(p, q);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* One thread doing all the work: the peak is exact. */
TEST(peak_exact_single_thread)
{
    struct netapibuf_stats s0, s;
    netapibuf_get_stats(&s0);
    LPVOID big;
    NetApiBufferAllocate((DWORD)(s0.peak_bytes + 5000), &big);
    netapibuf_get_stats(&s);
    CHECK_EQ_U(s.peak_bytes, s0.live_bytes + s0.peak_bytes + 5000);
    NetApiBufferFree(big);
    netapibuf_get_stats(&s);
    CHECK_EQ_U(s.peak_bytes, s0.live_bytes + s0.peak_bytes + 5000); /* a peak stays */
}

TEST(misuse_counter)
{
    struct netapibuf_stats s0, s;
    netapibuf_get_stats(&s0);
    static long not_a_buffer[8];
    capture_start();
    NetApiBufferFree(&not_a_buffer[2]);
    NetApiBufferSize(&not_a_buffer[2], &(DWORD){0});
    capture_stop();
    netapibuf_get_stats(&s);
    CHECK_EQ_U(s.misuse_events, s0.misuse_events + 2);
}

TEST(version_agrees_with_header)
{
    CHECK_EQ_S(netapibuf_version(), NETAPIBUF_VERSION_STRING);
    CHECK_EQ_U(netapibuf_version_number(), NETAPIBUF_VERSION_NUMBER);
}

TEST(status_text)
{
    CHECK(strstr(netapibuf_status_text(ERROR_INVALID_PARAMETER), "argument") != NULL);
    CHECK_EQ_S(netapibuf_status_text(NERR_Success), "Success.");
    CHECK_EQ_S(netapibuf_status_text(424242), "Unknown status");
    static const NET_API_STATUS all[] = {NERR_Success, ERROR_NOT_ENOUGH_MEMORY, ERROR_NOT_SUPPORTED,
                                         ERROR_INVALID_PARAMETER, ERROR_INVALID_LEVEL, ERROR_MORE_DATA,
                                         NERR_BufTooSmall, NERR_InternalError, NERR_GroupNotFound,
                                         NERR_UserNotFound};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        CHECK(strcmp(netapibuf_status_text(all[i]), "Unknown status") != 0);
}

int main(void)
{
    RUN(null_argument);
    RUN(counters_follow_calls);
    RUN(moved_resizes_are_allocations);
    RUN(peak_exact_single_thread);
    RUN(misuse_counter);
    RUN(version_agrees_with_header);
    RUN(status_text);
    return check_finish();
}
