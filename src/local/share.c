/*
 * share.c — this machine's shares, open files and domain membership, read
 * from its Samba configuration (smbconf.h).  Layer 5: the packer, the
 * resume table and the public API only.
 *
 * Field mapping, for a share of the configuration:
 *   shi*_netname       the section's name
 *   shi*_type          STYPE_DISKTREE, or STYPE_PRINTQ for a printable
 *                      share; | STYPE_SPECIAL when the name ends in "$" (as
 *                      Samba's server reports it)
 *   shi*_remark        "comment" ("" when none)
 *   shi2_permissions   0 (user-level security, as Samba reports)
 *   shi2_max_uses      "max connections", SHI_USES_UNLIMITED for 0
 *   shi2_current_uses  0: the server's connection table is not read
 *   shi2_path          "path" as configured (a Unix path)
 *   shi2_passwd        NULL (no share-level passwords)
 *   shi501_flags       the client-side caching bits of "csc policy"
 *   shi1005_flags      those, and SHI1005_FLAGS_DFS | _DFS_ROOT for an
 *                      "msdfs root"
 *   shi502_reserved, shi502_security_descriptor  0 and NULL
 * NetShareEnum lists the browseable, available shares in the order the
 * configuration defines them, then IPC$ (STYPE_IPC | STYPE_SPECIAL,
 * "IPC Service (<server string>)"), which Samba's server always offers;
 * NetShareGetInfo finds any share by name, in any case.  A machine without
 * a Samba configuration shares nothing: no entries, NERR_NetNameNotFound.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <lm.h>
#include <netapibuf.h>

#include "local/functions.h"
#include "local/host.h"
#include "local/smbconf.h"
#include "net/layouts.h"
#include "net/paging.h"
#include "net/resume.h"

/* ---- a share, whatever the level ----------------------------------------------- */

struct share_src {
    char *name, *remark, *path;
    DWORD type, max_uses, flags;
};
static const size_t share_src_strings[] = {offsetof(struct share_src, name),
                                           offsetof(struct share_src, remark),
                                           offsetof(struct share_src, path)};
static const struct nbi_field share_src_fields[] = {
    NBI_FIELD(struct share_src, name),     NBI_FIELD(struct share_src, remark),
    NBI_FIELD(struct share_src, path),     NBI_FIELD(struct share_src, type),
    NBI_FIELD(struct share_src, max_uses), NBI_FIELD(struct share_src, flags)};
static const struct nbi_layout share_src_layout = {
    {sizeof(struct share_src), alignof(struct share_src), 3, share_src_strings, 0, NULL},
    NBI_FIELDS(share_src_fields)};

static const struct nbi_layout *share_layout(DWORD level, int get_info)
{
    switch (level) {
    case 0: return &nbi_layout_SHARE_INFO_0;
    case 1: return &nbi_layout_SHARE_INFO_1;
    case 2: return &nbi_layout_SHARE_INFO_2;
    case 501: return &nbi_layout_SHARE_INFO_501;
    case 502: return &nbi_layout_SHARE_INFO_502;
    case 1005: return get_info ? &nbi_layout_SHARE_INFO_1005 : NULL;
    }
    return NULL;
}

static void share_convert(DWORD level, const void *source, void *record)
{
    const struct share_src *s = source;
    switch (level) {
    case 0: {
        SHARE_INFO_0 r = {s->name};
        memcpy(record, &r, sizeof r);
        break;
    }
    case 1: {
        SHARE_INFO_1 r = {s->name, s->type, s->remark};
        memcpy(record, &r, sizeof r);
        break;
    }
    case 2: {
        SHARE_INFO_2 r = {s->name, s->type, s->remark, 0, s->max_uses, 0, s->path, NULL};
        memcpy(record, &r, sizeof r);
        break;
    }
    case 501: {
        SHARE_INFO_501 r = {s->name, s->type, s->remark, s->flags & CSC_MASK};
        memcpy(record, &r, sizeof r);
        break;
    }
    case 502: {
        SHARE_INFO_502 r = {s->name, s->type,  s->remark, 0, s->max_uses,
                            0,       s->path, NULL,      0, NULL};
        memcpy(record, &r, sizeof r);
        break;
    }
    default: {
        SHARE_INFO_1005 r = {s->flags};
        memcpy(record, &r, sizeof r);
        break;
    }
    }
}

/* IPC$, as Samba's server offers it, with its remark written into buf. */
static struct share_src ipc_share(const struct nbi_smbconf *conf, char *buf, size_t size)
{
    snprintf(buf, size, "IPC Service (%s)", conf->server_string);
    struct share_src s = {"IPC$", buf, "", STYPE_IPC | STYPE_SPECIAL, SHI_USES_UNLIMITED, 0};
    return s;
}

static struct share_src config_share(const struct nbi_smbconf_share *c)
{
    struct share_src s = {c->name, c->comment, c->path, c->type, c->max_uses, c->flags};
    return s;
}

/* ---- NetShareEnum ---------------------------------------------------------------- */

static NET_API_STATUS shares_fill(netapibuf_packer *snapshot, void *ctx)
{
    (void)ctx;
    struct nbi_smbconf conf;
    NET_API_STATUS st = nbi_smbconf_load(&conf);
    if (st != NERR_Success)
        return st;
    for (size_t i = 0; st == NERR_Success && i < conf.count; i++) {
        const struct nbi_smbconf_share *c = &conf.shares[i];
        if (!c->browseable || !c->available)
            continue;
        struct share_src s = config_share(c);
        st = netapibuf_packer_add(snapshot, &s);
    }
    if (st == NERR_Success && conf.present) {
        char remark[1100];
        struct share_src ipc = ipc_share(&conf, remark, sizeof remark);
        st = netapibuf_packer_add(snapshot, &ipc);
    }
    nbi_smbconf_free(&conf);
    return st;
}

