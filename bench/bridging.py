#!/usr/bin/python3
"""Benchmarks regnet's bridging analyses (--group) against NetworkX and python-igraph.

regnet: the `bridging` phase of `regnet analyze --timings` (brokerage, structural
holes, cohesion, 10 Leiden runs, E-I with 1000 permutations, mixing, cross-sector),
on top of the path pass it reuses.  Peers: NetworkX constraint and effective size
(weighted), python-igraph constraint, on the same networks (built by bench/peer.py's
loader).  NetworkX's constraint is the slow one; it is timed with a cut-off.

Usage: /usr/bin/python3 bench/bridging.py [--cutoff SECONDS]
"""
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def regnet_bridging(args):
    # a report file of its own: regnet refuses to replace a device such as /dev/null (issue 14)
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([os.path.join(ROOT, "build", "regnet"), "analyze", "-q", "--timings", "--dataset",
                            "data/keep-2014-2020.json", *args, "--output", os.path.join(tmp, "r.json")],
                           cwd=ROOT, capture_output=True, text=True, check=True)
    m = re.search(r"analyze ([0-9.]+) s.*?, bridging ([0-9.]+) s.*total ([0-9.]+) s", r.stderr)
    return float(m.group(1)), float(m.group(2)), float(m.group(3))


def main():
    import igraph as ig
    import networkx as nx
    members_region, members_org, _ = peer.load()
    for name, members, args in (("region NUTS2", members_region, ["--network", "region", "--level", "2", "--group", "country"]),
                                ("org", members_org, ["--network", "org", "--group", "sector"])):
        nodes, weight = peer.edges_of(members)
        g = nx.Graph()
        g.add_nodes_from(nodes)
        for (a, b), w in weight.items():
            g.add_edge(a, b, weight=w)
        index = {v: i for i, v in enumerate(nodes)}
        G = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for (a, b) in weight])
        w = list(weight.values())
        t = time.perf_counter()
        G.constraint(weights=w)
        t_ig = time.perf_counter() - t
        t = time.perf_counter()
        nx.constraint(g, weight="weight")
        t_nx_c = time.perf_counter() - t
        t = time.perf_counter()
        nx.effective_size(g, weight="weight")
        t_nx_e = time.perf_counter() - t
        runs = [regnet_bridging(args) for _ in range(3)]
        bridging = sorted(r[1] for r in runs)[1]
        analyze = sorted(r[0] for r in runs)[1]
        print("%s: %d nodes, %d edges" % (name, len(nodes), len(weight)))
        print("  regnet bridging phase (all bridging analyses): %.3f s (path pass before it: %.3f s)" % (bridging, analyze))
        print("  python-igraph constraint:   %8.3f s  (%.1fx regnet's whole bridging phase)" % (t_ig, t_ig / bridging))
        print("  NetworkX constraint:        %8.3f s  (%.1fx)" % (t_nx_c, t_nx_c / bridging))
        print("  NetworkX effective_size:    %8.3f s  (%.1fx)" % (t_nx_e, t_nx_e / bridging))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
