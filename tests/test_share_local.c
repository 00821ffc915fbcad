/*
 * test_share_local.c — this machine's shares, open files, domain
 * membership and refused writes (lmshare.h, lmjoin.h), answered from a
 * Samba configuration the test writes itself (the internal hook
 * nbi_smbconf_set_path points the library at it: a static test).  Also:
 * nothing of Samba is loaded for any of it, and every call survives every
 * allocation failure.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <dsgetdc.h>
#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "local/smbconf.h"
#include "oom_calls.h"
#include "remote/samba.h"

static char dir[] = "/tmp/nb_share_local.XXXXXX";
static char conf_path[256], extra_path[256], loop_path[256], host[256];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A configuration with every kind of share and line the parser reads. */
static void write_config(void)
{
    char text[4096];
    snprintf(text, sizeof text,
             "# a comment line\n"
             "; another\n"
             "[global]\n"
             "   workgroup = TESTWG\n"
             "   Server String = Test %%h server %%v\n"
             "   include = %s\n"
             "[data]\n"
             "   path = /srv/data\n"
             "   comment = Data \\\n"
             "files\n"
             "   max connections = 7\n"
             "   csc policy = documents\n"
             "[Hidden]\n"
             "   path = /srv/hidden\n"
             "   browsable = no\n"
             "[admin$]\n"
             "   path = /srv/admin\n"
             "[print]\n"
             "   printable = yes\n"
             "   path = /var/spool/samba\n"
             "[off]\n"
             "   path = /srv/off\n"
             "   available = no\n"
             "[copy1]\n"
             "   copy = data\n"
             "   comment = copied\n"
             "   include = %s\n"
             "[DATA]\n"
             "   read only = no\n",
             loop_path, extra_path);
    write_file(conf_path, text);
    write_file(extra_path, "[included]\n  path = /srv/inc\n  msdfs root = yes\n");
    /* An include that includes itself must end. */
    snprintf(text, sizeof text, "include = %s\n", loop_path);
    write_file(loop_path, text);
}

/* The names NetShareEnum gives at level 1, joined by spaces. */
static void enum_names(char *out, size_t size)
{
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0, resume = 0;
    out[0] = '\0';
    CHECK_EQ_U(NetShareEnum(NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume), 0);
    CHECK_EQ_U(read, total);
    const SHARE_INFO_1 *s = (const void *)buf;
    for (DWORD i = 0; i < read; i++) {
        strncat(out, s[i].shi1_netname, size - strlen(out) - 1);
        strncat(out, " ", size - strlen(out) - 1);
    }
    NetApiBufferFree(buf);
}

TEST(no_configuration)
{
    nbi_smbconf_set_path("/nonexistent/smb.conf");
    static const DWORD levels[] = {0, 1, 2, 501, 502};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 9, total = 9, resume = 5;
        CHECK_EQ_U(NetShareEnum(NULL, levels[i], &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                &resume),
                   0);
        CHECK_EQ_P(buf, NULL);
        CHECK_EQ_U(read, 0);
        CHECK_EQ_U(total, 0);
        CHECK_EQ_U(resume, 0);
    }
    LPBYTE buf = (LPBYTE)1;
    CHECK_EQ_U(NetShareGetInfo("", "IPC$", 1, &buf), NERR_NetNameNotFound);
    CHECK_EQ_P(buf, NULL);
    /* Nothing shared: no file open. */
    DWORD read = 9, total = 9;
    DWORD_PTR resume = 3;
    CHECK_EQ_U(NetFileEnum(NULL, NULL, NULL, 3, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                           &resume),
               0);
    CHECK_EQ_U(read, 0);
    CHECK_EQ_U(resume, 0);
    CHECK_EQ_U(NetFileGetInfo(NULL, 1, 3, &buf), NERR_FileIdNotFound);
    CHECK_EQ_U(NetFileClose(NULL, 1), NERR_FileIdNotFound);
    /* The workgroup NetWkstaGetInfo reports. */
    LMSTR name = NULL;
    NETSETUP_JOIN_STATUS type;
    CHECK_EQ_U(NetGetJoinInformation(NULL, &name, &type), 0);
    CHECK_EQ_U(type, NetSetupWorkgroupName);
    buf = NULL;
    CHECK_EQ_U(NetWkstaGetInfo(NULL, 100, &buf), 0);
    if (buf && name)
        CHECK_EQ_S(name, ((WKSTA_INFO_100 *)buf)->wki100_langroup);
    NetApiBufferFree(buf);
    NetApiBufferFree(name);
}

