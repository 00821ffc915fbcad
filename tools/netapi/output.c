/*
 * output.c — how netapi prints: aligned tables and "Title   value" lines
 * for people, JSON (arrays of objects for listings) for programs.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netapi.h"

static _Noreturn void out_of_memory(void)
{
    fputs("netapi: out of memory\n", stderr);
    exit(EXIT_API);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

int api_error(const char *function, NET_API_STATUS status)
{
    fflush(stdout);
    fprintf(stderr, "netapi: %s failed: error %" PRIu32 ": %s\n", function, status,
            netapibuf_status_text(status));
    return EXIT_API;
}

void show_title(const struct options *opt, const char *what)
{
    LPBYTE buf = NULL;
    if (opt->json || NetWkstaGetInfo(NULL, 100, &buf) != NERR_Success)
        return;
    printf("%s for \\\\%s\n\n", what, ((const WKSTA_INFO_100 *)buf)->wki100_computername);
    NetApiBufferFree(buf);
}

void show_page(const struct options *opt, unsigned page, DWORD entriesread, DWORD totalentries)
{
    if (opt->json || !opt->prefmaxlen_set)
        return;
    printf("Page %u: %" PRIu32 " entries read (%" PRIu32 " in total), prefmaxlen %" PRIu32 "\n",
           page, entriesread, totalentries, opt->prefmaxlen);
}

/* ---- JSON ----------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static size_t utf8_length(const unsigned char *s)
{
    size_t n;
    uint32_t cp, min;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0)
        n = 2, cp = s[0] & 0x1F, min = 0x80;
    else if ((s[0] & 0xF0) == 0xE0)
        n = 3, cp = s[0] & 0x0F, min = 0x800;
    else if ((s[0] & 0xF8) == 0xF0)
        n = 4, cp = s[0] & 0x07, min = 0x10000;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

void json_string(FILE *f, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    fputc('"', f);
    while (*s) {
        size_t n = utf8_length(s);
        if (n == 0) {
            fputs("\\ufffd", f);
            s++;
        } else if (*s == '"' || *s == '\\') {
            fputc('\\', f);
            fputc(*s++, f);
        } else if (*s < 0x20 || *s == 0x7F) {
            static const char named[] = "\b\f\n\r\t", letters[] = "bfnrt";
            const char *k = *s ? strchr(named, *s) : NULL;
            if (k)
                fprintf(f, "\\%c", letters[k - named]);
            else
                fprintf(f, "\\u%04x", *s);
            s++;
        } else {
            fwrite(s, 1, n, f);
            s += n;
        }
    }
    fputc('"', f);
}

/* ---- one field as text ----------------------------------------------------- */

/* The field's value for people: a new string ("" for NULL strings). */
static char *field_text(const struct field *fd, const void *record)
{
    const unsigned char *p = (const unsigned char *)record + fd->offset;
    char num[32];
    switch (fd->type) {
    case FIELD_STRING: {
        const char *s;
        memcpy(&s, p, sizeof s);
        return xstrdup(s ? s : "");
    }
    case FIELD_SID: {
        const void *v;
        LPSTR text = NULL;
        memcpy(&v, p, sizeof v);
        if (!v || netapibuf_sid_to_string(v, &text) != NERR_Success)
            return xstrdup(v ? "(invalid)" : "");
        char *copy = xstrdup(text);
        NetApiBufferFree(text);
        return copy;
    }
    case FIELD_LONG: {
        LONG v;
        memcpy(&v, p, sizeof v);
        snprintf(num, sizeof num, "%" PRId32, v);
        return xstrdup(num);
    }
    case FIELD_FLAGS:
    case FIELD_DWORD: {
        DWORD v;
        memcpy(&v, p, sizeof v);
        if (fd->type == FIELD_FLAGS)
            snprintf(num, sizeof num, "0x%04" PRIx32, v);
        else
            snprintf(num, sizeof num, "%" PRIu32, v);
        return xstrdup(num);
    }
    }
    return xstrdup("");
}

