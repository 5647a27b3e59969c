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
R=build/regnet
heading() { printf '\n=== %s ===\n' "$1"; }

heading "What the keep.eu 2000-2020 export holds (regnet describe; the first lines)"
$R describe --dataset data/keep-2000-2020.json --output reports/keep-2000-2020-describe.json | head -n 8
heading "Interreg 2014-2020 (keep.eu): regions at NUTS level 2, brokerage between countries, regions as bridges"
$R analyze --dataset data/keep-2014-2020.json --network region --level 2 --group country --bridges \
    --figures reports/figures-nuts2 --output reports/keep-2014-2020-region-nuts2.json
heading "Interreg 2014-2020 (keep.eu): countries (NUTS level 0)"
$R analyze --dataset data/keep-2014-2020.json --network region --level 0 \
    --output reports/keep-2014-2020-region-nuts0.json
heading "Interreg 2014-2020 (keep.eu): organisations, cross-sector links (public/private)"
$R analyze --dataset data/keep-2014-2020.json --network org --group sector \
    --output reports/keep-2014-2020-org.json
heading "Interreg 2014-2020 (keep.eu): projects on 'Clustering and economic cooperation', NUTS level 2"
$R analyze --dataset data/keep-2014-2020.json --network region --level 2 \
    --themes '^Clustering' --output reports/keep-2014-2020-region-nuts2-clustering.json
heading "Horizon 2020 (CORDIS): countries, as CORDIS spells the codes"
$R analyze --dataset data/h2020.json --network country --output reports/h2020-country.json
heading "Interreg 2007-2013 against 2014-2020 (keep.eu): regions at NUTS level 2"
$R compare --dataset data/keep-2000-2020.json --network region --level 2 \
    --periods 2007-2013,2014-2020 --output reports/keep-compare-2007-2013-2014-2020.json
heading "FP7 against Horizon 2020 (CORDIS): countries"
$R compare --dataset data/fp7-h2020.json --network country --periods FP7,H2020 \
    --output reports/cordis-compare-fp7-h2020.json
heading "The NUTS2 and organisation networks for Gephi, Excel, NetworkX and Cytoscape (docs/exports.md)"
for f in gexf graphml node-link cytoscape pajek; do
    $R export -q --report reports/keep-2014-2020-region-nuts2.json --format $f \
        --output reports/keep-2014-2020-region-nuts2.$f
done
$R export --report reports/keep-2014-2020-region-nuts2.json --format csv \
    --output reports/keep-2014-2020-region-nuts2-csv
$R export --report reports/keep-2014-2020-org.json --format gexf \
    --output reports/keep-2014-2020-org.gexf
echo
echo "Reports are in reports/ (schemas: docs/schema.md, docs/compare.md; exports: docs/exports.md);"
echo "figures of the NUTS2 network (map, mixing, network, bar charts) in reports/figures-nuts2/."
echo "To explore the data in a browser: $R serve --dataset data/keep-2014-2020.json  (docs/serve.md)"
