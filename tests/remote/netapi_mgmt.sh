#!/usr/bin/env bash
# netapi_mgmt.sh NETAPI — the netapi command's changes against the server
# with_server.sh started (run through mgmt_server.sh, which gives a
# standalone smbd its account scripts):
#   tests/remote/with_server.sh smbd tests/remote/mgmt_server.sh tests/remote/netapi_mgmt.sh build/tools/netapi/netapi
#   tests/remote/with_server.sh dc tests/remote/mgmt_server.sh tests/remote/netapi_mgmt.sh build/tools/netapi/netapi
# As the administrator (credentials in an authentication file, new passwords
# in password files: never a password in argv): users added, read back
# (through netapi and the server's own tools: pdbedit on smbd, samba-tool on
# the DC), changed, their passwords set and changed, deleted; global groups
# (a standalone smbd may refuse their writes with 5: the message is
# checked), local groups and their members, shares, open files, the domain
# controller and the join information; and the failing paths (a name taken,
# a name unknown, a member twice, an ordinary user's change) with their
# statuses and nothing on stdout.  Under NETAPIBUF_CHECK=strict, a leak
# report from any run fails it.  Prints "N passed, M failed"; exits 1 when a
# check failed, 2 for a usage error.
set -uo pipefail
netapi=${1:?usage: netapi_mgmt.sh NETAPI (under with_server.sh)}
for v in NB_SERVER NB_SERVER_KIND NB_SERVER_NAME NB_DOMAIN NB_ADMIN_USER NB_ADMIN_PASSWORD \
    NB_USER NB_USER_PASSWORD NB_STATE NB_SMBCONF; do
    [ -n "${!v:-}" ] || { echo "netapi_mgmt.sh: $v is not set: run it under with_server.sh" >&2; exit 2; }
