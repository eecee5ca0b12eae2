//! What every screen shares: the theme, the text size (Ctrl + and Ctrl −, kept between runs),
//! high contrast (F2), and a status bar that says when results are not saved.

use super::flow::{Active, FlowNotice, RetrySave, Unsaved, save_problem};
use super::settings::Settings;
use super::views::widgets::{apply_theme, install_fonts};
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use egui::{RichText, Ui};

/// The sentence about unsaved results, refreshed before each frame is drawn.
#[derive(Resource, Default, Debug, Clone, PartialEq, Eq)]
pub struct SaveProblem(pub Option<String>);

/// Registers the shared parts.
pub fn plugin(app: &mut App) {
    app.init_resource::<SaveProblem>()
        .add_systems(Update, refresh_save_problem)
        .add_plugins(super::flow::retry_plugin);
}

fn refresh_save_problem(
    active: Res<Active>,
    unsaved: Res<Unsaved>,
    mut problem: ResMut<SaveProblem>,
) {
    let now = save_problem(&active, &unsaved);
    if problem.0 != now {
        problem.0 = now;
    }
}

/// The shared frame of every screen.
#[derive(SystemParam)]
pub struct Chrome<'w, 's> {
    settings: ResMut<'w, Settings>,
    problem: Res<'w, SaveProblem>,
    notice: Res<'w, FlowNotice>,
    applied: Local<'s, Option<Settings>>,
    commands: Commands<'w, 's>,
}

impl Chrome<'_, '_> {
    /// Draws the status bar, then the screen's content in the rest of the window.
    pub fn frame<R>(&mut self, ctx: &egui::Context, content: impl FnOnce(&mut Ui) -> R) -> R {
        if ctx.input(|i| i.key_pressed(egui::Key::F2)) {
            self.settings.high_contrast = !self.settings.high_contrast;
        }
        if self.applied.is_none() {
            install_fonts(ctx);
        }
        if *self.applied != Some(*self.settings) {
            apply_theme(ctx, self.settings.high_contrast);
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
        let bar = 40.0;
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
        let fill = status.visuals().panel_fill;
        egui::Frame::new()
            .fill(fill)
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(&mut status, |ui| {
                ui.set_width(ui.available_width());
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Text size").small());
                    if ui
                        .small_button("A−")
                        .on_hover_text("Smaller text (Ctrl −)")
                        .clicked()
                    {
                        egui::gui_zoom::zoom_out(ctx);
                    }
                    if ui
                        .small_button("A+")
                        .on_hover_text("Larger text (Ctrl +)")
                        .clicked()
                    {
                        egui::gui_zoom::zoom_in(ctx);
                    }
                    let mut hc = self.settings.high_contrast;
                    if ui.checkbox(&mut hc, "High contrast (F2)").changed() {
                        self.settings.high_contrast = hc;
                    }
                    if let Some(p) = &self.problem.0 {
                        ui.separator();
                        ui.label(RichText::new(p).strong());
                        retry = ui.button("Try saving again").clicked();
                    }
                    if let Some(n) = &self.notice.0 {
                        ui.separator();
                        ui.label(RichText::new(n).strong());
                    }
                });
            });
        if retry {
            self.commands.trigger(RetrySave);
        }
        let zoom = ctx.zoom_factor();
        if (zoom - self.settings.zoom).abs() > f32::EPSILON {
            self.settings.zoom = zoom;
        }
        out
    }
}
