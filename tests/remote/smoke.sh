#!/usr/bin/env bash
# smoke.sh — checks, with Samba's own tools, that the server with_server.sh
# started works as the fixture promises: shares, users and their count,
# local (and on the DC global) groups and members, logons that succeed and
# fail, and that the client is not the server.  Run it as
#   tests/remote/with_server.sh smbd tests/remote/smoke.sh
#   tests/remote/with_server.sh dc tests/remote/smoke.sh
# Prints "N passed, M failed"; exits non-zero when a check failed.
set -uo pipefail
for v in NB_SERVER NB_SERVER_KIND NB_SERVER_NAME NB_DOMAIN NB_ADMIN_USER NB_ADMIN_PASSWORD \
    NB_USER NB_USER_PASSWORD NB_USER_COUNT NB_STATE NB_SMBCONF; do
    [ -n "${!v:-}" ] || { echo "smoke.sh: $v is not set: run it under with_server.sh" >&2; exit 2; }
done
admin=$NB_ADMIN_USER%$NB_ADMIN_PASSWORD
user=$NB_USER%$NB_USER_PASSWORD
S=$NB_SERVER
dc() { [ "$NB_SERVER_KIND" = dc ]; }
lower() { echo "$1" | tr '[:upper:]' '[:lower:]'; }

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
fails() { ! "$@" >/dev/null 2>&1; }
quiet() { "$@" >/dev/null 2>&1; }
# has NEEDLE COMMAND... — COMMAND succeeds and prints a line equal to NEEDLE
has() {
    local needle=$1 out
    shift
    out=$("$@" 2>&1) || { echo "  ($* failed: $(echo "$out" | tail -1))"; return 1; }
    grep -qxF -- "$needle" <<<"$out" || { echo "  (no line '$needle' from $*)"; return 1; }
}
# count_is N COMMAND... — COMMAND succeeds and prints N lines
count_is() {
    local want=$1 out got
    shift
    out=$("$@" 2>/dev/null) || { echo "  ($* failed)"; return 1; }
    got=$(grep -c . <<<"$out")
    [ "$got" = "$want" ] || { echo "  ($* printed $got lines, not $want)"; return 1; }
}
# share NAME COMMENT — smbclient -L lists the disk share NAME with COMMENT
share() {
    smbclient -L "//$S" -U "$admin" -g 2>/dev/null | grep -qxF "Disk|$1|$2"
}

# ---- the client is not the server
client_name=$(testparm -s --parameter-name='netbios name' /etc/samba/smb.conf 2>/dev/null)
check "the client has its own name" test "$client_name" = NBCLIENT
check "the client's name is not the server's" test "$client_name" != "$NB_SERVER_NAME"
check "the client's workgroup is the server's" \
    test "$(testparm -s --parameter-name=workgroup /etc/samba/smb.conf 2>/dev/null)" = "$NB_DOMAIN"
check "the server answers on $S only, not 127.0.0.1" fails smbclient -L //127.0.0.1 -U "$admin"

# ---- shares
if dc; then
    check "share sysvol listed" share sysvol ""
    check "share netlogon listed" share netlogon ""
else
    check "share public listed" share public "Public files"
    check "share docs listed" share docs "Documentation"
    check "the ordinary user reads [docs]" has "  README" \
        sh -c "smbclient //$S/docs -U '$user' -c ls | sed 's/ *[AN] .*//'"
fi

# ---- users
check "net rpc user lists NB_USER_COUNT ($NB_USER_COUNT) users" \
    count_is "$NB_USER_COUNT" net rpc user -S "$S" -U "$admin"
check "the ordinary user is listed" has "$NB_USER" net rpc user -S "$S" -U "$admin"
check "bulk0001 is listed" has bulk0001 net rpc user -S "$S" -U "$admin"
if dc; then
    check "the server's own count (samba-tool user list)" \
        count_is "$NB_USER_COUNT" samba-tool user list -s "$NB_SMBCONF"
    check "the same over LDAP" count_is "$NB_USER_COUNT" \
        samba-tool user list -H "ldap://$S" -U "$admin"
