#!/usr/bin/env bash
# netapi.sh NETAPI — the netapi command against the same sources as the
# library's tests (getent, hostname, the clock): output in both forms, exit
# statuses, paging, statistics.  Under NETAPIBUF_CHECK=strict a successful
# run must also print nothing starting with "netapibuf:" (no leak report).
set -uo pipefail
netapi=$1
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# run NAME ARGS...: run netapi, keeping stdout, stderr and the status.
run() {
    local name=$1; shift
    "$netapi" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.rc"
}
expect_rc() { # NAME STATUS
    local rc; rc=$(cat "$tmp/$1.rc")
    if [ "$rc" = "$2" ]; then ok; else fail "$1: exit $rc, want $2 ($(head -c 300 "$tmp/$1.err"))"; fi
}
expect_out() { # NAME REGEX (extended, on stdout)
    if grep -Eq -- "$2" "$tmp/$1.out"; then ok; else fail "$1: stdout lacks /$2/"; fi
}
expect_err() { # NAME REGEX (on stderr)
    if grep -Eq -- "$2" "$tmp/$1.err"; then ok; else fail "$1: stderr lacks /$2/"; fi
}
clean_err() { # NAME: nothing from the library on stderr (strict mode's leak report)
    if grep -q '^netapibuf:' "$tmp/$1.err"; then fail "$1: $(cat "$tmp/$1.err")"; else ok; fi
}
# json NAME PYTHON: stdout must be valid JSON and PYTHON must hold, with `d`
# the document, `users`/`groups` getent's entries and `host` the host name.
# The checks are collected and run by one Python process at the end
# (json_checks): Python takes a second to start on a loaded machine.
json() { printf '%s\t%s\n' "$1" "$2" >>"$tmp/json.checks"; }
json_checks() {
    # the parser `python3 -m json.tool` uses, on every collected document
    local counts
    counts=$(python3 - "$tmp" <<'PY'
import json, os, socket, sys, time
tmp = sys.argv[1]
users = [l.rstrip("\n").split(":") for l in open(f"{tmp}/passwd")]
groups = [l.rstrip("\n").split(":") for l in open(f"{tmp}/group")]
host = socket.gethostname()
def members(name):
    g = next(g for g in groups if g[0] == name)
    out = []
    for m in (g[3].split(",") if g[3] else []) + [u[0] for u in users if u[3] == g[2]]:
        if m not in out:
            out.append(m)
    return out
passed = failed = 0
for line in open(f"{tmp}/json.checks"):
    name, expr = line.rstrip("\n").split("\t", 1)
    try:
        d = json.load(open(f"{tmp}/{name}.out"))
    except ValueError as e:
        failed += 1
        print(f"FAIL {name}: invalid JSON: {e}", file=sys.stderr)
        continue
    passed += 1
    try:
        ok = eval(expr)
    except Exception as e:
        ok = False
        print(f"FAIL {name}: {type(e).__name__}: {e}", file=sys.stderr)
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: JSON check failed: {expr}", file=sys.stderr)
print(passed, failed)
PY
)
    passed=$((passed + ${counts% *})); failed=$((failed + ${counts#* }))
}

getent passwd >"$tmp/passwd"
getent group >"$tmp/group"
host=$(hostname)
nusers=$(wc -l <"$tmp/passwd")
ngroups=$(wc -l <"$tmp/group")

# ---- the summary ----------------------------------------------------------------
run summary
expect_rc summary 0; clean_err summary
expect_out summary "^Computer name +$host\$"
expect_out summary "^Platform ID +500\$"
expect_out summary "^User accounts +$nusers\$"
expect_out summary "^Local groups +$ngroups\$"
run summary_json --json
expect_rc summary_json 0
json summary_json 'd["format"] == 1 and d["command"] == "summary" and d["server"] is None and d["record"]["computername"] == host and d["record"]["users"] == len(users) and d["record"]["localgroups"] == len(groups) and d["record"]["platform_id"] == 500'

# ---- users ----------------------------------------------------------------------
run user user
expect_rc user 0; clean_err user
# the first column of the table rows, between the dashes and the count line
sed -n '/^---/,$p' "$tmp/user.out" | sed '1d;$d' | awk '{print $1}' >"$tmp/user.names"
if cmp -s "$tmp/user.names" <(cut -d: -f1 "$tmp/passwd"); then ok; else fail "netapi user: names differ from getent passwd"; fi
expect_out user "^$nusers entr(y|ies) listed\.\$"
expect_out user "^User accounts for [\\\\]{2}$host\$"
run user_json user --json
expect_rc user_json 0; clean_err user_json
json user_json 'd["level"] == 20 and [u["name"] for u in d["entries"]] == [u[0] for u in users] and [u["user_id"] for u in d["entries"]] == [int(u[2]) for u in users] and [u["full_name"] for u in d["entries"]] == [u[4].split(",")[0] for u in users]'
run user_root user root
expect_rc user_root 0
expect_out user_root '^User name +root$'
expect_out user_root '^User ID +0$'
expect_out user_root '^Account active +(Yes|No)$'
expect_out user_root '^Local group memberships +.*\*root'
run user_root_l1 user root --level 1
expect_out user_root_l1 '^Privilege level +Administrator$'
run user_root_json user root --json
json user_root_json 'd["record"]["name"] == "root" and d["record"]["user_id"] == 0 and "root" in d["record"]["local_groups"] and isinstance(d["record"]["flags"], int)'
run user_level user --level 0 --json
json user_level 'd["entries"] == [{"name": u[0]} for u in users]'
run user_unknown user no-such-user-netapibuf
expect_rc user_unknown 1
expect_err user_unknown '2221'
expect_err user_unknown 'No user account of that name'
run user_l23 user --level 23 --json
json user_l23 '[(u["name"], u["user_sid"]) for u in d["entries"]] == [(u[0], "S-1-22-1-" + u[2]) for u in users]'
run user_root_l4 user root --level 4 --json
json user_root_l4 'd["record"]["user_sid"] == "S-1-22-1-0" and d["record"]["primary_group_id"] == 0 and d["record"]["logon_server"] == "\\\\*"'
run user_root_upper user ROOT --json
json user_root_upper 'd["record"]["name"] == "root"'
run user_badlevel user --level 5
expect_rc user_badlevel 1
expect_err user_badlevel 'error 124: '

# ---- paging -----------------------------------------------------------------------
run user_paged user --prefmaxlen 64
expect_rc user_paged 0
pages=$(grep -c '^Page [0-9]*: ' "$tmp/user_paged.out")
if [ "$nusers" -gt 1 ] && [ "$pages" -gt 1 ]; then ok; else fail "user --prefmaxlen 64: $pages pages"; fi
expect_out user_paged "^Page 1: [0-9]+ entr(y|ies) read \\($nusers in total\\)"
run user_paged_json user --prefmaxlen 1 --json
json user_paged_json '[u["name"] for u in d["entries"]] == [u[0] for u in users]'
run group_paged localgroup --prefmaxlen=100
expect_rc group_paged 0
sum=$(sed -n 's/^Page [0-9]*: \([0-9]*\) entr[a-z]* read.*/\1/p' "$tmp/group_paged.out" | paste -sd+ | bc)
if [ "$sum" = "$ngroups" ]; then ok; else fail "localgroup paging: pages sum to $sum, want $ngroups"; fi

# ---- local groups -------------------------------------------------------------------
run group localgroup
expect_rc group 0; clean_err group
sed -n '/^---/,$p' "$tmp/group.out" | sed '1d;$d' | awk '{print $1}' >"$tmp/group.names"
if cmp -s "$tmp/group.names" <(cut -d: -f1 "$tmp/group"); then ok; else fail "netapi localgroup: names differ from getent group"; fi
run group_json localgroup --json
json group_json '[g["name"] for g in d["entries"]] == [g[0] for g in groups] and all(g["comment"] == "" for g in d["entries"])'
run group_root localgroup root
expect_rc group_root 0; clean_err group_root
expect_out group_root '^Alias name +root$'
run group_root_json localgroup root --json
json group_root_json 'd["record"]["name"] == "root" and [m["name"] for m in d["record"]["members"]] == members("root") and all(m["sidusage"] == 1 for m in d["record"]["members"])'
json group_root_json 'all(m["sid"] == "S-1-22-1-" + next(u[2] for u in users if u[0] == m["name"]) for m in d["record"]["members"] if any(u[0] == m["name"] for u in users))'
run group_root_l0 localgroup root --level 0 --json
json group_root_l0 'len(d["record"]["members"]) == len(members("root")) and all(m["sid"] is None or m["sid"].startswith("S-1-22-1-") for m in d["record"]["members"])'
run group_root_l3 localgroup root --level 3 --json
json group_root_l3 '[m["domainandname"] for m in d["record"]["members"]] == [host + "\\" + m for m in members("root")]'
run group_unknown localgroup no-such-group-netapibuf
expect_rc group_unknown 1
expect_err group_unknown '2220'

# ---- configuration and time -----------------------------------------------------------
run wksta config workstation
expect_rc wksta 0; clean_err wksta
expect_out wksta "^Computer name +$host\$"
expect_out wksta '^Platform +Windows NT$'
run wksta_json config workstation --json --level 100
json wksta_json 'd["record"]["computername"] == host and d["record"]["platform_id"] == 500 and set(d["record"]) == {"platform_id", "computername", "langroup", "ver_major", "ver_minor"}'
run server config server
expect_rc server 0; clean_err server
expect_out server "^Server name +$host\$"
expect_out server "^Users +$nusers\$"
run server_json config server --json
json server_json 'd["record"]["name"] == host and d["record"]["users"] == len(users) and d["record"]["type"] == 0x801'
run server_badlevel config server --level 7
expect_rc server_badlevel 1
expect_err server_badlevel 'error 124: This function does not support the information level requested\.'
run time time
expect_rc time 0; clean_err time
expect_out time '^Current time is [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC'
expect_out time '^Tick \(0\.0001 s\) +310$'
T0=$(date +%s); run time_json time --json; T1=$(date +%s); export T0 T1
json time_json 'int(os.environ["T0"]) - 2 <= d["record"]["elapsedt"] <= int(os.environ["T1"]) + 2 and d["record"]["tinterval"] == 310 and time.gmtime(d["record"]["elapsedt"]).tm_hour == d["record"]["hours"]'

# ---- global groups, shares, open files, domain ---------------------------------------
# This machine has one global group, None, whose members are all its users.
run ggroup group
expect_rc ggroup 0; clean_err ggroup
expect_out ggroup '^Group Accounts for [\\]{2}'
expect_out ggroup '^None +Ordinary users$'
run ggroup_json group --json
expect_rc ggroup_json 0
json ggroup_json 'd["command"] == "group" and d["level"] == 1 and d["entries"] == [{"name": "None", "comment": "Ordinary users"}]'
run ggroup_l2 group --level 2 --json
json ggroup_l2 'd["entries"][0]["group_id"] == 513 and d["entries"][0]["attributes"] == 7'
run ggroup_none group None
expect_rc ggroup_none 0; clean_err ggroup_none
expect_out ggroup_none '^Group ID +513$'
expect_out ggroup_none '^Attributes +mandatory, enabled by default, enabled$'
run ggroup_none_json group show None --json --level 1
expect_rc ggroup_none_json 0
json ggroup_none_json 'd["record"]["name"] == "None" and d["record"]["group_id"] == 513 and sorted(m["name"] for m in d["record"]["members"]) == sorted(u[0] for u in users) and all(set(m) == {"name", "attributes"} for m in d["record"]["members"])'
run ggroup_unknown group no-such-group-netapibuf
expect_rc ggroup_unknown 1
expect_err ggroup_unknown 'NetGroupGetInfo failed: error 2220'
# the shares of this machine's Samba configuration (and IPC$), or none
run share share
expect_rc share 0; clean_err share
expect_out share '^Shared resources for [\\]{2}'
expect_out share '^[0-9]+ entr(y|ies) listed\.$'
# share types in words (IPC$ is there whenever a Samba configuration is)
if grep -q '^IPC\$ ' "$tmp/share.out"; then expect_out share '^IPC\$ +IPC, special '; fi
run share_json share --json
expect_rc share_json 0
json share_json 'd["command"] == "share" and d["level"] in (1, 2) and all(isinstance(e["netname"], str) and isinstance(e["type"], int) for e in d["entries"])'
run share_l1 share --level 1 --json
json share_l1 'd["level"] == 1 and all(set(e) == {"netname", "type", "remark"} for e in d["entries"])'
run share_unknown share show no-such-share-netapibuf
expect_rc share_unknown 1
expect_err share_unknown 'NetShareGetInfo failed: error 2310: '
# open files: none, or 50 where Samba's configuration shares folders
run file file
case $(cat "$tmp/file.rc") in
    0) expect_out file '^0 entries listed\.$' ;;
    *) expect_rc file 1; expect_err file 'NetFileEnum failed: error 50' ;;
esac
run join join
expect_rc join 0; clean_err join
expect_out join '^Status +(Workgroup member|Domain member|Not joined)$'
run join_json join --json
expect_rc join_json 0
json join_json 'd["command"] == "join" and set(d["record"]) == {"name", "status"} and d["record"]["status"] in (1, 2, 3)'
# a workgroup member has no domain controller (1355); a domain member finds one
run dc dc
case $(cat "$tmp/dc.rc") in
    0) expect_out dc '^Domain controller +' ;;
    *) expect_rc dc 1; expect_err dc 'DsGetDcName failed: error [0-9]+' ;;
