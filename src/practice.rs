//! Self-paced practice: a participant's history from the results folder, and the next scenario
//! to practise, chosen for the indicators they miss and the principles they breach most.

use crate::record::index::session_files;
use crate::record::reader::read_head_and_tail;
use crate::record::{Body, Mode, SessionFinished, format_time};
use crate::scenario::Playable;
use crate::scenario::model::AssessmentForm;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

/// One finished session of the participant.
#[derive(Debug, Clone, PartialEq)]
pub struct PastSession {
    pub scenario: String,
    pub title: String,
    pub mode: Mode,
    pub finished_at: String,
    pub finished: SessionFinished,
}

/// What a participant did before.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Finished sessions, oldest first.
    pub sessions: Vec<PastSession>,
    /// Per indicator: (times shown, times missed).
    pub indicators: BTreeMap<String, (u32, u32)>,
    /// Per principle: times breached.
    pub breaches: BTreeMap<String, u32>,
    /// Per scenario: times finished.
    pub played: HashMap<String, u32>,
}

impl History {
    /// Reads the participant's finished sessions from a results folder.
    pub fn read(dir: &Path, participant: &str) -> History {
        let mut sessions = Vec::new();
        let prefix = format!("{participant}_");
        for path in session_files(dir) {
            if !path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix))
            {
                continue;
            }
            let Ok((Some(head), Some(last), _)) = read_head_and_tail(&path) else {
                continue;
            };
            if let (Body::Started(s), Body::Finished(f)) = (head.body, last.body)
                && s.participant == participant
            {
                sessions.push(PastSession {
                    scenario: s.scenario,
                    title: s.scenario_title,
                    mode: s.mode,
                    finished_at: format_time(last.at),
                    finished: *f,
                });
            }
        }
        sessions.sort_by(|a, b| a.finished_at.cmp(&b.finished_at));
        History::from_sessions(sessions)
    }

    /// Tallies finished sessions.
    pub fn from_sessions(sessions: Vec<PastSession>) -> History {
        let mut h = History::default();
        for s in &sessions {
            *h.played.entry(s.scenario.clone()).or_default() += 1;
            for o in &s.finished.observations {
                if let Some(ind) = &o.indicator {
                    let e = h.indicators.entry(ind.clone()).or_default();
                    e.0 += 1;
                    e.1 += u32::from(!o.flagged);
                }
            }
            for b in &s.finished.score.breaches {
                *h.breaches.entry(b.principle.clone()).or_default() += 1;
            }
        }
        h.sessions = sessions;
        h
    }

    /// How often an indicator was missed, smoothed so that one miss of one is not certainty and
    /// an indicator never seen counts as half missed: (missed + 1) / (shown + 2).
    pub fn miss_rate(&self, indicator: &str) -> f64 {
        let (shown, missed) = self.indicators.get(indicator).copied().unwrap_or((0, 0));
        (f64::from(missed) + 1.0) / (f64::from(shown) + 2.0)
    }

    /// Indicators by times missed, most first: (id, missed, shown).
    pub fn most_missed(&self) -> Vec<(String, u32, u32)> {
        let mut v: Vec<(String, u32, u32)> = self
            .indicators
            .iter()
            .filter(|(_, (_, missed))| *missed > 0)
            .map(|(id, (shown, missed))| (id.clone(), *missed, *shown))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
        v
    }
}

/// A suggested scenario and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub scenario: String,
    pub weight: f64,
    pub reason: Reason,
}

/// Why a scenario is suggested, as ids and counts; the app puts it into words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reason {
    /// Indicators due for review today that it shows (ids, sorted).
    pub due: Vec<String>,
    /// Indicators it shows that the participant missed before: id, times missed, times shown
    /// (at most three, most missed first).
    pub missed: Vec<(String, u32, u32)>,
    /// Principles its choices test that the participant breached: id, times (at most two).
    pub breached: Vec<(String, u32)>,
    /// Never played (said only when nothing above applies).
    pub unplayed: bool,
}

impl Reason {
    /// Whether nothing particular is said: it covers ground not practised much.
    pub fn is_general(&self) -> bool {
        self.due.is_empty() && self.missed.is_empty() && self.breached.is_empty() && !self.unplayed
    }
}

