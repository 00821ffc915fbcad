/*
 * apibuf.c — layer 3: NetApiBufferAllocate, NetApiBufferFree,
 * NetApiBufferReallocate and NetApiBufferSize (docs/behaviour.md section 2).
 *
 * Each function checks its arguments before touching memory, checks a
 * buffer's tag (block.h) before trusting its header, and reports misuse
 * through misuse.c.  The common pair is served from the calling thread's
 * cache (cache.h) without a call into the system allocator; errno is saved
 * around the system allocator, which may set it even when it succeeds.
 * In strict mode (and under valgrind) each function hands over to strict.c
 * after one predictable branch on nbi_out_of_line().
 */
#include <errno.h>
#include <string.h>

#include <lmapibuf.h>
#include <lmerr.h>

#include "apibuf/init.h"
#include "block/block.h"
#include "block/cache.h"
#include "block/unmapped.h"
#include "check/config.h"
#include "check/misuse.h"
#include "check/stats.h"
#include "check/strict.h"
#include "platform/sysalloc.h"

/* A block of bytes from the system, errno kept, or NULL.  A new buffer
   starts at its address, which is then no released one (unmapped.h). */
static NBI_ALWAYS_INLINE struct nbi_header *block_from_system(size_t bytes)
{
    int saved_errno = errno;
    struct nbi_header *h = nbi_sys_malloc(bytes);
    errno = saved_errno;
    if (NBI_UNLIKELY(!h))
        return NULL;
    if (nbi_may_be_unmapped(nbi_user_of(h)))
        nbi_unmapped_forget(nbi_user_of(h));
    return h;
}

/* A new buffer of n bytes from the system, stamped and counted, or NULL.
   The slow half of allocation: the cache had nothing for this size. */
static NBI_NOINLINE void *buffer_create_slow(struct nbi_thread *t, uint64_t n)
{
    struct nbi_header *h = block_from_system(nbi_block_capacity(n));
    if (NBI_UNLIKELY(!h))
        return NULL;
    void *user = nbi_user_of(h);
    unsigned c = nbi_size_class(n);
    nbi_header_stamp(user, c ? nbi_header_word(n, c) : nbi_header_word_large(n, n));
    nbi_asan_poison((unsigned char *)user + n, nbi_block_capacity(n) - NBI_HEADER_SIZE - n);
    nbi_count_create(t, n);
    return user;
}

/* A new buffer of n bytes, stamped and counted, or NULL. */
static NBI_ALWAYS_INLINE void *buffer_create(struct nbi_thread *t, uint64_t n)
{
    unsigned c = nbi_size_class(n);
    struct nbi_header *h;
    if (NBI_LIKELY(t != NULL) && nbi_cache_take(&t->cache, c, &h)) {
        void *user = nbi_user_of(h);
        nbi_asan_unpoison(user, n);
        nbi_header_stamp(user, nbi_header_word(n, c));
        nbi_count_create(t, n);
        return user;
    }
    return buffer_create_slow(t, n);
}

/* The put the fast path could not make: a scavenge may be due (every
   NBI_SCAVENGE_PERIOD releases, cache.h), or class c's bin or the large budget is
   full.  Keep h after a scavenge if it then fits, else give it to the
   system. */
static NBI_NOINLINE void block_release_slow(struct nbi_thread *t, unsigned c,
                                            struct nbi_header *h, int scavenge_due)
{
    if (t) {
        int retry = 1;
        if (scavenge_due) {
            if (nbi_cache_scavenge_periodic(&t->cache))
                nbi_reclaim_idle(t); /* and other threads' caches, when idle */
        } else {
            retry = nbi_cache_over_budget(&t->cache, c);
        }
        if (retry && nbi_cache_put(&t->cache, c, h))
            return;
    }
    nbi_block_to_system(h);
}

/* Keep the released block h of class c in the cache, or give it to the
   system (block_release_slow). */
