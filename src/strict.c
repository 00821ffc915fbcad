/* strict.c — the four functions in strict mode: registry, canary, poison. */
#include "strict.h"

#include <errno.h>
#include <string.h>

#include <lmerr.h>
#include <netapibuf.h>

#include "block.h"
#include "debugger.h"
#include "leaks.h"
#include "misuse.h"
#include "registry.h"
#include "sizeclass.h"
#include "state.h"
#include "sysalloc.h"

/*
 * Blocks of up to 64 KiB pass through the quarantine (stats.h), so they are
 * sized by class, as the cache's: any buffer of the class can reuse one, and
 * a buffer just released is not handed out again at once (a stale pointer
 * to it stays "released" even after more allocations of its size).
 * Not under valgrind or ASan, which keep released memory away from reuse
 * themselves and must see every release.
 */
#define QUARANTINE_CLASS_MAX (NBI_CLASS_COUNT - 1u)

static inline unsigned quarantine_class(const struct nbi_thread *t, uint64_t n)
{
#ifdef NBI_ASAN
    (void)t, (void)n;
    return 0;
#else
    unsigned c = nbi_size_class(n);
    return t && c <= QUARANTINE_CLASS_MAX && !nbi_on_valgrind ? c : 0;
#endif
}

/* Bytes of system memory for a strict buffer of n bytes, 0 on overflow. */
static size_t strict_block_bytes(uint64_t n, unsigned c)
{
    if (c)
        n = nbi_class_bytes(c);
    if (n > SIZE_MAX - NBI_HEADER_SIZE - NBI_CANARY_SIZE)
        return 0;
    return (size_t)n + NBI_HEADER_SIZE + NBI_CANARY_SIZE;
}

/* The oldest quarantined block when it is of class c, else NULL. */
static inline struct nbi_header *quarantine_take(struct nbi_thread *t, unsigned c)
{
    if (!c)
        return NULL;
    struct nbi_quarantine *q = &t->quarantine;
    struct nbi_header *h = q->block[q->next];
    if (!h || q->cls[q->next] != c)
        return NULL;
    q->block[q->next] = NULL;
    return h;
}

/* Quarantine a released block of class c (or free it when c is 0); the
   oldest quarantined block goes back to the system. */
static inline void quarantine_put(struct nbi_thread *t, unsigned c, struct nbi_header *h)
{
    if (!c) {
        nbi_sys_free(h); /* glibc's free keeps errno */
        return;
    }
    struct nbi_quarantine *q = &t->quarantine;
    struct nbi_header *oldest = q->block[q->next];
    q->block[q->next] = h;
    q->cls[q->next] = (uint8_t)c;
    q->next = (q->next + 1) % NBI_QUARANTINE;
    nbi_sys_free(oldest);
}

/*
 * The canary of the buffer at user: 8 bytes keyed by the address and the
 * secret, every byte forced even and into 0x80..0xFE.  So an overrun that
 * writes a zero, an ASCII character, 0xFF or a fill pattern (all odd or
 * below 0x80) always changes it, and any other value does with probability
 * 63/64 per byte.
 */
static inline uint64_t canary_of(const void *user)
{
    uint64_t x = ((uint64_t)(uintptr_t)user ^ nbi_secret.released) * 0xd6e8feb86659fd93ULL;
    x ^= x >> 29;
    return (x | 0x8080808080808080ULL) & ~0x0101010101010101ULL;
}

static inline void canary_write(void *user, uint64_t n)
{
    uint64_t c = canary_of(user);
    memcpy((unsigned char *)user + n, &c, sizeof c);
}

/* Reads poisoned bytes on purpose: the canary is off-limits to the caller. */
static NBI_NO_ASAN int canary_intact(const void *user, uint64_t n)
{
    const unsigned char *at = (const unsigned char *)user + n;
    uint64_t seen;
    nbi_dbg_open(at, NBI_CANARY_SIZE);
    __builtin_memcpy(&seen, at, sizeof seen);
    nbi_dbg_close(at, NBI_CANARY_SIZE);
    return seen == canary_of(user);
}

static void fill(void *user, int pattern, uint64_t n)
{
    memset(user, pattern, n < NBI_FILL_MAX ? (size_t)n : NBI_FILL_MAX);
}

/*
 * A new registered block of n bytes, filled, its first copy_n bytes copied
 * from copy_from; NULL when memory (for the block or the registry) runs
 * out.  Not counted, not yet announced to a debugger.
 */
static void *block_new(struct nbi_thread *t, uint64_t n, const void *copy_from, uint64_t copy_n)
{
    unsigned c = quarantine_class(t, n);
    struct nbi_header *h = quarantine_take(t, c);
    if (!h) {
        size_t bytes = strict_block_bytes(n, c);
        if (!bytes)
            return NULL;
        int saved_errno = errno;
        h = nbi_sys_malloc(bytes);
        errno = saved_errno;
        if (!h)
            return NULL;
    }
    void *user = nbi_user_of(h);
    canary_write(user, n);
    nbi_header_stamp(user, n);

    struct nbi_shard *s = nbi_registry_lock(user);
    int registered = nbi_shard_insert(s, user, n) == 0;
    nbi_registry_unlock(s);
    if (!registered) {
        quarantine_put(t, c, h);
        return NULL;
    }
    /* Handed out before the copy, so valgrind copies the old bytes'
       definedness along; the fresh bytes are filled yet undefined to it. */
    nbi_dbg_handed_out(user, n, NBI_HEADER_SIZE, NBI_CANARY_SIZE);
    if (copy_n)
        memcpy(user, copy_from, copy_n);
    if (n > copy_n) {
        fill((unsigned char *)user + copy_n, NBI_FILL_NEW, n - copy_n);
        nbi_dbg_undefined((unsigned char *)user + copy_n, n - copy_n);
    }
    return user;
}

