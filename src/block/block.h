/*
 * block.h — layer 1: the format of a NetApiBuffer in the default mode.
 *
 * Every buffer is one block from the system allocator with a 16-byte header
 * in front of the bytes the caller gets:
 *
 *   block (from malloc)                user pointer, 16-aligned
 *   |                                  |
 *   v                                  v
 *   +-----------------+----------------+-------------------------------+
 *   | word  (8 bytes) | tag  (8 bytes) | size bytes for the caller ... |
 *   +-----------------+----------------+-------------------------------+
 *   \______ struct nbi_header _________/
 *
 *   word:  bits 0..31  size, the exact byte count last requested (what
 *                      NetApiBufferSize reports; a DWORD, as every size)
 *          bits 32..39 the size class of the block (sizeclass.h; 0: a block
 *                      from the system not in any class, never cached), so a
 *                      release finds its bin without computing it again
 *          bit  40     grown: the buffer's last resize made it bigger (a
 *                      second growth in a row gets room to spare, so a
 *                      buffer grown step by step is not copied every step;
 *                      apibuf.c)
 *          bits 41..63 room: in a block of class 0, the whole 4 KiB pages
 *                      it holds for the caller (a resize asks for whole
 *                      pages; a new buffer's block holds its size exactly,
 *                      whose last partial page is not counted); 0 in a
 *                      class's block, whose class says.  A resize knows
 *                      from it whether the block serves, without asking
 *                      the system
 *
 * tag = user pointer ^ secret ^ word, with a per-process
 * random secret: a pointer whose 16 bytes in front do not hold a matching
 * tag was not returned by this library, so it is rejected before size is
 * trusted.  Releasing a buffer overwrites the tag, so a second release (or
 * a resize of a released buffer) fails the check too.  Binding the tag to
 * the address means a header copied elsewhere is worthless.
 *
 * The header is exactly alignof(max_align_t) bytes, and malloc returns
 * blocks aligned for max_align_t, so the user pointer is aligned for any
 * type.  Strict mode (strict.h) keeps the header's room but not its
 * contents (its registry holds the size) and appends a tail canary.
 */
#ifndef NBI_BLOCK_H
#define NBI_BLOCK_H

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

#include "block/unmapped.h"
#include "platform/debugger.h"
#include "platform/platform.h"
#include "platform/sysalloc.h"

struct nbi_header {
    uint64_t word; /* size | class << 32 */
    uint64_t tag;
};

#define NBI_WORD_GROWN ((uint64_t)1 << 40)
#define NBI_WORD_ROOM_SHIFT 41 /* room in pages: bits 41..63 */
#define NBI_ROOM_PAGE_SHIFT 12
_Static_assert(((uint64_t)2 * UINT32_MAX >> NBI_ROOM_PAGE_SHIFT) < ((uint64_t)1 << 23),
               "a resize asks for at most twice a DWORD: its pages fit 23 bits");

/* The header word of a buffer of size bytes in a block of class c. */
static inline uint64_t nbi_header_word(uint64_t size, uint64_t c)
{
    return size | c << 32;
}

/* The room a resize asks of the system for n bytes past the classes: n
   rounded up to whole pages of the header's unit (under 6% more, past
   64 KiB), so that the header keeps it exactly. */
static inline uint64_t nbi_room_large(uint64_t n)
{
    const uint64_t unit = (uint64_t)1 << NBI_ROOM_PAGE_SHIFT;
    return (n + unit - 1) & ~(unit - 1);
}

/* The header word of a buffer of size bytes in a block of class 0 that
   holds room bytes for the caller (at most 2^33; kept in whole pages,
   rounded down). */
static inline uint64_t nbi_header_word_large(uint64_t size, uint64_t room)
{
    return size | (room >> NBI_ROOM_PAGE_SHIFT) << NBI_WORD_ROOM_SHIFT;
}

/* The room of a class-0 block, from its word (0 for a class's block). */
static inline uint64_t nbi_word_room_large(uint64_t word)
{
    return word >> NBI_WORD_ROOM_SHIFT << NBI_ROOM_PAGE_SHIFT;
}

static inline uint64_t nbi_word_size(uint64_t word)
{
    return word & 0xFFFFFFFFu;
}

static inline uint64_t nbi_word_class(uint64_t word)
{
    return (word >> 32) & 0xFFu;
}

#define NBI_HEADER_SIZE sizeof(struct nbi_header)
_Static_assert(sizeof(struct nbi_header) == alignof(max_align_t),
               "the header must keep user pointers aligned for max_align_t");

/* The per-process secrets (secret.c), drawn once by nbi_secret_init before
   the first buffer exists (apibuf/init.c). */
struct nbi_secrets {
    uint64_t live;     /* keys the tag of a live buffer */
    uint64_t released; /* xor-ed into a tag when its buffer is released */
};
extern NBI_INTERNAL struct nbi_secrets nbi_secret;
NBI_INTERNAL void nbi_secret_init(void);

/* By pointer arithmetic, so that the compiler addresses the header from
   user and keeps no register for it. */
static inline struct nbi_header *nbi_header_of(const void *user)
{
    return (struct nbi_header *)(uintptr_t)((const unsigned char *)user - NBI_HEADER_SIZE);
}

static inline void *nbi_user_of(struct nbi_header *h)
{
    return (unsigned char *)h + NBI_HEADER_SIZE;
}

