#!/usr/bin/env bash
# netapi_remote.sh NETAPI — the netapi command against the server
# with_server.sh started, as a user would type it:
#   tests/remote/with_server.sh smbd tests/remote/netapi_remote.sh build/tools/netapi/netapi
# Every account listed, one user shown with its groups, a local group's
# members, the server's time and configuration, DOMAIN\USER logons, and
# the failures a user meets (wrong password, a host that does not answer)
# with their Windows status and exit status 1.  Prints "N passed, M failed".
set -uo pipefail
N=${1:?usage: netapi_remote.sh NETAPI}
for v in NB_SERVER NB_SERVER_KIND NB_SERVER_NAME NB_DOMAIN NB_ADMIN_USER NB_ADMIN_PASSWORD \
    NB_USER NB_USER_PASSWORD NB_USER_COUNT; do
    [ -n "${!v:-}" ] || { echo "netapi_remote.sh: $v is not set: run it under with_server.sh" >&2; exit 2; }
done
admin=$NB_ADMIN_USER%$NB_ADMIN_PASSWORD
user=$NB_USER%$NB_USER_PASSWORD
S="\\\\$NB_SERVER"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
group=nbstaff
[ "$NB_SERVER_KIND" = dc ] && group=nblocal

passed=0 failed=0
check() { # DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $what"
    fi
}
# has TEXT COMMAND... — COMMAND exits 0 and prints a line containing TEXT
has() {
    local text=$1 out
    shift
    out=$("$@" 2>&1) || { echo "  ($* exited $?: $(echo "$out" | tail -1))"; return 1; }
    grep -qF -- "$text" <<<"$out" || { echo "  (no '$text' in the output of $*)"; return 1; }
}
# fails_with TEXT COMMAND... — COMMAND exits 1 and says TEXT on stderr
fails_with() {
    local text=$1 err rc
    shift
    err=$("$@" 2>&1 >/dev/null)
    rc=$?
    [ "$rc" = 1 ] || { echo "  ($* exited $rc, not 1)"; return 1; }
    grep -qF -- "$text" <<<"$err" || { echo "  (no '$text' in: $err)"; return 1; }
}
# json_entries JSON — the number of entries of netapi's --json document
json_entries() { "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)["entries"]))'; }

check "every account listed (--json)" test "$("$N" "$S" -U "$admin" --json user | json_entries)" = "$NB_USER_COUNT"
check "every account listed (-S SERVER, text)" has "$NB_USER" "$N" -S "$NB_SERVER" -U "$admin" user
check "the list says whose it is" has "User accounts for \\\\" "$N" "$S" -U "$admin" user
check "a user shown to herself" has "Alice Liddell" "$N" "$S" -U "$user" user "$NB_USER"
check "her local groups shown" has "$group" "$N" "$S" -U "$user" user "$NB_USER"
check "a disabled account shown as such" has "No" sh -c "'$N' '$S' -U '$admin' user bob | grep 'Account active'"
check "DOMAIN\\USER logs on" has "Alice Liddell" "$N" "$S" -U "$NB_DOMAIN\\$admin" user "$NB_USER"
check "a local group's members" has "$NB_USER" "$N" "$S" -U "$admin" localgroup "$group"
check "the local groups listed" has "Administrators" "$N" "$S" -U "$admin" localgroup
check "the server's time" has "Current time is" "$N" "$S" -U "$admin" time
check "the server's configuration" has "$NB_SERVER_NAME" "$N" "$S" -U "$admin" config server
# (netapi asks for level 102 by default, which a Samba DC refuses to
# everyone: WERR_ACCESS_DENIED, rpcclient's wkssvc_wkstagetinfo 102 too)
check "the workstation configuration (level 101)" has "$NB_DOMAIN" \
    "$N" "$S" -U "$admin" config workstation --level 101
if [ "$NB_SERVER_KIND" = dc ]; then
    check "a DC refuses workstation level 102: 5, exit 1" fails_with "error 5" \
        "$N" "$S" -U "$admin" config workstation
else
    check "the workstation configuration" has "$NB_DOMAIN" "$N" "$S" -U "$admin" config workstation
fi
check "a wrong password: 1326, exit 1" fails_with "1326" "$N" "$S" -U "$NB_ADMIN_USER%wrong.Pass1" user
check "an unknown user: 2221, exit 1" fails_with "2221" "$N" "$S" -U "$admin" user nosuchuser
check "an unknown group: 2220, exit 1" fails_with "2220" "$N" "$S" -U "$admin" localgroup nosuchgroup
check "nothing answers: 53, exit 1" fails_with "53" "$N" '\\127.0.0.9' -U "$admin" time
check "a malformed name: exit 1 or 2" sh -c "'$N' '\\\\' time >/dev/null 2>&1; [ \$? -ge 1 ]"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
