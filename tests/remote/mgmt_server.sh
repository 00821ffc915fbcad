#!/usr/bin/env bash
# mgmt_server.sh COMMAND [ARGS...] — run COMMAND under with_server.sh after
# giving a standalone smbd what an administrator gives one whose accounts
# are managed over the network: a standalone Samba server keeps its users
# and global groups as Unix accounts, and makes, renames and deletes them
# only through these scripts (without them NetUserAdd answers "no such
# user" and NetGroupAdd ERROR_ACCESS_DENIED unless the Unix account exists
# already).  The scripts change the namespace's private /etc only.  No
# "add user to group script": with one, Samba 4.17's tdbsam server runs it
# and still answers ERROR_ACCESS_DENIED (it does not see the new member
# through its id mapping), so the membership of global groups is left as
# the server's refusal; a domain controller keeps them.  The DC needs
# nothing.  Used by tests/test_remote_mgmt_users.c:
#   tests/remote/with_server.sh smbd tests/remote/mgmt_server.sh build/tests/test_remote_mgmt_users
set -uo pipefail
PATH=$PATH:/usr/sbin:/sbin
if [ "${NB_SERVER_KIND:-}" = smbd ]; then
    scripts=(
        "add user script = /usr/sbin/useradd -M -N -g nbusers -d /nonexistent -s /usr/sbin/nologin %u"
        "delete user script = /usr/sbin/userdel %u"
        "rename user script = /usr/sbin/usermod -l %unew %uold"
        "add group script = /usr/sbin/groupadd %g"
        "delete group script = /usr/sbin/groupdel %g"
    )
    for line in "${scripts[@]}"; do
        # into [global] (the shares follow it in the fixture's smb.conf)
        sed -i "/^\[global\]/a\\    $line" "$NB_SMBCONF" || exit 1
    done
    smbcontrol -s "$NB_SMBCONF" smbd reload-config >/dev/null 2>&1 ||
        { echo "mgmt_server.sh: smbd did not reload its configuration" >&2; exit 1; }
fi
exec "$@"
