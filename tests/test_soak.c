/*
 * test_soak.c — several threads run random sequences of every public
 * operation, expected misuse included, against a shadow model, for a
 * bounded time.  It is the kind of run that found the holes of issue 14;
 * make sanitize runs it under ASan+UBSan and under ThreadSanitizer, in
 * both checking modes, make memcheck under valgrind.
 *
 * Each thread keeps a model of its buffers (address, size, a byte pattern
 * derived from a seed) and of the misuse reports it should cause, and
 * checks every answer: statuses of docs/behaviour.md section 2, contents preserved by
 * Reallocate, exact sizes, one report per misuse of the expected kind,
 * packed results whose every pointer lies inside the buffer, Net* results
 * that agree with a reference taken before the threads start.  Buffers
 * travel between threads through a mailbox.
 *
 * Operations are rows of one table (name, weight, function): a new public
 * function — the remote Net* calls when they come — is one more row.
 *
 * Misuse is only ever made where its answer is certain:
 *   - released: a buffer of 0..16 bytes (size class 1, used by this row
 *     only) is freed and then freed, sized and resized again, also after
 *     another buffer of its size was allocated.  The thread's cache (or
 *     strict mode's quarantine) holds the block, so nobody else can have
 *     been handed it;
 *   - interior and misaligned pointers into the thread's own live buffers;
 *   - foreign pointers into the thread's own array.
 * Never a pointer another thread may be using: that would be the test's
 * own race.
 *
 * Time: NETAPIBUF_TEST_SECONDS (default 2).  Threads: 4.
 */
#include <pthread.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "tools.h"

#define THREADS 4
#define SLOTS 24
#define MAILBOX 32
#define PROBE_MAX 16 /* sizes of the released-pointer row: class 1, nobody else's */

/* ---- reference data, taken before the threads start ----------------------- */

struct names {
    DWORD count;
    char **name;
    DWORD *related; /* users: local groups of each; groups: members of each */
};
static struct names users, groups;
static int strict;        /* strict mode, or any mode under valgrind (registry path) */
static int exact_kinds;   /* a released pointer is always reported as released */
static int kernel_copy;   /* default mode can look in front of a pointer (process_vm_readv) */
static double deadline;

/* ---- failures (check.h's counters are not thread-safe) ------------------- */

static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;
static int failures;

#define FAIL(w, ...) soak_fail((w), __LINE__, __VA_ARGS__)

struct worker;
static void soak_fail(struct worker *w, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- the misuse handler: per-thread counts ------------------------------- */

static __thread long reported;
static __thread enum netapibuf_misuse_kind reported_kind;
static __thread const void *reported_pointer;

static void count_report(const struct netapibuf_misuse *report, void *context)
{
    (void)context;
    reported++;
    reported_kind = report->kind;
    reported_pointer = report->pointer;
}

/* ---- a worker and its model ---------------------------------------------- */

struct slot {
    unsigned char *p; /* NULL: empty */
    DWORD n;
    uint32_t seed;
};

struct worker {
    int id;
    uint64_t rng;
    const char *op; /* the operation running, for failure messages */
    struct slot slot[SLOTS];
    long misuses; /* misuse this thread made (each must be reported once) */
    long ops;
    alignas(16) unsigned char foreign[512]; /* never a buffer: foreign pointers point here */
};

static void soak_fail(struct worker *w, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&report_lock);
    if (++failures <= 25) {
        fprintf(stderr, "test_soak.c:%d: thread %d, %s: ", line, w->id, w->op);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
    }
    pthread_mutex_unlock(&report_lock);
    va_end(ap);
}

static uint64_t next(struct worker *w)
{
    w->rng ^= w->rng << 13;
    w->rng ^= w->rng >> 7;
    w->rng ^= w->rng << 17;
    return w->rng;
}

static unsigned below(struct worker *w, unsigned n)
{
    return (unsigned)(next(w) % n);
}

/* A buffer size for the ordinary rows: never class 1 (the probe's). */
static DWORD any_size(struct worker *w)
{
    switch (below(w, 10)) {
    case 0: return 1025 + below(w, 64 * 1024);      /* the larger classes */
    case 1: return below(w, 20) ? 17 + below(w, 200) : 65537 + below(w, 300000); /* or none */
    default: return 17 + below(w, 1008);             /* the 16-byte classes */
    }
}

static unsigned char pattern(uint32_t seed, size_t i)
{
    return (unsigned char)(seed + i * 131u + (i >> 8));
}

static void stamp(unsigned char *p, DWORD n, uint32_t seed)
{
    for (DWORD i = 0; i < n; i++)
        p[i] = pattern(seed, i);
}

static int intact(const unsigned char *p, DWORD n, uint32_t seed)
{
    for (DWORD i = 0; i < n; i++)
        if (p[i] != pattern(seed, i))
            return 0;
    return 1;
}

/* The slot holds what the model says: size and bytes. */
static void verify(struct worker *w, const struct slot *s)
{
    DWORD size = 0;
    NET_API_STATUS st = NetApiBufferSize(s->p, &size);
    if (st != NERR_Success || size != s->n)
        FAIL(w, "NetApiBufferSize: status %u, %u bytes, model %u", (unsigned)st, (unsigned)size,
             (unsigned)s->n);
    if (!intact(s->p, s->n, s->seed))
        FAIL(w, "contents of a %u-byte buffer changed", (unsigned)s->n);
}

