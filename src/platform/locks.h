/*
 * locks.h — every lock of the library, and how each one survives fork.
 *
 * When a process forks while another thread holds a lock, the child (which
 * has only the forking thread) inherits the lock held by nobody, for ever:
 * its first call that needs the lock hangs.  So every lock joins one fork
 * protocol, run by pthread_atfork handlers registered once (locks.c):
 *
 *   prepare   take every lock, in the global order of enum nbi_lock_rank
 *   parent    release them all
 *   child     release them all (and let a member repair what it must,
 *             e.g. the registry registers again for process-wide barriers)
 *
 * The child therefore starts with every lock free and every structure a
 * lock guards as some thread left it, whole.  Holding the NSS walk lock
 * across fork also means no walk of ours is half-way through the C
 * library's process-global getpwent/getgrent stream (or its utmp stream)
 * at that moment, so the child can walk them from the start.
 *
 * The order is the nesting order: a lock ever held while another is taken
 * ranks before it.  Taken in any other order, prepare could hold A and wait
 * for B while a thread holding B waits for A.  The rule that keeps the
 * order simple: a higher layer may hold its lock while it calls down, a
 * lower layer never calls up holding one, so locks rank by layer, highest
 * first.  Nestings today: an NSS walk holds its lock while its callbacks
 * stage entries in a packer (pack stash lock, and malloc); every other lock
 * is a leaf: nothing is taken while it is held (malloc aside, whose own fork
 * handling glibc runs after ours).  No lock is held while the library
 * calls the program's code (a misuse handler), so a program may fork there.
 *
 * How a new lock joins:
 *   - a mutex is defined with NBI_MUTEX(name, rank): there is no other way
 *     to make an nbi_mutex, so a lock cannot be left out of the protocol;
 *   - anything else (a table of spin locks) joins with
 *     NBI_FORK_HOOK(name, rank, prepare, parent, child);
 *   - its rank comes from the enum below, placed after every lock that is
 *     held while it is taken and before every lock taken while it is held.
 *     Add an enumerator (with the nesting it respects) rather than reusing
 *     one, so the whole order stays readable here;
 *   - tests/layers.sh fails the suite when code outside platform/ names a
 *     pthread lock or pthread_atfork, or takes a spin lock in a module that
 *     has no fork hook, and tests/test_fork.c forks while other threads
 *     are inside every kind of call.
 */
#ifndef NBI_LOCKS_H
#define NBI_LOCKS_H

#include <pthread.h>

#include "platform/platform.h"

/* The global lock order: prepare takes locks in increasing rank. */
enum nbi_lock_rank {
    /* Layer 5, remote servers: the lock serializing calls into Samba's
       library ranks first, as a remote call stages its results in the
       packer, walks the snapshot table and allocates buffers while holding
       it; the credentials lock is read inside such a call.  Nothing ranks
       before it: Samba's library forks inside a call (tdb's one-time check
       for robust mutexes), so prepare runs in a thread that holds it
       already, and any lock taken before it there would invert the order. */
    NBI_RANK_SAMBA = 100,        /* remote/session.c: one call into Samba's engine */
    NBI_RANK_SAMBA_COMPAT = 105, /* api/compat.c: netapi.h's libnetapi context, held
                                    while it sets the credentials, never in a call */
    NBI_RANK_CREDENTIALS = 110, /* remote/credentials.c: the process's credentials */

    /* Layer 5, this machine: leaves, except the walk (see above). */
    NBI_RANK_NSS_WALK = 200, /* local/local.c: one walk of the user or group database */
    NBI_RANK_UTMP = 210,     /* local/wksta.c: one walk of the utmp database */
    NBI_RANK_RESUME = 220,   /* net/resume.c: the table of stored snapshots */
    /* Layer 4. */
    NBI_RANK_PACK_STASH = 300, /* pack/pack.c: spare staging segments */
    /* Layer 2: leaves. */
    NBI_RANK_MISUSE_HANDLER = 400, /* check/misuse.c: the installed handler */
    NBI_RANK_THREAD_RECORDS = 410, /* check/stats.c: the list of thread records */
    NBI_RANK_REGISTRY = 420,       /* check/registry.c: strict mode's 64 shard locks */
};

