/*
 * samr_mgmt_layouts.h — the Samba structures the remote layer declares
 * itself (src/remote/samr.h, samr_mgmt.h), each paired with samba-dev's
 * own: SIZE(ours, theirs) and AT(ours, member, theirs, member), struct tags
 * without "struct".  Expanded twice, in two translation units (Samba's
 * headers and ours cannot share one): samr_mgmt_layouts_samba.c measures
 * theirs, test_samr_mgmt_layouts.c ours, and compares.
 */
#define SAMR_MGMT_LAYOUTS(SIZE, AT)                                                         \
    SIZE(nbi_policy_handle, policy_handle)                                                 \
    SIZE(nbi_dom_sid, dom_sid)                                                             \
    AT(nbi_dom_sid, sub_auths, dom_sid, sub_auths)                                         \
    SIZE(nbi_lsa_string, lsa_String)                                                       \
    AT(nbi_lsa_string, string, lsa_String, string)                                         \
    SIZE(nbi_samr_sam_entry, samr_SamEntry)                                                \
    AT(nbi_samr_sam_entry, name, samr_SamEntry, name)                                      \
    SIZE(nbi_samr_sam_array, samr_SamArray)                                                \
    SIZE(nbi_samr_rid_with_attribute_array, samr_RidWithAttributeArray)                    \
    AT(nbi_samr_rid_with_attribute_array, rids, samr_RidWithAttributeArray, rids)          \
    SIZE(nbi_lsa_strings, lsa_Strings)                                                     \
    SIZE(nbi_samr_ids, samr_Ids)                                                           \
    AT(nbi_samr_ids, ids, samr_Ids, ids)                                                   \
    SIZE(nbi_lsa_sid_array, lsa_SidArray)                                                  \
    AT(nbi_lsa_sid_array, sids, lsa_SidArray, sids)                                        \
    SIZE(nbi_lsa_binary_string, lsa_BinaryString)                                          \
    AT(nbi_lsa_binary_string, array, lsa_BinaryString, array)                              \
    SIZE(nbi_samr_logon_hours, samr_LogonHours)                                            \
    AT(nbi_samr_logon_hours, bits, samr_LogonHours, bits)                                  \
    SIZE(nbi_samr_user_info21, samr_UserInfo21)                                            \
    AT(nbi_samr_user_info21, acct_expiry, samr_UserInfo21, acct_expiry)                    \
    AT(nbi_samr_user_info21, account_name, samr_UserInfo21, account_name)                  \
    AT(nbi_samr_user_info21, full_name, samr_UserInfo21, full_name)                        \
    AT(nbi_samr_user_info21, home_directory, samr_UserInfo21, home_directory)              \
    AT(nbi_samr_user_info21, home_drive, samr_UserInfo21, home_drive)                      \
    AT(nbi_samr_user_info21, logon_script, samr_UserInfo21, logon_script)                  \
    AT(nbi_samr_user_info21, profile_path, samr_UserInfo21, profile_path)                  \
    AT(nbi_samr_user_info21, description, samr_UserInfo21, description)                    \
    AT(nbi_samr_user_info21, workstations, samr_UserInfo21, workstations)                  \
    AT(nbi_samr_user_info21, comment, samr_UserInfo21, comment)                            \
    AT(nbi_samr_user_info21, parameters, samr_UserInfo21, parameters)                      \
    AT(nbi_samr_user_info21, private_data, samr_UserInfo21, private_data)                  \
    AT(nbi_samr_user_info21, buffer, samr_UserInfo21, buffer)                              \
    AT(nbi_samr_user_info21, primary_gid, samr_UserInfo21, primary_gid)                    \
    AT(nbi_samr_user_info21, acct_flags, samr_UserInfo21, acct_flags)                      \
    AT(nbi_samr_user_info21, fields_present, samr_UserInfo21, fields_present)              \
    AT(nbi_samr_user_info21, logon_hours, samr_UserInfo21, logon_hours)                    \
    AT(nbi_samr_user_info21, country_code, samr_UserInfo21, country_code)                  \
    AT(nbi_samr_user_info21, code_page, samr_UserInfo21, code_page)                        \
    AT(nbi_samr_user_info21, password_expired, samr_UserInfo21, password_expired)          \
    SIZE(nbi_samr_user_info1, samr_UserInfo1)                                              \
    AT(nbi_samr_user_info1, primary_gid, samr_UserInfo1, primary_gid)                      \
    SIZE(nbi_samr_user_info16, samr_UserInfo16)                                            \
    SIZE(nbi_samr_group_info_all, samr_GroupInfoAll)                                      \
    AT(nbi_samr_group_info_all, attributes, samr_GroupInfoAll, attributes)                 \
    AT(nbi_samr_group_info_all, description, samr_GroupInfoAll, description)               \
    SIZE(nbi_samr_rid_attr_array, samr_RidAttrArray)                                       \
    AT(nbi_samr_rid_attr_array, attributes, samr_RidAttrArray, attributes)

/* The fields_present bits (samr_mgmt.h), paired the same way. */
#define SAMR_MGMT_CONSTANTS(C)                                                              \
    C(NBI_SAMR_FIELD_ACCOUNT_NAME, SAMR_FIELD_ACCOUNT_NAME)                                \
    C(NBI_SAMR_FIELD_FULL_NAME, SAMR_FIELD_FULL_NAME)                                      \
    C(NBI_SAMR_FIELD_PRIMARY_GID, SAMR_FIELD_PRIMARY_GID)                                  \
    C(NBI_SAMR_FIELD_DESCRIPTION, SAMR_FIELD_DESCRIPTION)                                  \
    C(NBI_SAMR_FIELD_COMMENT, SAMR_FIELD_COMMENT)                                          \
    C(NBI_SAMR_FIELD_HOME_DIRECTORY, SAMR_FIELD_HOME_DIRECTORY)                            \
    C(NBI_SAMR_FIELD_HOME_DRIVE, SAMR_FIELD_HOME_DRIVE)                                    \
    C(NBI_SAMR_FIELD_LOGON_SCRIPT, SAMR_FIELD_LOGON_SCRIPT)                                \
    C(NBI_SAMR_FIELD_PROFILE_PATH, SAMR_FIELD_PROFILE_PATH)                                \
    C(NBI_SAMR_FIELD_WORKSTATIONS, SAMR_FIELD_WORKSTATIONS)                                \
    C(NBI_SAMR_FIELD_LOGON_HOURS, SAMR_FIELD_LOGON_HOURS)                                  \
    C(NBI_SAMR_FIELD_ACCT_EXPIRY, SAMR_FIELD_ACCT_EXPIRY)                                  \
    C(NBI_SAMR_FIELD_ACCT_FLAGS, SAMR_FIELD_ACCT_FLAGS)                                    \
    C(NBI_SAMR_FIELD_PARAMETERS, SAMR_FIELD_PARAMETERS)                                    \
    C(NBI_SAMR_FIELD_COUNTRY_CODE, SAMR_FIELD_COUNTRY_CODE)                                \
    C(NBI_SAMR_FIELD_CODE_PAGE, SAMR_FIELD_CODE_PAGE)                                      \
    C(NBI_SAMR_FIELD_EXPIRED_FLAG, SAMR_FIELD_EXPIRED_FLAG)
