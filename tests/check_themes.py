#!/usr/bin/python3
"""Checks project themes against the raw keep.eu 2014-2020 export (no regnet code):
network.projects_by_theme of a report without filters, and the NUTS2 network of
a report made with --themes REGEX (nodes, edges, weights, projects selected).

Themes of a project (docs/networks.md): Thematic1-3, then the thematic objective
"(n) text by:" written "TOn text".  A project counts when it has a participant.

Usage: check_themes.py ALL_REPORT FILTERED_REPORT REGEX
"""
import csv
import json
import os
import re
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import reference  # noqa: E402


def project_themes():
    themes = {}
    with open(os.path.join(ROOT, "data/keep/keep_closed_2014_2020_projects.csv"), encoding="utf-8",
              newline="") as f:
        for r in csv.DictReader(f):
            key = (r["Programme"].strip(), r["Acronym"].strip())
            if key in themes:
                continue  # a repeated project row is merged
            each = [r[c].strip() for c in ("Thematic1", "Thematic2", "Thematic3") if r[c].strip()]
            objective = r["Thematic Obj"].strip()
            if objective.endswith(" by:"):
                objective = objective[:-4]
            m = re.match(r"\((\d+)\)\s*(.*)", objective)
            if m and 1 <= int(m.group(1)) <= 11:
                objective = "TO%s %s" % (m.group(1), m.group(2))
            if objective:
                each.append(objective)
            themes[key] = each
    return themes


def main():
    everything, filtered = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
    regex = re.compile(sys.argv[3], re.IGNORECASE)
    themes = project_themes()
    rows = reference.load_partners(reference.load_nuts())
    with_participants = {project for project, _, _ in rows}
    expected = Counter(t for p in with_participants for t in set(themes.get(p, [])))
    failures = []
    got = everything["network"]["projects_by_theme"]
    if got != dict(expected):
        diff = sorted(set(got.items()) ^ set(expected.items()))[:5]
        failures.append("projects_by_theme differs: %s" % diff)
    selected = [r for r in rows if any(regex.search(t) for t in themes.get(r[0], []))]
    g = reference.build(selected, None, "region", 2)
    edges = sorted(sorted([a, b]) + [d["weight"]] for a, b, d in g.edges(data=True))
    got_edges = sorted([e["source"], e["target"], e["weight"]] for e in filtered["edges"])
    if filtered["network"]["projects_selected"] != len({r[0] for r in selected}):
        failures.append("projects_selected %d, expected %d" % (filtered["network"]["projects_selected"],
                                                                len({r[0] for r in selected})))
    if sorted(n["id"] for n in filtered["nodes"]) != sorted(g.nodes()):
        failures.append("nodes differ")
    if got_edges != edges:
        failures.append("edges differ: %d vs %d" % (len(got_edges), len(edges)))
    print("%d themes; --themes %r: %d projects, %d nodes, %d edges; %d mismatches %s" % (
        len(expected), sys.argv[3], filtered["network"]["projects_selected"], g.number_of_nodes(),
        g.number_of_edges(), len(failures), failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
