# A participant's own progress.
progress-back = Back
progress-top = Progress of participant { $participant }
progress-heading = My progress
progress-practise-next = Practise next
progress-practise = Practise this scenario
progress-calibration = How sure you were, over time
progress-calibration-about = The Brier score of each session with rated decisions: lower is better; 0 is perfect, and always saying 50 % gives 0.25.
progress-calibration-session = { $date }: { $brier } over { $rated ->
    [one] 1 rated decision
   *[other] { $rated } rated decisions
}
progress-none = No finished scenario yet: your scores will show here.
progress-chart = Scores over time, by competency
progress-chart-session = session
progress-column-date = Date
progress-column-scenario = Scenario
progress-column-overall = Overall
progress-competency-indicators = Indicators
progress-competency-decisions = Decisions
progress-competency-referral = Referral
progress-competency-classification = Classification
progress-overall-passed = { $score } passed
progress-revise = Indicators to revise (the ones you missed most)
progress-revise-item = { $label }: missed { $missed } of { $shown }
progress-revise-note = In the scenarios: { $note }
progress-assessment = Assessment
progress-not-taken = not taken yet
progress-pre = Before the course (day 1): { $score }
progress-post = After the course (day 2): { $score }
progress-gain = Normalised gain: { $gain }
# What is due for review today (also on the scenario list).
progress-due = Due today
progress-due-delayed = The delayed assessment is due: it shows what you kept from the course.
progress-due-missed = You missed these before; practise a scenario that shows them today:
progress-due-indicator = Indicator: { $label }
progress-due-principle = Principle: { $label }
