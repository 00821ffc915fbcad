/*
 * test_misuse.c — docs/behaviour.md §2/§3: every misuse returns 87, touches nothing,
 * reports once with the right function, pointer and kind, and the process
 * keeps running.  Registered twice: default mode and NETAPIBUF_CHECK=strict.
 */
#include <errno.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "capture.h"
#include "check.h"
#include "tools.h"


static int strict; /* strict checks: strict mode, or any mode under valgrind */

/* Whether the kernel copies this process's memory for it (process_vm_readv;
   a seccomp filter may refuse), which default mode's classification uses
   to look in front of a pointer without loading bytes the program may be
   writing. */
static int kernel_copy_works(void)
{
    long from = 42, to = 0;
    struct iovec local = {&to, sizeof to}, remote = {&from, sizeof from};
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == (ssize_t)sizeof to && to == 42;
}

/* Default mode finds the start when it lies at most 4 KiB before the
   pointer (and the kernel copies the window); strict mode always. */
static int interior_findable(const void *start, const void *p)
{
    return strict || ((uintptr_t)p - (uintptr_t)start <= 4096 && kernel_copy_works());
}

#define KIND(k) (1u << (k))

/* Expect exactly one report, of a kind in the set kinds, for pointer p
   from function. */
#define CHECK_REPORTED(fn, p, kinds)                                               \
    do {                                                                           \
        CHECK_EQ_U(captured.count, 1);                                             \
        CHECK_EQ_S(captured.last.function, fn);                                    \
        CHECK_EQ_P(captured.last.pointer, p);                                      \
        CHECK_MSG_((KIND(captured.last.kind) & (kinds)) != 0, "unexpected kind %d", \
                   (int)captured.last.kind);                                       \
        CHECK(captured.last.description != NULL);                                  \
    } while (0)

/* All three pointer-taking functions reject p with 87 and report a kind in
   the set kinds; the out-parameters keep their values. */
static void check_rejected_as(void *p, unsigned kinds)
{
    DWORD size = 77;
    LPVOID q = (LPVOID)&size;

    capture_start();
    CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
    CHECK_REPORTED("NetApiBufferFree", p, kinds);

    capture_start();
    CHECK_EQ_U(NetApiBufferSize(p, &size), ERROR_INVALID_PARAMETER);
    CHECK_REPORTED("NetApiBufferSize", p, kinds);
    CHECK_EQ_U(size, 77);

    capture_start();
    CHECK_EQ_U(NetApiBufferReallocate(p, 100, &q), ERROR_INVALID_PARAMETER);
    CHECK_REPORTED("NetApiBufferReallocate", p, kinds);
    CHECK_EQ_P(q, &size);

    capture_start();
    CHECK_EQ_U(NetApiBufferReallocate(p, 0, &q), ERROR_INVALID_PARAMETER);
    CHECK_REPORTED("NetApiBufferReallocate", p, kinds);
    CHECK_EQ_P(q, &size);
    capture_stop();
}

static void check_rejected(void *p, enum netapibuf_misuse_kind kind)
{
    check_rejected_as(p, KIND(kind));
}

static void check_still_live(void *p, DWORD n)
{
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(p, &size), NERR_Success);
    CHECK_EQ_U(size, n);
}

