/* host.c — this machine's name, domain and kernel version (see host.h). */
#include "local/host.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

/* A number of at most 9 digits at *s (so it cannot overflow a DWORD), or 0. */
static DWORD leading_number(const char **s)
{
    DWORD v = 0;
    int digits = 0;
    while (**s >= '0' && **s <= '9') {
        if (digits++ < 9)
            v = v * 10 + (DWORD)(**s - '0');
        (*s)++;
    }
    return v;
}

void nbi_host_parse_release(const char *release, DWORD *major, DWORD *minor)
{
    const char *s = release;
    *major = leading_number(&s);
    *minor = 0;
    if (*s == '.') {
        s++;
        *minor = leading_number(&s);
    }
}

NET_API_STATUS nbi_host_query(struct nbi_host *host)
{
    struct utsname u;
    int saved = errno;
    int failed = uname(&u) != 0 || gethostname(host->name, sizeof host->name) != 0;
    errno = saved;
    if (failed)
        return NERR_InternalError;
    host->name[sizeof host->name - 1] = '\0';
    /* Linux reports "(none)" when no NIS domain is set; Windows and Samba
       call an unnamed workgroup WORKGROUP. */
    const char *domain = u.domainname;
    if (!domain[0] || strcmp(domain, "(none)") == 0)
        domain = "WORKGROUP";
    snprintf(host->langroup, sizeof host->langroup, "%s", domain);
    snprintf(host->comment, sizeof host->comment, "%.100s %.100s", u.sysname, u.release);
    nbi_host_parse_release(u.release, &host->ver_major, &host->ver_minor);
    return NERR_Success;
}

NET_API_STATUS nbi_host_info_start(DWORD level, struct nbi_host *host)
{
    if (level != 100 && level != 101 && level != 102)
        return ERROR_INVALID_LEVEL;
    return nbi_host_query(host);
}
