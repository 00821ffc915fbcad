/*
 * fuzz_apibuf.c — libFuzzer target for the four ApiBuffer functions.
 *
 * The input is a program: each step is 4 bytes (operation, slot, two size
 * bytes).  Sixteen slots hold live buffers, mirrored by a shadow model
 * (pointer, size, fill byte) that predicts every status and size; misuse
 * steps (double free, stale pointers, interior, unaligned and foreign
 * pointers) must return 87 with exactly one report of a fitting kind, and
 * leave the live buffers intact.  Every buffer is freed at the end of an
 * input, so LeakSanitizer checks that nothing is lost.  Built with
 * FUZZ_STRICT, the same program runs in strict mode.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#define SLOTS 16
#define STALE 8

struct slot {
    unsigned char *p; /* NULL: empty */
    DWORD n;
    unsigned char fill;
};

static struct slot slots[SLOTS];
static void *stale[STALE]; /* released pointers, for double frees */
static unsigned stale_next;
static int reports;
static enum netapibuf_misuse_kind last_kind;
static _Alignas(16) unsigned char foreign_static[64];

static void on_misuse(const struct netapibuf_misuse *report, void *context)
{
    (void)context;
    reports++;
    last_kind = report->kind;
}

static void check(int ok)
{
    if (!ok)
        abort(); /* libFuzzer records the input */
}

static int is_live(const void *p)
{
    for (int i = 0; i < SLOTS; i++)
        if (slots[i].p && (const unsigned char *)p >= slots[i].p &&
            (const unsigned char *)p < slots[i].p + (slots[i].n ? slots[i].n : 1))
            return 1;
    return 0;
}

static void check_contents(const struct slot *s)
{
    DWORD size = 0xFFFFFFFFu;
    check(NetApiBufferSize(s->p, &size) == NERR_Success && size == s->n);
    for (DWORD i = 0; i < s->n; i++)
        check(s->p[i] == s->fill);
}

static void release(struct slot *s)
{
    check_contents(s);
    check(NetApiBufferFree(s->p) == NERR_Success);
    stale[stale_next++ % STALE] = s->p;
    s->p = NULL;
}

/* p is not a live buffer start: all three functions reject it, once each,
   with a kind in allowed (a bit set), touching nothing. */
static void expect_misuse(void *p, unsigned allowed)
{
    DWORD size = 7;
    LPVOID q = &size;
    int before = reports;
    check(NetApiBufferFree(p) == ERROR_INVALID_PARAMETER);
    check(reports == before + 1 && (allowed & (1u << last_kind)));
    check(NetApiBufferSize(p, &size) == ERROR_INVALID_PARAMETER && size == 7);
    check(NetApiBufferReallocate(p, 10, &q) == ERROR_INVALID_PARAMETER && q == &size);
    check(reports == before + 3 && (allowed & (1u << last_kind)));
}

#define KIND(k) (1u << NETAPIBUF_MISUSE_##k)

static void step(const uint8_t *in)
{
    struct slot *s = &slots[in[1] % SLOTS];
    DWORD n = (DWORD)in[2] | (DWORD)in[3] << 8;
    if (in[0] & 0x80)
        n *= 3; /* sizes up to ~192 KiB: past the cache's classes */
    switch (in[0] % 8) {
    case 0: /* allocate */
        if (s->p)
            release(s);
        check(NetApiBufferAllocate(n, (LPVOID *)&s->p) == NERR_Success && s->p);
        check(((uintptr_t)s->p & 15) == 0);
        s->n = n;
        s->fill = in[1];
        memset(s->p, s->fill, n);
        break;
    case 1: /* free */
        if (s->p)
            release(s);
        break;
    case 2: { /* reallocate, possibly to or from nothing */
        unsigned char *q = (unsigned char *)&q;
        void *old = s->p;
        check(NetApiBufferReallocate(s->p, n, (LPVOID *)&q) == NERR_Success);
        if (n == 0) {
            check(q == NULL);
            if (old)
                stale[stale_next++ % STALE] = old;
            s->p = NULL;
            break;
        }
        check(q != NULL);
        DWORD kept = old && s->n < n ? s->n : (old ? n : 0);
        for (DWORD i = 0; i < kept; i++)
            check(q[i] == s->fill);
        if (old && q != old)
            stale[stale_next++ % STALE] = old;
        s->p = q;
        s->n = n;
        s->fill = in[2];
        memset(q, s->fill, n);
        break;
    }
    case 3: /* size and contents */
        if (s->p)
            check_contents(s);
        break;
    case 4: { /* stale pointer: double free, or use after release */
        void *p = stale[in[1] % STALE];
        if (p && !is_live(p))
            expect_misuse(p, KIND(RELEASED_POINTER) | KIND(UNKNOWN_POINTER));
        break;
    }
    case 5: /* interior pointer */
        if (s->p && s->n > 16u)
            expect_misuse(s->p + 16 * (1 + n % ((s->n - 1) / 16)),
                          KIND(INTERIOR_POINTER) | KIND(UNKNOWN_POINTER) |
                              KIND(RELEASED_POINTER)); /* may also be a released start */
        break;
    case 6: /* unaligned pointer */
        if (s->p)
            expect_misuse(s->p + 1 + in[2] % 15, KIND(UNALIGNED_POINTER));
        break;
    default: { /* foreign pointers: static and malloc'd memory */
        expect_misuse(foreign_static + 16 * (in[2] % 4), KIND(UNKNOWN_POINTER));
        void *m = malloc(16 + in[2]);
        check(m != NULL);
        expect_misuse(m, KIND(UNKNOWN_POINTER) | KIND(RELEASED_POINTER)); /* may reuse one */
        free(m);
        break;
    }
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
#ifdef FUZZ_STRICT
    setenv("NETAPIBUF_CHECK", "strict", 1); /* before the library's first call */
#endif
    netapibuf_set_misuse_handler(on_misuse, NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    /* Stale pointers of earlier inputs may have been unmapped since. */
    memset(stale, 0, sizeof stale);
    for (size_t i = 0; i + 4 <= size && i < 4 * 512; i += 4)
        step(data + i);
    for (int i = 0; i < SLOTS; i++)
        if (slots[i].p)
            release(&slots[i]);
    netapibuf_get_stats(&after);
    check(after.live_buffers == before.live_buffers && after.live_bytes == before.live_bytes);
    return 0;
}
