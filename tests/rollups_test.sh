#!/bin/bash
# Regions as bridges and cross-sector measures of the bundled keep.eu data
# against scripts/reference_rollups.py.  Usage: rollups_test.sh REGNET PYTHON
set -euo pipefail
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$1" analyze -q --dataset data/keep-2014-2020.json --network region --level 2 --group country \
    --bridges --output "$TMP/region.json"
"$1" analyze -q --dataset data/keep-2014-2020.json --network org --group sector --output "$TMP/org.json"
"$2" tests/check_rollups.py "$TMP/region.json" "$TMP/org.json" tests/reference/keep-2014-2020-rollups.json
