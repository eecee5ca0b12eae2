//! The debrief: passed or not and why, the score per competency, every critical error (the
//! ending's consequence among them) and breach with its feedback, the path step by step, the
//! indicators hit, missed and falsely flagged, the vulnerability factors noted and missed by
//! level, and what the best path would have done differently.

use super::path_map::{PathMapModel, path_map};
use super::widgets::{
    grade_colour, is_high_contrast, outcome_colour, pct, section, verdict_colour,
};
use crate::app::words::w as words;
use crate::engine::Score;
use crate::engine::scoring::{ObservationOutcome, Rules};
use crate::engine::session::{Cause, CriticalError, PathStep, Session};
use crate::i18n::Words;
use crate::record::Mode;
use crate::scenario::graph::State;
use crate::scenario::model::{
    Catalogue, FactorKind, Grade, Level, Outcome, Rating, Scenario, SceneKind,
};
use crate::tr;
use egui::{RichText, Ui};

/// Which competency a line of the debrief is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetencyKind {
    Indicators,
    Decisions,
    Referral,
    Classification,
}

/// A referral's points, out of how many, and the services ticked (their labels).
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralDetail {
    pub points: i32,
    pub max_points: i32,
    pub ticked: Vec<String>,
}

/// What lies behind a competency's score.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// Indicators under the first version of the rules (scored as F1).
    IndicatorsV1 {
        hits: u32,
        misses: u32,
        false_alarms: u32,
        recall: f64,
        precision: f64,
        d_prime: f64,
    },
    /// Indicators under the current rules (informedness).
    IndicatorsV2 {
        hits: u32,
        misses: u32,
        false_alarms: u32,
        red_herrings: u32,
        recall: f64,
        false_alarm_rate: f64,
        precision: f64,
        d_prime: f64,
    },
    Decisions {
        points: i32,
        best: i32,
        taken: u32,
    },
    Referrals(Vec<ReferralDetail>),
    /// Each classification's answer (its label) and whether it was right.
    Classifications(Vec<(String, bool)>),
}

/// A competency's line in the debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct Competency {
    pub kind: CompetencyKind,
    /// `None`: it did not occur in this session, and is left out of the overall score.
    pub score: Option<f64>,
    /// `None`: withheld.
    pub detail: Option<Detail>,
}

/// Where something happened.
#[derive(Debug, Clone, PartialEq)]
pub enum At {
    /// A scene, by its label.
    Scene(String),
    /// The ending the session reached.
    Ending,
    /// A referral form.
    Referral,
    /// A classification form.
    Classification,
}

/// A critical error, as the debrief names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Critical {
    /// A critical choice: its text, or its number (from 1) when the scene has no such choice.
    Choice {
        text: Option<String>,
        number: usize,
    },
    /// A referral to a harmful service (its label).
    HarmfulService(String),
    NoConsent,
    /// The encounter ended in harm, at the ending with this title.
    EndedInHarm(String),
    /// The person was left without protection, at the ending with this title.
    LeftUnprotected(String),
    /// A critical error the record gives only a reason for, if that.
    Unrecorded(Option<String>),
}

/// A critical error (`W`: [`Critical`]) or a breach (`W`: the principle's label), with where it
/// happened and why it matters.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem<W> {
    pub scene: At,
    pub what: W,
    pub why: String,
}

/// What the trainee did at a step, or what the best path would have done.
#[derive(Debug, Clone, PartialEq)]
pub enum Deed {
    /// A choice, by its text.
    Chose(String),
    /// A referral to these services (their labels).
    Referred(Vec<String>),
    /// A classification as this case type (its label).
    Recorded(String),
}

/// One step of the trainee's path.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRow {
    pub scene: At,
    pub did: Deed,
    pub grade: Option<Grade>,
    pub feedback: String,
    /// What the best path would have done here instead, with its grade and feedback.
    pub better: Option<(Deed, Option<Grade>, String)>,
}

/// An observation in the indicator review.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationReview {
    pub text: String,
    pub indicator: Option<String>,
    pub note: String,
    pub outcome: ObservationOutcome,
    /// What the trainee named it, and whether that was the right indicator.
    pub named: Option<(String, bool)>,
}

/// A rated decision in the debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgementRow {
    /// The scene's label.
    pub scene: String,
    /// What the trainee did there (the choice, the services, the case type).
    pub did: Option<Deed>,
    pub percent: u8,
    pub right: bool,
}

/// Something the trainee never got to hear, and the step that lost it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnheardRow {
    pub text: String,
    pub note: String,
    /// What the trainee did at the step after which it could no longer be heard.
    pub lost_at: Option<Deed>,
}

/// A vulnerability factor the session showed, noted or not.
#[derive(Debug, Clone, PartialEq)]
pub struct FactorReview {
    pub level: Level,
    pub kind: FactorKind,
    /// The factor's label in the catalogue.
    pub label: String,
    /// What the scene showed.
    pub text: String,
    pub note: String,
    /// Whether the trainee flagged it.
    pub noted: bool,
}