else
    check "the server's own count (pdbedit -L)" count_is "$NB_USER_COUNT" pdbedit -s "$NB_SMBCONF" -L
    check "full name in the server's passdb" has "Full Name:            Alice Liddell" \
        pdbedit -s "$NB_SMBCONF" -Lv "$NB_USER"
fi
check "net rpc info answers" has "Domain Name: $NB_DOMAIN" net rpc info -S "$S" -U "$admin"

# ---- logons
check "the administrator logs on" quiet smbclient -L "//$S" -U "$admin"
check "the ordinary user logs on" quiet smbclient -L "//$S" -U "$user"
check "a wrong password fails" fails smbclient -L "//$S" -U "$NB_ADMIN_USER%wrong.Password1"
check "an unknown user fails" fails smbclient -L "//$S" -U "nosuchuser%$NB_USER_PASSWORD"
check "the disabled user bob fails" fails smbclient -L "//$S" -U "bob%$NB_USER_PASSWORD"
check "the ordinary user is no administrator (cannot add a user)" \
    fails net rpc user add nbsmoke Smoke.Pass1 -S "$S" -U "$user"
check "the ordinary user lists users too" count_is "$NB_USER_COUNT" net rpc user -S "$S" -U "$user"

# ---- groups
# members GROUP — the members net rpc reports, sorted, space-separated
members() { net rpc group members "$1" -S "$S" -U "$admin" 2>/dev/null | sort | paste -sd' '; }
if dc; then
    check "local group nblocal listed (net rpc group list -L)" has nblocal \
        net rpc group list -L -S "$S" -U "$admin"
    check "local group nblocal listed (rpcclient enumalsgroups domain)" \
        has "group:[nblocal]" sh -c "rpcclient -U '$admin' -c 'enumalsgroups domain' $S | sed 's/ rid:.*//'"
    check "global group nbstaff listed" has nbstaff net rpc group list -S "$S" -U "$admin"
    check "nblocal's members" test "$(members nblocal)" = "$NB_DOMAIN\\$NB_USER $NB_DOMAIN\\nbstaff"
    check "nbstaff's members" test "$(members nbstaff)" = "$NB_DOMAIN\\$NB_USER $NB_DOMAIN\\bob"
    check "nbbig has 300 members" count_is 300 net rpc group members nbbig -S "$S" -U "$admin"
    # (net rpc group members looks builtin aliases up in the wrong domain)
    rdu=$(rpcclient -U "$admin" -c "queryaliasmem builtin 0x22b" "$S" 2>/dev/null |
        sed -n 's/.*sid:\[\(S-[0-9-]*\)\].*/\1/p')
    check "carol is in BUILTIN\\Remote Desktop Users" has "$rdu $NB_DOMAIN\\carol (1)" \
        rpcclient -U "$admin" -c "lookupsids ${rdu:-none}" "$S"
    check "the DC's DNS knows its name" has "    A: $S (flags=f0, serial=1, ttl=900)" \
        samba-tool dns query "$S" "$(lower "$NB_REALM")" "$(lower "$NB_SERVER_NAME")" A -U "$admin"
else
    for g in nbstaff nbadmins nbempty nbbig; do
        check "local group $g listed (net rpc group list -L)" has "$g" \
            net rpc group list -L -S "$S" -U "$admin"
    done
    check "local groups listed (rpcclient enumalsgroups domain)" count_is 4 \
        rpcclient -U "$admin" -c "enumalsgroups domain" "$S"
    check "builtin aliases listed (rpcclient enumalsgroups builtin)" \
        has "group:[Administrators] rid:[0x220]" rpcclient -U "$admin" -c "enumalsgroups builtin" "$S"
    check "nbstaff's members" test "$(members nbstaff)" = "$NB_SERVER_NAME\\$NB_USER $NB_SERVER_NAME\\bob"
    check "nbadmins' members" test "$(members nbadmins)" = "$NB_SERVER_NAME\\root"
    check "nbempty has no member" test -z "$(members nbempty)"
    check "nbbig has 300 members" count_is 300 net rpc group members nbbig -S "$S" -U "$admin"
    check "winbindd answers" quiet wbinfo -p
    check "NSS winbind resolves an alias's gid" sh -c "getent group '$NB_SERVER_NAME\\nbstaff' >/dev/null"
fi

# ---- time
check "net time answers" quiet net time -S "$S"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
