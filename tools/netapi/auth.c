/*
 * auth.c — who netapi logs on to a server as: -U [DOMAIN\]USER[%PASSWORD],
 * -A FILE (Samba's authentication-file format), -k (Kerberos); a password
 * missing from those is asked for on the terminal, without echo.  New
 * passwords (user add, user password) come from --password-file or the
 * terminal, never from the command line.  Every password this command
 * holds is wiped before its memory is freed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"

static char *user, *domain, *password;
static int kerberos;

void auth_free_secret(char *s)
{
    if (s) {
        explicit_bzero(s, strlen(s));
        free(s);
    }
}

/* Split "DOMAIN\user" (or "DOMAIN/user"): the user part, *dom the domain. */
static void set_user(const char *text)
{
    const char *sep = strpbrk(text, "\\/");
    free(user);
    free(domain);
    domain = NULL;
    if (sep) {
        size_t n = (size_t)(sep - text);
        domain = memcpy(xmalloc(n + 1), text, n);
        domain[n] = '\0';
        text = sep + 1;
    }
    user = xstrdup(text);
}

int auth_user_option(char *value)
{
    char *pct = strchr(value, '%');
    if (pct) {
        auth_free_secret(password);
        password = xstrdup(pct + 1);
        /* the password leaves the process's command line (ps, /proc) */
        memset(pct + 1, '*', strlen(pct + 1));
        *pct = '\0';
        set_user(value);
        *pct = '%';
    } else {
        set_user(value);
    }
    if (!user[0])
        return usage_error("-U needs a user name");
    return EXIT_OK;
}

void auth_kerberos_option(void)
{
    kerberos = 1;
}

/* "key = value" of an authentication file: the value, trimmed, or NULL. */
static char *file_value(char *line, const char *key)
{
    size_t n = strlen(key);
    while (*line == ' ' || *line == '\t')
        line++;
    if (strncmp(line, key, n) != 0)
        return NULL;
    line += n;
    while (*line == ' ' || *line == '\t')
        line++;
    if (*line != '=')
        return NULL;
    line++;
    while (*line == ' ' || *line == '\t')
        line++;
    size_t len = strlen(line);
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' ' ||
                   line[len - 1] == '\t'))
        line[--len] = '\0';
    return line;
}

int auth_file_option(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return usage_error("cannot read the authentication file %s: %s", path, strerror(errno));
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *v;
        if ((v = file_value(line, "username")) != NULL) {
            set_user(v);
        } else if ((v = file_value(line, "password")) != NULL) {
            auth_free_secret(password);
            password = xstrdup(v);
        } else if ((v = file_value(line, "domain")) != NULL) {
            free(domain);
            domain = xstrdup(v);
        }
    }
    explicit_bzero(line, sizeof line);
    fclose(f);
    if (!user)
        return usage_error("the authentication file %s names no username", path);
    return EXIT_OK;
}

/* Read a line from the terminal without echo; NULL when there is none. */
static char *ask(const char *prompt)
{
    int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct termios old, quiet;
    int have_term = tcgetattr(fd, &old) == 0;
    if (have_term) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
        quiet.c_lflag |= ICANON;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    if (write(fd, prompt, strlen(prompt)) < 0) {
        /* the prompt is courtesy; the answer is what matters */
    }
    char buf[512];
    size_t n = 0;
    char c;
    ssize_t r;
    while ((r = read(fd, &c, 1)) == 1 && c != '\n' && c != '\r')
        if (n + 1 < sizeof buf)
            buf[n++] = c;
    buf[n] = '\0';
    if (have_term)
        tcsetattr(fd, TCSAFLUSH, &old);
    if (write(fd, "\n", 1) < 0) {
        /* as above */
    }
    close(fd);
    char *out = r < 0 ? NULL : xstrdup(buf);
    explicit_bzero(buf, sizeof buf);
    return out;
}

int auth_apply(int remote)
{
    if (kerberos)
        netapibuf_set_use_kerberos(1);
    if (!user)
        return EXIT_OK;
    if (!password && remote && !kerberos) {
        size_t n = strlen(user) + (domain ? strlen(domain) : 0) + 32;
        char *prompt = xmalloc(n);
        snprintf(prompt, n, "Password for [%s%s%s]: ", domain ? domain : "", domain ? "\\" : "",
                 user);
        password = ask(prompt);
        free(prompt);
    }
    NET_API_STATUS st = netapibuf_set_credentials(domain, user, password);
    auth_free_secret(password);
    password = NULL;
    if (st != NERR_Success) {
        api_error("netapibuf_set_credentials", st);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* The first n lines of path ('-': standard input), without their newlines,
   into out[0..n-1] (new strings): 0, or -1 with a message and out all NULL. */
static int read_password_lines(const char *path, char **out, int n)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f) {
        fprintf(stderr, "netapi: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    char buf[1024];
    int got = 0;
    while (got < n && fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        out[got++] = xstrdup(buf);
    }
    explicit_bzero(buf, sizeof buf);
    if (f != stdin)
        fclose(f);
    if (got == n)
        return 0;
    fprintf(stderr, "netapi: %s holds %s\n", path,
            n == 1 ? "no password" : "fewer than two lines (the old password, then the new one)");
    while (got > 0) {
        auth_free_secret(out[--got]);
        out[got] = NULL;
    }
    return -1;
}

/* A new password typed twice on the terminal; NULL with a message. */
static char *ask_twice(const char *for_whom)
{
    size_t n = strlen(for_whom) + 32;
    char *prompt = xmalloc(n);
    snprintf(prompt, n, "New password for %s: ", for_whom);
    char *first = ask(prompt);
    char *second = first ? ask("Retype the new password: ") : NULL;
    free(prompt);
    if (!first) {
        fputs("netapi: no terminal to ask for the password on: use --password-file\n", stderr);
        return NULL;
    }
    if (!second || strcmp(first, second) != 0) {
        fputs("netapi: the passwords do not match\n", stderr);
        auth_free_secret(first);
        auth_free_secret(second);
        return NULL;
    }
    auth_free_secret(second);
    return first;
}

char *auth_new_password(const struct options *opt, const char *for_whom)
{
    char *line = NULL;
    if (opt->password_file)
        return read_password_lines(opt->password_file, &line, 1) == 0 ? line : NULL;
    return ask_twice(for_whom);
}

int auth_password_change(const struct options *opt, const char *for_whom, char **old,
                         char **new_password)
{
    char *pair[2] = {NULL, NULL};
    *old = *new_password = NULL;
    if (opt->password_file) {
        if (read_password_lines(opt->password_file, pair, 2) != 0)
            return EXIT_USAGE;
    } else {
        size_t n = strlen(for_whom) + 32;
        char *prompt = xmalloc(n);
        snprintf(prompt, n, "Old password for %s: ", for_whom);
        pair[0] = ask(prompt);
        free(prompt);
        if (!pair[0]) {
            fputs("netapi: no terminal to ask for the password on: use --password-file\n",
                  stderr);
            return EXIT_USAGE;
        }
        if (!(pair[1] = ask_twice(for_whom))) {
            auth_free_secret(pair[0]);
            return EXIT_USAGE;
        }
    }
    *old = pair[0];
    *new_password = pair[1];
    return EXIT_OK;
}
