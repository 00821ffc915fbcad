/*
 * cli.h — what the parts of the netapi command share: the parsed command
 * line, the command table, record descriptions (which fields a Windows
 * structure has and how people read them), the output writers.
 *
 * netapi is written like any user's program: the installed public headers
 * and the shared library, nothing from the library's sources.
 */
#ifndef NETAPI_CLI_H
#define NETAPI_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <dsgetdc.h>
#include <lm.h>
#include <netapibuf.h>

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_API = 1, EXIT_USAGE = 2 };

/* ---- the command line (options.c) -------------------------------------------- */

/* Options a command form may accept, besides the global ones (--json,
   --stats, -S/-U/-A/-k, which every form accepts).  Their spellings and
   help lines are in options.c, in this order. */
enum {
    OPT_LEVEL = 1 << 0,      /* --level N */
    OPT_PREFMAXLEN = 1 << 1, /* --prefmaxlen N */
    OPT_FULL_NAME = 1 << 2,  /* --full-name TEXT */
    OPT_COMMENT = 1 << 3,    /* --comment TEXT */
    OPT_HOME = 1 << 4,       /* --home-dir PATH */
    OPT_ENABLE = 1 << 5,     /* --enable / --disable */
    OPT_PASSWORD_FILE = 1 << 6, /* --password-file FILE */
    OPT_OLD = 1 << 7,        /* --old */
};

struct options {
    int json, stats;
    const char *server;     /* -S, --server or a \\SERVER argument; NULL: this machine */
    const char *command;    /* NULL: the summary */
    char **args;            /* the command's own words (subcommand and names) */
    int nargs;
    unsigned given;         /* OPT_* seen on the command line */
    DWORD level, prefmaxlen;
    const char *full_name, *comment, *password_file, *home_dir;
    int enable;             /* with OPT_ENABLE: 1 --enable, 0 --disable */
    int help;               /* --help after a command: that command's help */
};

enum parse_result { PARSE_RUN, PARSE_EXIT_OK, PARSE_EXIT_USAGE };

/* Parse argv; credentials options are applied to the library here (auth.c). */
enum parse_result parse_args(int argc, char **argv, struct options *opt);

/* A usage error: "netapi: MESSAGE" and a hint on stderr; returns EXIT_USAGE. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* EXIT_OK, or a usage error naming the first option given that `form`
   ("user NAME", "time", ...) does not take. */
int only_options(const struct options *opt, unsigned allowed, const char *form);

/* " [--level N] [--prefmaxlen N]": the options of `allowed` as a usage line
   shows them (f), or a help line each ("  --level N   ..."). */
void print_option_usage(FILE *f, unsigned allowed);
void print_option_help(FILE *f, unsigned allowed);

/* A plain decimal number of at most 32 bits ("20", never "020", "0x14" or
   " 20"): 0 and *out, or -1. */
int parse_decimal(const char *s, DWORD *out);

/* ---- credentials (auth.c) ------------------------------------------------------ */

/* -U [DOMAIN\]USER[%PASSWORD]: remembered; the password part of argv is
   overwritten so `ps` does not show it. */
int auth_user_option(char *value);
/* -A FILE, Samba's authentication-file format (username =, password =, domain =). */
int auth_file_option(const char *path);
void auth_kerberos_option(void);
/* Hand what was given to netapibuf_set_credentials; when a user was given
   without a password and a server is named (remote), ask for it on the
   terminal, without echo.  EXIT_OK or EXIT_USAGE (with a message). */
int auth_apply(int remote);
/* A new password for `user add` or `user password`: from --password-file,
   else asked twice on the terminal.  NULL (and a message) when neither
   works.  Free with auth_free_secret. */
char *auth_new_password(const struct options *opt, const char *for_whom);
/* The old and the new password of `user password NAME --old`: the first
   and second lines of --password-file, else asked on the terminal (the new
   one twice).  EXIT_OK, or EXIT_USAGE with a message and both NULL. */
int auth_password_change(const struct options *opt, const char *for_whom, char **old,
                         char **new_password);
void auth_free_secret(char *s);

/* ---- commands (main.c and cmd_*.c) ------------------------------------------- */

/*
 * One form of a command: "user add NAME".  The table of forms is what
 * dispatch, option checks and help all read, so the three agree: a form is
 * chosen by its subcommand word (args[0]), or, for the forms without one,
 * by how many arguments there are; its arguments are counted and its
 * options checked before run is called with the arguments after the word.
 */
struct form {
    const char *word;    /* the subcommand word ("add"), or NULL */
    const char *args;    /* its arguments as help shows them: "NAME", "GROUP MEMBER..." */
    int min_args, max_args; /* after the word; max_args -1: any number */
    unsigned options;    /* the OPT_* it takes */
    const char *text;    /* what it shows or does: the functions and levels it calls */
    int (*run)(const struct options *opt, char **args, int nargs);
};

