# server_view.py — the server's own view of its accounts and groups, for
# test_remote.c to compare every field netapibuf returns with.  Runs inside
# with_server.sh's namespace (it reads NB_SERVER_KIND, NB_SMBCONF, ...),
# with the system's Python (Samba's modules live there).
#
# Where each fact comes from — the server's own tools, or the database
# they read, never netapibuf or libnetapi:
#   smbd  users: `pdbedit -L -v` (every field it prints) and, for the user
#         comment that pdbedit does not print, Samba's passdb bindings;
#         aliases and their members: the passdb bindings; member names:
#         `rpcclient lookupsids` (the server's LSA); the domain:
#         `net rpc info`; account-domain alias members are checked against
#         `net rpc group members` here as well.
#   dc    users, groups, aliases and members: sam.ldb through SamDB (what
#         samba-tool reads), with `samba-tool user show` for the named
#         users and `samba-tool group listmembers` for the fixture's
#         groups checked against it here; member names: `rpcclient
#         lookupsids`; the domain: `net rpc info`.
#   both  server information: `rpcclient srvinfo` (levels 101 and 102);
#         the time: `net time system`.
#
# Output: one record per line, fields separated by tabs; a backslash, tab
# or newline inside a field is written \\, \t, \n.  A line "mismatch ..."
# means two of the server's own tools disagreed (the test fails on it).
#
#   domain   NAME SID USERS LOCAL_GROUPS          (net rpc info)
#   user     NAME RID FULL DESC USR_COMMENT FLAGS COMPUTED HOME PROFILE
#            PRIMARY_RID SCRIPT WORKSTATIONS PARMS HOME_DRIVE LOGON_HOURS
#            FLAGS/COMPUTED: Windows UF_ bits, UF_SCRIPT not included;
#            COMPUTED: the bits a DC computes (UF_LOCKOUT, UF_PASSWORD_EXPIRED);
#            LOGON_HOURS: 42 hex digits
#   ugroup   USER GROUP_SID                       (the user's global groups)
#   alias    B|A NAME RID COMMENT                 (B: BUILTIN, A: account domain)
#   member   ALIAS SID DOMAIN NAME TYPE           (DOMAIN "" when not resolved)
#   server   KEY VALUE                            (rpcclient srvinfo)
#   time     SECONDS                              (the server's clock, UTC)
import os
import re
import subprocess
import sys
import calendar
import time

KIND = os.environ["NB_SERVER_KIND"]
SERVER = os.environ["NB_SERVER"]
CONF = os.environ["NB_SMBCONF"]
ADMIN = "%s%%%s" % (os.environ["NB_ADMIN_USER"], os.environ["NB_ADMIN_PASSWORD"])
NAMED = ["alice", "bob", "carol", "dave", os.environ["NB_ADMIN_USER"]]

UF_ACCOUNTDISABLE = 0x2
UF_LOCKOUT = 0x10
UF_PASSWORD_EXPIRED = 0x800000


def esc(v):
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def out(*fields):
    print("\t".join(esc(f) for f in fields))


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def mismatch(what):
    out("mismatch", what)


def net_rpc_info():
    info = dict(re.findall(r"^([^:]+): (.*)$", run("net", "rpc", "info", "-S", SERVER, "-U", ADMIN),
                           re.M))
    out("domain", info["Domain Name"], info["Domain SID"], info["Num users"],
        info["Num local groups"])
    return info["Domain SID"]


def lookup_sids(sids):
    """SID -> (domain, name, type) through the server's LSA (rpcclient)."""
    names = {}
    sids = sorted(set(sids))
    for i in range(0, len(sids), 200):
        text = run("rpcclient", "-U", ADMIN, "-c", "lookupsids " + " ".join(sids[i:i + 200]), SERVER)
        for line in text.splitlines():
            m = re.match(r"^(S-[0-9-]+) (.*) \((\d+)\)$", line)
            if not m:
                continue
            full, kind = m.group(2), int(m.group(3))
            if "\\" in full and not full.startswith("*unknown*"):
                dom, name = full.split("\\", 1)
            else:
                dom, name = "", ""
            names[m.group(1)] = (dom, name, kind)
    return names


