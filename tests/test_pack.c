/* test_pack.c — docs/behaviour.md §4, the packer: layout invariants, prefmaxlen paging,
   string sharing, blobs, argument errors, and out-of-memory at every step. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "pack/pack.h"
#include "platform/sysalloc.h"

/* A record with two strings, a blob and plain fields, like a LOCALGROUP_MEMBERS_INFO. */
struct rec {
    char *name;
    DWORD id;
    char *comment;
    void *blob;
    DWORD blob_len;
    uint64_t wide; /* forces 8-byte alignment */
};

static const size_t rec_strings[] = {offsetof(struct rec, name), offsetof(struct rec, comment)};
static const struct netapibuf_blob_field rec_blobs[] = {
    {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 8}};
static const struct netapibuf_record_layout rec_layout = {
    sizeof(struct rec), alignof(struct rec), 2, rec_strings, 1, rec_blobs};

/* A record with no pointer at all, like TIME_OF_DAY_INFO. */
struct plain {
    DWORD a, b, c;
};
static const struct netapibuf_record_layout plain_layout = {sizeof(struct plain),
                                                            alignof(struct plain), 0, NULL, 0,
                                                            NULL};

#define NREC 60
static struct rec src[NREC];
static char names[NREC][40];
static char blobs[NREC][24];

static unsigned rng_state = 12345;
static unsigned rng(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 8) & 0xFFFFFF;
}

/* Entries with varied sizes, repeated strings ("shared") and NULL fields. */
static void make_source(void)
{
    for (int i = 0; i < NREC; i++) {
        int len = (int)(rng() % 30);
        for (int k = 0; k < len; k++)
            names[i][k] = (char)('a' + (i + k) % 26);
        names[i][len] = '\0';
        src[i].name = names[i];
        src[i].id = (DWORD)i * 7u;
        src[i].comment = i % 5 == 0 ? NULL : (i % 3 == 0 ? "shared" : names[(i * 7) % NREC]);
        src[i].blob_len = (DWORD)(rng() % 24);
        for (DWORD k = 0; k < src[i].blob_len; k++)
            blobs[i][k] = (char)(i ^ (int)k);
        src[i].blob = i % 4 == 1 ? NULL : blobs[i];
        src[i].wide = (uint64_t)i << 40;
    }
}

/* p points inside [buf, buf + size) (never at buf + size: docs/behaviour.md section 4)
   and n bytes from it are in the buffer too. */
static int inside(const void *p, const unsigned char *buf, DWORD size, size_t n)
{
    const unsigned char *c = p;
    return c >= buf && c < buf + size && (size_t)(buf + size - c) >= n;
}

/* Every invariant of docs/behaviour.md §4 for a buffer holding n records of src[first..]. */
static void check_buffer(const LPBYTE buf, DWORD n, DWORD first)
{
    if (!n) {
        CHECK_EQ_P(buf, NULL);
        return;
    }
    DWORD size = 0;
    CHECK_EQ_U(NetApiBufferSize(buf, &size), NERR_Success);
    CHECK_EQ_U((uintptr_t)buf % alignof(struct rec), 0);
    CHECK_GE_U(size, (uint64_t)n * sizeof(struct rec));
    const struct rec *r = (const struct rec *)buf;
    for (DWORD i = 0; i < n; i++) {
        const struct rec *s = &src[first + i];
        CHECK_EQ_U(r[i].id, s->id);
        CHECK_EQ_U(r[i].wide, s->wide);
        CHECK_EQ_U(r[i].blob_len, s->blob_len);
        if (s->name) {
            if (!inside(r[i].name, buf, size, strlen(s->name) + 1))
                CHECK_MSG_(0, "entry %u: name outside the buffer", (unsigned)(first + i));
            else
                CHECK_EQ_S(r[i].name, s->name);
        }
        if (s->comment) {
            if (!inside(r[i].comment, buf, size, strlen(s->comment) + 1))
                CHECK_MSG_(0, "entry %u: comment outside the buffer", (unsigned)(first + i));
            else
                CHECK_EQ_S(r[i].comment, s->comment);
        } else {
            CHECK_EQ_P(r[i].comment, NULL);
        }
        if (s->blob) {
            CHECK(inside(r[i].blob, buf, size, s->blob_len));
            CHECK_EQ_U((uintptr_t)r[i].blob % 8, 0);
            CHECK(memcmp(r[i].blob, s->blob, s->blob_len) == 0);
            /* strings and blobs live after the record array */
            CHECK((const unsigned char *)r[i].blob >= buf + n * sizeof(struct rec));
        } else {
            CHECK_EQ_P(r[i].blob, NULL);
        }
    }
}

