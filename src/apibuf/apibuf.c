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

/* A new buffer of n bytes from the system, stamped and counted, or NULL.
   The slow half of allocation: the cache had nothing for this size. */
static NBI_NOINLINE void *buffer_create_slow(struct nbi_thread *t, uint64_t n)
{
    int saved_errno = errno;
    struct nbi_header *h = nbi_sys_malloc(nbi_block_capacity(n));
    errno = saved_errno;
    if (NBI_UNLIKELY(!h))
        return NULL;
    void *user = nbi_user_of(h);
    if (nbi_may_be_unmapped(user))
        nbi_unmapped_forget(user); /* a new buffer starts here */
    nbi_header_stamp(user, n);
    nbi_asan_poison((unsigned char *)user + n, nbi_block_capacity(n) - NBI_HEADER_SIZE - n);
    nbi_count_create(t, n);
    return user;
}

/* A new buffer of n bytes, stamped and counted, or NULL. */
static NBI_ALWAYS_INLINE void *buffer_create(struct nbi_thread *t, uint64_t n)
{
    unsigned c = nbi_size_class(n);
    struct nbi_header *h;
    if (NBI_LIKELY(t && c) && (h = nbi_cache_take(&t->cache, c)) != NULL) {
        void *user = nbi_user_of(h);
        nbi_asan_unpoison(user, n);
        nbi_asan_poison((unsigned char *)user + n, nbi_class_bytes(c) - n);
        nbi_header_stamp(user, n);
        nbi_count_create(t, n);
        return user;
    }
    return buffer_create_slow(t, n);
}

/* Release a live buffer: destroy its tag first, so no stale copy of the
   pointer passes the check while the block is cached or reused. */
static NBI_ALWAYS_INLINE void buffer_release(struct nbi_thread *t, void *user)
{
    struct nbi_header *h = nbi_header_of(user);
    uint64_t size = nbi_header_size(user);
    nbi_header_release(user);
    nbi_count_release(t, size);
    unsigned c = nbi_size_class(size);
    if (NBI_LIKELY(t && c) && nbi_cache_put(&t->cache, c, h))
        return;
    nbi_block_to_system(h);
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

/* The calling thread's record, after the process-wide set-up: the slow
   start of a thread's first call (and of every call of a thread whose
   record is gone). */
static NBI_NOINLINE struct nbi_thread *self_after_init(void)
{
    nbi_ensure_init();
    return nbi_self();
}

/*
 * Each function hands over to strict.c first thing, as a tail call.
 * Before the first-call set-up nbi_out_of_line() reads 0, so a function
 * that ran the set-up (self_after_init, nbi_ensure_init) looks again.
 */
NBI_EXPORT NET_API_STATUS NetApiBufferAllocate(DWORD ByteCount, LPVOID *Buffer)
{
    if (NBI_UNLIKELY(!Buffer))
        return ERROR_INVALID_PARAMETER;
    if (NBI_UNLIKELY(nbi_out_of_line()))
        return nbi_strict_allocate(ByteCount, Buffer);
    struct nbi_thread *t = nbi_tls;
    if (NBI_UNLIKELY(!t)) {
        t = self_after_init();
        if (nbi_out_of_line())
            return nbi_strict_allocate(ByteCount, Buffer);
    }
    void *user = buffer_create(t, ByteCount);
    *Buffer = user;
    return NBI_LIKELY(user != NULL) ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

/* Windows and Wine export the allocator under this internal name too. */
NBI_EXPORT NET_API_STATUS NetapipBufferAllocate(DWORD ByteCount, LPVOID *Buffer)
{
    return NetApiBufferAllocate(ByteCount, Buffer);
}

NBI_EXPORT NET_API_STATUS NetApiBufferFree(LPVOID Buffer)
{
    if (!Buffer)
        return NERR_Success;
    if (NBI_UNLIKELY(nbi_out_of_line()))
        return nbi_strict_free(Buffer);
    struct nbi_thread *t = nbi_tls;
    if (NBI_UNLIKELY(!t)) {
        t = self_after_init();
        if (nbi_out_of_line())
            return nbi_strict_free(Buffer);
    }
    if (released_unmapped(Buffer))
        return reject_released("NetApiBufferFree", Buffer);
    if (NBI_UNLIKELY(!buffer_is_live(Buffer)))
        return reject("NetApiBufferFree", Buffer);
    buffer_release(t, Buffer);
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS NetApiBufferSize(LPVOID Buffer, LPDWORD ByteCount)
{
    if (!Buffer || !ByteCount)
        return ERROR_INVALID_PARAMETER;
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

/* Resize a live buffer to n > 0 bytes; on failure it is left as it was. */
static NET_API_STATUS buffer_resize(struct nbi_thread *t, void *old_user, DWORD n,
                                    LPVOID *NewBuffer)
{
    struct nbi_header *h = nbi_header_of(old_user);
    uint64_t old_size = nbi_header_size(old_user);
    size_t capacity = nbi_block_capacity(n) - NBI_HEADER_SIZE;
    if (nbi_block_capacity(old_size) == nbi_block_capacity(n)) {
        nbi_header_stamp(old_user, n); /* same class: the block already fits */
        nbi_asan_unpoison(old_user, n);
        nbi_asan_poison((unsigned char *)old_user + n, capacity - n);
        nbi_count_resize(t, old_size, n, 0);
        *NewBuffer = old_user;
        return NERR_Success;
    }
    /* Destroy the tag before realloc: if the block moves, the old address
       must not pass the check, even where its memory is left untouched. */
    nbi_header_release(old_user);
    int saved_errno = errno;
    struct nbi_header *moved = nbi_sys_realloc(h, nbi_block_capacity(n));
    errno = saved_errno;
    if (NBI_UNLIKELY(!moved)) {
        nbi_header_stamp(old_user, old_size); /* still valid, still ours */
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    void *user = nbi_user_of(moved);
    if (user != old_user && nbi_may_be_unmapped(user))
        nbi_unmapped_forget(user);
    if (user != old_user && nbi_may_be_unmapped(old_user))
        nbi_unmapped_remember(old_user); /* realloc may have unmapped it */
    nbi_header_stamp(user, n);
    nbi_asan_unpoison(user, n);
    nbi_asan_poison((unsigned char *)user + n, capacity - n);
    nbi_count_resize(t, old_size, n, user != old_user);
    *NewBuffer = user;
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS NetApiBufferReallocate(LPVOID OldBuffer, DWORD NewByteCount,
                                                 LPVOID *NewBuffer)
{
    if (!NewBuffer)
        return ERROR_INVALID_PARAMETER;
    struct nbi_thread *t = nbi_tls;
    if (NBI_UNLIKELY(!t))
        t = self_after_init();
    if (NBI_UNLIKELY(nbi_out_of_line()))
        return nbi_strict_reallocate(OldBuffer, NewByteCount, NewBuffer);

    if (!OldBuffer) {
        if (NewByteCount == 0) {
            *NewBuffer = NULL;
            return NERR_Success;
        }
        void *user = buffer_create(t, NewByteCount);
        *NewBuffer = user; /* as NetApiBufferAllocate: NULL on failure */
        return user ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
    }
    if (released_unmapped(OldBuffer))
        return reject_released("NetApiBufferReallocate", OldBuffer);
    if (!buffer_is_live(OldBuffer))
        return reject("NetApiBufferReallocate", OldBuffer);
    if (NewByteCount == 0) {
        buffer_release(t, OldBuffer);
        *NewBuffer = NULL;
        return NERR_Success;
    }
    return buffer_resize(t, OldBuffer, NewByteCount, NewBuffer);
}
