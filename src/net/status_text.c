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
    case ERROR_ACCESS_DENIED:
        return "Access is denied.";
    case ERROR_NOT_ENOUGH_MEMORY:
        return "Not enough memory resources are available to process this command.";
    case ERROR_NOT_SUPPORTED:
        return "The request is not supported.";
    case ERROR_INVALID_PARAMETER:
        return "The parameter is incorrect.";
    case ERROR_INVALID_NAME:
        return "The filename, directory name, or volume label syntax is incorrect.";
    case ERROR_INVALID_LEVEL:
        return "The system call level is not correct.";
    case ERROR_MORE_DATA:
        return "More data is available.";
    case NERR_BufTooSmall:
        return "The API return buffer is too small.";
    case NERR_InternalError:
        return "An internal error occurred.";
    case NERR_GroupNotFound:
        return "The group name could not be found.";
    case NERR_UserNotFound:
        return "The user name could not be found.";
    case NERR_InvalidComputer:
        return "This computer name is invalid.";
    }
    return "Unknown status";
}
