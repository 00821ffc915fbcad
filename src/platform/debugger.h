/*
 * debugger.h — telling valgrind's memcheck and AddressSanitizer which bytes
 * of a block belong to the caller, so they report a caller's touch of a
 * header or canary, a leak, or a use after release at the caller's line.
 *
 * AddressSanitizer (decided at compile time): headers, canaries, the unused
 * tail of a block's size class and whole cached blocks are poisoned; the
 * library reads its own metadata through NBI_NO_ASAN functions or opens it
 * for the moment it writes it.
 *
 * valgrind (decided at the first call: RUNNING_ON_VALGRIND, only when
 * <valgrind/memcheck.h> was there at build time): the user region of every
 * buffer is a MALLOCLIKE block, header and canary are NOACCESS.  Under
 * valgrind the four functions take strict mode's out-of-line path in both
 * modes (apibuf/init.c), which never reads near an unknown pointer, so the
 * valgrind requests are only issued from strict.c and the default path's
 * cost stays one predictable branch.
 */
#ifndef NBI_DEBUGGER_H
#define NBI_DEBUGGER_H

#include <stddef.h>
#include <stdint.h>

#include "platform/platform.h"

#if defined(__SANITIZE_ADDRESS__)
#define NBI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NBI_ASAN 1
#endif
#endif

#ifdef NBI_ASAN
#include <sanitizer/asan_interface.h>
#define NBI_NO_ASAN __attribute__((no_sanitize_address))
#else
#define NBI_NO_ASAN
#endif


/* Nonzero when the process runs under valgrind (set once at init). */
extern NBI_INTERNAL int nbi_on_valgrind;

/* Sets nbi_on_valgrind; returns it. */
NBI_INTERNAL int nbi_debugger_init(void);

/* ---- AddressSanitizer only: the default path's annotations -------------- */

static inline void nbi_asan_poison(const void *p, size_t n)
{
#ifdef NBI_ASAN
    ASAN_POISON_MEMORY_REGION(p, n);
#else
    (void)p, (void)n;
#endif
}

static inline void nbi_asan_unpoison(const void *p, size_t n)
{
#ifdef NBI_ASAN
    ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
    (void)p, (void)n;
#endif
}

/* ---- both tools: strict.c's annotations --------------------------------- */

/*
 * Valgrind's client requests build a block of arguments on the stack; kept
 * out of line (debugger.c) so the hot paths carry only a test of
 * nbi_on_valgrind, not the requests' stack frames.
 */
NBI_INTERNAL void nbi_vg_defined(const void *p, size_t n);
NBI_INTERNAL void nbi_vg_noaccess(const void *p, size_t n);
NBI_INTERNAL void nbi_vg_undefined(const void *p, size_t n);
NBI_INTERNAL void nbi_vg_malloclike(const void *user, size_t n);
NBI_INTERNAL void nbi_vg_freelike(const void *user);

/* Our own metadata at p (n bytes) is about to be read or written. */
static inline void nbi_dbg_open(const void *p, size_t n)
{
    nbi_asan_unpoison(p, n);
    if (NBI_UNLIKELY(nbi_on_valgrind))
        nbi_vg_defined(p, n);
}

/* ... and is off-limits to the caller again. */
static inline void nbi_dbg_close(const void *p, size_t n)
{
    nbi_asan_poison(p, n);
    if (NBI_UNLIKELY(nbi_on_valgrind))
        nbi_vg_noaccess(p, n);
}

/* The n bytes at user now belong to the caller; the header before them and
   the tail bytes after them do not. */
static inline void nbi_dbg_handed_out(void *user, uint64_t n, size_t header, size_t tail)
{
    nbi_dbg_close((unsigned char *)user - header, header);
    nbi_dbg_close((unsigned char *)user + n, tail);
    if (NBI_UNLIKELY(nbi_on_valgrind))
        nbi_vg_malloclike(user, (size_t)n);
}

/* The n bytes at p hold a fill pattern, not data the caller wrote. */
static inline void nbi_dbg_undefined(const void *p, size_t n)
{
    if (NBI_UNLIKELY(nbi_on_valgrind))
        nbi_vg_undefined(p, n);
}

/* The buffer at user (n bytes) was released: no longer the caller's. */
static inline void nbi_dbg_taken_back(void *user, uint64_t n)
{
    nbi_asan_poison(user, n);
    if (NBI_UNLIKELY(nbi_on_valgrind))
        nbi_vg_freelike(user);
    (void)n;
}

#endif /* NBI_DEBUGGER_H */
