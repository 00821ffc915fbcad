/*
 * config.h — layer 2: what the environment asks for (NETAPIBUF_CHECK,
 * NETAPIBUF_ON_MISUSE), read once per process.
 */
#ifndef NBI_CONFIG_H
#define NBI_CONFIG_H

#include "platform/platform.h"

struct nbi_config {
    int strict;          /* NETAPIBUF_CHECK=strict */
    int abort_on_misuse; /* NETAPIBUF_ON_MISUSE=abort */
    int out_of_line;     /* the four functions take strict.c's path: strict, or
                            running under valgrind (apibuf/init.c sets it) */
};
extern NBI_INTERNAL struct nbi_config nbi_config;

/* Read the environment into nbi_config, once per process (later calls wait
   for the first and return).  Unknown values are reported on stderr. */
NBI_INTERNAL void nbi_config_read(void);

/* Whether the four functions take strict.c's path.  0 until the set-up
   has run: a caller that sees 0 must look again after nbi_ensure_init
   (apibuf/init.h).  The set-up publishes it last, with release: a thread
   that sees 1 goes straight to strict.c, which reads the secrets and
   thread-exit key the set-up wrote, so the load acquires (a plain load on
   x86-64, as a relaxed one). */
static inline int nbi_out_of_line(void)
{
    return __atomic_load_n(&nbi_config.out_of_line, __ATOMIC_ACQUIRE);
}

#endif /* NBI_CONFIG_H */
