/*
 * oom_calls.h — out-of-memory test for network-management calls: run a call
 * with the Nth underlying allocation failing, for N = 1, 2, 3, ... until it
 * runs without the failure firing.  Every failing run must give a clean
 * ERROR_NOT_ENOUGH_MEMORY with no buffer (and, for enumerations, 0 entries);
 * the final run must succeed.  Snapshots and the packer's staging stash are
 * flushed first, so every run starts from the allocator.  Static tests only
 * (the fault hook is internal).
 */
#ifndef NETAPIBUF_TEST_OOM_CALLS_H
#define NETAPIBUF_TEST_OOM_CALLS_H

#include <lm.h>

#include "check.h"
#include "net/resume.h"
#include "pack/pack.h"
#include "platform/sysalloc.h"

/* Make call `which`: store the buffer in *buf and the entries read in *read. */
typedef NET_API_STATUS (*oom_call_fn)(int which, LPBYTE *buf, LPDWORD read);

/* check_read: the call reports entries read (an enumeration). */
static inline void oom_check_every_step(oom_call_fn call, int which, int check_read)
{
    for (long nth = 1; nth < 100000; nth++) {
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 9;
        nbi_resume_flush();
        nbi_packer_stash_flush();
        nbi_fault_fail_nth(nth);
        NET_API_STATUS st = call(which, &buf, &read);
        int fired = nbi_fault_fired();
        nbi_fault_fail_nth(0);
        if (!fired) {
            CHECK(st == NERR_Success || st == ERROR_MORE_DATA);
            NetApiBufferFree(buf);
            return;
        }
        if (st != ERROR_NOT_ENOUGH_MEMORY)
            CHECK_MSG_(0, "call %d, failing allocation %ld: status %u", which, nth, (unsigned)st);
        CHECK_EQ_P(buf, NULL);
        if (check_read)
            CHECK_EQ_U(read, 0);
    }
    CHECK_MSG_(0, "call %d: allocation failures never stop", which);
}

#endif /* NETAPIBUF_TEST_OOM_CALLS_H */
