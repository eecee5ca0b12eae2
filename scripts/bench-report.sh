#!/usr/bin/env bash
# How fast `mpa-trainer report` reads a large results folder, and whether its memory grows with
# the number of files: generates N session files (copies of real recorded sessions with fresh ids
# and participant codes, a tenth of them left unfinished) and times `report --csv` on 10 % of them
# and on all of them. Prints seconds and peak memory for both.
#   scripts/bench-report.sh [N]        (default 100000; needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
BIN=${BIN:-target/release/mpa-trainer}
WORK=${WORK:-target/bench-report}
rm -rf "$WORK"
mkdir -p "$WORK/seed" "$WORK/small" "$WORK/large"
# Real sessions to copy: every scenario's best and critical scripts.
for script in tests/scripts/*.ron; do
  id=$(basename "$script" .ron); id=${id%-best}; id=${id%-critical}
  scenario=$(grep -lE "^ *id: \"$id\"," scenarios/*.ron scenarios/*/*.ron | head -1)
  "$BIN" script "$scenario" "$script" --results "$WORK/seed" > /dev/null
done
python3 - "$WORK" "$N" <<'PY'
import json, os, random, sys, uuid
work, n = sys.argv[1], int(sys.argv[2])
seeds = [open(os.path.join(work, "seed", f)).read().splitlines(True) for f in sorted(os.listdir(os.path.join(work, "seed")))]
rng = random.Random(7)
def write(folder, count):
    for i in range(count):
        lines = list(rng.choice(seeds))
        head = json.loads(lines[0])
        head["session"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        head["participant"] = "P%05d" % (i % 5000)
        lines[0] = json.dumps(head) + "\n"
        if i % 10 == 0:
            lines = lines[: max(2, len(lines) // 2)]  # an interrupted session
        name = "%s_%s_%06d.jsonl" % (head["participant"], head["scenario"], i)
        with open(os.path.join(work, folder, name), "w") as f:
            f.writelines(lines)
write("small", n // 10)
write("large", n)
PY
measure() {
  local dir=$1
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BIN" report "$dir" --csv "$WORK/out.csv" > /dev/null
  read -r seconds kib < "$WORK/time.txt"
  echo "$(ls "$dir" | wc -l) files: ${seconds} s, peak memory $((kib / 1024)) MiB, $(($(wc -l < "$WORK/out.csv") - 1)) CSV rows"
}
echo "report over generated session files (release build):"
measure "$WORK/small"
measure "$WORK/large"
