#!/usr/bin/python3
"""Compares regnet recommend's reports with tests/reference/recommend.json
(NetworkX link-prediction scores, scikit-learn AUCs) and recomputes the AUC of
the combined score and of the random baseline from the evaluated pairs with
scikit-learn's roc_auc_score.
Usage: check_recommend.py SI04.json TUM.json EVAL_NUTS2.json PAIRS_NUTS2.csv EVAL_COUNTRY.json PAIRS_COUNTRY.csv
"""
import csv
import json
import math
import sys

from sklearn.metrics import roc_auc_score

ref = json.load(open("tests/reference/recommend.json"))
si04, tum, eval_nuts2, pairs_nuts2, eval_country, pairs_country = sys.argv[1:7]
bad = 0
NAMES = ("common_neighbours", "adamic_adar", "resource_allocation", "jaccard",
         "preferential_attachment")


def tied(values):
    """Values within 1e-12 x max|value| of the lowest of a run take its value
    (regnet's tie rule, docs/recommend.md): float sums in another order."""
    tol = 1e-12 * max(abs(v) for v in values)
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = list(values)
    start = None
    for i in order:
        if start is None or values[i] - start > tol:
            start = values[i]
        out[i] = start
    return out


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def check_scores(path, expected, complete):
    global bad
    recs = json.load(open(path))["recommendations"]
    seen = 0
    for r in recs:
        want = expected.get(r["id"])
        if want is None:
            if r["scores"]["common_neighbours"] != 0:
                print("%s: %s has common neighbours but no reference" % (path, r["id"]))
                bad += 1
            continue
        seen += 1
        for k in NAMES:
            if not close(r["scores"][k], want[k]):
                print("%s: %s %s %r, NetworkX %r" % (path, r["id"], k, r["scores"][k], want[k]))
                bad += 1
    if complete and seen != len(expected):
        print("%s: %d candidates, reference has %d" % (path, seen, len(expected)))
        bad += 1
    print("%s: %d candidates compared with NetworkX" % (path.split("/")[-1], seen))


def check_evaluation(path, pairs_path, expected):
    global bad
    e = json.load(open(path))["evaluation"]
    for k in ("nodes_train", "nodes_test", "nodes_both", "new_ties", "non_ties"):
        if e["counts"][k] != expected[k]:
            print("%s: %s %r, reference %r" % (path, k, e["counts"][k], expected[k]))
            bad += 1
    for k in NAMES:
        if not close(e["scores"][k]["auc"], expected["auc"][k]):
            print("%s: AUC of %s %r, scikit-learn %r" % (path, k, e["scores"][k]["auc"], expected["auc"][k]))
            bad += 1
    if e["baselines"]["preferential_attachment"] != e["scores"]["preferential_attachment"]:
        print("%s: preferential attachment baseline differs from its score" % path)
        bad += 1
    rows = list(csv.DictReader(open(pairs_path)))
    labels = [int(r["new_tie"]) for r in rows]
    if sum(labels) != expected["new_ties"]:
        print("%s: %d positive pairs, reference %d" % (pairs_path, sum(labels), expected["new_ties"]))
        bad += 1
    for column, reported in (("combined_logit", e["auc"]), ("random", e["baselines"]["random"]["auc"]),
                             ("theme_similarity", e["scores"]["theme_similarity"]["auc"]),
                             ("jaccard_weighted", e["scores"]["jaccard_weighted"]["auc"])):
        auc = roc_auc_score(labels, tied([float(r[column]) for r in rows]))
        if not close(auc, reported):
            print("%s: AUC of %s %r, scikit-learn on its pairs %r" % (path, column, reported, auc))
            bad += 1
    print("%s: AUC of %s scores and of the combined score equal scikit-learn's" % (path.split("/")[-1], len(NAMES)))


check_scores(si04, ref["keep-nuts2-SI04"], complete=True)
check_scores(tum, ref["keep-org-DE|technical university munich"], complete=False)
check_evaluation(eval_nuts2, pairs_nuts2, ref["evaluation-keep-nuts2"])
check_evaluation(eval_country, pairs_country, ref["evaluation-cordis-country"])
sys.exit(1 if bad else 0)
