/*
 * test_debugger.c — docs/checking.md's promise about valgrind: a leaked
 * NetApiBuffer is "definitely lost" at the caller's allocation, and reads
 * past its end or after its release are reported at the caller's line.
 * Runs this program again under valgrind (when valgrind is installed, and
 * the library was built with its headers) and reads the report.
 */
#include <stdio.h>
#include <string.h>

#include <lm.h>

#include "check.h"
#include "spawn.h"

#define NBI_TEST_NOINLINE __attribute__((noinline))

static void *volatile sink;

/* The misuses valgrind must pin on these functions. */
static NBI_TEST_NOINLINE void leak_a_buffer(void)
{
    LPVOID p;
    NetApiBufferAllocate(40, &p);
    sink = NULL;
}

static NBI_TEST_NOINLINE int read_past_end(void)
{
    unsigned char *p;
    NetApiBufferAllocate(40, (LPVOID *)&p);
    int v = ((volatile unsigned char *)p)[40];
    NetApiBufferFree(p);
    return v;
}

static NBI_TEST_NOINLINE int read_after_free(void)
{
    unsigned char *p;
    NetApiBufferAllocate(40, (LPVOID *)&p);
    p[0] = 1;
    NetApiBufferFree(p);
    return ((volatile unsigned char *)p)[0];
}

static int misbehave(void)
{
    leak_a_buffer();
    return (read_past_end() + read_after_free()) & 0;
}

/* Run valgrind on this program's "misbehave" scenario. */
static int run_under_valgrind(struct spawned *out)
{
    char *const argv[] = {"valgrind", "--leak-check=full", (char *)(uintptr_t)self_path(),
                          "misbehave", NULL};
    return spawn_argv(argv, NULL, out);
}

TEST(valgrind_sees_buffers)
{
#ifndef NETAPIBUF_TEST_VALGRIND
    CHECK(1); /* built without valgrind's headers: nothing promised */
#else
    struct spawned s;
    CHECK_EQ_U(run_under_valgrind(&s), 0);
    if (WIFEXITED(s.status) && WEXITSTATUS(s.status) == 127) {
        CHECK(1); /* valgrind not installed */
        return;
    }
    CHECK_MSG_(strstr(s.err, "40 bytes in 1 blocks are definitely lost") != NULL,
               "no leak reported:\n%.300s", s.err);
    const char *leak = strstr(s.err, "definitely lost in loss record");
    CHECK(leak && strstr(leak, "leak_a_buffer"));
    const char *past = strstr(s.err, "Invalid read of size 1");
    CHECK(past && strstr(past, "read_past_end"));
    CHECK(strstr(s.err, "read_after_free") != NULL);
    CHECK(strstr(s.err, "inside a block of size 40 free'd") != NULL);
#endif
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "misbehave") == 0)
        return misbehave();
    RUN(valgrind_sees_buffers);
    return check_finish();
}
