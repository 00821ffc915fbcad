/*
 * options.c — netapi's command line.
 *
 * Options may come anywhere on the line, before or after the command, as
 * with Samba's net; "--" ends them.  A word starting with two backslashes
 * (\\SERVER, as Windows' net takes it) names the server, like -S.  Which
 * options a command form takes is its own business (only_options): every
 * form rejects, with the same message, an option that does not apply to it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int usage_error(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("netapi: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'netapi help'.\n", stderr);
    return EXIT_USAGE;
}

int parse_decimal(const char *s, DWORD *out)
{
    if (!s || !*s || (s[0] == '0' && s[1]))
        return -1; /* empty, or a leading zero (octal to strtoul) */
    unsigned long long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (unsigned)(*p - '0');
        if (v > 0xFFFFFFFFull)
            return -1;
    }
    *out = (DWORD)v;
    return 0;
}

/* The options a form may take: how they are spelled, the value they take
   and what they do, in the order of the OPT_* bits. */
static const struct {
    unsigned bit;
    const char *spelling, *value, *help;
} option_names[] = {
    {OPT_LEVEL, "--level", "N", "the information level (which levels: the form's text)"},
    {OPT_PREFMAXLEN, "--prefmaxlen", "N",
     "read the listing N bytes at a time, following the resume handle"},
    {OPT_FULL_NAME, "--full-name", "TEXT", "the account's full name"},
    {OPT_COMMENT, "--comment", "TEXT", "the comment (an account's description, a share's remark)"},
    {OPT_HOME, "--home-dir", "PATH", "the account's home folder"},
    {OPT_ENABLE, "--enable|--disable", NULL, "let the account log on, or not"},
    {OPT_PASSWORD_FILE, "--password-file", "FILE",
     "read the new password from FILE ('-': standard input)"},
    {OPT_OLD, "--old", NULL,
     "change the password as its owner, giving the old one"},
};

int only_options(const struct options *opt, unsigned allowed, const char *form)
{
    unsigned extra = opt->given & ~allowed;
    for (size_t i = 0; i < sizeof option_names / sizeof *option_names; i++)
        if (extra & option_names[i].bit)
            return usage_error("%s does not apply to 'netapi %s' (see 'netapi help')",
                               option_names[i].spelling, form);
    return EXIT_OK;
}

void print_option_usage(FILE *f, unsigned allowed)
{
    for (size_t i = 0; i < sizeof option_names / sizeof *option_names; i++)
        if (allowed & option_names[i].bit)
            fprintf(f, " [%s%s%s]", option_names[i].spelling, option_names[i].value ? " " : "",
                    option_names[i].value ? option_names[i].value : "");
}

void print_option_help(FILE *f, unsigned allowed)
{
    for (size_t i = 0; i < sizeof option_names / sizeof *option_names; i++) {
        if (!(allowed & option_names[i].bit))
            continue;
        char left[64];
        snprintf(left, sizeof left, "%s%s%s", option_names[i].spelling,
                 option_names[i].value ? " " : "",
                 option_names[i].value ? option_names[i].value : "");
        fprintf(f, "  %-22s%s%s\n", left, strlen(left) > 21 ? "\n                        " : "",
                option_names[i].help);
    }
}

/* "--name VALUE" or "--name=VALUE" (or "-X VALUE" for a short name): the
   value (advancing *i), or NULL if argv[*i] is not this option; *missing
   when it is, without a value. */
static char *option_value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=' && name[1] == '-')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

/* Set the server once; a second one is a usage error. */
static int set_server(struct options *opt, const char *server)
{
    if (opt->server)
        return usage_error("more than one server given ('%s' and '%s')", opt->server, server);
    if (!server[0])
        return usage_error("an empty server name");
    opt->server = server;
    return EXIT_OK;
}

