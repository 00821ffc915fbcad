/* sysalloc.c — the out-of-memory test hook behind nbi_sys_malloc, and
   the system allocator's trim. */
#include "platform/sysalloc.h"

#include <errno.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

uint64_t nbi_sys_trim(void)
{
#ifdef __GLIBC__
    int saved_errno = errno;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    (void)malloc_trim(NBI_TRIM_PAD);
    clock_gettime(CLOCK_MONOTONIC, &end);
    errno = saved_errno;
    int64_t us = (int64_t)(end.tv_sec - start.tv_sec) * 1000000 +
                 (end.tv_nsec - start.tv_nsec) / 1000;
    return us > 0 ? (uint64_t)us : 0;
#else
    return 0;
#endif
}

int nbi_fault_armed;
static long fault_target; /* fail when fault_calls reaches this */
static long fault_calls;
static int fault_fired;

void nbi_fault_fail_nth(long n)
{
    __atomic_store_n(&fault_calls, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&fault_fired, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&fault_target, n, __ATOMIC_RELAXED);
    __atomic_store_n(&nbi_fault_armed, n > 0, __ATOMIC_RELEASE);
}

int nbi_fault_fired(void)
{
    return __atomic_load_n(&fault_fired, __ATOMIC_RELAXED);
}

long nbi_fault_calls(void)
{
    return __atomic_load_n(&fault_calls, __ATOMIC_RELAXED);
}

/* Count this allocation; nonzero when it is the one to fail. */
static int should_fail(void)
{
    long call = __atomic_add_fetch(&fault_calls, 1, __ATOMIC_RELAXED);
    if (call != __atomic_load_n(&fault_target, __ATOMIC_RELAXED))
        return 0;
    __atomic_store_n(&fault_fired, 1, __ATOMIC_RELAXED);
    errno = ENOMEM; /* as the real allocator would */
    return 1;
}

void *nbi_fault_malloc(size_t n)
{
    return should_fail() ? NULL : malloc(n);
}

void *nbi_fault_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : realloc(p, n);
}
