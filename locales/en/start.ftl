# The start screen.
start-language = Language:
start-heading = Migrant Protection and Assistance: practice scenarios
start-purpose = Recognise a vulnerable migrant or a victim of trafficking, refer them to the right services, and do it safely: privately, with consent, with confidentiality.
start-plan = Today's plan: { $plan }
start-who = Who is training?
start-code = Your participant code (your facilitator gives it to you; no names needed):
start-code-hint = e.g. T07
start-mode = Mode:
start-mode-workshop = Workshop: feedback in the debrief at the end
start-mode-practice = Practice: feedback after each step
start-begin = Start
start-code-invalid = A participant code is 1 to 32 letters, digits, - or _ (no spaces): for example T07.
start-code-first = Enter your participant code first.
start-interrupted = Interrupted sessions: pick up where you left off
start-interrupted-session = { $title } · started { $started } · { $steps ->
    [one] 1 step
   *[other] { $steps } steps
}
start-resume = Resume
start-progress = My progress
start-facilitator = Facilitator
start-facilitator-hint = Results of the group (passphrase)
start-results-in = Results are saved in { $dir }
start-results-in-browser = Your answers are kept in this browser, and sent to your course when it is set up to receive them.
start-keys = Ctrl + and Ctrl − change the text size; F2 switches high contrast.
