#!/usr/bin/env bash
# Pictures of every scenario as a trainee meets it, for review: each scenario is played in a real
# window under Xvfb (Mesa's software Vulkan), taking the first choice on screen each time, and
# PNGs are written of the start screen, the first scene with its people, each scene where a face
# changed after a choice (a reaction), and the debrief with its path map.
#   scripts/screenshots.sh [OUT_DIR] [SCENARIO.ron ...]
#       (default target/screenshots, every scenario and form; BIN= another build)
# Needs: xvfb, xdotool, imagemagick, mesa-vulkan-drivers.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${BIN:-target/release/mpa-trainer}")
OUT=$(realpath -m "${1:-target/screenshots}")
shift || true
FILES=("$@")
[ ${#FILES[@]} -gt 0 ] || mapfile -t FILES < <(ls scenarios/s*.ron scenarios/assessment/*.ron)
rm -rf "$OUT"; mkdir -p "$OUT"
. scripts/xvfb.sh
XVFB=
APP=
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
start_xvfb "$OUT/display"
key() { xdotool key "$@"; sleep 0.5; }
chord() { xdotool keydown "$1"; sleep 0.15; xdotool key "$2"; sleep 0.15; xdotool keyup "$1"; sleep 0.5; }
# Where the path map's first step is: the leftmost dot of the map, found in the picture (the
# first column of the map is 24 px from its left edge; the dots are filled circles).
first_step_dot() {
  python3 - "$1" <<'PY' || return 1
import subprocess, sys
ppm = subprocess.run(["convert", sys.argv[1], "-depth", "8", "ppm:-"], capture_output=True, check=True).stdout
header, data = ppm.split(b"\n", 3)[:3], ppm.split(b"\n", 3)[3]
w, h = map(int, header[1].split())
px = lambda x, y: data[3 * (y * w + x): 3 * (y * w + x) + 3]
# The map sits in the debrief's column, under "Your path on the map": look for a dark dot
# 16 px wide in the left part of the window.
for y in range(100, h - 100):
    run = 0
    for x in range(10, 200):
        r, g, b = px(x, y)
        run = run + 1 if r < 90 and g < 90 and b < 90 else 0
        if run == 15:
            print(x - 7, y + 2)
            sys.exit(0)
sys.exit(1)
PY
}
# Waits until the pictures have arrived (a changing screen settles), then photographs it.
shot() { sleep 0.6; import -window root "$OUT/$1.png"; echo "  $1.png"; }

for file in "${FILES[@]}"; do
  name=$(basename "$file" .ron)
  echo "$name:"
  work="$OUT/$name.work"
  mkdir -p "$work"
  XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" MPA_TRAINER_TIMING=1 \
    "$BIN" --scenarios "$file" --results "$work/results" >"$work/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 100); do grep -q "^ready:" "$work/app.log" && break; sleep 0.1; done
  WID=$(xdotool search --name "mpa-trainer" | head -1)
  xdotool windowfocus "$WID" 2>/dev/null || true
  sleep 0.5
  xdotool type --delay 50 "SHOT1"
  [ "$name" = s1-bar-worker ] && shot "$name-0-start"
  key Return
  key 1
  shot "$name-1-scene"
  reactions=$(grep -c "^reaction:" "$work/app.log" || true)
  for step in $(seq 60); do
    record=$(ls "$work"/results/*.jsonl 2>/dev/null | head -1 || true)
    if [ -n "$record" ] && grep -q '"session_finished"' "$record"; then break; fi
    key w
    key 1
    chord ctrl Return
    now=$(grep -c "^reaction:" "$work/app.log" || true)
    if [ "$now" -gt "$reactions" ]; then
      shot "$name-2-reaction-$step"
      reactions=$now
    fi
  done
  # The debrief: the verdict, the ending and the path map under it.
  shot "$name-3-debrief"
  # A click on the path's first step shows its feedback under the map.
  if dot=$(first_step_dot "$OUT/$name-3-debrief.png"); then
    xdotool mousemove $dot click 1; sleep 0.3
    shot "$name-4-debrief-feedback"
  fi
  kill $APP 2>/dev/null || true
  wait $APP 2>/dev/null || true
  APP=
done
echo "screenshots in $OUT"
