#!/usr/bin/python3
"""Compares the path measures of two regnet reports of the same network:
betweenness, harmonic, closeness per node (largest relative difference) and
the summary's diameters and average path lengths.  Exit 1 when a value
differs by more than TOLERANCE relative (default 1e-12).

Usage: compare_reports.py REPORT REFERENCE [TOLERANCE]
"""
import json
import sys


def rel(a, b):
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def main():
    a, b = (json.load(open(p)) for p in sys.argv[1:3])
    tol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-12
    nb = {n["id"]: n for n in b["nodes"]}
    assert len(a["nodes"]) == len(nb), (len(a["nodes"]), len(nb))
    worst = {}
    for n in a["nodes"]:
        m, r = n["metrics"], nb[n["id"]]["metrics"]
        for k in ("betweenness", "harmonic", "closeness"):
            d = rel(m[k], r[k])
            if d > worst.get(k, (0.0, None))[0] or k not in worst:
                worst[k] = (d, n["id"])
    for k in ("diameter_hops", "diameter_weighted", "average_path_length_hops",
              "average_path_length_weighted"):
        worst[k] = (rel(a["summary"][k], b["summary"][k]), None)
    bad = False
    for k, (d, node) in worst.items():
        print("%-30s max relative difference %.3g%s" % (k, d, " (%s)" % node if node else ""))
        bad |= d > tol
    print("nodes %d; path_pass %s" % (len(a["nodes"]), json.dumps(a["summary"].get("path_pass"))))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
