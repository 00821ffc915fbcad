/*
 * compat.c — the functions of the drop-in <netapi.h> that are not Windows':
 * Samba's libnetapi_* context functions, its SID converters, and the
 * shutdown and Netlogon-control calls only Samba's header declares.
 *
 * The context.  Samba keeps one libnetapi context per process, made by the
 * first libnetapi_init (or libnetapi_getctx) and ended by libnetapi_free;
 * so does this file.  It holds what the program set, and every change is
 * handed at once to netapibuf's process-wide credentials
 * (netapibuf_set_credentials), under this file's lock so that the last
 * change is the one in force.  Nothing else of Samba's context has a
 * meaning here: netapibuf keeps no connection or error state per context.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netapi.h>

#include "platform/locks.h"
#include "platform/sysalloc.h"
#include "remote/credentials.h"
#include "remote/status.h"

struct libnetapi_ctx {
    char *username, *password, *workgroup; /* as set; NULL when not */
    char *debuglevel, *logfile;            /* remembered, without effect */
    int anonymous;                         /* set_username("%") */
    int use_ccache;
};

/* The context, its strings, and the credentials it handed over. */
NBI_MUTEX(compat_lock, NBI_RANK_SAMBA_COMPAT)
static struct libnetapi_ctx *context;

/* ---- strings ------------------------------------------------------------------ */

/* *field = a copy of value (NULL stays NULL), the old one wiped: 0 or
   ERROR_NOT_ENOUGH_MEMORY (then *field is unchanged). */
static NET_API_STATUS replace(char **field, const char *value)
{
    char *copy = NULL;
    if (value) {
        size_t n = strlen(value) + 1;
        if (!(copy = nbi_sys_malloc(n)))
            return ERROR_NOT_ENOUGH_MEMORY;
        memcpy(copy, value, n);
    }
    if (*field) {
        nbi_wipe(*field, strlen(*field));
        nbi_sys_free(*field);
    }
    *field = copy;
    return NERR_Success;
}

static void clear(struct libnetapi_ctx *c)
{
    replace(&c->username, NULL);
    replace(&c->password, NULL);
    replace(&c->workgroup, NULL);
    replace(&c->debuglevel, NULL);
    replace(&c->logfile, NULL);
}

/* Hand the context's credentials to netapibuf (called locked): a user with
   its domain and password, or anonymous. */
static NET_API_STATUS push(const struct libnetapi_ctx *c)
{
    if (c->anonymous || !c->username)
        return netapibuf_set_credentials(NULL, NULL, NULL);
    return netapibuf_set_credentials(c->workgroup && c->workgroup[0] ? c->workgroup : NULL,
                                     c->username, c->password);
}

/* ---- the context ---------------------------------------------------------------- */

NBI_EXPORT NET_API_STATUS libnetapi_init(struct libnetapi_ctx **ctx)
{
    if (!ctx)
        return ERROR_INVALID_PARAMETER;
    NET_API_STATUS st = NERR_Success;
    nbi_mutex_lock(&compat_lock);
    if (!context) {
        context = nbi_sys_malloc(sizeof *context);
        if (context)
            memset(context, 0, sizeof *context);
        else
            st = ERROR_NOT_ENOUGH_MEMORY;
    }
    *ctx = context;
    nbi_mutex_unlock(&compat_lock);
    return st;
}

NBI_EXPORT NET_API_STATUS libnetapi_getctx(struct libnetapi_ctx **ctx)
{
    return libnetapi_init(ctx);
}

NBI_EXPORT NET_API_STATUS libnetapi_free(struct libnetapi_ctx *ctx)
{
    if (!ctx)
        return NERR_Success;
    nbi_mutex_lock(&compat_lock);
    if (ctx == context) {
        clear(context);
        nbi_sys_free(context);
        context = NULL;
        /* What the context set ends with it, as in Samba. */
        (void)netapibuf_set_credentials(NULL, NULL, NULL);
        (void)netapibuf_set_use_kerberos(0);
    }
    nbi_mutex_unlock(&compat_lock);
    return NERR_Success;
}

/* The context ctx names, with the lock held (unlock_context releases
   it); NULL, with the lock released, when ctx is NULL or not the
   process's context (ended, or never made). */
static struct libnetapi_ctx *lock_context(struct libnetapi_ctx *ctx)
{
    nbi_mutex_lock(&compat_lock);
    if (ctx && ctx == context)
        return context;
    nbi_mutex_unlock(&compat_lock);
    return NULL;
}

static void unlock_context(void)
{
    nbi_mutex_unlock(&compat_lock);
}

/* Set one string of the context and hand the credentials over. */
static NET_API_STATUS set_field(struct libnetapi_ctx *ctx, size_t offset, const char *value,
                                int credentials)
{
    struct libnetapi_ctx *c;
    if (!value || !(c = lock_context(ctx)))
        return ERROR_INVALID_PARAMETER;
    NET_API_STATUS st = replace((char **)((char *)c + offset), value);
    if (st == NERR_Success && credentials)
        st = push(c);
    unlock_context();
    return st;
}

