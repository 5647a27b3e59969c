#!/usr/bin/python3
"""Cost of the cleaning members of issue 9 on the FP7 + Horizon 2020 load.

Runs build/load_build on data/fp7-h2020.json and on bench/fp7-h2020-cleaning.json
(the same sources with null_values, where, country_names, region_names +
region_levels + invalid_region, constants and periods on every source where
they apply), alternating, and reports the CPU time of the load phase (clock(), every
thread) and of the whole process (user + system), median of N runs each, and that the two give the same
networks.  CPU time because the machine is shared.

Usage: /usr/bin/python3 bench/cleaning.py [--runs N]   (from the project root)
"""
import os
import re
import resource
import statistics
import subprocess
import sys

RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
CASES = [("plain", "data/fp7-h2020.json"), ("cleaning", "bench/fp7-h2020-cleaning.json")]


def run(dataset):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(["build/load_build", dataset], check=True, capture_output=True,
                         text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    load = float(re.search(r"load cpu: ([0-9.]+) s", out).group(1))
    sizes = re.findall(r"\(([0-9]+ nodes, [0-9]+ edges)\)", out)
    counts = re.search(r"load: [0-9.]+ s \((.*)\)", out).group(1)
    return cpu, load, (counts, tuple(sizes))


def main():
    times = {name: [] for name, _ in CASES}
    loads = {name: [] for name, _ in CASES}
    shapes = {}
    for _ in range(RUNS):
        for name, dataset in CASES:
            cpu, load, shape = run(dataset)
            times[name].append(cpu)
            loads[name].append(load)
            shapes[name] = shape
    for name, _ in CASES:
        print("%-9s load CPU median %.3f s (min %.3f, max %.3f); process CPU median %.3f s"
              % (name, statistics.median(loads[name]), min(loads[name]), max(loads[name]),
                 statistics.median(times[name])))
        print("          %s; networks %s" % (shapes[name][0], ", ".join(shapes[name][1])))
    ratio = statistics.median(loads["cleaning"]) / statistics.median(loads["plain"]) - 1
    whole = statistics.median(times["cleaning"]) / statistics.median(times["plain"]) - 1
    print("cleaning members cost: %+.1f%% of the load's CPU, %+.1f%% of the process's "
          "(target under 10%%)" % (100 * ratio, 100 * whole))
    print("same model and networks: %s" % (shapes["plain"] == shapes["cleaning"]))


os.chdir(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
main()
