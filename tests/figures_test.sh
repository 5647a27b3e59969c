#!/bin/bash
# --figures on the two reports of issue 10 (docs/figures.md): every figure
# kind written as SVG (parsed as XML, an <svg> root) and PNG (signature,
# IHDR size), none empty; the same command gives the same bytes; another
# --seed moves the network drawing only; no map for an organisation network.
# Usage: figures_test.sh path/to/regnet path/to/python3 NAME KINDS ANALYZE-OPTIONS...
#        KINDS: the figure names expected besides the bar charts (e.g. "mixing network map")
set -eu
REGNET=$1
PYTHON=$2
NAME=$3
KINDS=$4
shift 4
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAIL=0
PASS=0
ok() {
    local what=$1
    shift
    if "$@"; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL: $NAME: $what"; fi
}
"$REGNET" analyze -q "$@" --output "$TMP/r.json" --figures "$TMP/a"
"$REGNET" analyze -q "$@" --output "$TMP/r2.json" --figures "$TMP/b"
"$REGNET" analyze -q "$@" --output "$TMP/r3.json" --figures "$TMP/c" --seed 2
expected="figures.json"
for m in degree strength betweenness harmonic closeness eigenvector pagerank; do
    expected="$expected bars-$m.svg bars-$m.png"
done
for k in $KINDS; do expected="$expected $k.svg $k.png"; done
ok "the files are the expected ones" test "$(ls "$TMP/a" | sort | tr '\n' ' ')" = "$(echo $expected | tr ' ' '\n' | sort | tr '\n' ' ')"
ok "SVG and PNG files are valid" "$PYTHON" - "$TMP/a" <<'PY'
import os, struct, sys, xml.etree.ElementTree as ET
folder = sys.argv[1]
bad = []
for name in sorted(os.listdir(folder)):
    data = open(os.path.join(folder, name), "rb").read()
    if not data:
        bad.append(name + ": empty")
    elif name.endswith(".svg"):
        root = ET.fromstring(data)
        if root.tag != "{http://www.w3.org/2000/svg}svg":
            bad.append(name + ": root " + root.tag)
    elif name.endswith(".png"):
        if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
            bad.append(name + ": not a PNG")
        else:
            w, h = struct.unpack(">II", data[16:24])
            if w < 400 or h < 100:
                bad.append(name + ": %dx%d" % (w, h))
print("figures checked in", folder, "problems:", bad)
sys.exit(1 if bad else 0)
PY
ok "the same command gives the same bytes" diff -r "$TMP/a" "$TMP/b"
ok "the report is the same with --figures" cmp -s "$TMP/r.json" "$TMP/r2.json"
if [ -e "$TMP/a/network.png" ]; then
    ok "another seed draws another network" bash -c "! cmp -s '$TMP/a/network.png' '$TMP/c/network.png'"
fi
"$REGNET" analyze -q "$@" --output "$TMP/r4.json" --figures "$TMP/d" --metrics degree,strength
ok "with --metrics, bar charts of the computed centralities only" \
    test "$(ls "$TMP/d" | grep '^bars-' | sort | tr '\n' ' ')" = "bars-degree.png bars-degree.svg bars-strength.png bars-strength.svg "
ok "the seed is in figures.json" grep -q '"seed":	2' "$TMP/c/figures.json"
echo "figures $NAME: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
