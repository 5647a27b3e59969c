#!/bin/bash
# Runs regnet on the bundled real data and compares with the committed
# reference values (tests/reference/, made by scripts/reference.py).
# Usage: reference_test.sh REGNET PYTHON NAME [regnet analyze options...]
set -eu
REGNET=$1
PYTHON=$2
NAME=$3
shift 3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$REGNET" analyze -q --dataset data/keep-2014-2020.json "$@" --output "$TMP/report.json"
"$PYTHON" tests/check_reference.py "$TMP/report.json" "$(ls tests/reference/keep-2014-2020-$NAME.json*)" 1e-9
