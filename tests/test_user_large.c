/* test_user_large.c — NetUserEnum over a 20,000-user database (run through
   large_db.sh in a private mount namespace): nothing lost or repeated when
   paging at prefmaxlen 4096, every page within prefmaxlen, and paging costs
   one walk of the database, counted, not timed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "local/local.h"

static unsigned long want_users;

TEST(large_database)
{
    /* the single call: every generated user, in file order */
    LPBYTE all = NULL;
    DWORD n = 0, total = 0, resume = 0;
    unsigned long w0 = nbi_local_entries_walked();
    CHECK_EQ_U(NetUserEnum(NULL, 20, 0, &all, MAX_PREFERRED_LENGTH, &n, &total, &resume),
               NERR_Success);
    CHECK_EQ_U(nbi_local_entries_walked() - w0, n);
    CHECK(n >= want_users + 1);
    USER_INFO_20 *u = (USER_INFO_20 *)all;
    CHECK_EQ_S(u[0].usri20_name, "root");
    CHECK_EQ_U(u[0].usri20_user_id, 0);
    for (unsigned long i = 1; i <= want_users && i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "user%05lu", i);
        if (strcmp(u[i].usri20_name, name) != 0 || u[i].usri20_user_id != 100000 + i) {
            CHECK_MSG_(0, "entry %lu is %s", i, u[i].usri20_name);
            break;
        }
    }
    CHECK_EQ_S(u[1].usri20_full_name, "User Number 1");
    CHECK_EQ_S(u[1].usri20_comment, "Room 1,555-0001");
    CHECK_EQ_U(u[50].usri20_flags, UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_ACCOUNTDISABLE);

    /* paging at 4096: the same entries, none lost or repeated, one walk */
    unsigned long w1 = nbi_local_entries_walked();
    DWORD at = 0, pages = 0;
    resume = 0;
    for (;;) {
        LPBYTE buf = NULL;
        DWORD read = 0, size = 0;
        NET_API_STATUS st = NetUserEnum(NULL, 20, 0, &buf, 4096, &read, &total, &resume);
        if (st != NERR_Success && st != ERROR_MORE_DATA) {
            CHECK_MSG_(0, "page %u: status %u", (unsigned)pages, (unsigned)st);
            break;
        }
        CHECK_EQ_U(total, n);
        NetApiBufferSize(buf, &size);
        if (read > 1 && size > 4096)
            CHECK_MSG_(0, "page %u: %u bytes", (unsigned)pages, (unsigned)size);
        USER_INFO_20 *p = (USER_INFO_20 *)buf;
        for (DWORD k = 0; k < read; k++)
            if (at + k >= n || strcmp(p[k].usri20_name, u[at + k].usri20_name) != 0 ||
                strcmp(p[k].usri20_comment, u[at + k].usri20_comment) != 0 ||
                p[k].usri20_user_id != u[at + k].usri20_user_id) {
                CHECK_MSG_(0, "page %u entry %u differs from the single call", (unsigned)pages,
                           (unsigned)k);
                break;
            }
        NetApiBufferFree(buf);
        at += read;
        pages++;
        if (st == NERR_Success || pages > n)
            break;
    }
    CHECK_EQ_U(at, n);
    CHECK(pages > 100);
    unsigned long walked = nbi_local_entries_walked() - w1;
    printf("%u entries, %u pages of <= 4096 bytes, %lu entries walked\n", (unsigned)n,
           (unsigned)pages, walked);
    CHECK_EQ_U(walked, n); /* one walk, not one per page */
    NetApiBufferFree(all);
}

int main(void)
{
    const char *users = getenv("NB_LARGE_USERS");
    if (!users) {
        fprintf(stderr, "run me through tests/large_db.sh\n");
        return 77;
    }
    want_users = strtoul(users, NULL, 10);
    struct netapibuf_stats start, end;
    netapibuf_get_stats(&start);
    RUN(large_database);
    netapibuf_get_stats(&end);
    CHECK_EQ_U(end.live_buffers, start.live_buffers);
    return check_finish();
}