def srvinfo():
    for level in ("101", "102"):
        text = run("rpcclient", "-U", ADMIN, "-c", "srvinfo " + level, SERVER)
        for line in text.splitlines():
            m = re.match(r"^\s*([a-z_ ,]+?)\s*:\s*(.*)$", line)
            if m:
                if level == "102" or m.group(1) not in ("os version", "server type"):
                    out("server", m.group(1), m.group(2).strip())
            elif line.strip() and level == "101":
                # "	NBDC           Wk Sv PrQ ... comment": the name first
                out("server", "name", line.split()[0])
    # the comment is the server's "server string" (srvinfo abbreviates it)
    out("server", "comment", run("testparm", "-s", "--parameter-name=server string", CONF).strip())


def server_time():
    # MMDDhhmmYYYY.SS in the server's local time zone, which is the
    # namespace's (the machine's) zone: convert with the local zone.
    t = run("net", "time", "system", "-S", SERVER).strip()
    tm = time.strptime(t, "%m%d%H%M%Y.%S")
    out("time", int(time.mktime(tm)))


# ---- smbd --------------------------------------------------------------------------

PDBEDIT_FLAGS = {  # pdbedit's letters (pdb_encode_acct_ctrl) as Windows UF_ bits
    "U": 0x200, "D": 0x2, "H": 0x8, "N": 0x20, "T": 0x100, "M": 0x20000,
    "W": 0x1000, "S": 0x2000, "I": 0x800, "X": 0x10000, "L": 0x10,
}


def smbd():
    from samba.samba3 import param as s3param
    from samba.samba3 import passdb
    from samba.dcerpc import security
    domain_sid = net_rpc_info()
    lp = s3param.get_context()
    lp.load(CONF)
    passdb.set_smb_config(CONF)
    passdb.set_secrets_dir(lp.get("private dir"))
    pdb = passdb.PDB("tdbsam")

    text = run("pdbedit", "-s", CONF, "-L", "-v")
    for block in text.split("---------------\n"):
        f = dict(re.findall(r"^([^:\n]+?)\s*:[ \t]*(.*)$", block, re.M))
        if "Unix username" not in f:
            continue
        name = f["Unix username"]
        flags = 0
        for c in f["Account Flags"].strip("[] "):
            flags |= PDBEDIT_FLAGS.get(c, 0)
        rid = int(f["User SID"].rsplit("-", 1)[1])
        if not f["User SID"].startswith(domain_sid + "-"):
            mismatch("user %s SID %s outside %s" % (name, f["User SID"], domain_sid))
        primary = int(f["Primary Group SID"].rsplit("-", 1)[1])
        comment = pdb.getsampwnam(name).comment or ""
        out("user", name, rid, f["Full Name"], f["Account desc"], comment, flags, 0,
            f["Home Directory"], f["Profile Path"], primary, f["Logon Script"],
            f["Workstations"], f["Munged dial"], f["HomeDir Drive"], f["Logon hours"].strip())
        out("ugroup", name, f["Primary Group SID"])

    members = {}
    dom = passdb.get_global_sam_sid()
    for tag, sid in (("B", security.dom_sid("S-1-5-32")), ("A", dom)):
        for a in pdb.search_aliases(sid):
            out("alias", tag, a["account_name"], a["rid"], a["description"] or "")
            alias_sid = security.dom_sid("%s-%d" % (sid, a["rid"]))
            members[a["account_name"]] = [str(m) for m in pdb.enum_aliasmem(alias_sid)]
            if tag == "A":
                # net rpc's view of the same members, by name
                got = sorted(run("net", "rpc", "group", "members", a["account_name"], "-S", SERVER,
                                 "-U", ADMIN).split())
                members.setdefault("_net_" + a["account_name"], got)
    return members


# ---- dc ----------------------------------------------------------------------------