esac

# ---- changes: this machine refuses them (50), after the library's checks ---------------
printf 'New.Pass1\n' >"$tmp/pw"
printf 'Old.Pass1\nNew.Pass1\n' >"$tmp/pw2"
refused() { # NAME FUNCTION ARGS...: exit 1, "FUNCTION ... failed: error 50", no stdout
    local name=$1 function=$2; shift 2
    run "$name" "$@"
    expect_rc "$name" 1
    expect_err "$name" "^netapi: $function.* failed: error 50: "
    if [ -s "$tmp/$name.out" ]; then fail "$name: a refused change printed $(head -c 200 "$tmp/$name.out")"; else ok; fi
}
refused w_user_add NetUserAdd user add nbnewuser --password-file "$tmp/pw"
refused w_user_add_full NetUserAdd user add nbnewuser --full-name 'New User' --comment 'a comment' --home-dir /nonexistent --password-file "$tmp/pw"
refused w_user_add_json NetUserAdd --json user add nbnewuser --password-file "$tmp/pw"
refused w_user_del NetUserDel user del root
refused w_user_set NetUserSetInfo user set root --full-name 'Root' --comment ''
expect_err w_user_set 'level 1011, full name'
refused w_user_disable NetUserSetInfo user set root --disable
expect_err w_user_disable 'level 1008'
refused w_user_home NetUserSetInfo user set root --home-dir /root
refused w_user_password NetUserSetInfo user password root --password-file "$tmp/pw"
refused w_user_password_stdin NetUserSetInfo user password root --password-file - <"$tmp/pw"
refused w_user_change NetUserChangePassword user password root --old --password-file "$tmp/pw2"
refused w_group_add NetGroupAdd group add nbnewgroup --comment 'new group'
refused w_group_del NetGroupDel group del None
refused w_group_adduser NetGroupAddUser group adduser None root
refused w_group_deluser NetGroupDelUser group deluser None root
refused w_lgroup_add NetLocalGroupAdd localgroup add nbnewgroup --comment 'new group'
refused w_lgroup_del NetLocalGroupDel localgroup del root
refused w_lgroup_addm NetLocalGroupAddMembers localgroup addmembers root root daemon
refused w_lgroup_delm NetLocalGroupDelMembers localgroup delmembers root root
refused w_share_add NetShareAdd share add nbnewshare /tmp --comment 'new share'
refused w_share_del NetShareDel share del nbnewshare
# closing a file: none is open here (2314), or 50 where folders are shared
run w_file_close file close 1
expect_rc w_file_close 1
expect_err w_file_close 'NetFileClose failed: error (50|2314): '
# a user that does not exist fails the read before the change
run w_user_disable_unknown user set no-such-user-netapibuf --enable
expect_rc w_user_disable_unknown 1
expect_err w_user_disable_unknown 'NetUserGetInfo failed: error 2221'

