//! The play screen: the scene's speaker and text, its observations to flag (and name), its
//! choices as buttons; a referral form; a classification; feedback after each step in Practice.
//! The scene's place and people are drawn beside the text on a wide window, above it on a narrow
//! one.

use super::widgets::{grade_badge, pressed_number, pressed_submit, section};
use crate::app::words::w;
use crate::engine::confidence::Confidence;
use crate::engine::session::{Action, PathStep, Session};
use crate::record::Mode;
use crate::scenario::model::{Face, Grade, Rating, SceneKind};
use crate::tr;
use egui::{Color32, Rect, RichText, Ui, vec2};
use std::collections::BTreeSet;

/// One observation as the trainee sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRow {
    pub id: String,
    pub text: String,
    pub flagged: bool,
    /// The label of the indicator the trainee named, if any.
    pub named: Option<String>,
}

/// One offered choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceRow {
    /// Its position in the file (the engine's identity).
    pub index: usize,
    pub text: String,
}

/// A service, a case type or an indicator as a form shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionRow {
    pub id: String,
    pub label: String,
    pub description: String,
    pub contact: Option<String>,
}

/// What the current scene asks of the trainee.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    Choices(Vec<ChoiceRow>),
    Referral(Vec<OptionRow>),
    Classify(Vec<OptionRow>),
    /// The session has ended (the screen moves to the debrief).
    Over,
}

/// Feedback on the step just taken (Practice mode only).
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub what: FeedbackWhat,
    pub grade: Option<Grade>,
    /// The scenario's feedback.
    pub text: String,
    /// The services a referral should have ticked and did not, by their labels.
    pub not_ticked: Vec<String>,
}

/// The step the feedback is about; the view puts it in words.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedbackWhat {
    /// A choice, in the scenario's words.
    Choice(String),
    /// A referral and the points it earned (never below zero) of its maximum.
    Referral { points: i32, max: i32 },
    /// A right classification, by the label of the answer.
    Right(String),
    /// A wrong classification: the label chosen and the label of the answer.
    NotQuite { chose: String, answer: String },
}

impl FeedbackWhat {
    /// The step in words.
    pub fn words(&self, w: &crate::i18n::Words) -> String {
        match self {
            FeedbackWhat::Choice(text) => text.clone(),
            FeedbackWhat::Referral { points, max } => {
                tr!(w, "play-feedback-referral", points = *points, max = *max)
            }
            FeedbackWhat::Right(answer) => tr!(w, "play-feedback-right", answer = answer.as_str()),
            FeedbackWhat::NotQuite { chose, answer } => tr!(
                w,
                "play-feedback-not-quite",
                chose = chose.as_str(),
                answer = answer.as_str()
            ),
        }
    }
}

/// The scene's picture: its place and the people in it, with their faces.
#[derive(Debug, Clone, PartialEq)]
pub struct StageModel {
    /// The backdrop, once drawn.
    pub place: Option<egui::TextureId>,
    /// Left to right.
    pub people: Vec<Figure>,
    /// The picture in words, for a screen reader.
    pub alt: String,
}

/// A person in the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub name: String,
    pub face: Face,
    /// The person with this face, once drawn.
    pub texture: Option<egui::TextureId>,
    /// The face before, fading out, and how opaque it still is (0 to 1).
    pub fading: Option<(egui::TextureId, f32)>,
}

/// Where the picture goes in a window of this size (the play screen's area, in points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StageLayout {
    /// A column on the right, this wide.
    Beside(f32),
    /// A band across the top, this high.
    Above(f32),
}

impl StageLayout {
    /// Beside the text when the window is wide enough for both, above it otherwise.
    pub fn of(area: Rect) -> StageLayout {
        let (w, h) = (area.width(), area.height());
        if w >= 900.0 && w >= 1.25 * h {
            StageLayout::Beside((w * 0.42).clamp(320.0, 760.0))
        } else {
            StageLayout::Above((w * 9.0 / 16.0).min(h * 0.35).max(120.0))
        }
    }

