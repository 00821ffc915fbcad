/*
 * netapi — accounts, groups, configuration and time of this machine or of
 * a Windows or Samba server, through the netapibuf network management
 * functions, in the spirit of Windows' `net` command.  main.c: the command
 * table, help, dispatch, and the check that everything written was written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct command commands[] = {
    {"user",
     "user [NAME]\n"
     "user show NAME",
     "list the user accounts, or show one",
     "Without NAME: every account, as a table (NetUserEnum, level 20 unless --level).\n"
     "With NAME: that account (NetUserGetInfo, level 20 unless --level) and its local\n"
     "group memberships (NetUserGetLocalGroups).  'user show NAME' shows an account\n"
     "whose name is one of user's subcommand words.\n"
     "Options: --level N (both forms), --prefmaxlen N (the listing).",
     cmd_user},
    {"localgroup",
     "localgroup [NAME]",
     "list the local groups, or show one group and its members",
     "Without NAME: every local group (NetLocalGroupEnum, level 1 unless --level).\n"
     "With NAME: the group (NetLocalGroupGetInfo) and its members\n"
     "(NetLocalGroupGetMembers, level 1 unless --level).\n"
     "Options: --level N, --prefmaxlen N (both forms: they apply to the listing).",
     cmd_localgroup},
    {"config",
     "config workstation|server",
     "the workstation or server information",
     "NetWkstaGetInfo or NetServerGetInfo, level 102 unless --level (100, 101, 102).\n"
     "Options: --level N.",
     cmd_config},
    {"time",
     "time",
     "the time of day",
     "NetRemoteTOD: the time, its parts and the time zone.  No options of its own.",
     cmd_time},
    {"help",
     "help [COMMAND]",
     "this help, or a command's",
     "The same as --help, or COMMAND --help.",
     cmd_help},
};

const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* Each line of text, indented. */
static void indented(FILE *f, const char *text, const char *indent)
{
    while (*text) {
        size_t n = strcspn(text, "\n");
        fprintf(f, "%s%.*s\n", indent, (int)n, text);
        text += n + (text[n] == '\n');
    }
}

void print_help(FILE *f, const struct command *cmd)
{
    if (cmd) {
        fputs("usage:\n", f);
        indented(f, cmd->usage, "  netapi [OPTIONS] [\\\\SERVER] ");
        fprintf(f, "\n%s\n\n", cmd->summary);
        indented(f, cmd->details, "");
        fputs("\nCommon options: see 'netapi help'.\n", f);
        return;
    }
    fputs("usage: netapi [OPTIONS] [\\\\SERVER] [COMMAND [ARGS]]\n"
          "\n"
          "Without a command: a summary of the machine.  Without a server: this machine.\n"
          "\n"
          "Commands:\n",
          f);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Options every command takes:\n"
          "  \\\\SERVER, -S SERVER, --server SERVER\n"
          "                    ask SERVER (a Windows or Samba server) instead of this machine\n"
          "  -U [DOMAIN\\]USER[%PASSWORD], --user ...\n"
          "                    log on to the server as USER (asked for the password on the\n"
          "                    terminal, without echo, when it is not given)\n"
          "  -A FILE, --authentication-file FILE\n"
          "                    log on with the username, password and domain in FILE\n"
          "  -k, --kerberos    log on with Kerberos (the ticket cache without -U)\n"
          "  --json            one JSON document on stdout (schema: netapi(1))\n"
          "  --stats           buffer statistics at the end (in the JSON with --json)\n"
          "  -h, --help        this help ('netapi COMMAND --help': the command's)\n"
          "  -V, --version     the version of netapi and of the library\n"
          "Options of some commands (their help says which): --level N, --prefmaxlen N.\n"
          "Numbers are decimal.\n"
          "\n"
          "Exit status: 0 success, 1 a call failed (its status is printed), 2 usage error.\n",
          f);
}

int cmd_help(const struct options *opt)
{
    if (opt->nargs > 1 || opt->given)
        return usage_error("help takes at most one command name");
    const struct command *cmd = NULL;
    if (opt->nargs == 1 && !(cmd = find_command(opt->args[0])))
        return usage_error("unknown command '%s'", opt->args[0]);
    print_help(stdout, cmd);
    return EXIT_OK;
}

/* Nonzero when everything written to stdout reached it. */
static int output_ok(void)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);
    if (failed)
        fprintf(stderr, "netapi: writing the output failed: %s\n", strerror(errno ? errno : EIO));
    return !failed;
}

int main(int argc, char **argv)
{
    struct options opt;
    enum parse_result pr = parse_args(argc, argv, &opt);
    int status = pr == PARSE_EXIT_OK ? EXIT_OK : EXIT_USAGE;
    if (pr == PARSE_RUN) {
        const struct command *cmd = opt.command ? find_command(opt.command) : NULL;
        if (opt.command && !cmd)
            status = usage_error("unknown command '%s'", opt.command);
        else
            status = cmd ? cmd->run(&opt) : cmd_summary(&opt);
    }
    if (!output_ok() && status != EXIT_USAGE)
        status = EXIT_API;
    free(opt.args);
    return status;
}
