/*
 * fuzz_pack.c — libFuzzer target for the packer.  The input describes
 * records (two strings, a blob, a number) and a prefmaxlen; the target packs
 * them in one call and page by page, and checks docs/behaviour.md section 4: every
 * pointer inside the buffer, records aligned, whole entries only, pages
 * within prefmaxlen unless one entry is larger, at least one entry per page,
 * and the pages together reproduce the input exactly.
 *
 * Input: byte 0-1 prefmaxlen selector, then per record:
 *   flags(1) len_a(1) len_b(1) len_blob(1) bytes...
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

struct rec {
    char *a;
    DWORD id;
    char *b;
    void *blob;
    DWORD blob_len;
    uint64_t pad;
};

static const size_t strs[] = {offsetof(struct rec, a), offsetof(struct rec, b)};
static const struct netapibuf_blob_field blobs[] = {
    {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 4}};
static const struct netapibuf_record_layout layout = {sizeof(struct rec), alignof(struct rec),
                                                      2, strs, 1, blobs};

#define MAXREC 256

static void fail(const char *what)
{
    (void)what;
    __builtin_trap();
}

/* p points inside [buf, buf + size), never at buf + size (docs/behaviour.md section 4),
   and n bytes from it are in the buffer. */
static int inside(const void *p, size_t n, const unsigned char *buf, DWORD size)
{
    const unsigned char *c = p;
    return c >= buf && c < buf + size && (size_t)(buf + size - c) >= n;
}

/* Check one buffer of n records against src[0..n). */
static void check(const unsigned char *buf, DWORD n, const struct rec *src)
{
    DWORD size = 0;
    if (!n) {
        if (buf)
            fail("buffer without entries");
        return;
    }
    if (NetApiBufferSize((LPVOID)(uintptr_t)buf, &size) != NERR_Success)
        fail("not a NetApiBuffer");
    if ((uintptr_t)buf % alignof(struct rec) || size < n * sizeof(struct rec))
        fail("records");
    const struct rec *r = (const struct rec *)buf;
    for (DWORD i = 0; i < n; i++) {
        if (r[i].id != src[i].id || r[i].blob_len != src[i].blob_len)
            fail("fields");
        const char *pa[2] = {r[i].a, r[i].b}, *sa[2] = {src[i].a, src[i].b};
        for (int k = 0; k < 2; k++) {
            if (!sa[k]) {
                if (pa[k])
                    fail("NULL not kept");
                continue;
            }
            size_t len = strlen(sa[k]) + 1;
            if (!inside(pa[k], len, buf, size) || memcmp(pa[k], sa[k], len) != 0)
                fail("string");
        }
        if (!src[i].blob) {
            if (r[i].blob)
                fail("NULL blob not kept");
        } else if (!inside(r[i].blob, src[i].blob_len, buf, size) ||
                   (uintptr_t)r[i].blob % 4 ||
                   memcmp(r[i].blob, src[i].blob, src[i].blob_len) != 0) {
            fail("blob");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    static struct rec src[MAXREC];
    static char text[MAXREC * 2][256];
    unsigned sel = (unsigned)data[0] << 8 | data[1];
    DWORD pref = sel == 0xFFFF ? MAX_PREFERRED_LENGTH : sel % 8192;
    size_t at = 2, n = 0;
    while (n < MAXREC && at + 4 <= size) {
        unsigned flags = data[at], la = data[at + 1], lb = data[at + 2], lblob = data[at + 3];
        at += 4;
        struct rec *r = &src[n];
        memset(r, 0, sizeof *r);
        r->id = (DWORD)n * 2654435761u;
        size_t take = la < size - at ? la : size - at;
        memcpy(text[2 * n], data + at, take);
        text[2 * n][take] = '\0';
        at += take;
        r->a = flags & 1 ? NULL : text[2 * n];
        if (flags & 2) {
            r->b = flags & 4 && n ? src[n - 1].a : r->a; /* shared strings */
        } else {
            take = lb < size - at ? lb : size - at;
            memcpy(text[2 * n + 1], data + at, take);
            text[2 * n + 1][take] = '\0';
            at += take;
            r->b = text[2 * n + 1];
        }
        take = lblob < size - at ? lblob : size - at;
        r->blob = flags & 8 ? NULL : (void *)(uintptr_t)(data + at);
        r->blob_len = (DWORD)take;
        at += take;
        n++;
    }

    LPBYTE whole = NULL;
    DWORD got = 0;
    NET_API_STATUS st = netapibuf_pack(&layout, src, (DWORD)n, MAX_PREFERRED_LENGTH, &whole, &got);
    if (st != NERR_Success || got != n)
        fail("one call");
    check(whole, got, src);
    NetApiBufferFree(whole);

    size_t done = 0;
    while (done < n) {
        LPBYTE buf = NULL;
        DWORD size_page = 0;
        st = netapibuf_pack(&layout, src + done, (DWORD)(n - done), pref, &buf, &got);
        if ((st != NERR_Success && st != ERROR_MORE_DATA) || got == 0)
            fail("page");
        if ((st == ERROR_MORE_DATA) != (done + got < n))
            fail("status");
        NetApiBufferSize(buf, &size_page);
        if (got > 1 && size_page > pref)
            fail("page over prefmaxlen");
        check(buf, got, src + done);
        NetApiBufferFree(buf);
        done += got;
    }
    return 0;
}
