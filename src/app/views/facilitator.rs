//! The facilitator's screen: behind a passphrase, the cohort table with filters, a session's
//! debrief, charts of what the group misses, pre/post gains, exports and the results folder.

use super::debrief::{DebriefModel, debrief_view};
use super::widgets::{grade_colour, is_high_contrast, pct, section, verdict_colour};
use crate::engine::Score;
use crate::engine::session::Session;
use crate::record::{Mode, format_time};
use crate::report::{Detail, Summary, choice_counts, scan};
use crate::scenario::Library;
use crate::scenario::model::SceneKind;
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot, uniform_grid_spacer};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// One session in the cohort table.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortRow {
    pub path: PathBuf,
    pub participant: String,
    pub scenario: String,
    pub title: String,
    pub mode: Mode,
    /// `YYYY-MM-DD HH:MM` (UTC).
    pub started: String,
    pub scaled: Option<f64>,
    pub complete: bool,
    pub passed: bool,
    pub critical: usize,
    pub minutes: f64,
    /// Red herrings flagged over those shown (`None`: none shown, or no score).
    pub false_alarm_rate: Option<f64>,
    /// Vulnerability factors noted, and shown.
    pub factors: (u32, u32),
}

/// A decision point's choices and how often each was taken.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionPoint {
    pub scenario: String,
    pub scene: String,
    pub label: String,
    /// (choice text, grade word, times taken)
    pub choices: Vec<(String, String, u32)>,
}

/// A participant's pre/post assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct GainRow {
    pub participant: String,
    pub pre: Option<f64>,
    pub post: Option<f64>,
    pub gain: Option<f64>,
    /// The delayed form, weeks later, and the gain that lasted.
    pub delayed: Option<f64>,
    pub lasting: Option<f64>,
}

/// The cohort, read from a results folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cohort {
    pub rows: Vec<CohortRow>,
    /// (indicator label, detection rate, times shown), lowest rate first.
    pub indicator_rates: Vec<(String, f64, u32)>,
    /// (factor label, rate noted, times shown), lowest rate first.
    pub factor_rates: Vec<(String, f64, u32)>,
    pub decisions: Vec<DecisionPoint>,
    /// (principle label, times breached), most first.
    pub breaches: Vec<(String, u32)>,
    pub gains: Vec<GainRow>,
    pub mean_gain: Option<f64>,
    pub mean_lasting_gain: Option<f64>,
    pub problems: Vec<String>,
}