/* Expect exactly one report of a kind in `kinds` for pointer p since
   `before`. */
#define KIND(k) (1u << (k))
static void expect_report(struct worker *w, long before, const void *p, unsigned kinds)
{
    w->misuses++;
    if (reported != before + 1)
        FAIL(w, "%ld reports for one misuse of %p", reported - before, p);
    else if (!(KIND(reported_kind) & kinds) || reported_pointer != p)
        FAIL(w, "report of kind %d for %p (expected the set 0x%x)", (int)reported_kind, p, kinds);
}

/* Free, Size and Reallocate (to n and to 0) all refuse p with 87, leave
   their out-parameters alone and report once each. */
static void expect_refused(struct worker *w, void *p, unsigned kinds)
{
    long before = reported;
    if (NetApiBufferFree(p) != ERROR_INVALID_PARAMETER)
        FAIL(w, "NetApiBufferFree(%p) accepted", p);
    expect_report(w, before, p, kinds);
    DWORD size = 77;
    before = reported;
    if (NetApiBufferSize(p, &size) != ERROR_INVALID_PARAMETER || size != 77)
        FAIL(w, "NetApiBufferSize(%p) accepted or wrote", p);
    expect_report(w, before, p, kinds);
    LPVOID q = &size;
    before = reported;
    if (NetApiBufferReallocate(p, 1 + below(w, 5000), &q) != ERROR_INVALID_PARAMETER || q != &size)
        FAIL(w, "NetApiBufferReallocate(%p) accepted or wrote", p);
    expect_report(w, before, p, kinds);
    before = reported;
    if (NetApiBufferReallocate(p, 0, &q) != ERROR_INVALID_PARAMETER || q != &size)
        FAIL(w, "NetApiBufferReallocate(%p, 0) accepted or wrote", p);
    expect_report(w, before, p, kinds);
}

/* ---- rows: buffers --------------------------------------------------------- */

static struct slot *some_slot(struct worker *w)
{
    return &w->slot[below(w, SLOTS)];
}

static void release_slot(struct worker *w, struct slot *s)
{
    verify(w, s);
    if (NetApiBufferFree(s->p) != NERR_Success)
        FAIL(w, "NetApiBufferFree of a live buffer");
    s->p = NULL;
}

static void op_allocate(struct worker *w)
{
    struct slot *s = some_slot(w);
    if (s->p)
        release_slot(w, s);
    DWORD n = any_size(w);
    LPVOID p = (LPVOID)1;
    NET_API_STATUS st = below(w, 8) ? NetApiBufferAllocate(n, &p) : NetapipBufferAllocate(n, &p);
    if (st != NERR_Success || !p || (uintptr_t)p % alignof(max_align_t)) {
        FAIL(w, "allocate %u: status %u, %p", (unsigned)n, (unsigned)st, p);
        return;
    }
    s->p = p;
    s->n = n;
    s->seed = (uint32_t)next(w);
    stamp(s->p, n, s->seed);
}

static void op_free(struct worker *w)
{
    struct slot *s = some_slot(w);
    if (s->p)
        release_slot(w, s);
    else if (NetApiBufferFree(NULL) != NERR_Success)
        FAIL(w, "NetApiBufferFree(NULL)");
}

static void op_reallocate(struct worker *w)
{
    struct slot *s = some_slot(w);
    DWORD n = below(w, 6) ? any_size(w) : 0;
    LPVOID q = (LPVOID)1;
    if (!s->p) {
        NET_API_STATUS st = NetApiBufferReallocate(NULL, n, &q);
        if (st != NERR_Success || (n == 0) != (q == NULL))
            FAIL(w, "reallocate NULL to %u: status %u, %p", (unsigned)n, (unsigned)st, q);
        if (!q)
            return;
        s->p = q;
        s->n = n;
        s->seed = (uint32_t)next(w);
        stamp(s->p, n, s->seed);
        return;
    }
    verify(w, s);
    if (NetApiBufferReallocate(s->p, n, NULL) != ERROR_INVALID_PARAMETER)
        FAIL(w, "reallocate with a NULL out-parameter");
    NET_API_STATUS st = NetApiBufferReallocate(s->p, n, &q);
    if (st != NERR_Success) {
        FAIL(w, "reallocate %u to %u: status %u", (unsigned)s->n, (unsigned)n, (unsigned)st);
        return;
    }
    if (n == 0) {
        if (q != NULL)
            FAIL(w, "reallocate to 0 gave %p", q);
        s->p = NULL;
        return;
    }
    DWORD kept = s->n < n ? s->n : n;
    if (!intact(q, kept, s->seed))
        FAIL(w, "reallocate %u to %u lost the first %u bytes", (unsigned)s->n, (unsigned)n,
             (unsigned)kept);
    s->p = q;
    s->n = n;
    stamp(s->p, n, s->seed);
    verify(w, s);
}

