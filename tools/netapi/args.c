/* args.c — command-line parsing for netapi. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "netapi.h"

void print_usage(FILE *f)
{
    fputs("usage: netapi [OPTIONS] [COMMAND [ARGS]]\n"
          "\n"
          "Commands (no command: a summary of this machine):\n"
          "  user [NAME]                 list the user accounts, or show one\n"
          "  localgroup [NAME]           list the groups, or show one group's members\n"
          "  config workstation|server   this machine's workstation or server information\n"
          "  time                        this machine's time of day\n"
          "\n"
          "Options:\n"
          "  --json            JSON output (listings are arrays of objects)\n"
          "  --level N         information level of the call (as on Windows)\n"
          "  --prefmaxlen N    page listings N bytes at a time, showing each page\n"
          "  --stats           print buffer statistics at exit\n"
          "  -h, --help        this help\n"
          "  -V, --version     the version of netapi and of the library\n"
          "\n"
          "Exit status: 0 success, 1 a call failed (its status is printed), 2 usage error.\n",
          f);
}

int usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("netapi: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'netapi --help'.\n", stderr);
    return EXIT_USAGE;
}

/* A DWORD in decimal (or 0x hex); 0 and *out set, or -1. */
static int parse_dword(const char *s, DWORD *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end || v > 0xFFFFFFFFull)
        return -1;
    *out = (DWORD)v;
    return 0;
}

/* "--name VALUE" or "--name=VALUE": the value (advancing *i), or NULL if
   argv[*i] is not this option. */
static const char *option_value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

enum parse_result parse_args(int argc, char **argv, struct options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->prefmaxlen = MAX_PREFERRED_LENGTH;
    opt->args = xmalloc(((size_t)argc + 1) * sizeof *opt->args);
    int no_more_options = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int missing = 0;
        if (no_more_options || a[0] != '-' || a[1] == '\0') {
            if (!opt->command)
                opt->command = a;
            else
                opt->args[opt->nargs++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            no_more_options = 1;
        } else if (strcmp(a, "--json") == 0) {
            opt->json = 1;
        } else if (strcmp(a, "--stats") == 0) {
            opt->stats = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            print_usage(stdout);
            return PARSE_EXIT_OK;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("netapi %s (libnetapibuf %s)\n", NETAPIBUF_VERSION_STRING, netapibuf_version());
            return PARSE_EXIT_OK;
        } else if ((v = option_value(argc, argv, &i, "--level", &missing)) != NULL) {
            if (parse_dword(v, &opt->level) != 0) {
                usage_error("--level needs a number, not '%s'", v);
                return PARSE_EXIT_USAGE;
            }
            opt->level_set = 1;
        } else if ((v = option_value(argc, argv, &i, "--prefmaxlen", &missing)) != NULL) {
            if (parse_dword(v, &opt->prefmaxlen) != 0) {
                usage_error("--prefmaxlen needs a number, not '%s'", v);
                return PARSE_EXIT_USAGE;
            }
            opt->prefmaxlen_set = 1;
        } else if (missing) {
            usage_error("%s needs a value", a);
            return PARSE_EXIT_USAGE;
        } else {
            usage_error("unknown option '%s'", a);
            return PARSE_EXIT_USAGE;
        }
    }
    opt->args[opt->nargs] = NULL;
    return PARSE_RUN;
}
