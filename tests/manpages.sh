#!/usr/bin/env bash
# manpages.sh SOURCE_DIR BUILD_DIR — every name src/netapibuf.map exports
# has a manual page of its own that a reader can open:
#
#   in the source tree   docs/man/NAME.3 exists, is a page (not a ".so"
#                        link: man -l resolves those from the current
#                        folder, so they fail from the repository root),
#                        its .TH and NAME section name it, groff formats it
#                        with every warning on and says nothing, and
#                        `man -l docs/man/NAME.3` run from the repository
#                        root shows it without a message;
#   installed            after `cmake --install BUILD_DIR` into a scratch
#                        prefix, `man -w 3 NAME` finds share/man/man3/NAME.3
#                        and `man 3 NAME` shows it without a message.
#
# The same holds for netapi(1) and every other page of docs/man.  Where man
# (man-db) is not installed, the checks that need it are skipped, saying so.
set -uo pipefail
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd)
passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
export LC_ALL=C.UTF-8 MANWIDTH=200 MANPAGER=cat PAGER=cat
unset MANPATH MANOPT

names=$(sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' "$src/src/netapibuf.map")
[ -n "$names" ] || { echo "FAIL no exported names in src/netapibuf.map"; exit 1; }

# The words of a page's NAME section (the lines between .SH NAME and the next .SH).
name_section() { awk '/^\.SH/ { on = ($2 == "NAME") ; next } on' "$1"; }

# Pages in the tree: exported names first, then every other page.
for name in $names; do
    page=$src/docs/man/$name.3
    if [ ! -f "$page" ]; then
        fail "$name: no docs/man/$name.3"
        continue
    fi
    if grep -q '^\.so' "$page"; then
        fail "$name: docs/man/$name.3 is a .so link, not a page (man -l cannot follow it)"
        continue
    fi
    ok
    title=$(awk '/^\.TH/ { print $2; exit }' "$page")
    [ "$title" = "$name" ] && ok || fail "$name: .TH names \"$title\""
    name_section "$page" | grep -qw -- "$name" && ok || fail "$name: the NAME section does not name it"
done
for page in "$src"/docs/man/*.[1-8]; do
    base=$(basename "$page")
    if grep -q '^\.so' "$page"; then
        fail "$base: a .so link (give the function a page of its own)"
        continue
    fi
    if out=$(groff -man -ww -z "$page" 2>&1) && [ -z "$out" ]; then
        ok
    else
        fail "$base: groff: $out"
    fi
done

if ! command -v man >/dev/null 2>&1; then
    echo "man is not installed (Debian: man-db): man -l and the installed pages were not checked"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
fi

# man -l from the repository root, as a reader of the sources runs it.
for page in "$src"/docs/man/*.[1-8]; do
    rel=docs/man/$(basename "$page")
    name=$(basename "$page"); name=${name%.*}
    out=$(cd "$src" && man -l "$rel" 2>"$work/err")
    if [ -s "$work/err" ]; then
        fail "man -l $rel: $(cat "$work/err")"
    elif ! grep -qw -- "$name" <<<"$out"; then
        fail "man -l $rel: the output does not show $name"
    else
        ok
    fi
done

# Installed: a scratch prefix of this test's own.
if ! cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1; then
    fail "cmake --install: $(tail -n 5 "$work/install.log")"
else
    export MANPATH=$work/prefix/share/man
    check_installed() { # SECTION NAME
        local section=$1 name=$2 where out
        where=$(man -w "$section" "$name" 2>&1)
        if [ "$where" != "$MANPATH/man$section/$name.$section" ]; then
            fail "installed: man -w $section $name gives \"$where\""
            return
        fi
        out=$(man "$section" "$name" 2>"$work/err")
        if [ -s "$work/err" ]; then
            fail "installed: man $section $name: $(cat "$work/err")"
        elif ! grep -qw -- "$name" <<<"$out"; then
            fail "installed: man $section $name does not show $name"
        else
            ok
        fi
    }
    for name in $names; do
        check_installed 3 "$name"
    done
    check_installed 1 netapi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
