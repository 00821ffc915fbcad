/* probe_libnetapi.c — a developer tool, not part of the build or the test
   suite: calls Samba's own client library, libnetapi.so.1, against a server
   and prints what each call returns (status, entries, totals, resume
   handles, timings), so that the remote layer can be written against
   observed behaviour rather than documentation.

   Build it by hand (samba-dev gives netapi.pc):
       cc -std=gnu11 -Wall -o /tmp/probe_libnetapi tests/remote/probe_libnetapi.c \
          $(pkg-config --cflags --libs netapi)
   Run it against each fixture:
       tests/remote/with_server.sh smbd /tmp/probe_libnetapi
       tests/remote/with_server.sh dc /tmp/probe_libnetapi
   With no arguments it reads NB_SERVER, NB_SERVER_NAME, NB_ADMIN_USER,
   NB_ADMIN_PASSWORD, NB_USER and NB_USER_PASSWORD (with_server.sh sets
   them); or: probe_libnetapi SERVER ADMIN PASSWORD [USER USER_PASSWORD].

   docs/remote-fixtures.md records what it showed.

   Out-parameters start as 0xdeadbeef and print as "unset" when a call left
   them alone.  Every scenario runs in a child process, in a new session (no
   terminal for libnetapi to prompt on), with its own libnetapi context:
   libnetapi keeps its connection to a server for as long as the context
   lives, so credentials set after a first call would not be used; and some
   calls kill the process (NetUserEnum with some filters against a DC). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <netapi.h>

#define MAX_PREFERRED_LENGTH ((uint32_t)-1)
#define UNSET 0xdeadbeefu

/* netapi.h declares NetWkstaGetInfo but not its level-100 structure; Samba
   fills in its wkssvc_NetWkstaInfo100, laid out as Windows's WKSTA_INFO_100. */
struct probe_wksta_info_100 {
    uint32_t wki100_platform_id;
    const char *wki100_computername;
    const char *wki100_langroup;
    uint32_t wki100_ver_major;
    uint32_t wki100_ver_minor;
};

static const char *server, *server_name, *admin, *admin_pw, *user, *user_pw;
static struct libnetapi_ctx *ctx;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* "0", or "1003 (generic text) [what libnetapi says happened]"; the
   context's error string is stale after a success, so it is left out then. */
static const char *status_text(NET_API_STATUS st)
{
    static char bufs[4][512];
    static int next;
    char *buf = bufs[next++ % 4];
    if (st == 0)
        return "0";
    const char *generic = libnetapi_errstr(st);
    const char *detail = libnetapi_get_error_string(ctx, st);
    snprintf(buf, 512, "%u (%s)", (unsigned)st, generic ? generic : "?");
    if (detail && (!generic || strcmp(detail, generic) != 0))
        snprintf(buf + strlen(buf), 512 - strlen(buf), " [%s]", detail);
    return buf;
}

/* a counter as text, "unset" when the call did not write it */
static const char *num(uint32_t v)
{
    static char bufs[8][16];
    static int next;
    char *b = bufs[next++ % 8];
    if (v == UNSET)
        return "unset";
    snprintf(b, 16, "%u", (unsigned)v);
    return b;
}

static const char *str(const char *s)
{
    return s ? s : "(null)";
}

/* A fresh context with these credentials (NULL user: none set). */
static void open_ctx(const char *u, const char *pw)
{
    NET_API_STATUS st = libnetapi_init(&ctx);
    if (st != 0) {
        printf("libnetapi_init: %u\n", (unsigned)st);
        exit(1);
    }
    libnetapi_set_debuglevel(ctx, "0");
    if (u) {
        libnetapi_set_username(ctx, u);
        libnetapi_set_password(ctx, pw);
    }
}

/* Run fn in a child process, so it gets its own libnetapi context. */
static void scenario(const char *title, void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        if (!freopen("/dev/null", "r", stdin))
            _exit(3);
        printf("\n==== %s\n", title);
        fn();
        fflush(stdout);
        if (ctx)
            libnetapi_free(ctx);
        _exit(0);
    }
    int ws;
    waitpid(pid, &ws, 0);
    if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0)
        printf("(scenario \"%s\" ended abnormally: wait status 0x%x)\n", title, ws);
}

