/*
 * init.h — layer 3: the process-wide set-up run at the first call of the
 * four functions (secrets, configuration, thread records, strict mode).
 */
#ifndef NBI_INIT_H
#define NBI_INIT_H

#include "platform/platform.h"

/* Nonzero once nbi_global_init has run; read with acquire semantics. */
extern NBI_INTERNAL int nbi_ready;

NBI_INTERNAL void nbi_global_init(void);

/* Make sure the secrets and configuration exist before they are read. */
static inline void nbi_ensure_init(void)
{
    if (NBI_UNLIKELY(!__atomic_load_n(&nbi_ready, __ATOMIC_ACQUIRE)))
        nbi_global_init();
}

#endif /* NBI_INIT_H */