static void op_size(struct worker *w)
{
    struct slot *s = some_slot(w);
    if (s->p)
        verify(w, s);
    DWORD n = 5;
    if (NetApiBufferSize(NULL, &n) != ERROR_INVALID_PARAMETER || n != 5)
        FAIL(w, "NetApiBufferSize(NULL)");
    if (s->p && NetApiBufferSize(s->p, NULL) != ERROR_INVALID_PARAMETER)
        FAIL(w, "NetApiBufferSize with a NULL count");
    if (NetApiBufferAllocate(10, NULL) != ERROR_INVALID_PARAMETER)
        FAIL(w, "NetApiBufferAllocate with a NULL out-parameter");
}

/* Buffers change threads: one is posted, whatever waits is taken. */
static pthread_mutex_t mailbox_lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot mailbox[MAILBOX];

static void op_hand_over(struct worker *w)
{
    struct slot *s = some_slot(w);
    struct slot got;
    unsigned box = below(w, MAILBOX);
    pthread_mutex_lock(&mailbox_lock);
    got = mailbox[box];
    mailbox[box] = *s;
    pthread_mutex_unlock(&mailbox_lock);
    s->p = NULL;
    if (!got.p)
        return;
    verify(w, &got);
    if (below(w, 2)) { /* keep it, maybe resized, or free it here */
        *s = got;
        op_reallocate(w);
    } else {
        release_slot(w, &got);
    }
}

/* ---- rows: misuse ---------------------------------------------------------- */

static unsigned released_kinds(void)
{
    return exact_kinds ? KIND(NETAPIBUF_MISUSE_RELEASED_POINTER)
                       : KIND(NETAPIBUF_MISUSE_RELEASED_POINTER) |
                             KIND(NETAPIBUF_MISUSE_UNKNOWN_POINTER);
}

static void op_released(struct worker *w)
{
    LPVOID a, b;
    DWORD n = below(w, PROBE_MAX + 1);
    if (NetApiBufferAllocate(n, &a) != NERR_Success || !a) {
        FAIL(w, "allocate %u", (unsigned)n);
        return;
    }
    DWORD size = 1;
    if (NetApiBufferSize(a, &size) != NERR_Success || size != n)
        FAIL(w, "a %u-byte buffer reports %u bytes", (unsigned)n, (unsigned)size);
    if (NetApiBufferFree(a) != NERR_Success)
        FAIL(w, "free");
    if (below(w, 2)) { /* a new buffer of the size is never the one just released */
        if (NetApiBufferAllocate(n, &b) != NERR_Success || b == a)
            FAIL(w, "the buffer released last came straight back");
        expect_refused(w, a, released_kinds());
        NetApiBufferFree(b);
    } else {
        expect_refused(w, a, released_kinds());
    }
}

static void op_interior(struct worker *w)
{
    struct slot *s = some_slot(w);
    if (!s->p || s->n < 32)
        return;
    DWORD offset = 16 * (1 + below(w, (s->n - 1) / 16));
    unsigned kind = strict || (offset <= 4096 && kernel_copy) ? NETAPIBUF_MISUSE_INTERIOR_POINTER
                                                                : NETAPIBUF_MISUSE_UNKNOWN_POINTER;
    expect_refused(w, s->p + offset, KIND(kind));
    verify(w, s);
}

static void op_unaligned(struct worker *w)
{
    struct slot *s = some_slot(w);
    unsigned char *base = s->p ? s->p : w->foreign + 64;
    expect_refused(w, base + 1 + below(w, 15), KIND(NETAPIBUF_MISUSE_UNALIGNED_POINTER));
    if (s->p)
        verify(w, s);
}

static void op_foreign(struct worker *w)
{
    for (size_t i = 0; i < sizeof w->foreign; i++)
        w->foreign[i] = (unsigned char)next(w);
    expect_refused(w, w->foreign + 16 * (1 + below(w, sizeof w->foreign / 16 - 1)),
                   KIND(NETAPIBUF_MISUSE_UNKNOWN_POINTER));
}

/* ---- rows: the packer -------------------------------------------------------- */

struct rec {
    char *a;
    DWORD id;
    DWORD blob_len;
    char *b;
    void *blob;
    uint64_t tag;
};
static const size_t rec_strings[] = {offsetof(struct rec, a), offsetof(struct rec, b)};
static const struct netapibuf_blob_field blob_1[] = {
    {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 1}};
static const struct netapibuf_blob_field blob_16[] = {
    {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 16}};
static const struct netapibuf_record_layout good_layouts[] = {
    {sizeof(struct rec), alignof(struct rec), 2, rec_strings, 1, blob_1},
    {sizeof(struct rec), alignof(struct rec), 2, rec_strings, 1, blob_16},
    {sizeof(struct rec), alignof(struct rec), 1, rec_strings, 0, NULL},
};
static const size_t same_twice[] = {offsetof(struct rec, a), offsetof(struct rec, a)};
static const size_t blob_as_string[] = {offsetof(struct rec, blob)};
static const struct netapibuf_blob_field length_on_pointer[] = {
    {offsetof(struct rec, blob), offsetof(struct rec, blob) + 4, 8}};
static const struct netapibuf_record_layout bad_layouts[] = {
    {sizeof(struct rec), alignof(struct rec), 2, same_twice, 0, NULL},
    {sizeof(struct rec), alignof(struct rec), 1, blob_as_string, 1, blob_1},
    {sizeof(struct rec), alignof(struct rec), 0, NULL, 1, length_on_pointer},
    {sizeof(struct rec), 4, 1, rec_strings, 0, NULL},
    {0, 8, 0, NULL, 0, NULL},
};

