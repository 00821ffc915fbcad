#!/usr/bin/env bash
# manpages.sh SOURCE_DIR — every exported function has a manual page (its
# own, or a name in the NAME section of one), and every page formats cleanly.
set -uo pipefail
src=$1 passed=0 failed=0
names=$(sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' "$src/src/netapibuf.map")
# The NAME sections, read once (a `grep | grep -q` pipe fails at random under
# pipefail when grep -q exits before the first grep has written everything).
name_sections=$(grep -h -A3 '^\.SH NAME' "$src"/docs/man/*.3)
for name in $names; do
    if [ -f "$src/docs/man/$name.3" ] || grep -qw -- "$name" <<<"$name_sections"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1)); echo "FAIL no manual page names $name"
    fi
done
for page in "$src"/docs/man/*.[1-8]; do
    grep -q '^\.so ' "$page" && continue
    if out=$(groff -man -ww -z "$page" 2>&1) && [ -z "$out" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1)); echo "FAIL $(basename "$page"): $out"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
