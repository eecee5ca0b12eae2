//! The cohort a facilitator reviews: one row per session, what the group detects and notes,
//! how choices spread at each decision point, the principles breached and the assessment gains,
//! read from a results folder or an LRS. Labels come from the catalogue; no prose is made here.

use super::items::{ItemAnalysis, ItemCollector};
use super::{Detail, Source, Summary, choice_counts, read_source};
use crate::engine::confidence::ConfidenceScore;
use crate::lrs::LrsError;
use crate::practice::PastSession;
use crate::record::{Mode, format_time};
use crate::scenario::Library;
use crate::scenario::model::SceneKind;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use time::OffsetDateTime;

/// A short label for a scene: its first sentence, at most 90 characters.
pub fn scene_label(kind: &SceneKind, id: &str) -> String {
    let text = kind.text();
    let first = text
        .split_inclusive(['.', '?', '!'])
        .next()
        .unwrap_or(text)
        .trim();
    let mut label: String = first.chars().take(90).collect();
    if first.chars().count() > 90 {
        label.push('…');
    }
    if label.is_empty() {
        id.to_owned()
    } else {
        label
    }
}

/// One session in the cohort table.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortRow {
    pub path: PathBuf,
    pub participant: String,
    pub scenario: String,
    pub title: String,
    pub mode: Mode,
    /// `YYYY-MM-DD HH:MM` (UTC).
    pub started: String,
    pub scaled: Option<f64>,
    pub complete: bool,
    pub passed: bool,
    pub critical: usize,
    pub minutes: f64,
    /// Red herrings flagged over those shown (`None`: none shown, or no score).
    pub false_alarm_rate: Option<f64>,
    /// Vulnerability factors noted, and shown.
    pub factors: (u32, u32),
    /// The language it was played in (`en`, `es`).
    pub language: String,
}

/// A decision point's choices and how often each was taken.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionPoint {
    pub scenario: String,
    pub scene: String,
    pub label: String,
    /// (choice text, grade word, times taken)
    pub choices: Vec<(String, String, u32)>,
}

/// A participant's pre/post assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct GainRow {
    pub participant: String,
    pub pre: Option<f64>,
    pub post: Option<f64>,
    pub gain: Option<f64>,
    /// The delayed form, weeks later, and the gain that lasted.
    pub delayed: Option<f64>,
    pub lasting: Option<f64>,
}

/// The cohort, read from a results folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cohort {
    pub rows: Vec<CohortRow>,
    /// (indicator label, detection rate, times shown), lowest rate first.
    pub indicator_rates: Vec<(String, f64, u32)>,
    /// (factor label, rate noted, times shown), lowest rate first.
    pub factor_rates: Vec<(String, f64, u32)>,
    pub decisions: Vec<DecisionPoint>,
    /// (principle label, times breached), most first.
    pub breaches: Vec<(String, u32)>,
    pub gains: Vec<GainRow>,
    pub mean_gain: Option<f64>,
    pub mean_lasting_gain: Option<f64>,
    pub problems: Vec<String>,
    /// The group's calibration: how sure against how often right, pooled.
    pub calibration: Option<ConfidenceScore>,
    /// Items: how hard each is, how well it separates, which look mis-graded.
    pub items: ItemAnalysis,
    /// Participants with reviews due (or the delayed form), at the moment the cohort was read.
    pub overdue: Vec<Overdue>,
}

/// A participant with refreshers due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub participant: String,
    /// Topics (indicators missed, principles breached) due for review now.
    pub topics: usize,
    /// Whether the delayed form is due and not taken.
    pub delayed_form: bool,
}

/// Each participant's finished sessions, as their own history would have them.
fn overdue(
    sessions: BTreeMap<String, Vec<PastSession>>,
    library: Option<&Library>,
    now: OffsetDateTime,
) -> Vec<Overdue> {
    sessions
        .into_iter()
        .filter_map(|(participant, past)| {
            let schedule = crate::spacing::schedule_in(library, &past, now);
            let delayed_form = schedule.delayed_form_due(now);
            let topics = schedule.due_now.len();
            (topics > 0 || delayed_form).then_some(Overdue {
                participant,
                topics,
                delayed_form,
            })
        })
        .collect()
}

/// Whether a scenario's choices uphold or breach a principle.
pub fn touches(scenario: &crate::scenario::Scenario, principle: &str) -> bool {
    scenario.scenes.values().any(|k| match k {
        SceneKind::Scene(s) => s.choices.iter().any(|c| {
            c.upholds.iter().any(|p| p == principle) || c.breaches.iter().any(|p| p == principle)
        }),
        _ => false,
    })
}

impl Cohort {
    /// Reads every session of a results folder, now.
    pub fn load(dir: &std::path::Path, library: Option<&Library>) -> Cohort {
        // A folder is always readable as far as it goes.
        Cohort::read(&Source::Folder(dir), library, OffsetDateTime::now_utc()).unwrap_or_default()
    }

