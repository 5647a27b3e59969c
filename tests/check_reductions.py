#!/usr/bin/python3
"""Exact reductions of the shortest-path pass against exact rational paths.

Builds a keep.eu-style partner file whose organisation network stresses the
reductions of docs/paths.md: a star of pendant twins at two lengths, a path,
binary trees and paths hanging off a chain of cliques, twins of one project,
tied and untied weighted paths (repeated projects), many small components
and isolates.  Runs regnet analyze --network org with every --reductions
value at alpha 1 and 0, and compares betweenness, harmonic and closeness
(to 1e-12 relative) and the diameters and average path lengths over the
largest component with scripts/reference.py's exact_paths (Fractions).

Usage: check_reductions.py REGNET
"""
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
import reference  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
HEADER = ("Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;"
          "Website;Department;Legal Status;Country code;NUTS1 (or equivalent);"
          "NUTS2 (or equivalent);NUTS3 (or equivalent)")
ROW = ("2014 - 2020 INTERREG TEST;{p};{o};No;;;;Germany;;;public;DE Germany / DEUTSCHLAND;"
       "DEA  / NORDRHEIN-WESTFALEN;DEA1  / Düsseldorf;DEA11  / Düsseldorf, Kreisfreie Stadt")


def projects():
    """Lists of partner names, one per project."""
    out = []
    name = lambda k: "Node %s" % k  # noqa: E731

    def tie(a, b, times=1):
        for _ in range(times):
            out.append([name(a), name(b)])
    # A star: hub s0, pendant twins at weight 1 and at weight 2, a leaf path.
    for k in range(1, 6):
        tie("s0", "s%d" % k)
    for k in range(6, 9):
        tie("s0", "s%d" % k, 2)
    tie("s8", "s9")
    tie("s9", "s10", 3)
    # A chain of cliques (projects of 4) sharing one partner, with trees.
    for c in range(4):
        out.append([name("c%d_%d" % (c, i)) for i in range(4)])
        if c:
            out.append([name("c%d_0" % c), name("c%d_3" % (c - 1))])
    # a second route between clique 0 and 3 of the same and of a different length
    tie("c0_1", "c3_2", 2)
    tie("c1_1", "r1")
    tie("r1", "c2_1")
    for c in range(4):  # a binary tree of 7 off c?_2, a path of 3 off c?_1
        root = "c%d_2" % c
        nodes = ["b%d_%d" % (c, i) for i in range(7)]
        tie(root, nodes[0], 1 + c % 2)
        for i in range(1, 7):
            tie(nodes[(i - 1) // 2], nodes[i], 1 + i % 3)
        tie("c%d_1" % c, "p%d_0" % c)
        tie("p%d_0" % c, "p%d_1" % c, 2)
        tie("p%d_1" % c, "p%d_2" % c)
    # Twins of one project hanging off the chain.
    out.append([name("c1_3")] + [name("t%d" % i) for i in range(5)])
    # A path of 9 on its own, a pair, a triangle with pendants, a star.
    for k in range(8):
        tie("q%d" % k, "q%d" % (k + 1), 1 + k % 2)
    tie("pair0", "pair1")
    out.append([name("tri0"), name("tri1"), name("tri2")])
    tie("tri0", "tri3")
    tie("tri3", "tri4")
    for k in range(1, 5):
        tie("st0", "st%d" % k, 1 + k % 2)
    return out


def graph_of(projs):
    g = nx.Graph()
    for members in projs:
        ms = sorted(set(members))
        for m in ms:
            g.add_node(m)
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                w = g.get_edge_data(ms[i], ms[j], {"weight": 0})["weight"]
                g.add_edge(ms[i], ms[j], weight=w + 1)
    return g


def close(a, b, what):
    a, b = float(a), float(b)
    if a != b and abs(a - b) > 1e-12 * max(abs(a), abs(b)):
        raise SystemExit("FAIL: %s: regnet %.17g, exact %.17g" % (what, a, b))


def main():
    regnet = sys.argv[1]
    projs = projects()
    g = graph_of(projs)
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "partners.csv"), "w", encoding="utf-8") as f:
            f.write(HEADER + "\n")
            for k, members in enumerate(projs):
                for m in members:
                    f.write(ROW.format(p="P%d" % k, o=m) + "\n")
        with open(os.path.join(tmp, "dataset.json"), "w") as f:
            json.dump({"regnet_dataset": 1, "name": "reductions stress (tests/check_reductions.py)",
                       "regions": {"file": os.path.join(ROOT, "data/nuts/nuts2013_all_levels_ropensci.csv"),
                                   "nuts_edition": "2013"},
                       "sources": [{"format": "keep.eu-partners", "file": "partners.csv",
                                    "nuts_edition": "2013"}]}, f)
        checked = 0
        for alpha in (1, 0):
            nodes, bc, harm, clo, dist_rows = reference.exact_paths(g, alpha)
            largest = max(nx.connected_components(g), key=len)
            index = {v: i for i, v in enumerate(nodes)}
            hop = dict(nx.all_pairs_shortest_path_length(g))
            pairs = len(largest) * (len(largest) - 1)
            wsum = sum(d for v in largest for t, d in dist_rows[index[v]].items())
            hsum = sum(hop[v][t] for v in largest for t in largest)
            diameter_w = max(d for v in largest for d in dist_rows[index[v]].values())
            diameter_h = max(hop[v][t] for v in largest for t in largest)
            for red in ("none", "twins", "degree1", "twins,degree1"):
                out = os.path.join(tmp, "r.json")
                subprocess.run([regnet, "analyze", "-q", "--dataset", os.path.join(tmp, "dataset.json"),
                                "--network", "org", "--alpha", str(alpha), "--reductions", red,
                                "--output", out], check=True)
                r = json.load(open(out))
                what = "alpha %d, --reductions %s" % (alpha, red)
                assert len(r["nodes"]) == len(nodes), (what, len(r["nodes"]), len(nodes))
                for n in r["nodes"]:
                    i = index[n["label"]]
                    m = n["metrics"]
                    close(m["betweenness"], bc[i], "%s: betweenness of %s" % (what, n["label"]))
                    close(m["harmonic"], harm[i], "%s: harmonic of %s" % (what, n["label"]))
                    close(m["closeness"], clo[i], "%s: closeness of %s" % (what, n["label"]))
                    checked += 1
                s = r["summary"]
                close(s["average_path_length_weighted"], wsum / Fraction(pairs), what + ": apl")
                close(s["diameter_weighted"], diameter_w, what + ": diameter")
                close(s["average_path_length_hops"], Fraction(hsum, pairs), what + ": apl hops")
                assert s["diameter_hops"] == diameter_h, (what, s["diameter_hops"], diameter_h)
                p = s["path_pass"]
                if "degree1" in red:
                    assert p["degree1_removed"] >= 40, (what, p)
                if red == "twins,degree1":
                    assert p["open_twins_merged"] + p["closed_twins_merged"] > 0, (what, p)
                art = len(list(nx.articulation_points(g)))
                blocks = list(nx.biconnected_component_edges(g))
                big = max(blocks, key=lambda b: len({v for e in b for v in e}))
                assert p["articulation_points"] == art, (what, p, art)
                assert p["biconnected_components"] == len(blocks), (what, p, len(blocks))
                assert p["largest_biconnected_component_nodes"] == len({v for e in big for v in e}), (what, p)
                assert p["largest_biconnected_component_edges"] == len(big), (what, p)
        print("ok: %d node values equal to exact rationals (%d nodes, %d edges)"
              % (checked, g.number_of_nodes(), g.number_of_edges()))


if __name__ == "__main__":
    main()
