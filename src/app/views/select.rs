//! Choosing a scenario: a card per scenario with its title, summary, minutes, tags and the
//! trainee's best previous result in this mode; files that failed validation listed with their
//! error, not hidden.

use super::widgets::{is_high_contrast, pct, pressed_number, section, verdict_colour};
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

/// A scenario file that cannot be played, with its first error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenCard {
    pub file: String,
    pub error: String,
}

/// Everything the scenario list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SelectModel {
    pub participant: String,
    pub mode_label: String,
    pub cards: Vec<Card>,
    pub broken: Vec<BrokenCard>,
    /// A suggestion: the card's position and why it is suggested.
    pub suggestion: Option<(usize, String)>,
    /// A message after a reload, or about the plan.
    pub notice: Option<String>,
    /// What is due for review today, and whether the delayed assessment is due.
    pub due: Vec<String>,
    pub delayed_form_due: bool,
}

/// What the trainee asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectAction {
    Play(String),
    Back,
}

/// Draws the scenario list.
pub fn select_view(ui: &mut Ui, m: &SelectModel) -> Option<SelectAction> {
    let mut action = None;
    let hc = is_high_contrast(ui);
    egui::Panel::top("select_top").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("Back").clicked() {
                action = Some(SelectAction::Back);
            }
            ui.label(
                RichText::new(format!(
                    "Participant {} · {} mode",
                    m.participant, m.mode_label
                ))
                .strong(),
            );
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.set_max_width(960.0);
            ui.heading("Choose a scenario");
            if let Some(n) = &m.notice {
                ui.label(RichText::new(n).strong());
            }
            super::progress::due_section(ui, &m.due, m.delayed_form_due);
            if let Some((i, why)) = &m.suggestion
                && let Some(card) = m.cards.get(*i) {
                    section(ui, "Suggested next", |ui| {
                        ui.label(RichText::new(&card.title).strong());
                        ui.label(why);
                        if ui.button(RichText::new("Play the suggestion").strong()).clicked() {
                            action = Some(SelectAction::Play(card.id.clone()));
                        }
                    });
                }
            if m.cards.is_empty() {
                ui.label("No scenario can be played. Ask your facilitator to check the scenario files.");
            }
            for (n, card) in m.cards.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        let label = if n < 9 { format!("{}.  {}", n + 1, card.title) } else { card.title.clone() };
                        if ui.button(RichText::new(label).strong().size(19.0)).clicked() {
                            action = Some(SelectAction::Play(card.id.clone()));
                        }
                        if let Some(minutes) = card.minutes {
                            ui.label(format!("about {minutes} min"));
                        }
                        match card.best {
                            Some((scaled, passed)) => {
                                ui.label(
                                    RichText::new(format!(
                                        "your best: {} {}",
                                        pct(scaled),
                                        if passed { "(passed)" } else { "(not passed)" }
                                    ))
                                    .color(verdict_colour(passed, hc)),
                                );
                            }
                            None => {
                                ui.label(RichText::new("not played yet").weak());
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
                section(ui, "Scenarios that cannot be played (errors in their files)", |ui| {
                    for b in &m.broken {
                        ui.label(RichText::new(&b.file).strong());
                        ui.label(RichText::new(&b.error).monospace().small());
                    }
                });
            }
        });
    });
    action
}
