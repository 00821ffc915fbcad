#!/usr/bin/env bash
# without_libnetapi.sh COMMAND [ARGS...] — run COMMAND where Samba's client
# library, libnetapi.so.1, cannot be loaded, though it is installed: in a
# private mount namespace, every file the dynamic loader could find under
# that name (its cache, the usual library folders) has /dev/null mounted
# over it, so dlopen("libnetapi.so.1") fails as on a machine without
# Debian's samba-libs.  LD_LIBRARY_PATH cannot hide a library the loader's
# cache knows, so a namespace it is.  Nothing outside the namespace sees
# the mounts (the script refuses to mount anything unless it is in a mount
# namespace of its own); they end with COMMAND.
#
# Exit status: COMMAND's; 77 (CTest's skip code) after a line saying why
# when this machine cannot do it (not root, no unshare); 1 when the
# library could not be hidden.
set -uo pipefail
prog=without_libnetapi.sh
[ $# -ge 1 ] || { echo "usage: $prog COMMAND [ARGS...]" >&2; exit 2; }

if [ "${NB_WITHOUT_LIBNETAPI_OUTER_NS:-}" = "" ]; then
    [ "$(id -u)" = 0 ] || { echo "$prog: skipped: not root (needs a mount namespace)"; exit 77; }
    command -v unshare >/dev/null 2>&1 || { echo "$prog: skipped: no unshare"; exit 77; }
    unshare -m true 2>/dev/null || { echo "$prog: skipped: mount namespaces are not permitted here"; exit 77; }
    outer=$(readlink /proc/self/ns/mnt) || { echo "$prog: cannot read the mount namespace" >&2; exit 1; }
    NB_WITHOUT_LIBNETAPI_OUTER_NS=$outer exec unshare -m --propagation private -- "$0" "$@"
fi

# ---- inside the private mount namespace
outer=$NB_WITHOUT_LIBNETAPI_OUTER_NS
unset NB_WITHOUT_LIBNETAPI_OUTER_NS
if [ "$(readlink /proc/self/ns/mnt)" = "$outer" ]; then
    echo "$prog: not in a mount namespace of its own: nothing mounted" >&2
    exit 1
fi
mount --make-rprivate / || { echo "$prog: mount --make-rprivate failed" >&2; exit 1; }
# every file the loader could open under that name, symlinks resolved
files=$({
    ldconfig -p 2>/dev/null | sed -n 's/^[[:space:]]*libnetapi\.so[^ ]* .* => //p'
    ls -d /lib/*/libnetapi.so* /usr/lib/*/libnetapi.so* /lib*/libnetapi.so* \
        /usr/lib*/libnetapi.so* /usr/local/lib*/libnetapi.so* 2>/dev/null
} | while read -r f; do readlink -f "$f"; done | sort -u)
hidden=0
for f in $files; do
    [ -f "$f" ] || continue
    mount --bind /dev/null "$f" || { echo "$prog: cannot hide $f" >&2; exit 1; }
    hidden=$((hidden + 1))
done
echo "$prog: $hidden file(s) of libnetapi hidden by /dev/null in this namespace"
exec "$@"
