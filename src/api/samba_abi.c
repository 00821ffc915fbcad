/*
 * samba_abi.c — the entry points <netapi.h> binds Samba's function names
 * to where Samba's ABI differs from Windows': a uint32_t resume handle
 * where Windows has a PDWORD_PTR (NetLocalGroupEnum, NetLocalGroupGetMembers,
 * NetGroupEnum, NetGroupGetUsers, NetFileEnum), and a uint16_t join status
 * where Windows has a 4-byte enum (NetGetJoinInformation).  Each calls the
 * Windows function and writes back no more than the caller's type holds.
 *
 * Resume handles.  A PDWORD_PTR enumeration hands out 64-bit handles,
 * token:32 | next index:32 (net/resume.h); a Samba caller keeps 32 bits.
 * The token goes into a small table here and the caller gets
 * slot:8 | next index:24, which the next call widens back.  A slot reused
 * by another enumeration meanwhile gives a token that names no snapshot:
 * the enumeration is then read afresh and continues at the index, as any
 * evicted handle does (resume.h), so a handle is always right, at worst
 * slower.  More than 2^24 entries cannot be continued through 32 bits
 * (NERR_InternalError), as for NetUserEnum's own 32-bit handles.
 */
#include <stdint.h>

#include <lm.h>

#include "platform/platform.h"

/* Samba's prototypes (netapi.h binds its names to these). */
NBI_EXPORT NET_API_STATUS netapibuf_samba_NetLocalGroupEnum(const char *server, uint32_t level,
                                                            uint8_t **buffer, uint32_t prefmaxlen,
                                                            uint32_t *entries_read,
                                                            uint32_t *total_entries,
                                                            uint32_t *resume_handle);
NBI_EXPORT NET_API_STATUS netapibuf_samba_NetLocalGroupGetMembers(
    const char *server, const char *group, uint32_t level, uint8_t **buffer, uint32_t prefmaxlen,
    uint32_t *entries_read, uint32_t *total_entries, uint32_t *resume_handle);
NBI_EXPORT NET_API_STATUS netapibuf_samba_NetGroupEnum(const char *server, uint32_t level,
                                                       uint8_t **buffer, uint32_t prefmaxlen,
                                                       uint32_t *entries_read,
                                                       uint32_t *total_entries,
                                                       uint32_t *resume_handle);
NBI_EXPORT NET_API_STATUS netapibuf_samba_NetGroupGetUsers(
    const char *server, const char *group, uint32_t level, uint8_t **buffer, uint32_t prefmaxlen,
    uint32_t *entries_read, uint32_t *total_entries, uint32_t *resume_handle);
NBI_EXPORT NET_API_STATUS netapibuf_samba_NetFileEnum(const char *server, const char *base_path,
                                                      const char *user_name, uint32_t level,
                                                      uint8_t **buffer, uint32_t prefmaxlen,
                                                      uint32_t *entries_read,
                                                      uint32_t *total_entries,
                                                      uint32_t *resume_handle);
NBI_EXPORT NET_API_STATUS netapibuf_samba_NetGetJoinInformation(const char *server,
                                                                const char **name_buffer,
                                                                uint16_t *name_type);

/* ---- 32-bit handles for 64-bit ones ------------------------------------------------ */

#define INDEX_BITS 24
#define SLOTS 255 /* slot 0 is for handles that fit as they are */

static uint32_t tokens[SLOTS + 1];
static uint32_t next_slot;

/* The 64-bit handle a Samba caller's 32-bit one stands for. */
static DWORD_PTR widen(uint32_t handle)
{
    uint32_t slot = handle >> INDEX_BITS, index = handle & ((1u << INDEX_BITS) - 1);
    if (slot == 0)
        return index;
    uint32_t token = __atomic_load_n(&tokens[slot], __ATOMIC_RELAXED);
    return (DWORD_PTR)((uint64_t)token << 32 | index);
}

/* The 32-bit handle for a 64-bit one: NERR_Success or NERR_InternalError
   (an index past 2^24). */
static NET_API_STATUS narrow(DWORD_PTR wide, uint32_t *handle)
{
    uint64_t h = wide;
    uint32_t token = (uint32_t)(h >> 32), index = (uint32_t)h;
    if (index >> INDEX_BITS)
        return NERR_InternalError;
    if (token == 0) {
        *handle = index;
        return NERR_Success;
    }
    uint32_t slot = __atomic_add_fetch(&next_slot, 1, __ATOMIC_RELAXED) % SLOTS + 1;
    __atomic_store_n(&tokens[slot], token, __ATOMIC_RELAXED);
    *handle = slot << INDEX_BITS | index;
    return NERR_Success;
}