struct command {
    const char *name;
    const char *summary; /* one line for the command list */
    const struct form *forms;
    size_t nforms;
};

const struct command *find_command(const char *name);
/* The form of cmd that args[0] names as its subcommand word, or NULL. */
const struct form *find_form(const struct command *cmd, const char *word);
/* The help of netapi (cmd NULL), of one command (form NULL) or of one of
   its forms, on f. */
void print_help(FILE *f, const struct command *cmd, const struct form *form);

#define FORMS(forms) forms, sizeof forms / sizeof forms[0]

int cmd_summary(const struct options *opt);
/* The commands, one in each cmd_*.c (help: main.c). */
extern const struct command user_command, group_command, localgroup_command, share_command,
    file_command, dc_command, join_command, config_command, time_command;

/* ---- record descriptions (records.c) ------------------------------------------ */

enum field_type {
    FIELD_STRING,     /* char *; NULL prints as JSON null */
    FIELD_DWORD,
    FIELD_LONG,
    FIELD_BOOL,       /* a BOOL (4 bytes): Yes / No */
    FIELD_SID,        /* a binary SID: S-1-... */
    FIELD_USER_FLAGS, /* UF_* bits: words for people */
    FIELD_PRIV,       /* USER_PRIV_*: Guest, User, Administrator */
    FIELD_SID_USE,    /* SID_NAME_USE: User, Group, Alias, ... */
    FIELD_PLATFORM,   /* PLATFORM_ID_*: NT, ... */
    FIELD_SERVER_TYPE,/* SV_TYPE_* bits: words */
    FIELD_SECONDS,    /* a duration in seconds */
    FIELD_TIME,       /* seconds since 1970, or TIMEQ_FOREVER / 0 */
    FIELD_GROUP_ATTRIBUTES, /* SE_GROUP_* bits: words */
    FIELD_SHARE_TYPE, /* STYPE_*: Disk, Print queue, Device, IPC, and special, temporary */
    FIELD_MAX_USES,   /* a number, or SHI_USES_UNLIMITED: No limit */
    FIELD_FILE_PERMISSIONS, /* PERM_FILE_* bits: read, write, create */
    FIELD_ADDRESS_TYPE, /* DS_INET_ADDRESS, DS_NETBIOS_ADDRESS */
    FIELD_DS_FLAGS,   /* DS_*_FLAG bits: words */
    FIELD_GUID,       /* a GUID (16 bytes in the record): {xxxxxxxx-...} */
    FIELD_JOIN_STATUS,/* NETSETUP_JOIN_STATUS: Workgroup, Domain, ... */
    FIELD_HIDDEN,     /* not shown to people (a password field, always NULL) */
    FIELD_OPAQUE      /* a pointer to binary data (a security descriptor): not shown
                         to people; JSON null, or true when there is one */
};

struct field {
    const char *key;   /* the Windows field name without its prefix: "full_name" */
    const char *title; /* for people: "Full name" */
    enum field_type type;
    size_t offset;
};

#define MAX_FIELDS 32

/* One level of one Windows structure. */
struct record_desc {
    DWORD level;
    size_t size;
    size_t nfields;
    const struct field *fields;
};

struct record_family {
    const struct record_desc *descs;
    size_t count;
};

/* The description of `level` in family, or NULL. */
const struct record_desc *find_desc(const struct record_family *family, DWORD level);

/* LOCALGROUP_INFO_1 as `net localgroup NAME` titles it ("Alias name"). */
extern const struct record_desc alias_desc;
extern const struct record_family user_records, localgroup_records, member_records,
    wksta_records, server_records, tod_records, group_records, group_user_records,
    share_records, file_records, dc_records, join_records;

/* What NetGetJoinInformation answers, as one record (join_records). */
struct join_info {
    LMSTR name;
    DWORD status; /* NETSETUP_JOIN_STATUS */
};

/* ---- output (out.c, text.c) ---------------------------------------------------- */

/* Make text safe for a terminal: control characters, bidirectional
   overrides and invalid UTF-8 become visible escapes (\x1b, \u202e).
   *width receives the display width (wcwidth semantics).  A new string. */
char *safe_text(const char *s, size_t *width);

/* s as a JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD. */
void json_string(FILE *f, const char *s);

/* The document every command writes, for people (text) or programs (JSON):
 *
 *   doc_begin                 JSON: {"format": 1, "command": ..., "server": ...
 *   the payload               table_print ("level", "entries": [...]), kv_begin ...
 *                             kv_end ("record": {...}), or result_begin ...
 *                             result_end ("result": {...})
 *   doc_end                   JSON: "stats" with --stats, then }
 *
 * The JSON schema is in netapi(1) and docs/netapi-json.md.
 */
void doc_begin(const struct options *opt, const char *command);
void doc_end(const struct options *opt);

/* A listing: rows kept as text and as JSON, printed at once (each page's
   NetApiBuffer is freed before the next is read). */