TEST(double_free)
{
    LPVOID p;
    CHECK_EQ_U(NetApiBufferAllocate(48, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    check_rejected(p, NETAPIBUF_MISUSE_RELEASED_POINTER);
}

/* A released pointer stays rejected while its block is cached or reused
   for a buffer elsewhere. */
TEST(stale_free_after_reuse)
{
    LPVOID p, other[8];
    CHECK_EQ_U(NetApiBufferAllocate(200, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    for (int i = 0; i < 8; i++)
        CHECK_EQ_U(NetApiBufferAllocate(5000 + 100 * i, &other[i]), NERR_Success);
    check_rejected(p, NETAPIBUF_MISUSE_RELEASED_POINTER);
    for (int i = 0; i < 8; i++)
        CHECK_EQ_U(NetApiBufferFree(other[i]), NERR_Success);
}

/* Large buffers live in blocks the system maps on its own and unmaps on
   release: a double free must not read the vanished header.  A large block
   the system keeps may get its first bytes overwritten by the allocator's
   own bookkeeping (glibc's bins, ASan's), and then the pointer is no longer
   recognisable as released: unknown is an honest answer too. */
static const unsigned large_released =
    KIND(NETAPIBUF_MISUSE_RELEASED_POINTER) | KIND(NETAPIBUF_MISUSE_UNKNOWN_POINTER);

TEST(large_buffers_released_twice)
{
    static const DWORD sizes[] = {200000, 1u << 20, 10u << 20};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        LPVOID p, q;
        CHECK_EQ_U(NetApiBufferAllocate(sizes[i], &p), NERR_Success);
        CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
        check_rejected_as(p, large_released);
        /* The next large buffer often gets the same address: it is live. */
        CHECK_EQ_U(NetApiBufferAllocate(sizes[i], &q), NERR_Success);
        check_still_live(q, sizes[i]);
        CHECK_EQ_U(NetApiBufferFree(q), NERR_Success);
        check_rejected_as(q, large_released);
    }
}

/*
 * A large buffer shrunk in place keeps a mapping of its own but is a small
 * buffer now: released, it waits in its thread's cache, and the thread's
 * exit gives it back to the system, which unmaps it.  A second release
 * from another thread must still be answered 87, not fault on the vanished
 * header (the adversarial run's first finding).
 */
static void *shrink_and_release(void *arg)
{
    LPVOID *out = arg, p, q;
    if (NetApiBufferAllocate(40u << 20, &p) != NERR_Success)
        return NULL;
    if (NetApiBufferReallocate(p, 100, &q) != NERR_Success) {
        NetApiBufferFree(p);
        return NULL;
    }
    *out = q;
    NetApiBufferFree(q);
    return NULL;
}

TEST(shrunk_large_buffer_released_after_its_thread_exits)
{
    for (int round = 0; round < 8; round++) {
        LPVOID p = NULL;
        pthread_t t;
        CHECK_EQ_U(pthread_create(&t, NULL, shrink_and_release, &p), 0);
        pthread_join(t, NULL);
        CHECK(p != NULL);
        if (p)
            check_rejected_as(p, large_released);
    }
}

/*
 * Default mode remembers where large buffers were released (their pages
 * go away); a newer, larger buffer may come to cover that address without
 * starting there.  A pointer to it is then interior to a live buffer, and
 * must be reported so, not as released.  (Whether the mapping lands there
 * is the system's choice: the check is made when it does.)
 */
TEST(interior_pointer_at_a_released_large_address)
{
    enum { BIG = 40u << 20 }; /* above glibc's largest mmap threshold: always mapped */
    int covered = 0;
    for (int round = 0; round < 4; round++) {
        LPVOID old, big;
        CHECK_EQ_U(NetApiBufferAllocate(BIG, &old), NERR_Success);
        CHECK_EQ_U(NetApiBufferFree(old), NERR_Success);
        CHECK_EQ_U(NetApiBufferAllocate(BIG + 4096, &big), NERR_Success);
        uintptr_t at = (uintptr_t)old, start = (uintptr_t)big;
        if (at > start && at - start < BIG + 4096) {
            covered++;
            check_rejected(old, interior_findable(big, old) ? NETAPIBUF_MISUSE_INTERIOR_POINTER
                                                            : NETAPIBUF_MISUSE_UNKNOWN_POINTER);
            check_still_live(big, BIG + 4096);
        }
        CHECK_EQ_U(NetApiBufferFree(big), NERR_Success);
    }
    printf("  (a newer buffer covered the released address in %d of 4 rounds)\n", covered);
}

/* A large buffer moved by reallocation: the old address is dead. */
TEST(large_buffer_moved)
{
    LPVOID p, q;
    CHECK_EQ_U(NetApiBufferAllocate(1u << 20, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferReallocate(p, 8u << 20, &q), NERR_Success);
    if (q != p) {
        capture_start();
        CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(captured.count, 1);
        capture_stop();
    }
    check_still_live(q, 8u << 20);
    CHECK_EQ_U(NetApiBufferReallocate(q, 0, &p), NERR_Success);
    CHECK_EQ_P(p, NULL);
    check_rejected_as(q, large_released);
}

/* A buffer that moved on reallocation: the old address is dead. */
TEST(free_after_move)
{
    LPVOID p, q;
    CHECK_EQ_U(NetApiBufferAllocate(16, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferReallocate(p, 300000, &q), NERR_Success);
    if (q != p) {
        capture_start();
        CHECK_EQ_U(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
        CHECK_EQ_U(captured.count, 1);
        capture_stop();
    }
    check_still_live(q, 300000);
    CHECK_EQ_U(NetApiBufferFree(q), NERR_Success);
}

TEST(size_and_reallocate_after_free)
{
    LPVOID p;
    CHECK_EQ_U(NetApiBufferAllocate(64, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
    capture_start();
    DWORD n = 5;
    CHECK_EQ_U(NetApiBufferSize(p, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(n, 5);
    LPVOID q = &n;
    CHECK_EQ_U(NetApiBufferReallocate(p, 10, &q), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(q, &n);
    CHECK_EQ_U(captured.count, 2);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    capture_stop();
}

static alignas(16) char static_bytes[256];

TEST(static_stack_malloc_pointers)
{
    alignas(16) char stack_bytes[64];
    memset(stack_bytes, 0, sizeof stack_bytes);
    check_rejected(static_bytes + 64, NETAPIBUF_MISUSE_UNKNOWN_POINTER);
    check_rejected(stack_bytes + 32, NETAPIBUF_MISUSE_UNKNOWN_POINTER);
    void *m = malloc(64);
    CHECK(m != NULL);
    check_rejected(m, NETAPIBUF_MISUSE_UNKNOWN_POINTER);
    free(m); /* still the C library's: nothing was released */
}

TEST(interior_pointers)
{
    static const DWORD offsets[] = {16, 32, 48, 1024, 4000, 4080, 4096, 4112, 9008};
    LPVOID p;
    CHECK_EQ_U(NetApiBufferAllocate(10000, &p), NERR_Success);
    for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
        void *inside = (char *)p + offsets[i];
        check_rejected(inside, interior_findable(p, inside) ? NETAPIBUF_MISUSE_INTERIOR_POINTER
                                                            : NETAPIBUF_MISUSE_UNKNOWN_POINTER);
    }
    check_still_live(p, 10000);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

TEST(unaligned_pointers)
{
    LPVOID p;
    CHECK_EQ_U(NetApiBufferAllocate(64, &p), NERR_Success);
    for (int off = 1; off < 16; off += 7)
        check_rejected((char *)p + off, NETAPIBUF_MISUSE_UNALIGNED_POINTER);
    check_rejected(static_bytes + 3, NETAPIBUF_MISUSE_UNALIGNED_POINTER);
    check_still_live(p, 64);
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* Misuse is counted, and errno is the caller's afterwards. */
TEST(counted_and_errno_kept)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    capture_start();
    errno = 1234;
    CHECK_EQ_U(NetApiBufferFree(static_bytes), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(errno, 1234);
    capture_stop();
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.misuse_events, before.misuse_events + 1);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
}

TEST(null_arguments_are_not_misuse)
{
    LPVOID p;
    DWORD n = 9;
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(NULL), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(NULL, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(n, 9);
    CHECK_EQ_U(NetApiBufferAllocate(8, &p), NERR_Success);
    CHECK_EQ_U(NetApiBufferSize(p, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetApiBufferReallocate(p, 9, NULL), ERROR_INVALID_PARAMETER);
    check_still_live(p, 8);
    CHECK_EQ_U(captured.count, 0);
    capture_stop();
    CHECK_EQ_U(NetApiBufferFree(p), NERR_Success);
}

/* netapibuf_misuse_text names every kind. */
TEST(kind_texts)
{
    for (int k = NETAPIBUF_MISUSE_UNKNOWN_POINTER; k <= NETAPIBUF_MISUSE_OVERRUN; k++)
        CHECK(strcmp(netapibuf_misuse_text((enum netapibuf_misuse_kind)k), "unknown misuse") != 0);
}

int main(void)
{
    strict = netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT || TOOL_VALGRIND;
    RUN(double_free);
    RUN(stale_free_after_reuse);
    RUN(free_after_move);
    RUN(large_buffers_released_twice);
    RUN(large_buffer_moved);
    RUN(shrunk_large_buffer_released_after_its_thread_exits);
    RUN(interior_pointer_at_a_released_large_address);
    RUN(size_and_reallocate_after_free);
    RUN(static_stack_malloc_pointers);
    RUN(interior_pointers);
    RUN(unaligned_pointers);
    RUN(counted_and_errno_kept);
    RUN(null_arguments_are_not_misuse);
    RUN(kind_texts);
    return check_finish();
}
