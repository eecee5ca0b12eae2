//! The facilitator's screen: behind a passphrase, the cohort table with filters, a session's
//! debrief, charts of what the group misses, pre/post gains, exports and the results folder.

use super::debrief::{DebriefModel, debrief_view};
use super::widgets::{grade_colour, is_high_contrast, pct, section, verdict_colour};
use crate::access::AccessError;
use crate::app::words::w;
use crate::i18n::Words;
use crate::lrs::{EndpointError, LrsError};
use crate::record::Mode;
use crate::report::replay::Replayed;
use crate::scenario::model::Grade;
use crate::tr;
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot, uniform_grid_spacer};
use std::path::PathBuf;

pub use crate::report::cohort::{Cohort, CohortRow, DecisionPoint, GainRow};

/// The debrief of a session played again from its record.
pub fn replayed_debrief(r: &Replayed) -> DebriefModel {
    DebriefModel::of(
        &r.session,
        &r.score,
        &r.started.participant,
        r.started.mode,
        false,
    )
}

/// Whether the facilitator is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// No passphrase yet: set one.
    NotSet,
    Locked,
    Open,
}

/// Why the gate stays shut, put into words when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateError {
    /// The new passphrase was refused.
    NotSet(AccessError),
    /// The passphrase typed is not the one set.
    Wrong,
    /// The passphrase could not be checked.
    Access(AccessError),
}

/// Why a session cannot be shown again (what `ReplayError` says, as values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShowProblem {
    /// The session file cannot be read (the reader's explanation).
    Unreadable(String),
    NoStart,
    /// The scenario (by id) is not in the library.
    NoScenario(String),
    /// The rules version the session was scored under.
    UnknownRules(u32),
    /// The step where the scenario no longer fits, and the engine's explanation.
    Changed(usize, String),
}

/// Why an export failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportProblem {
    /// The exports folder (path, system error) cannot be created.
    CreateFolder(String, String),
    /// The export file (path, system error) cannot be written.
    CreateFile(String, String),
    /// The LRS could not be read.
    Lrs(LrsError),
    /// The export could not be written (the writer's explanation).
    Write(String),
}

/// What the facilitator screen tells after an action, put into words when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Reading from the LRS was asked for, but none is set.
    LrsNotSet,
    /// The reading could not be started (the system's explanation).
    CannotRead(String),
    /// A cohort of this many sessions was read from this source.
    Read(usize, CohortSource),
    /// The LRS could not be read.
    LrsUnreadable(LrsError),
    /// The reading stopped before it gave a cohort.
    ReadingStopped,
    /// An export was written to this path.
    Exported(String),
    ExportFailed(ExportProblem),
    /// Sessions are now saved in this folder.
    SavedIn(String),
    /// The session opened was read from the LRS, so its steps are not here.
    FromLrs,
    CannotShow(ShowProblem),
}

/// What saving the LRS settings did, put into words when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LrsNotice {
    /// Not saved: the address is refused.
    BadEndpoint(EndpointError),
    /// Not saved: a key and a secret are needed.
    NeedsKey,
    /// Not saved: no configuration folder.
    NoConfigFolder,
    /// Not saved: the file could not be written (the system's explanation).
    SaveFailed(String),
    /// Not saved: the settings file is damaged (the reader's explanation).
    Damaged(String),
    /// Saved: results are sent to the LRS.
    SavedSending,
    /// Saved: results stay on this computer.
    SavedLocal,
}

/// What the facilitator is typing and choosing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacilitatorForm {
    pub passphrase: String,
    pub again: String,
    pub error: Option<GateError>,
    pub scenario: Option<String>,
    pub mode: Option<Mode>,
    /// Only the sessions played in this language (`en`, `es`).
    pub language: Option<String>,
    /// Only sessions started on or after / before or on these dates (`YYYY-MM-DD`).
    pub from: String,
    pub to: String,
    pub results_dir: String,
    pub decision: usize,
    pub message: Option<Notice>,
    /// Whether the passphrase field has been given the focus once.
    pub focused: bool,
    /// The LRS settings being edited.
    pub lrs: LrsForm,
}

/// The LRS settings as the facilitator types them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LrsForm {
    pub endpoint: String,
    pub key: String,
    pub secret: String,
    pub home: String,
    pub insecure_http: bool,
    /// Why the last save was refused, or what it did.
    pub message: Option<LrsNotice>,
}

/// Where the cohort is read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CohortSource {
    #[default]
    Folder,
    Lrs,
}

/// What the facilitator screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FacilitatorModel<'a> {
    pub gate: Gate,
    pub cohort: &'a Cohort,
    pub results_dir: String,
    pub unsaved: Option<String>,
    /// The debrief of the session opened from the table.
    pub detail: Option<&'a DebriefModel>,
    pub plans: Vec<String>,
    pub plan: Option<String>,
    /// Where the cohort shown was read from, and whether a read is under way.
    pub source: CohortSource,
    pub reading: bool,
    /// Whether an LRS is set (so the cohort can be read from it).
    pub lrs_set: bool,
    /// What the sender says, in words (none when nothing is waiting).
    pub sending: Option<String>,
}

/// What the facilitator asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FacilitatorAction {
    SetPassphrase,
    Unlock,
    Lock,
    Refresh,
    ExportCsv,
    ExportXapi,
    ChangeResultsDir(PathBuf),
    OpenSession(PathBuf),
    CloseSession,
    ChoosePlan(Option<String>),
    /// Save the LRS settings typed in the form (and send from now on).
    SaveLrs,
    /// Read the cohort from the folder or the LRS.
    ReadFrom(CohortSource),
}

