/* init.c — the one-time set-up of every layer below the four functions. */
#include "apibuf/init.h"

#include <errno.h>

#include <netapibuf.h>

#include "block/block.h"
#include "check/config.h"
#include "check/quarantine.h"
#include "check/registry.h"
#include "check/stats.h"
#include "check/strict.h"
#include "platform/debugger.h"

int nbi_ready;

static nbi_once init_once = NBI_ONCE_INIT;

static void init_once_fn(void)
{
    int saved_errno = errno;
    nbi_secret_init();
    nbi_config_read();
    /* A thread leaving with a strict quarantine gives its blocks back. */
    nbi_stats_init(nbi_quarantine_flush);
    nbi_registry_init();
    int out_of_line = nbi_config.strict || nbi_debugger_init();
    if (out_of_line)
        nbi_strict_init(nbi_config.strict);
    __atomic_store_n(&nbi_config.out_of_line, out_of_line, __ATOMIC_RELEASE);
    __atomic_store_n(&nbi_config.tagged, !out_of_line, __ATOMIC_RELEASE);
    __atomic_store_n(&nbi_ready, 1, __ATOMIC_RELEASE);
    errno = saved_errno;
}

void nbi_global_init(void)
{
    nbi_call_once(&init_once, init_once_fn);
}

NBI_EXPORT enum netapibuf_check_mode netapibuf_check_mode(void)
{
    nbi_ensure_init();
    return nbi_config.strict ? NETAPIBUF_CHECK_STRICT : NETAPIBUF_CHECK_DEFAULT;
}
