/*
 * common.h — what the compat programs share, in the style of Samba's
 * libnetapi examples (source3/lib/netapi/examples/common.[ch]): popt options
 * -U user[%password], -p password, -k (Kerberos), -d level, applied to the
 * libnetapi context by a popt callback, and a check macro that prints and
 * counts failures.
 *
 * These programs are written against Samba's <netapi.h> and nothing else:
 * tests/compat/run.sh builds each one twice, against netapibuf's drop-in
 * netapi.h and against Samba's libnetapi, runs both against the fixture
 * servers, and compares.
 */
#ifndef COMPAT_COMMON_H
#define COMPAT_COMMON_H

#include <popt.h>

extern struct poptOption compat_common_options[];
#define COMPAT_COMMON_OPTIONS \
    {NULL, 0, POPT_ARG_INCLUDE_TABLE, compat_common_options, 0, "Common options:", NULL},

/* Failures so far; a program exits 0 only when there were none. */
extern int compat_failures;

/* Print "FAIL <what>: <status text> (<status>)" when cond is false. */
#define EXPECT(cond, ctx, status, what)                                                   \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            char *text_ = libnetapi_get_error_string((ctx), (status));                    \
            printf("FAIL line %d: %s: %s (%u)\n", __LINE__, (what), text_ ? text_ : "?",  \
                   (unsigned)(status));                                                   \
            if (text_)                                                                    \
                NetApiBufferFree(text_);                                                  \
            compat_failures++;                                                            \
        }                                                                                 \
    } while (0)

/* Parse argv with the program's options; the remaining arguments, at least
   min_args of them, into args.  Returns 0, or prints usage and returns 1. */
int compat_parse(int argc, const char **argv, const char *name, struct poptOption *options,
                 const char *usage, int min_args, const char **args, int max_args);

#endif
