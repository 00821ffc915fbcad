/* cmd_time.c — `netapi time`: the time of day (NetRemoteTOD). */
#include <time.h>

#include "cli.h"

static int show_time(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    LPBYTE buf = NULL;
    NET_API_STATUS nst = NetRemoteTOD(opt->server, &buf);
    if (nst != NERR_Success)
        return api_error("NetRemoteTOD", nst);
    const TIME_OF_DAY_INFO *tod = (const TIME_OF_DAY_INFO *)buf;
    doc_begin(opt, "time");
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
    struct kv *kv = kv_begin(opt, "record");
    kv_record(kv, &tod_records.descs[0], tod);
    kv_end(kv);
    NetApiBufferFree(buf);
    doc_end(opt);
    return EXIT_OK;
}

static const struct form forms[] = {
    {NULL, "", 0, 0, 0, "NetRemoteTOD: the time, its parts and the time zone.", show_time},
};

const struct command time_command = {"time", "the time of day", FORMS(forms)};