/* Give a buffer already removed from the registry back (quarantine). */
static void block_retire(struct nbi_thread *t, void *user, uint64_t n)
{
    fill(user, NBI_FILL_RELEASED, n);
    nbi_dbg_taken_back(user, n);
    struct nbi_header *h = nbi_header_of(user);
    nbi_dbg_open(h, NBI_HEADER_SIZE);
    nbi_header_release(user);
    quarantine_put(t, quarantine_class(t, n), h);
}

/*
 * Buffers with a smashed canary: never freed, and kept reachable here so
 * leak checkers do not count the deliberate leak as a lost block.
 */
#define CONDEMNED_KEPT 256u
static void *condemned[CONDEMNED_KEPT];
static unsigned condemned_count;

static NET_API_STATUS condemn(struct nbi_thread *t, const char *function, void *user, uint64_t n)
{
    unsigned i = __atomic_fetch_add(&condemned_count, 1, __ATOMIC_RELAXED);
    if (i < CONDEMNED_KEPT)
        condemned[i] = user;
    nbi_count_release(t, n); /* no longer a live buffer */
    return nbi_misuse(function, user, NETAPIBUF_MISUSE_OVERRUN, n);
}

/* Report a pointer the registry does not know, classified. */
static NET_API_STATUS strict_reject(const char *function, const void *p)
{
    enum netapibuf_misuse_kind kind = NETAPIBUF_MISUSE_UNKNOWN_POINTER;
    uint64_t size = 0;
    if (!nbi_is_aligned(p)) {
        kind = NETAPIBUF_MISUSE_UNALIGNED_POINTER;
    } else {
        struct nbi_shard *s = nbi_registry_lock(p);
        int released = nbi_shard_was_released(s, p);
        nbi_registry_unlock(s);
        if (released)
            kind = NETAPIBUF_MISUSE_RELEASED_POINTER;
        else if (nbi_registry_containing(p, &size))
            kind = NETAPIBUF_MISUSE_INTERIOR_POINTER;
    }
    return nbi_misuse(function, p, kind, 0);
}

NET_API_STATUS nbi_strict_allocate(struct nbi_thread *t, DWORD n, LPVOID *out)
{
    void *user = block_new(t, n, NULL, 0);
    *out = user;
    if (!user)
        return ERROR_NOT_ENOUGH_MEMORY;
    nbi_count_create(t, n);
    return NERR_Success;
}

NET_API_STATUS nbi_strict_free(struct nbi_thread *t, LPVOID user)
{
    struct nbi_shard *s = nbi_registry_lock(user);
    struct nbi_entry *e = nbi_shard_find(s, user);
    if (!e) {
        nbi_registry_unlock(s);
        return strict_reject("NetApiBufferFree", user);
    }
    uint64_t n = e->size;
    int intact = canary_intact(user, n);
    nbi_shard_remove(s, e);
    if (intact)
        nbi_shard_note_released(s, user);
    nbi_registry_unlock(s);
    if (!intact)
        return condemn(t, "NetApiBufferFree", user, n);
    nbi_count_release(t, n);
    block_retire(t, user, n);
    return NERR_Success;
}

NET_API_STATUS nbi_strict_size(LPVOID user, LPDWORD n)
{
    struct nbi_shard *s = nbi_registry_lock(user);
    struct nbi_entry *e = nbi_shard_find(s, user);
    uint64_t size = e ? e->size : 0;
    int intact = e && canary_intact(user, size);
    nbi_registry_unlock(s);
    if (!e)
        return strict_reject("NetApiBufferSize", user);
    if (!intact) /* reported; Free or Reallocate will condemn it */
        return nbi_misuse("NetApiBufferSize", user, NETAPIBUF_MISUSE_OVERRUN, size);
    *n = (DWORD)size;
    return NERR_Success;
}

NET_API_STATUS nbi_strict_reallocate(struct nbi_thread *t, LPVOID old, DWORD n, LPVOID *out)
{
    static const char function[] = "NetApiBufferReallocate";
    if (!old) {
        if (n == 0) {
            *out = NULL;
            return NERR_Success;
        }
        return nbi_strict_allocate(t, n, out);
    }
    struct nbi_shard *s = nbi_registry_lock(old);
    struct nbi_entry *e = nbi_shard_find(s, old);
    if (!e) {
        nbi_registry_unlock(s);
        return strict_reject(function, old);
    }
    uint64_t old_n = e->size;
    int intact = canary_intact(old, old_n);
    /* From here this call owns old: a racing call sees it as unknown. */
    nbi_shard_remove(s, e);
    if (intact && n == 0)
        nbi_shard_note_released(s, old);
    nbi_registry_unlock(s);
    if (!intact)
        return condemn(t, function, old, old_n);
    if (n == 0) {
        nbi_count_release(t, old_n);
        block_retire(t, old, old_n);
        *out = NULL;
        return NERR_Success;
    }

    void *user = block_new(t, n, old, old_n < n ? old_n : n);
    s = nbi_registry_lock(old);
    if (!user)
        (void)nbi_shard_insert(s, old, old_n); /* cannot fail: its slot was just freed */
    else
        nbi_shard_note_released(s, old);
    nbi_registry_unlock(s);
    if (!user)
        return ERROR_NOT_ENOUGH_MEMORY; /* old untouched, *out unchanged */
    nbi_count_resize(t, old_n, n);
    block_retire(t, old, old_n);
    *out = user;
    return NERR_Success;
}

void nbi_strict_init(int report_leaks)
{
    if (report_leaks)
        nbi_leaks_report_at_exit();
}