/* One participant in the fork protocol (a lock, or a set of locks). */
struct nbi_fork_member {
    unsigned rank;
    void (*prepare)(void *arg); /* take the lock(s) */
    void (*parent)(void *arg);  /* release them in the parent */
    void (*child)(void *arg);   /* release them in the child */
    void *arg;
    int held;                   /* prepare took it for the fork under way */
    struct nbi_fork_member *next; /* locks.c's list, by rank */
};

/* Add a member; called from the constructors the macros below define,
   which run before any thread can call into the library. */
NBI_INTERNAL void nbi_fork_join(struct nbi_fork_member *member);

/*
 * After loading a library that registers fork handlers of its own: make
 * ours run first again.  Otherwise that library's prepare handler runs
 * before ours (glibc runs them newest first) and takes its locks before
 * ours, while one of our locks may be held by a thread about to take one
 * of its locks: Samba's tevent locks its context mutex at fork, and a
 * remote call makes tevent contexts under our session lock, a deadlock
 * (ThreadSanitizer's lock-order report in the remote tests).  Call it
 * once per such library, right after loading it.
 */
NBI_INTERNAL void nbi_fork_protocol_first(void);

/* A participant with its own handlers, joined at load time.  The handlers
   get NULL. */
#define NBI_FORK_HOOK(name, rank, prepare, parent, child)                                  \
    static struct nbi_fork_member name = {rank, prepare, parent, child, NULL, 0, NULL};    \
    __attribute__((constructor)) static void name##_joins_fork(void) { nbi_fork_join(&name); }

/* A mutex; it joins the fork protocol when the library is loaded. */
typedef struct nbi_mutex {
    pthread_mutex_t mutex;
    struct nbi_fork_member fork;
} nbi_mutex;

NBI_INTERNAL void nbi_mutex_fork_lock(void *mutex);
NBI_INTERNAL void nbi_mutex_fork_unlock(void *mutex);
NBI_INTERNAL void nbi_recursive_mutex_fork_child(void *mutex);

/* Define a static mutex `name` of the given rank. */
#define NBI_MUTEX(name, rank)                                                               \
    static nbi_mutex name = {PTHREAD_MUTEX_INITIALIZER,                                     \
                             {rank, nbi_mutex_fork_lock, nbi_mutex_fork_unlock,             \
                              nbi_mutex_fork_unlock, &name, 0, NULL}};                      \
    __attribute__((constructor)) static void name##_joins_fork(void)                        \
    {                                                                                       \
        nbi_fork_join(&name.fork);                                                          \
    }

/* A recursive mutex of the given rank: for a lock held across calls into
   code that forks (Samba checks its tdb mutexes in a child it forks inside
   our calls).  The fork protocol then takes it again in the thread that
   holds it, where a plain mutex would deadlock.  In the child it is made
   afresh rather than unlocked: glibc lets only the owning thread unlock a
   recursive mutex, and the child's one thread has a thread id of its own,
   so an unlock there fails (EPERM) and the child's first remote call
   waits for ever. */
#define NBI_RECURSIVE_MUTEX(name, rank)                                                     \
    static nbi_mutex name = {PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP,                        \
                             {rank, nbi_mutex_fork_lock, nbi_mutex_fork_unlock,             \
                              nbi_recursive_mutex_fork_child, &name, 0, NULL}};             \
    __attribute__((constructor)) static void name##_joins_fork(void)                        \
    {                                                                                       \
        nbi_fork_join(&name.fork);                                                          \
    }

static inline void nbi_mutex_lock(nbi_mutex *m) { pthread_mutex_lock(&m->mutex); }
static inline void nbi_mutex_unlock(nbi_mutex *m) { pthread_mutex_unlock(&m->mutex); }

/* For tests: the members joined, and whether their ranks increase along
   the list (1) as prepare needs. */
NBI_INTERNAL unsigned nbi_fork_members(int *ordered);

#endif /* NBI_LOCKS_H */
