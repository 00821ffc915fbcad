/* account.c — locks, expiry, password aging and last logons (see account.h). */
#include "local/account.h"

#include <errno.h>
#include <fcntl.h>
#include <shadow.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <utmp.h>

#include "local/local.h"
#include "platform/sysalloc.h"

#define DAY 86400
/* passwd(1) and useradd write 99999 days for "never": 273 years. */
#define MAX_AGE_NEVER 99999

/* What the shadow database says of one account (-1: the field is empty). */
struct shadow_view {
    int known;       /* there is a readable entry */
    int password;    /* PASSWORD_* below */
    long lastchg, max, expire; /* days since 1970, days, days since 1970 */
};

enum { PASSWORD_SET, PASSWORD_LOCKED, PASSWORD_EMPTY };

static int password_state(const char *field)
{
    if (!field)
        return PASSWORD_SET;
    return field[0] == '!' ? PASSWORD_LOCKED : field[0] ? PASSWORD_SET : PASSWORD_EMPTY;
}

/* Does the path end in component `name` (n bytes)? */
static int ends_with_component(const char *path, size_t len, const char *name, size_t n)
{
    return len >= n && memcmp(path + len - n, name, n) == 0 &&
           (len == n || path[len - n - 1] == '/');
}

static int shell_disables(const char *shell)
{
    if (!shell)
        return 0;
    size_t len = strlen(shell);
    return ends_with_component(shell, len, "nologin", 7) ||
           ends_with_component(shell, len, "false", 5);
}

/* Seconds since 1970 as a DWORD: at most 0xFFFFFFFE, TIMEQ_FOREVER's
   neighbour, so a real date never reads as "never". */
static DWORD seconds(uint64_t s)
{
    return s >= TIMEQ_FOREVER ? TIMEQ_FOREVER - 1 : (DWORD)s;
}

static NBI_ALWAYS_INLINE void interpret(const struct passwd *pw, const struct shadow_view *sv,
                                        time_t now, struct nbi_account *out)
{
    DWORD flags = shell_disables(pw->pw_shell) ? UF_ACCOUNTDISABLE : 0;
    int password = sv->known ? sv->password : password_state(pw->pw_passwd);
    if (password == PASSWORD_LOCKED)
        flags |= UF_ACCOUNTDISABLE;
    else if (password == PASSWORD_EMPTY)
        flags |= UF_PASSWD_NOTREQD;
    out->password_age = 0;
    out->acct_expires = TIMEQ_FOREVER;
    out->password_expired = 0;
    if (sv->known) {
        long today = (long)(now / DAY);
        int ages = sv->max >= 0 && sv->max < MAX_AGE_NEVER;
        if (!ages)
            flags |= UF_DONT_EXPIRE_PASSWD;
        if (sv->lastchg > 0 && (uint64_t)now >= (uint64_t)sv->lastchg * DAY)
            out->password_age = seconds((uint64_t)now - (uint64_t)sv->lastchg * DAY);
        /* 0 is "change it at the next logon" */
        out->password_expired = sv->lastchg == 0 ||
                                (sv->lastchg > 0 && ages && today >= sv->lastchg + sv->max);
        if (sv->expire >= 0) {
            out->acct_expires = seconds((uint64_t)sv->expire * DAY);
            if (today >= sv->expire) /* expired from that day on, 0 included */
                flags |= UF_ACCOUNTDISABLE;
        }
    }
    out->flags = flags;
}

static void view_of(const struct spwd *sp, struct shadow_view *v)
{
    v->known = 1;
    v->password = password_state(sp->sp_pwdp);
    v->lastchg = sp->sp_lstchg;
    v->max = sp->sp_max;
    v->expire = sp->sp_expire;
}

void nbi_account_of(const struct passwd *pw, time_t now, struct nbi_account *out)
{
    struct shadow_view v = {0, PASSWORD_SET, -1, -1, -1};
    char buf[4096]; /* an entry larger than this is left unread */
    struct spwd sp, *res = NULL;
    int saved = errno;
    if (getspnam_r(pw->pw_name, &sp, buf, sizeof buf, &res) == 0 && res)
        view_of(res, &v);
    errno = saved;
    interpret(pw, &v, now, out);
}

/* ---- the table for enumerations ----------------------------------------------- */

struct account_entry {
    size_t name;           /* offset in names */
    uint64_t hash;
    struct shadow_view view;
};

struct nbi_accounts {
    struct account_entry *entries; /* in database order */
    size_t count, cap;
    uint32_t *index;       /* open addressing: entry + 1, 0 empty; a power of two */
    size_t index_mask;
    /* The first two bytes of every name, one bit each: a user without a
       shadow entry (a directory's users, most often) costs a bit test, not
       a hash. */
    uint64_t prefixes[65536 / 64];
    char *names;
    size_t names_len, names_cap;
    size_t next;           /* the entry after the last one found */
};

/* A hash that reads at most 16 bytes of a name whatever its length: the
   first and the last 8 (a collision costs a strcmp, never a wrong
   answer).  Every user entry is hashed, so it has to be cheap. */
static uint64_t name_hash(const char *s)
{
    size_t n = strlen(s);
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        memcpy(&a, s, n);
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15u) ^ (b * 0xC2B2AE3D27D4EB4Fu) ^ n;
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9u;
}