    /// Reads every session of a source: a results folder or an LRS; `now` decides what is due.
    pub fn read(
        source: &Source,
        library: Option<&Library>,
        now: OffsetDateTime,
    ) -> Result<Cohort, LrsError> {
        let mut summary = Summary::new(library);
        let mut rows = Vec::new();
        let mut counts: HashMap<(String, String), BTreeMap<usize, u32>> = HashMap::new();
        let mut items = ItemCollector::default();
        let mut confidences = Vec::new();
        let mut histories: BTreeMap<String, Vec<PastSession>> = BTreeMap::new();
        let stats = read_source(source, Detail::Full, library, |row, lines| {
            summary.add(&row);
            choice_counts(&lines, &row.started.scenario, &mut counts);
            items.add(&row, &lines, library);
            if let Some(c) = row.score.as_ref().and_then(|s| s.confidence.clone()) {
                confidences.push(c);
            }
            if let (Some(finished), Some(at)) = (&row.finished, row.finished_at) {
                histories
                    .entry(row.started.participant.clone())
                    .or_default()
                    .push(PastSession {
                        scenario: row.started.scenario.clone(),
                        title: row.started.scenario_title.clone(),
                        mode: row.started.mode,
                        finished_at: format_time(at),
                        finished: finished.clone(),
                    });
            }
            let s = row.score.as_ref();
            rows.push(CohortRow {
                path: row.path.clone(),
                participant: row.started.participant.clone(),
                scenario: row.started.scenario.clone(),
                title: if row.started.scenario_title.is_empty() {
                    row.started.scenario.clone()
                } else {
                    row.started.scenario_title.clone()
                },
                mode: row.started.mode,
                language: row.started.language.clone(),
                started: format_time(row.started_at)
                    .replace('T', " ")
                    .chars()
                    .take(16)
                    .collect(),
                scaled: s.map(|s| s.scaled),
                complete: row.complete(),
                passed: row.passed(),
                critical: s.map_or(0, |s| s.critical_errors.len()),
                minutes: row.duration_s() / 60.0,
                false_alarm_rate: s
                    .filter(|s| s.indicators.red_herrings > 0)
                    .map(|s| s.indicators.false_alarm_rate()),
                factors: s.map_or((0, 0), |s| {
                    let i = &s.indicators;
                    (i.factors_noted, i.factors_noted + i.factors_missed)
                }),
            });
        })?;
        rows.sort_by(|a, b| {
            b.started
                .cmp(&a.started)
                .then(a.participant.cmp(&b.participant))
        });
        let cat = library.and_then(|l| l.catalogue.clone());
        let label = |id: &str| {
            cat.as_ref()
                .map_or_else(|| id.to_owned(), |c| c.label(id).to_owned())
        };
        let mut decisions: Vec<DecisionPoint> = counts
            .into_iter()
            .map(|((scenario, scene), by_choice)| {
                let model = library.and_then(|l| l.find(&scenario)).and_then(|p| {
                    p.scenario
                        .scene_index(&scene)
                        .and_then(|i| match p.scenario.scene(i) {
                            Some(SceneKind::Scene(s)) => Some(s.clone()),
                            _ => None,
                        })
                });
                let choices = by_choice
                    .iter()
                    .map(|(c, n)| {
                        let choice = model.as_ref().and_then(|m| m.choices.get(*c));
                        (
                            choice.map_or_else(|| format!("choice {}", c + 1), |x| x.text.clone()),
                            choice
                                .and_then(|x| x.grade)
                                .map_or_else(String::new, |g| format!("{g:?}")),
                            *n,
                        )
                    })
                    .collect();
                let label = model.as_ref().map_or_else(
                    || scene.clone(),
                    |m| scene_label(&SceneKind::Scene(m.clone()), &scene),
                );
                DecisionPoint {
                    scenario,
                    scene,
                    label,
                    choices,
                }
            })
            .collect();
        decisions.sort_by(|a, b| (&a.scenario, &a.scene).cmp(&(&b.scenario, &b.scene)));
        let mut breaches: Vec<(String, u32)> = summary
            .breaches
            .iter()
            .map(|(p, n)| (label(p), *n))
            .collect();
        breaches.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Cohort {
            rows,
            indicator_rates: summary
                .most_missed()
                .into_iter()
                .map(|(id, rate, shown)| (label(&id), rate, shown))
                .collect(),
            factor_rates: summary
                .factors_least_noted()
                .into_iter()
                .map(|(id, rate, shown)| (label(&id), rate, shown))
                .collect(),
            decisions,
            breaches,
            gains: summary
                .gains
                .iter()
                .map(|(p, g)| GainRow {
                    participant: p.clone(),
                    pre: g.pre,
                    post: g.post,
                    gain: g.normalised(),
                    delayed: g.delayed,
                    lasting: g.lasting(),
                })
                .collect(),
            mean_gain: summary.mean_gain(),
            mean_lasting_gain: summary.mean_lasting_gain(),
            problems: stats.problems,
            calibration: ConfidenceScore::pool(&confidences),
            items: items.finish(|id| {
                library
                    .and_then(|l| l.find(id))
                    .and_then(|p| p.scenario.assessment)
            }),
            overdue: overdue(histories, library, now),
        })
    }
}
