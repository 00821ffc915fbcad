/*
 * bench_remote.c — NetUserEnum of a domain controller's users, netapibuf
 * against Samba's own libnetapi called directly, in one process.
 *
 * It needs the test DC (2,007 normal accounts): bench/run.sh starts it
 * with tests/remote/with_server.sh dc when it runs as root; otherwise, or
 * run by hand outside that script, the program says "skipped" and exits 0.
 *
 *   tests/remote/with_server.sh dc build/bench/bench_remote
 *
 * Time.  NetUserEnum at level 0 and at level 20, MAX_PREFERRED_LENGTH,
 * filter 0, every account in one call: netapibuf (its routes: Samba's
 * NetUserEnum for level 0; the display information, plus one SAMR
 * EnumDomainUsers per account-control bit on a DC that leaves them out,
 * for level 20) against Samba's libnetapi doing the same call (one SAMR
 * query per account at level 20).  Interleaved rounds, the order swapped
 * every round, medians; the ratio is netapibuf's median over Samba's.
 *
 * Memory.  The heap growth after N calls of each (glibc's mallinfo2
 * uordblks, and the process's RSS): netapibuf 1,000 calls at each level
 * (the growth as measured: it is flat, a rate would mean nothing); Samba
 * 1,000 at level 0 but 20 at level 20 (each leaves about 12 MB and takes
 * about 2 s), its growth per call extrapolated to 1,000 and said so.
 * BENCH_QUICK=1 makes every count small (CI), and says so.
 *
 * One process, two libnetapis.  Samba's Net* functions work on one
 * process-wide context (libnetapi's stat_ctx) that netapibuf's remote
 * layer also uses once it has loaded libnetapi: calling Samba directly in
 * the same namespace would share netapibuf's context, its connection and
 * its sweep, and each side's garbage would land in the other's
 * measurements.  So the direct calls go to a second copy of libnetapi
 * loaded with dlmopen(LM_ID_NEWLM): its own context, connection, talloc
 * and even malloc (its namespace has its own libc, whose mallinfo2 gives
 * Samba's heap growth; netapibuf's is the main one's).  Every Samba entry
 * point is found with dlvsym(..., "NETAPI_1.0.0"): libnetapi exports the
 * names netapibuf does.
 */
#include "bench.h"

#include <link.h>
#include <malloc.h>
#include <stdint.h>

_Thread_local void *volatile bench_sink; /* per thread: a shared one would bounce */

#define MAX_ROUNDS 64
#define SPEED_BAR_20 5.0  /* issue 10: level 20 at least 5x faster than Samba */
#define TIME_BAR_0 1.10   /* level 0 at most 1.10x Samba's time */
#define MEMORY_BAR (1024.0 * 1024.0) /* netapibuf's growth after 1,000 calls */

static const char *server, *admin, *admin_pw;
static unsigned long user_count;

/* ---- Samba's libnetapi, a copy of its own ------------------------------------------ */

typedef uint32_t (*samba_init_fn)(void **);
typedef uint32_t (*samba_set_fn)(void *, const char *);
typedef uint32_t (*samba_free_ctx_fn)(void *);
typedef uint32_t (*samba_user_enum_fn)(const char *, uint32_t, uint32_t, uint8_t **, uint32_t,
                                       uint32_t *, uint32_t *, uint32_t *);
typedef uint32_t (*samba_buffer_free_fn)(void *);
typedef struct mallinfo2 (*mallinfo2_fn)(void);

static struct {
    const char *why_absent;
    void *ctx;
    samba_init_fn init;
    samba_set_fn set_username, set_password;
    samba_free_ctx_fn free_ctx;
    samba_user_enum_fn user_enum;
    samba_buffer_free_fn buffer_free;
    mallinfo2_fn mallinfo2; /* the libc of its namespace */
} samba;

