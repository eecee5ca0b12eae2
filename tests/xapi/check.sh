#!/usr/bin/env bash
# Records a session of every course scenario (its best and its critical script, and one left
# unfinished), exports the results as xAPI, and validates the statements with Learning Locker's
# validator (installed here with npm). Usage: tests/xapi/check.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-target/release/mpa-trainer}
OUT=${1:-target/xapi-check}
rm -rf "$OUT"
mkdir -p "$OUT/results"
for script in tests/scripts/*.ron; do
  id=$(basename "$script" .ron)
  id=${id%-best}
  id=${id%-critical}
  scenario=$(grep -lE "^ *id: \"$id\"," scenarios/*.ron scenarios/*/*.ron | head -1)
  "$BIN" script "$scenario" "$script" --results "$OUT/results" > /dev/null
done
# An unfinished session: its statements end with `terminated`, not `completed`.
printf 'Script(participant: "T99", actions: [Choose(0)])' > "$OUT/unfinished.ron"
"$BIN" script scenarios/s1-bar-worker.ron "$OUT/unfinished.ron" --results "$OUT/results" > /dev/null
"$BIN" report "$OUT/results" --xapi "$OUT/statements.json" --csv "$OUT/cohort.csv" > "$OUT/report.txt"
(cd tests/xapi && npm ci --no-audit --no-fund --silent)
node tests/xapi/validate.js "$OUT/statements.json"
