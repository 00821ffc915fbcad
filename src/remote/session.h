/*
 * session.h — layer 5, remote side: one call into Samba's engine.
 *
 *   struct nbi_remote r;
 *   if ((st = nbi_remote_enter(&r, server)) != NERR_Success) return st;
 *   st = r.samba->NetUserGetInfo(server, name, level, &samba_buf);
 *   ... re-pack samba_buf into our own NetApiBuffer ...
 *   nbi_remote_leave(&r);       // everything Samba kept for the call is gone
 *
 * Why one lock for every call: libnetapi keeps one process-wide context,
 * a process-wide talloc stack and its connections in that context, and
 * four threads calling it at once crash it ("Bad talloc magic") in every
 * run.  So calls into Samba are serialized here; nothing else waits on
 * this lock (this machine's functions never take it).
 *
 * What enter does besides locking: loads Samba's library at the first
 * remote call of the process (samba.h), makes libnetapi's context (and
 * makes it again when the credentials changed, so a cached connection
 * never logs on as the previous user, or in a child after fork, whose
 * connections are its parent's sockets), drops libnetapi's cached SAMR
 * handles when the call goes to another server than the last one (they
 * belong to that server's connection), and remembers the context's
 * children for the sweep that leave runs (sweep.h).
 */
#ifndef NBI_REMOTE_SESSION_H
#define NBI_REMOTE_SESSION_H

#include <signal.h>

#include <lm.h>

#include "platform/platform.h"
#include "remote/samba.h"

struct nbi_remote {
    const struct nbi_samba *samba;
    struct libnetapi_ctx *ctx;
    int saved_errno; /* the caller's, given back by leave: Samba's calls set it */
    void *frame;     /* Samba's talloc stack frame for the session */
    sigset_t mask;   /* the caller's signal mask, given back by leave */
    int pipe_pending; /* SIGPIPE was pending before the session */
};

/*
 * Start a call to server (the name as Samba is given it, without the
 * leading backslashes): NERR_Success with r filled and the lock held, or
 * ERROR_MOD_NOT_FOUND (no usable Samba library), ERROR_NOT_ENOUGH_MEMORY,
 * NERR_InternalError (libnetapi could not make its context), with nothing
 * held.  Every Samba call of the session must go to that server.
 */
NBI_INTERNAL NET_API_STATUS nbi_remote_enter(struct nbi_remote *r, const char *server);

/* nbi_remote_enter for a call into the management half of Samba's library
   (samba.h, have_netapi_users): ERROR_NOT_SUPPORTED, nothing held, where
   this libnetapi lacks it. */
NBI_INTERNAL NET_API_STATUS nbi_remote_enter_users(struct nbi_remote *r, const char *server);

/* End a call: sweep what Samba kept on its context, then unlock. */
NBI_INTERNAL void nbi_remote_leave(struct nbi_remote *r);

/* Sessions entered since the process started (tests). */
NBI_INTERNAL unsigned long nbi_remote_calls(void);

/* Contexts made afresh because they held too much (sweep.h; tests). */
NBI_INTERNAL unsigned long nbi_remote_rebuilds(void);

#endif /* NBI_REMOTE_SESSION_H */