#define PACK_MAX 40
static const char *const words[] = {"", "alpha", "beta", "a somewhat longer string value",
                                    "DOMAIN\\user", "/home/somebody"};

/* Packed records [0, n) of buf (size bytes) hold src's values, every
   pointer inside the buffer. */
static void check_packed(struct worker *w, const struct netapibuf_record_layout *l,
                         const struct rec *src, const unsigned char *buf, DWORD n)
{
    DWORD size = 0;
    if (NetApiBufferSize((LPVOID)(uintptr_t)buf, &size) != NERR_Success ||
        size < n * sizeof(struct rec)) {
        FAIL(w, "packed result: size %u for %u records", (unsigned)size, (unsigned)n);
        return;
    }
    const struct rec *r = (const struct rec *)buf;
    for (DWORD i = 0; i < n; i++) {
        const char *got[2] = {r[i].a, r[i].b}, *want[2] = {src[i].a, src[i].b};
        for (size_t k = 0; k < 2; k++) {
            if (k >= l->string_count) {
                if (got[k] != want[k])
                    FAIL(w, "a plain pointer field changed");
                continue;
            }
            if (!want[k]) {
                if (got[k])
                    FAIL(w, "NULL string became %p", (const void *)got[k]);
                continue;
            }
            const unsigned char *g = (const unsigned char *)got[k];
            if (g < buf || g >= buf + size || (size_t)(buf + size - g) <= strlen(want[k]) ||
                strcmp(got[k], want[k]) != 0)
                FAIL(w, "string outside the buffer or wrong");
        }
        if (r[i].id != src[i].id || r[i].tag != src[i].tag || r[i].blob_len != src[i].blob_len)
            FAIL(w, "record fields changed");
        if (!l->blob_count) {
            if (r[i].blob != src[i].blob)
                FAIL(w, "a plain pointer field changed");
        } else if (!src[i].blob) {
            if (r[i].blob)
                FAIL(w, "NULL blob became %p", r[i].blob);
        } else {
            const unsigned char *g = r[i].blob;
            size_t need = src[i].blob_len ? src[i].blob_len : 1;
            if (g < buf || g >= buf + size || (size_t)(buf + size - g) < need ||
                (uintptr_t)g % l->blobs[0].align || memcmp(g, src[i].blob, src[i].blob_len))
                FAIL(w, "blob outside the buffer, misaligned or wrong");
        }
    }
}

static void op_pack(struct worker *w)
{
    struct rec src[PACK_MAX];
    unsigned char blobs[PACK_MAX][24];
    DWORD count = below(w, PACK_MAX + 1);
    for (DWORD i = 0; i < count; i++) {
        memset(&src[i], 0, sizeof src[i]);
        src[i].a = below(w, 6) ? (char *)(uintptr_t)words[below(w, 6)] : NULL;
        src[i].b = below(w, 6) ? (char *)(uintptr_t)words[below(w, 6)] : NULL;
        src[i].id = (DWORD)next(w);
        src[i].tag = next(w);
        src[i].blob_len = below(w, 3) ? below(w, 24) : 0;
        for (DWORD k = 0; k < src[i].blob_len; k++)
            blobs[i][k] = (unsigned char)next(w);
        src[i].blob = below(w, 5) ? blobs[i] : NULL;
    }
    const struct netapibuf_record_layout *l = &good_layouts[below(w, 3)];
    DWORD pref = below(w, 3) ? MAX_PREFERRED_LENGTH : 1 + below(w, 2000);
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 7;
    if (below(w, 2)) { /* one call */
        NET_API_STATUS st = netapibuf_pack(l, src, count, pref, &buf, &read);
        if ((st != NERR_Success && st != ERROR_MORE_DATA) || read > count ||
            (st == ERROR_MORE_DATA) != (read < count) || (count && !read) || (!read && buf)) {
            FAIL(w, "netapibuf_pack of %u: status %u, %u read", (unsigned)count, (unsigned)st,
                 (unsigned)read);
            NetApiBufferFree(buf);
            return;
        }
    } else { /* incrementally, sometimes abandoned */
        netapibuf_packer *p = NULL;
        if (netapibuf_packer_create(l, pref, &p) != NERR_Success) {
            FAIL(w, "netapibuf_packer_create");
            return;
        }
        DWORD taken = 0;
        while (taken < count && netapibuf_packer_add(p, &src[taken]) == NERR_Success)
            taken++;
        if (netapibuf_packer_count(p) != taken)
            FAIL(w, "netapibuf_packer_count");
        if (below(w, 8) == 0) {
            netapibuf_packer_destroy(p);
            return;
        }
        if (netapibuf_packer_finish(p, &buf, &read) != NERR_Success || read != taken) {
            FAIL(w, "netapibuf_packer_finish");
            NetApiBufferFree(buf);
            return;
        }
    }
    if (read)
        check_packed(w, l, src, buf, read);
    if (NetApiBufferFree(buf) != NERR_Success)
        FAIL(w, "free a packed result");
}

