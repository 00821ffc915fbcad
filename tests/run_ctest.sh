#!/usr/bin/env bash
# run_ctest.sh BUILD_DIR [CTEST ARGS...] — what `make test` runs: CTest over
# the build, its output as it comes, and its counts line ("100% tests passed,
# 0 tests failed out of 58") repeated as the very last line, after CTest's
# own timing lines.  The exit status is CTest's.
set -uo pipefail
build=$1; shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
(cd "$build" && ctest --no-label-summary "$@") 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
counts=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
if [ -n "$counts" ]; then
    echo
    echo "$counts"
fi
exit "$status"