/*
 * Samba's forms of a user name (cli_credentials_parse_string): "%" is
 * anonymous; "user%password" carries the password; "user@REALM" is a
 * principal, kept whole; "DOMAIN\\user" and "DOMAIN/user" name the domain.
 */
static NET_API_STATUS parse_username(struct libnetapi_ctx *c, char *user)
{
    c->anonymous = strcmp(user, "%") == 0;
    if (c->anonymous)
        return NERR_Success;
    NET_API_STATUS st = NERR_Success;
    char *sep = strchr(user, '%');
    if (sep) {
        *sep = '\0';
        st = replace(&c->password, sep + 1);
    }
    if (st == NERR_Success && !strchr(user, '@') &&
        ((sep = strchr(user, '\\')) || (sep = strchr(user, '/')))) {
        *sep = '\0';
        st = replace(&c->workgroup, user);
        user = sep + 1;
    }
    return st == NERR_Success ? replace(&c->username, user) : st;
}

NBI_EXPORT NET_API_STATUS libnetapi_set_username(struct libnetapi_ctx *ctx, const char *username)
{
    struct libnetapi_ctx *c;
    if (!username || !(c = lock_context(ctx)))
        return ERROR_INVALID_PARAMETER;
    char *copy = NULL;
    NET_API_STATUS st = replace(&copy, username);
    if (st == NERR_Success)
        st = parse_username(c, copy);
    if (st == NERR_Success)
        st = push(c);
    replace(&copy, NULL); /* wiped: it may have held the password */
    unlock_context();
    return st;
}

NBI_EXPORT NET_API_STATUS libnetapi_set_password(struct libnetapi_ctx *ctx, const char *password)
{
    return set_field(ctx, offsetof(struct libnetapi_ctx, password), password, 1);
}

NBI_EXPORT NET_API_STATUS libnetapi_set_workgroup(struct libnetapi_ctx *ctx, const char *workgroup)
{
    return set_field(ctx, offsetof(struct libnetapi_ctx, workgroup), workgroup, 1);
}

/* netapibuf prints nothing: Samba's debug level and log file are kept for
   a program that reads them back, and change nothing. */
NBI_EXPORT NET_API_STATUS libnetapi_set_debuglevel(struct libnetapi_ctx *ctx,
                                                   const char *debuglevel)
{
    return set_field(ctx, offsetof(struct libnetapi_ctx, debuglevel), debuglevel, 0);
}

NBI_EXPORT NET_API_STATUS libnetapi_set_logfile(struct libnetapi_ctx *ctx, const char *logfile)
{
    return set_field(ctx, offsetof(struct libnetapi_ctx, logfile), logfile, 0);
}

