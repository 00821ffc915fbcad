/*
 * out.c — how netapi prints: aligned tables and "Title   value" lines for
 * people (values in words, text made terminal-safe, columns aligned by
 * display width), one JSON document for programs (raw values, the schema
 * in netapi(1)).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

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

char *xstrdup(const char *s)
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

void say(const struct options *opt, const char *fmt, ...)
{
    if (opt->json)
        return;
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

char *server_title(const struct options *opt)
{
    LPBYTE buf = NULL;
    if (NetWkstaGetInfo((LMSTR)(uintptr_t)opt->server, 100, &buf) == NERR_Success) {
        char *name = xstrdup(((const WKSTA_INFO_100 *)buf)->wki100_computername);
        NetApiBufferFree(buf);
        return name;
    }
    const char *given = opt->server ? opt->server : "";
    while (*given == '\\')
        given++;
    return xstrdup(given);
}

/* ---- the document ------------------------------------------------------------ */

static int doc_keys; /* top-level JSON keys written so far */

/* The separator and the key of the next top-level JSON member. */
static void doc_key(const char *key)
{
    fputs(doc_keys++ ? ",\n  " : "\n  ", stdout);
    json_string(stdout, key);
    fputs(": ", stdout);
}

void doc_begin(const struct options *opt, const char *command)
{
    if (!opt->json)
        return;
    fputs("{", stdout);
    doc_keys = 0;
    doc_key("format");
    fputs("1", stdout);
    doc_key("command");
    json_string(stdout, command);
    doc_key("server");
    if (opt->server)
        json_string(stdout, opt->server);
    else
        fputs("null", stdout);
}

static void stats_print(const struct options *opt)
{
    struct netapibuf_stats s;
    if (netapibuf_get_stats(&s) != NERR_Success)
        return;
    if (opt->json) {
        doc_key("stats");
        printf("{\"allocations\": %llu, \"peak_bytes\": %llu, \"live_buffers\": %llu, "
               "\"live_bytes\": %llu, \"misuse_events\": %llu}",
               (unsigned long long)s.total_allocations, (unsigned long long)s.peak_bytes,
               (unsigned long long)s.live_buffers, (unsigned long long)s.live_bytes,
               (unsigned long long)s.misuse_events);
        return;
    }
    printf("\nBuffer statistics\n"
           "  Allocations       %llu\n"
           "  Peak bytes        %llu\n"
           "  Live buffers      %llu\n"
           "  Live bytes        %llu\n"
           "  Misuse events     %llu\n",
           (unsigned long long)s.total_allocations, (unsigned long long)s.peak_bytes,
           (unsigned long long)s.live_buffers, (unsigned long long)s.live_bytes,
           (unsigned long long)s.misuse_events);
}

void doc_end(const struct options *opt)
{
    /* Every buffer the command received is freed by now: live buffers 0. */
    if (opt->stats)
        stats_print(opt);
    if (opt->json)
        fputs("\n}\n", stdout);
}

/* ---- values in words ---------------------------------------------------------- */

/* Append text to a growing string. */
struct str {
    char *s;
    size_t len, cap;
};

static void str_add(struct str *b, const char *text)
{
    size_t n = strlen(text);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        char *s = realloc(b->s, b->cap);
        if (!s)
            out_of_memory();
        b->s = s;
    }
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

static void str_word(struct str *b, const char *word)
{
    if (b->len)
        str_add(b, ", ");
    str_add(b, word);
}

static const char *privilege_word(DWORD priv)
{
    switch (priv) {
    case USER_PRIV_GUEST: return "Guest";
    case USER_PRIV_USER: return "User";
    case USER_PRIV_ADMIN: return "Administrator";
    }
    return NULL;
}

static const char *sid_use_word(DWORD use)
{
    static const char *const words[] = {NULL,      "User",          "Group",   "Domain",
                                        "Alias",   "Well-known group", "Deleted account",
                                        "Invalid", "Unknown",       "Computer", "Label",
                                        "Logon session"};
    return use < sizeof words / sizeof *words ? words[use] : NULL;
}

