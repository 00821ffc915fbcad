/*
 * test_status_text.c — every status lmerr.h defines has its own text from
 * netapibuf_status_text() (the list is read from lmerr.h at build time, so a
 * status added there without a text fails here).
 */
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"

static const struct {
    const char *name;
    NET_API_STATUS value;
} statuses[] = {
#define NB_STATUS(name) {#name, name},
#include "lmerr_statuses.inc"
#undef NB_STATUS
};

TEST(every_status_has_text)
{
    CHECK(sizeof statuses / sizeof statuses[0] > 100);
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        const char *t = netapibuf_status_text(statuses[i].value);
        CHECK_MSG_(t != NULL && strcmp(t, "Unknown status") != 0 && strlen(t) > 5,
                   "%s (%u) has no text", statuses[i].name, (unsigned)statuses[i].value);
    }
    CHECK_EQ_S(netapibuf_status_text(MAX_NERR), "Unknown status");
}

int main(void)
{
    RUN(every_status_has_text);
    return check_finish();
}