static void samba_open(void)
{
    void *h = dlmopen(LM_ID_NEWLM, "libnetapi.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        static char why[256];
        snprintf(why, sizeof why, "absent (libnetapi.so.1: %s)", dlerror());
        samba.why_absent = why;
        return;
    }
#define SAMBA_SYM(field, type, name) samba.field = (type)dlvsym(h, name, "NETAPI_1.0.0")
    SAMBA_SYM(init, samba_init_fn, "libnetapi_init");
    SAMBA_SYM(set_username, samba_set_fn, "libnetapi_set_username");
    SAMBA_SYM(set_password, samba_set_fn, "libnetapi_set_password");
    SAMBA_SYM(free_ctx, samba_free_ctx_fn, "libnetapi_free");
    SAMBA_SYM(user_enum, samba_user_enum_fn, "NetUserEnum");
    SAMBA_SYM(buffer_free, samba_buffer_free_fn, "NetApiBufferFree");
#undef SAMBA_SYM
    samba.mallinfo2 = (mallinfo2_fn)dlsym(h, "mallinfo2");
    if (!samba.init || !samba.set_username || !samba.set_password || !samba.user_enum ||
        !samba.buffer_free || !samba.mallinfo2) {
        samba.why_absent = "absent (libnetapi.so.1 lacks an entry point)";
        return;
    }
    if (samba.init(&samba.ctx) != 0 || samba.set_username(samba.ctx, admin) != 0 ||
        samba.set_password(samba.ctx, admin_pw) != 0)
        samba.why_absent = "absent (libnetapi_init failed)";
}

/* ---- one call of each contender ------------------------------------------------------ */

static unsigned long failures;

static void check_count(const char *who, DWORD level, uint32_t st, uint32_t read)
{
    if (st != 0 || read != user_count) {
        if (failures++ < 5)
            fprintf(stderr, "bench_remote: %s level %u: status %u, %u entries (not %lu)\n", who,
                    (unsigned)level, (unsigned)st, (unsigned)read, user_count);
    }
}

static double call_netapibuf(DWORD level)
{
    LPBYTE b = NULL;
    DWORD er = 0, te = 0;
    double t0 = bench_now_ns();
    NET_API_STATUS st = NetUserEnum(server, level, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, NULL);
    double t = bench_now_ns() - t0;
    check_count("netapibuf", level, st, er);
    bench_sink = b;
    NetApiBufferFree(b);
    return t;
}

static double call_samba(DWORD level)
{
    uint8_t *b = NULL;
    uint32_t er = 0, te = 0, resume = 0;
    double t0 = bench_now_ns();
    uint32_t st = samba.user_enum(server, level, 0, &b, MAX_PREFERRED_LENGTH, &er, &te, &resume);
    double t = bench_now_ns() - t0;
    check_count("samba", level, st, er);
    bench_sink = b;
    if (b)
        samba.buffer_free(b); /* the array only: its strings stay on Samba's context */
    return t;
}

/* ---- memory ------------------------------------------------------------------------------ */

static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

struct growth {
    unsigned calls;
    double heap, rss; /* bytes */
    double seconds;
};

static struct growth grow(int samba_side, DWORD level, unsigned calls)
{
    struct growth g = {calls, 0, 0, 0};
    size_t heap0 = samba_side ? samba.mallinfo2().uordblks : mallinfo2().uordblks;
    long rss0 = rss_kib();
    double t0 = bench_now_ns();
    for (unsigned i = 0; i < calls; i++)
        samba_side ? call_samba(level) : call_netapibuf(level);
    g.seconds = (bench_now_ns() - t0) / 1e9;
    size_t heap1 = samba_side ? samba.mallinfo2().uordblks : mallinfo2().uordblks;
    g.heap = (double)heap1 - (double)heap0;
    g.rss = ((double)rss_kib() - (double)rss0) * 1024.0;
    return g;
}

