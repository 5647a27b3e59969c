#!/usr/bin/python3
"""Independent reference values for `regnet compare` (docs/compare.md).

Rebuilds, from the raw bundled files with Python's csv and gzip modules (no
regnet code), the networks of each period:
  * keep.eu 2000-2020 participations, NUTS2 region network (codes checked against
    the NUTS 2013 table, the most specific of NUTS3, NUTS2, NUTS1 that the table
    knows, then mapped to NUTS 2021 by the JRC matrices as regnet does by default,
    scripts/reference_harmonise.py), periods 2007-2013 and 2014-2020 (period =
    prefix of the programme name);
  * CORDIS FP7 (edges joined to organisations for the country) and Horizon 2020
    (participations), country network, periods FP7 and H2020.
Then computes node turnover, edge Jaccard, weighted Jaccard, and Spearman
correlations (Pearson's r of average ranks, scipy.stats.pearsonr; values within
1e-9 of the largest |value| tie) of edge weights and of
degree and strength; weighted betweenness and harmonic centrality from the exact
rational Brandes of scripts/reference.py (distance 1/w); closeness, eigenvector
and PageRank from NetworkX.  Takes a few minutes.

Usage: /usr/bin/python3 scripts/reference_compare.py OUTDIR
"""
import csv
import gzip
import json
import os
import re
import sys
from collections import defaultdict

import networkx as nx
from scipy.stats import pearsonr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def nuts2013():
    with open(os.path.join(ROOT, "data/nuts/nuts2013_all_levels_ropensci.csv"), encoding="utf-8") as f:
        return {r["NUTS_ID"]: int(r["LEVL_CODE"]) for r in csv.DictReader(f)}


TRANSNATIONAL = r"Alpine Space|Baltic Sea|Central Europe|Northern Periphery|South West Europe"


