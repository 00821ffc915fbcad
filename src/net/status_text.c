/* status_text.c — version query and status text.  The texts are our own
   words, written for a Linux user: what happened and, where it helps, what
   to check. */
#include <lmerr.h>
#include <netapibuf.h>

#include "platform/platform.h"

NBI_EXPORT const char *netapibuf_version(void)
{
    return NETAPIBUF_VERSION_STRING;
}

NBI_EXPORT int netapibuf_version_number(void)
{
    return NETAPIBUF_VERSION_NUMBER;
}

NBI_EXPORT const char *netapibuf_status_text(NET_API_STATUS status)
{
    switch (status) {
    case NERR_Success:
        return "Success.";
    case ERROR_FILE_NOT_FOUND:
        return "A file the call needs does not exist.";
    case ERROR_ACCESS_DENIED:
        return "Permission denied: the account in use may not do this (as root, or with the "
               "server's administrator credentials, it may).";
    case ERROR_INVALID_HANDLE:
        return "The handle passed in is not valid, or has been closed.";
    case ERROR_NOT_ENOUGH_MEMORY:
        return "Out of memory: the result could not be allocated.";
    case ERROR_SHARING_VIOLATION:
        return "The file is in use by another process and cannot be opened now.";
    case ERROR_NOT_SUPPORTED:
        return "This call cannot be answered here (for example, a request for a remote server in "
               "a build without remote support).";
    case ERROR_REM_NOT_LIST:
        return "The remote computer was not found on the network.";
    case ERROR_DUP_NAME:
        return "Another computer on the network already uses this name.";
    case ERROR_BAD_NETPATH:
        return "The server name does not resolve, or the server does not answer: check the name, "
               "DNS and that the server is up.";
    case ERROR_BAD_NET_RESP:
        return "The server does not support this request.";
    case ERROR_UNEXP_NET_ERR:
        return "The network failed in an unexpected way while the call was in progress.";
    case ERROR_NETNAME_DELETED:
        return "The connection to the server was lost.";
    case ERROR_NETWORK_ACCESS_DENIED:
        return "The server refused access over the network.";
    case ERROR_BAD_NET_NAME:
        return "The server has no share or service of that name.";
    case ERROR_FILE_EXISTS:
        return "A file of that name exists already.";
    case ERROR_INVALID_PASSWORD:
        return "The password is not valid.";
    case ERROR_INVALID_PARAMETER:
        return "An argument is invalid: a required pointer is NULL, or a value is out of range.";
    case ERROR_BUFFER_OVERFLOW:
        return "A name or path is longer than allowed.";
    case ERROR_CALL_NOT_IMPLEMENTED:
        return "This function is not implemented here.";
    case ERROR_SEM_TIMEOUT:
        return "The operation timed out.";
    case ERROR_INSUFFICIENT_BUFFER:
        return "The buffer passed in is too small for the answer.";
    case ERROR_INVALID_NAME:
        return "The name is malformed (a server name cannot be \"\\\\\" or \"\\\\\\\\\" alone, "
               "nor contain a slash or backslash).";
    case ERROR_INVALID_LEVEL:
        return "This function does not support the information level requested.";
    case ERROR_MOD_NOT_FOUND:
        return "A library the call needs is missing: remote servers are reached through Samba's "
               "client library libnetapi.so.1; install Debian's samba-libs package.";
    case ERROR_BAD_PATHNAME:
        return "The path is not valid.";
    case ERROR_ALREADY_EXISTS:
        return "It exists already.";
    case ERROR_MORE_DATA:
        return "More entries are available: free this buffer and call again with the resume "
               "handle.";
    case ERROR_NO_MORE_ITEMS:
        return "There are no more entries.";
    case ERROR_CAN_NOT_COMPLETE:
        return "The operation could not be finished.";
    case ERROR_INVALID_FLAGS:
        return "The flags contradict each other or are not defined.";
    case ERROR_NOT_FOUND:
        return "The item was not found.";
    case ERROR_INVALID_COMPUTERNAME:
        return "The computer name is malformed.";
    case ERROR_INVALID_DOMAINNAME:
        return "The domain name is malformed.";
    case ERROR_SESSION_CREDENTIAL_CONFLICT:
        return "This process is already connected to the server with other credentials.";
    case ERROR_CONNECTION_REFUSED:
        return "The server refused the connection: the service is not running or a firewall "
               "blocks it.";
    case ERROR_NETWORK_UNREACHABLE:
        return "No route to the server's network.";
    case ERROR_HOST_UNREACHABLE:
        return "No route to the server.";
    case ERROR_NO_LOGON_SERVERS:
        return "No domain controller is available to check the credentials.";
    case ERROR_NO_SUCH_LOGON_SESSION:
        return "The logon session does not exist (it may have ended).";
    case ERROR_INVALID_ACCOUNT_NAME:
        return "The account name is malformed.";
    case ERROR_USER_EXISTS:
        return "A user account of that name exists already.";
    case ERROR_NO_SUCH_USER:
        return "No such user account.";
    case ERROR_GROUP_EXISTS:
        return "A group of that name exists already.";
    case ERROR_NO_SUCH_GROUP:
        return "No such group.";
    case ERROR_MEMBER_IN_GROUP:
        return "The account is a member of the group already, or the group still has members.";
    case ERROR_MEMBER_NOT_IN_GROUP:
        return "The account is not a member of the group.";
    case ERROR_LAST_ADMIN:
        return "Refused: this would leave no administrator account able to log on.";
    case ERROR_WRONG_PASSWORD:
        return "The current password given is wrong, so the password was not changed.";
    case ERROR_ILL_FORMED_PASSWORD:
        return "The new password contains characters that are not allowed.";
    case ERROR_PASSWORD_RESTRICTION:
        return "The new password does not meet the length, complexity or history rules.";
    case ERROR_LOGON_FAILURE:
        return "Logon failed: unknown user name or wrong password (check the credentials set "
               "with netapibuf_set_credentials).";
    case ERROR_ACCOUNT_RESTRICTION:
        return "The account's restrictions forbid this logon.";
    case ERROR_INVALID_LOGON_HOURS:
        return "The account may not log on at this time of day.";
    case ERROR_PASSWORD_EXPIRED:
        return "The account's password has expired.";
    case ERROR_ACCOUNT_DISABLED:
        return "The account is disabled.";
    case ERROR_NONE_MAPPED:
        return "None of the names or SIDs could be translated.";
    case ERROR_INVALID_SID:
        return "Not a valid security identifier: a SID reads S-1-<authority>-<sub-authority>..., "
               "with at most 15 sub-authorities.";
    case ERROR_NO_SUCH_DOMAIN:
        return "The domain does not exist, or none of its controllers answers.";
    case ERROR_INTERNAL_ERROR:
        return "An internal error occurred on the server.";
    case ERROR_SPECIAL_ACCOUNT:
        return "Built-in accounts cannot be changed this way.";
    case ERROR_SPECIAL_GROUP:
        return "Built-in groups cannot be changed this way.";
    case ERROR_MEMBERS_PRIMARY_GROUP:
        return "The account cannot leave this group while it is the account's primary group: "
               "give the account another primary group first.";
    case ERROR_NO_SUCH_ALIAS:
        return "No such local group.";
    case ERROR_MEMBER_NOT_IN_ALIAS:
        return "The account is not a member of the local group.";
    case ERROR_MEMBER_IN_ALIAS:
        return "The account is a member of the local group already.";
    case ERROR_ALIAS_EXISTS:
        return "A local group of that name exists already.";
    case ERROR_LOGON_TYPE_NOT_GRANTED:
        return "The account may not log on this way on that computer.";
    case ERROR_NO_SUCH_MEMBER:
        return "The member to add or remove has no account.";
    case ERROR_INVALID_MEMBER:
        return "That kind of account cannot be a member of a local group.";
    case ERROR_TIME_SKEW:
        return "The clocks of this machine and the server differ too much for Kerberos: "
               "synchronise them (NTP).";
    case RPC_S_INVALID_NET_ADDR:
        return "The server name is not a usable network address.";
    case RPC_S_SERVER_UNAVAILABLE:
        return "The server does not answer remote calls: it is down, unreachable, or a firewall "
               "blocks SMB (port 445).";
    case RPC_S_CALL_FAILED:
        return "The remote call failed on the way.";
    case RPC_S_PROCNUM_OUT_OF_RANGE:
        return "The server does not offer this remote operation.";
    case ERROR_NO_TRUST_SAM_ACCOUNT:
        return "The domain has no computer account for this machine.";
    case ERROR_TRUSTED_RELATIONSHIP_FAILURE:
        return "This machine's trust with its domain is broken: rejoin the domain.";
    case ERROR_PASSWORD_MUST_CHANGE:
        return "The password must be changed before the account can log on.";
    case ERROR_DOMAIN_CONTROLLER_NOT_FOUND:
        return "No domain controller of the domain was found.";
    case ERROR_ACCOUNT_LOCKED_OUT:
        return "The account is locked out after too many failed logons.";
    case NERR_NetNotStarted:
        return "The workstation service is not running.";
    case NERR_UnknownServer:
        return "The server cannot be found.";
    case NERR_ServerNotStarted:
        return "The server service is not running on that computer.";
    case NERR_UnknownDevDir:
        return "The folder to share does not exist on the server.";
    case NERR_DuplicateShare:
        return "A share of that name exists already.";
    case NERR_BufTooSmall:
        return "The answer does not fit in the buffer given.";
    case NERR_WkstaNotStarted:
        return "The workstation service is not running on that computer.";
    case NERR_InternalError:
        return "Internal error: a system database could not be read (NSS failed), or the library "
               "met a state it cannot handle.";
    case NERR_InvalidAPI:
        return "The server does not implement this call.";
    case NERR_NotLoggedOn:
        return "This workstation is not logged on to the network.";
    case NERR_BadUsername:
        return "The user or group name is not valid.";
    case NERR_BadPassword:
        return "The password is not valid.";
    case NERR_GroupNotFound:
        return "No group of that name (on this machine: none whose name matches it ignoring "
               "case either).";
    case NERR_UserNotFound:
        return "No user account of that name (on this machine: none whose name matches it "
               "ignoring case either).";
    case NERR_ResourceNotFound:
        return "No such resource.";
    case NERR_GroupExists:
        return "A group of that name exists already.";
    case NERR_UserExists:
        return "A user account of that name exists already.";
    case NERR_ResourceExists:
        return "Permissions for that resource exist already.";
    case NERR_NotPrimary:
        return "Only the domain's primary domain controller can do this.";
    case NERR_SpeGroupOp:
        return "Special groups cannot be changed this way.";
    case NERR_UserInGroup:
        return "The user is a member of the group already.";
    case NERR_UserNotInGroup:
        return "The user is not a member of the group.";
    case NERR_AccountUndefined:
        return "The user account is not defined.";
    case NERR_AccountExpired:
        return "The user account has expired.";
    case NERR_InvalidWorkstation:
        return "The user may not log on from this workstation.";
    case NERR_InvalidLogonHours:
        return "The user may not log on at this time.";
    case NERR_PasswordExpired:
        return "The user's password has expired.";
    case NERR_PasswordCantChange:
        return "The user's password may not be changed.";
    case NERR_PasswordHistConflict:
        return "That password was used recently and cannot be used again yet.";
    case NERR_PasswordTooShort:
        return "The password does not meet the password policy (length, complexity or history).";
    case NERR_PasswordTooRecent:
        return "The password was changed too recently to change it again.";
    case NERR_InvalidDatabase:
        return "The account database is damaged.";
    case NERR_DatabaseUpToDate:
        return "The account database copy is up to date: nothing to replicate.";
    case NERR_SyncRequired:
        return "The account database copy is out of date and must be synchronised.";
    case NERR_UseNotFound:
        return "No such network connection.";
    case NERR_NoComputerName:
        return "The computer name could not be registered as a message alias.";
    case NERR_NetNameNotFound:
        return "The server has no share of that name.";
    case NERR_FileIdNotFound:
        return "No open file has that identifier.";
    case NERR_InvalidComputer:
        return "The computer name is not valid.";
    case NERR_ShareNotFound:
        return "The share this connection used no longer exists.";
    case NERR_LastAdmin:
        return "Refused: this is the last administrator account.";
    case NERR_DCNotFound:
        return "No domain controller of the domain was found.";
    case NERR_LogonTrackingError:
        return "The user's logon information could not be recorded.";
    case NERR_NetlogonNotStarted:
        return "The Netlogon service is not running.";
    case NERR_SetupAlreadyJoined:
        return "This computer is already a member of a domain.";
    case NERR_SetupNotJoined:
        return "This computer is not a member of a domain.";
    case NERR_SetupDomainController:
        return "A domain controller cannot leave its domain this way.";
    case NERR_DefaultJoinRequired:
        return "The domain controller cannot create the computer account in that organisational "
               "unit.";
    case NERR_InvalidWorkgroupName:
        return "The workgroup name is not valid.";
    case NERR_PasswordMustChange:
        return "The password must be changed at the next logon.";
    case NERR_AccountLockedOut:
        return "The account is locked out.";
    case NERR_PasswordTooLong:
        return "The password is too long.";
    case NERR_PasswordNotComplexEnough:
        return "The password is not complex enough for the policy.";
    case NERR_PasswordFilterError:
        return "The password was rejected by the server's password filter.";
    }
    return "Unknown status";
}
