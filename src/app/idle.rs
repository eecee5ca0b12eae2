//! Keeps the window asleep while a trainee reads.
//!
//! bevy_egui 0.42 pushes `ModifiersChanged` into every frame's egui input, and egui 0.36 answers
//! any input event by asking for another frame, so the app would redraw forever. This plugin
//! drops that event when the modifier keys did not change, and the window sleeps until input.

use bevy::prelude::*;
use bevy_egui::{EguiInput, EguiInputSet};

/// Registers the filter after bevy_egui has written its input.
pub fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers.after(EguiInputSet::WriteEguiEvents),
    );
}

fn drop_unchanged_modifiers(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        let previous = *last;
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(m) => {
                let changed = previous != Some(*m);
                *last = Some(*m);
                changed
            }
            _ => true,
        });
    }
}