/// Why a session did not pass.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// No ending was reached.
    Unfinished,
    /// This many critical errors.
    CriticalErrors(usize),
    /// The overall score is below the pass mark.
    BelowPassMark { score: f64, pass_mark: f64 },
}

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DebriefModel {
    pub scenario_id: String,
    pub scenario_title: String,
    pub participant: String,
    pub mode: Mode,
    pub passed: bool,
    pub reasons: Vec<Reason>,
    pub ending: Option<(String, String, Outcome)>,
    pub scaled: f64,
    pub pass_mark: f64,
    pub competencies: Vec<Competency>,
    pub critical: Vec<Problem<Critical>>,
    pub breaches: Vec<Problem<String>>,
    pub steps: Vec<StepRow>,
    /// The scenes, the path taken and the best path (none while answers are withheld).
    pub map: Option<PathMapModel>,
    pub observations: Vec<ObservationReview>,
    /// Factors shown, by level (from the person outwards), risks before protective ones.
    pub factors: Vec<FactorReview>,
    pub has_next: bool,
    /// A pre-course form's answers and feedback, held back until the post-course form is done.
    pub withheld: bool,
    /// Rated decisions, confident errors first; and the calibration of the session.
    pub judgements: Vec<JudgementRow>,
    pub confidence: Option<crate::engine::confidence::ConfidenceScore>,
    /// What the trainee never got to hear.
    pub unheard: Vec<UnheardRow>,
}

/// What the trainee asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefAction {
    Replay,
    Next,
    Scenarios,
}

/// A short label for a scene: its first sentence, shortened (the id when there is no scene).
pub fn scene_label(kind: Option<&SceneKind>, id: &str) -> String {
    kind.map_or_else(
        || id.to_owned(),
        |k| crate::report::cohort::scene_label(k, id),
    )
}

