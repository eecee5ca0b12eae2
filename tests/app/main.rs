//! The trainer app, tested two ways: its egui views clicked through by label with egui_kittest,
//! and its screen flow headless (MinimalPlugins + StatesPlugin), as a trainee would go.
#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test fails loudly on an unexpected error"
)]

#[path = "../common/mod.rs"]
mod common;

mod flow;
mod language;
mod views;
