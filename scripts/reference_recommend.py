#!/usr/bin/python3
"""Independent reference values for `regnet recommend` (docs/recommend.md).

Rebuilds the networks from the raw bundled files with no regnet code
(scripts/reference.py, scripts/reference_compare.py) and computes with
NetworkX's link-prediction functions (common_neighbors, adamic_adar_index,
resource_allocation_index, jaccard_coefficient, preferential_attachment):
  * every candidate of SI04 in the keep.eu 2014-2020 NUTS2 network (NUTS 2021);
  * the candidates sharing a partner with the Technical University Munich in
    the keep.eu 2014-2020 organisation network;
  * the evaluation of each score: pairs of nodes present in both periods,
    untied in the first, labelled by a tie in the second, AUC by
    scikit-learn's roc_auc_score over all of them (near-equal sums tied first) (regnet uses all non-ties
    when there are at most 100,000): keep.eu NUTS2 2007-2013 -> 2014-2020 and
    CORDIS countries FP7 -> H2020.

Usage: /usr/bin/python3 scripts/reference_recommend.py OUTDIR
"""
import itertools
import json
import os
import sys

import networkx as nx
from sklearn.metrics import roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402
import reference_compare  # noqa: E402

SCORES = ("common_neighbours", "adamic_adar", "resource_allocation", "jaccard",
          "preferential_attachment")


def scores(g, pairs):
    pairs = list(pairs)
    out = {p: {"common_neighbours": len(list(nx.common_neighbors(g, *p)))} for p in pairs}
    for name, fn in (("adamic_adar", nx.adamic_adar_index),
                     ("resource_allocation", nx.resource_allocation_index),
                     ("jaccard", nx.jaccard_coefficient),
                     ("preferential_attachment", nx.preferential_attachment)):
        for u, v, x in fn(g, pairs):
            out[(u, v)][name] = float(x)
    return out


def candidates(g, target, only_common=False):
    others = [v for v in sorted(g) if v != target]
    if only_common:
        others = [v for v in others if any(True for _ in nx.common_neighbors(g, target, v))]
    return {v: s for (_, v), s in scores(g, [(target, v) for v in others]).items()}


def tied(values):
    """Scores within 1e-12 x max|value| of the lowest of a run are ties (the
    same terms summed in another order differ in the last bits)."""
    tol = 1e-12 * max(abs(v) for v in values)
    out, start = list(values), None
    for i in sorted(range(len(values)), key=lambda i: values[i]):
        if start is None or values[i] - start > tol:
            start = values[i]
        out[i] = start
    return out


def evaluation(g1, g2):
    both = sorted(set(g1) & set(g2))
    pairs = [(u, v) for u, v in itertools.combinations(both, 2) if not g1.has_edge(u, v)]
    labels = [int(g2.has_edge(u, v)) for u, v in pairs]
    s = scores(g1, pairs)
    return {"nodes_train": g1.number_of_nodes(), "nodes_test": g2.number_of_nodes(),
            "nodes_both": len(both), "new_ties": sum(labels), "non_ties": len(labels) - sum(labels),
            "auc": {k: float(roc_auc_score(labels, tied([s[p][k] for p in pairs]))) for k in SCORES}}


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    nuts = reference.load_nuts()
    rows = reference.load_partners(nuts)
    region = reference.build(rows, nuts, "region", 2)
    org = reference.build(rows, nuts, "org")
    keep = reference_compare.keep_members()
    cordis = reference_compare.cordis_members()
    ref = {
        "about": "scripts/reference_recommend.py (NetworkX %s)" % nx.__version__,
        "keep-nuts2-SI04": candidates(region, "SI04"),
        "keep-org-DE|technical university munich": candidates(
            org, "DE|technical university munich", only_common=True),
        "evaluation-keep-nuts2": evaluation(reference.graph_of(keep["2007-2013"]),
                                            reference.graph_of(keep["2014-2020"])),
        "evaluation-cordis-country": evaluation(reference.graph_of(cordis["FP7"]),
                                                reference.graph_of(cordis["H2020"])),
    }
    with open(os.path.join(outdir, "recommend.json"), "w") as f:
        json.dump(ref, f, indent=0, sort_keys=True)


if __name__ == "__main__":
    main()
