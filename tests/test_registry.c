/*
 * test_registry.c — strict mode's registry (src/registry.h): a shard is
 * biased to the thread that keeps using it, the bias is revoked when
 * another thread comes (which waits for the owner to leave), threads that
 * share a shard keep it consistent, shards work with no bias at all, a
 * child forked while a shard is biased can use it, and buffers released
 * by another thread than their allocator's are handled in strict mode.
 *
 * Also: windows get shards by first use (distinct ones while there are
 * shards left, the same one at every look, one even when the window table
 * is crowded), and threads working at once get distinct shards.
 *
 * Static build: it calls the registry directly.  Registry keys are never
 * dereferenced, so made-up addresses in one 64 MiB window (one shard) stand
 * in for buffers.  Run with NETAPIBUF_CHECK=strict.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lm.h>
#include <netapibuf.h>

#include "capture.h"
#include "check.h"
#include "check/registry.h"
#include "spawn.h"
#include "tools.h"

/* Thread identities as the registry sees them: any distinct addresses. */
static struct nbi_visitor id_a, id_b, id_c;

#define REGION 0x7a0000000000ULL /* 64 MiB aligned: every key below shares a shard */
static void *key(unsigned i)
{
    return (void *)(uintptr_t)(REGION + 16u * (i + 1));
}

static struct nbi_shard *shard(void)
{
    return nbi_registry_shard(key(0));
}

static const void *owner_of(struct nbi_shard *s)
{
    return __atomic_load_n(&s->owner, __ATOMIC_RELAXED);
}

/* One insert/find/remove round trip of key k as thread me. */
static int round_trip(struct nbi_visitor *me, unsigned k)
{
    struct nbi_shard *s = nbi_registry_enter(me, key(k));
    int ok = nbi_shard_insert(s, key(k), k) == 0;
    nbi_registry_leave(me, s);
    s = nbi_registry_enter(me, key(k));
    struct nbi_entry *e = nbi_shard_find(s, key(k));
    ok = ok && e && e->size == k && nbi_entry_is_live(e);
    if (e)
        nbi_shard_remove(s, e);
    nbi_registry_leave(me, s);
    return ok;
}

/* Enter and leave until the shard is biased to me (or give up). */
static int bias_to(struct nbi_visitor *me)
{
    for (unsigned i = 0; i < (1u << 24) && owner_of(shard()) != me; i++) {
        struct nbi_shard *s = nbi_registry_enter(me, key(0));
        nbi_registry_leave(me, s);
    }
    return owner_of(shard()) == me;
}

static int barrier_offered;

/* Entries in the shard before a test: real buffers of this process may
   share it (once the shards are all given, windows share them). */
static uint32_t count_before;
static uint32_t count_now(void)
{
    struct nbi_shard *s = nbi_registry_enter(NULL, key(0));
    uint32_t n = s->count;
    nbi_registry_leave(NULL, s);
    return n;
}

TEST(bias_follows_a_run_and_is_revoked)
{
    if (!barrier_offered)
        return; /* no membarrier here: shards are never biased (next test) */
    CHECK(bias_to(&id_a));
    CHECK(round_trip(&id_a, 1));
    CHECK_EQ_P(owner_of(shard()), &id_a); /* the owner's own calls keep it */
    CHECK(round_trip(&id_b, 2));           /* another thread revokes */
    CHECK_EQ_P(owner_of(shard()), NULL);
    uint32_t longer = shard()->bias_after;
    CHECK(bias_to(&id_b));
    CHECK(round_trip(&id_a, 3));
    CHECK_GE_U(shard()->bias_after, 4 * (uint64_t)longer); /* each revocation: a longer run */
    CHECK_EQ_U(count_now(), count_before);
}

TEST(no_bias_without_process_barriers)
{
    nbi_registry_allow_bias(0);
    for (unsigned i = 0; i < 100000; i++)
        if (!round_trip(&id_c, i)) {
            CHECK(0);
            break;
        }
    CHECK(owner_of(shard()) != &id_c);
    CHECK_EQ_U(count_now(), count_before);
    nbi_registry_allow_bias(1);
}

/* The owner stays inside a while; another thread must wait for it. */
static int owner_inside, owner_left;

static void *owner_stays_inside(void *arg)
{
    (void)arg;
    if (!bias_to(&id_a))
        return NULL;
    struct nbi_shard *s = nbi_registry_enter(&id_a, key(0));
    CHECK(nbi_shard_insert(s, key(7), 7) == 0);
    __atomic_store_n(&owner_inside, 1, __ATOMIC_RELEASE);
    nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
    __atomic_store_n(&owner_left, 1, __ATOMIC_RELAXED);
    nbi_registry_leave(&id_a, s);
    return NULL;
}

