#!/bin/bash
# Issue 15 benchmark: organisation networks, exact (alpha 1 and 0) and sampled
# (eps 0.01, delta 0.1), whole processes under /usr/bin/time -v (CPU, wall, peak
# RSS), one at a time.  Run it on a quiet machine, under the benchmark lock:
#   flock /work/coord/bench.lock bench/paths.sh [DATASET...]
# (default: keep.eu 2014-2020, FP7, H2020, FP7 + H2020; REGNET=path times another binary)
# Results: bench/RESULTS.md, "Organisation networks at Horizon 2020 scale".
set -eu
cd "$(dirname "$0")/.."
OUT=${OUT:-$(mktemp -d)}
REGNET=${REGNET:-build/regnet}
run() {
    local name=$1
    shift
    /usr/bin/time -v "$REGNET" analyze -q --network org --timings "$@" \
        --output "$OUT/$name.json" 2> "$OUT/$name.err"
    printf '%s: %s | CPU %s s | wall %s | peak %s KB\n' "$name" \
        "$(grep '^regnet: timings' "$OUT/$name.err")" \
        "$(awk '/User time|System time/ {s += $NF} END {print s}' "$OUT/$name.err")" \
        "$(awk -F': ' '/Elapsed/ {print $2}' "$OUT/$name.err")" \
        "$(awk '/Maximum resident/ {print $NF}' "$OUT/$name.err")"
}
for d in "${@:-data/keep-2014-2020.json data/fp7.json data/h2020.json data/fp7-h2020.json}"; do
    for dataset in $d; do
        n=$(basename "$dataset" .json)
        run "$n-exact" --dataset "$dataset"
        run "$n-alpha0" --dataset "$dataset" --alpha 0
        run "$n-sample" --dataset "$dataset" --metrics betweenness --betweenness-sample 0.01,0.1
    done
done
# python-igraph's weighted betweenness on the same network (from the exact report).
/usr/bin/python3 bench/igraph_betweenness.py --edges "$OUT/keep-2014-2020-exact.json" > "$OUT/keep.tsv" 2>/dev/null || exit 0
/usr/bin/time -v /usr/bin/python3 bench/igraph_betweenness.py "$OUT/keep.tsv" > "$OUT/igraph.txt" 2> "$OUT/igraph.err"
printf 'python-igraph keep.eu: CPU %s s | wall %s\n' \
    "$(awk '/User time|System time/ {s += $NF} END {print s}' "$OUT/igraph.err")" \
    "$(awk -F': ' '/Elapsed/ {print $2}' "$OUT/igraph.err")"
