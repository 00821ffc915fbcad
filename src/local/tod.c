/* tod.c — NetRemoteTOD: this machine's time of day. */
#include <errno.h>
#include <stddef.h>
#include <stdalign.h>
#include <time.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/functions.h"
#include "local/local.h"
#include "pack/pack.h"

static const struct nbi_field fields_tod[] = {
    NBI_FIELD(TIME_OF_DAY_INFO, tod_elapsedt), NBI_FIELD(TIME_OF_DAY_INFO, tod_msecs),
    NBI_FIELD(TIME_OF_DAY_INFO, tod_hours),    NBI_FIELD(TIME_OF_DAY_INFO, tod_mins),
    NBI_FIELD(TIME_OF_DAY_INFO, tod_secs),     NBI_FIELD(TIME_OF_DAY_INFO, tod_hunds),
    NBI_FIELD(TIME_OF_DAY_INFO, tod_timezone), NBI_FIELD(TIME_OF_DAY_INFO, tod_tinterval),
    NBI_FIELD(TIME_OF_DAY_INFO, tod_day),      NBI_FIELD(TIME_OF_DAY_INFO, tod_month),
    NBI_FIELD(TIME_OF_DAY_INFO, tod_year),     NBI_FIELD(TIME_OF_DAY_INFO, tod_weekday)};
static const struct nbi_layout layout_tod = {
    {sizeof(TIME_OF_DAY_INFO), alignof(TIME_OF_DAY_INFO), 0, NULL, 0, NULL},
    NBI_FIELDS(fields_tod)};

/* Windows reports a clock tick of 31 ms (310 units of 0.0001 s); the field
   exists for old LAN Manager clients, so report what they expect. */
#define TOD_TINTERVAL 310

NET_API_STATUS nbi_local_remote_tod(LPBYTE *BufferPtr)
{

    struct timespec now, boot;
    struct tm utc, local;
    int saved = errno; /* localtime_r may set it reading the zone files */
    if (clock_gettime(CLOCK_REALTIME, &now) != 0 || clock_gettime(CLOCK_BOOTTIME, &boot) != 0 ||
        !gmtime_r(&now.tv_sec, &utc)) {
        errno = saved;
        return NERR_InternalError;
    }
    /* Windows counts minutes west of Greenwich: UTC+1 is -60.  The offset in
       force now (daylight saving included) is the one a client must apply to
       the UTC fields. */
    LONG zone = -1;
    if (localtime_r(&now.tv_sec, &local))
        zone = (LONG)(-local.tm_gmtoff / 60);
    errno = saved;

    uint64_t boot_ms = (uint64_t)boot.tv_sec * 1000u + (uint64_t)boot.tv_nsec / 1000000u;
    TIME_OF_DAY_INFO tod = {
        .tod_elapsedt = (DWORD)now.tv_sec,
        .tod_msecs = (DWORD)boot_ms, /* wraps like Windows' GetTickCount */
        .tod_hours = (DWORD)utc.tm_hour,
        .tod_mins = (DWORD)utc.tm_min,
        .tod_secs = (DWORD)(utc.tm_sec > 59 ? 59 : utc.tm_sec), /* a leap second */
        .tod_hunds = (DWORD)(now.tv_nsec / 10000000),
        .tod_timezone = zone,
        .tod_tinterval = TOD_TINTERVAL,
        .tod_day = (DWORD)utc.tm_mday,
        .tod_month = (DWORD)utc.tm_mon + 1,
        .tod_year = (DWORD)utc.tm_year + 1900,
        .tod_weekday = (DWORD)utc.tm_wday,
    };
    DWORD n;
    return nbi_pack(&layout_tod, &tod, 1, MAX_PREFERRED_LENGTH, BufferPtr, &n);
}
