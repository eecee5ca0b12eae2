//! Playing a scenario: the scene, its observations, choices, referral and classification.

use crate::app::chrome::Chrome;
use crate::app::course::CourseSource;
use crate::app::flow::{Act, Active, Leave};
use crate::app::views::play::{PlayAction, PlayModel, play_view};
use crate::app::{Screen, Trainee};
use crate::scenario::model::SceneKind;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::collections::HashMap;

/// Scene images, decoded once (`None`: the file could not be read).
#[derive(Resource, Default)]
pub struct Textures(HashMap<String, Option<egui::TextureHandle>>);

/// Registers the play screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<Textures>().add_systems(
        EguiPrimaryContextPass,
        play_ui.run_if(in_state(Screen::Play)),
    );
}

fn load_texture(
    ctx: &egui::Context,
    source: &CourseSource,
    path: &str,
) -> Option<egui::TextureHandle> {
    let full = source.options.assets.as_ref()?.join(path);
    let bytes = std::fs::read(full).ok()?;
    let image = image::load_from_memory(&bytes).ok()?.to_rgba8();
    let size = [image.width() as usize, image.height() as usize];
    let colour = egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw());
    Some(ctx.load_texture(path, colour, egui::TextureOptions::LINEAR))
}

fn play_ui(
    mut contexts: EguiContexts,
    mut chrome: Chrome,
    mut active: ResMut<Active>,
    trainee: Res<Trainee>,
    source: Res<CourseSource>,
    mut textures: ResMut<Textures>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let Some(playing) = active.0.as_mut() else {
        return Ok(());
    };
    let mut model = PlayModel::of(&playing.session, trainee.mode);
    let scene = playing.session.current();
    if let Some(SceneKind::Scene(s)) = playing.session.playable().scenario.scene(scene)
        && let Some(path) = &s.image
    {
        let handle = textures
            .0
            .entry(path.clone())
            .or_insert_with(|| load_texture(&ctx, &source, path));
        model.image = handle.as_ref().map(egui::load::SizedTexture::from_handle);
    }
    let form = &mut playing.form;
    match chrome.frame(&ctx, |ui| play_view(ui, &model, form)) {
        Some(PlayAction::Engine(action)) => commands.trigger(Act(action)),
        Some(PlayAction::Leave) => commands.trigger(Leave),
        None => {}
    }
    Ok(())
}
