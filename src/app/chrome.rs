//! What every screen shares: the theme, the text size (Ctrl + and Ctrl −, kept between runs),
//! high contrast (F2), and a status bar that says when results are not saved.

use super::flow::{Active, FlowNotice, RetrySave, Unsaved, save_problem};
use super::sending::{FinishLaunch, LmsStage, Sending};
use super::settings::Settings;
use super::views::widgets::{apply_theme, background, install_fonts};
use crate::i18n::Words;
use crate::lrs::launch::LaunchError;
use crate::lrs::{LrsError, SenderStatus};
use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use egui::{RichText, Ui};

/// The sentence about unsaved results, refreshed before each frame is drawn.
#[derive(Resource, Default, Debug, Clone, PartialEq, Eq)]
pub struct SaveProblem(pub Option<String>);

/// A window whose closing waits for the trainee's answer, because something is not saved.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseWaiting(pub Option<Entity>);

/// Registers the shared parts.
pub fn plugin(app: &mut App) {
    app.init_resource::<SaveProblem>()
        .init_resource::<CloseWaiting>()
        .init_resource::<FinishButton>()
        // The window plugin registers these too; without a window (tests) they come from here.
        .add_message::<bevy::window::WindowCloseRequested>()
        .add_message::<bevy::window::RequestRedraw>()
        .add_systems(Update, (refresh_save_problem, guard_close).chain())
        .add_plugins(super::flow::retry_plugin);
}

/// Closes the window when asked, unless records are only in memory: then it asks first (the
/// window plugin's own closing is off).
fn guard_close(
    mut requests: MessageReader<bevy::window::WindowCloseRequested>,
    closing: Query<Entity, With<bevy::window::ClosingWindow>>,
    problem: Res<SaveProblem>,
    mut waiting: ResMut<CloseWaiting>,
    mut commands: Commands,
) {
    for window in &closing {
        commands.entity(window).despawn();
    }
    for request in requests.read() {
        if problem.0.is_none() {
            close(&mut commands, request.window);
        } else {
            waiting.0 = Some(request.window);
        }
    }
}

/// Marks a window to close; it goes on the next frame, which this asks for.
fn close(commands: &mut Commands, window: Entity) {
    commands
        .entity(window)
        .try_insert(bevy::window::ClosingWindow);
    commands.write_message(bevy::window::RequestRedraw);
}

fn refresh_save_problem(
    active: Res<Active>,
    unsaved: Res<Unsaved>,
    settings: Res<Settings>,
    mut problem: ResMut<SaveProblem>,
) {
    let now = save_problem(&active, &unsaved, crate::i18n::words(settings.language));
    if problem.0 != now {
        problem.0 = now;
    }
}

/// The window's clear colour: the theme's background, which egui's panels leave unfilled.
pub fn clear_colour(high_contrast: bool) -> Color {
    let [r, g, b, _] = background(high_contrast).to_array();
    Color::srgb_u8(r, g, b)
}

/// What the status bar says about sending results to the LRS (nothing when none is set, or all
/// is sent).
pub fn sending_words_in(w: &Words, status: &SenderStatus) -> Option<String> {
    if !status.configured {
        return None;
    }
    let mut words = Vec::new();
    if status.waiting > 0 {
        words.push(tr!(w, "sending-waiting", n = status.waiting));
    }
    match &status.problem {
        Some(LrsError::Unauthorized(_)) => words.push(tr!(w, "sending-unauthorized")),
        Some(LrsError::Unreachable(_)) => words.push(tr!(w, "sending-unreachable")),
        Some(LrsError::Server(..)) => words.push(tr!(w, "sending-server")),
        Some(_) | None => {}
    }
    if status.refused > 0 {
        words.push(tr!(w, "sending-refused", n = status.refused));
    }
    (!words.is_empty()).then(|| words.join("; "))
}

/// Why an LMS's launch cannot be used, in the trainee's words.
pub fn launch_words_in(w: &Words, problem: &LaunchError) -> String {
    let value = |v: &str| v.to_owned();
    let detail = match problem {
        LaunchError::Endpoint(e) => tr!(
            w,
            "launch-endpoint",
            value = super::views::facilitator::endpoint_words(w, e)
        ),
        LaunchError::NoFetch => tr!(w, "launch-no-fetch"),
        LaunchError::Fetch(v) => tr!(w, "launch-fetch", value = value(v)),
        LaunchError::Actor(v) => tr!(w, "launch-actor", value = value(v)),
        LaunchError::Participant(v) => tr!(w, "launch-participant", value = value(v)),
        LaunchError::Registration(v) => tr!(w, "launch-registration", value = value(v)),
        LaunchError::Activity(v) => tr!(w, "launch-activity", value = value(v)),
        LaunchError::Token(v) => tr!(w, "launch-token", value = value(v)),
        LaunchError::LaunchData(v) => tr!(w, "launch-data", value = value(v)),
    };
    tr!(w, "launch-problem", detail = detail)
}