/// Ranks practice scenarios for a participant, best first. Assessment forms are never suggested.
///
/// A scenario's weight adds, for each distinct indicator it shows, how often the participant
/// missed it times their smoothed miss rate (so an indicator missed often and consistently counts
/// most, one never missed counts nothing), and, for each principle its choices uphold or breach,
/// how often they breached it; then half a point for a scenario never played, and half a point
/// less for each time it was played (so the others come round too). Ties go by id.
pub fn suggest(history: &History, candidates: &[Arc<Playable>]) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = candidates
        .iter()
        .filter(|p| p.scenario.assessment.is_none())
        .map(|p| {
            let s = &p.scenario;
            let mut indicators: Vec<&str> = s
                .observations()
                .filter_map(|(_, o)| o.indicator.as_deref())
                .collect();
            indicators.sort_unstable();
            indicators.dedup();
            let mut principles: Vec<&str> = s
                .scenes
                .values()
                .flat_map(|k| match k {
                    crate::scenario::model::SceneKind::Scene(sc) => sc
                        .choices
                        .iter()
                        .flat_map(|c| c.upholds.iter().chain(c.breaches.iter()))
                        .map(String::as_str)
                        .collect::<Vec<_>>(),
                    _ => Vec::new(),
                })
                .collect();
            principles.sort_unstable();
            principles.dedup();
            let played = f64::from(history.played.get(&s.id).copied().unwrap_or(0));
            let indicator_weight: f64 = indicators
                .iter()
                .map(|i| {
                    let missed = history.indicators.get(*i).map_or(0, |(_, m)| *m);
                    f64::from(missed) * history.miss_rate(i)
                })
                .sum();
            let principle_weight: f64 = principles
                .iter()
                .map(|p| f64::from(history.breaches.get(*p).copied().unwrap_or(0)))
                .sum();
            let novelty = if played == 0.0 { 0.5 } else { -0.5 * played };
            let weight = indicator_weight + principle_weight + novelty;

            let mut missed: Vec<(&str, u32, u32)> = indicators
                .iter()
                .filter_map(|i| {
                    history
                        .indicators
                        .get(*i)
                        .filter(|(_, m)| *m > 0)
                        .map(|(shown, m)| (*i, *m, *shown))
                })
                .collect();
            missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let mut breached: Vec<(&str, u32)> = principles
                .iter()
                .filter_map(|p| history.breaches.get(*p).map(|n| (*p, *n)))
                .collect();
            breached.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let reason = Reason {
                due: Vec::new(),
                missed: missed
                    .iter()
                    .take(3)
                    .map(|(i, m, n)| ((*i).to_owned(), *m, *n))
                    .collect(),
                breached: breached
                    .iter()
                    .take(2)
                    .map(|(p, n)| ((*p).to_owned(), *n))
                    .collect(),
                unplayed: missed.is_empty() && breached.is_empty() && played == 0.0,
            };
            Suggestion {
                scenario: s.id.clone(),
                weight,
                reason,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.scenario.cmp(&b.scenario))
    });
    out
}

/// `suggest`, with what is due for review counting first: each indicator due now that a
/// scenario shows adds two points, and its reason starts with them.
pub fn suggest_due(
    history: &History,
    candidates: &[Arc<Playable>],
    due: &[&str],
) -> Vec<Suggestion> {
    let mut out = suggest(history, candidates);
    for s in &mut out {
        let Some(p) = candidates.iter().find(|p| p.id() == s.scenario) else {
            continue;
        };
        let mut shown: Vec<&str> = p
            .scenario
            .observations()
            .filter_map(|(_, o)| o.indicator.as_deref())
            .filter(|i| due.contains(i))
            .collect();
        shown.sort_unstable();
        shown.dedup();
        if !shown.is_empty() {
            s.weight += 2.0 * shown.len() as f64;
            s.reason.due = shown.iter().map(|i| (*i).to_owned()).collect();
        }
    }
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.scenario.cmp(&b.scenario))
    });
    out
}

/// Whether a finished form's item feedback is held back from its participant: a pre-course form
/// keeps its answers and feedback to itself until the participant has finished a post-course
/// form, so that the pre-test does not teach the post-test (its score may be shown).
/// `form_of` says which form a scenario id is, if any.
pub fn feedback_withheld(
    form: Option<AssessmentForm>,
    history: &History,
    form_of: impl Fn(&str) -> Option<AssessmentForm>,
) -> bool {
    form == Some(AssessmentForm::Pre)
        && !history.sessions.iter().any(|s| {
            s.finished.score.complete && form_of(&s.scenario) == Some(AssessmentForm::Post)
        })
}
