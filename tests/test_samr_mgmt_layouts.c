/*
 * test_samr_mgmt_layouts.c — the Samba structures the remote layer declares
 * itself (src/remote/samr.h, samr_mgmt.h: the SAMR and LSA wire types it
 * hands Samba's generated client) are laid out as samba-dev's own headers
 * lay them out, and its constants have Samba's values (the pairs are in
 * samr_mgmt_layouts.h; samr_mgmt_layouts_samba.c measures Samba's side).
 * Built only where samba-dev's gen_ndr headers are installed.
 */
#include <stddef.h>

#include "check.h"
#include "remote/samr_mgmt.h"
#include "samr_mgmt_layouts.h"

extern const size_t samr_mgmt_samba_layouts[];
extern const size_t samr_mgmt_samba_constants[];

#define OUR_SIZE(ours, theirs) {"sizeof " #ours, sizeof(struct ours)},
#define OUR_AT(ours, om, theirs, tm) {#ours "." #om, offsetof(struct ours, om)},
#define OUR_VALUE(ours, theirs) {#ours, (size_t)(ours)},

struct measure {
    const char *what;
    size_t value;
};

static const struct measure layouts[] = {SAMR_MGMT_LAYOUTS(OUR_SIZE, OUR_AT){NULL, 0}};
static const struct measure constants[] = {SAMR_MGMT_CONSTANTS(OUR_VALUE){NULL, 0}};

static void compare(const struct measure *ours, const size_t *theirs)
{
    for (size_t i = 0; ours[i].what; i++)
        CHECK_MSG_(ours[i].value == theirs[i], "%s: %zu here, %zu in Samba's headers", ours[i].what,
                   ours[i].value, theirs[i]);
}

TEST(samba_structures)
{
    compare(layouts, samr_mgmt_samba_layouts);
}

TEST(field_bits)
{
    compare(constants, samr_mgmt_samba_constants);
}

int main(void)
{
    RUN(samba_structures);
    RUN(field_bits);
    return check_finish();
}