# ---- new passwords: never from the command line ---------------------------------------
for args in "user add nbnewuser Secret.Pass1" "user password root Secret.Pass1" \
            "user add nbnewuser --password Secret.Pass1" "user add nbnewuser --password=Secret.Pass1" \
            "--password Secret.Pass1 user password root"; do
    name="pw_$(echo "$args" | tr -c 'a-z0-9' _)"
    # shellcheck disable=SC2086
    run "$name" $args
    expect_rc "$name" 2
    expect_err "$name" 'a password is never taken on the command line'
done
run pw_missing user add nbnewuser --password-file "$tmp/no-such-file"
expect_rc pw_missing 2; expect_err pw_missing 'cannot read'
: >"$tmp/empty"
run pw_empty user password root --password-file "$tmp/empty"
expect_rc pw_empty 2; expect_err pw_empty 'holds no password'
run pw_one_line user password root --old --password-file "$tmp/pw"
expect_rc pw_one_line 2; expect_err pw_one_line 'fewer than two lines'
# without a terminal and without --password-file there is nobody to ask
if command -v setsid >/dev/null 2>&1; then
    setsid -w "$netapi" user add nbnewuser </dev/null >"$tmp/pw_notty.out" 2>"$tmp/pw_notty.err"
    echo $? >"$tmp/pw_notty.rc"
    expect_rc pw_notty 2; expect_err pw_notty 'no terminal'
