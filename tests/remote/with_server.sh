#!/usr/bin/env bash
# with_server.sh KIND COMMAND [ARGS...] — run COMMAND next to a real Samba
# server of KIND (smbd or dc) that this script starts, fills and stops.
#
# What it starts.  Every server gets a private network, mount, pid and UTS
# namespace (hostname nbclient) whose only network is the loopback; the
# server binds 127.0.0.2 alone, so Samba's client library, which takes only
# 127.0.0.1, ::1, localhost and its own names as "this host", sees a remote
# server.  No veth pair, no other address, nothing reaches the machine's
# network.  Inside the namespace /etc is private (an overlay over the real
# one: the machine's files are never written); /run is a tmpfs and Samba's
# default folders (/run/samba, /var/lib/samba, /var/cache/samba,
# /var/log/samba) are bind mounts of folders under the temporary folder, as
# is every path the server's and the client's smb.conf name.
#   smbd  a standalone server (tdbsam) named NBSMBD in workgroup NBWG, with
#         winbindd (a standalone server needs it to give local groups their
#         gids) and NSS winbind in the namespace's nsswitch.conf; shares
#         [public] and [docs]; root (the administrator), alice (the ordinary
#         user), bob (disabled), carol (UTF-8 full name), dave and 1,500
#         bulk users bulk0001..bulk1500 (smbd returns at most 1,024 entries
#         per SAMR call); local groups (aliases) nbstaff (alice, bob),
#         nbadmins (root), nbempty and nbbig (300 members).  See
#         populate_smbd.py.
#   dc    an AD DC (samba -M single) named NBDC, domain NBTEST, realm
#         NBTEST.LAN, internal DNS; Administrator, alice, bob (disabled),
#         carol, dave and 2,000 bulk users bulk0001..bulk2000 (no password);
#         global groups nbstaff (alice, bob), nbbig (300 members), nbempty;
#         domain-local groups nblocal (alice, nbstaff) and nblocalempty;
#         carol in BUILTIN\Remote Desktop Users.  See populate_dc.py.
#   Both run share_command.sh as their add, change and delete share
#   command, so NetShareAdd, NetShareSetInfo and NetShareDel work; the shares
#   made go to shares.conf beside NB_SMBCONF.
#
# How long it takes (2-core VM, Samba 4.17, TDB_NO_FSYNC=1): smbd is ready
# in 0.8 s (1,505 accounts in 0.3 s through Python's passdb bindings).  The
# DC is provisioned (4 s) and populated (6 s) once, then kept as a 61 MB
# tarball in the cache folder, keyed by the Samba version and the checksum
# of the fixture files: 11-12 s the first time, 1.1-1.9 s after.  With
# NB_FIXTURE_VERBOSE=1 each step prints when it ended.
#
# The command runs inside the namespace, as root, with these variables:
#   NB_SERVER           127.0.0.2
#   NB_SERVER_KIND      smbd or dc
#   NB_SERVER_NAME      the server's NetBIOS name (NBSMBD, NBDC)
#   NB_DOMAIN           the workgroup (NBWG) or the domain's NetBIOS name (NBTEST)
#   NB_REALM            the DC's realm (NBTEST.LAN); empty for smbd
#   NB_ADMIN_USER       root on smbd (with a passdb entry), Administrator on the DC
#   NB_ADMIN_PASSWORD   its password
#   NB_USER             an ordinary user (alice) and
#   NB_USER_PASSWORD    her password
#   NB_USER_COUNT       how many normal user accounts the server has (what
#                       NetUserEnum with FILTER_NORMAL_ACCOUNT should count:
#                       1505 on smbd; 2007 on the DC, with Guest and krbtgt
#                       but not the DC's own machine account NBDC$)
#   NB_STATE            the temporary folder: the server's files are under
#                       $NB_STATE/smbd or $NB_STATE/dc, the client's under
#                       $NB_STATE/client
#   NB_SMBCONF          the server's smb.conf, for the server's own tools:
#                         pdbedit -s "$NB_SMBCONF" -L
#                         samba-tool user list -s "$NB_SMBCONF"
#                         net rpc user -S "$NB_SERVER" -U "$NB_ADMIN_USER%$NB_ADMIN_PASSWORD"
#   TMPDIR, KRB5CCNAME  under $NB_STATE, so nothing lands in the machine's /tmp
# The client side (smbclient, net, libnetapi) reads the namespace's own
# /etc/samba/smb.conf: netbios name NBCLIENT, the server's workgroup, SMB2
# or later, no Kerberos (libnetapi_set_use_kerberos still turns it on; the
# namespace's /etc/krb5.conf knows the DC's realm, and its /etc/hosts and,
# for the DC, its DNS resolve nbsmbd, nbdc and nbdc.nbtest.lan).
#
# Exit status: COMMAND's; 77 (CTest's skip code) after one line saying why
# when it cannot run here (not root, no namespaces, Samba not installed);
# 1 when the server could not be started (the end of its log is printed);
# 2 for a usage error; 130/143 when interrupted.  Nothing is left running
# whatever happens: the namespace's first process is this script, and when
# it ends the kernel ends every process in the namespace; the script that
# made the namespace kills it (through unshare --kill-child) when it is
# interrupted, and unshare dies (PR_SET_PDEATHSIG) if that script is
# killed, taking the namespace with it.  The temporary folder
# is removed at the end (NB_KEEP=1 keeps it and prints its name; folders of
# runs that were killed are removed by the next run).
#
# Settings (environment):
#   NB_SERVER_CACHE     the DC cache folder (default
#                       /tmp/netapibuf-server-cache-$UID; must belong to
#                       this user and not be writable by others)
#   NB_START_TIMEOUT    seconds to wait for the server to answer (60)
#   NB_KEEP=1           keep the temporary folder
#   NB_BULK_USERS       bulk users (1500 smbd / 2000 dc; changes NB_USER_COUNT)
#   NB_FIXTURE_VERBOSE=1  print the time of each step
#
# From CTest:
#   add_test(NAME remote_smbd COMMAND ${PROJECT_SOURCE_DIR}/tests/remote/with_server.sh
#            smbd $<TARGET_FILE:test_remote>)
#   set_tests_properties(remote_smbd PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
# and the same with dc.  Runs may overlap: each has its own namespace and
# temporary folder, and only the cache is shared (under a lock).
# shellcheck disable=SC2317  # functions run from traps look unreachable
set -uo pipefail
# The daemons live in sbin, which a user's PATH may lack.
PATH=$PATH:/usr/sbin:/sbin
prog=with_server.sh

