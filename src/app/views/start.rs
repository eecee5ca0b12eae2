//! The start screen: a participant code (no names needed), the mode, interrupted sessions to
//! resume, and the facilitator's way in.

use super::widgets::section;
use crate::record::{Mode, is_valid_participant};
use egui::{RichText, Ui};

/// An interrupted session of this participant, resumable from its log.
#[derive(Debug, Clone, PartialEq)]
pub struct Resumable {
    pub scenario_title: String,
    pub started: String,
    pub steps: usize,
}

/// What the start screen shows besides the form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StartModel {
    pub resumable: Vec<Resumable>,
    /// The workshop plan in force, if a facilitator chose one.
    pub plan: Option<String>,
    pub results_dir: String,
    /// Problems to tell everyone (the course did not load, no results folder...).
    pub notices: Vec<String>,
}

/// The start form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartForm {
    pub participant: String,
    pub mode: Mode,
    pub error: Option<String>,
}

/// What the trainee asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAction {
    /// Go on to the scenarios with this code and mode (the code is valid).
    Begin,
    /// Resume the interrupted session at this position of `resumable`.
    Resume(usize),
    /// See one's own progress (needs a valid code).
    Progress,
    /// Open the facilitator's screen.
    Facilitator,
}

/// Draws the start screen.
pub fn start_view(ui: &mut Ui, form: &mut StartForm, model: &StartModel) -> Option<StartAction> {
    let mut action = None;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.set_max_width(760.0);
            ui.heading("Migrant Protection and Assistance: practice scenarios");
            ui.label(
                "Recognise a vulnerable migrant or a victim of trafficking, refer them to the right \
                 services, and do it safely: privately, with consent, with confidentiality.",
            );
            for n in &model.notices {
                ui.label(RichText::new(n).strong());
            }
            if let Some(plan) = &model.plan {
                ui.label(RichText::new(format!("Today's plan: {plan}")).strong());
            }
            ui.add_space(12.0);
            section(ui, "Who is training?", |ui| {
                ui.label("Your participant code (your facilitator gives it to you; no names needed):");
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut form.participant)
                        .hint_text("e.g. T07")
                        .char_limit(32)
                        .desired_width(220.0),
                );
                // Enter starts from the code field, or when nothing has the focus (after a
                // click on the mode, say); a focused button takes its own Enter.
                let submitted = ui.input(|i| i.key_pressed(egui::Key::Enter))
                    && (edit.lost_focus() || ui.ctx().memory(|m| m.focused().is_none()));
                if form.participant.is_empty() && !edit.has_focus() && !ui.ctx().memory(|m| m.focused().is_some()) {
                    edit.request_focus();
                }
                ui.add_space(6.0);
                ui.label("Mode:");
                ui.radio_value(&mut form.mode, Mode::Workshop, "Workshop: feedback in the debrief at the end");
                ui.radio_value(&mut form.mode, Mode::Practice, "Practice: feedback after each step");
                ui.add_space(6.0);
                let begin = ui.button(RichText::new("Start").strong().size(20.0)).clicked();
                if begin || submitted {
                    let code = form.participant.trim().to_owned();
                    if is_valid_participant(&code) {
                        form.participant = code;
                        form.error = None;
                        action = Some(StartAction::Begin);
                    } else {
                        form.error = Some(
                            "A participant code is 1 to 32 letters, digits, - or _ (no spaces): \
                             for example T07."
                                .to_owned(),
                        );
                    }
                }
                if let Some(e) = &form.error {
                    ui.label(RichText::new(e).strong());
                }
            });
            if !model.resumable.is_empty() {
                section(ui, "Interrupted sessions: pick up where you left off", |ui| {
                    for (i, r) in model.resumable.iter().enumerate() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!("{} · started {} · {} steps", r.scenario_title, r.started, r.steps));
                            if ui.button("Resume").clicked() {
                                action = Some(StartAction::Resume(i));
                            }
                        });
                    }
                });
            }
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button("My progress").clicked() {
                    if is_valid_participant(form.participant.trim()) {
                        form.participant = form.participant.trim().to_owned();
                        action = Some(StartAction::Progress);
                    } else {
                        form.error = Some("Enter your participant code first.".to_owned());
                    }
                }
                if ui.button("Facilitator").on_hover_text("Results of the group (passphrase)").clicked() {
                    action = Some(StartAction::Facilitator);
                }
            });
            ui.label(RichText::new(format!("Results are saved in {}", model.results_dir)).small().weak());
            ui.label(
                RichText::new("Ctrl + and Ctrl − change the text size; F2 switches high contrast.")
                    .small()
                    .weak(),
            );
        });
    });
    action
}
