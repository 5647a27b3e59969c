#!/bin/bash
# Issue 9: a real partner list changed as such lists are published (region
# names, national-language country names, "-" for unknown NUTS, phases as
# years in a project table, a JSON copy; read leniently with invalid_region,
# an "in" filter and a constant) loads from a description alone and
# gives the same networks as a hand-cleaned copy and as an independent
# Python rebuild from the raw rows (tests/check_published.py).
# Usage: published_test.sh path/to/regnet path/to/python3   (from the project root)
set -eu
REGNET=$1
PYTHON=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for name in clean published published-json published-lenient; do
    d=tests/fixtures/published/$name.json
    "$REGNET" analyze -q --dataset "$d" --network region --level 3 --output "$TMP/$name-region3.json"
    "$REGNET" analyze -q --dataset "$d" --network region --level 2 --output "$TMP/$name-region2.json"
    "$REGNET" analyze -q --dataset "$d" --network country --output "$TMP/$name-country.json"
    "$REGNET" analyze -q --dataset "$d" --network org --output "$TMP/$name-org.json"
    for p in 2014-2016 2017-2020; do
        "$REGNET" analyze -q --dataset "$d" --network org --period $p --output "$TMP/$name-org-$p.json"
    done
    "$REGNET" describe -q --dataset "$d" --output "$TMP/$name-describe.json"
done
"$REGNET" compare -q --dataset tests/fixtures/published/published.json --network org \
    --periods 2014-2016,2017-2020 --output "$TMP/compare.json"
"$PYTHON" tests/check_published.py "$TMP"
