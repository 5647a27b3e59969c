#!/bin/bash
# Exports of a real report read back by the tools they are for (not by
# regnet): NetworkX, python-igraph, R igraph, the cytoscape npm package and
# Python's csv module (tests/check_exports.py compares what each holds with
# the JSON report).  Also: regnet export gives the same bytes as
# analyze --format, and the JSON report is unchanged by asking for a format.
# Usage: exports_test.sh path/to/regnet path/to/python3 NAME ANALYZE-OPTIONS...
#        (from the project root; NAME names the case in messages)
set -eu
REGNET=$1
PYTHON=$2
NAME=$3
shift 3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAIL=0
PASS=0
ok() {
    local what=$1
    shift
    if "$@"; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL: $NAME: $what"; fi
}
if [ ! -d tests/js/node_modules/cytoscape ]; then
    echo "exports_test: tests/js/node_modules/cytoscape is missing; run scripts/install-deps.sh" >&2
    exit 1
fi
"$REGNET" analyze -q "$@" --output "$TMP/report.json"
R="$TMP/report.json"
"$REGNET" export -q --report "$R" --format gexf --output "$TMP/report.gexf"
"$REGNET" export -q --report "$R" --format gexf-1.2 --output "$TMP/report.gexf12"
"$REGNET" export -q --report "$R" --format graphml --output "$TMP/report.graphml"
"$REGNET" export -q --report "$R" --format node-link --output "$TMP/report.nodelink.json"
"$REGNET" export -q --report "$R" --format cytoscape --output "$TMP/report.cyjs"
"$REGNET" export -q --report "$R" --format csv --output "$TMP/csv"
"$REGNET" export -q --report "$R" --format pajek --output "$TMP/report.net"
"$REGNET" export -q --report "$R" --format dl --output "$TMP/report.dl"
node tests/js/read_cytoscape.js "$TMP/report.cyjs" > "$TMP/report.cytoscape.dump.json"
Rscript tests/read_pajek.R "$TMP/report.net" "$TMP/report.pajek.tsv"
ok "consumers hold the report's nodes, edges and values" "$PYTHON" tests/check_exports.py "$R" "$TMP"

# analyze --format F and export --format F are one code path: same bytes.
"$REGNET" analyze -q "$@" --format gexf --output "$TMP/direct.gexf"
ok "analyze --format gexf = export --format gexf" cmp -s "$TMP/direct.gexf" "$TMP/report.gexf"
"$REGNET" analyze -q "$@" --format csv --output "$TMP/direct-csv"
ok "analyze --format csv = export --format csv (nodes)" cmp -s "$TMP/direct-csv/nodes.csv" "$TMP/csv/nodes.csv"
ok "analyze --format csv = export --format csv (edges)" cmp -s "$TMP/direct-csv/edges.csv" "$TMP/csv/edges.csv"
"$REGNET" analyze -q "$@" --format json --output "$TMP/again.json"
ok "--format json is the report" cmp -s "$TMP/again.json" "$R"
"$REGNET" export -q --report "$R" --format gexf --output "$TMP/again.gexf"
ok "export is deterministic" cmp -s "$TMP/again.gexf" "$TMP/report.gexf"
echo "exports $NAME: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
