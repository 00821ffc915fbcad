/* cmd_dc.c — `netapi dc [DOMAIN]`: a domain controller of a domain
   (DsGetDcName). */
#include "cli.h"

static int show_dc(const struct options *opt, char **args, int nargs)
{
    PDOMAIN_CONTROLLER_INFO info = NULL;
    NET_API_STATUS st =
        DsGetDcName(opt->server, nargs ? args[0] : NULL, NULL, NULL, 0, &info);
    if (st != NERR_Success)
        return api_error("DsGetDcName", st);
    return print_record(opt, "dc", "DsGetDcName", &dc_records, 0, info);
}

static const struct form forms[] = {
    {NULL, "[DOMAIN]", 0, 1, 0,
     "A domain controller of DOMAIN (a NetBIOS or DNS name; without it, the domain\n"
     "of the machine asked): its name, address, domain, forest, site and what it is\n"
     "(DsGetDcName, no flags).  Without a server, this machine looks for one\n"
     "(DNS, CLDAP); with one, that server is asked.  A machine in a workgroup, or a\n"
     "domain nobody answers for: error 1355.",
     show_dc},
};

const struct command dc_command = {"dc", "find a domain controller of a domain", FORMS(forms)};
