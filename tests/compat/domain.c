/* domain.c — membership and domain controllers, as Samba's getjoininformation,
 * getdc and dsgetdc examples ask:
 *     domain -U user%password HOST DOMAIN
 * NetGetJoinInformation (its uint16_t join status checked not to be written
 * past its 2 bytes), then NetGetDCName and DsGetDcName, whose answers must
 * agree with each other: the same controller, or both failing. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <netapi.h>

#include "common.h"

int main(int argc, const char **argv)
{
    struct poptOption options[] = {POPT_AUTOHELP COMPAT_COMMON_OPTIONS POPT_TABLEEND};
    const char *args[2];
    struct libnetapi_ctx *ctx = NULL;
    NET_API_STATUS status = libnetapi_init(&ctx);
    if (status != 0)
        return status;
    if (compat_parse(argc, argv, "domain", options, "HOST DOMAIN", 2, args, 2))
        return 2;
    const char *host = args[0], *domain = args[1];

    const char *name = NULL;
    struct {
        uint16_t name_type, guard;
    } t = {0, 0x5AFE};
    status = NetGetJoinInformation(host, &name, &t.name_type);
    EXPECT(status == 0, ctx, status, "NetGetJoinInformation");
    EXPECT(t.guard == 0x5AFE, ctx, 0, "the join status stays in its 2 bytes");
    if (status == 0) {
        printf("%s is in %s %s\n", host,
               t.name_type == NetSetupDomainName ? "domain" : "workgroup", name);
        EXPECT(name && strcmp(name, domain) == 0, ctx, 0, "the workgroup or domain's name");
        EXPECT(t.name_type == NetSetupDomainName || t.name_type == NetSetupWorkgroupName, ctx, 0,
               "a workgroup or a domain");
    }
    NetApiBufferFree((void *)(uintptr_t)name);

    uint8_t *dc = NULL;
    NET_API_STATUS dc_status = NetGetDCName(host, NULL, &dc);
    struct DOMAIN_CONTROLLER_INFO *info = NULL;
    NET_API_STATUS ds_status = DsGetDcName(host, domain, NULL, NULL, 0, &info);
    printf("NetGetDCName: %u %s; DsGetDcName: %u %s %s %s\n", dc_status,
           dc ? (char *)dc : "-", ds_status, info ? info->domain_controller_name : "-",
           info ? info->domain_name : "-", info ? info->dns_forest_name : "-");
    EXPECT((dc_status == 0) == (ds_status == 0), ctx, dc_status, "the two calls agree");
    if (dc_status == 0 && ds_status == 0 && info)
        EXPECT(strcmp((char *)dc, info->domain_controller_name) == 0, ctx, 0,
               "the same controller");
    EXPECT(ds_status == 0 || info == NULL, ctx, ds_status, "no answer after a failure");
    NetApiBufferFree(dc);
    NetApiBufferFree(info);

    printf("domain: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
