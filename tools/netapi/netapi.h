/*
 * netapi.h — what the parts of the netapi command share: the parsed
 * options, record descriptions (which fields a Windows structure has and
 * how to print them), the output writers and the subcommands.
 */
#ifndef NETAPI_NETAPI_H
#define NETAPI_NETAPI_H

#include <stddef.h>
#include <stdio.h>

#include <lm.h>
#include <netapibuf.h>

/* ---- options (args.c) ------------------------------------------------------ */

struct options {
    int json;             /* --json: JSON instead of tables */
    int stats;            /* --stats: buffer statistics at exit */
    int level_set;        /* --level N given */
    DWORD level;
    int prefmaxlen_set;   /* --prefmaxlen N given: page and show the pages */
    DWORD prefmaxlen;     /* MAX_PREFERRED_LENGTH unless given */
    const char *command;  /* NULL (the summary), "user", "localgroup", "config", "time" */
    char **args;          /* the subcommand's own arguments */
    int nargs;
};

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_API = 1, EXIT_USAGE = 2 };

/* What parse_args decided: run a command, or exit with a status now. */
enum parse_result { PARSE_RUN, PARSE_EXIT_OK, PARSE_EXIT_USAGE };

enum parse_result parse_args(int argc, char **argv, struct options *opt);
void print_usage(FILE *f);
/* A usage error: the message and a hint on stderr; returns EXIT_USAGE. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- record descriptions (records.c) ---------------------------------------- */

enum field_type {
    FIELD_STRING, /* char *; NULL prints as JSON null */
    FIELD_DWORD,
    FIELD_LONG,
    FIELD_FLAGS,  /* DWORD shown in hex in tables */
    FIELD_SID     /* a binary SID, shown as "S-1-22-1-1000"; NULL prints as JSON null */
};

struct field {
    const char *key;   /* the Windows field name without its prefix: "full_name" */
    const char *title; /* the table heading: "Full name" */
    enum field_type type;
    size_t offset;
};

/* The most fields a described structure has (USER_INFO_3 shows 28). */
#define MAX_FIELDS 32

/* One level of one Windows structure. */
struct record_desc {
    DWORD level;
    size_t size;
    size_t nfields;
    const struct field *fields;
};

/* The description of `level` among descs[0..n), or NULL. */
const struct record_desc *find_desc(const struct record_desc *descs, size_t n, DWORD level);

extern const struct record_desc user_descs[];
extern const size_t user_ndescs;
extern const struct record_desc localgroup_descs[];
extern const size_t localgroup_ndescs;
extern const struct record_desc member_descs[];
extern const size_t member_ndescs;
extern const struct record_desc wksta_descs[];
extern const size_t wksta_ndescs;
extern const struct record_desc server_descs[];
extern const size_t server_ndescs;
extern const struct record_desc tod_desc;

/* ---- output (output.c) ------------------------------------------------------ */

/* A listing: rows collected page by page, printed at the end as an aligned
   table or one JSON array of objects. */
struct table;
struct table *table_new(const struct record_desc *desc);
void table_add(struct table *t, const void *records, DWORD count);
void table_print(const struct table *t, const struct options *opt);
void table_free(struct table *t);

/* One record as "Title    value" lines, or one JSON object. */
struct kv {
    const struct options *opt;
    int count;
    const char *title; /* human mode: the current line's title */
};
void kv_begin(struct kv *kv, const struct options *opt);
void kv_record(struct kv *kv, const struct record_desc *desc, const void *record);
void kv_string(struct kv *kv, const char *key, const char *title, const char *value);
void kv_number(struct kv *kv, const char *key, const char *title, long long value);
void kv_strings(struct kv *kv, const char *key, const char *title, char *const *values,
                size_t n);
void kv_end(struct kv *kv);

/* s as a JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD. */
void json_string(FILE *f, const char *s);

/* In human mode, a listing's title as `net` prints it: "User accounts for
   \\HOST" (the host name from NetWkstaGetInfo; left out if that fails). */
void show_title(const struct options *opt, const char *what);

/* In human mode with --prefmaxlen, one line per page read. */
void show_page(const struct options *opt, unsigned page, DWORD entriesread, DWORD totalentries);

/* A failed call: "netapi: NAME failed: error N: text" on stderr; returns EXIT_API. */
int api_error(const char *function, NET_API_STATUS status);

/* malloc that exits on failure (the command has nothing better to do). */
void *xmalloc(size_t n);

/* ---- listings (list.c) ------------------------------------------------------ */

/* Read one page of a listing; the callback keeps its own resume handle. */
typedef NET_API_STATUS (*fetch_page)(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                                     LPDWORD entriesread, LPDWORD totalentries);

/*
 * Read every page (each shown with show_page), then print the listing.
 * level is --level or default_level; function names the call for errors.
 * Returns EXIT_OK or EXIT_API.
 */
int list_all(const struct options *opt, const struct record_desc *descs, size_t ndescs,
             DWORD default_level, const char *function, fetch_page fetch, void *ctx);

/* ---- subcommands ------------------------------------------------------------ */

int cmd_summary(const struct options *opt);
int cmd_user(const struct options *opt);
int cmd_localgroup(const struct options *opt);
int cmd_config(const struct options *opt);
int cmd_time(const struct options *opt);

#endif /* NETAPI_NETAPI_H */
