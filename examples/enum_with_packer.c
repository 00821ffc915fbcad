/*
 * enum_with_packer.c — write your own Net*-style enumeration with the
 * packer, page through it, and free each page with one NetApiBufferFree.
 *
 * The "database" is this process's environment: EnvEnum lists its variables
 * as ENV_INFO_1 records (name, value, length of the value), in the shape of
 * NetUserEnum: prefmaxlen, entriesread, totalentries and a resume handle.
 * Written as a user would: only the installed headers (<lm.h>,
 * <netapibuf.h>).  Exits 0 when paging at every size gave exactly the
 * entries of the one-call result.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lm.h>
#include <netapibuf.h>

extern char **environ;

/* ---- the enumeration ------------------------------------------------------ */

typedef struct ENV_INFO_1 {
    LPSTR envi1_name;
    LPSTR envi1_value;
    DWORD envi1_value_length;
} ENV_INFO_1;

/* 1. Describe the record once: size, alignment, where its strings are. */
static const size_t env_strings[] = {offsetof(ENV_INFO_1, envi1_name),
                                     offsetof(ENV_INFO_1, envi1_value)};
static const struct netapibuf_record_layout env_layout = {
    sizeof(ENV_INFO_1), alignof(ENV_INFO_1), 2, env_strings, 0, NULL};

/*
 * 2. The function: walk the source, hand the packer one "source record" per
 * entry (pointing at strings that may be temporary: the packer copies them),
 * stop when it says ERROR_MORE_DATA, finish.  The resume handle here is the
 * index of the next entry, which is enough for an in-memory array; see
 * docs/packing.md for databases where re-walking to an index is expensive.
 */
static NET_API_STATUS EnvEnum(LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                              LPDWORD totalentries, LPDWORD resume_handle)
{
    if (bufptr)
        *bufptr = NULL;
    if (entriesread)
        *entriesread = 0;
    if (totalentries)
        *totalentries = 0;
    if (!bufptr || !entriesread || !totalentries)
        return ERROR_INVALID_PARAMETER;

    netapibuf_packer *packer;
    NET_API_STATUS status = netapibuf_packer_create(&env_layout, prefmaxlen, &packer);
    if (status != NERR_Success)
        return status;

    DWORD total = 0, start = resume_handle ? *resume_handle : 0;
    int more = 0;
    for (char **e = environ; *e; e++, total++) {
        if (total < start || more)
            continue; /* before the resume point, or only counting now */
        char name[256];
        const char *eq = strchr(*e, '=');
        size_t n = eq ? (size_t)(eq - *e) : strlen(*e);
        if (n >= sizeof name)
            n = sizeof name - 1;
        memcpy(name, *e, n); /* a temporary: the packer copies it */
        name[n] = '\0';
        ENV_INFO_1 src = {name, eq ? (LPSTR)(uintptr_t)(eq + 1) : NULL,
                          eq ? (DWORD)strlen(eq + 1) : 0};
        status = netapibuf_packer_add(packer, &src);
        if (status == ERROR_MORE_DATA) {
            more = 1; /* full: this entry starts the next page */
            continue;
        }
        if (status != NERR_Success) {
            netapibuf_packer_destroy(packer);
            return status;
        }
    }
    status = netapibuf_packer_finish(packer, bufptr, entriesread); /* consumes packer */
    if (status != NERR_Success)
        return status;
    *totalentries = total;
    if (resume_handle)
        *resume_handle = more ? start + *entriesread : 0;
    return more ? ERROR_MORE_DATA : NERR_Success;
}

/* ---- a caller ------------------------------------------------------------- */

int main(void)
{
    /* one call: everything in one buffer */
    LPBYTE all = NULL;
    DWORD count = 0, total = 0, size = 0;
    NET_API_STATUS st = EnvEnum(&all, MAX_PREFERRED_LENGTH, &count, &total, NULL);
    if (st != NERR_Success) {
        printf("EnvEnum: %s\n", netapibuf_status_text(st));
        return 1;
    }
    NetApiBufferSize(all, &size);
    printf("%u variables in one %u-byte buffer; the first three:\n", (unsigned)count,
           (unsigned)size);
    ENV_INFO_1 *v = (ENV_INFO_1 *)all;
    for (DWORD i = 0; i < count && i < 3; i++)
        printf("  %s (%u bytes)\n", v[i].envi1_name, (unsigned)v[i].envi1_value_length);

    /* paging: every prefmaxlen from 1 up to the whole size gives the same entries */
    int bad = 0;
    DWORD pages_at_256 = 0;
    for (DWORD pref = 1; pref <= size && !bad; pref++) {
        DWORD resume = 0, at = 0, pages = 0;
        do {
            LPBYTE page = NULL;
            DWORD read = 0;
            st = EnvEnum(&page, pref, &read, &total, &resume);
            if (st != NERR_Success && st != ERROR_MORE_DATA)
                bad = 1;
            ENV_INFO_1 *p = (ENV_INFO_1 *)page;
            for (DWORD k = 0; k < read && !bad; k++)
                bad = at + k >= count || strcmp(p[k].envi1_name, v[at + k].envi1_name) != 0 ||
                      (p[k].envi1_value && strcmp(p[k].envi1_value, v[at + k].envi1_value) != 0);
            at += read;
            pages++;
            NetApiBufferFree(page); /* one call frees records and strings */
        } while (st == ERROR_MORE_DATA && !bad);
        if (at != count)
            bad = 1;
        if (pref == 256)
            pages_at_256 = pages;
    }
    if (size >= 256)
        printf("paging at prefmaxlen 256: %u pages\n", (unsigned)pages_at_256);
    NetApiBufferFree(all);

    struct netapibuf_stats stats;
    netapibuf_get_stats(&stats);
    printf("paging at every prefmaxlen from 1 to %u: %s; live buffers now %llu\n",
           (unsigned)size, bad ? "MISMATCH" : "identical to the one call",
           (unsigned long long)stats.live_buffers);
    return bad || stats.live_buffers ? 1 : 0;
}
