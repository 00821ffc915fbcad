/* smbconf.c — reading this machine's Samba configuration (see smbconf.h). */
#include "local/smbconf.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "platform/sysalloc.h"

#define MAX_INCLUDE_DEPTH 16
#define MAX_FILE_BYTES (16u << 20) /* a larger file is read up to here */

static const char *path_override; /* tests */

void nbi_smbconf_set_path(const char *path)
{
    path_override = path;
}

/* ---- the parse state ------------------------------------------------------------- */

struct parse {
    struct nbi_smbconf *conf;
    struct nbi_smbconf_share defaults; /* share settings made in [global] */
    struct nbi_smbconf_share *current; /* NULL: [global] (or before any section) */
    char *security, *role;
    int oom;
};

static char *copy_string(struct parse *p, const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = nbi_sys_malloc(n);
    if (!c) {
        p->oom = 1;
        return NULL;
    }
    memcpy(c, s, n);
    return c;
}

/* Replace *field with a copy of value. */
static void set_string(struct parse *p, char **field, const char *value)
{
    char *c = copy_string(p, value);
    if (c) {
        nbi_sys_free(*field);
        *field = c;
    }
}

static void free_share(struct nbi_smbconf_share *s)
{
    nbi_sys_free(s->name);
    nbi_sys_free(s->path);
    nbi_sys_free(s->comment);
}

/* *to takes from's settings (not its name). */
static void copy_settings(struct parse *p, struct nbi_smbconf_share *to,
                          const struct nbi_smbconf_share *from)
{
    set_string(p, &to->path, from->path ? from->path : "");
    set_string(p, &to->comment, from->comment ? from->comment : "");
    to->type = (to->type & STYPE_SPECIAL) | (from->type & ~(DWORD)STYPE_SPECIAL);
    to->max_uses = from->max_uses;
    to->flags = from->flags;
    to->browseable = from->browseable;
    to->available = from->available;
}

static struct nbi_smbconf_share *find_share(struct nbi_smbconf *conf, const char *name)
{
    for (size_t i = 0; i < conf->count; i++)
        if (strcasecmp(conf->shares[i].name, name) == 0)
            return &conf->shares[i];
    return NULL;
}

/* Start section name: [global], an existing share again, or a new one. */
static void start_section(struct parse *p, const char *name)
{
    struct nbi_smbconf *conf = p->conf;
    p->current = NULL;
    if (strcasecmp(name, "global") == 0)
        return;
    if ((p->current = find_share(conf, name)))
        return;
    struct nbi_smbconf_share *more =
        nbi_sys_realloc(conf->shares, (conf->count + 1) * sizeof *conf->shares);
    if (!more) {
        p->oom = 1;
        return;
    }
    conf->shares = more;
    struct nbi_smbconf_share *s = &conf->shares[conf->count];
    memset(s, 0, sizeof *s);
    size_t n = strlen(name);
    s->type = n && name[n - 1] == '$' ? STYPE_SPECIAL : 0;
    if (!(s->name = copy_string(p, name)))
        return;
    copy_settings(p, s, &p->defaults);
    if (p->oom) {
        free_share(s);
        return;
    }
    conf->count++;
    p->current = s;
}

/* ---- values ---------------------------------------------------------------------- */

/* yes/no/true/false/on/off/1/0; anything else leaves *b as it was. */
static void set_bool(int *b, const char *v)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            *b = 1;
        if (strcasecmp(v, no[i]) == 0)
            *b = 0;
    }
}

/* "csc policy": Samba's names for the client-side caching modes. */
static DWORD csc_flags(const char *v, DWORD old)
{
    static const struct {
        const char *name;
        DWORD flags;
    } modes[] = {{"manual", CSC_CACHE_MANUAL_REINT},
                 {"documents", CSC_CACHE_AUTO_REINT},
                 {"programs", CSC_CACHE_VDO},
                 {"disable", CSC_CACHE_NONE}};
    for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
        if (strcasecmp(v, modes[i].name) == 0)
            return (old & ~(DWORD)CSC_MASK) | modes[i].flags;
    return old;
}