static NBI_ALWAYS_INLINE void block_release(struct nbi_thread *t, unsigned c,
                                            struct nbi_header *h, int scavenge_due)
{
    if (NBI_LIKELY(t != NULL && !scavenge_due) && nbi_cache_put(&t->cache, c, h))
        return;
    block_release_slow(t, c, h, scavenge_due);
}

/* Release a live buffer: destroy its tag first, so no stale copy of the
   pointer passes the check while the block is cached or reused. */
static NBI_ALWAYS_INLINE void buffer_release(struct nbi_thread *t, void *user)
{
    struct nbi_header *h = nbi_header_of(user);
    uint64_t word = nbi_header_word_of(user);
    nbi_header_release(user);
    block_release(t, nbi_word_class(word), h, nbi_count_release(t, nbi_word_size(word)));
}

/* The checks Free, Size and Reallocate make before trusting a pointer. */
static inline int buffer_is_live(const void *user)
{
    return nbi_is_aligned(user) && nbi_header_is_live(user);
}

static NBI_NOINLINE NET_API_STATUS reject(const char *function, const void *user)
{
    return nbi_misuse(function, user, nbi_classify_default(user, 0), 0);
}

/* Nonzero when user was released from a block whose pages may be gone:
   then its header must not be read. */
static inline int released_unmapped(const void *user)
{
    return NBI_UNLIKELY(nbi_may_be_unmapped(user)) && nbi_unmapped_recently_released(user);
}

/* Released from a block whose pages may be gone: its header is read only
   through the kernel, if at all (misuse.c). */
static NBI_NOINLINE NET_API_STATUS reject_released(const char *function, const void *user)
{
    return nbi_misuse(function, user, nbi_classify_default(user, 1), 0);
}

/*
 * For the slow paths of a thread whose nbi_fast.cache was NULL: the first
 * call (set-up, record), a cache a reclaimer has emptied (armed again),
 * strict mode or valgrind (NULL: nbi_out_of_line() says so), or a thread
 * without a record (NULL).  A record returned has its cache entered
 * (nbi_cache_enter); the caller leaves it.
 */
static NBI_NOINLINE struct nbi_thread *cache_enter_slow(void)
{
    nbi_cache_leave();
    nbi_ensure_init();
    if (nbi_out_of_line())
        return NULL;
    for (;;) {
        struct nbi_thread *t = nbi_tls;
        if (!t && !(t = nbi_self()))
            return NULL; /* no record: count in the shared totals, no cache */
        if (nbi_cache_enter())
            return t;
        nbi_cache_leave();
        nbi_cache_rearm(t);
    }
}

/* The calling thread's record with its cache entered, or NULL (see
   cache_enter_slow). */
static NBI_ALWAYS_INLINE struct nbi_thread *cache_enter(void)
{
    struct nbi_thread *t = nbi_cache_enter();
    return NBI_LIKELY(t != NULL) ? t : cache_enter_slow();
}

/*
 * Each function hands over to strict.c first thing: the fast paths find
 * nbi_fast.cache NULL in strict mode and under valgrind, and their slow
 * paths look at nbi_out_of_line() after the set-up (cache_enter_slow).
 */
/* Everything NetApiBufferAllocate does in the default mode but its common
   case: the first call of a thread, a size or a bin the cache cannot
   serve, a cache a reclaimer has emptied.  Reached through allocate_slow,
   which the fast path tail-calls, so the fast path saves no register and
   builds no frame. */