impl FacilitatorForm {
    /// Whether a row passes the filters.
    pub fn shows(&self, row: &CohortRow) -> bool {
        let date = &row.started[..row.started.len().min(10)];
        self.scenario.as_ref().is_none_or(|s| s == &row.scenario)
            && self.mode.is_none_or(|m| m == row.mode)
            && self.language.as_ref().is_none_or(|l| l == &row.language)
            && (self.from.trim().is_empty() || date >= self.from.trim())
            && (self.to.trim().is_empty() || date <= self.to.trim())
    }
}

/// A language's own name, or its code when the program does not speak it.
fn language_name(code: &str) -> String {
    crate::i18n::Lang::from_code(code).map_or_else(|| code.to_owned(), |l| l.name().to_owned())
}

/// Draws the facilitator screen.
pub fn facilitator_view(
    ui: &mut Ui,
    m: &FacilitatorModel,
    form: &mut FacilitatorForm,
) -> Option<FacilitatorAction> {
    match m.gate {
        Gate::NotSet | Gate::Locked => gate_view(ui, m.gate, form),
        Gate::Open => match m.detail {
            Some(d) => {
                let mut action = None;
                let w = w(ui);
                egui::Panel::top("detail_top").show(ui, |ui| {
                    if ui.button(tr!(w, "facilitator-back-to-cohort")).clicked() {
                        action = Some(FacilitatorAction::CloseSession);
                    }
                });
                let _ = debrief_view(ui, d);
                action
            }
            None => cohort_view(ui, m, form),
        },
    }
}

fn gate_view(ui: &mut Ui, gate: Gate, form: &mut FacilitatorForm) -> Option<FacilitatorAction> {
    let mut action = None;
    let w = w(ui);
    egui::CentralPanel::default().show(ui, |ui| {
        super::widgets::at_most_wide(ui, 640.0);
        ui.heading(tr!(w, "facilitator-heading"));
        let enter = |ui: &Ui| ui.input(|i| i.key_pressed(egui::Key::Enter));
        if gate == Gate::NotSet {
            ui.label(tr!(w, "facilitator-set-intro"));
            ui.label(tr!(w, "facilitator-passphrase"));
            let first = ui.add(egui::TextEdit::singleline(&mut form.passphrase).password(true));
            if !form.focused {
                first.request_focus();
                form.focused = true;
            }
            ui.label(tr!(w, "facilitator-passphrase-again"));
            let again = ui.add(egui::TextEdit::singleline(&mut form.again).password(true));
            if ui.button(tr!(w, "facilitator-set-passphrase")).clicked()
                || (again.lost_focus() && enter(ui))
            {
                action = Some(FacilitatorAction::SetPassphrase);
            }
        } else {
            ui.label(tr!(w, "facilitator-enter-passphrase"));
            let field = ui.add(egui::TextEdit::singleline(&mut form.passphrase).password(true));
            if !form.focused {
                field.request_focus();
                form.focused = true;
            }
            if ui.button(tr!(w, "facilitator-open")).clicked() || (field.lost_focus() && enter(ui))
            {
                action = Some(FacilitatorAction::Unlock);
            }
        }
        if let Some(e) = &form.error {
            ui.label(RichText::new(gate_error_words(w, e)).strong());
        }
        if ui.button(tr!(w, "facilitator-back")).clicked() {
            action = Some(FacilitatorAction::Lock);
        }
    });
    action
}

