# common
# Why a practice scenario is suggested.
reason-missed-item = { $label } (missed { $missed } of { $shown })
reason-missed = it shows indicators you missed before: { $list }
reason-breached-item = { $label } ({ $times ->
    [one] 1 time
   *[other] { $times } times
})
reason-breached = it tests principles you breached: { $list }
reason-unplayed = you have not played it yet
reason-general = it covers ground you have not practised much
reason-and = ; and{" "}
reason-due = It shows what is due for review today: { $list }. { $rest }
# The status bar, on every screen.
status-text-size = Text size
status-smaller = Smaller text (Ctrl −)
status-larger = Larger text (Ctrl +)
status-high-contrast = High contrast (F2)
status-pictures = Pictures
status-pictures-hint = Draw the people and places; turn off on a slow computer
save-retry = Try saving again
# Closing with answers not yet saved.
close-unsaved-heading = Some answers are not saved yet
close-unsaved-explain = If you close now, they are lost. Ask your facilitator to choose another results folder, or try again.
close-keep-working = Keep working
close-lose = Close and lose them
# Sending results to the learning record store.
sending-waiting = { $n ->
    [one] 1 session waiting to send
   *[other] { $n } sessions waiting to send
}
sending-unauthorized = the LRS refused the credentials: a facilitator must check them
sending-unreachable = the LRS cannot be reached; trying again
sending-server = the LRS failed; trying again
sending-refused = { $n ->
    [one] 1 statement refused by the LRS (kept aside)
   *[other] { $n } statements refused by the LRS (kept aside)
}
# A launch by a learning management system (LMS) that cannot be used; results are kept here.
launch-problem = The LMS's launch cannot be used ({ $detail }); your answers are kept on this device.
launch-endpoint = its LRS address is not usable: { $value }
launch-no-fetch = it gives no address for credentials
launch-fetch = its address for credentials is not a web address: { $value }
launch-actor = it does not name the learner by an account: { $value }
launch-participant = the account name "{ $value }" cannot be a participant code (letters, digits, - and _)
launch-registration = its registration is not a UUID: { $value }
launch-activity = its activity is not a web address: { $value }
launch-token = it gave no credentials: { $value }
launch-data = its launch data (cmi5) cannot be used: { $value }
# A launch by an LMS (cmi5): finishing it tells the LMS and goes back to it.
lms-finish = Finish and return to the course
lms-finish-hint = Tells your course (the LMS) you have finished practising, sends what is left, and goes back to it.
lms-finishing = Finishing: sending what is left to your course…
lms-finished = Finished: your course has your results. You may close this page.
# Notices about the course and the sessions.
notice-scenario-gone = The scenario "{ $id }" is not available any more.
notice-resume-unreadable = This session cannot be resumed: { $detail }
notice-resume-no-start = This session file has no start line; it cannot be resumed.
notice-resume-newer-rules = This session was started by a newer version of the program (scoring rules version { $rules }); it cannot be resumed here.
notice-resume-changed = This session cannot be resumed: the scenario has changed since (step { $step }: { $detail }).
notice-not-saved = Not saved yet ({ $lines ->
    [one] 1 record line
   *[other] { $lines } record lines
}): { $detail }. Nothing is lost: your answers are kept and saved as soon as the folder works again. Tell your facilitator.
notice-course-unloadable = The scenarios could not be loaded: { $detail }
notice-course-loading = Loading the scenarios…
notice-course-unfetched = The scenarios could not be fetched from the server: { $detail }
course-fetch-no-window = this page has no window
course-fetch-status = { $url }: the server answered { $status }
course-fetch-network = { $url }: { $detail }
course-fetch-index = { $url } is not a list of the course's files: { $detail }
notice-course-reloaded = The scenarios were reloaded: { $playable } playable, { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}.
notice-no-catalogue = The catalogue could not be loaded: no scenario can be played. Ask your facilitator.
window-title = mpa-trainer: Migrant Protection and Assistance
# When the window cannot start (printed on the console).
start-failure-driver = mpa-trainer: no graphics driver could draw the window ({ $message }). { $advice }
start-failure-driver-windows = Update the graphics driver, or try another way of drawing: start it from a console with WGPU_BACKEND=vulkan (or gl) set.
start-failure-driver-linux = Install Mesa's software drivers (Debian/Ubuntu: sudo apt-get install mesa-vulkan-drivers libgl1-mesa-dri) and try again.
start-failure-display = mpa-trainer: the display cannot be opened ({ $message }). Check that DISPLAY points to a running desktop, or start a virtual one with Xvfb.
start-failure-other = mpa-trainer: the window could not start: { $message }
start-failure-no-display = mpa-trainer: no display found (DISPLAY is not set). Run it on a desktop, or for a machine without a screen start a virtual one: Xvfb :99 & DISPLAY=:99 mpa-trainer. The command-line tools work anywhere: mpa-trainer --help
# The grades of a choice.
grade-appropriate = Appropriate
grade-acceptable = Acceptable
grade-suboptimal = Suboptimal
grade-harmful = Harmful
