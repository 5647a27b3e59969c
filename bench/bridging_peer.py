#!/usr/bin/python3
"""One bridging measure computed by a Python peer, as a whole process for
bench/bridging.py: reads an edge list (first line: node count; then
"u<TAB>v<TAB>weight", node indices) and computes

    igraph-constraint      python-igraph's Graph.constraint(weights=w)
    nx-constraint          NetworkX's constraint(G, weight="weight")
    nx-effective-size      NetworkX's effective_size(G, weight="weight")

(the weighted definitions regnet uses, docs/bridging.md).  Prints one JSON line:
the time of the import, of reading and building the graph and of the measure
(CPU time of the process, inside it).  bench/bridging.py times the process from outside.

Usage: bridging_peer.py MEASURE EDGES.tsv
"""
import json
import sys
import time


def main():
    measure, path = sys.argv[1], sys.argv[2]
    t0 = time.process_time()
    if measure.startswith("igraph"):
        import igraph as ig
    else:
        import networkx as nx
    t1 = time.process_time()
    with open(path) as f:
        n = int(f.readline())
        rows = [line.split("\t") for line in f]
    if measure.startswith("igraph"):
        g = ig.Graph(n=n, edges=[(int(u), int(v)) for u, v, _ in rows])
        w = [float(x) for _, _, x in rows]
    else:
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from((int(u), int(v), float(x)) for u, v, x in rows)
    t2 = time.process_time()
    if measure == "igraph-constraint":
        g.constraint(weights=w)
    elif measure == "nx-constraint":
        nx.constraint(g, weight="weight")
    elif measure == "nx-effective-size":
        nx.effective_size(g, weight="weight")
    else:
        sys.exit("unknown measure " + measure)
    t3 = time.process_time()
    print(json.dumps({"measure": measure, "import": t1 - t0, "read": t2 - t1, "compute": t3 - t2}))


main()
