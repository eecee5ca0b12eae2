//! The facilitator's screen: behind a passphrase, the cohort table with filters, a session's
//! debrief, charts of what the group misses, pre/post gains, exports and the results folder.

use super::debrief::{DebriefModel, debrief_view};
use super::widgets::{grade_colour, is_high_contrast, pct, section, verdict_colour};
use crate::record::Mode;
use crate::report::replay::Replayed;
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

/// What the facilitator is typing and choosing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacilitatorForm {
    pub passphrase: String,
    pub again: String,
    pub error: Option<String>,
    pub scenario: Option<String>,
    pub mode: Option<Mode>,
    /// Only sessions started on or after / before or on these dates (`YYYY-MM-DD`).
    pub from: String,
    pub to: String,
    pub results_dir: String,
    pub decision: usize,
    pub message: Option<String>,
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
    pub message: Option<String>,
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
            && (self.from.trim().is_empty() || date >= self.from.trim())
            && (self.to.trim().is_empty() || date <= self.to.trim())
    }
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
                egui::Panel::top("detail_top").show(ui, |ui| {
                    if ui.button("Back to the cohort").clicked() {
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
    egui::CentralPanel::default().show(ui, |ui| {
        ui.set_max_width(640.0);
        ui.heading("Facilitator");
        let enter = |ui: &Ui| ui.input(|i| i.key_pressed(egui::Key::Enter));
        if gate == Gate::NotSet {
            ui.label(
                "Set a facilitator passphrase (at least 8 characters). Only a salted hash of it is \
                 kept on this computer, so trainees cannot open the group's results.",
            );
            ui.label("Passphrase:");
            let first = ui.add(egui::TextEdit::singleline(&mut form.passphrase).password(true));
            if !form.focused {
                first.request_focus();
                form.focused = true;
            }
            ui.label("The same again:");
            let again = ui.add(egui::TextEdit::singleline(&mut form.again).password(true));
            if ui.button("Set the passphrase").clicked() || (again.lost_focus() && enter(ui)) {
                action = Some(FacilitatorAction::SetPassphrase);
            }
        } else {
            ui.label("Enter the facilitator passphrase:");
            let field = ui.add(egui::TextEdit::singleline(&mut form.passphrase).password(true));
            if !form.focused {
                field.request_focus();
                form.focused = true;
            }
            if ui.button("Open").clicked() || (field.lost_focus() && enter(ui)) {
                action = Some(FacilitatorAction::Unlock);
            }
        }
        if let Some(e) = &form.error {
            ui.label(RichText::new(e).strong());
        }
        if ui.button("Back").clicked() {
            action = Some(FacilitatorAction::Lock);
        }
    });
    action
}

/// Item analysis: how hard each item is, how well it separates strong trainees from weak ones,
/// and which look mis-graded; the reliability of each assessment form.
fn items_section(ui: &mut Ui, items: &crate::report::items::ItemAnalysis, hc: bool) {
    use crate::report::items::{ItemKind, MIN_SESSIONS};
    section(
        ui,
        "Items: which decisions tell strong trainees from weak",
        |ui| {
            if items.items.iter().any(|i| i.few) {
                ui.label(
                    RichText::new(format!(
                        "Figures marked * come from fewer than {MIN_SESSIONS} sessions: read them \
                     with care."
                    ))
                    .weak(),
                );
            }
            for f in &items.forms {
                ui.label(format!(
                    "{}: KR-20 reliability {} over {} items and {} sessions{}",
                    f.scenario,
                    f.kr20.map_or("-".to_owned(), |k| format!("{k:.2}")),
                    f.items,
                    f.sessions,
                    if f.few { " *" } else { "" }
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
                        "Item",
                        "Scenario",
                        "Sessions",
                        "Right",
                        "r pb",
                        "Upper − lower",
                        "Note",
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for item in rows.iter().take(40) {
                        let kind = match item.kind {
                            ItemKind::Decision => "decision",
                            ItemKind::Indicator => "indicator",
                            ItemKind::Classification => "classification",
                        };
                        ui.label(format!("{kind} {}", item.id));
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
                                RichText::new(format!(
                                    "strong trainees prefer choice {}: check its grade",
                                    c + 1
                                ))
                                .color(grade_colour(crate::scenario::model::Grade::Harmful, hc)),
                            ),
                            None => ui.label(""),
                        };
                        ui.end_row();
                    }
                });
        },
    );
}

/// The LRS: where results are sent, the state of sending, and where the cohort is read from.
fn lrs_section(
    ui: &mut Ui,
    m: &FacilitatorModel,
    form: &mut LrsForm,
    action: &mut Option<FacilitatorAction>,
) {
    section(ui, "Learning record store (xAPI)", |ui| {
        ui.label(
            "Every laptop can send its sessions to one learning record store, so the whole group's \
             results can be read in one place. Leave the address empty to keep results on this \
             computer only.",
        );
        egui::Grid::new("lrs_settings")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Endpoint");
                ui.add(
                    egui::TextEdit::singleline(&mut form.endpoint)
                        .desired_width(420.0)
                        .hint_text("https://lrs.example.org/xapi/"),
                );
                ui.end_row();
                ui.label("Key");
                ui.add(egui::TextEdit::singleline(&mut form.key).desired_width(260.0));
                ui.end_row();
                ui.label("Secret");
                ui.add(
                    egui::TextEdit::singleline(&mut form.secret)
                        .password(true)
                        .desired_width(260.0),
                );
                ui.end_row();
                ui.label("Your organisation's address");
                ui.add(
                    egui::TextEdit::singleline(&mut form.home)
                        .desired_width(420.0)
                        .hint_text("https://training.example.org/mpa"),
                );
                ui.end_row();
            });
        ui.checkbox(
            &mut form.insecure_http,
            "Accept a plain http:// address on another machine (the secret then travels unencrypted)",
        );
        ui.horizontal_wrapped(|ui| {
            if ui.button("Save the LRS settings").clicked() {
                *action = Some(FacilitatorAction::SaveLrs);
            }
            if let Some(msg) = &form.message {
                ui.label(RichText::new(msg).strong());
            }
        });
        if let Some(words) = &m.sending {
            ui.label(words);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Read the group's results from:");
            if ui
                .selectable_label(m.source == CohortSource::Folder, "this computer's folder")
                .clicked()
                && m.source != CohortSource::Folder
            {
                *action = Some(FacilitatorAction::ReadFrom(CohortSource::Folder));
            }
            let lrs = ui.add_enabled(
                m.lrs_set,
                egui::Button::selectable(m.source == CohortSource::Lrs, "the LRS"),
            );
            if lrs.clicked() && m.source != CohortSource::Lrs {
                *action = Some(FacilitatorAction::ReadFrom(CohortSource::Lrs));
            }
            if m.reading {
                ui.spinner();
                ui.label("Reading…");
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
    egui::Panel::top("facilitator_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button("Lock and go back").clicked() {
                action = Some(FacilitatorAction::Lock);
            }
            if ui.button("Refresh").clicked() {
                action = Some(FacilitatorAction::Refresh);
            }
            if ui
                .button("Export CSV")
                .on_hover_text("One row per session, for spreadsheets")
                .clicked()
            {
                action = Some(FacilitatorAction::ExportCsv);
            }
            if ui
                .button("Export xAPI")
                .on_hover_text("Statements for a learning record store")
                .clicked()
            {
                action = Some(FacilitatorAction::ExportXapi);
            }
            if let Some(msg) = &form.message {
                ui.label(RichText::new(msg).strong());
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading("The group's results");
                section(ui, "Results folder and plan", |ui| {
                    ui.label(format!("Sessions are saved in {}", m.results_dir));
                    if let Some(u) = &m.unsaved {
                        ui.label(RichText::new(u).strong());
                    }
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut form.results_dir)
                                .desired_width(420.0)
                                .hint_text("another folder"),
                        );
                        if ui.button("Save here from now on").clicked()
                            && !form.results_dir.trim().is_empty()
                        {
                            action = Some(FacilitatorAction::ChangeResultsDir(PathBuf::from(
                                form.results_dir.trim(),
                            )));
                        }
                    });
                    if !m.plans.is_empty() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label("Today's plan:");
                            if ui
                                .selectable_label(m.plan.is_none(), "none (all scenarios)")
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
                    ui.label(RichText::new(format!("Note: {p}")).small());
                }

                let mut scenarios: Vec<(&str, &str)> = m
                    .cohort
                    .rows
                    .iter()
                    .map(|r| (r.scenario.as_str(), r.title.as_str()))
                    .collect();
                scenarios.sort_unstable();
                scenarios.dedup();
                section(ui, "Sessions", |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label("Scenario:");
                        egui::ComboBox::from_id_salt("scenario_filter")
                            .selected_text(
                                form.scenario.clone().unwrap_or_else(|| "all".to_owned()),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut form.scenario, None, "all");
                                for (id, title) in &scenarios {
                                    ui.selectable_value(
                                        &mut form.scenario,
                                        Some((*id).to_owned()),
                                        *title,
                                    );
                                }
                            });
                        ui.label("Mode:");
                        ui.selectable_value(&mut form.mode, None, "all");
                        ui.selectable_value(&mut form.mode, Some(Mode::Workshop), "workshop");
                        ui.selectable_value(&mut form.mode, Some(Mode::Practice), "practice");
                        ui.label("From:");
                        ui.add(
                            egui::TextEdit::singleline(&mut form.from)
                                .desired_width(100.0)
                                .hint_text("YYYY-MM-DD"),
                        );
                        ui.label("to:");
                        ui.add(
                            egui::TextEdit::singleline(&mut form.to)
                                .desired_width(100.0)
                                .hint_text("YYYY-MM-DD"),
                        );
                    });
                    let shown: Vec<&CohortRow> =
                        m.cohort.rows.iter().filter(|r| form.shows(r)).collect();
                    ui.label(format!(
                        "{} of {} sessions",
                        shown.len(),
                        m.cohort.rows.len()
                    ));
                    egui::Grid::new("cohort")
                        .striped(true)
                        .num_columns(10)
                        .show(ui, |ui| {
                            for h in [
                                "Participant",
                                "Scenario",
                                "Mode",
                                "Started (UTC)",
                                "Score",
                                "Result",
                                "Critical",
                                "False alarms",
                                "Factors noted",
                                "Minutes",
                            ] {
                                ui.label(RichText::new(h).strong());
                            }
                            ui.end_row();
                            for r in shown {
                                if ui
                                    .link(&r.participant)
                                    .on_hover_text("Open this session's debrief")
                                    .clicked()
                                {
                                    action = Some(FacilitatorAction::OpenSession(r.path.clone()));
                                }
                                ui.label(&r.title);
                                ui.label(r.mode.as_str());
                                ui.label(&r.started);
                                ui.label(r.scaled.map_or("-".to_owned(), pct));
                                let result = if !r.complete {
                                    "unfinished"
                                } else if r.passed {
                                    "passed"
                                } else {
                                    "not passed"
                                };
                                ui.label(RichText::new(result).color(verdict_colour(r.passed, hc)));
                                ui.label(r.critical.to_string());
                                ui.label(r.false_alarm_rate.map_or("-".to_owned(), pct))
                                    .on_hover_text(
                                        "Ordinary details flagged as indicators, of those shown",
                                    );
                                let (noted, shown) = r.factors;
                                ui.label(if shown == 0 {
                                    "-".to_owned()
                                } else {
                                    format!("{noted} of {shown}")
                                });
                                ui.label(format!("{:.0}", r.minutes));
                                ui.end_row();
                            }
                        });
                });

                if !m.cohort.indicator_rates.is_empty() {
                    section(
                        ui,
                        "Which indicators the group detects (lowest first)",
                        |ui| {
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
                                        .name(format!("{label} ({n} shown)"))
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
                                .x_axis_label("detected, % of times shown")
                                .show(ui, |p| {
                                    p.bar_chart(BarChart::new("detection rate", bars).horizontal())
                                });
                            for (label, rate, n) in &rates[..shown] {
                                ui.label(format!("{:>4.0}%  {label} ({n} shown)", rate * 100.0));
                            }
                        },
                    );
                }

                if !m.cohort.factor_rates.is_empty() {
                    section(
                        ui,
                        "Which vulnerability factors the group notes (lowest first)",
                        |ui| {
                            for (label, rate, n) in m.cohort.factor_rates.iter().take(15) {
                                ui.label(format!("{:>4.0}%  {label} ({n} shown)", rate * 100.0));
                            }
                        },
                    );
                }

                if !m.cohort.decisions.is_empty() {
                    section(ui, "Choices at each decision point", |ui| {
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
                                    .name(format!("{text} [{grade}]"))
                                    .width(0.6)
                                    .fill(grade_word_colour(grade, hc))
                            })
                            .collect();
                        Plot::new("decision_chart")
                            .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
                            .x_axis_formatter(|mark: GridMark, _| whole(mark.value))
                            .x_axis_label("choice (as listed below)")
                            .height(180.0)
                            .allow_drag(false)
                            .allow_zoom(false)
                            .allow_scroll(false)
                            .include_y(0.0)
                            .y_axis_label("times taken")
                            .show(ui, |p| p.bar_chart(BarChart::new("choices", bars)));
                        for (i, (text, grade, n)) in d.choices.iter().enumerate() {
                            ui.label(format!("{}. [{grade}] {n}×  {text}", i + 1));
                        }
                    });
                }

                if !m.cohort.breaches.is_empty() {
                    section(ui, "Principles most breached", |ui| {
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
                                    .fill(grade_colour(crate::scenario::model::Grade::Harmful, hc))
                            })
                            .collect();
                        Plot::new("breaches_chart")
                            .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
                            .x_axis_formatter(|mark: GridMark, _| whole(mark.value))
                            .x_axis_label("principle (as listed below)")
                            .height(160.0)
                            .allow_drag(false)
                            .allow_zoom(false)
                            .allow_scroll(false)
                            .include_y(0.0)
                            .show(ui, |p| p.bar_chart(BarChart::new("breaches", bars)));
                        for (i, (label, n)) in m.cohort.breaches.iter().take(10).enumerate() {
                            ui.label(format!("{}. {label}: {n}", i + 1));
                        }
                    });
                }

                if !m.cohort.gains.is_empty() {
                    section(
                        ui,
                        "Assessment: normalised gain g = (post − pre) / (1 − pre)",
                        |ui| {
                            let gain =
                                |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.2}"));
                            egui::Grid::new("gains")
                                .striped(true)
                                .num_columns(6)
                                .show(ui, |ui| {
                                    for h in [
                                        "Participant",
                                        "Pre",
                                        "Post",
                                        "Gain g",
                                        "Delayed",
                                        "Lasting g",
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
                            ui.label(
                                RichText::new(format!(
                                    "Cohort mean gain: {}",
                                    m.cohort.mean_gain.map_or(
                                        "not yet (needs pre and post)".to_owned(),
                                        |g| format!("{g:.2}")
                                    )
                                ))
                                .strong(),
                            );
                            if let Some(g) = m.cohort.mean_lasting_gain {
                                ui.label(
                                    RichText::new(format!(
                                        "Cohort mean lasting gain (the delayed form): {g:.2}"
                                    ))
                                    .strong(),
                                );
                            }
                        },
                    );
                }
                if let Some(c) = &m.cohort.calibration {
                    section(ui, "How sure the group was", |ui| {
                        for level in &c.calibration {
                            if let Some(rate) = level.rate() {
                                ui.label(format!(
                                    "Said {} % sure: right {} of {} times ({})",
                                    level.confidence.percent(),
                                    level.right,
                                    level.rated,
                                    pct(rate)
                                ));
                            }
                        }
                        ui.label(format!(
                            "Brier score {:.2} over {} rated decisions (0 is perfect; always \
                             saying 50 % gives 0.25)",
                            c.brier, c.rated
                        ));
                    });
                }
                if !m.cohort.overdue.is_empty() {
                    section(ui, "Refreshers due", |ui| {
                        for o in &m.cohort.overdue {
                            let mut parts = Vec::new();
                            if o.topics > 0 {
                                parts.push(format!(
                                    "{} topic{} due for review",
                                    o.topics,
                                    if o.topics == 1 { "" } else { "s" }
                                ));
                            }
                            if o.delayed_form {
                                parts.push("the delayed assessment is due".to_owned());
                            }
                            ui.label(format!("{}: {}", o.participant, parts.join("; ")));
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
    use crate::scenario::model::Grade;
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

/// The colour of a grade written as a word (`Appropriate`...), grey when there is none.
fn grade_word_colour(word: &str, hc: bool) -> egui::Color32 {
    use crate::scenario::model::Grade;
    Grade::ALL
        .iter()
        .find(|g| format!("{g:?}") == word)
        .map_or(egui::Color32::GRAY, |g| grade_colour(*g, hc))
}

fn decision_title(d: &DecisionPoint) -> String {
    format!("{}: {}", d.scenario, d.label)
}
