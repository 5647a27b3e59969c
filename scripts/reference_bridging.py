#!/usr/bin/python3
"""Independent reference values for regnet's bridging analyses (docs/bridging.md).

Networks are rebuilt from the raw keep.eu export by scripts/reference.py's
code (no regnet code).  Then:
  * brokerage: R sna::brokerage (scripts/brokerage.R), converted to unordered
    counts (w_I, w_O, b_O, t halved; b_IO as is) as docs/bridging.md says;
  * constraint, effective size, core numbers, cut points, bridges,
    assortativity: NetworkX;
  * efficiency, hierarchy, E-I index (network, group, node, weighted,
    rescaled, permutation test with splitmix64): direct implementations of
    the definitions below.

Usage: /usr/bin/python3 scripts/reference_bridging.py OUTDIR
Writes keep-2014-2020-region-nuts2-country-bridging.json and
keep-2014-2020-org-sector-bridging.json.gz (NetworkX's constraint and effective
size take minutes on the dense NUTS2 network).
"""
import csv
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

MASK = (1 << 64) - 1
UNKNOWN = "(unknown)"


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def random_below(state, bound):
    threshold = ((1 << 64) - bound) % bound
    while True:
        state, r = splitmix64(state)
        if r >= threshold:
            return state, r % bound


def org_sectors():
    """First public/private legal status of each organisation, in file order;
    an organisation joined by postcode (docs/networks.md) keeps its own
    status, else takes the first joined spelling's (in order of appearance)."""
    own, keyed = {}, []
    nuts = reference.load_nuts()
    for r in reference.partner_rows():
        code = reference.first_known_code(r, reference.KEEP_REGION_COLUMNS, nuts)
        key = reference.org_key(r["Project Partner"].strip(), reference.row_country(r, code))
        keyed.append((key, r["Postal code"]))
        legal = r["Legal Status"].strip().lower()
        if legal in ("public", "private") and not own.get(key):
            own[key] = legal
        own.setdefault(key, "")
    sector = {}
    for key, kept in reference.joined_by_postcode(keyed).items():  # order of appearance
        if not sector.get(kept):
            sector[kept] = own[kept] or own[key]
    return sector


def brokerage_sna(g, nodes, group):
    with tempfile.TemporaryDirectory() as tmp:
        index = {v: i + 1 for i, v in enumerate(nodes)}
        with open(os.path.join(tmp, "e.csv"), "w") as f:
            f.write("a,b\n")
            for a, b in g.edges():
                f.write("%d,%d\n" % (index[a], index[b]))
        with open(os.path.join(tmp, "g.csv"), "w") as f:
            f.write("group\n")
            for v in nodes:
                f.write('"%s"\n' % group[v])
        out = os.path.join(tmp, "o.csv")
        subprocess.run(["Rscript", os.path.join(os.path.dirname(os.path.abspath(__file__)), "brokerage.R"),
                        os.path.join(tmp, "e.csv"), os.path.join(tmp, "g.csv"), out], check=True)
        rows = list(csv.DictReader(open(out)))

    def convert(row, prefix):
        v = lambda k: float(row[prefix + k]) if row[prefix + k] not in ("NA", "NaN") else float("nan")
        return {"coordinator": v("w_I") / 2, "itinerant": v("w_O") / 2,
                "gatekeeper_representative": v("b_IO"), "liaison": v("b_O") / 2, "total": v("t") / 2}

    def z(row):
        o, e, s = convert(row, "raw_"), convert(row, "exp_"), convert(row, "sd_")
        return {k: (o[k] - e[k]) / s[k] if s[k] > 0 else None for k in o}

    per_node = {v: (convert(rows[i], "raw_"), z(rows[i])) for i, v in enumerate(nodes)}
    net = rows[-1]
    network = {"observed": convert(net, "raw_"), "expected": convert(net, "exp_"), "sd": convert(net, "sd_")}
    return per_node, network


def hierarchy(g, v, constraint, strength):
    contacts = list(g[v])
    n = len(contacts)
    if n < 2:
        return None
    p = lambda a, b: g[a][b]["weight"] / strength[a] if g.has_edge(a, b) else 0.0
    total = 0.0
    for j in contacts:
        c = (p(v, j) + sum(p(v, q) * p(q, j) for q in contacts if q != j)) ** 2
        r = c / (constraint / n)
        total += r * math.log(r) if r > 0 else 0.0
    return total / (n * math.log(n))


def ei(external, internal):
    return (external - internal) / (external + internal) if external + internal else None


