#!/bin/sh
# bench/run.sh [BUILD_DIR] — what `make bench` runs.
#
# Runs every benchmark program built in BUILD_DIR/bench (every executable
# named bench_*, so a new program is picked up without editing this file),
# gathers their rows into BUILD_DIR/bench/results.csv and draws
# BUILD_DIR/bench/pairs.svg (ns per allocate+free pair by size, one line per
# allocator) from them.  Installs nothing.
#
# The contract with a program: print its table on stdout; append CSV rows
#   program,test,mode,threads,size,contender,ns,ratio,rounds,note
# to the file named by $BENCH_CSV (ns and ratio may be "absent"); honour
# BENCH_QUICK=1 with a short run.  BENCH_QUICK=1 makes the suite take well
# under a minute, plus about a minute for bench_remote; the full run takes
# a few minutes, plus 10-12 for bench_remote (1,000 calls of each kind).
#
# bench_remote needs the test domain controller: as root it runs through
# tests/remote/with_server.sh dc (which starts and stops it, in private
# namespaces); otherwise it is reported as skipped, with the reason.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
dir=$build/bench
csv=$(cd "$dir" 2>/dev/null && pwd)/results.csv
svg=$dir/pairs.svg
export BENCH_QUICK="${BENCH_QUICK:-}"

if [ ! -d "$dir" ]; then
    echo "run.sh: no $dir; build first (make build)" >&2
    exit 1
fi
echo "program,test,mode,threads,size,contender,ns,ratio,rounds,note" >"$csv"
status=0
found=0
echo "netapibuf benchmarks$([ -n "$BENCH_QUICK" ] && [ "$BENCH_QUICK" != 0 ] && echo ' (quick mode)') on $(uname -m), $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC')"
for prog in "$dir"/bench_*; do
    [ -f "$prog" ] && [ -x "$prog" ] || continue
    found=$((found + 1))
    echo
    echo "=== $(basename "$prog")"
    if [ "$(basename "$prog")" = bench_remote ]; then
        # the DC fixture: root only; with_server.sh exits 77 when it cannot start one
        if [ "$(id -u)" != 0 ]; then
            echo "bench_remote: skipped: not root (tests/remote/with_server.sh dc needs namespaces)"
            echo "bench_remote,userenum,default,1,0,netapibuf,absent,absent,0,skipped: not root" >>"$csv"
            continue
        fi
        BENCH_CSV="$csv" "$here/../tests/remote/with_server.sh" dc "$prog"
        rc=$?
        if [ "$rc" = 77 ]; then
            echo "bench_remote,userenum,default,1,0,netapibuf,absent,absent,0,skipped: no DC fixture here" >>"$csv"
        elif [ "$rc" != 0 ]; then
            echo "run.sh: bench_remote failed" >&2
            status=1
        fi
        continue
    fi
    if ! BENCH_CSV="$csv" "$prog"; then
        echo "run.sh: $(basename "$prog") failed" >&2
        status=1
    fi
done
if [ "$found" -eq 0 ]; then
    echo "run.sh: no bench_* programs in $dir" >&2
    exit 1
fi
awk -F, -f "$here/plot.awk" "$csv" >"$svg" || status=1
echo
echo "results: $csv"
echo "chart:   $svg"
exit $status
