//! A participant's own progress: scores over time per competency, the indicators they miss most
//! (with what to look for), their pre/post assessment, and the scenario suggested next.

use super::widgets::{pct, section};
use crate::i18n::Words;
use crate::practice::{History, suggest};
use crate::report::normalised_gain;
use crate::scenario::Library;
use crate::scenario::model::AssessmentForm;
use crate::tr;
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
    /// The scenario to practise next: its id, title, and why (labels in place).
    pub suggestion: Option<(String, String, crate::practice::Reason)>,
    /// Pre and post assessment scores, and the normalised gain.
    pub assessment: Option<(Option<f64>, Option<f64>, Option<f64>)>,
    /// What is due for review today (labels in place); and whether the delayed assessment is due.
    pub due: Vec<Due>,
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

/// A topic due for review today, by its label in the course's catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    Indicator(String),
    Principle(String),
}

/// The four competencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Competency {
    Indicators,
    Decisions,
    Referral,
    Classification,
}

impl Competency {
    /// The four, in the order of `PastRow::competencies`.
    pub const ALL: [Competency; 4] = [
        Competency::Indicators,
        Competency::Decisions,
        Competency::Referral,
        Competency::Classification,
    ];
}

/// The name of a competency.
pub fn competency_words(w: &Words, c: Competency) -> String {
    match c {
        Competency::Indicators => tr!(w, "progress-competency-indicators"),
        Competency::Decisions => tr!(w, "progress-competency-decisions"),
        Competency::Referral => tr!(w, "progress-competency-referral"),
        Competency::Classification => tr!(w, "progress-competency-classification"),
    }
}

/// A topic due for review, in words ("Indicator: ...").
pub fn due_words(w: &Words, d: &Due) -> String {
    match d {
        Due::Indicator(label) => tr!(w, "progress-due-indicator", label = label.as_str()),
        Due::Principle(label) => tr!(w, "progress-due-principle", label = label.as_str()),
    }
}

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
                candidates.iter().find(|p| p.id() == s.scenario).map(|p| {
                    let why = super::reasons::labelled(&s.reason, &p.catalogue);
                    (s.scenario.clone(), p.scenario.title.clone(), why)
                })
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
            due: due_topics(&schedule, library),
            delayed_form_due: schedule.delayed_form_due(now),
            calibration,
        }
    }
}

/// "Due today": the topics to review now, and the delayed assessment when it is due.
pub fn due_section(ui: &mut Ui, due: &[Due], delayed_form_due: bool) {
    if due.is_empty() && !delayed_form_due {
        return;
    }
    let w = crate::app::words::w(ui);
    section(ui, &tr!(w, "progress-due"), |ui| {
        if delayed_form_due {
            ui.label(RichText::new(tr!(w, "progress-due-delayed")).strong());
        }
        if !due.is_empty() {
            ui.label(tr!(w, "progress-due-missed"));
            for d in due.iter().take(6) {
                ui.label(format!("• {}", due_words(w, d)));
            }
        }
    });
}

