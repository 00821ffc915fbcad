/*
 * test_strict.c — docs/behaviour.md §3, strict mode only (run with NETAPIBUF_CHECK=strict):
 * overruns seen by Free, Size and Reallocate, wild pointers that would fault
 * a header read, fill patterns, and buffers condemned for an overrun.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "capture.h"
#include "check.h"
#include "spawn.h"
#include "tools.h"


/* An overrun is the bug these tests commit on purpose.  AddressSanitizer
   and valgrind report it at the writing line (the canary is poisoned for
   them): there the test checks that report instead, in a child. */
#define TOOL_WATCHES (TOOL_ASAN || TOOL_VALGRIND)

TEST(mode_is_strict)
{
    CHECK_EQ_U(netapibuf_check_mode(), NETAPIBUF_CHECK_STRICT);
}

/* Write `by` bytes past the end of a fresh n-byte buffer. */
static unsigned char *overrun(DWORD n, DWORD by)
{
    unsigned char *p = NULL;
    CHECK_EQ_U(NetApiBufferAllocate(n, (LPVOID *)&p), NERR_Success);
    memset(p, 'x', n + by); /* the bug under test */
    return p;
}

static void check_overrun_report(const char *fn, const void *p, DWORD n)
{
    CHECK_EQ_U(captured.count, 1);
    CHECK_EQ_S(captured.last.function, fn);
    CHECK_EQ_P(captured.last.pointer, p);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_OVERRUN);
    CHECK_EQ_U(captured.last.size, n);
}

static int overrun_in_child(void)
{
    unsigned char *p;
    NetApiBufferAllocate(10, (LPVOID *)&p);
    p[10] = 'x';
    return NetApiBufferFree(p) == ERROR_INVALID_PARAMETER ? 0 : 1;
}

TEST(tool_reports_overrun)
{
#if TOOL_ASAN
    struct spawned s;
    CHECK_EQ_U(spawn_self("overrun", NULL, &s), 0);
    CHECK(!(WIFEXITED(s.status) && WEXITSTATUS(s.status) == 0));
    CHECK(strstr(s.err, "AddressSanitizer") != NULL);
    CHECK(strstr(s.err, "overrun_in_child") != NULL); /* at the writing line */
#else
    CHECK(1); /* valgrind: docs/checking.md shows the report; plain builds: the canary */
#endif
}

TEST(overrun_seen_by_free_size_reallocate)
{
    if (TOOL_WATCHES)
        return;
    static const DWORD sizes[] = {0, 1, 13, 64, 100, 1000, 5000};
    static const DWORD by[] = {1, 8};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        for (size_t k = 0; k < 2; k++) {
            DWORD n = sizes[i], size = 42;
            struct netapibuf_stats before, after;
            netapibuf_get_stats(&before);

            unsigned char *p = overrun(n, by[k]);
            capture_start();
            CHECK_EQ_U(NetApiBufferSize(p, &size), ERROR_INVALID_PARAMETER);
            check_overrun_report("NetApiBufferSize", p, n);
            CHECK_EQ_U(size, 42);
            capture_start();
            CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
            check_overrun_report("NetApiBufferFree", p, n);
            /* Condemned: no longer a buffer, never released to the heap. */
            capture_start();
            CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
            CHECK_EQ_U(captured.count, 1);

            LPVOID q = &size;
            p = overrun(n, by[k]);
            capture_start();
            CHECK_EQ_U(NetApiBufferReallocate(p, n + 100, &q), ERROR_INVALID_PARAMETER);
            check_overrun_report("NetApiBufferReallocate", p, n);
            CHECK_EQ_P(q, &size);
            capture_stop();

            netapibuf_get_stats(&after);
            CHECK_EQ_U(after.live_buffers, before.live_buffers);
            CHECK_EQ_U(after.misuse_events, before.misuse_events + 4);
        }
    }
}