TEST(everything_at_max_preferred_length)
{
    LPBYTE buf = NULL;
    DWORD n = 99;
    CHECK_EQ_U(netapibuf_pack(&rec_layout, src, NREC, MAX_PREFERRED_LENGTH, &buf, &n),
               NERR_Success);
    CHECK_EQ_U(n, NREC);
    check_buffer(buf, n, 0);
    CHECK_EQ_U(NetApiBufferFree(buf), NERR_Success);
}

/* Paging with every prefmaxlen from 1 to the one-call size (and beyond)
   returns every entry exactly once, in order, in pages within prefmaxlen
   unless a page is a single larger entry. */
TEST(paging_every_prefmaxlen)
{
    LPBYTE whole = NULL;
    DWORD n = 0, whole_size = 0;
    netapibuf_pack(&rec_layout, src, NREC, MAX_PREFERRED_LENGTH, &whole, &n);
    NetApiBufferSize(whole, &whole_size);
    NetApiBufferFree(whole);
    for (DWORD pref = 1; pref <= whole_size + 64; pref++) {
        DWORD at = 0, pages = 0;
        while (at < NREC) {
            LPBYTE buf = NULL;
            DWORD got = 0, size = 0;
            NET_API_STATUS st =
                netapibuf_pack(&rec_layout, src + at, NREC - at, pref, &buf, &got);
            if (got == 0 || (st != NERR_Success && st != ERROR_MORE_DATA)) {
                CHECK_MSG_(0, "prefmaxlen %u: status %u, %u entries", (unsigned)pref,
                           (unsigned)st, (unsigned)got);
                NetApiBufferFree(buf);
                break;
            }
            CHECK_EQ_U(st, at + got < NREC ? ERROR_MORE_DATA : NERR_Success);
            NetApiBufferSize(buf, &size);
            if (got > 1 && size > pref)
                CHECK_MSG_(0, "prefmaxlen %u: page of %u entries is %u bytes", (unsigned)pref,
                           (unsigned)got, (unsigned)size);
            /* whole entries, as many as fit: one more would not have */
            if (st == ERROR_MORE_DATA) {
                LPBYTE more = NULL;
                DWORD got2 = 0, size2 = 0;
                netapibuf_pack(&rec_layout, src + at, got + 1, MAX_PREFERRED_LENGTH, &more,
                               &got2);
                NetApiBufferSize(more, &size2);
                CHECK(size2 > pref);
                NetApiBufferFree(more);
            }
            check_buffer(buf, got, at);
            CHECK_EQ_U(NetApiBufferFree(buf), NERR_Success);
            at += got;
            pages++;
        }
        CHECK_EQ_U(at, NREC);
        if (pref >= whole_size)
            CHECK_EQ_U(pages, 1);
    }
}

/* Incremental use: add() refuses once full and keeps refusing. */
TEST(incremental_refuses_after_full)
{
    netapibuf_packer *p = NULL;
    CHECK_EQ_U(netapibuf_packer_create(&rec_layout, 200, &p), NERR_Success);
    DWORD taken = 0;
    NET_API_STATUS st = NERR_Success;
    for (int i = 0; i < NREC && st == NERR_Success; i++)
        if ((st = netapibuf_packer_add(p, &src[i])) == NERR_Success)
            taken++;
    CHECK_EQ_U(st, ERROR_MORE_DATA);
    CHECK_EQ_U(netapibuf_packer_count(p), taken);
    CHECK_EQ_U(netapibuf_packer_add(p, &src[0]), ERROR_MORE_DATA); /* a small one too */
    LPBYTE buf = NULL;
    DWORD n = 0;
    CHECK_EQ_U(netapibuf_packer_finish(p, &buf, &n), NERR_Success);
    CHECK_EQ_U(n, taken);
    check_buffer(buf, n, 0);
    NetApiBufferFree(buf);
}

