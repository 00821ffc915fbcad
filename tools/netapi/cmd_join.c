/* cmd_join.c — `netapi join`: the workgroup or domain a machine belongs to
   (NetGetJoinInformation). */
#include "cli.h"

static int show_join(const struct options *opt, char **args, int nargs)
{
    (void)args, (void)nargs;
    LMSTR name = NULL;
    NETSETUP_JOIN_STATUS status = NetSetupUnknownStatus;
    NET_API_STATUS st = NetGetJoinInformation(opt->server, &name, &status);
    if (st != NERR_Success)
        return api_error("NetGetJoinInformation", st);
    struct join_info info = {name, (DWORD)status};
    doc_begin(opt, "join");
    struct kv *kv = kv_begin(opt, "record");
    kv_record(kv, &join_records.descs[0], &info);
    kv_end(kv);
    NetApiBufferFree(name);
    doc_end(opt);
    return EXIT_OK;
}

static const struct form forms[] = {
    {NULL, "", 0, 0, 0,
     "The workgroup or domain the machine belongs to, and which of the two it is\n"
     "(NetGetJoinInformation: Workgroup member, Domain member, Not joined).",
     show_join},
};

const struct command join_command = {"join", "the workgroup or domain a machine belongs to",
                                     FORMS(forms)};