static void op_bad_layout(struct worker *w)
{
    const struct netapibuf_record_layout *l = &bad_layouts[below(w, 5)];
    struct rec r = {"x", 1, 0, "y", NULL, 2};
    netapibuf_packer *p = (netapibuf_packer *)1;
    if (netapibuf_packer_create(l, MAX_PREFERRED_LENGTH, &p) != ERROR_INVALID_PARAMETER || p)
        FAIL(w, "an invalid layout was accepted");
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 7;
    if (netapibuf_pack(l, &r, 1, MAX_PREFERRED_LENGTH, &buf, &read) != ERROR_INVALID_PARAMETER ||
        buf || read)
        FAIL(w, "netapibuf_pack took an invalid layout");
}

/* ---- rows: network management, this machine --------------------------------- */

/* Every string field of n records at buf lies inside the buffer. */
static void check_strings(struct worker *w, const char *what, LPBYTE buf, DWORD n, size_t record,
                          const size_t *offsets, size_t count)
{
    if (!n)
        return;
    DWORD size = 0;
    if (NetApiBufferSize(buf, &size) != NERR_Success || size < n * record) {
        FAIL(w, "%s: %u records in %u bytes", what, (unsigned)n, (unsigned)size);
        return;
    }
    for (DWORD i = 0; i < n; i++)
        for (size_t k = 0; k < count; k++) {
            const unsigned char *s;
            memcpy(&s, buf + i * record + offsets[k], sizeof s);
            if (s && (s < buf || s >= buf + size || !memchr(s, 0, (size_t)(buf + size - s))))
                FAIL(w, "%s: record %u, string %zu outside the buffer", what, (unsigned)i, k);
        }
}

static const DWORD user_levels[] = {0, 1, 10, 20};
static const size_t user_record[] = {sizeof(USER_INFO_0), sizeof(USER_INFO_1),
                                     sizeof(USER_INFO_10), sizeof(USER_INFO_20)};
static const size_t user_strings[4][5] = {
    {offsetof(USER_INFO_0, usri0_name)},
    {offsetof(USER_INFO_1, usri1_name), offsetof(USER_INFO_1, usri1_password),
     offsetof(USER_INFO_1, usri1_home_dir), offsetof(USER_INFO_1, usri1_comment),
     offsetof(USER_INFO_1, usri1_script_path)},
    {offsetof(USER_INFO_10, usri10_name), offsetof(USER_INFO_10, usri10_comment),
     offsetof(USER_INFO_10, usri10_usr_comment), offsetof(USER_INFO_10, usri10_full_name)},
    {offsetof(USER_INFO_20, usri20_name), offsetof(USER_INFO_20, usri20_full_name),
     offsetof(USER_INFO_20, usri20_comment)}};
static const size_t user_string_count[] = {1, 5, 4, 3};

static const DWORD prefs[] = {MAX_PREFERRED_LENGTH, 1, 64, 300, 4096};

static void op_user_enum(struct worker *w)
{
    unsigned li = below(w, 4);
    DWORD level = user_levels[li], pref = prefs[below(w, 5)], resume = 0, seen = 0;
    DWORD filter = below(w, 4) == 0 ? FILTER_NORMAL_ACCOUNT : below(w, 8) == 0 ? 0x8 : 0;
    int paged = below(w, 2), abandon = below(w, 6) == 0;
    NET_API_STATUS st;
    do {
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 9, total = 9;
        st = NetUserEnum(NULL, level, filter, &buf, pref, &read, &total, paged ? &resume : NULL);
        if (st != NERR_Success && st != ERROR_MORE_DATA) {
            FAIL(w, "NetUserEnum level %u: status %u", (unsigned)level, (unsigned)st);
            return;
        }
        check_strings(w, "NetUserEnum", buf, read, user_record[li], user_strings[li],
                      user_string_count[li]);
        for (DWORD i = 0; i < read && filter != 0x8; i++) {
            const char *name = *(char *const *)(buf + i * user_record[li]);
            if (seen + i >= users.count || strcmp(name, users.name[seen + i]) != 0)
                FAIL(w, "NetUserEnum: entry %u is not the reference's", (unsigned)(seen + i));
        }
        seen += read;
        if (filter != 0x8 && total != users.count)
            FAIL(w, "NetUserEnum: total %u, reference %u", (unsigned)total,
                 (unsigned)users.count);
        NetApiBufferFree(buf);
        if (abandon)
            return;
    } while (st == ERROR_MORE_DATA && paged);
    if (st == NERR_Success && filter != 0x8 && seen != users.count)
        FAIL(w, "NetUserEnum: %u entries, reference %u", (unsigned)seen, (unsigned)users.count);
    if (paged && st == NERR_Success && resume != 0)
        FAIL(w, "NetUserEnum: resume handle %u after the last page", (unsigned)resume);
}

