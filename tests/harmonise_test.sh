#!/bin/bash
# NUTS 2013 -> 2021 and -> 2024 harmonisation of keep.eu 2014-2020 against the independent
# mapping of scripts/reference_harmonise.py, both as the default and when asked
# for explicitly.  Usage: harmonise_test.sh REGNET PYTHON
set -euo pipefail
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$1" analyze -q --dataset data/keep-2014-2020.json --network region --level 2 \
    --output "$TMP/default.json"
"$1" analyze -q --dataset data/keep-2014-2020.json --network region --level 2 --nuts-edition 2021 \
    --output "$TMP/explicit.json"
cmp "$TMP/default.json" "$TMP/explicit.json"
"$2" tests/check_harmonise.py "$TMP/default.json" tests/reference/keep-2014-2020-region-nuts2-harmonised-2021.json
# NUTS 2024 (2013 -> 2016 -> 2024): the United Kingdom has no 2024 regions, so its
# partners are reported unmapped, by code.
"$1" analyze -q --dataset data/keep-2014-2020.json --network region --level 2 --nuts-edition 2024 \
    --output "$TMP/2024.json"
"$2" tests/check_harmonise.py "$TMP/2024.json" tests/reference/keep-2014-2020-region-nuts2-harmonised-2024.json