fi

# ---- statistics ---------------------------------------------------------------------------
run stats --stats user
expect_rc stats 0
expect_out stats '^ +Live buffers +0$'
expect_out stats '^ +Allocations +[1-9][0-9]*$'
run stats_json --stats --json localgroup
json stats_json 'len(d["entries"]) == len(groups) and d["stats"]["live_buffers"] == 0 and d["stats"]["allocations"] > 0'

# ---- usage ----------------------------------------------------------------------------------
run help --help
expect_rc help 0; expect_out help '^usage: netapi'
run help_cmd help
expect_rc help_cmd 0; expect_out help_cmd '^usage: netapi'
for c in user group localgroup share file dc join config time help; do
    run "help_$c" help "$c"; expect_rc "help_$c" 0; expect_out "help_$c" "^  netapi .*$c"
    run "dashhelp_$c" "$c" --help; expect_rc "dashhelp_$c" 0; expect_out "dashhelp_$c" "^  netapi .*$c"
    expect_out help "^  $c "
done
# every form with a subcommand word: its own help, its usage line and its options
for form in "user show" "user add" "user del" "user set" "user password" \
            "group show" "group add" "group del" "group adduser" "group deluser" \
            "localgroup show" "localgroup add" "localgroup del" "localgroup addmembers" \
            "localgroup delmembers" "share show" "share add" "share del" "file close" \
            "config workstation" "config server"; do
    name="formhelp_$(echo "$form" | tr -c 'a-z0-9' _)"
    # shellcheck disable=SC2086
    run "$name" $form --help
    expect_rc "$name" 0
    expect_out "$name" "^  netapi \\[OPTIONS\\] \\[[\\]{2}SERVER\\] $form"
    if [ "$(grep -c '^  netapi ' "$tmp/$name.out")" = 1 ]; then ok; else fail "$name: not one usage line"; fi
    # shellcheck disable=SC2086
    run "${name}_help" help $form
    if cmp -s "$tmp/$name.out" "$tmp/${name}_help.out"; then ok; else fail "help $form differs from $form --help"; fi