/* Writing exactly n bytes is no overrun, before or after resizing. */
TEST(exact_fill_is_fine)
{
    LPVOID p;
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferAllocate(37, &p), NERR_Success);
    memset(p, 0xFF, 37);
    CHECK_EQ_U(NetApiBufferReallocate(p, 3000, &p), NERR_Success);
    memset(p, 0, 3000);
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_EQ_U(size, 3000);
    CHECK_EQ_U(NetApiBufferReallocate(p, 5, &p), NERR_Success);
    memset(p, 'a', 5);
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    CHECK_EQ_U(captured.count, 0);
    capture_stop();
}

/* A resized buffer's canary moved with its end. */
TEST(overrun_after_reallocate)
{
    if (TOOL_WATCHES)
        return;
    unsigned char *p;
    CHECK_EQ_U(NetApiBufferAllocate(10, (LPVOID *)&p), NERR_Success);
    CHECK_EQ_U(NetApiBufferReallocate(p, 20, (LPVOID *)&p), NERR_Success);
    p[20] = 0;
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    check_overrun_report("NetApiBufferFree", p, 20);
    capture_stop();
}

/* Pointers whose header would lie in unmapped memory: rejected, no fault. */
TEST(wild_pointers_never_fault)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                              -1, 0);
    CHECK(map != MAP_FAILED);
    if (map == MAP_FAILED)
        return;
    CHECK_EQ_U(munmap(map, page), 0); /* the page before the second is now a hole */
    unsigned char *start = map + page;
    void *wild[] = {start, (void *)(uintptr_t)0x1000, (void *)(uintptr_t)0x7ff0deadbee0u};
    for (size_t i = 0; i < sizeof wild / sizeof wild[0]; i++) {
        DWORD size = 3;
        LPVOID q = &size;
        capture_start();
        CHECK_EQ_U(NetApiBufferFree(wild[i]), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(NetApiBufferSize(wild[i], &size), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(NetApiBufferReallocate(wild[i], 8, &q), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(captured.count, 3);
        CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_UNKNOWN_POINTER);
        CHECK_EQ_U(size, 3);
        CHECK_EQ_P(q, &size);
        capture_stop();
    }
    munmap(start, page);
}

/* Interior pointers deep inside a large buffer are still named. */
TEST(deep_interior_pointer)
{
    LPVOID p;
    CHECK_EQ_U(NetApiBufferAllocate(100000, &p), NERR_Success);
    capture_start();
    CHECK_EQ_U(NetApiBufferFree((char *)p + 65536), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_INTERIOR_POINTER);
    capture_stop();
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* New bytes are never zero: code relying on zeroed buffers shows itself. */
TEST(new_bytes_are_filled)
{
    unsigned char *p;
    CHECK_EQ_U(NetApiBufferAllocate(300, (LPVOID *)&p), NERR_Success);
    int all = 1;
    for (int i = 0; i < 300; i++)
        all &= p[i] == 0xCD;
    CHECK(all);
    memset(p, 1, 300);
    CHECK_EQ_U(NetApiBufferReallocate(p, 600, (LPVOID *)&p), NERR_Success);
    int kept = 1, filled = 1;
    for (int i = 0; i < 300; i++)
        kept &= p[i] == 1;
    for (int i = 300; i < 600; i++)
        filled &= p[i] == 0xCD;
    CHECK(kept);
    CHECK(filled);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* Released bytes are poisoned.  Reading them is a use after release, which
   AddressSanitizer and valgrind rightly report, so only plain builds look:
   the block then sits in the thread's quarantine, still mapped. */
TEST(released_bytes_are_poisoned)
{
    if (TOOL_WATCHES) {
        CHECK(1);
        return;
    }
    unsigned char *p;
    CHECK_EQ_U(NetApiBufferAllocate(64, (LPVOID *)&p), NERR_Success);
    memset(p, 7, 64);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    const volatile unsigned char *released = p;
    int poisoned = 1;
    for (int i = 0; i < 64; i++)
        poisoned &= released[i] == 0xDD;
    CHECK(poisoned);
}

/* Recently released pointers are named as such, even after many others. */
TEST(released_named_after_other_releases)
{
    LPVOID p, q;
    CHECK_EQ_U(NetApiBufferAllocate(64, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    for (int i = 0; i < 20; i++) {
        CHECK_EQ_U(NetApiBufferAllocate(64, &q), NERR_Success);
        CHECK_NE_P(q, p); /* the quarantine delays reuse */
        CHECK_EQ_U(NetApiBufferFree(q), NERR_Success);
    }
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    capture_stop();
}

/* A released buffer's block waits in the quarantine with its registry entry
   marked released; Size, Reallocate and Free all name it released. */
TEST(quarantined_buffer_named_released_by_every_function)
{
    LPVOID p, q = NULL;
    DWORD n = 0;
    CHECK_EQ_U(NetApiBufferAllocate(64, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    capture_start();
    CHECK_EQ_U(NetApiBufferSize(p, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    CHECK_EQ_U(NetApiBufferReallocate(p, 128, &q), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    CHECK_EQ_P(q, NULL);
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    CHECK_EQ_U(captured.count, 3);
    capture_stop();
}

/* Once its block has left the quarantine (32 later releases), a released
   pointer is still named released, from its shard's ring.  Under valgrind
   and ASan there is no quarantine: every release goes to the ring at once,
   and 40 of them push the first out. */
TEST(released_named_after_its_block_left_the_quarantine)
{
    enum { LATER = 40 };
    if (TOOL_WATCHES)
        return;
    LPVOID p, later[LATER];
    CHECK_EQ_U(NetApiBufferAllocate(64, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    for (int i = 0; i < LATER; i++)
        CHECK_EQ_U(NetApiBufferAllocate(2000, &later[i]), NERR_Success);
    for (int i = 0; i < LATER; i++)
        CHECK_EQ_U(NetApiBufferFree(later[i]), NERR_Success);
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    capture_stop();
}

/* Reallocate to another size: the old pointer is released, the new one
   live, and the counters agree. */
TEST(reallocate_releases_the_old_pointer)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    LPVOID p, q;
    CHECK_EQ_U(NetApiBufferAllocate(64, &p), NERR_Success);
    memset(p, 'a', 64);
    CHECK_EQ_U(NetApiBufferReallocate(p, 300, &q), NERR_Success);
    CHECK_NE_P(q, p);
    CHECK(memcmp(q, (char[64]){[0 ... 63] = 'a'}, 64) == 0);
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    capture_stop();
    DWORD n = 0;
    CHECK_EQ_U(NetApiBufferSize(q, &n), NERR_Success);
    CHECK_EQ_U(n, 300);
    CHECK_EQ_U(NetApiBufferFree(q), NERR_Success);
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
    CHECK_EQ_U(after.live_bytes, before.live_bytes);
}

int main(int argc, char **argv)
{
    /* The mode is read at the first call: make sure this process has it. */
    const char *mode = getenv("NETAPIBUF_CHECK");
    if (argc > 0 && (!mode || strcasecmp(mode, "strict") != 0)) {
        setenv("NETAPIBUF_CHECK", "strict", 1);
        execv(self_path(), argv);
    }
    if (argc > 1 && strcmp(argv[1], "overrun") == 0)
        return overrun_in_child();
    RUN(mode_is_strict);
    RUN(tool_reports_overrun);
    RUN(overrun_seen_by_free_size_reallocate);
    RUN(exact_fill_is_fine);
    RUN(overrun_after_reallocate);
    RUN(wild_pointers_never_fault);
    RUN(deep_interior_pointer);
    RUN(new_bytes_are_filled);
    RUN(released_bytes_are_poisoned);
    RUN(released_named_after_other_releases);
    RUN(quarantined_buffer_named_released_by_every_function);
    RUN(released_named_after_its_block_left_the_quarantine);
    RUN(reallocate_releases_the_old_pointer);
    return check_finish();
}
