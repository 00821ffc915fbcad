/*
 * smbconf.h — this machine's Samba configuration, read for the share and
 * domain functions (layer 5, local side).
 *
 * Why a parser of our own: a library must not run programs (testparm), and
 * Samba's libsmbconf is a private library that brings all of Samba's
 * loadparm with it, while a program that only asks about this machine must
 * map no Samba library (SPEC section 6).  What is read is small: the
 * [global] settings that say which workgroup or domain this machine is in,
 * and each share's name, path, comment, kind and limits.
 *
 * The syntax is smb.conf(5)'s: "[section]" headers, "name = value" lines,
 * "#" and ";" comment lines, a trailing backslash continuing a line,
 * parameter names compared without case or white space, a section seen
 * again continuing the first, "include = FILE" read in place (up to 16
 * deep; a missing file is skipped, as Samba does) and "copy = SECTION"
 * taking an earlier share's settings.  What is not read, and so not
 * reported: includes whose name has a %-variable, registry shares
 * ("include = registry", "config backend = registry"), user shares, and
 * the printers a [printers] section expands to.
 */
#ifndef NBI_LOCAL_SMBCONF_H
#define NBI_LOCAL_SMBCONF_H

#include <lm.h>

#include "platform/platform.h"

/* Samba's configuration file (smbd -b: CONFIGFILE on Debian). */
#define NBI_SMBCONF_PATH "/etc/samba/smb.conf"

struct nbi_smbconf_share {
    char *name;     /* as the section header spells it */
    char *path;     /* "" when not set */
    char *comment;  /* "" when not set */
    DWORD type;     /* STYPE_DISKTREE or STYPE_PRINTQ, | STYPE_SPECIAL for "NAME$" */
    DWORD max_uses; /* "max connections", SHI_USES_UNLIMITED for 0 */
    DWORD flags;    /* SHI1005 flags: client-side caching ("csc policy"), DFS root */
    int browseable, available;
};

struct nbi_smbconf {
    int present;         /* a configuration file was read */
    char *workgroup;     /* "WORKGROUP" when not set */
    char *realm;         /* "" when not set */
    char *server_string; /* "Samba" when not set; %-variables of the host's name expanded */
    int domain_member;   /* server role or security puts this machine in a domain */
    struct nbi_smbconf_share *shares; /* in the order the configuration defines them */
    size_t count;
};

/*
 * Read the configuration into *conf (zeroed first).  No file is not an
 * error: NERR_Success with conf->present 0 and the defaults.  Otherwise
 * NERR_Success, or ERROR_NOT_ENOUGH_MEMORY with nothing allocated.
 */
NBI_INTERNAL NET_API_STATUS nbi_smbconf_load(struct nbi_smbconf *conf);

/* Free what nbi_smbconf_load allocated. */
NBI_INTERNAL void nbi_smbconf_free(struct nbi_smbconf *conf);

/* The shares a client is shown (browseable and available), counted. */
NBI_INTERNAL size_t nbi_smbconf_visible_shares(const struct nbi_smbconf *conf);

/* Read another file instead of NBI_SMBCONF_PATH (NULL: that one again);
   tests only, before any call. */
NBI_INTERNAL void nbi_smbconf_set_path(const char *path);

#endif /* NBI_LOCAL_SMBCONF_H */
