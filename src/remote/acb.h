/*
 * acb.h — layer 5, remote side: SAMR's account-control bits (MS-SAMR
 * 2.2.1.12, USER_ACCOUNT codes) and Windows' UF_ flags, both ways
 * (MS-SAMR 3.1.1.8.10 pairs them one to one).
 *
 * Samba's libnetapi hands SAMR's bits through unconverted in two places:
 * NetQueryDisplayInformation returns them in usri1_flags and usri2_flags,
 * and NetUserAdd sends usri1_flags to the server as if they were SAMR bits,
 * so UF_SCRIPT (1) arrives as ACB_DISABLED (1): an account added with
 * UF_SCRIPT | UF_NORMAL_ACCOUNT, what Windows programs pass, is created
 * disabled with a password that never expires (measured on both
 * fixtures).  The remote layer converts on our side of both.
 */
#ifndef NBI_REMOTE_ACB_H
#define NBI_REMOTE_ACB_H

#include <stdint.h>

#include <lm.h>

#include "platform/platform.h"

/* SAMR's bits as UF_ flags, UF_SCRIPT always set (Windows reports it so). */
NBI_INTERNAL DWORD nbi_acb_to_uf(uint32_t acb);

/* UF_ flags as SAMR's bits (UF_SCRIPT has none). */
NBI_INTERNAL uint32_t nbi_uf_to_acb(DWORD uf);

/* The bits of an account's type (ACB_NORMAL and the trust and duplicate
   kinds): every account has one, so an entry without any carries no
   control bits at all. */
#define NBI_ACB_TYPE_MASK 0x000001D8u
/* ACB_NORMAL */
#define NBI_ACB_NORMAL 0x00000010u

#endif /* NBI_REMOTE_ACB_H */
