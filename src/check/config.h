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
    int tagged;          /* 1 once the set-up has run and out_of_line is 0:
                            every buffer then has block.h's tagged header */
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

/* Whether every buffer has a tagged header (block.h), so a header may be
   checked before anything else: NetApiBufferSize's fast path, which needs
   no thread record.  0 before the set-up and in strict mode and under
   valgrind, where the header's room holds no tag (or undefined bytes). */
static inline int nbi_tagged(void)
{
    return __atomic_load_n(&nbi_config.tagged, __ATOMIC_ACQUIRE);
}

#endif /* NBI_CONFIG_H */
