#!/usr/bin/env bash
# Figures for the trainer window, measured as a person would meet them, under Xvfb with Mesa's
# software Vulkan: seconds from start to the first interactive frame, CPU used over 10 s while the
# start screen and then a scene wait for the trainee, CPU while the mouse moves over the scene,
# and peak memory.
#   scripts/measure-window.sh [RUNS]     (default 5 starts; needs xvfb, xdotool, mesa-vulkan-drivers)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/mpa-trainer}
RUNS=${1:-5}
WORK=$(realpath -m "${WORK:-target/measure-window}")
rm -rf "$WORK"; mkdir -p "$WORK"
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
. scripts/xvfb.sh
XVFB=
APP=
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
start_xvfb "$WORK/display"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

echo "start to first interactive frame (wall clock, $RUNS starts):"
for run in $(seq "$RUNS"); do
  start=$(date +%s%N)
  MPA_TRAINER_TIMING=1 "$BIN" --results "$WORK/results" 2>"$WORK/app.log" &
  APP=$!
  for _ in $(seq 300); do grep -q "^ready:" "$WORK/app.log" && break; sleep 0.01; done
  end=$(date +%s%N)
  echo "  run $run: $(( (end - start) / 1000000 )) ms from exec ($(grep -o '[0-9]* ms' "$WORK/app.log" | head -1) after the app began)"
  if [ "$run" -lt "$RUNS" ]; then kill $APP; wait $APP 2>/dev/null || true; fi
done

frames() { grep -c "^frame" "$WORK/app.log"; }
# CPU and frames over 10 s of waiting: idle "what is waited for"
idle() {
  local f0 t0 t1 f1
  f0=$(frames); t0=$(ticks $APP); sleep 10; t1=$(ticks $APP); f1=$(frames)
  echo "CPU while $1, over 10 s: $(awk -v t=$((t1 - t0)) -v hz="$hz" 'BEGIN { printf "%.2f", 100 * t / hz / 10 }') % of one core ($((f1 - f0)) frames drawn)"
}
# The start screen, its code field focused with a cursor in it, as every trainee first meets it.
WID=$(xdotool search --name "mpa-trainer" | head -1)
xdotool windowfocus "$WID" 2>/dev/null || true
sleep 0.5
xdotool type --delay 50 "M0"; sleep 1
idle "the start screen waits for the code"
# Into a scene, then hands off the keyboard.
xdotool type --delay 50 "1"; xdotool key Return; sleep 0.5; xdotool key 1; sleep 2
idle "a scene waits for input"
f0=$(frames); t0=$(ticks $APP)
for i in $(seq 100); do xdotool mousemove $((300 + i * 5)) $((300 + (i % 20) * 10)); sleep 0.1; done
t1=$(ticks $APP); f1=$(frames)
echo "CPU while the mouse moves over the scene (10 moves a second), over 10 s: $(awk -v t=$((t1 - t0)) -v hz="$hz" 'BEGIN { printf "%.1f", 100 * t / hz / 10 }') % of one core ($((f1 - f0)) frames drawn)"
# A key still redraws at once, with no mouse movement first.
f0=$(frames); xdotool key Tab; sleep 0.3; f1=$(frames)
echo "frames drawn within 0.3 s of one key press: $((f1 - f0))"
echo "peak memory (VmHWM): $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' /proc/$APP/status)"
