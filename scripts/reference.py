#!/usr/bin/python3
"""Independent reference values for regnet's region and organisation networks.

Re-derives, from the raw keep.eu export and with no regnet code, the networks
that docs/networks.md defines and every metric that docs/metrics.md defines:

  * weighted betweenness, harmonic and closeness centrality and the weighted
    diameter / average path length: exact rational arithmetic (fractions),
    Dijkstra + Brandes, distance = 1/w^alpha for alpha in {0, 1};
  * degree, strength, transitivity, average clustering, components, hop
    diameter and average path length: NetworkX;
  * eigenvector centrality (scaled to max 1) and PageRank (damping 0.85):
    NetworkX (numpy / scipy solvers, tolerance 1e-14).

For the organisation network (about 7,000 nodes) exact rationals are too slow
in Python; its path measures come from python-igraph, which the issue notes
agrees with an exact Brandes to 1e-16, and closeness also from NetworkX.

Regions are mapped to NUTS 2021 as regnet does by default (largest pop21
share in the JRC converter matrices, scripts/reference_harmonise.py); the
NUTS 2013 network (the codes keep.eu publishes) is written too.
Organisations are identified as docs/networks.md says, including the
postcode-corroborated joins of loose-key matches.

Usage: /usr/bin/python3 scripts/reference.py [--org] OUTDIR
Writes OUTDIR/keep-2014-2020-region-nuts2-alpha1.json, ...-alpha0.json,
...-region-nuts2-2013-alpha1.json and, with --org,
OUTDIR/keep-2014-2020-org-alpha1.json.gz (takes about 9 minutes).
"""
import csv
import gzip
import heapq
import itertools
import json
import os
import sys
import unicodedata
from collections import defaultdict
from fractions import Fraction

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTNERS = os.path.join(ROOT, "data/keep/keep_closed_2014_2020_partnership.csv")


def load_nuts(edition="2013"):
    with open(os.path.join(ROOT, "data/nuts/nuts%s_all_levels_ropensci.csv" % edition),
              encoding="utf-8", newline="") as f:
        return {r["NUTS_ID"]: r for r in csv.DictReader(f)}


def org_key(name, country):
    folded = unicodedata.normalize("NFKC", name.casefold())
    return country.upper() + "|" + " ".join(folded.split())


LEGAL_FORMS = set("ab ag as asbl bv co doo ev gmbh inc kft limited ltd nv oy plc sa sarl sas spa "
                  "sro srl the vzw".split())


def loose_key(key):
    """docs/networks.md: accents, punctuation and legal-form words dropped."""
    country, name = key.split("|", 1)
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
                   and unicodedata.category(c) not in ("Mn", "Mc", "Me"))
    name = "".join(c if c.isalnum() else " " for c in name)
    return country + "|" + " ".join(w for w in name.split() if w not in LEGAL_FORMS)


def postcode(raw):
    """docs/networks.md: letters and digits, upper case, country prefix dropped."""
    code = "".join(c for c in raw if c.isascii() and c.isalnum()).upper()
    letters = len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if 1 <= letters <= 3 and len(code) - letters >= 3 and code[letters:].isdigit():
        code = code[letters:]
    return code


def joined_by_postcode(keyed_postcodes):
    """[(strict key, raw postcode)] in row order -> {strict key: kept key}.
    Keys whose loose keys agree and which share a postcode are one
    organisation; the key seen first is kept.  Union-find, path halving."""
    order = {}
    for key, _ in keyed_postcodes:
        order.setdefault(key, len(order))
    parent = {k: k for k in order}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first = {}
    for key, raw in keyed_postcodes:
        code = postcode(raw)
        if not code:
            continue
        slot = (loose_key(key), code)
        if slot not in first:
            first[slot] = key
            continue
        a, b = find(first[slot]), find(key)
        if a != b:
            a, b = sorted((a, b), key=order.get)
            parent[b] = a
    return {k: find(k) for k in order}


def harmonisation(edition):
    """NUTS 2013 code -> code of `edition` (scripts/reference_harmonise.py)."""
    if edition == "2013":
        return lambda code: code
    import reference_harmonise as rh
    steps = [rh.converter("2013", "2016")] + ([rh.converter("2016", edition)] if edition != "2016" else [])

    def convert(code):
        for step in steps:
            if len(code) >= 4:
                code = step.get(code, code)
        return code
    return convert


KEEP_REGION_COLUMNS = ("NUTS3 (or equivalent)", "NUTS2 (or equivalent)", "NUTS1 (or equivalent)")


