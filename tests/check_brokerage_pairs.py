#!/usr/bin/python3
"""Compares every node's brokerage_pairs in a regnet report (--group) with the
reference from R sna (scripts/reference_brokerage_pairs.py), and checks that
per node and role they add up to metrics.brokerage.

Usage: check_brokerage_pairs.py REPORT REFERENCE.json.gz
"""
import gzip
import json
import sys


def main():
    report = json.load(open(sys.argv[1]))
    want = json.load(gzip.open(sys.argv[2], "rt", encoding="utf-8"))["nodes"]
    bad, pairs = [], 0
    for node in report["nodes"]:
        got = [[p["from"], p["to"], p["role"], p["count"]] for p in node["brokerage_pairs"]]
        pairs += len(got)
        if got != want[node["id"]]:
            bad.append("%s: regnet %s, sna %s" % (node["id"], got[:4], want[node["id"]][:4]))
        totals = {}
        for p in node["brokerage_pairs"]:
            totals[p["role"]] = totals.get(p["role"], 0) + p["count"]
        for role in ("coordinator", "itinerant", "gatekeeper_representative", "liaison"):
            if abs(totals.get(role, 0) - node["metrics"]["brokerage"][role]) > 1e-9:
                bad.append("%s: %s pairs add up to %s, metrics.brokerage says %s" % (
                    node["id"], role, totals.get(role, 0), node["metrics"]["brokerage"][role]))
    if len(want) != len(report["nodes"]):
        bad.append("%d nodes, reference %d" % (len(report["nodes"]), len(want)))
    for b in bad[:10]:
        print(b)
    print("brokerage pairs: %d nodes, %d pairs; %d mismatches" % (len(report["nodes"]), pairs, len(bad)))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
