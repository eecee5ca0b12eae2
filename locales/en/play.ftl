# The play screen.
play-step = · step { $step }
play-leave = Leave scenario
    .hint = Stop here; you can resume it later from the start screen

# Feedback on the last step (Practice mode).
play-feedback = Feedback on your last step
play-feedback-referral = Referral: { $points } of { $max } points
play-feedback-right = Right: { $answer }
play-feedback-not-quite = Not quite: you chose { $chose }; the answer is { $answer }
play-feedback-not-ticked = Not ticked: { $list }.

# Observations to flag and name.
play-notice = What do you notice? Flag signs of trafficking and what makes the person vulnerable
play-notice-keys = Space or F flags the focused line; you can name the indicator too.
play-named = named: { $indicator }
play-rename = Rename…
play-name = Name the indicator…
play-search = Search indicators:
    .hint = e.g. passport, debt, escorted
play-search-none = No indicator matches.
play-cancel = Cancel

# How sure the trainee is of a decision.
play-confidence = How sure are you?
play-confidence-first = Say how sure you are before you answer.

# Choices, referral and classification.
play-choices = What do you do?
play-referral = Refer: tick every service that fits, then submit once
play-referral-tel = Tel. { $number }
play-referral-submit = Submit referral ({ $n } ticked)
play-referral-keys = Ctrl+Enter submits.
play-classify = How do you record this case?
play-classify-record = Record this classification
play-classify-keys = Number keys pick; Ctrl+Enter records.

# The picture in words, for a screen reader: a person whose face changed.
play-looks-calm = { $name } now looks calm.
play-looks-afraid = { $name } now looks afraid.
play-looks-wary = { $name } now looks wary.
play-looks-sad = { $name } now looks sad.
play-looks-relieved = { $name } now looks relieved.
play-looks-angry = { $name } now looks angry.
