#!/bin/bash
# Installs what building and testing regnet needs on Debian 12 (as root, or
# with sudo).  Does nothing when everything is already installed.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds python-igraph, scipy, R sna and jsonlite, hyperfine:
# the peers of bench/ and scripts/reference*.py; scikit-learn is always installed: the
# recommend test checks AUCs with it)
set -eu
packages="build-essential cmake pkg-config libigraph-dev libglib2.0-dev libcjson-dev
python3 python3-jsonschema python3-networkx python3-sklearn"
if [ "${1:-}" = "--bench" ]; then
    packages="$packages python3-igraph python3-scipy r-cran-sna r-cran-jsonlite hyperfine"
fi
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "regnet: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
