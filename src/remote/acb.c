/* acb.c — SAMR's account-control bits and Windows' UF_ flags (see acb.h). */
#include "remote/acb.h"

/* One row per pair: {SAMR bit, UF_ flag}. */
static const uint32_t pairs[][2] = {
    {0x00000001, UF_ACCOUNTDISABLE},
    {0x00000002, UF_HOMEDIR_REQUIRED},
    {0x00000004, UF_PASSWD_NOTREQD},
    {0x00000008, UF_TEMP_DUPLICATE_ACCOUNT},
    {0x00000010, UF_NORMAL_ACCOUNT},
    {0x00000020, UF_MNS_LOGON_ACCOUNT},
    {0x00000040, UF_INTERDOMAIN_TRUST_ACCOUNT},
    {0x00000080, UF_WORKSTATION_TRUST_ACCOUNT},
    {0x00000100, UF_SERVER_TRUST_ACCOUNT},
    {0x00000200, UF_DONT_EXPIRE_PASSWD},
    {0x00000400, UF_LOCKOUT},
    {0x00000800, UF_ENCRYPTED_TEXT_PASSWORD_ALLOWED},
    {0x00001000, UF_SMARTCARD_REQUIRED},
    {0x00002000, UF_TRUSTED_FOR_DELEGATION},
    {0x00004000, UF_NOT_DELEGATED},
    {0x00008000, UF_USE_DES_KEY_ONLY},
    {0x00010000, UF_DONT_REQUIRE_PREAUTH},
    {0x00020000, UF_PASSWORD_EXPIRED},
    {0x00040000, UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION},
    {0x00080000, UF_NO_AUTH_DATA_REQUIRED},
    {0x00100000, UF_PARTIAL_SECRETS_ACCOUNT},
    {0x00200000, UF_USE_AES_KEYS},
};

DWORD nbi_acb_to_uf(uint32_t acb)
{
    DWORD uf = UF_SCRIPT;
    for (unsigned i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (acb & pairs[i][0])
            uf |= pairs[i][1];
    return uf;
}

uint32_t nbi_uf_to_acb(DWORD uf)
{
    uint32_t acb = 0;
    for (unsigned i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (uf & pairs[i][1])
            acb |= pairs[i][0];
    return acb;
}