/* A parameter name as Samba compares it: no case, no white space. */
static void canonical(const char *name, char *out, size_t size)
{
    size_t n = 0;
    for (; *name && n + 1 < size; name++)
        if (!isspace((unsigned char)*name))
            out[n++] = (char)tolower((unsigned char)*name);
    out[n] = '\0';
}

static void read_file(struct parse *p, const char *path, int depth);

static void share_parameter(struct parse *p, struct nbi_smbconf_share *s, const char *name,
                            const char *value)
{
    if (!strcmp(name, "path") || !strcmp(name, "directory")) {
        set_string(p, &s->path, value);
    } else if (!strcmp(name, "comment")) {
        set_string(p, &s->comment, value);
    } else if (!strcmp(name, "printable") || !strcmp(name, "printok")) {
        int printable = (s->type & STYPE_MASK) == STYPE_PRINTQ;
        set_bool(&printable, value);
        s->type = (s->type & ~(DWORD)STYPE_MASK) | (printable ? STYPE_PRINTQ : STYPE_DISKTREE);
    } else if (!strcmp(name, "browseable") || !strcmp(name, "browsable")) {
        set_bool(&s->browseable, value);
    } else if (!strcmp(name, "available")) {
        set_bool(&s->available, value);
    } else if (!strcmp(name, "maxconnections")) {
        long n = strtol(value, NULL, 10);
        s->max_uses = n > 0 && n < 0x7FFFFFFF ? (DWORD)n : SHI_USES_UNLIMITED;
    } else if (!strcmp(name, "cscpolicy")) {
        s->flags = csc_flags(value, s->flags);
    } else if (!strcmp(name, "msdfsroot")) {
        int root = (s->flags & SHI1005_FLAGS_DFS_ROOT) != 0;
        set_bool(&root, value);
        s->flags &= ~(DWORD)(SHI1005_FLAGS_DFS | SHI1005_FLAGS_DFS_ROOT);
        if (root)
            s->flags |= SHI1005_FLAGS_DFS | SHI1005_FLAGS_DFS_ROOT;
    }
}

static void parameter(struct parse *p, const char *raw_name, const char *value, int depth)
{
    char name[64];
    canonical(raw_name, name, sizeof name);
    if (!strcmp(name, "include")) {
        /* A %-variable needs a client to expand it against: not ours. */
        if (!strchr(value, '%') && strcmp(value, "registry") != 0)
            read_file(p, value, depth + 1);
        return;
    }
    if (p->current) {
        if (!strcmp(name, "copy")) {
            const struct nbi_smbconf_share *from = find_share(p->conf, value);
            if (from && from != p->current)
                copy_settings(p, p->current, from);
        } else {
            share_parameter(p, p->current, name, value);
        }
        return;
    }
    struct nbi_smbconf *conf = p->conf;
    if (!strcmp(name, "workgroup"))
        set_string(p, &conf->workgroup, value);
    else if (!strcmp(name, "realm"))
        set_string(p, &conf->realm, value);
    else if (!strcmp(name, "serverstring"))
        set_string(p, &conf->server_string, value);
    else if (!strcmp(name, "security"))
        set_string(p, &p->security, value);
    else if (!strcmp(name, "serverrole"))
        set_string(p, &p->role, value);
    else
        share_parameter(p, &p->defaults, name, value); /* defaults for every share */
}

/* ---- lines ----------------------------------------------------------------------- */

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static void line(struct parse *p, char *text, int depth)
{
    char *s = trim(text);
    if (!*s || *s == '#' || *s == ';')
        return;
    if (*s == '[') {
        char *end = strchr(s, ']');
        if (!end)
            return;
        *end = '\0';
        start_section(p, trim(s + 1));
        return;
    }
    char *eq = strchr(s, '=');
    if (!eq)
        return;
    *eq = '\0';
    parameter(p, trim(s), trim(eq + 1), depth);
}

/* The whole of a file (NUL-terminated), or NULL (no file, or no memory:
   p->oom says which). */
