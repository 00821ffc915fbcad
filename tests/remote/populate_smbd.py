# populate_smbd.py users|aliases SMB_CONF — fill the standalone smbd of
# with_server.sh.  Runs inside its namespace (the /etc there is private).
#
#   users    Unix accounts in /etc/passwd and /etc/group, and their tdbsam
#            entries: the administrator (root), the ordinary user, a few
#            named users and NB_BULK_USERS (1500) bulk users.  Prints the
#            number of passdb accounts.  Run before smbd and winbindd start:
#            this also creates the machine SID, which two processes must not
#            race to create.
#   aliases  local groups (aliases) of the account domain and their members.
#            Needs winbindd: a standalone server asks it for each alias's gid.
#
# Environment: NB_ADMIN_PASSWORD, NB_USER, NB_USER_PASSWORD, NB_BULK_USERS.
# Python's passdb bindings write every account in one process; with
# TDB_NO_FSYNC=1 (set by with_server.sh) 1,500 accounts take about 0.3 s,
# against 2 s for `pdbedit -i` and minutes for pdbedit/smbpasswd per user.
import os
import sys
import time

from samba.dcerpc import samr, security
from samba.samba3 import param as s3param
from samba.samba3 import passdb

# name, full name, comment (account description), account flags
NAMED = [
    ("bob", "Bob Builder", "disabled account", samr.ACB_NORMAL | samr.ACB_DISABLED),
    ("carol", "Carol Nguyễn", "UTF-8 full name", samr.ACB_NORMAL),
    ("dave", "Dave Null", "", samr.ACB_NORMAL | samr.ACB_PWNOEXP),
]
USER = "NB_USER"   # stands for the ordinary user in the member lists below
# alias, comment, members ("bulk:N": the first N bulk users)
ALIASES = [
    ("nbstaff", "Fixture staff", [USER, "bob"]),
    ("nbadmins", "Fixture administrators", ["root"]),
    ("nbempty", "No members", []),
    ("nbbig", "300 members", ["bulk:300"]),
]
UID0, GID_USERS = 20000, 20000


def bulk_name(i):
    return "bulk%04d" % i


def open_pdb(conf):
    lp = s3param.get_context()
    lp.load(conf)
    passdb.set_smb_config(conf)
    passdb.set_secrets_dir(lp.get("private dir"))
    return passdb.PDB("tdbsam")


def add_users(pdb):
    user = os.environ["NB_USER"]
    bulk = int(os.environ.get("NB_BULK_USERS", "1500"))
    passwd, group = [], ["nbusers:x:%d:\n" % GID_USERS]
    uid = UID0
    for name, full, _, _ in [(user, "", "", 0)] + NAMED:
        uid += 1
        passwd.append("%s:x:%d:%d:%s:/nonexistent:/usr/sbin/nologin\n" % (name, uid, GID_USERS, full))
    for i in range(1, bulk + 1):
        passwd.append("%s:x:%d:%d:Bulk User %d:/nonexistent:/usr/sbin/nologin\n"
                      % (bulk_name(i), UID0 + 1000 + i, GID_USERS, i))
    with open("/etc/passwd", "a") as f:
        f.writelines(passwd)
    with open("/etc/group", "a") as f:
        f.writelines(group)

    dom = str(passdb.get_global_sam_sid())
    now = int(time.time())

    # comment: the account's description (USER_INFO_1 comment); user_comment:
    # its user comment (USER_INFO_10 usr_comment)
    def add(name, password, full="", comment="", flags=samr.ACB_NORMAL, nt=None, user_comment=""):
        u = passdb.Samu()
        u.username = name
        u.full_name = full
        u.acct_desc = comment
        u.comment = user_comment
        u.acct_ctrl = flags
        u.user_sid = security.dom_sid("%s-%d" % (dom, pdb.new_rid()))
        if nt is None:
            u.plaintext_passwd = password
        else:
            u.nt_passwd = nt
        u.pass_last_set_time = now
        pdb.add_sam_account(u)
        return u

    add("root", os.environ["NB_ADMIN_PASSWORD"], "Fixture Administrator", "the administrator")
    add(user, os.environ["NB_USER_PASSWORD"], "Alice Liddell", "ordinary test user",
        user_comment="a user comment")
    for name, full, comment, flags in NAMED:
        add(name, os.environ["NB_USER_PASSWORD"], full, comment, flags)
    # Every bulk user has the ordinary user's password; hashing it once is enough.
    nt = pdb.getsampwnam(user).nt_passwd
    for i in range(1, bulk + 1):
        add(bulk_name(i), None, "Bulk User %d" % i, "bulk account %d" % i, nt=nt)
    print(len(pdb.search_users(0)))


def add_aliases(pdb):
    dom = passdb.get_global_sam_sid()
    user = os.environ["NB_USER"]
    deadline = time.time() + 30
    for name, comment, members in ALIASES:
        while True:   # winbindd may still be starting: it allocates the gid
            try:
                rid = pdb.create_alias(name)
                break
            except passdb.error:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        sid = security.dom_sid("%s-%d" % (dom, rid))
        pdb.set_aliasinfo(sid, {"acct_name": name, "acct_desc": comment})
        names = []
        for m in members:
            if m.startswith("bulk:"):
                names += [bulk_name(i) for i in range(1, int(m[5:]) + 1)]
            else:
                names.append(user if m == USER else m)
        for m in names:
            pdb.add_aliasmem(sid, pdb.getsampwnam(m).user_sid)


def main():
    what, conf = sys.argv[1], sys.argv[2]
    pdb = open_pdb(conf)
    {"users": add_users, "aliases": add_aliases}[what](pdb)


if __name__ == "__main__":
    main()