/* ---- users ---------------------------------------------------------------- */

/* NetUserEnum level 0 until it stops saying ERROR_MORE_DATA. */
static void user_enum(const char *srv, uint32_t filter, uint32_t prefmax, int brief)
{
    uint32_t resume = 0, sum = 0, calls = 0;
    NET_API_STATUS st;
    char first[64] = "-", last[64] = "-";
    double t0 = now_ms();
    printf("NetUserEnum(%s, level 0, filter 0x%x, prefmaxlen %d):\n", srv, (unsigned)filter,
           (int)prefmax);
    do {
        uint8_t *buf = NULL;
        uint32_t before = resume, read = UNSET, total = UNSET;
        st = NetUserEnum(srv, 0, filter, &buf, prefmax, &read, &total, &resume);
        calls++;
        const char *f = "-", *l = "-";
        if (buf && read != UNSET && read > 0) {
            struct USER_INFO_0 *u = (struct USER_INFO_0 *)buf;
            f = u[0].usri0_name, l = u[read - 1].usri0_name;
            if (sum == 0)
                snprintf(first, sizeof first, "%s", f);
            snprintf(last, sizeof last, "%s", l);
            sum += read;
        }
        if (!brief || calls <= 2 || st != ERROR_MORE_DATA)
            printf("  call %u: status %s, entries %s, total %s, resume %u -> %u, buffer %s, "
                   "first %s, last %s\n",
                   (unsigned)calls, status_text(st), num(read), num(total), (unsigned)before,
                   (unsigned)resume, buf ? "yes" : "NULL", f, l);
        if (buf)
            NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA && calls < 10000);
    printf("  => %u calls, %u entries (first %s, last %s), %.0f ms\n", (unsigned)calls,
           (unsigned)sum, first, last, now_ms() - t0);
}

static void user_info(const char *srv, const char *name, uint32_t level)
{
    uint8_t *buf = NULL;
    NET_API_STATUS st = NetUserGetInfo(srv, name, level, &buf);
    printf("NetUserGetInfo(%s, '%s', %u): status %s", srv, name, (unsigned)level,
           status_text(st));
    if (st == 0 && buf && level == 10) {
        struct USER_INFO_10 *u = (struct USER_INFO_10 *)buf;
        printf(", name '%s', comment '%s', usr_comment '%s', full_name '%s'", str(u->usri10_name),
               str(u->usri10_comment), str(u->usri10_usr_comment), str(u->usri10_full_name));
    } else if (st == 0 && buf && level == 20) {
        struct USER_INFO_20 *u = (struct USER_INFO_20 *)buf;
        printf(", name '%s', full_name '%s', comment '%s', flags 0x%x, user_id %u",
               str(u->usri20_name), str(u->usri20_full_name), str(u->usri20_comment),
               (unsigned)u->usri20_flags, (unsigned)u->usri20_user_id);
    } else if (st == 0 && buf && level == 1) {
        struct USER_INFO_1 *u = (struct USER_INFO_1 *)buf;
        printf(", name '%s', priv %u, flags 0x%x, comment '%s', home_dir '%s'", str(u->usri1_name),
               (unsigned)u->usri1_priv, (unsigned)u->usri1_flags, str(u->usri1_comment),
               str(u->usri1_home_dir));
    }
    printf("%s\n", st != 0 ? (buf ? ", buffer set" : ", buffer NULL") : "");
    if (buf)
        NetApiBufferFree(buf);
}

static void user_local_groups(const char *srv, const char *name)
{
    uint32_t read = UNSET, total = UNSET;
    uint8_t *buf = NULL;
    NET_API_STATUS st =
        NetUserGetLocalGroups(srv, name, 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total);
    printf("NetUserGetLocalGroups(%s, '%s', level 0, flags 0, -1): status %s, entries %s, "
           "total %s:",
           srv, name, status_text(st), num(read), num(total));
    if (buf && read != UNSET) {
        struct LOCALGROUP_USERS_INFO_0 *g = (struct LOCALGROUP_USERS_INFO_0 *)buf;
        for (uint32_t i = 0; i < read; i++)
            printf(" %s", g[i].lgrui0_name);
    }
    printf("\n");
    if (buf)
        NetApiBufferFree(buf);
}

