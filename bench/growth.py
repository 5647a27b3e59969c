#!/usr/bin/python3
"""How time grows (issue 15): exact organisation betweenness, harmonic and closeness
(`--metrics betweenness,harmonic,closeness`, alpha 1, default reductions: twins and degree-1) on
four nested Horizon 2020 organisation networks: the projects starting up to 2015, up
to 2016, up to 2018, and all of data/h2020.json.  The subsets are data/h2020.json with
a `where` member on the participations (`start_year` in the years kept), written to a
temporary folder.  Each size is one whole regnet process (CPU = user + system from
wait4, wall beside it); python-igraph's weighted betweenness alone
(bench/igraph_betweenness.py, one thread, whole process, on the edge list of
regnet's report) runs at each size until one exceeds --igraph-cpu seconds of CPU
(stopped by RLIMIT_CPU; larger sizes are then skipped).  Fits the exponent b of
CPU = a V^b (and a E^b, and against sources solved x E) by least squares on logs.

Usage (one timing at a time on the machine):
    flock /work/coord/bench.lock /usr/bin/python3 bench/growth.py [--threads N]
        [--igraph-cpu SECONDS] [--regnet PATH] [--json OUT.json]
Defaults: --threads 0 (regnet's default: every core, 2 here), --igraph-cpu 300.
Prints a Markdown table for bench/RESULTS.md.
"""
import argparse
import json
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEARS = [("H2020 projects starting 2014-2015", 2015), ("H2020 projects starting 2014-2016", 2016),
         ("H2020 projects starting 2014-2018", 2018), ("Horizon 2020, all (data/h2020.json)", None)]


def descriptions(tmp):
    """The four dataset descriptions: data/h2020.json with absolute paths, and a
    `where` on start_year for the subsets."""
    base = json.load(open(os.path.join(ROOT, "data", "h2020.json")))
    data = os.path.join(ROOT, "data")

    def absolute(node):
        if isinstance(node, dict):
            return {k: (os.path.join(data, v) if k == "file" and isinstance(v, str) else absolute(v))
                    for k, v in node.items()}
        if isinstance(node, list):
            return [os.path.join(data, v) if isinstance(v, str) and v.startswith("nuts/") else absolute(v)
                    for v in node]
        return node
    out = []
    for label, last in YEARS:
        if last is None:
            out.append((label, os.path.join(data, "h2020.json")))
            continue
        d = absolute(base)
        d["name"] = "%s (bench/growth.py)" % label
        d["sources"][0]["where"] = [{"column": "start_year", "in": [str(y) for y in range(2014, last + 1)]}]
        path = os.path.join(tmp, "h2020-to%d.json" % last)
        json.dump(d, open(path, "w"), indent=1)
        out.append((label, path))
    return out


