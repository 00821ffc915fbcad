/* config.c — the checking mode and misuse action from the environment. */
#include "check/config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct nbi_config nbi_config;

static nbi_once read_once = NBI_ONCE_INIT;

static void read_environment(void)
{
    int saved_errno = errno;
    const char *check = nbi_getenv("NETAPIBUF_CHECK");
    /* Values in any case: NETAPIBUF_CHECK=STRICT means strict. */
    if (check && strcasecmp(check, "strict") == 0)
        nbi_config.strict = 1;
    else if (check && *check && strcasecmp(check, "default") != 0)
        fprintf(stderr, "netapibuf: NETAPIBUF_CHECK=%s is not a checking mode "
                        "(default, strict); using default\n", check);

    const char *on_misuse = nbi_getenv("NETAPIBUF_ON_MISUSE");
    if (on_misuse && strcasecmp(on_misuse, "abort") == 0)
        nbi_config.abort_on_misuse = 1;
    else if (on_misuse && *on_misuse && strcasecmp(on_misuse, "report") != 0)
        fprintf(stderr, "netapibuf: NETAPIBUF_ON_MISUSE=%s is not a misuse action "
                        "(report, abort); using report\n", on_misuse);
    errno = saved_errno;
}

void nbi_config_read(void)
{
    nbi_call_once(&read_once, read_environment);
}
