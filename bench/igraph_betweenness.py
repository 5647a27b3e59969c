#!/usr/bin/python3
"""python-igraph's weighted betweenness (lengths 1/weight) on a network given
as a tab-separated edge list "u v weight" (node indices), for timing as a
whole process against regnet on the same network:

    /usr/bin/time -v /usr/bin/python3 bench/igraph_betweenness.py edges.tsv N

Writes the normalised betweenness (regnet's 2/((n-1)(n-2)) scale) of every
node, one per line, to stdout.  python-igraph 0.10 runs this on one thread.
The edge list comes from a regnet report: bench/igraph_betweenness.py
--edges report.json > edges.tsv (not timed).
"""
import json
import sys


def edges_of(report):
    r = json.load(open(report))
    index = {n["id"]: i for i, n in enumerate(r["nodes"])}
    print(len(index))
    for e in r["edges"]:
        print(f"{index[e['source']]}\t{index[e['target']]}\t{e['weight']!r}")


def main():
    if sys.argv[1] == "--edges":
        edges_of(sys.argv[2])
        return
    import igraph
    with open(sys.argv[1]) as f:
        n = int(f.readline())
        pairs, lengths = [], []
        for line in f:
            u, v, w = line.split("\t")
            pairs.append((int(u), int(v)))
            lengths.append(1.0 / float(w))
    g = igraph.Graph(n=n, edges=pairs)
    b = g.betweenness(weights=lengths, directed=False)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    sys.stdout.write("".join(f"{x * scale!r}\n" for x in b))


main()
