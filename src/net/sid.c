/* sid.c — Unix accounts' SIDs, and SIDs to and from text (see sid.h and
   netapibuf.h). */
#include "net/sid.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <netapibuf.h>

/* The identifier authority of the Unix domains: 22, as a 48-bit big-endian
   number in six bytes. */
#define UNIX_AUTHORITY 22

void nbi_sid_unix(unsigned char out[NBI_UNIX_SID_SIZE], DWORD domain, DWORD id)
{
    static const unsigned char head[8] = {SID_REVISION, 2, 0, 0, 0, 0, 0, UNIX_AUTHORITY};
    memcpy(out, head, sizeof head);
    memcpy(out + 8, &domain, 4); /* sub-authorities are in host order, as on Windows */
    memcpy(out + 12, &id, 4);
}

size_t nbi_sid_size(const void *sid)
{
    const unsigned char *s = sid;
    if (!s || s[0] != SID_REVISION || s[1] > SID_MAX_SUB_AUTHORITIES)
        return 0;
    return 8u + 4u * s[1];
}

/* The longest text: "S-1-" + an authority of up to 2^48 - 1 in hex
   ("0x" + 12 digits) + 15 sub-authorities of up to 10 digits, each after
   a '-', and the NUL. */
#define SID_TEXT_MAX (4 + 14 + 15 * 11 + 1)

NBI_EXPORT NET_API_STATUS netapibuf_sid_to_string(const void *sid, LPSTR *string)
{
    if (!string)
        return ERROR_INVALID_PARAMETER;
    *string = NULL;
    if (!sid)
        return ERROR_INVALID_PARAMETER;
    size_t size = nbi_sid_size(sid);
    if (!size)
        return ERROR_INVALID_SID;
    const unsigned char *s = sid;
    uint64_t authority = 0;
    for (int i = 2; i < 8; i++)
        authority = authority << 8 | s[i];
    char text[SID_TEXT_MAX];
    int saved = errno;
    /* Windows writes an authority that needs more than 32 bits in hex. */
    int n = authority >> 32 ? snprintf(text, sizeof text, "S-1-0x%012llX", (unsigned long long)authority)
                            : snprintf(text, sizeof text, "S-1-%llu", (unsigned long long)authority);
    for (unsigned i = 0; i < s[1]; i++) {
        DWORD sub;
        memcpy(&sub, s + 8 + 4 * i, 4);
        n += snprintf(text + n, sizeof text - (size_t)n, "-%lu", (unsigned long)sub);
    }
    errno = saved;
    LPVOID out;
    NET_API_STATUS st = NetApiBufferAllocate((DWORD)n + 1, &out);
    if (st != NERR_Success)
        return st;
    memcpy(out, text, (size_t)n + 1);
    *string = out;
    return NERR_Success;
}

/* A number at *p: decimal, or hexadecimal after "0x"/"0X" when hex_ok; at
   most `max`.  1 and *p past it, or 0. */
static int parse_number(const char **p, int hex_ok, uint64_t max, uint64_t *value)
{
    const char *s = *p;
    unsigned base = 10;
    if (hex_ok && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    uint64_t v = 0;
    const char *digits = s;
    for (;; s++) {
        unsigned d;
        if (*s >= '0' && *s <= '9')
            d = (unsigned)(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f')
            d = (unsigned)(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F')
            d = (unsigned)(*s - 'A' + 10);
        else
            break;
        if (v > (max - d) / base)
            return 0; /* too large */
        v = v * base + d;
    }
    if (s == digits)
        return 0;
    *p = s;
    *value = v;
    return 1;
}

NBI_EXPORT NET_API_STATUS netapibuf_string_to_sid(LPCSTR string, LPVOID *sid)
{
    if (!sid)
        return ERROR_INVALID_PARAMETER;
    *sid = NULL;
    if (!string)
        return ERROR_INVALID_PARAMETER;
    const char *p = string;
    uint64_t revision, authority, sub;
    unsigned char bytes[SECURITY_MAX_SID_SIZE];
    if ((p[0] != 'S' && p[0] != 's') || p[1] != '-')
        return ERROR_INVALID_SID;
    p += 2;
    if (!parse_number(&p, 0, 255, &revision) || revision != SID_REVISION || *p++ != '-' ||
        !parse_number(&p, 1, (UINT64_C(1) << 48) - 1, &authority))
        return ERROR_INVALID_SID;
    bytes[0] = SID_REVISION;
    for (int i = 7; i >= 2; i--, authority >>= 8)
        bytes[i] = (unsigned char)(authority & 0xFF);
    unsigned count = 0;
    while (*p == '-') {
        p++;
        if (count == SID_MAX_SUB_AUTHORITIES || !parse_number(&p, 0, UINT32_MAX, &sub))
            return ERROR_INVALID_SID;
        DWORD d = (DWORD)sub;
        memcpy(bytes + 8 + 4 * count++, &d, 4);
    }
    if (*p)
        return ERROR_INVALID_SID;
    bytes[1] = (unsigned char)count;
    LPVOID out;
    NET_API_STATUS st = NetApiBufferAllocate(8 + 4 * count, &out);
    if (st != NERR_Success)
        return st;
    memcpy(out, bytes, 8 + 4 * count);
    *sid = out;
    return NERR_Success;
}