static const char *platform_word(DWORD id)
{
    switch (id) {
    case PLATFORM_ID_DOS: return "DOS";
    case PLATFORM_ID_OS2: return "OS/2";
    case PLATFORM_ID_NT: return "Windows NT";
    case PLATFORM_ID_OSF: return "OSF";
    case PLATFORM_ID_VMS: return "VMS";
    }
    return NULL;
}

/* The account flags a table shows, in words: active or disabled first. */
static char *user_flags_words(DWORD f)
{
    static const struct {
        DWORD bit;
        const char *word;
    } words[] = {
        {UF_LOCKOUT, "locked out"},
        {UF_PASSWD_NOTREQD, "no password required"},
        {UF_PASSWD_CANT_CHANGE, "password fixed"},
        {UF_DONT_EXPIRE_PASSWD, "password never expires"},
        {UF_PASSWORD_EXPIRED, "password expired"},
        {UF_SMARTCARD_REQUIRED, "smart card required"},
        {UF_TEMP_DUPLICATE_ACCOUNT, "duplicate account"},
        {UF_INTERDOMAIN_TRUST_ACCOUNT, "domain trust"},
        {UF_WORKSTATION_TRUST_ACCOUNT, "workstation trust"},
        {UF_SERVER_TRUST_ACCOUNT, "server trust"},
    };
    struct str b = {0};
    str_word(&b, f & UF_ACCOUNTDISABLE ? "disabled" : "active");
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (f & words[i].bit)
            str_word(&b, words[i].word);
    return b.s;
}

/* The words of the bits set in v, bits[i] naming bit i (NULL: "other"),
   or `none` when no bit is set. */
static char *bit_words(DWORD v, const char *const bits[32], const char *none)
{
    struct str b = {0};
    for (unsigned i = 0; i < 32; i++)
        if ((v >> i) & 1)
            str_word(&b, bits[i] ? bits[i] : "other");
    if (!b.s)
        str_add(&b, none);
    return b.s;
}

static char *group_attribute_words(DWORD a)
{
    static const char *const bits[32] = {
        [0] = "mandatory",      [1] = "enabled by default", [2] = "enabled",
        [3] = "owner",          [4] = "deny only",          [5] = "integrity",
        [6] = "integrity enabled", [29] = "resource",      [30] = "logon id",
        [31] = "logon id"};
    if ((a & SE_GROUP_LOGON_ID) == SE_GROUP_LOGON_ID)
        a &= ~(DWORD)0x80000000; /* the two bits of one word */
    return bit_words(a, bits, "none");
}

static char *share_type_words(DWORD t)
{
    static const char *const base[] = {"Disk", "Print queue", "Device", "IPC"};
    char num[32];
    struct str b = {0};
    DWORD kind = t & STYPE_MASK;
    if (kind < sizeof base / sizeof *base) {
        str_add(&b, base[kind]);
    } else {
        snprintf(num, sizeof num, "type %" PRIu32, kind);
        str_add(&b, num);
    }
    if (t & STYPE_SPECIAL)
        str_word(&b, "special");
    if (t & STYPE_TEMPORARY)
        str_word(&b, "temporary");
    return b.s;
}

static char *server_type_words(DWORD t)
{
    static const char *const bits[32] = {
        "workstation", "server", "SQL server", "domain controller", "backup domain controller",
        "time source", "AFP server", "Novell server", "domain member", "print server",
        "dial-in server", "Unix server", "Windows NT", "Windows for Workgroups", "MFPN server",
        "Windows NT server", "potential browser", "backup browser", "master browser",
        "domain master browser", "OSF server", "VMS server", "Windows 9x", "DFS root",
        "cluster node", "terminal server", "cluster virtual server", "DCE server",
        "alternate transport", NULL, "local list only", "primary domain"};
    return bit_words(t, bits, "none");
}

static char *file_permission_words(DWORD p)
{
    static const char *const bits[32] = {"read", "write", "create"};
    return bit_words(p, bits, "none");
}

