#!/usr/bin/python3
"""Loading benchmark (issue 3): FP7 + Horizon 2020 loaded and turned into the
organisation, country and NUTS2 region networks, by regnet (build/load_build,
median of --runs runs) and by the Python peer (bench/load_build_peer.py: csv,
gzip and NetworkX, same rules), in the same run.  Prints each tool's phases,
node and edge counts (they must agree), peak memory and the ratio.

Both sides are also timed as whole processes (bench/proc.py: CPU = user + system
and wall, start-up and imports included); the Python peer is single-threaded; regnet's loader reads every source after
the first ahead on threads of their own (loaders/prefetch.h), so compare CPU time.

Usage: flock /work/coord/bench.lock /usr/bin/python3 bench/load_build.py [--runs N] [DATASET]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse(text):
    """load_build / peer output -> {phase: seconds}, {network: (nodes, edges)}, peak MB."""
    phases, sizes = {}, {}
    for line in text.splitlines():
        m = re.match(r"(load|build (\w+)|total): ([\d.]+) s", line)
        if m:
            phases[m.group(1)] = float(m.group(3))
        m = re.match(r"build (\w+): [\d.]+ s \((\d+) nodes, (\d+) edges\)", line)
        if m:
            sizes[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    peak = float(re.search(r"peak memory (\d+) MB", text).group(1))
    return phases, sizes, peak


def main():
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        runs = int(args[args.index("--runs") + 1])
        del args[args.index("--runs"):args.index("--runs") + 2]
    dataset = args[0] if args else "data/fp7-h2020.json"
    procs = [proc.measure([os.path.join(ROOT, "build", "load_build"), dataset], cwd=ROOT) for _ in range(runs)]
    parsed = [parse(p.stdout) for p in procs]
    median_run = sorted(parsed, key=lambda p: p[0]["total"])[len(parsed) // 2]
    totals = [p[0]["total"] for p in parsed]
    peer_procs = [proc.measure([sys.executable, os.path.join(ROOT, "bench", "load_build_peer.py")], cwd=ROOT,
                               env=proc.SINGLE_THREAD_ENV) for _ in range(runs)]
    peer = parse(proc.median_run(peer_procs).stdout)
    mine, theirs = proc.summary(procs), proc.summary(peer_procs)
    print("dataset %s; regnet median of %d runs (min %.3f s, max %.3f s)" % (dataset, runs, min(totals),
                                                                          max(totals)))
    print("whole process CPU (user + system) median: regnet %.3f s (%.3f-%.3f), python %.3f s (%.3f-%.3f): %.1fx; "
          "wall %.3f s vs %.3f s: %.1fx; load average %.1f; python single-threaded, regnet reads sources after the first ahead on threads of their own" % (
              mine["cpu"], mine["cpu_min"], mine["cpu_max"], theirs["cpu"], theirs["cpu_min"], theirs["cpu_max"],
              theirs["cpu"] / mine["cpu"], mine["wall"], theirs["wall"], theirs["wall"] / mine["wall"], mine["load"]))
    print("phases (wall, inside each process; python: the run of median CPU):")
    print("%-16s %12s %12s %8s" % ("phase", "regnet s", "python s", "ratio"))
    for phase in ("load", "build org", "build country", "build region", "total"):
        r, p = median_run[0][phase], peer[0][phase]
        print("%-16s %12.3f %12.3f %7.1fx" % (phase, r, p, p / r))
    print("%-16s %12.0f %12.0f %7.1fx" % ("peak memory MB", median_run[2], peer[2], peer[2] / median_run[2]))
    for network, size in median_run[1].items():
        same = "same" if peer[1].get(network) == size else "DIFFERENT: python %s" % (peer[1].get(network),)
        print("%-16s %d nodes, %d edges (%s)" % (network, size[0], size[1], same))


if __name__ == "__main__":
    main()
