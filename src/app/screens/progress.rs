//! A participant's own progress, and the next scenario to practise.

use crate::app::chrome::Chrome;
use crate::app::course::Course;
use crate::app::flow::{GoTo, StartScenario, scenario_list};
use crate::app::views::progress::{ProgressAction, ProgressModel, progress_view};
use crate::app::{ResultsDir, Screen, Trainee};
use crate::practice::History;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The progress of the participant, read when the screen opens.
#[derive(Resource, Default)]
pub struct Progress(pub ProgressModel);

/// Registers the progress screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .add_systems(OnEnter(Screen::Progress), read_progress)
        .add_systems(
            EguiPrimaryContextPass,
            progress_ui.run_if(in_state(Screen::Progress)),
        );
}

fn read_progress(
    trainee: Res<Trainee>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    plan: Res<crate::app::flow::ActivePlan>,
    settings: Res<crate::app::settings::Settings>,
    mut progress: ResMut<Progress>,
) {
    let history = History::read(&dir.0, &trainee.participant);
    let list = scenario_list(&course, &plan, settings.language);
    progress.0 = ProgressModel::of(
        &trainee.participant,
        &history,
        &course.library,
        &list,
        time::OffsetDateTime::now_utc(),
    );
}

fn progress_ui(
    mut contexts: EguiContexts,
    mut chrome: Chrome,
    progress: Res<Progress>,
    mut trainee: ResMut<Trainee>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    match chrome.frame(&ctx, |ui| progress_view(ui, &progress.0)) {
        Some(ProgressAction::Back) => commands.trigger(GoTo(Screen::Start)),
        Some(ProgressAction::Practise(id)) => {
            trainee.mode = crate::record::Mode::Practice;
            commands.trigger(StartScenario(id));
        }
        None => {}
    }
    Ok(())
}