static void op_user_get_info(struct worker *w)
{
    unsigned li = below(w, 4);
    LPBYTE buf = (LPBYTE)1;
    if (below(w, 6) == 0) {
        NET_API_STATUS st = NetUserGetInfo(NULL, "no-such-user-soak", user_levels[li], &buf);
        if (st != NERR_UserNotFound || buf)
            FAIL(w, "NetUserGetInfo of an unknown user: status %u", (unsigned)st);
        if (NetUserGetInfo(NULL, users.name[0], 7, &buf) != ERROR_INVALID_LEVEL || buf)
            FAIL(w, "NetUserGetInfo level 7");
        return;
    }
    const char *name = users.name[below(w, users.count)];
    NET_API_STATUS st = NetUserGetInfo(NULL, name, user_levels[li], &buf);
    if (st != NERR_Success) {
        FAIL(w, "NetUserGetInfo(%s): status %u", name, (unsigned)st);
        return;
    }
    check_strings(w, "NetUserGetInfo", buf, 1, user_record[li], user_strings[li],
                  user_string_count[li]);
    if (strcmp(*(char **)buf, name) != 0)
        FAIL(w, "NetUserGetInfo(%s) gave %s", name, *(char **)buf);
    NetApiBufferFree(buf);
}

static void op_group_enum(struct worker *w)
{
    DWORD level = below(w, 2), pref = prefs[below(w, 5)], seen = 0;
    DWORD_PTR resume = 0;
    int paged = below(w, 2);
    size_t record = level ? sizeof(LOCALGROUP_INFO_1) : sizeof(LOCALGROUP_INFO_0);
    static const size_t strings[] = {0, offsetof(LOCALGROUP_INFO_1, lgrpi1_comment)};
    NET_API_STATUS st;
    do {
        LPBYTE buf;
        DWORD read, total;
        st = NetLocalGroupEnum(NULL, level, &buf, pref, &read, &total, paged ? &resume : NULL);
        if (st != NERR_Success && st != ERROR_MORE_DATA) {
            FAIL(w, "NetLocalGroupEnum: status %u", (unsigned)st);
            return;
        }
        check_strings(w, "NetLocalGroupEnum", buf, read, record, strings, level + 1);
        for (DWORD i = 0; i < read; i++)
            if (seen + i >= groups.count ||
                strcmp(*(char **)(buf + i * record), groups.name[seen + i]) != 0)
                FAIL(w, "NetLocalGroupEnum: entry %u is not the reference's", (unsigned)(seen + i));
        seen += read;
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA && paged);
    if (st == NERR_Success && seen != groups.count)
        FAIL(w, "NetLocalGroupEnum: %u entries, reference %u", (unsigned)seen,
             (unsigned)groups.count);
}

static void op_group_get_info(struct worker *w)
{
    DWORD level = below(w, 2);
    LPBYTE buf = (LPBYTE)1;
    if (below(w, 6) == 0) {
        if (NetLocalGroupGetInfo(NULL, "no-such-group-soak", level, &buf) != NERR_GroupNotFound ||
            buf)
            FAIL(w, "NetLocalGroupGetInfo of an unknown group");
        return;
    }
    const char *name = groups.name[below(w, groups.count)];
    NET_API_STATUS st = NetLocalGroupGetInfo(NULL, name, level, &buf);
    if (st != NERR_Success || strcmp(*(char **)buf, name) != 0)
        FAIL(w, "NetLocalGroupGetInfo(%s): status %u", name, (unsigned)st);
    NetApiBufferFree(buf);
}

static void op_group_members(struct worker *w)
{
    DWORD gi = below(w, groups.count), level = below(w, 2) ? 1 : 3, seen = 0;
    DWORD pref = prefs[below(w, 5)];
    DWORD_PTR resume = 0;
    int paged = below(w, 2);
    size_t record =
        level == 1 ? sizeof(LOCALGROUP_MEMBERS_INFO_1) : sizeof(LOCALGROUP_MEMBERS_INFO_3);
    size_t strings[] = {level == 1 ? offsetof(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name) : 0};
    NET_API_STATUS st;
    do {
        LPBYTE buf;
        DWORD read, total;
        st = NetLocalGroupGetMembers(NULL, groups.name[gi], level, &buf, pref, &read, &total,
                                     paged ? &resume : NULL);
        if (st != NERR_Success && st != ERROR_MORE_DATA) {
            FAIL(w, "NetLocalGroupGetMembers(%s): status %u", groups.name[gi], (unsigned)st);
            return;
        }
        check_strings(w, "NetLocalGroupGetMembers", buf, read, record, strings, 1);
        if (total != groups.related[gi])
            FAIL(w, "NetLocalGroupGetMembers(%s): total %u, reference %u", groups.name[gi],
                 (unsigned)total, (unsigned)groups.related[gi]);
        seen += read;
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA && paged);
    if (paged && st == NERR_Success && seen != groups.related[gi])
        FAIL(w, "NetLocalGroupGetMembers(%s): %u members, reference %u", groups.name[gi],
             (unsigned)seen, (unsigned)groups.related[gi]);
}

static void op_user_groups(struct worker *w)
{
    DWORD ui = below(w, users.count), read, total;
    LPBYTE buf;
    NET_API_STATUS st = NetUserGetLocalGroups(NULL, users.name[ui], 0, LG_INCLUDE_INDIRECT, &buf,
                                              MAX_PREFERRED_LENGTH, &read, &total);
    if (st != NERR_Success || total != users.related[ui] || read != total)
        FAIL(w, "NetUserGetLocalGroups(%s): status %u, %u of %u, reference %u", users.name[ui],
             (unsigned)st, (unsigned)read, (unsigned)total, (unsigned)users.related[ui]);
    static const size_t strings[] = {0};
    if (st == NERR_Success)
        check_strings(w, "NetUserGetLocalGroups", buf, read, sizeof(LOCALGROUP_USERS_INFO_0),
                      strings, 1);
    NetApiBufferFree(buf);
}

