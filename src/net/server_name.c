/* server_name.c — this machine, another one, or a malformed name. */
#include "net/server_name.h"

#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

LPCSTR nbi_server_bare(LPCSTR servername)
{
    if (servername[0] == '\\')
        servername += servername[1] == '\\' ? 2 : 1;
    return servername;
}

/* One address, IPv4 or IPv6, in a form that compares with memcmp. */
struct address {
    int family;
    unsigned char bytes[16];
};

static int address_parse(const char *text, struct address *a)
{
    memset(a, 0, sizeof *a);
    if (inet_pton(AF_INET, text, a->bytes) == 1) {
        a->family = AF_INET;
        return 1;
    }
    if (inet_pton(AF_INET6, text, a->bytes) == 1) {
        a->family = AF_INET6;
        return 1;
    }
    return 0;
}

static int address_of_sockaddr(const struct sockaddr *sa, struct address *a)
{
    memset(a, 0, sizeof *a);
    if (!sa)
        return 0;
    if (sa->sa_family == AF_INET) {
        a->family = AF_INET;
        memcpy(a->bytes, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
        return 1;
    }
    if (sa->sa_family == AF_INET6) {
        a->family = AF_INET6;
        memcpy(a->bytes, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16);
        return 1;
    }
    return 0;
}

/* Is a this host's: the loopback addresses Samba's client calls local
   (127.0.0.1 and ::1, not the rest of 127/8), or an interface's address? */
static int address_is_ours(const struct address *a)
{
    static const unsigned char v4_loopback[4] = {127, 0, 0, 1};
    if (a->family == AF_INET && memcmp(a->bytes, v4_loopback, 4) == 0)
        return 1;
    if (a->family == AF_INET6 && memcmp(a->bytes, &in6addr_loopback, 16) == 0)
        return 1;
    struct ifaddrs *list;
    if (getifaddrs(&list) != 0)
        return 0;
    int ours = 0;
    for (struct ifaddrs *i = list; i && !ours; i = i->ifa_next) {
        struct address mine;
        ours = address_of_sockaddr(i->ifa_addr, &mine) && mine.family == a->family &&
               memcmp(mine.bytes, a->bytes, sizeof mine.bytes) == 0;
    }
    freeifaddrs(list);
    return ours;
}

/* Does name (a fully qualified name starting with the host's first label)
   resolve to one of this host's addresses?  Only such names get a lookup,
   so a name of another machine never waits for a resolver here. */
static int resolves_to_us(const char *name)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(name, NULL, &hints, &res) != 0)
        return 0;
    int ours = 0;
    for (struct addrinfo *r = res; r && !ours; r = r->ai_next) {
        struct address a;
        ours = address_of_sockaddr(r->ai_addr, &a) && address_is_ours(&a);
    }
    freeaddrinfo(res);
    return ours;
}

static int names_this_host(const char *name)
{
    if (strcasecmp(name, "localhost") == 0)
        return 1;
    char host[256];
    if (gethostname(host, sizeof host) != 0)
        return 0;
    host[sizeof host - 1] = '\0';
    if (strcasecmp(name, host) == 0)
        return 1;
    size_t host_label = strcspn(host, ".");
    size_t name_label = strcspn(name, ".");
    if (name_label != host_label || strncasecmp(name, host, host_label) != 0)
        return 0;
    /* "host" for "host.example.org", or "host.example.org" for "host" */
    if (!name[name_label] || !host[host_label])
        return !name[name_label] || resolves_to_us(name);
    return 0;
}

enum nbi_server nbi_server_classify(LPCSTR servername)
{
    if (!servername || !servername[0])
        return NBI_SERVER_LOCAL;
    const char *name = nbi_server_bare(servername);
    if (!name[0] || strpbrk(name, "\\/"))
        return NBI_SERVER_MALFORMED;
    for (const unsigned char *c = (const unsigned char *)name; *c; c++)
        if (*c <= ' ' || *c == 0x7F || strchr("*?\"<>|", *c))
            return NBI_SERVER_UNREACHABLE;
    int saved = errno;
    struct address a;
    int local = address_parse(name, &a) ? address_is_ours(&a) : names_this_host(name);
    errno = saved;
    return local ? NBI_SERVER_LOCAL : NBI_SERVER_REMOTE;
}
