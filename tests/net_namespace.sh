#!/usr/bin/env bash
# net_namespace.sh TEST_NET NETAPI_TEST NETAPI — the local-group functions
# and the command over crafted databases: in a private mount namespace,
# /etc/passwd and /etc/group are replaced (bind mounts) by files with groups
# of several members, members only by primary group, a member listed twice
# and also by primary group, a 250-member group and a few hundred groups, and
# then test_net (which checks everything against getent) and netapi.sh run
# there.  Exits 77 (skipped) where mount namespaces are not permitted.
set -uo pipefail
test_net=$1 netapi_test=$2 netapi=$3

if [ "${NB_IN_NAMESPACE:-}" != 1 ]; then
    if ! unshare -m true 2>/dev/null; then
        echo "mount namespaces are not permitted here: skipped"
        exit 77
    fi
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
passwd = [l for l in open("/etc/passwd") if l.strip()]
group = [l for l in open("/etc/group") if l.strip()]
# 260 users: u000-u259; primary groups cycle over g000-g009
for i in range(260):
    passwd.append(f"u{i:03d}:x:{20000 + i}:{30000 + i % 10}:User {i},Room {i},,:/home/u{i:03d}:/bin/sh\n")
passwd.append("orphan:x:29999:45678::/nonexistent:/usr/sbin/nologin\n")
# hostile and wide text: escape sequences in GECOS, a name with an umlaut,
# a name in CJK characters (two columns each)
passwd.append("evil:x:29998:30299:\x1b[31mRED\x1b]0;pwned\x07,\u202eRoom:/home/evil:/bin/sh\n")
passwd.append("jürgen:x:29997:30299:Jürgen Müller,,:/home/j:/bin/sh\n")
passwd.append("名前:x:29996:30299:名前テスト,,:/home/n:/bin/sh\n")
# 300 groups g000-g299 (gid 30000+); g000-g009 are primary groups
for i in range(300):
    members = []
    if i == 10:   # several listed members
        members = ["u001", "u002", "u003"]
    if i == 11:   # a big group: 250 listed members
        members = [f"u{j:03d}" for j in range(250)]
    if i == 0:    # listed twice, and also a primary member (u000, u010, ...)
        members = ["u000", "u005", "u000", "u010"]
    if i == 12:   # members that are not users (a stale entry)
        members = ["ghost", "u007"]
    if i == 13:   # a user whose primary group id has no group entry
        members = ["orphan"]
    group.append(f"g{i:03d}:x:{30000 + i}:{','.join(members)}\n")
group.append("shared-a:x:39999:u001\n")   # two names for one gid
group.append("shared-b:x:39999:u001\n")
group.append("grüppe:x:39998:u002\n")     # UTF-8 name
open(f"{d}/passwd", "w").writelines(passwd)
open(f"{d}/group", "w").writelines(group)
open(f"{d}/nsswitch.conf", "w").write("passwd: files\ngroup: files\nshadow: files\n")
# utmp (glibc's x86-64/aarch64 struct utmp, 384 bytes): alice twice, bob, a dead session
import struct
def utmp(kind, pid, line, user):
    return struct.pack("<hhi32s4s32s256shhiii16s20s", kind, 0, pid, line.encode(), b"",
                       user.encode(), b"", 0, 0, 0, 0, 0, b"", b"")
USER_PROCESS, DEAD_PROCESS = 7, 8
with open(f"{d}/utmp", "wb") as f:
    f.write(utmp(USER_PROCESS, 101, "pts/1", "alice") + utmp(USER_PROCESS, 102, "pts/2", "alice")
            + utmp(USER_PROCESS, 103, "pts/3", "bob") + utmp(DEAD_PROCESS, 104, "pts/4", "carol"))
PY
    NB_IN_NAMESPACE=1 NB_TMP=$tmp exec unshare -m "$0" "$@"
fi