static void op_machine(struct worker *w)
{
    static const DWORD levels[] = {100, 101, 102};
    DWORD level = levels[below(w, 3)];
    LPBYTE buf = (LPBYTE)1;
    NET_API_STATUS st;
    switch (below(w, 4)) {
    case 0:
        if ((st = NetWkstaGetInfo(NULL, level, &buf)) != NERR_Success ||
            ((WKSTA_INFO_100 *)buf)->wki100_platform_id != PLATFORM_ID_NT)
            FAIL(w, "NetWkstaGetInfo %u: status %u", (unsigned)level, (unsigned)st);
        break;
    case 1:
        if ((st = NetServerGetInfo(NULL, level, &buf)) != NERR_Success ||
            ((SERVER_INFO_100 *)buf)->sv100_platform_id != PLATFORM_ID_NT)
            FAIL(w, "NetServerGetInfo %u: status %u", (unsigned)level, (unsigned)st);
        break;
    case 2:
        if ((st = NetRemoteTOD(NULL, &buf)) != NERR_Success ||
            ((TIME_OF_DAY_INFO *)buf)->tod_month - 1 > 11)
            FAIL(w, "NetRemoteTOD: status %u", (unsigned)st);
        break;
    default:
        if (NetWkstaGetInfo(NULL, 99, &buf) != ERROR_INVALID_LEVEL || buf ||
            NetServerGetInfo(NULL, 103, &buf) != ERROR_INVALID_LEVEL || buf ||
            NetRemoteTOD(NULL, NULL) != ERROR_INVALID_PARAMETER)
            FAIL(w, "invalid level or argument accepted");
        break;
    }
    NetApiBufferFree(buf);
}

static void op_invalid_net(struct worker *w)
{
    DWORD read = 3, total = 3;
    LPBYTE buf = (LPBYTE)1;
    if (NetUserEnum(NULL, 0, 0, NULL, MAX_PREFERRED_LENGTH, &read, &total, NULL) !=
            ERROR_INVALID_PARAMETER ||
        NetUserEnum(NULL, 3, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL) !=
            ERROR_INVALID_LEVEL ||
        buf || read || total)
        FAIL(w, "NetUserEnum with a NULL buffer pointer or level 3");
    if (NetLocalGroupGetMembers(NULL, NULL, 1, &buf, 1, &read, &total, NULL) !=
            ERROR_INVALID_PARAMETER ||
        NetLocalGroupGetMembers(NULL, "no-such-group-soak", 1, &buf, 1, &read, &total, NULL) !=
            NERR_GroupNotFound ||
        buf)
        FAIL(w, "NetLocalGroupGetMembers with a bad group");
    if (NetUserGetLocalGroups(NULL, "no-such-user-soak", 0, 0, &buf, 1, &read, &total) !=
            NERR_UserNotFound ||
        buf)
        FAIL(w, "NetUserGetLocalGroups of an unknown user");
}

/* ---- rows: the extension API ------------------------------------------------ */

static void op_extensions(struct worker *w)
{
    struct netapibuf_stats stats;
    if (netapibuf_get_stats(&stats) != NERR_Success || netapibuf_get_stats(NULL) != 87 ||
        stats.peak_bytes < stats.live_bytes)
        FAIL(w, "netapibuf_get_stats");
    if (strcmp(netapibuf_status_text(ERROR_MORE_DATA), "Unknown status") == 0 ||
        strcmp(netapibuf_status_text(0xDEAD), "Unknown status") != 0)
        FAIL(w, "netapibuf_status_text");
    if (!netapibuf_misuse_text(NETAPIBUF_MISUSE_INTERIOR_POINTER))
        FAIL(w, "netapibuf_misuse_text");
    if ((netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT) !=
        (getenv("NETAPIBUF_CHECK") && strcmp(getenv("NETAPIBUF_CHECK"), "strict") == 0))
        FAIL(w, "netapibuf_check_mode");
    if (netapibuf_version_number() != NETAPIBUF_VERSION_NUMBER ||
        strcmp(netapibuf_version(), NETAPIBUF_VERSION_STRING) != 0)
        FAIL(w, "netapibuf_version");
    /* The same handler again: every thread keeps counting its reports. */
    if (netapibuf_set_misuse_handler(count_report, NULL) != count_report)
        FAIL(w, "netapibuf_set_misuse_handler returned another handler");
}

/* ---- the table ------------------------------------------------------------------ */

struct op {
    const char *name;
    unsigned weight;
    void (*run)(struct worker *w);
};