def keep_members(level=2, programmes=None, edition="2021"):
    """Period -> project -> NUTS regions of `level`; codes are picked in the
    NUTS 2013 table and mapped to `edition` as regnet does by default."""
    nuts = nuts2013()
    target = reference.load_nuts(edition)
    convert = reference.harmonisation(edition)
    members = defaultdict(lambda: defaultdict(set))  # period -> project -> regions
    with gzip.open(os.path.join(ROOT, "data/keep/keep_closed_2000_2020_participations.csv.gz"), "rt",
                   encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            m = re.match(r"(\d{4}) [-\u2013] (\d{4})", r["Programme"].strip())
            period = "%s-%s" % m.groups() if m else ""
            key = (r["Programme"].strip(), r["Acronym"].strip())
            if not key[1] or not r["Project.Partner"].strip():
                continue
            if programmes and not re.search(programmes, key[0], re.IGNORECASE):
                continue
            code = reference.first_known_code(r, ("NUTS3", "NUTS2", "NUTS1"), nuts)
            members[period][key]
            code = convert(code) if code else None
            if code in target and len(code) - 2 >= level:
                members[period][key].add(code[: 2 + level])
    return members


# docs/networks.md: country codes in the EU's spelling (FP7 writes some Greek
# organisations GR and Kosovo KO; Horizon 2020 writes EL and XK).
EU_SPELLING = {"GR": "EL", "GB": "UK", "KO": "XK"}


def cordis_members():
    members = defaultdict(lambda: defaultdict(set))
    country = {}
    nuts = nuts2013()
    with gzip.open(os.path.join(ROOT, "data/cordis/fp7_organisations.csv.gz"), "rt", encoding="utf-8",
                   newline="") as f:
        for r in csv.DictReader(f, delimiter=";"):
            c = EU_SPELLING.get(r["country"].strip().upper(), r["country"].strip().upper())
            code = r["REGION_Level_NUTS_3"].strip()
            if not c and code in nuts:
                c = code[:2]  # documented: a blank country comes from the NUTS code
            country.setdefault(r["new_org_id"].strip(), c)
    with gzip.open(os.path.join(ROOT, "data/cordis/fp7_project_organisation_edges.tsv.gz"), "rt",
                   encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            c = country.get(r["new_org_id"].strip(), "")
            members["FP7"][r["projectRcn"].strip()]
            if c:
                members["FP7"][r["projectRcn"].strip()].add(c)
    with gzip.open(os.path.join(ROOT, "data/cordis/h2020_participations_eunets.csv.gz"), "rt",
                   encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            members["H2020"][r["rcn"].strip()]
            c = r["country"].strip().upper()
            if c:
                members["H2020"][r["rcn"].strip()].add(EU_SPELLING.get(c, c))
    return members


def network(projects):
    g = reference.graph_of(projects)
    for a, b, d in g.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return g


def centralities(g):
    ev = nx.eigenvector_centrality_numpy(g, weight="weight")
    top = max(abs(x) for x in ev.values())
    # Weighted betweenness and harmonic with exact rational path lengths
    # (scripts/reference.py): NetworkX's float sums split equal paths.
    names, bc, harm, _, _ = reference.exact_paths(g, 1)
    return {
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
        "betweenness": {v: float(bc[i]) for i, v in enumerate(names)},
        "harmonic": {v: float(harm[i]) for i, v in enumerate(names)},
        "closeness": nx.closeness_centrality(g, distance="distance"),
        "eigenvector": {v: abs(x) / top for v, x in ev.items()},
        "pagerank": nx.pagerank(g, weight="weight", tol=1e-15, max_iter=100000),
    }


def average_ranks(values):
    """Ranks from 1, ties averaged; values within 1e-9 x max|value| of the first
    of a run of sorted values are ties (docs/compare.md)."""
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    tol = 1e-9 * max(abs(v) for v in values) if values else 0
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] - values[order[i]] <= tol:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x, y):
    if len(x) < 2:
        return None
    rx, ry = average_ranks(x), average_ranks(y)
    if len(set(rx)) < 2 or len(set(ry)) < 2:
        return None
    return float(pearsonr(rx, ry)[0])


def compare(ga, gb):
    a, b = set(ga), set(gb)
    kept = sorted(a & b)
    ea = {tuple(sorted(e)): d["weight"] for *e, d in ga.edges(data=True)}
    eb = {tuple(sorted(e)): d["weight"] for *e, d in gb.edges(data=True)}
    union = set(ea) | set(eb)
    both = set(ea) & set(eb)
    keptset = set(kept)
    pairs = [e for e in sorted(union) if e[0] in keptset and e[1] in keptset]
    ca, cb = centralities(ga), centralities(gb)
    rho = spearman
    return {
        "nodes_entered": len(b - a), "nodes_left": len(a - b), "nodes_kept": len(kept),
        "edge_jaccard": len(both) / len(union),
        "weighted_jaccard": sum(min(ea.get(e, 0), eb.get(e, 0)) for e in union) /
                            sum(max(ea.get(e, 0), eb.get(e, 0)) for e in union),
        "edge_weight_spearman": rho([ea.get(e, 0) for e in pairs], [eb.get(e, 0) for e in pairs]),
        "spearman": {k: rho([ca[k][v] for v in kept], [cb[k][v] for v in kept]) for k in ca},
        "changes": {"nodes": gb.number_of_nodes() - ga.number_of_nodes(),
                    "edges": gb.number_of_edges() - ga.number_of_edges(),
                    "density": nx.density(gb) - nx.density(ga)},
    }


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    keep = keep_members()
    ref = compare(network(keep["2007-2013"]), network(keep["2014-2020"]))
    ref["about"] = "keep.eu 2000-2020, NUTS2, 2007-2013 -> 2014-2020 (scripts/reference_compare.py)"
    json.dump(ref, open(os.path.join(outdir, "compare-keep-nuts2-2007-2013-2014-2020.json"), "w"),
              indent=1, sort_keys=True)
    keep = keep_members(programmes=TRANSNATIONAL)
    ref = compare(network(keep["2007-2013"]), network(keep["2014-2020"]))
    ref["about"] = ("keep.eu 2000-2020, NUTS2, transnational programmes present in both periods "
                    "(%s), 2007-2013 -> 2014-2020 (scripts/reference_compare.py)" % TRANSNATIONAL)
    json.dump(ref, open(os.path.join(outdir, "compare-keep-nuts2-transnational.json"), "w"),
              indent=1, sort_keys=True)
    cordis = cordis_members()
    ref = compare(network(cordis["FP7"]), network(cordis["H2020"]))
    ref["about"] = "CORDIS country network, FP7 -> H2020 (scripts/reference_compare.py)"
    json.dump(ref, open(os.path.join(outdir, "compare-cordis-country-fp7-h2020.json"), "w"),
              indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