done
PATH=$PATH:/usr/sbin:/sbin
S=$NB_SERVER
dc() { [ "$NB_SERVER_KIND" = dc ]; }
tmp=$(mktemp -d "$NB_STATE/netapi_mgmt.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# Credentials and passwords live in files only.
auth() { # FILE USER PASSWORD
    printf 'username = %s\npassword = %s\n' "$2" "$3" >"$1"
    chmod 600 "$1"
}
auth "$tmp/admin.auth" "$NB_ADMIN_USER" "$NB_ADMIN_PASSWORD"
auth "$tmp/user.auth" "$NB_USER" "$NB_USER_PASSWORD"
pw1=First.Pass1 pw2=Second.Pass2 pw3=Third.Pass3
printf '%s\n' "$pw1" >"$tmp/pw1"
printf '%s\n' "$pw2" >"$tmp/pw2"
printf '%s\n%s\n' "$pw2" "$pw3" >"$tmp/pw2to3"

# run NAME [-A FILE] ARGS...: netapi against the server as the administrator
# (or as FILE's account), stdout, stderr and status kept under NAME; nothing
# from the library on stderr (under NETAPIBUF_CHECK=strict, a leak report).
run() {
    local name=$1 as=$tmp/admin.auth
    shift
    if [ "${1:-}" = -A ]; then as=$2; shift 2; fi
    "$netapi" -S "$S" -A "$as" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.rc"
    if grep -q '^netapibuf:' "$tmp/$name.err"; then fail "$name: $(grep '^netapibuf:' "$tmp/$name.err")"; fi
}
rc_is() { # NAME STATUS
    local rc; rc=$(cat "$tmp/$1.rc")
    if [ "$rc" = "$2" ]; then ok; else fail "$1: exit $rc, want $2 ($(head -c 300 "$tmp/$1.err"))"; fi
}
out_has() { # NAME REGEX (extended) on stdout
    if grep -Eq -- "$2" "$tmp/$1.out"; then ok; else fail "$1: stdout lacks /$2/: $(head -c 300 "$tmp/$1.out")"; fi
}
err_has() { # NAME REGEX on stderr
    if grep -Eq -- "$2" "$tmp/$1.err"; then ok; else fail "$1: stderr lacks /$2/: $(head -c 300 "$tmp/$1.err")"; fi
}
no_out() { # NAME: a failed change prints nothing on stdout
    if [ -s "$tmp/$1.out" ]; then fail "$1: printed $(head -c 200 "$tmp/$1.out")"; else ok; fi
}
# failed NAME STATUS FUNCTION: exit 1, "FUNCTION failed: error STATUS", no stdout
failed_with() {
    rc_is "$1" 1
    err_has "$1" "^netapi: $3 failed: error $2: "
    no_out "$1"
}
# json NAME PYTHON: stdout is one JSON document (python3 -m json.tool takes
# it) for which PYTHON, with the document as d, holds.
json() {
    if ! python3 -m json.tool "$tmp/$1.out" >/dev/null 2>&1; then
        fail "$1: not JSON: $(head -c 300 "$tmp/$1.out")"
        return
    fi
    if python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
        "$tmp/$1.out" "$2"; then ok; else fail "$1: JSON check failed: $2: $(head -c 400 "$tmp/$1.out")"; fi
}
# tool NEEDLE-REGEX COMMAND...: the server's own tool prints a line matching it
tool_has() {
    local re=$1 out
    shift
    out=$("$@" 2>&1) || { fail "$* failed: $(echo "$out" | tail -1)"; return; }
    if grep -Eq -- "$re" <<<"$out"; then ok; else fail "no /$re/ from $*: $(echo "$out" | head -c 400)"; fi
}
tool_lacks() {
    local re=$1 out
    shift
    out=$("$@" 2>&1)
    if grep -Eq -- "$re" <<<"$out"; then fail "/$re/ still in $*"; else ok; fi
}
# logon USER PASSWORD: the account logs on to the server
logon() { smbclient -L "//$S" -U "$1%$2" >/dev/null 2>&1; }
# The account as the server keeps it, in its own tool's words.
server_user() {
    if dc; then
        samba-tool user show "$1" -s "$NB_SMBCONF"
    else
        pdbedit -s "$NB_SMBCONF" -Lv "$1"
    fi
}
where="on [\\\\]{2}$S\\.\$"

# ==== users ====================================================================
u=nbcli1 u2=nbcli2
run u_add user add "$u" --full-name 'CLI User' --comment 'made by netapi' --password-file "$tmp/pw1"
rc_is u_add 0
out_has u_add "^User $u added $where"
run u_add2 --json user add "$u2" --comment 'second' --password-file - <"$tmp/pw1"
rc_is u_add2 0
json u_add2 'd["format"] == 1 and d["command"] == "user" and d["server"] == "'"$S"'" and d["result"] == {"action": "add", "name": "'"$u2"'", "level": 1}'
run u_show user "$u" --level 2 --json
rc_is u_show 0
json u_show 'd["record"]["name"].lower() == "'"$u"'" and d["record"]["full_name"] == "CLI User" and d["record"]["comment"] == "made by netapi" and not d["record"]["flags"] & 2'
run u_show_people user show "$u"
out_has u_show_people '^Full name +CLI User$'
out_has u_show_people '^Account active +Yes$'
if dc; then
    tool_has '^displayName: CLI User$' server_user "$u"
    tool_has '^description: made by netapi$' server_user "$u"
else
    tool_has '^Full Name: +CLI User$' server_user "$u"
    tool_has '^Account desc: +made by netapi$' server_user "$u"
fi
if logon "$u" "$pw1"; then ok; else fail "$u cannot log on with the password of user add"; fi

# each field by its own level; --disable reads the flags first
run u_set user set "$u" --full-name 'CLI Renamed' --comment 'changed' --home-dir '\\nbhome\cli' --disable
rc_is u_set 0
out_has u_set "^User $u changed \\(full name, comment, home folder, disabled\\) $where"
run u_set_show user "$u" --level 2 --json
json u_set_show 'd["record"]["full_name"] == "CLI Renamed" and d["record"]["comment"] == "changed" and d["record"]["home_dir"] == "\\\\nbhome\\cli" and d["record"]["flags"] & 2'
if dc; then
    tool_has '^displayName: CLI Renamed$' server_user "$u"
    tool_has '^description: changed$' server_user "$u"
    tool_has '^userAccountControl: 514$' server_user "$u"   # NORMAL_ACCOUNT | ACCOUNTDISABLE
else
    tool_has '^Full Name: +CLI Renamed$' server_user "$u"
    tool_has '^Account desc: +changed$' server_user "$u"
    tool_has '^Account Flags: +\[D' server_user "$u"
fi
if logon "$u" "$pw1"; then fail "$u logs on while disabled"; else ok; fi
run u_enable --json user set "$u" --enable
rc_is u_enable 0
json u_enable 'd["result"]["action"] == "set" and d["result"]["changed"] == ["flags"] and not d["result"]["flags"] & 2'
run u_enable_show user "$u" --json
json u_enable_show 'not d["record"]["flags"] & 2'

# the administrator sets a password (level 1003); the owner changes it (--old)
run u_password user password "$u" --password-file "$tmp/pw2"
rc_is u_password 0
out_has u_password "^Password of user $u set $where"
if logon "$u" "$pw2"; then ok; else fail "$u cannot log on with the password set"; fi
auth "$tmp/u.auth" "$u" "$pw2"
run u_change -A "$tmp/u.auth" --json user password "$u" --old --password-file "$tmp/pw2to3"
if dc && [ "$(cat "$tmp/u_change.rc")" = 1 ]; then
    # a DC allows one change a day by default: the policy's refusal
    err_has u_change '^netapi: NetUserChangePassword failed: error 2245: '
else
    rc_is u_change 0
    json u_change 'd["result"] == {"action": "password", "name": "'"$u"'", "old": True}'
    if logon "$u" "$pw3"; then ok; else fail "$u cannot log on with the password changed"; fi
fi
# a wrong old password
printf 'Wrong.Pass9\n%s\n' "$pw1" >"$tmp/wrong"
run u_change_wrong user password "$u" --old --password-file "$tmp/wrong"
failed_with u_change_wrong 86 NetUserChangePassword

# what fails: a taken name, an unknown one, an ordinary user's change
run u_exists user add "$u" --password-file "$tmp/pw1"
failed_with u_exists 2224 NetUserAdd
run u_exists_json --json user add "$u" --password-file "$tmp/pw1"
failed_with u_exists_json 2224 NetUserAdd
run u_del_missing user del nbnosuchuser
failed_with u_del_missing 2221 NetUserDel
run u_set_missing user set nbnosuchuser --comment x
failed_with u_set_missing 2221 'NetUserSetInfo \(level 1007, comment\)'
run u_by_user -A "$tmp/user.auth" user add nbclibyuser --password-file "$tmp/pw1"
failed_with u_by_user 5 NetUserAdd
run u_del_by_user -A "$tmp/user.auth" user del "$u"
failed_with u_del_by_user 5 NetUserDel

# ==== global groups ============================================================
g=nbcligrp
run g_list group
rc_is g_list 0
out_has g_list '^Group Accounts for '
run g_list_json group --json --level 2
json g_list_json 'd["command"] == "group" and d["level"] == 2 and isinstance(d["entries"], list)'
if dc; then
    json g_list_json 'any(e["name"] == "Domain Users" and e["group_id"] == 513 for e in d["entries"])'
    run g_staff group nbstaff --json
    json g_staff 'sorted(m["name"] for m in d["record"]["members"]) == ["alice", "bob"]'
fi
run g_add group add "$g" --comment 'cli group'
if ! dc && [ "$(cat "$tmp/g_add.rc")" = 1 ]; then
    # a standalone smbd without an add group script refuses
    failed_with g_add 5 NetGroupAdd
    g_added=0
else
    rc_is g_add 0
    out_has g_add "^Group $g added $where"
    g_added=1
fi
if [ "$g_added" = 1 ]; then
    run g_show group show "$g" --json
    json g_show 'd["record"]["name"] == "'"$g"'" and d["record"]["comment"] == "cli group" and d["record"]["members"] == []'
    run g_exists group add "$g"
    rc_is g_exists 1
    err_has g_exists '^netapi: NetGroupAdd failed: error (2223|2224): '
    run g_adduser group adduser "$g" "$u2"
    if dc; then
        rc_is g_adduser 0
        out_has g_adduser "^User $u2 added to group $g $where"
        run g_members group "$g" --json --level 1
        json g_members '[m["name"] for m in d["record"]["members"]] == ["'"$u2"'"]'
        tool_has "^$u2\$" samba-tool group listmembers "$g" -s "$NB_SMBCONF"
        run g_adduser_again group adduser "$g" "$u2"
        failed_with g_adduser_again 2236 NetGroupAddUser
        run g_deluser --json group deluser "$g" "$u2"
        rc_is g_deluser 0
        json g_deluser 'd["result"] == {"action": "deluser", "name": "'"$g"'", "user": "'"$u2"'"}'
        run g_members2 group "$g" --json
        json g_members2 'd["record"]["members"] == []'
    else
        # smbd keeps global groups as Unix groups: it refuses to change members
        failed_with g_adduser 5 NetGroupAddUser
        run g_deluser group deluser "$g" "$u2"
        rc_is g_deluser 1
        err_has g_deluser '^netapi: NetGroupDelUser failed: error (5|2237): '
    fi
    run g_del group del "$g"
    rc_is g_del 0
    out_has g_del "^Group $g deleted $where"
    run g_gone group "$g"
    failed_with g_gone 2220 NetGroupGetInfo
fi
run g_del_missing group del nbnosuchgroup
failed_with g_del_missing 2220 NetGroupDel

# ==== local groups ==============================================================
l=nbclilg
run l_add localgroup add "$l" --comment 'cli local group'
rc_is l_add 0
out_has l_add "^Local group $l added $where"
run l_addm localgroup addmembers "$l" "$u2" "$NB_USER"
rc_is l_addm 0
out_has l_addm "^2 members added to local group $l $where"
run l_show localgroup show "$l" --json --level 3
json l_show 'd["record"]["comment"] == "cli local group" and sorted(m["domainandname"].split("\\")[-1].lower() for m in d["record"]["members"]) == sorted(["'"$u2"'", "'"$NB_USER"'"])'
if dc; then
    tool_has "^$NB_USER\$" samba-tool group listmembers "$l" -s "$NB_SMBCONF"
else
    tool_has "\\\\$NB_USER\$" net rpc group members "$l" -S "$S" -U "$NB_ADMIN_USER%$NB_ADMIN_PASSWORD"
fi
run l_addm_again localgroup addmembers "$l" "$NB_USER"
failed_with l_addm_again 1378 NetLocalGroupAddMembers
run l_addm_unknown localgroup addmembers "$l" nbnosuchuser
failed_with l_addm_unknown 1387 NetLocalGroupAddMembers
run l_delm --json localgroup delmembers "$l" "$NB_USER"
rc_is l_delm 0
json l_delm 'd["result"] == {"action": "delmembers", "name": "'"$l"'", "members": ["'"$NB_USER"'"]}'
run l_show2 localgroup "$l" --json --level 3
json l_show2 '[m["domainandname"].split("\\")[-1].lower() for m in d["record"]["members"]] == ["'"$u2"'"]'
run l_delm_again localgroup delmembers "$l" "$NB_USER"
failed_with l_delm_again 1377 NetLocalGroupDelMembers
run l_exists localgroup add "$l"
rc_is l_exists 1
err_has l_exists '^netapi: NetLocalGroupAdd failed: error (1379|2223|2224): '
run l_del localgroup del "$l"
rc_is l_del 0
out_has l_del "^Local group $l deleted $where"
run l_gone localgroup "$l"
failed_with l_gone 2220 NetLocalGroupGetInfo
run l_del_missing localgroup del "$l"
failed_with l_del_missing 2220 NetLocalGroupDel

# the accounts made go
run u_del user del "$u"
rc_is u_del 0
out_has u_del "^User $u deleted $where"
run u_gone user "$u"
failed_with u_gone 2221 NetUserGetInfo
if dc; then
    tool_lacks "^$u\$" samba-tool user list -s "$NB_SMBCONF"
else
    tool_lacks "^$u:" pdbedit -s "$NB_SMBCONF" -L
fi
run u_del2 --json user del "$u2"
rc_is u_del2 0
json u_del2 'd["result"] == {"action": "del", "name": "'"$u2"'"}'

# ==== shares =====================================================================
sh=nbclishare
folder=$NB_STATE/nbclishare
mkdir -p "$folder" && chmod 0755 "$folder"
run s_list share
rc_is s_list 0
out_has s_list '^Shared resources for '
run s_add share add "$sh" "$folder" --comment 'cli share'
rc_is s_add 0
out_has s_add "^Share $sh \\($folder\\) added $where"
run s_show share show "$sh" --json
json s_show 'd["record"]["netname"].lower() == "'"$sh"'" and d["record"]["remark"] == "cli share" and d["record"]["type"] == 0 and d["record"]["path"].replace("\\", "/").rstrip("/").endswith("nbclishare")'
run s_show_people share "$sh"
out_has s_show_people '^Type +Disk$'
run s_list_json share --json
json s_list_json 'd["level"] == 2 and any(e["netname"].lower() == "'"$sh"'" and e["remark"] == "cli share" for e in d["entries"])'
if smbclient -L "//$S" -U "$NB_ADMIN_USER%$NB_ADMIN_PASSWORD" -g 2>/dev/null | grep -qix "Disk|$sh|cli share"; then
    ok
else
    fail "smbclient -L does not list $sh"
fi
run s_exists share add "$sh" "$folder"
failed_with s_exists 2118 NetShareAdd
# an ordinary user: level 2 may be refused; then level 1, said on stderr
run s_by_user -A "$tmp/user.auth" share --json
rc_is s_by_user 0
if [ "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["level"])' "$tmp/s_by_user.out" 2>/dev/null)" = 1 ]; then
    err_has s_by_user 'NetShareEnum at level 2 was refused \(error 5, access denied\): level 1 shown instead'
else
    ok
fi
run s_add_by_user -A "$tmp/user.auth" share add nbclishare2 "$folder"
failed_with s_add_by_user 5 NetShareAdd
run s_del --json share del "$sh"
rc_is s_del 0
json s_del 'd["result"] == {"action": "del", "name": "'"$sh"'"}'
run s_gone share show "$sh"
failed_with s_gone 2310 NetShareGetInfo
run s_del_missing share del "$sh"
failed_with s_del_missing 2310 NetShareDel

# ==== open files =================================================================
run f_list file
rc_is f_list 0
out_has f_list '^Open files for '
run f_json file --json
json f_json 'd["command"] == "file" and d["level"] == 3 and isinstance(d["entries"], list)'
run f_close_missing file close 4000000000
failed_with f_close_missing 2314 NetFileClose

# ==== domain ====================================================================
run dc_here dc
run dc_json dc --json
if dc; then
    rc_is dc_here 0
    out_has dc_here "^Domain controller +[\\\\]{2}$NB_SERVER_NAME(\\.|$)"
    out_has dc_here '^Flags +.*directory service'
    json dc_json 'd["record"]["DomainControllerName"].lstrip("\\").split(".")[0].upper() == "'"$NB_SERVER_NAME"'" and d["record"]["Flags"] & 0x10 and isinstance(d["record"]["DomainGuid"], str)'
    run dc_realm dc "$NB_REALM" --json
    rc_is dc_realm 0
    json dc_realm 'd["record"]["DnsForestName"].lower() == "'"$NB_REALM"'".lower() and d["record"]["DomainName"].upper() in ("'"$NB_DOMAIN"'", "'"$NB_REALM"'".upper())'
else
    failed_with dc_here 1355 DsGetDcName
    failed_with dc_json 1355 DsGetDcName
fi
run join join
rc_is join 0
run join_json join --json
if dc; then
    out_has join "^Workgroup or domain +$NB_DOMAIN\$"
    out_has join '^Status +Domain member$'
    json join_json 'd["record"] == {"name": "'"$NB_DOMAIN"'", "status": 3}'
else
    out_has join '^Status +Workgroup member$'
    json join_json 'd["record"] == {"name": "'"$NB_DOMAIN"'", "status": 2}'
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
