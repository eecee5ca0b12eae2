//! The screens, one plugin per file; each draws its view when its state is active.

pub mod debrief;
pub mod facilitator;
pub mod play;
pub mod progress;
pub mod select;
pub mod start;

use bevy::prelude::*;

/// Registers every screen.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        start::plugin,
        select::plugin,
        play::plugin,
        debrief::plugin,
        facilitator::plugin,
        progress::plugin,
        super::course::watch_plugin,
        ready_signal,
    ));
}

/// With `MPA_TRAINER_TIMING` set, prints how long the window took to show its first interactive
/// frame, and a line for every frame drawn after it (the measurement script reads both).
fn ready_signal(app: &mut App) {
    if std::env::var_os("MPA_TRAINER_TIMING").is_some() {
        let started = bevy::platform::time::Instant::now();
        app.add_systems(Last, move |mut frames: Local<u32>| {
            *frames += 1;
            if *frames == 2 {
                eprintln!(
                    "ready: first interactive frame after {} ms", // i18n-ok: read by scripts
                    started.elapsed().as_millis()
                );
            }
            // i18n-ok below: read by scripts, not people
            eprintln!("frame {} at {} ms", *frames, started.elapsed().as_millis()); // i18n-ok
        });
    }
}