    /// The backdrop's size in points (16:9, inside the column or band and its margins).
    pub fn backdrop(self) -> egui::Vec2 {
        match self {
            StageLayout::Beside(width) => {
                let w = width - 24.0;
                vec2(w, w * 9.0 / 16.0)
            }
            StageLayout::Above(height) => {
                let h = height - 16.0;
                vec2(h * 16.0 / 9.0, h)
            }
        }
    }

    /// The side of a person's square picture, with `count` people in the backdrop.
    pub fn figure(self, count: usize) -> f32 {
        let b = self.backdrop();
        (b.y * 0.72).min(b.x / (count as f32 + 0.3))
    }
}

/// Everything the play screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayModel {
    pub scenario_title: String,
    pub step: usize,
    pub speaker: Option<String>,
    pub text: String,
    pub image: Option<egui::load::SizedTexture>,
    /// The place and people (none with the pictures turned off or an unstaged scenario).
    pub stage: Option<StageModel>,
    pub observations: Vec<ObservationRow>,
    pub ask: Ask,
    pub feedback: Option<Feedback>,
    /// Every indicator of the catalogue, to name an observation.
    pub indicators: Vec<OptionRow>,
    /// Whether this decision asks how sure the trainee is, and what they said so far.
    pub asks_confidence: bool,
    pub confidence: Option<Confidence>,
}

/// What the trainee is filling in on this screen (kept between frames).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlayForm {
    pub ticked: BTreeSet<String>,
    pub selected: Option<String>,
    /// The observation being named, and the search text.
    pub naming: Option<(String, String)>,
}

/// What the trainee asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlayAction {
    Engine(Action),
    /// Leave the scenario (it stays incomplete, and can be resumed).
    Leave,
}

impl PlayModel {
    /// The play screen for a session, in display order from its seed.
    pub fn of(session: &Session, mode: Mode) -> PlayModel {
        let p = session.playable();
        let s = &p.scenario;
        let cat = &p.catalogue;
        let scene = session.current();
        let kind = s.scene(scene);
        let observations = kind.map_or(&[][..], SceneKind::observations);
        let observations = session
            .observation_order(scene)
            .into_iter()
            // Only what is shown now: some things are said only once it is safe to say them.
            .filter(|&i| session.is_shown_now(i))
            .filter_map(|i| observations.get(i).map(|o| (i, o)))
            .map(|(i, o)| ObservationRow {
                id: o.id.clone(),
                text: o.text.clone(),
                flagged: session.is_flagged(scene, i),
                named: session
                    .named(scene, i)
                    .map(|n| cat.indicator(n).map_or(n, |x| x.label.as_str()).to_owned()),
            })
            .collect();
        let option =
            |id: &str, label: &str, description: &str, contact: Option<&String>| OptionRow {
                id: id.to_owned(),
                label: label.to_owned(),
                description: description.to_owned(),
                contact: contact.cloned(),
            };
        let (speaker, ask) = match kind {
            Some(SceneKind::Scene(sc)) => (
                sc.speaker.clone(),
                Ask::Choices(
                    session
                        .choice_order(scene)
                        .into_iter()
                        .filter(|&i| session.is_offered(i))
                        .filter_map(|i| {
                            sc.choices.get(i).map(|c| ChoiceRow {
                                index: i,
                                text: c.text.clone(),
                            })
                        })
                        .collect(),
                ),
            ),
            Some(SceneKind::Referral(r)) => (
                r.speaker.clone(),
                Ask::Referral(
                    session
                        .service_order(scene)
                        .into_iter()
                        .filter_map(|i| cat.services.get(i))
                        .map(|x| option(&x.id, &x.label, &x.description, x.contact.as_ref()))
                        .collect(),
                ),
            ),
            Some(SceneKind::Classify(c)) => (
                c.speaker.clone(),
                Ask::Classify(
                    session
                        .option_order(scene)
                        .into_iter()
                        .filter_map(|i| c.options.get(i))
                        .map(|id| match cat.case_type(id) {
                            Some(t) => option(id, &t.label, &t.description, None),
                            None => option(id, id, "", None),
                        })
                        .collect(),
                ),
            ),
            Some(SceneKind::Ending(_)) | None => (None, Ask::Over),
        };
        PlayModel {
            scenario_title: s.title.clone(),
            step: session.path().len() + 1,
            speaker,
            text: kind.map_or_else(String::new, |k| k.text().to_owned()),
            // The screen adds the picture once its texture is loaded.
            image: None,
            stage: None,
            observations,
            ask,
            // An assessment form gives no feedback while it is taken, whatever the mode.
            feedback: (mode == Mode::Practice && s.assessment.is_none())
                .then(|| last_feedback(session))
                .flatten(),
            indicators: cat
                .indicators
                .iter()
                .map(|i| option(&i.id, &i.label, &i.description, None))
                .collect(),
            asks_confidence: session.asks_confidence_now() && !session.is_over(),
            confidence: session.pending_confidence(),
        }
    }
}