/// What is due for review today: each indicator and principle by its label.
pub fn due_topics(schedule: &crate::spacing::Schedule, library: &Library) -> Vec<Due> {
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
            Topic::Indicator(i) => Due::Indicator(label(i)),
            Topic::Principle(p) => Due::Principle(label(p)),
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
    let w = crate::app::words::w(ui);
    egui::Panel::top("progress_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr!(w, "progress-back")).clicked() {
                action = Some(ProgressAction::Back);
            }
            ui.label(
                RichText::new(tr!(w, "progress-top", participant = m.participant.as_str()))
                    .strong(),
            );
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::widgets::at_most_wide(ui, 960.0);
                ui.heading(tr!(w, "progress-heading"));
                due_section(ui, &m.due, m.delayed_form_due);
                if let Some((id, title, why)) = &m.suggestion {
                    section(ui, &tr!(w, "progress-practise-next"), |ui| {
                        ui.label(RichText::new(title).strong());
                        ui.label(super::reasons::reason_words(w, why));
                        if ui
                            .button(RichText::new(tr!(w, "progress-practise")).strong())
                            .clicked()
                        {
                            action = Some(ProgressAction::Practise(id.clone()));
                        }
                    });
                }
                if !m.calibration.is_empty() {
                    section(ui, &tr!(w, "progress-calibration"), |ui| {
                        ui.label(RichText::new(tr!(w, "progress-calibration-about")).weak());
                        for (date, brier, rated) in &m.calibration {
                            let brier = format!("{brier:.2}");
                            ui.label(tr!(
                                w,
                                "progress-calibration-session",
                                date = date.as_str(),
                                brier = brier.as_str(),
                                rated = *rated
                            ));
                        }
                    });
                }
                if m.sessions.is_empty() {
                    ui.label(tr!(w, "progress-none"));
                } else {
                    section(ui, &tr!(w, "progress-chart"), |ui| {
                        Plot::new("progress_chart")
                            .height(240.0)
                            .legend(Legend::default())
                            .allow_drag(false)
                            .allow_zoom(false)
                            .allow_scroll(false)
                            .include_y(0.0)
                            .include_y(100.0)
                            .x_axis_label(tr!(w, "progress-chart-session"))
                            .y_axis_label("%")
                            .show(ui, |p| {
                                for (c, competency) in Competency::ALL.into_iter().enumerate() {
                                    let name = competency_words(w, competency);
                                    let points: Vec<[f64; 2]> = m
                                        .sessions
                                        .iter()
                                        .enumerate()
                                        .filter_map(|(i, s)| {
                                            s.competencies[c].map(|v| [i as f64 + 1.0, v * 100.0])
                                        })
                                        .collect();
                                    p.line(Line::new(name.as_str(), points.clone()));
                                    p.points(Points::new(name, points).radius(3.0));
                                }
                            });
                        egui::Grid::new("history")
                            .striped(true)
                            .num_columns(7)
                            .show(ui, |ui| {
                                let headings = [
                                    tr!(w, "progress-column-date"),
                                    tr!(w, "progress-column-scenario"),
                                    tr!(w, "progress-column-overall"),
                                ];
                                for h in headings
                                    .into_iter()
                                    .chain(Competency::ALL.map(|c| competency_words(w, c)))
                                {
                                    ui.label(RichText::new(h).strong());
                                }
                                ui.end_row();
                                for s in &m.sessions {
                                    ui.label(&s.date);
                                    ui.label(&s.title);
                                    let score = pct(s.scaled);
                                    if s.passed {
                                        ui.label(tr!(
                                            w,
                                            "progress-overall-passed",
                                            score = score.as_str()
                                        ));
                                    } else {
                                        ui.label(score);
                                    }
                                    for c in s.competencies {
                                        ui.label(c.map_or("-".to_owned(), pct));
                                    }
                                    ui.end_row();
                                }
                            });
                    });
                }
                if !m.revise.is_empty() {
                    section(ui, &tr!(w, "progress-revise"), |ui| {
                        for r in &m.revise {
                            ui.label(
                                RichText::new(tr!(
                                    w,
                                    "progress-revise-item",
                                    label = r.label.as_str(),
                                    missed = r.missed,
                                    shown = r.shown
                                ))
                                .strong(),
                            );
                            if !r.description.is_empty() {
                                ui.label(&r.description);
                            }
                            for note in &r.notes {
                                ui.label(
                                    RichText::new(tr!(
                                        w,
                                        "progress-revise-note",
                                        note = note.as_str()
                                    ))
                                    .italics(),
                                );
                            }
                        }
                    });
                }
                if let Some((pre, post, gain)) = m.assessment {
                    section(ui, &tr!(w, "progress-assessment"), |ui| {
                        let f =
                            |x: Option<f64>| x.map_or_else(|| tr!(w, "progress-not-taken"), pct);
                        ui.label(tr!(w, "progress-pre", score = f(pre).as_str()));
                        ui.label(tr!(w, "progress-post", score = f(post).as_str()));
                        if let Some(g) = gain {
                            let gain = format!("{g:.2}");
                            ui.label(
                                RichText::new(tr!(w, "progress-gain", gain = gain.as_str()))
                                    .strong(),
                            );
                        }
                    });
                }
            });
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, words};

    #[test]
    fn due_topics_and_competencies_speak_both_languages() {
        let (en, es) = (words(Lang::En), words(Lang::Es));
        let due = Due::Indicator("Documents withheld".into());
        assert_eq!(due_words(en, &due), "Indicator: Documents withheld");
        assert_eq!(due_words(es, &due), "Indicador: Documents withheld");
        assert_eq!(competency_words(en, Competency::Referral), "Referral");
        assert_eq!(competency_words(es, Competency::Referral), "Derivación");
        assert_eq!(
            tr!(
                en,
                "progress-calibration-session",
                date = "2026-11-01",
                brier = "0.18",
                rated = 1u32
            ),
            "2026-11-01: 0.18 over 1 rated decision"
        );
        assert_eq!(
            tr!(
                es,
                "progress-calibration-session",
                date = "2026-11-01",
                brier = "0.18",
                rated = 3u32
            ),
            "2026-11-01: 0.18 en 3 decisiones con su confianza indicada"
        );
    }
}
