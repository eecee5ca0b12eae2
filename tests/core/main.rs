//! The core, tested as a guide: loading, validation with positions, the state graph, playing and
//! scoring exactly as the format contract says, property tests, and the command line.
#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test fails loudly on an unexpected error"
)]

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod course;
mod i18n;
mod learning;
mod lrs;
mod mutate;
mod play;
mod practice;
mod props;
mod record;
mod report;
mod rules;
mod translate;
mod validate;
