/*
 * input.h — layer 5: checking the records a caller hands to an Add or
 * SetInfo function, before anything is sent anywhere (this machine refuses
 * writes, a server is asked only about records that make sense).
 *
 * One table per function: a row per level, naming the string fields that
 * must not be NULL and the parm_err number Windows reports for each (the
 * lm*.h *_PARMNUM values).  Windows' rule: when the function returns
 * ERROR_INVALID_PARAMETER, *parm_err (if the caller passed one) names the
 * first member of the record at fault; otherwise PARM_ERROR_NONE.
 */
#ifndef NBI_NET_INPUT_H
#define NBI_NET_INPUT_H

#include <stddef.h>

#include <lm.h>

#include "platform/platform.h"

/* A pointer field that must not be NULL, and its parm_err number. */
struct nbi_input_field {
    size_t offset;
    DWORD parm;
};

struct nbi_input_level {
    DWORD level;
    const struct nbi_input_field *required;
    size_t required_count;
};

#define NBI_REQUIRED(type, member, parmnum) {offsetof(type, member), parmnum}
/* A row: level and the array of its required fields. */
#define NBI_INPUT_ROW(lvl, array) {lvl, array, sizeof(array) / sizeof((array)[0])}
/* A row with no required field. */
#define NBI_INPUT_ANY(lvl) {lvl, NULL, 0}

/*
 * Check the record buf of level against rows[0 .. count):
 *   NERR_Success          *parm_err = PARM_ERROR_NONE;
 *   ERROR_INVALID_LEVEL   no row for level (*parm_err = PARM_ERROR_NONE);
 *   ERROR_INVALID_PARAMETER  buf NULL (*parm_err = PARM_ERROR_UNKNOWN), or a
 *                         required field NULL (*parm_err = its number).
 * parm_err may be NULL.  *row (when row is not NULL) gets the level's row.
 */
NBI_INTERNAL NET_API_STATUS nbi_input_check(const struct nbi_input_level *rows, size_t count,
                                            DWORD level, const void *buf, LPDWORD parm_err,
                                            const struct nbi_input_level **row);

/* *parm_err = PARM_ERROR_NONE when parm_err is not NULL. */
static inline void nbi_parm_none(LPDWORD parm_err)
{
    if (parm_err)
        *parm_err = PARM_ERROR_NONE;
}

#endif /* NBI_NET_INPUT_H */