impl DebriefModel {
    /// The debrief of a session.
    pub fn of(
        session: &Session,
        score: &Score,
        participant: &str,
        mode: Mode,
        has_next: bool,
    ) -> DebriefModel {
        let p = session.playable();
        let s = &p.scenario;
        let cat = &p.catalogue;
        let scene_of = |id: &str| {
            let index = s.scene_index(id);
            scene_label(index.and_then(|i| s.scene(i)), id)
        };

        let i = &score.indicators;
        let rules = session.rules();
        let visited_obs = i.hits + i.misses + i.red_herrings + i.factors_noted + i.factors_missed;
        let indicator_detail = match rules {
            Rules::V1 => Detail::IndicatorsV1 {
                hits: i.hits,
                misses: i.misses,
                false_alarms: i.false_alarms,
                recall: i.recall,
                precision: i.precision,
                d_prime: i.d_prime,
            },
            Rules::V2 => Detail::IndicatorsV2 {
                hits: i.hits,
                misses: i.misses,
                false_alarms: i.false_alarms,
                red_herrings: i.red_herrings,
                recall: i.recall,
                false_alarm_rate: i.false_alarm_rate(),
                precision: i.precision,
                d_prime: i.d_prime,
            },
        };
        let competencies = vec![
            Competency {
                kind: CompetencyKind::Indicators,
                score: (visited_obs > 0).then_some(i.score),
                detail: Some(indicator_detail),
            },
            Competency {
                kind: CompetencyKind::Decisions,
                score: score.decisions.score,
                detail: Some(Detail::Decisions {
                    points: score.decisions.points,
                    best: score.decisions.best,
                    taken: score.decisions.taken,
                }),
            },
            Competency {
                kind: CompetencyKind::Referral,
                score: score.referral.map(|r| r.score),
                detail: Some(Detail::Referrals(
                    session
                        .referrals()
                        .iter()
                        .map(|r| ReferralDetail {
                            points: r.points,
                            max_points: r.max_points,
                            ticked: r.services.iter().map(|x| cat.label(x).to_owned()).collect(),
                        })
                        .collect(),
                )),
            },
            Competency {
                kind: CompetencyKind::Classification,
                score: score.classification.map(|c| c.score),
                detail: Some(Detail::Classifications(
                    session
                        .classifications()
                        .iter()
                        .map(|c| (cat.label(&c.answer).to_owned(), c.correct))
                        .collect(),
                )),
            },
        ];

        // Why each critical error and breach matters: the choice's feedback where there is one.
        let feedback_of_scene = |scene: &str| -> String {
            session
                .path()
                .iter()
                .filter_map(|step| match step {
                    PathStep::Choice {
                        scene: sc, choice, ..
                    } if s.scene_id(*sc) == scene => match s.scene(*sc) {
                        Some(SceneKind::Scene(x)) => x
                            .choices
                            .get(*choice)
                            .filter(|c| c.critical || !c.breaches.is_empty())
                            .and_then(|c| c.feedback.clone()),
                        _ => None,
                    },
                    PathStep::Referral { scene: sc, .. } if s.scene_id(*sc) == scene => {
                        match s.scene(*sc) {
                            Some(SceneKind::Referral(r)) => r.feedback.clone(),
                            _ => None,
                        }
                    }
                    _ => None,
                })
                .next()
                .unwrap_or_default()
        };
        let critical = score
            .critical_errors
            .iter()
            .map(|c| Problem {
                scene: match c.cause {
                    Cause::EndedInHarm | Cause::LeftUnprotected => At::Ending,
                    _ => At::Scene(scene_of(&c.scene)),
                },
                what: critical_words(c, s, cat),
                why: match c.cause {
                    Cause::EndedInHarm | Cause::LeftUnprotected => ending_text(s, &c.scene),
                    _ => feedback_of_scene(&c.scene),
                },
            })
            .collect();
        let breaches = score
            .breaches
            .iter()
            .map(|b| Problem {
                scene: At::Scene(scene_of(&b.scene)),
                what: cat.label(&b.principle).to_owned(),
                why: cat
                    .principle(&b.principle)
                    .map(|x| x.description.clone())
                    .unwrap_or_default(),
            })
            .collect();

        // The rows of the path's steps, and for the map each step's grade and row.
        let mut steps = Vec::new();
        let mut map_steps = Vec::new();
        for step in session.path() {
            let row = step_row(session, step);
            map_steps.push(row.as_ref().map(|r| {
                let grade = match step {
                    PathStep::Choice { .. } => r.grade,
                    // A referral or classification: right, or not.
                    _ if r.better.is_none() => Some(Grade::Appropriate),
                    _ => Some(Grade::Suboptimal),
                };
                (grade, steps.len())
            }));
            steps.extend(row);
        }
        let map = PathMapModel::of(session, &map_steps);

        let mut factors: Vec<FactorReview> = session
            .visited_observations()
            .filter(|(_, _, o)| rules >= Rules::V2 && o.indicator.is_none())
            .filter_map(|(scene, index, o)| {
                let factor = cat.factor(o.factor.as_deref()?)?;
                Some(FactorReview {
                    level: factor.level,
                    kind: factor.kind,
                    label: factor.label.clone(),
                    text: o.text.clone(),
                    note: o.note.clone().unwrap_or_default(),
                    noted: session.is_flagged(scene, index),
                })
            })
            .collect();
        factors.sort_by_key(|f| (f.level, f.kind));

        let observations = session
            .visited_observations()
            .map(|(scene, index, o)| {
                let flagged = session.is_flagged(scene, index);
                ObservationReview {
                    text: o.text.clone(),
                    indicator: o.indicator.as_deref().map(|x| cat.label(x).to_owned()),
                    note: o.note.clone().unwrap_or_default(),
                    outcome: ObservationOutcome::of(flagged, rules.kind_of(o)),
                    named: session
                        .named(scene, index)
                        .map(|n| (cat.label(n).to_owned(), o.indicator.as_deref() == Some(n))),
                }
            })
            .collect();

        let ending = session.ending().and_then(|e| match s.scene(e) {
            Some(SceneKind::Ending(end)) => {
                Some((end.title.clone(), end.text.clone(), end.outcome))
            }
            _ => None,
        });
        // What the trainee did at each rated step: the path in order, a step per judgement.
        let mut path = session.path().iter();
        let mut judgements: Vec<JudgementRow> = session
            .judgements()
            .iter()
            .map(|j| {
                let index = s.scene_index(&j.scene);
                let did = path
                    .by_ref()
                    .find(|step| {
                        let (PathStep::Choice { scene, .. }
                        | PathStep::Referral { scene, .. }
                        | PathStep::Classify { scene, .. }) = step;
                        Some(*scene) == index
                    })
                    .and_then(|step| step_row(session, step))
                    .map(|row| row.did);
                JudgementRow {
                    scene: scene_of(&j.scene),
                    did,
                    percent: j.confidence.percent(),
                    right: j.right,
                }
            })
            .collect();
        // Confident errors first: wrong before right, the surer first.
        judgements.sort_by_key(|j| (j.right, std::cmp::Reverse(j.percent)));
        let unheard = crate::engine::disclosure::unheard(session)
            .into_iter()
            .filter_map(|u| {
                let o = s.scene(u.scene)?.observations().get(u.observation)?;
                Some(UnheardRow {
                    text: o.text.clone(),
                    note: o.note.clone().unwrap_or_default(),
                    lost_at: u
                        .lost_at
                        .and_then(|i| session.path().get(i))
                        .and_then(|step| step_row(session, step))
                        .map(|r| r.did),
                })
            })
            .collect();
        DebriefModel {
            scenario_id: s.id.clone(),
            scenario_title: s.title.clone(),
            participant: participant.to_owned(),
            mode,
            passed: score.passed,
            reasons: reasons_not_passed(score),
            ending,
            scaled: score.scaled,
            pass_mark: score.pass_mark,
            competencies,
            critical,
            breaches,
            steps,
            map: Some(map),
            observations,
            factors,
            has_next,
            withheld: false,
            judgements,
            confidence: score.confidence.clone(),
            unheard,
        }
    }

    /// Keeps the verdict and the scores, and drops every answer and piece of feedback: what a
    /// pre-course form may show before the participant has taken the post-course form.
    pub fn withhold_items(&mut self) {
        self.withheld = true;
        self.ending = None;
        for c in &mut self.competencies {
            c.detail = None;
        }
        self.critical.clear();
        self.breaches.clear();
        self.steps.clear();
        self.map = None;
        self.observations.clear();
        self.factors.clear();
        self.judgements.clear();
        self.unheard.clear();
    }
}

/// Why a session did not pass (empty when it passed).
pub fn reasons_not_passed(score: &Score) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if !score.complete {
        reasons.push(Reason::Unfinished);
    }
    let n = score.critical_errors.len();
    if n > 0 {
        reasons.push(Reason::CriticalErrors(n));
    }
    if score.scaled < score.pass_mark {
        reasons.push(Reason::BelowPassMark {
            score: score.scaled,
            pass_mark: score.pass_mark,
        });
    }
    reasons
}

/// A critical error, named from the scenario and the catalogue.
pub fn critical_words(c: &CriticalError, s: &Scenario, cat: &Catalogue) -> Critical {
    let ending_title = || match s.scene_index(&c.scene).and_then(|i| s.scene(i)) {
        Some(SceneKind::Ending(e)) => e.title.clone(),
        _ => c.scene.clone(),
    };
    match &c.cause {
        Cause::CriticalChoice { choice } => Critical::Choice {
            text: s
                .scene_index(&c.scene)
                .and_then(|i| s.scene(i))
                .and_then(|k| match k {
                    SceneKind::Scene(sc) => sc.choices.get(*choice).map(|x| x.text.clone()),
                    _ => None,
                }),
            number: choice + 1,
        },
        Cause::HarmfulService { service } => {
            Critical::HarmfulService(cat.label(service).to_owned())
        }
        Cause::NoConsent => Critical::NoConsent,
        Cause::EndedInHarm => Critical::EndedInHarm(ending_title()),
        Cause::LeftUnprotected => Critical::LeftUnprotected(ending_title()),
        Cause::Unrecorded => Critical::Unrecorded(c.reason.clone()),
    }
}

/// The text of the ending with this id, for a consequence's explanation.
fn ending_text(s: &Scenario, id: &str) -> String {
    match s.scene_index(id).and_then(|i| s.scene(i)) {
        Some(SceneKind::Ending(e)) => e.text.clone(),
        _ => String::new(),
    }
}

fn step_row(session: &Session, step: &PathStep) -> Option<StepRow> {
    let p = session.playable();
    let s = &p.scenario;
    let cat = &p.catalogue;
    match step {
        PathStep::Choice {
            scene,
            choice,
            flags,
        } => {
            let SceneKind::Scene(sc) = s.scene(*scene)? else {
                return None;
            };
            let c = sc.choices.get(*choice)?;
            let better = c.grade.and_then(|_| {
                let state = State {
                    scene: *scene,
                    flags: *flags,
                };
                let (best, best_value) = p.analysis.best_choice(&p.compiled, state)?;
                let taken_value = {
                    let edge = match p.compiled.nodes.get(*scene)? {
                        crate::scenario::graph::Node::Scene(edges) => edges.get(*choice)?,
                        _ => return None,
                    };
                    let next = State {
                        scene: edge.next,
                        flags: flags | edge.set,
                    };
                    edge.points() + p.analysis.best_to_end.get(&next)?
                };
                (best != *choice && best_value > taken_value).then(|| {
                    let b = &sc.choices[best];
                    (
                        Deed::Chose(b.text.clone()),
                        b.grade,
                        b.feedback.clone().unwrap_or_default(),
                    )
                })
            });
            Some(StepRow {
                scene: At::Scene(scene_label(
                    Some(&SceneKind::Scene(sc.clone())),
                    s.scene_id(*scene),
                )),
                did: Deed::Chose(c.text.clone()),
                grade: c.grade,
                feedback: c.feedback.clone().unwrap_or_default(),
                better,
            })
        }
        PathStep::Referral { scene, record } => {
            let SceneKind::Referral(r) = s.scene(*scene)? else {
                return None;
            };
            let rec = session.referrals().get(*record)?;
            let ticked: Vec<String> = rec
                .services
                .iter()
                .map(|x| cat.label(x).to_owned())
                .collect();
            let should: Vec<String> = r
                .services
                .iter()
                .filter(|(_, rating)| matches!(rating, Rating::Required | Rating::Recommended))
                .map(|(id, _)| cat.label(id).to_owned())
                .collect();
            let all_right = r.services.iter().all(|(id, rating)| {
                let t = rec.services.iter().any(|x| x == id);
                match rating {
                    Rating::Required | Rating::Recommended => t,
                    Rating::Harmful => !t,
                }
            });
            Some(StepRow {
                scene: At::Referral,
                did: Deed::Referred(ticked),
                grade: None,
                feedback: r.feedback.clone().unwrap_or_default(),
                better: (!all_right).then(|| (Deed::Referred(should), None, String::new())),
            })
        }
        PathStep::Classify { scene, record } => {
            let SceneKind::Classify(c) = s.scene(*scene)? else {
                return None;
            };
            let rec = session.classifications().get(*record)?;
            Some(StepRow {
                scene: At::Classification,
                did: Deed::Recorded(cat.label(&rec.answer).to_owned()),
                grade: None,
                feedback: c.feedback.clone().unwrap_or_default(),
                better: (!rec.correct).then(|| {
                    (
                        Deed::Recorded(cat.label(&c.answer).to_owned()),
                        None,
                        String::new(),
                    )
                }),
            })
        }
    }
}

