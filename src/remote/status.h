/*
 * status.h — layer 5, remote side: Windows' statuses for what Samba's
 * engine answers.
 *
 * libnetapi returns Windows error codes mostly, but not always the ones
 * Windows' own functions return: an unknown user is 1332
 * (ERROR_NONE_MAPPED, from the name lookup) where Windows says 2221
 * (NERR_UserNotFound), and any failure to reach or log on to a server is
 * 1003 (ERROR_CAN_NOT_COMPLETE, with the reason only in a text).  The
 * SAMR calls return NTSTATUS values.  Each remote function names what its
 * name argument is, and these functions turn Samba's answer into the
 * status Windows gives for it.
 */
#ifndef NBI_REMOTE_STATUS_H
#define NBI_REMOTE_STATUS_H

#include <stdint.h>

#include <lm.h>

#include "platform/platform.h"

/* What a function's name argument names: decides what "not found" is. */
enum nbi_noun {
    NBI_NOUN_NONE,       /* no name: a not-found status passes as it is */
    NBI_NOUN_USER,       /* NERR_UserNotFound */
    NBI_NOUN_GROUP,      /* NERR_GroupNotFound */
    NBI_NOUN_LOCALGROUP, /* NERR_GroupNotFound, as Windows answers for an alias */
    NBI_NOUN_SHARE,      /* NERR_NetNameNotFound */
    NBI_NOUN_FILE        /* NERR_FileIdNotFound */
};

/*
 * The Windows status for status, which a Samba call about server returned
 * (a WERROR, or an NTSTATUS when its top bits say so).  A failure to reach
 * or log on becomes ERROR_BAD_NETPATH when the server's name does not
 * resolve or nothing answers on the SMB ports, else ERROR_LOGON_FAILURE
 * (the only status that check takes time for: it follows a failure).
 */
NBI_INTERNAL NET_API_STATUS nbi_remote_status(uint32_t status, enum nbi_noun noun,
                                              const char *server);

/* The Windows error for an NTSTATUS (NT_STATUS_OK gives NERR_Success). */
NBI_INTERNAL NET_API_STATUS nbi_status_from_nt(uint32_t ntstatus);

/* Nonzero when a name or address for server answers on TCP port 445 or
   139 within a few seconds. */
NBI_INTERNAL int nbi_server_answers(const char *server);

/* ---- issue 11, management ----------------------------------------------------
 *
 * What a write (Add, Del, SetInfo, membership changes, password changes)
 * answers: Windows' own functions report a name that is taken, a member
 * already in (or not in) a group and a password the policy refuses with
 * the LAN Manager statuses (NERR_UserExists, NERR_GroupExists,
 * NERR_UserInGroup, NERR_UserNotInGroup, NERR_PasswordTooShort), and a
 * member of a local group with ERROR_MEMBER_IN_ALIAS / _NOT_IN_ALIAS,
 * where Samba passes SAMR's generic codes on (1316, 1318, 1320, 1321,
 * 1325; a domain controller 1320/1321 for local groups too).  Then as
 * nbi_remote_status.
 */
NBI_INTERNAL NET_API_STATUS nbi_remote_write_status(uint32_t status, enum nbi_noun noun,
                                                    const char *server);

#endif /* NBI_REMOTE_STATUS_H */
