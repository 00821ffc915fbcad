#!/usr/bin/env bash
# headers.sh INCLUDE_DIR — every public header compiles on its own, first
# in a translation unit, as C11 (pedantic) and as C++, both as is and with
# NETAPIBUF_SAMBA_COMPAT defined: headers are self-contained and C++-ready.
# Then LMSTR is checked to be `char *` normally and `const char *` in the
# Samba-compatible mode (where string literals go into the fields).
set -uo pipefail
inc=$1 passed=0 failed=0
compile() { # compile LANG STD EXTRA_FLAGS (source on stdin)
    local compiler=${CC:-cc}
    [ "$1" = c++ ] && compiler=${CXX:-c++}
    command -v "$compiler" >/dev/null &&
        "$compiler" -x "$1" "$2" -pedantic $3 -Wall -Wextra -Werror -fsyntax-only -I"$inc" -
}
result() { # result STATUS NAME
    if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $2"; fi
}
for h in "$inc"/*.h; do
    name=$(basename "$h")
    for mode in "" "-DNETAPIBUF_SAMBA_COMPAT"; do
        for lang in "c -std=c11" "c++ -std=c++11"; do
            set -- $lang
            printf "#include <%s>\ntypedef int headers_test_unit;\n" "$name" | compile "$1" "$2" "$mode"
            result $? "$name as $1 $mode"
        done
    done
done

# LMSTR's two forms.
printf '#include <lm.h>\n#include <dsgetdc.h>\n_Static_assert(_Generic((LMSTR)0, char *: 1, default: 0), "LMSTR is char *");\n' |
    compile c -std=c11 ""
result $? "LMSTR is char *"
printf '#include <lm.h>\n#include <dsgetdc.h>\n_Static_assert(_Generic((LMSTR)0, const char *: 1, default: 0), "LMSTR is const char *");\n' |
    compile c -std=c11 -DNETAPIBUF_SAMBA_COMPAT
result $? "LMSTR is const char * with NETAPIBUF_SAMBA_COMPAT"
cat <<'EOF' | compile c++ -std=c++11 "-DNETAPIBUF_SAMBA_COMPAT -Wwrite-strings"
#include <lm.h>
#include <dsgetdc.h>
void samba_style(void);
void samba_style(void)
{
    struct USER_INFO_1 u1 = {};
    struct SHARE_INFO_2 s2 = {};
    struct DOMAIN_CONTROLLER_INFO dc = {};
    u1.usri1_name = "alice";
    s2.shi2_path = "/srv/share";
    dc.DomainName = "EXAMPLE";
    (void)u1; (void)s2; (void)dc;
}
EOF
result $? "string literals into fields with NETAPIBUF_SAMBA_COMPAT (C++)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
