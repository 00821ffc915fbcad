#!/usr/bin/env bash
# headers.sh INCLUDE_DIR — every public header compiles on its own, first
# in a translation unit, as C11 (pedantic) and as C++: headers are
# self-contained and C++-ready.
set -uo pipefail
inc=$1 passed=0 failed=0
for h in "$inc"/*.h; do
    name=$(basename "$h")
    for lang in "c -std=c11 -pedantic" "c++ -std=c++11"; do
        set -- $lang
        compiler=${CC:-cc}; [ "$1" = c++ ] && compiler=${CXX:-c++}
        if command -v "$compiler" >/dev/null &&
           printf "#include <%s>\ntypedef int headers_test_unit;\n" "$name" | "$compiler" -x "$1" "$2" ${3:-} -Wall -Wextra -Werror -fsyntax-only -I"$inc" - ; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1)); echo "FAIL $name as $1"
        fi
    done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
