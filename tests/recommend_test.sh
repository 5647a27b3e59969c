#!/bin/bash
# Recommendation scores against NetworkX and evaluation AUCs against
# scikit-learn on the bundled real data (tests/check_recommend.py).
# Usage: recommend_test.sh path/to/regnet path/to/python3   (from the project root)
set -eu
REGNET=$1
PYTHON=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$REGNET" recommend -q --dataset data/keep-2014-2020.json --network region --level 2 --for SI04 --top 300 --output "$TMP/si04.json"
"$REGNET" recommend -q --dataset data/keep-2014-2020.json --network org --for "Technical University Munich" --top 200 --output "$TMP/tum.json"
"$REGNET" recommend -q --dataset data/keep-2000-2020.json --network region --level 2 --evaluate --train 2007-2013 --test 2014-2020 --seed 1 --output "$TMP/eval-nuts2.json" --pairs "$TMP/pairs-nuts2.csv"
"$REGNET" recommend -q --dataset data/fp7-h2020.json --network country --evaluate --train FP7 --test H2020 --seed 1 --output "$TMP/eval-country.json" --pairs "$TMP/pairs-country.csv"
"$PYTHON" tests/check_recommend.py "$TMP/si04.json" "$TMP/tum.json" "$TMP/eval-nuts2.json" "$TMP/pairs-nuts2.csv" "$TMP/eval-country.json" "$TMP/pairs-country.csv"
