# Sourced by the window scripts: starts a virtual screen of 1280x800 on a free display number
# (Xvfb picks it, so runs one after another never meet a display that is still closing), sets
# DISPLAY and XVFB (its process id), and waits until the screen answers. A virtual screen that
# dies or does not answer is started again, up to three times; its messages go to FILE.log.
# -noreset: by default Xvfb resets whenever its last client leaves, and a window opening while
# a probe (xdpyinfo, xdotool search) disconnects is dropped mid-handshake (the trainer then
# reports XOpenDisplayFailed; measured 4 failed starts in 24 without it, none in 24 with it).
#   start_xvfb FILE    (FILE receives the display number)
start_xvfb() {
  local try
  for try in 1 2 3; do
    : >"$1"
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$1" >>"$1.log" 2>&1 &
    XVFB=$!
    for _ in $(seq 100); do
      [ -s "$1" ] && break
      kill -0 "$XVFB" 2>/dev/null || break
      sleep 0.05
    done
    if [ -s "$1" ]; then
      export DISPLAY=":$(head -1 "$1")"
      for _ in $(seq 50); do
        xdpyinfo >/dev/null 2>&1 && return 0
        kill -0 "$XVFB" 2>/dev/null || break
        sleep 0.1
      done
    fi
    echo "Xvfb did not answer (try $try of 3): $(tail -2 "$1.log" 2>/dev/null)" >&2
    kill "$XVFB" 2>/dev/null || true
    wait "$XVFB" 2>/dev/null || true
  done
  return 1
}
