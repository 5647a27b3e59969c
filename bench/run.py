#!/usr/bin/python3
"""Benchmarks regnet against NetworkX and python-igraph on the same job in the same run.

Job: load the bundled keep.eu 2014-2020 export (partners and projects), build the
NUTS2 region network or the organisation network, compute every metric of regnet's
report (bench/peer.py: degree, strength, weighted betweenness, harmonic, closeness,
eigenvector, PageRank, components, transitivity, average clustering, diameter and
average path length of the largest component in hops and weighted).  Every tool is
timed as a whole process from outside (bench/proc.py: CPU = user + system from
wait4, wall beside it; interpreter start-up, imports, loading and writing included).
regnet runs with `--threads 1` and with its default (`--threads 0`: every core, 2 on
the development machine); the peers are single-threaded (BLAS limited to one thread).
Ratios are the peer's median over regnet's median, in CPU time and in wall time,
against each regnet thread count.  The peers' path statistics are checked against
regnet's report.

Usage: flock /work/coord/bench.lock /usr/bin/python3 bench/run.py [--runs N] [--skip-networkx-org]
Needs build/regnet (scripts/build.sh) and scripts/install-deps.sh --bench.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGNET = os.environ.get("REGNET", os.path.join(ROOT, "build", "regnet"))
STATS = ("diameter_hops", "average_path_length_hops", "diameter_weighted", "average_path_length_weighted")


def time_regnet(args, threads, runs, out):
    cmd = [REGNET, "analyze", "-q", "--timings", "--threads", threads, "--dataset", "data/keep-2014-2020.json",
           *args, "--output", out]
    rs = [proc.measure(cmd, cwd=ROOT) for _ in range(runs)]
    return proc.summary(rs), proc.median_run(rs).stderr.strip().replace("regnet: timings: ", "")


def time_peer(tool, network, runs):
    rs = [proc.measure([sys.executable, os.path.join(ROOT, "bench", "peer.py"), tool, network], cwd=ROOT,
                       env=proc.SINGLE_THREAD_ENV) for _ in range(runs)]
    return proc.summary(rs), json.loads(proc.median_run(rs).stdout)


def same_stats(peer, report):
    mine = json.load(open(report))["summary"]
    bad = [k for k in STATS if abs(peer[k] - mine[k]) > 1e-9 * max(1.0, abs(mine[k]))]
    return "path statistics equal regnet's" if not bad else "DIFFERENT: %s" % ", ".join(
        "%s %r vs regnet %r" % (k, peer[k], mine[k]) for k in bad)


def main():
    runs = 3
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
    skip_nx_org = "--skip-networkx-org" in sys.argv
    print("machine: %d cores; whole processes, median of %d runs (NetworkX: 1 run); CPU = user + system; "
          "peers single-threaded" % (os.cpu_count(), runs))
    print("%-7s %-16s %9s %9s %6s | %-17s %-17s | %s" % ("network", "tool", "CPU s", "wall s", "load",
                                                           "CPU ratio t1 / t2", "wall ratio t1 / t2", "notes"))
    tmp = tempfile.mkdtemp()
    for network, args in (("region", ["--network", "region", "--level", "2"]), ("org", ["--network", "org"])):
        report = os.path.join(tmp, network + ".json")
        base = {}
        for threads, label in (("1", "regnet -t 1"), ("0", "regnet (2 thr)")):
            s, phases = time_regnet(args, threads, runs, report)
            base[threads] = s
            print("%-7s %-16s %9.3f %9.3f %6.1f | %-17s %-17s | %s (CPU %.3f-%.3f)" % (
                network, label, s["cpu"], s["wall"], s["load"], "", "", phases, s["cpu_min"], s["cpu_max"]))
        for tool in ("igraph", "networkx"):
            if tool == "networkx" and network == "org" and skip_nx_org:
                print("%-7s %-16s skipped (--skip-networkx-org)" % (network, tool))
                continue
            s, p = time_peer(tool, network, 1 if tool == "networkx" else runs)
            print("%-7s %-16s %9.3f %9.3f %6.1f | %7.1fx / %6.1fx %7.1fx / %6.1fx | import %.2f, load %.2f, build %.2f, "
                  "metrics %.2f s (wall, inside); %d nodes, %d edges; %s" % (
                      network, tool, s["cpu"], s["wall"], s["load"], s["cpu"] / base["1"]["cpu"],
                      s["cpu"] / base["0"]["cpu"], s["wall"] / base["1"]["wall"], s["wall"] / base["0"]["wall"],
                      p["import"], p["load"], p["build"], p["metrics"], p["nodes"], p["edges"],
                      same_stats(p["summary"], report)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
