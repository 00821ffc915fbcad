/*
 * platform.h — the operating-system contract of netapibuf.
 *
 * Everything the library needs from the OS beyond malloc (randomness, the
 * page size, once-initialisation, per-thread exit hooks, reading memory
 * that may not be ours, giving pages back) goes through these few
 * functions, implemented in platform_linux.c; locks and their fork
 * protocol are locks.h.  A port to another system replaces those files.
 */
#ifndef NBI_PLATFORM_H
#define NBI_PLATFORM_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#define NBI_LIKELY(x) __builtin_expect(!!(x), 1)
#define NBI_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define NBI_ALWAYS_INLINE inline __attribute__((always_inline))
/* A function whose common case is a few dozen instructions run millions of
   times a second: it starts on a cache line of its own, which measured up
   to 10% faster pairs than wherever the linker happened to put it
   (docs/PERFORMANCE.md). */
#define NBI_HOT_PATH __attribute__((aligned(64)))
#define NBI_NOINLINE __attribute__((noinline))
/* For the few functions that read memory in front of a pointer that may not
   be ours (the default-mode header check): AddressSanitizer would report the
   probe itself, which is by design, not a bug in the caller. */
#if defined(__SANITIZE_ADDRESS__)
#define NBI_NO_ASAN __attribute__((no_sanitize_address))
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NBI_NO_ASAN __attribute__((no_sanitize_address))
#endif
#endif
#ifndef NBI_NO_ASAN
#define NBI_NO_ASAN
#endif
#define NBI_INTERNAL __attribute__((visibility("hidden")))
#define NBI_EXPORT __attribute__((visibility("default")))

/* Thread-local storage that costs one %fs-relative access, even in the .so. */
#define NBI_THREAD_LOCAL __thread __attribute__((tls_model("initial-exec")))

/* Fill buf with n unpredictable bytes (getrandom, else /dev/urandom, else
   a mix of clocks and addresses: the secret must never be a constant). */
NBI_INTERNAL void nbi_random_bytes(void *buf, size_t n);

/* The size of a memory page. */
NBI_INTERNAL size_t nbi_page_size(void);

/* Tell the system that the whole pages in [start, start + bytes) hold
   nothing worth keeping: they stop counting as resident and read as zeros
   when next touched (Linux: madvise MADV_DONTNEED).  start and bytes are
   multiples of the page size.  A failure only keeps the pages; errno is
   kept. */
NBI_INTERNAL void nbi_pages_discard(void *start, size_t bytes);

/* Milliseconds of a clock that only moves forward, read cheaply (Linux:
   CLOCK_MONOTONIC_COARSE, a few nanoseconds through the vDSO; its
   resolution of a few milliseconds is all its users want). */
NBI_INTERNAL uint64_t nbi_coarse_ms(void);

/* The value of an environment variable, ignoring it in set-uid programs. */
NBI_INTERNAL const char *nbi_getenv(const char *name);

/* Locks: platform/locks.h (every lock joins the fork protocol there). */

/* Run fn exactly once per process, all callers waiting until it is done. */
typedef pthread_once_t nbi_once;
#define NBI_ONCE_INIT PTHREAD_ONCE_INIT
static inline void nbi_call_once(nbi_once *once, void (*fn)(void)) { pthread_once(once, fn); }

/* Thread-exit hook: nbi_thread_exit_init(fn) once per process, then
   nbi_thread_exit_arm(arg) in a thread makes fn(arg) run when that thread
   exits (not when the main thread returns from main: that ends the process).
   Returns 0, or -1 if the OS has no slot left (the hook then never runs). */
NBI_INTERNAL int nbi_thread_exit_init(void (*fn)(void *));
NBI_INTERNAL void nbi_thread_exit_arm(void *arg);

/*
 * Copy up to n bytes at src, memory this thread does not own, to dst: the
 * kernel reads them (Linux: process_vm_readv on this very process), so
 * bytes another thread writes at the same moment are not a data race of
 * the program, and an unmapped or unreadable page ends the copy instead of
 * faulting.  Returns the bytes copied, a prefix of the n asked for; 0 when
 * the first byte is unreadable or the system refuses (a seccomp filter).
 * For the rare paths that look at memory near a pointer that may not be
 * a buffer (misuse classification); never on a hot path (a system call).
 */
NBI_INTERNAL size_t nbi_read_foreign(void *dst, const void *src, size_t n);

/*
 * A full memory barrier run at once on every thread of the process (Linux:
 * membarrier, private expedited).  It lets a thread's own fast path order
 * its accesses with a compiler barrier alone, while the rare other thread
 * that must see them pays for a barrier on everyone (registry.h).
 * nbi_process_barrier_init: 1 when the system offers it (once per process,
 * and again in a forked child); nbi_process_barrier: 0 when it ran.
 */
NBI_INTERNAL int nbi_process_barrier_init(void);
NBI_INTERNAL int nbi_process_barrier(void);

#endif /* NBI_PLATFORM_H */
