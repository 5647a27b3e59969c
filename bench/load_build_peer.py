#!/usr/bin/python3
"""Python peer of bench/load_build.c: load CORDIS FP7 (edges + organisations),
Horizon 2020 participations (with role and sector) and Horizon 2020 programme
parts (the project themes regnet reads from data/fp7-h2020.json's csv-projects
source) with the csv and gzip modules, build the
organisation, country and NUTS2 region networks with NetworkX (edge weight =
shared projects), print times and peak memory.  NUTS 2013 codes are mapped to
NUTS 2021 with the JRC converter matrices (largest pop21 share), as regnet does
by default, and country codes are written in the EU's spelling (GR -> EL).
Usage: /usr/bin/python3 bench/load_build_peer.py
"""
import csv
import gzip
import os
import resource
import sys
import time
from collections import defaultdict


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from reference import graph_of  # noqa: E402  (project -> nodes => weighted nx.Graph)
from reference_harmonise import converter  # noqa: E402  (largest pop21 share, JRC matrices)


# Country codes in the EU's spelling (docs/networks.md).
EU = {"GR": "EL", "GB": "UK", "KO": "XK"}


def main():
    t0 = time.perf_counter()
    with open(os.path.join(ROOT, "data/nuts/nuts2013_all_levels_ropensci.csv"), encoding="utf-8") as f:
        nuts = {r["NUTS_ID"]: int(r["LEVL_CODE"]) for r in csv.DictReader(f)}
    with open(os.path.join(ROOT, "data/nuts/nuts2021_all_levels_ropensci.csv"), encoding="utf-8") as f:
        nuts21 = {r["NUTS_ID"]: int(r["LEVL_CODE"]) for r in csv.DictReader(f)}
    steps = [converter("2013", "2016"), converter("2016", "2021")]

    def to2021(code):
        for step in steps:
            code = step.get(code, code)
        return code if code in nuts21 else None
    orgs = {}
    with gzip.open(os.path.join(ROOT, "data/cordis/fp7_organisations.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            orgs.setdefault(r["new_org_id"], (EU.get(r["country"], r["country"]), r["REGION_Level_NUTS_3"]))
    rows = []  # (project, org, country, region)
    with gzip.open(os.path.join(ROOT, "data/cordis/fp7_project_organisation_edges.tsv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            c, code = orgs.get(r["new_org_id"], ("", ""))
            rows.append((("FP7", r["projectRcn"]), "fp7:" + r["new_org_id"], c, to2021(code) if code in nuts else None))
    sectors, leads = {}, set()
    with gzip.open(os.path.join(ROOT, "data/cordis/h2020_participations_eunets.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append((("H2020", r["rcn"]), "pic:" + r["pic"], EU.get(r["country"], r["country"]), None))
            sectors.setdefault("pic:" + r["pic"], r["type"])
            if r["role"] == "coordinator":
                leads.add((("H2020", r["rcn"]), "pic:" + r["pic"]))
    themes = defaultdict(list)  # project -> programme parts
    with gzip.open(os.path.join(ROOT, "data/cordis/h2020_programme_parts_eunets.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            themes[("H2020", r["rcn"])].append(r["programme_part"])
    t1 = time.perf_counter()
    print("load: %.3f s (%d participations, %d projects with programme parts)" % (t1 - t0, len(rows), len(themes)))
    for name, key in (("org", lambda r: r[1]), ("country", lambda r: r[2] or None),
                      ("region", lambda r: r[3][:4] if r[3] and nuts21[r[3]] >= 2 else None)):
        t = time.perf_counter()
        members = defaultdict(set)
        for r in rows:
            k = key(r)
            if k:
                members[r[0]].add(k)
        g = graph_of(members)
        print("build %s: %.3f s (%d nodes, %d edges)" % (name, time.perf_counter() - t, g.number_of_nodes(),
                                                         g.number_of_edges()))
    print("total: %.3f s, peak memory %.0f MB" % (time.perf_counter() - t0,
                                                   resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


if __name__ == "__main__":
    main()
