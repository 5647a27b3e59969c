#!/bin/bash
# Project themes and --themes on the bundled keep.eu 2014-2020 data against the
# raw export (tests/check_themes.py).  Usage: themes_test.sh REGNET PYTHON
set -euo pipefail
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$1" analyze -q --dataset data/keep-2014-2020.json --output "$TMP/all.json"
for regex in '^Clustering' '^TO1 ' 'tourism|cultural'; do
    "$1" analyze -q --dataset data/keep-2014-2020.json --themes "$regex" --output "$TMP/some.json"
    "$2" tests/check_themes.py "$TMP/all.json" "$TMP/some.json" "$regex"
done