/* One entry larger than prefmaxlen still comes back alone. */
TEST(single_large_entry)
{
    static char big[5000];
    memset(big, 'x', sizeof big - 1);
    struct rec r[2] = {{big, 1, NULL, NULL, 0, 0}, {"b", 2, NULL, NULL, 0, 0}};
    LPBYTE buf = NULL;
    DWORD n = 0;
    CHECK_EQ_U(netapibuf_pack(&rec_layout, r, 2, 100, &buf, &n), ERROR_MORE_DATA);
    CHECK_EQ_U(n, 1);
    CHECK(strcmp(((struct rec *)buf)->name, big) == 0);
    NetApiBufferFree(buf);
}

/* Identical strings are stored once; two fields may share bytes. */
TEST(identical_strings_stored_once)
{
    struct rec r[3] = {{"same", 1, "same", NULL, 0, 0},
                       {"same", 2, "other", NULL, 0, 0},
                       {"other", 3, "", NULL, 0, 0}};
    LPBYTE buf = NULL;
    DWORD n = 0, size = 0;
    CHECK_EQ_U(netapibuf_pack(&rec_layout, r, 3, MAX_PREFERRED_LENGTH, &buf, &n), NERR_Success);
    struct rec *o = (struct rec *)buf;
    CHECK_EQ_P(o[0].name, o[0].comment);
    CHECK_EQ_P(o[0].name, o[1].name);
    CHECK_EQ_P(o[1].comment, o[2].name);
    CHECK_EQ_S(o[2].comment, "");
    NetApiBufferSize(buf, &size);
    /* records, padding to 16, then "same\0other\0\0" */
    CHECK_EQ_U(size, ((3 * sizeof(struct rec) + 15) & ~(size_t)15) + 5 + 6 + 1);
    NetApiBufferFree(buf);
}

/* Records without pointers (TIME_OF_DAY_INFO-like): a bare array. */
/* SIDs and fixed-length blobs: lengths that are not fields of the record. */
struct sid_rec {
    void *sid;
    DWORD use;
    void *hours;
};
static const struct netapibuf_blob_field sid_blobs[] = {
    {offsetof(struct sid_rec, sid), NETAPIBUF_LENGTH_SID, 4},
    {offsetof(struct sid_rec, hours), NETAPIBUF_LENGTH_FIXED(21), 1}};
static const struct netapibuf_record_layout sid_layout = {
    sizeof(struct sid_rec), alignof(struct sid_rec), 0, NULL, 2, sid_blobs};

