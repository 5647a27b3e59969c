#!/usr/bin/python3
"""What each option of `regnet analyze` costs (issue 15, docs/costs.md): whole
processes (bench/proc.py: CPU = user + system from wait4, wall beside it, peak
resident memory), median of --runs runs, on the keep.eu 2014-2020 NUTS2 region
network and organisation network, each option against the default report of the
same network.  regnet runs with its default threads (every core: 2 here) unless
the row says --threads 1.

Usage: flock /work/coord/bench.lock /usr/bin/python3 bench/costs.py [--runs N] [--regnet PATH]
Prints a Markdown table.
"""
import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASET = "data/keep-2014-2020.json"

REGION = ["--network", "region", "--level", "2"]
ORG = ["--network", "org"]
CASES = [
    ("NUTS2 region", REGION, [
        ("default report (every metric)", []),
        ("--threads 1", ["--threads", "1"]),
        ("--metrics degree,strength,eigenvector,pagerank (no path pass)", ["--metrics", "degree,strength,eigenvector,pagerank"]),
        ("--metrics betweenness", ["--metrics", "betweenness"]),
        ("--metrics harmonic,closeness", ["--metrics", "harmonic,closeness"]),
        ("--alpha 0 (breadth-first)", ["--alpha", "0"]),
        ("--reductions none", ["--reductions", "none"]),
        ("--group country", ["--group", "country"]),
        ("--group country --bridges (adds the organisation network's path pass)", ["--group", "country", "--bridges"]),
        ("--format gexf", ["--format", "gexf"]),
        ("--format graphml", ["--format", "graphml"]),
        ("--format csv", ["--format", "csv"]),
        ("--figures DIR", ["--figures", "FIGDIR"]),
    ]),
    ("organisations", ORG, [
        ("default report (every metric)", []),
        ("--threads 1", ["--threads", "1"]),
        ("--metrics degree,strength,eigenvector,pagerank (no path pass)", ["--metrics", "degree,strength,eigenvector,pagerank"]),
        ("--metrics betweenness", ["--metrics", "betweenness"]),
        ("--metrics harmonic,closeness", ["--metrics", "harmonic,closeness"]),
        ("--metrics betweenness --betweenness-sample 0.05,0.1", ["--metrics", "betweenness", "--betweenness-sample", "0.05,0.1"]),
        ("--betweenness-sample 0.05,0.1 (every metric: harmonic and closeness still need the pass)", ["--betweenness-sample", "0.05,0.1"]),
        ("--alpha 0 (breadth-first)", ["--alpha", "0"]),
        ("--reductions none", ["--reductions", "none"]),
        ("--group sector", ["--group", "sector"]),
        ("--format gexf", ["--format", "gexf"]),
        ("--format graphml", ["--format", "graphml"]),
        ("--format csv", ["--format", "csv"]),
        ("--figures DIR", ["--figures", "FIGDIR"]),
    ]),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--regnet", default=os.path.join(ROOT, "build", "regnet"))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp()
    print("regnet %s; median of %d whole processes; CPU = user + system" % (a.regnet, a.runs))
    print()
    print("| network | options | CPU s | vs default | wall s | peak MB | load |")
    print("|---|---|---|---|---|---|---|")
    for network, base, options in CASES:
        default = None
        for label, extra in options:
            runs = []
            for _ in range(a.runs):
                figdir = os.path.join(tmp, "fig")
                shutil.rmtree(figdir, ignore_errors=True)
                out = os.path.join(tmp, "out")
                # a report is a file, --format csv writes a folder: remove either
                if os.path.isdir(out):
                    shutil.rmtree(out)
                elif os.path.exists(out):
                    os.remove(out)
                extra_args = [figdir if x == "FIGDIR" else x for x in extra]
                runs.append(proc.measure([a.regnet, "analyze", "-q", "--dataset", DATASET, *base, *extra_args,
                                          "--output", out], cwd=ROOT))
            s = proc.summary(runs)
            if default is None:
                default = s["cpu"]
            print("| %s | %s | %.3f (%.3f-%.3f) | %s | %.3f | %.0f | %.1f |" % (
                network, label, s["cpu"], s["cpu_min"], s["cpu_max"],
                "" if not extra else "%+.0f%% (%+.3f s)" % (100 * (s["cpu"] / default - 1), s["cpu"] - default),
                s["wall"], s["peak_mb"], s["load"]), flush=True)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
