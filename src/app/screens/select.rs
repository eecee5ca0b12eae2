//! Choosing a scenario: cards with the trainee's best result, and broken files with their error.

use crate::app::chrome::Chrome;
use crate::app::course::Course;
use crate::app::flow::{FlowNotice, GoTo, StartScenario, scenario_list};
use crate::app::views::select::{BrokenCard, Card, SelectAction, SelectModel, select_view};
use crate::app::{ResultsDir, Screen, Trainee};
use crate::record::index::best_results;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::collections::HashMap;

/// The trainee's best results, read when the screen opens.
#[derive(Resource, Default)]
pub struct BestResults(pub HashMap<String, (f64, bool)>);

/// Registers the scenario list.
pub fn plugin(app: &mut App) {
    app.init_resource::<BestResults>()
        .add_systems(OnEnter(Screen::Select), read_best_results)
        .add_systems(EguiPrimaryContextPass, select_ui.run_if(in_state(Screen::Select)));
}

fn read_best_results(trainee: Res<Trainee>, dir: Res<ResultsDir>, mut best: ResMut<BestResults>) {
    best.0 = best_results(&dir.0, &trainee.participant, trainee.mode);
}

/// The scenario list as the view shows it.
pub fn select_model(course: &Course, trainee: &Trainee, best: &BestResults, notice: Option<String>) -> SelectModel {
    let cards = scenario_list(course)
        .iter()
        .map(|p| {
            let s = &p.scenario;
            Card {
                id: s.id.clone(),
                title: s.title.clone(),
                summary: s.summary.clone(),
                minutes: s.minutes,
                tags: s.tags.clone(),
                best: best.0.get(&s.id).copied(),
            }
        })
        .collect();
    let broken = course
        .library
        .entries
        .iter()
        .filter(|e| e.playable.is_none())
        .map(|e| BrokenCard {
            file: e.title.clone().map_or_else(|| e.path.display().to_string(), |t| format!("{t} ({})", e.path.display())),
            error: e.first_error().map_or_else(|| "cannot be played".to_owned(), ToString::to_string),
        })
        .collect();
    SelectModel {
        participant: trainee.participant.clone(),
        mode_label: trainee.mode.label().to_owned(),
        cards,
        broken,
        suggestion: None,
        notice: notice.or_else(|| course.notice.clone()),
    }
}

fn select_ui(
    mut contexts: EguiContexts,
    mut chrome: Chrome,
    course: Res<Course>,
    trainee: Res<Trainee>,
    best: Res<BestResults>,
    notice: Res<FlowNotice>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let model = select_model(&course, &trainee, &best, notice.0.clone());
    match chrome.frame(&ctx, |ui| select_view(ui, &model)) {
        Some(SelectAction::Play(id)) => commands.trigger(StartScenario(id)),
        Some(SelectAction::Back) => commands.trigger(GoTo(Screen::Start)),
        None => {}
    }
    Ok(())
}
