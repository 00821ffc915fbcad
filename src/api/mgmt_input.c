/* mgmt_input.c — value checks of the management functions' records (see
   mgmt_input.h). */
#include "api/mgmt_input.h"

#include <string.h>

NET_API_STATUS nbi_mgmt_refuse(DWORD parm, LPDWORD parm_err)
{
    if (parm_err)
        *parm_err = parm;
    return ERROR_INVALID_PARAMETER;
}

NET_API_STATUS nbi_mgmt_name(LPCSTR name, DWORD parm, LPDWORD parm_err)
{
    return name && name[0] ? NERR_Success : nbi_mgmt_refuse(parm, parm_err);
}

NET_API_STATUS nbi_mgmt_user_flags(DWORD flags, LPDWORD parm_err)
{
    DWORD type = flags & UF_ACCOUNT_TYPE_MASK;
    if ((flags & ~(DWORD)UF_SETTABLE_BITS) || (type & (type - 1)))
        return nbi_mgmt_refuse(USER_FLAGS_PARMNUM, parm_err);
    return NERR_Success;
}

/* Minutes in a week: the finest logon-hours unit SAMR knows. */
#define MINUTES_PER_WEEK 10080u

NET_API_STATUS nbi_mgmt_logon_hours(DWORD units, const BYTE *hours, LPDWORD parm_err)
{
    if (hours && (units == 0 || units > MINUTES_PER_WEEK))
        return nbi_mgmt_refuse(USER_UNITS_PER_WEEK_PARMNUM, parm_err);
    return NERR_Success;
}

NET_API_STATUS nbi_mgmt_group_users(DWORD level, LPBYTE buf, DWORD count)
{
    size_t stride;
    if (level == 0)
        stride = sizeof(GROUP_USERS_INFO_0);
    else if (level == 1)
        stride = sizeof(GROUP_USERS_INFO_1);
    else
        return ERROR_INVALID_LEVEL;
    if (count && !buf)
        return ERROR_INVALID_PARAMETER;
    for (DWORD i = 0; i < count; i++) {
        const char *name;
        memcpy(&name, buf + i * stride, sizeof name); /* the first member of both */
        if (!name)
            return ERROR_INVALID_PARAMETER;
    }
    return NERR_Success;
}

NET_API_STATUS nbi_mgmt_members(DWORD level, LPBYTE buf, DWORD count)
{
    if (level != 0 && level != 3)
        return ERROR_INVALID_LEVEL;
    if (count && !buf)
        return ERROR_INVALID_PARAMETER;
    for (DWORD i = 0; i < count; i++) {
        /* both levels' records are one pointer */
        const unsigned char *p;
        memcpy(&p, buf + i * sizeof(void *), sizeof p);
        if (!p)
            return ERROR_INVALID_PARAMETER;
        if (level == 0 && (p[0] != SID_REVISION || p[1] > SID_MAX_SUB_AUTHORITIES))
            return ERROR_INVALID_PARAMETER;
        if (level == 3 && !p[0])
            return ERROR_INVALID_PARAMETER;
    }
    return NERR_Success;
}
