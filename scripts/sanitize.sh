#!/bin/bash
# Builds regnet and its tests with AddressSanitizer (+ LeakSanitizer) and
# UndefinedBehaviorSanitizer in build-sanitize/ (gcc by default; CC=clang
# works too), every report fatal, and runs the tests labelled "sanitize":
# unit tests, CLI tests with the reproducers of tests/fixtures/repro, the
# reference and fault-injection tests and a reduced smoke matrix
# (editions_reduced); --full adds the options test (label sanitize_full,
# every documented option value; about 4 minutes sanitized on a quiet
# machine; scripts/test.sh and so CI run it).  The full editions_* matrix and
# the slow comparison, export and recommendation checks run only in the
# normal build (scripts/test.sh).  docs/testing.md has the figures.
# Usage: scripts/sanitize.sh [--full] [extra ctest arguments, e.g. -R cli]
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREGNET_SANITIZE=ON \
      -DREGNET_WERROR=ON >/dev/null
cmake --build build-sanitize -j"$(nproc)" >/dev/null
# halt_on_error/abort_on_error: the first report fails the test (no
# recovery); detect_leaks: LeakSanitizer at exit; print_stacktrace: UBSan's
# report says where.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# fontconfig's process-lifetime caches (tests/lsan.supp says why).
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
labels='^sanitize$'
if [ "${1:-}" = "--full" ]; then
    labels='^sanitize(_full)?$'
    shift
fi
ctest --test-dir build-sanitize -L "$labels" --output-on-failure "$@"
