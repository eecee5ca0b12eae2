#!/usr/bin/env bash
# The trainer in a browser, end to end: serves the folder `scripts/web.sh` built on 127.0.0.1
# and runs tests/web/e2e.py in Debian's Chromium (chromium, chromium-driver) with Selenium
# (pip install selenium). Screenshots and the browser's figures go to OUT_DIR.
# Usage: tests/web/check.sh [OUT_DIR]    (WEB= the built folder, default dist/web)
set -euo pipefail
cd "$(dirname "$0")/../.."
WEB=$(realpath "${WEB:-dist/web}")
OUT=$(realpath -m "${1:-target/web-check}")
rm -rf "$OUT"
mkdir -p "$OUT"
fail() { echo "web-check: FAILED: $*" >&2; exit 1; }
[ -f "$WEB/index.html" ] || fail "no $WEB/index.html: run scripts/web.sh first"
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install chromium chromium-driver)"
done
python3 -c 'import selenium' 2>/dev/null || fail "Selenium is missing (pip install selenium)"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$WEB" "$PORT" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/index.html" && break
  sleep 0.1
done
python3 tests/web/e2e.py "http://127.0.0.1:$PORT/" "$OUT"