usage() {
    echo "usage: $prog smbd|dc COMMAND [ARGS...]" >&2
    exit 2
}
[ $# -ge 2 ] || usage
kind=$1
shift
case $kind in smbd | dc) ;; *) usage ;; esac
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) || exit 1
self=$here/$(basename "${BASH_SOURCE[0]}")

# The fixture's names and passwords (fixed: the DC cache holds them).
NB_SERVER=127.0.0.2
NB_USER=alice
NB_USER_PASSWORD=Alice.Pass1
if [ "$kind" = smbd ]; then
    NB_SERVER_NAME=NBSMBD NB_DOMAIN=NBWG NB_REALM=
    NB_ADMIN_USER=root NB_ADMIN_PASSWORD=Root.Pass1
    NB_BULK_USERS=${NB_BULK_USERS:-1500}
else
    NB_SERVER_NAME=NBDC NB_DOMAIN=NBTEST NB_REALM=NBTEST.LAN
    NB_ADMIN_USER=Administrator NB_ADMIN_PASSWORD=Admin.Pass1
    NB_BULK_USERS=${NB_BULK_USERS:-2000}
fi
export NB_SERVER NB_SERVER_NAME NB_DOMAIN NB_REALM NB_ADMIN_USER NB_ADMIN_PASSWORD \
    NB_USER NB_USER_PASSWORD NB_BULK_USERS
