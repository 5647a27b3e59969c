#!/bin/bash
# Builds the libFuzzer harnesses of tests/fuzz with clang (build-fuzz/, ASan +
# UBSan + libFuzzer) and runs each for SECONDS (default 60), one after the
# other, from the seeds of tests/fuzz/make_seeds.sh plus the corpus kept in
# build-fuzz/corpus/ by earlier runs.  Prints one line per harness (seconds,
# executions, corpus size) and exits 1 when any harness found a crash, leak,
# undefined behaviour or timeout; the input is in build-fuzz/artifacts/HARNESS/.
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]      (docs/testing.md)
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=${*:-fuzz_keep fuzz_mapped fuzz_gzip fuzz_description fuzz_nuts fuzz_converter fuzz_json}
CC=clang cmake -S . -B build-fuzz -DREGNET_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
rm -rf build-fuzz/seeds
tests/fuzz/make_seeds.sh build-fuzz/seeds
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
failed=0
for h in $harnesses; do
    mkdir -p "build-fuzz/corpus/$h" "build-fuzz/artifacts/$h"
    log="build-fuzz/$h.log"
    start=$(date +%s)
    # -timeout: one input taking 60 s is a hang (inputs take milliseconds; a loaded
    # shared machine stretches that a hundredfold); -rss_limit_mb: 2 GB is a leak or a bomb.
    if "build-fuzz/tests/fuzz/$h" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
            -max_len=65536 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$h/" \
            "build-fuzz/corpus/$h" "build-fuzz/seeds/$h" >"$log" 2>&1; then
        status=ok
    else
        status="FINDING (see $log and build-fuzz/artifacts/$h/)"
        failed=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "$h: ${runs:-?} executions in $(( $(date +%s) - start )) s, corpus $(ls "build-fuzz/corpus/$h" | wc -l) files: $status"
done
exit $failed
