#!/bin/bash
# Runs regnet analyze --group on bundled real data and compares each node's
# brokerage per group pair with the committed reference from R sna
# (scripts/reference_brokerage_pairs.py, scripts/brokerage_pairs.R).
# Usage: brokerage_pairs_test.sh REGNET PYTHON REFERENCE [regnet analyze options...]
set -euo pipefail
REGNET=$1
PYTHON=$2
REFERENCE=$3
shift 3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$REGNET" analyze -q "$@" --output "$TMP/report.json"
"$PYTHON" tests/check_brokerage_pairs.py "$TMP/report.json" "tests/reference/$REFERENCE"
