/* test_net.c — docs/behaviour.md §4–5 for the workstation, server, time and local-group
   functions: data against `getent group`, `getent passwd`, uname and the
   clock; every pointer inside its one buffer; paging with every prefmaxlen
   reconstructs every list; every error status; out of memory at every step.
   Run on this machine and (tests/net_namespace.sh) over crafted databases. */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <utmpx.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "getent.h"
#include "oom_calls.h"
#include "net/resume.h"
#include "platform/sysalloc.h"

/* ---- the expected databases, from getent ------------------------------------- */

struct pent {
    char *name;
    unsigned long uid, gid;
};
struct gent {
    char *name;
    unsigned long gid;
    char **mem;
    size_t nmem;
};
static struct pent *users;
static size_t nusers;
static struct gent *groups;
static size_t ngroups;

static void load_getent(void)
{
    char **lines;
    nusers = getent_lines("passwd", &lines);
    users = calloc(nusers + 1, sizeof *users);
    for (size_t i = 0; i < nusers; i++) {
        char *p = lines[i];
        users[i].name = getent_field(&p);
        getent_field(&p); /* password */
        users[i].uid = strtoul(getent_field(&p), NULL, 10);
        users[i].gid = strtoul(getent_field(&p), NULL, 10);
    }
    free(lines);
    ngroups = getent_lines("group", &lines);
    groups = calloc(ngroups + 1, sizeof *groups);
    for (size_t i = 0; i < ngroups; i++) {
        char *p = lines[i];
        groups[i].name = getent_field(&p);
        getent_field(&p);
        groups[i].gid = strtoul(getent_field(&p), NULL, 10);
        char *list = getent_field(&p);
        groups[i].mem = calloc(strlen(list) / 2 + 2, sizeof(char *));
        for (char *m = strtok(list, ","); m; m = strtok(NULL, ","))
            groups[i].mem[groups[i].nmem++] = m;
    }
    free(lines);
}

static const struct gent *group_named(const char *name)
{
    for (size_t i = 0; i < ngroups; i++)
        if (strcmp(groups[i].name, name) == 0)
            return &groups[i];
    return NULL;
}

