/*
 * spinlock.h — a lock for critical sections of a few dozen instructions.
 *
 * Why not nbi_mutex: glibc's mutex costs two atomic read-modify-writes per
 * lock/unlock (the unlock exchanges to look for waiters); this lock costs
 * one (the unlock is a plain release store), which is a third of strict
 * mode's pair.  Waiters spin briefly, then yield the CPU, so a holder that
 * was preempted (2 cores shared with other work) gets to finish.
 */
#ifndef NBI_SPINLOCK_H
#define NBI_SPINLOCK_H

#include <sched.h>

/* Tell the CPU this is a spin-wait (saves power, frees the sibling thread). */
static inline void nbi_spin_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

typedef int nbi_spin;
#define NBI_SPIN_INIT 0

static inline void nbi_spin_lock(nbi_spin *lock)
{
    for (;;) {
        if (!__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE))
            return;
        for (unsigned spins = 0; __atomic_load_n(lock, __ATOMIC_RELAXED); spins++) {
            if (spins < 64)
                nbi_spin_pause();
            else
                sched_yield();
        }
    }
}

static inline void nbi_spin_unlock(nbi_spin *lock)
{
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

#endif /* NBI_SPINLOCK_H */
