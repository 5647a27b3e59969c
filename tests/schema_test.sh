#!/bin/bash
# Validates region and organisation reports of the bundled real data, and
# the tiny fixture's, against docs/report.schema.json, and checks the
# row-accounting identity read = loaded + merged + rejected in each.
# Usage: schema_test.sh path/to/regnet path/to/python3   (from the project root)
set -eu
REGNET=$1
PYTHON=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network region --level 2 --output "$TMP/region2.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network region --level 0 --output "$TMP/region0.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network org --weight newman --output "$TMP/org.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network org --metrics degree,pagerank --output "$TMP/org-metrics.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network org --metrics betweenness,harmonic --betweenness-sample 0.05,0.1 --output "$TMP/org-sampled.json"
"$REGNET" analyze -q --dataset tests/fixtures/tiny/dataset.json --network org --output "$TMP/tiny.json"
"$REGNET" analyze -q --dataset tests/fixtures/tiny/dataset.json --network org --group sector --output "$TMP/tiny-sector.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network region --level 2 --group country --bridges --output "$TMP/region2-bridges.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network org --group sector --output "$TMP/org-sector.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --network region --level 1 --group community --objective cpm --resolution 0.05 --output "$TMP/region1-community.json"
"$REGNET" analyze -q --dataset data/h2020.json --network country --group country --output "$TMP/h2020-country.json"
"$REGNET" analyze -q --dataset data/fp7.json --network region --level 2 --output "$TMP/fp7-region2.json"
"$REGNET" analyze -q --dataset data/keep-fp7.json --network region --level 2 --output "$TMP/keep-fp7-region2.json"
"$REGNET" analyze -q --dataset data/ecsel.json --network org --themes RIA --output "$TMP/ecsel-org.json"
"$REGNET" analyze -q --dataset data/horizon-europe-sample.json --network region --level 2 --output "$TMP/he-region2.json"
"$REGNET" analyze -q --dataset data/horizon-europe-sample.json --network sector --output "$TMP/he-sector.json"
"$REGNET" compare -q --dataset data/keep-2000-2020.json --network region --level 2 --periods 2000-2006,2007-2013,2014-2020 --output "$TMP/compare-keep.json"
"$REGNET" compare -q --dataset data/fp7-h2020.json --network country --periods FP7,H2020 --output "$TMP/compare-cordis.json"
"$REGNET" compare -q --dataset data/fp7-h2020.json --network country --periods FP7,H2020 --bootstrap 20 --bootstrap-ranks betweenness --permutations 20 --qap 20 --null-models 5 --resample-paths --output "$TMP/compare-cordis-resampled.json"
"$REGNET" compare -q --dataset tests/fixtures/tiny/dataset.json --network org --periods 2007-2013,2014-2020 --bootstrap 10 --permutations 10 --qap 10 --null-models 3 --output "$TMP/compare-tiny-org.json"
"$REGNET" analyze -q --dataset data/keep-2014-2020-sectors.json --network org --group sector --output "$TMP/org-inferred-sectors.json"
"$REGNET" recommend -q --dataset data/keep-2014-2020.json --network region --level 2 --for SI04 --top 10 --output "$TMP/recommend-si04.json"
"$REGNET" recommend -q --dataset data/keep-2014-2020.json --network org --for "DE|technical university munich" --top 5 --output "$TMP/recommend-org.json"
"$REGNET" recommend -q --dataset tests/fixtures/tiny/dataset.json --network org --all --output "$TMP/recommend-tiny-all.json"
"$REGNET" recommend -q --dataset data/keep-2000-2020.json --network region --level 2 --evaluate --train 2007-2013 --test 2014-2020 --seed 1 --output "$TMP/recommend-eval.json"
# regnet describe on every bundled description and on the issue-9 fixtures.
for d in data/*.json tests/fixtures/tiny/dataset.json tests/fixtures/mapped/periods.json tests/fixtures/published/clean.json tests/fixtures/published/published.json tests/fixtures/published/published-json.json tests/fixtures/published/published-lenient.json; do
    [ -e "$d" ] || continue
    "$REGNET" describe -q --dataset "$d" --output "$TMP/describe-$(basename "$(dirname "$d")")-$(basename "$d")"
done
"$PYTHON" - "$TMP"/*.json <<'PY'
import json, sys
import jsonschema
validators = {}
for kind in ("report", "comparison", "recommend"):
    schema = json.load(open("docs/%s.schema.json" % kind))
    jsonschema.Draft202012Validator.check_schema(schema)
    validators[schema["properties"]["schema"]["const"] if kind == "recommend" else "regnet-" + kind] = \
        jsonschema.Draft202012Validator(schema)
bad = 0
bad = 0


def undescribed(node, path):
    """Properties of a schema without a description (every one needs one)."""
    out = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub:
                out.append(path + "/" + name)
        for key, sub in node.items():
            out += undescribed(sub, path + "/" + key)
    elif isinstance(node, list):
        for k, sub in enumerate(node):
            out += undescribed(sub, "%s/%d" % (path, k))
    return out


for kind in ("report", "comparison", "description"):
    schema = json.load(open("docs/%s.schema.json" % ("describe" if kind == "description" else kind)))
    jsonschema.Draft202012Validator.check_schema(schema)
    validators["regnet-" + kind] = jsonschema.Draft202012Validator(schema)
    missing = undescribed(schema, "")
    if missing:
        bad += 1
        print("docs/%s.schema.json: %d properties without a description, e.g. %s" % (kind, len(missing), missing[:3]))
for path in sys.argv[1:]:
    report = json.load(open(path))
    errors = list(validators[report["schema"]].iter_errors(report))
    for e in errors[:5]:
        print("%s: %s at %s" % (path, e.message, "/".join(map(str, e.path))))
    for f in report["provenance"]["files"]:
        if f["rows_read"] != f["rows_loaded"] + f["rows_merged"] + f["rows_rejected"]:
            errors.append(f)
            print("%s: rows do not add up for %s" % (path, f["file"]))
        if sum(f["rejected_by_reason"].values()) != f["rows_rejected"]:
            errors.append(f)
            print("%s: rejected_by_reason does not sum to rows_rejected for %s" % (path, f["file"]))
    if report["schema"] == "regnet-recommendations":
        if report["parameters"]["mode"] == "recommend" and not report["recommendations"]:
            errors.append("no recommendations")
        bad += bool(errors)
        print("%s: %s" % (path.split("/")[-1], "valid" if not errors else "INVALID"))
        continue
    if report["schema"] == "regnet-description":
        t = report["totals"]
        if sum(p["participations"] for p in report["programmes"]) != t["participations"]:
            errors.append("programmes")
            print("%s: programme participations do not add up" % path)
        n = report["nuts"]
        if n["levels"][0]["participations_located"] + n["participations_unlocated"] != t["participations"] \
                or sum(n["unlocated_by_reason"].values()) != n["participations_unlocated"]:
            errors.append("nuts")
            print("%s: located + unlocated != participations" % path)
        bad += bool(errors)
        print("%s: %s" % (path.split("/")[-1], "valid" if not errors else "INVALID"))
        continue
    if report["schema"] == "regnet-comparison":
        bad += bool(errors)
        print("%s: %s" % (path.split("/")[-1], "valid" if not errors else "INVALID"))
        continue
    net = report["network"]
    if sum(net["unlocated_by_reason"].values()) != net["participations_unlocated"]:
        errors.append(net)
        print("%s: unlocated_by_reason does not sum up" % path)
    ids = [n["id"] for n in report["nodes"]]
    if ids != sorted(ids, key=lambda s: s.encode()) or len(set(ids)) != len(ids):
        errors.append(ids)
        print("%s: node ids are not unique and sorted" % path)
    bad += bool(errors)
    print("%s: %s" % (path.split("/")[-1], "valid" if not errors else "INVALID"))
print("schema: %d passed, %d failed" % (len(sys.argv) - 1 - bad, bad))
sys.exit(1 if bad else 0)
PY
