#!/usr/bin/python3
"""Compares a NUTS2 report made with --nuts-edition 2021 with the reference of
scripts/reference_harmonise.py: node ids, edges and weights exactly, and the
harmonisation counts.  Usage: check_harmonise.py REPORT REFERENCE"""
import json
import sys

report = json.load(open(sys.argv[1]))
ref = json.load(open(sys.argv[2]))
failures = []
nodes = sorted(n["id"] for n in report["nodes"])
if nodes != ref["nodes"]:
    failures.append("node ids differ: %s" % sorted(set(nodes) ^ set(ref["nodes"]))[:10])
edges = sorted([e["source"], e["target"], e["weight"]] for e in report["edges"])
if edges != ref["edges"]:
    failures.append("edges differ: %d vs %d" % (len(edges), len(ref["edges"])))
h = [f for f in report["provenance"]["files"] if f["format"] == "nuts-harmonisation"][0]
counts = h["counts"]
got = {"codes": sum(counts.values()), "codes_kept": counts.get("codes kept as they are", 0),
       "codes_changed": counts.get("codes renamed or merged", 0) +
       counts.get("codes split across regions (largest population share taken)", 0),
       "unmapped_participations": h["rows_rejected"]}
got["codes_unmapped"] = sorted(reason.split(":")[0][len("code "):] for reason in h["rejected_by_reason"])
for k, v in got.items():
    if v != ref[k]:
        failures.append("%s: %r, reference %r" % (k, v, ref[k]))
print("%d nodes, %d edges, codes %s; %d mismatches %s" % (len(nodes), len(edges), got, len(failures), failures))
sys.exit(1 if failures else 0)
