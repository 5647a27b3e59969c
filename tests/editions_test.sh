#!/bin/bash
# Smoke matrix for one bundled description: every documented --nuts-edition
# (2013, 2016, 2021, 2024) x every network kind (region at levels 0-3,
# country, sector, org) x without and with --group.  Each run must exit 0
# with a report valid against docs/report.schema.json, or exit 2 with one of
# the documented usage errors below (an edition the description cannot
# reach; a network without nodes, e.g. regions of data without NUTS codes).
# `--nuts-edition 2016` once crashed every description (issue 14).
# Usage: editions_test.sh REGNET PYTHON DESCRIPTION [--no-org] [--editions "E..."]
#                         [--kinds "K..."]
#   --no-org leaves out the organisation network, whose path pass takes
#   minutes on the FP7/H2020 and keep.eu 2000-2020 data (issue 15).
#   --editions, --kinds: a reduced matrix (the sanitizer build runs one,
#   scripts/sanitize.sh); kinds are region0-3, country, sector, org.
# Run from the project root.
set -u
REGNET=$1
PYTHON=$2
DESCRIPTION=$3
KINDS="region0 region1 region2 region3 country sector org"
EDITIONS="2013 2016 2021 2024"
shift 3
while [ $# -gt 0 ]; do
    case $1 in
        --no-org) KINDS="region0 region1 region2 region3 country sector"; shift ;;
        --editions) EDITIONS=$2; shift 2 ;;
        --kinds) KINDS=$2; shift 2 ;;
        *) echo "editions_test.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAIL=0
RUNS=0
USAGE=0
for edition in $EDITIONS; do
    for kind in $KINDS; do
        case $kind in
            region0) args="--network region --level 0"; group=country ;;
            region*) level=${kind#region}; args="--network region --level $level"; group=nuts$((level - 1)) ;;
            country) args="--network country"; group=country ;;
            sector) args="--network sector"; group=community ;;
            org) args="--network org"; group=nuts2 ;;
        esac
        for grouping in "" "--group $group"; do
            out="$TMP/$edition-$kind${grouping:+-$group}.json"
            # shellcheck disable=SC2086
            err=$(timeout 600 "$REGNET" analyze -q --dataset "$DESCRIPTION" --nuts-edition $edition \
                  $args $grouping --output "$out" 2>&1 >/dev/null)
            code=$?
            RUNS=$((RUNS + 1))
            if [ $code = 0 ]; then
                continue
            fi
            rm -f "$out"
            if [ $code = 2 ] && { [[ $err == *"regions.harmonisation has no NUTS $edition mapping; editions available: "* ]] ||
                                  [[ $err == "regnet: the "*" network has no nodes: "* ]]; }; then
                USAGE=$((USAGE + 1))
                continue
            fi
            FAIL=$((FAIL + 1))
            echo "FAIL: --nuts-edition $edition $args $grouping: exit $code: $err"
        done
    done
done
# Every report written: schema-valid, rows accounted for.
if ls "$TMP"/*.json >/dev/null 2>&1; then
    "$PYTHON" - "$TMP"/*.json <<'PY' || FAIL=$((FAIL + 1))
import json, sys
import jsonschema
validator = jsonschema.Draft202012Validator(json.load(open("docs/report.schema.json")))
bad = 0
for path in sys.argv[1:]:
    report = json.load(open(path, encoding="utf-8"))
    errors = [e.message for e in validator.iter_errors(report)][:3]
    for f in report["provenance"]["files"]:
        if f["rows_read"] != f["rows_loaded"] + f["rows_merged"] + f["rows_rejected"]:
            errors.append("rows do not add up for %s" % f["file"])
    if errors:
        bad += 1
        print("FAIL: %s: %s" % (path.split("/")[-1], "; ".join(errors)))
sys.exit(1 if bad else 0)
PY
fi
echo "editions $DESCRIPTION: $RUNS runs, $((RUNS - USAGE - FAIL)) reports, $USAGE documented usage errors, $FAIL failed"
[ $FAIL = 0 ]