static char *slurp(struct parse *p, const char *path)
{
    int saved = errno;
    FILE *f = fopen(path, "re");
    if (!f) {
        errno = saved;
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = nbi_sys_malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0 || n >= MAX_FILE_BYTES)
            break;
        if (n + 1 == cap) {
            char *more = nbi_sys_realloc(buf, cap * 2);
            if (!more) {
                nbi_sys_free(buf);
                buf = NULL;
                break;
            }
            buf = more;
            cap *= 2;
        }
    }
    fclose(f);
    errno = saved;
    if (!buf) {
        p->oom = 1;
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

static void read_file(struct parse *p, const char *path, int depth)
{
    if (depth > MAX_INCLUDE_DEPTH || p->oom)
        return;
    char *text = slurp(p, path);
    if (!text)
        return;
    if (depth == 0)
        p->conf->present = 1;
    /* Lines, a trailing backslash joining the next one to it. */
    char *at = text;
    while (*at && !p->oom) {
        char *start = at, *out = at;
        while (*at && *at != '\n') {
            if (at[0] == '\\' && (at[1] == '\n' || (at[1] == '\r' && at[2] == '\n'))) {
                at += at[1] == '\n' ? 2 : 3;
                continue;
            }
            *out++ = *at++;
        }
        if (*at == '\n')
            at++;
        *out = '\0';
        line(p, start, depth);
    }
    nbi_sys_free(text);
}

/* ---- the configuration ------------------------------------------------------------ */

/* The server string with the host's name for %h, %L and %N; other
   %-variables (the client's, Samba's version) are left out. */
static void expand_server_string(struct parse *p)
{
    struct nbi_smbconf *conf = p->conf;
    const char *s = conf->server_string;
    char host[256] = "";
    int saved = errno;
    if (gethostname(host, sizeof host) != 0)
        host[0] = '\0';
    errno = saved;
    host[sizeof host - 1] = '\0';
    char out[1024];
    size_t n = 0;
    for (; *s && n + 1 < sizeof out; s++) {
        if (*s != '%') {
            out[n++] = *s;
            continue;
        }
        if (!s[1])
            break;
        s++;
        if (*s == 'h' || *s == 'L' || *s == 'N')
            n += (size_t)snprintf(out + n, sizeof out - n, "%s", host);
        else if (*s == '%')
            out[n++] = '%';
        if (n >= sizeof out)
            n = sizeof out - 1;
    }
    out[n] = '\0';
    set_string(p, &conf->server_string, trim(out));
}

/* Whether server role (or, without one, security) puts this machine in a
   domain (smb.conf(5): "server role" and "security"). */
static int in_domain(const char *role, const char *security)
{
    if (role && strcasecmp(role, "auto") != 0)
        return strcasecmp(role, "standalone") != 0 && strcasecmp(role, "standalone server") != 0;
    return security && (strcasecmp(security, "ads") == 0 || strcasecmp(security, "domain") == 0);
}

void nbi_smbconf_free(struct nbi_smbconf *conf)
{
    for (size_t i = 0; i < conf->count; i++)
        free_share(&conf->shares[i]);
    nbi_sys_free(conf->shares);
    nbi_sys_free(conf->workgroup);
    nbi_sys_free(conf->realm);
    nbi_sys_free(conf->server_string);
    memset(conf, 0, sizeof *conf);
}

NET_API_STATUS nbi_smbconf_load(struct nbi_smbconf *conf)
{
    memset(conf, 0, sizeof *conf);
    struct parse p;
    memset(&p, 0, sizeof p);
    p.conf = conf;
    p.defaults.browseable = p.defaults.available = 1;
    p.defaults.max_uses = SHI_USES_UNLIMITED;
    set_string(&p, &conf->workgroup, "WORKGROUP");
    set_string(&p, &conf->realm, "");
    set_string(&p, &conf->server_string, "Samba");
    set_string(&p, &p.defaults.path, "");
    set_string(&p, &p.defaults.comment, "");
    if (!p.oom)
        read_file(&p, path_override ? path_override : NBI_SMBCONF_PATH, 0);
    if (!p.oom)
        expand_server_string(&p);
    conf->domain_member = in_domain(p.role, p.security);
    free_share(&p.defaults);
    nbi_sys_free(p.security);
    nbi_sys_free(p.role);
    if (p.oom) {
        nbi_smbconf_free(conf);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    return NERR_Success;
}

size_t nbi_smbconf_visible_shares(const struct nbi_smbconf *conf)
{
    size_t n = 0;
    for (size_t i = 0; i < conf->count; i++)
        n += conf->shares[i].browseable && conf->shares[i].available;
    return n;
}
