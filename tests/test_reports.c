/*
 * test_reports.c — docs/behaviour.md §3's words on stderr and on exit: the default
 * misuse handler's one line, NETAPIBUF_ON_MISUSE=abort, and strict mode's
 * leak report.  Each scenario runs in a child process of its own
 * (spawn.h); the parent checks its output and how it ended.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "spawn.h"

static int static_word[4];

/* Leaked buffers stay referenced here, so LeakSanitizer and valgrind (which
   would rightly call them lost) leave the report to netapibuf. */
static LPVOID leaked[16];

/* ---- scenarios, run in the child ---------------------------------------- */

static int leak_three(void)
{
    NetApiBufferAllocate(10, &leaked[0]);
    NetApiBufferAllocate(20, &leaked[1]);
    NetApiBufferAllocate(30, &leaked[2]);
    return 0;
}

static int leak_fifteen(void)
{
    for (int i = 0; i < 15; i++)
        NetApiBufferAllocate(100, &leaked[i]);
    return 0;
}

static int clean(void)
{
    LPVOID p, q;
    NetApiBufferAllocate(10, &p);
    NetApiBufferReallocate(p, 500, &q);
    NetApiBufferFree(q);
    return 0;
}

/* One misuse with the default handler, then go on working. */
static int misuse_then_continue(void)
{
    if (NetApiBufferFree(static_word) != ERROR_INVALID_PARAMETER)
        return 2;
    LPVOID p;
    if (NetApiBufferAllocate(8, &p) != NERR_Success || NetApiBufferFree(p) != NERR_Success)
        return 3;
    return 0;
}

/* ---- checks, in the parent ---------------------------------------------- */

static void run(const char *scenario, const char *env, struct spawned *out)
{
    CHECK_EQ_U(spawn_self(scenario, env, out), 0);
}

static int exited_zero(const struct spawned *s)
{
    return WIFEXITED(s->status) && WEXITSTATUS(s->status) == 0;
}

TEST(leak_report_first_line_exact)
{
    struct spawned s;
    run("leak_three", "NETAPIBUF_CHECK=strict", &s);
    CHECK(exited_zero(&s));
    const char *want = "netapibuf: 3 buffers (60 bytes) still allocated at exit\n";
    CHECK_MSG_(strncmp(s.err, want, strlen(want)) == 0, "report was: %.300s", s.err);
    CHECK_EQ_U(count_lines(s.err), 4); /* the line, then one per buffer */
    CHECK(strstr(s.err, ": 10 bytes\n") && strstr(s.err, ": 20 bytes\n") &&
          strstr(s.err, ": 30 bytes\n"));
}

TEST(leak_report_is_bounded)
{
    struct spawned s;
    run("leak_fifteen", "NETAPIBUF_CHECK=strict", &s);
    CHECK(exited_zero(&s));
    const char *want = "netapibuf: 15 buffers (1500 bytes) still allocated at exit\n";
    CHECK_MSG_(strncmp(s.err, want, strlen(want)) == 0, "report was: %.300s", s.err);
    CHECK_EQ_U(count_lines(s.err), 12); /* the line, 10 buffers, "... and 5 more" */
    CHECK(strstr(s.err, "... and 5 more\n") != NULL);
}

TEST(no_report_when_clean)
{
    struct spawned s;
    run("clean", "NETAPIBUF_CHECK=strict", &s);
    CHECK(exited_zero(&s));
    CHECK_MSG_(s.err[0] == '\0', "unexpected stderr: %.300s", s.err);
}

TEST(no_report_in_default_mode)
{
    struct spawned s;
    run("leak_three", "NETAPIBUF_CHECK=default", &s);
    CHECK(exited_zero(&s));
    CHECK_MSG_(s.err[0] == '\0', "unexpected stderr: %.300s", s.err);
}

TEST(default_handler_prints_one_line)
{
    static const char *const modes[] = {"NETAPIBUF_CHECK=default", "NETAPIBUF_CHECK=strict"};
    for (int m = 0; m < 2; m++) {
        struct spawned s;
        run("misuse_then_continue", modes[m], &s);
        CHECK(exited_zero(&s));
        CHECK_MSG_(strncmp(s.err, "netapibuf: NetApiBufferFree(", 28) == 0, "line was: %.300s", s.err);
        CHECK_EQ_U(count_lines(s.err), 1);
    }
}

TEST(abort_on_misuse)
{
    struct spawned s;
    run("misuse_then_continue", "NETAPIBUF_ON_MISUSE=abort", &s);
    CHECK(WIFSIGNALED(s.status) && WTERMSIG(s.status) == SIGABRT);
    CHECK(strncmp(s.err, "netapibuf: ", 11) == 0);
}

TEST(unknown_settings_are_reported_and_ignored)
{
    struct spawned s;
    run("clean", "NETAPIBUF_CHECK=paranoid", &s);
    CHECK(exited_zero(&s));
    CHECK(strncmp(s.err, "netapibuf: NETAPIBUF_CHECK=paranoid", 35) == 0);
    CHECK_EQ_U(count_lines(s.err), 1); /* default mode: no leak report */
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        static const struct {
            const char *name;
            int (*fn)(void);
        } scenarios[] = {{"leak_three", leak_three},
                         {"leak_fifteen", leak_fifteen},
                         {"clean", clean},
                         {"misuse_then_continue", misuse_then_continue}};
        for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++)
            if (strcmp(argv[1], scenarios[i].name) == 0)
                return scenarios[i].fn();
        return 127;
    }
    RUN(leak_report_first_line_exact);
    RUN(leak_report_is_bounded);
    RUN(no_report_when_clean);
    RUN(no_report_in_default_mode);
    RUN(default_handler_prints_one_line);
    RUN(abort_on_misuse);
    RUN(unknown_settings_are_reported_and_ignored);
    return check_finish();
}
