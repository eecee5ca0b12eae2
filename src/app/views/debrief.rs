//! The debrief: passed or not and why, the score per competency, every critical error (the
//! ending's consequence among them) and breach with its feedback, the path step by step, the
//! indicators hit, missed and falsely flagged, the vulnerability factors noted and missed by
//! level, and what the best path would have done differently.

use super::path_map::{PathMapModel, path_map};
use super::widgets::{
    grade_badge, grade_colour, is_high_contrast, outcome_colour, pct, section, verdict_colour,
};
use crate::engine::Score;
use crate::engine::scoring::{ObservationOutcome, Rules};
use crate::engine::session::{Cause, CriticalError, PathStep, Session};
use crate::record::Mode;
use crate::scenario::graph::State;
use crate::scenario::model::{
    Catalogue, FactorKind, Grade, Level, Outcome, Rating, Scenario, SceneKind,
};
use egui::{RichText, Ui};

/// A competency's line in the debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct Competency {
    pub name: &'static str,
    /// `None`: it did not occur in this session, and is left out of the overall score.
    pub score: Option<f64>,
    pub detail: String,
}

/// A critical error or a breach, with where it happened and why it matters.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub scene: String,
    pub what: String,
    pub why: String,
}

/// One step of the trainee's path.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRow {
    pub scene: String,
    pub did: String,
    pub grade: Option<Grade>,
    pub feedback: String,
    /// What the best path would have done here instead, with its grade and feedback.
    pub better: Option<(String, Option<Grade>, String)>,
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
    pub did: String,
    pub percent: u8,
    pub right: bool,
}

