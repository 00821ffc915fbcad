# populate_dc.py SMB_CONF — fill the freshly provisioned, not yet started
# AD DC of with_server.sh, directly in its sam.ldb, in one transaction; then
# print the number of normal user accounts (what NetUserEnum with
# FILTER_NORMAL_ACCOUNT counts: Administrator, Guest and krbtgt included).
#
# Adds the ordinary user and a few named users (with passwords, full names,
# descriptions and comments), NB_BULK_USERS (2000) bulk users, global groups,
# a domain-local group and members of a builtin alias.  Bulk users have no
# password (UF_PASSWD_NOTREQD): setting one derives Kerberos keys, which
# would triple the time; they exist to be enumerated, not to log on.
#
# Environment: NB_USER, NB_USER_PASSWORD, NB_BULK_USERS.  2,000 users take
# about 5 s on one core, so with_server.sh caches the result.
import os
import sys

from samba import dsdb
from samba.auth import system_session
from samba.param import LoadParm
from samba.samdb import SamDB

# name, full name (displayName), description, comment, userAccountControl
NAMED = [
    ("bob", "Bob Builder", "disabled account", "",
     dsdb.UF_NORMAL_ACCOUNT | dsdb.UF_ACCOUNTDISABLE),
    ("carol", "Carol Nguyễn", "UTF-8 full name", "", dsdb.UF_NORMAL_ACCOUNT),
    ("dave", "Dave Null", "", "", dsdb.UF_NORMAL_ACCOUNT | dsdb.UF_DONT_EXPIRE_PASSWD),
]
USER = "NB_USER"   # stands for the ordinary user in the member lists below
# group, groupType, description, members ("bulk:N": the first N bulk users)
GROUPS = [
    ("nbstaff", dsdb.GTYPE_SECURITY_GLOBAL_GROUP, "Fixture staff", [USER, "bob"]),
    ("nbbig", dsdb.GTYPE_SECURITY_GLOBAL_GROUP, "300 members", ["bulk:300"]),
    ("nbempty", dsdb.GTYPE_SECURITY_GLOBAL_GROUP, "No members", []),
    ("nblocal", dsdb.GTYPE_SECURITY_DOMAIN_LOCAL_GROUP, "Fixture local group", [USER, "nbstaff"]),
    ("nblocalempty", dsdb.GTYPE_SECURITY_DOMAIN_LOCAL_GROUP, "Empty local group", []),
]
# builtin alias (already there), added members
BUILTIN = [("Remote Desktop Users", ["carol"])]


def bulk_name(i):
    return "bulk%04d" % i


def utf16_password(password):
    return ('"%s"' % password).encode("utf-16-le")


def main():
    lp = LoadParm()
    lp.load(sys.argv[1])
    db = SamDB(url=lp.private_path("sam.ldb"), session_info=system_session(), lp=lp)
    user = os.environ["NB_USER"]
    password = os.environ["NB_USER_PASSWORD"]
    bulk = int(os.environ.get("NB_BULK_USERS", "2000"))
    users_dn = "CN=Users,%s" % db.domain_dn()
    builtin_dn = "CN=Builtin,%s" % db.domain_dn()

    def dn(name, container=users_dn):
        return "CN=%s,%s" % (name, container)

    db.transaction_start()
    try:
        db.add({"dn": dn(user), "objectClass": "user", "sAMAccountName": user,
                "displayName": "Alice Liddell", "description": "ordinary test user",
                "comment": "a user comment", "unicodePwd": utf16_password(password),
                "userAccountControl": str(dsdb.UF_NORMAL_ACCOUNT)})
        for name, full, desc, comment, uac in NAMED:
            rec = {"dn": dn(name), "objectClass": "user", "sAMAccountName": name,
                   "displayName": full, "unicodePwd": utf16_password(password),
                   "userAccountControl": str(uac)}
            if desc:
                rec["description"] = desc
            if comment:
                rec["comment"] = comment
            db.add(rec)
        for i in range(1, bulk + 1):
            db.add({"dn": dn(bulk_name(i)), "objectClass": "user",
                    "sAMAccountName": bulk_name(i), "displayName": "Bulk User %d" % i,
                    "description": "bulk account %d" % i,
                    "userAccountControl": str(dsdb.UF_NORMAL_ACCOUNT | dsdb.UF_PASSWD_NOTREQD)})

        def member_dns(members):
            out = []
            for m in members:
                if m.startswith("bulk:"):
                    out += [dn(bulk_name(i)) for i in range(1, int(m[5:]) + 1)]
                else:
                    out.append(dn(user if m == USER else m))
            return out

        for name, gtype, desc, members in GROUPS:
            rec = {"dn": dn(name), "objectClass": "group", "sAMAccountName": name,
                   "groupType": str(gtype - (1 << 32) if gtype >= 1 << 31 else gtype),
                   "description": desc}
            if members:
                rec["member"] = member_dns(members)
            db.add(rec)
        for name, members in BUILTIN:
            db.modify_ldif("dn: %s\nchangetype: modify\nadd: member\n%s\n"
                           % (dn(name, builtin_dn),
                              "".join("member: %s\n" % m for m in member_dns(members))))
    except BaseException:
        db.transaction_cancel()
        raise
    db.transaction_commit()
    normal = db.search(db.domain_dn(), expression="(sAMAccountType=%d)" % dsdb.ATYPE_NORMAL_ACCOUNT,
                       attrs=["sAMAccountName"])
    print(len(normal))


if __name__ == "__main__":
    main()
