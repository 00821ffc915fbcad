/*
 * capture.h — a misuse handler for tests: records the reports instead of
 * printing them, so a test can assert that a call was reported, once, with
 * the right function, pointer and kind.
 */
#ifndef NETAPIBUF_TEST_CAPTURE_H
#define NETAPIBUF_TEST_CAPTURE_H

#include <string.h>

#include <netapibuf.h>

struct capture {
    int count;
    struct netapibuf_misuse last;
};

static struct capture captured;

static void capture_handler(const struct netapibuf_misuse *report, void *context)
{
    struct capture *c = context;
    c->count++;
    c->last = *report;
}

/* Start capturing (and forget earlier reports). */
static inline void capture_start(void)
{
    memset(&captured, 0, sizeof captured);
    netapibuf_set_misuse_handler(capture_handler, &captured);
}

static inline void capture_stop(void)
{
    netapibuf_set_misuse_handler(NULL, NULL);
}

#endif /* NETAPIBUF_TEST_CAPTURE_H */
