#!/bin/bash
# Writes the seed corpus of every harness of tests/fuzz into OUT/<harness>/:
# slices of the bundled files (data/, and ../shared/data when present) and
# the reproducers of tests/fixtures/repro.  Deterministic: the same files
# give the same seeds.  Usage: tests/fuzz/make_seeds.sh OUT
set -eu
cd "$(dirname "$0")/../.."
out=$1
mkdir -p "$out"/{fuzz_keep,fuzz_mapped,fuzz_gzip,fuzz_description,fuzz_nuts,fuzz_converter,fuzz_json}
shared=../shared/data
# seed HARNESS SELECTOR_BYTE_OCTAL|'': writes the selector byte, then stdin, to a
# file named by its SHA-1 (as libFuzzer names corpus files).
seed() {
    local tmp="$out/$1/.new"
    { if [ -n "$2" ]; then printf "\\$2"; fi; cat; } >"$tmp"
    mv "$tmp" "$out/$1/$(sha1sum "$tmp" | cut -c1-40)"
}
# slice FILE: the header and rows 1-12, then the header and 12 rows from the middle.
slices() {
    local f=$1 text
    text() { case "$f" in *.gz) zcat "$f" ;; *) cat "$f" ;; esac; }
    text | head -n 13
    printf '\n'
    local lines; lines=$(text | wc -l)
    { text | head -n 1; text | sed -n "$((lines / 2)),$((lines / 2 + 11))p"; }
}
for f in data/keep/keep_closed_2014_2020_partnership.csv tests/fixtures/tiny/partners.csv \
         tests/fixtures/repro/*/partners.csv; do
    head -n 13 "$f" | seed fuzz_keep 000
    head -n 13 "$f" | seed fuzz_keep 002
done
slices data/keep/keep_closed_2014_2020_partnership.csv | sed -n '15,$p' | seed fuzz_keep 000
head -c 6000 data/keep/keep_closed_2014_2020_projects.csv | seed fuzz_keep 001
head -c 6000 data/keep/keep_closed_2014_2020_projects.csv | seed fuzz_keep 003
if [ -d "$shared/keep" ]; then
    head -n 13 "$shared/keep/keep_closed_2014_2020_partnership.csv" | seed fuzz_keep 000
fi
# mapped: selector k picks the k-th mapped source (fuzz_mapped.c's list order);
# every selector gets the first rows of a few real and fixture files.
mapped_files=(tests/fixtures/mapped/he_organizations.csv tests/fixtures/mapped/cluster_registry.csv
              tests/fixtures/mapped/partnerships.csv tests/fixtures/harmonise/partners.csv
              tests/fixtures/mapped/he_legalbasis.csv tests/fixtures/mapped/he_euroscivoc.csv
              data/cordis/ecsel/organizations.csv data/cordis/ecsel/projects.csv
              data/cordis/fp7_organisations.csv.gz data/cordis/fp7_project_organisation_edges.tsv.gz
              data/cordis/h2020_participations_eunets.csv.gz
              data/keep/keep_closed_2000_2020_participations.csv.gz
              tests/fixtures/repro/mapped_dup_region_key/wide.csv)
for k in $(seq 0 23); do
    for f in "${mapped_files[@]}"; do
        case "$f" in *.gz) zcat "$f" | head -c 3000 ;; *) head -c 3000 "$f" ;; esac |
            seed fuzz_mapped "$(printf '%03o' "$k")"
    done
done
# json: the published JSON partner list (selector 0: its own source), and the
# first rows of real and fixture CSV files as JSON records for every selector
# (fuzz_json.c: k picks a source; bit 6 puts the records under data.items).
head -c 6000 tests/fixtures/published/partners.json | seed fuzz_json 000
seed fuzz_json 000 <tests/fixtures/published/partners.json
# to_records [WRAP]: the CSV on stdin (delimiter sniffed) as a JSON array of objects.
to_records() {
    /usr/bin/python3 -c '
import csv, io, json, sys
text = sys.stdin.read()
try:
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0] + "\n", ";,\t")
except csv.Error:
    dialect = csv.excel
rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
rows = [{k: v for k, v in r.items() if k is not None} for r in rows]
doc = {"data": {"items": rows}} if len(sys.argv) > 1 else rows
sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1))
' "$@"
}
json_files=(tests/fixtures/mapped/he_organizations.csv tests/fixtures/mapped/partnerships.csv
            data/cordis/ecsel/organizations.csv data/cordis/fp7_organisations.csv.gz
            data/cordis/h2020_participations_eunets.csv.gz)
json_tmp=$(mktemp -d)
i=0
for f in "${json_files[@]}"; do
    case "$f" in *.gz) zcat "$f" | head -n 6 ;; *) head -n 6 "$f" ;; esac | to_records >"$json_tmp/$i"
    i=$((i + 1))
done
head -n 6 tests/fixtures/mapped/partnerships.csv | to_records wrap >"$json_tmp/wrapped"
for k in $(seq 0 31); do
    for ((j = 0; j < i; j++)); do
        seed fuzz_json "$(printf '%03o' "$k")" <"$json_tmp/$j"
    done
    seed fuzz_json "$(printf '%03o' $((k | 64)))" <"$json_tmp/wrapped"
done
rm -rf "$json_tmp"
# gzip: bundled .gz files cut to their first bytes (truncated streams), and
# small whole gzip files made from slices (deterministic: gzip -n).
for f in data/cordis/*.gz data/keep/*.gz data/cordis/horizon_europe_sample/*.gz; do
    head -c 2000 "$f" | seed fuzz_gzip ''
    zcat "$f" | head -n 20 | gzip -n -9 | seed fuzz_gzip ''
done
head -n 20 data/keep/keep_closed_2014_2020_partnership.csv | gzip -n | seed fuzz_gzip ''
{ printf 'a;b\n1;2\n' | gzip -n; printf 'c;d\n' | gzip -n; } | seed fuzz_gzip ''
# descriptions: the bundled ones, fixtures, reproducers, and ones naming the
# harness's own files (nuts2013.csv, partners.csv, mapped.csv, converter.csv).
for f in data/*.json tests/fixtures/*/*.json tests/fixtures/repro/*/*.json; do
    seed fuzz_description '' <"$f"
done
cat <<'JSON' | seed fuzz_description ''
{"regnet_dataset": 1, "name": "fuzz keep", "regions": {"file": "nuts2013.csv",
 "nuts_edition": "2013", "harmonisation": {"2016": {"file": "nuts2016.csv", "steps":
 [{"from": "2013", "to": "2016", "files": ["converter.csv"]}]}}},
 "sources": [{"format": "keep.eu-partners", "file": "partners.csv", "nuts_edition": "2013"}]}
JSON
cat <<'JSON' | seed fuzz_description ''
{"regnet_dataset": 1, "name": "fuzz mapped", "caveats": ["c"], "attribution": "a",
 "regions": {"file": "nuts2013.csv", "nuts_edition": "2013"},
 "sources": [{"format": "csv", "file": "mapped.csv", "nuts_edition": "2013",
   "programme": "TEST", "period": "2014-2020", "lead_values": ["yes"],
   "columns": {"project": "project", "organisation": "organisation", "country": "country",
               "region": "region"}},
  {"format": "csv-organisations", "file": "mapped.csv", "nuts_edition": "2013",
   "columns": {"organisation": "organisation", "country": "country", "region": "region"}}]}
JSON
# NUTS tables: slices of every edition, and the reproducer's table.
for f in data/nuts/nuts*_all_levels_ropensci.csv tests/fixtures/repro/nuts_missing_parent/nuts2013.csv; do
    head -n 40 "$f" | seed fuzz_nuts ''
    { head -n 1 "$f"; grep -E '^(UK|IE|DE9)' "$f"; } | seed fuzz_nuts ''
done
# converters: slices of every JRC matrix and the reproducer's.
for f in data/nuts/jrc/*.csv tests/fixtures/repro/converter_nan_pop/n3_cm_v2013_v2016.csv; do
    { head -n 1 "$f"; grep -E '^(DE9|DEA|NL1|UKN)' "$f" | head -n 30; } | seed fuzz_converter ''
done
if [ -d "$shared/nuts/jrc_nuts_converter_matrices" ]; then
    for f in "$shared"/nuts/jrc_nuts_converter_matrices/*2013_v2016.csv; do
        head -n 30 "$f" | seed fuzz_converter ''
    done
fi
