#!/usr/bin/env bash
# The trainer in a browser, end to end: serves the folder `scripts/web.sh` built on 127.0.0.1
# and runs tests/web/e2e.py in Debian's Chromium (chromium, chromium-driver) with Selenium
# (pip install selenium). Screenshots and the browser's figures go to OUT_DIR.
# The page is opened as an LMS launches it (cmi5's parameters) against the test LRS
# (tests/lrs/lrs.js): the LRS must then hold the session's statements, the same the desktop's
# `report --xapi` makes of the record left in the page (and the suspension sent while the page
# was reloaded), under the LMS's learner, valid by
# Learning Locker's validator; the launch's credentials are fetched once, a reload included.
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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
(cd tests/lrs && npm ci --no-audit --no-fund --silent)
(cd tests/xapi && npm ci --no-audit --no-fund --silent)
export MPA_LRS_KEY=web-key MPA_LRS_SECRET=web-secret
LRS_PORT=$(free_port)
LRS="http://127.0.0.1:$LRS_PORT/xAPI/"
LRS_PORT=$LRS_PORT LRS_KEY=$MPA_LRS_KEY LRS_SECRET=$MPA_LRS_SECRET LRS_STORAGE="$OUT/lrs-storage" \
  node tests/lrs/lrs.js >"$OUT/lrs.log" 2>&1 &
LRS_PID=$!
PORT=$(free_port)
python3 -m http.server --bind 127.0.0.1 --directory "$OUT/site" "$PORT" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER $LRS_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/ok/index.html" &&
    curl -sf -o /dev/null -u "$MPA_LRS_KEY:$MPA_LRS_SECRET" "${LRS}about" && break
  sleep 0.2
done

# The launch an LMS would make: its LRS, a one-time credentials address, its learner (whose
# account name is the participant code), its registration and the activity launched.
ACTIVITY="https://lms.example.org/course/mpa"
ACTOR='{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"T07"}}'
REGISTRATION=$(python3 -c 'import uuid; print(uuid.uuid4())')
LAUNCH=$(python3 -c 'import sys, urllib.parse as u; print("?" + u.urlencode(dict(zip(
  ["endpoint", "fetch", "actor", "registration", "activityId"], sys.argv[1:]))))' \
  "$LRS" "http://127.0.0.1:$LRS_PORT/fetch/$REGISTRATION" "$ACTOR" "$REGISTRATION" "$ACTIVITY")
LAUNCH="$LAUNCH" BROKEN_URL="http://127.0.0.1:$PORT/broken/" BROKEN_EXPECTED="$EXPECTED" \
  python3 tests/web/e2e.py "http://127.0.0.1:$PORT/ok/" "$OUT"

# What the LRS holds: the statements the desktop makes of the same record, no more, valid.
node tests/lrs/fetch.js "$LRS" "$ACTIVITY/course" "$OUT/lrs.json"
"$BIN" report "$OUT/session" --xapi "$OUT/expected.json" --xapi-home "$ACTIVITY" >/dev/null
node tests/xapi/validate.js "$OUT/lrs.json" || fail "the LRS's statements are not valid xAPI"
python3 - "$OUT/lrs.json" "$OUT/expected.json" "$ACTOR" "$REGISTRATION" "$ACTIVITY" <<'PY' || fail "the LRS does not hold the session as the desktop makes it"
import json, sys
held, expected = (json.load(open(p)) for p in sys.argv[1:3])
actor, registration, activity = json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
made = {s["id"] for s in expected}
missing = made - {s["id"] for s in held}
# Beyond the record's statements, only the suspension sent while the page was reloaded.
extra = [s["verb"]["id"] for s in held if s["id"] not in made]
if missing or any(not v.endswith("/suspended") for v in extra) or len(extra) != 1:
    sys.exit(f"the LRS lacks {len(missing)} of the record's {len(made)} statements; beyond them it holds {extra}")
key = f"{activity}/xapi/lms-registration"
for s in held:
    if s["actor"].get("account") != actor["account"]:
        sys.exit(f"statement {s['id']} is not the LMS's learner: {s['actor']}")
    if s["context"]["extensions"].get(key) != registration:
        sys.exit(f"statement {s['id']} lacks the LMS's registration")
print(f"web-check: the LRS holds the session's {len(made)} statements and the suspension sent at the reload, under the LMS's learner")
PY
given=$(grep -c "token given" "$OUT/lrs.log" || true)
refused=$(grep -c "refused, used before" "$OUT/lrs.log" || true)
[ "$given" = 1 ] && [ "$refused" = 0 ] ||
  fail "the launch's credentials were fetched $given times and refused $refused times (one fetch, kept for the tab)"
echo "web-check: passed"
