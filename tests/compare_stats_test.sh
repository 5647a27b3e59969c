#!/bin/bash
# Runs `regnet compare --qap 1000` on bundled real data and checks QAP (R sna),
# ARI/NMI (scikit-learn) and Spearman p-values (scipy) against the committed
# references of scripts/reference_compare_stats.py.
# Usage: compare_stats_test.sh REGNET PYTHON REFERENCE [regnet compare options...]
set -euo pipefail
REGNET=$1
PYTHON=$2
REFERENCE=$3
shift 3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$REGNET" compare -q "$@" --qap 1000 --output "$TMP/report.json"
"$PYTHON" tests/check_compare_stats.py "$TMP/report.json" "tests/reference/$REFERENCE"
