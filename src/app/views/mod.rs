//! The trainer's screens as plain egui functions over plain data: each takes the `Ui` and a view
//! model and returns what the trainee asked for. No Bevy here; tested with egui_kittest.

pub mod debrief;
pub mod facilitator;
pub mod path_map;
pub mod play;
pub mod progress;
pub mod reasons;
pub mod select;
pub mod start;
pub mod widgets;
