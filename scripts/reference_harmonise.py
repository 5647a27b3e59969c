#!/usr/bin/python3
"""Independent reference for NUTS harmonisation (docs/dataset.md).

Maps the keep.eu 2014-2020 partners' NUTS 2013 codes to NUTS 2021 (2013 -> 2016
-> 2021) or NUTS 2024 (2013 -> 2016 -> 2024) with the JRC converter matrices
(largest pop21 share, ties to the smaller code; codes the matrices do not list
pass unchanged; a result the target table lacks leaves the partner unlocated),
then builds the NUTS2 region network.  No regnet code.

Usage: /usr/bin/python3 scripts/reference_harmonise.py OUTFILE [2021|2024]
"""
import csv
import json
import os
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402  (partner rows, code choice, graph; the mapping itself is below)


def table(edition):
    with open(os.path.join(ROOT, "data/nuts/nuts%s_all_levels_ropensci.csv" % edition), encoding="utf-8") as f:
        return {r["NUTS_ID"]: int(r["LEVL_CODE"]) for r in csv.DictReader(f)}


def converter(a, b):
    best = {}
    for level in (2, 3):
        with open(os.path.join(ROOT, "data/nuts/jrc/n%d_cm_v%s_v%s.csv" % (level, a, b))) as f:
            for r in csv.DictReader(f):
                src, dst, pop = r["code_v" + a], r["code_v" + b], float(r["pop21"])
                if src not in best or pop > best[src][1] or (pop == best[src][1] and dst < best[src][0]):
                    best[src] = (dst, pop)
    return {k: v[0] for k, v in best.items()}


def main():
    edition = sys.argv[2] if len(sys.argv) > 2 else "2021"
    n13, n21 = table("2013"), table(edition)
    convert = reference.harmonisation(edition)
    members = defaultdict(set)
    seen = {}
    unlocated = 0
    for r in reference.partner_rows():
        key = (r["Programme"].strip(), r["Acronym"].strip())
        code = reference.first_known_code(r, reference.KEEP_REGION_COLUMNS, n13)
        members[key]
        if not code:
            continue
        mapped = convert(code)
        seen[code] = mapped
        if mapped not in n21:
            unlocated += 1
            continue
        if n21[mapped] >= 2:
            members[key].add(mapped[:4])
    g = reference.graph_of(members)
    nodes = list(g.nodes())
    edges = {tuple(sorted((a, b))): d["weight"] for a, b, d in g.edges(data=True)}
    out = {
        "about": "keep.eu 2014-2020 partners, NUTS 2013 -> 2016 -> %s (JRC, pop21), NUTS2 network "
                 "(scripts/reference_harmonise.py)" % edition,
        # distinct codes that map to a region of the target edition
        "codes": sum(1 for b in seen.values() if b in n21),
        "codes_kept": sum(1 for a, b in seen.items() if a == b and b in n21),
        "codes_changed": sum(1 for a, b in seen.items() if a != b and b in n21),
        "codes_unmapped": sorted(a for a, b in seen.items() if b not in n21),
        "unmapped_participations": unlocated,
        "nodes": sorted(nodes),
        "edges": sorted([a, b, w] for (a, b), w in edges.items()),
    }
    json.dump(out, open(sys.argv[1], "w"), indent=0)


if __name__ == "__main__":
    main()