/* ---- groups --------------------------------------------------------------- */

/* One NetLocalGroupEnum call from a given resume handle: its numbers and
   names (with comments for the fixture's own groups, whose names start
   with "nb"; long lists shortened to their ends). */
static NET_API_STATUS localgroup_enum_call(const char *srv, uint32_t prefmax, uint32_t *resume)
{
    uint8_t *buf = NULL;
    uint32_t before = *resume, read = UNSET, total = UNSET;
    NET_API_STATUS st = NetLocalGroupEnum(srv, 1, &buf, prefmax, &read, &total, resume);
    printf("  resume %u -> %u: status %s, entries %s, total %s", (unsigned)before,
           (unsigned)*resume, status_text(st), num(read), num(total));
    if (buf && read != UNSET) {
        struct LOCALGROUP_INFO_1 *g = (struct LOCALGROUP_INFO_1 *)buf;
        for (uint32_t i = 0; i < read; i++) {
            if (read > 8 && i >= 4 && i < read - 4) {
                if (i == 4)
                    printf(", ...");
                continue;
            }
            printf("%s%s", i ? ", " : ": ", g[i].lgrpi1_name);
            if (strncmp(g[i].lgrpi1_name, "nb", 2) == 0)
                printf(" ('%s')", str(g[i].lgrpi1_comment));
        }
    }
    printf("\n");
    if (buf)
        NetApiBufferFree(buf);
    return st;
}

/* Page with NetLocalGroupEnum while it says ERROR_MORE_DATA; stop when a
   resume handle comes back a second time (the loop would never end). */
static void localgroup_pages(const char *srv, uint32_t prefmax)
{
    uint32_t resume = 0, seen[256], nseen = 0;
    NET_API_STATUS st;
    printf("NetLocalGroupEnum(%s, level 1, prefmaxlen %d), looping while ERROR_MORE_DATA:\n", srv,
           (int)prefmax);
    for (;;) {
        st = localgroup_enum_call(srv, prefmax, &resume);
        if (st != ERROR_MORE_DATA)
            break;
        for (uint32_t i = 0; i < nseen; i++) {
            if (seen[i] == resume) {
                printf("  => resume handle %u came back: this loop would never end\n",
                       (unsigned)resume);
                return;
            }
        }
        if (nseen == 256) {
            printf("  => 256 calls: stopped\n");
            return;
        }
        seen[nseen++] = resume;
    }
}

/* NetLocalGroupEnum level 1: the loop a caller would write, then every
   resume handle from 0 to 8 on its own, to show what the handle means. */
static void localgroup_enum(const char *srv, int explore)
{
    localgroup_pages(srv, MAX_PREFERRED_LENGTH);
    if (!explore)
        return;
    printf("NetLocalGroupEnum(%s, level 1, prefmaxlen -1), each resume handle alone:\n", srv);
    for (uint32_t r = 0; r <= 8; r++) {
        uint32_t h = r;
        localgroup_enum_call(srv, MAX_PREFERRED_LENGTH, &h);
    }
    localgroup_pages(srv, 60);
}

static void localgroup_members(const char *srv, const char *group, uint32_t level,
                               uint32_t prefmax)
{
    uint32_t resume = 0, read = UNSET, total = UNSET;
    uint8_t *buf = NULL;
    NET_API_STATUS st =
        NetLocalGroupGetMembers(srv, group, level, &buf, prefmax, &read, &total, &resume);
    printf("NetLocalGroupGetMembers(%s, '%s', level %u, prefmaxlen %d): status %s, entries %s, "
           "total %s, resume %u, buffer %s\n",
           srv, group, (unsigned)level, (int)prefmax, status_text(st), num(read), num(total),
           (unsigned)resume, buf ? "set" : "NULL");
    if (buf)
        NetApiBufferFree(buf);
}

