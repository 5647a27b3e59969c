#!/bin/bash
# Fault injection (issue 14): with write(), fsync() or rename() of the
# temporary report failing (tests/fault/shim.c, LD_PRELOAD), `--output`
# leaves the old report byte for byte, leaves no temporary file, and exits
# 5 with "regnet: FILE: cannot write: REASON" (README, exit status).  A run
# without a fault replaces the report (so the test can fail).
# Usage: fault_test.sh REGNET SHIM     (run from the project root)
set -u
REGNET=$1
SHIM=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAIL=0
PASS=0
DATASET=tests/fixtures/tiny/dataset.json
# A sanitizer build's runtime must come first; the shim is preloaded before it.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

check() { # NAME CONDITION...
    local name=$1
    shift
    if "$@"; then
        PASS=$((PASS + 1))
    else
        echo "FAIL: $name"
        FAIL=$((FAIL + 1))
    fi
}

for fault in write fsync rename; do
    case $fault in
        write) reason="No space left on device" ;;
        fsync) reason="Input/output error" ;;
        rename) reason="Permission denied" ;;
    esac
    dir="$TMP/$fault"
    mkdir "$dir"
    printf 'OLD REPORT\n' >"$dir/report.json"
    chmod 640 "$dir/report.json"
    err=$(LD_PRELOAD="$SHIM" REGNET_FAULT=$fault "$REGNET" analyze -q --dataset $DATASET \
          --output "$dir/report.json" 2>&1 >/dev/null)
    code=$?
    check "$fault: exit 5 (got $code)" test "$code" = 5
    check "$fault: message (got '$err')" test \
        "$err" = "regnet: $dir/report.json: cannot write: $reason"
    check "$fault: old report intact" test "$(cat "$dir/report.json")" = "OLD REPORT"
    check "$fault: mode kept" test "$(stat -c %a "$dir/report.json")" = 640
    leftovers=$(find "$dir" -name '.regnet-*' | wc -l)
    check "$fault: no temporary file (found $leftovers)" test "$leftovers" = 0
    # A new report (no old one) is not created either.
    LD_PRELOAD="$SHIM" REGNET_FAULT=$fault "$REGNET" analyze -q --dataset $DATASET \
        --output "$dir/new.json" 2>/dev/null
    code=$?
    check "$fault: new report, exit 5 (got $code)" test "$code" = 5
    check "$fault: new report not created" test ! -e "$dir/new.json"
    check "$fault: new report, no temporary file" test "$(find "$dir" -name '.regnet-*' | wc -l)" = 0
done

# Control: the shim loaded but no fault set; the report is replaced.
dir="$TMP/none"
mkdir "$dir"
printf 'OLD REPORT\n' >"$dir/report.json"
LD_PRELOAD="$SHIM" "$REGNET" analyze -q --dataset $DATASET --output "$dir/report.json"
code=$?
check "no fault: exit 0 (got $code)" test "$code" = 0
check "no fault: report replaced" test "$(head -c 1 "$dir/report.json")" = "{"
check "no fault: no temporary file" test "$(find "$dir" -name '.regnet-*' | wc -l)" = 0

echo "fault: $PASS passed, $FAIL failed"
[ $FAIL = 0 ]
