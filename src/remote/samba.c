/* samba.c — loading Samba's client library into one table (see samba.h). */
#include "remote/samba.h"

#include <dlfcn.h>
#include <errno.h>
#include <string.h>

#include "platform/locks.h"

#define NETAPI_VERSION "NETAPI_1.0.0"
#define TALLOC_VERSION "TALLOC_2.0.2"
#define NDR_VERSION "NDR_STANDARD_0.0.1"
#define CREDENTIALS_VERSION "SAMBA_CREDENTIALS_1.0.0"
#define UTIL_VERSION "SAMBA_UTIL_0.0.1"
#define CONF_VERSION "SMBCONF_0.0.1"

/* Where each entry point goes in the table, and how it is named. */
struct entry {
    const char *name;
    const char *version; /* NULL: the default version */
    size_t offset;
};

#define NBI_ENTRY(name, ret, params) {#name, NETAPI_VERSION, offsetof(struct nbi_samba, name)},
static const struct entry netapi_entries[] = {NBI_SAMBA_NETAPI(NBI_ENTRY)};
#undef NBI_ENTRY
#define NBI_ENTRY(name, ret, params) {#name, TALLOC_VERSION, offsetof(struct nbi_samba, name)},
static const struct entry talloc_entries[] = {NBI_SAMBA_TALLOC(NBI_ENTRY)};
#undef NBI_ENTRY
#define NBI_ENTRY(name, ret, params) {#name, CREDENTIALS_VERSION, offsetof(struct nbi_samba, name)},
static const struct entry credentials_entries[] = {NBI_SAMBA_CREDENTIALS(NBI_ENTRY)};
#undef NBI_ENTRY
#define NBI_ENTRY(name, ret, params) {#name, UTIL_VERSION, offsetof(struct nbi_samba, name)},
static const struct entry util_entries[] = {NBI_SAMBA_UTIL(NBI_ENTRY)};
static const struct entry util_optional_entries[] = {NBI_SAMBA_UTIL_OPTIONAL(NBI_ENTRY)};
#undef NBI_ENTRY
#define NBI_ENTRY(name, ret, params) {#name, CONF_VERSION, offsetof(struct nbi_samba, name)},
static const struct entry conf_optional_entries[] = {NBI_SAMBA_CONF_OPTIONAL(NBI_ENTRY)};
#undef NBI_ENTRY
/* Samba's private libraries carry a version node per release: look their
   names up unversioned. */
#define NBI_ENTRY(name, ret, params) {#name, NULL, offsetof(struct nbi_samba, name)},
static const struct entry samr_entries[] = {
    NBI_SAMBA_SAMR(NBI_ENTRY){"ndr_table_samr", NDR_VERSION, offsetof(struct nbi_samba, ndr_table_samr)},
    {"ndr_table_lsarpc", NDR_VERSION, offsetof(struct nbi_samba, ndr_table_lsarpc)},
};
#undef NBI_ENTRY
/* Users, global groups and local groups: libnetapi's functions by version,
   the further SAMR and LSA calls by name (both optional). */
#define NBI_ENTRY(name, ret, params) {#name, NETAPI_VERSION, offsetof(struct nbi_samba, name)},
static const struct entry netapi_users_entries[] = {NBI_SAMBA_NETAPI_USERS(NBI_ENTRY)};
#undef NBI_ENTRY
#define NBI_ENTRY(name, ret, params) {#name, NULL, offsetof(struct nbi_samba, name)},
static const struct entry samr_mgmt_entries[] = {NBI_SAMBA_SAMR_MGMT(NBI_ENTRY)};
#undef NBI_ENTRY

/* Shares, files, server settings and join information (optional). */
#define NBI_ENTRY(name, ret, params) {#name, NULL, offsetof(struct nbi_samba, name)},
static const struct entry srvsvc_entries[] = {
    NBI_SAMBA_SRVSVC(NBI_ENTRY){"ndr_table_srvsvc", NDR_VERSION, offsetof(struct nbi_samba, ndr_table_srvsvc)},
};
#undef NBI_ENTRY
#define NBI_ENTRY(name, ret, params) {#name, NETAPI_VERSION, offsetof(struct nbi_samba, name)},
static const struct entry netapi_shares_entries[] = {NBI_SAMBA_NETAPI_SHARES(NBI_ENTRY)};
#undef NBI_ENTRY

