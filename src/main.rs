//! The mpa-trainer binary: a subcommand runs on the command line; none opens the trainer window.

use clap::Parser;
use mpa_trainer::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => open_window(args.app),
    }
}

#[cfg(feature = "app")]
fn open_window(args: cli::AppArgs) -> ExitCode {
    mpa_trainer::app::run(args)
}

#[cfg(not(feature = "app"))]
fn open_window(_args: cli::AppArgs) -> ExitCode {
    eprintln!(
        "mpa-trainer: this build has no trainer window (built without the `app` feature); \
         use a subcommand, see --help"
    );
    ExitCode::from(2)
}
