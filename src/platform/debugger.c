/* debugger.c — whether valgrind is watching, and memcheck's client requests. */
#include "platform/debugger.h"

#ifdef NETAPIBUF_HAVE_VALGRIND
#include <valgrind/memcheck.h>
#endif

int nbi_on_valgrind;

int nbi_debugger_init(void)
{
#ifdef NETAPIBUF_HAVE_VALGRIND
    /* Written only when it changes (once, if ever): later calls, from any
       thread (a remote session asks again), leave it to the readers. */
    int watched = RUNNING_ON_VALGRIND ? 1 : 0;
    if (__atomic_load_n(&nbi_on_valgrind, __ATOMIC_RELAXED) != watched)
        __atomic_store_n(&nbi_on_valgrind, watched, __ATOMIC_RELAXED);
#endif
    return nbi_on_valgrind;
}

/* Called only when nbi_on_valgrind is set, which needs the headers. */
#ifdef NETAPIBUF_HAVE_VALGRIND
void nbi_vg_defined(const void *p, size_t n) { VALGRIND_MAKE_MEM_DEFINED(p, n); }
void nbi_vg_noaccess(const void *p, size_t n) { VALGRIND_MAKE_MEM_NOACCESS(p, n); }
void nbi_vg_undefined(const void *p, size_t n) { VALGRIND_MAKE_MEM_UNDEFINED(p, n); }
void nbi_vg_malloclike(const void *user, size_t n) { VALGRIND_MALLOCLIKE_BLOCK(user, n, 0, 0); }
void nbi_vg_freelike(const void *user) { VALGRIND_FREELIKE_BLOCK(user, 0); }
#else
void nbi_vg_defined(const void *p, size_t n) { (void)p, (void)n; }
void nbi_vg_noaccess(const void *p, size_t n) { (void)p, (void)n; }
void nbi_vg_undefined(const void *p, size_t n) { (void)p, (void)n; }
void nbi_vg_malloclike(const void *user, size_t n) { (void)user, (void)n; }
void nbi_vg_freelike(const void *user) { (void)user; }
#endif
