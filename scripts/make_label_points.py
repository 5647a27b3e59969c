#!/usr/bin/env python3
"""Builds data/nuts/label_points.csv: a lon/lat point for every region of the
NUTS editions regnet maps to (2013, 2016, 2021, 2024), from the GISCO 2016
label points (data/nuts/nuts2016_label_points_4326.csv) and the JRC converter
matrices (data/nuts/jrc/).  Run once from the project root; the output is
committed.  docs/maps.md states the rules; in short, for a region R of
edition E:

  2016                 the GISCO label point of R                      gisco-2016
  E != 2016, level 2/3 R unchanged (the converter sends at least 99.9% of
                       its population between R and the 2016 region of
                       the same code, both ways): that code's 2016 point unchanged-2016
                       otherwise the mean of the 2016 label points of the
                       2016 regions R overlaps, weighted by the population
                       of each overlap (2011 population for 2013, 2021
                       population for 2021 and 2024)                    population-weighted
  E != 2016, level 0/1 the 2016 point of the same code when it exists    same-code-2016
                       otherwise the mean of R's level-2 children's
                       points (of edition E), weighted by their
                       population in the converter                      children-weighted
  any                  no point (Extra-Regio ZZ codes, regions outside
                       the 2016 map)                                    (row left out)

Usage: scripts/make_label_points.py [DATA_DIR]   (default data)
"""
import csv
import os
import sys
from collections import defaultdict

DATA = sys.argv[1] if len(sys.argv) > 1 else "data"
EDITIONS = ["2013", "2016", "2021", "2024"]
UNCHANGED = 0.999


def read_points():
    points = {}
    with open(os.path.join(DATA, "nuts", "nuts2016_label_points_4326.csv"), newline="") as f:
        for row in csv.DictReader(f):
            points[row["NUTS_ID"]] = (float(row["lon"]), float(row["lat"]))
    return points


def read_table(edition):
    regions = {}
    with open(os.path.join(DATA, "nuts", f"nuts{edition}_all_levels_ropensci.csv"),
              newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            regions[row["NUTS_ID"]] = int(row["LEVL_CODE"])
    return regions


def read_flows(edition):
    """(code in edition, 2016 code) -> population of the overlap."""
    if edition == "2013":
        names, column, ours, theirs = ["n2_cm_v2013_v2016", "n3_cm_v2013_v2016"], "pop11", "code_v2013", "code_v2016"
    else:
        names = [f"n2_cm_v2016_v{edition}", f"n3_cm_v2016_v{edition}"]
        column, ours, theirs = "pop21", f"code_v{edition}", "code_v2016"
    flows = defaultdict(float)
    for name in names:
        with open(os.path.join(DATA, "nuts", "jrc", name + ".csv"), newline="") as f:
            for row in csv.DictReader(f):
                flows[(row[ours], row[theirs])] += float(row[column] or 0)
    return flows


def weighted(pairs):
    total = sum(w for _, w in pairs)
    if total <= 0:
        pairs = [(p, 1.0) for p, _ in pairs]
        total = float(len(pairs))
    lon = sum(p[0] * w for p, w in pairs) / total
    lat = sum(p[1] * w for p, w in pairs) / total
    return round(lon, 4), round(lat, 4)


def edition_points(edition, points):
    regions = read_table(edition)
    out = {}
    if edition == "2016":
        for code in regions:
            if code in points:
                out[code] = (points[code], "gisco-2016")
        return out
    flows = read_flows(edition)
    by_ours = defaultdict(list)
    into_2016 = defaultdict(float)   # 2016 code -> population flowing to any region
    for (ours, theirs), pop in flows.items():
        by_ours[ours].append((theirs, pop))
        into_2016[theirs] += pop
    population = {code: sum(p for _, p in parts) for code, parts in by_ours.items()}
    for code, level in sorted(regions.items(), key=lambda kv: (kv[1], kv[0])):
        if code.endswith("Z") and "ZZ" in code:
            continue
        if level >= 2:
            parts = [(t, p) for t, p in by_ours.get(code, []) if t in points]
            if not parts:
                if code in points:
                    out[code] = (points[code], "unchanged-2016")
                continue
            total = sum(p for _, p in parts)
            same = sum(p for t, p in parts if t == code)
            if code in points and total > 0 and same >= UNCHANGED * total and \
                    same >= UNCHANGED * into_2016.get(code, 0):
                out[code] = (points[code], "unchanged-2016")
            else:
                out[code] = (weighted([(points[t], p) for t, p in parts]), "population-weighted")
    for level in (1, 0):
        for code, lev in sorted(regions.items()):
            if lev != level or code in out or "ZZ" in code:
                continue
            if code in points:
                out[code] = (points[code], "same-code-2016")
                continue
            children = [(out[c][0], population.get(c, 0.0)) for c, l in regions.items()
                        if l == 2 and c.startswith(code) and c in out]
            if level == 0:
                children = [(out[c][0], population.get(c, 0.0)) for c, l in regions.items()
                            if l == 2 and c[:2] == code and c in out]
            if children:
                out[code] = (weighted(children), "children-weighted")
    return out


def main():
    points = read_points()
    rows = []
    for edition in EDITIONS:
        for code, ((lon, lat), method) in sorted(edition_points(edition, points).items()):
            rows.append((edition, code, lon, lat, method))
    path = os.path.join(DATA, "nuts", "label_points.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["edition", "code", "lon", "lat", "method"])
        for e, c, lon, lat, m in rows:
            w.writerow([e, c, lon, lat, m])
    counts = defaultdict(int)
    for e, _, _, _, m in rows:
        counts[(e, m)] += 1
    for k in sorted(counts):
        print(*k, counts[k], file=sys.stderr)


if __name__ == "__main__":
    main()