def fit(xs, ys):
    """Least squares of log y = log a + b log x: returns b."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", default="0")
    ap.add_argument("--igraph-cpu", type=float, default=300)
    ap.add_argument("--regnet", default=os.path.join(ROOT, "build", "regnet"))
    ap.add_argument("--json")
    a = ap.parse_args()
    rows = []
    igraph_on = a.igraph_cpu > 0
    with tempfile.TemporaryDirectory() as tmp:
        for label, dataset in descriptions(tmp):
            report = os.path.join(tmp, "r.json")
            r = proc.measure([a.regnet, "analyze", "-q", "--timings", "--network", "org", "--dataset", dataset,
                              "--metrics", "betweenness,harmonic,closeness", "--threads", a.threads,
                              "--output", report])
            m = re.search(r"paths ([0-9.]+) s: ", r.stderr)
            summ = json.load(open(report))["summary"]
            passed = summ["path_pass"]
            row = {"network": label, "nodes": summ["nodes"], "ties": summ["edges"],
                   "largest_component": summ["largest_component_nodes"], "sources": passed["sources"],
                   "twins": passed["open_twins_merged"] + passed["closed_twins_merged"],
                   "degree1": passed["degree1_removed"], "paths_wall": float(m.group(1)),
                   "cpu": r.cpu, "wall": r.wall, "peak_mb": r.peak_mb, "load": r.load,
                   "timings": r.stderr.strip()}
            print("%s: %s; %r" % (label, row["timings"], r), file=sys.stderr, flush=True)
            if igraph_on and rows and rows[-1].get("igraph_cpu"):
                # igraph's betweenness is O(V E + V^2 log V): predict from the last size
                prev = rows[-1]
                guess = prev["igraph_cpu"] * (row["nodes"] * row["ties"]) / (prev["nodes"] * prev["ties"])
                if guess > a.igraph_cpu:
                    print("  python-igraph: predicted %.0f s CPU > %.0f: not run" % (guess, a.igraph_cpu),
                          file=sys.stderr, flush=True)
                    row["igraph_predicted"] = guess
                    igraph_on = False
            if igraph_on:
                edges = os.path.join(tmp, "edges.tsv")
                with open(edges, "w") as f:
                    r0 = json.load(open(report))
                    index = {n["id"]: i for i, n in enumerate(r0["nodes"])}
                    f.write("%d\n" % len(index))
                    for e in r0["edges"]:
                        f.write("%d\t%d\t%r\n" % (index[e["source"]], index[e["target"]], e["weight"]))
                    del r0
                g = proc.measure([sys.executable, os.path.join(ROOT, "bench", "igraph_betweenness.py"), edges],
                                 env=proc.SINGLE_THREAD_ENV, cpu_limit=a.igraph_cpu, check=False)
                if g.returncode == 0:
                    row["igraph_cpu"], row["igraph_wall"] = g.cpu, g.wall
                    mine = [n["metrics"]["betweenness"] for n in json.load(open(report))["nodes"]]
                    theirs = [float(x) for x in g.stdout.split()]
                    row["igraph_maxdiff"] = max(abs(x - y) for x, y in zip(mine, theirs))
                else:
                    row["igraph_cpu"], row["igraph_wall"] = None, g.wall
                    igraph_on = False
                print("  python-igraph: %r rc %d" % (g, g.returncode), file=sys.stderr, flush=True)
            rows.append(row)
    V, E, S = [r["nodes"] for r in rows], [r["ties"] for r in rows], [r["sources"] for r in rows]
    cpu = [r["cpu"] for r in rows]
    fits = {"V": fit(V, cpu), "E": fit(E, cpu), "S*E": fit([s * e for s, e in zip(S, E)], cpu),
            "E on V": fit(V, E), "S on V": fit(V, S)}
    print("regnet %s, --threads %s; python-igraph one thread" % (a.regnet, a.threads))
    ig = [(r["nodes"], r["ties"], r["igraph_cpu"]) for r in rows if r.get("igraph_cpu")]
    if len(ig) >= 2:
        fits["igraph V"] = fit([x[0] for x in ig], [x[2] for x in ig])
        fits["igraph E"] = fit([x[1] for x in ig], [x[2] for x in ig])
    print("| network | nodes V | ties E | largest component | twins merged | sources solved | regnet CPU s | wall s | peak MB | load | python-igraph betweenness CPU s (wall s) | igraph / regnet CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        if r.get("igraph_cpu"):
            igc = "%.1f (%.1f); max abs diff %.1e" % (r["igraph_cpu"], r["igraph_wall"], r["igraph_maxdiff"])
            ratio = "%.1fx" % (r["igraph_cpu"] / r["cpu"])
        elif "igraph_cpu" in r:
            igc, ratio = "> %.0f (stopped)" % a.igraph_cpu, "> %.1fx" % (a.igraph_cpu / r["cpu"])
        elif "igraph_predicted" in r:
            igc = "not run: predicted %.0f from the size before (V E scaling) > %.0f" % (r["igraph_predicted"], a.igraph_cpu)
            ratio = "~%.1fx" % (r["igraph_predicted"] / r["cpu"])
        else:
            igc, ratio = "not run", ""
        print("| %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.0f | %.1f | %s | %s |" % (
            r["network"], f"{r['nodes']:,}", f"{r['ties']:,}", f"{r['largest_component']:,}", f"{r['twins']:,}",
            f"{r['sources']:,}", r["cpu"], r["wall"], r["peak_mb"], r["load"], igc, ratio))
    print()
    print("Fitted exponents (least squares on logs): regnet CPU ~ V^%.2f, ~ E^%.2f, ~ (S E)^%.2f; "
          "E ~ V^%.2f, S ~ V^%.2f" % (fits["V"], fits["E"], fits["S*E"], fits["E on V"], fits["S on V"]))
    if "igraph V" in fits:
        print("python-igraph betweenness CPU ~ V^%.2f, ~ E^%.2f (%d sizes)" % (fits["igraph V"], fits["igraph E"], len(ig)))
    if a.json:
        json.dump({"rows": rows, "fits": fits, "threads": a.threads}, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
