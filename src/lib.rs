//! mpa-trainer: the Migrant Protection and Assistance training simulator.
//!
//! Scenarios are RON files (`scenario`), played as sessions and scored by a pure engine
//! (`engine`), recorded as JSON Lines (`record`), summarised for facilitators (`report`) and sent
//! to a learning record store (`lrs`).
//! The trainer window (`app`, feature `app`) is the only part that knows Bevy and egui.

pub mod access;
pub mod cli;
pub mod content;
pub mod engine;
pub mod entropy;
pub mod files;
pub mod i18n;
pub mod lrs;
pub mod plan;
pub mod practice;
pub mod record;
pub mod report;
pub mod scenario;
pub mod spacing;

#[cfg(feature = "app")]
pub mod app;
