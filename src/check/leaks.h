/*
 * leaks.h — strict mode's leak report: at process exit, one line on stderr
 *
 *   netapibuf: N buffers (B bytes) still allocated at exit
 *
 * then up to NBI_LEAKS_LISTED lines "netapibuf:   0x...: S bytes" for the
 * live buffers at the lowest addresses, then "netapibuf:   ... and K more"
 * when the list was cut.  Nothing at all is printed when N is 0.
 */
#ifndef NBI_LEAKS_H
#define NBI_LEAKS_H

#include <stdio.h>

#include "platform/platform.h"

#define NBI_LEAKS_LISTED 10

/* Print the report for the registry as it is now to out. */
NBI_INTERNAL void nbi_leaks_report(FILE *out);

/* Print it to stderr when the process exits (call once). */
NBI_INTERNAL void nbi_leaks_report_at_exit(void);

#endif /* NBI_LEAKS_H */
