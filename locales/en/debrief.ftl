# The debrief after a scenario, and its path map.

## Buttons and heading
debrief-play-again = Play again
debrief-next = Next scenario
debrief-all-scenarios = All scenarios
debrief-heading = Debrief: { $title }
debrief-participant-workshop = Participant { $code } · Workshop mode
debrief-participant-practice = Participant { $code } · Practice mode

## The verdict and why
debrief-passed = Passed: { $score } (pass mark { $mark })
debrief-not-passed = Not passed: { $score } (pass mark { $mark })
debrief-reason-unfinished = The scenario was not finished: no ending was reached.
debrief-reason-critical = { $n ->
    [one] { $n } critical error
   *[other] { $n } critical errors
}: any critical error fails the scenario.
debrief-reason-below = The overall score { $score } is below the pass mark of { $mark }.
debrief-withheld = This was the assessment before the course. Its answers and feedback are shown after you have taken the assessment at the end of the course, so that it measures what you learned.

## The ending
debrief-ending = Ending: { $title }
debrief-outcome-protected = Protected
debrief-outcome-partly-protected = Partly protected
debrief-outcome-not-protected = Not protected
debrief-outcome-harmed = Harmed

## Grades of a decision

## The path map
debrief-map = Your path on the map
debrief-map-click = Click a step of your path to see its feedback.
debrief-map-step = Step { $n }: { $label }
debrief-map-step-graded = Step { $n }: { $label } ({ $grade })
debrief-map-best = Pale band: the best path.
debrief-map-path = Your path is coloured by the grade of each decision; click one to see its feedback.

## The score by competency
debrief-competencies = Your score by competency
debrief-not-in-session = not in this session
debrief-competency-indicators = Recognising indicators
debrief-competency-decisions = Decisions
debrief-competency-referral = Referral
debrief-competency-classification = Classification
debrief-detail-indicators-v1 = { $hits } found, { $misses } missed, { $false_alarms ->
    [one] { $false_alarms } false alarm
   *[other] { $false_alarms } false alarms
}; recall { $recall }, precision { $precision }, sensitivity d′ { $dprime } (scored as F1, under the first version of the rules)
debrief-detail-indicators-v2 = { $hits } found, { $misses } missed; { $false_alarms } of { $red_herrings ->
    [one] { $red_herrings } ordinary detail
   *[other] { $red_herrings } ordinary details
} flagged. Indicators found (by strength) { $recall } minus false alarms { $far }; precision { $precision }, sensitivity d′ { $dprime }
debrief-detail-decisions = { $points } of the best { $best } points over { $taken ->
    [one] { $taken } graded choice
   *[other] { $taken } graded choices
}
debrief-detail-referral = { $points } of { $max } points ({ $services })
debrief-detail-referral-none = { $points } of { $max } points (nothing ticked)
debrief-detail-classification-right = { $answer } (right)
debrief-detail-classification-wrong = { $answer } (wrong)

## Critical errors and breaches
debrief-critical = Critical errors (each one fails the scenario)
debrief-breaches = Principles breached
debrief-at = At: { $scene }
debrief-at-ending = the ending
debrief-at-referral = Referral
debrief-at-classification = Classification
debrief-critical-choice = Took a critical choice: "{ $text }"
debrief-critical-choice-numbered = Took a critical choice: "choice { $n }"
debrief-critical-harmful-service = Referred to a harmful service: { $service }
debrief-critical-no-consent = Referred the person without their informed consent
debrief-critical-ended-in-harm = The encounter ended in harm: { $ending }
debrief-critical-left-unprotected = The person was left without protection: { $ending }
debrief-critical-unrecorded = A critical error

## The path, step by step
debrief-steps = Your path, step by step
debrief-best-path = The best path:
debrief-did-refer-none = Referred to no service
debrief-did-refer = Referred to { $services }
debrief-did-record = Recorded as { $answer }
debrief-better-refer = Refer to { $services }
debrief-better-record = Record it as { $answer }

## Indicators
debrief-found = Indicators you found
debrief-missed = Indicators you missed
debrief-false-alarms = False alarms: flagged, but not indicators
debrief-indicator = Indicator: { $indicator }
debrief-named = You named it: { $named }
debrief-named-right = You named it: { $named } (right)

## Confidence
debrief-confidence = How sure you were
debrief-confident-errors = You were sure, and wrong, { $n ->
    [one] { $n } time
   *[other] { $n } times
}: these are the ones to look at first.
debrief-judgement-right = { $percent } % sure, right: { $did }
debrief-judgement-wrong = { $percent } % sure, wrong: { $did }
debrief-calibration = When you said { $percent } %, you were right { $right } of { $rated } times.
debrief-brier = Brier score { $brier } (0 is perfect; always saying 50 % gives 0.25).

## Vulnerability factors
debrief-factors = Vulnerability factors: you noted { $noted } of { $total }
debrief-factors-intro = Circumstances that make a person more or less vulnerable. They are not signs of trafficking: noting them scores nothing either way, but they shape the help the person needs.
debrief-factors-risk = { $level }: risk factors
debrief-factors-protective = { $level }: protective factors
debrief-level-individual = Individual
debrief-level-household = Household and family
debrief-level-community = Community
debrief-level-structural = Structural
debrief-factor-noted = Noted { $factor }: { $text }
debrief-factor-not-noted = Not noted { $factor }: { $text }

## What was never heard
debrief-unheard = What you never got to hear
debrief-unheard-intro = The person would have told you this in a safer interview: separated from anyone who may control them, with an independent interpreter, or in their own time.
debrief-lost-when = Lost when you chose: { $step }