static void localgroup_info(const char *srv, const char *group)
{
    uint8_t *buf = NULL;
    NET_API_STATUS st = NetLocalGroupGetInfo(srv, group, 1, &buf);
    printf("NetLocalGroupGetInfo(%s, '%s', 1): status %s", srv, group, status_text(st));
    if (st == 0 && buf) {
        struct LOCALGROUP_INFO_1 *g = (struct LOCALGROUP_INFO_1 *)buf;
        printf(", name '%s', comment '%s'", str(g->lgrpi1_name), str(g->lgrpi1_comment));
    }
    printf("\n");
    if (buf)
        NetApiBufferFree(buf);
}

static void group_enum(const char *srv)
{
    uint32_t resume = 0, read = UNSET, total = UNSET;
    uint8_t *buf = NULL;
    NET_API_STATUS st = NetGroupEnum(srv, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume);
    printf("NetGroupEnum(%s, level 0, -1): status %s, entries %s, total %s, resume %u:", srv,
           status_text(st), num(read), num(total), (unsigned)resume);
    if (buf && read != UNSET) {
        struct GROUP_INFO_0 *g = (struct GROUP_INFO_0 *)buf;
        for (uint32_t i = 0; i < read; i++)
            printf(" %s", g[i].grpi0_name);
    }
    printf("\n");
    if (buf)
        NetApiBufferFree(buf);
}

static void group_users(const char *srv, const char *group)
{
    uint32_t resume = 0, read = UNSET, total = UNSET, calls = 0, sum = 0;
    NET_API_STATUS st;
    printf("NetGroupGetUsers(%s, '%s', level 0, -1):", srv, group);
    do {
        uint8_t *buf = NULL;
        read = total = UNSET;
        st = NetGroupGetUsers(srv, group, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume);
        calls++;
        printf(" [call %u: status %s, entries %s, total %s, resume %u]", (unsigned)calls,
               status_text(st), num(read), num(total), (unsigned)resume);
        if (buf && read != UNSET)
            sum += read;
        if (buf)
            NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA && calls < 100);
    printf(" => %u users\n", (unsigned)sum);
}

/* ---- server, workstation, time ------------------------------------------ */

static void server_info(const char *srv)
{
    uint8_t *buf = NULL;
    double t0 = now_ms();
    NET_API_STATUS st = NetServerGetInfo(srv, 101, &buf);
    printf("NetServerGetInfo(%s, 101): status %s, %.0f ms", srv, status_text(st), now_ms() - t0);
    if (st == 0 && buf) {
        struct SERVER_INFO_101 *s = (struct SERVER_INFO_101 *)buf;
        printf(", platform_id %u, name '%s', version %u.%u, type 0x%08x, comment '%s'",
               (unsigned)s->sv101_platform_id, str(s->sv101_name),
               (unsigned)s->sv101_version_major, (unsigned)s->sv101_version_minor,
               (unsigned)s->sv101_type, str(s->sv101_comment));
    }
    printf("\n");
    if (buf)
        NetApiBufferFree(buf);
}

static void wksta_info(const char *srv)
{
    uint8_t *buf = NULL;
    double t0 = now_ms();
    NET_API_STATUS st = NetWkstaGetInfo(srv, 100, &buf);
    printf("NetWkstaGetInfo(%s, 100): status %s, %.0f ms", srv, status_text(st), now_ms() - t0);
    if (st == 0 && buf) {
        struct probe_wksta_info_100 *w = (struct probe_wksta_info_100 *)buf;
        printf(", platform_id %u, computername '%s', langroup '%s', version %u.%u",
               (unsigned)w->wki100_platform_id, str(w->wki100_computername),
               str(w->wki100_langroup), (unsigned)w->wki100_ver_major,
               (unsigned)w->wki100_ver_minor);
    }
    printf("\n");
    if (buf)
        NetApiBufferFree(buf);
}

