/*
 * server_name.h — layer 5: which machine a Net* function's server name
 * means (docs/behaviour.md section 5): this one, another one, or none at all.
 */
#ifndef NBI_NET_SERVER_NAME_H
#define NBI_NET_SERVER_NAME_H

#include <lmcons.h>

#include "platform/platform.h"

enum nbi_server {
    NBI_SERVER_LOCAL,    /* this machine: answered from its own databases */
    NBI_SERVER_REMOTE,   /* another machine: answered through Samba's engine */
    NBI_SERVER_MALFORMED /* not a name: ERROR_INVALID_NAME */
};

/*
 * Classify servername.  This machine is NULL, "", "localhost", the host
 * name (as gethostname gives it, or its first label), a fully qualified
 * name whose first label is the host's and which resolves to one of this
 * host's addresses, 127.0.0.1, ::1, or the address of one of this host's
 * interfaces; each with or without a leading "\\\\" and in any case.
 * Malformed: nothing after the backslashes ("\\", "\\\\"), or a backslash
 * or slash inside the name.  Anything else is another machine (no name
 * resolution is done for it here: Samba's engine resolves it).
 */
NBI_INTERNAL enum nbi_server nbi_server_classify(LPCSTR servername);

/* servername without its leading "\\\\" (or its single leading "\\"). */
NBI_INTERNAL LPCSTR nbi_server_bare(LPCSTR servername);

#endif /* NBI_NET_SERVER_NAME_H */