/// Item analysis: how hard each item is, how well it separates strong trainees from weak ones,
/// and which look mis-graded; the reliability of each assessment form.
fn items_section(ui: &mut Ui, items: &crate::report::items::ItemAnalysis, hc: bool) {
    use crate::report::items::{ItemKind, MIN_SESSIONS};
    let w = w(ui);
    section(ui, &tr!(w, "facilitator-items"), |ui| {
        if items.items.iter().any(|i| i.few) {
            ui.label(RichText::new(tr!(w, "facilitator-items-few", n = MIN_SESSIONS)).weak());
        }
        for f in &items.forms {
            let kr20 = f.kr20.map_or("-".to_owned(), |k| format!("{k:.2}"));
            ui.label(tr!(
                w,
                "facilitator-items-reliability",
                form = f.scenario.as_str(),
                kr20 = kr20.as_str(),
                items = f.items,
                sessions = f.sessions,
                mark = if f.few { " *" } else { "" }
            ));
        }
        let mut rows: Vec<&crate::report::items::ItemStat> = items.items.iter().collect();
        // Possibly mis-graded first, then the least discriminating.
        rows.sort_by(|a, b| {
            b.strong_prefer
                .is_some()
                .cmp(&a.strong_prefer.is_some())
                .then(
                    a.point_biserial
                        .unwrap_or(1.0)
                        .total_cmp(&b.point_biserial.unwrap_or(1.0)),
                )
        });
        egui::Grid::new("items")
            .striped(true)
            .num_columns(7)
            .show(ui, |ui| {
                for h in [
                    tr!(w, "facilitator-items-col-item"),
                    tr!(w, "facilitator-items-col-scenario"),
                    tr!(w, "facilitator-items-col-sessions"),
                    tr!(w, "facilitator-items-col-right"),
                    tr!(w, "facilitator-items-col-point-biserial"),
                    tr!(w, "facilitator-items-col-upper-lower"),
                    tr!(w, "facilitator-items-col-note"),
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for item in rows.iter().take(40) {
                    let id = item.id.as_str();
                    ui.label(match item.kind {
                        ItemKind::Decision => tr!(w, "facilitator-item-decision", id = id),
                        ItemKind::Indicator => tr!(w, "facilitator-item-indicator", id = id),
                        ItemKind::Classification => {
                            tr!(w, "facilitator-item-classification", id = id)
                        }
                    });
                    ui.label(&item.scenario);
                    ui.label(format!(
                        "{}{}",
                        item.sessions,
                        if item.few { " *" } else { "" }
                    ));
                    ui.label(pct(item.difficulty));
                    ui.label(
                        item.point_biserial
                            .map_or("-".to_owned(), |r| format!("{r:.2}")),
                    );
                    ui.label(
                        item.upper_lower
                            .map_or("-".to_owned(), |d| format!("{d:.2}")),
                    );
                    match item.strong_prefer {
                        Some(c) => ui.label(
                            RichText::new(tr!(w, "facilitator-items-mis-graded", choice = c + 1))
                                .color(grade_colour(Grade::Harmful, hc)),
                        ),
                        None => ui.label(""),
                    };
                    ui.end_row();
                }
            });
    });
}

/// The LRS: where results are sent, the state of sending, and where the cohort is read from.
fn lrs_section(
    ui: &mut Ui,
    m: &FacilitatorModel,
    form: &mut LrsForm,
    action: &mut Option<FacilitatorAction>,
) {
    let w = w(ui);
    section(ui, &tr!(w, "facilitator-lrs"), |ui| {
        ui.label(tr!(w, "facilitator-lrs-intro"));
        egui::Grid::new("lrs_settings")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(tr!(w, "facilitator-lrs-endpoint"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.endpoint)
                        .desired_width(420.0)
                        .hint_text("https://lrs.example.org/xapi/"),
                );
                ui.end_row();
                ui.label(tr!(w, "facilitator-lrs-key"));
                ui.add(egui::TextEdit::singleline(&mut form.key).desired_width(260.0));
                ui.end_row();
                ui.label(tr!(w, "facilitator-lrs-secret"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.secret)
                        .password(true)
                        .desired_width(260.0),
                );
                ui.end_row();
                ui.label(tr!(w, "facilitator-lrs-home"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.home)
                        .desired_width(420.0)
                        .hint_text("https://training.example.org/mpa"),
                );
                ui.end_row();
            });
        ui.checkbox(&mut form.insecure_http, tr!(w, "facilitator-lrs-insecure"));
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr!(w, "facilitator-lrs-save")).clicked() {
                *action = Some(FacilitatorAction::SaveLrs);
            }
            if let Some(notice) = &form.message {
                ui.label(RichText::new(lrs_notice_words(w, notice)).strong());
            }
        });
        if let Some(words) = &m.sending {
            ui.label(words);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(w, "facilitator-read-from"));
            if ui
                .selectable_label(
                    m.source == CohortSource::Folder,
                    tr!(w, "facilitator-source-folder"),
                )
                .clicked()
                && m.source != CohortSource::Folder
            {
                *action = Some(FacilitatorAction::ReadFrom(CohortSource::Folder));
            }
            let lrs = ui.add_enabled(
                m.lrs_set,
                egui::Button::selectable(
                    m.source == CohortSource::Lrs,
                    tr!(w, "facilitator-source-lrs"),
                ),
            );
            if lrs.clicked() && m.source != CohortSource::Lrs {
                *action = Some(FacilitatorAction::ReadFrom(CohortSource::Lrs));
            }
            if m.reading {
                ui.spinner();
                ui.label(tr!(w, "facilitator-reading"));
            }
        });
    });
}

