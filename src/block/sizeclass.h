/*
 * sizeclass.h — the size classes of the per-thread block cache.
 *
 * Buffers of up to 64 KiB are rounded up, for the block they live in, to
 * one of 88 classes: every multiple of 16 bytes up to 1 KiB (classes
 * 1..64, a zero-byte buffer is in class 1), then four classes per doubling
 * up to 64 KiB (classes 65..88, at most 25% rounding).  Blocks of one class
 * are interchangeable, which is what lets a released block serve the next
 * request of its class.  The rounding is invisible to callers:
 * NetApiBufferSize reports the exact requested size kept in the header.
 * Larger buffers (class 0) go to the system allocator exactly sized.
 */
#ifndef NBI_SIZECLASS_H
#define NBI_SIZECLASS_H

#include <stdint.h>

#define NBI_CLASS_COUNT 89          /* classes 1..88; 0 means "not cached" */
#define NBI_SMALL_CLASS_MAX 1024u   /* classes of 16-byte steps end here */
#define NBI_CACHED_SIZE_MAX 65536u  /* largest size with a class */

/* The class of n > 1 KiB, by formula: n - 1 lies in [2^k, 2^(k+1)) with
   k = 10..15, and its two bits below the leading one pick the quarter of
   that doubling.  A constant expression for constant n (it builds the
   table below). */
#define NBI_CLASS_ABOVE_1K(n)                                                        \
    (65u + (63u - (unsigned)__builtin_clzll((n) - 1) - 10u) * 4u +                   \
     (unsigned)(((n) - 1) >> (63u - (unsigned)__builtin_clzll((n) - 1) - 2u) & 3u))

/* Above 1 KiB every class edge is a multiple of 256, so (n - 1) >> 8 picks
   the class: one table load on the hot path instead of a bit scan, which
   costs about a nanosecond a pair on the machines measured (docs/
   PERFORMANCE.md).  Entries 0..3 (n <= 1 KiB) are never read. */
#define NBI_T1(i) (uint8_t)((i) < 4 ? 0 : NBI_CLASS_ABOVE_1K((uint64_t)(i) * 256u + 256u))
#define NBI_T4(i) NBI_T1(i), NBI_T1((i) + 1), NBI_T1((i) + 2), NBI_T1((i) + 3)
#define NBI_T16(i) NBI_T4(i), NBI_T4((i) + 4), NBI_T4((i) + 8), NBI_T4((i) + 12)
#define NBI_T64(i) NBI_T16(i), NBI_T16((i) + 16), NBI_T16((i) + 32), NBI_T16((i) + 48)
static const uint8_t nbi_class_above_1k[256] = {NBI_T64(0), NBI_T64(64), NBI_T64(128),
                                                NBI_T64(192)};
#undef NBI_T1
#undef NBI_T4
#undef NBI_T16
#undef NBI_T64

static inline unsigned nbi_size_class(uint64_t n)
{
    if (n <= NBI_SMALL_CLASS_MAX)
        return n ? (unsigned)((n + 15) >> 4) : 1;
    if (n > NBI_CACHED_SIZE_MAX)
        return 0;
    return nbi_class_above_1k[(n - 1) >> 8];
}

/* nbi_size_class for the hot path: the same but for n == 0, which gets
   class 0, whose bin is always empty, so the rare zero-byte buffer takes
   the slow path instead of costing every allocation a test. */
static inline uint64_t nbi_size_class_fast(uint64_t n)
{
    if (n <= NBI_SMALL_CLASS_MAX)
        return (n + 15) >> 4;
    if (n > NBI_CACHED_SIZE_MAX)
        return 0;
    return nbi_class_above_1k[(n - 1) >> 8];
}

/* The bytes a block of class c holds for the caller (c >= 1): c * 16 up
   to 1 KiB, then 2^k + (quarter + 1) * 2^(k-2).  A table, because the hot
   path reads it on every cached allocate and free. */
#define NBI_Q(k) (1u << (k)) + (1u << ((k) - 2)), (1u << (k)) + (2u << ((k) - 2)), \
                 (1u << (k)) + (3u << ((k) - 2)), (1u << (k)) + (4u << ((k) - 2))
static const uint32_t nbi_class_size[NBI_CLASS_COUNT] = {
    0,    16,   32,   48,   64,   80,   96,   112,  128,  144,  160,  176,  192,
    208,  224,  240,  256,  272,  288,  304,  320,  336,  352,  368,  384,  400,
    416,  432,  448,  464,  480,  496,  512,  528,  544,  560,  576,  592,  608,
    624,  640,  656,  672,  688,  704,  720,  736,  752,  768,  784,  800,  816,
    832,  848,  864,  880,  896,  912,  928,  944,  960,  976,  992,  1008, 1024,
    NBI_Q(10), NBI_Q(11), NBI_Q(12), NBI_Q(13), NBI_Q(14), NBI_Q(15),
};
#undef NBI_Q

static inline uint64_t nbi_class_bytes(uint64_t c)
{
    return nbi_class_size[c];
}

#endif /* NBI_SIZECLASS_H */
