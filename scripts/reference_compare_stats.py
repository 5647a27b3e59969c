#!/usr/bin/python3
"""Reference values of the comparison statistics of `regnet compare` from
independent implementations on the same networks:

  qap          R sna: gcor(mode = "graph") and qaptest (scripts/qap.R) on the two
               periods' weighted ties over their common nodes (each period's ties
               from `regnet analyze --period P`, whose networks scripts/reference.py
               and scripts/reference_compare.py check);
  communities  scikit-learn adjusted_rand_score and normalized_mutual_info_score of
               the periods' communities (the report's node tables) over the nodes
               of both periods;
  spearman     scipy.stats.spearmanr p-values of each centrality over those nodes.

Usage: reference_compare_stats.py REGNET NAME REPS -- COMPARE-OPTIONS...
Writes tests/reference/compare-stats-NAME.json.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

from scipy import stats
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

CENTRALITIES = ["degree", "strength", "betweenness", "harmonic", "closeness", "eigenvector",
                "pagerank"]


def tied(values):
    """Values within 1e-9 of the largest |value| of the first of a run of sorted
    values set equal to it: regnet's tie rule for ranks (docs/compare.md)."""
    tolerance = 1e-9 * max(abs(v) for v in values)
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = list(values)
    start = None
    for i in order:
        if start is None or values[i] - values[start] > tolerance:
            start = i
        out[i] = values[start]
    return out


def option(options, name):
    for k, o in enumerate(options):
        if o == name:
            return options[k + 1]
        if o.startswith(name + "="):
            return o.split("=", 1)[1]
    return None


def main():
    regnet, name, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    options = sys.argv[sys.argv.index("--") + 1:]
    periods = option(options, "--periods").split(",")
    ref = {"about": "scripts/reference_compare_stats.py %s %d -- %s" % (name, reps, " ".join(options))}
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "c.json")
        subprocess.run([regnet, "compare", "-q"] + options + ["--qap", str(reps), "--output", report],
                       check=True)
        comparison = json.load(open(report))
        analyze = list(options)
        if "--periods" in analyze:
            k = analyze.index("--periods")
            del analyze[k:k + 2]
        analyze = [o for o in analyze if not o.startswith("--periods=")]
        edges, nodes = [], []
        for p in periods:
            out = os.path.join(tmp, p + ".json")
            subprocess.run([regnet, "analyze", "-q"] + analyze + ["--period", p, "--output", out],
                           check=True)
            period = json.load(open(out))
            path = os.path.join(tmp, p + ".csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(["source", "target", "weight"])
                for e in period["edges"]:
                    w.writerow([e["source"], e["target"], repr(e["weight"])])
            edges.append(path)
            path = os.path.join(tmp, p + "-nodes.csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(["id"])
                for n in period["nodes"]:
                    w.writerow([n["id"]])
            nodes.append(path)
        out = os.path.join(tmp, "qap.json")
        subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "qap.R"), edges[0],
                        edges[1], nodes[0], nodes[1], str(reps), "1", out], check=True)
        ref["qap"] = json.load(open(out))
    a, b = comparison["periods"][0]["nodes"], comparison["periods"][1]["nodes"]
    in_b = {n["id"]: n for n in b}
    kept = [(n, in_b[n["id"]]) for n in a if n["id"] in in_b]
    ref["communities"] = {
        "nodes": len(kept),
        "adjusted_rand_index": adjusted_rand_score([x["community"] for x, _ in kept],
                                                   [y["community"] for _, y in kept]),
        "normalized_mutual_information": normalized_mutual_info_score(
            [x["community"] for x, _ in kept], [y["community"] for _, y in kept])}
    ref["spearman_p_values"] = {}
    for c in CENTRALITIES:
        rho, p = stats.spearmanr(tied([x["metrics"][c] for x, _ in kept]),
                                 tied([y["metrics"][c] for _, y in kept]))
        ref["spearman_p_values"][c] = float(p)
    path = os.path.join(os.path.dirname(__file__), "..", "tests", "reference",
                        "compare-stats-%s.json" % name)
    with open(path, "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(ref, indent=1))


if __name__ == "__main__":
    main()
