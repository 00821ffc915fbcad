/*
 * check.h — the test suite's assertions: typed checks that print both
 * values on failure, counted, and a closing line "N passed, N failed".
 *
 *   TEST(allocate_zero) { ... CHECK_EQ_U(size, 0); ... }
 *   int main(void) { RUN(allocate_zero); return check_finish(); }
 *
 * A failed check records the failure and the test goes on, so one run shows
 * every broken promise; check_finish() exits non-zero if any check failed.
 */
#ifndef NETAPIBUF_TEST_CHECK_H
#define NETAPIBUF_TEST_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;
static const char *check_current = "";

static inline void check_report(int ok, const char *file, int line, const char *what)
{
    if (ok) { /* atomically: tests check from several threads */
        __atomic_fetch_add(&check_passed, 1, __ATOMIC_RELAXED);
        return;
    }
    __atomic_fetch_add(&check_failed, 1, __ATOMIC_RELAXED);
    fprintf(stderr, "%s:%d: [%s] %s\n", file, line, check_current, what);
}

#define CHECK_MSG_(ok, ...)                                          \
    do {                                                             \
        char check_msg_[512];                                        \
        snprintf(check_msg_, sizeof check_msg_, __VA_ARGS__);        \
        check_report((ok), __FILE__, __LINE__, check_msg_);          \
    } while (0)

#define CHECK(cond) CHECK_MSG_(!!(cond), "CHECK(%s) failed", #cond)

#define CHECK_EQ_U(a, b)                                                                  \
    do {                                                                                  \
        uint64_t check_a_ = (uint64_t)(a), check_b_ = (uint64_t)(b);                      \
        CHECK_MSG_(check_a_ == check_b_, "CHECK_EQ_U(%s, %s) failed: %" PRIu64 " != %" PRIu64, \
                   #a, #b, check_a_, check_b_);                                           \
    } while (0)

#define CHECK_NE_U(a, b)                                                                  \
    do {                                                                                  \
        uint64_t check_a_ = (uint64_t)(a), check_b_ = (uint64_t)(b);                      \
        CHECK_MSG_(check_a_ != check_b_, "CHECK_NE_U(%s, %s) failed: both %" PRIu64, #a, #b, \
                   check_a_);                                                             \
    } while (0)

#define CHECK_GE_U(a, b)                                                                  \
    do {                                                                                  \
        uint64_t check_a_ = (uint64_t)(a), check_b_ = (uint64_t)(b);                      \
        CHECK_MSG_(check_a_ >= check_b_, "CHECK_GE_U(%s, %s) failed: %" PRIu64 " < %" PRIu64, \
                   #a, #b, check_a_, check_b_);                                           \
    } while (0)

#define CHECK_EQ_P(a, b)                                                                  \
    do {                                                                                  \
        const void *check_a_ = (const void *)(a), *check_b_ = (const void *)(b);          \
        CHECK_MSG_(check_a_ == check_b_, "CHECK_EQ_P(%s, %s) failed: %p != %p", #a, #b,   \
                   check_a_, check_b_);                                                   \
    } while (0)

#define CHECK_NE_P(a, b)                                                                  \
    do {                                                                                  \
        const void *check_a_ = (const void *)(a), *check_b_ = (const void *)(b);          \
        CHECK_MSG_(check_a_ != check_b_, "CHECK_NE_P(%s, %s) failed: both %p", #a, #b,    \
                   check_a_);                                                             \
    } while (0)

#define CHECK_EQ_S(a, b)                                                                  \
    do {                                                                                  \
        const char *check_a_ = (a), *check_b_ = (b);                                      \
        int check_ok_ = check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0;          \
        CHECK_MSG_(check_ok_, "CHECK_EQ_S(%s, %s) failed: \"%s\" != \"%s\"", #a, #b,      \
                   check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)");       \
    } while (0)

#define TEST(name) static void name(void)

#define RUN(name)                       \
    do {                                \
        int check_before_ = check_failed; \
        check_current = #name;          \
        name();                         \
        printf("%s %s\n", check_failed == check_before_ ? "ok  " : "FAIL", #name); \
    } while (0)

/* Print the closing line and give main's exit status. */
static inline int check_finish(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif /* NETAPIBUF_TEST_CHECK_H */
