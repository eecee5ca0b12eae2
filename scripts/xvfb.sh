# Sourced by the window scripts: starts a virtual screen of 1280x800 on a free display number
# (Xvfb picks it, so runs one after another never meet a display that is still closing), sets
# DISPLAY and XVFB (its process id), and waits until the screen answers.
#   start_xvfb FILE    (FILE receives the display number)
start_xvfb() {
  : >"$1"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$1" >/dev/null 2>&1 &
  XVFB=$!
  for _ in $(seq 100); do [ -s "$1" ] && break; sleep 0.05; done
  [ -s "$1" ] || { echo "Xvfb did not start" >&2; return 1; }
  export DISPLAY=":$(head -1 "$1")"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
}
