//! The debrief after a scenario.

use crate::app::Screen;
use crate::app::chrome::Chrome;
use crate::app::flow::{AfterDebrief, GoTo, LastDebrief};
use crate::app::views::debrief::{DebriefAction, debrief_view};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// Registers the debrief screen.
pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        debrief_ui.run_if(in_state(Screen::Debrief)),
    );
}

fn debrief_ui(
    mut contexts: EguiContexts,
    mut chrome: Chrome,
    debrief: Res<LastDebrief>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let Some(model) = &debrief.model else {
        commands.trigger(GoTo(Screen::Select));
        return Ok(());
    };
    match chrome.frame(&ctx, |ui| debrief_view(ui, model)) {
        Some(DebriefAction::Replay) => commands.trigger(AfterDebrief::Replay),
        Some(DebriefAction::Next) => commands.trigger(AfterDebrief::Next),
        Some(DebriefAction::Scenarios) => commands.trigger(GoTo(Screen::Select)),
        None => {}
    }
    Ok(())
}