/// Feedback on the last step of a session: the choice, referral or classification just made.
pub fn last_feedback(session: &Session) -> Option<Feedback> {
    let p = session.playable();
    let s = &p.scenario;
    match session.path().last()? {
        PathStep::Choice { scene, choice, .. } => {
            let SceneKind::Scene(sc) = s.scene(*scene)? else {
                return None;
            };
            let c = sc.choices.get(*choice)?;
            c.grade?;
            Some(Feedback {
                what: FeedbackWhat::Choice(c.text.clone()),
                grade: c.grade,
                text: c.feedback.clone().unwrap_or_default(),
                not_ticked: Vec::new(),
            })
        }
        PathStep::Referral { scene, record } => {
            let SceneKind::Referral(r) = s.scene(*scene)? else {
                return None;
            };
            let rec = session.referrals().get(*record)?;
            let not_ticked = r
                .services
                .iter()
                .filter(|(id, rating)| {
                    matches!(rating, Rating::Required | Rating::Recommended)
                        && !rec.services.iter().any(|t| t == id)
                })
                .map(|(id, _)| p.catalogue.label(id).to_owned())
                .collect();
            Some(Feedback {
                what: FeedbackWhat::Referral {
                    points: rec.points.max(0),
                    max: rec.max_points,
                },
                grade: None,
                text: r.feedback.clone().unwrap_or_default(),
                not_ticked,
            })
        }
        PathStep::Classify { scene, record } => {
            let SceneKind::Classify(c) = s.scene(*scene)? else {
                return None;
            };
            let rec = session.classifications().get(*record)?;
            Some(Feedback {
                what: if rec.correct {
                    FeedbackWhat::Right(p.catalogue.label(&rec.answer).to_owned())
                } else {
                    FeedbackWhat::NotQuite {
                        chose: p.catalogue.label(&rec.answer).to_owned(),
                        answer: p.catalogue.label(&c.answer).to_owned(),
                    }
                },
                grade: None,
                text: c.feedback.clone().unwrap_or_default(),
                not_ticked: Vec::new(),
            })
        }
    }
}