/* Remote Net* calls join as rows of their own (against a test server). */
static const struct op ops[] = {
    {"allocate", 40, op_allocate},
    {"free", 30, op_free},
    {"reallocate", 30, op_reallocate},
    {"size", 15, op_size},
    {"hand over", 15, op_hand_over},
    {"released pointer", 6, op_released},
    {"interior pointer", 4, op_interior},
    {"misaligned pointer", 3, op_unaligned},
    {"foreign pointer", 3, op_foreign},
    {"pack", 8, op_pack},
    {"invalid layout", 2, op_bad_layout},
    {"NetUserEnum", 2, op_user_enum},
    {"NetUserGetInfo", 2, op_user_get_info},
    {"NetLocalGroupEnum", 2, op_group_enum},
    {"NetLocalGroupGetInfo", 2, op_group_get_info},
    {"NetLocalGroupGetMembers", 2, op_group_members},
    {"NetUserGetLocalGroups", 1, op_user_groups},
    {"NetWkstaGetInfo/NetServerGetInfo/NetRemoteTOD", 2, op_machine},
    {"invalid Net* arguments", 1, op_invalid_net},
    {"extensions", 2, op_extensions},
};
#define OPS (sizeof ops / sizeof ops[0])

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    unsigned total = 0;
    for (size_t i = 0; i < OPS; i++)
        total += ops[i].weight;
    while (now() < deadline) {
        for (int k = 0; k < 64; k++) {
            unsigned pick = below(w, total);
            size_t i = 0;
            while (pick >= ops[i].weight)
                pick -= ops[i++].weight;
            w->op = ops[i].name;
            ops[i].run(w);
            w->ops++;
        }
    }
    w->op = "the end";
    for (int i = 0; i < SLOTS; i++)
        if (w->slot[i].p)
            release_slot(w, &w->slot[i]);
    return NULL;
}

/* ---- reference data ---------------------------------------------------------------- */

static void take_names(struct names *out, LPBYTE buf, DWORD n, size_t record)
{
    out->count = n;
    out->name = calloc(n ? n : 1, sizeof *out->name);
    out->related = calloc(n ? n : 1, sizeof *out->related);
    for (DWORD i = 0; i < n; i++)
        out->name[i] = strdup(*(char **)(buf + i * record));
}

static void free_names(struct names *names)
{
    for (DWORD i = 0; i < names->count; i++)
        free(names->name[i]);
    free(names->name);
    free(names->related);
}

static int kernel_copy_works(void)
{
    long from = 42, to = 0;
    struct iovec local = {&to, sizeof to}, remote = {&from, sizeof from};
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == (ssize_t)sizeof to && to == 42;
}

static double seconds_to_run(void)
{
    const char *s = getenv("NETAPIBUF_TEST_SECONDS");
    double v = s ? atof(s) : 0;
    return v > 0 ? v : 2.0;
}

TEST(soak)
{
    LPBYTE buf;
    DWORD read, total;
    CHECK_EQ_U(NetUserEnum(NULL, 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               NERR_Success);
    take_names(&users, buf, read, sizeof(USER_INFO_0));
    NetApiBufferFree(buf);
    CHECK_EQ_U(NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               NERR_Success);
    take_names(&groups, buf, read, sizeof(LOCALGROUP_INFO_0));
    NetApiBufferFree(buf);
    CHECK(users.count > 0 && groups.count > 0);
    for (DWORD i = 0; i < users.count; i++) {
        CHECK_EQ_U(NetUserGetLocalGroups(NULL, users.name[i], 0, 0, &buf, MAX_PREFERRED_LENGTH,
                                         &read, &users.related[i]),
                   NERR_Success);
        NetApiBufferFree(buf);
    }
    for (DWORD i = 0; i < groups.count; i++) {
        CHECK_EQ_U(NetLocalGroupGetMembers(NULL, groups.name[i], 3, &buf, MAX_PREFERRED_LENGTH,
                                           &read, &groups.related[i], NULL),
                   NERR_Success);
        NetApiBufferFree(buf);
    }
    strict = netapibuf_check_mode() == NETAPIBUF_CHECK_STRICT || TOOL_VALGRIND;
    /* Without a tool, a released block waits in the thread's cache or
       quarantine; ASan and valgrind take it (and strict mode then knows it
       only from its shard's last 32 releases). */
    exact_kinds = !(strict && (TOOL_ASAN || TOOL_VALGRIND));
    kernel_copy = kernel_copy_works();

    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    netapibuf_set_misuse_handler(count_report, NULL);
    deadline = now() + seconds_to_run();
    static struct worker workers[THREADS];
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        workers[i].id = i;
        workers[i].rng = 0x9E3779B97F4A7C15ULL * (uint64_t)(i + 1) ^ (uint64_t)time(NULL);
        CHECK_EQ_U(pthread_create(&threads[i], NULL, worker_main, &workers[i]), 0);
    }
    long ops_done = 0, misuses = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        ops_done += workers[i].ops;
        misuses += workers[i].misuses;
    }
    for (int i = 0; i < MAILBOX; i++)
        if (mailbox[i].p && NetApiBufferFree(mailbox[i].p) != NERR_Success)
            CHECK_MSG_(0, "mailbox buffer %d", i);
    netapibuf_set_misuse_handler(NULL, NULL);
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
    CHECK_EQ_U(after.live_bytes, before.live_bytes);
    CHECK_EQ_U(after.misuse_events - before.misuse_events, (uint64_t)misuses);
    CHECK_EQ_U(failures, 0);
    printf("%d threads, %ld operations, %ld misuses, seed %llu\n", THREADS, ops_done, misuses,
           (unsigned long long)workers[0].rng);
    free_names(&users);
    free_names(&groups);
}

int main(void)
{
    RUN(soak);
    return check_finish();
}
