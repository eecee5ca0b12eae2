# The facilitator's screen: the passphrase gate, the group's results, the LRS settings.

## The passphrase gate
facilitator-heading = Facilitator
facilitator-set-intro = Set a facilitator passphrase (at least 8 characters). Only a salted hash of it is kept on this computer, so trainees cannot open the group's results.
facilitator-passphrase = Passphrase:
facilitator-passphrase-again = The same again:
facilitator-set-passphrase = Set the passphrase
facilitator-enter-passphrase = Enter the facilitator passphrase:
facilitator-open = Open
facilitator-back = Back
facilitator-not-set = Not set: { $error }.
facilitator-wrong-passphrase = That is not the passphrase.
facilitator-access-too-short = the passphrase must have at least { $n } characters
facilitator-access-mismatch = the two passphrases differ
facilitator-access-already-set = a passphrase is already set
facilitator-access-write = the passphrase file { $path } cannot be written: { $detail }
facilitator-access-damaged = the passphrase file { $path } is damaged; delete it to set a new passphrase
facilitator-access-hash = the passphrase could not be hashed: { $detail }

## The top bar
facilitator-back-to-cohort = Back to the cohort
facilitator-lock = Lock and go back
facilitator-refresh = Refresh
facilitator-export-csv = Export CSV
    .hint = One row per session, for spreadsheets
facilitator-export-xapi = Export xAPI
    .hint = Statements for a learning record store

## What an action did
facilitator-lrs-not-set = Set the LRS first.
facilitator-cannot-read = The results cannot be read: { $detail }.
facilitator-read-folder = { $n } sessions read from this computer's folder.
facilitator-read-lrs = { $n } sessions read from the LRS.
facilitator-lrs-unreadable = The LRS could not be read: { $error }.
facilitator-reading-stopped = The LRS could not be read: the LRS gave an answer that is not xAPI: the reading stopped unexpectedly.
facilitator-exported = Exported to { $path }
facilitator-export-failed = The export failed: { $error }
facilitator-export-no-folder = cannot create { $path }: { $detail }
facilitator-export-no-file = cannot write { $path }: { $detail }
facilitator-export-not-written = the export could not be written: { $detail }
facilitator-now-saved-in = Sessions are now saved in { $dir }
facilitator-session-from-lrs = This session was read from the LRS: its step-by-step debrief is on the computer that recorded it.
facilitator-cannot-show = That session cannot be shown: { $error }.
facilitator-show-unreadable = the session file cannot be read: { $detail }
facilitator-show-no-start = the session file has no start line
facilitator-show-no-scenario = the scenario "{ $scenario }" is not in the library any more
facilitator-show-unknown-rules = the session was scored under rules version { $version }, which this version does not know
facilitator-show-changed = the scenario has changed since this session (step { $step }: { $detail })

## The results folder and the plan
facilitator-results = The group's results
facilitator-folder-and-plan = Results folder and plan
facilitator-saved-in = Sessions are saved in { $dir }
facilitator-folder-hint = another folder
facilitator-save-here = Save here from now on
facilitator-plan = Today's plan:
facilitator-plan-none = none (all scenarios)
facilitator-note = Note: { $note }

## The learning record store
facilitator-lrs = Learning record store (xAPI)
facilitator-lrs-intro = Every laptop can send its sessions to one learning record store, so the whole group's results can be read in one place. Leave the address empty to keep results on this computer only.
facilitator-lrs-endpoint = Endpoint
facilitator-lrs-key = Key
facilitator-lrs-secret = Secret
facilitator-lrs-home = Your organisation's address
facilitator-lrs-insecure = Accept a plain http:// address on another machine (the secret then travels unencrypted)
facilitator-lrs-save = Save the LRS settings
facilitator-read-from = Read the group's results from:
facilitator-source-folder = this computer's folder
facilitator-source-lrs = the LRS
facilitator-reading = Reading…
facilitator-not-saved = Not saved: { $error }.
facilitator-lrs-needs-key = the LRS needs a key and a secret
facilitator-no-config-folder = this computer has no configuration folder
facilitator-settings-damaged = the settings file is damaged: { $detail }
facilitator-lrs-saved-sending = Saved: results are sent to the LRS from now on.
facilitator-lrs-saved-local = Saved: results stay on this computer.
facilitator-lrs-unreachable = the LRS cannot be reached: { $detail }
facilitator-lrs-unauthorized = the LRS refused the credentials (HTTP { $code })
facilitator-lrs-conflict = the LRS holds a different statement with the same id (HTTP 409): { $detail }
facilitator-lrs-refused = the LRS refused the statements (HTTP { $code }): { $detail }
facilitator-lrs-server = the LRS failed (HTTP { $code }): { $detail }
facilitator-lrs-bad-answer = the LRS gave an answer that is not xAPI: { $detail }
facilitator-endpoint-not-an-address = not an address: { $address }
facilitator-endpoint-scheme = the address must start with https:// (or http:// for this machine): { $address }
facilitator-endpoint-insecure = plain http:// sends the secret unencrypted; it is allowed only for this machine (localhost, 127.0.0.1) unless explicitly accepted: { $address }

