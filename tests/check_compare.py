#!/usr/bin/python3
"""Compares the first comparison of a `regnet compare` report with the reference
values of scripts/reference_compare.py (1e-9 relative to max(1, |reference|)).

Usage: check_compare.py REPORT REFERENCE
"""
import json
import sys


def main():
    got = json.load(open(sys.argv[1]))["comparisons"][0]
    want = json.load(open(sys.argv[2]))
    want.pop("about", None)
    failures, lines = [], []

    def walk(prefix, w, g):
        for k, v in w.items():
            if isinstance(v, dict):
                walk(prefix + k + ".", v, g[k])
                continue
            x = g[k]
            ok = (v is None and x is None) or (v is not None and x is not None and
                                               abs(x - v) <= 1e-9 * max(1.0, abs(v)))
            lines.append("%-34s regnet %-22r reference %r" % (prefix + k, x, v))
            if not ok:
                failures.append(prefix + k)

    walk("", want, got)
    print("\n".join(lines))
    print("%d values compared; %d mismatches %s" % (len(lines), len(failures), failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
