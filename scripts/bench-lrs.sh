#!/usr/bin/env bash
# Syncs 10,000 sessions into a local learning record store (the test LRS of tests/lrs, in
# memory on 127.0.0.1) and prints sessions per second and the sync's peak memory; then reads the
# cohort back from the LRS and prints the same for that. Needs node, npm, python3 and GNU time.
#   scripts/bench-lrs.sh [SESSIONS]      (default 10000; BIN= the program to measure)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${BIN:-target/release/mpa-trainer}")
N=${1:-10000}
WORK=$(mktemp -d)
trap 'kill "$LRS_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
(cd tests/lrs && npm ci --no-audit --no-fund --silent)

# Sessions: one best-path session of each scenario, recorded, then copied with fresh session
# ids (as many laptops would make them) until there are N.
for script in tests/scripts/*-best.ron; do
  id=$(basename "$script" -best.ron)
  scenario=$(grep -lE "^ *id: \"$id\"," scenarios/*.ron scenarios/*/*.ron | head -1)
  "$BIN" script "$scenario" "$script" --results "$WORK/seed" >/dev/null
done
python3 - "$WORK/seed" "$WORK/results" "$N" <<'EOF'
import os, sys, uuid
seed, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
files = sorted(os.listdir(seed))
texts = [open(os.path.join(seed, f)).read() for f in files]
for i in range(n):
    text = texts[i % len(texts)]
    old = text.split('"session":"', 1)[1].split('"', 1)[0]
    new = str(uuid.uuid4())
    with open(os.path.join(out, f"B{i:05d}_{new}.jsonl"), "w") as f:
        f.write(text.replace(old, new))
EOF

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export MPA_LRS_KEY=bench MPA_LRS_SECRET=bench-secret
LRS_PORT=$PORT LRS_KEY=$MPA_LRS_KEY LRS_SECRET=$MPA_LRS_SECRET LRS_STORAGE="$WORK/storage" \
  node --max-old-space-size=4096 tests/lrs/lrs.js >"$WORK/lrs.log" 2>&1 &
LRS_PID=$!
for _ in $(seq 100); do
  curl -s -o /dev/null -u "$MPA_LRS_KEY:$MPA_LRS_SECRET" "http://127.0.0.1:$PORT/xAPI/about" && break
  sleep 0.2
done

measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  read -r seconds kib < "$WORK/time"
  echo "$label: ${seconds} s, $(python3 -c "print(f'{$N / $seconds:.0f}')") sessions/s, peak memory $((kib / 1024)) MiB"
}
measure "sync of $N sessions" "$BIN" sync "$WORK/results" --lrs "http://127.0.0.1:$PORT/xAPI/"
tail -1 "$WORK/out"
measure "report of $N sessions from the LRS" "$BIN" report --lrs "http://127.0.0.1:$PORT/xAPI/" --csv "$WORK/cohort.csv"
rows=$(($(wc -l < "$WORK/cohort.csv") - 1))
echo "CSV rows: $rows"
[ "$rows" -eq "$N" ] || { echo "bench-lrs: the report read $rows of the $N sessions back" >&2; exit 1; }
