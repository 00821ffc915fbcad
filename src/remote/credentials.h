/*
 * credentials.h — layer 5, remote side: the process-wide credentials that
 * remote calls log on with (netapibuf_set_credentials in <netapibuf.h>).
 *
 * They live here, in our memory, under their own lock, and reach Samba's
 * context only when a session starts (session.c) and their generation has
 * changed.  A password is never logged or printed, and every copy we hold
 * is wiped before its memory is released.
 */
#ifndef NBI_REMOTE_CREDENTIALS_H
#define NBI_REMOTE_CREDENTIALS_H

#include <stdint.h>

#include "platform/platform.h"

/* What a session applies: copies owned by the caller of nbi_credentials_get. */
struct nbi_credentials {
    char *domain;   /* NULL: the server's own domain */
    char *user;     /* NULL: anonymous (or the Kerberos ticket cache) */
    char *password; /* NULL with a user: none (Kerberos) */
    int use_kerberos;
    uint64_t generation; /* changes with every netapibuf_set_* call */
};

/* The current generation, without copying anything. */
NBI_INTERNAL uint64_t nbi_credentials_generation(void);

/* Copy the current credentials into *out: 0 or ERROR_NOT_ENOUGH_MEMORY. */
NBI_INTERNAL unsigned nbi_credentials_get(struct nbi_credentials *out);

/* Wipe and free a copy from nbi_credentials_get. */
NBI_INTERNAL void nbi_credentials_release(struct nbi_credentials *c);

/* Wipe n bytes at p so the compiler cannot drop the stores. */
NBI_INTERNAL void nbi_wipe(void *p, unsigned long n);

#endif /* NBI_REMOTE_CREDENTIALS_H */
