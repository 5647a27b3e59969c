#!/bin/bash
# The main job: installs dependencies, builds, and analyses the bundled real
# data (keep.eu 2014-2020: region network with bridging, organisation network
# with cross-sector links, cluster-themed projects; Horizon 2020 by country;
# period comparisons of keep.eu and CORDIS), writing
# JSON reports into reports/ and printing a short summary of each.
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
# Cluster collaboration: projects under keep.eu's "Clustering and economic cooperation".
build/regnet analyze --dataset data/keep-2014-2020.json --network region --level 2 \
    --themes '^Clustering' --output reports/keep-2014-2020-region-nuts2-clustering.json
echo
# Horizon 2020 by country, as the CORDIS file spells the codes.
build/regnet analyze --dataset data/h2020.json --network country \
    --output reports/h2020-country.json
echo
build/regnet compare --dataset data/keep-2000-2020.json --network region --level 2 \
    --periods 2007-2013,2014-2020 --output reports/keep-compare-2007-2013-2014-2020.json
echo
build/regnet compare --dataset data/fp7-h2020.json --network country --periods FP7,H2020 \
    --output reports/cordis-compare-fp7-h2020.json
echo
echo "Reports are in reports/ (schemas: docs/schema.md, docs/compare.md)."
