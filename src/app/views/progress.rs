//! A participant's own progress: scores over time per competency, the indicators they miss most
//! (with what to look for), their pre/post assessment, and the scenario suggested next.

use super::widgets::{pct, section};
use crate::practice::{History, suggest};
use crate::report::normalised_gain;
use crate::scenario::Library;
use crate::scenario::model::AssessmentForm;
use egui::{RichText, Ui};
use egui_plot::{Legend, Line, Plot, Points};

/// One finished session in the history.
#[derive(Debug, Clone, PartialEq)]
pub struct PastRow {
    pub title: String,
    pub date: String,
    pub scaled: f64,
    pub passed: bool,
    /// Indicators, decisions, referral, classification (`None`: not in that session).
    pub competencies: [Option<f64>; 4],
}

/// An indicator to revise.
#[derive(Debug, Clone, PartialEq)]
pub struct Revise {
    pub label: String,
    pub missed: u32,
    pub shown: u32,
    pub description: String,
    /// The scenarios' notes on observations that show it (from the scenarios played first).
    pub notes: Vec<String>,
}

/// Everything the progress screen shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressModel {
    pub participant: String,
    pub sessions: Vec<PastRow>,
    pub revise: Vec<Revise>,
    /// (scenario id, title, why)
    pub suggestion: Option<(String, String, String)>,
    /// Pre and post assessment scores, and the normalised gain.
    pub assessment: Option<(Option<f64>, Option<f64>, Option<f64>)>,
    /// What is due for review today, in words; and whether the delayed assessment is due.
    pub due: Vec<String>,
    pub delayed_form_due: bool,
    /// How sure against how often right, over time: (date, Brier score, rated).
    pub calibration: Vec<(String, f64, u32)>,
}

/// What the participant asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressAction {
    Back,
    Practise(String),
}

/// The names of the four competencies, in the order of `PastRow::competencies`.
pub const COMPETENCIES: [&str; 4] = ["Indicators", "Decisions", "Referral", "Classification"];

impl ProgressModel {
    /// The progress of a participant, from their history and the course.
    pub fn of(
        participant: &str,
        history: &History,
        library: &Library,
        candidates: &[std::sync::Arc<crate::scenario::Playable>],
        now: time::OffsetDateTime,
    ) -> Self {
        let cat = library.catalogue.clone();
        let label = |id: &str| {
            cat.as_ref()
                .map_or_else(|| id.to_owned(), |c| c.label(id).to_owned())
        };
        let sessions = history
            .sessions
            .iter()
            .map(|s| {
                let sc = &s.finished.score;
                let observed = sc.indicators.hits
                    + sc.indicators.misses
                    + sc.indicators.red_herrings
                    + sc.indicators.factors_noted
                    + sc.indicators.factors_missed
                    > 0;
                PastRow {
                    title: if s.title.is_empty() {
                        s.scenario.clone()
                    } else {
                        s.title.clone()
                    },
                    date: s.finished_at.chars().take(10).collect(),
                    scaled: sc.scaled,
                    passed: sc.passed,
                    competencies: [
                        observed.then_some(sc.indicators.score),
                        sc.decisions.score,
                        sc.referral.map(|r| r.score),
                        sc.classification.map(|c| c.score),
                    ],
                }
            })
            .collect();
        let revise = history
            .most_missed()
            .into_iter()
            .take(6)
            .map(|(id, missed, shown)| Revise {
                label: label(&id),
                missed,
                shown,
                description: cat
                    .as_ref()
                    .and_then(|c| c.indicator(&id))
                    .map(|i| i.description.clone())
                    .unwrap_or_default(),
                notes: notes_on(&id, history, library),
            })
            .collect();
        let suggestion = suggest(history, candidates)
            .into_iter()
            .next()
            .and_then(|s| {
                candidates
                    .iter()
                    .find(|p| p.id() == s.scenario)
                    .map(|p| (s.scenario.clone(), p.scenario.title.clone(), s.reason))
            });
        let form_of = |id: &str| library.find(id).and_then(|p| p.scenario.assessment);
        let first = |form: AssessmentForm| {
            history
                .sessions
                .iter()
                .find(|s| form_of(&s.scenario) == Some(form) && s.finished.score.complete)
                .map(|s| s.finished.score.scaled)
        };
        let (pre, post) = (first(AssessmentForm::Pre), first(AssessmentForm::Post));
        let assessment = (pre.is_some() || post.is_some()).then(|| {
            (
                pre,
                post,
                pre.zip(post).and_then(|(a, b)| normalised_gain(a, b)),
            )
        });
        let schedule = crate::spacing::schedule_in(Some(library), &history.sessions, now);
        let calibration = history
            .sessions
            .iter()
            .filter_map(|s| {
                let c = s.finished.score.confidence.as_ref()?;
                Some((s.finished_at.chars().take(10).collect(), c.brier, c.rated))
            })
            .collect();
        ProgressModel {
            participant: participant.to_owned(),
            sessions,
            revise,
            suggestion,
            assessment,
            due: due_words(&schedule, library),
            delayed_form_due: schedule.delayed_form_due(now),
            calibration,
        }
    }
}

/// "Due today": the topics to review now, and the delayed assessment when it is due.
pub fn due_section(ui: &mut Ui, due: &[String], delayed_form_due: bool) {
    if due.is_empty() && !delayed_form_due {
        return;
    }
    section(ui, "Due today", |ui| {
        if delayed_form_due {
            ui.label(
                RichText::new(
                    "The delayed assessment is due: it shows what you kept from the course.",
                )
                .strong(),
            );
        }
        if !due.is_empty() {
            ui.label("You missed these before; practise a scenario that shows them today:");
            for d in due.iter().take(6) {
                ui.label(format!("• {d}"));
            }
        }
    });
}