/* The field's value as a JSON value. */
static void field_json(FILE *f, const struct field *fd, const void *record)
{
    const unsigned char *p = (const unsigned char *)record + fd->offset;
    switch (fd->type) {
    case FIELD_STRING: {
        const char *s;
        memcpy(&s, p, sizeof s);
        if (s)
            json_string(f, s);
        else
            fputs("null", f);
        return;
    }
    case FIELD_SID: {
        const void *v;
        LPSTR text = NULL;
        memcpy(&v, p, sizeof v);
        if (v && netapibuf_sid_to_string(v, &text) == NERR_Success) {
            json_string(f, text);
            NetApiBufferFree(text);
        } else {
            fputs("null", f);
        }
        return;
    }
    case FIELD_LONG: {
        LONG v;
        memcpy(&v, p, sizeof v);
        fprintf(f, "%" PRId32, v);
        return;
    }
    case FIELD_FLAGS:
    case FIELD_DWORD: {
        DWORD v;
        memcpy(&v, p, sizeof v);
        fprintf(f, "%" PRIu32, v);
        return;
    }
    }
}

/* ---- tables ------------------------------------------------------------------ */

/*
 * Rows are kept as text (human mode) or as ready JSON objects (JSON mode),
 * because the NetApiBuffer of each page is freed before the next is read.
 */
struct table {
    const struct record_desc *desc;
    size_t rows, cap;
    char **cells; /* rows * nfields strings */
    char **json;  /* rows JSON objects */
};

struct table *table_new(const struct record_desc *desc)
{
    struct table *t = xmalloc(sizeof *t);
    memset(t, 0, sizeof *t);
    t->desc = desc;
    return t;
}

static char *record_json(const struct record_desc *d, const void *rec)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        out_of_memory();
    fputc('{', f);
    for (size_t i = 0; i < d->nfields; i++) {
        if (i)
            fputs(", ", f);
        json_string(f, d->fields[i].key);
        fputs(": ", f);
        field_json(f, &d->fields[i], rec);
    }
    fputc('}', f);
    if (fclose(f) != 0)
        out_of_memory();
    return out;
}

void table_add(struct table *t, const void *records, DWORD count)
{
    const struct record_desc *d = t->desc;
    for (DWORD r = 0; r < count; r++) {
        const void *rec = (const unsigned char *)records + (size_t)r * d->size;
        if (t->rows == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 64;
            char **cells = realloc(t->cells, t->cap * d->nfields * sizeof *cells);
            char **json = realloc(t->json, t->cap * sizeof *json);
            if (!cells || !json)
                out_of_memory();
            t->cells = cells;
            t->json = json;
        }
        for (size_t i = 0; i < d->nfields; i++)
            t->cells[t->rows * d->nfields + i] = field_text(&d->fields[i], rec);
        t->json[t->rows] = record_json(d, rec);
        t->rows++;
    }
}

/* One table line: the cells padded to their columns, two spaces apart,
   without trailing blanks. */
static void print_row(const char *const *cells, const size_t *width, size_t n)
{
    size_t pending = 0; /* blanks owed before the next non-empty cell */
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(cells[i]);
        if (len) {
            printf("%*s%s", (int)pending, "", cells[i]);
            pending = 0;
        }
        pending += width[i] - len + 2;
    }
    putchar('\n');
}

