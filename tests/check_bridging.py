#!/usr/bin/python3
"""Compares the bridging analyses of a regnet report (--group) with reference
values from scripts/reference_bridging.py, and checks the communities it
reports against NetworkX (modularity and participation coefficients
recomputed from the reported membership).

Usage: check_bridging.py REPORT REFERENCE [TOLERANCE]
"""
import gzip
import json
import sys

import networkx as nx

TOL = 1e-9
failures = []
worst = {}


def close(got, want, what):
    if want is None or got is None:
        ok = want is None and got is None
        dev = 0.0 if ok else float("inf")
    elif isinstance(want, bool) or isinstance(got, bool):
        ok = got == want
        dev = 0.0 if ok else float("inf")
    else:
        dev = abs(got - want)
        ok = dev <= TOL * max(1.0, abs(want))
    words = what.split(" ")
    key = words[0] + " " + words[-1].split(".", 1)[-1] if words[0] == "node" else \
        words[0] + " " + words[-1].rsplit(".", 1)[-1]
    worst[key] = max(worst.get(key, 0.0), dev)
    if not ok:
        failures.append("%s: %r, reference %r" % (what, got, want))


def compare(got, want, what):
    if isinstance(want, dict):
        for k, v in want.items():
            compare(got.get(k) if isinstance(got, dict) else None, v, what + "." + k)
    else:
        close(got, want, what)


def main():
    global TOL
    report = json.load(open(sys.argv[1]))
    path = sys.argv[2]
    ref = json.load(gzip.open(path, "rt") if path.endswith(".gz") else open(path))
    if len(sys.argv) > 3:
        TOL = float(sys.argv[3])
    nodes = {n["id"]: n for n in report["nodes"]}
    for v, want in ref["nodes"].items():
        for k, w in want.items():
            compare(nodes[v]["metrics"].get(k), w, "node %s %s" % (v, k))
    a = report["analyses"]
    for part in ("observed", "expected", "sd"):
        compare(a["brokerage"][part], ref["brokerage"][part], "network brokerage." + part)
    want = dict(ref["ei_index"])
    groups = want.pop("groups")
    compare(a["ei_index"], want, "ei_index")
    got_groups = {g["label"]: g for g in a["ei_index"]["groups"]}
    for label, w in groups.items():
        compare(got_groups[label], w, "ei_index group " + label)
    compare(a["assortativity"]["nominal"], ref["assortativity"]["nominal"], "assortativity")
    compare(a["cohesion"], ref["cohesion"], "cohesion")

    # Communities: recompute modularity and participation from the membership.
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for e in report["edges"]:
        g.add_edge(e["source"], e["target"], weight=e["weight"])
    membership = {v: n["metrics"]["community"] for v, n in nodes.items()}
    parts = {}
    for v, c in membership.items():
        parts.setdefault(c, set()).add(v)
    c = a["communities"]
    close(c["modularity"], nx.community.modularity(g, parts.values(), weight="weight"), "communities modularity")
    close(c["count"], len(parts), "communities count")
    close(sorted(c["sizes"]) == sorted(len(p) for p in parts.values()), True, "communities sizes")
    for v in g:
        k = g.degree(v)
        want = None if k == 0 else 1 - sum((sum(1 for u in g[v] if membership[u] == cc) / k) ** 2
                                           for cc in set(membership[u] for u in g[v]))
        close(nodes[v]["metrics"]["participation_coefficient"], want, "node %s participation" % v)

    for key in sorted(worst):
        print("%-32s max |diff| %.3g" % (key, worst[key]))
    for f in failures[:20]:
        print("MISMATCH", f)
    print("%d nodes compared; %d mismatches" % (len(ref["nodes"]), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
