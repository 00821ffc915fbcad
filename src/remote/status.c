/* status.c — Samba's answers as Windows' statuses (see status.h). */
#include "remote/status.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/server_name.h"

/* NTSTATUS values and the Windows errors Windows maps them to. */
static const struct {
    uint32_t nt;
    NET_API_STATUS win;
} nt_map[] = {
    {0xC0000002u, ERROR_NOT_SUPPORTED},          /* NOT_IMPLEMENTED */
    {0xC0000008u, ERROR_INVALID_HANDLE},         /* INVALID_HANDLE */
    {0xC000000Du, ERROR_INVALID_PARAMETER},      /* INVALID_PARAMETER */
    {0xC0000017u, ERROR_NOT_ENOUGH_MEMORY},      /* NO_MEMORY */
    {0xC0000022u, ERROR_ACCESS_DENIED},          /* ACCESS_DENIED */
    {0xC0000063u, ERROR_USER_EXISTS},            /* USER_EXISTS */
    {0xC0000064u, ERROR_NO_SUCH_USER},           /* NO_SUCH_USER */
    {0xC0000065u, ERROR_GROUP_EXISTS},           /* GROUP_EXISTS */
    {0xC0000066u, ERROR_NO_SUCH_GROUP},          /* NO_SUCH_GROUP */
    {0xC0000067u, ERROR_MEMBER_IN_GROUP},        /* MEMBER_IN_GROUP */
    {0xC0000068u, ERROR_MEMBER_NOT_IN_GROUP},    /* MEMBER_NOT_IN_GROUP */
    {0xC0000069u, ERROR_LAST_ADMIN},             /* LAST_ADMIN */
    {0xC000006Au, ERROR_WRONG_PASSWORD},         /* WRONG_PASSWORD */
    {0xC000006Bu, ERROR_ILL_FORMED_PASSWORD},    /* ILL_FORMED_PASSWORD */
    {0xC000006Cu, ERROR_PASSWORD_RESTRICTION},   /* PASSWORD_RESTRICTION */
    {0xC000006Du, ERROR_LOGON_FAILURE},          /* LOGON_FAILURE */
    {0xC000006Eu, ERROR_ACCOUNT_RESTRICTION},    /* ACCOUNT_RESTRICTION */
    {0xC000006Fu, ERROR_INVALID_LOGON_HOURS},    /* INVALID_LOGON_HOURS */
    {0xC0000071u, ERROR_PASSWORD_EXPIRED},       /* PASSWORD_EXPIRED */
    {0xC0000072u, ERROR_ACCOUNT_DISABLED},       /* ACCOUNT_DISABLED */
    {0xC0000073u, ERROR_NONE_MAPPED},            /* NONE_MAPPED */
    {0xC00000B5u, ERROR_SEM_TIMEOUT},            /* IO_TIMEOUT */
    {0xC00000BBu, ERROR_NOT_SUPPORTED},          /* NOT_SUPPORTED */
    {0xC00000CCu, ERROR_BAD_NET_NAME},           /* BAD_NETWORK_NAME */
    {0xC00000DFu, ERROR_NO_SUCH_DOMAIN},         /* NO_SUCH_DOMAIN */
    {0xC0000151u, ERROR_NO_SUCH_ALIAS},          /* NO_SUCH_ALIAS */
    {0xC0000152u, ERROR_MEMBER_NOT_IN_ALIAS},    /* MEMBER_NOT_IN_ALIAS */
    {0xC0000153u, ERROR_MEMBER_IN_ALIAS},        /* MEMBER_IN_ALIAS */
    {0xC0000154u, ERROR_ALIAS_EXISTS},           /* ALIAS_EXISTS */
    {0xC000015Bu, ERROR_LOGON_FAILURE},          /* LOGON_TYPE_NOT_GRANTED */
    {0xC000020Cu, ERROR_NETNAME_DELETED},        /* CONNECTION_DISCONNECTED */
    {0xC0000224u, ERROR_PASSWORD_MUST_CHANGE},   /* PASSWORD_MUST_CHANGE */
    {0xC0000234u, ERROR_ACCOUNT_LOCKED_OUT},     /* ACCOUNT_LOCKED_OUT */
    {0xC0000236u, ERROR_CONNECTION_REFUSED},     /* CONNECTION_REFUSED */
    {0xC000023Cu, ERROR_NETWORK_UNREACHABLE},    /* NETWORK_UNREACHABLE */
    {0xC000023Du, ERROR_HOST_UNREACHABLE},       /* HOST_UNREACHABLE */
    {0xC0020017u, ERROR_BAD_NETPATH},            /* RPC_NT_SERVER_UNAVAILABLE */
};

NET_API_STATUS nbi_status_from_nt(uint32_t ntstatus)
{
    if (ntstatus == 0)
        return NERR_Success;
    for (size_t i = 0; i < sizeof nt_map / sizeof *nt_map; i++)
        if (nt_map[i].nt == ntstatus)
            return nt_map[i].win;
    /* Success and information codes (severity 0 and 1) are no failure. */
    return (ntstatus >> 30) < 2 ? NERR_Success : NERR_InternalError;
}

