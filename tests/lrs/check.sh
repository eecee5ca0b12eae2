#!/usr/bin/env bash
# The course's results through a real learning record store (Learning Locker's statements
# service, in memory, behind a Basic-auth front on 127.0.0.1; installed here with npm):
#   - ten laptops' results folders sync into one LRS at the same time, and the cohort read back
#     from the LRS gives the same CSV, row for row, as the union of the folders;
#   - the LRS down while sessions wait, then up: everything arrives;
#   - wrong credentials: a clear message, nothing lost, it sends after the fix;
#   - a statement the LRS refuses (a conflict) is reported, kept aside and not sent again;
#   - the sync killed while it sends, again and again: nothing lost, nothing twice;
#   - every statement in the LRS passes Learning Locker's xAPI validator.
# Usage: tests/lrs/check.sh [OUT_DIR]     (needs node and npm; BIN= the program to test)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${BIN:-target/release/mpa-trainer}")
OUT=$(realpath -m "${1:-target/lrs-check}")
rm -rf "$OUT"
mkdir -p "$OUT"
fail() { echo "lrs-check: FAILED: $*" >&2; exit 1; }
step() { echo "lrs-check: $*"; }

(cd tests/lrs && npm ci --no-audit --no-fund --silent)
(cd tests/xapi && npm ci --no-audit --no-fund --silent)

export MPA_LRS_KEY=course-key MPA_LRS_SECRET=course-secret
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LRS="http://127.0.0.1:$PORT/xAPI/"
HOME_IRI="https://course.example.org/mpa"
LRS_PID=
start_lrs() {
  LRS_PORT=$PORT LRS_KEY=$MPA_LRS_KEY LRS_SECRET=$MPA_LRS_SECRET LRS_STORAGE="$OUT/storage" \
    node tests/lrs/lrs.js >>"$OUT/lrs.log" 2>&1 &
  LRS_PID=$!
  for _ in $(seq 100); do
    if curl -s -o /dev/null -u "$MPA_LRS_KEY:$MPA_LRS_SECRET" "${LRS}about"; then return 0; fi
    sleep 0.2
  done
  cat "$OUT/lrs.log" >&2
  fail "the LRS did not start"
}
stop_lrs() { [ -n "$LRS_PID" ] && kill "$LRS_PID" 2>/dev/null; wait "$LRS_PID" 2>/dev/null || true; LRS_PID=; }
trap stop_lrs EXIT
sync_dir() { "$BIN" sync "$1" --lrs "$LRS" --xapi-home "$HOME_IRI" "${@:2}"; }

# Ten laptops: each records a best and a critical session of two scenarios and leaves one
# unfinished, as trainees do through the day.
step "recording ten laptops' sessions"
scripts=(tests/scripts/*-best.ron tests/scripts/*-critical.ron)
for n in $(seq 0 9); do
  dir="$OUT/laptop$n"
  for k in 0 1 2; do
    script=${scripts[$(((n * 3 + k) % ${#scripts[@]}))]}
    id=$(basename "$script" .ron); id=${id%-best}; id=${id%-critical}
    scenario=$(grep -lE "^ *id: \"$id\"," scenarios/*.ron scenarios/*/*.ron | head -1)
    sed "s/participant: \"[^\"]*\"/participant: \"L${n}P${k}\"/" "$script" > "$OUT/s.ron"
    "$BIN" script "$scenario" "$OUT/s.ron" --results "$dir" >/dev/null
  done
  printf 'Script(participant: "L%sU", actions: [Choose(0)])' "$n" > "$OUT/u.ron"
  "$BIN" script scenarios/s1-bar-worker.ron "$OUT/u.ron" --results "$dir" >/dev/null
