/* sysalloc.c — the out-of-memory test hook behind nbi_sys_malloc. */
#include "platform/sysalloc.h"

#include <errno.h>

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