/* Does a TCP connection to addr succeed within timeout_ms? */
static int port_answers(const struct addrinfo *addr, int timeout_ms)
{
    int fd = socket(addr->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return 0;
    int ok = connect(fd, addr->ai_addr, addr->ai_addrlen) == 0;
    if (!ok && errno == EINPROGRESS) {
        struct pollfd p = {fd, POLLOUT, 0};
        int error = 0;
        socklen_t len = sizeof error;
        ok = poll(&p, 1, timeout_ms) == 1 &&
             getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0;
    }
    close(fd);
    return ok;
}

int nbi_server_answers(const char *server)
{
    static const char *const ports[] = {"445", "139"};
    const char *name = nbi_server_bare(server);
    int saved = errno, answers = 0;
    for (size_t p = 0; p < 2 && !answers; p++) {
        struct addrinfo hints, *res = NULL;
        memset(&hints, 0, sizeof hints);
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        if (getaddrinfo(name, ports[p], &hints, &res) != 0)
            break; /* the name does not resolve: no port will answer */
        for (struct addrinfo *a = res; a && !answers; a = a->ai_next)
            answers = port_answers(a, 3000);
        freeaddrinfo(res);
    }
    errno = saved;
    return answers;
}

/* What "not found" is for noun, or 0 when a not-found status stays. */
static NET_API_STATUS not_found(enum nbi_noun noun)
{
    switch (noun) {
    case NBI_NOUN_USER: return NERR_UserNotFound;
    case NBI_NOUN_GROUP:
    case NBI_NOUN_LOCALGROUP: return NERR_GroupNotFound;
    case NBI_NOUN_SHARE: return NERR_NetNameNotFound;
    case NBI_NOUN_FILE: return NERR_FileIdNotFound;
    case NBI_NOUN_NONE: break;
    }
    return 0;
}

NET_API_STATUS nbi_remote_status(uint32_t status, enum nbi_noun noun, const char *server)
{
    if (status >= 0xC0000000u)
        status = nbi_status_from_nt(status);
    /* Samba answers NetLocalGroupGetInfo for a global group's name with
       ERROR_INVALID_SID: Windows says no such local group. */
    if (status == ERROR_INVALID_SID && noun == NBI_NOUN_LOCALGROUP)
        return NERR_GroupNotFound;
    switch (status) {
    case ERROR_NONE_MAPPED:
    case ERROR_NO_SUCH_USER:
    case ERROR_NO_SUCH_GROUP:
    case ERROR_NO_SUCH_ALIAS:
    case NERR_UserNotFound:
    case NERR_GroupNotFound:
        return not_found(noun) ? not_found(noun) : status;
    case ERROR_CONNECTION_REFUSED:
    case ERROR_HOST_UNREACHABLE:
    case ERROR_NETWORK_UNREACHABLE:
        return ERROR_BAD_NETPATH;
    case ERROR_CAN_NOT_COMPLETE:
        /* libnetapi could not open its IPC$ connection and kept only a
           text saying so: tell the unreachable server from the refused
           logon by asking the network ourselves. */
        return nbi_server_answers(server) ? ERROR_LOGON_FAILURE : ERROR_BAD_NETPATH;
    default:
        return status;
    }
}

/* ---- issue 11, management (status.h) ----------------------------------------- */

/* NTSTATUS values of account and membership changes that nt_map leaves out. */
static const struct {
    uint32_t nt;
    NET_API_STATUS win;
} write_nt_map[] = {
    {0xC0000035u, ERROR_ALREADY_EXISTS},        /* OBJECT_NAME_COLLISION */
    {0xC0000062u, ERROR_INVALID_ACCOUNT_NAME},  /* INVALID_ACCOUNT_NAME */
    {0xC0000078u, 1337},                        /* INVALID_SID */
    {0xC0000127u, ERROR_MEMBERS_PRIMARY_GROUP}, /* MEMBERS_PRIMARY_GROUP */
    {0xC000017Au, ERROR_NO_SUCH_MEMBER},        /* NO_SUCH_MEMBER */
    {0xC000017Bu, ERROR_INVALID_MEMBER},        /* INVALID_MEMBER */
};

#define ERROR_INVALID_DATATYPE 1804           /* libnetapi: the name is not of that kind */
#define ERROR_DS_OBJ_STRING_NAME_EXISTS 8305 /* a domain controller: the name is taken */

NET_API_STATUS nbi_remote_write_status(uint32_t status, enum nbi_noun noun, const char *server)
{
    if (status >= 0xC0000000u) {
        for (size_t i = 0; i < sizeof write_nt_map / sizeof *write_nt_map; i++)
            if (write_nt_map[i].nt == status)
                return write_nt_map[i].win;
        status = nbi_status_from_nt(status);
    }
    int alias = noun == NBI_NOUN_LOCALGROUP;
    switch (status) {
    case NERR_UserNotFound:
    case NERR_GroupNotFound:
        return status; /* said by who knew which name it was (samr_mgmt.c, libnetapi) */
    case ERROR_USER_EXISTS: return NERR_UserExists;
    case ERROR_GROUP_EXISTS: return NERR_GroupExists;
    case ERROR_MEMBER_IN_GROUP: return alias ? ERROR_MEMBER_IN_ALIAS : NERR_UserInGroup;
    case ERROR_MEMBER_NOT_IN_GROUP: return alias ? ERROR_MEMBER_NOT_IN_ALIAS : NERR_UserNotInGroup;
    case ERROR_PASSWORD_RESTRICTION: return NERR_PasswordTooShort;
    case ERROR_WRONG_PASSWORD: return ERROR_INVALID_PASSWORD;
    case ERROR_INVALID_DATATYPE:
        /* the name is an account of another kind: "no such group" (or user) */
        return not_found(noun) ? not_found(noun) : status;
    case ERROR_DS_OBJ_STRING_NAME_EXISTS:
        switch (noun) {
        case NBI_NOUN_USER: return NERR_UserExists;
        case NBI_NOUN_GROUP: return NERR_GroupExists;
        case NBI_NOUN_LOCALGROUP: return ERROR_ALIAS_EXISTS;
        default: return status;
        }
    default: return nbi_remote_status(status, noun, server);
    }
}
