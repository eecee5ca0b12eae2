#!/usr/bin/env bash
# The trainer in a browser, end to end: serves the folder `scripts/web.sh` built on 127.0.0.1
# and runs tests/web/e2e.py in Debian's Chromium (chromium, chromium-driver) with Selenium
# (pip install selenium). Screenshots and the browser's figures go to OUT_DIR.
# Beside it is served a copy whose first scenario has a mistake: the page must say it with the
# words and the file:line:col the desktop's `validate` prints.
# Usage: tests/web/check.sh [OUT_DIR]    (WEB= the built folder, default dist/web; BIN= the
# desktop program, default target/release/mpa-trainer)
set -euo pipefail
cd "$(dirname "$0")/../.."
WEB=$(realpath "${WEB:-dist/web}")
BIN=$(realpath "${BIN:-target/release/mpa-trainer}")
OUT=$(realpath -m "${1:-target/web-check}")
rm -rf "$OUT"
mkdir -p "$OUT"
fail() { echo "web-check: FAILED: $*" >&2; exit 1; }
[ -f "$WEB/index.html" ] || fail "no $WEB/index.html: run scripts/web.sh first"
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install chromium chromium-driver)"
done
python3 -c 'import selenium' 2>/dev/null || fail "Selenium is missing (pip install selenium)"

# The site: the build as it is, and a copy with a mistake in the first scenario.
mkdir -p "$OUT/site/broken"
ln -s "$WEB" "$OUT/site/ok"
for f in "$WEB"/*; do [ "$(basename "$f")" = course ] || ln -s "$f" "$OUT/site/broken/"; done
cp -r "$WEB/course" "$OUT/site/broken/course"
sed -i '0,/^    title:/s//    titel:/' "$OUT/site/broken/course/scenarios/s1-bar-worker.ron"
EXPECTED=$(cd "$OUT/site/broken/course" && "$BIN" validate scenarios | grep -m1 ': error: ' || true)
[ -n "$EXPECTED" ] || fail "the desktop's validate finds no error in the broken copy"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$OUT/site" "$PORT" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/ok/index.html" && break
  sleep 0.1
done
BROKEN_URL="http://127.0.0.1:$PORT/broken/" BROKEN_EXPECTED="$EXPECTED" \
  python3 tests/web/e2e.py "http://127.0.0.1:$PORT/ok/" "$OUT"
