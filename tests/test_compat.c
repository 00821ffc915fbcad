/*
 * test_compat.c — the drop-in <netapi.h> on this machine, as a program
 * written for Samba's libnetapi uses it: Samba's ABI where it differs from
 * Windows' (32-bit resume handles, a 16-bit join status: nothing written
 * past them, and paging through them as complete as through Windows'
 * 64-bit ones, even when hundreds of enumerations run at once), the
 * libnetapi context, the SID converters, the functions only Samba's header
 * has, and Samba's field names.
 */
#include <netapi.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"

/* A Samba-ABI handle with a guard right after it. */
struct guarded_handle {
    uint32_t handle, guard;
};
#define GUARD 0x5AFE5AFEu

/* Local groups at level, in pages of prefmaxlen bytes, through a 32-bit
   handle: the count, every page's guard checked. */
static long count_groups(uint32_t level, uint32_t prefmaxlen)
{
    struct guarded_handle h = {0, GUARD};
    long seen = 0;
    NET_API_STATUS st;
    int pages = 0;
    do {
        uint8_t *buf = NULL;
        uint32_t read = 0, total = 0;
        st = NetLocalGroupEnum(NULL, level, &buf, prefmaxlen, &read, &total, &h.handle);
        CHECK(st == 0 || st == ERROR_MORE_DATA);
        seen += read;
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA && ++pages < 100000);
    CHECK_EQ_U(h.guard, GUARD);
    CHECK_EQ_U(h.handle, 0);
    return seen;
}

TEST(resume_handles_of_32_bits)
{
    long all = count_groups(0, MAX_PREFERRED_LENGTH);
    CHECK(all > 0);
    CHECK_EQ_U(count_groups(0, 1), all);
    CHECK_EQ_U(count_groups(1, 40), all);
}

/* Many enumerations at once: more than the 255 slots that carry their
   snapshot tokens through 32 bits, so slots are reused while enumerations
   are half-way; each still ends complete. */
TEST(many_enumerations_at_once)
{
    enum { N = 300 };
    static struct guarded_handle h[N];
    static long seen[N];
    long all = count_groups(0, MAX_PREFERRED_LENGTH);
    for (int i = 0; i < N; i++) {
        h[i].handle = 0;
        h[i].guard = GUARD;
        seen[i] = 0;
    }
    int open = N;
    for (int round = 0; open > 0 && round < 100000; round++) {
        open = 0;
        for (int i = 0; i < N; i++) {
            if (seen[i] < 0)
                continue;
            uint8_t *buf = NULL;
            uint32_t read = 0, total = 0;
            NET_API_STATUS st = NetLocalGroupEnum(NULL, 0, &buf, 1, &read, &total, &h[i].handle);
            NetApiBufferFree(buf);
            seen[i] += read;
            if (st == ERROR_MORE_DATA) {
                open++;
            } else {
                CHECK_EQ_U(st, 0);
                CHECK_EQ_U(seen[i], all);
                seen[i] = -1;
            }
        }
    }
    CHECK_EQ_U(open, 0);
    for (int i = 0; i < N; i++)
        CHECK_EQ_U(h[i].guard, GUARD);
}

TEST(members_and_files_through_32_bits)
{
    /* The members of some group, whichever has members here. */
    uint8_t *buf = NULL;
    uint32_t read = 0, total = 0;
    CHECK_EQ_U(NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL), 0);
    struct LOCALGROUP_INFO_0 *g = (struct LOCALGROUP_INFO_0 *)buf;
    for (uint32_t i = 0; i < read; i++) {
        struct guarded_handle h = {0, GUARD};
        uint8_t *members = NULL;
        uint32_t n = 0, t = 0;
        NET_API_STATUS st = NetLocalGroupGetMembers(NULL, g[i].lgrpi0_name, 3, &members, 1, &n,
                                                    &t, &h.handle);
        CHECK(st == 0 || st == ERROR_MORE_DATA);
        NetApiBufferFree(members);
        CHECK_EQ_U(h.guard, GUARD);
        if (st == ERROR_MORE_DATA)
            CHECK(h.handle != 0);
    }
    NetApiBufferFree(buf);
    struct guarded_handle f = {77, GUARD};
    buf = NULL;
    NET_API_STATUS st = NetFileEnum(NULL, NULL, NULL, 3, &buf, MAX_PREFERRED_LENGTH, &read,
                                    &total, &f.handle);
    CHECK(st == 0 || st == ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(f.guard, GUARD);
    NetApiBufferFree(buf);
}

/* The global group of this machine ("None") and its members, every user,
   through Samba's NetGroupEnum and NetGroupGetUsers (32-bit handles), in
   pages of one entry as in one buffer. */
