# Choosing a scenario.
select-back = Back
select-top = Participant { $participant } · { $mode }
select-mode-workshop = Workshop mode
select-mode-practice = Practice mode
select-heading = Choose a scenario
select-plan = Today's plan: { $plan }
select-suggested = Suggested next
select-play-suggestion = Play the suggestion
select-none = No scenario can be played. Ask your facilitator to check the scenario files.
select-minutes = about { $minutes } min
select-best-passed = your best: { $score } (passed)
select-best-not-passed = your best: { $score } (not passed)
select-not-played = not played yet
select-broken = Scenarios that cannot be played (errors in their files)
select-broken-unknown = cannot be played
