/* debugger.c — whether valgrind is watching, read once at init. */
#include "debugger.h"

int nbi_on_valgrind;

int nbi_debugger_init(void)
{
#ifdef NETAPIBUF_HAVE_VALGRIND
    nbi_on_valgrind = RUNNING_ON_VALGRIND ? 1 : 0;
#endif
    return nbi_on_valgrind;
}
