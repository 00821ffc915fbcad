/* cmd_summary.c — `netapi` alone: this machine at a glance. */
#include "netapi.h"

/* The number of entries an enumeration has (its totalentries). */
static NET_API_STATUS count_users(DWORD *count)
{
    LPBYTE buf = NULL;
    DWORD read = 0;
    NET_API_STATUS st = NetUserEnum(NULL, 0, FILTER_NORMAL_ACCOUNT, &buf, MAX_PREFERRED_LENGTH,
                                    &read, count, NULL);
    NetApiBufferFree(buf);
    return st;
}

static NET_API_STATUS count_groups(DWORD *count)
{
    LPBYTE buf = NULL;
    DWORD read = 0;
    NET_API_STATUS st =
        NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, count, NULL);
    NetApiBufferFree(buf);
    return st;
}

int cmd_summary(const struct options *opt)
{
    if (opt->level_set)
        return usage_error("the summary has no information levels");
    LPBYTE wbuf = NULL, sbuf = NULL;
    DWORD users = 0, groups = 0;
    NET_API_STATUS st;
    if ((st = NetWkstaGetInfo(NULL, 102, &wbuf)) != NERR_Success)
        return api_error("NetWkstaGetInfo", st);
    if ((st = NetServerGetInfo(NULL, 101, &sbuf)) != NERR_Success) {
        NetApiBufferFree(wbuf);
        return api_error("NetServerGetInfo", st);
    }
    const char *failed = NULL;
    if ((st = count_users(&users)) != NERR_Success)
        failed = "NetUserEnum";
    else if ((st = count_groups(&groups)) != NERR_Success)
        failed = "NetLocalGroupEnum";
    if (failed) {
        NetApiBufferFree(wbuf);
        NetApiBufferFree(sbuf);
        return api_error(failed, st);
    }

    const WKSTA_INFO_102 *w = (const WKSTA_INFO_102 *)wbuf;
    const SERVER_INFO_101 *s = (const SERVER_INFO_101 *)sbuf;
    struct kv kv;
    kv_begin(&kv, opt);
    kv_string(&kv, "computername", "Computer name", w->wki102_computername);
    kv_string(&kv, "langroup", "Workgroup", w->wki102_langroup);
    kv_number(&kv, "platform_id", "Platform ID", w->wki102_platform_id);
    kv_string(&kv, "comment", "Operating system", s->sv101_comment);
    kv_number(&kv, "ver_major", "Major version", w->wki102_ver_major);
    kv_number(&kv, "ver_minor", "Minor version", w->wki102_ver_minor);
    kv_number(&kv, "logged_on_users", "Logged-on users", w->wki102_logged_on_users);
    kv_number(&kv, "users", "User accounts", users);
    kv_number(&kv, "localgroups", "Local groups", groups);
    kv_end(&kv);
    NetApiBufferFree(wbuf);
    NetApiBufferFree(sbuf);
    return EXIT_OK;
}