def first_known_code(row, columns, table):
    """The code of the first of columns (most specific first) that table knows,
    or None; cells may be keep.eu's "CODE  / Name"."""
    for col in columns:
        code = row[col].split(" / ")[0].strip()
        if code in table:
            return code
    return None


def graph_of(members):
    """{project: set of nodes} -> nx.Graph, edge weight = projects shared."""
    g = nx.Graph()
    for nodes in members.values():
        g.add_nodes_from(nodes)
        for a, b in itertools.combinations(sorted(nodes), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
            else:
                g.add_edge(a, b, weight=1)
    return g


def partner_rows():
    with open(PARTNERS, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def row_country(r, code):
    cc = r["Country code"].strip()
    country = cc[:2] if len(cc) >= 2 and cc[:2].isupper() and (len(cc) == 2 or cc[2] == " ") else ""
    return country or (code[:2] if code else "")


def load_partners(nuts, edition="2021"):
    """Rows -> list of (project key, org key, region code or None); codes
    chosen in the NUTS 2013 table `nuts`, then mapped to `edition`."""
    rows = partner_rows()
    target = load_nuts(edition)
    convert = harmonisation(edition)
    keyed, out = [], []
    for r in rows:
        code = first_known_code(r, KEEP_REGION_COLUMNS, nuts)
        key = org_key(r["Project Partner"].strip(), row_country(r, code))
        keyed.append((key, r["Postal code"]))
        if code:
            code = convert(code)
            if code not in target:
                code = None
        out.append(((r["Programme"].strip(), r["Acronym"].strip()), key, code))
    kept = joined_by_postcode(keyed)
    return [(project, kept[key], code) for project, key, code in out]


def build(rows, nuts, kind, level=2):
    """Project -> set of nodes; edge weight = number of shared projects.
    A NUTS code of level L has 2 + L characters."""
    members = defaultdict(set)
    for project, org, code in rows:
        if kind == "org":
            members[project].add(org)
        elif code and len(code) - 2 >= level:
            members[project].add(code[: 2 + level])
        else:
            members[project]  # a project with only unlocated partners still exists
    return graph_of(members)


def exact_paths(g, alpha):
    """Brandes with exact rational lengths: betweenness (normalised),
    harmonic, closeness (Wasserman-Faust), and per-source distances."""
    nodes = sorted(g)
    index = {v: i for i, v in enumerate(nodes)}
    adj = [[] for _ in nodes]
    for a, b, d in g.edges(data=True):
        length = Fraction(1) if alpha == 0 else Fraction(1, d["weight"])
        adj[index[a]].append((index[b], length))
        adj[index[b]].append((index[a], length))
    n = len(nodes)
    bc = [Fraction(0)] * n
    harmonic, closeness, dist_rows = [], [], []
    for s in range(n):
        dist = {s: Fraction(0)}
        sigma = defaultdict(int)
        sigma[s] = 1
        preds = defaultdict(list)
        order, done = [], set()
        heap = [(Fraction(0), s)]
        while heap:
            d, u = heapq.heappop(heap)
            if u in done or d != dist[u]:
                continue
            done.add(u)
            order.append(u)
            for v, length in adj[u]:
                nd = d + length
                if v not in dist or nd < dist[v]:
                    dist[v] = nd
                    sigma[v] = sigma[u]
                    preds[v] = [u]
                    heapq.heappush(heap, (nd, v))
                elif nd == dist[v] and v not in done:
                    sigma[v] += sigma[u]
                    preds[v].append(u)
        delta = defaultdict(Fraction)
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
        reach = len(order)
        total = sum(dist[t] for t in order)
        harmonic.append(sum(1 / dist[t] for t in order if t != s))
        closeness.append(Fraction(reach - 1, n - 1) * Fraction(reach - 1) / total if reach > 1 else Fraction(0))
        dist_rows.append(dist)
    scale = Fraction(1, (n - 1) * (n - 2)) if n > 2 else Fraction(0)
    return nodes, [b * scale for b in bc], harmonic, closeness, dist_rows


def summary_and_metrics(g, alpha, exact):
    nodes = sorted(g)
    n = len(nodes)
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(nodes.index(v) for v in c)))
    lcc = comps[0]
    h = g.subgraph(lcc)
    hop_lengths = dict(nx.all_pairs_shortest_path_length(h))
    hop_sum = sum(sum(d.values()) for d in hop_lengths.values())
    k = len(lcc)
    if exact:
        names, bc, harm, clo, dist_rows = exact_paths(g, alpha)
        idx = {v: i for i, v in enumerate(names)}
        lcc_idx = {idx[v] for v in lcc}
        wsum = sum(sum(d for t, d in dist_rows[s].items()) for s in lcc_idx)
        wmax = max(max(dist_rows[s].values()) for s in lcc_idx)
        bc, harm, clo = ([float(x) for x in a] for a in (bc, harm, clo))
        diameter_w, apl_w = float(wmax), float(wsum / (k * (k - 1)))
    else:
        import igraph as ig
        names = nodes
        G = ig.Graph(n=n, edges=[(nodes.index(a), nodes.index(b)) for a, b in g.edges()])
        w = [g[a][b]["weight"] for a, b in g.edges()]
        dist = None if alpha == 0 else [1.0 / x ** alpha for x in w]
        bc = [x / ((n - 1) * (n - 2) / 2) for x in G.betweenness(weights=dist)]
        harm = [x * (n - 1) for x in G.harmonic_centrality(weights=dist, normalized=True)]
        # NetworkX for closeness (Wasserman-Faust is its default).
        for a, b in g.edges():
            g[a][b]["distance"] = 1.0 if alpha == 0 else 1.0 / g[a][b]["weight"] ** alpha
        cl = nx.closeness_centrality(g, distance="distance")
        clo = [cl[v] for v in nodes]
        diameter_w = apl_w = None
    ev = nx.eigenvector_centrality_numpy(g, weight="weight")
    top = max(ev.values())
    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    deg = dict(g.degree())
    strength = dict(g.degree(weight="weight"))
    metrics = {}
    for i, v in enumerate(names):
        metrics[v] = {
            "degree": deg[v], "strength": strength[v], "betweenness": bc[i],
            "harmonic": harm[i], "closeness": clo[i],
            "eigenvector": abs(ev[v]) / abs(top), "pagerank": pr[v],
        }
    summary = {
        "nodes": n, "edges": g.number_of_edges(),
        "density": nx.density(g),
        "components": len(comps),
        "isolates": sum(1 for c in comps if len(c) == 1),
        "largest_component_nodes": k,
        "transitivity": nx.transitivity(g),
        "average_clustering": nx.average_clustering(g),
        "diameter_hops": max(max(d.values()) for d in hop_lengths.values()),
        "average_path_length_hops": hop_sum / (k * (k - 1)),
    }
    if diameter_w is not None:
        summary["diameter_weighted"] = diameter_w
        summary["average_path_length_weighted"] = apl_w
    # Freeman centralization with igraph's theoretical maxima (undirected).
    def freeman(values, tmax):
        m = max(values)
        return sum(m - x for x in values) / tmax
    vals = lambda key: [metrics[v][key] for v in names]
    summary["centralization"] = {
        "degree": freeman(vals("degree"), (n - 1) * (n - 2)),
        "betweenness": freeman(vals("betweenness"), n - 1),
        "closeness": freeman(vals("closeness"), (n - 1) * (n - 2) / (2 * n - 3)),
        "eigenvector": freeman(vals("eigenvector"), n - 2),
    }
    edges = sorted([min(a, b), max(a, b), d["weight"]] for a, b, d in g.edges(data=True))
    return {"summary": summary, "nodes": metrics, "edges": edges}


