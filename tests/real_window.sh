#!/usr/bin/env bash
# The trainer in a real window, driven like a person would: the release binary under Xvfb with
# Mesa's software Vulkan, keys pressed with xdotool, a screenshot of each screen, and the
# session's record checked afterwards. Needs: xvfb, mesa-vulkan-drivers, xdotool, imagemagick.
#
#   tests/real_window.sh [OUT_DIR]     (default target/real-window)
# BIN=PROGRAM tests another build (an unpacked package); APP_CWD=DIR starts it from that folder,
# so it must find its course beside itself.
set -euo pipefail
# The checks read the program's English (a fresh settings folder takes the language of LANG).
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
cd "$(dirname "$0")/.."
BIN=$(realpath "${BIN:-target/release/mpa-trainer}")
APP_CWD=$(realpath "${APP_CWD:-.}")
OUT=$(realpath -m "${1:-target/real-window}")
rm -rf "$OUT"
mkdir -p "$OUT/results" "$OUT/home"
export XDG_CONFIG_HOME="$OUT/home/config" XDG_DATA_HOME="$OUT/home/data"

fail() { echo "real-window: FAILED: $*" >&2; exit 1; }

. scripts/xvfb.sh
XVFB=
APP=
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT
# The trainer, on a fresh virtual screen; once more on another one if the screen failed it
# (the trainer's own failures show the same way on both tries).
launch() {
  start_xvfb "$OUT/display" || return 1
  (cd "$APP_CWD" && MPA_TRAINER_TIMING=1 exec "$BIN" --results "$OUT/results") >"$OUT/app.log" 2>&1 &
  APP=$!
  WID=
  for _ in $(seq 100); do
    WID=$(xdotool search --name "mpa-trainer" 2>/dev/null | head -1 || true)
    [ -n "$WID" ] && return 0
    kill -0 "$APP" 2>/dev/null || break
    sleep 0.1
  done
  cat "$OUT/app.log" >&2
  echo "real-window: DISPLAY=$DISPLAY; $(xdpyinfo 2>&1 | head -2 | tr '\n' ' ')" >&2
  kill "$APP" "$XVFB" 2>/dev/null || true
  wait "$APP" "$XVFB" 2>/dev/null || true
  return 1
}
launch || { echo "real-window: starting again on a new virtual screen" >&2; launch; } ||
  fail "the trainer did not open its window (Xvfb: $(tail -2 "$OUT/display.log" 2>/dev/null))"
sleep 1.5
shot() { import -window root "$OUT/$1.png"; echo "screenshot: $OUT/$1.png"; }
key() { xdotool key "$@"; sleep 0.4; }
# A screen left alone draws nothing (the window wakes once a minute, hence at most one frame).
frames() { grep -c "^frame" "$OUT/app.log" || true; }
quiet() {
  local before after
  sleep 1; before=$(frames); sleep 2; after=$(frames)
  [ $((after - before)) -le 1 ] || fail "$1 drew $((after - before)) frames in 2 s with nothing happening"
}
# A chord held as a person holds it: the modifier goes down in one frame, the key in the next.
chord() { xdotool keydown "$1"; sleep 0.15; xdotool key "$2"; sleep 0.15; xdotool keyup "$1"; sleep 0.4; }

xdotool windowfocus "$WID" 2>/dev/null || true
# The mouse too: click into the code field and on "Practice" (where they are at the default
# text size in a 1280x800 window), so a click is drawn and recorded like a key.
click() { xdotool mousemove "$1" "$2"; sleep 0.3; xdotool click 1; sleep 0.5; }
click 22 305
click 125 216
xdotool type --delay 60 "T07"
sleep 0.5
shot 1-start
quiet "the start screen, with a cursor in the code field,"
key Return
shot 2-select
# The first card: the first scenario of the course, with its place and people beside the text
# (drawn on a thread of their own, so they may come a moment after the scene).
key 1
colours() { convert "$1" -crop 480x240+770+30 +repage -format %k info:; }
for _ in $(seq 20); do
  shot 3-play >/dev/null
  [ "$(colours "$OUT/3-play.png")" -gt 300 ] && break
  sleep 0.3
done
echo "screenshot: $OUT/3-play.png"
[ "$(colours "$OUT/3-play.png")" -gt 300 ] ||
  fail "the scene's picture was not drawn: $(colours "$OUT/3-play.png") colours where it stands"
quiet "a scene with its picture"
# Flag the first observation with Tab and Space, as a keyboard user would.
key Tab
key space
shot 4-flagged
# Then take the first choice on screen until the ending: number keys for choices, 1 then
# Ctrl+Enter for a classification, Ctrl+Enter to submit a referral; W says "70 % sure" where a
# decision asks how sure the trainee is.
record() { ls "$OUT"/results/*.jsonl 2>/dev/null | head -1; }
# The first scenario's Referral and Classify scenes, to photograph them when they come up.
FIRST=scenarios/s1-bar-worker.ron
FORMS=$(grep -oE '"[a-z0-9_-]+": (Referral|Classify)' "$FIRST" | cut -d'"' -f2 | tr '\n' ' ')
current_scene() { grep -o '"event":"scene_entered","scene":"[^"]*"' "$1" | tail -1 | cut -d'"' -f8; }
for step in $(seq 60); do
  file=$(record)
  if [ -n "$file" ] && grep -q '"session_finished"' "$file"; then break; fi
  scene=$([ -n "$file" ] && current_scene "$file" || true)
  if [ -n "$scene" ] && [[ " $FORMS " == *" $scene "* ]] && [ ! -f "$OUT/5-$scene.png" ]; then
    shot "5-$scene"
  fi
  key w
  key 1
  chord ctrl Return
done
file=$(record)
[ -n "$file" ] || fail "no session file was written"
grep -q '"session_finished"' "$file" || fail "the session did not reach an ending"
sleep 0.5
shot 6-debrief
quiet "the debrief"
# Larger text and high contrast, as on a projector; both are remembered for the next start.
chord ctrl equal
chord ctrl equal
key F2
shot 7-debrief-large-high-contrast
kill -0 "$APP" || fail "the trainer exited"
settings="$XDG_CONFIG_HOME/mpa-trainer/settings.ron"
grep -q "zoom:1.2" "$settings" || fail "Ctrl + did not enlarge the text: $(cat "$settings" 2>/dev/null)"
grep -q "high_contrast:true" "$settings" || fail "F2 did not switch to high contrast"

# The record: read back by the report, with every line intact.
"$BIN" report "$OUT/results" --csv "$OUT/cohort.csv" > "$OUT/report.txt"
cat "$OUT/report.txt"
grep -q "1 session by 1 participant: 1 complete" "$OUT/report.txt" || fail "the report does not show the session"
grep -q '^T07,' "$OUT/cohort.csv" || fail "the CSV has no row for T07"
grep -q '"event":"flagged"' "$file" || fail "the flag (Tab, Space) was not recorded"
grep -q '"confidence":70,"event":"rated"' "$file" || fail "no confidence question was answered (W)"
grep -q '"mode":"practice"' "$file" || fail "the click on Practice was not recorded"
echo "real-window: passed ($(wc -l < "$file") record lines in $file)"