/// Something the trainee never got to hear, and the step that lost it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnheardRow {
    pub text: String,
    pub note: String,
    /// What the trainee did at the step after which it could no longer be heard.
    pub lost_at: Option<String>,
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

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DebriefModel {
    pub scenario_id: String,
    pub scenario_title: String,
    pub participant: String,
    pub mode: Mode,
    pub passed: bool,
    pub reasons: Vec<String>,
    pub ending: Option<(String, String, Outcome)>,
    pub scaled: f64,
    pub pass_mark: f64,
    pub competencies: Vec<Competency>,
    pub critical: Vec<Problem>,
    pub breaches: Vec<Problem>,
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
            Rules::V1 => format!(
                "{} found, {} missed, {} false alarm{}; recall {}, precision {}, sensitivity d′ {:.2} \
                 (scored as F1, under the first version of the rules)",
                i.hits,
                i.misses,
                i.false_alarms,
                if i.false_alarms == 1 { "" } else { "s" },
                pct(i.recall),
                pct(i.precision),
                i.d_prime
            ),
            Rules::V2 => format!(
                "{} found, {} missed; {} of {} ordinary detail{} flagged. Indicators found (by \
                 strength) {} minus false alarms {}; precision {}, sensitivity d′ {:.2}",
                i.hits,
                i.misses,
                i.false_alarms,
                i.red_herrings,
                if i.red_herrings == 1 { "" } else { "s" },
                pct(i.recall),
                pct(i.false_alarm_rate()),
                pct(i.precision),
                i.d_prime
            ),
        };
        let competencies = vec![
            Competency {
                name: "Recognising indicators",
                score: (visited_obs > 0).then_some(i.score),
                detail: indicator_detail,
            },
            Competency {
                name: "Decisions",
                score: score.decisions.score,
                detail: format!(
                    "{} of the best {} points over {} graded choice{}",
                    score.decisions.points,
                    score.decisions.best,
                    score.decisions.taken,
                    if score.decisions.taken == 1 { "" } else { "s" }
                ),
            },
            Competency {
                name: "Referral",
                score: score.referral.map(|r| r.score),
                detail: session
                    .referrals()
                    .iter()
                    .map(|r| {
                        let ticked: Vec<&str> = r.services.iter().map(|x| cat.label(x)).collect();
                        format!(
                            "{} of {} points ({})",
                            r.points,
                            r.max_points,
                            if ticked.is_empty() {
                                "nothing ticked".to_owned()
                            } else {
                                ticked.join(", ")
                            }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            },
            Competency {
                name: "Classification",
                score: score.classification.map(|c| c.score),
                detail: session
                    .classifications()
                    .iter()
                    .map(|c| {
                        cat.label(&c.answer).to_owned()
                            + if c.correct { " (right)" } else { " (wrong)" }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
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
                    Cause::EndedInHarm | Cause::LeftUnprotected => "the ending".to_owned(),
                    _ => scene_of(&c.scene),
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
                scene: scene_of(&b.scene),
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
                    .map(|row| row.did)
                    .unwrap_or_default();
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
            c.detail.clear();
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

/// Why a session did not pass, in plain words (empty when it passed).
pub fn reasons_not_passed(score: &Score) -> Vec<String> {
    let mut reasons = Vec::new();
    if !score.complete {
        reasons.push("The scenario was not finished: no ending was reached.".to_owned());
    }
    let n = score.critical_errors.len();
    if n > 0 {
        reasons.push(format!(
            "{n} critical error{}: any critical error fails the scenario.",
            if n == 1 { "" } else { "s" }
        ));
    }
    if score.scaled < score.pass_mark {
        reasons.push(format!(
            "The overall score {:.0}% is below the pass mark of {:.0}%.",
            score.scaled * 100.0,
            score.pass_mark * 100.0
        ));
    }
    reasons
}

/// A critical error in plain words.
pub fn critical_words(c: &CriticalError, s: &Scenario, cat: &Catalogue) -> String {
    let ending_title = || match s.scene_index(&c.scene).and_then(|i| s.scene(i)) {
        Some(SceneKind::Ending(e)) => e.title.clone(),
        _ => c.scene.clone(),
    };
    match &c.cause {
        Cause::CriticalChoice { choice } => {
            let text = s
                .scene_index(&c.scene)
                .and_then(|i| s.scene(i))
                .and_then(|k| match k {
                    SceneKind::Scene(sc) => sc.choices.get(*choice).map(|x| x.text.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| format!("choice {}", choice + 1));
            format!("Took a critical choice: \"{text}\"")
        }
        Cause::HarmfulService { service } => {
            format!("Referred to a harmful service: {}", cat.label(service))
        }
        Cause::NoConsent => "Referred the person without their informed consent".to_owned(),
        Cause::EndedInHarm => format!("The encounter ended in harm: {}", ending_title()),
        Cause::LeftUnprotected => {
            format!("The person was left without protection: {}", ending_title())
        }
        Cause::Unrecorded => c
            .reason
            .clone()
            .unwrap_or_else(|| "A critical error".to_owned()),
    }
}

/// The text of the ending with this id, for a consequence's explanation.
fn ending_text(s: &Scenario, id: &str) -> String {
    match s.scene_index(id).and_then(|i| s.scene(i)) {
        Some(SceneKind::Ending(e)) => e.text.clone(),
        _ => String::new(),
    }
}

/// Plain words for a level of vulnerability factors.
pub fn level_words(level: Level) -> &'static str {
    match level {
        Level::Individual => "Individual",
        Level::Household => "Household and family",
        Level::Community => "Community",
        Level::Structural => "Structural",
    }
}

/// Plain words for a kind of factor.
pub fn factor_kind_words(kind: FactorKind) -> &'static str {
    match kind {
        FactorKind::Risk => "risk",
        FactorKind::Protective => "protective",
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
                        b.text.clone(),
                        b.grade,
                        b.feedback.clone().unwrap_or_default(),
                    )
                })
            });
            Some(StepRow {
                scene: scene_label(Some(&SceneKind::Scene(sc.clone())), s.scene_id(*scene)),
                did: c.text.clone(),
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
            let ticked: Vec<&str> = rec.services.iter().map(|x| cat.label(x)).collect();
            let should: Vec<&str> = r
                .services
                .iter()
                .filter(|(_, rating)| matches!(rating, Rating::Required | Rating::Recommended))
                .map(|(id, _)| cat.label(id))
                .collect();
            let all_right = r.services.iter().all(|(id, rating)| {
                let t = rec.services.iter().any(|x| x == id);
                match rating {
                    Rating::Required | Rating::Recommended => t,
                    Rating::Harmful => !t,
                }
            });
            Some(StepRow {
                scene: "Referral".to_owned(),
                did: if ticked.is_empty() {
                    "Referred to no service".to_owned()
                } else {
                    format!("Referred to {}", ticked.join(", "))
                },
                grade: None,
                feedback: r.feedback.clone().unwrap_or_default(),
                better: (!all_right).then(|| {
                    (
                        format!("Refer to {}", should.join(", ")),
                        None,
                        String::new(),
                    )
                }),
            })
        }
        PathStep::Classify { scene, record } => {
            let SceneKind::Classify(c) = s.scene(*scene)? else {
                return None;
            };
            let rec = session.classifications().get(*record)?;
            Some(StepRow {
                scene: "Classification".to_owned(),
                did: format!("Recorded as {}", cat.label(&rec.answer)),
                grade: None,
                feedback: c.feedback.clone().unwrap_or_default(),
                better: (!rec.correct).then(|| {
                    (
                        format!("Record it as {}", cat.label(&c.answer)),
                        None,
                        String::new(),
                    )
                }),
            })
        }
    }
}

/// Each step of the path, with its grade, its feedback and what the best path would have done.
fn steps_section(ui: &mut Ui, steps: &[StepRow]) {
    section(ui, "Your path, step by step", |ui| {
        for (n, step) in steps.iter().enumerate() {
            step_detail(ui, n, step);
            ui.separator();
        }
    });
}

/// One step: where, what was done with its grade, the feedback, and the better choice.
fn step_detail(ui: &mut Ui, n: usize, step: &StepRow) {
    ui.label(RichText::new(format!("{}. {}", n + 1, step.scene)).weak());
    ui.horizontal_wrapped(|ui| {
        if let Some(g) = step.grade {
            grade_badge(ui, g);
        }
        ui.label(RichText::new(&step.did).strong());
    });
    if !step.feedback.is_empty() {
        ui.label(&step.feedback);
    }
    if let Some((better, grade, why)) = &step.better {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("The best path:").italics());
            if let Some(g) = grade {
                grade_badge(ui, *g);
            }
            ui.label(better);
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
    judgements: &[JudgementRow],
    score: &crate::engine::confidence::ConfidenceScore,
    hc: bool,
) {
    section(ui, "How sure you were", |ui| {
        let confident_errors = judgements
            .iter()
            .filter(|j| !j.right && j.percent >= 70)
            .count();
        if confident_errors > 0 {
            ui.label(
                RichText::new(format!(
                    "You were sure, and wrong, {confident_errors} time{}: these are the ones to \
                     look at first.",
                    if confident_errors == 1 { "" } else { "s" }
                ))
                .strong()
                .color(grade_colour(Grade::Harmful, hc)),
            );
        }
        for j in judgements {
            ui.label(format!(
                "{} % sure, {}: {}",
                j.percent,
                if j.right { "right" } else { "wrong" },
                if j.did.is_empty() { &j.scene } else { &j.did }
            ));
        }
        ui.separator();
        for c in &score.calibration {
            if c.rated > 0 {
                ui.label(format!(
                    "When you said {} %, you were right {} of {} times.",
                    c.confidence.percent(),
                    c.right,
                    c.rated
                ));
            }
        }
        ui.label(
            RichText::new(format!(
                "Brier score {:.2} (0 is perfect; always saying 50 % gives 0.25).",
                score.brier
            ))
            .weak(),
        );
    });
}

/// What the trainee never got to hear, and where the path lost it.
fn unheard_section(ui: &mut Ui, rows: &[UnheardRow]) {
    section(ui, "What you never got to hear", |ui| {
        ui.label(
            RichText::new(
                "The person would have told you this in a safer interview: separated from anyone \
                 who may control them, with an independent interpreter, or in their own time.",
            )
            .italics(),
        );
        for r in rows {
            ui.label(RichText::new(&r.text).strong());
            if let Some(step) = &r.lost_at {
                ui.label(format!("Lost when you chose: {step}"));
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
fn factors_section(ui: &mut Ui, factors: &[FactorReview]) {
    let noted = factors.iter().filter(|f| f.noted).count();
    section(
        ui,
        &format!(
            "Vulnerability factors: you noted {noted} of {}",
            factors.len()
        ),
        |ui| {
            ui.label(
                RichText::new(
                    "Circumstances that make a person more or less vulnerable. They are not signs \
                     of trafficking: noting them scores nothing either way, but they shape the \
                     help the person needs.",
                )
                .italics(),
            );
            for level in Level::ALL {
                for kind in [FactorKind::Risk, FactorKind::Protective] {
                    let rows: Vec<&FactorReview> = factors
                        .iter()
                        .filter(|f| f.level == level && f.kind == kind)
                        .collect();
                    if rows.is_empty() {
                        continue;
                    }
                    ui.label(
                        RichText::new(format!(
                            "{}: {} factors",
                            level_words(level),
                            factor_kind_words(kind)
                        ))
                        .strong(),
                    );
                    for f in rows {
                        ui.label(format!(
                            "{} {}: {}",
                            if f.noted { "Noted" } else { "Not noted" },
                            f.label,
                            f.text
                        ));
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
    egui::Panel::bottom("debrief_buttons").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Play again").strong()).clicked() {
                action = Some(DebriefAction::Replay);
            }
            if m.has_next && ui.button(RichText::new("Next scenario").strong()).clicked() {
                action = Some(DebriefAction::Next);
            }
            if ui.button("All scenarios").clicked() {
                action = Some(DebriefAction::Scenarios);
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(960.0);
                ui.heading(format!("Debrief: {}", m.scenario_title));
                ui.label(format!(
                    "Participant {} · {} mode",
                    m.participant,
                    m.mode.label()
                ));
                let verdict = if m.passed { "Passed" } else { "Not passed" };
                ui.label(
                    RichText::new(format!(
                        "{verdict}: {} (pass mark {})",
                        pct(m.scaled),
                        pct(m.pass_mark)
                    ))
                    .size(24.0)
                    .strong()
                    .color(verdict_colour(m.passed, hc)),
                );
                for r in &m.reasons {
                    ui.label(format!("• {r}"));
                }
                if m.withheld {
                    ui.label(
                        RichText::new(
                            "This was the assessment before the course. Its answers and feedback \
                             are shown after you have taken the assessment at the end of the \
                             course, so that it measures what you learned.",
                        )
                        .italics(),
                    );
                }
                if let Some((title, text, outcome)) = &m.ending {
                    section(ui, &format!("Ending: {title}"), |ui| {
                        ui.label(
                            RichText::new(outcome.label())
                                .strong()
                                .color(outcome_colour(*outcome, hc)),
                        );
                        ui.label(text);
                    });
                }
                if let Some(map) = &m.map {
                    section(ui, "Your path on the map", |ui| {
                        let id = ui.id().with("map_selected");
                        if let Some(step) = path_map(ui, map) {
                            ui.data_mut(|d| d.insert_temp(id, step));
                        }
                        match ui
                            .data(|d| d.get_temp::<usize>(id))
                            .and_then(|i| m.steps.get(i).map(|s| (i, s)))
                        {
                            Some((i, step)) => step_detail(ui, i, step),
                            None => {
                                ui.label(
                                    RichText::new("Click a step of your path to see its feedback.")
                                        .weak(),
                                );
                            }
                        }
                    });
                }

                section(ui, "Your score by competency", |ui| {
                    for c in &m.competencies {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new(c.name).strong());
                            ui.label(c.score.map_or("not in this session".to_owned(), pct));
                        });
                        if !c.detail.is_empty() {
                            ui.label(&c.detail);
                        }
                        ui.add_space(4.0);
                    }
                });

                if let Some(c) = &m.confidence {
                    confidence_section(ui, &m.judgements, c, hc);
                }
                if !m.critical.is_empty() {
                    section(ui, "Critical errors (each one fails the scenario)", |ui| {
                        for c in &m.critical {
                            ui.label(
                                RichText::new(&c.what)
                                    .strong()
                                    .color(grade_colour(Grade::Harmful, hc)),
                            );
                            ui.label(RichText::new(format!("At: {}", c.scene)).italics());
                            if !c.why.is_empty() {
                                ui.label(&c.why);
                            }
                            ui.separator();
                        }
                    });
                }
                if !m.breaches.is_empty() {
                    section(ui, "Principles breached", |ui| {
                        for b in &m.breaches {
                            ui.label(RichText::new(&b.what).strong());
                            ui.label(RichText::new(format!("At: {}", b.scene)).italics());
                            if !b.why.is_empty() {
                                ui.label(&b.why);
                            }
                            ui.separator();
                        }
                    });
                }

                if !m.steps.is_empty() {
                    steps_section(ui, &m.steps);
                }

                for (title, outcome) in [
                    ("Indicators you found", ObservationOutcome::Hit),
                    ("Indicators you missed", ObservationOutcome::Miss),
                    (
                        "False alarms: flagged, but not indicators",
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
                    section(ui, title, |ui| {
                        for o in rows {
                            ui.label(RichText::new(&o.text).strong());
                            if let Some(ind) = &o.indicator {
                                ui.label(format!("Indicator: {ind}"));
                            }
                            if let Some((named, right)) = &o.named {
                                ui.label(format!(
                                    "You named it: {named}{}",
                                    if *right { " (right)" } else { "" }
                                ));
                            }
                            if !o.note.is_empty() {
                                ui.label(RichText::new(&o.note).italics());
                            }
                            ui.separator();
                        }
                    });
                }
                if !m.factors.is_empty() {
                    factors_section(ui, &m.factors);
                }
                if !m.unheard.is_empty() {
                    unheard_section(ui, &m.unheard);
                }
            });
    });
    action
}
