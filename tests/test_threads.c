/* test_threads.c — buffers cross threads: allocated in one, resized and
   freed in another, with the counters still exact afterwards. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"

enum { ROUNDS = 20000, SLOTS = 64 };

/* A one-slot-per-index mailbox between a producer and a consumer. */
static LPVOID mailbox[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int consumer_errors;
static int consumer_moves;   /* resizes that moved (joined before it is read) */

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        LPVOID p;
        DWORD n = (DWORD)(1 + (i * 131) % 5000);
        if (NetApiBufferAllocate(n, &p) != NERR_Success)
            continue;
        memset(p, i & 0xFF, n);
        pthread_mutex_lock(&lock);
        while (mailbox[i % SLOTS])
            pthread_cond_wait(&changed, &lock);
        mailbox[i % SLOTS] = p;
        pthread_cond_broadcast(&changed);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        while (!mailbox[i % SLOTS])
            pthread_cond_wait(&changed, &lock);
        LPVOID p = mailbox[i % SLOTS];
        mailbox[i % SLOTS] = NULL;
        pthread_cond_broadcast(&changed);
        pthread_mutex_unlock(&lock);

        DWORD n = (DWORD)(1 + (i * 131) % 5000), size = 0;
        if (NetApiBufferSize(p, &size) != NERR_Success || size != n ||
            ((unsigned char *)p)[n - 1] != (unsigned char)(i & 0xFF))
            consumer_errors++;
        LPVOID before = p;
        if (i % 3 == 0 && NetApiBufferReallocate(p, n * 2, &p) != NERR_Success)
            consumer_errors++;
        consumer_moves += p != before; /* a new buffer: counted as an allocation */
        if (NetApiBufferFree(p) != NERR_Success)
            consumer_errors++;
    }
    return NULL;
}

TEST(allocate_here_free_there)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    pthread_t a, b;
    pthread_create(&a, NULL, producer, NULL);
    pthread_create(&b, NULL, consumer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    CHECK_EQ_U(consumer_errors, 0);
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
    CHECK_EQ_U(after.live_bytes, before.live_bytes);
    CHECK_EQ_U(after.total_allocations, before.total_allocations + ROUNDS + consumer_moves);
    CHECK_GE_U(after.peak_bytes, after.live_bytes);
}

/* Threads that exit while holding cached blocks give them back, and their
   counts survive them. */
static void *short_lived(void *arg)
{
    LPVOID *out = arg;
    LPVOID p[8];
    for (int i = 0; i < 8; i++)
        NetApiBufferAllocate(100, &p[i]);
    for (int i = 1; i < 8; i++)
        NetApiBufferFree(p[i]);
    *out = p[0]; /* outlives its thread */
    return NULL;
}

TEST(counts_survive_thread_exit)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    LPVOID survivors[10];
    for (int i = 0; i < 10; i++) {
        pthread_t t;
        pthread_create(&t, NULL, short_lived, &survivors[i]);
        pthread_join(t, NULL);
    }
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers + 10);
    CHECK_EQ_U(after.live_bytes, before.live_bytes + 1000);
    CHECK_EQ_U(after.total_allocations, before.total_allocations + 80);
    for (int i = 0; i < 10; i++)
        CHECK_EQ_U(NetApiBufferFree(survivors[i]), NERR_Success);
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
}

int main(void)
{
    RUN(allocate_here_free_there);
    RUN(counts_survive_thread_exit);
    return check_finish();
}
