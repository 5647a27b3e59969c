#!/bin/bash
# Runs the CLI tests (tests/cli_test.sh) with the regnet processes under
# valgrind memcheck (the normal build, build/), one log per process in
# build/valgrind/, and sums them up: processes, processes with errors, error
# count, bytes definitely and indirectly lost.  Run once and reported
# (docs/testing.md): slow, not part of CI.
# A process whose arguments match REGNET_VALGRIND_NATIVE (an extended regex;
# default: the large FP7/H2020 and keep.eu 2000-2020 descriptions, minutes
# each under memcheck) runs without valgrind and is counted apart.
# Exit 1 when memcheck reported an error or a definite leak.
# Usage: scripts/valgrind.sh            (after scripts/build.sh)
set -eu
cd "$(dirname "$0")/.."
[ -x build/regnet ] || scripts/build.sh
logs=build/valgrind
rm -rf "$logs"
mkdir -p "$logs"
wrapper=$logs/regnet
supp=/usr/share/glib-2.0/valgrind/glib.supp
native=${REGNET_VALGRIND_NATIVE:-'data/(keep-2000-2020|fp7|h2020|fp7-h2020)\.json'}
cat >"$wrapper" <<WRAP
#!/bin/bash
# regnet under memcheck; valgrind's own report goes to a log, not stderr.
if [[ "\$*" =~ $native ]]; then
    echo "\$*" >>"$PWD/$logs/native.txt"
    exec "$PWD/build/regnet" "\$@"
fi
export G_SLICE=always-malloc G_DEBUG=gc-friendly
exec valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \\
     --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite \\
     ${supp:+--suppressions=$supp} --log-file="$PWD/$logs/memcheck.%p.log" \\
     "$PWD/build/regnet" "\$@"
WRAP
chmod +x "$wrapper"
start=$(date +%s)
status=0
bash tests/cli_test.sh "$PWD/$wrapper" >"$logs/cli_test.log" 2>&1 || status=$?
summary() {
    local n errors with_errors definite indirect
    n=$(ls "$logs"/memcheck.*.log 2>/dev/null | wc -l)
    errors=$(grep -h "ERROR SUMMARY" "$logs"/memcheck.*.log | awk '{s += $4} END {print s + 0}')
    with_errors=$(grep -l "ERROR SUMMARY: [1-9]" "$logs"/memcheck.*.log 2>/dev/null | wc -l)
    definite=$(grep -h "definitely lost:" "$logs"/memcheck.*.log | awk '{gsub(",", "", $4); s += $4} END {print s + 0}')
    indirect=$(grep -h "indirectly lost:" "$logs"/memcheck.*.log | awk '{gsub(",", "", $4); s += $4} END {print s + 0}')
    local skipped
    skipped=$(cat "$logs/native.txt" 2>/dev/null | wc -l)
    echo "valgrind: $n regnet processes under memcheck ($skipped run natively), $errors errors in $with_errors of them, $definite bytes definitely lost, $indirect indirectly lost ($(( $(date +%s) - start )) s; cli_test.sh exit $status: $(tail -n 1 "$logs/cli_test.log"))"
    [ "$errors" = 0 ] && [ "$definite" = 0 ]
}
summary
