#!/usr/bin/python3
"""Precision and recall of the sector rules (data/sector_rules.tsv) on organisations
whose source gives the CORDIS activity type: the bundled ECSEL and Horizon Europe
files, loaded without their activityType column and with "sector_from_names"
(tests/fixtures/sectors/*.json), so regnet infers every sector from the name.

Usage: evaluate_sector_rules.py REGNET [--check] [--markdown]
  --check     exit 1 unless the precision of HES and of PRC is at least 0.9
  --markdown  print the confusion matrix and the per-class figures as Markdown
Prints the figures as JSON otherwise (tests/reference/sector-rules-accuracy.json).
"""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

CLASSES = ["HES", "REC", "PRC", "PUB", "OTH"]
SOURCES = [("tests/fixtures/sectors/ecsel-names.json", "data/cordis/ecsel/organizations.csv"),
           ("tests/fixtures/sectors/horizon-europe-names.json",
            "data/cordis/horizon_europe_sample/organization_sample100.csv")]


def evaluate(regnet):
    confusion = collections.Counter()
    seen = set()
    for description, table in SOURCES:
        truth = {}
        for row in csv.DictReader(open(table, encoding="utf-8")):
            truth["pic:" + row["organisationID"]] = row["activityType"]
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "r.json")
            subprocess.run([regnet, "analyze", "-q", "--dataset", description, "--network", "org",
                            "--output", out], check=True)
            report = json.load(open(out))
        for node in report["nodes"]:
            if node["id"] in seen:
                continue  # an organisation in both files counts once
            seen.add(node["id"])
            want = truth[node["id"]]
            if want not in CLASSES:
                continue  # e.g. ECSEL's one "PRC;PRC"
            got = node["sector"] if node["sector_inferred"] else "none"
            confusion[(want, got)] += 1
    result = {"organisations": sum(confusion.values()),
              "confusion": {w: {g: confusion[(w, g)] for g in CLASSES + ["none"]} for w in CLASSES},
              "classes": {}}
    for c in CLASSES:
        predicted = sum(confusion[(w, c)] for w in CLASSES)
        actual = sum(confusion[(c, g)] for g in CLASSES + ["none"])
        result["classes"][c] = {
            "predicted": predicted, "actual": actual, "correct": confusion[(c, c)],
            "precision": confusion[(c, c)] / predicted if predicted else None,
            "recall": confusion[(c, c)] / actual if actual else None}
    covered = sum(confusion[(w, g)] for w in CLASSES for g in CLASSES)
    result["coverage"] = covered / result["organisations"]
    result["accuracy_where_inferred"] = sum(confusion[(c, c)] for c in CLASSES) / covered
    return result


def markdown(r):
    lines = ["| source says \\ rules say | " + " | ".join(CLASSES) + " | none |",
             "|---|" + "---:|" * (len(CLASSES) + 1)]
    for w in CLASSES:
        lines.append("| %s | %s |" % (w, " | ".join(str(r["confusion"][w][g]) for g in CLASSES + ["none"])))
    lines += ["", "| class | precision | recall | inferred | in the source |", "|---|---:|---:|---:|---:|"]
    for c in CLASSES:
        k = r["classes"][c]
        f = lambda x: "-" if x is None else "%.3f" % x
        lines.append("| %s | %s | %s | %d | %d |" % (c, f(k["precision"]), f(k["recall"]), k["predicted"], k["actual"]))
    lines.append("")
    lines.append("%d organisations; a sector inferred for %.1f%%, of which %.1f%% correct." % (
        r["organisations"], 100 * r["coverage"], 100 * r["accuracy_where_inferred"]))
    return "\n".join(lines)


def main():
    r = evaluate(sys.argv[1])
    if "--markdown" in sys.argv:
        print(markdown(r))
    else:
        print(json.dumps(r, indent=1))
    if "--check" in sys.argv:
        bad = [c for c in ("HES", "PRC") if (r["classes"][c]["precision"] or 0) < 0.9]
        print("precision of HES %.3f, of PRC %.3f: %s" % (
            r["classes"]["HES"]["precision"], r["classes"]["PRC"]["precision"],
            "below 0.9: " + ", ".join(bad) if bad else "both at least 0.9"), file=sys.stderr)
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