TEST(sid_and_fixed_length_blobs)
{
    /* S-1-22-1-1000 (Samba's Unix user SID) and S-1-5-32-544: 16 and 16 bytes;
       a SID without sub-authorities: 8 bytes. */
    static const unsigned char unix_user[16] = {1, 2, 0, 0, 0, 0, 0, 22, 1, 0, 0, 0, 0xE8, 3, 0, 0};
    static const unsigned char empty_sid[8] = {1, 0, 0, 0, 0, 0, 0, 5};
    unsigned char hours[21];
    memset(hours, 0xFF, sizeof hours);
    hours[20] = 0x7F;
    unsigned char user_sid[16], no_sub_sid[8];
    memcpy(user_sid, unix_user, sizeof user_sid);
    memcpy(no_sub_sid, empty_sid, sizeof no_sub_sid);
    struct sid_rec sids[3] = {{user_sid, 1, hours}, {no_sub_sid, 2, NULL}, {NULL, 3, hours}};
    LPBYTE buf = NULL;
    DWORD n = 0, size = 0;
    CHECK_EQ_U(netapibuf_pack(&sid_layout, sids, 3, MAX_PREFERRED_LENGTH, &buf, &n), NERR_Success);
    CHECK_EQ_U(n, 3);
    CHECK_EQ_U(NetApiBufferSize(buf, &size), NERR_Success);
    const struct sid_rec *r = (const struct sid_rec *)buf;
    CHECK(inside(r[0].sid, buf, size, 16));
    CHECK(memcmp(r[0].sid, unix_user, 16) == 0);
    CHECK_EQ_U((uintptr_t)r[0].sid % 4, 0);
    CHECK(inside(r[0].hours, buf, size, 21));
    CHECK(memcmp(r[0].hours, hours, 21) == 0);
    CHECK(inside(r[1].sid, buf, size, 8));
    CHECK(memcmp(r[1].sid, empty_sid, 8) == 0);
    CHECK_EQ_P(r[1].hours, NULL);
    CHECK_EQ_P(r[2].sid, NULL);
    CHECK(inside(r[2].hours, buf, size, 21));
    /* three records, two SIDs (16 + 8), two hour strings (21 + 21) */
    CHECK(size >= 3 * sizeof(struct sid_rec) + 16 + 8 + 21 + 21);
    NetApiBufferFree(buf);

    /* a SID that claims 16 sub-authorities has no knowable end: refused */
    unsigned char bad[72] = {1, 16, 0, 0, 0, 0, 0, 5};
    struct sid_rec wrong = {bad, 0, NULL};
    buf = (LPBYTE)1;
    CHECK_EQ_U(netapibuf_pack(&sid_layout, &wrong, 1, MAX_PREFERRED_LENGTH, &buf, &n),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(buf, NULL);
}

TEST(records_without_pointers)
{
    struct plain v[3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    LPBYTE buf = NULL;
    DWORD n = 0, size = 0;
    CHECK_EQ_U(netapibuf_pack(&plain_layout, v, 3, MAX_PREFERRED_LENGTH, &buf, &n), NERR_Success);
    NetApiBufferSize(buf, &size);
    CHECK_EQ_U(size, sizeof v);
    CHECK(memcmp(buf, v, sizeof v) == 0);
    NetApiBufferFree(buf);
    CHECK_EQ_U(netapibuf_pack(&plain_layout, v, 3, 2 * sizeof v[0], &buf, &n), ERROR_MORE_DATA);
    CHECK_EQ_U(n, 2);
    NetApiBufferFree(buf);
}

TEST(no_entries_no_buffer)
{
    LPBYTE buf = (LPBYTE)1;
    DWORD n = 5;
    CHECK_EQ_U(netapibuf_pack(&rec_layout, NULL, 0, MAX_PREFERRED_LENGTH, &buf, &n), NERR_Success);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(n, 0);
    netapibuf_packer *p;
    netapibuf_packer_create(&rec_layout, 10, &p);
    buf = (LPBYTE)1;
    CHECK_EQ_U(netapibuf_packer_finish(p, &buf, &n), NERR_Success);
    CHECK_EQ_P(buf, NULL);
}

TEST(invalid_arguments)
{
    LPBYTE buf = (LPBYTE)1;
    DWORD n = 5;
    netapibuf_packer *p = (netapibuf_packer *)1;
    CHECK_EQ_U(netapibuf_packer_create(NULL, 1, &p), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(p, NULL);
    CHECK_EQ_U(netapibuf_packer_create(&rec_layout, 1, NULL), ERROR_INVALID_PARAMETER);
    struct netapibuf_record_layout bad = rec_layout;
    bad.size = 0;
    CHECK_EQ_U(netapibuf_packer_create(&bad, 1, &p), ERROR_INVALID_PARAMETER);
    bad = rec_layout;
    bad.align = 3;
    CHECK_EQ_U(netapibuf_packer_create(&bad, 1, &p), ERROR_INVALID_PARAMETER);
    bad = rec_layout;
    bad.align = 32;
    CHECK_EQ_U(netapibuf_packer_create(&bad, 1, &p), ERROR_INVALID_PARAMETER);
    static const size_t outside[] = {sizeof(struct rec)};
    bad = rec_layout;
    bad.string_offsets = outside;
    bad.string_count = 1;
    CHECK_EQ_U(netapibuf_packer_create(&bad, 1, &p), ERROR_INVALID_PARAMETER);
    static const size_t misaligned[] = {4};
    bad.string_offsets = misaligned;
    CHECK_EQ_U(netapibuf_packer_create(&bad, 1, &p), ERROR_INVALID_PARAMETER);
    bad = rec_layout;
    bad.string_count = NETAPIBUF_PACK_MAX_FIELDS + 1;
    CHECK_EQ_U(netapibuf_packer_create(&bad, 1, &p), ERROR_INVALID_PARAMETER);

    CHECK_EQ_U(netapibuf_pack(NULL, src, 1, 1, &buf, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(n, 0);
    CHECK_EQ_U(netapibuf_pack(&rec_layout, src, 1, 1, NULL, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(netapibuf_pack(&rec_layout, src, 1, 1, &buf, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(netapibuf_pack(&rec_layout, NULL, 1, 1, &buf, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(netapibuf_packer_add(NULL, src), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(netapibuf_packer_count(NULL), 0);
    netapibuf_packer_destroy(NULL);

    /* finish consumes the packer even on a NULL out-parameter (no leak) */
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    CHECK_EQ_U(netapibuf_packer_create(&rec_layout, MAX_PREFERRED_LENGTH, &p), NERR_Success);
    CHECK_EQ_U(netapibuf_packer_add(p, &src[1]), NERR_Success);
    CHECK_EQ_U(netapibuf_packer_add(p, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(netapibuf_packer_finish(p, NULL, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(netapibuf_packer_finish(NULL, &buf, &n), ERROR_INVALID_PARAMETER);
    CHECK_EQ_P(buf, NULL);
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
}

/* The layouts the adversarial run slipped past the checks: pointer
   fields that overlap each other, a string that is also a blob, a blob
   length on its own pointer, plus every other way a field can leave the
   record or its alignment.  Each is 87, from both entry points. */
TEST(hostile_layouts_rejected)
{
    static const size_t twice[] = {offsetof(struct rec, name), offsetof(struct rec, name)};
    static const size_t half_over[] = {offsetof(struct rec, name), offsetof(struct rec, name) + 8,
                                       offsetof(struct rec, name) + 4};
    static const size_t name_only[] = {offsetof(struct rec, name)};
    static const size_t blob_as_string[] = {offsetof(struct rec, blob)};
    static const struct netapibuf_blob_field length_on_pointer[] = {
        {offsetof(struct rec, blob), offsetof(struct rec, blob) + 4, 8}};
    static const struct netapibuf_blob_field length_on_string[] = {
        {offsetof(struct rec, blob), offsetof(struct rec, name), 8}};
    static const struct netapibuf_blob_field two_on_one_length[] = {
        {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 8},
        {offsetof(struct rec, comment), offsetof(struct rec, blob_len), 8}};
    static const struct netapibuf_blob_field pointer_twice[] = {
        {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 8},
        {offsetof(struct rec, blob), offsetof(struct rec, id), 8}};
    static const struct netapibuf_blob_field length_outside[] = {
        {offsetof(struct rec, blob), sizeof(struct rec) - 2, 8}};
    static const struct netapibuf_blob_field length_misaligned[] = {
        {offsetof(struct rec, blob), offsetof(struct rec, blob_len) + 2, 8}};
    static const struct netapibuf_blob_field blob_align_bad[] = {
        {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 32}};
    static const size_t huge[] = {SIZE_MAX - 3};
    const struct netapibuf_record_layout bad[] = {
        {sizeof(struct rec), alignof(struct rec), 2, twice, 0, NULL},
        {sizeof(struct rec), alignof(struct rec), 3, half_over, 0, NULL},
        {sizeof(struct rec), alignof(struct rec), 1, blob_as_string, 1, rec_blobs},
        {sizeof(struct rec), alignof(struct rec), 0, NULL, 1, length_on_pointer},
        {sizeof(struct rec), alignof(struct rec), 1, name_only, 1, length_on_string},
        {sizeof(struct rec), alignof(struct rec), 0, NULL, 2, two_on_one_length},
        {sizeof(struct rec), alignof(struct rec), 0, NULL, 2, pointer_twice},
        {sizeof(struct rec), alignof(struct rec), 0, NULL, 1, length_outside},
        {sizeof(struct rec), alignof(struct rec), 0, NULL, 1, length_misaligned},
        {sizeof(struct rec), alignof(struct rec), 0, NULL, 1, blob_align_bad},
        {sizeof(struct rec), alignof(struct rec), 1, huge, 0, NULL},
        /* records aligned to 4: the second record's pointer would be misaligned */
        {12, 4, 1, name_only, 0, NULL},
        {16, 4, 1, name_only, 0, NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        netapibuf_packer *p = (netapibuf_packer *)1;
        if (netapibuf_packer_create(&bad[i], MAX_PREFERRED_LENGTH, &p) != ERROR_INVALID_PARAMETER)
            CHECK_MSG_(0, "layout %zu accepted", i);
        CHECK_EQ_P(p, NULL);
        LPBYTE buf = (LPBYTE)1;
        DWORD n = 9;
        CHECK_EQ_U(netapibuf_pack(&bad[i], src, 2, MAX_PREFERRED_LENGTH, &buf, &n),
                   ERROR_INVALID_PARAMETER);
        CHECK_EQ_P(buf, NULL);
        CHECK_EQ_U(n, 0);
    }
}

/* The packer keeps the layout it validated: arrays changed after create
   (to a layout it would refuse) change nothing. */
TEST(layout_changed_after_create)
{
    size_t offsets[2] = {offsetof(struct rec, name), offsetof(struct rec, comment)};
    struct netapibuf_blob_field blob[1] = {rec_blobs[0]};
    struct netapibuf_record_layout layout = {sizeof(struct rec), alignof(struct rec), 2, offsets,
                                             1, blob};
    netapibuf_packer *p;
    CHECK_EQ_U(netapibuf_packer_create(&layout, MAX_PREFERRED_LENGTH, &p), NERR_Success);
    offsets[0] = offsetof(struct rec, id);
    offsets[1] = sizeof(struct rec);
    blob[0].length_offset = offsetof(struct rec, blob);
    layout.string_count = 0;
    CHECK_EQ_U(netapibuf_packer_add(p, &src[3]), NERR_Success);
    CHECK_EQ_U(netapibuf_packer_add(p, &src[4]), NERR_Success);
    LPBYTE buf = NULL;
    DWORD n = 0;
    CHECK_EQ_U(netapibuf_packer_finish(p, &buf, &n), NERR_Success);
    CHECK_EQ_U(n, 2);
    check_buffer(buf, n, 3);
    NetApiBufferFree(buf);
}

/* A non-NULL blob of 0 bytes: its pointer stays non-NULL, lies inside the
   buffer (never at buf + size) and has the blob's alignment, also when it
   is the only datum of the buffer. */
TEST(empty_blobs_inside_and_aligned)
{
    static const struct netapibuf_blob_field wide[] = {
        {offsetof(struct rec, blob), offsetof(struct rec, blob_len), 16}};
    const struct netapibuf_record_layout layouts[] = {
        rec_layout, {sizeof(struct rec), alignof(struct rec), 2, rec_strings, 1, wide}};
    static char empty_source[1];
    for (size_t k = 0; k < 2; k++)
        for (DWORD count = 1; count <= 3; count++) {
            struct rec r[3] = {{NULL, 1, NULL, empty_source, 0, 5},
                               {"x", 2, NULL, empty_source, 0, 6},
                               {NULL, 3, NULL, empty_source, 0, 7}};
            LPBYTE buf = NULL;
            DWORD n = 0, size = 0;
            CHECK_EQ_U(netapibuf_pack(&layouts[k], r, count, MAX_PREFERRED_LENGTH, &buf, &n),
                       NERR_Success);
            CHECK_EQ_U(n, count);
            NetApiBufferSize(buf, &size);
            const struct rec *o = (const struct rec *)buf;
            for (DWORD i = 0; i < n; i++) {
                CHECK(o[i].blob != NULL);
                CHECK(inside(o[i].blob, buf, size, 1));
                CHECK_EQ_U((uintptr_t)o[i].blob % layouts[k].blobs[0].align, 0);
                CHECK_EQ_U(o[i].blob_len, 0);
            }
            NetApiBufferFree(buf);
        }
}

/* The rules of a valid layout restated byte by byte, to check the packer's
   verdict on random layouts: every field inside the record and aligned,
   no byte claimed by two fields, pointer fields only in records aligned
   for a pointer. */
static int oracle_valid(const struct netapibuf_record_layout *l)
{
    if (!l->size || !l->align || (l->align & (l->align - 1)) || l->align > 16 || l->size % l->align)
        return 0;
    if (l->string_count + l->blob_count && l->align < sizeof(void *))
        return 0;
    unsigned char claimed[512] = {0};
    size_t offs[3 * 8], lens[3 * 8], n = 0;
    for (size_t i = 0; i < l->string_count; i++) {
        offs[n] = l->string_offsets[i];
        lens[n++] = sizeof(char *);
    }
    for (size_t i = 0; i < l->blob_count; i++) {
        unsigned a = (unsigned)l->blobs[i].align;
        if (!a || (a & (a - 1)) || a > 16)
            return 0;
        offs[n] = l->blobs[i].pointer_offset;
        lens[n++] = sizeof(void *);
        offs[n] = l->blobs[i].length_offset;
        lens[n++] = sizeof(DWORD);
    }
    for (size_t i = 0; i < n; i++) {
        if (offs[i] % lens[i] || offs[i] + lens[i] > l->size)
            return 0;
        for (size_t b = offs[i]; b < offs[i] + lens[i]; b++)
            if (claimed[b]++)
                return 0;
    }
    return 1;
}

TEST(random_layouts_against_the_rules)
{
    static const size_t aligns[] = {1, 2, 3, 4, 8, 16, 32};
    unsigned valid = 0;
    for (int round = 0; round < 20000; round++) {
        size_t strings[8];
        struct netapibuf_blob_field blob[8];
        struct netapibuf_record_layout l;
        l.align = aligns[rng() % 7];
        l.size = 8 * (1 + rng() % 12) + (rng() % 4 == 0 ? rng() % 8 : 0);
        l.string_count = rng() % 4;
        l.blob_count = rng() % 3;
        for (size_t i = 0; i < l.string_count; i++)
            strings[i] = (rng() % 2 ? 8 : 4) * (rng() % 14);
        for (size_t i = 0; i < l.blob_count; i++) {
            blob[i].pointer_offset = (rng() % 2 ? 8 : 4) * (rng() % 14);
            blob[i].length_offset = (rng() % 3 ? 4 : 2) * (rng() % 28);
            blob[i].align = aligns[rng() % 7];
        }
        l.string_offsets = strings;
        l.blobs = blob;
        int expect = oracle_valid(&l);
        netapibuf_packer *p = NULL;
        NET_API_STATUS st = netapibuf_packer_create(&l, MAX_PREFERRED_LENGTH, &p);
        if (st != (expect ? NERR_Success : ERROR_INVALID_PARAMETER)) {
            CHECK_MSG_(0, "round %d: status %u, the rules say %s", round, (unsigned)st,
                       expect ? "valid" : "invalid");
            netapibuf_packer_destroy(p);
            continue;
        }
        if (!expect)
            continue;
        valid++;
        /* Pack two records and check every pointer against its source. */
        alignas(16) unsigned char rec[2][104];
        static char text[8][16];
        static unsigned char bytes[8][40];
        for (int k = 0; k < 2; k++) {
            memset(rec[k], 0x11 + k, l.size);
            for (size_t i = 0; i < l.string_count; i++) {
                snprintf(text[i], sizeof text[i], "s%zu-%d", i, round % 100);
                char *v = rng() % 5 ? text[i] : NULL;
                memcpy(rec[k] + strings[i], &v, sizeof v);
            }
            for (size_t i = 0; i < l.blob_count; i++) {
                DWORD len = rng() % 4 ? (DWORD)(rng() % 40) : 0;
                void *v = rng() % 5 ? bytes[i] : NULL;
                memset(bytes[i], (int)(i + 1), sizeof bytes[i]);
                memcpy(rec[k] + blob[i].pointer_offset, &v, sizeof v);
                memcpy(rec[k] + blob[i].length_offset, &len, sizeof len);
            }
            CHECK_EQ_U(netapibuf_packer_add(p, rec[k]), NERR_Success);
        }
        LPBYTE buf = NULL;
        DWORD n = 0, size = 0;
        CHECK_EQ_U(netapibuf_packer_finish(p, &buf, &n), NERR_Success);
        CHECK_EQ_U(n, 2);
        NetApiBufferSize(buf, &size);
        for (int k = 0; k < 2; k++) {
            const unsigned char *out = buf + k * l.size;
            for (size_t i = 0; i < l.string_count; i++) {
                char *was, *now;
                memcpy(&was, rec[k] + strings[i], sizeof was);
                memcpy(&now, out + strings[i], sizeof now);
                if (!was)
                    CHECK_EQ_P(now, NULL);
                else if (!inside(now, buf, size, strlen(was) + 1) || strcmp(now, was) != 0)
                    CHECK_MSG_(0, "round %d: string %zu outside or wrong", round, i);
            }
            for (size_t i = 0; i < l.blob_count; i++) {
                unsigned char *was, *now;
                DWORD len;
                memcpy(&was, rec[k] + blob[i].pointer_offset, sizeof was);
                memcpy(&now, out + blob[i].pointer_offset, sizeof now);
                memcpy(&len, out + blob[i].length_offset, sizeof len);
                if (!was)
                    CHECK_EQ_P(now, NULL);
                else if (!inside(now, buf, size, len ? len : 1) ||
                         (uintptr_t)now % blob[i].align || memcmp(now, was, len) != 0)
                    CHECK_MSG_(0, "round %d: blob %zu outside, misaligned or wrong", round, i);
            }
        }
        NetApiBufferFree(buf);
    }
    CHECK(valid > 500); /* the rounds did reach the packing half */
}

/* Fail the Nth underlying allocation for every N: a clean 8, NULL buffer,
   no live buffer left behind; then the same call succeeds. */
TEST(out_of_memory_every_step)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    int failures = 0;
    for (long nth = 1;; nth++) {
        LPBYTE buf = (LPBYTE)1;
        DWORD n = 7;
        nbi_packer_stash_flush(); /* every segment from malloc */
        nbi_fault_fail_nth(nth);
        NET_API_STATUS st = netapibuf_pack(&rec_layout, src, NREC, MAX_PREFERRED_LENGTH, &buf, &n);
        int fired = nbi_fault_fired();
        nbi_fault_fail_nth(0);
        if (!fired) {
            CHECK_EQ_U(st, NERR_Success);
            check_buffer(buf, n, 0);
            NetApiBufferFree(buf);
            break;
        }
        failures++;
        CHECK_EQ_U(st, ERROR_NOT_ENOUGH_MEMORY);
        CHECK_EQ_P(buf, NULL);
        CHECK_EQ_U(n, 0);
        if (nth > 1000) {
            CHECK_MSG_(0, "allocation failures never stop");
            break;
        }
    }
    CHECK(failures >= 3); /* packer, records, data at least */
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);

    /* an add that fails for memory leaves the packer usable */
    netapibuf_packer *p;
    CHECK_EQ_U(netapibuf_packer_create(&rec_layout, MAX_PREFERRED_LENGTH, &p), NERR_Success);
    nbi_packer_stash_flush();
    nbi_fault_fail_nth(1);
    CHECK_EQ_U(netapibuf_packer_add(p, &src[2]), ERROR_NOT_ENOUGH_MEMORY);
    nbi_fault_fail_nth(0);
    CHECK_EQ_U(netapibuf_packer_count(p), 0);
    CHECK_EQ_U(netapibuf_packer_add(p, &src[2]), NERR_Success);
    LPBYTE buf = NULL;
    DWORD n = 0;
    CHECK_EQ_U(netapibuf_packer_finish(p, &buf, &n), NERR_Success);
    check_buffer(buf, n, 2);
    NetApiBufferFree(buf);
}

/* A result far larger than the stash: staging segments go back to the
   stash only up to its 4 MiB bound, and a second result reuses them. */
TEST(staging_stash_is_bounded)
{
    enum { N = 200000 };
    struct rec *many = malloc(N * sizeof *many);
    static char big[64];
    memset(big, 'q', sizeof big - 1);
    for (int i = 0; i < N; i++) {
        many[i] = src[i % NREC];
        many[i].comment = big; /* shared by every entry */
        many[i].blob = NULL;
    }
    nbi_packer_stash_flush();
    for (int round = 0; round < 2; round++) {
        LPBYTE buf = NULL;
        DWORD n = 0;
        CHECK_EQ_U(netapibuf_pack(&rec_layout, many, N, MAX_PREFERRED_LENGTH, &buf, &n),
                   NERR_Success);
        CHECK_EQ_U(n, N);
        CHECK_EQ_P(((struct rec *)buf)[0].comment, ((struct rec *)buf)[N - 1].comment);
        NetApiBufferFree(buf);
        CHECK(nbi_packer_stash_bytes() > 0);
        CHECK(nbi_packer_stash_bytes() <= ((size_t)4 << 20));
    }
    free(many);
}

int main(void)
{
    make_source();
    RUN(everything_at_max_preferred_length);
    RUN(paging_every_prefmaxlen);
    RUN(incremental_refuses_after_full);
    RUN(single_large_entry);
    RUN(identical_strings_stored_once);
    RUN(sid_and_fixed_length_blobs);
    RUN(records_without_pointers);
    RUN(no_entries_no_buffer);
    RUN(invalid_arguments);
    RUN(hostile_layouts_rejected);
    RUN(layout_changed_after_create);
    RUN(empty_blobs_inside_and_aligned);
    RUN(random_layouts_against_the_rules);
    RUN(out_of_memory_every_step);
    RUN(staging_stash_is_bounded);
    return check_finish();
}
