/*
 * sysalloc.h — the library's only door to the system allocator, and the
 * out-of-memory test hook behind it.
 *
 * Every byte netapibuf takes from the system goes through nbi_sys_malloc /
 * nbi_sys_realloc, so a test can make the Nth underlying allocation fail
 * (nbi_fault_fail_nth) and check that every call sequence then returns
 * ERROR_NOT_ENOUGH_MEMORY cleanly and leaks nothing, the way SQLite tests
 * its memory failures.  The hook is internal (hidden in the shared
 * library; tests reach it through the static one) and costs one predictable
 * branch on a read-mostly flag while disarmed.
 */
#ifndef NBI_SYSALLOC_H
#define NBI_SYSALLOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "platform/platform.h"

extern NBI_INTERNAL int nbi_fault_armed;

NBI_INTERNAL void *nbi_fault_malloc(size_t n);
NBI_INTERNAL void *nbi_fault_realloc(void *p, size_t n);

static inline void *nbi_sys_malloc(size_t n)
{
    if (NBI_UNLIKELY(__atomic_load_n(&nbi_fault_armed, __ATOMIC_RELAXED)))
        return nbi_fault_malloc(n);
    return malloc(n);
}

static inline void *nbi_sys_realloc(void *p, size_t n)
{
    if (NBI_UNLIKELY(__atomic_load_n(&nbi_fault_armed, __ATOMIC_RELAXED)))
        return nbi_fault_realloc(p, n);
    return realloc(p, n);
}

static inline void nbi_sys_free(void *p)
{
    free(p);
}

/*
 * Ask the system allocator to return to the kernel the whole free pages
 * inside its heaps, not only at their tops (glibc: malloc_trim, which
 * walks every free chunk of every arena and madvises its whole pages, and
 * trims the main heap's top down to NBI_TRIM_PAD).  Returns how long that
 * took, in microseconds; errno is kept.  Elsewhere it does nothing and
 * returns 0.  The cache decides when (cache.c, nbi_cache_trim).
 */
#define NBI_TRIM_PAD (128u << 10) /* glibc's default M_TOP_PAD (mallopt(3)) */
NBI_INTERNAL uint64_t nbi_sys_trim(void);

/*
 * Test hook.  nbi_fault_fail_nth(n) with n >= 1: the nth underlying
 * allocation from now fails (and only that one); n = 0 disarms.
 * nbi_fault_fired() tells whether the armed failure has happened, and
 * nbi_fault_calls() how many underlying allocations were made since arming.
 */
NBI_INTERNAL void nbi_fault_fail_nth(long n);
NBI_INTERNAL int nbi_fault_fired(void);
NBI_INTERNAL long nbi_fault_calls(void);

#endif /* NBI_SYSALLOC_H */