TEST(enumeration)
{
    nbi_smbconf_set_path(conf_path);
    char names[1024];
    enum_names(names, sizeof names);
    /* browseable and available shares in order, then IPC$ */
    CHECK_EQ_S(names, "data admin$ print copy1 included IPC$ ");
    LPBYTE buf = NULL;
    DWORD read = 0, total = 0, resume = 0;
    CHECK_EQ_U(NetShareEnum(NULL, 2, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume), 0);
    const SHARE_INFO_2 *s = (const void *)buf;
    if (s && read == 6) {
        CHECK_EQ_S(s[0].shi2_remark, "Data files");
        CHECK_EQ_U(s[0].shi2_type, STYPE_DISKTREE);
        CHECK_EQ_U(s[0].shi2_max_uses, 7);
        CHECK_EQ_U(s[0].shi2_permissions, 0);
        CHECK_EQ_U(s[0].shi2_current_uses, 0);
        CHECK_EQ_S(s[0].shi2_path, "/srv/data");
        CHECK_EQ_P(s[0].shi2_passwd, NULL);
        CHECK_EQ_U(s[1].shi2_type, STYPE_DISKTREE | STYPE_SPECIAL);
        CHECK_EQ_U(s[1].shi2_max_uses, SHI_USES_UNLIMITED);
        CHECK_EQ_U(s[2].shi2_type, STYPE_PRINTQ);
        /* copy = data, then its own comment */
        CHECK_EQ_S(s[3].shi2_path, "/srv/data");
        CHECK_EQ_S(s[3].shi2_remark, "copied");
        CHECK_EQ_U(s[3].shi2_max_uses, 7);
        CHECK_EQ_S(s[4].shi2_path, "/srv/inc");
        CHECK_EQ_U(s[5].shi2_type, STYPE_IPC | STYPE_SPECIAL);
        char remark[300];
        snprintf(remark, sizeof remark, "IPC Service (Test %.64s server)", host);
        CHECK_EQ_S(s[5].shi2_remark, remark);
    } else {
        CHECK_EQ_U(read, 6);
    }
    NetApiBufferFree(buf);
    /* 501 carries the caching mode; 502 no security descriptor. */
    buf = NULL;
    CHECK_EQ_U(NetShareEnum(NULL, 501, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume), 0);
    if (buf)
        CHECK_EQ_U(((SHARE_INFO_501 *)buf)[0].shi501_flags, CSC_CACHE_AUTO_REINT);
    NetApiBufferFree(buf);
    buf = NULL;
    CHECK_EQ_U(NetShareEnum(NULL, 502, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume), 0);
    for (DWORD i = 0; buf && i < read; i++) {
        CHECK_EQ_P(((SHARE_INFO_502 *)buf)[i].shi502_security_descriptor, NULL);
        CHECK_EQ_U(((SHARE_INFO_502 *)buf)[i].shi502_reserved, 0);
    }
    NetApiBufferFree(buf);
    CHECK_EQ_U(NetShareEnum(NULL, 1005, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
               ERROR_INVALID_LEVEL);
}

TEST(paging)
{
    nbi_smbconf_set_path(conf_path);
    DWORD resume = 0, seen = 0, calls = 0;
    NET_API_STATUS st;
    do {
        LPBYTE buf = NULL;
        DWORD read = 0, total = 0;
        st = NetShareEnum(NULL, 2, &buf, 1, &read, &total, &resume);
        CHECK_EQ_U(read, 1);
        CHECK_EQ_U(total, 6);
        seen += read;
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA && ++calls < 20);
    CHECK_EQ_U(st, 0);
    CHECK_EQ_U(seen, 6);
    CHECK_EQ_U(resume, 0);
}

TEST(get_info)
{
    nbi_smbconf_set_path(conf_path);
    LPBYTE buf = NULL;
    /* any share by name, in any case: hidden and unavailable ones too */
    CHECK_EQ_U(NetShareGetInfo(NULL, "hidden", 2, &buf), 0);
    if (buf)
        CHECK_EQ_S(((SHARE_INFO_2 *)buf)->shi2_path, "/srv/hidden");
    NetApiBufferFree(buf);
    buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(NULL, "off", 0, &buf), 0);
    NetApiBufferFree(buf);
    buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(host, "INCLUDED", 1005, &buf), 0);
    if (buf)
        CHECK_EQ_U(((SHARE_INFO_1005 *)buf)->shi1005_flags,
                   SHI1005_FLAGS_DFS | SHI1005_FLAGS_DFS_ROOT);
    NetApiBufferFree(buf);
    buf = NULL;
    CHECK_EQ_U(NetShareGetInfo(NULL, "ipc$", 1, &buf), 0);
    if (buf)
        CHECK_EQ_U(((SHARE_INFO_1 *)buf)->shi1_type, STYPE_IPC | STYPE_SPECIAL);
    NetApiBufferFree(buf);
    buf = (LPBYTE)1;
    CHECK_EQ_U(NetShareGetInfo(NULL, "nosuch", 1, &buf), NERR_NetNameNotFound);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(NetShareGetInfo(NULL, "data", 1004, &buf), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetShareGetInfo(NULL, NULL, 1, &buf), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetShareGetInfo(NULL, "data", 1, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetShareGetInfo("\\\\", "data", 1, &buf), ERROR_INVALID_NAME);
}

