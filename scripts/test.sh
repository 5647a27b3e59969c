#!/bin/bash
# Installs dependencies, builds with warnings as errors, and runs the whole
# test suite (unit, CLI, schema and reference tests) with ctest.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure
