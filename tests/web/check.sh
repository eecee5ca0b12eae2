#!/usr/bin/env bash
# The trainer in a browser, end to end: serves the folder `scripts/web.sh` built on 127.0.0.1
# and runs tests/web/e2e.py in Debian's Chromium (chromium, chromium-driver) with Selenium
# (pip install selenium). Screenshots and the browser's figures go to OUT_DIR.
# The page is opened as an LMS launches it with cmi5 (its parameters, and LMS.LaunchData written
# in the test LRS's State API first) against the test LRS (tests/lrs/lrs.js): the LRS must then
# hold the session's statements, the same the desktop's `report --xapi` makes of the record left
# in the page (and the suspension sent while the page was reloaded), under the LMS's learner and
# registration with its context template, and cmi5's own statements (initialized first,
# completed, passed or failed by the mastery score, terminated last, once each), all valid by
# Learning Locker's validator; the launch's credentials are fetched once, a reload included, and
# the page goes to the LMS's return address when the trainee finishes.
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
# account name is the participant code), its registration and the activity launched; and the
# launch data it writes first (cmi5's LMS.LaunchData: the context template with the launch's
# session id and the publisher's id of the course, the mastery score, the return address), and
# the learner's preferences (cmi5LearnerPreferences in the Agent Profile API).
ACTIVITY="https://lms.example.org/course/mpa"
ACTOR='{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"T07"}}'
REGISTRATION=$(python3 -c 'import uuid; print(uuid.uuid4())')
SESSION_ID=$(python3 -c 'import uuid; print(uuid.uuid4())')
PUBLISHER="https://mpa-trainer.invalid/au/practice"
MASTERY=0.8
RETURN_URL="http://127.0.0.1:$PORT/ok/returned-to-the-lms.html"
python3 - "$LRS" "$ACTIVITY" "$ACTOR" "$REGISTRATION" "$SESSION_ID" "$PUBLISHER" "$MASTERY" "$RETURN_URL" <<'PY' ||
import base64, json, os, sys, urllib.parse as u, urllib.request as r
lrs, activity, actor, registration, session, publisher, mastery, back = sys.argv[1:]
data = {
    "contextTemplate": {
        "contextActivities": {"grouping": [{"objectType": "Activity", "id": publisher}]},
        "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": session},
    },
    "launchMode": "Normal",
    "launchMethod": "AnyWindow",
    "moveOn": "CompletedAndPassed",
    "masteryScore": float(mastery),
    "returnURL": back,
}
query = u.urlencode({"stateId": "LMS.LaunchData", "activityId": activity, "agent": actor, "registration": registration})
auth = base64.b64encode(f"{os.environ['MPA_LRS_KEY']}:{os.environ['MPA_LRS_SECRET']}".encode()).decode()
headers = {"Authorization": f"Basic {auth}", "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
r.urlopen(r.Request(f"{lrs}activities/state?{query}", data=json.dumps(data).encode(), method="PUT", headers=headers))
# The learner's preferences: English first, which the test's clicks expect.
preferences = {"languagePreference": "en-US,es-VE", "audioPreference": "on"}
query = u.urlencode({"profileId": "cmi5LearnerPreferences", "agent": actor})
r.urlopen(r.Request(f"{lrs}agents/profile?{query}", data=json.dumps(preferences).encode(), method="PUT", headers=headers))
PY
  fail "the launch data cannot be written into the test LRS"
LAUNCH=$(python3 -c 'import sys, urllib.parse as u; print("?" + u.urlencode(dict(zip(
  ["endpoint", "fetch", "actor", "registration", "activityId"], sys.argv[1:]))))' \
  "$LRS" "http://127.0.0.1:$LRS_PORT/fetch/$REGISTRATION" "$ACTOR" "$REGISTRATION" "$ACTIVITY")
LAUNCH="$LAUNCH" RETURN_URL="$RETURN_URL" BROKEN_URL="http://127.0.0.1:$PORT/broken/" BROKEN_EXPECTED="$EXPECTED" \
  python3 tests/web/e2e.py "http://127.0.0.1:$PORT/ok/" "$OUT"

# What the LRS holds: the statements the desktop makes of the same record, no more, valid; and
# cmi5's, about the launched activity.
node tests/lrs/fetch.js "$LRS" "$ACTIVITY/course" "$OUT/lrs.json"
node tests/lrs/fetch.js "$LRS" "$ACTIVITY" "$OUT/lrs-cmi5.json"
"$BIN" report "$OUT/session" --xapi "$OUT/expected.json" --xapi-home "$ACTIVITY" >/dev/null
node tests/xapi/validate.js "$OUT/lrs.json" || fail "the LRS's statements are not valid xAPI"
node tests/xapi/validate.js "$OUT/lrs-cmi5.json" || fail "the LRS's cmi5 statements are not valid xAPI"
python3 - "$OUT/lrs.json" "$OUT/lrs-cmi5.json" "$OUT/expected.json" "$ACTOR" "$REGISTRATION" "$ACTIVITY" \
  "$SESSION_ID" "$PUBLISHER" "$MASTERY" <<'PY' || fail "the LRS does not hold the session and the launch as cmi5 wants them"