def ei_block(g, nodes, group, permutations=1000, seed=1):
    E = sum(1 for a, b in g.edges() if group[a] != group[b])
    m = g.number_of_edges()
    I = m - E
    Ew = sum(d["weight"] for a, b, d in g.edges(data=True) if group[a] != group[b])
    Iw = sum(d["weight"] for a, b, d in g.edges(data=True)) - Ew
    sizes = {}
    for v in nodes:
        sizes[group[v]] = sizes.get(group[v], 0) + 1
    n = len(nodes)
    imax = sum(s * (s - 1) / 2 for s in sizes.values())
    emax = (n * n - sum(s * s for s in sizes.values())) / 2
    e_hi = min(m, emax)
    i_hi = min(m, imax)
    mx, mn = (e_hi - (m - e_hi)) / m, ((m - i_hi) - i_hi) / m
    # Permutation test: Fisher-Yates over node order, splitmix64 from the seed.
    labels = [group[v] for v in nodes]
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in g.edges()]
    state, greater, less = seed, 0, 0
    for _ in range(permutations):
        for i in range(n, 1, -1):
            state, j = random_below(state, i)
            labels[i - 1], labels[j] = labels[j], labels[i - 1]
        e = sum(1 for a, b in edges if labels[a] != labels[b])
        greater += e >= E
        less += e <= E
    pg, pl = (1 + greater) / (1 + permutations), (1 + less) / (1 + permutations)
    groups = {}
    for k in sorted(sizes, key=lambda s: s.encode()):
        ext = sum(1 for a, b in g.edges() if (group[a] == k) != (group[b] == k))
        inn = sum(1 for a, b in g.edges() if group[a] == k and group[b] == k)
        extw = sum(d["weight"] for a, b, d in g.edges(data=True) if (group[a] == k) != (group[b] == k))
        innw = sum(d["weight"] for a, b, d in g.edges(data=True) if group[a] == k and group[b] == k)
        groups[k] = {"external": ext, "internal": inn, "ei": ei(ext, inn), "ei_weighted": ei(extw, innw)}
    return {
        "network": {"external": E, "internal": I, "ei": ei(E, I)},
        "network_weighted": {"external": Ew, "internal": Iw, "ei": ei(Ew, Iw)},
        "expected": (emax - imax) / (emax + imax), "minimum": mn, "maximum": mx,
        "rescaled": 2 * (ei(E, I) - mn) / (mx - mn) - 1,
        "permutation_test": {"permutations": permutations, "seed": seed, "p_greater": pg, "p_less": pl,
                             "p_value": min(1.0, 2 * min(pg, pl))},
        "groups": groups,
    }


def bridging(g, group):
    nodes = sorted(g, key=lambda s: s.encode())
    brok, brok_net = brokerage_sna(g, nodes, group)
    constraint = nx.constraint(g, weight="weight")
    esize = nx.effective_size(g, weight="weight")
    core = nx.core_number(g)
    cuts = set(nx.articulation_points(g))
    strength = dict(g.degree(weight="weight"))
    per = {}
    for v in nodes:
        deg = g.degree(v)
        ext = sum(1 for u in g[v] if group[u] != group[v])
        extw = sum(d["weight"] for u, d in g[v].items() if group[u] != group[v])
        sw = sum(d["weight"] for d in g[v].values())
        c = constraint[v] if deg else None
        per[v] = {
            "constraint": c,
            "effective_size": esize[v] if deg else None,
            "efficiency": esize[v] / deg if deg else None,
            "hierarchy": hierarchy(g, v, c, strength) if deg else None,
            "coreness": core[v],
            "cut_point": v in cuts,
            "brokerage": brok[v][0],
            "brokerage_z": brok[v][1],
            "ei_index": ei(ext, deg - ext),
            "ei_index_weighted": ei(extw, sw - extw),
        }
    nx.set_node_attributes(g, group, "group")
    out = {
        "nodes": per,
        "brokerage": brok_net,
        "ei_index": ei_block(g, nodes, group),
        "assortativity": {"nominal": nx.attribute_assortativity_coefficient(g, "group")},
        "cohesion": {"cut_points": len(cuts), "bridges": sum(1 for _ in nx.bridges(g)),
                     "max_coreness": max(core.values())},
    }
    return out


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    nuts = reference.load_nuts()
    rows = reference.load_partners(nuts)
    region = reference.build(rows, nuts, "region", 2)
    ref = bridging(region, {v: v[:2] for v in region})
    ref["about"] = "keep.eu 2014-2020 NUTS2 region network grouped by country (scripts/reference_bridging.py)"
    with open(os.path.join(outdir, "keep-2014-2020-region-nuts2-country-bridging.json"), "w") as f:
        json.dump(ref, f, indent=0, sort_keys=True)
        f.write("\n")
    org = reference.build(rows, nuts, "org")
    sectors = org_sectors()
    ref = bridging(org, {v: sectors.get(v) or UNKNOWN for v in org})
    ref["about"] = "keep.eu 2014-2020 organisation network grouped by sector (scripts/reference_bridging.py)"
    with gzip.open(os.path.join(outdir, "keep-2014-2020-org-sector-bridging.json.gz"), "wt") as f:
        json.dump(ref, f, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
