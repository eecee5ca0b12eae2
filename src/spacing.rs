//! Spaced refreshers: what a participant missed comes back for review after about 2, 7 and 21
//! days, and the delayed assessment form is due about 30 days after the post-course form. All
//! dates come from the participant's records and a given "now", so a test can set the clock.
//!
//! For each indicator missed and each principle breached: a miss starts the schedule (review
//! due 2 days later); a review on or after its due date that gets it right moves it to the next
//! interval (7, then 21 days); a right answer after the third interval retires it; a new miss
//! starts it again. An indicator is reviewed by a session that shows it; a principle by a session
//! of a scenario that tests it.

use crate::practice::PastSession;
use crate::record::parse_time;
use crate::scenario::model::AssessmentForm;
use std::collections::BTreeMap;
use time::{Duration, OffsetDateTime};

/// Days to each review after a miss, then after each right review.
pub const INTERVALS: [i64; 3] = [2, 7, 21];

/// Days after the post-course form that the delayed form is due.
pub const DELAYED_FORM_AFTER: i64 = 30;

/// What comes back for review.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    Indicator(String),
    Principle(String),
}

/// A topic in the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub topic: Topic,
    /// When its next review is due.
    pub due: OffsetDateTime,
    /// Which interval it is in (0: 2 days, 1: 7 days, 2: 21 days).
    pub step: usize,
    /// When it was last missed.
    pub missed: OffsetDateTime,
}

/// The delayed form: when it is due, and whether it has been taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DelayedCheck {
    pub due: OffsetDateTime,
    pub taken: bool,
}

/// A participant's schedule at a moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    /// Topics due now (or overdue), earliest first.
    pub due_now: Vec<Due>,
    /// Topics due later, earliest first.
    pub later: Vec<Due>,
    /// The delayed form, once the post-course form has been taken.
    pub delayed_form: Option<DelayedCheck>,
}

impl Schedule {
    /// Whether the delayed form is due now and not yet taken.
    pub fn delayed_form_due(&self, now: OffsetDateTime) -> bool {
        self.delayed_form.is_some_and(|d| !d.taken && d.due <= now)
    }

    /// Indicators due now.
    pub fn due_indicators(&self) -> impl Iterator<Item = &str> {
        self.due_now.iter().filter_map(|d| match &d.topic {
            Topic::Indicator(i) => Some(i.as_str()),
            Topic::Principle(_) => None,
        })
    }
}

struct Track {
    step: usize,
    due: OffsetDateTime,
    missed: OffsetDateTime,
}

/// The schedule against a course: which scenarios exercise a principle, and which are assessment
/// forms, come from the library (without one, none do).
pub fn schedule_in(
    library: Option<&crate::scenario::Library>,
    sessions: &[PastSession],
    now: OffsetDateTime,
) -> Schedule {
    schedule(
        sessions,
        now,
        |scenario, principle| {
            library
                .and_then(|l| l.find(scenario))
                .is_some_and(|p| crate::report::cohort::touches(&p.scenario, principle))
        },
        |id| {
            library
                .and_then(|l| l.find(id))
                .and_then(|p| p.scenario.assessment)
        },
    )
}

/// The schedule of a participant's finished sessions at `now`. `tests(scenario, principle)`
/// says whether a scenario's choices touch a principle; `form_of` which scenarios are forms.
pub fn schedule(
    sessions: &[PastSession],
    now: OffsetDateTime,
    tests: impl Fn(&str, &str) -> bool,
    form_of: impl Fn(&str) -> Option<AssessmentForm>,
) -> Schedule {
    let mut dated: Vec<(OffsetDateTime, &PastSession)> = sessions
        .iter()
        .filter_map(|s| parse_time(&s.finished_at).map(|t| (t, s)))
        .filter(|(_, s)| s.finished.score.complete)
        .collect();
    dated.sort_by_key(|(t, _)| *t);
    let mut tracks: BTreeMap<Topic, Track> = BTreeMap::new();
    let mut post: Option<OffsetDateTime> = None;
    let mut delayed_taken = false;
    for (at, s) in &dated {
        match form_of(&s.scenario) {
            Some(AssessmentForm::Post) => post = post.or(Some(*at)),
            Some(AssessmentForm::Delayed) => delayed_taken = true,
            _ => {}
        }
        // What this session showed, and whether it got each right.
        let mut outcomes: BTreeMap<Topic, bool> = BTreeMap::new();
        for o in &s.finished.observations {
            if let Some(i) = &o.indicator {
                let right = outcomes.entry(Topic::Indicator(i.clone())).or_insert(true);
                *right &= o.flagged;
            }
        }
        for b in &s.finished.score.breaches {
            outcomes.insert(Topic::Principle(b.principle.clone()), false);
        }
        for topic in tracks.keys() {
            if let Topic::Principle(p) = topic
                && tests(&s.scenario, p)
            {
                outcomes.entry(topic.clone()).or_insert(true);
            }
        }
        for (topic, right) in outcomes {
            if !right {
                tracks.insert(
                    topic,
                    Track {
                        step: 0,
                        due: *at + Duration::days(INTERVALS[0]),
                        missed: *at,
                    },
                );
            } else if let Some(track) = tracks.get_mut(&topic)
                && *at >= track.due
            {
                track.step += 1;
                match INTERVALS.get(track.step) {
                    Some(days) => track.due = *at + Duration::days(*days),
                    None => {
                        tracks.remove(&topic);
                    }
                }
            }
        }
    }
    let mut all: Vec<Due> = tracks
        .into_iter()
        .map(|(topic, t)| Due {
            topic,
            due: t.due,
            step: t.step,
            missed: t.missed,
        })
        .collect();
    all.sort_by(|a, b| a.due.cmp(&b.due).then(a.topic.cmp(&b.topic)));
    let (due_now, later) = all.into_iter().partition(|d| d.due <= now);
    Schedule {
        due_now,
        later,
        delayed_form: post.map(|p| DelayedCheck {
            due: p + Duration::days(DELAYED_FORM_AFTER),
            taken: delayed_taken,
        }),
    }
}
