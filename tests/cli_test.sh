#!/bin/bash
# CLI tests: exact error messages and exit codes for bad input, atomic
# output, --help, determinism.  Fixtures are the first rows of the real
# keep.eu export, corrupted one way each.
# Usage: cli_test.sh path/to/regnet   (run from the project root)
set -u
REGNET=$1
ROOT=$(pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASS=0
FAIL=0

# check CODE EXPECTED_STDERR CMD...: runs CMD, compares exit code and stderr.
check() {
    local want_code=$1 want_err=$2
    shift 2
    local err code
    err=$("$@" 2>&1 >/dev/null)
    code=$?
    if [ "$code" = "$want_code" ] && [ "$err" = "$want_err" ]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        printf 'FAIL: %s\n  want %s: %s\n  got  %s: %s\n' "$*" "$want_code" "$want_err" "$code" "$err"
    fi
}

# ok NAME COMMAND...: a shell condition that must hold.
ok() {
    local name=$1
    shift
    if "$@"; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL: $name"; fi
}

NUTS="$ROOT/data/nuts/nuts2013_all_levels_ropensci.csv"
REAL="$ROOT/data/keep/keep_closed_2014_2020_partnership.csv"

# dataset NAME: a description in $TMP/NAME/ over $TMP/NAME/partners.csv.
dataset() {
    mkdir -p "$TMP/$1"
    cat > "$TMP/$1/d.json" <<JSON
{"regnet_dataset": 1, "name": "$1",
 "regions": {"file": "$NUTS", "nuts_edition": "2013"},
 "sources": [{"format": "keep.eu-partners", "file": "partners.csv", "nuts_edition": "2013"}]}
JSON
    echo "$TMP/$1/d.json"
}

analyze() { "$REGNET" analyze -q --output "$TMP/out.json" "$@"; }
field() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# --- command line ---------------------------------------------------------
check 2 "regnet: missing command

Usage: regnet COMMAND [OPTION…]

Commands:
  analyze    load a dataset, build a network, write a JSON report
  compare    compare the networks of two or more periods, write a JSON report
  recommend  recommend partners with explanations, or validate on a later period
  describe   show what a dataset holds: programmes, periods, coverage
  export     convert a report into GEXF, GraphML, node-link, Cytoscape, CSV, Pajek, DL
  serve      load a dataset once, answer the JSON API and the dashboard over HTTP
  version    print the version and library versions

Run 'regnet COMMAND --help' for a command's options and examples.
Exit status: 0 success, 1 computation failed, 2 usage error, 3 input
cannot be read, 4 input malformed, 5 output cannot be written." "$REGNET"
check 2 "regnet: unknown command 'analyse'; expected one of: analyze, compare, recommend, describe, export, serve, version" "$REGNET" analyse
ok "--help lists the commands" bash -c "'$REGNET' --help | grep -q '^  analyze ' && '$REGNET' --help | grep -q '^  recommend ' && '$REGNET' --help | grep -q '^  version '"
check 1 "regnet: recommend: nothing to evaluate: 30973 nodes in FP7, 35871 in H2020, 0 in both (0 matched by name); 0 new ties and 0 pairs untied in both among them" "$REGNET" recommend -q --dataset data/fp7-h2020.json --network org --evaluate --train FP7 --test H2020 --output "$TMP/out.json"
ok "a failed evaluation writes nothing" test ! -e "$TMP/out.json"
ok "--help lists the commands" bash -c "'$REGNET' --help | grep -q '^  analyze ' && '$REGNET' --help | grep -q '^  version '"
ok "analyze --help lists --alpha" bash -c "'$REGNET' analyze --help | grep -q -- '--alpha=A'"
check 2 "regnet: --network 'city' is not a network kind; expected 'region', 'org', 'country' or 'sector'" \
    analyze --dataset data/keep-2014-2020.json --network city
check 2 "regnet: --level 7 is outside 0-3; expected a NUTS level" \
    analyze --dataset data/keep-2014-2020.json --network region --level 7
check 2 "regnet: --level -1 is outside 0-3; expected a NUTS level" \
    analyze --dataset data/keep-2014-2020.json --level -1
check 2 "regnet: --weight 'jaccard' is not an edge weight; expected 'projects' or 'newman'" \
    analyze --dataset data/keep-2014-2020.json --weight jaccard
check 2 "regnet: --alpha -1 is outside 0-100; expected the exponent A of 1/weight^A" analyze --dataset data/keep-2014-2020.json --alpha -1
check 2 "regnet: analyze: Unknown option --colour" analyze --dataset data/keep-2014-2020.json --colour
check 2 "regnet: analyze: --dataset and --output are required (see regnet analyze --help)" \
    "$REGNET" analyze --dataset data/keep-2014-2020.json
check 2 "regnet: no project with participants matches the filters --period=2021-2027" \
    analyze --dataset data/keep-2014-2020.json --period 2021-2027

# --- compare ------------------------------------------------------------------
check 2 "regnet: data/keep-2000-2020.json: period '2021-2027' has no projects with participants; periods present: 2000-2006, 2007-2013, 2014-2020" \
    "$REGNET" compare -q --dataset data/keep-2000-2020.json --periods 2014-2020,2021-2027 --output "$TMP/c.json"
# Issue 9: unknown members anywhere are exit 4 with the path, the known members, a did-you-mean.
mkdir -p "$TMP/members"; printf 'p,o\n1,A\n' > "$TMP/members/r.csv"
printf '{"regnet_dataset": 1, "name": "x", "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": [{"format": "csv", "file": "r.csv", "programme": "P", "country": "SE", "columns": {"project": "p", "organisation": "o"}}]}' "$NUTS" > "$TMP/members/role.json"
check 4 "regnet: $TMP/members/role.json: sources[0].country: unknown member; a role goes in \"columns\" (naming a column) or \"constants\" (a value for every row), e.g. \"constants\": {\"country\": ...}" "$REGNET" describe --dataset "$TMP/members/role.json"
printf '{"regnet_dataset": 1, "name": "x", "regions": {"file": "%s", "nuts_edition": "2013", "harmonisaton": {}}, "sources": []}' "$NUTS" > "$TMP/members/regions.json"
check 4 "regnet: $TMP/members/regions.json: regions.harmonisaton: unknown member; expected one of: file, nuts_edition, harmonisation; did you mean 'harmonisation'?" analyze --dataset "$TMP/members/regions.json"
printf '{"regnet_dataset": 1, "name": "x", "caveat": [], "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": []}' "$NUTS" > "$TMP/members/top.json"
check 4 "regnet: $TMP/members/top.json: caveat: unknown member; expected one of: regnet_dataset, name, attribution, caveats, regions, sources; did you mean 'caveats'?" analyze --dataset "$TMP/members/top.json"
printf '{"regnet_dataset": 1, "name": "x", "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": [{"format": "keep.eu-projects", "file": "p.csv", "nuts_edition": "2013"}]}' "$NUTS" > "$TMP/members/keep.json"
check 4 "regnet: $TMP/members/keep.json: sources[0].nuts_edition: unknown member; expected one of: format, file" analyze --dataset "$TMP/members/keep.json"

# Issue 9: one programme whose rows carry two periods; both are compared.
"$REGNET" compare -q --dataset tests/fixtures/mapped/periods.json --network org \
    --periods 2014-2020,2021-2027 --output "$TMP/periods.json"
ok "compare sees both periods of one programme" \
    test "$(field "$TMP/periods.json" "[p['network']['projects_selected'] for p in d['periods']]")" = "[1, 1]"
check 2 "regnet: compare: --periods needs 2 to 32 periods, found '2014-2020'" \
    "$REGNET" compare -q --dataset data/keep-2000-2020.json --periods 2014-2020 --output "$TMP/c.json"
check 2 "regnet: compare: --dataset, --periods and --output are required (see regnet compare --help)" \
    "$REGNET" compare --dataset data/keep-2000-2020.json
check 2 "regnet: --programmes '[' is not a regular expression: Error while compiling regular expression ‘[’ at char 1: missing terminating ] for character class" \
    "$REGNET" compare -q --dataset data/keep-2000-2020.json --programmes '[' --periods 2007-2013,2014-2020 --output "$TMP/c.json"
ok "a failed compare writes nothing" test ! -e "$TMP/c.json"
ok "compare: same input, same bytes" bash -c "'$REGNET' compare -q --dataset data/keep-2000-2020.json --network country --periods 2007-2013,2014-2020 --output '$TMP/c1.json' && '$REGNET' compare -q --dataset data/keep-2000-2020.json --network country --periods 2007-2013,2014-2020 --threads 1 --output '$TMP/c2.json' && cmp -s '$TMP/c1.json' '$TMP/c2.json'"
ok "keep.eu 2000-2006 rows are flagged as lead-partner-only in the provenance" bash -c "'$REGNET' analyze -q --dataset data/keep-2000-2020.json --network country --output - | grep -Eq 'lead-partner-only period\":[[:space:]]+7670,'"
ok "compare reports the 2000-2006 caveat" bash -c "'$REGNET' compare -q --dataset data/keep-2000-2020.json --network country --periods 2000-2006,2007-2013 --output - | grep -q 'period 2000-2006: 7327 of 7498 projects (98%) have a single participant in the data'"

# --- input files ------------------------------------------------------------
check 3 "regnet: nope.json: cannot open: No such file or directory" analyze --dataset nope.json
check 3 "regnet: data: is a directory, expected a file" analyze --dataset data

D=$(dataset empty); : > "$TMP/empty/partners.csv"
check 4 "regnet: $TMP/empty/partners.csv:1:1: empty file; expected a header line" analyze --dataset "$D"

D=$(dataset missing-source)
check 3 "regnet: $TMP/missing-source/partners.csv: cannot open: No such file or directory" analyze --dataset "$D"

# A failing first source while the second is prefetched on a thread.
mkdir -p "$TMP/prefetch"
printf '{"regnet_dataset": 1, "name": "p", "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": [{"format": "keep.eu-partners", "file": "missing.csv", "nuts_edition": "2013"}, {"format": "keep.eu-projects", "file": "%s"}]}' "$NUTS" "$ROOT/data/keep/keep_closed_2014_2020_projects.csv" > "$TMP/prefetch/d.json"
check 3 "regnet: $TMP/prefetch/missing.csv: cannot open: No such file or directory" analyze --dataset "$TMP/prefetch/d.json"

D=$(dataset nocolumn); head -20 "$REAL" | sed '1s/;Lead Partner;/;Lead;/' > "$TMP/nocolumn/partners.csv"
check 4 "regnet: $TMP/nocolumn/partners.csv:1:1: header has no column 'Lead Partner'; expected the columns of this source format (see docs/formats.md)" analyze --dataset "$D"

D=$(dataset quote); { head -20 "$REAL"; printf '2014 - 2020 X;"P9;Org;Yes;;;;;;;;;;;\n'; } > "$TMP/quote/partners.csv"
check 4 "regnet: $TMP/quote/partners.csv:21:15: unterminated quoted field; expected a closing '\"' before the end of the file" analyze --dataset "$D"

D=$(dataset columns); { head -20 "$REAL"; printf '2014 - 2020 X;P9;Org;Yes;;;;;;;;;;\n'; head -30 "$REAL" | tail -10; } > "$TMP/columns/partners.csv"
check 4 "regnet: $TMP/columns/partners.csv:21:35: found 14 fields, expected 15 as in the header" analyze --dataset "$D"

D=$(dataset utf8); { head -20 "$REAL"; printf '2014 - 2020 X;P9;Stadt K\xf6ln;Yes;;;;;;;;;;;\n'; } > "$TMP/utf8/partners.csv"
check 4 "regnet: $TMP/utf8/partners.csv:21:25: invalid UTF-8 byte 0xF6; expected UTF-8 text (convert the file, e.g. iconv -f LATIN1 -t UTF-8)" analyze --dataset "$D"

D=$(dataset nuts); { head -20 "$REAL"; printf '2014 - 2020 X;P9;Org;Yes;;;;;;;;;Thuringia;;\n'; } > "$TMP/nuts/partners.csv"
check 4 "regnet: $TMP/nuts/partners.csv:21:34: region cell 'Thuringia' is not a NUTS code; expected 'CODE  / Name' such as 'DEG01  / Erfurt, Kreisfreie Stadt', or an empty cell" analyze --dataset "$D"
# With --skip-invalid-rows the row is rejected, counted, and the rest loads.
ok "--skip-invalid-rows loads the rest" analyze --dataset "$D" --skip-invalid-rows
ok "--skip-invalid-rows counts the row" /usr/bin/python3 -c "
import json, sys
f = json.load(open('$TMP/out.json'))['provenance']['files'][1]
assert (f['rows_read'], f['rows_loaded'], f['rows_rejected']) == (20, 19, 1), f
assert f['rejected_by_reason'] == {'region cell is not a NUTS code': 1}, f
assert f['skipped_rows'] == [\"$TMP/nuts/partners.csv:21:34: region cell 'Thuringia' is not a NUTS code; expected 'CODE  / Name' such as 'DEG01  / Erfurt, Kreisfreie Stadt', or an empty cell\"], f['skipped_rows']"

mkdir -p "$TMP/json"; printf '{\n  "regnet_dataset": 1,\n  "name": "x"\n  "regions": {}\n}\n' > "$TMP/json/d.json"
check 4 "regnet: $TMP/json/d.json:4:3: invalid JSON; expected a dataset description object" analyze --dataset "$TMP/json/d.json"
printf '{"regnet_dataset": 1, "name": "x", "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": [{"format": "cordis", "file": "x.csv"}]}' "$NUTS" > "$TMP/json/f.json"
check 4 "regnet: $TMP/json/f.json: sources[0]: unknown format 'cordis'; expected 'keep.eu-partners', 'keep.eu-projects', 'csv', 'csv-organisations', 'csv-projects', 'json', 'json-organisations' or 'json-projects'" analyze --dataset "$TMP/json/f.json"
printf '{"regnet_dataset": 1, "name": "x", "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": [{"format": "keep.eu-partners", "file": "%s", "nuts_edition": "2016"}]}' "$NUTS" "$REAL" > "$TMP/json/e.json"
check 4 "regnet: $TMP/json/e.json: sources[0]: source uses NUTS 2016 but the region table is NUTS 2013; expected the same edition" analyze --dataset "$TMP/json/e.json"

# --- hardening: the reproducers of issue 14 (tests/fixtures/repro) ------------
# Each once crashed, hung or wrote a report that is not JSON; each must end in
# a clear message, within 10 seconds.
R=tests/fixtures/repro
t10() { timeout 10 "$REGNET" analyze -q --output "$TMP/out.json" "$@"; }
check 4 "regnet: $R/nuts_missing_parent/nuts2013.csv:303:1: code 'DEG01' has no parent region: 'DEG0' is not in the table; expected every level-3 code's parent (the code without its last character) as a level-2 row" \
    t10 --dataset $R/nuts_missing_parent/dataset.json
check 4 "regnet: $R/converter_nan_pop/n3_cm_v2013_v2016.csv:2:61: population 'nan' is not a number of people; expected a finite number, not negative, such as 251888.0" \
    t10 --dataset $R/converter_nan_pop/dataset.json
check 4 "regnet: $R/dataset_invalid_utf8_report/dataset.json:3:15: name: invalid UTF-8 byte 0xFF in the value; expected UTF-8 text (convert the file, e.g. iconv -f LATIN1 -t UTF-8)" \
    t10 --dataset $R/dataset_invalid_utf8_report/dataset.json
check 4 "regnet: $R/mapped_dup_region_key/dataset_wide.json: sources[0].columns: member 'region' appears more than once; expected each member once (JSON readers disagree on which one counts)" \
    t10 --dataset $R/mapped_dup_region_key/dataset_wide.json
# A FIFO with no writer as the second source, read ahead while the first fails.
cp -r $R/prefetch_fifo_hang "$TMP/ahead" && mkfifo "$TMP/ahead/fifo"
sed -i "s|../../../../data/|$ROOT/data/|" "$TMP/ahead/dataset.json"
check 4 "regnet: $TMP/ahead/bad.csv:1:1: header has no column 'Project Partner'; expected the columns of this source format (see docs/formats.md)" \
    t10 --dataset "$TMP/ahead/dataset.json"
sed -i 's|"file": "bad.csv"|"file": "fifo"|' "$TMP/ahead/dataset.json"
check 3 "regnet: $TMP/ahead/fifo: is a FIFO (named pipe); expected a regular file (regnet reads whole files, not streams or devices)" \
    t10 --dataset "$TMP/ahead/dataset.json"
check 3 "regnet: /dev/zero: is a character device; expected a regular file (regnet reads whole files, not streams or devices)" \
    t10 --dataset /dev/zero
mkdir -p "$TMP/dev"; printf '{"regnet_dataset": 1, "name": "z", "regions": {"file": "/dev/zero", "nuts_edition": "2013"}, "sources": [{"format": "csv", "file": "/dev/urandom"}]}' > "$TMP/dev/d.json"
check 3 "regnet: /dev/zero: is a character device; expected a regular file (regnet reads whole files, not streams or devices)" \
    t10 --dataset "$TMP/dev/d.json"
# A 200 MB gzip bomb of 200 KB (once 1.2 GB of memory): refused at 16 MiB.
mkdir -p "$TMP/bomb"; head -c 209715200 /dev/zero | gzip -1 > "$TMP/bomb/rows.csv.gz"
BOMB_SIZE=$(stat -c %s "$TMP/bomb/rows.csv.gz")
printf '{"regnet_dataset": 1, "name": "b", "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": [{"format": "csv", "file": "rows.csv.gz", "programme": "P", "columns": {"project": "p", "organisation": "o"}}]}' "$NUTS" > "$TMP/bomb/d.json"
check 3 "regnet: $TMP/bomb/rows.csv.gz: decompresses to more than 100 times its $BOMB_SIZE bytes (a gzip bomb?); beyond 16777216 bytes regnet reads no more than that ratio (limits: docs/formats.md)" \
    t10 --dataset "$TMP/bomb/d.json"
# gzip faults are named (once all "Invalid compressed data").
head -20 "$REAL" | gzip > "$TMP/bomb/crc.csv.gz"
/usr/bin/python3 -c "import sys; p=sys.argv[1]; b=bytearray(open(p,'rb').read()); b[-8]^=0xFF; open(p,'wb').write(b)" "$TMP/bomb/crc.csv.gz"
sed 's|rows.csv.gz|crc.csv.gz|' "$TMP/bomb/d.json" > "$TMP/bomb/crc.json"
check 4 "regnet: $TMP/bomb/crc.csv.gz: not a valid gzip file: CRC mismatch at the end of the member that starts at byte 0: the decompressed data do not match the checksum stored with them (corrupt file)" \
    t10 --dataset "$TMP/bomb/crc.json"

# --- weak messages (issue 14) -------------------------------------------------------
# No filter given: say what is missing, not "no project ... matches the filters".
D=$(dataset header-only); head -1 "$REAL" > "$TMP/header-only/partners.csv"
check 4 "regnet: $TMP/header-only/d.json: the sources hold no participation ($TMP/header-only/partners.csv: 0 rows read, 0 rejected); expected rows naming a project and an organisation" analyze --dataset "$D"
mkdir -p "$TMP/nonuts"; echo "NUTS_ID,LEVL_CODE,CNTR_CODE,NAME_LATN" > "$TMP/nonuts/nuts.csv"
printf '{"regnet_dataset": 1, "name": "n", "regions": {"file": "nuts.csv", "nuts_edition": "2013"}, "sources": [{"format": "keep.eu-partners", "file": "%s", "nuts_edition": "2013"}]}' "$REAL" > "$TMP/nonuts/d.json"
check 4 "regnet: $TMP/nonuts/nuts.csv: no regions: the table has a header and no rows; expected one row per NUTS region of edition 2013 (all levels)" analyze --dataset "$TMP/nonuts/d.json"
# Lines of spaces and tabs only are blank lines: skipped.
D=$(dataset spaces); { head -10 "$REAL"; printf '   \t \r\n'; head -20 "$REAL" | tail -10; printf '  '; } > "$TMP/spaces/partners.csv"
check 0 "" analyze --dataset "$D"
ok "whitespace-only lines are not rows" test "$(field "$TMP/out.json" "d['provenance']['files'][1]['rows_read']")" = 19
# A 1 MB cell is quoted short.
D=$(dataset long-cell); { head -20 "$REAL"; printf '2014 - 2020 X;P9;Org;Yes;;;;;;;;;%s;;\n' "$(head -c 1048576 /dev/zero | tr '\0' 'A')"; } > "$TMP/long-cell/partners.csv"
check 4 "regnet: $TMP/long-cell/partners.csv:21:34: region cell 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' (1048576 characters) is not a NUTS code; expected 'CODE  / Name' such as 'DEG01  / Erfurt, Kreisfreie Stadt', or an empty cell" analyze --dataset "$D"

# --- output -------------------------------------------------------------------
check 5 "regnet: $TMP/no/such/dir/r.json: cannot write: No such file or directory" \
    "$REGNET" analyze -q --dataset data/keep-2014-2020.json --output "$TMP/no/such/dir/r.json"
echo "previous report" > "$TMP/keep.json"
"$REGNET" analyze -q --dataset "$TMP/nuts/d.json" --output "$TMP/keep.json" 2>/dev/null
ok "a failed run leaves the previous report untouched" test "$(cat "$TMP/keep.json")" = "previous report"
ok "no temporary file is left behind" test -z "$(ls -A "$TMP" | grep '^\.')"

# What --output names is checked before anything is written: rename() would
# replace a device node, a FIFO or a symbolic link with a regular file.
TINY="$TMP/tiny"
mkdir -p "$TINY"
cp "$ROOT/tests/fixtures/tiny/partners.csv" "$TINY/"
sed "s|../../../data/nuts|$ROOT/data/nuts|" "$ROOT/tests/fixtures/tiny/dataset.json" > "$TINY/dataset.json"
tiny() { "$REGNET" analyze -q --dataset "$TINY/dataset.json" "$@"; }
mkfifo "$TMP/fifo"
check 5 "regnet: $TMP/fifo: is a FIFO (named pipe); expected a regular file or a new file name (use '-' for stdout)" tiny --output "$TMP/fifo"
ok "the FIFO is still a FIFO" test -p "$TMP/fifo"
check 5 "regnet: $TMP: is a directory; expected a regular file or a new file name (use '-' for stdout)" tiny --output "$TMP"
if [ "$(id -u)" = 0 ]; then
    mknod -m 666 "$TMP/null" c 1 3
    check 5 "regnet: $TMP/null: is a character device; expected a regular file or a new file name (use '-' for stdout)" tiny --output "$TMP/null"
    ok "the device node is still a character device" test -c "$TMP/null"
    ln -s "$TMP/null" "$TMP/null-link"
    check 5 "regnet: $TMP/null-link: is a character device; expected a regular file or a new file name (use '-' for stdout)" tiny --output "$TMP/null-link"
fi
echo old > "$TMP/target.json"
ln -s target.json "$TMP/link.json"
tiny --output "$TMP/link.json"
ok "a symbolic link is followed: the link stays" test -L "$TMP/link.json"
ok "a symbolic link is followed: its target gets the report" grep -q '"regnet-report"' "$TMP/target.json"
ln -s "$TMP/new-target.json" "$TMP/dangling.json"
tiny --output "$TMP/dangling.json"
ok "a dangling symbolic link creates its target" test -L "$TMP/dangling.json" -a -s "$TMP/new-target.json"
echo old > "$TMP/mode.json"
chmod 640 "$TMP/mode.json"
tiny --output "$TMP/mode.json"
ok "the replaced report keeps its mode" test "$(stat -c %a "$TMP/mode.json")" = 640
(umask 077 && tiny --output "$TMP/umask.json")
ok "a new report honours the umask" test "$(stat -c %a "$TMP/umask.json")" = 600
(umask 022 && tiny --output "$TMP/umask2.json")
ok "a new report is 0666 less the umask" test "$(stat -c %a "$TMP/umask2.json")" = 644
cp "$TINY/partners.csv" "$TMP/partners.copy"
check 5 "regnet: $TINY/partners.csv: is one of this run's input files; expected another file name" tiny --output "$TINY/partners.csv"
check 5 "regnet: $TINY/dataset.json: is one of this run's input files; expected another file name" tiny --output "$TINY/dataset.json"
ok "the input files are untouched" cmp -s "$TINY/partners.csv" "$TMP/partners.copy"
ln "$TINY/partners.csv" "$TMP/hardlink.csv"
check 5 "regnet: $TMP/hardlink.csv: is one of this run's input files; expected another file name" tiny --output "$TMP/hardlink.csv"
LONG="$TMP/$(printf 'r%.0s' $(seq 1 250)).json"
tiny --output "$LONG"
ok "a 255-character file name is written" test -s "$LONG"
check 2 "regnet: --output is empty; expected a file name, or '-' for stdout" tiny --output ''
ok "no temporary file is left behind (output checks)" test -z "$(ls -A "$TMP" | grep '^\.')"

# --- determinism ----------------------------------------------------------------
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --output "$TMP/a.json" --threads 1
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --output "$TMP/b.json" --threads 2
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --output "$TMP/c.json"
ok "same input, same bytes (1 vs 2 threads)" cmp -s "$TMP/a.json" "$TMP/b.json"
ok "same input, same bytes (two runs)" cmp -s "$TMP/b.json" "$TMP/c.json"
ok "report goes to stdout with --output -" bash -c "'$REGNET' analyze --dataset data/keep-2014-2020.json --output - | cmp -s - '$TMP/a.json'"
ok "summary names the top region" bash -c "'$REGNET' analyze --dataset data/keep-2014-2020.json --output '$TMP/d.json' | grep -q 'SI04 *Zahodna Slovenija'"

# --- gzip ------------------------------------------------------------------------
mkdir -p "$TMP/gz"
head -c 100000 data/cordis/h2020_programme_parts_eunets.csv.gz > "$TMP/gz/cut.csv.gz"
printf '{"regnet_dataset": 1, "name": "gz", "regions": {"file": "%s", "nuts_edition": "2013"}, "sources": [{"format": "csv-projects", "file": "cut.csv.gz", "programme": "H2020", "columns": {"project": "rcn", "theme": "programme_part"}}]}' "$NUTS" > "$TMP/gz/d.json"
check 4 "regnet: $TMP/gz/cut.csv.gz: not a valid gzip file: it ends inside compressed data after 100000 bytes; expected the rest of the stream (truncated file?)" \
    analyze --dataset "$TMP/gz/d.json" --network country --output "$TMP/gz/r.json"

# --- NUTS editions ----------------------------------------------------------------
# Default: regions mapped to NUTS 2021 when the description declares the mapping.
ok "default edition is NUTS 2021" test "$(field "$TMP/a.json" "d['provenance']['model']['nuts_edition'], d['provenance']['model']['published_nuts_edition']")" = "('2021', '2013')"
"$REGNET" analyze -q --dataset data/keep-2014-2020.json --nuts-edition 2013 --output "$TMP/e.json"
ok "--nuts-edition 2013 keeps the published codes" test "$(field "$TMP/e.json" "d['provenance']['model']['nuts_edition'], d['summary']['nodes'], 'SI04' in [n['id'] for n in d['nodes']]")" = "('2013', 263, True)"
check 2 "regnet: data/keep-2014-2020.json: regions.harmonisation has no NUTS 2010 mapping; editions available: 2016, 2021, 2024" \
    "$REGNET" analyze --dataset data/keep-2014-2020.json --nuts-edition 2010 --output "$TMP/f.json"
ok "a description without a 2021 mapping keeps its edition and says so" bash -c "'$REGNET' analyze -q --dataset '$ROOT/tests/fixtures/tiny/dataset.json' --output - | grep -q 'Regions are NUTS 2013 codes as the sources give them: the dataset declares no mapping to NUTS 2021 (regions.harmonisation), so they are not harmonised.'"

# --- themes -------------------------------------------------------------------------
check 2 "regnet: no project with participants matches the filters --themes=no such theme" \
    "$REGNET" analyze --dataset data/keep-2014-2020.json --themes 'no such theme' --output "$TMP/t.json"
check 2 "regnet: --themes '(' is not a regular expression: Error while compiling regular expression ‘(’ at char 1: missing terminating )" \
    "$REGNET" analyze --dataset data/keep-2014-2020.json --themes '(' --output "$TMP/t.json"
ok "a failed --themes run writes nothing" test ! -e "$TMP/t.json"

# --- organisation identity ------------------------------------------------------
ok "postcode-corroborated joins are reported" test "$(field "$TMP/a.json" "d['provenance']['identity']['joined_by_postcode'], d['provenance']['identity']['near_duplicate_groups'], d['provenance']['model']['organisations']")" = "(110, 24, 6847)"

# --- export: what is not a regnet report is refused (exit 4), clearly -------------
TINYD="$ROOT/tests/fixtures/tiny/dataset.json"
"$REGNET" analyze -q --dataset "$TINYD" --network org --output "$TMP/tiny.json"
ex() { "$REGNET" export -q --format gexf --output "$TMP/x.gexf" "$@"; }
check 3 "regnet: $TMP/none.json: cannot open: No such file or directory" ex --report "$TMP/none.json"
printf '{"schema": "regnet-report",\n "nodes": [1,]}' > "$TMP/broken.json"
check 4 "regnet: $TMP/broken.json:2:14: invalid JSON; expected a regnet report (written by regnet analyze)" ex --report "$TMP/broken.json"
echo '[1, 2]' > "$TMP/array.json"
check 4 "regnet: $TMP/array.json: is not a JSON object; expected a regnet report (written by regnet analyze)" ex --report "$TMP/array.json"
check 4 "regnet: $ROOT/tests/fixtures/tiny/dataset.json: has no 'schema' member; expected a regnet report (written by regnet analyze)" ex --report "$TINYD"
"$REGNET" compare -q --dataset data/fp7-h2020.json --network country --periods FP7,H2020 --output "$TMP/cmp.json"
check 4 "regnet: $TMP/cmp.json: is a regnet comparison report; expected an analysis report (regnet analyze); a comparison's tables come from regnet compare --format csv" ex --report "$TMP/cmp.json"
/usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1])); d['schema_version'] = '3.0.0'; json.dump(d, open(sys.argv[2], 'w'))" "$TMP/tiny.json" "$TMP/future.json"
check 4 "regnet: $TMP/future.json: has schema_version '3.0.0'; expected 1.x or 2.x (this is regnet 0.1.0)" ex --report "$TMP/future.json"
/usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
del d['nodes'][1]['id']
json.dump(d, open(sys.argv[2], 'w'))
e = json.load(open(sys.argv[1]))
e['edges'][0]['target'] = 'nobody'
json.dump(e, open(sys.argv[3], 'w'))
f = json.load(open(sys.argv[1]))
f['edges'][0]['id'] = f['nodes'][0]['id']
json.dump(f, open(sys.argv[4], 'w'))
" "$TMP/tiny.json" "$TMP/noid.json" "$TMP/noend.json" "$TMP/clash.json"
check 4 "regnet: $TMP/noid.json: nodes[1]: 'id' is missing; expected a string" ex --report "$TMP/noid.json"
check 4 "regnet: $TMP/noend.json: edges[0]: target 'nobody' is not a node id; expected the id of a node in 'nodes'" ex --report "$TMP/noend.json"
FIRST=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['nodes'][0]['id'])" "$TMP/tiny.json")
check 4 "regnet: $TMP/clash.json: edges[0]: edge id '$FIRST' is also a node id; expected an id no node and no other edge has" ex --report "$TMP/clash.json"
ok "a refused export writes nothing" test ! -e "$TMP/x.gexf"
check 2 "regnet: export: --report, --format and --output are required (see regnet export --help)" "$REGNET" export --report "$TMP/tiny.json" --output "$TMP/x.gexf"
check 2 "regnet: export: --format json would copy the report; expected another format (gexf, graphml, node-link, cytoscape, csv, pajek, dl, ...)" "$REGNET" export --report "$TMP/tiny.json" --format json --output "$TMP/x.json"
check 2 "regnet: --format 'xlsx' is not an output format; expected 'json', 'gexf', 'gexf-1.2', 'graphml', 'node-link', 'cytoscape', 'csv', 'pajek' or 'dl'" ex --report "$TMP/tiny.json" --format xlsx
check 2 "regnet: --format csv writes a folder of files; expected a folder name for --output, not '-'" "$REGNET" export --report "$TMP/tiny.json" --format csv --output -
check 2 "regnet: export: Unknown option --dataset" ex --report "$TMP/tiny.json" --dataset "$TINYD"
check 2 "regnet: compare: --format gexf does not apply to a comparison; expected 'json' or 'csv'" "$REGNET" compare --dataset data/fp7-h2020.json --network country --periods FP7,H2020 --format gexf --output "$TMP/c.gexf"
touch "$TMP/plainfile"
check 5 "regnet: $TMP/plainfile: is not a folder; expected a folder to write nodes.csv into (created when missing)" "$REGNET" export --report "$TMP/tiny.json" --format csv --output "$TMP/plainfile"
check 5 "regnet: $TMP/tiny.json: is one of this run's input files; expected another file name" "$REGNET" export --report "$TMP/tiny.json" --format gexf --output "$TMP/tiny.json"
ok "export to stdout" bash -c "'$REGNET' export --report '$TMP/tiny.json' --format pajek --output - | grep -q '^\*Vertices '"
ok "export prints what it wrote" test "$("$REGNET" export --report "$TMP/tiny.json" --format dl --output "$TMP/t.dl")" = "$TMP/t.dl: dl written from $TMP/tiny.json"
ok "csv creates the folder with its parents" bash -c "'$REGNET' export -q --report '$TMP/tiny.json' --format csv --output '$TMP/new/deep' && test -s '$TMP/new/deep/nodes.csv' && test -s '$TMP/new/deep/edges.csv'"
ok "a 1.x report (no edge ids, no directed) still exports" bash -c "/usr/bin/python3 -c \"
import json, sys
d = json.load(open(sys.argv[1]), parse_int=lambda s: -0.0 if s == '-0' else int(s))
d['schema_version'] = '1.3.0'
for e in d['edges']: del e['id']
del d['directed'], d['multigraph']
json.dump(d, open(sys.argv[2], 'w'))\" '$TMP/tiny.json' '$TMP/old.json' && '$REGNET' export -q --report '$TMP/old.json' --format graphml --output '$TMP/old.graphml' && '$REGNET' export -q --report '$TMP/tiny.json' --format graphml --output '$TMP/new.graphml' && cmp -s <(grep -v report_schema_version '$TMP/old.graphml') <(grep -v report_schema_version '$TMP/new.graphml')"

# --- the JSON report's 2.0 members ------------------------------------------------
ok "directed and multigraph are false, attribution is the description's" test "$(field "$TMP/tiny.json" "d['directed'], d['multigraph'], d['dataset']['attribution']")" = "(False, False, None)"
"$REGNET" analyze -q --dataset data/h2020.json --network country --output "$TMP/h2020.json"
ok "country nodes carry English names" test "$(field "$TMP/h2020.json" "[(n['id'], n['label'], n['label_en']) for n in d['nodes'] if n['id'] in ('EL', 'DE', 'XK', 'AE')]")" = "[('AE', 'AE', 'United Arab Emirates'), ('DE', 'Deutschland', 'Germany'), ('EL', 'Elláda', 'Greece'), ('XK', 'XK', 'Kosovo')]"
ok "an unknown organisation region is null, not \"\"" test "$(field "$TMP/tiny.json" "[n['region'] for n in d['nodes']][-2:]")" = "['ITC11', None]"

echo "cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