static int listed(char **names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

/* The members docs/behaviour.md §5 promises: the group entry's users, then the users whose
   primary group it is, each once.  *out is malloc'd. */
static size_t expected_members(const struct gent *g, char ***out)
{
    char **m = malloc((g->nmem + nusers + 1) * sizeof *m);
    size_t n = 0;
    for (size_t i = 0; i < g->nmem; i++)
        if (!listed(m, n, g->mem[i]))
            m[n++] = g->mem[i];
    for (size_t i = 0; i < nusers; i++)
        if (users[i].gid == g->gid && !listed(m, n, users[i].name))
            m[n++] = users[i].name;
    *out = m;
    return n;
}

/* The groups of a user: its primary group id and the ids of the groups whose
   entry names it; by name in group-database order, one name per id. */
static size_t expected_user_groups(const struct pent *u, char ***out)
{
    unsigned long *gids = malloc((ngroups + 1) * sizeof *gids);
    size_t ngids = 0;
    gids[ngids++] = u->gid;
    for (size_t i = 0; i < ngroups; i++)
        for (size_t j = 0; j < groups[i].nmem; j++)
            if (strcmp(groups[i].mem[j], u->name) == 0)
                gids[ngids++] = groups[i].gid;
    char **names = malloc((ngroups + 1) * sizeof *names);
    size_t n = 0;
    for (size_t i = 0; i < ngroups; i++) {
        for (size_t j = 0; j < ngids; j++) {
            if (gids[j] == groups[i].gid) {
                names[n++] = groups[i].name;
                for (size_t k = ngids; k-- > 0;) /* one name per id */
                    if (gids[k] == groups[i].gid)
                        gids[k] = gids[--ngids];
                break;
            }
        }
    }
    free(gids);
    *out = names;
    return n;
}

/* ---- helpers ----------------------------------------------------------------- */

/* p is NULL or inside [buf, buf + NetApiBufferSize(buf)), and a string
   there ends inside too. */
static int inside(const void *buf, const char *p)
{
    if (!p)
        return 1;
    DWORD size = 0;
    if (NetApiBufferSize((LPVOID)(uintptr_t)buf, &size) != NERR_Success)
        return 0;
    const char *b = buf;
    if (p < b || p >= b + size)
        return 0;
    return memchr(p, '\0', (size_t)(b + size - p)) != NULL;
}

static char host[256];

/* ---- workstation and server ----------------------------------------------------- */

static void release_version(DWORD *major, DWORD *minor)
{
    struct utsname u;
    unsigned a = 0, b = 0;
    uname(&u);
    sscanf(u.release, "%u.%u", &a, &b);
    *major = a;
    *minor = b;
}

static const char *expected_langroup(void)
{
    static struct utsname u;
    uname(&u);
    return u.domainname[0] && strcmp(u.domainname, "(none)") != 0 ? u.domainname : "WORKGROUP";
}

static DWORD expected_logged_on(void)
{
    char names[512][sizeof(((struct utmpx *)0)->ut_user) + 1];
    DWORD n = 0;
    setutxent();
    for (struct utmpx *u; (u = getutxent()) != NULL;) {
        if (u->ut_type != USER_PROCESS || !u->ut_user[0] || n == 512)
            continue;
        char name[sizeof u->ut_user + 1] = {0};
        memcpy(name, u->ut_user, sizeof u->ut_user);
        DWORD i = 0;
        while (i < n && strcmp(names[i], name) != 0)
            i++;
        if (i == n)
            memcpy(names[n++], name, sizeof name);
    }
    endutxent();
    return n;
}

TEST(wksta_levels)
{
    DWORD major, minor;
    release_version(&major, &minor);
    LPBYTE buf = NULL;
    CHECK_EQ_U(NetWkstaGetInfo(NULL, 100, &buf), NERR_Success);
    const WKSTA_INFO_100 *w0 = (const void *)buf;
    CHECK_EQ_U(w0->wki100_platform_id, PLATFORM_ID_NT);
    CHECK_EQ_S(w0->wki100_computername, host);
    CHECK_EQ_S(w0->wki100_langroup, expected_langroup());
    CHECK_EQ_U(w0->wki100_ver_major, major);
    CHECK_EQ_U(w0->wki100_ver_minor, minor);
    CHECK(inside(buf, w0->wki100_computername) && inside(buf, w0->wki100_langroup));
    NetApiBufferFree(buf);

    CHECK_EQ_U(NetWkstaGetInfo(NULL, 101, &buf), NERR_Success);
    const WKSTA_INFO_101 *w1 = (const void *)buf;
    CHECK_EQ_U(w1->wki101_platform_id, PLATFORM_ID_NT);
    CHECK_EQ_S(w1->wki101_computername, host);
    CHECK_EQ_U(w1->wki101_ver_major, major);
    CHECK_EQ_P(w1->wki101_lanroot, NULL);
    CHECK(inside(buf, w1->wki101_computername) && inside(buf, w1->wki101_langroup));
    NetApiBufferFree(buf);

    CHECK_EQ_U(NetWkstaGetInfo(NULL, 102, &buf), NERR_Success);
    const WKSTA_INFO_102 *w2 = (const void *)buf;
    CHECK_EQ_U(w2->wki102_platform_id, PLATFORM_ID_NT);
    CHECK_EQ_S(w2->wki102_computername, host);
    CHECK_EQ_S(w2->wki102_langroup, expected_langroup());
    CHECK_EQ_U(w2->wki102_ver_minor, minor);
    CHECK_EQ_P(w2->wki102_lanroot, NULL);
    CHECK_EQ_U(w2->wki102_logged_on_users, expected_logged_on());
    CHECK(inside(buf, w2->wki102_computername) && inside(buf, w2->wki102_langroup));
    NetApiBufferFree(buf);
}

TEST(server_levels)
{
    DWORD major, minor;
    release_version(&major, &minor);
    struct utsname u;
    uname(&u);
    char comment[300];
    snprintf(comment, sizeof comment, "%.100s %.100s", u.sysname, u.release);

    LPBYTE buf = NULL;
    CHECK_EQ_U(NetServerGetInfo(NULL, 100, &buf), NERR_Success);
    const SERVER_INFO_100 *s0 = (const void *)buf;
    CHECK_EQ_U(s0->sv100_platform_id, PLATFORM_ID_NT);
    CHECK_EQ_S(s0->sv100_name, host);
    CHECK(inside(buf, s0->sv100_name));
    NetApiBufferFree(buf);

    CHECK_EQ_U(NetServerGetInfo(NULL, 101, &buf), NERR_Success);
    const SERVER_INFO_101 *s1 = (const void *)buf;
    CHECK_EQ_S(s1->sv101_name, host);
    CHECK_EQ_U(s1->sv101_version_major, major & MAJOR_VERSION_MASK);
    CHECK_EQ_U(s1->sv101_version_minor, minor);
    CHECK_EQ_U(s1->sv101_type, SV_TYPE_WORKSTATION | SV_TYPE_SERVER_UNIX);
    CHECK_EQ_S(s1->sv101_comment, comment);
    CHECK(inside(buf, s1->sv101_name) && inside(buf, s1->sv101_comment));
    NetApiBufferFree(buf);

    CHECK_EQ_U(NetServerGetInfo(NULL, 102, &buf), NERR_Success);
    const SERVER_INFO_102 *s2 = (const void *)buf;
    CHECK_EQ_U(s2->sv102_platform_id, PLATFORM_ID_NT);
    CHECK_EQ_S(s2->sv102_name, host);
    CHECK_EQ_S(s2->sv102_comment, comment);
    CHECK_EQ_U(s2->sv102_users, nusers);
    CHECK_EQ_U((DWORD)s2->sv102_disc, (DWORD)SV_NODISC);
    CHECK_EQ_U((DWORD)s2->sv102_hidden, SV_VISIBLE);
    CHECK_EQ_S(s2->sv102_userpath, "/");
    CHECK(inside(buf, s2->sv102_name) && inside(buf, s2->sv102_comment) &&
          inside(buf, s2->sv102_userpath));
    NetApiBufferFree(buf);
}

/* ---- time of day ---------------------------------------------------------------- */

static void check_tod_against_clock(long zone_expected, int zone_known)
{
    struct timespec b0, b1;
    clock_gettime(CLOCK_BOOTTIME, &b0);
    time_t t0 = time(NULL);
    LPBYTE buf = NULL;
    CHECK_EQ_U(NetRemoteTOD(NULL, &buf), NERR_Success);
    time_t t1 = time(NULL);
    clock_gettime(CLOCK_BOOTTIME, &b1);
    const TIME_OF_DAY_INFO *t = (const void *)buf;
    CHECK((time_t)t->tod_elapsedt >= t0 - 2 && (time_t)t->tod_elapsedt <= t1 + 2);
    uint64_t ms0 = (uint64_t)b0.tv_sec * 1000 + (uint64_t)b0.tv_nsec / 1000000;
    uint64_t ms1 = (uint64_t)b1.tv_sec * 1000 + (uint64_t)b1.tv_nsec / 1000000;
    CHECK(t->tod_msecs >= (DWORD)(ms0 - 2000) && t->tod_msecs <= (DWORD)(ms1 + 2000));
    time_t e = (time_t)t->tod_elapsedt;
    struct tm g, l;
    gmtime_r(&e, &g);
    CHECK_EQ_U(t->tod_hours, (DWORD)g.tm_hour);
    CHECK_EQ_U(t->tod_mins, (DWORD)g.tm_min);
    CHECK_EQ_U(t->tod_secs, (DWORD)g.tm_sec);
    CHECK(t->tod_hunds <= 99);
    CHECK_EQ_U(t->tod_day, (DWORD)g.tm_mday);
    CHECK_EQ_U(t->tod_month, (DWORD)g.tm_mon + 1);
    CHECK_EQ_U(t->tod_year, (DWORD)g.tm_year + 1900);
    CHECK_EQ_U(t->tod_weekday, (DWORD)g.tm_wday);
    CHECK_EQ_U(t->tod_tinterval, 310);
    localtime_r(&e, &l);
    CHECK_EQ_U((DWORD)t->tod_timezone, (DWORD)(LONG)(-l.tm_gmtoff / 60));
    if (zone_known)
        CHECK_EQ_U((DWORD)t->tod_timezone, (DWORD)zone_expected);
    NetApiBufferFree(buf);
}

TEST(tod_matches_clock)
{
    check_tod_against_clock(0, 0);
    /* minutes WEST of UTC, as Windows counts them */
    char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
    setenv("TZ", "XST5", 1); /* 5 hours west */
    tzset();
    check_tod_against_clock(300, 1);
    setenv("TZ", "YST-1", 1); /* 1 hour east */
    tzset();
    check_tod_against_clock(-60, 1);
    setenv("TZ", "ZST-5:30", 1);
    tzset();
    check_tod_against_clock(-330, 1);
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    free(saved);
}

/* ---- local groups ---------------------------------------------------------------- */

TEST(localgroup_enum_matches_getent)
{
    for (DWORD level = 0; level <= 1; level++) {
        LPBYTE buf = NULL;
        DWORD read = 9, total = 9;
        DWORD_PTR resume = 77;
        resume = 0;
        CHECK_EQ_U(NetLocalGroupEnum(NULL, level, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                     &resume),
                   NERR_Success);
        CHECK_EQ_U(read, ngroups);
        CHECK_EQ_U(total, ngroups);
        CHECK_EQ_U(resume, 0);
        for (DWORD i = 0; i < read && i < ngroups; i++) {
            const char *name, *comment = NULL;
            if (level == 0) {
                name = ((LOCALGROUP_INFO_0 *)buf)[i].lgrpi0_name;
            } else {
                name = ((LOCALGROUP_INFO_1 *)buf)[i].lgrpi1_name;
                comment = ((LOCALGROUP_INFO_1 *)buf)[i].lgrpi1_comment;
                CHECK_EQ_S(comment, "");
            }
            CHECK_EQ_S(name, groups[i].name);
            CHECK(inside(buf, name) && inside(buf, comment));
        }
        NetApiBufferFree(buf);
    }
}

TEST(localgroup_getinfo_matches_getent)
{
    for (size_t i = 0; i < ngroups; i++) {
        if (group_named(groups[i].name) != &groups[i])
            continue; /* a repeated name: getgrnam finds the first */
        LPBYTE buf = NULL;
        CHECK_EQ_U(NetLocalGroupGetInfo(NULL, groups[i].name, 0, &buf), NERR_Success);
        CHECK_EQ_S(((LOCALGROUP_INFO_0 *)buf)->lgrpi0_name, groups[i].name);
        CHECK(inside(buf, ((LOCALGROUP_INFO_0 *)buf)->lgrpi0_name));
        NetApiBufferFree(buf);
        CHECK_EQ_U(NetLocalGroupGetInfo(NULL, groups[i].name, 1, &buf), NERR_Success);
        const LOCALGROUP_INFO_1 *g = (const void *)buf;
        CHECK_EQ_S(g->lgrpi1_name, groups[i].name);
        CHECK_EQ_S(g->lgrpi1_comment, "");
        CHECK(inside(buf, g->lgrpi1_name) && inside(buf, g->lgrpi1_comment));
        NetApiBufferFree(buf);
    }
}

TEST(members_match_getent)
{
    for (size_t i = 0; i < ngroups; i++) {
        if (group_named(groups[i].name) != &groups[i])
            continue;
        char **want;
        size_t n = expected_members(&groups[i], &want);
        char qualified[300];
        for (DWORD level = 1; level <= 3; level += 2) {
            LPBYTE buf = NULL;
            DWORD read = 9, total = 9;
            CHECK_EQ_U(NetLocalGroupGetMembers(NULL, groups[i].name, level, &buf,
                                               MAX_PREFERRED_LENGTH, &read, &total, NULL),
                       NERR_Success);
            CHECK_EQ_U(read, n);
            CHECK_EQ_U(total, n);
            for (DWORD j = 0; j < read && j < n; j++) {
                if (level == 1) {
                    const LOCALGROUP_MEMBERS_INFO_1 *m = (const void *)buf;
                    CHECK_EQ_S(m[j].lgrmi1_name, want[j]);
                    CHECK_EQ_U(m[j].lgrmi1_sidusage, SidTypeUser);
                    CHECK_EQ_P(m[j].lgrmi1_sid, NULL);
                    CHECK(inside(buf, m[j].lgrmi1_name));
                } else {
                    const LOCALGROUP_MEMBERS_INFO_3 *m = (const void *)buf;
                    snprintf(qualified, sizeof qualified, "%.100s\\%.150s", host, want[j]);
                    CHECK_EQ_S(m[j].lgrmi3_domainandname, qualified);
                    CHECK(inside(buf, m[j].lgrmi3_domainandname));
                }
            }
            CHECK(read ? buf != NULL : buf == NULL);
            NetApiBufferFree(buf);
        }
        free(want);
    }
}

TEST(user_local_groups_match_getent)
{
    for (size_t i = 0; i < nusers; i++) {
        int first = 1;
        for (size_t k = 0; k < i; k++)
            if (strcmp(users[k].name, users[i].name) == 0)
                first = 0;
        if (!first)
            continue;
        char **want;
        size_t n = expected_user_groups(&users[i], &want);
        for (DWORD flags = 0; flags <= LG_INCLUDE_INDIRECT; flags++) {
            LPBYTE buf = NULL;
            DWORD read = 9, total = 9;
            CHECK_EQ_U(NetUserGetLocalGroups(NULL, users[i].name, 0, flags, &buf,
                                             MAX_PREFERRED_LENGTH, &read, &total),
                       NERR_Success);
            CHECK_EQ_U(read, n);
            CHECK_EQ_U(total, n);
            const LOCALGROUP_USERS_INFO_0 *g = (const void *)buf;
            for (DWORD j = 0; j < read && j < n; j++) {
                CHECK_EQ_S(g[j].lgrui0_name, want[j]);
                CHECK(inside(buf, g[j].lgrui0_name));
            }
            NetApiBufferFree(buf);
        }
        /* prefmaxlen limits the answer: the first groups, and the total */
        if (n > 1) {
            LPBYTE buf = NULL;
            DWORD read = 0, total = 0;
            CHECK_EQ_U(NetUserGetLocalGroups(NULL, users[i].name, 0, 0, &buf, 1, &read, &total),
                       ERROR_MORE_DATA);
            CHECK_EQ_U(read, 1);
            CHECK_EQ_U(total, n);
            CHECK_EQ_S(((LOCALGROUP_USERS_INFO_0 *)buf)->lgrui0_name, want[0]);
            NetApiBufferFree(buf);
        }
        free(want);
    }
}

/* ---- paging ------------------------------------------------------------------ */

/* One page of some enumeration, its names at `name_offset` in records of `size`. */
typedef NET_API_STATUS (*page_fn)(const void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *buf,
                                  LPDWORD read, LPDWORD total, PDWORD_PTR resume);

static NET_API_STATUS groups_page(const void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *buf,
                                  LPDWORD read, LPDWORD total, PDWORD_PTR resume)
{
    (void)ctx;
    return NetLocalGroupEnum(NULL, level, buf, prefmaxlen, read, total, resume);
}

static NET_API_STATUS members_page(const void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *buf,
                                   LPDWORD read, LPDWORD total, PDWORD_PTR resume)
{
    return NetLocalGroupGetMembers(NULL, ctx, level, buf, prefmaxlen, read, total, resume);
}

/* Page through with every prefmaxlen from 1 to the size of the whole answer
   and check the pages put together give `want`, in order.  Each first page
   walks the database, so over the crafted databases of net_namespace.sh
   (hundreds of groups and users) NB_PAGING_SAMPLE=1 takes every prefmaxlen
   up to 128 and every 29th after it. */
static DWORD next_prefmaxlen(DWORD pref)
{
    static int sample = -1;
    if (sample < 0)
        sample = getenv("NB_PAGING_SAMPLE") != NULL;
    return pref + (sample && pref >= 128 ? 29 : 1);
}

static void page_every_prefmaxlen(page_fn fn, const void *ctx, DWORD level, size_t size,
                                  size_t name_offset, char **want, size_t n, const char *prefix)
{
    LPBYTE whole = NULL;
    DWORD read, total, full = 0;
    CHECK_EQ_U(fn(ctx, level, MAX_PREFERRED_LENGTH, &whole, &read, &total, NULL), NERR_Success);
    if (whole)
        NetApiBufferSize(whole, &full);
    NetApiBufferFree(whole);
    for (DWORD pref = 1; pref <= full + 1; pref = next_prefmaxlen(pref)) {
        DWORD_PTR resume = 0;
        size_t got = 0, calls = 0;
        NET_API_STATUS st;
        do {
            LPBYTE buf = NULL;
            st = fn(ctx, level, pref, &buf, &read, &total, &resume);
            if (st != NERR_Success && st != ERROR_MORE_DATA) {
                CHECK_MSG_(0, "prefmaxlen %u: status %u", (unsigned)pref, (unsigned)st);
                break;
            }
            if (total != n || (read == 0 && got < n)) {
                CHECK_MSG_(0, "prefmaxlen %u: read %u total %u of %zu", (unsigned)pref,
                           (unsigned)read, (unsigned)total, n);
                NetApiBufferFree(buf);
                break;
            }
            DWORD bytes = 0;
            if (buf)
                NetApiBufferSize(buf, &bytes);
            if (read > 1 && bytes > pref)
                CHECK_MSG_(0, "prefmaxlen %u: %u entries in %u bytes", (unsigned)pref,
                           (unsigned)read, (unsigned)bytes);
            for (DWORD i = 0; i < read; i++) {
                char *name;
                memcpy(&name, buf + i * size + name_offset, sizeof name);
                const char *w = got < n ? want[got] : "(past the end)";
                size_t plen = strlen(prefix);
                if (!inside(buf, name) || strncmp(name, prefix, plen) != 0 ||
                    strcmp(name + plen, w) != 0)
                    CHECK_MSG_(0, "prefmaxlen %u: entry %zu is '%s', want '%s%s'",
                               (unsigned)pref, got, name, prefix, w);
                got++;
            }
            NetApiBufferFree(buf);
            if (st == ERROR_MORE_DATA && resume == 0)
                CHECK_MSG_(0, "prefmaxlen %u: more data but resume handle 0", (unsigned)pref);
        } while (st == ERROR_MORE_DATA && ++calls <= n);
        CHECK_EQ_U(resume, 0);
        CHECK_EQ_U(got, n);
        if (got != n)
            return;
    }
}

TEST(localgroup_enum_paging)
{
    char **names = malloc((ngroups + 1) * sizeof *names);
    for (size_t i = 0; i < ngroups; i++)
        names[i] = groups[i].name;
    page_every_prefmaxlen(groups_page, NULL, 0, sizeof(LOCALGROUP_INFO_0),
                          offsetof(LOCALGROUP_INFO_0, lgrpi0_name), names, ngroups, "");
    page_every_prefmaxlen(groups_page, NULL, 1, sizeof(LOCALGROUP_INFO_1),
                          offsetof(LOCALGROUP_INFO_1, lgrpi1_name), names, ngroups, "");
    free(names);
}

TEST(members_paging)
{
    char prefix[300];
    snprintf(prefix, sizeof prefix, "%s\\", host);
    for (size_t i = 0; i < ngroups; i++) {
        if (group_named(groups[i].name) != &groups[i])
            continue;
        char **want;
        size_t n = expected_members(&groups[i], &want);
        if (n > 0) {
            page_every_prefmaxlen(members_page, groups[i].name, 1,
                                  sizeof(LOCALGROUP_MEMBERS_INFO_1),
                                  offsetof(LOCALGROUP_MEMBERS_INFO_1, lgrmi1_name), want, n, "");
            page_every_prefmaxlen(members_page, groups[i].name, 3,
                                  sizeof(LOCALGROUP_MEMBERS_INFO_3),
                                  offsetof(LOCALGROUP_MEMBERS_INFO_3, lgrmi3_domainandname),
                                  want, n, prefix);
        }
        free(want);
    }
}

/* Without a resume handle a small prefmaxlen gives the first page and the
   total; the enumeration cannot be continued. */
TEST(paging_without_resume_handle)
{
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0;
    NET_API_STATUS st = NetLocalGroupEnum(NULL, 0, &buf, 1, &read, &total, NULL);
    CHECK_EQ_U(st, ngroups > 1 ? ERROR_MORE_DATA : NERR_Success);
    CHECK_EQ_U(read, ngroups ? 1 : 0);
    CHECK_EQ_U(total, ngroups);
    if (ngroups)
        CHECK_EQ_S(((LOCALGROUP_INFO_0 *)buf)->lgrpi0_name, groups[0].name);
    NetApiBufferFree(buf);
}

/* ---- threads ------------------------------------------------------------------ */

/* Each thread pages through the groups and the first group's members with
   its own prefmaxlen, many times: snapshots are never shared between calls
   in flight, and every enumeration comes out whole. */
static void *page_in_thread(void *arg)
{
    DWORD pref = (DWORD)(uintptr_t)arg;
    long bad = 0;
    for (int round = 0; round < 20; round++) {
        DWORD_PTR resume = 0;
        size_t got = 0;
        NET_API_STATUS st;
        do {
            LPBYTE buf = NULL;
            DWORD read = 0, total = 0;
            st = NetLocalGroupEnum(NULL, 0, &buf, pref, &read, &total, &resume);
            for (DWORD i = 0; i < read; i++, got++)
                if (got >= ngroups ||
                    strcmp(((LOCALGROUP_INFO_0 *)buf)[i].lgrpi0_name, groups[got].name) != 0)
                    bad++;
            NetApiBufferFree(buf);
        } while (st == ERROR_MORE_DATA);
        if (st != NERR_Success || got != ngroups || resume != 0)
            bad++;
        if (ngroups) {
            DWORD read = 0, total = 0, seen = 0;
            resume = 0;
            do {
                LPBYTE buf = NULL;
                st = NetLocalGroupGetMembers(NULL, groups[0].name, 3, &buf, pref, &read, &total,
                                             &resume);
                seen += read;
                NetApiBufferFree(buf);
            } while (st == ERROR_MORE_DATA);
            if (st != NERR_Success || seen != total)
                bad++;
        }
    }
    return (void *)(uintptr_t)bad;
}

TEST(threads_page_concurrently)
{
    enum { THREADS = 4 };
    pthread_t t[THREADS];
    for (uintptr_t i = 0; i < THREADS; i++)
        CHECK_EQ_U(pthread_create(&t[i], NULL, page_in_thread, (void *)(16 + 40 * i)), 0);
    for (int i = 0; i < THREADS; i++) {
        void *bad;
        pthread_join(t[i], &bad);
        CHECK_EQ_U((uintptr_t)bad, 0);
    }
}

/* ---- server names and errors ------------------------------------------------------ */

/* Call every function with server name s; 0 if all gave `want`. */
static void all_with_server(const char *s, NET_API_STATUS want)
{
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 9, total = 9;
    char name[300];
    snprintf(name, sizeof name, "%s", s ? s : "");
    LMSTR lm = s ? name : NULL;
    const char *g = ngroups ? groups[0].name : "root";
    const char *u = nusers ? users[0].name : "root";
    NET_API_STATUS st[7];
    LPBYTE bufs[7];
    int errnos[7];
    /* errno is left as it was, as by the ApiBuffer functions (docs/behaviour.md section 2) */
#define CALL(i, call) (errno = 4242, st[i] = (call), errnos[i] = errno)
    CALL(0, NetWkstaGetInfo(lm, 102, &bufs[0]));
    CALL(1, NetServerGetInfo(lm, 102, &bufs[1]));
    CALL(2, NetRemoteTOD(s, &bufs[2]));
    CALL(3, NetLocalGroupEnum(s, 0, &bufs[3], MAX_PREFERRED_LENGTH, &read, &total, NULL));
    CALL(4, NetLocalGroupGetInfo(s, g, 0, &bufs[4]));
    CALL(5, NetLocalGroupGetMembers(s, g, 3, &bufs[5], MAX_PREFERRED_LENGTH, &read, &total, NULL));
    CALL(6, NetUserGetLocalGroups(s, u, 0, 0, &bufs[6], MAX_PREFERRED_LENGTH, &read, &total));
#undef CALL
    for (int i = 0; i < 7; i++) {
        if (errnos[i] != 4242)
            CHECK_MSG_(0, "server '%s', function %d: errno %d", s ? s : "(null)", i, errnos[i]);
        if (st[i] != want)
            CHECK_MSG_(0, "server '%s', function %d: status %u, want %u", s ? s : "(null)", i,
                       (unsigned)st[i], (unsigned)want);
        if (want != NERR_Success && bufs[i] != NULL)
            CHECK_MSG_(0, "server '%s', function %d: a buffer on error", s ? s : "(null)", i);
        if (want == NERR_Success)
            NetApiBufferFree(bufs[i]);
    }
    (void)buf;
}

TEST(server_names)
{
    char unc[300], upper[256];
    all_with_server(NULL, NERR_Success);
    all_with_server("", NERR_Success);
    all_with_server(host, NERR_Success);
    snprintf(unc, sizeof unc, "\\\\%s", host);
    all_with_server(unc, NERR_Success);
    for (size_t i = 0; i <= strlen(host); i++)
        upper[i] = (char)(host[i] >= 'a' && host[i] <= 'z' ? host[i] - 32 : host[i]);
    all_with_server(upper, NERR_Success);
    /* Another machine: Samba's engine answers.  Nothing listens on
       127.0.0.9 (Samba's client calls only 127.0.0.1 local), so the
       connection is refused at once: ERROR_BAD_NETPATH, or
       ERROR_MOD_NOT_FOUND where Samba's client library is not installed. */
    void *samba = dlopen("libnetapi.so.1", RTLD_LAZY | RTLD_LOCAL);
    NET_API_STATUS unreachable = samba ? ERROR_BAD_NETPATH : ERROR_MOD_NOT_FOUND;
    all_with_server("127.0.0.9", unreachable);
    all_with_server("\\\\127.0.0.9", unreachable);
    if (samba)
        dlclose(samba);
    /* Not a name at all. */
    all_with_server("\\", ERROR_INVALID_NAME);
    all_with_server("\\\\", ERROR_INVALID_NAME);
}

/* An error leaves *bufptr NULL ... */
#define CHECK_FAILS_BUF(call, want)                  \
    do {                                             \
        buf = (LPBYTE)1;                             \
        CHECK_EQ_U(call, want);                      \
        CHECK_EQ_P(buf, NULL);                       \
    } while (0)

/* ... and the counts 0. */
#define CHECK_FAILS(call, want)                      \
    do {                                             \
        read = total = 9;                            \
        CHECK_FAILS_BUF(call, want);                 \
        CHECK_EQ_U(read, 0);                         \
        CHECK_EQ_U(total, 0);                        \
    } while (0)

TEST(error_statuses)
{
    LPBYTE buf;
    DWORD read, total;
    DWORD_PTR resume = 0;
    const char *g = ngroups ? groups[0].name : "root";
    const char *u = nusers ? users[0].name : "root";
    /* NULL out-parameters */
    CHECK_EQ_U(NetWkstaGetInfo(NULL, 100, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetServerGetInfo(NULL, 100, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetRemoteTOD(NULL, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetLocalGroupGetInfo(NULL, g, 0, NULL), ERROR_INVALID_PARAMETER);
    CHECK_FAILS_BUF(NetLocalGroupGetInfo(NULL, NULL, 0, &buf), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetLocalGroupEnum(NULL, 0, NULL, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               ERROR_INVALID_PARAMETER);
    CHECK_FAILS_BUF(NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, NULL, &total, &resume),
                ERROR_INVALID_PARAMETER);
    CHECK_FAILS_BUF(NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, NULL, &resume),
                ERROR_INVALID_PARAMETER);
    CHECK_FAILS(NetLocalGroupGetMembers(NULL, NULL, 1, &buf, 100, &read, &total, &resume),
                ERROR_INVALID_PARAMETER);
    CHECK_FAILS_BUF(NetLocalGroupGetMembers(NULL, g, 1, &buf, 100, NULL, &total, &resume),
                ERROR_INVALID_PARAMETER);
    CHECK_FAILS_BUF(NetLocalGroupGetMembers(NULL, g, 1, &buf, 100, &read, NULL, &resume),
                ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetLocalGroupGetMembers(NULL, g, 1, NULL, 100, &read, &total, &resume),
               ERROR_INVALID_PARAMETER);
    CHECK_FAILS(NetUserGetLocalGroups(NULL, NULL, 0, 0, &buf, 100, &read, &total),
                ERROR_INVALID_PARAMETER);
    CHECK_FAILS_BUF(NetUserGetLocalGroups(NULL, u, 0, 0, &buf, 100, NULL, &total),
                ERROR_INVALID_PARAMETER);
    CHECK_FAILS_BUF(NetUserGetLocalGroups(NULL, u, 0, 0, &buf, 100, &read, NULL),
                ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetUserGetLocalGroups(NULL, u, 0, 0, NULL, 100, &read, &total),
               ERROR_INVALID_PARAMETER);
    CHECK_FAILS(NetUserGetLocalGroups(NULL, u, 0, 2, &buf, 100, &read, &total),
                ERROR_INVALID_PARAMETER);
    /* levels */
    static const DWORD bad_info_levels[] = {0, 1, 2, 99, 103, 502, 0xFFFFFFFF};
    for (size_t i = 0; i < sizeof bad_info_levels / sizeof bad_info_levels[0]; i++) {
        CHECK_FAILS_BUF(NetWkstaGetInfo(NULL, bad_info_levels[i], &buf), ERROR_INVALID_LEVEL);
        CHECK_FAILS_BUF(NetServerGetInfo(NULL, bad_info_levels[i], &buf), ERROR_INVALID_LEVEL);
    }
    static const DWORD bad_group_levels[] = {2, 3, 100, 1002, 0xFFFFFFFF};
    for (size_t i = 0; i < sizeof bad_group_levels / sizeof bad_group_levels[0]; i++) {
        DWORD l = bad_group_levels[i];
        CHECK_FAILS(NetLocalGroupEnum(NULL, l, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
                    ERROR_INVALID_LEVEL);
        CHECK_FAILS_BUF(NetLocalGroupGetInfo(NULL, g, l, &buf), ERROR_INVALID_LEVEL);
        CHECK_FAILS(NetUserGetLocalGroups(NULL, u, l, 0, &buf, 100, &read, &total),
                    ERROR_INVALID_LEVEL);
    }
    static const DWORD bad_member_levels[] = {0, 2, 4, 0xFFFFFFFF};
    for (size_t i = 0; i < sizeof bad_member_levels / sizeof bad_member_levels[0]; i++)
        CHECK_FAILS(NetLocalGroupGetMembers(NULL, g, bad_member_levels[i], &buf, 100, &read,
                                            &total, &resume),
                    ERROR_INVALID_LEVEL);
    /* unknown names */
    CHECK_FAILS_BUF(NetLocalGroupGetInfo(NULL, "no-such-group-netapibuf", 1, &buf),
                NERR_GroupNotFound);
    CHECK_FAILS_BUF(NetLocalGroupGetInfo(NULL, "", 1, &buf), NERR_GroupNotFound);
    CHECK_FAILS(NetLocalGroupGetMembers(NULL, "no-such-group-netapibuf", 1, &buf, 100, &read,
                                        &total, &resume),
                NERR_GroupNotFound);
    CHECK_FAILS(NetLocalGroupGetMembers(NULL, "", 3, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                        NULL),
                NERR_GroupNotFound);
    CHECK_FAILS(NetUserGetLocalGroups(NULL, "no-such-user-netapibuf", 0, 0, &buf, 100, &read,
                                      &total),
                NERR_UserNotFound);
    CHECK_FAILS(NetUserGetLocalGroups(NULL, "", 0, 0, &buf, 100, &read, &total),
                NERR_UserNotFound);
}

/* Every status these functions return has its own text. */
TEST(status_texts)
{
    static const NET_API_STATUS returned[] = {
        NERR_Success,       ERROR_NOT_ENOUGH_MEMORY, ERROR_NOT_SUPPORTED, ERROR_INVALID_PARAMETER,
        ERROR_INVALID_LEVEL, ERROR_MORE_DATA,        NERR_InternalError,  NERR_GroupNotFound,
        NERR_UserNotFound,
    };
    const char *unknown = netapibuf_status_text(0xDEADu);
    CHECK_EQ_S(unknown, "Unknown status");
    for (size_t i = 0; i < sizeof returned / sizeof returned[0]; i++) {
        const char *t = netapibuf_status_text(returned[i]);
        CHECK(t != NULL && strcmp(t, unknown) != 0 && strlen(t) > 5);
    }
    CHECK_EQ_S(netapibuf_status_text(NERR_UserNotFound), "The user name could not be found.");
    CHECK_EQ_S(netapibuf_status_text(NERR_GroupNotFound), "The group name could not be found.");
}

/* ---- out of memory ------------------------------------------------------------------ */

static NET_API_STATUS oom_call(int which, LPBYTE *buf, LPDWORD read)
{
    DWORD total = 0;
    DWORD_PTR resume = 0;
    const char *g = ngroups ? groups[0].name : "root";
    const char *u = nusers ? users[0].name : "root";
    *read = 0;
    switch (which) {
    case 0: return NetWkstaGetInfo(NULL, 102, buf);
    case 1: return NetServerGetInfo(NULL, 102, buf);
    case 2: return NetRemoteTOD(NULL, buf);
    case 3: return NetLocalGroupEnum(NULL, 1, buf, MAX_PREFERRED_LENGTH, read, &total, NULL);
    case 4: return NetLocalGroupEnum(NULL, 1, buf, 64, read, &total, &resume);
    case 5: return NetLocalGroupGetInfo(NULL, g, 1, buf);
    case 6: return NetLocalGroupGetMembers(NULL, g, 3, buf, MAX_PREFERRED_LENGTH, read, &total,
                                           NULL);
    case 7: return NetLocalGroupGetMembers(NULL, g, 1, buf, 1, read, &total, &resume);
    default: return NetUserGetLocalGroups(NULL, u, 0, 0, buf, MAX_PREFERRED_LENGTH, read, &total);
    }
}

TEST(out_of_memory_every_step)
{
    struct netapibuf_stats before, after;
    netapibuf_get_stats(&before);
    for (int which = 0; which <= 8; which++)
        oom_check_every_step(oom_call, which, 1);
    nbi_resume_flush();
    netapibuf_get_stats(&after);
    CHECK_EQ_U(after.live_buffers, before.live_buffers);
}

int main(void)
{
    load_getent();
    if (gethostname(host, sizeof host) != 0)
        return 2;
    host[sizeof host - 1] = '\0';
    printf("%zu users, %zu groups\n", nusers, ngroups);
    struct netapibuf_stats start, end;
    netapibuf_get_stats(&start);
    RUN(wksta_levels);
    RUN(server_levels);
    RUN(tod_matches_clock);
    RUN(localgroup_enum_matches_getent);
    RUN(localgroup_getinfo_matches_getent);
    RUN(members_match_getent);
    RUN(user_local_groups_match_getent);
    RUN(localgroup_enum_paging);
    RUN(members_paging);
    RUN(paging_without_resume_handle);
    RUN(threads_page_concurrently);
    RUN(server_names);
    RUN(error_statuses);
    RUN(status_texts);
    RUN(out_of_memory_every_step);
    nbi_resume_flush();
    netapibuf_get_stats(&end);
    CHECK_EQ_U(end.live_buffers, start.live_buffers);
    return check_finish();
}
