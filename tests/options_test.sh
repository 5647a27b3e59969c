#!/bin/bash
# Every option of every command, each documented value and each bound: the
# rejected values with their exact messages (exit 2), the accepted ones run
# to a report (exit 0).  The list of options is read from --help, so an
# option added without a case here fails this test.
# Usage: options_test.sh path/to/regnet   (run from the project root)
set -u
REGNET=$1
ROOT=$(pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASS=0
FAIL=0

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
ok() {
    local name=$1
    shift
    if "$@"; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL: $name"; fi
}

TINY="$TMP/tiny"
mkdir -p "$TINY"
cp "$ROOT/tests/fixtures/tiny/partners.csv" "$TINY/"
sed "s|../../../data/nuts|$ROOT/data/nuts|" "$ROOT/tests/fixtures/tiny/dataset.json" > "$TINY/dataset.json"
KEEP=data/keep-2014-2020.json
KEEP_ALL=data/keep-2000-2020.json
a() { "$REGNET" analyze -q --output "$TMP/r.json" "$@"; }
c() { "$REGNET" compare -q --output "$TMP/c.json" --dataset "$KEEP_ALL" "$@"; }
rc() { "$REGNET" recommend -q --output "$TMP/r.json" "$@"; }
# runs NAME CMD...: the command exits 0 with a JSON report.
runs() {
    local name=$1
    shift
    rm -f "$TMP/r.json" "$TMP/c.json"
    if "$@" >/dev/null 2>"$TMP/err" && /usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/$( [ -e "$TMP/c.json" ] && echo c || echo r).json" 2>/dev/null; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        printf 'FAIL: %s\n  %s\n' "$name" "$(head -3 "$TMP/err")"
    fi
}

# --- the options --help lists are the options tested here -------------------------
options_of() { "$REGNET" "$1" --help | grep -oE '^  (-[a-z], )?--[a-z-]+' | sed 's/.*--//' | grep -v '^help$' | sort | tr '\n' ' '; }
ok "recommend options are all covered" test "$(options_of recommend)" = "all countries dataset evaluate exclude-existing for level network nuts-edition output pairs period programmes quiet sectors seed skip-invalid-rows test themes timings top train "
ok "analyze options are all covered" test "$(options_of analyze)" = "alpha betweenness-sample bridges dataset figure-metric figure-top figures format group level metrics network nuts-edition objective output period permutations programme programmes progress quiet reductions resolution runs seed skip-invalid-rows themes threads timings top weight "
ok "compare options are all covered" test "$(options_of compare)" = "alpha bootstrap bootstrap-ranks dataset format level network null-models nuts-edition output periods permutations programmes qap quiet resample-paths seed skip-invalid-rows themes threads top "
ok "serve options are all covered" test "$(options_of serve)" = "bind dataset nuts-edition port queue quiet skip-invalid-rows "
ok "describe options are all covered" test "$(options_of describe)" = "dataset nuts-edition output quiet skip-invalid-rows "
ok "export options are all covered" test "$(options_of export)" = "format output quiet report "

# --- help pages ---------------------------------------------------------------------
ok "analyze --help: usage line names the required options" bash -c "'$REGNET' analyze --help | sed -n 2p | grep -qxF '  regnet analyze [OPTION…] --dataset FILE --output FILE'"
ok "compare --help: usage line names the required options" bash -c "'$REGNET' compare --help | sed -n 2p | grep -qxF '  regnet compare [OPTION…] --dataset FILE --periods LIST --output FILE'"
ok "export --help: usage line names the required options" bash -c "'$REGNET' export --help | sed -n 2p | grep -qxF '  regnet export [OPTION…] --report FILE --format F --output FILE'"
ok "export --help shows two examples" test "$("$REGNET" export --help | grep -c '^  regnet export --report')" = 2
ok "analyze --help shows two examples" test "$("$REGNET" analyze --help | grep -c '^  regnet analyze --dataset')" = 2
ok "recommend --help: usage line names the required options" bash -c "'$REGNET' recommend --help | sed -n 2p | grep -qxF '  regnet recommend [OPTION…] --dataset FILE (--for ID[,ID...] | --all | --evaluate) --output FILE'"
ok "recommend --help shows two examples" test "$("$REGNET" recommend --help | grep -c '^  regnet recommend --dataset')" = 2
ok "compare --help shows two examples" test "$("$REGNET" compare --help | grep -c '^  regnet compare --dataset')" = 2
ok "help says what --dataset wants" bash -c "'$REGNET' analyze --help | grep -q 'Dataset description (JSON; docs/dataset.md; bundled: data/\*.json) (required)'"
ok "no '[OPTION?]' whatever the locale" bash -c "LANG=C LC_ALL=C '$REGNET' analyze --help | grep -qF '[OPTION…]'"

ok "serve --help: usage line names the required options" bash -c "'$REGNET' serve --help | sed -n 2p | grep -qxF '  regnet serve [OPTION…] --dataset FILE'"
ok "serve --help shows two examples" test "$("$REGNET" serve --help | grep -c '^  regnet serve --dataset')" = 2

# --- serve (its values run in tests/serve_test.py: --port 0, --bind 127.0.0.1, --queue 1) ---
for v in -1 65536; do check 2 "regnet: --port $v is outside 0-65535; expected a TCP port" "$REGNET" serve --dataset "$KEEP" --port $v; done
for v in 0 1001; do check 2 "regnet: --queue $v is outside 1-1000; expected a queue length" "$REGNET" serve --dataset "$KEEP" --queue $v; done
check 2 "regnet: --bind is empty; expected an IP address" "$REGNET" serve --dataset "$KEEP" --bind ''
check 2 "regnet: --bind 'localhost' is not an IP address; expected e.g. 127.0.0.1 or ::1" "$REGNET" serve --dataset "$KEEP" --bind localhost --port 0 --nuts-edition 2016 --skip-invalid-rows -q
check 2 "regnet: serve: --dataset is required (see regnet serve --help)" "$REGNET" serve --port 0
check 2 "regnet: serve: Unknown option --output" "$REGNET" serve --dataset "$KEEP" --output x.json
check 2 "regnet: analyze: Unknown option --port" a --dataset "$KEEP" --port 1

# --- numbers: bounds, non-numbers, non-finite values ----------------------------------
for v in 4 -1; do check 2 "regnet: --level $v is outside 0-3; expected a NUTS level" a --dataset "$KEEP" --level $v; done
check 2 "regnet: --level '2.5' is not an integer; expected a NUTS level, 0-3" a --dataset "$KEEP" --level 2.5
check 2 "regnet: --level 'two' is not an integer; expected a NUTS level, 0-3" a --dataset "$KEEP" --level two
for v in -1 101; do check 2 "regnet: --alpha $v is outside 0-100; expected the exponent A of 1/weight^A" a --dataset "$KEEP" --alpha $v; done
for v in nan inf -inf; do check 2 "regnet: --alpha '$v' is not a finite number; expected the exponent A of 1/weight^A, 0-100" a --dataset "$KEEP" --alpha $v; done
check 2 "regnet: --alpha '' is not a finite number; expected the exponent A of 1/weight^A, 0-100" a --dataset "$KEEP" --alpha ''
for v in 0 -1 1000001; do check 2 "regnet: --resolution $v is outside 0 (not included) up to 1000000; expected a resolution above 0" a --dataset "$KEEP" --resolution $v; done
check 2 "regnet: --resolution 'inf' is not a finite number; expected a resolution above 0, 0 (not included) up to 1000000" a --dataset "$KEEP" --resolution inf
for v in -7 9007199254740992; do check 2 "regnet: --seed $v is outside 0-9007199254740991; expected a seed" a --dataset "$KEEP" --seed $v; done
for v in 0 1001; do check 2 "regnet: --runs $v is outside 1-1000; expected a number of runs" a --dataset "$KEEP" --runs $v; done
for v in -1 100001 2147483648; do check 2 "regnet: --permutations $v is outside 0-100000; expected a number of permutations" a --dataset "$KEEP" --permutations $v; done
for v in -1 10001; do check 2 "regnet: --top $v is outside 0-10000; expected a number of items" a --dataset "$KEEP" --top $v; done
for v in -1 257; do check 2 "regnet: --threads $v is outside 0-256; expected a number of threads" a --dataset "$KEEP" --threads $v; done

# --- choices, texts, expressions ------------------------------------------------------
check 2 "regnet: --network 'city' is not a network kind; expected 'region', 'org', 'country' or 'sector'" a --dataset "$KEEP" --network city
check 2 "regnet: --weight 'jaccard' is not an edge weight; expected 'projects' or 'newman'" a --dataset "$KEEP" --weight jaccard
check 2 "regnet: --nuts-edition '2017' is not a NUTS edition; expected '2003', '2006', '2010', '2013', '2016', '2021' or '2024'" a --dataset "$KEEP" --nuts-edition 2017
check 2 "regnet: --group 'town' is not a grouping; expected 'country', 'sector', 'nuts0', 'nuts1', 'nuts2', 'nuts3' or 'community'" a --dataset "$KEEP" --group town
check 2 "regnet: --objective 'louvain' is not a Leiden objective; expected 'modularity' or 'cpm'" a --dataset "$KEEP" --objective louvain
check 2 "regnet: --dataset is empty; expected a file name" a --dataset ''
check 2 "regnet: --output is empty; expected a file name, or '-' for stdout" "$REGNET" analyze --dataset "$KEEP" --output ''
check 2 "regnet: --programme is empty; expected a programme name" a --dataset "$KEEP" --programme ''
check 2 "regnet: --period is empty; expected a period name" a --dataset "$KEEP" --period ''
check 2 "regnet: --themes '' is not a regular expression: it is empty" a --dataset "$KEEP" --themes ''
check 2 "regnet: --programmes '[' is not a regular expression: Error while compiling regular expression ‘[’ at char 1: missing terminating ] for character class" a --dataset "$KEEP" --programmes '['
LONGVALUE=$(printf 'x%.0s' $(seq 1 200))
check 2 "regnet: --network '$(printf 'x%.0s' $(seq 1 60))…' (200 characters) is not a network kind; expected 'region', 'org', 'country' or 'sector'" a --dataset "$KEEP" --network "$LONGVALUE"

# --- combinations and stray arguments ---------------------------------------------------
check 2 "regnet: --bridges needs a region network and --group (e.g. --group country)" a --dataset "$KEEP" --bridges
check 2 "regnet: --bridges needs a region network and --group (e.g. --group country)" a --dataset "$KEEP" --bridges --group sector --network org
check 2 "regnet: --bridges needs a grouping organisations share with regions (country, nuts0-3)" a --dataset "$KEEP" --bridges --group community
check 2 "regnet: analyze: unexpected argument 'extra'; options take the form --name VALUE (see regnet analyze --help)" a --dataset "$KEEP" extra
check 2 "regnet: compare: Unknown option --group" c --periods 2007-2013,2014-2020 --group country
check 2 "regnet: compare: Unknown option --weight" c --periods 2007-2013,2014-2020 --weight newman
check 2 "regnet: analyze: --dataset and --output are required (see regnet analyze --help)" "$REGNET" analyze --output x.json

# --- compare validates as analyze does (reproducer compare_unvalidated_options) ----------
for v in nan inf; do check 2 "regnet: --alpha '$v' is not a finite number; expected the exponent A of 1/weight^A, 0-100" c --periods 2007-2013,2014-2020 --alpha $v; done
check 2 "regnet: --alpha -1 is outside 0-100; expected the exponent A of 1/weight^A" c --periods 2007-2013,2014-2020 --alpha -1
check 2 "regnet: --seed -7 is outside 0-9007199254740991; expected a seed" c --periods 2007-2013,2014-2020 --seed -7
check 2 "regnet: --threads -1 is outside 0-256; expected a number of threads" c --periods 2007-2013,2014-2020 --threads -1
check 2 "regnet: --top -1 is outside 0-10000; expected a number of items" c --periods 2007-2013,2014-2020 --top -1
check 2 "regnet: compare: --periods '2007-2013,,2014-2020' has an empty period at position 2; expected period names separated by commas" c --periods 2007-2013,,2014-2020
check 2 "regnet: compare: --periods names '2007-2013' twice; expected distinct periods" c --periods 2007-2013,2007-2013
check 2 "regnet: compare: --periods needs 2 to 32 periods, found '$(seq -s, 1 33)'" c --periods "$(seq -s, 1 33)"
for v in -1 10001; do check 2 "regnet: --bootstrap $v is outside 0-10000; expected a number of bootstrap replicates" c --periods 2007-2013,2014-2020 --bootstrap $v; done
for v in -1 100001; do check 2 "regnet: --permutations $v is outside 0-100000; expected a number of permutations" c --periods 2007-2013,2014-2020 --permutations $v; done
for v in -1 100001; do check 2 "regnet: --qap $v is outside 0-100000; expected a number of QAP permutations" c --periods 2007-2013,2014-2020 --qap $v; done
for v in -1 10001; do check 2 "regnet: --null-models $v is outside 0-10000; expected a number of null networks" c --periods 2007-2013,2014-2020 --null-models $v; done
check 2 "regnet: --bootstrap-ranks 'influence' is not a centrality; expected 'degree', 'strength', 'betweenness', 'harmonic', 'closeness', 'eigenvector' or 'pagerank'" c --periods 2007-2013,2014-2020 --bootstrap 10 --bootstrap-ranks influence
check 2 "regnet: --bootstrap-ranks needs --bootstrap N (e.g. --bootstrap 1000)" c --periods 2007-2013,2014-2020 --bootstrap-ranks degree
check 2 "regnet: analyze: Unknown option --bootstrap" a --dataset "$KEEP" --bootstrap 10
check 2 "regnet: $KEEP_ALL: --bootstrap 10000, --permutations 0 and --null-models 0 on these networks need about 1.3e+13 node-tie steps of work, more than the 2e+11 (about an hour) regnet allows; lower them" c --network org --periods 2007-2013,2014-2020 --bootstrap 10000 --resample-paths
check 2 "regnet: compare: --dataset, --periods and --output are required (see regnet compare --help)" "$REGNET" compare --dataset "$KEEP_ALL" --output x.json
ok "a rejected compare writes nothing" test ! -e "$TMP/c.json"

# --- every documented value runs ---------------------------------------------------------
for n in region org country sector; do runs "--network $n" a --dataset "$TINY/dataset.json" --network $n; done
for l in 0 1 2 3; do runs "--level $l" a --dataset "$TINY/dataset.json" --level $l; done
for w in projects newman; do runs "--weight $w" a --dataset "$TINY/dataset.json" --network org --weight $w; done
for v in 0 100; do runs "--alpha $v" a --dataset "$TINY/dataset.json" --alpha $v; done
for g in country nuts0 nuts1 nuts2 community; do runs "--group $g" a --dataset "$KEEP" --group $g; done
runs "--group nuts3 on a NUTS3 network" a --dataset "$KEEP" --level 3 --group nuts3
runs "--group sector on an organisation network" a --dataset "$TINY/dataset.json" --network org --group sector
for o in modularity cpm; do runs "--objective $o" a --dataset "$KEEP" --group community --objective $o; done
runs "--resolution at its bound" a --dataset "$KEEP" --group country --objective cpm --resolution 1000000
runs "--seed at its bound" a --dataset "$TINY/dataset.json" --group country --seed 9007199254740991
ok "the seed is recorded exactly" /usr/bin/python3 -c "import json; assert json.load(open('$TMP/r.json'))['parameters']['seed'] == 9007199254740991"
runs "--runs at its bound" a --dataset "$TINY/dataset.json" --group country --runs 1000
runs "--permutations at its bounds" a --dataset "$TINY/dataset.json" --group country --permutations 100000
runs "--permutations 0" a --dataset "$TINY/dataset.json" --group country --permutations 0
for t in 0 1 256; do runs "--threads $t" a --dataset "$TINY/dataset.json" --threads $t; done
for k in 0 10000; do runs "--top $k" a --dataset "$TINY/dataset.json" --network org --group sector --top $k; done
for e in 2013 2016 2021 2024; do runs "--nuts-edition $e" a --dataset "$KEEP" --nuts-edition $e; done
for e in 2003 2006 2010; do check 2 "regnet: $KEEP: regions.harmonisation has no NUTS $e mapping; editions available: 2016, 2021, 2024" a --dataset "$KEEP" --nuts-edition $e; done
runs "--programme" a --dataset "$KEEP" --programme "2014 - 2020 INTERREG V-A Austria - Czech Republic"
runs "--programmes" a --dataset "$KEEP" --programmes "danube|alpine"
runs "--themes" a --dataset "$KEEP" --themes "^TO1 "
runs "--period" a --dataset "$KEEP_ALL" --period 2007-2013
runs "--bridges" a --dataset "$KEEP" --group country --bridges
runs "--skip-invalid-rows" a --dataset "$TINY/dataset.json" --skip-invalid-rows
runs "--timings" a --dataset "$TINY/dataset.json" --timings
ok "--timings prints the phases" grep -q '^regnet: timings: load .*(paths [0-9.]* s: [0-9]* sources, ' "$TMP/err"
runs "--timings with a sample" a --dataset "$TINY/dataset.json" --network org --metrics betweenness --betweenness-sample 0.5,0.5 --timings
ok "--timings says when no exact path pass ran" grep -q '^regnet: timings: load .*(no exact path pass; betweenness sample ' "$TMP/err"
ok "--quiet prints nothing" test -z "$("$REGNET" analyze -q --dataset "$TINY/dataset.json" --output "$TMP/q.json")"
ok "without --quiet the summary is printed" bash -c "'$REGNET' analyze --dataset '$TINY/dataset.json' --output '$TMP/q.json' | grep -q '^region network at NUTS level 2'"
for n in region country org sector; do runs "compare --network $n" c --network $n --periods 2007-2013,2014-2020 --programmes "Alpine Space"; done
runs "compare --level 1" c --level 1 --periods 2007-2013,2014-2020
runs "compare --alpha 0 --seed 0 --top 0 --threads 1" c --alpha 0 --seed 0 --top 0 --threads 1 --periods 2007-2013,2014-2020
runs "compare --nuts-edition 2016 --skip-invalid-rows" c --nuts-edition 2016 --skip-invalid-rows --periods 2007-2013,2014-2020
check 2 "regnet: $KEEP_ALL: period '2007-2013': no project with participants matches the filters --period=2007-2013 --themes=." c --themes . --periods 2007-2013,2014-2020
runs "compare of three periods" c --periods 2000-2006,2007-2013,2014-2020
# Resampling at its bounds on the hand-written fixture (two periods of one and
# five projects: the permutation test enumerates every split).
ct() { "$REGNET" compare -q --output "$TMP/c.json" --dataset "$TINY/dataset.json" --periods 2007-2013,2014-2020 "$@"; }
runs "compare --bootstrap, --permutations, --qap, --null-models at their bounds" ct --bootstrap 10000 --permutations 100000 --qap 100000 --null-models 10000
ok "a small permutation test is exact" /usr/bin/python3 -c "import json; t = json.load(open('$TMP/c.json'))['comparisons'][0]['permutation_test']; assert t['exact'] and t['permutations'] == 100000"
for r in degree strength betweenness harmonic closeness eigenvector pagerank; do runs "compare --bootstrap-ranks $r" ct --bootstrap 20 --bootstrap-ranks $r; done
runs "compare --resample-paths with every resampling" c --network country --periods 2007-2013,2014-2020 --bootstrap 20 --permutations 20 --qap 20 --null-models 5 --resample-paths
ok "--resample-paths gives path statistics intervals" /usr/bin/python3 -c "import json; p = json.load(open('$TMP/c.json'))['periods'][0]['bootstrap']; assert p['path_statistics'] and p['centralization_betweenness']['ci_low'] is not None"
runs "compare --bootstrap 0 --permutations 0 --qap 0 --null-models 0" c --network country --periods 2007-2013,2014-2020 --bootstrap 0 --permutations 0 --qap 0 --null-models 0
ok "no resampling: null blocks" /usr/bin/python3 -c "import json; r = json.load(open('$TMP/c.json')); assert r['periods'][0]['bootstrap'] is None and r['comparisons'][0]['permutation_test'] is None and r['comparisons'][0]['qap']['p_value'] is None"
ok "compare without --quiet prints the table" bash -c "'$REGNET' compare --dataset '$KEEP_ALL' --periods 2007-2013,2014-2020 --output '$TMP/q.json' | grep -q '^  period '"

# --- recommend ---------------------------------------------------------------------------
check 2 "regnet: recommend: give --for ID[,ID...], --all or --evaluate (see regnet recommend --help)" rc --dataset "$KEEP"
check 2 "regnet: recommend: --for, --all and --evaluate exclude each other" rc --dataset "$KEEP" --for SI04 --all
check 2 "regnet: recommend: --top 0 lists nothing; expected 1-10000" rc --dataset "$KEEP" --for SI04 --top 0
check 2 "regnet: --top 10001 is outside 0-10000; expected a number of items" rc --dataset "$KEEP" --for SI04 --top 10001
check 2 "regnet: --for is empty; expected node ids separated by commas" rc --dataset "$KEEP" --for ''
check 2 "regnet: --sectors is empty; expected sectors separated by commas" rc --dataset "$KEEP" --for SI04 --sectors ''
check 2 "regnet: --countries is empty; expected country codes separated by commas" rc --dataset "$KEEP" --for SI04 --countries ''
check 2 "regnet: --train is empty; expected a period name" rc --dataset "$KEEP" --evaluate --train '' --test x
check 2 "regnet: --test is empty; expected a period name" rc --dataset "$KEEP" --evaluate --train x --test ''
check 2 "regnet: --pairs is empty; expected a file name" rc --dataset "$KEEP" --evaluate --train x --test y --pairs ''
check 2 "regnet: recommend: --train, --test and --pairs need --evaluate" rc --dataset "$KEEP" --for SI04 --train 2007-2013
check 2 "regnet: recommend: --evaluate needs --train and --test (periods as the data name them, e.g. --train 2007-2013 --test 2014-2020)" rc --dataset "$KEEP" --evaluate --train 2007-2013
check 2 "regnet: recommend: --train and --test both name '2007-2013'; expected two periods" rc --dataset "$KEEP" --evaluate --train 2007-2013 --test 2007-2013
check 2 "regnet: recommend: --evaluate ranks every candidate of the periods it compares; --themes, --sectors, --countries, --exclude-existing and --period do not apply to it" rc --dataset "$KEEP_ALL" --evaluate --train 2007-2013 --test 2014-2020 --exclude-existing
check 2 "regnet: recommend: --pairs and --output name the same file '$TMP/r.json'" rc --dataset "$KEEP_ALL" --evaluate --train 2007-2013 --test 2014-2020 --pairs "$TMP/r.json"
check 2 "regnet: recommend: --network sector has too few nodes to recommend partners; expected region, org or country" rc --dataset "$KEEP" --network sector --for public
check 2 "regnet: recommend: --for 'SI4' is not a node of this region network (NUTS level 2); closest: SI04 (Zahodna Slovenija), ES24 (Aragón), ITI4 (Lazio), SI03 (Vzhodna Slovenija), SK04 (Východné Slovensko)" rc --dataset "$KEEP" --for SI4
check 2 "regnet: recommend: --sectors 'firm' is not a sector of this network's organisations; sectors present: private, public" rc --dataset "$KEEP" --for SI04 --sectors firm
check 2 "regnet: recommend: --countries 'XX': no node of this network is in country 'XX'; expected country codes as the data write them (EL for Greece, UK for the United Kingdom)" rc --dataset "$KEEP" --for SI04 --countries XX
check 2 "regnet: recommend: --themes 'no such theme' matches no theme of this network's projects (52 themes; see a report's network.projects_by_theme)" rc --dataset "$KEEP" --for SI04 --themes 'no such theme'
check 2 "regnet: recommend: --train '1990-1999' has no projects with participants; periods present: 2000-2006, 2007-2013, 2014-2020" rc --dataset "$KEEP_ALL" --evaluate --train 1990-1999 --test 2014-2020
check 2 "regnet: recommend: Unknown option --weight" rc --dataset "$KEEP" --for SI04 --weight newman
for n in region org country; do runs "recommend --network $n" rc --dataset "$TINY/dataset.json" --network $n --all; done
for l in 0 1 3; do runs "recommend --level $l" rc --dataset "$KEEP" --level $l --all --top 1; done
runs "recommend --for two ids, one a name with a comma" rc --dataset "$KEEP" --network org --for "University of Natural Resources and Life Sciences, Vienna,DE|Technical University Munich"
ok "--for resolves a name with a comma and a key spelt as the data" /usr/bin/python3 -c "import json; t=[x['id'] for x in json.load(open('$TMP/r.json'))['targets']]; assert t == ['AT|university of natural resources and life sciences, vienna', 'DE|technical university munich'], t"
runs "recommend --for si04 (any case) --top 10000" rc --dataset "$KEEP" --for si04 --top 10000
runs "recommend --themes --sectors --countries --exclude-existing" rc --dataset "$KEEP" --for SI04 --themes '^Clustering' --sectors private --countries AT,gr,HR --exclude-existing
ok "the filters hold" /usr/bin/python3 -c "
import json; r = json.load(open('$TMP/r.json'))['recommendations']
assert r and all(x['country'] in ('AT', 'EL', 'HR') and x['existing_projects'] == 0 for x in r)"
runs "recommend --period --programmes --nuts-edition --seed --skip-invalid-rows" rc --dataset "$KEEP_ALL" --period 2014-2020 --programmes "interreg" --nuts-edition 2024 --seed 0 --skip-invalid-rows --for AT13
runs "recommend --timings" rc --dataset "$TINY/dataset.json" --all --timings
ok "recommend --timings prints the phases" grep -q '^regnet: timings: load .* fit .* score ' "$TMP/err"
runs "recommend --evaluate --train --test --pairs" rc --dataset "$KEEP_ALL" --evaluate --train 2007-2013 --test 2014-2020 --seed 9007199254740991 --top 5 --pairs "$TMP/pairs.csv"
ok "--pairs writes the evaluated pairs" test "$(head -1 "$TMP/pairs.csv" | cut -d, -f1-3)" = "source,target,new_tie"
ok "recommend without --quiet prints the partners" bash -c "'$REGNET' recommend --dataset '$KEEP' --for SI04 --output '$TMP/q.json' | grep -q '^partners for SI04 Zahodna Slovenija'"
ok "recommend --output - writes the report to stdout" bash -c "'$REGNET' recommend --dataset '$KEEP' --for SI04 --output - | /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)'"
# --- every --format value runs, in each command it applies to ---------------------------
# written: NAME PATH: the command wrote a non-empty file (or a folder of them)
written() {
    local name=$1 path=$2
    if [ -s "$path" ] || [ -s "$path/nodes.csv" ] || [ -s "$path/comparison.csv" ]; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL: $name"; fi
}
for f in json gexf gexf-1.2 graphml node-link cytoscape csv pajek dl; do
    rm -rf "$TMP/f.out"
    "$REGNET" analyze -q --dataset "$TINY/dataset.json" --network org --group sector --format $f --output "$TMP/f.out" 2>"$TMP/err"
    written "analyze --format $f" "$TMP/f.out"
done
"$REGNET" analyze -q --dataset "$TINY/dataset.json" --network org --output "$TMP/e.json"
for f in gexf gexf-1.2 graphml node-link cytoscape csv pajek dl; do
    rm -rf "$TMP/f.out"
    "$REGNET" export -q --report "$TMP/e.json" --format $f --output "$TMP/f.out" 2>"$TMP/err"
    written "export --format $f" "$TMP/f.out"
done
check 2 "regnet: export: --format json would copy the report; expected another format (gexf, graphml, node-link, cytoscape, csv, pajek, dl, ...)" "$REGNET" export --report "$TMP/e.json" --format json --output "$TMP/f.out"
check 2 "regnet: --report is empty; expected a file name" "$REGNET" export --report '' --format gexf --output "$TMP/f.out"
ok "export --quiet prints nothing" test -z "$("$REGNET" export -q --report "$TMP/e.json" --format dl --output "$TMP/q.dl")"
for f in json csv; do
    rm -rf "$TMP/f.out"
    "$REGNET" compare -q --dataset "$KEEP_ALL" --periods 2007-2013,2014-2020 --programmes "Alpine Space" --format $f --output "$TMP/f.out" 2>"$TMP/err"
    written "compare --format $f" "$TMP/f.out"
done
ok "compare --format csv: a node table per period, periods.csv and comparison.csv" test "$(ls "$TMP/f.out" | tr '\n' ' ')" = "comparison.csv nodes_2007-2013.csv nodes_2014-2020.csv periods.csv "
for f in gexf gexf-1.2 graphml node-link cytoscape pajek dl; do
    check 2 "regnet: compare: --format $f does not apply to a comparison; expected 'json' or 'csv'" c --periods 2007-2013,2014-2020 --format $f
done

# --- --figures, --figure-metric, --figure-top (docs/figures.md) -----------------------------
# figures: NAME DIR: the command wrote figures.json and the bar charts into DIR
figures() {
    local name=$1 dir=$2
    if [ -s "$dir/figures.json" ] && [ -s "$dir/bars-degree.svg" ] && [ -s "$dir/bars-degree.png" ]; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL: $name"; fi
}
for m in degree strength betweenness harmonic closeness eigenvector pagerank; do
    rm -rf "$TMP/figs"
    a --dataset "$TINY/dataset.json" --network org --group sector --figures "$TMP/figs" --figure-metric $m 2>"$TMP/err"
    figures "--figure-metric $m" "$TMP/figs"
    ok "--figure-metric $m is recorded" grep -q "\"size_metric\":	\"$m\"" "$TMP/figs/figures.json"
done
for k in 1 100; do
    rm -rf "$TMP/figs"
    a --dataset "$TINY/dataset.json" --figures "$TMP/figs" --figure-top $k 2>"$TMP/err"
    figures "--figure-top $k" "$TMP/figs"
done
ok "a region network gets a map" test -s "$TMP/figs/map.png"
for k in 0 101; do check 2 "regnet: --figure-top $k is outside 1-100; expected a number of bars" a --dataset "$TINY/dataset.json" --figures "$TMP/figs" --figure-top $k; done
check 2 "regnet: --figure-metric 'size' is not a centrality; expected 'degree', 'strength', 'betweenness', 'harmonic', 'closeness', 'eigenvector' or 'pagerank'" a --dataset "$TINY/dataset.json" --figures "$TMP/figs" --figure-metric size
check 2 "regnet: --figures is empty; expected a folder name" a --dataset "$TINY/dataset.json" --figures ''
check 2 "regnet: --figure-metric and --figure-top need --figures DIR (e.g. --figures figs)" a --dataset "$TINY/dataset.json" --figure-metric degree
check 2 "regnet: --figure-metric and --figure-top need --figures DIR (e.g. --figures figs)" a --dataset "$TINY/dataset.json" --figure-top 5
touch "$TMP/plain-file"
check 5 "regnet: $TMP/plain-file: is not a folder; expected a folder to write bars-degree.svg into (created when missing)" a --dataset "$TINY/dataset.json" --figures "$TMP/plain-file"
# --- --metrics, --betweenness-sample, --progress (issue 15) -------------------------------
check 2 "regnet: --metrics 'influence' is not one of the centralities; expected a comma-separated list of 'degree', 'strength', 'betweenness', 'harmonic', 'closeness', 'eigenvector' or 'pagerank'" a --dataset "$KEEP" --metrics degree,influence
check 2 "regnet: --metrics '' is not one of the centralities; expected a comma-separated list of 'degree', 'strength', 'betweenness', 'harmonic', 'closeness', 'eigenvector' or 'pagerank'" a --dataset "$KEEP" --metrics ''
check 2 "regnet: --metrics names 'degree' twice; expected distinct centralities" a --dataset "$KEEP" --metrics degree,strength,degree
check 2 "regnet: --bridges ranks regions by betweenness; add betweenness to --metrics" a --dataset "$KEEP" --group country --bridges --metrics degree
check 2 "regnet: --betweenness-sample estimates betweenness, which --metrics leaves out" a --dataset "$KEEP" --metrics degree --betweenness-sample 0.1,0.1
check 2 "regnet: --betweenness-sample '0.1' is not two numbers; expected an error bound EPS and a failure probability DELTA, e.g. 0.01,0.1" a --dataset "$KEEP" --betweenness-sample 0.1
check 2 "regnet: --betweenness-sample '0.1,x' is not two numbers; expected an error bound EPS and a failure probability DELTA, e.g. 0.01,0.1" a --dataset "$KEEP" --betweenness-sample 0.1,x
check 2 "regnet: --betweenness-sample 'nan,0.1' is not two numbers; expected an error bound EPS and a failure probability DELTA, e.g. 0.01,0.1" a --dataset "$KEEP" --betweenness-sample nan,0.1
check 2 "regnet: --betweenness-sample 0.0009,0.1: the first number 0.0009 is outside 0.001 up to (not including) 1; expected an error bound EPS and a failure probability DELTA, e.g. 0.01,0.1" a --dataset "$KEEP" --betweenness-sample 0.0009,0.1
check 2 "regnet: --betweenness-sample 1,0.1: the first number 1 is outside 0.001 up to (not including) 1; expected an error bound EPS and a failure probability DELTA, e.g. 0.01,0.1" a --dataset "$KEEP" --betweenness-sample 1,0.1
check 2 "regnet: --betweenness-sample 0.1,1: the second number 1 is outside 1e-09 up to (not including) 1; expected an error bound EPS and a failure probability DELTA, e.g. 0.01,0.1" a --dataset "$KEEP" --betweenness-sample 0.1,1
check 2 "regnet: --figures sizes nodes by strength, which --metrics leaves out; add it to --metrics or choose another --figure-metric" a --dataset "$KEEP" --metrics degree --figures "$TMP/figs"
check 2 "regnet: --figures sizes nodes by pagerank, which --metrics leaves out; add it to --metrics or choose another --figure-metric" a --dataset "$KEEP" --metrics degree --figures "$TMP/figs" --figure-metric pagerank
check 2 "regnet: compare: Unknown option --metrics" c --periods 2007-2013,2014-2020 --metrics degree
for m in degree strength betweenness harmonic closeness eigenvector pagerank; do
    runs "--metrics $m" a --dataset "$TINY/dataset.json" --network org --metrics $m
    ok "--metrics $m: only $m computed" /usr/bin/python3 -c "
import json; r = json.load(open('$TMP/r.json'))
assert r['parameters']['metrics'] == ['$m'], r['parameters']['metrics']
for n in r['nodes']:
    assert all((v is None) == (k != '$m') for k, v in n['metrics'].items()), n['metrics']
paths = '$m' in ('betweenness', 'harmonic', 'closeness')
assert (r['summary']['diameter_hops'] is None) != paths
assert (r['parameters']['betweenness'] is None) == ('$m' != 'betweenness')"
done
runs "--metrics every centrality (the default)" a --dataset "$KEEP" --network org --metrics pagerank,degree,strength,betweenness,harmonic,closeness,eigenvector
cp "$TMP/r.json" "$TMP/all.json"
runs "no --metrics" a --dataset "$KEEP" --network org
ok "--metrics with every centrality is the default report" cmp -s "$TMP/r.json" "$TMP/all.json"
runs "--metrics degree,strength,pagerank on organisations" a --dataset "$KEEP" --network org --metrics degree,strength,pagerank
ok "--metrics keeps the values it computes" /usr/bin/python3 -c "
import json; a = json.load(open('$TMP/all.json'))['nodes']; b = json.load(open('$TMP/r.json'))['nodes']
assert all(x['metrics'][k] == y['metrics'][k] for x, y in zip(a, b) for k in ('degree', 'strength', 'pagerank'))"
for f in gexf csv; do
    rm -rf "$TMP/f.out"
    "$REGNET" analyze -q --dataset "$TINY/dataset.json" --network org --metrics degree --format $f --output "$TMP/f.out" 2>"$TMP/err"
    written "analyze --metrics degree --format $f" "$TMP/f.out"
done
check 2 "regnet: --reductions 'all' is not one of the reductions; expected a comma-separated list of 'twins', 'degree1' or 'none'" a --dataset "$KEEP" --reductions all
check 2 "regnet: --reductions names 'twins' twice; expected distinct reductions" a --dataset "$KEEP" --reductions twins,twins
check 2 "regnet: --reductions none stands alone; expected 'none' or a list of reductions" a --dataset "$KEEP" --reductions twins,none
for r in twins degree1 twins,degree1 none; do runs "--reductions $r" a --dataset "$KEEP" --network org --weight newman --reductions $r; cp "$TMP/r.json" "$TMP/red-$r.json"; done
for r in twins degree1 twins,degree1; do
ok "--reductions $r and none agree to 1e-12" /usr/bin/python3 -c "
import json; a = json.load(open('$TMP/red-$r.json')); b = json.load(open('$TMP/red-none.json'))
for x, y in zip(a['nodes'], b['nodes']):
    for k, p in x['metrics'].items():
        q = y['metrics'][k]
        assert p == q or abs(p - q) <= 1e-12 * max(abs(p), abs(q)), (x['id'], k, p, q)
for k in ('diameter_hops', 'diameter_weighted', 'average_path_length_hops', 'average_path_length_weighted'):
    p, q = a['summary'][k], b['summary'][k]
    assert p == q or abs(p - q) <= 1e-12 * max(abs(p), abs(q)), (k, p, q)
pa, pb = a['summary']['path_pass'], b['summary']['path_pass']
assert pa['reductions'] == sorted('$r'.split(',')), pa
assert pb['reductions'] == [] and pb['sources'] == len(b['nodes']), pb
assert ('degree1' in '$r') == (pa['degree1_removed'] > 0), pa
assert ('twins' in '$r') == (pa['closed_twins_merged'] > 0), pa
assert pa['sources'] == len(a['nodes']) - pa['degree1_removed'] - pa['open_twins_merged'] - pa['closed_twins_merged'], pa
assert pa['largest_biconnected_component_nodes'] == pb['largest_biconnected_component_nodes'] > 1000, pa"
done
runs "no --reductions" a --dataset "$KEEP" --network org --weight newman
ok "no --reductions is --reductions twins,degree1" cmp -s "$TMP/r.json" "$TMP/red-twins,degree1.json"
runs "--reductions degree1,twins" a --dataset "$KEEP" --network org --weight newman --reductions degree1,twins
ok "--reductions in either order" cmp -s "$TMP/r.json" "$TMP/red-twins,degree1.json"
runs "--betweenness-sample at its bounds" a --dataset "$TINY/dataset.json" --network org --betweenness-sample 0.999,0.999999
runs "--betweenness-sample 0.001,1e-9" a --dataset "$TINY/dataset.json" --betweenness-sample 0.001,1e-9 --metrics betweenness
runs "--betweenness-sample 0.05,0.1 --seed 7" a --dataset "$KEEP" --network org --betweenness-sample 0.05,0.1 --seed 7 --metrics betweenness --threads 1
ok "the sample is stated" /usr/bin/python3 -c "
import json; b = json.load(open('$TMP/r.json'))['parameters']['betweenness']
assert b['method'] == 'kadabra-borassi-natale-2016' and b['epsilon'] == 0.05 and b['delta'] == 0.1 and b['seed'] == 7 and 1000 < b['samples'] <= b['max_samples'] and b['preliminary_samples'] > 0 and b['vertex_diameter_bound'] > 2, b"
cp "$TMP/r.json" "$TMP/s1.json"
runs "--betweenness-sample on 2 threads" a --dataset "$KEEP" --network org --betweenness-sample 0.05,0.1 --seed 7 --metrics betweenness --threads 2
ok "the sample is the same for any thread count" cmp -s "$TMP/r.json" "$TMP/s1.json"
runs "--betweenness-sample with another seed" a --dataset "$KEEP" --network org --betweenness-sample 0.05,0.1 --seed 8 --metrics betweenness
ok "another seed draws another sample" bash -c "! cmp -s '$TMP/r.json' '$TMP/s1.json'"
for t in 1 2; do
    runs "--betweenness-sample --alpha 0 (breadth-first) on $t threads" a --dataset "$KEEP" --network org --alpha 0 --betweenness-sample 0.02,0.1 --seed 3 --metrics betweenness --threads $t
    cp "$TMP/r.json" "$TMP/a0-$t.json"
done
ok "the breadth-first sample is the same for any thread count" cmp -s "$TMP/a0-1.json" "$TMP/a0-2.json"
runs "--progress" a --dataset "$KEEP" --network org --progress --metrics harmonic
ok "--progress on a short run prints no line (phases under 2 s)" bash -c "! grep -q '%' '$TMP/err'"
# without reductions the pass takes over 2 s of one core
"$REGNET" analyze --dataset "$KEEP" --network org --progress --threads 1 --reductions none --output "$TMP/p.json" >/dev/null 2>"$TMP/err"
ok "--progress on a long run prints the paths line" grep -qE '^regnet: paths [0-9.]+% \([0-9]+/[0-9]+\), [0-9]+ s elapsed' "$TMP/err"
ok "--progress ends the phase" grep -qE '^regnet: paths done in ' "$TMP/err"
"$REGNET" analyze -q --dataset "$KEEP" --network org --progress --threads 1 --reductions none --output "$TMP/p.json" >/dev/null 2>"$TMP/err"
ok "--quiet --progress prints nothing" test ! -s "$TMP/err"

# --- describe ----------------------------------------------------------------------
ok "describe --help: usage line names the required options" bash -c "'$REGNET' describe --help | sed -n 2p | grep -qxF '  regnet describe [OPTION…] --dataset FILE'"
ok "describe --help shows two examples" test "$("$REGNET" describe --help | grep -c '^  regnet describe --dataset')" = 2
check 2 "regnet: describe: --dataset is required (see regnet describe --help)" "$REGNET" describe
check 2 "regnet: describe: Unknown option --network" "$REGNET" describe --dataset "$KEEP" --network org
ok "describe prints the table" bash -c "'$REGNET' describe --dataset '$TINY/dataset.json' | grep -q '^Programmes'"
ok "describe --quiet prints nothing" test -z "$("$REGNET" describe -q --dataset "$TINY/dataset.json")"
ok "describe --output - writes the JSON only" bash -c "'$REGNET' describe --dataset '$TINY/dataset.json' --output - | /usr/bin/python3 -c 'import json,sys; assert json.load(sys.stdin)[\"schema\"] == \"regnet-description\"'"
runs "describe --output FILE" "$REGNET" describe -q --dataset "$KEEP" --output "$TMP/r.json"
runs "describe --nuts-edition 2013" "$REGNET" describe -q --dataset "$KEEP" --nuts-edition 2013 --output "$TMP/r.json"
ok "describe --nuts-edition 2013 keeps the published edition" test "$(/usr/bin/python3 -c "import json; print(json.load(open('$TMP/r.json'))['nuts']['edition'])")" = 2013
runs "describe --skip-invalid-rows" "$REGNET" describe -q --dataset "$KEEP" --skip-invalid-rows --output "$TMP/r.json"

echo "options: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
