#!/usr/bin/env bash
# install.sh BUILD_DIR SOURCE_DIR — install into a scratch prefix (and a
# DESTDIR), then build a user's program against it three ways: pkg-config
# with `#include <lm.h>`, the static library, and the CMake package; and
# compile every public header as C++.  CC and NB_EXTRA_FLAGS (sanitizer
# flags, set by CTest in sanitizer builds) choose how the user's program is built.
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # check NAME COMMAND...
    local name=$1; shift
    if "$@" >"$work/log" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
    else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/    /' "$work/log"; fi
}

prefix=$work/prefix
check "cmake --install --prefix" cmake --install "$build" --prefix "$prefix"
libdir=$(dirname "$(find "$prefix" -name 'libnetapibuf.so' | head -n1)")
check "installed files" test -f "$prefix/include/netapibuf/lm.h" -a -f "$prefix/include/netapibuf/lmapibuf.h" \
    -a -f "$libdir/libnetapibuf.a" -a -f "$libdir/pkgconfig/netapibuf.pc" \
    -a -f "$libdir/cmake/netapibuf/netapibufConfig.cmake"
check "SONAME is libnetapibuf.so.MAJOR" bash -c \
    "readelf -d '$libdir/libnetapibuf.so' | grep -q 'SONAME.*\[libnetapibuf\.so\.[0-9]*\]' && test -e $libdir/\$(readelf -d '$libdir/libnetapibuf.so' | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')"
check "installed network headers" test -f "$prefix/include/netapibuf/lmaccess.h" \
    -a -f "$prefix/include/netapibuf/lmwksta.h" -a -f "$prefix/include/netapibuf/lmserver.h" \
    -a -f "$prefix/include/netapibuf/lmremutl.h" -a -f "$prefix/include/netapibuf/lmshare.h" \
    -a -f "$prefix/include/netapibuf/lmjoin.h" -a -f "$prefix/include/netapibuf/dsgetdc.h"
check "installed manual pages" test -f "$prefix/share/man/man1/netapi.1" \
    -a -f "$prefix/share/man/man3/NetLocalGroupGetMembers.3"
check "installed bash completion" bash -c \
    "bash -n '$prefix/share/bash-completion/completions/netapi' && bash -c 'have() { :; }; _init_completion() { :; }; source \"$prefix/share/bash-completion/completions/netapi\" && complete -p netapi'"
check "installed netapi runs" bash -c "'$prefix/bin/netapi' --version && '$prefix/bin/netapi' >/dev/null"

export PKG_CONFIG_PATH=$libdir/pkgconfig
cc="${CC:-cc} ${NB_EXTRA_FLAGS:-}"
check "pkg-config build, #include <lm.h>" bash -c \
    "$cc -std=c11 -Wall -Werror \$(pkg-config --cflags netapibuf) '$src/tests/consumer/consumer.c' -o '$work/c1' \$(pkg-config --libs netapibuf) -Wl,-rpath,'$libdir' && '$work/c1'"
check "static library build" bash -c \
    "$cc -std=c11 \$(pkg-config --cflags netapibuf) '$src/tests/consumer/consumer.c' -o '$work/c2' '$libdir/libnetapibuf.a' -pthread && '$work/c2' && ! ldd '$work/c2' | grep -q netapibuf"
check "CMake package" bash -c \
    "cmake -S '$src/tests/consumer' -B '$work/cm' -DCMAKE_PREFIX_PATH='$prefix' -DCMAKE_C_COMPILER='${CC:-cc}' -DCMAKE_C_FLAGS='${NB_EXTRA_FLAGS:-}' && cmake --build '$work/cm' && LD_LIBRARY_PATH='$libdir' '$work/cm/consumer_shared' && '$work/cm/consumer_static'"

if command -v c++ >/dev/null; then
    for h in "$prefix"/include/netapibuf/*.h; do
        check "$(basename "$h") compiles as C++" bash -c \
            "echo '#include <$(basename "$h")>' | c++ -x c++ -std=c++11 -Wall -Werror -fsyntax-only -I'$prefix/include/netapibuf' -"
    done
fi

# The drop-in for Samba's libnetapi users: netapi.h beside lm.h, no
# netapi.pc (Samba's name); a program written for Samba's libnetapi that
# needs no server builds through pkg-config and runs.
check "netapi.h installed, no netapi.pc" bash -c \
    "test -f '$prefix/include/netapibuf/netapi.h' && ! find '$prefix' -name netapi.pc | grep -q ."
if pkg-config --exists popt; then
    check "a program written for Samba's libnetapi builds and runs" bash -c \
        "$cc -std=gnu11 -Wall -Werror=incompatible-pointer-types \$(pkg-config --cflags netapibuf) \
            '$src/tests/compat/sid.c' '$src/tests/compat/common.c' -o '$work/c3' \
            \$(pkg-config --libs netapibuf) \$(pkg-config --libs popt) -Wl,-rpath,'$libdir' && '$work/c3'"
fi

check "DESTDIR install" bash -c \
    "DESTDIR='$work/stage' cmake --install '$build' && find '$work/stage' -name 'libnetapibuf.so.*' | grep -q . && find '$work/stage' -path '*include/netapibuf/lm.h' | grep -q ."

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
