//! Choosing a scenario: a card per scenario with its title, summary, minutes, tags and the
//! trainee's best previous result in this mode; files that failed validation listed with their
//! error, not hidden.

use super::progress::Due;
use super::widgets::{is_high_contrast, pct, pressed_number, section, verdict_colour};
use crate::i18n::Words;
use crate::record::Mode;
use crate::tr;
use egui::{RichText, Ui};

/// A playable scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: Option<u32>,
    pub tags: Vec<String>,
    /// The trainee's best previous result in this mode: scaled score and whether it passed.
    pub best: Option<(f64, bool)>,
}

/// A scenario file that cannot be played, with its first error (`None`: no error to show).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenCard {
    pub file: String,
    pub error: Option<String>,
}

/// A message above the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectNotice {
    /// The workshop plan in force, by its title (or code).
    Plan(String),
    /// A message already in words (after a reload, or from the flow).
    Text(String),
}

/// Everything the scenario list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SelectModel {
    pub participant: String,
    pub mode: Mode,
    pub cards: Vec<Card>,
    pub broken: Vec<BrokenCard>,
    /// A suggestion: the card's position and why it is suggested.
    pub suggestion: Option<(usize, crate::practice::Reason)>,
    /// A message after a reload, or about the plan.
    pub notice: Option<SelectNotice>,
    /// What is due for review today, and whether the delayed assessment is due.
    pub due: Vec<Due>,
    pub delayed_form_due: bool,
}

/// What the trainee asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectAction {
    Play(String),
    Back,
}

/// The words for a mode ("Workshop mode").
pub fn mode_words(w: &Words, mode: Mode) -> String {
    match mode {
        Mode::Workshop => tr!(w, "select-mode-workshop"),
        Mode::Practice => tr!(w, "select-mode-practice"),
    }
}

/// Draws the scenario list.
pub fn select_view(ui: &mut Ui, m: &SelectModel) -> Option<SelectAction> {
    let mut action = None;
    let hc = is_high_contrast(ui);
    let w = crate::app::words::w(ui);
    egui::Panel::top("select_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr!(w, "select-back")).clicked() {
                action = Some(SelectAction::Back);
            }
            let mode = mode_words(w, m.mode);
            ui.label(
                RichText::new(tr!(
                    w,
                    "select-top",
                    participant = m.participant.as_str(),
                    mode = mode.as_str()
                ))
                .strong(),
            );
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::widgets::at_most_wide(ui, 960.0);
                ui.heading(tr!(w, "select-heading"));
                match &m.notice {
                    Some(SelectNotice::Plan(plan)) => {
                        ui.label(
                            RichText::new(tr!(w, "select-plan", plan = plan.as_str())).strong(),
                        );
                    }
                    Some(SelectNotice::Text(n)) => {
                        ui.label(RichText::new(n).strong());
                    }
                    None => {}
                }
                super::progress::due_section(ui, &m.due, m.delayed_form_due);
                if let Some((i, why)) = &m.suggestion
                    && let Some(card) = m.cards.get(*i)
                {
                    section(ui, &tr!(w, "select-suggested"), |ui| {
                        ui.label(RichText::new(&card.title).strong());
                        ui.label(super::reasons::reason_words(w, why));
                        if ui
                            .button(RichText::new(tr!(w, "select-play-suggestion")).strong())
                            .clicked()
                        {
                            action = Some(SelectAction::Play(card.id.clone()));
                        }
                    });
                }
                if m.cards.is_empty() {
                    ui.label(tr!(w, "select-none"));
                }
                for (n, card) in m.cards.iter().enumerate() {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal_wrapped(|ui| {
                            let label = if n < 9 {
                                format!("{}.  {}", n + 1, card.title)
                            } else {
                                card.title.clone()
                            };
                            if ui
                                .button(RichText::new(label).strong().size(19.0))
                                .clicked()
                            {
                                action = Some(SelectAction::Play(card.id.clone()));
                            }
                            if let Some(minutes) = card.minutes {
                                ui.label(tr!(w, "select-minutes", minutes = minutes));
                            }
                            match card.best {
                                Some((scaled, passed)) => {
                                    let score = pct(scaled);
                                    let text = if passed {
                                        tr!(w, "select-best-passed", score = score.as_str())
                                    } else {
                                        tr!(w, "select-best-not-passed", score = score.as_str())
                                    };
                                    ui.label(RichText::new(text).color(verdict_colour(passed, hc)));
                                }
                                None => {
                                    ui.label(RichText::new(tr!(w, "select-not-played")).weak());
                                }
                            }
                        });
                        if !card.summary.is_empty() {
                            ui.label(&card.summary);
                        }
                        if !card.tags.is_empty() {
                            ui.label(RichText::new(card.tags.join(" · ")).small().weak());
                        }
                    });
                }
                if let Some(n) = pressed_number(ui, m.cards.len()) {
                    action = m.cards.get(n - 1).map(|c| SelectAction::Play(c.id.clone()));
                }
                if !m.broken.is_empty() {
                    section(ui, &tr!(w, "select-broken"), |ui| {
                        for b in &m.broken {
                            ui.label(RichText::new(&b.file).strong());
                            let error = b
                                .error
                                .clone()
                                .unwrap_or_else(|| tr!(w, "select-broken-unknown"));
                            ui.label(RichText::new(error).monospace().small());
                        }
                    });
                }
            });
    });
    action
}
