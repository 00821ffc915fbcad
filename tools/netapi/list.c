/* list.c — a listing read page by page with its resume handle, kept for
   printing after the last page (so nothing is printed for a call that
   fails: call first, print after). */
#include <inttypes.h>

#include "cli.h"

NET_API_STATUS list_read(const struct options *opt, const struct record_family *family,
                         DWORD level, fetch_page fetch, void *ctx, struct table **out)
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
            return st;
        }
        if (!t) { /* the library knows a level this command cannot print */
            NetApiBufferFree(buf);
            return ERROR_INVALID_LEVEL;
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
    return NERR_Success;
}

int show_listing(const struct options *opt, const char *command, const char *title,
                 const struct record_family *family, DWORD default_level, const char *function,
                 fetch_page fetch, void *ctx)
{
    struct table *t;
    DWORD level = opt->given & OPT_LEVEL ? opt->level : default_level;
    int st = list_fetch(opt, family, level, function, fetch, ctx, &t);
    return st == EXIT_OK ? print_listing(opt, command, title, t) : st;
}

int print_group(const struct options *opt, const char *command, const struct record_desc *desc,
                void *info, const struct record_family *members, DWORD level,
                const char *function, fetch_page fetch, void *ctx)
{
    struct table *t;
    int st = list_fetch(opt, members, level, function, fetch, ctx, &t);
    if (st != EXIT_OK) {
        NetApiBufferFree(info);
        return st;
    }
    doc_begin(opt, command);
    struct kv *kv = kv_begin(opt, "record");
    kv_record(kv, desc, info);
    kv_table(kv, "members", "Members", t);
    kv_end(kv);
    table_free(t);
    NetApiBufferFree(info);
    doc_end(opt);
    return EXIT_OK;
}

int list_fetch(const struct options *opt, const struct record_family *family, DWORD level,
               const char *function, fetch_page fetch, void *ctx, struct table **out)
{
    NET_API_STATUS st = list_read(opt, family, level, fetch, ctx, out);
    return st == NERR_Success ? EXIT_OK : api_error(function, st);
}
