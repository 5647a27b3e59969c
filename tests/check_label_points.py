#!/usr/bin/env python3
"""Checks the map points of regnet reports against the tables they come from
(tests/maps_test.sh).

  REPORT kind=2016   region/country nodes of a NUTS 2016 report: lon/lat equal
                     the Eurostat/GISCO 2016 label point of the code
                     (data/nuts/nuts2016_label_points_4326.csv), every node has one
  REPORT kind=org    organisation nodes: coordinates_from "region" and the point
                     of their region in label_points.csv, or null without a region
  REPORT kind=E      region nodes of a NUTS E report: the point of label_points.csv
                     for (E, code), null exactly when the table has none
Also, once: label_points.csv itself, for 2016 equal to the GISCO table, and for
the other editions every "unchanged-2016" point equal to the code's 2016 point
and every derived point inside the box of the 2016 points of its country.
Usage: check_label_points.py REPORT=KIND ...
"""
import csv
import json
import sys

gisco = {}
with open("data/nuts/nuts2016_label_points_4326.csv", newline="") as f:
    for row in csv.DictReader(f):
        gisco[row["NUTS_ID"]] = (float(row["lon"]), float(row["lat"]))
table = {}
method = {}
with open("data/nuts/label_points.csv", newline="") as f:
    for row in csv.DictReader(f):
        table[(row["edition"], row["code"])] = (float(row["lon"]), float(row["lat"]))
        method[(row["edition"], row["code"])] = row["method"]

failures = []


def fail(message):
    failures.append(message)


# The bundled table.
for (edition, code), point in table.items():
    if edition == "2016" and gisco.get(code) != point:
        fail("label_points.csv 2016 %s %s != GISCO %s" % (code, point, gisco.get(code)))
    if method[(edition, code)] in ("unchanged-2016", "same-code-2016") and gisco.get(code) != point:
        fail("label_points.csv %s %s: %s but not the 2016 point" % (edition, code, method[(edition, code)]))
boxes = {}
for code, (lon, lat) in gisco.items():
    b = boxes.setdefault(code[:2], [lon, lat, lon, lat])
    b[0], b[1], b[2], b[3] = min(b[0], lon), min(b[1], lat), max(b[2], lon), max(b[3], lat)
for (edition, code), (lon, lat) in table.items():
    b = boxes.get(code[:2])
    if b and not (b[0] <= lon <= b[2] and b[1] <= lat <= b[3]):
        fail("label_points.csv %s %s (%s, %s) outside the 2016 points of %s" % (edition, code, lon, lat, code[:2]))
if sum(1 for k in table if k[0] == "2016") != len(gisco):
    fail("label_points.csv: 2016 rows %d, GISCO rows %d" % (sum(1 for k in table if k[0] == "2016"), len(gisco)))

for arg in sys.argv[1:]:
    path, kind = arg.rsplit("=", 1)
    report = json.load(open(path))
    edition = report["provenance"]["model"]["nuts_edition"]
    nodes = report["nodes"]
    if not nodes:
        fail("%s: no nodes" % path)
    located = 0
    for n in nodes:
        point = None if n["lon"] is None else (n["lon"], n["lat"])
        if (n["lon"] is None) != (n["lat"] is None) or (point is None) != (n["coordinates_from"] is None):
            fail("%s: %s: lon, lat and coordinates_from not null together" % (path, n["id"]))
        located += point is not None
        if kind == "2016":
            if edition != "2016":
                fail("%s: edition %s, expected 2016" % (path, edition))
            if point != gisco.get(n["id"]):
                fail("%s: %s at %s, GISCO label point %s" % (path, n["id"], point, gisco.get(n["id"])))
        elif kind == "org":
            expected = table.get((edition, n["region"])) if n["region"] else None
            if point != expected or (point and n["coordinates_from"] != "region"):
                fail("%s: %s (region %s) at %s from %s, expected %s" % (
                    path, n["id"], n["region"], point, n["coordinates_from"], expected))
        else:
            if edition != kind:
                fail("%s: edition %s, expected %s" % (path, edition, kind))
            if point != table.get((kind, n["id"])):
                fail("%s: %s at %s, table %s" % (path, n["id"], point, table.get((kind, n["id"]))))
    print("%s: %d of %d nodes located" % (path, located, len(nodes)))

for message in failures[:30]:
    print("FAIL:", message)
print("label points: %d failures" % len(failures))
sys.exit(1 if failures else 0)