NBI_EXPORT NET_API_STATUS libnetapi_get_username(struct libnetapi_ctx *ctx, const char **username)
{
    struct libnetapi_ctx *c = lock_context(ctx);
    if (!c)
        return ERROR_INVALID_PARAMETER;
    if (username)
        *username = c->username;
    unlock_context();
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS libnetapi_get_password(struct libnetapi_ctx *ctx, const char **password)
{
    struct libnetapi_ctx *c = lock_context(ctx);
    if (!c)
        return ERROR_INVALID_PARAMETER;
    if (password)
        *password = c->password;
    unlock_context();
    return NERR_Success;
}

NBI_EXPORT NET_API_STATUS libnetapi_set_use_kerberos(struct libnetapi_ctx *ctx)
{
    if (!lock_context(ctx))
        return ERROR_INVALID_PARAMETER;
    NET_API_STATUS st = netapibuf_set_use_kerberos(1);
    unlock_context();
    return st;
}

NBI_EXPORT NET_API_STATUS libnetapi_get_use_kerberos(struct libnetapi_ctx *ctx, int *use_kerberos)
{
    if (!use_kerberos || !lock_context(ctx))
        return ERROR_INVALID_PARAMETER;
    *use_kerberos = netapibuf_get_use_kerberos();
    unlock_context();
    return NERR_Success;
}

/* Samba's NTLM credential cache (winbindd's) has no counterpart here. */
NBI_EXPORT NET_API_STATUS libnetapi_set_use_ccache(struct libnetapi_ctx *ctx)
{
    struct libnetapi_ctx *c = lock_context(ctx);
    if (!c)
        return ERROR_INVALID_PARAMETER;
    c->use_ccache = 1;
    unlock_context();
    return NERR_Success;
}

/* A struct cli_credentials is Samba's own object: nothing here can read
   one. */
NBI_EXPORT NET_API_STATUS libnetapi_set_creds(struct libnetapi_ctx *ctx,
                                              struct cli_credentials *creds)
{
    if (!ctx || !creds)
        return ERROR_INVALID_PARAMETER;
    return ERROR_NOT_SUPPORTED;
}

/* ---- status text ---------------------------------------------------------------- */

/* A NetApiBuffer holding the text of status (an NTSTATUS is first turned
   into the Windows status it stands for). */
NBI_EXPORT char *libnetapi_errstr(NET_API_STATUS status)
{
    if (status >= 0xC0000000u)
        status = nbi_status_from_nt(status);
    const char *text = netapibuf_status_text(status);
    char buf[160];
    if (strcmp(text, "Unknown status") == 0) {
        snprintf(buf, sizeof buf, "Unknown status %u", (unsigned)status);
        text = buf;
    }
    size_t n = strlen(text) + 1;
    void *copy = NULL;
    if (NetApiBufferAllocate((DWORD)n, &copy) != NERR_Success)
        return NULL;
    memcpy(copy, text, n);
    return copy;
}

/* netapibuf keeps no last error per context: the status's text. */
NBI_EXPORT char *libnetapi_get_error_string(struct libnetapi_ctx *ctx, NET_API_STATUS status)
{
    (void)ctx;
    return libnetapi_errstr(status);
}

/* ---- SIDs ------------------------------------------------------------------------- */

NBI_EXPORT int ConvertSidToStringSid(const struct domsid *sid, char **sid_string)
{
    if (!sid || !sid_string)
        return 0;
    uint64_t authority = 0;
    for (int i = 0; i < 6; i++)
        authority = authority << 8 | sid->id_auth[i];
    unsigned auths = sid->num_auths > MAXSUBAUTHS ? MAXSUBAUTHS : sid->num_auths;
    char text[16 + 24 + MAXSUBAUTHS * 11];
    /* As Samba writes it: an authority of 2^32 or more in hex. */
    int n = authority >= (1ull << 32)
                ? snprintf(text, sizeof text, "S-%u-0x%llx", sid->sid_rev_num,
                           (unsigned long long)authority)
                : snprintf(text, sizeof text, "S-%u-%llu", sid->sid_rev_num,
                           (unsigned long long)authority);
    for (unsigned i = 0; i < auths && n > 0 && (size_t)n < sizeof text; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "-%u", (unsigned)sid->sub_auths[i]);
    /* The caller frees it with free(), as Samba's: malloc's memory. */
    *sid_string = malloc(strlen(text) + 1);
    if (!*sid_string)
        return 0;
    strcpy(*sid_string, text);
    return 1;
}

/* A decimal (or, for the authority, "0x" hexadecimal) number at *s of at
   most max, moving *s past it: 1, or 0 when there is none. */
static int number(const char **s, uint64_t max, uint64_t *value)
{
    const char *p = *s;
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        base = 16;
        p += 2;
    }
    uint64_t v = 0;
    const char *start = p;
    for (;; p++) {
        int d = isdigit((unsigned char)*p) ? *p - '0'
                : base == 16 && isxdigit((unsigned char)*p) ? tolower((unsigned char)*p) - 'a' + 10
                                                           : -1;
        if (d < 0)
            break;
        if (v > (max - (uint64_t)d) / (uint64_t)base)
            return 0;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (p == start)
        return 0;
    *s = p;
    *value = v;
    return 1;
}

NBI_EXPORT int ConvertStringSidToSid(const char *sid_string, struct domsid **sid)
{
    if (!sid_string || !sid)
        return 0;
    struct domsid parsed;
    memset(&parsed, 0, sizeof parsed);
    const char *s = sid_string;
    uint64_t rev, authority, sub;
    if ((s[0] != 'S' && s[0] != 's') || s[1] != '-')
        return 0;
    s += 2;
    if (!number(&s, 0xFF, &rev) || *s++ != '-' || !number(&s, 0xFFFFFFFFFFFFull, &authority))
        return 0;
    parsed.sid_rev_num = (uint8_t)rev;
    for (int i = 5; i >= 0; i--, authority >>= 8)
        parsed.id_auth[i] = (uint8_t)(authority & 0xFF);
    while (*s == '-') {
        s++;
        if (parsed.num_auths == MAXSUBAUTHS || !number(&s, 0xFFFFFFFFu, &sub))
            return 0;
        parsed.sub_auths[parsed.num_auths++] = (uint32_t)sub;
    }
    if (*s)
        return 0;
    /* Freed with free(), as Samba's. */
    struct domsid *out = malloc(sizeof *out);
    if (!out)
        return 0;
    *out = parsed;
    *sid = out;
    return 1;
}

/* ---- Netlogon control ---------------------------------------------------------- */

NBI_EXPORT NET_API_STATUS I_NetLogonControl(const char *server_name, uint32_t function_code,
                                            uint32_t query_level, uint8_t **buffer)
{
    (void)server_name, (void)function_code, (void)query_level;
    if (buffer)
        *buffer = NULL;
    return ERROR_NOT_SUPPORTED;
}

NBI_EXPORT NET_API_STATUS I_NetLogonControl2(const char *server_name, uint32_t function_code,
                                             uint32_t query_level, uint8_t *data,
                                             uint8_t **buffer)
{
    (void)server_name, (void)function_code, (void)query_level, (void)data;
    if (buffer)
        *buffer = NULL;
    return ERROR_NOT_SUPPORTED;
}
