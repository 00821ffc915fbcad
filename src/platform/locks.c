/* locks.c — the fork protocol every lock of the library joins (locks.h). */
#include "platform/locks.h"

/*
 * The members, by increasing rank.  Constructors add them, one thread at a
 * time, before any thread can call into the library; but a program that
 * dlopens the library may fork from another thread while they run, so the
 * list is published with release stores and read with acquire loads, and
 * a member added while a fork is under way is simply not part of it (held
 * stays 0, so the release handlers leave it alone).
 */
static struct nbi_fork_member *members;

static struct nbi_fork_member *next_of(struct nbi_fork_member *const *link)
{
    return __atomic_load_n(link, __ATOMIC_ACQUIRE);
}

/*
 * The handlers may be registered twice (nbi_fork_protocol_first): the
 * forking thread runs the first prepare it reaches and skips the other,
 * and the first release it reaches undoes it.  Each forking thread has its
 * own flag (the child is that thread, with its copy).
 */
static _Thread_local int prepared;

/* Before fork: every lock, outer ones first. */
static void prepare(void)
{
    if (prepared)
        return;
    prepared = 1;
    for (struct nbi_fork_member *m = next_of(&members); m; m = next_of(&m->next)) {
        m->prepare(m->arg);
        m->held = 1;
    }
}

/* After fork, in the parent or the child: what prepare took.  The order
   does not matter for release; a second thread's prepare waits on the
   first member until it is released. */
static void release(int in_child)
{
    if (!prepared)
        return;
    prepared = 0;
    for (struct nbi_fork_member *m = next_of(&members); m; m = next_of(&m->next)) {
        if (!m->held)
            continue;
        m->held = 0;
        if (in_child)
            m->child(m->arg);
        else
            m->parent(m->arg);
    }
}

static void release_in_parent(void) { release(0); }
static void release_in_child(void) { release(1); }

void nbi_fork_join(struct nbi_fork_member *member)
{
    static int registered;
    if (!registered) {
        registered = 1;
        (void)pthread_atfork(prepare, release_in_parent, release_in_child);
    }
    struct nbi_fork_member **link = &members;
    struct nbi_fork_member *at;
    while ((at = next_of(link)) != NULL && at->rank <= member->rank)
        link = &at->next;
    member->next = at;
    __atomic_store_n(link, member, __ATOMIC_RELEASE);
}

void nbi_fork_protocol_first(void)
{
    /* glibc runs prepare handlers in the reverse order of registration:
       registered again now, ours run before those of the libraries loaded
       since, and the first registration's become no-ops (prepared). */
    (void)pthread_atfork(prepare, release_in_parent, release_in_child);
}

void nbi_mutex_fork_lock(void *mutex)
{
    nbi_mutex_lock(mutex);
}

void nbi_mutex_fork_unlock(void *mutex)
{
    nbi_mutex_unlock(mutex);
}

/* The child's copy of a recursive mutex, unlocked: its owner is a thread
   of the parent, which this process does not have (see locks.h). */
void nbi_recursive_mutex_fork_child(void *mutex)
{
    nbi_mutex *m = mutex;
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m->mutex, &attr);
    pthread_mutexattr_destroy(&attr);
}

unsigned nbi_fork_members(int *ordered)
{
    unsigned n = 0;
    *ordered = 1;
    for (struct nbi_fork_member *m = next_of(&members); m; m = next_of(&m->next), n++)
        if (m->next && next_of(&m->next)->rank < m->rank)
            *ordered = 0;
    return n;
}
