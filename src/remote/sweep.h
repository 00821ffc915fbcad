/*
 * sweep.h — layer 5, remote side: giving back what Samba hangs on its
 * process-wide context during a call.
 *
 * Why: libnetapi allocates every result string, every RPC reply and every
 * cache entry on one long-lived talloc context (its libnetapi_ctx); the
 * array it returns is a child of that context too, so freeing the array
 * frees none of its strings.  Measured here: 200 NetUserEnum calls of 4
 * users grew the heap by 30,000 blocks; one level-20 call of 2,000 users on
 * a domain controller left 12 MB behind.
 *
 * What cannot be done: free every child the call added.  Some of them are
 * the context's caches, made during a call and used by later ones: the
 * IPC connection and its pipes (linked from the context's private data),
 * the SAMR domain SID and name (pointed to from the same place).  Freeing
 * those leaves dangling pointers; rebuilding the context per call
 * (libnetapi_free + libnetapi_init) is correct but reconnects, logs on and
 * reopens the pipes every time.
 *
 * What is done (the cheapest correct way): a conservative reachability
 * sweep over the context's children.  At entry the context's direct
 * children are remembered.  At exit, each new direct child (with all its
 * descendants) is kept if some word of a root points into it, the roots
 * being the context itself and every child that was already there (their
 * whole subtrees), and transitively any kept child; every other new child
 * is freed.  Caches are kept because something old points at them;
 * results, replies and strings are freed because nothing does.  It costs a
 * walk of the new chunks and a scan of the old subtrees' bytes: tens of
 * microseconds against the milliseconds of a network round trip.
 *
 *   before the call:   ctx ── creds, priv, ipc#1, pipe#1, ...
 *   after the call:    ctx ── [sam] [strings...] [result] ipc#2 cli#2, creds, priv, ...
 *                              \_______ freed ______/     \_ kept: priv points at ipc#2,
 *                                                            ipc#2 at cli#2
 *
 * What a conservative sweep cannot promise: a word that merely looks like
 * a pointer into a new chunk keeps it, and what is kept becomes a root of
 * every later sweep.  Measured on a domain controller over 10,000 mixed
 * calls: the unwritten tail of a string buffer (Samba sizes a string
 * converted from the wire for the worst case, and malloc leaves old
 * pointers there) matched a new result array by chance; the array was
 * kept with its 6,000 strings, and their buffers' tails kept the next
 * calls' results: 8-16 KB a call, 85-160 MB in all, in some runs.  Two
 * things stop that: chunks that cannot hold a pointer (strings, byte
 * arrays: talloc names them so) are not scanned; and the context is
 * bounded: nbi_sweep_end reports what it holds, and past
 * NBI_SWEEP_MAX_CHUNKS chunks or NBI_SWEEP_MAX_BYTES bytes the session
 * gives it up at once, which frees all of it, and the next call makes a
 * fresh one (session.c: one new logon, as for a change of credentials).
 * A context that only caches what it should holds a few dozen chunks and
 * a few kilobytes per server.
 */
#ifndef NBI_REMOTE_SWEEP_H
#define NBI_REMOTE_SWEEP_H

#include <stddef.h>

#include <lm.h>

#include "platform/platform.h"
#include "remote/samba.h"

struct nbi_sweep {
    const void **before; /* the context's direct children at entry, sorted */
    size_t count, cap;
    size_t held_chunks, held_bytes; /* the context's old subtrees at the last end */
};

/* What the context may hold before it is made afresh (see above). */
#define NBI_SWEEP_MAX_CHUNKS 2048
#define NBI_SWEEP_MAX_BYTES (128 * 1024)

/* Remember ctx's direct children.  NERR_Success or ERROR_NOT_ENOUGH_MEMORY. */
NBI_INTERNAL NET_API_STATUS nbi_sweep_begin(struct nbi_sweep *sweep, const struct nbi_samba *samba,
                                            const void *ctx);

/* Free the new children of ctx that nothing old refers to, and count
   what the old ones hold (held_chunks, held_bytes; left as they were when
   the call added nothing).  Never fails: when memory for the bookkeeping
   runs out, the new children are kept (a leak is safe; a wrong free is
   not). */
NBI_INTERNAL void nbi_sweep_end(struct nbi_sweep *sweep, const struct nbi_samba *samba,
                                const void *ctx);

/* Nonzero when the context holds more than a context should (see above). */
NBI_INTERNAL int nbi_sweep_swollen(const struct nbi_sweep *sweep);

/* Chunks freed by sweeps since the process started (tests). */
NBI_INTERNAL unsigned long nbi_sweep_freed(void);

#endif /* NBI_REMOTE_SWEEP_H */
