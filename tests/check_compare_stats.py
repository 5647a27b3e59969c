#!/usr/bin/python3
"""Compares the comparison statistics of a `regnet compare --qap N` report with the
references of scripts/reference_compare_stats.py: QAP correlation (R sna gcor) to
1e-9, its p-value and permutation distribution (R sna qaptest) within sampling
error of the same number of permutations, ARI and NMI (scikit-learn) and Spearman
p-values (scipy) to 1e-9 relative.

Usage: check_compare_stats.py REPORT REFERENCE
"""
import json
import math
import sys


def main():
    got = json.load(open(sys.argv[1]))["comparisons"][0]
    want = json.load(open(sys.argv[2]))
    failures, lines = [], []

    def near(what, x, y, tol):
        ok = x is not None and y is not None and abs(x - y) <= tol
        lines.append("%-44s regnet %-24r reference %r" % (what, x, y))
        if not ok:
            failures.append(what)

    q, r = got["qap"], want["qap"]
    n = r["reps"]
    if q["permutations"] != n or q["nodes"] != r["nodes"]:
        failures.append("qap setup: %d permutations on %d nodes, reference %d on %d" % (
            q["permutations"], q["nodes"], n, r["nodes"]))
    near("qap.correlation", q["correlation"], r["correlation"], 1e-9)
    # regnet counts the observed labelling, (1 + k) / (1 + N); sna reports k / N.
    for mine, theirs in (("p_greater", "pgreq"), ("p_less", "pleeq")):
        p = min(max(r[theirs], 1.0 / n), 1 - 1.0 / n)
        near("qap." + mine + " (sampling error)", q[mine], r[theirs],
             4 * math.sqrt(p * (1 - p) / n) + 2.0 / n)
    near("qap.permuted_mean (sampling error)", q["permuted_mean"], r["dist_mean"],
         6 * r["dist_sd"] / math.sqrt(n))
    near("qap.permuted_sd (sampling error)", q["permuted_sd"], r["dist_sd"], 0.2 * r["dist_sd"])
    for k in ("adjusted_rand_index", "normalized_mutual_information"):
        near("communities." + k, got["communities"][k], want["communities"][k], 1e-9)
    for c, v in want["spearman_p_values"].items():
        near("spearman_p_values." + c, got["spearman_p_values"][c], v, 1e-9 * max(abs(v), 1e-300) + 1e-15)
    print("\n".join(lines))
    print("%d values compared; %d mismatches %s" % (len(lines), len(failures), failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
