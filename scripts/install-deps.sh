#!/bin/bash
# Installs what building and testing regnet needs on Debian 12 (as root, or
# with sudo).  Does nothing when everything is already installed.
# clang, its libFuzzer/sanitizer runtimes (libclang-rt-dev) and OpenMP (libomp-dev)
# build the fuzz harnesses (scripts/fuzz.sh); valgrind runs scripts/valgrind.sh.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds scipy, R sna and jsonlite, hyperfine:
# the peers of bench/ and scripts/reference*.py; scikit-learn is always installed: the
# recommend test checks AUCs with it)
# The export round-trip tests (tests/exports_test.sh) read the exports with
# python-igraph, R igraph and the cytoscape npm package (tests/js, installed
# from its package-lock.json with npm ci; node and npm from Debian when the
# machine has none).  Figures (--figures) are drawn with cairo and pango in
# DejaVu Sans (fonts-dejavu-core: full Latin, Greek and Cyrillic).  regnet serve needs
# libsoup 3; its page (web/) is bundled here from web/package-lock.json (npm ci, then
# node web/build.mjs into web/dist) so that it works offline, and the browser test
# drives Debian's chromium with playwright-core (tests/browser_test.mjs).
set -eu
cd "$(dirname "$0")/.."
packages="build-essential cmake pkg-config libigraph-dev libglib2.0-dev libcjson-dev
libxml2-dev zlib1g-dev libsoup-3.0-dev chromium libcairo2-dev libpango1.0-dev fonts-dejavu-core python3 python3-jsonschema python3-networkx python3-sklearn
python3-igraph r-cran-igraph clang libclang-rt-dev libomp-dev valgrind"
if [ "${1:-}" = "--bench" ]; then
    packages="$packages python3-scipy r-cran-sna r-cran-jsonlite hyperfine"
fi
command -v node >/dev/null 2>&1 || packages="$packages nodejs"
command -v npm >/dev/null 2>&1 || packages="$packages npm"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
if [ -n "$missing" ]; then
    echo "regnet: installing$missing" >&2
    # another apt run (a second build on the machine) holds the lock: wait for it
    $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq $missing >/dev/null
fi
if [ ! -f tests/js/node_modules/cytoscape/package.json ] ||
   [ tests/js/package-lock.json -nt tests/js/node_modules/.package-lock.json ]; then
    echo "regnet: installing the npm packages of tests/js (npm ci)" >&2
    npm ci --prefix tests/js --no-audit --no-fund --loglevel=error >/dev/null
fi
if [ ! -f web/node_modules/sigma/package.json ] ||
   [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "regnet: installing the npm packages of web (npm ci)" >&2
    npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
fi
node web/build.mjs
