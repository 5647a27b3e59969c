#!/bin/bash
# Runs `regnet compare` on the bundled real data and checks the comparison
# statistics against the committed references (scripts/reference_compare.py).
# Usage: compare_test.sh REGNET PYTHON REFERENCE [regnet compare options...]
set -euo pipefail
REGNET=$1
PYTHON=$2
REFERENCE=$3
shift 3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$REGNET" compare -q "$@" --output "$TMP/report.json"
"$PYTHON" tests/check_compare.py "$TMP/report.json" "tests/reference/$REFERENCE"