/* DOMAIN_CONTROLLER_INFO Flags: what the domain controller is. */
static char *ds_flag_words(DWORD f)
{
    static const char *const bits[32] = {
        [0] = "primary (PDC)",   [2] = "global catalog",     [3] = "LDAP server",
        [4] = "directory service", [5] = "KDC",              [6] = "time server",
        [7] = "in the closest site", [8] = "writable",       [9] = "good time server",
        [10] = "non-domain naming context", [11] = "read-only (2008 or later)",
        [12] = "writable (2008 or later)", [13] = "web service", [14] = "2012 or later",
        [29] = "DNS controller name", [30] = "DNS domain name", [31] = "DNS forest name"};
    return bit_words(f, bits, "none");
}

static const char *address_type_word(DWORD t)
{
    return t == DS_INET_ADDRESS ? "IP address" : t == DS_NETBIOS_ADDRESS ? "NetBIOS name" : NULL;
}

static const char *join_status_word(DWORD s)
{
    static const char *const words[] = {"Unknown", "Not joined", "Workgroup member",
                                        "Domain member"};
    return s < sizeof words / sizeof *words ? words[s] : NULL;
}

/* "c8e9ad35-6b3d-4d3b-9a1e-0123456789ab": the GUID in the record at p. */
static char *guid_text(const unsigned char *p)
{
    GUID g;
    char text[40];
    memcpy(&g, p, sizeof g);
    snprintf(text, sizeof text, "%08" PRIx32 "-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             g.Data1, g.Data2, g.Data3, g.Data4[0], g.Data4[1], g.Data4[2], g.Data4[3],
             g.Data4[4], g.Data4[5], g.Data4[6], g.Data4[7]);
    return xstrdup(text);
}

/* "S-1-5-21-1-2-3-1000" for the binary SID at sid, as the library writes it
   (netapibuf_sid_to_string); NULL for NULL or for bytes that are no SID. */
static char *sid_text(const void *sid)
{
    LPSTR text = NULL;
    if (!sid || netapibuf_sid_to_string(sid, &text) != NERR_Success)
        return NULL;
    char *copy = xstrdup(text);
    NetApiBufferFree(text);
    return copy;
}

static char *time_text(DWORD t)
{
    if (t == 0 || t == TIMEQ_FOREVER)
        return xstrdup("Never");
    time_t when = (time_t)t;
    struct tm tm;
    char text[64];
    if (!gmtime_r(&when, &tm) || !strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm))
        snprintf(text, sizeof text, "%" PRIu32, t);
    return xstrdup(text);
}

static char *seconds_text(DWORD s)
{
    char text[64];
    DWORD days = s / 86400;
    if (days)
        snprintf(text, sizeof text, "%" PRIu32 " day%s, %02u:%02u:%02u", days, days == 1 ? "" : "s",
                 (unsigned)(s % 86400 / 3600), (unsigned)(s % 3600 / 60), (unsigned)(s % 60));
    else
        snprintf(text, sizeof text, "%02u:%02u:%02u", (unsigned)(s / 3600), (unsigned)(s % 3600 / 60),
                 (unsigned)(s % 60));
    return xstrdup(text);
}

static DWORD read_dword(const unsigned char *p)
{
    DWORD v;
    memcpy(&v, p, sizeof v);
    return v;
}

