/*
 * test_samr_layouts.c — the remote layer declares a few of Samba's C
 * structures of the SAMR and LSA wire types itself (src/remote/samr.h),
 * to call Samba's generated client where libnetapi is broken.  They must
 * be laid out exactly as Samba's own: checked here against samba-dev's
 * headers, field by field.  Built only where those headers are installed.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <talloc.h>
#include <util/data_blob.h>
#include <util/time.h>
#include <core/ntstatus.h>
#include <gen_ndr/misc.h>
#include <gen_ndr/security.h>
#include <gen_ndr/lsa.h>
#include <gen_ndr/samr.h>

/* Samba's struct GUID is in scope: ours (lmcons.h) stands aside. */
#define GUID_DEFINED
typedef struct GUID GUID;
#include "check.h"
#include "remote/samr.h"

#define SAME_SIZE(ours, theirs) CHECK_EQ_U(sizeof(struct ours), sizeof(struct theirs))
#define SAME_FIELD(ours, of, theirs, tf)                                                 \
    do {                                                                                 \
        CHECK_EQ_U(offsetof(struct ours, of), offsetof(struct theirs, tf));              \
        CHECK_EQ_U(sizeof(((struct ours *)0)->of), sizeof(((struct theirs *)0)->tf));    \
    } while (0)

TEST(wire_structures)
{
    SAME_SIZE(nbi_samba_guid, GUID);
    SAME_FIELD(nbi_samba_guid, time_low, GUID, time_low);
    SAME_FIELD(nbi_samba_guid, node, GUID, node);
    SAME_SIZE(nbi_policy_handle, policy_handle);
    SAME_FIELD(nbi_policy_handle, handle_type, policy_handle, handle_type);
    SAME_FIELD(nbi_policy_handle, uuid, policy_handle, uuid);
    SAME_SIZE(nbi_dom_sid, dom_sid);
    SAME_FIELD(nbi_dom_sid, sid_rev_num, dom_sid, sid_rev_num);
    SAME_FIELD(nbi_dom_sid, num_auths, dom_sid, num_auths);
    SAME_FIELD(nbi_dom_sid, id_auth, dom_sid, id_auth);
    SAME_FIELD(nbi_dom_sid, sub_auths, dom_sid, sub_auths);
    SAME_SIZE(nbi_lsa_string, lsa_String);
    SAME_FIELD(nbi_lsa_string, length, lsa_String, length);
    SAME_FIELD(nbi_lsa_string, size, lsa_String, size);
    SAME_FIELD(nbi_lsa_string, string, lsa_String, string);
    SAME_SIZE(nbi_lsa_strings, lsa_Strings);
    SAME_FIELD(nbi_lsa_strings, count, lsa_Strings, count);
    SAME_FIELD(nbi_lsa_strings, names, lsa_Strings, names);
    SAME_SIZE(nbi_samr_sam_entry, samr_SamEntry);
    SAME_FIELD(nbi_samr_sam_entry, idx, samr_SamEntry, idx);
    SAME_FIELD(nbi_samr_sam_entry, name, samr_SamEntry, name);
    SAME_SIZE(nbi_samr_sam_array, samr_SamArray);
    SAME_FIELD(nbi_samr_sam_array, count, samr_SamArray, count);
    SAME_FIELD(nbi_samr_sam_array, entries, samr_SamArray, entries);
    SAME_SIZE(nbi_samr_ids, samr_Ids);
    SAME_FIELD(nbi_samr_ids, count, samr_Ids, count);
    SAME_FIELD(nbi_samr_ids, ids, samr_Ids, ids);
    SAME_SIZE(nbi_lsa_sid_ptr, lsa_SidPtr);
    SAME_FIELD(nbi_lsa_sid_ptr, sid, lsa_SidPtr, sid);
    SAME_SIZE(nbi_lsa_sid_array, lsa_SidArray);
    SAME_FIELD(nbi_lsa_sid_array, num_sids, lsa_SidArray, num_sids);
    SAME_FIELD(nbi_lsa_sid_array, sids, lsa_SidArray, sids);
    SAME_SIZE(nbi_samr_rid_with_attribute, samr_RidWithAttribute);
    SAME_FIELD(nbi_samr_rid_with_attribute, rid, samr_RidWithAttribute, rid);
    SAME_FIELD(nbi_samr_rid_with_attribute, attributes, samr_RidWithAttribute, attributes);
    SAME_SIZE(nbi_samr_rid_with_attribute_array, samr_RidWithAttributeArray);
    SAME_FIELD(nbi_samr_rid_with_attribute_array, count, samr_RidWithAttributeArray, count);
    SAME_FIELD(nbi_samr_rid_with_attribute_array, rids, samr_RidWithAttributeArray, rids);
    SAME_SIZE(nbi_samr_alias_info_all, samr_AliasInfoAll);
    SAME_FIELD(nbi_samr_alias_info_all, name, samr_AliasInfoAll, name);
    SAME_FIELD(nbi_samr_alias_info_all, num_members, samr_AliasInfoAll, num_members);
    SAME_FIELD(nbi_samr_alias_info_all, description, samr_AliasInfoAll, description);
    CHECK_EQ_U(offsetof(union samr_AliasInfo, all), 0);
    CHECK_EQ_U(NBI_SAMR_ALIAS_INFO_ALL, ALIASINFOALL);
    /* QueryAliasInfo at ALIASINFODESCRIPTION: the union's member is one lsa_String */
    CHECK_EQ_U(offsetof(union samr_AliasInfo, description), 0);
    CHECK_EQ_U(NBI_SAMR_ALIAS_INFO_DESCRIPTION, ALIASINFODESCRIPTION);
}

TEST(access_masks)
{
    CHECK_EQ_U(NBI_SAMR_CONNECT_MASK, SAMR_ACCESS_LOOKUP_DOMAIN | SAMR_ACCESS_ENUM_DOMAINS);
    CHECK_EQ_U(NBI_SAMR_DOMAIN_MASK, SAMR_DOMAIN_ACCESS_LOOKUP_INFO_2 |
                                          SAMR_DOMAIN_ACCESS_LOOKUP_ALIAS |
                                          SAMR_DOMAIN_ACCESS_ENUM_ACCOUNTS |
                                          SAMR_DOMAIN_ACCESS_OPEN_ACCOUNT);
    CHECK_EQ_U(NBI_SAMR_ALIAS_GET_MEMBERS, SAMR_ALIAS_ACCESS_GET_MEMBERS);
    CHECK_EQ_U(NBI_SAMR_ALIAS_LOOKUP_INFO, SAMR_ALIAS_ACCESS_LOOKUP_INFO);
    CHECK_EQ_U(NBI_SAMR_USER_GET_GROUPS, SAMR_USER_ACCESS_GET_GROUPS);
}

int main(void)
{
    RUN(wire_structures);
    RUN(access_masks);
    return check_finish();
}