static NBI_NOINLINE NET_API_STATUS allocate_default_slow(DWORD ByteCount, LPVOID *Buffer)
{
    struct nbi_thread *t = cache_enter();
    if (NBI_UNLIKELY(!t) && nbi_out_of_line())
        return nbi_strict_allocate(ByteCount, Buffer);
    void *user = buffer_create(t, ByteCount);
    nbi_cache_leave();
    *Buffer = user;
    return NBI_LIKELY(user != NULL) ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

/* Strict mode's every call comes here: a function with no frame of its
   own, so the hand-over costs a load, a store and a jump. */
static NBI_NOINLINE NET_API_STATUS allocate_slow(DWORD ByteCount, LPVOID *Buffer)
{
    nbi_cache_leave();
    if (nbi_out_of_line())
        return nbi_strict_allocate(ByteCount, Buffer);
    return allocate_default_slow(ByteCount, Buffer);
}

/* A cache miss of a thread whose cache is in use (entered): a block from
   the system straight away, without the set-up's checks again. */
static NBI_NOINLINE NET_API_STATUS allocate_from_system(struct nbi_thread *t, DWORD ByteCount,
                                                        LPVOID *Buffer)
{
    /* The fast path's take missed in ByteCount's class; a zero-byte buffer,
       which it sent here without a look, is class 1's. */
    void *user = ByteCount ? buffer_create_slow(t, ByteCount) : buffer_create(t, 0);
    nbi_cache_leave();
    *Buffer = user;
    return NBI_LIKELY(user != NULL) ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

NBI_EXPORT NBI_HOT_PATH NET_API_STATUS NetApiBufferAllocate(DWORD ByteCount, LPVOID *Buffer)
{
    if (NBI_UNLIKELY(!Buffer))
        return ERROR_INVALID_PARAMETER;
    struct nbi_thread *t = nbi_cache_enter();
    /* the class is 64 bits wide, as the index it is, so that no copy is
       made to widen it: each register the fast path needs beyond the nine
       it may use freely costs a push and a pop on every call */
    uint64_t c = nbi_size_class_fast(ByteCount);
    struct nbi_header *h;
    if (NBI_UNLIKELY(!t))
        return allocate_slow(ByteCount, Buffer);
    if (NBI_UNLIKELY(!nbi_cache_take(&t->cache, c, &h)))
        return allocate_from_system(t, ByteCount, Buffer);
    void *user = nbi_user_of(h);
    nbi_asan_unpoison(user, ByteCount);
    nbi_header_stamp(user, nbi_header_word(ByteCount, c));
    nbi_count_create(t, ByteCount);
    nbi_cache_leave();
    *Buffer = user;
    return NERR_Success;
}

/* Windows and Wine export the allocator under this internal name too. */
NBI_EXPORT NET_API_STATUS NetapipBufferAllocate(DWORD ByteCount, LPVOID *Buffer)
{
    return NetApiBufferAllocate(ByteCount, Buffer);
}

/* The end of a Free whose put the fast path could not make: a tail call,
   so that the fast path keeps nothing across a call (and saves no
   register). */
static NBI_NOINLINE NET_API_STATUS free_put_slow(struct nbi_thread *t, uint64_t c,
                                                 struct nbi_header *h, int scavenge_due)
{
    block_release_slow(t, (unsigned)c, h, scavenge_due);
    nbi_cache_leave();
    return NERR_Success;
}

/* Everything NetApiBufferFree does but its common case (see allocate_slow). */
static NBI_NOINLINE NET_API_STATUS free_default_slow(LPVOID Buffer)
{
    struct nbi_thread *t = cache_enter();
    if (NBI_UNLIKELY(!t) && nbi_out_of_line())
        return nbi_strict_free(Buffer);
    NET_API_STATUS status = NERR_Success;
    if (released_unmapped(Buffer))
        status = reject_released("NetApiBufferFree", Buffer);
    else if (NBI_UNLIKELY(!buffer_is_live(Buffer)))
        status = reject("NetApiBufferFree", Buffer);
    else
        buffer_release(t, Buffer);
    nbi_cache_leave();
    return status;
}

/* As allocate_slow. */
static NBI_NOINLINE NET_API_STATUS free_slow(LPVOID Buffer)
{
    nbi_cache_leave();
    if (nbi_out_of_line())
        return nbi_strict_free(Buffer);
    return free_default_slow(Buffer);
}

NBI_EXPORT NBI_HOT_PATH NET_API_STATUS NetApiBufferFree(LPVOID Buffer)
{
    if (!Buffer)
        return NERR_Success;
    struct nbi_thread *t = nbi_cache_enter();
    /* an address whose pages may be gone before the header is read */
    if (NBI_UNLIKELY(!t || nbi_may_be_unmapped(Buffer) || !buffer_is_live(Buffer)))
        return free_slow(Buffer);
    struct nbi_header *h = nbi_header_of(Buffer);
    uint64_t word = nbi_header_word_of(Buffer);
    nbi_header_release(Buffer);
    int scavenge_due = nbi_count_release(t, nbi_word_size(word));
    uint64_t c = nbi_word_class(word);
    if (NBI_UNLIKELY(scavenge_due) || !nbi_cache_put(&t->cache, c, h))
        return free_put_slow(t, c, h, scavenge_due);
    nbi_cache_leave();
    return NERR_Success;
}

/* Everything NetApiBufferSize does but its common case. */
static NBI_NOINLINE NET_API_STATUS size_slow(LPVOID Buffer, LPDWORD ByteCount)
{
    nbi_ensure_init();
    if (NBI_UNLIKELY(nbi_out_of_line()))
        return nbi_strict_size(Buffer, ByteCount);
    if (released_unmapped(Buffer))
        return reject_released("NetApiBufferSize", Buffer);
    if (NBI_UNLIKELY(!buffer_is_live(Buffer)))
        return reject("NetApiBufferSize", Buffer);
    *ByteCount = (DWORD)nbi_header_size(Buffer);
    return NERR_Success;
}

NBI_EXPORT NBI_HOT_PATH NET_API_STATUS NetApiBufferSize(LPVOID Buffer, LPDWORD ByteCount)
{
    if (!Buffer || !ByteCount)
        return ERROR_INVALID_PARAMETER;
    /* Size touches no cache and needs no thread record: one flag says
       every buffer has a tagged header, and the header says the rest. */
    if (NBI_UNLIKELY(!nbi_tagged() || nbi_may_be_unmapped(Buffer) || !buffer_is_live(Buffer)))
        return size_slow(Buffer, ByteCount);
    *ByteCount = (DWORD)nbi_header_size(Buffer);
    return NERR_Success;
}

/* Bytes for the caller in the block of the buffer whose header word is
   word: its class's, or the room the word keeps for class 0 (block.h).
   Branch-free: class 0's entry in the table is 0, and classes keep no
   room bits. */
static inline uint64_t room_of(uint64_t word)
{
    return nbi_class_bytes(nbi_word_class(word)) + nbi_word_room_large(word);
}

/* Nonzero when a block of room bytes serves a buffer of n > 0 bytes: it
   holds n, and n fills at least half of it (so a big block does not stay
   behind a small buffer).  The block keeps its class, which says where it
   goes when released, whatever n's own class would be. */
static inline int room_serves(uint64_t room, uint64_t n)
{
    return n <= room && room - n <= n;
}

/* The resize that keeps the buffer where it is, in a block of room bytes
   (room_serves said so). */
static NBI_ALWAYS_INLINE void resize_in_place(struct nbi_thread *t, void *user, uint64_t word,
                                              uint64_t room, uint64_t n)
{
    /* the size field becomes n by adding the change, so that the old
       size need not stay live (no register is saved) */
    int64_t change = (int64_t)n - (int64_t)nbi_word_size(word);
    uint64_t grown = change > 0 ? NBI_WORD_GROWN : 0;
    nbi_header_stamp(user, ((word & ~NBI_WORD_GROWN) + (uint64_t)change) | grown);
    nbi_asan_unpoison(user, n);
    nbi_asan_poison((unsigned char *)user + n, room - n);
    nbi_count_bytes_changed(t, change);
}

/*
 * The largest buffer a resize copies itself.  A buffer of up to this many
 * bytes whose block no longer serves it moves to a block of its new class
 * taken from the thread's cache, and its old block goes to the cache, as
 * jemalloc and mimalloc move their small sizes: a copy of at most 512
 * bytes costs less than realloc's own work, and its block stays in the
 * cache for the next buffer of that size.  A larger buffer goes to
 * realloc, which grows it in place when it can and copies only when it
 * must.  docs/PERFORMANCE.md has the measurements (2 KiB was slower: a
 * block from the cache is rarely where realloc can grow it in place).
 */
#define NBI_MOVE_COPY_MAX 512u

/* The bytes to ask for when a buffer of old_word is resized to n outside
   its block: n, or 2n when this resize and the previous one both grew it
   (a doubling sequence, an appending writer): it then moves on every
   other step at most instead of every step, and a single growth gets no
   spare room. */
static inline uint64_t resize_want(uint64_t old_word, uint64_t n)
{
    return n > nbi_word_size(old_word) && (old_word & NBI_WORD_GROWN) ? 2 * n : n;
}

/* The header word of a buffer of n bytes resized from one of old_word,
   in a block of class c (0: past the classes, room bytes). */
static inline uint64_t resize_word(uint64_t old_word, uint64_t n, uint64_t c, uint64_t room)
{
    uint64_t grown = n > nbi_word_size(old_word) ? NBI_WORD_GROWN : 0;
    return (c ? nbi_header_word(n, c) : nbi_header_word_large(n, room)) | grown;
}

/*
 * The resize of a buffer of at most NBI_MOVE_COPY_MAX bytes to n bytes in
 * a block of class c (resize_want's bytes have that class): a block from
 * the cache (or the system, on a miss), the bytes copied, and the old
 * block released as Free releases it.  On failure the buffer is left as
 * it was.  Called inside the cache, which it leaves.
 */
static NBI_NOINLINE NET_API_STATUS resize_by_move(struct nbi_thread *t, void *old_user,
                                                  uint64_t old_word, uint64_t n, uint64_t c,
                                                  LPVOID *NewBuffer)
{
    struct nbi_header *h;
    if (!nbi_cache_take(&t->cache, c, &h) &&
        NBI_UNLIKELY(!(h = block_from_system(nbi_block_bytes(nbi_class_bytes(c)))))) {
        nbi_cache_leave();
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    void *user = nbi_user_of(h);
    uint64_t old_size = nbi_word_size(old_word);
    nbi_asan_unpoison(user, n);
    nbi_asan_poison((unsigned char *)user + n, nbi_class_bytes(c) - n);
    memcpy(user, old_user, old_size < n ? old_size : n);
    nbi_header_stamp(user, resize_word(old_word, n, c, 0));
    /* the old buffer goes as Free releases it, its tag destroyed first */
    nbi_header_release(old_user);
    int scavenge_due = nbi_count_resize(t, old_size, n, 1);
    block_release(t, nbi_word_class(old_word), nbi_header_of(old_user), scavenge_due);
    nbi_cache_leave();
    *NewBuffer = user;
    return NERR_Success;
}

/*
 * A resize the buffer's block does not serve: a small buffer moves through
 * the cache (resize_by_move), any other has its block resized by realloc
 * (in place when it can) to hold resize_want's bytes.  On failure the
 * buffer is left as it was.  Called inside the cache (nbi_cache_enter),
 * which it leaves, so that the fast path can tail-call it and keep no
 * frame.
 */
static NBI_NOINLINE NET_API_STATUS resize_elsewhere(struct nbi_thread *t, void *old_user,
                                                    uint64_t old_word, uint64_t n,
                                                    LPVOID *NewBuffer)
{
    uint64_t want = resize_want(old_word, n);
    unsigned c = nbi_size_class(want);
    if (c && t && nbi_word_size(old_word) <= NBI_MOVE_COPY_MAX)
        return resize_by_move(t, old_user, old_word, n, c, NewBuffer);
    uint64_t room = c ? nbi_class_bytes(c) : nbi_room_large(want);
    /* The new word goes in before realloc, under a released tag: from now
       on the old address fails the check, even where realloc leaves its
       memory untouched, and realloc carries the word to wherever the
       block goes (it is the block's first bytes), so that it need not be
       kept across the call. */
    nbi_header_stamp_released(old_user, resize_word(old_word, n, c, room));
    int *error = &errno;
    int saved_errno = *error;
    struct nbi_header *moved = room <= SIZE_MAX - NBI_HEADER_SIZE
                                   ? nbi_sys_realloc(nbi_header_of(old_user),
                                                     (size_t)room + NBI_HEADER_SIZE)
                                   : NULL;
    *error = saved_errno;
    if (NBI_UNLIKELY(!moved)) {
        nbi_header_stamp(old_user, old_word);
        nbi_cache_leave();
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    void *user = nbi_user_of(moved);
    if (user != old_user) {
        if (nbi_may_be_unmapped(user))
            nbi_unmapped_forget(user);
        if (nbi_may_be_unmapped(old_user))
            nbi_unmapped_remember(old_user); /* realloc may have unmapped it */
    }
    uint64_t word = nbi_header_word_of(user), size = nbi_word_size(word);
    nbi_header_stamp(user, word);
    nbi_asan_unpoison(user, size);
    nbi_asan_poison((unsigned char *)user + size, room_of(word) - size);
    (void)nbi_count_resize(t, nbi_word_size(old_word), size, user != old_user);
    nbi_cache_leave();
    *NewBuffer = user;
    return NERR_Success;
}

/* Resize the live buffer user to n > 0 bytes, inside the cache, which it
   leaves: in its block when the block serves, else elsewhere. */
static NBI_ALWAYS_INLINE NET_API_STATUS resize_live(struct nbi_thread *t, void *user, uint64_t n,
                                                    LPVOID *NewBuffer)
{
    uint64_t word = nbi_header_word_of(user), room = room_of(word);
    if (NBI_UNLIKELY(!room_serves(room, n)))
        return resize_elsewhere(t, user, word, n, NewBuffer);
    resize_in_place(t, user, word, room, n);
    nbi_cache_leave();
    *NewBuffer = user;
    return NERR_Success;
}

/* Everything NetApiBufferReallocate does but its common case (a live
   buffer resized to a nonzero size by a thread with a cache): the set-up,
   strict mode, a NULL or rejected buffer, a release to zero bytes. */
static NBI_NOINLINE NET_API_STATUS reallocate_slow(LPVOID OldBuffer, DWORD NewByteCount,
                                                   LPVOID *NewBuffer)
{
    nbi_cache_leave();
    struct nbi_thread *t = cache_enter();
    if (NBI_UNLIKELY(!t) && nbi_out_of_line())
        return nbi_strict_reallocate(OldBuffer, NewByteCount, NewBuffer);
    NET_API_STATUS status = NERR_Success;
    if (!OldBuffer) {
        void *user = NULL;
        if (NewByteCount != 0 && !(user = buffer_create(t, NewByteCount)))
            status = ERROR_NOT_ENOUGH_MEMORY;
        *NewBuffer = user; /* as NetApiBufferAllocate: NULL on failure */
    } else if (released_unmapped(OldBuffer)) {
        status = reject_released("NetApiBufferReallocate", OldBuffer);
    } else if (!buffer_is_live(OldBuffer)) {
        status = reject("NetApiBufferReallocate", OldBuffer);
    } else if (NewByteCount == 0) {
        buffer_release(t, OldBuffer);
        *NewBuffer = NULL;
    } else {
        return resize_live(t, OldBuffer, NewByteCount, NewBuffer);
    }
    nbi_cache_leave();
    return status;
}

/* The common resize stays in its block: the header is restamped and the
   counters moved, with no frame and no call; a resize the block does not
   serve goes to resize_elsewhere. */
NBI_EXPORT NBI_HOT_PATH NET_API_STATUS NetApiBufferReallocate(LPVOID OldBuffer, DWORD NewByteCount,
                                                              LPVOID *NewBuffer)
{
    if (NBI_UNLIKELY(!NewBuffer))
        return ERROR_INVALID_PARAMETER;
    struct nbi_thread *t = nbi_cache_enter();
    if (NBI_UNLIKELY(!t || !OldBuffer || !NewByteCount || nbi_may_be_unmapped(OldBuffer) ||
                     !buffer_is_live(OldBuffer)))
        return reallocate_slow(OldBuffer, NewByteCount, NewBuffer);
    return resize_live(t, OldBuffer, NewByteCount, NewBuffer);
}
