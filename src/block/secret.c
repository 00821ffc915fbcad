/* secret.c — the per-process secrets that key tags and canaries (block.h). */
#include "block/block.h"

#include <errno.h>

struct nbi_secrets nbi_secret;

void nbi_secret_init(void)
{
    int saved_errno = errno;
    uint64_t keys[2];
    do {
        nbi_random_bytes(keys, sizeof keys);
    } while (keys[1] == 0); /* a zero "released" key would leave tags intact */
    nbi_secret.live = keys[0];
    nbi_secret.released = keys[1];
    errno = saved_errno;
}
