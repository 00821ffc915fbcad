/*
 * state.h — process-wide state: the secrets and the configuration read
 * from the environment, set up once at the first call.
 */
#ifndef NBI_STATE_H
#define NBI_STATE_H

#include "platform.h"

struct nbi_config {
    int strict;           /* NETAPIBUF_CHECK=strict */
    int abort_on_misuse;  /* NETAPIBUF_ON_MISUSE=abort */
    int out_of_line;      /* the four functions take strict.c's path: strict, or
                             running under valgrind (debugger.h) */
};
extern NBI_INTERNAL struct nbi_config nbi_config;

/* Whether the four functions take strict.c's path.  0 until the set-up
   has run: a caller that sees 0 must look again after nbi_ensure_init
   (or nbi_self).  Atomic, as it may be read while the set-up writes it. */
static inline int nbi_out_of_line(void)
{
    return __atomic_load_n(&nbi_config.out_of_line, __ATOMIC_RELAXED);
}

/* Nonzero once nbi_global_init has run; read with acquire semantics. */
extern NBI_INTERNAL int nbi_ready;

NBI_INTERNAL void nbi_global_init(void);

/* Make sure the secrets and configuration exist before they are read. */
static inline void nbi_ensure_init(void)
{
    if (NBI_UNLIKELY(!__atomic_load_n(&nbi_ready, __ATOMIC_ACQUIRE)))
        nbi_global_init();
}

#endif /* NBI_STATE_H */
