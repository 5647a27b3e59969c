#!/usr/bin/python3
"""Benchmarks regnet's bridging analyses (--group) against each measure's peers.

Per measure, inside the process (no loading): regnet's own functions timed by
build/bridging_parts (CPU and wall, median of --reps), against the peers' call
alone (CPU inside their process): R sna's brokerage (the reference of regnet's
brokerage), python-igraph's constraint, NetworkX's constraint and effective size.
regnet computes constraint and effective size in one function (structural holes:
constraint, effective size, efficiency, hierarchy), which is set against each peer.

Whole processes (bench/proc.py: CPU = user + system, wall; start-up, imports,
loading included): `regnet analyze --group` with `--threads 1` and its default (2
threads), and the same without `--group` (the difference is what --group costs),
against each peer's process (read the edge list, compute its one measure).  Peers
are single-threaded.  The headline ratio of each measure is against its FASTEST peer.
The networks are those of regnet's report (edge list and groups taken from it, not
timed); sna's brokerage total is checked against regnet's (sna counts ordered
two-paths: twice regnet's).

Usage: flock /work/coord/bench.lock /usr/bin/python3 bench/bridging.py [--runs N]
       [--skip-networkx]   (NetworkX's constraint and effective size take minutes)
"""
import json
import os
import re
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGNET = os.environ.get("REGNET", os.path.join(ROOT, "build", "regnet"))
PARTS = os.path.join(ROOT, "build", "bridging_parts")
DATASET = "data/keep-2014-2020.json"


def regnet_runs(args, threads, runs, out):
    rs = [proc.measure([REGNET, "analyze", "-q", "--timings", "--threads", threads, "--dataset", DATASET, *args,
                        "--output", out], cwd=ROOT) for _ in range(runs)]
    phases = [float(re.search(r"bridging ([0-9.]+) s", r.stderr).group(1)) for r in rs]
    return proc.summary(rs), statistics.median(phases)


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    skip_nx = "--skip-networkx" in sys.argv
    tmp = tempfile.mkdtemp()
    print("whole processes: median of %d runs (NetworkX 1 run); CPU = user + system; peers single-threaded" % runs)
    for name, args, level, group in (
            ("NUTS2 region", ["--network", "region", "--level", "2"], "2", "country"),
            ("organisations", ["--network", "org"], "0", "sector")):
        report = os.path.join(tmp, "r.json")
        with_group = args + ["--group", group]
        whole = {t: regnet_runs(with_group, t, runs, report) for t in ("1", "0")}
        plain = regnet_runs(args, "1", runs, os.path.join(tmp, "plain.json"))[0]
        r = json.load(open(report))
        index = {n["id"]: i for i, n in enumerate(r["nodes"])}
        edges, groups = os.path.join(tmp, "e.tsv"), os.path.join(tmp, "g.txt")
        with open(edges, "w") as f:
            f.write("%d\n" % len(index))
            for e in r["edges"]:
                f.write("%d\t%d\t%r\n" % (index[e["source"]], index[e["target"]], e["weight"]))
        with open(groups, "w") as f:
            f.write("".join(n["group"] + "\n" for n in r["nodes"]))
        regnet_total = sum(n["metrics"]["brokerage"]["total"] for n in r["nodes"]
                           if n["metrics"].get("brokerage") is not None)
        del r
        parts = proc.measure([PARTS, DATASET, args[1], level, group, "5"], cwd=ROOT).stdout
        inside = {m.group(1): (float(m.group(2)), float(m.group(3)))
                  for m in re.finditer(r"(\w+): cpu ([0-9.]+) s, wall ([0-9.]+) s", parts)}
        peers = {}
        for measure, cmd, n in (
                ("sna-brokerage", ["Rscript", os.path.join(ROOT, "bench", "sna_brokerage.R"), edges, groups], runs),
                ("igraph-constraint", [sys.executable, os.path.join(ROOT, "bench", "bridging_peer.py"),
                                       "igraph-constraint", edges], runs),
                ("nx-constraint", [sys.executable, os.path.join(ROOT, "bench", "bridging_peer.py"), "nx-constraint",
                                   edges], 0 if skip_nx else 1),
                ("nx-effective-size", [sys.executable, os.path.join(ROOT, "bench", "bridging_peer.py"),
                                       "nx-effective-size", edges], 0 if skip_nx else 1)):
            if n == 0:
                continue
            rs = [proc.measure(cmd, cwd=ROOT, env=proc.SINGLE_THREAD_ENV) for _ in range(n)]
            med = proc.median_run(rs)
            peers[measure] = (proc.summary(rs), json.loads(med.stdout))
        print()
        print("%s (%s), --group %s; load average %.1f" % (name, parts.splitlines()[0], group, whole["1"][0]["load"]))
        print("  regnet analyze --group, whole process: -t 1 CPU %.3f s wall %.3f s; 2 threads CPU %.3f s wall %.3f s; "
              "bridging phase %.3f s (wall); without --group (-t 1) CPU %.3f s: --group costs %.3f s CPU" % (
                  whole["1"][0]["cpu"], whole["1"][0]["wall"], whole["0"][0]["cpu"], whole["0"][0]["wall"],
                  whole["1"][1], plain["cpu"], whole["1"][0]["cpu"] - plain["cpu"]))
        for m, (c, w) in inside.items():
            print("  regnet %-17s inside: CPU %.4f s, wall %.4f s" % (m, c, w))
        if "sna-brokerage" in peers:
            print("  sna brokerage total %s = 2 x regnet's %s: %s" % (
                peers["sna-brokerage"][1]["total_brokerage"], regnet_total,
                "yes" if abs(peers["sna-brokerage"][1]["total_brokerage"] - 2 * regnet_total) < 1e-6 else "NO"))
        print("  %-20s %12s %14s %12s %12s | %s" % ("peer", "call (CPU)", "vs regnet's", "process CPU",
                                                   "process wall", "process CPU vs regnet --group -t 1 / 2 thr"))
        against = {"sna-brokerage": "brokerage", "igraph-constraint": "structural_holes",
                   "nx-constraint": "structural_holes", "nx-effective-size": "structural_holes"}
        best = {}
        for measure, (s, p) in peers.items():
            mine = inside[against[measure]][0]
            ratio = p["compute"] / mine
            kind = "brokerage" if measure == "sna-brokerage" else measure.split("-", 1)[1]
            if kind not in best or ratio < best[kind][1]:
                best[kind] = (measure, ratio)
            print("  %-20s %10.4f s %12.1fx %10.3f s %10.3f s | %.2fx / %.2fx" % (
                measure, p["compute"], ratio, s["cpu"], s["wall"], s["cpu"] / whole["1"][0]["cpu"],
                s["cpu"] / whole["0"][0]["cpu"]))
        print("  headline (each measure against its fastest peer, CPU of the call against regnet's function): " +
              "; ".join("%s: %s %.1fx" % (k, m, x) for k, (m, x) in best.items()))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
