/*
 * netapi — this machine's accounts, groups, configuration and time through
 * the netapibuf network management functions, in the spirit of Windows'
 * `net` command.  main.c: parse, dispatch, statistics at exit.
 */
#include <stdlib.h>
#include <string.h>

#include "netapi.h"

/* Buffer statistics: every buffer the command received has been freed by
   now, so live buffers must read 0.  In JSON mode they go to stderr to keep
   stdout one valid JSON document. */
static void print_stats(const struct options *opt)
{
    struct netapibuf_stats s;
    if (netapibuf_get_stats(&s) != NERR_Success)
        return;
    FILE *f = opt->json ? stderr : stdout;
    fprintf(f,
            "\nBuffer statistics\n"
            "  Allocations       %llu\n"
            "  Peak bytes        %llu\n"
            "  Live buffers      %llu\n"
            "  Live bytes        %llu\n"
            "  Misuse events     %llu\n",
            (unsigned long long)s.total_allocations, (unsigned long long)s.peak_bytes,
            (unsigned long long)s.live_buffers, (unsigned long long)s.live_bytes,
            (unsigned long long)s.misuse_events);
}

static int dispatch(const struct options *opt)
{
    static const struct {
        const char *name;
        int (*run)(const struct options *);
    } commands[] = {
        {"user", cmd_user},
        {"localgroup", cmd_localgroup},
        {"config", cmd_config},
        {"time", cmd_time},
    };
    if (!opt->command)
        return cmd_summary(opt);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(opt->command, commands[i].name) == 0)
            return commands[i].run(opt);
    return usage_error("unknown command '%s'", opt->command);
}

int main(int argc, char **argv)
{
    struct options opt;
    enum parse_result pr = parse_args(argc, argv, &opt);
    int status = pr == PARSE_EXIT_OK ? EXIT_OK : pr == PARSE_EXIT_USAGE ? EXIT_USAGE : -1;
    if (pr == PARSE_RUN) {
        status = dispatch(&opt);
        if (fflush(stdout) != 0 && status == EXIT_OK)
            status = EXIT_API;
        if (opt.stats && status != EXIT_USAGE)
            print_stats(&opt);
    }
    free(opt.args);
    return status;
}