/// Draws the play screen; returns what the trainee did.
pub fn play_view(ui: &mut Ui, model: &PlayModel, form: &mut PlayForm) -> Option<PlayAction> {
    let mut action = None;
    let w = w(ui);
    egui::Panel::top("play_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&model.scenario_title).strong());
            ui.label(tr!(w, "play-step", step = model.step));
        });
    });
    if let Some(stage) = &model.stage {
        let layout = StageLayout::of(ui.max_rect());
        match layout {
            StageLayout::Beside(width) => {
                egui::Panel::right("play_art")
                    .resizable(false)
                    .exact_size(width)
                    .show(ui, |ui| stage_picture(ui, stage, layout));
            }
            StageLayout::Above(height) => {
                egui::Panel::top("play_art")
                    .resizable(false)
                    .exact_size(height)
                    .show(ui, |ui| stage_picture(ui, stage, layout));
            }
        }
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                if let Some(f) = &model.feedback {
                    feedback_box(ui, f);
                }
                if let Some(image) = model.image {
                    let width = ui.available_width().min(720.0);
                    let height = width * image.size.y / image.size.x.max(1.0);
                    ui.add(egui::Image::new(image).fit_to_exact_size(egui::vec2(width, height)));
                }
                if let Some(speaker) = &model.speaker {
                    ui.label(RichText::new(speaker).strong().italics());
                }
                ui.label(RichText::new(&model.text).size(18.0));
                ui.add_space(8.0);
                if !model.observations.is_empty()
                    && let Some(a) = observations(ui, model, form)
                {
                    action = Some(a);
                }
                ui.add_space(8.0);
                // A rated decision waits for the rating (one key or one click).
                let ready = !model.asks_confidence || model.confidence.is_some();
                if model.asks_confidence
                    && let Some(a) = confidence_row(ui, model.confidence)
                {
                    action = Some(a);
                }
                let asked = match &model.ask {
                    Ask::Choices(choices) => choice_buttons(ui, choices, ready),
                    Ask::Referral(services) => referral_form(ui, services, form, ready),
                    Ask::Classify(options) => classify_form(ui, options, form, ready),
                    Ask::Over => None,
                };
                if asked.is_some() {
                    action = asked;
                }
                ui.add_space(16.0);
                if ui
                    .small_button(tr!(w, "play-leave"))
                    .on_hover_text(tr!(w, "play-leave.hint"))
                    .clicked()
                {
                    action = Some(PlayAction::Leave);
                }
            });
    });
    action
}

/// The backdrop with the people over it, and their names under it.
fn stage_picture(ui: &mut Ui, stage: &StageModel, layout: StageLayout) {
    ui.add_space(8.0);
    let size = layout.backdrop();
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Image, true, &stage.alt));
    let painter = ui.painter_at(rect);
    match stage.place {
        Some(texture) => egui::Image::new((texture, size)).paint_at(ui, rect),
        // Not drawn yet: a calm plain rectangle, never an empty hole.
        None => {
            painter.rect_filled(rect, 4.0, Color32::from_rgb(0x4a, 0x55, 0x5e));
        }
    }
    let side = layout.figure(stage.people.len());
    let count = stage.people.len() as f32;
    for (i, figure) in stage.people.iter().enumerate() {
        let centre_x = rect.left() + rect.width() * (i as f32 + 1.0) / (count + 1.0);
        let at = Rect::from_min_size(
            egui::pos2(centre_x - side / 2.0, rect.bottom() - side),
            vec2(side, side),
        );
        let before = figure
            .fading
            .map_or(0.0, |(_, opacity)| opacity.clamp(0.0, 1.0));
        if let Some((texture, _)) = figure.fading {
            egui::Image::new((texture, at.size()))
                .tint(Color32::WHITE.gamma_multiply(before))
                .paint_at(ui, at);
        }
        if let Some(texture) = figure.texture {
            egui::Image::new((texture, at.size()))
                .tint(Color32::WHITE.gamma_multiply(1.0 - before))
                .paint_at(ui, at);
        }
    }
    if super::widgets::is_high_contrast(ui) {
        painter.rect_stroke(
            rect,
            4.0,
            egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
    if !stage.people.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.set_max_width(size.x);
            let names: Vec<&str> = stage.people.iter().map(|f| f.name.as_str()).collect();
            ui.label(RichText::new(names.join(" · ")).small());
        });
    }
}

fn feedback_box(ui: &mut Ui, f: &Feedback) {
    let w = w(ui);
    section(ui, &tr!(w, "play-feedback"), |ui| {
        ui.horizontal_wrapped(|ui| {
            if let Some(g) = f.grade {
                grade_badge(ui, g);
            }
            ui.label(RichText::new(f.what.words(w)).italics());
        });
        let mut text = f.text.clone();
        if !f.not_ticked.is_empty() {
            let list = f.not_ticked.join(", ");
            text = format!(
                "{text}\n{}",
                tr!(w, "play-feedback-not-ticked", list = list.as_str())
            );
        }
        if !text.is_empty() {
            ui.label(&text);
        }
    });
    ui.add_space(6.0);
}

