#!/bin/sh
# large_db.sh PROGRAM [ARGS...] — run PROGRAM in a private mount namespace
# whose /etc/passwd is a generated database of $NB_USERS (20000) users, so
# tests and benchmarks see a large user database without touching the
# machine's.  Exits 77 (CTest SKIP_RETURN_CODE) when that is not possible:
# not root, no unshare, or mount namespaces not permitted.
set -u
users=${NB_USERS:-20000}
[ "$(id -u)" = 0 ] || { echo "large_db: not root, skipped"; exit 77; }
command -v unshare >/dev/null 2>&1 || { echo "large_db: no unshare, skipped"; exit 77; }
unshare -m true 2>/dev/null || { echo "large_db: unshare -m not permitted, skipped"; exit 77; }

dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
# root first (some tools want it), then users with a full GECOS field
awk -v n="$users" 'BEGIN {
    print "root:x:0:0:root:/root:/bin/bash"
    for (i = 1; i <= n; i++)
        printf "user%05d:x:%d:%d:User Number %d,Room %d,555-%04d,,:/home/user%05d:%s\n",
               i, 100000 + i, 100000 + i, i, i % 97, i % 10000, i, (i % 50 ? "/bin/bash" : "/usr/sbin/nologin")
}' > "$dir/passwd" || exit 1
NB_LARGE_USERS=$users
export NB_LARGE_USERS
unshare -m sh -c 'mount --bind "$0" /etc/passwd || exit 77; exec "$@"' "$dir/passwd" "$@"