static const char *human(double bytes, char *buf, size_t n)
{
    double a = bytes < 0 ? -bytes : bytes;
    if (a >= 1024.0 * 1024 * 1024)
        snprintf(buf, n, "%+.2f GiB", bytes / (1024.0 * 1024 * 1024));
    else if (a >= 1024.0 * 1024)
        snprintf(buf, n, "%+.1f MiB", bytes / (1024.0 * 1024));
    else if (a >= 1024.0)
        snprintf(buf, n, "%+.1f KiB", bytes / 1024.0);
    else
        snprintf(buf, n, "%+.0f B", bytes);
    return buf;
}

static void print_growth(const char *who, DWORD level, const struct growth *g, int extrapolate)
{
    char h[32], r[32], e[32] = "", note[160];
    double per_call = g->heap / g->calls;
    if (extrapolate)
        human(per_call * 1000.0, e, sizeof e);
    printf("  %-9s level %2u  %5u calls in %6.1f s: heap %12s  RSS %12s%s%s\n", who,
           (unsigned)level, g->calls, g->seconds, human(g->heap, h, sizeof h),
           human(g->rss, r, sizeof r), extrapolate ? "  -> 1,000 calls: " : "", e);
    snprintf(note, sizeof note, "heap bytes after %u calls; ratio: per call; RSS %+.0f bytes",
             g->calls, g->rss);
    char test[48];
    snprintf(test, sizeof test, "heap_growth_level%u", (unsigned)level);
    bench_csv("bench_remote", test, bench_mode_label(), 1, (long)g->calls, who, g->heap, per_call,
              1, note);
}

