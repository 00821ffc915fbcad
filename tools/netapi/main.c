/*
 * netapi — accounts, groups, shares, open files, domain, configuration and
 * time of this machine or of a Windows or Samba server, through the
 * netapibuf network management functions, in the spirit of Windows' `net`
 * command.  main.c: the command table, help, dispatch to a command's form,
 * and the check that everything written was written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int run_help(const struct options *opt, char **args, int nargs);

static const struct form help_forms[] = {
    {NULL, "[COMMAND [SUBCOMMAND]]", 0, 2, 0,
     "The same as --help, COMMAND --help or COMMAND SUBCOMMAND --help.", run_help},
};
static const struct command help_command = {"help", "this help, or a command's",
                                            FORMS(help_forms)};

static const struct command *const commands[] = {
    &user_command,  &group_command,  &localgroup_command, &share_command, &file_command,
    &dc_command,    &join_command,   &config_command,     &time_command,  &help_command,
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

const struct form *find_form(const struct command *cmd, const char *word)
{
    for (size_t i = 0; i < cmd->nforms; i++)
        if (cmd->forms[i].word && strcmp(cmd->forms[i].word, word) == 0)
            return &cmd->forms[i];
    return NULL;
}

/* "user add NAME": how messages and help name a form. */
static void form_name(char *out, size_t n, const struct command *cmd, const struct form *form)
{
    snprintf(out, n, "%s%s%s%s%s", cmd->name, form->word ? " " : "",
             form->word ? form->word : "", form->args[0] ? " " : "", form->args);
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

static void form_usage(FILE *f, const struct command *cmd, const struct form *form)
{
    char name[128];
    form_name(name, sizeof name, cmd, form);
    fprintf(f, "  netapi [OPTIONS] [\\\\SERVER] %s", name);
    print_option_usage(f, form->options);
    fputc('\n', f);
}

void print_help(FILE *f, const struct command *cmd, const struct form *form)
{
    char name[128];
    if (cmd) {
        fputs("usage:\n", f);
        for (size_t i = 0; i < cmd->nforms; i++)
            if (!form || form == &cmd->forms[i])
                form_usage(f, cmd, &cmd->forms[i]);
        if (!form)
            fprintf(f, "\n%s\n", cmd->summary);
        for (size_t i = 0; i < cmd->nforms; i++) {
            const struct form *fm = &cmd->forms[i];
            if (form && form != fm)
                continue;
            form_name(name, sizeof name, cmd, fm);
            fprintf(f, "\n%s\n", name);
            indented(f, fm->text, "  ");
            if (fm->options) {
                fputs("Options:\n", f);
                print_option_help(f, fm->options);
            }
        }
        fputs("\nCommon options: see 'netapi help'.\n", f);
        return;
    }
    fputs("usage: netapi [OPTIONS] [\\\\SERVER] [COMMAND [ARGS]]\n"
          "\n"
          "Without a command: a summary of the machine.  Without a server: this machine.\n"
          "\n"
          "Commands:\n",
          f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
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
          "  -h, --help        this help ('netapi COMMAND [SUBCOMMAND] --help': its own)\n"
          "  -V, --version     the version of netapi and of the library\n"
          "Options of some forms (their help says which): --level N, --prefmaxlen N,\n"
          "--full-name TEXT, --comment TEXT, --home-dir PATH, --enable, --disable,\n"
          "--password-file FILE, --old.  Numbers are decimal.  New passwords are read\n"
          "from --password-file or the terminal, never from the command line.\n"
          "\n"
          "Exit status: 0 success, 1 a call failed (its status is printed), 2 usage error.\n",
          f);
}

static int run_help(const struct options *opt, char **args, int nargs)
{
    (void)opt;
    const struct command *cmd = NULL;
    const struct form *form = NULL;
    if (nargs >= 1 && !(cmd = find_command(args[0])))
        return usage_error("unknown command '%s'", args[0]);
    if (nargs == 2 && !(form = find_form(cmd, args[1])))
        return usage_error("'%s' is no subcommand of %s", args[1], cmd->name);
    print_help(stdout, cmd, form);
    return EXIT_OK;
}

/* The words of cmd's forms, "add, del, set", for a message. */
static void form_words(char *out, size_t n, const struct command *cmd)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < cmd->nforms && len < n; i++)
        if (cmd->forms[i].word)
            len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "",
                                    cmd->forms[i].word);
}

/*
 * Choose cmd's form for opt's arguments (a subcommand word, or the forms
 * without one by their number of arguments), check the count and the
 * options, and run it.
 */
static int run_command(const struct command *cmd, const struct options *opt)
{
    char name[128], words[128];
    const struct form *form = opt->nargs ? find_form(cmd, opt->args[0]) : NULL;
    int skip = form != NULL, n = opt->nargs - skip;
    for (size_t i = 0; !form && i < cmd->nforms; i++) {
        const struct form *fm = &cmd->forms[i];
        if (!fm->word && n >= fm->min_args && (fm->max_args < 0 || n <= fm->max_args))
            form = fm;
    }
    form_words(words, sizeof words, cmd);
    if (!form) {
        int has_plain = 0;
        for (size_t i = 0; i < cmd->nforms; i++)
            has_plain |= !cmd->forms[i].word;
        if (!has_plain && n == 0)
            return usage_error("%s needs a subcommand: %s", cmd->name, words);
        if (!has_plain)
            return usage_error("'%s' is no subcommand of %s (%s)", opt->args[0], cmd->name,
                               words);
        return usage_error("too many arguments for %s (see 'netapi %s --help')", cmd->name,
                           cmd->name);
    }
    form_name(name, sizeof name, cmd, form);
    if (n < form->min_args || (form->max_args >= 0 && n > form->max_args)) {
        /* only a form with a word can get here: the others are chosen by count */
        int password_hint = form->max_args >= 0 && n > form->max_args &&
                            (form->options & OPT_PASSWORD_FILE);
        return usage_error("'%s %s' takes %s%s (see 'netapi %s %s --help')", cmd->name,
                           form->word, form->args[0] ? form->args : "no arguments",
                           password_hint ? "; a password is never taken on the command line"
                                         : "",
                           cmd->name, form->word);
    }
    int st = only_options(opt, form->options, name);
    if (st != EXIT_OK)
        return st;
    return form->run(opt, opt->args + skip, n);
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
            status = cmd ? run_command(cmd, &opt) : cmd_summary(&opt);
    }
    if (!output_ok() && status != EXIT_USAGE)
        status = EXIT_API;
    free(opt.args);
    return status;
}
