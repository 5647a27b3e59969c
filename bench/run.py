#!/usr/bin/python3
"""Benchmarks regnet against NetworkX and python-igraph on the same job in the same run.

Job: load the bundled keep.eu 2014-2020 export, build the NUTS2 region network
or the organisation network, compute every metric of regnet's report.  regnet
is timed end to end (process start to report written, median of --runs runs);
peers are timed inside Python (interpreter start excluded, which favours them).

Usage: /usr/bin/python3 bench/run.py [--runs N] [--skip-networkx-org]
Needs build/regnet (scripts/build.sh) and scripts/install-deps.sh --bench.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGNET = os.path.join(ROOT, "build", "regnet")


def time_regnet(args, runs):
    out = os.path.join(tempfile.mkdtemp(), "r.json")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([REGNET, "analyze", "-q", "--dataset", "data/keep-2014-2020.json", *args, "--output", out],
                       check=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    phases = subprocess.run([REGNET, "analyze", "-q", "--timings", "--dataset", "data/keep-2014-2020.json", *args,
                             "--output", out], check=True, cwd=ROOT, capture_output=True, text=True).stderr.strip()
    return statistics.median(times), min(times), phases


def time_peer(tool, network):
    r = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "peer.py"), tool, network],
                       check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(r.stdout)


def main():
    runs = 5
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
    skip_nx_org = "--skip-networkx-org" in sys.argv
    print("machine: %d cores; regnet median of %d runs" % (os.cpu_count(), runs))
    print("%-8s %-10s %9s %9s %9s %9s %9s" % ("network", "tool", "load s", "build s", "metrics s", "total s", "ratio"))
    for network, args in (("region", ["--network", "region", "--level", "2"]), ("org", ["--network", "org"])):
        median, best, phases = time_regnet(args, runs)
        print("%-8s %-10s %39s %9.3f %9s   (%s; best %.3f)" % (network, "regnet", "", median, "1.0", phases.replace("regnet: timings: ", ""), best))
        for tool in ("igraph", "networkx"):
            if tool == "networkx" and network == "org" and skip_nx_org:
                print("%-8s %-10s skipped (--skip-networkx-org)" % (network, tool))
                continue
            p = time_peer(tool, network)
            print("%-8s %-10s %9.3f %9.3f %9.3f %9.3f %8.1fx" % (network, tool, p["load"], p["build"], p["metrics"], p["total"], p["total"] / median))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
