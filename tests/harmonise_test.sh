#!/bin/bash
# NUTS 2013 -> 2021 harmonisation of the bundled keep.eu 2014-2020 data against
# the independent mapping of scripts/reference_harmonise.py.
# Usage: harmonise_test.sh REGNET PYTHON
set -euo pipefail
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$1" analyze -q --dataset data/keep-2014-2020.json --network region --level 2 --nuts-edition 2021 \
    --output "$TMP/report.json"
"$2" tests/check_harmonise.py "$TMP/report.json" tests/reference/keep-2014-2020-region-nuts2-harmonised-2021.json
