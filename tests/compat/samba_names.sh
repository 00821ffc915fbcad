#!/usr/bin/env bash
# samba_names.sh SAMBA_NETAPI_H INCLUDE_DIR AWK_SCRIPT — what a program
# written for Samba's libnetapi names compiles through netapibuf's drop-in
# netapi.h: every structure field Samba's header declares (struct NAME,
# field), and every constant it defines, with the value Samba gives it.
# (Layouts: tests/test_samba_layouts, which lists the deliberate
# differences.)  The lists come from Samba's header itself
# (samba_layouts.awk), so nothing is typed twice.
set -uo pipefail
samba_h=$1 inc=$2 awk_script=$3
cc=${CC:-cc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
result() { # STATUS NAME
    if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $2"; fi
}
awk -v side=samba -v out="$work/samba.inc" -f "$awk_script" "$samba_h" || exit 1
{
    printf '#include <stddef.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <netapi.h>\n'
    printf 'int main(void)\n{\n'
    sed -n 's/^NB_FIELD(\([A-Za-z_0-9]*\), *\([A-Za-z_0-9]*\))$/    (void)offsetof(struct \1, \2);/p' "$work/samba.inc"
    sed -n 's/^NB_CONST(\([A-Za-z_0-9]*\))$/    printf("%s %lld\\n", "\1", (long long)(\1));/p' "$work/samba.inc"
    printf '    return 0;\n}\n'
} >"$work/names.c"
fields=$(grep -c '^NB_FIELD' "$work/samba.inc")
consts=$(grep -c '^NB_CONST' "$work/samba.inc")
"$cc" -std=gnu11 -Wall -Werror -I"$inc" "$work/names.c" -o "$work/ours" 2>"$work/ours.log"
result $? "Samba's $fields field names and $consts constants compile through netapi.h"
[ -s "$work/ours.log" ] && head -20 "$work/ours.log"
# Samba's own values, from Samba's header alone (no field uses: its
# structures need nothing of ours).
sed '/offsetof/d' "$work/names.c" >"$work/values.c"
"$cc" -std=gnu11 -w -I"$(dirname "$samba_h")" "$work/values.c" -o "$work/samba"
result $? "the constants compile through Samba's netapi.h"
if [ -x "$work/ours" ] && [ -x "$work/samba" ]; then
    diff <("$work/samba") <("$work/ours") >"$work/diff"
    result $? "every constant has Samba's value"
    head -20 "$work/diff"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
