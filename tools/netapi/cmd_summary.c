/* cmd_summary.c — `netapi` alone: the machine at a glance. */
#include <stdint.h>

#include "cli.h"

/* The number of entries an enumeration has (its totalentries). */
static NET_API_STATUS count_users(const struct options *opt, DWORD *count)
{
    LPBYTE buf = NULL;
    DWORD read = 0;
    NET_API_STATUS st = NetUserEnum(opt->server, 0, FILTER_NORMAL_ACCOUNT, &buf,
                                    MAX_PREFERRED_LENGTH, &read, count, NULL);
    NetApiBufferFree(buf);
    return st;
}

static NET_API_STATUS count_groups(const struct options *opt, DWORD *count)
{
    LPBYTE buf = NULL;
    DWORD read = 0;
    NET_API_STATUS st =
        NetLocalGroupEnum(opt->server, 0, &buf, MAX_PREFERRED_LENGTH, &read, count, NULL);
    NetApiBufferFree(buf);
    return st;
}

int cmd_summary(const struct options *opt)
{
    int status = only_options(opt, 0, "(the summary)");
    if (status != EXIT_OK)
        return status;
    LMSTR target = (LMSTR)(uintptr_t)opt->server;
    LPBYTE wbuf = NULL, sbuf = NULL;
    DWORD users = 0, groups = 0;
    NET_API_STATUS st;
    const char *failed = NULL;
    if ((st = NetWkstaGetInfo(target, 102, &wbuf)) != NERR_Success)
        failed = "NetWkstaGetInfo";
    else if ((st = NetServerGetInfo(target, 101, &sbuf)) != NERR_Success)
        failed = "NetServerGetInfo";
    else if ((st = count_users(opt, &users)) != NERR_Success)
        failed = "NetUserEnum";
    else if ((st = count_groups(opt, &groups)) != NERR_Success)
        failed = "NetLocalGroupEnum";
    if (failed) {
        NetApiBufferFree(wbuf);
        NetApiBufferFree(sbuf);
        return api_error(failed, st);
    }

    const WKSTA_INFO_102 *w = (const WKSTA_INFO_102 *)wbuf;
    const SERVER_INFO_101 *s = (const SERVER_INFO_101 *)sbuf;
    doc_begin(opt, "summary");
    struct kv *kv = kv_begin(opt, "record");
    kv_string(kv, "computername", "Computer name", w->wki102_computername);
    kv_string(kv, "langroup", "Workgroup", w->wki102_langroup);
    kv_number(kv, "platform_id", "Platform ID", w->wki102_platform_id);
    kv_string(kv, "comment", "Operating system", s->sv101_comment ? s->sv101_comment : "");
    kv_number(kv, "ver_major", "Major version", w->wki102_ver_major);
    kv_number(kv, "ver_minor", "Minor version", w->wki102_ver_minor);
    kv_number(kv, "logged_on_users", "Logged-on users", w->wki102_logged_on_users);
    kv_number(kv, "users", "User accounts", users);
    kv_number(kv, "localgroups", "Local groups", groups);
    kv_end(kv);
    NetApiBufferFree(wbuf);
    NetApiBufferFree(sbuf);
    doc_end(opt);
    return EXIT_OK;
}
