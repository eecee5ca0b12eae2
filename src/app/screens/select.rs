//! Choosing a scenario: cards with the trainee's best result, and broken files with their error.

use crate::app::chrome::Chrome;
use crate::app::course::Course;
use crate::app::flow::{ActivePlan, FlowNotice, GoTo, StartScenario, scenario_list};
use crate::app::views::progress::{Due, due_topics};
use crate::app::views::select::{
    BrokenCard, Card, SelectAction, SelectModel, SelectNotice, select_view,
};
use crate::app::{ResultsDir, Screen, Trainee};
use crate::practice::{History, suggest_due};
use crate::record::Mode;
use crate::record::index::best_results;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::collections::HashMap;

/// The trainee's best results and, in Practice mode, the suggested scenario: read when the
/// screen opens.
#[derive(Resource, Default)]
pub struct BestResults {
    pub best: HashMap<String, (f64, bool)>,
    pub suggestion: Option<(String, crate::practice::Reason)>,
    /// What is due for review today (labels in place), and whether the delayed form is due.
    pub due: Vec<Due>,
    pub delayed_form_due: bool,
}

/// Registers the scenario list.
pub fn plugin(app: &mut App) {
    app.init_resource::<BestResults>()
        .add_systems(OnEnter(Screen::Select), read_best_results)
        .add_systems(
            EguiPrimaryContextPass,
            select_ui.run_if(in_state(Screen::Select)),
        );
}

fn read_best_results(
    trainee: Res<Trainee>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    plan: Res<ActivePlan>,
    mut best: ResMut<BestResults>,
) {
    best.best = best_results(&dir.0, &trainee.participant, trainee.mode);
    let history = History::read(&dir.0, &trainee.participant);
    let library = &course.library;
    let now = time::OffsetDateTime::now_utc();
    let schedule = crate::spacing::schedule_in(Some(library), &history.sessions, now);
    best.due = due_topics(&schedule, library);
    best.delayed_form_due = schedule.delayed_form_due(now);
    let due: Vec<&str> = schedule.due_indicators().collect();
    best.suggestion = (trainee.mode == Mode::Practice)
        .then(|| {
            // Only the ids are read: any language gives the same list.
            suggest_due(
                &history,
                &scenario_list(&course, &plan, crate::i18n::Lang::default()),
                &due,
            )
            .into_iter()
            .next()
        })
        .flatten()
        .map(|s| (s.scenario, s.reason));
}

/// The scenario list as the view shows it.
pub fn select_model(
    course: &Course,
    plan: &ActivePlan,
    trainee: &Trainee,
    best: &BestResults,
    notice: Option<String>,
    lang: crate::i18n::Lang,
) -> SelectModel {
    let list = scenario_list(course, plan, lang);
    let cards: Vec<Card> = list
        .iter()
        .map(|p| {
            let s = &p.scenario;
            Card {
                id: s.id.clone(),
                title: s.title.clone(),
                summary: s.summary.clone(),
                minutes: s.minutes,
                tags: s.tags.clone(),
                best: best.best.get(&s.id).copied(),
            }
        })
        .collect();
    let broken = course
        .library
        .entries
        .iter()
        .filter(|e| e.playable.is_none())
        .map(|e| BrokenCard {
            file: e.title.clone().map_or_else(
                || e.path.display().to_string(),
                |t| format!("{t} ({})", e.path.display()),
            ),
            error: e.first_error().map(ToString::to_string),
        })
        .collect();
    let suggestion = best.suggestion.as_ref().and_then(|(id, why)| {
        let i = cards.iter().position(|c| &c.id == id)?;
        let labelled = list
            .get(i)
            .map(|p| crate::app::views::reasons::labelled(why, &p.catalogue))?;
        Some((i, labelled))
    });
    SelectModel {
        cards,
        participant: trainee.participant.clone(),
        mode: trainee.mode,
        broken,
        suggestion,
        due: best.due.clone(),
        delayed_form_due: best.delayed_form_due,
        notice: notice
            .map(SelectNotice::Text)
            .or_else(|| {
                plan.plan().map(|p| {
                    SelectNotice::Plan(if p.title.is_empty() {
                        p.code.clone()
                    } else {
                        p.title.clone()
                    })
                })
            })
            .or_else(|| course.notice.clone().map(SelectNotice::Text)),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes its resources as parameters" // i18n-ok
)]
fn select_ui(
    mut contexts: EguiContexts,
    mut chrome: Chrome,
    course: Res<Course>,
    trainee: Res<Trainee>,
    best: Res<BestResults>,
    notice: Res<FlowNotice>,
    plan: Res<ActivePlan>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let model = select_model(
        &course,
        &plan,
        &trainee,
        &best,
        notice.0.clone(),
        chrome.language(),
    );
    match chrome.frame(&ctx, |ui| select_view(ui, &model)) {
        Some(SelectAction::Play(id)) => commands.trigger(StartScenario(id)),
        Some(SelectAction::Back) => commands.trigger(GoTo(Screen::Start)),
        None => {}
    }
    Ok(())
}