/// The words for what an ending leaves the person with.
pub fn outcome_words(w: &Words, outcome: Outcome) -> String {
    match outcome {
        Outcome::Protected => tr!(w, "debrief-outcome-protected"),
        Outcome::PartlyProtected => tr!(w, "debrief-outcome-partly-protected"),
        Outcome::NotProtected => tr!(w, "debrief-outcome-not-protected"),
        Outcome::Harmed => tr!(w, "debrief-outcome-harmed"),
    }
}

/// The words for a level of vulnerability factors.
pub fn level_words(w: &Words, level: Level) -> String {
    match level {
        Level::Individual => tr!(w, "debrief-level-individual"),
        Level::Household => tr!(w, "debrief-level-household"),
        Level::Community => tr!(w, "debrief-level-community"),
        Level::Structural => tr!(w, "debrief-level-structural"),
    }
}

/// The heading of a level's factors of one kind.
pub fn factor_group_words(w: &Words, level: Level, kind: FactorKind) -> String {
    let level = level_words(w, level);
    match kind {
        FactorKind::Risk => tr!(w, "debrief-factors-risk", level = level.as_str()),
        FactorKind::Protective => tr!(w, "debrief-factors-protective", level = level.as_str()),
    }
}

/// The name of a competency.
pub fn competency_words(w: &Words, kind: CompetencyKind) -> String {
    match kind {
        CompetencyKind::Indicators => tr!(w, "debrief-competency-indicators"),
        CompetencyKind::Decisions => tr!(w, "debrief-competency-decisions"),
        CompetencyKind::Referral => tr!(w, "debrief-competency-referral"),
        CompetencyKind::Classification => tr!(w, "debrief-competency-classification"),
    }
}

/// A number with two decimals.
fn two(x: f64) -> String {
    format!("{x:.2}")
}