def dc():
    from samba.samdb import SamDB
    from samba.auth import system_session
    from samba.param import LoadParm
    from samba.ndr import ndr_unpack
    from samba.dcerpc import security
    import ldb
    domain_sid = net_rpc_info()
    lp = LoadParm()
    lp.load(CONF)
    sam = lp.private_path("sam.ldb")
    db = SamDB(url=sam, session_info=system_session(), lp=lp)
    base = db.domain_dn()

    def sid_of(msg):
        return str(ndr_unpack(security.dom_sid, msg["objectSid"][0]))

    def one(msg, attr, default=""):
        return str(msg[attr][0]) if attr in msg else default

    groups = {}
    for g in db.search(base, expression="(objectClass=group)",
                       attrs=["objectSid", "sAMAccountName", "groupType"]):
        groups[str(g.dn).lower()] = (sid_of(g), int(g["groupType"][0]) & 0xffffffff)

    users = db.search(base, expression="(sAMAccountType=805306368)", attrs=[
        "sAMAccountName", "objectSid", "displayName", "description", "comment",
        "userAccountControl", "msDS-User-Account-Control-Computed", "homeDirectory",
        "profilePath", "primaryGroupID", "scriptPath", "userWorkstations", "memberOf",
        "userParameters", "homeDrive", "logonHours"])
    for u in users:
        name = one(u, "sAMAccountName")
        sid = sid_of(u)
        if not sid.startswith(domain_sid + "-"):
            mismatch("user %s SID %s outside %s" % (name, sid, domain_sid))
        hours = u["logonHours"][0].hex().upper() if "logonHours" in u else "FF" * 21
        out("user", name, sid.rsplit("-", 1)[1], one(u, "displayName"), one(u, "description"),
            one(u, "comment"), int(one(u, "userAccountControl", "0")),
            int(one(u, "msDS-User-Account-Control-Computed", "0")), one(u, "homeDirectory"),
            one(u, "profilePath"), int(one(u, "primaryGroupID", "0")), one(u, "scriptPath"),
            one(u, "userWorkstations"), one(u, "userParameters"), one(u, "homeDrive"), hours)
        out("ugroup", name, "%s-%s" % (domain_sid, one(u, "primaryGroupID", "0")))
        for g in u.get("memberOf", []):
            sid_type = groups.get(str(g).lower())
            # global and universal security groups: what SAMR's
            # GetGroupsForUser lists
            if sid_type and sid_type[1] & 0x0000000A and sid_type[1] & 0x80000000:
                out("ugroup", name, sid_type[0])
        if name in NAMED:
            show = run("samba-tool", "user", "show", name, "-H", sam)
            for attr, want in (("displayName", one(u, "displayName")),
                               ("description", one(u, "description")),
                               ("userAccountControl", one(u, "userAccountControl"))):
                m = re.search(r"^%s: (.*)$" % attr, show, re.M)
                if (m.group(1) if m else "") != want:
                    mismatch("samba-tool user show %s: %s" % (name, attr))

    members = {}
    for tag, gtype, where in (("B", -2147483643, "CN=Builtin," + str(base)),
                              ("A", -2147483644, str(base))):
        for a in db.search(where, expression="(&(objectClass=group)(groupType=%d))" % gtype,
                           attrs=["sAMAccountName", "objectSid", "description", "member"]):
            name = one(a, "sAMAccountName")
            out("alias", tag, name, sid_of(a).rsplit("-", 1)[1], one(a, "description"))
            sids = []
            for m in a.get("member", []):
                r = db.search(ldb.Dn(db, str(m)), scope=ldb.SCOPE_BASE, attrs=["objectSid"])
                sids.append(sid_of(r[0]))
            members[name] = sids
    # samba-tool's view of the fixture's groups
    for g in ("nblocal",):
        got = sorted(run("samba-tool", "group", "listmembers", g, "-H", sam).split())
        members["_tool_" + g] = got
    return members


def main():
    members = smbd() if KIND == "smbd" else dc()
    everyone = [s for k, v in members.items() if not k.startswith("_") for s in v]
    names = lookup_sids(everyone)
    for alias, sids in members.items():
        if alias.startswith("_"):
            continue
        for s in sids:
            dom, name, kind = names.get(s, ("", "", 8))
            out("member", alias, s, dom, name, kind)
    # the other tools' member names against the LSA's
    for key, got in members.items():
        if not key.startswith("_"):
            continue
        alias = key.split("_", 2)[2]
        want = sorted(("%s\\%s" % names[s][:2]) if key.startswith("_net_") else names[s][1]
                      for s in members.get(alias, []) if s in names)
        if got != want:
            mismatch("%s members %s != %s" % (key, got, want))
    srvinfo()
    server_time()


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as e:
        sys.stderr.write("server_view.py: %s failed: %s\n" % (" ".join(e.cmd), e.stderr))
        sys.exit(1)
