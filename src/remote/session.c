/* session.c — serialized calls into Samba's engine (see session.h). */
#include "remote/session.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <unistd.h>

#include "platform/debugger.h"
#include "platform/locks.h"
#include "platform/sysalloc.h"
#include "remote/credentials.h"
#include "remote/sweep.h"

/* Recursive, because Samba forks inside calls we hold it for (tdb checks
   robust mutexes in a child): the fork protocol (platform/locks.h) then
   takes it again in the thread that holds it.  A fork from another thread
   waits for the call in progress, so a child never inherits Samba's
   context or talloc stack half-way through a change. */
NBI_RECURSIVE_MUTEX(samba_lock, NBI_RANK_SAMBA)

/* All under samba_lock. */
static struct libnetapi_ctx *context;
static uint64_t applied_generation; /* credentials the context carries */
static pid_t context_pid;           /* the process that made the context */
static int initialized;             /* libnetapi_init has run: smb.conf is loaded */
static struct nbi_sweep sweep;
static unsigned long calls;
static unsigned long rebuilds; /* contexts given up for holding too much */
static char *samr_server; /* whose SAMR handles the context caches (NULL: none known) */

/* A child of fork holds its parent's context: its connections are the
   parent's sockets. */
static int forked(void)
{
    return context && context_pid != getpid();
}

unsigned long nbi_remote_calls(void)
{
    return __atomic_load_n(&calls, __ATOMIC_RELAXED);
}

unsigned long nbi_remote_rebuilds(void)
{
    return __atomic_load_n(&rebuilds, __ATOMIC_RELAXED);
}

/* Give up the context of a parent, one whose credentials changed, or one
   that holds more than it should (sweep.h). */
static void drop_context(const struct nbi_samba *samba)
{
    if (!context)
        return;
    if (!forked()) {
        /* Close the SAMR handles and log off while the connections are
           ours; then free the context with all it holds. */
        samba->libnetapi_samr_free(context);
        samba->libnetapi_shutdown_cm(context);
        samba->_talloc_free(context, "netapibuf:context");
    }
    /* In a child, the connections are the parent's sockets: touching them
       would log the parent off.  The old context is left as it is. */
    context = NULL;
    nbi_sys_free(samr_server);
    samr_server = NULL;
}

/*
 * libnetapi caches one set of SAMR policy handles (connect, account domain,
 * BUILTIN) and the domain's SID per context, whatever server they were
 * opened on, while it keeps one connection per server name.  A call to
 * another server, or to the same server under another name (127.0.0.2,
 * NBDC, nbdc.nbtest.lan: three connections), would send the first
 * connection's handles on its own: the server refuses them
 * (ERROR_ACCESS_DENIED), and the cached domain SID is the first server's.
 * So the cached handles are closed whenever the server changes; names are
 * compared exactly, as a different spelling may be a different connection.
 */
static void samr_follow(const struct nbi_samba *samba, const char *server)
{
    if (samr_server && strcmp(samr_server, server) == 0)
        return;
    samba->libnetapi_samr_free(context);
    nbi_sys_free(samr_server);
    size_t n = strlen(server) + 1;
    if ((samr_server = nbi_sys_malloc(n)) != NULL) /* else: closed again next time */
        memcpy(samr_server, server, n);
}

/* The context's credentials object (its direct child of that type), or
   NULL.  Found by its talloc type name: libnetapi offers no getter. */
struct credentials_search {
    const struct nbi_samba *samba;
    void *found;
};

static void find_credentials(const void *ptr, int depth, int max_depth, int is_ref, void *data)
{
    (void)max_depth;
    struct credentials_search *s = data;
    if (depth == 1 && !is_ref && !s->found) {
        const char *name = s->samba->talloc_get_name(ptr);
        if (name && strcmp(name, "struct cli_credentials") == 0)
            s->found = (void *)(uintptr_t)ptr;
    }
}

/* Kerberos with no user: the ticket cache libnetapi found when it made the
   context (KRB5CCNAME, or the default cache).  libnetapi asks for a
   password on the terminal whenever the credentials hold none, so they
   get an empty one, set with less authority than the ticket cache's
   (CRED_GUESS_ENV, below CRED_GUESS_FILE): the cache stays the one used,
   and without a cache the logon simply fails. */
#define CRED_GUESS_ENV 3
static NET_API_STATUS kerberos_ticket_cache(const struct nbi_samba *samba)
{
    if (samba->libnetapi_set_use_kerberos(context) != NERR_Success)
        return NERR_InternalError;
    struct credentials_search s = {samba, NULL};
    samba->talloc_report_depth_cb(context, 0, 1, find_credentials, &s);
    if (!s.found || !samba->cli_credentials_set_password(s.found, "", CRED_GUESS_ENV))
        return NERR_InternalError;
    return NERR_Success;
}

/* Make the context carry creds.  With a user the password is always set
   (empty when none was given), so libnetapi never asks on the terminal;
   without one the logon is anonymous (Samba's own anonymous credentials:
   an empty user name is a failed logon, not an anonymous one), or
   Kerberos' ticket cache. */
