/* resume.c — snapshot table behind scalable resume handles (see resume.h). */
#include "net/resume.h"

#include <string.h>

#include "pack/pack.h"
#include "platform/locks.h"
#include "platform/sysalloc.h"

struct nbi_snapshot {
    const struct nbi_resume_kind *kind;
    char *key;              /* copy of the caller's key, or NULL */
    uint32_t token;         /* non-zero */
    netapibuf_packer *data; /* the staged source records */
    uint64_t last_used;     /* table clock value of the last release */
};

NBI_MUTEX(table_lock, NBI_RANK_RESUME)
static struct nbi_snapshot *table[NBI_RESUME_SLOTS];
static uint64_t table_clock;
static uint32_t next_token;

static unsigned index_bits(unsigned bits)
{
    return bits == 32 ? 24 : 32;
}

static void snapshot_free(struct nbi_snapshot *s)
{
    if (!s)
        return;
    netapibuf_packer_destroy(s->data);
    nbi_sys_free(s->key);
    nbi_sys_free(s);
}

static int same_key(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* A fresh token for the handle width: 1..255 or 1..2^32-1.  Called locked. */
static uint32_t new_token(unsigned bits)
{
    uint32_t limit = bits == 32 ? 0xFFu : 0xFFFFFFFFu;
    for (;;) {
        next_token = next_token >= limit ? 1 : next_token + 1;
        int in_use = 0; /* skip tokens of stored snapshots: at most SLOTS of them */
        for (unsigned i = 0; i < NBI_RESUME_SLOTS && !in_use; i++)
            in_use = table[i] && table[i]->token == next_token;
        if (!in_use)
            return next_token;
    }
}

static NET_API_STATUS build(const struct nbi_resume_kind *kind, const char *key, void *ctx,
                            struct nbi_snapshot **out)
{
    struct nbi_snapshot *s = nbi_sys_malloc(sizeof *s);
    if (!s)
        return ERROR_NOT_ENOUGH_MEMORY;
    memset(s, 0, sizeof *s);
    s->kind = kind;
    NET_API_STATUS st = NERR_Success;
    if (key) {
        size_t n = strlen(key) + 1;
        if (!(s->key = nbi_sys_malloc(n)))
            st = ERROR_NOT_ENOUGH_MEMORY;
        else
            memcpy(s->key, key, n);
    }
    if (st == NERR_Success)
        st = nbi_packer_create(kind->source, MAX_PREFERRED_LENGTH, &s->data);
    if (st == NERR_Success)
        st = nbi_packer_stage(s->data); /* pages are cut straight out of it */
    if (st == NERR_Success)
        st = kind->fill(s->data, ctx);
    if (st != NERR_Success) {
        snapshot_free(s);
        return st;
    }
    *out = s;
    return NERR_Success;
}

NET_API_STATUS nbi_resume_acquire(const struct nbi_resume_kind *kind, const char *key,
                                  uint64_t handle, unsigned bits, void *ctx,
                                  struct nbi_snapshot **snapshot, DWORD *start)
{
    unsigned ib = index_bits(bits);
    uint32_t token = (uint32_t)(handle >> ib);
    DWORD index = (DWORD)(handle & ((UINT64_C(1) << ib) - 1));
    struct nbi_snapshot *found = NULL;
    *snapshot = NULL;
    if (handle) {
        nbi_mutex_lock(&table_lock);
        for (unsigned i = 0; i < NBI_RESUME_SLOTS; i++) {
            struct nbi_snapshot *s = table[i];
            if (s && s->token == token && s->kind == kind && same_key(s->key, key) &&
                index <= netapibuf_packer_count(s->data)) {
                found = s;
                table[i] = NULL; /* ours alone until released */
                break;
            }
        }
        nbi_mutex_unlock(&table_lock);
    }
    if (!found) {
        /* New enumeration, or its snapshot was evicted: one full walk. */
        NET_API_STATUS st = build(kind, key, ctx, &found);
        if (st != NERR_Success)
            return st;
        nbi_mutex_lock(&table_lock);
        found->token = new_token(bits);
        nbi_mutex_unlock(&table_lock);
    }
    DWORD count = netapibuf_packer_count(found->data);
    *start = index < count ? index : count;
    *snapshot = found;
    return NERR_Success;
}

const netapibuf_packer *nbi_snapshot_packer(const struct nbi_snapshot *s)
{
    return s->data;
}

DWORD nbi_snapshot_count(const struct nbi_snapshot *s)
{
    return netapibuf_packer_count(s->data);
}

void nbi_snapshot_get(const struct nbi_snapshot *s, DWORD i, void *record,
                      struct nbi_packer_cursor *cursor)
{
    nbi_packer_get(s->data, i, record, cursor);
}

NET_API_STATUS nbi_resume_release(struct nbi_snapshot *s, DWORD next, unsigned bits,
                                  uint64_t *handle)
{
    *handle = 0;
    if (!s)
        return NERR_Success;
    unsigned ib = index_bits(bits);
    if (next >= netapibuf_packer_count(s->data)) {
        snapshot_free(s);
        return NERR_Success;
    }
    if ((uint64_t)next >> ib) {
        snapshot_free(s);
        return NERR_InternalError;
    }
    struct nbi_snapshot *evicted = NULL;
    nbi_mutex_lock(&table_lock);
    unsigned slot = 0;
    for (unsigned i = 0; i < NBI_RESUME_SLOTS; i++) {
        if (!table[i]) {
            slot = i;
            break;
        }
        if (table[i]->last_used < table[slot]->last_used)
            slot = i;
    }
    evicted = table[slot];
    s->last_used = ++table_clock;
    table[slot] = s;
    nbi_mutex_unlock(&table_lock);
    snapshot_free(evicted); /* outside the lock: freeing a big snapshot takes a while */
    *handle = ((uint64_t)s->token << ib) | next;
    return NERR_Success;
}

void nbi_resume_flush(void)
{
    struct nbi_snapshot *old[NBI_RESUME_SLOTS];
    nbi_mutex_lock(&table_lock);
    memcpy(old, table, sizeof old);
    memset(table, 0, sizeof table);
    nbi_mutex_unlock(&table_lock);
    for (unsigned i = 0; i < NBI_RESUME_SLOTS; i++)
        snapshot_free(old[i]);
}

unsigned nbi_resume_stored(void)
{
    unsigned n = 0;
    nbi_mutex_lock(&table_lock);
    for (unsigned i = 0; i < NBI_RESUME_SLOTS; i++)
        n += table[i] != NULL;
    nbi_mutex_unlock(&table_lock);
    return n;
}