fn cohort_view(
    ui: &mut Ui,
    m: &FacilitatorModel,
    form: &mut FacilitatorForm,
) -> Option<FacilitatorAction> {
    let mut action = None;
    let hc = is_high_contrast(ui);
    let w = w(ui);
    egui::Panel::top("facilitator_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr!(w, "facilitator-lock")).clicked() {
                action = Some(FacilitatorAction::Lock);
            }
            if ui.button(tr!(w, "facilitator-refresh")).clicked() {
                action = Some(FacilitatorAction::Refresh);
            }
            if ui
                .button(tr!(w, "facilitator-export-csv"))
                .on_hover_text(tr!(w, "facilitator-export-csv.hint"))
                .clicked()
            {
                action = Some(FacilitatorAction::ExportCsv);
            }
            if ui
                .button(tr!(w, "facilitator-export-xapi"))
                .on_hover_text(tr!(w, "facilitator-export-xapi.hint"))
                .clicked()
            {
                action = Some(FacilitatorAction::ExportXapi);
            }
            if let Some(notice) = &form.message {
                ui.label(RichText::new(notice_words(w, notice)).strong());
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(tr!(w, "facilitator-results"));
                section(ui, &tr!(w, "facilitator-folder-and-plan"), |ui| {
                    ui.label(tr!(w, "facilitator-saved-in", dir = m.results_dir.as_str()));
                    if let Some(u) = &m.unsaved {
                        ui.label(RichText::new(u).strong());
                    }
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut form.results_dir)
                                .desired_width(420.0)
                                .hint_text(tr!(w, "facilitator-folder-hint")),
                        );
                        if ui.button(tr!(w, "facilitator-save-here")).clicked()
                            && !form.results_dir.trim().is_empty()
                        {
                            action = Some(FacilitatorAction::ChangeResultsDir(PathBuf::from(
                                form.results_dir.trim(),
                            )));
                        }
                    });
                    if !m.plans.is_empty() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(tr!(w, "facilitator-plan"));
                            if ui
                                .selectable_label(m.plan.is_none(), tr!(w, "facilitator-plan-none"))
                                .clicked()
                            {
                                action = Some(FacilitatorAction::ChoosePlan(None));
                            }
                            for p in &m.plans {
                                if ui.selectable_label(m.plan.as_ref() == Some(p), p).clicked() {
                                    action = Some(FacilitatorAction::ChoosePlan(Some(p.clone())));
                                }
                            }
                        });
                    }
                });
                lrs_section(ui, m, &mut form.lrs, &mut action);
                for p in m.cohort.problems.iter().take(5) {
                    ui.label(RichText::new(tr!(w, "facilitator-note", note = p.as_str())).small());
                }

                let mut scenarios: Vec<(&str, &str)> = m
                    .cohort
                    .rows
                    .iter()
                    .map(|r| (r.scenario.as_str(), r.title.as_str()))
                    .collect();
                scenarios.sort_unstable();
                scenarios.dedup();
                section(ui, &tr!(w, "facilitator-sessions"), |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(tr!(w, "facilitator-filter-scenario"));
                        egui::ComboBox::from_id_salt("scenario_filter")
                            .selected_text(
                                form.scenario
                                    .clone()
                                    .unwrap_or_else(|| tr!(w, "facilitator-filter-all")),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(
                                    &mut form.scenario,
                                    None,
                                    tr!(w, "facilitator-filter-all"),
                                );
                                for (id, title) in &scenarios {
                                    ui.selectable_value(
                                        &mut form.scenario,
                                        Some((*id).to_owned()),
                                        *title,
                                    );
                                }
                            });
                        ui.label(tr!(w, "facilitator-filter-mode"));
                        ui.selectable_value(&mut form.mode, None, tr!(w, "facilitator-filter-all"));
                        for mode in [Mode::Workshop, Mode::Practice] {
                            ui.selectable_value(&mut form.mode, Some(mode), mode_words(w, mode));
                        }
                        ui.label(tr!(w, "facilitator-filter-language"));
                        ui.selectable_value(
                            &mut form.language,
                            None,
                            tr!(w, "facilitator-filter-any-language"),
                        );
                        for lang in crate::i18n::Lang::ALL {
                            ui.selectable_value(
                                &mut form.language,
                                Some(lang.code().to_owned()),
                                lang.name(),
                            );
                        }
                        ui.label(tr!(w, "facilitator-filter-from"));
                        ui.add(
                            egui::TextEdit::singleline(&mut form.from)
                                .desired_width(100.0)
                                .hint_text(tr!(w, "facilitator-date-hint")),
                        );
                        ui.label(tr!(w, "facilitator-filter-to"));
                        ui.add(
                            egui::TextEdit::singleline(&mut form.to)
                                .desired_width(100.0)
                                .hint_text(tr!(w, "facilitator-date-hint")),
                        );
                    });
                    let shown: Vec<&CohortRow> =
                        m.cohort.rows.iter().filter(|r| form.shows(r)).collect();
                    ui.label(tr!(
                        w,
                        "facilitator-sessions-shown",
                        shown = shown.len(),
                        total = m.cohort.rows.len()
                    ));
                    egui::Grid::new("cohort")
                        .striped(true)
                        .num_columns(11)
                        .show(ui, |ui| {
                            for h in [
                                tr!(w, "facilitator-col-participant"),
                                tr!(w, "facilitator-col-scenario"),
                                tr!(w, "facilitator-col-mode"),
                                tr!(w, "facilitator-col-language"),
                                tr!(w, "facilitator-col-started"),
                                tr!(w, "facilitator-col-score"),
                                tr!(w, "facilitator-col-result"),
                                tr!(w, "facilitator-col-critical"),
                                tr!(w, "facilitator-col-false-alarms"),
                                tr!(w, "facilitator-col-factors"),
                                tr!(w, "facilitator-col-minutes"),
                            ] {
                                ui.label(RichText::new(h).strong());
                            }
                            ui.end_row();
                            for r in shown {
                                if ui
                                    .link(&r.participant)
                                    .on_hover_text(tr!(w, "facilitator-open-session"))
                                    .clicked()
                                {
                                    action = Some(FacilitatorAction::OpenSession(r.path.clone()));
                                }
                                ui.label(&r.title);
                                ui.label(mode_words(w, r.mode));
                                ui.label(language_name(&r.language));
                                ui.label(&r.started);
                                ui.label(r.scaled.map_or("-".to_owned(), pct));
                                let result = if !r.complete {
                                    tr!(w, "facilitator-result-unfinished")
                                } else if r.passed {
                                    tr!(w, "facilitator-result-passed")
                                } else {
                                    tr!(w, "facilitator-result-not-passed")
                                };
                                ui.label(RichText::new(result).color(verdict_colour(r.passed, hc)));
                                ui.label(r.critical.to_string());
                                ui.label(r.false_alarm_rate.map_or("-".to_owned(), pct))
                                    .on_hover_text(tr!(w, "facilitator-false-alarms-hint"));
                                let (noted, shown) = r.factors;
                                ui.label(if shown == 0 {
                                    "-".to_owned()
                                } else {
                                    tr!(
                                        w,
                                        "facilitator-factors-noted",
                                        noted = noted,
                                        shown = shown
                                    )
                                });
                                ui.label(format!("{:.0}", r.minutes));
                                ui.end_row();
                            }
                        });
                });

                if !m.cohort.indicator_rates.is_empty() {
                    section(ui, &tr!(w, "facilitator-indicators"), |ui| {
                        let rates = &m.cohort.indicator_rates;
                        let shown = rates.len().min(15);
                        // Bars from the top: the least detected first; each labelled on the axis.
                        let labels: Vec<String> = rates[..shown]
                            .iter()
                            .map(|(label, _, _)| label.chars().take(38).collect())
                            .collect();
                        let bars: Vec<Bar> = rates[..shown]
                            .iter()
                            .enumerate()
                            .map(|(i, (label, rate, n))| {
                                Bar::new((shown - i) as f64, rate * 100.0)
                                    .name(tr!(
                                        w,
                                        "facilitator-rate-bar",
                                        label = label.as_str(),
                                        n = *n
                                    ))
                                    .width(0.7)
                                    .fill(rate_colour(*rate, hc))
                            })
                            .collect();
                        Plot::new("indicator_rates")
                            .height(26.0 * shown as f32 + 50.0)
                            .allow_drag(false)
                            .allow_zoom(false)
                            .allow_scroll(false)
                            .include_x(0.0)
                            .include_x(100.0)
                            .y_axis_min_width(300.0)
                            .y_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
                            .y_axis_formatter(move |mark: GridMark, _| {
                                let i = mark.value.round() as usize;
                                if (mark.value - i as f64).abs() > 1e-6
                                    || i == 0
                                    || i > labels.len()
                                {
                                    String::new()
                                } else {
                                    labels[labels.len() - i].clone()
                                }
                            })
                            .x_axis_label(tr!(w, "facilitator-indicators-axis"))
                            .show(ui, |p| {
                                p.bar_chart(
                                    BarChart::new(tr!(w, "facilitator-indicators-chart"), bars)
                                        .horizontal(),
                                )
                            });
                        for (label, rate, n) in &rates[..shown] {
                            ui.label(rate_line(w, label, *rate, *n));
                        }
                    });
                }

                if !m.cohort.factor_rates.is_empty() {
                    section(ui, &tr!(w, "facilitator-factors"), |ui| {
                        for (label, rate, n) in m.cohort.factor_rates.iter().take(15) {
                            ui.label(rate_line(w, label, *rate, *n));
                        }
                    });
                }

                if !m.cohort.decisions.is_empty() {
                    section(ui, &tr!(w, "facilitator-decisions"), |ui| {
                        let count = m.cohort.decisions.len();
                        form.decision = form.decision.min(count - 1);
                        egui::ComboBox::from_id_salt("decision_point")
                            .width(600.0)
                            .selected_text(decision_title(&m.cohort.decisions[form.decision]))
                            .show_ui(ui, |ui| {
                                for (i, d) in m.cohort.decisions.iter().enumerate() {
                                    ui.selectable_value(&mut form.decision, i, decision_title(d));
                                }
                            });
                        let d = &m.cohort.decisions[form.decision];
                        let bars: Vec<Bar> = d
                            .choices
                            .iter()
                            .enumerate()
                            .map(|(i, (text, grade, n))| {
                                Bar::new(i as f64 + 1.0, f64::from(*n))
                                    .name(tr!(
                                        w,
                                        "facilitator-choice-bar",
                                        text = text.as_str(),
                                        grade = grade_word(w, grade).as_str()
                                    ))
                                    .width(0.6)
                                    .fill(grade_word_colour(grade, hc))
                            })
                            .collect();
                        Plot::new("decision_chart")
                            .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
                            .x_axis_formatter(|mark: GridMark, _| whole(mark.value))
                            .x_axis_label(tr!(w, "facilitator-decisions-axis"))
                            .height(180.0)
                            .allow_drag(false)
                            .allow_zoom(false)
                            .allow_scroll(false)
                            .include_y(0.0)
                            .y_axis_label(tr!(w, "facilitator-decisions-times"))
                            .show(ui, |p| {
                                p.bar_chart(BarChart::new(
                                    tr!(w, "facilitator-decisions-chart"),
                                    bars,
                                ))
                            });
                        for (i, (text, grade, n)) in d.choices.iter().enumerate() {
                            ui.label(tr!(
                                w,
                                "facilitator-choice-line",
                                number = i + 1,
                                grade = grade_word(w, grade).as_str(),
                                times = *n,
                                text = text.as_str()
                            ));
                        }
                    });
                }

                if !m.cohort.breaches.is_empty() {
                    section(ui, &tr!(w, "facilitator-breaches"), |ui| {
                        let bars: Vec<Bar> = m
                            .cohort
                            .breaches
                            .iter()
                            .take(10)
                            .enumerate()
                            .map(|(i, (label, n))| {
                                Bar::new(i as f64 + 1.0, f64::from(*n))
                                    .name(label)
                                    .width(0.6)
                                    .fill(grade_colour(Grade::Harmful, hc))
                            })
                            .collect();
                        Plot::new("breaches_chart")
                            .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
                            .x_axis_formatter(|mark: GridMark, _| whole(mark.value))
                            .x_axis_label(tr!(w, "facilitator-breaches-axis"))
                            .height(160.0)
                            .allow_drag(false)
                            .allow_zoom(false)
                            .allow_scroll(false)
                            .include_y(0.0)
                            .show(ui, |p| {
                                p.bar_chart(BarChart::new(
                                    tr!(w, "facilitator-breaches-chart"),
                                    bars,
                                ))
                            });
                        for (i, (label, n)) in m.cohort.breaches.iter().take(10).enumerate() {
                            ui.label(format!("{}. {label}: {n}", i + 1));
                        }
                    });
                }

                if !m.cohort.gains.is_empty() {
                    section(ui, &tr!(w, "facilitator-gains"), |ui| {
                        let gain = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.2}"));
                        egui::Grid::new("gains")
                            .striped(true)
                            .num_columns(6)
                            .show(ui, |ui| {
                                for h in [
                                    tr!(w, "facilitator-gains-col-participant"),
                                    tr!(w, "facilitator-gains-col-pre"),
                                    tr!(w, "facilitator-gains-col-post"),
                                    tr!(w, "facilitator-gains-col-gain"),
                                    tr!(w, "facilitator-gains-col-delayed"),
                                    tr!(w, "facilitator-gains-col-lasting"),
                                ] {
                                    ui.label(RichText::new(h).strong());
                                }
                                ui.end_row();
                                for g in &m.cohort.gains {
                                    ui.label(&g.participant);
                                    ui.label(g.pre.map_or("-".to_owned(), pct));
                                    ui.label(g.post.map_or("-".to_owned(), pct));
                                    ui.label(gain(g.gain));
                                    ui.label(g.delayed.map_or("-".to_owned(), pct));
                                    ui.label(gain(g.lasting));
                                    ui.end_row();
                                }
                            });
                        let mean = match m.cohort.mean_gain {
                            Some(g) => {
                                tr!(
                                    w,
                                    "facilitator-mean-gain",
                                    gain = format!("{g:.2}").as_str()
                                )
                            }
                            None => tr!(w, "facilitator-mean-gain-none"),
                        };
                        ui.label(RichText::new(mean).strong());
                        if let Some(g) = m.cohort.mean_lasting_gain {
                            ui.label(
                                RichText::new(tr!(
                                    w,
                                    "facilitator-mean-lasting-gain",
                                    gain = format!("{g:.2}").as_str()
                                ))
                                .strong(),
                            );
                        }
                    });
                }
                if let Some(c) = &m.cohort.calibration {
                    section(ui, &tr!(w, "facilitator-calibration"), |ui| {
                        for level in &c.calibration {
                            if let Some(rate) = level.rate() {
                                ui.label(tr!(
                                    w,
                                    "facilitator-calibration-level",
                                    sure = level.confidence.percent(),
                                    right = level.right,
                                    rated = level.rated,
                                    rate = pct(rate).as_str()
                                ));
                            }
                        }
                        ui.label(tr!(
                            w,
                            "facilitator-calibration-brier",
                            brier = format!("{:.2}", c.brier).as_str(),
                            rated = c.rated
                        ));
                    });
                }
                if !m.cohort.overdue.is_empty() {
                    section(ui, &tr!(w, "facilitator-overdue"), |ui| {
                        for o in &m.cohort.overdue {
                            let who = o.participant.as_str();
                            ui.label(match (o.topics, o.delayed_form) {
                                (0, true) => {
                                    tr!(w, "facilitator-overdue-delayed", participant = who)
                                }
                                (n, false) => tr!(
                                    w,
                                    "facilitator-overdue-topics",
                                    participant = who,
                                    topics = n
                                ),
                                (n, true) => tr!(
                                    w,
                                    "facilitator-overdue-both",
                                    participant = who,
                                    topics = n
                                ),
                            });
                        }
                    });
                }
                if !m.cohort.items.items.is_empty() {
                    items_section(ui, &m.cohort.items, hc);
                }
            });
    });
    action
}

