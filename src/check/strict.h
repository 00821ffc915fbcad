/*
 * strict.h — layer 2: the four functions in strict mode (docs/behaviour.md section 3).
 *
 * apibuf.c sends every call here, after one predictable branch, when
 * nbi_out_of_line() is set: NETAPIBUF_CHECK=strict, or the process
 * runs under valgrind (debugger.h).  A strict block:
 *
 *   block (from malloc)            user pointer, 16-aligned
 *   |                              |
 *   v                              v
 *   +---------------------------+---------------------------+--------+
 *   | 16 bytes, not written     | size bytes for the caller  | canary |
 *   +---------------------------+---------------------------+--------+
 *   \_ room of struct nbi_header /                          \_ 8 bytes,
 *                                                              unaligned
 *
 * The header's room is block.h's, kept so both modes lay blocks out alike;
 * strict mode never reads a header (the registry holds the size), so it
 * does not write one.  The canary is keyed by the address and the
 * per-process secret and sits right after the last requested byte, so an
 * overrun of a single byte changes it.  Before any byte near a pointer is
 * read, the pointer is looked up in the registry (registry.h), so a wild
 * pointer never faults.  New bytes are filled with NBI_FILL_NEW, released
 * bytes with NBI_FILL_RELEASED.  Blocks never go through the per-thread
 * cache: a released block waits in the thread's quarantine (quarantine.h),
 * or, under valgrind or ASan, goes straight back to the system allocator,
 * so the tool sees every release.  A buffer whose canary is found smashed
 * by Free or Reallocate is dropped from the registry and never given back
 * to the heap (the heap around it is suspect): leaked on purpose and
 * reported.
 */
#ifndef NBI_STRICT_H
#define NBI_STRICT_H

#include <lmcons.h>

#include "platform/platform.h"
#include "check/stats.h"

#define NBI_CANARY_SIZE 8u
#define NBI_FILL_NEW 0xCD      /* fresh bytes: not zero, so reliance on zeroing shows */
#define NBI_FILL_RELEASED 0xDD /* released bytes: a use after release reads garbage */
#define NBI_FILL_MAX (1u << 20) /* bytes filled at most per buffer (the first MiB) */

/* The four functions, after their argument checks that need no pointer
   lookup (apibuf.c).  Each finds the calling thread's record itself, so
   apibuf.c's hand-over is a bare tail call. */
NBI_INTERNAL NET_API_STATUS nbi_strict_allocate(DWORD n, LPVOID *out);
NBI_INTERNAL NET_API_STATUS nbi_strict_free(LPVOID user);
NBI_INTERNAL NET_API_STATUS nbi_strict_size(LPVOID user, LPDWORD n);
NBI_INTERNAL NET_API_STATUS nbi_strict_reallocate(LPVOID old, DWORD n, LPVOID *out);

/* Strict mode's set-up: with report_leaks, print the leak report at exit. */
NBI_INTERNAL void nbi_strict_init(int report_leaks);

#endif /* NBI_STRICT_H */
