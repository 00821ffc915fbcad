/* local.c — server-name check and serialized NSS walks (see local.h). */
#include "local/local.h"

#include <errno.h>
#include <strings.h>
#include <string.h>
#include <unistd.h>

#include "platform/locks.h"
#include "platform/sysalloc.h"

NBI_MUTEX(walk_lock, NBI_RANK_NSS_WALK)
static unsigned long walked;

unsigned long nbi_local_entries_walked(void)
{
    return __atomic_load_n(&walked, __ATOMIC_RELAXED);
}

/* The scratch buffer NSS fills: on the stack first, grown on ERANGE. */
struct scratch {
    char stack[2048];
    char *buf;
    size_t size;
};

static void scratch_init(struct scratch *s)
{
    s->buf = s->stack;
    s->size = sizeof s->stack;
}

static int scratch_grow(struct scratch *s)
{
    if (s->size > ((size_t)1 << 24))
        return 0; /* an entry of 16 MiB is not an entry */
    size_t n = s->size * 2;
    char *b = nbi_sys_malloc(n);
    if (!b)
        return 0;
    if (s->buf != s->stack)
        nbi_sys_free(s->buf);
    s->buf = b;
    s->size = n;
    return 1;
}

static void scratch_free(struct scratch *s)
{
    if (s->buf != s->stack)
        nbi_sys_free(s->buf);
}

/* Storage for one entry of either database. */
union entry {
    struct passwd pw;
    struct group gr;
};

/* What a walk is called back with. */
struct visitor {
    nbi_local_user_fn user;
    nbi_local_group_fn group;
    void *ctx;
};

/* One database: its stream calls, how to read the next entry (0 and *res
   set, or the getXXent_r error number), and how to hand it to a visitor. */
struct database {
    void (*open)(void);
    void (*close)(void);
    int (*next)(union entry *e, char *buf, size_t size, const void **res);
    NET_API_STATUS (*visit)(const void *entry, const struct visitor *v);
};

static int next_user(union entry *e, char *buf, size_t size, const void **res)
{
    struct passwd *r = NULL;
    int rc = getpwent_r(&e->pw, buf, size, &r);
    *res = r;
    return rc;
}

static int next_group(union entry *e, char *buf, size_t size, const void **res)
{
    struct group *r = NULL;
    int rc = getgrent_r(&e->gr, buf, size, &r);
    *res = r;
    return rc;
}

static NET_API_STATUS visit_user(const void *entry, const struct visitor *v)
{
    return v->user(entry, v->ctx);
}

static NET_API_STATUS visit_group(const void *entry, const struct visitor *v)
{
    return v->group(entry, v->ctx);
}

static void open_users(void) { setpwent(); }
static void close_users(void) { endpwent(); }
static void open_groups(void) { setgrent(); }
static void close_groups(void) { endgrent(); }

static const struct database users_db = {open_users, close_users, next_user, visit_user};
static const struct database groups_db = {open_groups, close_groups, next_group, visit_group};

static NET_API_STATUS walk(const struct database *db, const struct visitor *v)
{
    struct scratch s;
    scratch_init(&s);
    NET_API_STATUS st = NERR_Success;
    unsigned long seen = 0;
    int saved = errno;
    nbi_mutex_lock(&walk_lock);
    db->open();
    for (;;) {
        union entry e;
        const void *res = NULL;
        int rc = db->next(&e, s.buf, s.size, &res);
        if (rc == ERANGE) {
            if (!scratch_grow(&s)) {
                st = ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            continue; /* glibc retries the same entry with a bigger buffer */
        }
        if (rc == ENOENT || (rc == 0 && !res))
            break;
        if (rc != 0) {
            st = NERR_InternalError;
            break;
        }
        seen++;
        if ((st = db->visit(res, v)) != NERR_Success)
            break;
    }
    db->close();
    nbi_mutex_unlock(&walk_lock);
    __atomic_add_fetch(&walked, seen, __ATOMIC_RELAXED);
    scratch_free(&s);
    errno = saved;
    return st;
}

NET_API_STATUS nbi_local_walk_users(nbi_local_user_fn fn, void *ctx)
{
    struct visitor v = {fn, NULL, ctx};
    return walk(&users_db, &v);
}

NET_API_STATUS nbi_local_walk_groups(nbi_local_group_fn fn, void *ctx)
{
    struct visitor v = {NULL, fn, ctx};
    return walk(&groups_db, &v);
}

/* The status of a getpwnam_r/getgrnam_r call that returned rc (ERANGE: the
   scratch buffer could not grow) and found an entry or not. */
static NET_API_STATUS lookup_status(int rc, int found, NET_API_STATUS not_found)
{
    /* 0 and the "not found" errnos of getpwnam_r(3) */
    if (rc == 0 || rc == ENOENT || rc == ESRCH || rc == EBADF || rc == EPERM)
        return found ? NERR_Success : not_found;
    return rc == ENOMEM || rc == ERANGE ? ERROR_NOT_ENOUGH_MEMORY : NERR_InternalError;
}

NET_API_STATUS nbi_local_user_by_name(LPCSTR name, nbi_local_user_fn fn, void *ctx)
{
    struct scratch s;
    scratch_init(&s);
    int saved = errno, rc;
    struct passwd pw, *res = NULL;
    while ((rc = getpwnam_r(name, &pw, s.buf, s.size, &res)) == ERANGE && scratch_grow(&s))
        continue;
    NET_API_STATUS st = lookup_status(rc, res != NULL, NERR_UserNotFound);
    if (st == NERR_Success)
        st = fn(res, ctx);
    scratch_free(&s);
    errno = saved;
    return st;
}

NET_API_STATUS nbi_local_group_by_name(LPCSTR name, nbi_local_group_fn fn, void *ctx)
{
    struct scratch s;
    scratch_init(&s);
    int saved = errno, rc;
    struct group gr, *res = NULL;
    while ((rc = getgrnam_r(name, &gr, s.buf, s.size, &res)) == ERANGE && scratch_grow(&s))
        continue;
    NET_API_STATUS st = lookup_status(rc, res != NULL, NERR_GroupNotFound);
    if (st == NERR_Success)
        st = fn(res, ctx);
    scratch_free(&s);
    errno = saved;
    return st;
}
