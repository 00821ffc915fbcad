/* sid.c — what needs no server: SIDs to text and back, the context's
 * credentials, status texts.
 *     sid */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netapi.h>

#include "common.h"

int main(int argc, const char **argv)
{
    (void)argc, (void)argv;
    struct libnetapi_ctx *ctx = NULL, *again = NULL;
    NET_API_STATUS status = libnetapi_init(&ctx);
    EXPECT(status == 0 && ctx, ctx, status, "libnetapi_init");
    status = libnetapi_getctx(&again);
    EXPECT(status == 0 && again == ctx, ctx, status, "one context");

    static const char *const sids[] = {"S-1-5-21-1004336348-1177238915-682003330-512",
                                       "S-1-5-32-544", "S-1-1-0", "S-1-22-1-1000"};
    for (size_t i = 0; i < sizeof sids / sizeof *sids; i++) {
        struct domsid *sid = NULL;
        char *text = NULL;
        EXPECT(ConvertStringSidToSid(sids[i], &sid), ctx, 0, "ConvertStringSidToSid");
        EXPECT(sid && ConvertSidToStringSid(sid, &text), ctx, 0, "ConvertSidToStringSid");
        EXPECT(text && strcmp(text, sids[i]) == 0, ctx, 0, "the same text");
        free(text);
        free(sid);
    }
    struct domsid *bad = NULL;
    EXPECT(!ConvertStringSidToSid("S-1-x", &bad) && !bad, ctx, 0, "a malformed SID");

    const char *user = NULL, *password = NULL;
    libnetapi_set_username(ctx, "EXAMPLE\\alice");
    libnetapi_set_password(ctx, "secret");
    libnetapi_get_username(ctx, &user);
    libnetapi_get_password(ctx, &password);
    EXPECT(user && strcmp(user, "alice") == 0, ctx, 0, "the user name without its domain");
    EXPECT(password && strcmp(password, "secret") == 0, ctx, 0, "the password");
    int kerberos = 1;
    libnetapi_get_use_kerberos(ctx, &kerberos);
    EXPECT(kerberos == 0, ctx, 0, "no Kerberos until asked");
    libnetapi_set_use_kerberos(ctx);
    libnetapi_get_use_kerberos(ctx, &kerberos);
    EXPECT(kerberos == 1, ctx, 0, "Kerberos when asked");

    char *text = libnetapi_errstr(5);
    EXPECT(text && strstr(text, "denied") != NULL, ctx, 0, "the text of ERROR_ACCESS_DENIED");
    NetApiBufferFree(text);
    text = libnetapi_get_error_string(ctx, 2221);
    EXPECT(text && text[0], ctx, 0, "the text of NERR_UserNotFound");
    NetApiBufferFree(text);

    printf("sid: %d failures\n", compat_failures);
    libnetapi_free(ctx);
    return compat_failures ? 1 : 0;
}