fn observations(ui: &mut Ui, model: &PlayModel, form: &mut PlayForm) -> Option<PlayAction> {
    let mut action = None;
    let w = w(ui);
    section(ui, &tr!(w, "play-notice"), |ui| {
        ui.label(RichText::new(tr!(w, "play-notice-keys")).small().weak());
        let flag_key = !ui.ctx().text_edit_focused()
            && ui.input(|i| i.key_pressed(egui::Key::F) && i.modifiers.is_none());
        for row in &model.observations {
            let mut flagged = row.flagged;
            ui.horizontal_wrapped(|ui| {
                let response = ui.checkbox(&mut flagged, &row.text);
                if response.has_focus() && flag_key {
                    flagged = !row.flagged;
                }
                if flagged != row.flagged {
                    action = Some(PlayAction::Engine(if flagged {
                        Action::Flag(row.id.clone())
                    } else {
                        Action::Unflag(row.id.clone())
                    }));
                }
                if let Some(named) = &row.named {
                    ui.label(
                        RichText::new(tr!(w, "play-named", indicator = named.as_str())).italics(),
                    );
                }
                if row.flagged
                    && ui
                        .small_button(if row.named.is_some() {
                            tr!(w, "play-rename")
                        } else {
                            tr!(w, "play-name")
                        })
                        .clicked()
                {
                    form.naming = Some((row.id.clone(), String::new()));
                }
            });
            if form.naming.as_ref().is_some_and(|(id, _)| id == &row.id)
                && let Some(a) = indicator_picker(ui, model, form)
            {
                action = Some(a);
            }
        }
    });
    action
}

fn indicator_picker(ui: &mut Ui, model: &PlayModel, form: &mut PlayForm) -> Option<PlayAction> {
    let (observation, query) = form.naming.as_mut()?;
    let observation = observation.clone();
    let mut action = None;
    let mut close = false;
    let w = w(ui);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(tr!(w, "play-search"));
            let edit =
                ui.add(egui::TextEdit::singleline(query).hint_text(tr!(w, "play-search.hint")));
            edit.request_focus();
            if ui.button(tr!(w, "play-cancel")).clicked() {
                close = true;
            }
        });
        let q = query.to_lowercase();
        let matches: Vec<&OptionRow> = model
            .indicators
            .iter()
            .filter(|i| {
                q.is_empty()
                    || i.label.to_lowercase().contains(&q)
                    || i.description.to_lowercase().contains(&q)
                    || i.id.contains(&q)
            })
            .take(8)
            .collect();
        if matches.is_empty() {
            ui.label(RichText::new(tr!(w, "play-search-none")).weak());
        }
        for m in matches {
            if ui.button(&m.label).on_hover_text(&m.description).clicked() {
                action = Some(PlayAction::Engine(Action::Name(
                    observation.clone(),
                    m.id.clone(),
                )));
                close = true;
            }
        }
    });
    if close {
        form.naming = None;
    }
    action
}

/// The keys that rate a decision: Q, W, E for 50, 70, 90 %.
const CONFIDENCE_KEYS: [(egui::Key, Confidence); 3] = [
    (egui::Key::Q, Confidence::Fifty),
    (egui::Key::W, Confidence::Seventy),
    (egui::Key::E, Confidence::Ninety),
];

/// "How sure are you?": three levels, by click or by Q, W and E.
fn confidence_row(ui: &mut Ui, current: Option<Confidence>) -> Option<PlayAction> {
    let mut action = None;
    let w = w(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!(w, "play-confidence")).strong());
        for (key, level) in CONFIDENCE_KEYS {
            let text = format!("{} %  ({})", level.percent(), key.name());
            let button = egui::Button::selectable(current == Some(level), text);
            if ui.add(button).clicked() {
                action = Some(PlayAction::Engine(Action::Rate(level)));
            }
        }
        if current.is_none() {
            ui.label(RichText::new(tr!(w, "play-confidence-first")).weak());
        }
    });
    if !ui.ctx().text_edit_focused() {
        for (key, level) in CONFIDENCE_KEYS {
            if ui.input(|i| i.key_pressed(key) && i.modifiers.is_none()) && current != Some(level) {
                action = Some(PlayAction::Engine(Action::Rate(level)));
            }
        }
    }
    action
}

