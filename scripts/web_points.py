#!/usr/bin/env python3
"""Writes web/data/nuts-points.json: the NUTS 2016 label points (Eurostat/GISCO)
as {code: [lon, lat]}, the page's coordinates for reports whose nodes carry no
lon/lat of their own.  Usage: scripts/web_points.py [SHARED_DATA_DIR]"""
import csv, json, os, sys

src = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "../shared/data",
                   "nuts", "nuts2016_label_points_4326.csv")
points = {}
with open(src, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        points[row["NUTS_ID"]] = [round(float(row["lon"]), 4), round(float(row["lat"]), 4)]
out = {"source": "NUTS 2016 label points, (c) European Union, Eurostat/GISCO",
       "points": dict(sorted(points.items()))}
with open(os.path.join(os.path.dirname(__file__), "..", "web", "data", "nuts-points.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print(len(points), "points")