struct table;
struct table *table_new(const struct record_desc *desc);
void table_add(struct table *t, const void *records, DWORD count);
size_t table_rows(const struct table *t);
/* Human: "TITLE for \\SERVER" (if title), the aligned table and "N entries
   listed."; JSON: "level" and "entries". */
void table_print(const struct table *t, const struct options *opt, const char *title,
                 const char *server_name);
void table_free(struct table *t);

/* One record as "Title    value" lines, or a JSON object "record". */
struct kv;
struct kv *kv_begin(const struct options *opt, const char *key);
void kv_record(struct kv *kv, const struct record_desc *desc, const void *record);
void kv_string(struct kv *kv, const char *key, const char *title, const char *value);
void kv_number(struct kv *kv, const char *key, const char *title, long long value);
void kv_bool(struct kv *kv, const char *key, const char *title, int value);
void kv_strings(struct kv *kv, const char *key, const char *title, char *const *values,
                size_t n);
/* A member that could not be read: JSON null; for people, the reason. */
void kv_null(struct kv *kv, const char *key, const char *title, const char *reason);
/* A nested listing inside the record (a group's members). */
void kv_table(struct kv *kv, const char *key, const char *title, const struct table *t);
void kv_end(struct kv *kv);

/* A whole document of a listing, "TITLE for \\SERVER" for people; t is
   freed.  EXIT_OK. */
int print_listing(const struct options *opt, const char *command, const char *title,
                  struct table *t);
/* A whole document of one record of family at level: buf (the answer of
   function) is freed; EXIT_API after api_error(function,
   ERROR_INVALID_LEVEL) when this command does not know the level. */
int print_record(const struct options *opt, const char *command, const char *function,
                 const struct record_family *family, DWORD level, void *buf);

/*
 * The outcome of a write that succeeded: for programs the document with a
 * "result" object, {"action": ACTION, ...} (members added with kv_string,
 * kv_number, kv_strings, which print nothing for people here); for people
 * one line, which result_end makes of fmt — every %s argument made
 * terminal-safe — and " on \\SERVER." or " on this machine.".  Only %s,
 * %u and %% are understood.  result_end returns EXIT_OK.
 */
struct kv *result_begin(const struct options *opt, const char *command, const char *action);
int result_end(struct kv *kv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The end of a change to one named thing: api_error(function, st) when it
   failed, else the result {"action": ACTION, "name": NAME} and "KIND NAME
   DONE on \\SERVER." ("Group staff added"). */
int named_result(const struct options *opt, NET_API_STATUS st, const char *function,
                 const char *command, const char *action, const char *kind, const char *name,
                 const char *done);

/* A line for people only (nothing in JSON mode). */
void say(const struct options *opt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A failed call: "netapi: FUNCTION failed: error N: text" on stderr; EXIT_API. */
int api_error(const char *function, NET_API_STATUS status);

/* The name of the machine a command asks, as `net` titles show it: the
   server's computer name (NetWkstaGetInfo), or what was given.  A new string. */
char *server_title(const struct options *opt);

/* malloc that exits on failure (the command has nothing better to do). */
void *xmalloc(size_t n);
char *xstrdup(const char *s);

/* ---- listings (list.c) --------------------------------------------------------------- */

/* Read one page of a listing; the callback keeps its own resume handle. */
typedef NET_API_STATUS (*fetch_page)(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                                     LPDWORD entriesread, LPDWORD totalentries);

/*
 * Read every page into *out (a new table of level's description): with
 * --prefmaxlen each page is one call, and "Page N: ..." is printed for it
 * (people only) as it is read; the entries are printed later, as one table.
 * EXIT_OK, or EXIT_API after api_error(function, status).
 */
int list_fetch(const struct options *opt, const struct record_family *family, DWORD level,
               const char *function, fetch_page fetch, void *ctx, struct table **out);
/* The same, without reporting a failure: NERR_Success and *out, or the
   failed call's status (ERROR_INVALID_LEVEL for a level this command
   cannot print) and *out NULL, for a caller that tries another level. */
NET_API_STATUS list_read(const struct options *opt, const struct record_family *family,
                         DWORD level, fetch_page fetch, void *ctx, struct table **out);

/* A listing command: every page read at --level (default_level without
   it), then print_listing.  EXIT_OK, or EXIT_API after api_error. */
int show_listing(const struct options *opt, const char *command, const char *title,
                 const struct record_family *family, DWORD default_level, const char *function,
                 fetch_page fetch, void *ctx);

/* A group as `net group NAME` shows it: its record (info, by desc; freed
   here) and, under "Members", its members read by list_fetch.  A whole
   document, or EXIT_API when reading the members failed. */
int print_group(const struct options *opt, const char *command, const struct record_desc *desc,
                void *info, const struct record_family *members, DWORD level,
                const char *function, fetch_page fetch, void *ctx);

#endif /* NETAPI_CLI_H */
