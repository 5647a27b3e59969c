#!/usr/bin/python3
"""The same job as `regnet analyze` done with NetworkX or python-igraph.

Loads the keep.eu 2014-2020 partner export with Python's csv module, builds the
NUTS2 region network (codes mapped to NUTS 2021) or the organisation network
(organisations joined by postcode; same rules as docs/networks.md), and computes every metric of the report: degree, strength,
weighted betweenness, harmonic, closeness (distance 1/w), eigenvector, PageRank,
components, transitivity, average clustering, and the diameter and average path
length of the largest component both in hops and weighted (lengths 1/w, alpha 1, as
regnet's `summary`: docs/metrics.md).  Prints one JSON line: phase timings (import
of the library included) and the four path statistics, which bench/run.py compares
with regnet's report.  Run as a whole process: bench/run.py times it from the outside
(interpreter start-up and imports included) with BLAS limited to one thread.

Usage: peer.py networkx|igraph region|org
"""
import time

T_START = time.perf_counter()  # before any import: "import" below is the libraries' load

import csv  # noqa: E402
import itertools
import json
import os
import sys  # noqa: E402
import types  # noqa: E402
from collections import defaultdict  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
if len(sys.argv) > 1 and sys.argv[1] == "igraph":
    # scripts/reference.py imports NetworkX at the top; its loaders used here do not
    # need it, so the igraph peer does not pay for that import.
    sys.modules["networkx"] = types.ModuleType("networkx")
import reference  # noqa: E402


def load():
    """Partners as regnet reads them by default: codes mapped to NUTS 2021, organisations
    joined by postcode (scripts/reference.py implements both from docs/)."""
    nuts = reference.load_nuts()
    members_region, members_org = defaultdict(set), defaultdict(set)
    for key, org, code in reference.load_partners(nuts):
        members_org[key].add(org)
        members_region[key]
        if code and len(code) >= 4:
            members_region[key].add(code[:4])
    # The projects sheet is read too, as regnet does (budgets, themes).
    with open(os.path.join(ROOT, "data/keep/keep_closed_2014_2020_projects.csv"), encoding="utf-8", newline="") as f:
        projects = {(r["Programme"], r["Acronym"]): r["Budget"] for r in csv.DictReader(f)}
    return members_region, members_org, projects


def edges_of(members):
    weight = defaultdict(int)
    nodes = set()
    for group in members.values():
        nodes |= group
        for a, b in itertools.combinations(sorted(group), 2):
            weight[(a, b)] += 1
    return sorted(nodes), weight


def run_networkx(nodes, weight):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for (a, b), w in weight.items():
        g.add_edge(a, b, weight=w, distance=1.0 / w)
    t = time.perf_counter()
    dict(g.degree()), dict(g.degree(weight="weight"))
    nx.betweenness_centrality(g, weight="distance")
    nx.harmonic_centrality(g, distance="distance")
    nx.closeness_centrality(g, distance="distance")
    nx.eigenvector_centrality_numpy(g, weight="weight")
    nx.pagerank(g, weight="weight")
    comps = list(nx.connected_components(g))
    nx.transitivity(g)
    nx.average_clustering(g)
    h = g.subgraph(max(comps, key=len))
    stats = {"diameter_hops": nx.diameter(h), "average_path_length_hops": nx.average_shortest_path_length(h)}
    # NetworkX 2.8's diameter takes no weight: the weighted diameter and average path
    # length in one Dijkstra per source (the cheapest way with its API; regnet gets both
    # from its one shortest-path pass).
    longest, total = 0.0, 0.0
    for s in h:
        dist = nx.single_source_dijkstra_path_length(h, s, weight="distance")
        longest = max(longest, max(dist.values()))
        total += sum(dist.values())
    n = h.number_of_nodes()
    stats["diameter_weighted"] = longest
    stats["average_path_length_weighted"] = total / (n * (n - 1)) if n > 1 else 0.0
    return time.perf_counter() - t, stats


def run_igraph(nodes, weight):
    index = {v: i for i, v in enumerate(nodes)}
    pairs = list(weight.items())
    g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for (a, b), _ in pairs])
    w = [x for _, x in pairs]
    d = [1.0 / x for x in w]
    g.es["distance"] = d  # kept by the giant component's subgraph
    t = time.perf_counter()
    g.degree(), g.strength(weights=w)
    g.betweenness(weights=d)
    g.harmonic_centrality(weights=d)
    g.closeness(weights=d)
    g.eigenvector_centrality(weights=w)
    g.pagerank(weights=w)
    comps = g.connected_components()
    g.transitivity_undirected()
    g.transitivity_avglocal_undirected(mode="zero")
    h = comps.giant()
    stats = {"diameter_hops": h.diameter(directed=False), "average_path_length_hops": h.average_path_length(directed=False),
             "diameter_weighted": h.diameter(directed=False, weights="distance"),
             "average_path_length_weighted": h.average_path_length(directed=False, weights="distance")}
    return time.perf_counter() - t, stats


def main():
    tool, network = sys.argv[1], sys.argv[2]
    # The import is timed too (bench/run.py times the whole process from outside).
    global nx, ig
    ti = T_START
    if tool == "networkx":
        import networkx as nx
    else:
        import igraph as ig
    t0 = time.perf_counter()
    members_region, members_org, _ = load()
    t1 = time.perf_counter()
    nodes, weight = edges_of(members_region if network == "region" else members_org)
    t2 = time.perf_counter()
    metrics, stats = (run_networkx if tool == "networkx" else run_igraph)(nodes, weight)
    t3 = time.perf_counter()
    print(json.dumps({"tool": tool, "network": network, "nodes": len(nodes), "edges": len(weight),
                      "import": t0 - ti, "load": t1 - t0, "build": t2 - t1 + (t3 - t2 - metrics), "metrics": metrics,
                      "total": t3 - ti, "summary": stats}))


if __name__ == "__main__":
    main()
