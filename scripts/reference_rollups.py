#!/usr/bin/python3
"""Independent reference for the organisation-to-region roll-ups and cross-sector
measures of docs/bridging.md, on keep.eu 2014-2020 (no regnet code):

  * regions as bridges (NUTS2): organisation betweenness summed and averaged per
    region (betweenness from the committed python-igraph reference), organisation
    brokerage by country counted from the definition, observed bridging paths and
    the Berge et al. approximation;
  * cross-sector (organisations by keep.eu legal status): per NUTS2 region the ties
    and cross-sector ties of its organisations, projects by sectors spanned, and the
    ten strongest cross-sector ties.

An organisation's region is the NUTS code of most of its participations (ties: the
smallest code).  Usage: /usr/bin/python3 scripts/reference_rollups.py OUTFILE
"""
import gzip
import json
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402
import reference_bridging  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    nuts = reference.load_nuts()
    rows = reference.load_partners(nuts)
    org = reference.build(rows, nuts, "org")
    codes = defaultdict(Counter)
    seen = set()
    projects = defaultdict(set)
    for project, key, code in rows:
        projects[project].add(key)
        if (project, key) in seen:
            continue  # a repeated (organisation, project) row is merged
        seen.add((project, key))
        if code:
            codes[key][code] += 1
    region = {}
    for key, c in codes.items():
        top = max(c.values())
        region[key] = min(k for k, v in c.items() if v == top)
    r2 = {k: v[:4] for k, v in region.items() if len(v) >= 4}
    sector = reference_bridging.org_sectors()
    ref = json.load(gzip.open(os.path.join(ROOT, "tests/reference/keep-2014-2020-org-alpha1.json.gz"), "rt"))
    betweenness = {k: v["betweenness"] for k, v in ref["nodes"].items()}

    # Brokerage by country (each open two-path once), totals and cross-country roles.
    country = {k: k.split("|", 1)[0] or "(unknown)" for k in org}
    brokerage = {}
    for v in org:
        nb = sorted(org[v])
        total = liaison = gk = 0
        for i in range(len(nb)):
            for j in range(i + 1, len(nb)):
                a, b = nb[i], nb[j]
                if org.has_edge(a, b):
                    continue
                total += 1
                ga, gb, gv = country[a], country[b], country[v]
                if ga != gb and gv != ga and gv != gb:
                    liaison += 1
                elif (ga == gv) != (gb == gv):
                    gk += 1
        brokerage[v] = (total, liaison, gk)

    regions = defaultdict(lambda: {"organisations": 0, "org_betweenness_sum": 0.0, "org_brokerage_sum": 0,
                                   "org_liaison_sum": 0, "org_gatekeeper_representative_sum": 0,
                                   "bridging_paths": 0, "w": Counter()})
    for v in org:
        if v not in r2:
            continue
        r = regions[r2[v]]
        r["organisations"] += 1
        r["org_betweenness_sum"] += betweenness[v]
        t, l, g = brokerage[v]
        r["org_brokerage_sum"] += t
        r["org_liaison_sum"] += l
        r["org_gatekeeper_representative_sum"] += g
        c = Counter(r2[u] for u in org[v] if u in r2 and r2[u] != r2[v])
        s = sum(c.values())
        r["bridging_paths"] += (s * s - sum(x * x for x in c.values())) // 2
        r["w"].update(c)
    out_regions = {}
    for code, r in regions.items():
        w = r.pop("w")
        total = sum(w.values())
        r["org_betweenness_mean"] = r["org_betweenness_sum"] / r["organisations"]
        r["bridging_centrality"] = (total * total - sum(x * x for x in w.values())) / (2 * r["organisations"])
        out_regions[code] = r

    # Cross-sector.
    shares = defaultdict(lambda: {"organisations": 0, "ties": 0, "cross_sector_ties": 0})
    for v in org:
        if sector.get(v) and v in r2:
            shares[r2[v]]["organisations"] += 1
    cross_edges = []
    for a, b, d in org.edges(data=True):
        sa, sb = sector.get(a), sector.get(b)
        if not sa or not sb:
            continue
        if sa != sb:
            x, y = sorted((a, b), key=lambda s: s.encode())
            cross_edges.append((-d["weight"], x.encode(), y.encode(), x, y, d["weight"]))
        for end in (a, b):
            if end in r2 and sector.get(end):
                shares[r2[end]]["ties"] += 1
                shares[r2[end]]["cross_sector_ties"] += sa != sb
    cross_edges.sort()
    span = Counter()
    unknown = 0
    for members in projects.values():
        k = len({sector[m] for m in members if sector.get(m)})
        if k == 0:
            unknown += 1
        else:
            span[str(k)] += 1
    out = {
        "about": "keep.eu 2014-2020 roll-ups and cross-sector measures (scripts/reference_rollups.py)",
        "regions_as_bridges": out_regions,
        "cross_sector": {
            "regions": dict(shares),
            "by_sectors_spanned": dict(span),
            "no_known_sector": unknown,
            "strongest_links": [[e[3], e[4], e[5]] for e in cross_edges[:10]],
        },
    }
    json.dump(out, open(sys.argv[1], "w"), indent=0, sort_keys=True)


if __name__ == "__main__":
    main()
