# The command line.
cli-validate-summary = checked { $files ->
    [one] 1 scenario file
   *[other] { $files } scenario files
}, { $translations ->
    [one] 1 translation
   *[other] { $translations } translations
} and the catalogue: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
# report: the cohort summary.
cli-report-head = { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
} by { $participants ->
    [one] 1 participant
   *[other] { $participants } participants
}: { $complete } complete, { $passed } passed
cli-report-languages = Languages played: { $list }
cli-report-by-scenario = By scenario:
cli-report-scenario-line = { $sessions } sessions  { $complete } complete  { $passed } passed  mean { $mean }  false alarms { $alarms }  { $critical } critical errors
cli-report-of = of { $n }
cli-report-missed = Indicators the group misses most (detection rate):
cli-report-factors = Vulnerability factors the group notes least:
cli-report-breaches = Principles most breached:
cli-report-gains = Assessment (normalised gain g = (post − pre) / (1 − pre); lasting gain from the delayed form the same way):
cli-report-gain-line = pre { $pre }  post { $post }  delayed { $delayed }  g { $gain }  lasting g { $lasting }
cli-report-mean-gain = cohort mean gain: { $gain }
cli-report-mean-lasting-gain = cohort mean lasting gain: { $gain }
