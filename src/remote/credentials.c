/* credentials.c — netapibuf_set_credentials and friends (see credentials.h). */
#include "remote/credentials.h"

#include <string.h>

#include <lmerr.h>
#include <netapibuf.h>

#include "platform/locks.h"
#include "platform/sysalloc.h"

NBI_MUTEX(lock, NBI_RANK_CREDENTIALS)
static struct nbi_credentials current; /* generation 0: never set (anonymous) */

void nbi_wipe(void *p, unsigned long n)
{
    if (p)
        explicit_bzero(p, n);
}

/* Wipe a string we own, then free it. */
static void wipe_free(char *s)
{
    if (s) {
        nbi_wipe(s, strlen(s));
        nbi_sys_free(s);
    }
}

/* A copy of s (NULL stays NULL): 0, or 1 when memory ran out. */
static int copy(const char *s, char **out)
{
    *out = NULL;
    if (!s)
        return 0;
    size_t n = strlen(s) + 1;
    if (!(*out = nbi_sys_malloc(n)))
        return 1;
    memcpy(*out, s, n);
    return 0;
}

void nbi_credentials_release(struct nbi_credentials *c)
{
    wipe_free(c->domain);
    wipe_free(c->user);
    wipe_free(c->password);
    memset(c, 0, sizeof *c);
}

uint64_t nbi_credentials_generation(void)
{
    nbi_mutex_lock(&lock);
    uint64_t g = current.generation;
    nbi_mutex_unlock(&lock);
    return g;
}

unsigned nbi_credentials_get(struct nbi_credentials *out)
{
    memset(out, 0, sizeof *out);
    nbi_mutex_lock(&lock);
    int failed = copy(current.domain, &out->domain) | copy(current.user, &out->user) |
                 copy(current.password, &out->password);
    out->use_kerberos = current.use_kerberos;
    out->generation = current.generation;
    nbi_mutex_unlock(&lock);
    if (failed) {
        nbi_credentials_release(out);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS netapibuf_set_credentials(const char *domain, const char *user,
                                                    const char *password)
{
    /* A domain or a password belongs to a user. */
    if (!user && (domain || password))
        return ERROR_INVALID_PARAMETER;
    struct nbi_credentials fresh = {0};
    if (copy(domain, &fresh.domain) | copy(user, &fresh.user) | copy(password, &fresh.password)) {
        nbi_credentials_release(&fresh);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    nbi_mutex_lock(&lock);
    struct nbi_credentials old = current;
    current.domain = fresh.domain;
    current.user = fresh.user;
    current.password = fresh.password;
    current.generation++;
    nbi_mutex_unlock(&lock);
    nbi_credentials_release(&old); /* the replaced password is wiped here */
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS netapibuf_set_use_kerberos(int use_kerberos)
{
    nbi_mutex_lock(&lock);
    if (current.use_kerberos != !!use_kerberos) {
        current.use_kerberos = !!use_kerberos;
        current.generation++;
    }
    nbi_mutex_unlock(&lock);
    return NERR_Success;
}

NBI_EXPORT int netapibuf_get_use_kerberos(void)
{
    nbi_mutex_lock(&lock);
    int k = current.use_kerberos;
    nbi_mutex_unlock(&lock);
    return k;
}