/// An axis label for whole numbers only.
fn whole(value: f64) -> String {
    if value >= 0.5 && (value - value.round()).abs() < 1e-6 {
        format!("{value:.0}")
    } else {
        String::new()
    }
}

/// Red for an indicator the group rarely detects, amber for half, green for most.
fn rate_colour(rate: f64, hc: bool) -> egui::Color32 {
    grade_colour(
        if rate < 0.5 {
            Grade::Harmful
        } else if rate < 0.8 {
            Grade::Suboptimal
        } else {
            Grade::Appropriate
        },
        hc,
    )
}

/// The grade written as a word (`Appropriate`...) in the cohort, if it is one.
fn grade_of_word(word: &str) -> Option<Grade> {
    Grade::ALL.into_iter().find(|g| format!("{g:?}") == word)
}

/// The colour of a grade written as a word (`Appropriate`...), grey when there is none.
fn grade_word_colour(word: &str, hc: bool) -> egui::Color32 {
    grade_of_word(word).map_or(egui::Color32::GRAY, |g| grade_colour(g, hc))
}

/// A grade written as a word (`Appropriate`...), in the language of the screen; nothing when
/// there is no grade, the word itself when it is not one.
fn grade_word(w: &Words, word: &str) -> String {
    match grade_of_word(word) {
        Some(g) => super::widgets::grade_label(w, g),
        None => word.to_owned(),
    }
}