import json, sys
held, cmi5, expected = (json.load(open(p)) for p in sys.argv[1:4])
actor, registration, activity, session, publisher = json.loads(sys.argv[4]), *sys.argv[5:9]
mastery = float(sys.argv[9])
made = {s["id"] for s in expected}
missing = made - {s["id"] for s in held}
# Beyond the record's statements, only the suspension sent while the page was reloaded.
extra = [s["verb"]["id"] for s in held if s["id"] not in made]
if missing or any(not v.endswith("/suspended") for v in extra) or len(extra) != 1:
    sys.exit(f"the LRS lacks {len(missing)} of the record's {len(made)} statements; beyond them it holds {extra}")
own = {s["id"]: s["context"]["registration"] for s in expected}
key = f"{activity}/xapi/session-registration"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
for s in held + cmi5:
    c = s["context"]
    if s["actor"].get("account") != actor["account"]:
        sys.exit(f"statement {s['id']} is not the LMS's learner: {s['actor']}")
    if c.get("registration") != registration:
        sys.exit(f"statement {s['id']} is not in the LMS's registration: {c.get('registration')}")
    if c["extensions"].get("https://w3id.org/xapi/cmi5/context/extensions/sessionid") != session:
        sys.exit(f"statement {s['id']} lacks the launch's session id")
    if publisher not in [a["id"] for a in c["contextActivities"]["grouping"]]:
        sys.exit(f"statement {s['id']} lacks the publisher's id of the context template")
    if s["id"] in own and c["extensions"].get(key) != own[s["id"]]:
        sys.exit(f"statement {s['id']} lacks the session's own registration")
    categories = [a["id"] for a in c["contextActivities"].get("category", [])]
    if (s in cmi5) != (CMI5 in categories):
        sys.exit(f"statement {s['id']} is {'' if s in cmi5 else 'not '}about the launch but has categories {categories}")
verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in sorted(cmi5, key=lambda s: s["stored"])]
verdicts = [v for v in verbs if v in ("passed", "failed")]
if verbs[0] != "initialized" or verbs[-1] != "terminated" or sorted(verbs) != sorted(["initialized", "completed", verdicts[0] if verdicts else "?", "terminated"]):
    sys.exit(f"cmi5's statements are {verbs}: initialized first, completed, passed or failed, terminated last, once each")
first = min(s["stored"] for s in cmi5 if s["verb"]["id"].endswith("/initialized"))
last = max(s["stored"] for s in cmi5 if s["verb"]["id"].endswith("/terminated"))
if any(not first <= s["stored"] <= last for s in held):
    sys.exit("a statement of the session was stored before initialized or after terminated")
for s in cmi5:
    verb, result, categories = s["verb"]["id"].rsplit("/", 1)[1], s.get("result", {}), [a["id"] for a in s["context"]["contextActivities"]["category"]]
    if s["object"]["id"] != activity:
        sys.exit(f"cmi5's {verb} is about {s['object']['id']}, not the launched activity")
    if (MOVE_ON in categories) != (verb in ("completed", "passed", "failed")):
        sys.exit(f"cmi5's {verb} has categories {categories}")
    if verb in ("completed", "passed", "failed", "terminated") and "duration" not in result:
        sys.exit(f"cmi5's {verb} has no duration")
    if verb in ("passed", "failed"):
        scaled = result.get("score", {}).get("scaled")
        if s["context"]["extensions"].get("https://w3id.org/xapi/cmi5/context/extensions/masteryscore") != mastery:
            sys.exit(f"cmi5's {verb} lacks the mastery score")
        if result.get("success") != (verb == "passed") or (verb == "passed" and not scaled >= mastery) or (verb == "failed" and scaled is not None and scaled >= mastery):
            sys.exit(f"cmi5's {verb} does not agree with the mastery score {mastery}: {result}")
print(f"web-check: the LRS holds the session's {len(made)} statements and the suspension sent at the reload, under the LMS's learner, registration and context template, "
      f"and cmi5's {', '.join(verbs)}")
PY
given=$(grep -c "token given" "$OUT/lrs.log" || true)
refused=$(grep -c "refused, used before" "$OUT/lrs.log" || true)
[ "$given" = 1 ] && [ "$refused" = 0 ] ||
  fail "the launch's credentials were fetched $given times and refused $refused times (one fetch, kept for the tab)"
for document in LMS.LaunchData cmi5LearnerPreferences; do
  grep -q "document $document: read" "$OUT/lrs.log" || fail "the page did not read $document"
done
echo "web-check: passed"
