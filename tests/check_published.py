#!/usr/bin/python3
"""Independent rebuild of the issue-9 fixture (tests/fixtures/published/)
from the raw keep.eu rows, with no regnet code, compared with regnet's
reports of the published descriptions.

For each member the descriptions use, the rebuild does what the member
means on the raw rows: where (drop the Italy - Austria programme: not_in,
matches, in), invalid_region "unlocated" (the "-" cells), constants (a
theme on every project), null
values and region names (the NUTS 3 code of the raw cell when the 2013
table knows it at level 3, else unlocated), country names (the code of
keep.eu's country cell), periods (the project's start year in 2014-2016 or
2017-2020), the project table's period, lon/lat (first per organisation).

Usage: check_published.py DIR   (DIR holds regnet's reports: NAME-KIND.json
and NAME-describe.json for NAME in clean, published, published-json,
published-lenient)
"""
import csv
import json
import os
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "tests", "fixtures", "published")
DROP = "2014 - 2020 INTERREG V-A Italy - Austria"
PHASES = [("2014-2016", 2014, 2016), ("2017-2020", 2017, 2020)]


def org_key(name, country):
    folded = unicodedata.normalize("NFKC", name.casefold())
    return country.upper() + "|" + " ".join(folded.split())


def rebuild():
    nuts = {r["NUTS_ID"]: r for r in csv.DictReader(open(
        os.path.join(ROOT, "data/nuts/nuts2013_all_levels_ropensci.csv"), encoding="utf-8"))}
    start = {(p["Programme"], p["Acronym"]): p["Project start"]
             for p in csv.DictReader(open(os.path.join(FIX, "raw_projects.csv"), encoding="utf-8"))}
    raw = list(csv.DictReader(open(os.path.join(FIX, "raw.csv"), encoding="utf-8")))
    rows = []
    for r in raw:
        if r["Programme"] == DROP:
            continue
        code = r["NUTS3"].split(" / ")[0].strip()
        code = code if code in nuts and nuts[code]["LEVL_CODE"] == "3" else None
        country = {"GR": "EL", "GB": "UK"}.get(r["Country.Code"][:2], r["Country.Code"][:2])
        s = start.get((r["Programme"], r["Acronym"]), "")
        period = next((n for n, a, b in PHASES if s and a <= int(s[:4]) <= b), "")
        project = (r["Programme"].split(" ", 3)[3], r["Acronym"])
        lonlat = (float(r["lon"]), float(r["lat"])) if r["lon"] and r["lat"] else None
        rows.append(dict(project=project, org=org_key(r["Project.Partner"], country), nuts=code,
                         country=country, period=period, lonlat=lonlat))
    return raw, rows


def network(rows, kind, period=None):
    members = defaultdict(set)
    for r in rows:
        if period and r["period"] != period:
            continue
        if kind == "region3":
            node = r["nuts"]
        elif kind == "region2":
            node = r["nuts"][:4] if r["nuts"] else None
        elif kind == "country":
            node = r["country"]
        else:
            node = r["org"]
        if node:
            members[r["project"]].add(node)
    nodes, edges = set(), defaultdict(int)
    for m in members.values():
        nodes |= m
        s = sorted(m, key=lambda x: x.encode())
        for i in range(len(s)):
            for j in range(i + 1, len(s)):
                edges[(s[i], s[j])] += 1
    return nodes, dict(edges)


def from_report(path):
    d = json.load(open(path))
    nodes = {n["id"] for n in d["nodes"]}
    edges = {tuple(sorted((e["source"], e["target"]), key=lambda x: x.encode())): e["weight"]
             for e in d["edges"]}
    return nodes, edges


def main():
    out = sys.argv[1]
    raw, rows = rebuild()
    bad = 0
    kinds = ["region3", "region2", "country", "org", "org-2014-2016", "org-2017-2020"]
    for name in ("clean", "published", "published-json", "published-lenient"):
        for kind in kinds:
            base, _, period = kind.partition("-")
            want = network(rows, base, period or None)
            got = from_report(os.path.join(out, "%s-%s.json" % (name, kind)))
            same = want == got
            bad += not same
            print("%s %s: %d nodes, %d edges: %s" % (name, kind, len(got[0]), len(got[1]),
                                                      "same as the rebuild" if same else "DIFFERENT"))
        d = json.load(open(os.path.join(out, "%s-describe.json" % name)))
        files = [f for f in d["provenance"]["files"] if f["format"] in ("csv", "json")]
        f = files[0]
        want_read = len(rows) if name == "clean" else len(raw)
        want_rejected = 0 if name == "clean" else len(raw) - len(rows)
        positions = {}
        for r in rows:
            if r["lonlat"] and r["org"] not in positions:
                positions[r["org"]] = r["lonlat"]
        checks = {
            "rows read": (f["rows_read"], want_read),
            "read = loaded + merged + rejected": (f["rows_loaded"] + f["rows_merged"] + f["rows_rejected"], f["rows_read"]),
            "rows rejected (where)": (f["rows_rejected"], want_rejected),
            "participations": (d["totals"]["participations"], len({(r["project"], r["org"]) for r in rows})),
            "unlocated": (d["nuts"]["participations_unlocated"], sum(1 for r in rows if not r["nuts"])),
            "organisations with lon/lat": (d["totals"]["organisations_with_position"], len(positions)),
            # the organisation report places an organisation at its source's lon/lat
            "organisation nodes at their source's lon/lat": (
                len({n["id"]: (n["lon"], n["lat"]) for n in json.load(open(os.path.join(out, "%s-org.json" % name)))["nodes"]
                     if n["coordinates_from"] == "source"}.items() ^ positions.items()) == 0 and len(positions),
                len(positions)),
            "periods": ({p["name"]: p["projects"] for p in d["periods"]},
                        {n: len({r["project"] for r in rows if r["period"] == n}) for n, _, _ in PHASES}),
        }
        if name != "clean":
            checks["region cells given by name"] = (f["counts"].get("region cells given by name", 0),
                                                    sum(1 for r in rows if r["nuts"]))
            checks["country cells given by name"] = (f["counts"].get("country cells given by name", 0), len(rows))
        if name == "published-lenient":
            # invalid_region "unlocated": the "-" cells are kept, unlocated, counted by
            # reason; constants.theme: every project with participants has the theme.
            checks["unlocated by reason"] = (d["nuts"]["unlocated_by_reason"],
                                             {"region name matches no region": sum(1 for r in rows if not r["nuts"])})
            checks["constant theme"] = (d["themes"], [{"name": "Interreg V (2014-2020)",
                                                       "projects": len({r["project"] for r in rows})}])
        for what, (got, want) in checks.items():
            ok = got == want
            bad += not ok
            print("%s %s: %s%s" % (name, what, got, "" if ok else " (rebuild: %s)" % (want,)))
    print("published: %s" % ("all agree" if not bad else "%d differences" % bad))
    sys.exit(1 if bad else 0)


main()
