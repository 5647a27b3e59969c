#!/bin/bash
# Map points of reports (docs/maps.md): region and country nodes of NUTS 2016
# reports sit at the Eurostat/GISCO label points, other editions at the
# bundled derived table, organisations at their region's point; GEXF carries
# them as viz:position (tests/check_label_points.py).
# Usage: maps_test.sh path/to/regnet path/to/python3   (from the project root)
set -eu
REGNET=$1
PYTHON=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
D=data/keep-2014-2020.json
args=()
for level in 0 1 2 3; do
    "$REGNET" analyze -q --dataset $D --network region --level $level --nuts-edition 2016 --output "$TMP/r$level.json"
    args+=("$TMP/r$level.json=2016")
done
"$REGNET" analyze -q --dataset $D --network country --nuts-edition 2016 --output "$TMP/country.json"
"$REGNET" analyze -q --dataset $D --network region --level 2 --nuts-edition 2021 --output "$TMP/r2-2021.json"
"$REGNET" analyze -q --dataset $D --network region --level 3 --nuts-edition 2013 --output "$TMP/r3-2013.json"
"$REGNET" analyze -q --dataset $D --network region --level 2 --nuts-edition 2024 --output "$TMP/r2-2024.json"
"$REGNET" analyze -q --dataset $D --network org --output "$TMP/org.json"
"$PYTHON" tests/check_label_points.py "${args[@]}" "$TMP/r2-2021.json=2021" \
    "$TMP/r3-2013.json=2013" "$TMP/r2-2024.json=2024" "$TMP/org.json=org"
# Country nodes: the level-0 point; non-NUTS countries null.
"$PYTHON" - "$TMP/country.json" <<'PY'
import csv, json, sys
gisco = {r["NUTS_ID"]: (float(r["lon"]), float(r["lat"]))
         for r in csv.DictReader(open("data/nuts/nuts2016_label_points_4326.csv")) if r["LEVL_CODE"] == "0"}
bad = [n["id"] for n in json.load(open(sys.argv[1]))["nodes"]
       if (None if n["lon"] is None else (n["lon"], n["lat"])) != gisco.get(n["id"])]
print("country points differing from the NUTS 0 label points:", bad)
sys.exit(1 if bad else 0)
PY
# GEXF: viz:position x = lon, y = lat for every located node.
"$REGNET" export -q --report "$TMP/r2.json" --format gexf --output "$TMP/r2.gexf"
"$PYTHON" - "$TMP/r2.json" "$TMP/r2.gexf" <<'PY'
import json, sys, xml.etree.ElementTree as ET
report = {n["id"]: (n["lon"], n["lat"]) for n in json.load(open(sys.argv[1]))["nodes"]}
ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
got = {}
for node in ET.parse(sys.argv[2]).getroot().iter("{http://gexf.net/1.3}node"):
    pos = node.find("viz:position", ns)
    got[node.get("id")] = (float(pos.get("x")), float(pos.get("y"))) if pos is not None else None
bad = [k for k in report if got.get(k) != report[k]]
print("gexf positions differing from the report:", bad[:10])
sys.exit(1 if bad or len(got) != len(report) else 0)
PY
echo "maps: coordinates OK"
