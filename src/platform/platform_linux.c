/* platform_linux.c — the platform.h contract for Linux and glibc/musl. */
#include "platform/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/membarrier.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

void nbi_random_bytes(void *buf, size_t n)
{
    unsigned char *out = buf;
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(out + got, n - got, 0);
        if (r > 0) {
            got += (size_t)r;
        } else if (r < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    if (got == n)
        return;

    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        while (got < n) {
            ssize_t r = read(fd, out + got, n - got);
            if (r > 0)
                got += (size_t)r;
            else if (!(r < 0 && errno == EINTR))
                break;
        }
        close(fd);
    }
    if (got == n)
        return;

    /* Last resort: not cryptographic, but different in every process. */
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^ (uint64_t)(uintptr_t)&ts ^
                 ((uint64_t)getpid() << 16);
    for (; got < n; got++) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 29;
        out[got] ^= (unsigned char)x;
    }
}

size_t nbi_page_size(void)
{
    long size = sysconf(_SC_PAGESIZE);
    return size > 0 ? (size_t)size : 4096;
}

void nbi_pages_discard(void *start, size_t bytes)
{
    int saved_errno = errno;
    (void)madvise(start, bytes, MADV_DONTNEED);
    errno = saved_errno;
}

const char *nbi_getenv(const char *name)
{
    return secure_getenv(name);
}

/* One key whose destructor runs the library's per-thread exit function. */
static pthread_key_t exit_key;
static int exit_key_ok;

int nbi_thread_exit_init(void (*fn)(void *))
{
    exit_key_ok = pthread_key_create(&exit_key, fn) == 0;
    return exit_key_ok ? 0 : -1;
}

void nbi_thread_exit_arm(void *arg)
{
    if (exit_key_ok)
        (void)pthread_setspecific(exit_key, arg);
}

/*
 * The kernel copies whole iovec elements or none, so the source is cut at
 * page boundaries: a copy then stops at the first unreadable page, having
 * copied the readable ones before it.
 */
#define FOREIGN_PAGES 8
size_t nbi_read_foreign(void *dst, const void *src, size_t n)
{
    int saved_errno = errno;
    uintptr_t page = nbi_page_size();
    size_t done = 0;
    while (done < n) {
        struct iovec remote[FOREIGN_PAGES];
        size_t want = 0;
        int pieces = 0;
        while (pieces < FOREIGN_PAGES && done + want < n) {
            uintptr_t at = (uintptr_t)src + done + want;
            size_t piece = page - at % page;
            if (piece > n - done - want)
                piece = n - done - want;
            remote[pieces].iov_base = (void *)at;
            remote[pieces].iov_len = piece;
            pieces++;
            want += piece;
        }
        struct iovec local = {(unsigned char *)dst + done, want};
        ssize_t got = process_vm_readv(getpid(), &local, 1, remote, (unsigned long)pieces, 0);
        if (got > 0)
            done += (size_t)got;
        if (got <= 0 || (size_t)got < want)
            break;
    }
    errno = saved_errno;
    return done;
}

uint64_t nbi_coarse_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) != 0 && clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

int nbi_process_barrier_init(void)
{
#ifdef SYS_membarrier
    int saved_errno = errno;
    long offered = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    int ok = offered > 0 && (offered & MEMBARRIER_CMD_PRIVATE_EXPEDITED) &&
             syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
    errno = saved_errno;
    return ok;
#else
    return 0;
#endif
}

int nbi_process_barrier(void)
{
#ifdef SYS_membarrier
    int saved_errno = errno;
    long r = syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
    errno = saved_errno;
    return r == 0 ? 0 : -1;
#else
    return -1;
#endif
}
