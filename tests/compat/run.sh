#!/usr/bin/env bash
# run.sh BUILD_DIR SOURCE_DIR — programs written for Samba's libnetapi build
# unchanged against netapibuf and do at least as well.
#
# Installs the build into a scratch prefix (netapi.h must be installed
# beside lm.h, and no netapi.pc: that name is Samba's), compiles every
# program of tests/compat (Samba's style: popt, <netapi.h>, libnetapi_*)
# with pkg-config's flags for netapibuf, and again against Samba's
# libnetapi (pkg-config netapi) when samba-dev is installed; then runs both
# against the smbd and the AD DC fixtures (tests/remote/with_server.sh) and
# fails when a program that passes with Samba's library fails with ours.
# Prints a table.  Exit 77 (skipped) when the servers cannot run here or
# popt is missing.  CC and NB_EXTRA_FLAGS (sanitizer flags, set by CTest in
# sanitizer builds, as for install.sh) build the programs against ours.
set -uo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
here=$src/tests/compat
work=$(mktemp -d "${TMPDIR:-/tmp}/nb_compat.XXXXXX")
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # NAME COMMAND...
    local name=$1
    shift
    if "$@" >"$work/check.log" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        sed 's/^/    /' "$work/check.log"
    fi
}
programs="share file localgroup domain server user group sid"
# In a sanitizer build LeakSanitizer stays off in these programs: strict
# mode's own leak report checks every buffer of ours in them (inside.sh),
# and LeakSanitizer's check at exit crashes reading the thread-local storage
# table glibc leaves behind after Samba's failed dlopen of a gconv module
# (IBM850.so, "undefined symbol: gconv_end"), which has nothing of ours.
case ${NB_EXTRA_FLAGS:-} in
*address*) export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 ;;
esac
pkg-config --exists popt || { echo "popt is not installed: skipped"; exit 77; }

prefix=$work/prefix
check "install" cmake --install "$build" --prefix "$prefix"
libdir=$(dirname "$(find "$prefix" -name 'libnetapibuf.so' | head -n1)")
check "netapi.h installed beside lm.h" test -f "$prefix/include/netapibuf/netapi.h" \
    -a -f "$prefix/include/netapibuf/lm.h"
check "no netapi.pc installed" bash -c "! find '$prefix' -name netapi.pc | grep -q ."

# Warnings that would be errors in newer compilers fail the build.
strict="-Werror=implicit-function-declaration -Werror=incompatible-pointer-types -Werror=int-conversion"
mkdir -p "$work/ours" "$work/samba"
for prog in $programs; do
    check "$prog builds against netapibuf" bash -c \
        "PKG_CONFIG_PATH='$libdir/pkgconfig' && export PKG_CONFIG_PATH &&
         ${CC:-cc} ${NB_EXTRA_FLAGS:-} -std=gnu11 -Wall $strict \$(pkg-config --cflags netapibuf) \
            '$here/$prog.c' '$here/common.c' -o '$work/ours/$prog' \
            \$(pkg-config --libs netapibuf) \$(pkg-config --libs popt) -Wl,-rpath,'$libdir'"
done
if pkg-config --exists netapi; then
    for prog in $programs; do
        ${CC:-cc} -std=gnu11 $(pkg-config --cflags netapi) "$here/$prog.c" "$here/common.c" \
            -o "$work/samba/$prog" $(pkg-config --libs netapi) $(pkg-config --libs popt) \
            >"$work/samba.$prog.build" 2>&1 || echo "note: $prog does not build against Samba's libnetapi"
    done
else
    echo "note: Samba's netapi.pc is not installed: ours is run alone"
fi
# No program may depend on Samba's library when built against ours.
check "no program built against netapibuf maps Samba's library" bash -c \
    "! ldd '$work/ours/share' | grep -q libnetapi.so"

skipped=0
for kind in smbd dc; do
    "$src/tests/remote/with_server.sh" "$kind" "$here/inside.sh" "$work"
    rc=$?
    if [ "$rc" = 77 ]; then
        skipped=1
        continue
    fi
    check "the $kind fixture ran" test "$rc" = 0 -a -s "$work/results.$kind"
done
if [ "$skipped" = 1 ] && [ ! -s "$work/results.smbd" ] && [ ! -s "$work/results.dc" ]; then
    echo "$passed passed, $failed failed (servers skipped)"
    [ "$failed" -eq 0 ] && exit 77
    exit 1
fi

printf '%-11s %-5s %-8s %-8s\n' program kind netapibuf samba
for kind in smbd dc; do
    [ -s "$work/results.$kind" ] || continue
    for prog in $programs; do
        ours=$(awk -v p="$prog" '$1 == p && $2 == "ours" { print $3 }' "$work/results.$kind")
        samba=$(awk -v p="$prog" '$1 == p && $2 == "samba" { print $3 }' "$work/results.$kind")
        word() { case $1 in 0) echo pass ;; '') echo - ;; *) echo "fail($1)" ;; esac; }
        printf '%-11s %-5s %-8s %-8s\n' "$prog" "$kind" "$(word "$ours")" "$(word "$samba")"
        if [ "$ours" != 0 ]; then
            # Ours failing where Samba's passes, or a program that both fail
            # although the fixture is built for it: both are ours to fix.
            failed=$((failed + 1))
            echo "FAIL $prog on $kind with netapibuf:"
            sed 's/^/    /' "$work/log.$kind.ours.$prog" | tail -20
        else
            passed=$((passed + 1))
        fi
    done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