impl Cohort {
    /// Reads every session under `dir`.
    pub fn load(dir: &std::path::Path, library: Option<&Library>) -> Cohort {
        let mut summary = Summary::new(library);
        let mut rows = Vec::new();
        let mut counts: HashMap<(String, String), BTreeMap<usize, u32>> = HashMap::new();
        let stats = scan(dir, Detail::Full, library, |row, lines| {
            summary.add(&row);
            choice_counts(&lines, &row.started.scenario, &mut counts);
            let s = row.score.as_ref();
            rows.push(CohortRow {
                path: row.path.clone(),
                participant: row.started.participant.clone(),
                scenario: row.started.scenario.clone(),
                title: if row.started.scenario_title.is_empty() {
                    row.started.scenario.clone()
                } else {
                    row.started.scenario_title.clone()
                },
                mode: row.started.mode,
                started: format_time(row.started_at)
                    .replace('T', " ")
                    .chars()
                    .take(16)
                    .collect(),
                scaled: s.map(|s| s.scaled),
                complete: row.complete(),
                passed: row.passed(),
                critical: s.map_or(0, |s| s.critical_errors.len()),
                minutes: row.duration_s() / 60.0,
                false_alarm_rate: s
                    .filter(|s| s.indicators.red_herrings > 0)
                    .map(|s| s.indicators.false_alarm_rate()),
                factors: s.map_or((0, 0), |s| {
                    let i = &s.indicators;
                    (i.factors_noted, i.factors_noted + i.factors_missed)
                }),
            });
        });
        rows.sort_by(|a, b| {
            b.started
                .cmp(&a.started)
                .then(a.participant.cmp(&b.participant))
        });
        let cat = library.and_then(|l| l.catalogue.clone());
        let label = |id: &str| {
            cat.as_ref()
                .map_or_else(|| id.to_owned(), |c| c.label(id).to_owned())
        };
        let mut decisions: Vec<DecisionPoint> = counts
            .into_iter()
            .map(|((scenario, scene), by_choice)| {
                let model = library.and_then(|l| l.find(&scenario)).and_then(|p| {
                    p.scenario
                        .scene_index(&scene)
                        .and_then(|i| match p.scenario.scene(i) {
                            Some(SceneKind::Scene(s)) => Some(s.clone()),
                            _ => None,
                        })
                });
                let choices = by_choice
                    .iter()
                    .map(|(c, n)| {
                        let choice = model.as_ref().and_then(|m| m.choices.get(*c));
                        (
                            choice.map_or_else(|| format!("choice {}", c + 1), |x| x.text.clone()),
                            choice
                                .and_then(|x| x.grade)
                                .map_or_else(String::new, |g| format!("{g:?}")),
                            *n,
                        )
                    })
                    .collect();
                let label = model.as_ref().map_or_else(
                    || scene.clone(),
                    |m| super::debrief::scene_label(Some(&SceneKind::Scene(m.clone())), &scene),
                );
                DecisionPoint {
                    scenario,
                    scene,
                    label,
                    choices,
                }
            })
            .collect();
        decisions.sort_by(|a, b| (&a.scenario, &a.scene).cmp(&(&b.scenario, &b.scene)));
        let mut breaches: Vec<(String, u32)> = summary
            .breaches
            .iter()
            .map(|(p, n)| (label(p), *n))
            .collect();
        breaches.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Cohort {
            rows,
            indicator_rates: summary
                .most_missed()
                .into_iter()
                .map(|(id, rate, shown)| (label(&id), rate, shown))
                .collect(),
            factor_rates: summary
                .factors_least_noted()
                .into_iter()
                .map(|(id, rate, shown)| (label(&id), rate, shown))
                .collect(),
            decisions,
            breaches,
            gains: summary
                .gains
                .iter()
                .map(|(p, g)| GainRow {
                    participant: p.clone(),
                    pre: g.pre,
                    post: g.post,
                    gain: g.normalised(),
                    delayed: g.delayed,
                    lasting: g.lasting(),
                })
                .collect(),
            mean_gain: summary.mean_gain(),
            mean_lasting_gain: summary.mean_lasting_gain(),
            problems: stats.problems,
        }
    }
}

/// The debrief of a recorded session, rebuilt from its actions and seed.
pub fn session_debrief(path: &std::path::Path, library: &Library) -> Result<DebriefModel, String> {
    let log = crate::record::read_session(path).map_err(|e| e.to_string())?;
    let started = log.started().ok_or("the file has no start line")?.clone();
    let playable = library.find(&started.scenario).ok_or_else(|| {
        format!(
            "the scenario \"{}\" is not in the library any more",
            started.scenario
        )
    })?;
    let rules = started.rules().ok_or_else(|| {
        format!(
            "this session was scored under rules version {}, which this version of the program \
             does not know",
            started.rules
        )
    })?;
    let (session, _) = Session::replay(
        std::sync::Arc::clone(playable),
        started.seed,
        rules,
        &log.actions(),
    )
    .map_err(|(i, e)| {
        format!(
            "the scenario has changed since this session (step {}: {e})",
            i + 1
        )
    })?;
    // A finished session shows the score it recorded; only an interrupted one is scored now.
    let score = log
        .finished()
        .map_or_else(|| Score::of(&session), |f| f.score.clone());
    Ok(DebriefModel::of(
        &session,
        &score,
        &started.participant,
        started.mode,
        false,
    ))
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
