#!/usr/bin/python3
"""Reference values of brokerage per group pair (regnet analyze --group: nodes[].
brokerage_pairs) from R's sna, via scripts/brokerage_pairs.R, on the network and
grouping a regnet report states (its edges and nodes[].group), so the check is
of the counting alone (the networks themselves are checked by
scripts/reference.py and scripts/reference_bridging.py).

Usage: reference_brokerage_pairs.py REPORT.json OUT.json.gz
Writes {"about": ..., "nodes": {id: [[from, to, role, count], ...]}} with each
node's pairs sorted as regnet lists them.
"""
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile


def main():
    report = json.load(open(sys.argv[1]))
    ids = [n["id"] for n in report["nodes"]]
    index = {x: i + 1 for i, x in enumerate(ids)}
    with tempfile.TemporaryDirectory() as tmp:
        edges, groups, out = (os.path.join(tmp, f) for f in ("e.csv", "g.csv", "o.csv"))
        with open(edges, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["a", "b"])
            for e in report["edges"]:
                w.writerow([index[e["source"]], index[e["target"]]])
        with open(groups, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["group"])
            for n in report["nodes"]:
                w.writerow([n["group"]])
        subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "brokerage_pairs.R"),
                        edges, groups, out], check=True)
        pairs = {x: [] for x in ids}
        for row in csv.DictReader(open(out, encoding="utf-8")):
            pairs[ids[int(row["node"]) - 1]].append([row["from"], row["to"], row["role"],
                                                     float(row["count"])])
    labels = sorted({n["group"] for n in report["nodes"]}, key=lambda s: s.encode())
    order = {x: i for i, x in enumerate(labels)}
    roles = ["coordinator", "itinerant", "gatekeeper_representative", "liaison"]
    for x in pairs:
        pairs[x].sort(key=lambda p: (order[p[0]], order[p[1]], roles.index(p[2])))
    ref = {"about": "brokerage per group pair from R sna (brokerage_R) on the network of %s, "
                    "grouping %s (scripts/reference_brokerage_pairs.py)" % (
                        report["dataset"]["description_file"], report["parameters"]["group"]),
           "nodes": pairs}
    with gzip.open(sys.argv[2], "wt", encoding="utf-8") as f:
        json.dump(ref, f, separators=(",", ":"), sort_keys=True)


if __name__ == "__main__":
    main()