enum parse_result parse_args(int argc, char **argv, struct options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->prefmaxlen = MAX_PREFERRED_LENGTH;
    opt->args = xmalloc(((size_t)argc + 1) * sizeof *opt->args);
    int no_more_options = 0, want_help = 0, want_version = 0, status = EXIT_OK;
    for (int i = 1; i < argc && status == EXIT_OK; i++) {
        char *a = argv[i], *v;
        int missing = 0;
        if (no_more_options || a[0] != '-' || a[1] == '\0') {
            if (!no_more_options && a[0] == '\\' && a[1] == '\\')
                status = set_server(opt, a);
            else if (!opt->command)
                opt->command = a;
            else
                opt->args[opt->nargs++] = a;
        } else if (strcmp(a, "--") == 0) {
            no_more_options = 1;
        } else if (strcmp(a, "--json") == 0) {
            opt->json = 1;
        } else if (strcmp(a, "--stats") == 0) {
            opt->stats = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            want_help = 1;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            want_version = 1;
        } else if (strcmp(a, "-k") == 0 || strcmp(a, "--kerberos") == 0) {
            auth_kerberos_option();
        } else if ((v = option_value(argc, argv, &i, "-S", &missing)) ||
                   (v = option_value(argc, argv, &i, "--server", &missing))) {
            status = set_server(opt, v);
        } else if ((v = option_value(argc, argv, &i, "-U", &missing)) ||
                   (v = option_value(argc, argv, &i, "--user", &missing))) {
            status = auth_user_option(v);
        } else if ((v = option_value(argc, argv, &i, "-A", &missing)) ||
                   (v = option_value(argc, argv, &i, "--authentication-file", &missing))) {
            status = auth_file_option(v);
        } else if ((v = option_value(argc, argv, &i, "--level", &missing))) {
            if (parse_decimal(v, &opt->level) != 0)
                status = usage_error("--level needs a decimal number, not '%s'", v);
            opt->given |= OPT_LEVEL;
        } else if ((v = option_value(argc, argv, &i, "--prefmaxlen", &missing))) {
            if (parse_decimal(v, &opt->prefmaxlen) != 0)
                status = usage_error("--prefmaxlen needs a decimal number of bytes, not '%s'", v);
            opt->given |= OPT_PREFMAXLEN;
        } else if ((v = option_value(argc, argv, &i, "--full-name", &missing))) {
            opt->full_name = v;
            opt->given |= OPT_FULL_NAME;
        } else if ((v = option_value(argc, argv, &i, "--comment", &missing))) {
            opt->comment = v;
            opt->given |= OPT_COMMENT;
        } else if ((v = option_value(argc, argv, &i, "--home-dir", &missing))) {
            opt->home_dir = v;
            opt->given |= OPT_HOME;
        } else if ((v = option_value(argc, argv, &i, "--password-file", &missing))) {
            opt->password_file = v;
            opt->given |= OPT_PASSWORD_FILE;
        } else if (strcmp(a, "--enable") == 0 || strcmp(a, "--disable") == 0) {
            if ((opt->given & OPT_ENABLE) && opt->enable != (a[2] == 'e'))
                status = usage_error("--enable and --disable contradict each other");
            opt->enable = a[2] == 'e';
            opt->given |= OPT_ENABLE;
        } else if (strcmp(a, "--old") == 0) {
            opt->given |= OPT_OLD;
        } else if (strcmp(a, "--password") == 0 || strncmp(a, "--password=", 11) == 0) {
            /* refused; and the value leaves the command line `ps` shows */
            v = a[10] == '=' ? a + 11 : i + 1 < argc ? argv[i + 1] : NULL;
            if (v)
                memset(v, '*', strlen(v));
            status = usage_error("a password is never taken on the command line: use "
                                 "--password-file FILE, or type it when asked");
        } else if (missing) {
            status = usage_error("%s needs a value", a);
        } else {
            status = usage_error("unknown option '%s'", a);
        }
    }
    opt->args[opt->nargs] = NULL;
    if (status != EXIT_OK)
        return PARSE_EXIT_USAGE;
    if (want_version) {
        printf("netapi %s (libnetapibuf %s)\n", NETAPIBUF_VERSION_STRING, netapibuf_version());
        return PARSE_EXIT_OK;
    }
    if (want_help) {
        const struct command *cmd = opt->command ? find_command(opt->command) : NULL;
        if (opt->command && !cmd) {
            usage_error("unknown command '%s'", opt->command);
            return PARSE_EXIT_USAGE;
        }
        /* "user add --help": that form's; "user alice --help": the command's */
        print_help(stdout, cmd, cmd && opt->nargs ? find_form(cmd, opt->args[0]) : NULL);
        return PARSE_EXIT_OK;
    }
    return auth_apply(opt->server != NULL) == EXIT_OK ? PARSE_RUN : PARSE_EXIT_USAGE;
}