TEST(revocation_waits_for_the_owner)
{
    if (!barrier_offered)
        return;
    pthread_t t;
    pthread_create(&t, NULL, owner_stays_inside, NULL);
    while (!__atomic_load_n(&owner_inside, __ATOMIC_ACQUIRE))
        sched_yield();
    struct nbi_shard *s = nbi_registry_enter(&id_b, key(0));
    CHECK(__atomic_load_n(&owner_left, __ATOMIC_RELAXED)); /* it finished first */
    struct nbi_entry *e = nbi_shard_find(s, key(7));
    CHECK(e != NULL); /* and what it wrote is seen */
    if (e)
        nbi_shard_remove(s, e);
    nbi_registry_leave(&id_b, s);
    pthread_join(t, NULL);
    CHECK_EQ_U(count_now(), count_before);
}

/* Two threads work on their own keys in one shard, in bursts, so the
   bias moves between them and then the shard settles on its lock. */
#define SHARED_ROUNDS 20000
struct worker {
    struct nbi_visitor *me;
    unsigned first_key;
    int failures;
};

static void *share_a_shard(void *arg)
{
    struct worker *w = arg;
    for (unsigned i = 0; i < SHARED_ROUNDS; i++) {
        if (!round_trip(w->me, w->first_key + i % 64))
            w->failures++;
        if (i % 1000 == 999)
            sched_yield();
    }
    return NULL;
}