static const void *read_pointer(const unsigned char *p)
{
    const void *v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* A word for a numbered value, or the number when there is none. */
static char *word_or_number(const char *word, DWORD v)
{
    char num[32];
    if (word)
        return xstrdup(word);
    snprintf(num, sizeof num, "%" PRIu32, v);
    return xstrdup(num);
}

/* The field's value for people, terminal-safe: a new string. */
static char *field_text(const struct field *fd, const void *record, size_t *width)
{
    const unsigned char *p = (const unsigned char *)record + fd->offset;
    char *raw = NULL, num[32];
    switch (fd->type) {
    case FIELD_STRING: {
        const char *s = read_pointer(p);
        return safe_text(s ? s : "", width);
    }
    case FIELD_HIDDEN: raw = xstrdup(""); break;
    case FIELD_SID: {
        const void *sid = read_pointer(p);
        raw = sid_text(sid);
        if (!raw && sid)
            raw = xstrdup("(not a SID)");
        break;
    }
    case FIELD_LONG: {
        LONG v;
        memcpy(&v, p, sizeof v);
        snprintf(num, sizeof num, "%" PRId32, v);
        raw = xstrdup(num);
        break;
    }
    case FIELD_BOOL: raw = xstrdup(read_dword(p) ? "Yes" : "No"); break;
    case FIELD_USER_FLAGS: raw = user_flags_words(read_dword(p)); break;
    case FIELD_PRIV: raw = word_or_number(privilege_word(read_dword(p)), read_dword(p)); break;
    case FIELD_SID_USE: raw = word_or_number(sid_use_word(read_dword(p)), read_dword(p)); break;
    case FIELD_PLATFORM: raw = word_or_number(platform_word(read_dword(p)), read_dword(p)); break;
    case FIELD_SERVER_TYPE: raw = server_type_words(read_dword(p)); break;
    case FIELD_GROUP_ATTRIBUTES: raw = group_attribute_words(read_dword(p)); break;
    case FIELD_SHARE_TYPE: raw = share_type_words(read_dword(p)); break;
    case FIELD_MAX_USES:
        raw = read_dword(p) == SHI_USES_UNLIMITED ? xstrdup("No limit")
                                                  : word_or_number(NULL, read_dword(p));
        break;
    case FIELD_FILE_PERMISSIONS: raw = file_permission_words(read_dword(p)); break;
    case FIELD_ADDRESS_TYPE:
        raw = word_or_number(address_type_word(read_dword(p)), read_dword(p));
        break;
    case FIELD_DS_FLAGS: raw = ds_flag_words(read_dword(p)); break;
    case FIELD_GUID: raw = guid_text(p); break;
    case FIELD_JOIN_STATUS:
        raw = word_or_number(join_status_word(read_dword(p)), read_dword(p));
        break;
    case FIELD_OPAQUE: raw = xstrdup(""); break;
    case FIELD_SECONDS: raw = seconds_text(read_dword(p)); break;
    case FIELD_TIME: raw = time_text(read_dword(p)); break;
    case FIELD_DWORD:
        snprintf(num, sizeof num, "%" PRIu32, read_dword(p));
        raw = xstrdup(num);
        break;
    }
    char *safe = safe_text(raw ? raw : "", width);
    free(raw);
    return safe;
}

/* The field's value as a JSON value: the raw number, string or SID text. */
static void field_json(FILE *f, const struct field *fd, const void *record)
{
    const unsigned char *p = (const unsigned char *)record + fd->offset;
    switch (fd->type) {
    case FIELD_STRING:
    case FIELD_HIDDEN: {
        const char *s = read_pointer(p);
        if (s)
            json_string(f, s);
        else
            fputs("null", f);
        return;
    }
    case FIELD_SID: {
        char *s = sid_text(read_pointer(p));
        if (s)
            json_string(f, s);
        else
            fputs("null", f);
        free(s);
        return;
    }
    case FIELD_LONG: {
        LONG v;
        memcpy(&v, p, sizeof v);
        fprintf(f, "%" PRId32, v);
        return;
    }
    case FIELD_GUID: {
        char *s = guid_text(p);
        json_string(f, s);
        free(s);
        return;
    }
    case FIELD_OPAQUE:
        fputs(read_pointer(p) ? "true" : "null", f);
        return;
    default:
        fprintf(f, "%" PRIu32, read_dword(p));
        return;
    }
}

/* ---- tables ------------------------------------------------------------------ */

struct table {
    const struct record_desc *desc;
    size_t rows, cap;
    char **cells;   /* rows * nfields, terminal-safe */
    size_t *widths; /* their display widths */
    char **json;    /* rows JSON objects */
};

struct table *table_new(const struct record_desc *desc)
{
    struct table *t = xmalloc(sizeof *t);
    memset(t, 0, sizeof *t);
    t->desc = desc;
    return t;
}

size_t table_rows(const struct table *t)
{
    return t->rows;
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

/* The columns a table shows people: every field but hidden ones. */
static int shown(const struct field *fd)
{
    return fd->type != FIELD_HIDDEN && fd->type != FIELD_OPAQUE;
}

void table_add(struct table *t, const void *records, DWORD count)
{
    const struct record_desc *d = t->desc;
    for (DWORD r = 0; r < count; r++) {
        const void *rec = (const unsigned char *)records + (size_t)r * d->size;
        if (t->rows == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 64;
            char **cells = realloc(t->cells, t->cap * d->nfields * sizeof *cells);
            size_t *widths = realloc(t->widths, t->cap * d->nfields * sizeof *widths);
            char **json = realloc(t->json, t->cap * sizeof *json);
            if (!cells || !widths || !json)
                out_of_memory();
            t->cells = cells;
            t->widths = widths;
            t->json = json;
        }
        for (size_t i = 0; i < d->nfields; i++)
            t->cells[t->rows * d->nfields + i] =
                field_text(&d->fields[i], rec, &t->widths[t->rows * d->nfields + i]);
        t->json[t->rows] = record_json(d, rec);
        t->rows++;
    }
}

/* One table line: the shown cells padded to their columns (by display
   width), two spaces apart, without trailing blanks. */
static void print_row(const struct record_desc *d, char *const *cells, const size_t *widths,
                      const size_t *column)
{
    size_t pending = 0; /* blanks owed before the next non-empty cell */
    for (size_t i = 0; i < d->nfields; i++) {
        if (!shown(&d->fields[i]))
            continue;
        if (widths[i]) {
            printf("%*s%s", (int)pending, "", cells[i]);
            pending = 0;
        }
        pending += column[i] - widths[i] + 2;
    }
    putchar('\n');
}

static void table_human(const struct table *t)
{
    const struct record_desc *d = t->desc;
    size_t column[MAX_FIELDS] = {0}, title_width[MAX_FIELDS] = {0}, total = 0;
    char *titles[MAX_FIELDS] = {0};
    size_t last = 0;
    for (size_t i = 0; i < d->nfields; i++)
        if (shown(&d->fields[i]))
            last = i;
    for (size_t i = 0; i < d->nfields; i++) {
        if (!shown(&d->fields[i]))
            continue;
        titles[i] = safe_text(d->fields[i].title, &title_width[i]);
        column[i] = title_width[i];
        for (size_t r = 0; r < t->rows; r++)
            if (t->widths[r * d->nfields + i] > column[i])
                column[i] = t->widths[r * d->nfields + i];
        total += column[i] + (i < last ? 2 : 0);
    }
    print_row(d, titles, title_width, column);
    for (size_t i = 0; i < total; i++)
        putchar('-');
    putchar('\n');
    for (size_t r = 0; r < t->rows; r++)
        print_row(d, &t->cells[r * d->nfields], &t->widths[r * d->nfields], column);
    printf("%zu %s listed.\n", t->rows, t->rows == 1 ? "entry" : "entries");
    for (size_t i = 0; i < d->nfields; i++)
        free(titles[i]);
}

/* The rows as a JSON array whose closing bracket is indented by indent. */
static void table_json(const struct table *t, FILE *f, int indent)
{
    fputs("[", f);
    for (size_t r = 0; r < t->rows; r++)
        fprintf(f, "%s\n%*s%s", r ? "," : "", indent + 2, "", t->json[r]);
    if (t->rows)
        fprintf(f, "\n%*s]", indent, "");
    else
        fputs("]", f);
}

void table_print(const struct table *t, const struct options *opt, const char *title,
                 const char *server_name)
{
    if (opt->json) {
        doc_key("level");
        printf("%" PRIu32, t->desc->level);
        doc_key("entries");
        table_json(t, stdout, 2);
        return;
    }
    if (title) {
        char *safe = safe_text(server_name ? server_name : "", NULL);
        printf("%s for \\\\%s\n\n", title, safe);
        free(safe);
    }
    table_human(t);
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
    free(t->widths);
    free(t->json);
    free(t);
}

/* ---- key-value records ---------------------------------------------------------- */

#define TITLE_WIDTH 29

struct kv {
    const struct options *opt;
    int count;
    int json_only; /* a write's result: people get result_end's sentence instead */
};

struct kv *kv_begin(const struct options *opt, const char *key)
{
    struct kv *kv = xmalloc(sizeof *kv);
    kv->opt = opt;
    kv->count = 0;
    kv->json_only = 0;
    if (opt->json) {
        doc_key(key);
        fputs("{", stdout);
    }
    return kv;
}

/* Nonzero when the record's lines are for people. */
static int for_people(const struct kv *kv)
{
    return !kv->opt->json && !kv->json_only;
}

/* JSON: the separator and the key. */
static void kv_key(struct kv *kv, const char *key)
{
    if (kv->opt->json) {
        fputs(kv->count ? ",\n    " : "\n    ", stdout);
        json_string(stdout, key);
        fputs(": ", stdout);
    }
    kv->count++;
}

/* People: the title and the (terminal-safe) value in its column; "" leaves
   no trailing blanks. */
static void kv_line(const char *title, const char *safe_value)
{
    if (safe_value[0])
        printf("%-*s %s\n", TITLE_WIDTH - 1, title, safe_value);
    else
        puts(title);
}

/* UF_ flags as `net user NAME` shows them, a line each. */
static void user_flags_lines(DWORD f)
{
    const char *type = f & UF_WORKSTATION_TRUST_ACCOUNT  ? "Workstation trust"
                       : f & UF_SERVER_TRUST_ACCOUNT     ? "Server trust"
                       : f & UF_INTERDOMAIN_TRUST_ACCOUNT ? "Domain trust"
                       : f & UF_TEMP_DUPLICATE_ACCOUNT   ? "Duplicate account"
                                                         : "Normal user account";
    kv_line("Account active", f & UF_ACCOUNTDISABLE ? "No" : "Yes");
    kv_line("Account locked out", f & UF_LOCKOUT ? "Yes" : "No");
    kv_line("Account type", type);
    kv_line("Password required", f & UF_PASSWD_NOTREQD ? "No" : "Yes");
    kv_line("User may change password", f & UF_PASSWD_CANT_CHANGE ? "No" : "Yes");
    kv_line("Password expires", f & UF_DONT_EXPIRE_PASSWD ? "Never" : "Yes");
    if (f & UF_PASSWORD_EXPIRED)
        kv_line("Password expired", "Yes");
    if (f & UF_SMARTCARD_REQUIRED)
        kv_line("Smart card required", "Yes");
}

void kv_record(struct kv *kv, const struct record_desc *desc, const void *record)
{
    for (size_t i = 0; i < desc->nfields; i++) {
        const struct field *fd = &desc->fields[i];
        kv_key(kv, fd->key);
        if (kv->opt->json) {
            field_json(stdout, fd, record);
        } else if (!for_people(kv)) {
            continue;
        } else if (fd->type == FIELD_USER_FLAGS) {
            user_flags_lines(read_dword((const unsigned char *)record + fd->offset));
        } else if (shown(fd)) {
            char *s = field_text(fd, record, NULL);
            kv_line(fd->title, s);
            free(s);
        }
    }
}

void kv_string(struct kv *kv, const char *key, const char *title, const char *value)
{
    kv_key(kv, key);
    if (kv->opt->json) {
        json_string(stdout, value);
        return;
    }
    if (!for_people(kv))
        return;
    char *s = safe_text(value, NULL);
    kv_line(title, s);
    free(s);
}

void kv_number(struct kv *kv, const char *key, const char *title, long long value)
{
    kv_key(kv, key);
    if (kv->opt->json) {
        printf("%lld", value);
        return;
    }
    if (!for_people(kv))
        return;
    char num[32];
    snprintf(num, sizeof num, "%lld", value);
    kv_line(title, num);
}

void kv_bool(struct kv *kv, const char *key, const char *title, int value)
{
    kv_key(kv, key);
    if (kv->opt->json)
        fputs(value ? "true" : "false", stdout);
    else if (for_people(kv))
        kv_line(title, value ? "Yes" : "No");
}

void kv_strings(struct kv *kv, const char *key, const char *title, char *const *values, size_t n)
{
    kv_key(kv, key);
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
    if (!for_people(kv))
        return;
    /* as `net user NAME` shows group memberships: "*name", two to a line */
    printf("%-*s", TITLE_WIDTH - 1, title);
    if (n == 0)
        puts(" *None");
    for (size_t i = 0; i < n; i++) {
        size_t w;
        char *s = safe_text(values[i], &w);
        int last_on_line = i % 2 == 1 || i + 1 == n;
        if (i > 0 && i % 2 == 0)
            printf("%-*s", TITLE_WIDTH - 1, "");
        printf(" *%s", s);
        if (last_on_line)
            putchar('\n');
        else
            printf("%*s", w < 22 ? (int)(22 - w) : 1, "");
        free(s);
    }
}

void kv_null(struct kv *kv, const char *key, const char *title, const char *reason)
{
    kv_key(kv, key);
    if (kv->opt->json)
        fputs("null", stdout);
    else if (for_people(kv))
        kv_line(title, reason);
}

void kv_table(struct kv *kv, const char *key, const char *title, const struct table *t)
{
    kv_key(kv, key);
    if (kv->opt->json) {
        table_json(t, stdout, 4);
        return;
    }
    if (!for_people(kv))
        return;
    printf("\n%s\n\n", title);
    table_human(t);
}

void kv_end(struct kv *kv)
{
    if (kv->opt->json)
        fputs(kv->count ? "\n  }" : "}", stdout);
    free(kv);
}

/* ---- whole documents ------------------------------------------------------------------ */

int print_listing(const struct options *opt, const char *command, const char *title,
                  struct table *t)
{
    char *name = opt->json ? NULL : server_title(opt);
    doc_begin(opt, command);
    table_print(t, opt, title, name);
    free(name);
    table_free(t);
    doc_end(opt);
    return EXIT_OK;
}

int print_record(const struct options *opt, const char *command, const char *function,
                 const struct record_family *family, DWORD level, void *buf)
{
    const struct record_desc *desc = find_desc(family, level);
    if (!desc) { /* the library knows a level this command cannot print */
        NetApiBufferFree(buf);
        return api_error(function, ERROR_INVALID_LEVEL);
    }
    doc_begin(opt, command);
    struct kv *kv = kv_begin(opt, "record");
    kv_record(kv, desc, buf);
    kv_end(kv);
    NetApiBufferFree(buf);
    doc_end(opt);
    return EXIT_OK;
}

/* ---- the result of a write -------------------------------------------------------- */

struct kv *result_begin(const struct options *opt, const char *command, const char *action)
{
    doc_begin(opt, command);
    struct kv *kv = kv_begin(opt, "result");
    kv->json_only = 1;
    kv_string(kv, "action", "Action", action);
    return kv;
}

int result_end(struct kv *kv, const char *fmt, ...)
{
    const struct options *opt = kv->opt;
    kv_end(kv);
    if (!opt->json) {
        va_list ap;
        va_start(ap, fmt);
        for (const char *p = fmt; *p; p++) {
            if (*p != '%') {
                putchar(*p);
            } else if (p[1] == 's') {
                char *s = safe_text(va_arg(ap, const char *), NULL);
                fputs(s, stdout);
                free(s);
                p++;
            } else if (p[1] == 'u') {
                printf("%u", va_arg(ap, unsigned));
                p++;
            } else {
                putchar('%');
                p += p[1] == '%';
            }
        }
        va_end(ap);
        if (opt->server) {
            const char *name = opt->server;
            while (*name == '\\')
                name++;
            char *s = safe_text(name, NULL);
            printf(" on \\\\%s.\n", s);
            free(s);
        } else {
            fputs(" on this machine.\n", stdout);
        }
    }
    doc_end(opt);
    return EXIT_OK;
}

int named_result(const struct options *opt, NET_API_STATUS st, const char *function,
                 const char *command, const char *action, const char *kind, const char *name,
                 const char *done)
{
    if (st != NERR_Success)
        return api_error(function, st);
    struct kv *kv = result_begin(opt, command, action);
    kv_string(kv, "name", NULL, name);
    return result_end(kv, "%s %s %s", kind, name, done);
}