def main():
    args = sys.argv[1:]
    want_org = "--org" in args
    outdir = [a for a in args if not a.startswith("--")][0]
    os.makedirs(outdir, exist_ok=True)
    nuts = load_nuts()
    for edition, alphas, name in (("2021", (1, 0), "region-nuts2"), ("2013", (1,), "region-nuts2-2013")):
        rows = load_partners(nuts, edition)
        region = build(rows, nuts, "region", 2)
        for alpha in alphas:
            ref = summary_and_metrics(region, alpha, exact=True)
            ref["about"] = ("keep.eu 2014-2020 NUTS2 region network in NUTS %s codes, alpha=%d; exact "
                            "rational paths, NetworkX for the rest (scripts/reference.py)" % (edition, alpha))
            with open(os.path.join(outdir, "keep-2014-2020-%s-alpha%d.json" % (name, alpha)), "w") as f:
                json.dump(ref, f, indent=0, sort_keys=True)
                f.write("\n")
    if want_org:
        org = build(load_partners(nuts), nuts, "org")
        ref = summary_and_metrics(org, 1, exact=False)
        ref["about"] = ("keep.eu 2014-2020 organisation network, alpha=1; python-igraph "
                        "paths, NetworkX for the rest (scripts/reference.py)")
        with gzip.open(os.path.join(outdir, "keep-2014-2020-org-alpha1.json.gz"), "wt") as f:
            json.dump(ref, f, indent=0, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