/* ---- main -------------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    (void)argc;
    server = getenv("NB_SERVER");
    admin = getenv("NB_ADMIN_USER");
    admin_pw = getenv("NB_ADMIN_PASSWORD");
    const char *kind = getenv("NB_SERVER_KIND"), *count = getenv("NB_USER_COUNT");
    if (!server || !admin || !admin_pw || !count || !kind || strcmp(kind, "dc") != 0) {
        printf("bench_remote: skipped: needs the test DC (run it through "
               "tests/remote/with_server.sh dc, as root)\n");
        bench_csv("bench_remote", "userenum", "default", 1, 0, "netapibuf", -1, 0, 0,
                  "skipped: no DC fixture");
        return 0;
    }
    bench_reexec_for_static_tls(argv); /* room for a second libc's TLS */
    setvbuf(stdout, NULL, _IOLBF, 0);
    user_count = strtoul(count, NULL, 10);
    int quick = bench_quick();
    const char *mode = bench_mode_label();
    if (netapibuf_set_credentials(NULL, admin, admin_pw) != NERR_Success) {
        printf("bench_remote: could not set the credentials\n");
        return 1;
    }
    samba_open();
    printf("NetUserEnum of %s's %lu users (MAX_PREFERRED_LENGTH), netapibuf against Samba's "
           "libnetapi (a second copy, dlmopen), %s mode%s\n",
           getenv("NB_SERVER_NAME") ? getenv("NB_SERVER_NAME") : server, user_count, mode,
           quick ? ", quick" : "");
    if (samba.why_absent) {
        printf("  samba: %s\n", samba.why_absent);
        bench_csv("bench_remote", "userenum", mode, 1, 0, "samba", -1, 0, 0, samba.why_absent);
        return 0;
    }

    /* ---- time */
    const DWORD levels[2] = {0, 20};
    const int rounds[2] = {quick ? 5 : 21, quick ? 3 : 7};
    double med[2][2]; /* [level][0 netapibuf, 1 samba] */
    for (int l = 0; l < 2; l++) {
        double ns[2][MAX_ROUNDS];
        call_netapibuf(levels[l]); /* warm-up: connections, pipes, handles */
        call_samba(levels[l]);
        for (int r = 0; r < rounds[l]; r++) {
            if (r % 2 == 0) {
                ns[0][r] = call_netapibuf(levels[l]);
                ns[1][r] = call_samba(levels[l]);
            } else {
                ns[1][r] = call_samba(levels[l]);
                ns[0][r] = call_netapibuf(levels[l]);
            }
        }
        med[l][0] = bench_median(ns[0], rounds[l]);
        med[l][1] = bench_median(ns[1], rounds[l]);
    }
    printf("\n  level  netapibuf (ms)  samba (ms)  netapibuf/samba  speed-up  rounds  netapibuf's route\n");
    const char *route[2] = {"Samba's NetUserEnum (SAMR EnumDomainUsers)",
                            "display information + EnumDomainUsers per flag bit"};
    for (int l = 0; l < 2; l++) {
        double ratio = med[l][0] / med[l][1];
        printf("  %5u  %14.1f  %10.1f  %14.3fx  %7.2fx  %6d  %s\n", (unsigned)levels[l],
               med[l][0] / 1e6, med[l][1] / 1e6, ratio, 1.0 / ratio, rounds[l], route[l]);
        bench_csv("bench_remote", "userenum", mode, 1, (long)levels[l], "netapibuf", med[l][0],
                  ratio, rounds[l], route[l]);
        bench_csv("bench_remote", "userenum", mode, 1, (long)levels[l], "samba", med[l][1], 1.0,
                  rounds[l], "libnetapi NetUserEnum");
    }

    /* ---- memory: netapibuf first, Samba's copy then (each has its own heap) */
    unsigned ours0 = quick ? 50 : 1000, ours20 = quick ? 10 : 1000;
    unsigned theirs0 = quick ? 20 : 1000, theirs20 = quick ? 2 : 20;
    printf("\n  memory after repeated calls (netapibuf: this process's heap; samba: its copy's heap; "
           "RSS: the whole process):\n");
    struct growth g0 = grow(0, 0, ours0), g20 = grow(0, 20, ours20);
    print_growth("netapibuf", 0, &g0, 0); /* flat: a per-call rate means nothing */
    print_growth("netapibuf", 20, &g20, 0);
    struct netapibuf_stats stats;
    netapibuf_get_stats(&stats);
    printf("  netapibuf live buffers afterwards: %llu\n", (unsigned long long)stats.live_buffers);
    struct growth s0 = grow(1, 0, theirs0), s20 = grow(1, 20, theirs20);
    print_growth("samba", 0, &s0, theirs0 != 1000);
    print_growth("samba", 20, &s20, 1);
    if (samba.free_ctx)
        samba.free_ctx(samba.ctx); /* give Samba's garbage back before exit */

    /* ---- the bars of issue 10 */
    double speedup20 = med[1][1] / med[1][0], ratio0 = med[0][0] / med[0][1];
    double worst = g0.heap > g20.heap ? g0.heap : g20.heap;
    char b1[32], b2[32], b3[32];
    printf("\nheadline (%s mode, medians):\n", mode);
    printf("  level 20: netapibuf %.2fx faster than Samba's libnetapi (bar >= %.1fx: %s)\n",
           speedup20, SPEED_BAR_20, speedup20 >= SPEED_BAR_20 ? "met" : "NOT MET");
    printf("  level 0:  netapibuf takes %.3fx Samba's time (bar <= %.2fx: %s)\n", ratio0,
           TIME_BAR_0, ratio0 <= TIME_BAR_0 ? "met" : "NOT MET");
    printf("  memory:   netapibuf's heap %s after %u+%u calls (levels 0, 20)%s (bar <= 1 MiB "
           "after 1,000: %s); Samba's %s (level 0) and %s (level 20) per 1,000 calls%s\n",
           human(worst, b1, sizeof b1), ours0, ours20,
           quick ? " (quick: fewer calls than the bar's)" : "",
           worst <= MEMORY_BAR ? "met" : "NOT MET",
           human(s0.heap / s0.calls * 1000.0, b2, sizeof b2),
           human(s20.heap / s20.calls * 1000.0, b3, sizeof b3),
           theirs20 < 1000 ? " (level 20 extrapolated from its calls above)" : "");
    if (failures)
        printf("  %lu calls failed or returned another count (see above)\n", failures);
    return failures ? 1 : 0;
}
