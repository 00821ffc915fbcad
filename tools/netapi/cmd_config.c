/* cmd_config.c — `netapi config workstation` and `netapi config server`. */
#include "cli.h"

static int show_config(const struct options *opt, int server)
{
    DWORD level = opt->given & OPT_LEVEL ? opt->level : 102;
    LMSTR target = (LMSTR)(uintptr_t)opt->server;
    LPBYTE buf = NULL;
    NET_API_STATUS nst = server ? NetServerGetInfo(target, level, &buf)
                                : NetWkstaGetInfo(target, level, &buf);
    const char *function = server ? "NetServerGetInfo" : "NetWkstaGetInfo";
    if (nst != NERR_Success)
        return api_error(function, nst);
    return print_record(opt, "config", function, server ? &server_records : &wksta_records,
                        level, buf);
}

static int show_workstation(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    return show_config(opt, 0);
}

static int show_server(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    return show_config(opt, 1);
}

static const struct form forms[] = {
    {"workstation", "", 0, 0, OPT_LEVEL,
     "NetWkstaGetInfo, level 102 unless --level (100, 101, 102).", show_workstation},
    {"server", "", 0, 0, OPT_LEVEL,
     "NetServerGetInfo, level 102 unless --level (100, 101, 102).", show_server},
};

const struct command config_command = {"config", "the workstation or server information",
                                       FORMS(forms)};
