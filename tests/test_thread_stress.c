/*
 * test_thread_stress.c — docs/behaviour.md §2: every function is thread-safe and a buffer may
 * be resized or freed by a thread other than the one that allocated it.
 * Several threads allocate, resize, check and free buffers, and hand
 * buffers to each other through a mailbox; every buffer carries a pattern
 * derived from a serial number, checked by whoever receives it.  Labelled
 * "threads" for the ThreadSanitizer suite; registered in both modes.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"

#define THREADS 4
#define OPS 20000
#define SLOTS 16
#define MAILBOX 64

static pthread_mutex_t mailbox_lock = PTHREAD_MUTEX_INITIALIZER;
static void *mailbox[MAILBOX];
static int errors; /* under mailbox_lock: checks run in threads */

static void fail(void)
{
    pthread_mutex_lock(&mailbox_lock);
    errors++;
    pthread_mutex_unlock(&mailbox_lock);
}

/* A buffer's bytes: a pattern of its serial number. */
static void stamp(unsigned char *p, DWORD n, uint64_t serial)
{
    for (DWORD i = 0; i < n; i++)
        p[i] = (unsigned char)(serial * 31 + i);
}

/* Bytes [from, n) of p carry serial's pattern. */
static int verify_from(const unsigned char *p, DWORD from, DWORD n, uint64_t serial)
{
    for (DWORD i = from; i < n; i++)
        if (p[i] != (unsigned char)(serial * 31 + i))
            return 0;
    return 1;
}

static int verify(const unsigned char *p, DWORD n, uint64_t serial)
{
    for (DWORD i = 0; i < n; i++)
        if (p[i] != (unsigned char)(serial * 31 + i))
            return 0;
    return 1;
}

struct slot {
    unsigned char *p;
    DWORD n;
    uint64_t serial;
};

/* A posted buffer carries its size and serial in its first bytes. */
struct parcel {
    DWORD n;
    uint64_t serial;
};

static uint64_t next_serial(uint64_t *rng)
{
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    return *rng;
}

static void *worker(void *arg)
{
    uint64_t rng = 0x9e3779b97f4a7c15ULL * (uintptr_t)arg + 1;
    struct slot slots[SLOTS] = {{0}};
    for (int op = 0; op < OPS; op++) {
        uint64_t r = next_serial(&rng);
        struct slot *s = &slots[r % SLOTS];
        DWORD n = (DWORD)((r >> 8) % ((r >> 40) & 1 ? 70000 : 300));
        switch ((r >> 20) % 4) {
        case 0: /* allocate (or replace) */
            if (s->p && (!verify(s->p, s->n, s->serial) || NetApiBufferFree(s->p) != NERR_Success))
                fail();
            s->p = NULL;
            if (NetApiBufferAllocate(n, (LPVOID *)&s->p) != NERR_Success) {
                fail();
                break;
            }
            s->n = n;
            s->serial = r;
            stamp(s->p, n, r);
            break;
        case 1: { /* resize, keeping the common prefix */
            if (!s->p)
                break;
            unsigned char *q = NULL;
            if (NetApiBufferReallocate(s->p, n, (LPVOID *)&q) != NERR_Success) {
                fail();
                break;
            }
            DWORD kept = s->n < n ? s->n : n;
            if (n && !verify(q, kept, s->serial))
                fail();
            s->p = q;
            s->n = n;
            if (q)
                stamp(q, n, s->serial);
            break;
        }
        case 2: { /* post to another thread; take what is waiting */
            if (!s->p || s->n < sizeof(struct parcel))
                break;
            struct parcel parcel = {s->n, s->serial};
            memcpy(s->p, &parcel, sizeof parcel);
            pthread_mutex_lock(&mailbox_lock);
            unsigned char *got = mailbox[r % MAILBOX];
            mailbox[r % MAILBOX] = s->p;
            pthread_mutex_unlock(&mailbox_lock);
            s->p = NULL;
            if (got) {
                DWORD size = 0;
                memcpy(&parcel, got, sizeof parcel);
                if (NetApiBufferSize(got, &size) != NERR_Success || size != parcel.n ||
                    !verify_from(got, (DWORD)sizeof parcel, parcel.n, parcel.serial) ||
                    NetApiBufferFree(got) != NERR_Success)
                    fail();
            }
            break;
        }
        default: /* size check */
            if (s->p) {
                DWORD size = 0;
                if (NetApiBufferSize(s->p, &size) != NERR_Success || size != s->n ||
                    !verify(s->p, s->n, s->serial))
                    fail();
            }
        }
    }
    for (int i = 0; i < SLOTS; i++)
        if (slots[i].p && NetApiBufferFree(slots[i].p) != NERR_Success)
            fail();
    return NULL;
}

TEST(threads_share_buffers)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    pthread_t t[THREADS];
    for (uintptr_t i = 0; i < THREADS; i++)
        CHECK_EQ_U(pthread_create(&t[i], NULL, worker, (void *)(i + 1)), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < MAILBOX; i++)
        if (mailbox[i])
            CHECK_EQ_U(NetApiBufferFree(mailbox[i]), NERR_Success);
    CHECK_EQ_U(errors, 0);
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
    CHECK_EQ_U(after.live_bytes, before.live_bytes);
    CHECK_EQ_U(after.misuse_events, before.misuse_events);
}

int main(void)
{
    RUN(threads_share_buffers);
    return check_finish();
}
