#!/usr/bin/python3
"""Builds tests/fixtures/published/ (issue 9): a slice of a real partner list
changed the way such lists are published, and a hand-cleaned copy of it.

Source (real): five 2014-2020 programmes of keep.eu's closed-project
participations (data/keep/keep_closed_2000_2020_participations.csv.gz) and
their projects' start dates (data/keep/keep_closed_2014_2020_projects.csv).
Copied as they are into raw.csv and raw_projects.csv (only the columns used).

As published (partners.csv, projects.csv, partners.json):
  * the programme without its period prefix;
  * region names instead of NUTS 3 codes (the NUTS 2013 name of the code;
    every third one upper-cased without accents, as exports write them), the
    code itself where the name is shared by two level-3 regions, and "-" where
    the code is unknown or missing;
  * the country in the country's own language (the national part of keep.eu's
    "AT Austria / ÖSTERREICH" cell, in title case);
  * no period on the partner rows: a project table holds each project's start
    year, which the description maps into two phases;
  * lon/lat as the source gives them ("NA" where missing);
  * a JSON copy of partners.csv, records at export.rows with nested members.
One programme (Italy - Austria) is in the published files and filtered out by "where".

Hand-cleaned (clean.csv): codes, the phase on every row, only the two
programmes kept.

Usage: /usr/bin/python3 scripts/make_published_fixture.py
"""
import csv
import gzip
import json
import os
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "published")
KEEP = ["2014 - 2020 INTERREG V-A Austria - Germany / Bavaria (Bayern - Österreich)",
        "2014 - 2020 INTERREG V-A Slovakia - Hungary",
        "2014 - 2020 Interreg IPA CBC Croatia – Bosnia and Herzegovina - Montenegro",
        "2014 - 2020 Interreg IPA CBC Greece - Albania"]
DROP = "2014 - 2020 INTERREG V-A Italy - Austria"
PHASES = [("2014-2016", 2014, 2016), ("2017-2020", 2017, 2020)]
SPECIAL = {"ß": "ss", "ł": "l", "đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}


def fold(name):
    out = []
    for c in unicodedata.normalize("NFKD", name.casefold()):
        if c in SPECIAL:
            out.append(SPECIAL[c])
        elif not unicodedata.category(c).startswith("M") and c.isalnum():
            out.append(c)
    return "".join(out)


def plain(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main():
    os.makedirs(OUT, exist_ok=True)
    nuts = {r["NUTS_ID"]: r for r in csv.DictReader(open(
        os.path.join(ROOT, "data/nuts/nuts2013_all_levels_ropensci.csv"), encoding="utf-8"))}
    by_name = {}
    for code, r in nuts.items():
        if r["LEVL_CODE"] == "3":
            by_name.setdefault(fold(r["NAME_LATN"]), []).append(code)
    with gzip.open(os.path.join(ROOT, "data/keep/keep_closed_2000_2020_participations.csv.gz"),
                   "rt", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = [r for r in reader if r["Programme"] in KEEP + [DROP]]
    with open(os.path.join(ROOT, "data/keep/keep_closed_2014_2020_projects.csv"),
              encoding="utf-8", newline="") as f:
        projects = [{k: p[k] for k in ("Programme", "Acronym", "Project start")}
                    for p in csv.DictReader(f) if p["Programme"] in KEEP + [DROP]]
    with open(os.path.join(OUT, "raw.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(OUT, "raw_projects.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["Programme", "Acronym", "Project start"], lineterminator="\n")
        w.writeheader()
        w.writerows(projects)
    start = {(p["Programme"], p["Acronym"]): p["Project start"] for p in projects}

    def base(programme):
        return programme.split(" ", 3)[3]  # "2014 - 2020 X" -> "X"

    def code_of(r):
        c = r["NUTS3"].split(" / ")[0].strip()
        return c if c in nuts and nuts[c]["LEVL_CODE"] == "3" else ""

    def phase_of(programme, acronym):
        s = start.get((programme, acronym), "")
        if not s:
            return ""
        year = int(s[:4])
        return next(name for name, a, b in PHASES if a <= year <= b)

    published, clean, records = [], [], []
    for i, r in enumerate(rows):
        code = code_of(r)
        if not code:
            region = "-"
        elif len(by_name[fold(nuts[code]["NAME_LATN"])]) > 1:
            region = code
        else:
            region = nuts[code]["NAME_LATN"]
            if i % 3 == 2:
                region = plain(region).upper()
        national = r["Country.Code"].split(" / ")[-1].strip().title()
        lon, lat = r["lon"] or "NA", r["lat"] or "NA"
        published.append({"Programm": base(r["Programme"]), "Projekt": r["Acronym"],
                          "Partner": r["Project.Partner"], "Lead partner": r["Lead.Partner"],
                          "Land": national, "NUTS 3": region, "lon": lon, "lat": lat})
        records.append({"programme": base(r["Programme"]), "project": {"acronym": r["Acronym"]},
                        "partner": {"name": r["Project.Partner"], "lead": r["Lead.Partner"] == "Yes",
                                    "country": national, "nuts3": region},
                        "location": {"lon": float(r["lon"]) if r["lon"] else None,
                                     "lat": float(r["lat"]) if r["lat"] else None}})
        if r["Programme"] == DROP:
            continue
        clean.append({"Programme": base(r["Programme"]), "Acronym": r["Acronym"],
                      "Organisation": r["Project.Partner"], "Lead": r["Lead.Partner"],
                      "Country": r["Country.Code"][:2], "NUTS3": code,
                      "Phase": phase_of(r["Programme"], r["Acronym"]),
                      "lon": r["lon"], "lat": r["lat"]})
    for name, data in (("partners.csv", published), ("clean.csv", clean)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, list(data[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(data)
    with open(os.path.join(OUT, "projects.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Programm", "Projekt", "Start"])
        for p in projects:
            if p["Programme"] != DROP:
                w.writerow([base(p["Programme"]), p["Acronym"], p["Project start"][:4]])
    with open(os.path.join(OUT, "partners.json"), "w", encoding="utf-8") as f:
        json.dump({"export": {"source": "keep.eu (Interact)", "rows": records}}, f,
                  ensure_ascii=False, indent=1)
        f.write("\n")
    print(len(rows), "rows,", len(clean), "kept,", len(projects), "projects")


main()
