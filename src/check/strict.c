/* strict.c — the four functions in strict mode: registry, canary, poison. */
#include "check/strict.h"

#include <errno.h>
#include <string.h>

#include <lmerr.h>
#include <netapibuf.h>

#include "block/block.h"
#include "platform/debugger.h"
#include "check/leaks.h"
#include "check/misuse.h"
#include "check/quarantine.h"
#include "check/registry.h"
#include "block/sizeclass.h"
#include "platform/sysalloc.h"

/* Bytes of system memory for a strict buffer of n bytes in class c (0:
   sized exactly), 0 on overflow. */
static size_t strict_block_bytes(uint64_t n, unsigned c)
{
    if (c)
        n = nbi_class_bytes(c);
    if (n > SIZE_MAX - NBI_HEADER_SIZE - NBI_CANARY_SIZE)
        return 0;
    return (size_t)n + NBI_HEADER_SIZE + NBI_CANARY_SIZE;
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

/* Reads bytes a debugger guards, on purpose: the canary is off-limits to
   the caller, so it is opened for the read. */
static NBI_NO_ASAN NBI_NOINLINE int canary_intact_watched(const void *user, uint64_t n)
{
    const unsigned char *at = (const unsigned char *)user + n;
    uint64_t seen;
    nbi_dbg_open(at, NBI_CANARY_SIZE);
    __builtin_memcpy(&seen, at, sizeof seen);
    nbi_dbg_close(at, NBI_CANARY_SIZE);
    return seen == canary_of(user);
}

static inline int canary_intact(const void *user, uint64_t n)
{
#ifdef NBI_ASAN
    return canary_intact_watched(user, n);
#else
    if (NBI_UNLIKELY(nbi_on_valgrind))
        return canary_intact_watched(user, n);
    uint64_t seen;
    memcpy(&seen, (const unsigned char *)user + n, sizeof seen);
    return seen == canary_of(user);
#endif
}

/*
 * Fill the first n bytes at p (at most NBI_FILL_MAX) with pattern.  Up to
 * 64 bytes, the common size of a network-management buffer, it is two
 * overlapping stores of a fixed size, which the compiler makes inline.
 */
static inline void fill(void *p, int pattern, uint64_t n)
{
    unsigned char *b = p;
    if (n >= 32 && n <= 64) {
        memset(b, pattern, 32);
        memset(b + n - 32, pattern, 32);
    } else if (n >= 16 && n < 32) {
        memset(b, pattern, 16);
        memset(b + n - 16, pattern, 16);
    } else {
        memset(b, pattern, n < NBI_FILL_MAX ? (size_t)n : NBI_FILL_MAX);
    }
}

/* Copy copy_n bytes from copy_from to a new buffer of n bytes at user and
   fill the rest. */
static inline void buffer_contents(void *user, uint64_t n, const void *copy_from, uint64_t copy_n)
{
    if (copy_n)
        memcpy(user, copy_from, copy_n);
    if (n > copy_n)
        fill((unsigned char *)user + copy_n, NBI_FILL_NEW, n - copy_n);
}

/* buffer_new's way when no quarantined block fits: a block from the
   system and a new registry entry; this is also the way under a debugger,
   so the annotations are here. */
static NBI_NOINLINE void *buffer_from_system(struct nbi_thread *t, unsigned c, uint64_t n,
                                             const void *copy_from, uint64_t copy_n)
{
    size_t bytes = strict_block_bytes(n, c);
    if (!bytes)
        return NULL;
    int saved_errno = errno;
    struct nbi_header *h = nbi_sys_malloc(bytes);
    errno = saved_errno;
    if (!h)
        return NULL;
    void *user = nbi_user_of(h);
    canary_write(user, n);

    struct nbi_shard *s = nbi_registry_enter(nbi_visitor_of(t), user);
    int registered = nbi_shard_insert(s, user, n) == 0;
    nbi_registry_leave(nbi_visitor_of(t), s);
    if (!registered) {
        nbi_sys_free(h);
        return NULL;
    }
    /* Handed out before the copy, so valgrind copies the old bytes'
       definedness along; the fresh bytes are filled yet undefined to it. */
    nbi_dbg_handed_out(user, n, NBI_HEADER_SIZE, NBI_CANARY_SIZE);
    buffer_contents(user, n, copy_from, copy_n);
    if (n > copy_n)
        nbi_dbg_undefined((unsigned char *)user + copy_n, n - copy_n);
    return user;
}

/*
 * A new registered buffer of n bytes, its first copy_n bytes copied from
 * copy_from, the rest filled; NULL when memory (for the block or the
 * registry) runs out.  Not counted.  The common way: the thread's oldest
 * quarantined block is of the class, and its released entry comes back to
 * life (no debugger watches: quarantine.h).
 */
static NBI_ALWAYS_INLINE void *buffer_new(struct nbi_thread *t, uint64_t n,
                                          const void *copy_from, uint64_t copy_n)
{
    unsigned c = nbi_quarantine_class(n);
    uint32_t slot = 0;
    struct nbi_header *h = t && c ? nbi_quarantine_take(t, c, &slot) : NULL;
    if (NBI_UNLIKELY(!h))
        return buffer_from_system(t, c, n, copy_from, copy_n);
    void *user = nbi_user_of(h);
    /* The block is this thread's until its entry is live again. */
    canary_write(user, n);
    buffer_contents(user, n, copy_from, copy_n);
    struct nbi_shard *s = nbi_registry_enter(nbi_visitor_of(t), user);
    struct nbi_entry *e = nbi_shard_find_at(s, user, slot);
    if (NBI_LIKELY(e))
        nbi_entry_revive(e, n);
    nbi_registry_leave(nbi_visitor_of(t), s);
    if (NBI_UNLIKELY(!e)) { /* cannot happen (quarantine.h's invariant); stay safe */
        nbi_sys_free(h);
        return buffer_from_system(t, c, n, copy_from, copy_n);
    }
    return user;
}

/*
 * Inside s: the buffer of live (or, for Reallocate, already released)
 * entry e is being released.  Its entry stays, released, when the block
 * will wait in t's quarantine; otherwise it goes.  Returns the class to
 * quarantine the block under, 0 to give it back to the system.
 */
static inline unsigned entry_retire(struct nbi_thread *t, struct nbi_shard *s,
                                    struct nbi_entry *e, const void *user, uint64_t n)
{
    unsigned c = t ? nbi_quarantine_class(n) : 0;
    if (NBI_LIKELY(c)) {
        nbi_entry_release(e);
    } else {
        nbi_shard_remove(s, e);
        nbi_shard_note_released(s, user);
    }
    return c;
}

/* After entry_retire, outside the shard: poison the released buffer's
   bytes and put its block away (class c, its entry at registry slot
   `slot`; or c = 0: back to the system). */
static inline void block_retire(struct nbi_thread *t, unsigned c, uint32_t slot, void *user,
                                uint64_t n)
{
    fill(user, NBI_FILL_RELEASED, n);
    nbi_dbg_taken_back(user, n);
    struct nbi_header *h = nbi_header_of(user);
    nbi_dbg_open(h, NBI_HEADER_SIZE); /* the system allocator's to use now */
    if (NBI_LIKELY(c))
        nbi_quarantine_put(t, c, h, slot);
    else
        nbi_sys_free(h); /* glibc's free keeps errno */
}

/* Inside s, at the live entry e of the intact buffer user (n bytes):
   release it (Free, and Reallocate to 0 bytes), leaving the shard. */
static inline void release_inside(struct nbi_thread *t, struct nbi_shard *s,
                                  struct nbi_entry *e, void *user, uint64_t n)
{
    uint32_t slot = nbi_shard_slot(s, e);
    unsigned c = entry_retire(t, s, e, user, n);
    nbi_registry_leave(nbi_visitor_of(t), s);
    nbi_count_release(t, n);
    block_retire(t, c, slot, user, n);
}

/*
 * Buffers with a smashed canary: never freed, and kept reachable here so
 * leak checkers do not count the deliberate leak as a lost block.
 */
#define CONDEMNED_KEPT 256u
static void *condemned[CONDEMNED_KEPT];
static unsigned condemned_count;

/* Inside s: drop the smashed buffer's entry; then leave and report. */
static NBI_NOINLINE NET_API_STATUS condemn(struct nbi_thread *t, struct nbi_shard *s,
                                           struct nbi_entry *e, const char *function,
                                           void *user, uint64_t n)
{
    nbi_shard_remove(s, e);
    nbi_registry_leave(nbi_visitor_of(t), s);
    unsigned i = __atomic_fetch_add(&condemned_count, 1, __ATOMIC_RELAXED);
    if (i < CONDEMNED_KEPT)
        condemned[i] = user;
    nbi_count_release(t, n); /* no longer a live buffer */
    return nbi_misuse(function, user, NETAPIBUF_MISUSE_OVERRUN, n);
}

/*
 * Report a pointer that is not a live buffer, classified; released: its
 * entry says it was released (its block waits in a quarantine, so no live
 * buffer can contain it).  What is true now comes before history: an
 * address inside a live buffer is interior even when a buffer that once
 * started there is among its shard's last releases.
 */
static NBI_NOINLINE NET_API_STATUS strict_reject(struct nbi_thread *t, const char *function,
                                                 const void *p, int released)
{
    enum netapibuf_misuse_kind kind = NETAPIBUF_MISUSE_UNKNOWN_POINTER;
    uint64_t size = 0;
    if (!nbi_is_aligned(p)) {
        kind = NETAPIBUF_MISUSE_UNALIGNED_POINTER;
    } else if (released) {
        kind = NETAPIBUF_MISUSE_RELEASED_POINTER;
    } else if (nbi_registry_containing(nbi_visitor_of(t), p, &size)) {
        kind = NETAPIBUF_MISUSE_INTERIOR_POINTER;
    } else {
        struct nbi_shard *s = nbi_registry_enter(nbi_visitor_of(t), p);
        if (nbi_shard_was_released(s, p))
            kind = NETAPIBUF_MISUSE_RELEASED_POINTER;
        nbi_registry_leave(nbi_visitor_of(t), s);
    }
    return nbi_misuse(function, p, kind, 0);
}

static NBI_ALWAYS_INLINE NET_API_STATUS strict_allocate(struct nbi_thread *t, DWORD n,
                                                        LPVOID *out)
{
    void *user = buffer_new(t, n, NULL, 0);
    *out = user;
    if (NBI_UNLIKELY(!user))
        return ERROR_NOT_ENOUGH_MEMORY;
    nbi_count_create(t, n);
    return NERR_Success;
}

NET_API_STATUS nbi_strict_allocate(DWORD n, LPVOID *out)
{
    return strict_allocate(nbi_self(), n, out);
}

NET_API_STATUS nbi_strict_free(LPVOID user)
{
    static const char function[] = "NetApiBufferFree";
    struct nbi_thread *t = nbi_self();
    struct nbi_shard *s = nbi_registry_enter(nbi_visitor_of(t), user);
    struct nbi_entry *e = nbi_shard_find(s, user);
    if (NBI_UNLIKELY(!e || !nbi_entry_is_live(e))) {
        nbi_registry_leave(nbi_visitor_of(t), s);
        return strict_reject(t, function, user, e != NULL);
    }
    uint64_t n = e->size;
    if (NBI_UNLIKELY(!canary_intact(user, n)))
        return condemn(t, s, e, function, user, n);
    release_inside(t, s, e, user, n);
    return NERR_Success;
}

NET_API_STATUS nbi_strict_size(LPVOID user, LPDWORD n)
{
    static const char function[] = "NetApiBufferSize";
    struct nbi_thread *t = nbi_self();
    struct nbi_shard *s = nbi_registry_enter(nbi_visitor_of(t), user);
    struct nbi_entry *e = nbi_shard_find(s, user);
    int live = e && nbi_entry_is_live(e);
    uint64_t size = live ? e->size : 0;
    int intact = live && canary_intact(user, size);
    nbi_registry_leave(nbi_visitor_of(t), s);
    if (!live)
        return strict_reject(t, function, user, e != NULL);
    if (!intact) /* reported; Free or Reallocate will condemn it */
        return nbi_misuse(function, user, NETAPIBUF_MISUSE_OVERRUN, size);
    *n = (DWORD)size;
    return NERR_Success;
}

NET_API_STATUS nbi_strict_reallocate(LPVOID old, DWORD n, LPVOID *out)
{
    static const char function[] = "NetApiBufferReallocate";
    struct nbi_thread *t = nbi_self();
    if (!old) {
        if (n == 0) {
            *out = NULL;
            return NERR_Success;
        }
        return strict_allocate(t, n, out);
    }
    struct nbi_shard *s = nbi_registry_enter(nbi_visitor_of(t), old);
    struct nbi_entry *e = nbi_shard_find(s, old);
    if (!e || !nbi_entry_is_live(e)) {
        nbi_registry_leave(nbi_visitor_of(t), s);
        return strict_reject(t, function, old, e != NULL);
    }
    uint64_t old_n = e->size;
    if (!canary_intact(old, old_n))
        return condemn(t, s, e, function, old, old_n);
    if (n == 0) {
        release_inside(t, s, e, old, old_n);
        *out = NULL;
        return NERR_Success;
    }
    /* From here this call owns old: a racing call sees a released buffer.
       Only this call brings the entry back or removes it. */
    nbi_entry_release(e);
    uint32_t slot = nbi_shard_slot(s, e);
    nbi_registry_leave(nbi_visitor_of(t), s);

    void *user = buffer_new(t, n, old, old_n < n ? old_n : n);
    s = nbi_registry_enter(nbi_visitor_of(t), old);
    e = nbi_shard_find_at(s, old, slot);
    slot = nbi_shard_slot(s, e);
    unsigned c = 0;
    if (!user)
        nbi_entry_revive(e, old_n); /* never fails: the entry stayed */
    else
        c = entry_retire(t, s, e, old, old_n);
    nbi_registry_leave(nbi_visitor_of(t), s);
    if (!user)
        return ERROR_NOT_ENOUGH_MEMORY; /* old untouched, *out unchanged */
    (void)nbi_count_resize(t, old_n, n, user != old); /* a new buffer: always moved */
    block_retire(t, c, slot, old, old_n);
    *out = user;
    return NERR_Success;
}

void nbi_strict_init(int report_leaks)
{
    if (report_leaks)
        nbi_leaks_report_at_exit();
}