TEST(global_groups_through_32_bits)
{
    struct guarded_handle h = {0, GUARD};
    uint8_t *buf = NULL;
    uint32_t read = 0, total = 0;
    CHECK_EQ_U(NetGroupEnum(NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, &h.handle), 0);
    CHECK_EQ_U(read, 1);
    CHECK_EQ_U(h.handle, 0);
    CHECK_EQ_U(h.guard, GUARD);
    if (read == 1)
        CHECK_EQ_S(((struct GROUP_INFO_1 *)buf)->grpi1_name, NETAPIBUF_LOCAL_GROUP_NAME);
    NetApiBufferFree(buf);

    uint32_t all = 0;
    buf = NULL;
    CHECK_EQ_U(NetGroupGetUsers(NULL, NETAPIBUF_LOCAL_GROUP_NAME, 0, &buf, MAX_PREFERRED_LENGTH,
                                &all, &total, &h.handle),
               0);
    CHECK(all > 0);
    CHECK_EQ_U(total, all);
    NetApiBufferFree(buf);
    uint32_t seen = 0;
    NET_API_STATUS st;
    int pages = 0;
    do {
        buf = NULL;
        st = NetGroupGetUsers(NULL, NETAPIBUF_LOCAL_GROUP_NAME, 1, &buf, 1, &read, &total,
                              &h.handle);
        CHECK(st == 0 || st == ERROR_MORE_DATA);
        CHECK_EQ_U(h.guard, GUARD);
        seen += read;
        NetApiBufferFree(buf);
    } while (st == ERROR_MORE_DATA && ++pages < 100000);
    CHECK_EQ_U(seen, all);
    CHECK_EQ_U(h.handle, 0);
}

TEST(join_status_of_16_bits)
{
    const char *name = NULL;
    struct {
        uint16_t type, guard;
    } t = {0, 0x5AFE};
    CHECK_EQ_U(NetGetJoinInformation(NULL, &name, &t.type), 0);
    CHECK(name && name[0]);
    CHECK(t.type == NetSetupWorkgroupName || t.type == NetSetupDomainName);
    CHECK_EQ_U(t.guard, 0x5AFE);
    NetApiBufferFree((void *)(uintptr_t)name);
    CHECK_EQ_U(NetGetJoinInformation(NULL, NULL, &t.type), ERROR_INVALID_PARAMETER);
}

