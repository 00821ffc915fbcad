/* cmd_time.c — `netapi time`: this machine's time of day (NetRemoteTOD). */
#include <time.h>

#include "netapi.h"

int cmd_time(const struct options *opt)
{
    if (opt->nargs != 0)
        return usage_error("time takes no arguments");
    if (opt->level_set)
        return usage_error("time has no information levels");
    LPBYTE buf = NULL;
    NET_API_STATUS st = NetRemoteTOD(NULL, &buf);
    if (st != NERR_Success)
        return api_error("NetRemoteTOD", st);
    const TIME_OF_DAY_INFO *tod = (const TIME_OF_DAY_INFO *)buf;
    if (!opt->json) {
        /* tod_timezone counts minutes west of UTC, so local = UTC - zone */
        long zone = tod->tod_timezone == -1 ? 0 : tod->tod_timezone;
        time_t local_secs = (time_t)tod->tod_elapsedt - (time_t)zone * 60;
        struct tm local;
        char when[64] = "?";
        if (gmtime_r(&local_secs, &local))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &local);
        long east = -zone;
        printf("Current time is %04u-%02u-%02u %02u:%02u:%02u UTC (%s local, UTC%c%02ld:%02ld)\n\n",
               (unsigned)tod->tod_year, (unsigned)tod->tod_month, (unsigned)tod->tod_day,
               (unsigned)tod->tod_hours, (unsigned)tod->tod_mins, (unsigned)tod->tod_secs, when,
               east < 0 ? '-' : '+', (east < 0 ? -east : east) / 60,
               (east < 0 ? -east : east) % 60);
    }
    struct kv kv;
    kv_begin(&kv, opt);
    kv_record(&kv, &tod_desc, tod);
    kv_end(&kv);
    NetApiBufferFree(buf);
    return EXIT_OK;
}