/// What the trainee answered when asked about closing with unsaved records.
enum CloseAnswer {
    Retry,
    Stay,
    Close,
}

/// Where the button that finishes an LMS's launch is drawn (its centre), if it is: the browser
/// test reads it from the page.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq)]
pub struct FinishButton(pub Option<[f32; 2]>);

/// The shared frame of every screen.
#[derive(SystemParam)]
pub struct Chrome<'w, 's> {
    settings: ResMut<'w, Settings>,
    problem: Res<'w, SaveProblem>,
    notice: Res<'w, FlowNotice>,
    sending: Option<Res<'w, Sending>>,
    waiting: ResMut<'w, CloseWaiting>,
    clear: ResMut<'w, ClearColor>,
    screen: Option<Res<'w, State<super::Screen>>>,
    finish_button: ResMut<'w, FinishButton>,
    applied: Local<'s, Option<Settings>>,
    commands: Commands<'w, 's>,
}

impl Chrome<'_, '_> {
    /// Whether the trainee wants the people and places drawn.
    pub fn art(&self) -> bool {
        self.settings.art
    }

    /// The language the trainee chose.
    pub fn language(&self) -> crate::i18n::Lang {
        self.settings.language
    }

    /// Speaks another language from the next frame on (remembered).
    pub fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.settings.language = lang;
    }

    /// The question asked when the window is closed while records are only in memory.
    fn ask_before_closing(&mut self, ctx: &egui::Context, window: Entity) {
        let problem = self.problem.0.clone();
        let answer = egui::Modal::new("close_unsaved".into())
            .show(ctx, |ui| {
                ui.set_max_width(560.0);
                let w = crate::app::words::w(ui);
                ui.heading(tr!(w, "close-unsaved-heading"));
                if let Some(p) = &problem {
                    ui.label(p);
                }
                ui.label(tr!(w, "close-unsaved-explain"));
                ui.horizontal(|ui| {
                    if ui.button(tr!(w, "save-retry")).clicked() {
                        Some(CloseAnswer::Retry)
                    } else if ui.button(tr!(w, "close-keep-working")).clicked() {
                        Some(CloseAnswer::Stay)
                    } else if ui.button(tr!(w, "close-lose")).clicked() {
                        Some(CloseAnswer::Close)
                    } else {
                        None
                    }
                })
                .inner
            })
            .inner;
        match answer {
            Some(CloseAnswer::Retry) => self.commands.trigger(RetrySave),
            Some(CloseAnswer::Stay) => self.waiting.0 = None,
            Some(CloseAnswer::Close) => {
                self.waiting.0 = None;
                close(&mut self.commands, window);
            }
            None => {}
        }
        // Saved in the meantime: close as asked.
        if problem.is_none() {
            self.waiting.0 = None;
            close(&mut self.commands, window);
        }
    }

    /// Draws the status bar, then the screen's content in the rest of the window.
    pub fn frame<R>(&mut self, ctx: &egui::Context, content: impl FnOnce(&mut Ui) -> R) -> R {
        if ctx.input(|i| i.key_pressed(egui::Key::F2)) {
            self.settings.high_contrast = !self.settings.high_contrast;
        }
        if self.applied.is_none() {
            install_fonts(ctx);
        }
        if *self.applied != Some(*self.settings) {
            crate::app::words::set_lang(ctx, self.settings.language);
            apply_theme(ctx, self.settings.high_contrast);
            self.clear.0 = clear_colour(self.settings.high_contrast);
            if self.applied.is_none_or(|a| a.zoom != self.settings.zoom) {
                ctx.set_zoom_factor(self.settings.zoom);
            }
            if self.applied.is_some() {
                self.settings.save();
            }
            *self.applied = Some(*self.settings);
        }
        // The screen first and the status bar after it, so that Tab starts in the screen.
        let full = ctx.viewport_rect();
        // The status bar is as tall as it was last drawn: one row on a desktop, more where it
        // wraps (a phone, a long notice).
        let bar_height = egui::Id::new("status-bar-height");
        let bar = ctx.data(|d| d.get_temp::<f32>(bar_height)).unwrap_or(40.0);
        let split = (full.max.y - bar).max(full.min.y);
        let mut screen = Ui::new(
            ctx.clone(),
            "screen".into(),
            egui::UiBuilder::new()
                .layer_id(egui::LayerId::background())
                .max_rect(egui::Rect::from_min_max(
                    full.min,
                    egui::pos2(full.max.x, split),
                )),
        );
        let out = content(&mut screen);
        let mut status = Ui::new(
            ctx.clone(),
            "status".into(),
            egui::UiBuilder::new()
                .layer_id(egui::LayerId::background())
                .max_rect(egui::Rect::from_min_max(
                    egui::pos2(full.min.x, split),
                    full.max,
                )),
        );
        let mut retry = false;
        let mut finish = false;
        let mut finish_at = None;
        // A launch is finished between scenarios, not in the middle of one.
        let playing = self
            .screen
            .as_ref()
            .is_some_and(|s| *s.get() == super::Screen::Play);
        let stage = self.sending.as_ref().map_or(LmsStage::None, |s| s.lms);
        egui::Frame::new()
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(&mut status, |ui| {
                ui.set_width(ui.available_width());
                ui.separator();
                let w = crate::app::words::w(ui);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(tr!(w, "status-text-size")).small());
                    if ui
                        .small_button("A−")
                        .on_hover_text(tr!(w, "status-smaller"))
                        .clicked()
                    {
                        egui::gui_zoom::zoom_out(ctx);
                    }
                    if ui
                        .small_button("A+")
                        .on_hover_text(tr!(w, "status-larger"))
                        .clicked()
                    {
                        egui::gui_zoom::zoom_in(ctx);
                    }
                    let mut hc = self.settings.high_contrast;
                    if ui
                        .checkbox(&mut hc, tr!(w, "status-high-contrast"))
                        .changed()
                    {
                        self.settings.high_contrast = hc;
                    }
                    let mut art = self.settings.art;
                    if ui
                        .checkbox(&mut art, tr!(w, "status-pictures"))
                        .on_hover_text(tr!(w, "status-pictures-hint"))
                        .changed()
                    {
                        self.settings.art = art;
                    }
                    if let Some(p) = &self.problem.0 {
                        ui.separator();
                        ui.label(RichText::new(p).strong());
                        retry = ui.button(tr!(w, "save-retry")).clicked();
                    }
                    if let Some(n) = &self.notice.0 {
                        ui.separator();
                        ui.label(RichText::new(n).strong());
                    }
                    if let Some(words) = self
                        .sending
                        .as_ref()
                        .and_then(|s| sending_words_in(w, &s.status))
                    {
                        ui.separator();
                        ui.label(words);
                    }
                    if let Some(p) = self
                        .sending
                        .as_ref()
                        .and_then(|s| s.launch_problem.as_ref())
                    {
                        ui.separator();
                        ui.label(RichText::new(launch_words_in(w, p)).strong());
                    }
                    match stage {
                        LmsStage::Open if !playing => {
                            ui.separator();
                            let button = ui
                                .button(tr!(w, "lms-finish"))
                                .on_hover_text(tr!(w, "lms-finish-hint"));
                            finish_at = Some(button.rect.center().into());
                            finish = button.clicked();
                        }
                        LmsStage::Finishing => {
                            ui.separator();
                            ui.label(tr!(w, "lms-finishing"));
                        }
                        LmsStage::Finished => {
                            ui.separator();
                            ui.label(RichText::new(tr!(w, "lms-finished")).strong());
                        }
                        LmsStage::Open | LmsStage::None => {}
                    }
                });
            });
        let drawn = status.min_rect().height().max(40.0);
        if (drawn - bar).abs() > 0.5 {
            ctx.data_mut(|d| d.insert_temp(bar_height, drawn));
            ctx.request_repaint();
        }
        if let Some(window) = self.waiting.0 {
            self.ask_before_closing(ctx, window);
        }
        if retry {
            self.commands.trigger(RetrySave);
        }
        if finish {
            self.commands.trigger(FinishLaunch);
        }
        self.finish_button.set_if_neq(FinishButton(finish_at));
        let zoom = ctx.zoom_factor();
        if (zoom - self.settings.zoom).abs() > f32::EPSILON {
            self.settings.zoom = zoom;
        }
        out
    }
}
