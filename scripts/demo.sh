#!/bin/bash
# The main job: installs dependencies, builds, and analyses the bundled real
# keep.eu 2014-2020 data, writing JSON reports into reports/ and printing a
# short summary of each.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p reports
for spec in "region-nuts2 --network region --level 2 --group country --bridges" \
            "region-nuts0 --network region --level 0" \
            "org --network org --group sector"; do
    set -- $spec
    name=$1
    shift
    build/regnet analyze --dataset data/keep-2014-2020.json "$@" --output "reports/keep-2014-2020-$name.json"
    echo
done
echo "Reports are in reports/ (schema: docs/schema.md)."
