//! The engine: plays a scenario as a session and scores it. Pure: no Bevy, no I/O, no clock.

pub mod confidence;
pub mod disclosure;
pub mod scoring;
pub mod script;
pub mod session;
pub mod stats;

pub use scoring::Score;
pub use session::{Action, ActionError, Event, Session};
