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

/* Storage for one entry of any database. */
union entry {
    struct passwd pw;
    struct group gr;
    struct spwd sp;
};

/* What a walk is called back with. */
struct visitor {
    nbi_local_user_fn user;
    nbi_local_group_fn group;
    nbi_local_shadow_fn shadow;
    void *ctx;
};

/* One database: its stream calls, how to read the next entry (0 and *res
   set, or the getXXent_r error number), and how to hand it to a visitor. */
struct database {
    void (*open)(void);
    void (*close)(void);
    int (*next)(union entry *e, char *buf, size_t size, const void **res);
    NET_API_STATUS (*visit)(const void *entry, const struct visitor *v);
    int counted; /* adds to nbi_local_entries_walked: the user and group databases */
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

static int next_shadow(union entry *e, char *buf, size_t size, const void **res)
{
    struct spwd *r = NULL;
    int rc = getspent_r(&e->sp, buf, size, &r);
    *res = r;
    /* a caller who may not read the database sees it empty */
    return rc == EACCES || rc == EPERM ? ENOENT : rc;
}

static NET_API_STATUS visit_user(const void *entry, const struct visitor *v)
{
    return v->user(entry, v->ctx);
}

static NET_API_STATUS visit_group(const void *entry, const struct visitor *v)
{
    return v->group(entry, v->ctx);
}

static NET_API_STATUS visit_shadow(const void *entry, const struct visitor *v)
{
    return v->shadow(entry, v->ctx);
}

static void open_users(void) { setpwent(); }
static void close_users(void) { endpwent(); }
static void open_groups(void) { setgrent(); }
static void close_groups(void) { endgrent(); }
static void open_shadow(void) { setspent(); }
static void close_shadow(void) { endspent(); }

static const struct database users_db = {open_users, close_users, next_user, visit_user, 1};
static const struct database groups_db = {open_groups, close_groups, next_group, visit_group, 1};
static const struct database shadow_db = {open_shadow, close_shadow, next_shadow, visit_shadow,
                                          0};

/* Inlined into each caller with its database constant, so that reading and
   visiting an entry are direct calls: a walk runs once per entry of a
   database that may hold tens of thousands. */
static NBI_ALWAYS_INLINE NET_API_STATUS walk(const struct database *db, const struct visitor *v)
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
    if (db->counted)
        __atomic_add_fetch(&walked, seen, __ATOMIC_RELAXED);
    scratch_free(&s);
    errno = saved;
    return st;
}

NET_API_STATUS nbi_local_walk_users(nbi_local_user_fn fn, void *ctx)
{
    struct visitor v = {fn, NULL, NULL, ctx};
    return walk(&users_db, &v);
}

NET_API_STATUS nbi_local_walk_groups(nbi_local_group_fn fn, void *ctx)
{
    struct visitor v = {NULL, fn, NULL, ctx};
    return walk(&groups_db, &v);
}

NET_API_STATUS nbi_local_walk_shadow(nbi_local_shadow_fn fn, void *ctx)
{
    struct visitor v = {NULL, NULL, fn, ctx};
    return walk(&shadow_db, &v);
}

/* ---- names, as Windows compares them ---------------------------------------- */

/* Lower case of an ASCII letter; any other byte as it is. */
static unsigned fold_ascii(unsigned c)
{
    return c - 'A' < 26u ? c + ('a' - 'A') : c;
}

/* The second byte of a two-byte UTF-8 sequence led by 0xC3 (U+00C0 to
   U+00FF), folded: the capitals U+00C0..U+00DE but the sign U+00D7 become
   their small letters U+00E0..U+00FE, 0x20 higher. */
static unsigned fold_latin1(unsigned c)
{
    return c >= 0x80 && c <= 0x9E && c != 0x97 ? c + 0x20 : c;
}

int nbi_local_names_match(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    /* Folding keeps every byte count, so the two strings are walked in step;
       0xC3 is always a lead byte in UTF-8, never a continuation. */
    for (int latin1 = 0;; x++, y++) {
        unsigned cx = latin1 ? fold_latin1(*x) : fold_ascii(*x);
        unsigned cy = latin1 ? fold_latin1(*y) : fold_ascii(*y);
        if (cx != cy)
            return 0;
        if (!cx)
            return 1;
        latin1 = cx == 0xC3;
    }
}

/* The unique name a case-insensitive walk found: the first matching name,
   and whether a different name matched too. */
struct nocase {
    const char *wanted;
    char *found; /* malloc'd copy, or NULL */
    int ambiguous;
};

static NET_API_STATUS nocase_note(struct nocase *n, const char *name)
{
    if (!nbi_local_names_match(name, n->wanted))
        return NERR_Success;
    if (n->found) {
        /* the same name twice (a duplicated line) is still one account */
        n->ambiguous |= strcmp(n->found, name) != 0;
        return NERR_Success;
    }
    size_t len = strlen(name) + 1;
    if (!(n->found = nbi_sys_malloc(len)))
        return ERROR_NOT_ENOUGH_MEMORY;
    memcpy(n->found, name, len);
    return NERR_Success;
}

static NET_API_STATUS nocase_user(const struct passwd *pw, void *ctx)
{
    return nocase_note(ctx, pw->pw_name);
}

static NET_API_STATUS nocase_group(const struct group *gr, void *ctx)
{
    return nocase_note(ctx, gr->gr_name);
}

/* After an exact lookup of `name` found nothing: walk the database for a
   case-insensitive match.  NERR_Success and *unique (malloc'd) for exactly
   one name; not_found for none or several; or the walk's error. */
static NET_API_STATUS find_nocase(const char *name, int users, NET_API_STATUS not_found,
                                  char **unique)
{
    struct nocase n = {name, NULL, 0};
    NET_API_STATUS st = users ? nbi_local_walk_users(nocase_user, &n)
                              : nbi_local_walk_groups(nocase_group, &n);
    if (st == NERR_Success && (!n.found || n.ambiguous))
        st = not_found;
    if (st != NERR_Success) {
        nbi_sys_free(n.found);
        return st;
    }
    *unique = n.found;
    return NERR_Success;
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

static NET_API_STATUS user_exactly(LPCSTR name, nbi_local_user_fn fn, void *ctx)
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

static NET_API_STATUS group_exactly(LPCSTR name, nbi_local_group_fn fn, void *ctx)
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

/* fn is called after the walk, never inside it: it may walk itself. */
NET_API_STATUS nbi_local_user_by_name(LPCSTR name, nbi_local_user_fn fn, void *ctx)
{
    NET_API_STATUS st = user_exactly(name, fn, ctx);
    char *unique;
    if (st != NERR_UserNotFound || !name[0])
        return st;
    if ((st = find_nocase(name, 1, NERR_UserNotFound, &unique)) != NERR_Success)
        return st;
    st = user_exactly(unique, fn, ctx);
    nbi_sys_free(unique);
    return st;
}

NET_API_STATUS nbi_local_group_by_name(LPCSTR name, nbi_local_group_fn fn, void *ctx)
{
    NET_API_STATUS st = group_exactly(name, fn, ctx);
    char *unique;
    if (st != NERR_GroupNotFound || !name[0])
        return st;
    if ((st = find_nocase(name, 0, NERR_GroupNotFound, &unique)) != NERR_Success)
        return st;
    st = group_exactly(unique, fn, ctx);
    nbi_sys_free(unique);
    return st;
}