TEST(context)
{
    struct libnetapi_ctx *ctx = NULL, *same = NULL;
    CHECK_EQ_U(libnetapi_getctx(&ctx), 0); /* before init, as Samba's examples do */
    CHECK_EQ_U(libnetapi_init(&same), 0);
    CHECK_EQ_P(same, ctx);
    const char *user = "x", *password = "x";
    CHECK_EQ_U(libnetapi_get_username(ctx, &user), 0);
    CHECK_EQ_P(user, NULL);
    CHECK_EQ_U(libnetapi_set_username(ctx, "DOM\\bob%pw"), 0);
    CHECK_EQ_U(libnetapi_get_username(ctx, &user), 0);
    CHECK_EQ_U(libnetapi_get_password(ctx, &password), 0);
    CHECK_EQ_S(user, "bob");
    CHECK_EQ_S(password, "pw");
    CHECK_EQ_U(libnetapi_set_username(ctx, "carol@EXAMPLE.COM"), 0);
    CHECK_EQ_U(libnetapi_get_username(ctx, &user), 0);
    CHECK_EQ_S(user, "carol@EXAMPLE.COM");
    CHECK_EQ_U(libnetapi_set_username(ctx, "%"), 0); /* anonymous */
    CHECK_EQ_U(libnetapi_set_username(ctx, NULL), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(libnetapi_set_password(NULL, "x"), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(libnetapi_set_workgroup(ctx, "DOM"), 0);
    CHECK_EQ_U(libnetapi_set_debuglevel(ctx, "10"), 0);
    CHECK_EQ_U(libnetapi_set_logfile(ctx, "/dev/null"), 0);
    CHECK_EQ_U(libnetapi_set_use_ccache(ctx), 0);
    int kerberos = 7;
    CHECK_EQ_U(libnetapi_get_use_kerberos(ctx, &kerberos), 0);
    CHECK_EQ_U(kerberos, 0);
    CHECK_EQ_U(libnetapi_set_use_kerberos(ctx), 0);
    CHECK_EQ_U(libnetapi_get_use_kerberos(ctx, &kerberos), 0);
    CHECK_EQ_U(kerberos, 1);
    CHECK_EQ_U(libnetapi_set_creds(ctx, (struct cli_credentials *)ctx), ERROR_NOT_SUPPORTED);
    /* The context ends with what it set. */
    CHECK_EQ_U(libnetapi_free(ctx), 0);
    CHECK_EQ_U(netapibuf_get_use_kerberos(), 0);
    CHECK_EQ_U(libnetapi_set_password(ctx, "x"), ERROR_INVALID_PARAMETER);
    CHECK_EQ_U(libnetapi_free(NULL), 0);
    CHECK_EQ_U(libnetapi_init(&ctx), 0);
    CHECK_EQ_U(libnetapi_get_username(ctx, &user), 0);
    CHECK_EQ_P(user, NULL);
    CHECK_EQ_U(libnetapi_free(ctx), 0);
}

TEST(status_text)
{
    char *text = libnetapi_errstr(NERR_UserNotFound);
    DWORD size = 0;
    CHECK(text && strstr(text, "user") != NULL);
    CHECK_EQ_U(NetApiBufferSize(text, &size), 0);
    CHECK_EQ_U(size, strlen(text) + 1);
    NetApiBufferFree(text);
    text = libnetapi_get_error_string(NULL, 0xC0000022u); /* NT_STATUS_ACCESS_DENIED */
    CHECK(text && strstr(text, "denied") != NULL);
    NetApiBufferFree(text);
    text = libnetapi_errstr(424242);
    CHECK(text && strstr(text, "424242") != NULL);
    NetApiBufferFree(text);
}

TEST(sids)
{
    static const char *const good[] = {"S-1-5-21-1-2-3-500", "S-1-0", "s-1-5-32-544",
                                       "S-1-0x123456789ABC-7",
                                       "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15"};
    static const char *const canonical[] = {"S-1-5-21-1-2-3-500", "S-1-0", "S-1-5-32-544",
                                            "S-1-0x123456789abc-7",
                                            "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        struct domsid *sid = NULL;
        char *text = NULL;
        CHECK(ConvertStringSidToSid(good[i], &sid));
        CHECK(sid && ConvertSidToStringSid(sid, &text));
        CHECK_EQ_S(text, canonical[i]);
        free(text);
        free(sid);
    }
    static const char *const bad[] = {"", "S-", "S-1", "S-1-", "X-1-5", "S-1-5-x", "S-1-5-",
                                      "S-256-5", "S-1-5-4294967296",
                                      "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct domsid *sid = NULL;
        CHECK_MSG_(!ConvertStringSidToSid(bad[i], &sid) && !sid, "\"%s\" accepted", bad[i]);
    }
    char *text = NULL;
    CHECK(!ConvertSidToStringSid(NULL, &text));
    CHECK(!ConvertStringSidToSid("S-1-0", NULL));
}

TEST(samba_only_functions)
{
    uint8_t *buf = (uint8_t *)1;
    CHECK_EQ_U(I_NetLogonControl(NULL, NETLOGON_CONTROL_QUERY, 1, &buf), ERROR_NOT_SUPPORTED);
    CHECK_EQ_P(buf, NULL);
    buf = (uint8_t *)1;
    CHECK_EQ_U(I_NetLogonControl2(NULL, NETLOGON_CONTROL_QUERY, 1, NULL, &buf),
               ERROR_NOT_SUPPORTED);
    CHECK_EQ_P(buf, NULL);
    CHECK_EQ_U(NetShutdownInit(NULL, "bye", 0, 0, 0), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetShutdownAbort(""), ERROR_NOT_SUPPORTED);
    CHECK_EQ_U(NetShutdownAbort("\\\\"), ERROR_INVALID_NAME);
}

TEST(samba_names)
{
    struct DOMAIN_CONTROLLER_INFO dc;
    memset(&dc, 0, sizeof dc);
    dc.domain_controller_name = "\\\\DC1";
    dc.flags = DS_PDC_FLAG;
    dc.domain_guid.time_low = 0x01020304u;
    dc.domain_guid.node[5] = 9;
    CHECK_EQ_S(dc.DomainControllerName, "\\\\DC1");
    CHECK_EQ_U(dc.Flags, DS_PDC_FLAG);
    CHECK_EQ_U(dc.DomainGuid.Data1, 0x01020304u);
    CHECK_EQ_U(dc.DomainGuid.Data4[7], 9);
    CHECK_EQ_U(sizeof(struct GUID), 16);
    struct USER_INFO_1 u1;
    memset(&u1, 0, sizeof u1);
    u1.usri1_name = "alice"; /* a string literal: LMSTR is const char * */
    struct LOCALGROUP_MEMBERS_INFO_0 m0 = {NULL};
    struct domsid *sid = m0.lgrmi0_sid; /* PSID is struct domsid * */
    CHECK_EQ_P(sid, NULL);
    CHECK_EQ_U(NET_API_STATUS_SUCCESS, 0);
    CHECK_EQ_U(TIMEQ_FOREVER, 0xFFFFFFFFu);
}

int main(void)
{
    RUN(resume_handles_of_32_bits);
    RUN(many_enumerations_at_once);
    RUN(members_and_files_through_32_bits);
    RUN(global_groups_through_32_bits);
    RUN(join_status_of_16_bits);
    RUN(context);
    RUN(status_text);
    RUN(sids);
    RUN(samba_only_functions);
    RUN(samba_names);
    return check_finish();
}
