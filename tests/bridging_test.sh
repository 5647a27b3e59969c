#!/bin/bash
# Runs regnet with --group on the bundled real data and compares the
# bridging analyses with the committed references (scripts/reference_bridging.py).
# Usage: bridging_test.sh REGNET PYTHON NAME [regnet analyze options...]
set -euo pipefail
REGNET=$1
PYTHON=$2
NAME=$3
shift 3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$REGNET" analyze -q --dataset data/keep-2014-2020.json "$@" --output "$TMP/report.json"
"$PYTHON" tests/check_bridging.py "$TMP/report.json" "$(ls tests/reference/keep-2014-2020-$NAME-bridging.json*)" 1e-9 | tail -25
