//! Playing a scenario: the scene, its observations, choices, referral and classification, and
//! its place and people (a face that changes fades into the new one in a fifth of a second).

use crate::app::art::{Art, ArtKey};
use crate::app::chrome::Chrome;
use crate::app::course::CourseSource;
use crate::app::flow::{Act, Active, Leave};
use crate::app::views::play::{Figure, PlayAction, PlayModel, StageLayout, StageModel, play_view};
use crate::app::{Screen, Trainee};
use crate::engine::session::Session;
use crate::i18n::Words;
use crate::scenario::model::{Face, SceneKind};
use crate::tr;
use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::collections::HashMap;
use std::time::Duration;

/// How long a changed face takes to fade into the new one.
const FADE: Duration = Duration::from_millis(200);

/// Scene images, decoded once (`None`: the file could not be read).
#[derive(Resource, Default)]
pub struct Textures(HashMap<String, Option<egui::TextureHandle>>);

/// The face each person showed last, and the face fading out after a change.
#[derive(Resource)]
pub struct Faces {
    session: String,
    shown: HashMap<String, (Face, Option<(Face, Instant)>)>,
    /// Print each change of face (with `MPA_TRAINER_TIMING`, for the screenshot script).
    tell: bool,
}

impl Default for Faces {
    fn default() -> Self {
        Faces {
            session: String::new(),
            shown: HashMap::new(),
            tell: std::env::var_os("MPA_TRAINER_TIMING").is_some(),
        }
    }
}

impl Faces {
    /// Notes the faces shown now; returns, per person, the face fading out and its opacity.
    fn update(
        &mut self,
        session: &str,
        now: &[crate::scenario::model::Shown],
        at: Instant,
    ) -> HashMap<String, (Face, f32)> {
        if self.session != session {
            self.session = session.to_owned();
            self.shown.clear();
        }
        // A person no longer shown starts afresh when seen again.
        self.shown
            .retain(|who, _| now.iter().any(|x| &x.who == who));
        let mut fading = HashMap::new();
        for x in now {
            let entry = self.shown.entry(x.who.clone()).or_insert((x.face, None));
            if entry.0 != x.face {
                if self.tell {
                    eprintln!("reaction: {} {:?} -> {:?}", x.who, entry.0, x.face);
                }
                *entry = (x.face, Some((entry.0, at)));
            }
            if let Some((before, since)) = entry.1 {
                let gone = at.saturating_duration_since(since).as_secs_f32() / FADE.as_secs_f32();
                if gone < 1.0 {
                    fading.insert(x.who.clone(), (before, 1.0 - gone));
                } else {
                    entry.1 = None;
                }
            }
        }
        fading
    }
}

/// The picture of the current scene, with the textures drawn so far (asking for the others);
/// its description in words `w`.
fn stage_of(
    w: &Words,
    session: &Session,
    art: &mut Art,
    faces: &mut Faces,
    area: egui::Rect,
    pixels_per_point: f32,
) -> Option<StageModel> {
    let scenario = &session.playable().scenario;
    let staging = scenario.scene(session.current())?.staging();
    let place = staging.place?;
    let layout = StageLayout::of(area);
    let now = session.faces_now();
    let key = format!("{}:{}", scenario.id, session.seed());
    let fading = faces.update(&key, &now, Instant::now());
    let backdrop = layout.backdrop().x * pixels_per_point;
    let side = layout.figure(now.len()) * pixels_per_point;
    let mut alt = staging.alt.unwrap_or_default().to_owned();
    let people = now
        .iter()
        .filter_map(|x| {
            let person = scenario.person(&x.who)?;
            let key = |face| ArtKey::Person {
                look: person.look.clone(),
                face,
            };
            let before = staging
                .shown
                .iter()
                .find(|s| s.who == x.who)
                .map(|s| s.face);
            if before != Some(x.face) {
                alt.push(' ');
                alt.push_str(&looks(w, &person.name, x.face));
            }
            Some(Figure {
                name: person.name.clone(),
                face: x.face,
                texture: art.texture(&key(x.face), side),
                fading: fading
                    .get(&x.who)
                    .and_then(|(face, opacity)| Some((art.texture(&key(*face), side)?, *opacity))),
            })
        })
        .collect();
    Some(StageModel {
        place: art.texture(&ArtKey::Place(place), backdrop),
        people,
        alt,
    })
}

