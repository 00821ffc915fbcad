/* test_layouts.c — every record layout generated from the public headers
   (src/net/layouts.c) is one the packer accepts, field map included, and
   names each string and blob field of its record. */
#include <lm.h>
#include <netapibuf.h>

#include "check.h"
#include "net/layouts.h"
#include "pack/pack.h"

TEST(every_layout_is_accepted)
{
    const char *name = NULL;
    size_t i = 0;
    for (const struct nbi_layout *l; (l = nbi_layout_at(i, &name)) != NULL; i++) {
        netapibuf_packer *p = NULL;
        NET_API_STATUS st = nbi_packer_create(l, MAX_PREFERRED_LENGTH, &p);
        if (st != NERR_Success)
            CHECK_MSG_(0, "%s: nbi_packer_create gives %u", name, (unsigned)st);
        netapibuf_packer_destroy(p);
        CHECK(l->field_count >= l->record.string_count + l->record.blob_count);
    }
    CHECK(i > 100); /* the table is there */
}

TEST(lookup_by_family_and_level)
{
    CHECK_EQ_P(nbi_layout_of(NBI_USER_INFO, 20), &nbi_layout_USER_INFO_20);
    CHECK_EQ_U(nbi_layout_USER_INFO_20.record.string_count, 3);
    CHECK_EQ_U(nbi_layout_USER_INFO_4.record.blob_count, 2); /* logon hours, SID */
    CHECK_EQ_U(nbi_layout_LOCALGROUP_MEMBERS_INFO_0.record.blob_count, 1);
    CHECK_EQ_P(nbi_layout_of(NBI_USER_INFO, 5), NULL);
}

int main(void)
{
    RUN(every_layout_is_accepted);
    RUN(lookup_by_family_and_level);
    return check_finish();
}
