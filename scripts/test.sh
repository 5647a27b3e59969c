#!/bin/bash
# Installs dependencies, builds with warnings as errors, and runs the whole
# test suite (unit, CLI, schema and reference tests) with ctest; then the
# sanitizer build's tests, the options test included (scripts/sanitize.sh
# --full, ASan + UBSan) and every fuzz
# harness for 20 s (scripts/fuzz.sh).  docs/testing.md has the times.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
scripts/sanitize.sh --full -j"$(nproc)"
scripts/fuzz.sh "${REGNET_FUZZ_SECONDS:-20}"