/// What lies behind a competency's score, in words (empty when there is nothing to say).
pub fn detail_words(w: &Words, detail: &Detail) -> String {
    match detail {
        Detail::IndicatorsV1 {
            hits,
            misses,
            false_alarms,
            recall,
            precision,
            d_prime,
        } => tr!(
            w,
            "debrief-detail-indicators-v1",
            hits = *hits,
            misses = *misses,
            false_alarms = *false_alarms,
            recall = pct(*recall).as_str(),
            precision = pct(*precision).as_str(),
            dprime = two(*d_prime).as_str()
        ),
        Detail::IndicatorsV2 {
            hits,
            misses,
            false_alarms,
            red_herrings,
            recall,
            false_alarm_rate,
            precision,
            d_prime,
        } => tr!(
            w,
            "debrief-detail-indicators-v2",
            hits = *hits,
            misses = *misses,
            false_alarms = *false_alarms,
            red_herrings = *red_herrings,
            recall = pct(*recall).as_str(),
            far = pct(*false_alarm_rate).as_str(),
            precision = pct(*precision).as_str(),
            dprime = two(*d_prime).as_str()
        ),
        Detail::Decisions {
            points,
            best,
            taken,
        } => tr!(
            w,
            "debrief-detail-decisions",
            points = *points,
            best = *best,
            taken = *taken
        ),
        Detail::Referrals(rows) => rows
            .iter()
            .map(|r| {
                if r.ticked.is_empty() {
                    tr!(
                        w,
                        "debrief-detail-referral-none",
                        points = r.points,
                        max = r.max_points
                    )
                } else {
                    tr!(
                        w,
                        "debrief-detail-referral",
                        points = r.points,
                        max = r.max_points,
                        services = r.ticked.join(", ").as_str()
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        Detail::Classifications(rows) => rows
            .iter()
            .map(|(answer, right)| {
                if *right {
                    tr!(
                        w,
                        "debrief-detail-classification-right",
                        answer = answer.as_str()
                    )
                } else {
                    tr!(
                        w,
                        "debrief-detail-classification-wrong",
                        answer = answer.as_str()
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Where something happened, in words.
pub fn at_words(w: &Words, at: &At) -> String {
    match at {
        At::Scene(label) => label.clone(),
        At::Ending => tr!(w, "debrief-at-ending"),
        At::Referral => tr!(w, "debrief-at-referral"),
        At::Classification => tr!(w, "debrief-at-classification"),
    }
}

/// A critical error in plain words.
pub fn critical_text(w: &Words, c: &Critical) -> String {
    match c {
        Critical::Choice {
            text: Some(text), ..
        } => tr!(w, "debrief-critical-choice", text = text.as_str()),
        Critical::Choice { text: None, number } => {
            tr!(w, "debrief-critical-choice-numbered", n = *number)
        }
        Critical::HarmfulService(service) => {
            tr!(
                w,
                "debrief-critical-harmful-service",
                service = service.as_str()
            )
        }
        Critical::NoConsent => tr!(w, "debrief-critical-no-consent"),
        Critical::EndedInHarm(ending) => {
            tr!(
                w,
                "debrief-critical-ended-in-harm",
                ending = ending.as_str()
            )
        }
        Critical::LeftUnprotected(ending) => {
            tr!(
                w,
                "debrief-critical-left-unprotected",
                ending = ending.as_str()
            )
        }
        Critical::Unrecorded(Some(reason)) => reason.clone(),
        Critical::Unrecorded(None) => tr!(w, "debrief-critical-unrecorded"),
    }
}

/// What the trainee did, in words.
pub fn did_words(w: &Words, deed: &Deed) -> String {
    match deed {
        Deed::Chose(text) => text.clone(),
        Deed::Referred(services) if services.is_empty() => tr!(w, "debrief-did-refer-none"),
        Deed::Referred(services) => {
            tr!(
                w,
                "debrief-did-refer",
                services = services.join(", ").as_str()
            )
        }
        Deed::Recorded(answer) => tr!(w, "debrief-did-record", answer = answer.as_str()),
    }
}

/// What the best path would have done, in words.
pub fn better_words(w: &Words, deed: &Deed) -> String {
    match deed {
        Deed::Chose(text) => text.clone(),
        Deed::Referred(services) => {
            tr!(
                w,
                "debrief-better-refer",
                services = services.join(", ").as_str()
            )
        }
        Deed::Recorded(answer) => tr!(w, "debrief-better-record", answer = answer.as_str()),
    }
}

/// Why a session did not pass, in plain words.
pub fn reason_words(w: &Words, reason: &Reason) -> String {
    match reason {
        Reason::Unfinished => tr!(w, "debrief-reason-unfinished"),
        Reason::CriticalErrors(n) => tr!(w, "debrief-reason-critical", n = *n),
        Reason::BelowPassMark { score, pass_mark } => tr!(
            w,
            "debrief-reason-below",
            score = pct(*score).as_str(),
            mark = pct(*pass_mark).as_str()
        ),
    }
}

/// Each step of the path, with its grade, its feedback and what the best path would have done.
fn steps_section(ui: &mut Ui, w: &Words, steps: &[StepRow]) {
    section(ui, &tr!(w, "debrief-steps"), |ui| {
        for (n, step) in steps.iter().enumerate() {
            step_detail(ui, w, n, step);
            ui.separator();
        }
    });
}

/// One step: where, what was done with its grade, the feedback, and the better choice.
fn step_detail(ui: &mut Ui, w: &Words, n: usize, step: &StepRow) {
    ui.label(RichText::new(format!("{}. {}", n + 1, at_words(w, &step.scene))).weak());
    ui.horizontal_wrapped(|ui| {
        if let Some(g) = step.grade {
            super::widgets::grade_badge(ui, g);
        }
        ui.label(RichText::new(did_words(w, &step.did)).strong());
    });
    if !step.feedback.is_empty() {
        ui.label(&step.feedback);
    }
    if let Some((better, grade, why)) = &step.better {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!(w, "debrief-best-path")).italics());
            if let Some(g) = grade {
                super::widgets::grade_badge(ui, *g);
            }
            ui.label(better_words(w, better));
        });
        if !why.is_empty() {
            ui.label(RichText::new(why).italics());
        }
    }
}

/// How sure the trainee was: the errors made with confidence first, then how often they were
/// right at each level.
fn confidence_section(
    ui: &mut Ui,
    w: &Words,
    judgements: &[JudgementRow],
    score: &crate::engine::confidence::ConfidenceScore,
    hc: bool,
) {
    section(ui, &tr!(w, "debrief-confidence"), |ui| {
        let confident_errors = judgements
            .iter()
            .filter(|j| !j.right && j.percent >= 70)
            .count();
        if confident_errors > 0 {
            ui.label(
                RichText::new(tr!(w, "debrief-confident-errors", n = confident_errors))
                    .strong()
                    .color(grade_colour(Grade::Harmful, hc)),
            );
        }
        for j in judgements {
            let did = j
                .did
                .as_ref()
                .map(|d| did_words(w, d))
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| j.scene.clone());
            ui.label(if j.right {
                tr!(
                    w,
                    "debrief-judgement-right",
                    percent = j.percent,
                    did = did.as_str()
                )
            } else {
                tr!(
                    w,
                    "debrief-judgement-wrong",
                    percent = j.percent,
                    did = did.as_str()
                )
            });
        }
        ui.separator();
        for c in &score.calibration {
            if c.rated > 0 {
                ui.label(tr!(
                    w,
                    "debrief-calibration",
                    percent = c.confidence.percent(),
                    right = c.right,
                    rated = c.rated
                ));
            }
        }
        ui.label(RichText::new(tr!(w, "debrief-brier", brier = two(score.brier).as_str())).weak());
    });
}

/// What the trainee never got to hear, and where the path lost it.
fn unheard_section(ui: &mut Ui, w: &Words, rows: &[UnheardRow]) {
    section(ui, &tr!(w, "debrief-unheard"), |ui| {
        ui.label(RichText::new(tr!(w, "debrief-unheard-intro")).italics());
        for r in rows {
            ui.label(RichText::new(&r.text).strong());
            if let Some(step) = &r.lost_at {
                ui.label(tr!(
                    w,
                    "debrief-lost-when",
                    step = did_words(w, step).as_str()
                ));
            }
            if !r.note.is_empty() {
                ui.label(RichText::new(&r.note).italics());
            }
            ui.separator();
        }
    });
}

/// The vulnerability factors shown, by level and kind; they are neither indicators nor false
/// alarms, and score nothing.
fn factors_section(ui: &mut Ui, w: &Words, factors: &[FactorReview]) {
    let noted = factors.iter().filter(|f| f.noted).count();
    section(
        ui,
        &tr!(w, "debrief-factors", noted = noted, total = factors.len()),
        |ui| {
            ui.label(RichText::new(tr!(w, "debrief-factors-intro")).italics());
            for level in Level::ALL {
                for kind in [FactorKind::Risk, FactorKind::Protective] {
                    let rows: Vec<&FactorReview> = factors
                        .iter()
                        .filter(|f| f.level == level && f.kind == kind)
                        .collect();
                    if rows.is_empty() {
                        continue;
                    }
                    ui.label(RichText::new(factor_group_words(w, level, kind)).strong());
                    for f in rows {
                        ui.label(if f.noted {
                            tr!(
                                w,
                                "debrief-factor-noted",
                                factor = f.label.as_str(),
                                text = f.text.as_str()
                            )
                        } else {
                            tr!(
                                w,
                                "debrief-factor-not-noted",
                                factor = f.label.as_str(),
                                text = f.text.as_str()
                            )
                        });
                        if !f.note.is_empty() {
                            ui.label(RichText::new(&f.note).italics());
                        }
                    }
                    ui.separator();
                }
            }
        },
    );
}

/// Draws the debrief; returns what the trainee asked for.
pub fn debrief_view(ui: &mut Ui, m: &DebriefModel) -> Option<DebriefAction> {
    let mut action = None;
    let hc = is_high_contrast(ui);
    let w = words(ui);
    egui::Panel::bottom("debrief_buttons").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(RichText::new(tr!(w, "debrief-play-again")).strong())
                .clicked()
            {
                action = Some(DebriefAction::Replay);
            }
            if m.has_next
                && ui
                    .button(RichText::new(tr!(w, "debrief-next")).strong())
                    .clicked()
            {
                action = Some(DebriefAction::Next);
            }
            if ui.button(tr!(w, "debrief-all-scenarios")).clicked() {
                action = Some(DebriefAction::Scenarios);
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::widgets::at_most_wide(ui, 960.0);
                ui.heading(tr!(w, "debrief-heading", title = m.scenario_title.as_str()));
                ui.label(match m.mode {
                    Mode::Workshop => {
                        tr!(
                            w,
                            "debrief-participant-workshop",
                            code = m.participant.as_str()
                        )
                    }
                    Mode::Practice => {
                        tr!(
                            w,
                            "debrief-participant-practice",
                            code = m.participant.as_str()
                        )
                    }
                });
                let (score, mark) = (pct(m.scaled), pct(m.pass_mark));
                let verdict = if m.passed {
                    tr!(
                        w,
                        "debrief-passed",
                        score = score.as_str(),
                        mark = mark.as_str()
                    )
                } else {
                    tr!(
                        w,
                        "debrief-not-passed",
                        score = score.as_str(),
                        mark = mark.as_str()
                    )
                };
                ui.label(
                    RichText::new(verdict)
                        .size(24.0)
                        .strong()
                        .color(verdict_colour(m.passed, hc)),
                );
                for r in &m.reasons {
                    ui.label(format!("• {}", reason_words(w, r)));
                }
                if m.withheld {
                    ui.label(RichText::new(tr!(w, "debrief-withheld")).italics());
                }
                if let Some((title, text, outcome)) = &m.ending {
                    section(
                        ui,
                        &tr!(w, "debrief-ending", title = title.as_str()),
                        |ui| {
                            ui.label(
                                RichText::new(outcome_words(w, *outcome))
                                    .strong()
                                    .color(outcome_colour(*outcome, hc)),
                            );
                            ui.label(text);
                        },
                    );
                }
                if let Some(map) = &m.map {
                    section(ui, &tr!(w, "debrief-map"), |ui| {
                        let id = ui.id().with("map_selected");
                        if let Some(step) = path_map(ui, map) {
                            ui.data_mut(|d| d.insert_temp(id, step));
                        }
                        match ui
                            .data(|d| d.get_temp::<usize>(id))
                            .and_then(|i| m.steps.get(i).map(|s| (i, s)))
                        {
                            Some((i, step)) => step_detail(ui, w, i, step),
                            None => {
                                ui.label(RichText::new(tr!(w, "debrief-map-click")).weak());
                            }
                        }
                    });
                }

                section(ui, &tr!(w, "debrief-competencies"), |ui| {
                    for c in &m.competencies {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new(competency_words(w, c.kind)).strong());
                            ui.label(
                                c.score
                                    .map_or_else(|| tr!(w, "debrief-not-in-session"), pct),
                            );
                        });
                        let detail = c
                            .detail
                            .as_ref()
                            .map(|d| detail_words(w, d))
                            .unwrap_or_default();
                        if !detail.is_empty() {
                            ui.label(detail);
                        }
                        ui.add_space(4.0);
                    }
                });

                if let Some(c) = &m.confidence {
                    confidence_section(ui, w, &m.judgements, c, hc);
                }
                if !m.critical.is_empty() {
                    section(ui, &tr!(w, "debrief-critical"), |ui| {
                        for c in &m.critical {
                            ui.label(
                                RichText::new(critical_text(w, &c.what))
                                    .strong()
                                    .color(grade_colour(Grade::Harmful, hc)),
                            );
                            ui.label(
                                RichText::new(tr!(
                                    w,
                                    "debrief-at",
                                    scene = at_words(w, &c.scene).as_str()
                                ))
                                .italics(),
                            );
                            if !c.why.is_empty() {
                                ui.label(&c.why);
                            }
                            ui.separator();
                        }
                    });
                }
                if !m.breaches.is_empty() {
                    section(ui, &tr!(w, "debrief-breaches"), |ui| {
                        for b in &m.breaches {
                            ui.label(RichText::new(&b.what).strong());
                            ui.label(
                                RichText::new(tr!(
                                    w,
                                    "debrief-at",
                                    scene = at_words(w, &b.scene).as_str()
                                ))
                                .italics(),
                            );
                            if !b.why.is_empty() {
                                ui.label(&b.why);
                            }
                            ui.separator();
                        }
                    });
                }

                if !m.steps.is_empty() {
                    steps_section(ui, w, &m.steps);
                }

                for (title, outcome) in [
                    (tr!(w, "debrief-found"), ObservationOutcome::Hit),
                    (tr!(w, "debrief-missed"), ObservationOutcome::Miss),
                    (
                        tr!(w, "debrief-false-alarms"),
                        ObservationOutcome::FalseAlarm,
                    ),
                ] {
                    let rows: Vec<&ObservationReview> = m
                        .observations
                        .iter()
                        .filter(|o| o.outcome == outcome)
                        .collect();
                    if rows.is_empty() {
                        continue;
                    }
                    section(ui, &title, |ui| {
                        for o in rows {
                            ui.label(RichText::new(&o.text).strong());
                            if let Some(ind) = &o.indicator {
                                ui.label(tr!(w, "debrief-indicator", indicator = ind.as_str()));
                            }
                            if let Some((named, right)) = &o.named {
                                ui.label(if *right {
                                    tr!(w, "debrief-named-right", named = named.as_str())
                                } else {
                                    tr!(w, "debrief-named", named = named.as_str())
                                });
                            }
                            if !o.note.is_empty() {
                                ui.label(RichText::new(&o.note).italics());
                            }
                            ui.separator();
                        }
                    });
                }
                if !m.factors.is_empty() {
                    factors_section(ui, w, &m.factors);
                }
                if !m.unheard.is_empty() {
                    unheard_section(ui, w, &m.unheard);
                }
            });
    });
    action
}