static void remote_tod(const char *srv)
{
    uint8_t *buf = NULL;
    double t0 = now_ms();
    NET_API_STATUS st = NetRemoteTOD(srv, &buf);
    printf("NetRemoteTOD(%s): status %s, %.0f ms", srv, status_text(st), now_ms() - t0);
    if (st == 0 && buf) {
        struct TIME_OF_DAY_INFO *t = (struct TIME_OF_DAY_INFO *)buf;
        printf(", elapsedt %u (here: %ld), %04u-%02u-%02u %02u:%02u:%02u.%02u, msecs %u, "
               "timezone %d, tinterval %u, weekday %u",
               (unsigned)t->tod_elapsedt, (long)time(NULL), (unsigned)t->tod_year,
               (unsigned)t->tod_month, (unsigned)t->tod_day, (unsigned)t->tod_hours,
               (unsigned)t->tod_mins, (unsigned)t->tod_secs, (unsigned)t->tod_hunds,
               (unsigned)t->tod_msecs, (int)t->tod_timezone, (unsigned)t->tod_tinterval,
               (unsigned)t->tod_weekday);
    }
    printf("\n");
    if (buf)
        NetApiBufferFree(buf);
}

/* ---- scenarios ------------------------------------------------------------ */

static void as_admin(void)
{
    open_ctx(admin, admin_pw);
    printf("(as %s)\n", admin);
    server_info(server);
    wksta_info(server);
    remote_tod(server);
    user_enum(server, FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 0);
    user_enum(server, 0, MAX_PREFERRED_LENGTH, 0);
    user_enum(server, FILTER_NORMAL_ACCOUNT, 4096, 1);
    user_enum(server, FILTER_NORMAL_ACCOUNT, 1, 1);
    user_info(server, user, 10);
    user_info(server, user, 20);
    user_info(server, user, 1);
    user_info(server, admin, 1);
    user_info(server, "carol", 10);
    user_info(server, "bob", 20);
    user_info(server, "bulk0042", 10);
    user_info(server, "nosuchuser", 10);
    user_info(server, "", 10);
    localgroup_enum(server, 1);
    localgroup_info(server, "nbstaff");
    localgroup_info(server, "nblocal");
    localgroup_info(server, "Administrators");
    localgroup_info(server, "nosuchgroup");
    for (uint32_t level = 0; level <= 3; level++)
        localgroup_members(server, "nbstaff", level, MAX_PREFERRED_LENGTH);
    localgroup_members(server, "nblocal", 3, MAX_PREFERRED_LENGTH);
    localgroup_members(server, "nbbig", 3, MAX_PREFERRED_LENGTH);
    localgroup_members(server, "nbbig", 3, 1024);
    localgroup_members(server, "Administrators", 3, MAX_PREFERRED_LENGTH);
    localgroup_members(server, "nosuchgroup", 3, MAX_PREFERRED_LENGTH);
    group_enum(server);
    group_users(server, "nbstaff");
    group_users(server, "nbbig");
    user_local_groups(server, user);
    user_local_groups(server, "carol");
    user_local_groups(server, admin);
    user_local_groups(server, "nosuchuser");
}

/* NetUserEnum with one filter, alone: some filters crash libnetapi. */
static uint32_t filter_arg;
static void one_filter(void)
{
    open_ctx(admin, admin_pw);
    user_enum(server, filter_arg, MAX_PREFERRED_LENGTH, 0);
}

static void as_user(void)
{
    open_ctx(user, user_pw);
    printf("(as %s, an ordinary user)\n", user);
    server_info(server);
    wksta_info(server);
    remote_tod(server);
    user_enum(server, FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 1);
    user_info(server, user, 10);
    user_info(server, "bob", 20);
    localgroup_enum(server, 0);
    group_enum(server);
}

static void wrong_password(void)
{
    open_ctx(admin, "Wrong.Password9");
    printf("(as %s with a wrong password)\n", admin);
    server_info(server);
    wksta_info(server);
    remote_tod(server);
    user_enum(server, FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 0);
    localgroup_enum(server, 0);
    user_info(server, user, 10);
}

static void unknown_user(void)
{
    open_ctx("nosuchuser", "Some.Password9");
    printf("(as an unknown user)\n");
    server_info(server);
    user_enum(server, FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 0);
}

static void disabled_user(void)
{
    open_ctx("bob", user_pw);
    printf("(as bob, a disabled account, with the right password)\n");
    server_info(server);
}

