#!/bin/bash
# Configures and builds regnet in build/ (warnings are errors).
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREGNET_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
