//! The start screen: a participant code (no names needed), the mode, interrupted sessions to
//! resume, and the facilitator's way in.

use super::widgets::section;
use crate::app::words::w;
use crate::i18n::Lang;
use crate::record::{Mode, is_valid_participant};
use crate::tr;
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
    /// The page in a browser: the answers stay in the browser's storage and go to the LRS, and
    /// there is no facilitator's screen (it would hold this device's sessions only; a
    /// facilitator reads the cohort from the LRS on the desktop).
    pub in_browser: bool,
}

/// The start form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartForm {
    pub participant: String,
    pub mode: Mode,
    /// The message id of what is wrong with the form.
    pub error: Option<&'static str>,
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
    /// Speak this language from now on.
    Language(Lang),
}

/// Draws the start screen.
pub fn start_view(ui: &mut Ui, form: &mut StartForm, model: &StartModel) -> Option<StartAction> {
    let mut action = None;
    let w = w(ui);
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            super::widgets::at_most_wide(ui, 760.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(tr!(w, "start-language"));
                for lang in Lang::ALL {
                    if ui.selectable_label(w.lang() == lang, lang.name()).clicked()
                        && w.lang() != lang
                    {
                        action = Some(StartAction::Language(lang));
                    }
                }
            });
            ui.heading(tr!(w, "start-heading"));
            ui.label(tr!(w, "start-purpose"));
            for n in &model.notices {
                ui.label(RichText::new(n).strong());
            }
            if let Some(plan) = &model.plan {
                ui.label(RichText::new(tr!(w, "start-plan", plan = plan.as_str())).strong());
            }
            ui.add_space(12.0);
            section(ui, &tr!(w, "start-who"), |ui| {
                ui.label(tr!(w, "start-code"));
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut form.participant)
                        .hint_text(tr!(w, "start-code-hint"))
                        .char_limit(32)
                        .desired_width(220.0),
                );
                // Enter starts from the code field, or when nothing has the focus (after a
                // click on the mode, say); a focused button takes its own Enter.
                let submitted = ui.input(|i| i.key_pressed(egui::Key::Enter))
                    && (edit.lost_focus() || ui.ctx().memory(|m| m.focused().is_none()));
                if form.participant.is_empty()
                    && !edit.has_focus()
                    && !ui.ctx().memory(|m| m.focused().is_some())
                {
                    edit.request_focus();
                }
                ui.add_space(6.0);
                ui.label(tr!(w, "start-mode"));
                ui.radio_value(
                    &mut form.mode,
                    Mode::Workshop,
                    tr!(w, "start-mode-workshop"),
                );
                ui.radio_value(
                    &mut form.mode,
                    Mode::Practice,
                    tr!(w, "start-mode-practice"),
                );
                ui.add_space(6.0);
                let begin = ui
                    .button(RichText::new(tr!(w, "start-begin")).strong().size(20.0))
                    .clicked();
                if begin || submitted {
                    let code = form.participant.trim().to_owned();
                    if is_valid_participant(&code) {
                        form.participant = code;
                        form.error = None;
                        action = Some(StartAction::Begin);
                    } else {
                        form.error = Some("start-code-invalid");
                    }
                }
                if let Some(e) = &form.error {
                    ui.label(RichText::new(w.t(e)).strong());
                }
            });
            if !model.resumable.is_empty() {
                section(ui, &tr!(w, "start-interrupted"), |ui| {
                    for (i, r) in model.resumable.iter().enumerate() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(tr!(
                                w,
                                "start-interrupted-session",
                                title = r.scenario_title.as_str(),
                                started = r.started.as_str(),
                                steps = r.steps
                            ));
                            if ui.button(tr!(w, "start-resume")).clicked() {
                                action = Some(StartAction::Resume(i));
                            }
                        });
                    }
                });
            }
            ui.add_space(12.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button(tr!(w, "start-progress")).clicked() {
                    if is_valid_participant(form.participant.trim()) {
                        form.participant = form.participant.trim().to_owned();
                        action = Some(StartAction::Progress);
                    } else {
                        form.error = Some("start-code-first");
                    }
                }
                if !model.in_browser
                    && ui
                        .button(tr!(w, "start-facilitator"))
                        .on_hover_text(tr!(w, "start-facilitator-hint"))
                        .clicked()
                {
                    action = Some(StartAction::Facilitator);
                }
            });
            let kept = if model.in_browser {
                tr!(w, "start-results-in-browser")
            } else {
                tr!(w, "start-results-in", dir = model.results_dir.as_str())
            };
            ui.label(RichText::new(kept).small().weak());
            ui.label(RichText::new(tr!(w, "start-keys")).small().weak());
        });
    });
    action
}
