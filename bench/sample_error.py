#!/usr/bin/python3
"""Checks the bound of --betweenness-sample: over 20 seeds, the largest
absolute error of the sampled normalised betweenness against the exact one
is within epsilon in at least (1 - delta) of the runs (KADABRA, Borassi and
Natale 2016; docs/paths.md).  Exact values come from regnet's exact pass (equal to
python-igraph's weighted betweenness on these networks, tests/reference).

Usage: [REGNET=binary] /usr/bin/python3 bench/sample_error.py DATASET NETWORK EPS DELTA [SEEDS [EXACT]]
   e.g. bench/sample_error.py data/keep-2014-2020.json org 0.02 0.1
EXACT: an exact report of the same network already computed (saves the exact run).
Prints one line per seed (seed, samples, max error, seconds) and a summary.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGNET = os.environ.get("REGNET", os.path.join(ROOT, "build", "regnet"))


def run(dataset, network, extra, out):
    t = time.perf_counter()
    subprocess.run([REGNET, "analyze", "-q", "--dataset", dataset, "--network", network,
                    "--metrics", "betweenness", *extra, "--output", out], check=True, cwd=ROOT)
    seconds = time.perf_counter() - t
    r = json.load(open(out))
    return [n["metrics"]["betweenness"] for n in r["nodes"]], r["parameters"]["betweenness"], seconds


def main():
    dataset, network, eps, delta = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    seeds = int(sys.argv[5]) if len(sys.argv) > 5 else 20
    out = os.path.join(tempfile.mkdtemp(), "r.json")
    if len(sys.argv) > 6:
        exact = [n["metrics"]["betweenness"] for n in json.load(open(sys.argv[6]))["nodes"]]
        print(f"exact: {len(exact)} nodes, from {sys.argv[6]}")
    else:
        exact, _, exact_seconds = run(dataset, network, [], out)
        print(f"exact: {len(exact)} nodes, {exact_seconds:.1f} s wall")
    within = 0
    worst = 0.0
    for seed in range(1, seeds + 1):
        est, method, seconds = run(dataset, network, ["--betweenness-sample", f"{eps},{delta}",
                                                      "--seed", str(seed)], out)
        err = max(abs(a - b) for a, b in zip(est, exact))
        worst = max(worst, err)
        within += err <= eps
        print(f"seed {seed}: {method['samples']} samples of at most {method.get('max_samples', method['samples'])} "
              f"(VD bound {method['vertex_diameter_bound']}), "
              f"max abs error {err:.5f}, {seconds:.1f} s wall", flush=True)
    print(f"{dataset} {network} eps {eps} delta {delta}: max error within eps in {within}/{seeds} "
          f"runs (bound requires >= {(1 - delta) * seeds:.0f}); largest error {worst:.5f}")
    sys.exit(0 if within >= (1 - delta) * seeds else 1)


main()