# ---- inside the namespace ---------------------------------------------------------------
set -e
mount --make-rprivate / 2>/dev/null || true
mount --bind "$NB_TMP/passwd" /etc/passwd
mount --bind "$NB_TMP/group" /etc/group
mount --bind "$NB_TMP/nsswitch.conf" /etc/nsswitch.conf
# A private /run: no name-service cache answers for the files, and the utmp
# database is ours.
run=$(readlink -f /var/run)
mount -t tmpfs none "$run"
cp "$NB_TMP/utmp" "$run/utmp"
set +e
passed=0 failed=0
check() { # DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $what"; fi
}
# the first column of a listing's table rows, space-separated
members() { "$netapi" localgroup "$1" | sed -n '/^---/,$p' | sed '1d;$d' | awk '{print $1}' | paste -sd' '; }
# "local_groups": ["a", "b"] of `netapi user NAME --json`
groups_of() { "$netapi" user "$1" --json | sed -n 's/^ *"local_groups": \[\(.*\)\]$/\1/p' | sed 's/"//g; s/, / /g'; }

check "getent sees the crafted files" test "$(getent group g299 | cut -d: -f3)" = 30299
check "listed members" test "$(members g010)" = "u001 u002 u003"
check "listed twice and primary: each once" \
    test "$(members g000)" = "u000 u005 u010 $(seq -f 'u%03g' 20 10 250 | tr '\n' ' ' | sed 's/ $//')"
check "primary-group members only" \
    test "$(members g001)" = "$(seq -f 'u%03g' 1 10 251 | tr '\n' ' ' | sed 's/ $//')"
check "250 listed members" test "$("$netapi" localgroup g011 | tail -1)" = "250 entries listed."
check "250 members paged" test "$("$netapi" localgroup g011 --prefmaxlen 200 | grep -c '^Page ')" -gt 20
check "user groups" test "$(groups_of u001)" = "g001 g010 g011 shared-a"
check "user groups, UTF-8 name" test "$(groups_of u002)" = "g002 g010 g011 grüppe"
check "a listed name that is no user is listed" test "$(members g012)" = "ghost u007"

check "a primary group id without a group entry is left out" test "$(groups_of orphan)" = g013
check "logged-on users: distinct names of live sessions" \
    test "$("$netapi" config workstation --json | sed -n 's/^ *"logged_on_users": \([0-9]*\)$/\1/p')" = 2

# Terminal safety: no raw control character reaches the output, the escape
# sequences show as text; columns align by display width, not bytes.
"$netapi" user >"$NB_TMP/user.out"
check "no ESC or BEL in the user listing" sh -c "! grep -q \"$(printf '\033')\" '$NB_TMP/user.out' && ! grep -q \"$(printf '\a')\" '$NB_TMP/user.out'"
check "escape sequences shown as text" grep -q '\\x1b\[31mRED' "$NB_TMP/user.out"
check "bidirectional override shown as text" sh -c "\"$netapi\" user evil | grep -q 'u202eRoom'"
"$netapi" user evil >"$NB_TMP/evil.out"
check "no ESC in one user's record" sh -c "! grep -q \"$(printf '\033')\" '$NB_TMP/evil.out'"
check "columns align by display width" python3 - "$NB_TMP/user.out" <<'PY'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
head = next(i for i, l in enumerate(lines) if l.startswith("User name"))
col = width(lines[head][:lines[head].index("Full name")])
rows = [l for l in lines[head + 2:] if l and not l.endswith("listed.")]
bad = [l for l in rows if l.split(" ")[0] in ("jürgen", "名前", "root")
       and width(l[:len(l) - len(l[col:].lstrip())]) != col and width(l.rstrip().split("  ")[0]) + 2 > col]
want = {"jürgen": "Jürgen Müller", "名前": "名前テスト"}
for l in rows:
    name = l.split(" ")[0]
    if name in want:
        # the full name starts at the display column of the heading
        pos = l.index(want[name])
        if width(l[:pos]) != col:
            print("misaligned:", repr(l), width(l[:pos]), col)
            sys.exit(1)
sys.exit(0)
PY

echo "--- test_net over the crafted databases"
NB_PAGING_SAMPLE=1 "$test_net" | tail -3
rc_test=${PIPESTATUS[0]}
check "test_net" test "$rc_test" = 0
echo "--- netapi.sh over the crafted databases"
"$netapi_test" "$netapi" | tail -3
rc_cmd=${PIPESTATUS[0]}
check "netapi.sh" test "$rc_cmd" = 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
