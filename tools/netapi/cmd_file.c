/* cmd_file.c — `netapi file`: the files a server's clients have open, one
   of them, and closing one. */
#include "cli.h"

struct query {
    const struct options *opt;
    DWORD_PTR resume;
};

static NET_API_STATUS fetch(void *ctx, DWORD level, DWORD prefmaxlen, LPBYTE *bufptr,
                            LPDWORD entriesread, LPDWORD totalentries)
{
    struct query *q = ctx;
    return NetFileEnum((LMSTR)(uintptr_t)q->opt->server, NULL, NULL, level, bufptr, prefmaxlen,
                       entriesread, totalentries, &q->resume);
}

static int list_files(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    struct query q = {opt, 0};
    return show_listing(opt, "file", "Open files", &file_records, 3, "NetFileEnum", fetch, &q);
}

/* The file id of an argument: a decimal number, or a usage error. */
static int file_id(const char *arg, DWORD *id)
{
    if (parse_decimal(arg, id) != 0)
        return usage_error("a file ID is a decimal number, not '%s'", arg);
    return EXIT_OK;
}

static int show_file(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    DWORD id, level = opt->given & OPT_LEVEL ? opt->level : 3;
    int st = file_id(args[0], &id);
    if (st != EXIT_OK)
        return st;
    LPBYTE buf = NULL;
    NET_API_STATUS nst = NetFileGetInfo((LMSTR)(uintptr_t)opt->server, id, level, &buf);
    if (nst != NERR_Success)
        return api_error("NetFileGetInfo", nst);
    return print_record(opt, "file", "NetFileGetInfo", &file_records, level, buf);
}

static int close_file(const struct options *opt, char **args, int nargs)
{
    (void)nargs;
    DWORD id;
    int st = file_id(args[0], &id);
    if (st != EXIT_OK)
        return st;
    NET_API_STATUS nst = NetFileClose((LMSTR)(uintptr_t)opt->server, id);
    if (nst != NERR_Success)
        return api_error("NetFileClose", nst);
    struct kv *kv = result_begin(opt, "file", "close");
    kv_number(kv, "id", NULL, id);
    return result_end(kv, "File %u closed", (unsigned)id);
}

static const struct form forms[] = {
    {NULL, "", 0, 0, OPT_LEVEL | OPT_PREFMAXLEN,
     "Every file the server's clients have open, as a table (NetFileEnum, level 3\n"
     "unless --level: 2, 3).  This machine: none when it shares no folder; when\n"
     "its Samba configuration shares folders, error 50 (their open files are\n"
     "Samba's to tell).",
     list_files},
    {NULL, "ID", 1, 1, OPT_LEVEL,
     "The open file ID (NetFileGetInfo, level 3 unless --level: 2, 3).", show_file},
    {"close", "ID", 1, 1, 0,
     "Close the open file ID, releasing its locks (NetFileClose).", close_file},
};

const struct command file_command = {"file", "list, show and close the files clients have open",
                                     FORMS(forms)};
