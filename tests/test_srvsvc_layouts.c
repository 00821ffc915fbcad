/*
 * test_srvsvc_layouts.c — src/remote/srvsvc.h declares the LSA structure
 * NetGetJoinInformation's fallback reads (lsa_DomainInfo); it must be laid
 * out as samba-dev's gen_ndr/lsa.h lays it out.  (samba-dev installs no
 * srvsvc.h: the SRVSVC structures of srvsvc.h are checked by the remote
 * tests, under valgrind too, against the servers' real replies.)
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <talloc.h>
#include <util/data_blob.h>
#include <util/time.h>
#include <core/ntstatus.h>
#include <gen_ndr/misc.h>
#include <gen_ndr/security.h>
#include <gen_ndr/lsa.h>

/* Samba's struct GUID is in scope: ours (lmcons.h) stands aside. */
#define GUID_DEFINED
typedef struct GUID GUID;
#include "check.h"
#include "remote/srvsvc.h"

TEST(lsa_domain_info)
{
    CHECK_EQ_U(sizeof(struct nbi_lsa_domain_info), sizeof(struct lsa_DomainInfo));
    CHECK_EQ_U(offsetof(struct nbi_lsa_domain_info, length),
               offsetof(struct lsa_DomainInfo, name) + offsetof(struct lsa_StringLarge, length));
    CHECK_EQ_U(offsetof(struct nbi_lsa_domain_info, size),
               offsetof(struct lsa_DomainInfo, name) + offsetof(struct lsa_StringLarge, size));
    CHECK_EQ_U(offsetof(struct nbi_lsa_domain_info, name),
               offsetof(struct lsa_DomainInfo, name) + offsetof(struct lsa_StringLarge, string));
    CHECK_EQ_U(offsetof(struct nbi_lsa_domain_info, sid), offsetof(struct lsa_DomainInfo, sid));
    CHECK_EQ_U(NBI_LSA_POLICY_INFO_DOMAIN, LSA_POLICY_INFO_DOMAIN);
}

int main(void)
{
    RUN(lsa_domain_info);
    return check_finish();
}