/// A person's new face in words, for the screen reader's description ("Ana now looks relieved.").
fn looks(w: &Words, name: &str, face: Face) -> String {
    match face {
        Face::Calm => tr!(w, "play-looks-calm", name = name),
        Face::Afraid => tr!(w, "play-looks-afraid", name = name),
        Face::Wary => tr!(w, "play-looks-wary", name = name),
        Face::Sad => tr!(w, "play-looks-sad", name = name),
        Face::Relieved => tr!(w, "play-looks-relieved", name = name),
        Face::Angry => tr!(w, "play-looks-angry", name = name),
    }
}

/// Registers the play screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<Textures>()
        .init_resource::<Faces>()
        .add_systems(
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
    let bytes = crate::files::read(&full).ok()?;
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
    (mut textures, art, mut faces): (ResMut<Textures>, Option<ResMut<Art>>, ResMut<Faces>),
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let Some(playing) = active.0.as_mut() else {
        return Ok(());
    };
    let mut model = PlayModel::of(&playing.session, trainee.mode);
    if let Some(mut art) = art
        && chrome.art()
    {
        art.receive(&ctx);
        model.stage = stage_of(
            crate::app::words::words(&ctx),
            &playing.session,
            &mut art,
            &mut faces,
            ctx.content_rect(),
            ctx.pixels_per_point(),
        );
        if art.waiting_here()
            || model
                .stage
                .as_ref()
                .is_some_and(|s| s.people.iter().any(|f| f.fading.is_some()))
        {
            ctx.request_repaint();
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::Shown;

    fn shown(who: &str, face: Face) -> Shown {
        Shown {
            who: who.to_owned(),
            face,
        }
    }

    #[test]
    fn a_changed_face_fades_out_within_the_fade_then_stays_still() {
        let mut faces = Faces::default();
        let t0 = Instant::now();
        assert!(
            faces
                .update("s:1", &[shown("ana", Face::Afraid)], t0)
                .is_empty()
        );
        // The next scene shows her relieved: the old face fades out from fully opaque.
        let fading = faces.update("s:1", &[shown("ana", Face::Relieved)], t0);
        assert_eq!(fading.get("ana"), Some(&(Face::Afraid, 1.0)));
        let half = faces.update("s:1", &[shown("ana", Face::Relieved)], t0 + FADE / 2);
        let (_, opacity) = half["ana"];
        assert!((opacity - 0.5).abs() < 0.01, "{opacity}");
        // Once the fade is over nothing fades, so nothing asks for another frame.
        assert!(
            faces
                .update("s:1", &[shown("ana", Face::Relieved)], t0 + FADE)
                .is_empty()
        );
        assert!(
            faces
                .update("s:1", &[shown("ana", Face::Relieved)], t0 + FADE * 3)
                .is_empty()
        );
    }

    #[test]
    fn someone_newly_shown_or_a_new_session_does_not_fade() {
        let mut faces = Faces::default();
        let t0 = Instant::now();
        faces.update("s:1", &[shown("ana", Face::Afraid)], t0);
        // Ana leaves the picture, then comes back with another face: no fade from before.
        faces.update("s:1", &[shown("boss", Face::Wary)], t0);
        assert!(
            faces
                .update("s:1", &[shown("ana", Face::Calm)], t0)
                .is_empty()
        );
        // Another session starts afresh.
        assert!(
            faces
                .update("s:2", &[shown("ana", Face::Sad)], t0)
                .is_empty()
        );
    }
}
