/* state.c — one-time set-up of the secrets and of the configuration. */
#include "state.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <netapibuf.h>

#include "block.h"
#include "debugger.h"
#include "registry.h"
#include "stats.h"
#include "strict.h"

struct nbi_secrets nbi_secret;
struct nbi_config nbi_config;
int nbi_ready;

static nbi_once init_once = NBI_ONCE_INIT;

static void read_environment(void)
{
    const char *check = nbi_getenv("NETAPIBUF_CHECK");
    if (check && strcmp(check, "strict") == 0)
        nbi_config.strict = 1;
    else if (check && *check && strcmp(check, "default") != 0)
        fprintf(stderr, "netapibuf: NETAPIBUF_CHECK=%s is not a checking mode "
                        "(default, strict); using default\n", check);

    const char *on_misuse = nbi_getenv("NETAPIBUF_ON_MISUSE");
    if (on_misuse && strcmp(on_misuse, "abort") == 0)
        nbi_config.abort_on_misuse = 1;
    else if (on_misuse && *on_misuse && strcmp(on_misuse, "report") != 0)
        fprintf(stderr, "netapibuf: NETAPIBUF_ON_MISUSE=%s is not a misuse action "
                        "(report, abort); using report\n", on_misuse);
}

static void init_once_fn(void)
{
    int saved_errno = errno;
    uint64_t keys[2];
    do {
        nbi_random_bytes(keys, sizeof keys);
    } while (keys[1] == 0); /* a zero "released" key would leave tags intact */
    nbi_secret.live = keys[0];
    nbi_secret.released = keys[1];
    read_environment();
    nbi_stats_init();
    nbi_registry_init();
    int out_of_line = nbi_config.strict || nbi_debugger_init();
    if (out_of_line)
        nbi_strict_init(nbi_config.strict);
    __atomic_store_n(&nbi_config.out_of_line, out_of_line, __ATOMIC_RELAXED);
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