/* After a Windows-ABI enumeration: the caller's 32-bit handle. */
static NET_API_STATUS hand_back(NET_API_STATUS st, DWORD_PTR wide, uint32_t *resume_handle,
                                uint8_t **buffer, uint32_t *entries_read, uint32_t *total)
{
    if (!resume_handle || (st != NERR_Success && st != ERROR_MORE_DATA))
        return st;
    NET_API_STATUS narrowed = narrow(wide, resume_handle);
    if (narrowed != NERR_Success) {
        /* Nothing the caller could continue from: nothing handed out. */
        NetApiBufferFree(*buffer);
        *buffer = NULL;
        *entries_read = *total = 0;
        return narrowed;
    }
    return st;
}

/* ---- the entry points ------------------------------------------------------------- */

NET_API_STATUS netapibuf_samba_NetLocalGroupEnum(const char *server, uint32_t level,
                                                 uint8_t **buffer, uint32_t prefmaxlen,
                                                 uint32_t *entries_read, uint32_t *total_entries,
                                                 uint32_t *resume_handle)
{
    DWORD_PTR wide = resume_handle ? widen(*resume_handle) : 0;
    NET_API_STATUS st = NetLocalGroupEnum(server, level, buffer, prefmaxlen, entries_read,
                                          total_entries, resume_handle ? &wide : NULL);
    return hand_back(st, wide, resume_handle, buffer, entries_read, total_entries);
}

NET_API_STATUS netapibuf_samba_NetLocalGroupGetMembers(const char *server, const char *group,
                                                       uint32_t level, uint8_t **buffer,
                                                       uint32_t prefmaxlen,
                                                       uint32_t *entries_read,
                                                       uint32_t *total_entries,
                                                       uint32_t *resume_handle)
{
    DWORD_PTR wide = resume_handle ? widen(*resume_handle) : 0;
    NET_API_STATUS st = NetLocalGroupGetMembers(server, group, level, buffer, prefmaxlen,
                                                entries_read, total_entries,
                                                resume_handle ? &wide : NULL);
    return hand_back(st, wide, resume_handle, buffer, entries_read, total_entries);
}

NET_API_STATUS netapibuf_samba_NetGroupEnum(const char *server, uint32_t level, uint8_t **buffer,
                                            uint32_t prefmaxlen, uint32_t *entries_read,
                                            uint32_t *total_entries, uint32_t *resume_handle)
{
    DWORD_PTR wide = resume_handle ? widen(*resume_handle) : 0;
    NET_API_STATUS st = NetGroupEnum(server, level, buffer, prefmaxlen, entries_read,
                                     total_entries, resume_handle ? &wide : NULL);
    return hand_back(st, wide, resume_handle, buffer, entries_read, total_entries);
}

NET_API_STATUS netapibuf_samba_NetGroupGetUsers(const char *server, const char *group,
                                                uint32_t level, uint8_t **buffer,
                                                uint32_t prefmaxlen, uint32_t *entries_read,
                                                uint32_t *total_entries, uint32_t *resume_handle)
{
    DWORD_PTR wide = resume_handle ? widen(*resume_handle) : 0;
    NET_API_STATUS st = NetGroupGetUsers(server, group, level, buffer, prefmaxlen, entries_read,
                                         total_entries, resume_handle ? &wide : NULL);
    return hand_back(st, wide, resume_handle, buffer, entries_read, total_entries);
}

NET_API_STATUS netapibuf_samba_NetFileEnum(const char *server, const char *base_path,
                                           const char *user_name, uint32_t level,
                                           uint8_t **buffer, uint32_t prefmaxlen,
                                           uint32_t *entries_read, uint32_t *total_entries,
                                           uint32_t *resume_handle)
{
    DWORD_PTR wide = resume_handle ? widen(*resume_handle) : 0;
    /* Windows' LMSTR parameters are not const; they are only read. */
    NET_API_STATUS st = NetFileEnum((LMSTR)(uintptr_t)server, (LMSTR)(uintptr_t)base_path,
                                    (LMSTR)(uintptr_t)user_name, level, buffer, prefmaxlen,
                                    entries_read, total_entries, resume_handle ? &wide : NULL);
    return hand_back(st, wide, resume_handle, buffer, entries_read, total_entries);
}

NET_API_STATUS netapibuf_samba_NetGetJoinInformation(const char *server, const char **name_buffer,
                                                     uint16_t *name_type)
{
    if (!name_buffer || !name_type)
        return ERROR_INVALID_PARAMETER;
    LMSTR name = NULL;
    NETSETUP_JOIN_STATUS type = NetSetupUnknownStatus;
    NET_API_STATUS st = NetGetJoinInformation(server, &name, &type);
    *name_buffer = name;
    *name_type = (uint16_t)type; /* two bytes: Samba's type */
    return st;
}