static void no_credentials(void)
{
    open_ctx(NULL, NULL);
    printf("(no username or password set)\n");
    server_info(server);
    wksta_info(server);
    remote_tod(server);
    user_enum(server, FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 1);
    localgroup_enum(server, 0);
}

/* Empty username and password: what a caller that wants an anonymous
   session would set (leaving them unset makes libnetapi prompt for a
   password on the terminal, or read $USER and $PASSWD). */
static void anonymous(void)
{
    open_ctx("", "");
    printf("(empty username and password)\n");
    server_info(server);
    remote_tod(server);
    user_enum(server, FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 1);
    localgroup_enum(server, 0);
}

static void name_forms(void)
{
    char buf[256];
    open_ctx(admin, admin_pw);
    printf("(as %s: other spellings of the server)\n", admin);
    snprintf(buf, sizeof buf, "\\\\%s", server);
    server_info(buf);
    remote_tod(buf);
    user_enum(buf, FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 1);
    if (server_name) {
        server_info(server_name); /* the namespace's /etc/hosts resolves it */
        snprintf(buf, sizeof buf, "\\\\%s", server_name);
        server_info(buf);
        for (char *p = buf; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        server_info(buf + 2);
    }
    server_info("");
}

static void unreachable(void)
{
    static const char *const names[] = {"nosuchhost", "127.0.0.9", "\\\\nosuchhost"};
    open_ctx(admin, admin_pw);
    printf("(as %s: servers that do not exist; nothing listens on 127.0.0.9)\n", admin);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        server_info(names[i]);
        wksta_info(names[i]);
        remote_tod(names[i]);
        user_enum(names[i], FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH, 0);
        localgroup_enum(names[i], 0);
        localgroup_members(names[i], "nbstaff", 3, MAX_PREFERRED_LENGTH);
        user_info(names[i], user, 10);
    }
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 4) {
        server = argv[1], admin = argv[2], admin_pw = argv[3];
        user = argc >= 6 ? argv[4] : NULL, user_pw = argc >= 6 ? argv[5] : NULL;
    } else {
        server = getenv("NB_SERVER"), admin = getenv("NB_ADMIN_USER");
        admin_pw = getenv("NB_ADMIN_PASSWORD");
        user = getenv("NB_USER"), user_pw = getenv("NB_USER_PASSWORD");
    }
    server_name = getenv("NB_SERVER_NAME");
    if (!server || !admin || !admin_pw) {
        fprintf(stderr,
                "usage: %s SERVER ADMIN PASSWORD [USER USER_PASSWORD]\n"
                "       (or NB_SERVER, NB_ADMIN_USER, NB_ADMIN_PASSWORD, NB_USER,\n"
                "       NB_USER_PASSWORD in the environment)\n",
                argv[0]);
        return 2;
    }
    printf("server %s (%s, %s)\n", server, str(getenv("NB_SERVER_KIND")), str(server_name));
    scenario("administrator", as_admin);
    static const uint32_t filters[] = {
        FILTER_TEMP_DUPLICATE_ACCOUNT, FILTER_INTERDOMAIN_TRUST_ACCOUNT,
        FILTER_WORKSTATION_TRUST_ACCOUNT, FILTER_SERVER_TRUST_ACCOUNT,
        FILTER_WORKSTATION_TRUST_ACCOUNT | FILTER_SERVER_TRUST_ACCOUNT,
        FILTER_NORMAL_ACCOUNT | FILTER_SERVER_TRUST_ACCOUNT};
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
        char title[64];
        snprintf(title, sizeof title, "administrator, NetUserEnum filter 0x%x", (unsigned)filters[i]);
        filter_arg = filters[i];
        scenario(title, one_filter);
    }
    if (user) {
        scenario("ordinary user", as_user);
        scenario("disabled user", disabled_user);
    }
    scenario("wrong password", wrong_password);
    scenario("unknown user", unknown_user);
    scenario("no credentials", no_credentials);
    scenario("anonymous", anonymous);
    scenario("other spellings of the server's name", name_forms);
    scenario("unreachable servers", unreachable);
    return 0;
}
