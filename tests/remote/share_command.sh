#!/bin/sh
# share_command.sh add|change|delete ARGS... — the fixture servers' "add
# share command", "change share command" and "delete share command"
# (with_server.sh sets them).  Samba's SRVSVC server runs it as root for
# NetShareAdd, NetShareSetInfo and NetShareDel, with these arguments:
#   add    CONFIG NAME PATH COMMENT MAX_CONNECTIONS
#   change CONFIG NAME PATH COMMENT MAX_CONNECTIONS CSC_POLICY
#   delete CONFIG NAME
# CONFIG is the server's smb.conf.  Shares made at run time live in
# shares.conf beside it (smb.conf includes that file last); the shares of
# smb.conf itself are the fixture's and cannot be changed or deleted (the
# command fails, and the server answers ERROR_ACCESS_DENIED).
#
# Samba 4.17's RPC workers (the rpcd_* children of samba-dcerpcd, which
# serve SRVSVC) reload their share list only on SIGHUP, so the command sends
# one to each of them, found through samba-dcerpcd's pid file.  Not to
# samba-dcerpcd itself (it has no SIGHUP handler: the signal ends it and
# every pipe it serves) nor to smbd (its reload breaks the clients' open
# pipes: the next call fails with ERROR_NETNAME_DELETED).  smbd learns of
# the change from the message SRVSVC sends after the command.
set -u
action=${1:-}
config=${2:-}
name=${3:-}
[ -n "$action" ] && [ -n "$config" ] && [ -n "$name" ] || exit 2
dir=$(dirname "$config")
shares=$dir/shares.conf
touch "$shares" || exit 1

# has_section FILE NAME — FILE defines [NAME] (share names ignore case)
has_section() {
    awk -v want="$2" '
        /^[ \t]*\[/ { s = $0; sub(/^[ \t]*\[/, "", s); sub(/\][ \t]*$/, "", s)
                      if (tolower(s) == tolower(want)) found = 1 }
        END { exit found ? 0 : 1 }' "$1"
}
# without NAME — shares.conf without the section [NAME], on standard output
without() {
    awk -v want="$1" '
        /^[ \t]*\[/ { s = $0; sub(/^[ \t]*\[/, "", s); sub(/\][ \t]*$/, "", s)
                      skip = tolower(s) == tolower(want) }
        !skip' "$shares"
}
# section NAME PATH COMMENT MAX CSC — one share's definition
section() {
    printf '[%s]\n    path = %s\n    comment = %s\n    read only = no\n' "$1" "$2" "$3"
    [ "${4:-0}" = 0 ] || printf '    max connections = %s\n' "$4"
    [ -z "${5:-}" ] || printf '    csc policy = %s\n' "$5"
}
# The fixture's own shares stay as they are.
if [ "$action" != add ] && has_section "$config" "$name"; then
    exit 1
fi
case $action in
add)
    has_section "$shares" "$name" && exit 1
    section "$name" "${4:-}" "${5:-}" "${6:-0}" >>"$shares" || exit 1
    ;;
change)
    has_section "$shares" "$name" || exit 1
    { without "$name" && section "$name" "${4:-}" "${5:-}" "${6:-0}" "${7:-}"; } >"$shares.new" &&
        mv -f "$shares.new" "$shares" || exit 1
    ;;
delete)
    has_section "$shares" "$name" || exit 1
    without "$name" >"$shares.new" && mv -f "$shares.new" "$shares" || exit 1
    ;;
*)
    exit 2
    ;;
esac

# Reload: the RPC workers samba-dcerpcd started (the worker that runs this
# command among them).
if [ -f "$dir/pid/samba-dcerpcd.pid" ] && read -r host <"$dir/pid/samba-dcerpcd.pid"; then
    for worker in $(cat "/proc/$host/task/$host/children" 2>/dev/null); do
        kill -HUP "$worker" 2>/dev/null
    done
fi
exit 0
