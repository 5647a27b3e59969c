#!/bin/bash
# Builds bench/path_kernel.c against build/libregnet_core.a (run scripts/build.sh
# first) and times the per-source kernel on the Horizon 2020 organisation network.
# Usage: bench/path_kernel.sh [ALPHA [K]]   (a paths.c to test: PATHS_DIR=dir with analyses/paths.c)
set -eu
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/regnet-path-kernel}
mkdir -p "$OUT"
LIBS=$(sed 's/.*libregnet_core.a//' build/CMakeFiles/regnet.dir/link.txt)
INCLUDES=$(sed -n 's/^C_INCLUDES = //p' build/CMakeFiles/regnet_core.dir/flags.make)
# shellcheck disable=SC2086
gcc ${PATHS_DIR:+-I"$PATHS_DIR"} -O3 -DNDEBUG -pthread -std=c11 -D_POSIX_C_SOURCE=200809L \
    -DREGNET_VERSION=\"0.1.0\" $INCLUDES bench/path_kernel.c -o "$OUT/path_kernel" \
    build/libregnet_core.a $LIBS
[ -s "$OUT/h2020.edges" ] || "$OUT/path_kernel" dump data/h2020.json "$OUT/h2020.edges"
"$OUT/path_kernel" "$OUT/h2020.edges" "${1:-0}" "${2:-200}"