export NB_SERVER_KIND=$kind
# Samba's state is thrown away after each run: no fsync in tdb and ldb.
export TDB_NO_FSYNC=1

skip() {
    echo "$prog $kind: skipped: $*"
    exit 77
}

# ==== outside: check, make the temporary folder, start the namespace ======
if [ "${NB_FIXTURE_INNER:-}" != 1 ]; then
    [ "$(id -u)" = 0 ] || skip "not root (needs network, mount and pid namespaces)"
    for tool in unshare setpriv ip mount flock; do
        command -v "$tool" >/dev/null 2>&1 || skip "no $tool"
    done
    if [ "$kind" = smbd ]; then
        needs="smbd winbindd wbinfo smbclient net pdbedit"
    else
        needs="samba samba-tool smbclient net"
    fi
    for tool in $needs; do
        command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
    done
    # Samba's Python modules belong to the system's Python, not to one that
    # comes first in PATH (pyenv and the like).
    NB_PYTHON=
    for py in /usr/bin/python3 python3; do
        if "$py" -c 'import samba.samba3.passdb, samba.samdb' 2>/dev/null; then
            NB_PYTHON=$py
            break
        fi
    done
    [ -n "$NB_PYTHON" ] || skip "python3-samba is not installed"
    if [ "$kind" = smbd ]; then
        nss=
        for f in /lib/*/libnss_winbind.so.2 /usr/lib/*/libnss_winbind.so.2 \
            /lib*/libnss_winbind.so.2 /usr/lib*/libnss_winbind.so.2; do
            [ -e "$f" ] && nss=$f
        done
        [ -n "$nss" ] || skip "libnss-winbind is not installed"
    fi
    unshare -m -n -p -u --fork --mount-proc true 2>/dev/null ||
        skip "network, mount, pid and UTS namespaces are not permitted here"

    # Unix socket paths must stay under 108 bytes, and /run is replaced
    # inside the namespace: the folder lives elsewhere.
    base=${TMPDIR:-/tmp}
    case $base in /run/* | /var/run/*) base=/tmp ;; esac
    [ ${#base} -le 40 ] || base=/tmp
    # Folders of runs that were killed (SIGKILL leaves no time to clean up).
    for old in "$base"/netapibuf-smbd.* "$base"/netapibuf-dc.*; do
        [ -f "$old/owner.pid" ] || continue
        alive=0
        read -r -a pids <"$old/owner.pid" 2>/dev/null
        for pid in "${pids[@]}"; do
            kill -0 "$pid" 2>/dev/null && alive=1
        done
        [ "$alive" = 1 ] || rm -rf "$old"
    done
    state=$(mktemp -d "$base/netapibuf-$kind.XXXXXX") || exit 1
    echo $$ >"$state/owner.pid"

    child=
    # Kill unshare: the kernel kills its child, the namespace's first
    # process (unshare --kill-child), and with that every process in the
    # namespace; that process is a zombie (or gone) only once all of them
    # are.  (Killing the first process itself would do as well, but unshare
    # then complains that it cannot re-raise SIGKILL.)
    stop_namespace() {
        [ -n "$child" ] || return 0
        local init='' tries=100 st
        # unshare may not have forked yet: give it a moment
        while [ "$tries" -gt 0 ] && [ -e "/proc/$child" ]; do
            read -r init _ <"/proc/$child/task/$child/children" 2>/dev/null
            [ -n "$init" ] && break
            tries=$((tries - 1))
            sleep 0.01
        done
        kill -KILL "$child" 2>/dev/null
        wait "$child" 2>/dev/null
        child=
        [ -n "$init" ] || return 0
        for tries in $(seq 1000); do
            st=$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$init/status" 2>/dev/null)
            case $st in '' | Z | X) return 0 ;; esac
            sleep 0.01
        done
        echo "$prog $kind: the namespace's first process ($init) did not end" >&2
    }
    cleanup() {
        stop_namespace
        if [ "${NB_KEEP:-}" = 1 ]; then
            rm -f "$state/owner.pid"   # the next run's sweep leaves it alone
            echo "$prog $kind: kept $state" >&2
        else
            rm -rf "$state"
        fi
    }
    interrupted() {
        trap '' INT TERM HUP
        echo "$prog $kind: interrupted" >&2
        exit "$1"
    }
    trap cleanup EXIT
    trap 'interrupted 130' INT
    trap 'interrupted 143' TERM
    trap 'interrupted 129' HUP
    NB_FIXTURE_INNER=1 NB_STATE=$state NB_PYTHON=$NB_PYTHON \
        setpriv --pdeathsig KILL \
        unshare -m -n -p -u --fork --mount-proc --kill-child=SIGKILL -- "$self" "$kind" "$@" &
    child=$!
    echo "$$ $child" >"$state/owner.pid"
    wait "$child"
    rc=$?
    child=
    exit "$rc"
fi

# ==== inside: the namespace's first process ================================
# A first process gets only the signals it has handlers for.
trap 'exit 143' TERM
trap 'exit 129' HUP
S=$NB_STATE
export NB_STATE
fail() {
    echo "$prog $kind: $*" >&2
    exit 1
}
# Print the end of a log (to explain a failure).
show_log() {
    local f
    for f in "$@"; do
        [ -s "$f" ] || continue
        echo "---- ${f#"$S"/} (end)" >&2
        tail -n 25 "$f" >&2
    done
}
# now: seconds since the epoch, with milliseconds
now() { date +%s.%3N; }
t_start=$(now)
elapsed() { awk -v a="$t_start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# note WHAT — with NB_FIXTURE_VERBOSE set, when each step ended
note() { [ -z "${NB_FIXTURE_VERBOSE:-}" ] || echo "$prog $kind: $1 at $(elapsed) s" >&2; }

# ---- private /etc, /run and Samba's default folders
mount --make-rprivate / || fail "mount --make-rprivate failed"
mkdir -p "$S/etc.upper" "$S/etc.work" "$S/tmp" "$S/client"/{lock,state,cache,private,pid,log}
# Users other than root pass through (smbd changes into TMPDIR for IPC$).
chmod 0711 "$S"
chmod 1777 "$S/tmp"
if ! mount -t overlay netapibuf-etc \
    -o "lowerdir=/etc,upperdir=$S/etc.upper,workdir=$S/etc.work" /etc 2>/dev/null; then
    # No overlayfs: a copy (about 4 MB) serves as well.
    if ! cp -a /etc "$S/etc.copy" || ! mount --bind "$S/etc.copy" /etc; then
        fail "no private /etc"
    fi
fi
mount -t tmpfs -o mode=0755,size=64m netapibuf-run /run || fail "no private /run"
for dir in /run/samba /var/lib/samba /var/cache/samba /var/log/samba; do
    name=${dir#/}
    name=${name//\//-}
    mkdir -p "$S/sys/$name"
    [ -d "$dir" ] || [ "$dir" = /run/samba ] || continue
    mkdir -p "$dir"
    mount --bind "$S/sys/$name" "$dir" || fail "cannot bind $dir"
done
hostname nbclient
ip link set lo up || fail "cannot bring up the loopback"
export TMPDIR=$S/tmp KRB5CCNAME=FILE:$S/client/krb5cc

# The namespace's files (removed first: a symlink must not be followed).
put() { # FILE — write standard input to FILE in the private /etc
    rm -f "$1" && cat >"$1"
}
server_lower=$(echo "$NB_SERVER_NAME" | tr '[:upper:]' '[:lower:]')
realm_lower=$(echo "$NB_REALM" | tr '[:upper:]' '[:lower:]')
if [ "$kind" = dc ]; then
    fqdn="$server_lower.$realm_lower "
    printf 'nameserver %s\nsearch %s\noptions timeout:1 attempts:1\n' "$NB_SERVER" "$realm_lower" |
        put /etc/resolv.conf
else
    fqdn=
    printf 'options timeout:1 attempts:1\n' | put /etc/resolv.conf
fi
printf '127.0.0.1\tlocalhost nbclient\n::1\tlocalhost\n%s\t%s%s\n' \
    "$NB_SERVER" "$fqdn" "$server_lower" | put /etc/hosts
put /etc/nsswitch.conf <<EOF
passwd: files winbind
group: files winbind
shadow: files
hosts: files dns
networks: files
protocols: files
services: files
EOF
if [ "$kind" = dc ]; then
    put /etc/krb5.conf <<EOF
[libdefaults]
    default_realm = $NB_REALM
    dns_lookup_realm = false
    dns_lookup_kdc = false
[realms]
    $NB_REALM = {
        kdc = $NB_SERVER
    }
[domain_realm]
    .$realm_lower = $NB_REALM
    $realm_lower = $NB_REALM
EOF
else
    printf '[libdefaults]\n    dns_lookup_realm = false\n    dns_lookup_kdc = false\n' |
        put /etc/krb5.conf
fi
mkdir -p /etc/samba
put /etc/samba/smb.conf <<EOF
# The client's configuration (smbclient, net, libnetapi): not the server.
[global]
    netbios name = NBCLIENT
    workgroup = $NB_DOMAIN
    ${NB_REALM:+realm = $NB_REALM}
    client min protocol = SMB2_02
    client use kerberos = off
    disable netbios = yes
    lock directory = $S/client/lock
    state directory = $S/client/state
    cache directory = $S/client/cache
    private dir = $S/client/private
    pid directory = $S/client/pid
    ncalrpc dir = $S/client/ncalrpc
    log file = $S/client/log/%m.log
    log level = 0
EOF

# ---- the server
# run_daemon LOG COMMAND... — a daemon in its own session (smbd signals its
# whole process group when it stops), output to LOG.
# The deadline for answers runs from the first daemon's start (the DC's
# provisioning, which may wait for another run's, comes before it).
daemons="" deadline=""
run_daemon() {
    local log=$1
    shift
    [ -n "$deadline" ] || deadline=$(($(date +%s) + ${NB_START_TIMEOUT:-60}))
    setsid "$@" </dev/null >>"$log" 2>&1 &
    daemons="$daemons $!"
}
# wait_for COMMAND... — retry COMMAND until it succeeds; fail at the
# deadline or when a daemon has died.
wait_for() {
    local pid
    until "$@" >/dev/null 2>&1; do
        for pid in $daemons; do
            kill -0 "$pid" 2>/dev/null || { echo "$prog $kind: a server stopped" >&2; return 1; }
        done
        [ "$(date +%s)" -lt "$deadline" ] || { echo "$prog $kind: no answer within ${NB_START_TIMEOUT:-60} s" >&2; return 1; }
        sleep 0.1
    done
}
smb_paths() { # DIR — the folder options of a server under DIR
    cat <<EOF
    lock directory = $1/lock
    state directory = $1/state
    cache directory = $1/cache
    private dir = $1/private
    pid directory = $1/pid
    ncalrpc dir = $1/ncalrpc
    binddns dir = $1/bind-dns
    ntp signd socket directory = $1/ntp_signd
    winbindd socket directory = $S/sys/run-samba/winbindd
    usershare path = $1/usershares
    log file = $1/log/%m.log
    max log size = 0
EOF
}
# NetShareAdd, NetShareSetInfo and NetShareDel: Samba's SRVSVC server runs
# these commands (share_command.sh edits shares.conf beside smb.conf, which
# smb.conf includes last, and makes the server reload it).  Without them it
# refuses every share write with ERROR_ACCESS_DENIED.
smb_share_commands() {
    cat <<EOF
    add share command = $here/share_command.sh add
    change share command = $here/share_command.sh change
    delete share command = $here/share_command.sh delete
EOF
}
admin=$NB_ADMIN_USER%$NB_ADMIN_PASSWORD

start_smbd() {
    local d=$S/smbd
    mkdir -p "$d"/{lock,state,cache,private,pid,ncalrpc,log,usershares,share/public,share/docs}
    echo "Nothing to see." >"$d/share/docs/README"
    # Users other than root reach the shares: the folders on the way are
    # searchable, [public] is writable by all (sticky), private stays private.
    chmod 0711 "$d" "$d/share"
    chmod 1777 "$d/share/public"
    chmod 0700 "$d/private"
    NB_SMBCONF=$d/smb.conf
    cat >"$NB_SMBCONF" <<EOF
# netapibuf test fixture: a standalone smbd ($prog)
[global]
    netbios name = $NB_SERVER_NAME
    workgroup = $NB_DOMAIN
    server string = netapibuf fixture smbd
    server role = standalone server
    passdb backend = tdbsam
    interfaces = $NB_SERVER/8
    bind interfaces only = yes
    smb ports = 445
    disable netbios = yes
    map to guest = never
    idmap config * : backend = tdb
    idmap config * : range = 100000-199999
    load printers = no
    printing = bsd
    printcap name = /dev/null
    disable spoolss = yes
$(smb_paths "$d")
$(smb_share_commands)
    log level = 1
[public]
    path = $d/share/public
    comment = Public files
    read only = no
[docs]
    path = $d/share/docs
    comment = Documentation
    read only = yes
# shares made by NetShareAdd (share_command.sh)
include = $d/shares.conf
EOF
    : >"$d/shares.conf"
    NB_USER_COUNT=$("$NB_PYTHON" "$here/populate_smbd.py" users "$NB_SMBCONF" 2>"$d/log/populate.log") ||
        { show_log "$d/log/populate.log"; fail "could not add the users"; }
    note "$NB_USER_COUNT users added"
    run_daemon "$d/log/winbindd.out" winbindd --foreground --no-process-group -s "$NB_SMBCONF"
    run_daemon "$d/log/smbd.out" smbd --foreground --no-process-group -s "$NB_SMBCONF"
    "$NB_PYTHON" "$here/populate_smbd.py" aliases "$NB_SMBCONF" 2>>"$d/log/populate.log" ||
        { show_log "$d/log/populate.log" "$d/log/winbindd.log"; fail "could not add the local groups"; }
    note "local groups added"
    wait_for smbclient -L "//$NB_SERVER" -U "$admin" ||
        { show_log "$d/log/smbd.out" "$d/log/smbd.log"; fail "smbd is not ready"; }
}

# The DC cache: one tarball per Samba version and fixture checksum.
dc_cache_key() {
    local version sum
    version=$(samba -V 2>/dev/null | awk '{ print $2 }')
    sum=$(cat "$self" "$here/populate_dc.py" | sha256sum | cut -c1-16)
    echo "dc-$version-$NB_BULK_USERS-$sum"
}
dc_cache_dir() { # the cache folder, or nothing when it cannot be trusted
    local dir=${NB_SERVER_CACHE:-/tmp/netapibuf-server-cache-$(id -u)}
    mkdir -p "$dir" 2>/dev/null || return 0
    [ -O "$dir" ] || return 0
    [ -z "$(find "$dir" -maxdepth 0 -perm /022)" ] || return 0
    echo "$dir"
}
provision_dc() { # DIR — provision and fill a DC under DIR, offline
    local d=$1
    : >"$S/empty.conf"
    # No forwarder: the namespace has no outside to forward to.
    samba-tool domain provision -s "$S/empty.conf" --targetdir="$d" \
        --realm="$NB_REALM" --domain="$NB_DOMAIN" --host-name="$server_lower" \
        --host-ip="$NB_SERVER" --server-role=dc --dns-backend=SAMBA_INTERNAL \
        --adminpass="$NB_ADMIN_PASSWORD" --option="dns forwarder = $NB_SERVER" \
        >"$S/provision.log" 2>&1 || { show_log "$S/provision.log"; return 1; }
    note provisioned
    "$NB_PYTHON" "$here/populate_dc.py" "$d/etc/smb.conf" >"$d/user_count" 2>"$S/populate.log" ||
        { show_log "$S/populate.log"; return 1; }
    note "$(cat "$d/user_count") users added"
    # Samba makes a 4096-bit key at its first start when it finds none (1.5
    # to 3 s, every run); a 2048-bit one made once here goes in the cache.
    if command -v openssl >/dev/null 2>&1; then
        mkdir -p "$d/private/tls"
        if ! openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
            -subj "/O=netapibuf fixture/CN=$server_lower.$realm_lower" \
            -keyout "$d/private/tls/key.pem" -out "$d/private/tls/cert.pem" >/dev/null 2>&1 ||
            ! cp "$d/private/tls/cert.pem" "$d/private/tls/ca.pem"; then
            rm -rf "$d/private/tls"   # Samba makes its own then
        fi
    fi
    # provision's smb.conf and lock folder (the targetdir): not used again
    rm -rf "${d:?}/etc" "$d/msg.lock" "$d/msg.sock" "$d"/*.tdb
}
start_dc() {
    local d=$S/dc cache key tarball tmp
    mkdir -p "$d"
    key=$(dc_cache_key)
    cache=$(dc_cache_dir)
    if [ -n "$cache" ]; then
        tarball=$cache/$key.tar
        # One run provisions, the others wait for its tarball.
        exec 9>"$cache/$key.lock"
        flock 9
        note "cache locked"
        if [ ! -f "$tarball" ]; then
            provision_dc "$d" || fail "could not provision the DC"
            tmp=$(mktemp "$cache/.$key.XXXXXX") || tmp=
            if [ -n "$tmp" ]; then
                if ! tar -C "$d" --xattrs --xattrs-include='*' -cf "$tmp" . ||
                    ! mv -f "$tmp" "$tarball"; then
                    rm -f "$tmp"
                fi
            fi
            note "cached as $tarball"
            # Older keys (another Samba or fixture) go after a week unused,
            # and so do tarballs that a killed run left half written.
            find "$cache" -maxdepth 1 \( -name 'dc-*.tar' -mtime +7 -o -name '.dc-*' -mmin +60 \) \
                -delete 2>/dev/null
        else
            tar -C "$d" --xattrs --xattrs-include='*' -xf "$tarball" ||
                fail "could not unpack $tarball"
            touch "$tarball"
            note "unpacked $tarball"
        fi
        flock -u 9
        exec 9>&-
    else
        provision_dc "$d" || fail "could not provision the DC"
    fi
    NB_USER_COUNT=$(cat "$d/user_count")
    mkdir -p "$d/log"   # Samba makes the others, with the modes it checks
    NB_SMBCONF=$d/smb.conf
    cat >"$NB_SMBCONF" <<EOF
# netapibuf test fixture: an AD DC ($prog)
[global]
    netbios name = $NB_SERVER_NAME
    workgroup = $NB_DOMAIN
    realm = $NB_REALM
    server role = active directory domain controller
    server string = netapibuf fixture DC
    interfaces = $NB_SERVER/8
    bind interfaces only = yes
    disable netbios = yes
    # Nothing to replicate or register: one DC, records made by provision.
    server services = -dnsupdate -kcc -drepl
    dns forwarder =
    load printers = no
    printing = bsd
    printcap name = /dev/null
    disable spoolss = yes
$(smb_paths "$d")
$(smb_share_commands)
    log level = 1
[sysvol]
    path = $d/state/sysvol
    read only = no
[netlogon]
    path = $d/state/sysvol/$realm_lower/scripts
    read only = no
# shares made by NetShareAdd (share_command.sh)
include = $d/shares.conf
EOF
    : >"$d/shares.conf"
    run_daemon "$d/log/samba.out" samba -i -M single -s "$NB_SMBCONF"
    # The first answers can fail while the DC starts its services.
    if ! wait_for smbclient -L "//$NB_SERVER" -U "$admin" ||
        ! wait_for net rpc user info "$NB_USER" -S "$NB_SERVER" -U "$admin"; then
        show_log "$d/log/samba.out"
        fail "the DC is not ready"
    fi
}

"start_$kind"
export NB_USER_COUNT NB_SMBCONF
unset NB_FIXTURE_INNER NB_PYTHON
note ready
"$@"
