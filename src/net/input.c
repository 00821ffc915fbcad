/* input.c — checking Add and SetInfo records (see input.h). */
#include "net/input.h"

#include <string.h>

NET_API_STATUS nbi_input_check(const struct nbi_input_level *rows, size_t count, DWORD level,
                               const void *buf, LPDWORD parm_err,
                               const struct nbi_input_level **row)
{
    nbi_parm_none(parm_err);
    const struct nbi_input_level *r = NULL;
    for (size_t i = 0; i < count && !r; i++)
        if (rows[i].level == level)
            r = &rows[i];
    if (row)
        *row = r;
    if (!r)
        return ERROR_INVALID_LEVEL;
    if (!buf) {
        if (parm_err)
            *parm_err = PARM_ERROR_UNKNOWN;
        return ERROR_INVALID_PARAMETER;
    }
    for (size_t i = 0; i < r->required_count; i++) {
        const void *field;
        memcpy(&field, (const unsigned char *)buf + r->required[i].offset, sizeof field);
        if (!field) {
            if (parm_err)
                *parm_err = r->required[i].parm;
            return ERROR_INVALID_PARAMETER;
        }
    }
    return NERR_Success;
}