done
run formhelp_opts user add --help
expect_out formhelp_opts '^  --password-file FILE '
expect_out formhelp_opts '^  --full-name TEXT '
run formhelp_set user set --help
expect_out formhelp_set '^  --enable\|--disable '
run formhelp_pw user password --help
expect_out formhelp_pw '^  --old '
run formhelp_del user del --help
if grep -q '^Options:' "$tmp/formhelp_del.out"; then fail "user del --help lists options it does not take"; else ok; fi
run version --version
expect_rc version 0; expect_out version '^netapi [0-9]+\.[0-9]+\.[0-9]+'
for args in "bogus" "--bogus" "user a b" "config" "config nothing" "--level" "--level x user" \
            "--prefmaxlen -1 user" "time extra" "localgroup a b" "user --level 020" \
            "user --level 0x14" "user --prefmaxlen 010" "--level 20 time" "--prefmaxlen 100 time" \
            "user root --prefmaxlen 100" "--prefmaxlen 100" "--level 1" "help nothing" \
            "\\\\a \\\\b user" \
            "user add" "user add a b" "user del" "user del a b" "user set a" "user set" \
            "user password" "user show" "user set a --enable --disable" \
            "user add a --level 1" "user del a --comment x" "user set a --password-file x" \
            "user password a --comment x" "user add a --old" "user a --old" \
            "group a b" "group add" "group del" "group adduser a" "group deluser a b c" \
            "group add a --full-name x" "group --comment x" "group del a --level 1" \
            "localgroup add" "localgroup addmembers a" "localgroup delmembers" \
            "localgroup add a --home-dir x" "localgroup addmembers a b --level 1" \
            "share add a" "share add a b c" "share del" "share a b" "share add a b --level 2" \
            "share --comment x" "file a" "file 020" "file 0x1" "file close" "file close x" \
            "file close 1 --level 3" "file 1 2" "dc a b" "dc --level 1" "join a" \
            "join --prefmaxlen 10" "help user nothing" "help user add extra" "--enable user" \
            "--old time"; do
    name="usage_$(echo "$args" | tr -c 'a-z0-9' _)"
    # shellcheck disable=SC2086
    run "$name" $args
    expect_rc "$name" 2
    expect_err "$name" "netapi help"
done

# a level written with a space is one argument that is not a number
run usage_space_level user --level ' 20'
expect_rc usage_space_level 2

# ---- output errors ---------------------------------------------------------------------------
for args in "user" "--help" "--version" "--json localgroup" "time" "group" "--json group None" \
            "share" "join" "--json join" "user add --help"; do
    name="full_$(echo "$args" | tr -c 'a-z0-9' _)"
    # shellcheck disable=SC2086
    "$netapi" $args >/dev/full 2>"$tmp/$name.err"; rc=$?
    if [ "$rc" = 1 ]; then ok; else fail "$args >/dev/full: exit $rc, want 1"; fi
    expect_err "$name" 'writing the output failed'
done

# the tool the brief names, on one listing, then every collected check
if python3 -m json.tool "$tmp/user_json.out" >/dev/null; then ok; else fail "json.tool rejects user --json"; fi
json_checks

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
