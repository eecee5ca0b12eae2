//! The start screen: participant code, mode, interrupted sessions, the facilitator's way in.

use crate::app::chrome::Chrome;
use crate::app::course::Course;
use crate::app::flow::{Begin, GoTo, Resume};
use crate::app::views::start::{Resumable, StartAction, StartForm, StartModel, start_view};
use crate::app::{ResultsDir, Screen, Trainee};
use crate::record::index::{Interrupted, interrupted};
use crate::record::is_valid_participant;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// What the start screen keeps between frames.
#[derive(Resource, Default)]
pub struct StartState {
    pub form: StartForm,
    resumable: Vec<Interrupted>,
    scanned_for: Option<String>,
}

/// Registers the start screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<StartState>()
        .add_systems(OnEnter(Screen::Start), forget_scan)
        .add_systems(
            EguiPrimaryContextPass,
            start_ui.run_if(in_state(Screen::Start)),
        );
}

fn forget_scan(mut state: ResMut<StartState>, trainee: Res<Trainee>) {
    state.scanned_for = None;
    if state.form.participant.is_empty() {
        state.form.participant = trainee.participant.clone();
        state.form.mode = trainee.mode;
    }
}

fn start_ui(
    mut contexts: EguiContexts,
    mut chrome: Chrome,
    mut state: ResMut<StartState>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    plan: Res<crate::app::flow::ActivePlan>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let code = state.form.participant.trim().to_owned();
    if state.scanned_for.as_deref() != Some(code.as_str()) {
        state.resumable = if is_valid_participant(&code) {
            interrupted(&dir.0, &code)
        } else {
            Vec::new()
        };
        state.scanned_for = Some(code);
    }
    let mut notices = Vec::new();
    if let Some(n) = &course.notice {
        notices.push(n.clone());
    }
    if course.library.catalogue.is_none() {
        notices.push(crate::tr!(
            crate::app::words::words(&ctx),
            "notice-no-catalogue"
        ));
    }
    let model = StartModel {
        resumable: state
            .resumable
            .iter()
            .map(|r| Resumable {
                scenario_title: if r.title.is_empty() {
                    r.scenario.clone()
                } else {
                    r.title.clone()
                },
                started: r.started_at.replace('T', " ").chars().take(16).collect(),
                steps: r.actions,
            })
            .collect(),
        plan: plan.0.as_ref().map(crate::plan::PlanFile::name),
        results_dir: dir.0.display().to_string(),
        notices,
        in_browser: cfg!(target_arch = "wasm32"),
    };
    let state = &mut *state;
    let action = chrome.frame(&ctx, |ui| start_view(ui, &mut state.form, &model));
    // A code typed in this pass is looked up at the start of the next: draw it now, or the
    // interrupted sessions would wait for the next key or click.
    if state.scanned_for.as_deref() != Some(state.form.participant.trim()) {
        ctx.request_repaint();
    }
    match action {
        Some(StartAction::Begin) => {
            commands.trigger(Begin {
                participant: state.form.participant.clone(),
                mode: state.form.mode,
            });
        }
        Some(StartAction::Resume(i)) => {
            if let Some(r) = state.resumable.get(i) {
                commands.trigger(Begin {
                    participant: state.form.participant.clone(),
                    mode: state.form.mode,
                });
                commands.trigger(Resume(r.path.clone()));
            }
        }
        Some(StartAction::Progress) => {
            commands.trigger(Begin {
                participant: state.form.participant.clone(),
                mode: state.form.mode,
            });
            commands.trigger(GoTo(Screen::Progress));
        }
        Some(StartAction::Facilitator) => commands.trigger(GoTo(Screen::Facilitator)),
        Some(StartAction::Language(lang)) => chrome.set_language(lang),
        None => {}
    }
    Ok(())
}