fn choice_buttons(ui: &mut Ui, choices: &[ChoiceRow], ready: bool) -> Option<PlayAction> {
    let mut action = None;
    let w = w(ui);
    section(ui, &tr!(w, "play-choices"), |ui| {
        for (n, c) in choices.iter().enumerate() {
            let text = if n < 9 {
                format!("{}.  {}", n + 1, c.text)
            } else {
                c.text.clone()
            };
            // The text starts at the left whatever its length, as in a list of options.
            let button =
                egui::Button::new((RichText::new(text).size(17.0), egui::Atom::grow())).wrap();
            if ui
                .add_enabled_ui(ready, |ui| {
                    ui.add_sized([ui.available_width(), 0.0], button)
                })
                .inner
                .clicked()
            {
                action = Some(PlayAction::Engine(Action::Choose(c.index)));
            }
        }
        if let Some(n) = pressed_number(ui, choices.len()).filter(|_| ready) {
            action = choices
                .get(n - 1)
                .map(|c| PlayAction::Engine(Action::Choose(c.index)));
        }
    });
    action
}

fn referral_form(
    ui: &mut Ui,
    services: &[OptionRow],
    form: &mut PlayForm,
    ready: bool,
) -> Option<PlayAction> {
    let mut action = None;
    let w = w(ui);
    section(ui, &tr!(w, "play-referral"), |ui| {
        for (n, s) in services.iter().enumerate() {
            let mut ticked = form.ticked.contains(&s.id);
            ui.horizontal_wrapped(|ui| {
                ui.checkbox(&mut ticked, RichText::new(&s.label).strong());
                if let Some(c) = &s.contact {
                    ui.label(
                        RichText::new(tr!(w, "play-referral-tel", number = c.as_str())).monospace(),
                    );
                }
            });
            if !s.description.is_empty() {
                ui.indent(("service", n), |ui| {
                    ui.label(RichText::new(&s.description).small());
                });
            }
            if ticked {
                form.ticked.insert(s.id.clone());
            } else {
                form.ticked.remove(&s.id);
            }
        }
        ui.add_space(6.0);
        let label = tr!(w, "play-referral-submit", n = form.ticked.len());
        let submit = ui.add_enabled(ready, egui::Button::new(RichText::new(label).strong()));
        if submit.clicked() || (ready && pressed_submit(ui)) {
            action = Some(PlayAction::Engine(Action::Refer(
                form.ticked.iter().cloned().collect(),
            )));
        }
        ui.label(RichText::new(tr!(w, "play-referral-keys")).small().weak());
    });
    action
}

fn classify_form(
    ui: &mut Ui,
    options: &[OptionRow],
    form: &mut PlayForm,
    ready: bool,
) -> Option<PlayAction> {
    let mut action = None;
    let w = w(ui);
    section(ui, &tr!(w, "play-classify"), |ui| {
        if let Some(n) = pressed_number(ui, options.len()) {
            form.selected = options.get(n - 1).map(|o| o.id.clone());
        }
        for (n, o) in options.iter().enumerate() {
            let text = format!("{}.  {}", n + 1, o.label);
            ui.radio_value(
                &mut form.selected,
                Some(o.id.clone()),
                RichText::new(text).strong(),
            );
            if !o.description.is_empty() {
                ui.indent(("case", n), |ui| {
                    ui.label(RichText::new(&o.description).small());
                });
            }
        }
        ui.add_space(6.0);
        let chosen = form.selected.clone();
        let confirm = ui.add_enabled(
            chosen.is_some() && ready,
            egui::Button::new(RichText::new(tr!(w, "play-classify-record")).strong()),
        );
        if let Some(id) = chosen
            && (confirm.clicked() || (ready && pressed_submit(ui)))
        {
            action = Some(PlayAction::Engine(Action::Classify(id)));
        }
        ui.label(RichText::new(tr!(w, "play-classify-keys")).small().weak());
    });
    action
}