static NET_API_STATUS apply(const struct nbi_samba *samba, const struct nbi_credentials *creds)
{
    if (!creds->user && !creds->use_kerberos) {
        void *anonymous = samba->cli_credentials_init_anon(context);
        return anonymous ? samba->libnetapi_set_creds(context, anonymous) : ERROR_NOT_ENOUGH_MEMORY;
    }
    if (!creds->user)
        return kerberos_ticket_cache(samba);
    NET_API_STATUS st = samba->libnetapi_set_username(context, creds->user);
    if (st == NERR_Success)
        st = samba->libnetapi_set_password(context, creds->password ? creds->password : "");
    if (st == NERR_Success && creds->domain)
        st = samba->libnetapi_set_workgroup(context, creds->domain);
    if (st == NERR_Success && creds->use_kerberos)
        st = samba->libnetapi_set_use_kerberos(context);
    return st;
}

/* A context with the current credentials, made afresh when needed. */
static NET_API_STATUS ensure_context(const struct nbi_samba *samba)
{
    uint64_t generation = nbi_credentials_generation();
    if (context && !forked() && generation == applied_generation)
        return NERR_Success;
    struct nbi_credentials creds;
    if (nbi_credentials_get(&creds) != NERR_Success)
        return ERROR_NOT_ENOUGH_MEMORY;
    drop_context(samba);
    /* The first context loads smb.conf and sets Samba's logging to level
       0; later ones (new credentials, a forked child) only need a new
       context over the loaded configuration.  (libnetapi_init would hand
       back its static context, which drop_context may have freed.) */
    struct libnetapi_ctx *made = NULL;
    /* Samba's configuration globals made first, from an empty
       configuration (no smb.conf setting, such as its log level, applies
       before libnetapi_init's own), so that the option libnetapi_init sets
       before it loads smb.conf has an owner (samba.h). */
    if (!initialized && samba->lp_load_initial_only)
        (void)samba->lp_load_initial_only("/dev/null");
    NET_API_STATUS st = initialized ? samba->libnetapi_net_init(&made) : samba->libnetapi_init(&made);
    if (st == NERR_Success && made) {
        initialized = 1;
        context = made;
        context_pid = getpid();
        st = apply(samba, &creds);
    } else {
        st = NERR_InternalError;
    }
    if (st == NERR_Success) {
        applied_generation = creds.generation;
    } else if (context) {
        drop_context(samba);
    }
    nbi_credentials_release(&creds);
    return st;
}

/*
 * libnetapi blocks SIGPIPE in the calling thread (its sockets may break
 * mid-write) and never unblocks it: the program's own mask would change
 * for good, and a program writing to a closed pipe would see EPIPE where
 * it expected to die.  So SIGPIPE is blocked for the session only; a
 * SIGPIPE raised by Samba's sockets meanwhile is taken off the thread
 * before the caller's mask comes back, so it cannot kill the caller.
 */
static void signals_enter(struct nbi_remote *r)
{
    sigset_t pipe_only, pending;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, &r->mask);
    r->pipe_pending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE);
}

static void signals_leave(struct nbi_remote *r)
{
    if (sigismember(&r->mask, SIGPIPE) || r->pipe_pending) {
        pthread_sigmask(SIG_SETMASK, &r->mask, NULL);
        return; /* the caller blocks it itself, or had one pending: theirs */
    }
    sigset_t pipe_only, pending;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE)) {
        struct timespec now = {0, 0};
        (void)sigtimedwait(&pipe_only, NULL, &now);
    }
    pthread_sigmask(SIG_SETMASK, &r->mask, NULL);
}

NET_API_STATUS nbi_remote_enter(struct nbi_remote *r, const char *server)
{
    NET_API_STATUS st = NERR_Success;
    const struct nbi_samba *samba = nbi_samba_load(&st);
    if (!samba)
        return st;
    int saved = errno;
    signals_enter(r);
    nbi_mutex_lock(&samba_lock);
    (void)nbi_debugger_init(); /* the sweep reads Samba's memory: valgrind must know */
    st = ensure_context(samba);
    if (st == NERR_Success)
        st = nbi_sweep_begin(&sweep, samba, context);
    if (st != NERR_Success) {
        nbi_mutex_unlock(&samba_lock);
        signals_leave(r);
        errno = saved;
        return st;
    }
    calls++;
    r->samba = samba;
    r->ctx = context;
    r->frame = samba->_talloc_stackframe("netapibuf:session");
    samr_follow(samba, server ? server : ""); /* NULL: Samba's own choice, a name of its own */
    r->saved_errno = saved;
    errno = saved;
    return NERR_Success;
}

NET_API_STATUS nbi_remote_enter_users(struct nbi_remote *r, const char *server)
{
    NET_API_STATUS st = nbi_remote_enter(r, server);
    if (st == NERR_Success && !r->samba->have_netapi_users) {
        nbi_remote_leave(r);
        st = ERROR_NOT_SUPPORTED;
    }
    return st;
}

void nbi_remote_leave(struct nbi_remote *r)
{
    if (r->frame)
        r->samba->_talloc_free(r->frame, "netapibuf:session"); /* pops it */
    nbi_sweep_end(&sweep, r->samba, r->ctx);
    if (nbi_sweep_swollen(&sweep)) {
        /* All it holds goes now (logging off needs a stack frame of its
           own: the session's is gone); the next session makes a fresh one. */
        void *frame = r->samba->_talloc_stackframe("netapibuf:rebuild");
        drop_context(r->samba);
        if (frame)
            r->samba->_talloc_free(frame, "netapibuf:rebuild");
        sweep.held_chunks = sweep.held_bytes = 0;
        rebuilds++;
    }
    nbi_mutex_unlock(&samba_lock);
    signals_leave(r);
    errno = r->saved_errno;
}