TEST(threads_share_a_shard)
{
    struct worker w[2] = {{&id_a, 0, 0}, {&id_b, 1000, 0}};
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, share_a_shard, &w[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    CHECK_EQ_U(w[0].failures, 0);
    CHECK_EQ_U(w[1].failures, 0);
    CHECK_EQ_U(count_now(), count_before);
}

/* fork while another thread is biased to the shard and busy in it: the
   child (only the forking thread survives) can still enter it. */
static int keep_busy = 1;

static void *busy_owner(void *arg)
{
    (void)arg;
    bias_to(&id_a);
    while (__atomic_load_n(&keep_busy, __ATOMIC_RELAXED))
        (void)round_trip(&id_a, 5);
    return NULL;
}

TEST(fork_while_a_shard_is_biased)
{
    pthread_t t;
    pthread_create(&t, NULL, busy_owner, NULL);
    while (barrier_offered && owner_of(shard()) != &id_a)
        sched_yield();
    pid_t pid = fork();
    if (pid == 0) {
        alarm(10); /* a hang in the child fails the test */
        int ok = round_trip(&id_b, 9) && round_trip(&id_c, 10);
        LPVOID p;
        ok = ok && NetApiBufferAllocate(64, &p) == NERR_Success && NetApiBufferFree(p) == NERR_Success;
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    __atomic_store_n(&keep_busy, 0, __ATOMIC_RELAXED);
    pthread_join(t, NULL);
}

/* Strict mode: buffers allocated by one thread (its shards biased to it),
   released by another, then released again. */
#define HANDED_OVER 1000
static LPVOID handed[HANDED_OVER];

static void *allocate_many(void *arg)
{
    (void)arg;
    for (int i = 0; i < HANDED_OVER; i++)
        if (NetApiBufferAllocate(64 + i % 200, &handed[i]) != NERR_Success)
            handed[i] = NULL;
    return NULL;
}

TEST(strict_buffers_released_by_another_thread)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    pthread_t t;
    pthread_create(&t, NULL, allocate_many, NULL);
    pthread_join(t, NULL);
    for (int i = 0; i < HANDED_OVER; i++) {
        CHECK(handed[i] != NULL);
        DWORD n = 0;
        CHECK_EQ_U(NetApiBufferSize(handed[i], &n), NERR_Success);
        CHECK_EQ_U(n, 64 + i % 200);
        CHECK_EQ_U(NetApiBufferFree(handed[i]), NERR_Success);
    }
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
    capture_start();
    CHECK_EQ_U(NetApiBufferFree(handed[HANDED_OVER - 1]), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(captured.last.kind, NETAPIBUF_MISUSE_RELEASED_POINTER);
    capture_stop();
}

/* Made-up windows no buffer of this process lies in (keys are never
   dereferenced): window w's i-th key. */
#define FRESH_WINDOWS (0x100000000000ULL >> NBI_WINDOW_BITS)
static const void *in_window(uint64_t window, unsigned i)
{
    return (const void *)(uintptr_t)((window << NBI_WINDOW_BITS) + 16u * (i + 1));
}

/* The shards given so far: each window's entry holds one. */
static unsigned windows_with_an_entry(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < NBI_WINDOW_SLOTS; i++)
        n += nbi_windows[i] != 0;
    return n;
}

static int has_an_entry(uint64_t window)
{
    for (unsigned i = 0; i < NBI_WINDOW_SLOTS; i++)
        if (nbi_windows[i] >> 8 == window + 1)
            return 1;
    return 0;
}

TEST(new_windows_get_distinct_shards)
{
    enum { N = 16 };
    unsigned before = windows_with_an_entry();
    CHECK(before + N <= NBI_SHARDS); /* else shards are shared by design */
    struct nbi_shard *got[N];
    for (unsigned i = 0; i < N; i++)
        got[i] = nbi_registry_shard(in_window(FRESH_WINDOWS + i, 0));
    for (unsigned i = 0; i < N; i++) {
        /* Anywhere in the window, at every look: the same shard. */
        CHECK_EQ_P(nbi_registry_shard(in_window(FRESH_WINDOWS + i, 4000000)), got[i]);
        CHECK_EQ_P(nbi_registry_shard(in_window(FRESH_WINDOWS + i, 0)), got[i]);
        for (unsigned j = 0; j < i; j++)
            CHECK_NE_P(got[i], got[j]);
    }
    CHECK_EQ_U(windows_with_an_entry(), before + N);
}

/* NBI_WINDOW_PROBES + 2 new windows with one home slot: all but the last
   find a slot, the last none, and each keeps its shard. */
TEST(a_crowded_home_still_gives_a_shard)
{
    enum { N = NBI_WINDOW_PROBES + 2 };
    uint64_t w = FRESH_WINDOWS + 4096, found[N];
    uint32_t home;
    for (;; w++) { /* a home with free slots after it */
        home = nbi_window_home(w);
        unsigned taken = 0;
        for (unsigned k = 0; k <= NBI_WINDOW_PROBES; k++)
            taken += nbi_windows[(home + k) & (NBI_WINDOW_SLOTS - 1)] != 0;
        if (!taken)
            break;
    }
    for (unsigned n = 0; n < N; w++)
        if (nbi_window_home(w) == home)
            found[n++] = w;
    struct nbi_shard *got[N];
    for (unsigned i = 0; i < N; i++)
        got[i] = nbi_registry_shard(in_window(found[i], 0));
    for (unsigned i = 0; i < N; i++) {
        CHECK(got[i] >= nbi_shards && got[i] < nbi_shards + NBI_SHARDS);
        CHECK_EQ_P(nbi_registry_shard(in_window(found[i], 7)), got[i]);
        CHECK_EQ_U(has_an_entry(found[i]), i < N - 1);
    }
}

/* Threads working at once allocate from glibc arenas of their own, whose
   heaps lie in windows of their own: buffers in distinct windows get
   distinct shards.  (A memory tool's allocator, or MALLOC_ARENA_MAX=1,
   may put every buffer in one window: then there is nothing to tell.) */
#define ARENA_THREADS 4
static pthread_barrier_t all_allocated;
static uintptr_t arena_buffer[ARENA_THREADS + 1];

static void *note_a_buffer(void *arg)
{
    uintptr_t *out = arg;
    LPVOID p = NULL;
    if (NetApiBufferAllocate(64, &p) == NERR_Success)
        *out = (uintptr_t)p;
    pthread_barrier_wait(&all_allocated); /* nobody leaves (and hands its arena on) before */
    NetApiBufferFree(p);
    return NULL;
}

TEST(threads_working_at_once_get_distinct_shards)
{
    pthread_t t[ARENA_THREADS];
    pthread_barrier_init(&all_allocated, NULL, ARENA_THREADS + 1);
    for (int i = 0; i < ARENA_THREADS; i++)
        pthread_create(&t[i], NULL, note_a_buffer, &arena_buffer[i]);
    note_a_buffer(&arena_buffer[ARENA_THREADS]);
    for (int i = 0; i < ARENA_THREADS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&all_allocated);
    unsigned pairs_apart = 0;
    for (int i = 0; i <= ARENA_THREADS; i++) {
        CHECK(arena_buffer[i] != 0);
        for (int j = 0; j < i; j++) {
            if (arena_buffer[i] >> NBI_WINDOW_BITS == arena_buffer[j] >> NBI_WINDOW_BITS)
                continue;
            pairs_apart++;
            CHECK_NE_P(nbi_registry_shard((void *)arena_buffer[i]),
                       nbi_registry_shard((void *)arena_buffer[j]));
        }
    }
    /* glibc's own malloc, unwatched, gives every thread an arena. */
    if (!TOOL_ASAN && !TOOL_TSAN && !TOOL_VALGRIND && !getenv("MALLOC_ARENA_MAX") &&
        !getenv("GLIBC_TUNABLES"))
        CHECK_EQ_U(pairs_apart, ARENA_THREADS * (ARENA_THREADS + 1) / 2);
    else if (pairs_apart == 0)
        printf("every thread's buffer lies in one window here: nothing to tell apart\n");
}

int main(int argc, char **argv)
{
    const char *mode = getenv("NETAPIBUF_CHECK");
    if (argc > 0 && (!mode || strcmp(mode, "strict") != 0)) {
        setenv("NETAPIBUF_CHECK", "strict", 1);
        execv(self_path(), argv);
    }
    LPVOID p; /* the first call sets the library up, the registry too */
    NetApiBufferAllocate(1, &p);
    NetApiBufferFree(p);
    barrier_offered = nbi_process_barrier_init();
    if (!barrier_offered)
        printf("no process-wide barriers here: bias tests skipped\n");
    count_before = count_now();
    RUN(threads_working_at_once_get_distinct_shards);
    RUN(new_windows_get_distinct_shards);
    RUN(a_crowded_home_still_gives_a_shard);
    RUN(bias_follows_a_run_and_is_revoked);
    RUN(no_bias_without_process_barriers);
    RUN(revocation_waits_for_the_owner);
    RUN(threads_share_a_shard);
    RUN(fork_while_a_shard_is_biased);
    RUN(strict_buffers_released_by_another_thread);
    return check_finish();
}
