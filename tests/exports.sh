#!/usr/bin/env bash
# exports.sh LIB MAP — the shared library exports exactly the names listed in
# the version script: nothing internal leaks, nothing promised is missing.
set -eu
lib=$1 map=$2
expected=$(sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' "$map" | sort)
actual=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {sub(/@.*/, "", $3); print $3}' | sort)
if [ "$expected" != "$actual" ]; then
    echo "exported symbols differ from $map (< expected, > exported):"
    diff <(echo "$expected") <(echo "$actual") || true
    echo "0 passed, 1 failed"
    exit 1
fi
for name in $expected; do
    case $name in
        Net*|Netapip*|netapibuf_*) ;;
        # Windows' DsGetDcName; the drop-in netapi.h's names of Samba's
        # libnetapi (libnetapi_*, I_NetLogonControl*, the SID converters)
        DsGetDcName|libnetapi_*|I_Net*|ConvertSidToStringSid|ConvertStringSidToSid) ;;
        *) echo "exported name outside the API prefixes: $name"; echo "0 passed, 1 failed"; exit 1 ;;
    esac
done
soname=$(readelf -d "$lib" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
case $soname in
    libnetapibuf.so.[0-9]*) ;;
    *) echo "unexpected SONAME: '$soname'"; echo "0 passed, 1 failed"; exit 1 ;;
esac
echo "exports: $(echo "$expected" | wc -l) names, SONAME $soname"
echo "1 passed, 0 failed"
