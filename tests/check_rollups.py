#!/usr/bin/python3
"""Compares regions-as-bridges roll-ups (REGION report made with --group country
--bridges) and cross-sector measures (ORG report made with --group sector) with
scripts/reference_rollups.py (1e-9 relative).
Usage: check_rollups.py REGION_REPORT ORG_REPORT REFERENCE"""
import json
import sys

region = json.load(open(sys.argv[1]))
org = json.load(open(sys.argv[2]))
ref = json.load(open(sys.argv[3]))
failures, compared = [], 0


def close(got, want, what):
    global compared
    compared += 1
    if got is None or abs(got - want) > 1e-9 * max(1.0, abs(want)):
        failures.append("%s: %r, reference %r" % (what, got, want))


nodes = {n["id"]: n for n in region["nodes"]}
for code, want in ref["regions_as_bridges"].items():
    for k, v in want.items():
        close(nodes[code]["bridging"][k], v, "%s %s" % (code, k))
for code, n in nodes.items():
    if code not in ref["regions_as_bridges"] and n["bridging"]["organisations"]:
        failures.append("%s has organisations only in regnet" % code)
x = org["analyses"]["cross_sector"]
got = {r["region"]: r for r in x["regions"]}
if set(got) != set(ref["cross_sector"]["regions"]):
    failures.append("cross-sector region sets differ")
for code, want in ref["cross_sector"]["regions"].items():
    for k, v in want.items():
        close(got.get(code, {}).get(k), v, "cross-sector %s %s" % (code, k))
if x["projects"]["by_sectors_spanned"] != ref["cross_sector"]["by_sectors_spanned"]:
    failures.append("projects by sectors spanned differ")
close(x["projects"]["no_known_sector"], ref["cross_sector"]["no_known_sector"], "no_known_sector")
links = [[l["source"], l["target"], l["weight"]] for l in x["strongest_links"]]
if links != ref["cross_sector"]["strongest_links"]:
    failures.append("strongest links differ: %s vs %s" % (links[:2], ref["cross_sector"]["strongest_links"][:2]))
for f in failures[:20]:
    print("MISMATCH", f)
print("%d values compared; %d mismatches" % (compared, len(failures)))
sys.exit(1 if failures else 0)
