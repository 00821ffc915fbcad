#!/usr/bin/env bash
# inside.sh WORK — run by run.sh under tests/remote/with_server.sh: every
# compat program in WORK/ours and WORK/samba against the fixture server,
# one line "PROGRAM IMPLEMENTATION EXIT-STATUS" per run in
# WORK/results.KIND, each run's output in WORK/log.KIND.IMPLEMENTATION.PROGRAM.
# Ours runs in strict mode: a leak report counts as a failure.
set -uo pipefail
work=$1
kind=$NB_SERVER_KIND
admin="$NB_ADMIN_USER%$NB_ADMIN_PASSWORD"
folder=$NB_STATE/compat_share
mkdir -p "$folder" && chmod 0777 "$folder"
group=nbstaff
[ "$kind" = dc ] && group=nblocal
: >"$work/results.$kind"
for impl in ours samba; do
    [ -d "$work/$impl" ] || continue
    for prog in share file localgroup domain server user group sid; do
        exe=$work/$impl/$prog
        [ -x "$exe" ] || continue
        case $prog in
        share) args=("$NB_SERVER" "$folder") ;;
        localgroup) args=("$NB_SERVER" "$group") ;;
        domain) args=("$NB_SERVER" "$NB_DOMAIN") ;;
        user) args=("$NB_SERVER" "$NB_USER") ;;
        # a standalone smbd has no global group of its own to list members of
        group) if [ "$kind" = dc ]; then args=("$NB_SERVER" nbstaff); else args=("$NB_SERVER"); fi ;;
        sid) args=() ;;
        *) args=("$NB_SERVER") ;;
        esac
        log=$work/log.$kind.$impl.$prog
        if [ "$impl" = ours ]; then
            NETAPIBUF_CHECK=strict timeout 120 "$exe" -U "$admin" "${args[@]}" </dev/null >"$log" 2>&1
        else
            timeout 120 "$exe" -U "$admin" "${args[@]}" </dev/null >"$log" 2>&1
        fi
        rc=$?
        if [ "$impl" = ours ] && grep -q "still allocated at exit" "$log"; then
            rc=99
        fi
        echo "$prog $impl $rc" >>"$work/results.$kind"
    done
done
