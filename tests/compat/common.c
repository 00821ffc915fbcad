/* common.c — popt options and argument parsing of the compat programs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netapi.h>

#include "common.h"

int compat_failures;

static void common_callback(poptContext con, enum poptCallbackReason reason,
                            const struct poptOption *opt, const char *arg, const void *data)
{
    struct libnetapi_ctx *ctx = NULL;
    (void)con, (void)data;
    if (reason != POPT_CALLBACK_REASON_OPTION || !opt)
        return;
    libnetapi_getctx(&ctx);
    switch (opt->val) {
    case 'U': {
        char *user = strdup(arg), *pass = strchr(user, '%');
        if (pass) {
            *pass++ = '\0';
            libnetapi_set_password(ctx, pass);
        }
        libnetapi_set_username(ctx, user);
        free(user);
        break;
    }
    case 'p':
        libnetapi_set_password(ctx, arg);
        break;
    case 'k':
        libnetapi_set_use_kerberos(ctx);
        break;
    case 'd':
        libnetapi_set_debuglevel(ctx, arg);
        break;
    }
}

struct poptOption compat_common_options[] = {
    {NULL, 0, POPT_ARG_CALLBACK, (void *)(uintptr_t)common_callback, 0, NULL, NULL},
    {"user", 'U', POPT_ARG_STRING, NULL, 'U', "User name (user or user%password)", "USER"},
    {"password", 'p', POPT_ARG_STRING, NULL, 'p', "Password", "PASSWORD"},
    {"kerberos", 'k', POPT_ARG_NONE, NULL, 'k', "Use Kerberos", NULL},
    {"debuglevel", 'd', POPT_ARG_STRING, NULL, 'd', "Debug level", "LEVEL"},
    POPT_TABLEEND};

int compat_parse(int argc, const char **argv, const char *name, struct poptOption *options,
                 const char *usage, int min_args, const char **args, int max_args)
{
    poptContext pc = poptGetContext(name, argc, argv, options, 0);
    poptSetOtherOptionHelp(pc, usage);
    int opt;
    while ((opt = poptGetNextOpt(pc)) > 0) {
    }
    /* popt's strings go with its context: copies, kept for the process. */
    static char *kept[8];
    int n = 0;
    const char *a;
    while (n < max_args && n < 8 && (a = poptGetArg(pc))) {
        kept[n] = strdup(a);
        args[n] = kept[n];
        n++;
    }
    if (opt < -1 || n < min_args) {
        poptPrintUsage(pc, stderr, 0);
        poptFreeContext(pc);
        return 1;
    }
    poptFreeContext(pc);
    return 0;
}