void table_print(const struct table *t, const struct options *opt)
{
    const struct record_desc *d = t->desc;
    if (opt->json) {
        fputs("[", stdout);
        for (size_t r = 0; r < t->rows; r++)
            printf("%s\n  %s", r ? "," : "", t->json[r]);
        fputs(t->rows ? "\n]\n" : "]\n", stdout);
        return;
    }
    size_t width[MAX_FIELDS] = {0};
    size_t total = 0;
    for (size_t i = 0; i < d->nfields; i++) {
        width[i] = strlen(d->fields[i].title);
        for (size_t r = 0; r < t->rows; r++) {
            size_t w = strlen(t->cells[r * d->nfields + i]);
            if (w > width[i])
                width[i] = w;
        }
        total += width[i] + (i + 1 < d->nfields ? 2 : 0);
    }
    const char *line[MAX_FIELDS] = {0};
    for (size_t i = 0; i < d->nfields; i++)
        line[i] = d->fields[i].title;
    print_row(line, width, d->nfields);
    for (size_t i = 0; i < total; i++)
        putchar('-');
    putchar('\n');
    for (size_t r = 0; r < t->rows; r++) {
        for (size_t i = 0; i < d->nfields; i++)
            line[i] = t->cells[r * d->nfields + i];
        print_row(line, width, d->nfields);
    }
    printf("%zu %s listed.\n", t->rows, t->rows == 1 ? "entry" : "entries");
}

void table_free(struct table *t)
{
    if (!t)
        return;
    for (size_t r = 0; r < t->rows; r++) {
        for (size_t i = 0; i < t->desc->nfields; i++)
            free(t->cells[r * t->desc->nfields + i]);
        free(t->json[r]);
    }
    free(t->cells);
    free(t->json);
    free(t);
}

/* ---- key-value records ---------------------------------------------------------- */

#define TITLE_WIDTH 26

void kv_begin(struct kv *kv, const struct options *opt)
{
    kv->opt = opt;
    kv->count = 0;
    if (opt->json)
        fputs("{", stdout);
}

/* JSON: the separator and the key; human: the title column. */
static void kv_key(struct kv *kv, const char *key, const char *title)
{
    if (kv->opt->json) {
        fputs(kv->count ? ",\n  " : "\n  ", stdout);
        json_string(stdout, key);
        fputs(": ", stdout);
    }
    kv->title = title;
    kv->count++;
}

/* Human mode: the title, and the value in its column ("" leaves no
   trailing blanks). */
static void kv_text(const struct kv *kv, const char *value)
{
    if (value[0])
        printf("%-*s %s\n", TITLE_WIDTH - 1, kv->title, value);
    else
        puts(kv->title);
}

void kv_record(struct kv *kv, const struct record_desc *desc, const void *record)
{
    for (size_t i = 0; i < desc->nfields; i++) {
        const struct field *fd = &desc->fields[i];
        kv_key(kv, fd->key, fd->title);
        if (kv->opt->json) {
            field_json(stdout, fd, record);
        } else {
            char *s = field_text(fd, record);
            kv_text(kv, s);
            free(s);
        }
    }
}

void kv_string(struct kv *kv, const char *key, const char *title, const char *value)
{
    kv_key(kv, key, title);
    if (kv->opt->json)
        json_string(stdout, value);
    else
        kv_text(kv, value);
}

void kv_number(struct kv *kv, const char *key, const char *title, long long value)
{
    kv_key(kv, key, title);
    if (kv->opt->json) {
        printf("%lld", value);
    } else {
        char num[32];
        snprintf(num, sizeof num, "%lld", value);
        kv_text(kv, num);
    }
}

void kv_strings(struct kv *kv, const char *key, const char *title, char *const *values, size_t n)
{
    kv_key(kv, key, title);
    if (kv->opt->json) {
        putchar('[');
        for (size_t i = 0; i < n; i++) {
            if (i)
                fputs(", ", stdout);
            json_string(stdout, values[i]);
        }
        putchar(']');
        return;
    }
    /* as `net user NAME` shows group memberships: "*name", two to a line */
    printf("%-*s", TITLE_WIDTH - 1, title);
    if (n == 0)
        puts(" *None");
    for (size_t i = 0; i < n; i++) {
        int last_on_line = i % 2 == 1 || i + 1 == n;
        if (i > 0 && i % 2 == 0)
            printf("%-*s", TITLE_WIDTH - 1, "");
        printf(last_on_line ? " *%s\n" : " *%-23s", values[i]);
    }
}

void kv_end(struct kv *kv)
{
    if (kv->opt->json)
        fputs(kv->count ? "\n}\n" : "}\n", stdout);
}