/// A mode, as the filter and the table name it.
fn mode_words(w: &Words, mode: Mode) -> String {
    match mode {
        Mode::Workshop => tr!(w, "facilitator-mode-workshop"),
        Mode::Practice => tr!(w, "facilitator-mode-practice"),
    }
}

/// A line of a detection list: the rate, the label and how often it was shown.
fn rate_line(w: &Words, label: &str, rate: f64, shown: u32) -> String {
    tr!(
        w,
        "facilitator-rate-line",
        rate = format!("{:>4.0}", rate * 100.0).as_str(),
        label = label,
        n = shown
    )
}

/// Why the gate stays shut, in words.
fn gate_error_words(w: &Words, e: &GateError) -> String {
    match e {
        GateError::NotSet(e) => tr!(
            w,
            "facilitator-not-set",
            error = access_words(w, e).as_str()
        ),
        GateError::Wrong => tr!(w, "facilitator-wrong-passphrase"),
        GateError::Access(e) => access_words(w, e),
    }
}

/// What the passphrase store says, in words.
fn access_words(w: &Words, e: &AccessError) -> String {
    match e {
        AccessError::TooShort => tr!(
            w,
            "facilitator-access-too-short",
            n = crate::access::MIN_LENGTH
        ),
        AccessError::Mismatch => tr!(w, "facilitator-access-mismatch"),
        AccessError::AlreadySet => tr!(w, "facilitator-access-already-set"),
        AccessError::Write(path, detail) => tr!(
            w,
            "facilitator-access-write",
            path = path.display().to_string().as_str(),
            detail = detail.as_str()
        ),
        AccessError::Damaged(path) => tr!(
            w,
            "facilitator-access-damaged",
            path = path.display().to_string().as_str()
        ),
        AccessError::Hash(detail) => tr!(w, "facilitator-access-hash", detail = detail.as_str()),
    }
}

