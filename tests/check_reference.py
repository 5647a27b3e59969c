#!/usr/bin/python3
"""Compares a regnet report with reference values from scripts/reference.py.

Usage: check_reference.py REPORT REFERENCE [TOLERANCE]
Node ids and edges (with weights) must match exactly; every metric and
summary value must agree within TOLERANCE (default 1e-9) relative to
max(1, |reference|).  Prints the largest deviation per metric; exits 1 on
any disagreement.
"""
import gzip
import json
import sys


def main():
    report_path, ref_path = sys.argv[1], sys.argv[2]
    tol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-9
    report = json.load(open(report_path))
    ref = json.load(gzip.open(ref_path, "rt") if ref_path.endswith(".gz") else open(ref_path))
    failures = []

    nodes = {n["id"]: n["metrics"] for n in report["nodes"]}
    if set(nodes) != set(ref["nodes"]):
        missing = sorted(set(ref["nodes"]) - set(nodes))[:5]
        extra = sorted(set(nodes) - set(ref["nodes"]))[:5]
        failures.append("node sets differ: missing %s, extra %s" % (missing, extra))
    edges = sorted([e["source"], e["target"], e["weight"]] for e in report["edges"])
    if edges != ref["edges"]:
        failures.append("edge lists differ (%d vs %d edges)" % (len(edges), len(ref["edges"])))

    def close(a, b):
        return abs(a - b) <= tol * max(1.0, abs(b))

    worst = {}
    for node, values in ref["nodes"].items():
        if node not in nodes:
            continue
        for key, expected in values.items():
            got = nodes[node][key]
            dev = abs(got - expected)
            if dev > worst.get(key, (-1, None))[0]:
                worst[key] = (dev, node)
            if not close(got, expected):
                failures.append("%s %s: %r, reference %r" % (node, key, got, expected))

    def walk(prefix, want, have):
        for key, expected in want.items():
            if isinstance(expected, dict):
                walk(prefix + key + ".", expected, have[key])
                continue
            got = have[key]
            worst["summary." + prefix + key] = (abs(got - expected), "")
            if not close(got, expected):
                failures.append("summary %s%s: %r, reference %r" % (prefix, key, got, expected))

    walk("", ref["summary"], report["summary"])
    for key in sorted(worst):
        print("%-45s max |diff| %.3g %s" % (key, worst[key][0], worst[key][1]))
    for f in failures[:20]:
        print("MISMATCH", f)
    print("%d nodes, %d edges compared; %d mismatches" % (len(nodes), len(edges), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