static struct nbi_samba samba;
static const struct nbi_samba *loaded;
static nbi_once load_once = NBI_ONCE_INIT;
static int load_tried;

/* A symbol of the library or of the libraries it depends on (dlsym and
   dlvsym search a handle's whole dependency tree). */
static void *find(void *handle, const struct entry *e)
{
    return e->version ? dlvsym(handle, e->name, e->version) : dlsym(handle, e->name);
}

/* Fill the table slots of entries[0 .. n); nonzero when all were found. */
static int resolve(void *handle, const struct entry *entries, size_t n)
{
    int all = 1;
    for (size_t i = 0; i < n; i++) {
        void *p = find(handle, &entries[i]);
        memcpy((char *)&samba + entries[i].offset, &p, sizeof p);
        all &= p != NULL;
    }
    return all;
}

/*
 * Samba's event library registers its fork handlers at its first event
 * context (a pthread_once in tevent_context_init), which libnetapi makes
 * during a call, under our session lock.  One context made and freed here
 * registers them now, so that ours, registered again after them, run first
 * at fork (platform/locks.h, nbi_fork_protocol_first).
 */
static void register_tevent_fork_handlers(void *handle)
{
    void *(*make)(void *) = (void *(*)(void *))dlsym(handle, "tevent_context_init");
    int (*release)(void *, const char *) =
        (int (*)(void *, const char *))dlsym(handle, "_talloc_free");
    void *ev = make && release ? make(NULL) : NULL;
    if (ev)
        (void)release(ev, "netapibuf:fork-order");
}

static void load(void)
{
    int saved = errno;
    void *handle = dlopen("libnetapi.so.1", RTLD_NOW | RTLD_LOCAL);
    if (handle) {
        register_tevent_fork_handlers(handle);
        nbi_fork_protocol_first(); /* ours before tevent's at fork (locks.h) */
    }
    if (handle && resolve(handle, netapi_entries, sizeof netapi_entries / sizeof *netapi_entries) &&
        resolve(handle, talloc_entries, sizeof talloc_entries / sizeof *talloc_entries) &&
        resolve(handle, credentials_entries,
                sizeof credentials_entries / sizeof *credentials_entries) &&
        resolve(handle, util_entries, sizeof util_entries / sizeof *util_entries)) {
        samba.have_samr = resolve(handle, samr_entries, sizeof samr_entries / sizeof *samr_entries);
        samba.have_netapi_users = resolve(handle, netapi_users_entries,
                                          sizeof netapi_users_entries / sizeof *netapi_users_entries);
        samba.have_samr_mgmt = resolve(handle, samr_mgmt_entries,
                                       sizeof samr_mgmt_entries / sizeof *samr_mgmt_entries) &&
                               samba.have_samr;
        samba.have_srvsvc =
            resolve(handle, srvsvc_entries, sizeof srvsvc_entries / sizeof *srvsvc_entries);
        samba.have_netapi_shares = resolve(handle, netapi_shares_entries,
                                           sizeof netapi_shares_entries / sizeof *netapi_shares_entries);
        if (resolve(handle, util_optional_entries,
                    sizeof util_optional_entries / sizeof *util_optional_entries))
            samba.display_set_stderr();
        /* optional: a missing entry stays NULL (session.c checks) */
        (void)resolve(handle, conf_optional_entries,
                      sizeof conf_optional_entries / sizeof *conf_optional_entries);
        loaded = &samba;
    } else if (handle) {
        /* An incompatible libnetapi: unusable, and never unloaded (its
           destructors may have registered state). */
        memset(&samba, 0, sizeof samba);
    }
    (void)dlerror(); /* leave no error text behind for the program's own dlerror */
    __atomic_store_n(&load_tried, 1, __ATOMIC_RELEASE);
    errno = saved;
}

const struct nbi_samba *nbi_samba_load(NET_API_STATUS *status)
{
    nbi_call_once(&load_once, load);
    if (!loaded)
        *status = ERROR_MOD_NOT_FOUND;
    return loaded;
}

int nbi_samba_loaded(void)
{
    return __atomic_load_n(&load_tried, __ATOMIC_ACQUIRE) && loaded != NULL;
}
