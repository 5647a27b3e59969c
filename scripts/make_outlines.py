#!/usr/bin/env python3
"""Converts the Natural Earth 1:50m admin-0 countries of the npm package
world-atlas (countries-50m.json, TopoJSON; Natural Earth is public domain,
world-atlas is ISC-licensed) once into data/map/countries.tsv, the country
outlines under regnet's maps (output/figure_map.c).

Kept: the rings of countries whose bounding box meets Europe's
(longitude -35..50, latitude 25..75), coordinates rounded to 3 decimals.
Format: '#' comment lines, then one ring a line:
    NAME<TAB>POLYGON<TAB>lon,lat lon,lat ...
(POLYGON numbers the polygons of a country; the first ring of a polygon is
its outer boundary, the others holes: even-odd filling draws them right).

Usage: npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz &&
       scripts/make_outlines.py package/countries-50m.json > data/map/countries.tsv
"""
import json
import sys

BOX = (-35.0, 25.0, 50.0, 75.0)


def main():
    topo = json.load(open(sys.argv[1]))
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        out = []
        for i in indices:
            pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            out.extend(pts if not out else pts[1:])
        return out

    print("# Country outlines: Natural Earth 1:50m admin-0 countries (public domain,")
    print("# naturalearthdata.com), from the npm package world-atlas 2.0.2 (TopoJSON,")
    print("# Copyright 2013-2019 Michael Bostock, ISC licence), converted by")
    print("# scripts/make_outlines.py. NAME<TAB>POLYGON<TAB>lon,lat lon,lat ...")
    for g in sorted(topo["objects"]["countries"]["geometries"],
                    key=lambda g: g.get("properties", {}).get("name", "")):
        name = g.get("properties", {}).get("name", "")
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"] if g["type"] == "MultiPolygon" else []
        for k, poly in enumerate(polys):
            rings = [ring(r) for r in poly]
            if not rings or not rings[0]:
                continue
            xs = [p[0] for p in rings[0]]
            ys = [p[1] for p in rings[0]]
            if max(xs) < BOX[0] or min(xs) > BOX[2] or max(ys) < BOX[1] or min(ys) > BOX[3]:
                continue
            for r in rings:
                text = " ".join("%.3f,%.3f" % p for p in r)
                print("%s\t%d\t%s" % (name, k, text))


if __name__ == "__main__":
    main()
