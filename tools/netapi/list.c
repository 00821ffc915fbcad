/* list.c — a listing read page by page with its resume handle, kept for
   printing after the last page (so nothing is printed for a call that
   fails: call first, print after). */
#include <inttypes.h>

#include "cli.h"

int list_fetch(const struct options *opt, const struct record_family *family, DWORD level,
               const char *function, fetch_page fetch, void *ctx, struct table **out)
{
    *out = NULL;
    const struct record_desc *desc = find_desc(family, level);
    NET_API_STATUS st;
    unsigned page = 0;
    struct table *t = desc ? table_new(desc) : NULL;
    do {
        LPBYTE buf = NULL;
        DWORD read = 0, total = 0;
        st = fetch(ctx, level, opt->prefmaxlen, &buf, &read, &total);
        if (st != NERR_Success && st != ERROR_MORE_DATA) {
            table_free(t);
            return api_error(function, st);
        }
        if (!t) { /* the library knows a level this command cannot print */
            NetApiBufferFree(buf);
            return api_error(function, ERROR_INVALID_LEVEL);
        }
        if (opt->given & OPT_PREFMAXLEN)
            say(opt, "Page %u: %" PRIu32 " %s read (%" PRIu32 " in total), prefmaxlen %" PRIu32 "\n",
                ++page, read, read == 1 ? "entry" : "entries", total, opt->prefmaxlen);
        table_add(t, buf, read);
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA);
    if (page)
        say(opt, "\n");
    *out = t;
    return EXIT_OK;
}