TEST(files_with_shares)
{
    nbi_smbconf_set_path(conf_path);
    LPBYTE buf = (LPBYTE)1;
    DWORD read = 9, total = 9;
    CHECK_EQ_U(NetFileEnum(NULL, NULL, NULL, 3, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               ERROR_NOT_SUPPORTED);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(read, 0);
    CHECK_EQ_U(NetFileEnum(NULL, NULL, NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
               ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetFileGetInfo(NULL, 1, 3, &buf), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetFileGetInfo(NULL, 1, 1, &buf), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetFileClose(NULL, 1), ERROR_NOT_SUPPORTED);
}

/* Writes to this machine are refused, after the record is checked. */
TEST(writes_refused)
{
    nbi_smbconf_set_path(conf_path);
    DWORD parm = 77;
    SHARE_INFO_2 i2 = {"new", STYPE_DISKTREE, "", 0, SHI_USES_UNLIMITED, 0, "/srv/new", NULL};
    CHECK_EQ_U(NetShareAdd(NULL, 2, (LPBYTE)&i2, &parm), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(parm, PARM_ERROR_NONE);
    i2.shi2_netname = NULL;
    CHECK_EQ_U(NetShareAdd(NULL, 2, (LPBYTE)&i2, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SHARE_NETNAME_PARMNUM);
    i2.shi2_netname = "new";
    i2.shi2_path = NULL;
    CHECK_EQ_U(NetShareAdd(NULL, 2, (LPBYTE)&i2, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SHARE_PATH_PARMNUM);
    /* An IPC share needs no path. */
    i2.shi2_type = STYPE_IPC;
    CHECK_EQ_U(NetShareAdd(NULL, 2, (LPBYTE)&i2, &parm), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetShareAdd(NULL, 503, (LPBYTE)&i2, &parm), ERROR_INVALID_LEVEL);
    CHECK_EQ_U(NetShareAdd(NULL, 2, NULL, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, PARM_ERROR_UNKNOWN);
    CHECK_EQ_U(NetShareAdd(NULL, 2, NULL, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetShareDel(NULL, "data", 0), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetShareDel(NULL, "data", 1), ERROR_INVALID_PARAMETER);
    SHARE_INFO_1004 i1004 = {"x"};
    CHECK_EQ_U(NetShareSetInfo(NULL, "data", 1004, (LPBYTE)&i1004, &parm), ERROR_NOT_SUPPORTED);
    i1004.shi1004_remark = NULL;
    CHECK_EQ_U(NetShareSetInfo(NULL, "data", 1004, (LPBYTE)&i1004, &parm),
               ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SHARE_REMARK_PARMNUM);
    SHARE_INFO_1006 i1006 = {4};
    CHECK_EQ_U(NetShareSetInfo(NULL, "data", 1006, (LPBYTE)&i1006, &parm), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetShareSetInfo(NULL, "data", 1501, (LPBYTE)&i1006, &parm), ERROR_INVALID_LEVEL);
    SHARE_INFO_502 sd = {"x", 0, "", 0, 0, 0, "/srv/x", NULL, 0, &sd};
    CHECK_EQ_U(NetShareSetInfo(NULL, "data", 502, (LPBYTE)&sd, &parm), ERROR_NOT_SUPPORTED);
    SERVER_INFO_1005 c = {"comment"};
    CHECK_EQ_U(NetServerSetInfo(NULL, 1005, (LPBYTE)&c, &parm), ERROR_NOT_SUPPORTED);
    c.sv1005_comment = NULL;
    CHECK_EQ_U(NetServerSetInfo(NULL, 1005, (LPBYTE)&c, &parm), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(parm, SV_COMMENT_PARMNUM);
    CHECK_EQ_U(NetJoinDomain(NULL, "CORP", NULL, NULL, NULL, NETSETUP_JOIN_DOMAIN),
               ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetUnjoinDomain(NULL, NULL, NULL, 0), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetRenameMachineInDomain(NULL, "X", NULL, NULL, 0), ERROR_NOT_SUPPORTED);
}

/* Membership: workgroup, or domain by server role or security. */
TEST(join_information)
{
    static const struct {
        const char *global;
        const char *name;
        NETSETUP_JOIN_STATUS type;
    } cases[] = {
        {"workgroup = TESTWG\n", "TESTWG", NetSetupWorkgroupName},
        {"", "WORKGROUP", NetSetupWorkgroupName},
        {"workgroup = CORP\nrealm = CORP.EXAMPLE\nsecurity = ads\n", "CORP", NetSetupDomainName},
        {"workgroup = CORP\nsecurity = domain\n", "CORP", NetSetupDomainName},
        {"workgroup = CORP\nserver role = active directory domain controller\n", "CORP",
         NetSetupDomainName},
        {"workgroup = CORP\nserver role = member server\n", "CORP", NetSetupDomainName},
        {"workgroup = CORP\nsecurity = ads\nserver role = standalone server\n", "CORP",
         NetSetupWorkgroupName},
    };
    char path[300];
    snprintf(path, sizeof path, "%s/join.conf", dir);
    nbi_smbconf_set_path(path);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[512];
        snprintf(text, sizeof text, "[global]\n%s", cases[i].global);
        write_file(path, text);
        LMSTR name = (LMSTR)1;
        NETSETUP_JOIN_STATUS type = NetSetupUnknownStatus;
        CHECK_EQ_U(NetGetJoinInformation("", &name, &type), 0);
        CHECK_EQ_S(name, cases[i].name);
        CHECK_EQ_U(type, cases[i].type);
        DWORD size = 0;
        CHECK_EQ_U(NetApiBufferSize(name, &size), 0);
        CHECK_EQ_U(size, strlen(cases[i].name) + 1);
        NetApiBufferFree(name);
    }
    LMSTR name = (LMSTR)1;
    NETSETUP_JOIN_STATUS type = NetSetupDomainName;
    CHECK_EQ_U(NetGetJoinInformation(NULL, NULL, &type), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGetJoinInformation(NULL, &name, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(NetGetJoinInformation("\\\\", &name, &type), ERROR_INVALID_NAME);
    CHECK_EQ_P(name, NULL);
    CHECK_EQ_U(type, NetSetupUnknownStatus);
}

/* In no domain, the domain-controller functions answer at once, without
   Samba. */
TEST(domain_controllers_in_a_workgroup)
{
    nbi_smbconf_set_path(conf_path);
    LPBYTE buf = (LPBYTE)1;
    CHECK_EQ_U(NetGetDCName(NULL, NULL, &buf), NERR_DCNotFound);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(NetGetAnyDCName("", NULL, &buf), ERROR_NO_SUCH_DOMAIN);
    PDOMAIN_CONTROLLER_INFO dc = (PDOMAIN_CONTROLLER_INFO)1;
    CHECK_EQ_U(DsGetDcName(NULL, NULL, NULL, NULL, 0, &dc), ERROR_NO_SUCH_DOMAIN);
    CHECK_EQ_P(dc, NULL);
    CHECK_EQ_U(DsGetDcName(NULL, NULL, NULL, NULL, DS_RETURN_DNS_NAME | DS_RETURN_FLAT_NAME, &dc),
               ERROR_INVALID_FLAGS);
    CHECK_EQ_U(NetGetDCName(NULL, NULL, NULL), ERROR_INVALID_PARAMETER);
    CHECK(!nbi_samba_loaded());
}

/* ---- no stale byte (SPEC section 5) ------------------------------------------------ */

/* A deep frame full of a pattern, reused by the call that follows. */
static __attribute__((noinline)) void dirty_stack(void)
{
    volatile unsigned char junk[64 * 1024];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = 0xA5;
}

/* The bytes of n records of size at buf outside the members at
   offs/sizes (padding) are zero, and no four pattern bytes follow each
   other anywhere in the buffer. */
static void check_padding(const char *what, const unsigned char *buf, DWORD n, size_t size,
                          const size_t *offs, const size_t *sizes, size_t members)
{
    for (DWORD r = 0; r < n; r++)
        for (size_t b = 0; b < size; b++) {
            int inside = 0;
            for (size_t m = 0; m < members; m++)
                inside |= b >= offs[m] && b < offs[m] + sizes[m];
            if (!inside && buf[r * size + b] != 0)
                CHECK_MSG_(0, "%s: record %u, padding byte %zu is 0x%02X", what, (unsigned)r, b,
                           buf[r * size + b]);
        }
    DWORD total = 0, run = 0;
    NetApiBufferSize((LPVOID)(uintptr_t)buf, &total);
    for (DWORD i = 0; i < total; i++) {
        run = buf[i] == 0xA5 ? run + 1 : 0;
        if (run == 4)
            CHECK_MSG_(0, "%s: stale bytes at %u", what, (unsigned)i);
    }
}

TEST(no_stale_bytes)
{
    nbi_smbconf_set_path(conf_path);
    static const size_t o1[] = {offsetof(SHARE_INFO_1, shi1_netname),
                                offsetof(SHARE_INFO_1, shi1_type),
                                offsetof(SHARE_INFO_1, shi1_remark)};
    static const size_t s1[] = {8, 4, 8};
    static const size_t o2[] = {
        offsetof(SHARE_INFO_2, shi2_netname),     offsetof(SHARE_INFO_2, shi2_type),
        offsetof(SHARE_INFO_2, shi2_remark),      offsetof(SHARE_INFO_2, shi2_permissions),
        offsetof(SHARE_INFO_2, shi2_max_uses),    offsetof(SHARE_INFO_2, shi2_current_uses),
        offsetof(SHARE_INFO_2, shi2_path),        offsetof(SHARE_INFO_2, shi2_passwd)};
    static const size_t s2[] = {8, 4, 8, 4, 4, 4, 8, 8};
    static const size_t o501[] = {offsetof(SHARE_INFO_501, shi501_netname),
                                  offsetof(SHARE_INFO_501, shi501_type),
                                  offsetof(SHARE_INFO_501, shi501_remark),
                                  offsetof(SHARE_INFO_501, shi501_flags)};
    static const size_t s501[] = {8, 4, 8, 4};
    static const size_t o502[] = {
        offsetof(SHARE_INFO_502, shi502_netname),  offsetof(SHARE_INFO_502, shi502_type),
        offsetof(SHARE_INFO_502, shi502_remark),   offsetof(SHARE_INFO_502, shi502_permissions),
        offsetof(SHARE_INFO_502, shi502_max_uses), offsetof(SHARE_INFO_502, shi502_current_uses),
        offsetof(SHARE_INFO_502, shi502_path),     offsetof(SHARE_INFO_502, shi502_passwd),
        offsetof(SHARE_INFO_502, shi502_reserved),
        offsetof(SHARE_INFO_502, shi502_security_descriptor)};
    static const size_t s502[] = {8, 4, 8, 4, 4, 4, 8, 8, 4, 8};
    static const struct {
        DWORD level;
        size_t size;
        const size_t *offs, *sizes;
        size_t members;
    } levels[] = {{1, sizeof(SHARE_INFO_1), o1, s1, 3},
                  {2, sizeof(SHARE_INFO_2), o2, s2, 8},
                  {501, sizeof(SHARE_INFO_501), o501, s501, 4},
                  {502, sizeof(SHARE_INFO_502), o502, s502, 10}};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        for (int paged = 0; paged < 2; paged++) {
            LPBYTE buf = NULL;
            DWORD read = 0, total = 0, resume = 0;
            dirty_stack();
            NET_API_STATUS st = NetShareEnum(NULL, levels[i].level, &buf,
                                             paged ? 1 : MAX_PREFERRED_LENGTH, &read, &total,
                                             &resume);
            CHECK(st == 0 || st == ERROR_MORE_DATA);
            if (buf)
                check_padding("NetShareEnum", buf, read, levels[i].size, levels[i].offs,
                              levels[i].sizes, levels[i].members);
            NetApiBufferFree(buf);
            buf = NULL;
            dirty_stack();
            CHECK_EQ_U(NetShareGetInfo(NULL, "data", levels[i].level, &buf), 0);
            if (buf)
                check_padding("NetShareGetInfo", buf, 1, levels[i].size, levels[i].offs,
                              levels[i].sizes, levels[i].members);
            NetApiBufferFree(buf);
        }
    }
}

/* ---- every allocation failure ---------------------------------------------------- */

static NET_API_STATUS oom_call(int which, LPBYTE *buf, LPDWORD read)
{
    DWORD total = 0, resume = 0;
    NETSETUP_JOIN_STATUS type;
    switch (which) {
    case 0: return NetShareEnum(NULL, 2, buf, MAX_PREFERRED_LENGTH, read, &total, &resume);
    case 1: return NetShareEnum(NULL, 502, buf, 1, read, &total, &resume);
    case 2: return NetShareGetInfo(NULL, "data", 2, buf);
    case 3: return NetShareGetInfo(NULL, "IPC$", 1, buf);
    default: return NetGetJoinInformation(NULL, (LMSTR *)buf, &type);
    }
}

TEST(out_of_memory)
{
    nbi_smbconf_set_path(conf_path);
    for (int which = 0; which < 5; which++)
        oom_check_every_step(oom_call, which, which < 2);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(conf_path, sizeof conf_path, "%s/smb.conf", dir);
    snprintf(extra_path, sizeof extra_path, "%s/extra.conf", dir);
    snprintf(loop_path, sizeof loop_path, "%s/loop.conf", dir);
    gethostname(host, sizeof host);
    host[sizeof host - 1] = '\0';
    write_config();
    RUN(no_configuration);
    RUN(enumeration);
    RUN(paging);
    RUN(get_info);
    RUN(files_with_shares);
    RUN(writes_refused);
    RUN(join_information);
    RUN(domain_controllers_in_a_workgroup);
    RUN(no_stale_bytes);
    RUN(out_of_memory);
    nbi_smbconf_set_path(NULL);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_finish();
}