done
mkdir -p "$OUT/union"
cp "$OUT"/laptop*/*.jsonl "$OUT/union/"
"$BIN" report "$OUT/union" --csv "$OUT/union.csv" --xapi "$OUT/union.json" --xapi-home "$HOME_IRI" >/dev/null

step "the LRS is down: the sync says so and keeps everything"
if sync_dir "$OUT/laptop0" > "$OUT/down.txt" 2>&1; then fail "a sync to a stopped LRS succeeded"; fi
grep -q "cannot be reached" "$OUT/down.txt" || fail "no clear message: $(cat "$OUT/down.txt")"
grep -q "nothing is lost" "$OUT/down.txt" || fail "it does not say nothing is lost"
! grep -qs '"stored"' "$OUT"/laptop0/*.outbox || fail "an outbox claims statements reached a stopped LRS"

start_lrs
step "wrong credentials: told, nothing lost"
if MPA_LRS_SECRET=wrong sync_dir "$OUT/laptop0" > "$OUT/wrong.txt" 2>&1; then fail "wrong credentials were accepted"; fi
grep -q "refused the credentials (HTTP 401)" "$OUT/wrong.txt" || fail "no clear message: $(cat "$OUT/wrong.txt")"
! grep -qs '"stored"' "$OUT"/laptop0/*.outbox || fail "an outbox claims statements were stored with wrong credentials"

step "a statement the LRS refuses is reported and kept aside"
# Another course (another home address) so the cohort compared below is not touched: its first
# session's first statement is stored with different content before the laptop syncs.
mkdir -p "$OUT/refused"
cp "$OUT"/laptop0/L0P0_*.jsonl "$OUT/refused/"
OTHER="https://other.example.org/mpa"
"$BIN" report "$OUT/refused" --xapi "$OUT/refused.json" --xapi-home "$OTHER" >/dev/null
node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1]))[0];
  s.timestamp = "2018-10-29T09:00:00.000Z";
  process.stdout.write(JSON.stringify([s]));' "$OUT/refused.json" > "$OUT/conflict.json"
curl -sf -o /dev/null -u "$MPA_LRS_KEY:$MPA_LRS_SECRET" -H "X-Experience-API-Version: 1.0.3" \
  -H "Content-Type: application/json" --data @"$OUT/conflict.json" "${LRS}statements" ||
  fail "could not plant the conflicting statement"
set +e
"$BIN" sync "$OUT/refused" --lrs "$LRS" --xapi-home "$OTHER" > "$OUT/refused.txt" 2>&1
code=$?
"$BIN" sync "$OUT/refused" --lrs "$LRS" --xapi-home "$OTHER" > "$OUT/refused-again.txt" 2>&1
again=$?
set -e
[ "$code" = 1 ] || fail "a refused statement should exit 1, not $code: $(cat "$OUT/refused.txt")"
grep -q "refused by the LRS (HTTP 409), kept aside" "$OUT/refused.txt" || fail "not reported: $(cat "$OUT/refused.txt")"
grep -q '"refused"' "$OUT"/refused/*.outbox || fail "the refusal is not kept in the outbox"
[ "$again" = 1 ] || fail "the second sync forgot the refusal"
grep -q "refused earlier (HTTP 409), still kept aside" "$OUT/refused-again.txt" || fail "the refusal is not reported again"
grep -q " 0 sent" "$OUT/refused-again.txt" || fail "the refused statement was sent again: $(cat "$OUT/refused-again.txt")"

step "the sync killed while it sends, again and again"
for delay in 0.05 0.1 0.15 0.2 0.3 0.05 0.1; do
  "$BIN" sync "$OUT/laptop2" --lrs "$LRS" --xapi-home "$HOME_IRI" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done

step "ten laptops sync at the same time"
pids=()
for n in $(seq 0 9); do
  sync_dir "$OUT/laptop$n" > "$OUT/sync$n.txt" 2>&1 &
  pids+=($!)
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || fail "laptop $i: $(cat "$OUT/sync$i.txt")"
done
cat "$OUT/sync0.txt"
# A second sync finds nothing to send.
sync_dir "$OUT/laptop5" > "$OUT/again.txt"
grep -q " 0 sent (0 statements)" "$OUT/again.txt" || fail "a second sync sent again: $(cat "$OUT/again.txt")"

step "every statement arrived once, and each passes the validator"
node tests/lrs/fetch.js "$LRS" "$HOME_IRI/course" "$OUT/lrs.json" || fail "the LRS holds a statement twice"
node -e '
  const fs = require("fs");
  const ids = (f) => new Set(JSON.parse(fs.readFileSync(f)).map((s) => s.id));
  const want = ids(process.argv[1]), got = ids(process.argv[2]);
  const missing = [...want].filter((i) => !got.has(i)), extra = [...got].filter((i) => !want.has(i));
  if (missing.length || extra.length) { console.error(`missing ${missing.length}, extra ${extra.length}`); process.exit(1); }
  console.log(`${got.size} statements: each session of each laptop, once`);' "$OUT/union.json" "$OUT/lrs.json" ||
  fail "the LRS does not hold exactly the folders' statements"
node tests/xapi/validate.js "$OUT/lrs.json"

step "the cohort read back from the LRS equals the folders'"
"$BIN" report --lrs "$LRS" --xapi-home "$HOME_IRI" --csv "$OUT/lrs.csv" > "$OUT/lrs-report.txt"
"$BIN" report "$OUT/union" --csv "$OUT/union2.csv" > "$OUT/union-report.txt"
cmp -s "$OUT/union.csv" "$OUT/lrs.csv" || { diff "$OUT/union.csv" "$OUT/lrs.csv" | head -20 >&2; fail "the CSVs differ"; }
rows=$(($(wc -l < "$OUT/lrs.csv") - 1))
[ "$rows" = 40 ] || fail "expected 40 sessions, the CSV has $rows"
cmp -s "$OUT/union-report.txt" "$OUT/lrs-report.txt" || { diff "$OUT/union-report.txt" "$OUT/lrs-report.txt" >&2; fail "the summaries differ"; }
# --since: the statements stored since a time; all of them were stored today.
"$BIN" report --lrs "$LRS" --xapi-home "$HOME_IRI" --since 2018-10-15 --csv "$OUT/since-past.csv" > /dev/null
cmp -s "$OUT/lrs.csv" "$OUT/since-past.csv" || fail "--since 2018-10-15 did not read every session"
"$BIN" report --lrs "$LRS" --xapi-home "$HOME_IRI" --since 2999-01-01T00:00:00Z --csv "$OUT/since-future.csv" > /dev/null
[ "$(wc -l < "$OUT/since-future.csv")" = 1 ] || fail "--since a future time still read sessions"
if "$BIN" report --lrs "$LRS" --xapi-home "$HOME_IRI" --since yesterday 2> "$OUT/since-wrong.txt"; then
  fail "--since yesterday was accepted"
fi
grep -q "give a day (2018-10-15)" "$OUT/since-wrong.txt" || fail "--since yesterday did not say what to give"
echo "lrs-check: --since reads the sessions stored since a day or a time"
echo "lrs-check: passed ($rows sessions from ten laptops; the CSV from the LRS equals the folders')"
