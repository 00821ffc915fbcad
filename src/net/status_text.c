/* text.c — version query and status text. */
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
        return "The operation completed successfully.";
    case ERROR_FILE_NOT_FOUND:
        return "The system cannot find the file specified.";
    case ERROR_ACCESS_DENIED:
        return "Access is denied.";
    case ERROR_INVALID_HANDLE:
        return "The handle is invalid.";
    case ERROR_NOT_ENOUGH_MEMORY:
        return "Not enough memory resources are available to process this command.";
    case ERROR_SHARING_VIOLATION:
        return "The process cannot access the file because it is being used by another process.";
    case ERROR_NOT_SUPPORTED:
        return "The request is not supported.";
    case ERROR_DUP_NAME:
        return "A duplicate name exists on the network.";
    case ERROR_BAD_NETPATH:
        return "The network path was not found.";
    case ERROR_UNEXP_NET_ERR:
        return "An unexpected network error occurred.";
    case ERROR_NETNAME_DELETED:
        return "The specified network name is no longer available.";
    case ERROR_BAD_NET_NAME:
        return "The network name cannot be found.";
    case ERROR_INVALID_PARAMETER:
        return "The parameter is incorrect.";
    case ERROR_BUFFER_OVERFLOW:
        return "The file name is too long.";
    case ERROR_CALL_NOT_IMPLEMENTED:
        return "This function is not supported on this system.";
    case ERROR_SEM_TIMEOUT:
        return "The semaphore timeout period has expired.";
    case ERROR_INSUFFICIENT_BUFFER:
        return "The data area passed to a system call is too small.";
    case ERROR_INVALID_NAME:
        return "The filename, directory name, or volume label syntax is incorrect.";
    case ERROR_INVALID_LEVEL:
        return "The system call level is not correct.";
    case ERROR_MOD_NOT_FOUND:
        return "A library the call needs is missing: remote servers are reached through "
               "Samba's client library libnetapi.so.1; install Debian's samba-libs package.";
    case ERROR_CAN_NOT_COMPLETE:
        return "The operation could not be completed.";
    case ERROR_ALREADY_EXISTS:
        return "Cannot create a file when that file already exists.";
    case ERROR_MORE_DATA:
        return "More data is available.";
    case ERROR_NO_MORE_ITEMS:
        return "No more data is available.";
    case ERROR_NOT_FOUND:
        return "Element not found.";
    case ERROR_INVALID_COMPUTERNAME:
        return "The format of the specified computer name is invalid.";
    case ERROR_INVALID_DOMAINNAME:
        return "The format of the specified domain name is invalid.";
    case ERROR_CONNECTION_REFUSED:
        return "The remote computer refused the network connection.";
    case ERROR_NETWORK_UNREACHABLE:
        return "The network location cannot be reached.";
    case ERROR_HOST_UNREACHABLE:
        return "The remote host cannot be reached.";
    case ERROR_NO_LOGON_SERVERS:
        return "There are currently no logon servers available to service the logon request.";
    case ERROR_NO_SUCH_LOGON_SESSION:
        return "A specified logon session does not exist. It may already have been terminated.";
    case ERROR_INVALID_ACCOUNT_NAME:
        return "The name provided is not a properly formed account name.";
    case ERROR_USER_EXISTS:
        return "The specified account already exists.";
    case ERROR_NO_SUCH_USER:
        return "The specified account does not exist.";
    case ERROR_GROUP_EXISTS:
        return "The specified group already exists.";
    case ERROR_NO_SUCH_GROUP:
        return "The specified group does not exist.";
    case ERROR_MEMBER_IN_GROUP:
        return "The specified user account is already a member of the specified group, or the "
               "group cannot be deleted because it contains a member.";
    case ERROR_MEMBER_NOT_IN_GROUP:
        return "The specified user account is not a member of the specified group account.";
    case ERROR_LAST_ADMIN:
        return "This operation is disallowed as it could result in an administration account "
               "being disabled, deleted or unable to log on.";
    case ERROR_WRONG_PASSWORD:
        return "Unable to update the password. The value provided as the current password is "
               "incorrect.";
    case ERROR_ILL_FORMED_PASSWORD:
        return "Unable to update the password. The value provided for the new password contains "
               "values that are not allowed in passwords.";
    case ERROR_PASSWORD_RESTRICTION:
        return "Unable to update the password. The value provided for the new password does not "
               "meet the length, complexity, or history requirements of the domain.";
    case ERROR_LOGON_FAILURE:
        return "The user name or password is incorrect.";
    case ERROR_ACCOUNT_RESTRICTION:
        return "Account restrictions are preventing this user from signing in.";
    case ERROR_INVALID_LOGON_HOURS:
        return "Your account has time restrictions that keep you from signing in right now.";
    case ERROR_PASSWORD_EXPIRED:
        return "The password for this account has expired.";
    case ERROR_ACCOUNT_DISABLED:
        return "This user can't sign in because this account is currently disabled.";
    case ERROR_NONE_MAPPED:
        return "No mapping between account names and security IDs was done.";
    case ERROR_NO_SUCH_DOMAIN:
        return "The specified domain either does not exist or could not be contacted.";
    case ERROR_INTERNAL_ERROR:
        return "An internal error occurred.";
    case ERROR_SPECIAL_ACCOUNT:
        return "Cannot perform this operation on built-in accounts.";
    case ERROR_SPECIAL_GROUP:
        return "Cannot perform this operation on this built-in special group.";
    case ERROR_NO_SUCH_ALIAS:
        return "The specified local group does not exist.";
    case ERROR_MEMBER_NOT_IN_ALIAS:
        return "The specified account name is not a member of the group.";
    case ERROR_MEMBER_IN_ALIAS:
        return "The specified account name is already a member of the group.";
    case ERROR_ALIAS_EXISTS:
        return "The specified local group already exists.";
    case ERROR_NO_SUCH_MEMBER:
        return "A member could not be added to or removed from the local group because the "
               "member does not exist.";
    case ERROR_INVALID_MEMBER:
        return "A new member could not be added to a local group because the member has the "
               "wrong account type.";
    case RPC_S_SERVER_UNAVAILABLE:
        return "The RPC server is unavailable.";
    case RPC_S_CALL_FAILED:
        return "The remote procedure call failed.";
    case RPC_S_PROCNUM_OUT_OF_RANGE:
        return "The procedure number is out of range.";
    case ERROR_NO_TRUST_SAM_ACCOUNT:
        return "The security database on the server does not have a computer account for this "
               "workstation trust relationship.";
    case ERROR_PASSWORD_MUST_CHANGE:
        return "The user's password must be changed before signing in.";
    case ERROR_DOMAIN_CONTROLLER_NOT_FOUND:
        return "Could not find the domain controller for this domain.";
    case ERROR_ACCOUNT_LOCKED_OUT:
        return "The referenced account is currently locked out and may not be logged on to.";
    case NERR_NetNotStarted:
        return "The workstation driver is not installed.";
    case NERR_UnknownServer:
        return "The server could not be located.";
    case NERR_DuplicateShare:
        return "The name has already been shared.";
    case NERR_BufTooSmall:
        return "The API return buffer is too small.";
    case NERR_InternalError:
        return "An internal error occurred.";
    case NERR_InvalidAPI:
        return "The requested API is not supported on the remote server.";
    case NERR_NotLoggedOn:
        return "The workstation is not logged on to the local-area network.";
    case NERR_BadUsername:
        return "The user name or group name parameter is invalid.";
    case NERR_BadPassword:
        return "The password parameter is invalid.";
    case NERR_GroupNotFound:
        return "The group name could not be found.";
    case NERR_UserNotFound:
        return "The user name could not be found.";
    case NERR_ResourceNotFound:
        return "The resource name could not be found.";
    case NERR_GroupExists:
        return "The group already exists.";
    case NERR_UserExists:
        return "The user account already exists.";
    case NERR_ResourceExists:
        return "The resource permission list already exists.";
    case NERR_NotPrimary:
        return "This operation is only allowed on the primary domain controller of the domain.";
    case NERR_SpeGroupOp:
        return "This operation is not allowed on this special group.";
    case NERR_UserInGroup:
        return "The user already belongs to this group.";
    case NERR_UserNotInGroup:
        return "The user does not belong to this group.";
    case NERR_AccountUndefined:
        return "This user account is undefined.";
    case NERR_AccountExpired:
        return "This user account has expired.";
    case NERR_InvalidWorkstation:
        return "The user is not allowed to log on from this workstation.";
    case NERR_InvalidLogonHours:
        return "The user is not allowed to log on at this time.";
    case NERR_PasswordExpired:
        return "The password of this user has expired.";
    case NERR_PasswordCantChange:
        return "The password of this user cannot change.";
    case NERR_PasswordHistConflict:
        return "This password cannot be used now.";
    case NERR_PasswordTooShort:
        return "The password does not meet the password policy requirements.";
    case NERR_PasswordTooRecent:
        return "The password of this user is too recent to change.";
    case NERR_InvalidDatabase:
        return "The security database is corrupted.";
    case NERR_DatabaseUpToDate:
        return "No updates are necessary to this replicant network/local security database.";
    case NERR_SyncRequired:
        return "This replicant database is outdated; synchronization is required.";
    case NERR_UseNotFound:
        return "The network connection could not be found.";
    case NERR_NoComputerName:
        return "The computer name could not be added as a message alias.";
    case NERR_NetNameNotFound:
        return "This shared resource does not exist.";
    case NERR_FileIdNotFound:
        return "There is not an open file with that identification number.";
    case NERR_InvalidComputer:
        return "This computer name is invalid.";
    case NERR_ShareNotFound:
        return "The shared resource you are connected to could not be found.";
    case NERR_LastAdmin:
        return "This operation is not allowed on the last administrative account.";
    case NERR_DCNotFound:
        return "Could not find domain controller for this domain.";
    case NERR_LogonTrackingError:
        return "Could not set logon information for this user.";
    case NERR_NetlogonNotStarted:
        return "The Netlogon service has not been started.";
    case NERR_SetupAlreadyJoined:
        return "This computer is already joined to a domain.";
    case NERR_SetupNotJoined:
        return "This computer is not currently joined to a domain.";
    case NERR_SetupDomainController:
        return "This computer is a domain controller and cannot be unjoined from a domain.";
    case NERR_DefaultJoinRequired:
        return "The destination domain controller does not support creating machine accounts in "
               "OUs.";
    case NERR_InvalidWorkgroupName:
        return "The specified workgroup name is invalid.";
    case NERR_PasswordMustChange:
        return "The password must change at the next logon.";
    case NERR_AccountLockedOut:
        return "The account is locked out.";
    case NERR_PasswordTooLong:
        return "The password is too long.";
    case NERR_PasswordNotComplexEnough:
        return "The password does not meet the complexity policy.";
    case NERR_PasswordFilterError:
        return "The password does not meet the requirements of the password filter DLLs.";
    /* shares */
    case ERROR_FILE_EXISTS:
        return "The file exists.";
    case ERROR_BAD_PATHNAME:
        return "The specified path is invalid.";
    case NERR_UnknownDevDir:
        return "The device or directory does not exist.";
    case ERROR_INVALID_FLAGS:
        return "Invalid flags.";
    }
    return "Unknown status";
}