/* A pointer that is not max_align_t-aligned cannot be a buffer start. */
static inline int nbi_is_aligned(const void *user)
{
    return ((uintptr_t)user & (alignof(max_align_t) - 1)) == 0;
}

/*
 * The tag of a live buffer at user with header word `word`.  The secret
 * makes it unguessable, so bytes that do not depend on the secret (random
 * data, a foreign allocator's header, a buffer's own contents) match with
 * probability 2^-64, and the address makes a header copied elsewhere fail:
 * a tag matches at one address only.  Nothing stronger is wanted: the tag
 * catches mistakes, not attackers (a program that reads one header could
 * recover any keyed mix of it), so it is two xors, with no multiply on the
 * hot path (docs/PERFORMANCE.md).
 */
static inline uint64_t nbi_tag_live(const void *user, uint64_t word)
{
    return (uint64_t)(uintptr_t)user ^ nbi_secret.live ^ word;
}

static inline uint64_t nbi_tag_released(const void *user, uint64_t word)
{
    return nbi_tag_live(user, word) ^ nbi_secret.released;
}

/*
 * Under AddressSanitizer the header is poisoned while the buffer is the
 * caller's (debugger.h): the library reads it through NBI_NO_ASAN functions
 * and opens it for the moment it writes it.
 */

/* Write the header in front of user. */
static inline void nbi_header_write(void *user, uint64_t word, uint64_t tag)
{
    struct nbi_header *h = nbi_header_of(user);
    nbi_asan_unpoison(h, NBI_HEADER_SIZE);
    h->word = word;
    h->tag = tag;
    nbi_asan_poison(h, NBI_HEADER_SIZE);
}

/* Write a live header with word in front of user. */
static inline void nbi_header_stamp(void *user, uint64_t word)
{
    nbi_header_write(user, word, nbi_tag_live(user, word));
}

/* Write a released header with word in front of user: what a resize
   leaves in the block it hands to realloc (apibuf.c). */
static inline void nbi_header_stamp_released(void *user, uint64_t word)
{
    nbi_header_write(user, word, nbi_tag_released(user, word));
}

/* The word in user's header (the caller has checked the tag). */
static inline NBI_NO_ASAN uint64_t nbi_header_word_of(const void *user)
{
    return nbi_header_of(user)->word;
}

/* The size in user's header (the caller has checked the tag). */
static inline NBI_NO_ASAN uint64_t nbi_header_size(const void *user)
{
    return nbi_word_size(nbi_header_of(user)->word);
}

/* Nonzero when user's header says it is a live buffer.  Reads the 16 bytes
   in front of user: the caller has checked alignment. */
static inline NBI_NO_ASAN int nbi_header_is_live(const void *user)
{
    const struct nbi_header *h = nbi_header_of(user);
    return h->tag == nbi_tag_live(user, h->word);
}

/* Nonzero when user's header says it was released and not yet reused. */
static inline NBI_NO_ASAN int nbi_header_is_released(const void *user)
{
    const struct nbi_header *h = nbi_header_of(user);
    return h->tag == nbi_tag_released(user, h->word);
}

/* Destroy the tag: from now on the buffer fails nbi_header_is_live. */
static inline void nbi_header_release(void *user)
{
    struct nbi_header *h = nbi_header_of(user);
    nbi_asan_unpoison(h, NBI_HEADER_SIZE);
    h->tag = nbi_tag_released(user, h->word);
    nbi_asan_poison(h, NBI_HEADER_SIZE);
}

/*
 * Nonzero when user may sit in a block the system allocator mapped on its
 * own (glibc maps large blocks: a page, its 16-byte chunk header, then our
 * header), whose pages go away on release: reading a released buffer's
 * header there would fault.  Default mode remembers such addresses when it
 * frees them (unmapped.h) and asks there before it reads a header at such
 * an address.  Other addresses keep their
 * pages mapped after release.
 */
static inline int nbi_may_be_unmapped(const void *user)
{
    return ((uintptr_t)user & 4095u) == 2 * NBI_HEADER_SIZE;
}

/*
 * Give the block of a released buffer back to the system allocator.  Every
 * default-mode path that does so goes through here (a Free the cache does
 * not keep, a thread's exit emptying its cache, a scavenge of idle blocks):
 * a block the system may unmap must be remembered first, or a later Free of
 * the stale pointer reads a vanished header.  Such a block need not be large
 * today: a large buffer shrunk in place keeps its own mapping and lands in a
 * small size class.  (A resize that moves remembers the old address itself,
 * as realloc, not we, releases the block.)
 */
static inline void nbi_block_to_system(struct nbi_header *h)
{
    const void *user = nbi_user_of(h);
    if (NBI_UNLIKELY(nbi_may_be_unmapped(user)))
        nbi_unmapped_remember(user);
    nbi_sys_free(h); /* glibc's free keeps errno (since 2.33) */
}

/* Bytes of system memory for a buffer of n bytes, or 0 when that does not
   fit in size_t (only possible where size_t is 32 bits). */
static inline size_t nbi_block_bytes(uint64_t n)
{
    if (n > SIZE_MAX - NBI_HEADER_SIZE)
        return 0;
    return (size_t)n + NBI_HEADER_SIZE;
}

#endif /* NBI_BLOCK_H */