/// What went wrong with the LRS, in words.
fn lrs_error_words(w: &Words, e: &LrsError) -> String {
    match e {
        LrsError::Unreachable(detail) => {
            tr!(w, "facilitator-lrs-unreachable", detail = detail.as_str())
        }
        LrsError::Unauthorized(code) => tr!(w, "facilitator-lrs-unauthorized", code = *code),
        LrsError::Conflict(detail) => tr!(w, "facilitator-lrs-conflict", detail = detail.as_str()),
        LrsError::Refused(code, detail) => tr!(
            w,
            "facilitator-lrs-refused",
            code = *code,
            detail = detail.as_str()
        ),
        LrsError::Server(code, detail) => tr!(
            w,
            "facilitator-lrs-server",
            code = *code,
            detail = detail.as_str()
        ),
        LrsError::BadAnswer(detail) => {
            tr!(w, "facilitator-lrs-bad-answer", detail = detail.as_str())
        }
    }
}

/// Why an LRS address is refused, in words.
pub fn endpoint_words(w: &Words, e: &EndpointError) -> String {
    match e {
        EndpointError::NotAnAddress(a) => {
            tr!(
                w,
                "facilitator-endpoint-not-an-address",
                address = a.as_str()
            )
        }
        EndpointError::Scheme(a) => tr!(w, "facilitator-endpoint-scheme", address = a.as_str()),
        EndpointError::InsecureHttp(a) => {
            tr!(w, "facilitator-endpoint-insecure", address = a.as_str())
        }
    }
}

/// What saving the LRS settings did, in words.
fn lrs_notice_words(w: &Words, n: &LrsNotice) -> String {
    let not_saved = |why: String| tr!(w, "facilitator-not-saved", error = why.as_str());
    match n {
        LrsNotice::BadEndpoint(e) => not_saved(endpoint_words(w, e)),
        LrsNotice::NeedsKey => not_saved(tr!(w, "facilitator-lrs-needs-key")),
        LrsNotice::NoConfigFolder => not_saved(tr!(w, "facilitator-no-config-folder")),
        LrsNotice::SaveFailed(detail) => not_saved(detail.clone()),
        LrsNotice::Damaged(detail) => not_saved(tr!(
            w,
            "facilitator-settings-damaged",
            detail = detail.as_str()
        )),
        LrsNotice::SavedSending => tr!(w, "facilitator-lrs-saved-sending"),
        LrsNotice::SavedLocal => tr!(w, "facilitator-lrs-saved-local"),
    }
}

/// Why an export failed, in words.
fn export_problem_words(w: &Words, p: &ExportProblem) -> String {
    match p {
        ExportProblem::CreateFolder(path, detail) => tr!(
            w,
            "facilitator-export-no-folder",
            path = path.as_str(),
            detail = detail.as_str()
        ),
        ExportProblem::CreateFile(path, detail) => tr!(
            w,
            "facilitator-export-no-file",
            path = path.as_str(),
            detail = detail.as_str()
        ),
        ExportProblem::Lrs(e) => lrs_error_words(w, e),
        ExportProblem::Write(detail) => {
            tr!(
                w,
                "facilitator-export-not-written",
                detail = detail.as_str()
            )
        }
    }
}

/// Why a session cannot be shown, in words.
fn show_problem_words(w: &Words, p: &ShowProblem) -> String {
    match p {
        ShowProblem::Unreadable(detail) => {
            tr!(w, "facilitator-show-unreadable", detail = detail.as_str())
        }
        ShowProblem::NoStart => tr!(w, "facilitator-show-no-start"),
        ShowProblem::NoScenario(id) => {
            tr!(w, "facilitator-show-no-scenario", scenario = id.as_str())
        }
        ShowProblem::UnknownRules(version) => {
            tr!(w, "facilitator-show-unknown-rules", version = *version)
        }
        ShowProblem::Changed(step, detail) => tr!(
            w,
            "facilitator-show-changed",
            step = *step,
            detail = detail.as_str()
        ),
    }
}