/* Grow *p (cap *cap elements of `size`) to hold `need`: 0 or 8. */
static NET_API_STATUS grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return NERR_Success;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = nbi_sys_realloc(*p, n * size);
    if (!q)
        return ERROR_NOT_ENOUGH_MEMORY;
    *p = q;
    *cap = n;
    return NERR_Success;
}

/* The two leading bytes of a name, the second 0 for a one-byte name. */
static unsigned prefix_of(const char *name)
{
    return (unsigned char)name[0] | (name[0] ? (unsigned)(unsigned char)name[1] << 8 : 0u);
}

static NET_API_STATUS load_entry(const struct spwd *sp, void *ctx)
{
    struct nbi_accounts *t = ctx;
    size_t len = strlen(sp->sp_namp) + 1;
    void *entries = t->entries, *names = t->names;
    NET_API_STATUS st = grow(&entries, &t->cap, t->count + 1, sizeof *t->entries);
    t->entries = entries;
    if (st == NERR_Success)
        st = grow(&names, &t->names_cap, t->names_len + len, 1);
    t->names = names;
    if (st != NERR_Success)
        return st;
    struct account_entry *e = &t->entries[t->count++];
    e->name = t->names_len;
    e->hash = name_hash(sp->sp_namp);
    unsigned prefix = prefix_of(sp->sp_namp);
    t->prefixes[prefix / 64] |= UINT64_C(1) << (prefix % 64);
    view_of(sp, &e->view);
    memcpy(t->names + t->names_len, sp->sp_namp, len);
    t->names_len += len;
    return NERR_Success;
}

void nbi_accounts_free(struct nbi_accounts *t)
{
    if (!t)
        return;
    nbi_sys_free(t->entries);
    nbi_sys_free(t->index);
    nbi_sys_free(t->names);
    nbi_sys_free(t);
}

NET_API_STATUS nbi_accounts_load(struct nbi_accounts **table)
{
    *table = NULL;
    struct nbi_accounts *t = nbi_sys_malloc(sizeof *t);
    if (!t)
        return ERROR_NOT_ENOUGH_MEMORY;
    memset(t, 0, sizeof *t);
    NET_API_STATUS st = nbi_local_walk_shadow(load_entry, t);
    if (st == NERR_Success && t->count) {
        size_t slots = 16;
        while (slots < 2 * t->count)
            slots *= 2;
        if (!(t->index = nbi_sys_malloc(slots * sizeof *t->index))) {
            st = ERROR_NOT_ENOUGH_MEMORY;
        } else {
            memset(t->index, 0, slots * sizeof *t->index);
            t->index_mask = slots - 1;
            for (size_t i = 0; i < t->count; i++) {
                size_t at = (size_t)t->entries[i].hash & t->index_mask;
                while (t->index[at])
                    at = (at + 1) & t->index_mask;
                t->index[at] = (uint32_t)(i + 1);
            }
        }
    }
    if (st != NERR_Success || !t->count) {
        nbi_accounts_free(t);
        return st;
    }
    *table = t;
    return NERR_Success;
}

static const struct shadow_view *find_view(struct nbi_accounts *t, const char *name)
{
    /* The databases usually list accounts in the same order: try the next
       entry before hashing. */
    if (t->next < t->count) {
        const char *expected = t->names + t->entries[t->next].name;
        if (expected[0] == name[0] && strcmp(expected, name) == 0)
            return &t->entries[t->next++].view;
    }
    unsigned prefix = prefix_of(name);
    if (!(t->prefixes[prefix / 64] & (UINT64_C(1) << (prefix % 64))))
        return NULL;
    uint64_t h = name_hash(name);
    for (size_t at = (size_t)h & t->index_mask; t->index[at]; at = (at + 1) & t->index_mask) {
        size_t i = t->index[at] - 1;
        if (t->entries[i].hash == h && strcmp(t->names + t->entries[i].name, name) == 0) {
            t->next = i + 1;
            return &t->entries[i].view;
        }
    }
    return NULL;
}

void nbi_accounts_find(struct nbi_accounts *t, const struct passwd *pw, time_t now,
                       struct nbi_account *out)
{
    static const struct shadow_view unknown = {0, PASSWORD_SET, -1, -1, -1};
    const struct shadow_view *v = t ? find_view(t, pw->pw_name) : NULL;
    interpret(pw, v ? v : &unknown, now, out);
}

/* ---- lastlog ---------------------------------------------------------------- */

#ifndef NBI_LASTLOG_PATH
#define NBI_LASTLOG_PATH "/var/log/lastlog"
#endif

void nbi_lastlog_open(struct nbi_lastlog *log)
{
    int saved = errno;
    log->fd = open(NBI_LASTLOG_PATH, O_RDONLY | O_CLOEXEC);
    errno = saved;
}

DWORD nbi_lastlog_time(const struct nbi_lastlog *log, uid_t uid)
{
    if (log->fd < 0)
        return 0;
    struct lastlog rec;
    int saved = errno;
    ssize_t got = pread(log->fd, &rec.ll_time, sizeof rec.ll_time,
                        (off_t)uid * (off_t)sizeof rec + (off_t)offsetof(struct lastlog, ll_time));
    errno = saved;
    if (got != (ssize_t)sizeof rec.ll_time || rec.ll_time <= 0)
        return 0; /* a hole (never logged on), or past the end */
    return seconds((uint64_t)rec.ll_time);
}

void nbi_lastlog_close(struct nbi_lastlog *log)
{
    if (log->fd >= 0)
        close(log->fd);
    log->fd = -1;
}
