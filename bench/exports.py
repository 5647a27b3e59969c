"""Cost of the exports (issue 10): CPU time of regnet's organisation report
(keep.eu 2014-2020, --group sector) written as the JSON report and in each
export format, and of `regnet export` converting that report.

CPU time (user + system of the child process, from getrusage) rather than
wall time, because the machine is shared; each figure is the median of
--runs runs.  Writes a Markdown table to stdout.

Usage: /usr/bin/python3 bench/exports.py [--runs N] [--regnet build/regnet]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

FORMATS = ["gexf", "gexf-1.2", "graphml", "node-link", "cytoscape", "csv", "pajek", "dl"]
ANALYZE = ["analyze", "-q", "--dataset", "data/keep-2014-2020.json", "--network", "org",
           "--group", "sector"]


def run(cmd):
    """CPU seconds and wall seconds of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def median_of(cmd, runs, cleanup):
    cpu, wall = [], []
    for _ in range(runs):
        cleanup()
        c, w = run(cmd)
        cpu.append(c)
        wall.append(w)
    return statistics.median(cpu), min(cpu), max(cpu), statistics.median(wall)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--regnet", default="build/regnet")
    parser.add_argument("--analyze-formats", default="json,gexf,graphml,csv",
                        help="formats timed through analyze (each run is a whole analysis)")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    out = os.path.join(tmp, "out")

    def cleanup():
        if os.path.isdir(out):
            shutil.rmtree(out)
        elif os.path.exists(out):
            os.remove(out)

    print("| command | CPU median (min-max) | wall median |")
    print("|---|---|---|")
    base = None
    for fmt in args.analyze_formats.split(","):
        cpu, lo, hi, wall = median_of([args.regnet] + ANALYZE + ["--format", fmt, "--output", out],
                                      args.runs, cleanup)
        if fmt == "json":
            base = cpu
            extra = ""
        else:
            extra = " (%+.1f%% against json)" % (100 * (cpu - base) / base) if base else ""
        print("| analyze org --group sector --format %s | %.3f s (%.3f-%.3f)%s | %.3f s |"
              % (fmt, cpu, lo, hi, extra, wall))
    report = os.path.join(tmp, "report.json")
    subprocess.run([args.regnet] + ANALYZE + ["--output", report], check=True)
    for fmt in FORMATS:
        cpu, lo, hi, wall = median_of([args.regnet, "export", "-q", "--report", report, "--format", fmt,
                                       "--output", out], args.runs, cleanup)
        print("| export --format %s (org report, %.1f MB) | %.3f s (%.3f-%.3f) | %.3f s |"
              % (fmt, os.path.getsize(report) / 1e6, cpu, lo, hi, wall))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