## The sessions table
facilitator-sessions = Sessions
facilitator-filter-scenario = Scenario:
facilitator-filter-all = all
facilitator-filter-mode = Mode:
facilitator-mode-workshop = workshop
facilitator-mode-practice = practice
facilitator-filter-from = From:
facilitator-filter-to = to:
facilitator-date-hint = YYYY-MM-DD
facilitator-sessions-shown = { $shown } of { $total } sessions
facilitator-col-participant = Participant
facilitator-col-scenario = Scenario
facilitator-col-mode = Mode
facilitator-col-started = Started (UTC)
facilitator-col-score = Score
facilitator-col-result = Result
facilitator-col-critical = Critical
facilitator-col-false-alarms = False alarms
facilitator-col-factors = Factors noted
facilitator-col-minutes = Minutes
facilitator-open-session = Open this session's debrief
facilitator-result-unfinished = unfinished
facilitator-result-passed = passed
facilitator-result-not-passed = not passed
facilitator-false-alarms-hint = Ordinary details flagged as indicators, of those shown
facilitator-factors-noted = { $noted } of { $shown }

## Indicators and vulnerability factors
facilitator-indicators = Which indicators the group detects (lowest first)
facilitator-indicators-axis = detected, % of times shown
facilitator-indicators-chart = detection rate
facilitator-rate-bar = { $label } ({ $n } shown)
facilitator-rate-line = { $rate }%  { $label } ({ $n } shown)
facilitator-factors = Which vulnerability factors the group notes (lowest first)

## Decisions and principles
facilitator-decisions = Choices at each decision point
facilitator-decisions-axis = choice (as listed below)
facilitator-decisions-times = times taken
facilitator-decisions-chart = choices
facilitator-choice-bar = { $text } [{ $grade }]
facilitator-choice-line = { $number }. [{ $grade }] { $times }×  { $text }
facilitator-breaches = Principles most breached
facilitator-breaches-axis = principle (as listed below)
facilitator-breaches-chart = breaches

## Assessment gains
facilitator-gains = Assessment: normalised gain g = (post − pre) / (1 − pre)
facilitator-gains-col-participant = Participant
facilitator-gains-col-pre = Pre
facilitator-gains-col-post = Post
facilitator-gains-col-gain = Gain g
facilitator-gains-col-delayed = Delayed
facilitator-gains-col-lasting = Lasting g
facilitator-mean-gain = Cohort mean gain: { $gain }
facilitator-mean-gain-none = Cohort mean gain: not yet (needs pre and post)
facilitator-mean-lasting-gain = Cohort mean lasting gain (the delayed form): { $gain }

## Confidence
facilitator-calibration = How sure the group was
facilitator-calibration-level = Said { $sure } % sure: right { $right } of { $rated } times ({ $rate })
facilitator-calibration-brier = Brier score { $brier } over { $rated } rated decisions (0 is perfect; always saying 50 % gives 0.25)

## Refreshers
facilitator-overdue = Refreshers due
facilitator-overdue-topics = { $participant }: { $topics ->
    [one] 1 topic
   *[other] { $topics } topics
} due for review
facilitator-overdue-both = { $participant }: { $topics ->
    [one] 1 topic
   *[other] { $topics } topics
} due for review; the delayed assessment is due
facilitator-overdue-delayed = { $participant }: the delayed assessment is due

## Item analysis
facilitator-items = Items: which decisions tell strong trainees from weak
facilitator-items-few = Figures marked * come from fewer than { $n } sessions: read them with care.
facilitator-items-reliability = { $form }: KR-20 reliability { $kr20 } over { $items } items and { $sessions } sessions{ $mark }
facilitator-items-col-item = Item
facilitator-items-col-scenario = Scenario
facilitator-items-col-sessions = Sessions
facilitator-items-col-right = Right
facilitator-items-col-point-biserial = r pb
facilitator-items-col-upper-lower = Upper − lower
facilitator-items-col-note = Note
facilitator-item-decision = decision { $id }
facilitator-item-indicator = indicator { $id }
facilitator-item-classification = classification { $id }
facilitator-items-mis-graded = strong trainees prefer choice { $choice }: check its grade
facilitator-filter-language = Language:
facilitator-col-language = Language
facilitator-filter-any-language = any language