static const struct nbi_resume_kind shares_kind = {&share_src_layout, shares_fill};

NET_API_STATUS nbi_local_share_enum(DWORD level, LPBYTE *bufptr, DWORD prefmaxlen,
                                    LPDWORD entriesread, LPDWORD totalentries,
                                    LPDWORD resume_handle)
{
    const struct nbi_page_spec spec = {&shares_kind, NULL, NULL, level, share_layout(level, 0),
                                       share_convert};
    if (!spec.layout)
        return ERROR_INVALID_LEVEL;
    return nbi_page_enum_resume(&spec, prefmaxlen, NULL, resume_handle, bufptr, entriesread,
                                totalentries);
}

/* ---- NetShareGetInfo ------------------------------------------------------------- */

NET_API_STATUS nbi_local_share_get_info(LPCSTR netname, DWORD level, LPBYTE *bufptr)
{
    const struct nbi_layout *layout = share_layout(level, 1);
    if (!layout)
        return ERROR_INVALID_LEVEL;
    struct nbi_smbconf conf;
    NET_API_STATUS st = nbi_smbconf_load(&conf);
    if (st != NERR_Success)
        return st;
    char remark[1100];
    struct share_src s;
    int found = 0;
    for (size_t i = 0; i < conf.count && !found; i++)
        if (strcasecmp(conf.shares[i].name, netname) == 0) {
            s = config_share(&conf.shares[i]);
            found = 1;
        }
    if (!found && conf.present && strcasecmp(netname, "IPC$") == 0) {
        s = ipc_share(&conf, remark, sizeof remark);
        found = 1;
    }
    st = NERR_NetNameNotFound;
    if (found) {
        alignas(16) unsigned char record[NBI_PAGE_RECORD_MAX];
        DWORD n;
        memset(record, 0, sizeof record);
        share_convert(level, &s, record);
        st = nbi_pack(layout, record, 1, MAX_PREFERRED_LENGTH, bufptr, &n);
    }
    nbi_smbconf_free(&conf);
    return st;
}

/* ---- NetFileEnum, NetFileGetInfo, NetFileClose ---------------------------------- */

/* Files can be open only where something is shared: with no share in the
   configuration, no file is open (exact); with one, files opened through
   Samba's server are in its locking database, which netapibuf does not
   read (ERROR_NOT_SUPPORTED rather than a list that may be wrong). */
static NET_API_STATUS files_known(void)
{
    struct nbi_smbconf conf;
    NET_API_STATUS st = nbi_smbconf_load(&conf);
    if (st != NERR_Success)
        return st;
    st = conf.count ? ERROR_NOT_SUPPORTED : NERR_Success;
    nbi_smbconf_free(&conf);
    return st;
}

NET_API_STATUS nbi_local_file_enum(DWORD level, PDWORD_PTR resume_handle)
{
    if (level != 2 && level != 3)
        return ERROR_INVALID_LEVEL;
    NET_API_STATUS st = files_known();
    if (st == NERR_Success && resume_handle)
        *resume_handle = 0;
    return st;
}

NET_API_STATUS nbi_local_file_get_info(DWORD level)
{
    if (level != 2 && level != 3)
        return ERROR_INVALID_LEVEL;
    NET_API_STATUS st = files_known();
    return st == NERR_Success ? NERR_FileIdNotFound : st;
}

NET_API_STATUS nbi_local_file_close(void)
{
    NET_API_STATUS st = files_known();
    return st == NERR_Success ? NERR_FileIdNotFound : st;
}

/* ---- domain membership ------------------------------------------------------------ */

NET_API_STATUS nbi_local_domain(struct nbi_local_membership *m)
{
    memset(m, 0, sizeof *m);
    struct nbi_smbconf conf;
    NET_API_STATUS st = nbi_smbconf_load(&conf);
    if (st != NERR_Success)
        return st;
    if (conf.present) {
        snprintf(m->name, sizeof m->name, "%s", conf.workgroup);
        snprintf(m->dns_name, sizeof m->dns_name, "%s", conf.realm);
        m->in_domain = conf.domain_member;
    } else {
        /* No Samba: the workgroup NetWkstaGetInfo reports. */
        struct nbi_host host;
        st = nbi_host_query(&host);
        if (st == NERR_Success)
            snprintf(m->name, sizeof m->name, "%s", host.langroup);
    }
    nbi_smbconf_free(&conf);
    return st;
}

NET_API_STATUS nbi_local_get_join_information(LMSTR *name, PNETSETUP_JOIN_STATUS type)
{
    struct nbi_local_membership m;
    NET_API_STATUS st = nbi_local_domain(&m);
    if (st != NERR_Success)
        return st;
    size_t n = strlen(m.name) + 1;
    void *buf;
    st = NetApiBufferAllocate((DWORD)n, &buf);
    if (st != NERR_Success)
        return st;
    memcpy(buf, m.name, n);
    *name = buf;
    *type = m.in_domain ? NetSetupDomainName : NetSetupWorkgroupName;
    return NERR_Success;
}
