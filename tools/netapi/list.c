/* list.c — a listing read page by page with its resume handle, then printed. */
#include "netapi.h"

int list_all(const struct options *opt, const struct record_desc *descs, size_t ndescs,
             DWORD default_level, const char *function, fetch_page fetch, void *ctx)
{
    DWORD level = opt->level_set ? opt->level : default_level;
    const struct record_desc *desc = find_desc(descs, ndescs, level);
    struct table *t = table_new(desc ? desc : &descs[0]);
    NET_API_STATUS st;
    unsigned page = 0;
    do {
        LPBYTE buf = NULL;
        DWORD read = 0, total = 0;
        st = fetch(ctx, level, opt->prefmaxlen, &buf, &read, &total);
        if (st != NERR_Success && st != ERROR_MORE_DATA) {
            table_free(t);
            return api_error(function, st);
        }
        show_page(opt, ++page, read, total);
        if (!desc) { /* the library knows a level this command cannot print */
            NetApiBufferFree(buf);
            table_free(t);
            return api_error(function, ERROR_INVALID_LEVEL);
        }
        table_add(t, buf, read);
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA);
    table_print(t, opt);
    table_free(t);
    return EXIT_OK;
}