/// What the screen tells after an action, in words.
fn notice_words(w: &Words, n: &Notice) -> String {
    match n {
        Notice::LrsNotSet => tr!(w, "facilitator-lrs-not-set"),
        Notice::CannotRead(detail) => tr!(w, "facilitator-cannot-read", detail = detail.as_str()),
        Notice::Read(n, CohortSource::Folder) => tr!(w, "facilitator-read-folder", n = *n),
        Notice::Read(n, CohortSource::Lrs) => tr!(w, "facilitator-read-lrs", n = *n),
        Notice::LrsUnreadable(e) => tr!(
            w,
            "facilitator-lrs-unreadable",
            error = lrs_error_words(w, e).as_str()
        ),
        Notice::ReadingStopped => tr!(w, "facilitator-reading-stopped"),
        Notice::Exported(path) => tr!(w, "facilitator-exported", path = path.as_str()),
        Notice::ExportFailed(p) => tr!(
            w,
            "facilitator-export-failed",
            error = export_problem_words(w, p).as_str()
        ),
        Notice::SavedIn(dir) => tr!(w, "facilitator-now-saved-in", dir = dir.as_str()),
        Notice::FromLrs => tr!(w, "facilitator-session-from-lrs"),
        Notice::CannotShow(p) => tr!(
            w,
            "facilitator-cannot-show",
            error = show_problem_words(w, p).as_str()
        ),
    }
}

fn decision_title(d: &DecisionPoint) -> String {
    format!("{}: {}", d.scenario, d.label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, words};

    /// One of each notice the screen can show.
    fn notices() -> Vec<String> {
        let mut out = Vec::new();
        for lang in Lang::ALL {
            let w = words(lang);
            let lrs = [
                LrsError::Unreachable("x".into()),
                LrsError::Unauthorized(401),
                LrsError::Conflict("x".into()),
                LrsError::Refused(400, "x".into()),
                LrsError::Server(500, "x".into()),
                LrsError::BadAnswer("x".into()),
            ];
            for e in &lrs {
                out.push(notice_words(w, &Notice::LrsUnreadable(e.clone())));
            }
            for p in [
                ExportProblem::CreateFolder("p".into(), "x".into()),
                ExportProblem::CreateFile("p".into(), "x".into()),
                ExportProblem::Lrs(lrs[0].clone()),
                ExportProblem::Write("x".into()),
            ] {
                out.push(notice_words(w, &Notice::ExportFailed(p)));
            }
            for p in [
                ShowProblem::Unreadable("x".into()),
                ShowProblem::NoStart,
                ShowProblem::NoScenario("s".into()),
                ShowProblem::UnknownRules(9),
                ShowProblem::Changed(2, "x".into()),
            ] {
                out.push(notice_words(w, &Notice::CannotShow(p)));
            }
            for n in [
                Notice::LrsNotSet,
                Notice::CannotRead("x".into()),
                Notice::Read(1, CohortSource::Folder),
                Notice::Read(3, CohortSource::Lrs),
                Notice::ReadingStopped,
                Notice::Exported("p".into()),
                Notice::SavedIn("d".into()),
                Notice::FromLrs,
            ] {
                out.push(notice_words(w, &n));
            }
            for n in [
                LrsNotice::BadEndpoint(EndpointError::NotAnAddress("a".into())),
                LrsNotice::BadEndpoint(EndpointError::Scheme("a".into())),
                LrsNotice::BadEndpoint(EndpointError::InsecureHttp("a".into())),
                LrsNotice::NeedsKey,
                LrsNotice::NoConfigFolder,
                LrsNotice::SaveFailed("x".into()),
                LrsNotice::Damaged("x".into()),
                LrsNotice::SavedSending,
                LrsNotice::SavedLocal,
            ] {
                out.push(lrs_notice_words(w, &n));
            }
            for e in [
                AccessError::TooShort,
                AccessError::Mismatch,
                AccessError::AlreadySet,
                AccessError::Write("p".into(), "x".into()),
                AccessError::Damaged("p".into()),
                AccessError::Hash("x".into()),
            ] {
                out.push(gate_error_words(w, &GateError::NotSet(e.clone())));
                out.push(gate_error_words(w, &GateError::Access(e)));
            }
            out.push(gate_error_words(w, &GateError::Wrong));
            for g in Grade::ALL {
                out.push(grade_word(w, &format!("{g:?}")));
            }
        }
        out
    }

    #[test]
    fn every_notice_has_words_in_both_languages() {
        for n in notices() {
            assert!(!n.contains("facilitator-"), "{n}");
        }
    }

    #[test]
    fn the_english_is_as_it_was() {
        let w = words(Lang::En);
        assert_eq!(
            notice_words(w, &Notice::Read(3, CohortSource::Lrs)),
            "3 sessions read from the LRS."
        );
        assert_eq!(
            gate_error_words(w, &GateError::NotSet(AccessError::TooShort)),
            "Not set: the passphrase must have at least 8 characters."
        );
        assert_eq!(
            lrs_notice_words(w, &LrsNotice::NeedsKey),
            "Not saved: the LRS needs a key and a secret."
        );
        assert_eq!(
            notice_words(w, &Notice::LrsUnreadable(LrsError::Unauthorized(401))),
            "The LRS could not be read: the LRS refused the credentials (HTTP 401)."
        );
        assert_eq!(rate_line(w, "Debt", 0.5, 4), "  50%  Debt (4 shown)");
    }
}