/// What is due for review today, in words: each indicator and principle by its label.
pub fn due_words(schedule: &crate::spacing::Schedule, library: &Library) -> Vec<String> {
    use crate::spacing::Topic;
    let cat = library.catalogue.clone();
    let label = |id: &str| {
        cat.as_ref()
            .map_or_else(|| id.to_owned(), |c| c.label(id).to_owned())
    };
    schedule
        .due_now
        .iter()
        .map(|d| match &d.topic {
            Topic::Indicator(i) => format!("Indicator: {}", label(i)),
            Topic::Principle(p) => format!("Principle: {}", label(p)),
        })
        .collect()
}

/// Up to two different notes the course gives on observations showing an indicator, taken first
/// from the scenarios the participant played.
fn notes_on(indicator: &str, history: &History, library: &Library) -> Vec<String> {
    let played = |id: &str| history.played.contains_key(id);
    let mut scenarios: Vec<&std::sync::Arc<crate::scenario::Playable>> =
        library.playable().collect();
    scenarios.sort_by_key(|p| !played(p.id()));
    let mut notes: Vec<String> = Vec::new();
    for p in scenarios {
        for (_, o) in p.scenario.observations() {
            if o.indicator.as_deref() == Some(indicator)
                && let Some(note) = o.note.as_ref().filter(|n| !notes.contains(n))
            {
                notes.push(note.clone());
            }
            if notes.len() == 2 {
                return notes;
            }
        }
    }
    notes
}

/// Draws the progress screen.
pub fn progress_view(ui: &mut Ui, m: &ProgressModel) -> Option<ProgressAction> {
    let mut action = None;
    egui::Panel::top("progress_top").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("Back").clicked() {
                action = Some(ProgressAction::Back);
            }
            ui.label(RichText::new(format!("Progress of participant {}", m.participant)).strong());
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(960.0);
                ui.heading("My progress");
                due_section(ui, &m.due, m.delayed_form_due);
                if let Some((id, title, why)) = &m.suggestion {
                    section(ui, "Practise next", |ui| {
                        ui.label(RichText::new(title).strong());
                        ui.label(why);
                        if ui
                            .button(RichText::new("Practise this scenario").strong())
                            .clicked()
                        {
                            action = Some(ProgressAction::Practise(id.clone()));
                        }
                    });
                }
                if !m.calibration.is_empty() {
                    section(ui, "How sure you were, over time", |ui| {
                        ui.label(
                            RichText::new(
                                "The Brier score of each session with rated decisions: lower is \
                                 better; 0 is perfect, and always saying 50 % gives 0.25.",
                            )
                            .weak(),
                        );
                        for (date, brier, rated) in &m.calibration {
                            ui.label(format!("{date}: {brier:.2} over {rated} rated decisions"));
                        }
                    });
                }
                if m.sessions.is_empty() {
                    ui.label("No finished scenario yet: your scores will show here.");
                } else {
                    section(ui, "Scores over time, by competency", |ui| {
                        Plot::new("progress_chart")
                            .height(240.0)
                            .legend(Legend::default())
                            .allow_drag(false)
                            .allow_zoom(false)
                            .allow_scroll(false)
                            .include_y(0.0)
                            .include_y(100.0)
                            .x_axis_label("session")
                            .y_axis_label("%")
                            .show(ui, |p| {
                                for (c, name) in COMPETENCIES.iter().enumerate() {
                                    let points: Vec<[f64; 2]> = m
                                        .sessions
                                        .iter()
                                        .enumerate()
                                        .filter_map(|(i, s)| {
                                            s.competencies[c].map(|v| [i as f64 + 1.0, v * 100.0])
                                        })
                                        .collect();
                                    p.line(Line::new(*name, points.clone()));
                                    p.points(Points::new(*name, points).radius(3.0));
                                }
                            });
                        egui::Grid::new("history")
                            .striped(true)
                            .num_columns(7)
                            .show(ui, |ui| {
                                for h in ["Date", "Scenario", "Overall"]
                                    .iter()
                                    .chain(COMPETENCIES.iter())
                                {
                                    ui.label(RichText::new(*h).strong());
                                }
                                ui.end_row();
                                for s in &m.sessions {
                                    ui.label(&s.date);
                                    ui.label(&s.title);
                                    ui.label(format!(
                                        "{} {}",
                                        pct(s.scaled),
                                        if s.passed { "passed" } else { "" }
                                    ));
                                    for c in s.competencies {
                                        ui.label(c.map_or("-".to_owned(), pct));
                                    }
                                    ui.end_row();
                                }
                            });
                    });
                }
                if !m.revise.is_empty() {
                    section(
                        ui,
                        "Indicators to revise (the ones you missed most)",
                        |ui| {
                            for r in &m.revise {
                                ui.label(
                                    RichText::new(format!(
                                        "{}: missed {} of {}",
                                        r.label, r.missed, r.shown
                                    ))
                                    .strong(),
                                );
                                if !r.description.is_empty() {
                                    ui.label(&r.description);
                                }
                                for note in &r.notes {
                                    ui.label(
                                        RichText::new(format!("In the scenarios: {note}"))
                                            .italics(),
                                    );
                                }
                            }
                        },
                    );
                }
                if let Some((pre, post, gain)) = m.assessment {
                    section(ui, "Assessment", |ui| {
                        let f = |x: Option<f64>| x.map_or("not taken yet".to_owned(), pct);
                        ui.label(format!("Before the course (day 1): {}", f(pre)));
                        ui.label(format!("After the course (day 2): {}", f(post)));
                        if let Some(g) = gain {
                            ui.label(RichText::new(format!("Normalised gain: {g:.2}")).strong());
                        }
                    });
                }
            });
    });
    action
}
