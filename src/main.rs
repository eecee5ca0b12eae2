//! The mpa-trainer binary: a subcommand runs on the command line; none opens the trainer window.
//!
//! On Windows the program is built for the desktop (no console window opens on a double click);
//! started from a console, it attaches to that console so that subcommands and start-up problems
//! still print there.

#![cfg_attr(all(windows, feature = "app"), windows_subsystem = "windows")]

#[cfg(not(target_arch = "wasm32"))]
use clap::Parser;
#[cfg(not(target_arch = "wasm32"))]
use mpa_trainer::cli::{self, Cli};
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    attach_to_console();
    let args = Cli::parse();
    let lang = args.language();
    match args.command {
        Some(command) => cli::run(command, lang),
        None => open_window(args.app),
    }
}

/// In a browser (`scripts/web.sh`): the trainer in the page, with no command line.
#[cfg(all(target_arch = "wasm32", feature = "app"))]
fn main() {
    mpa_trainer::app::web::run();
}

/// Prints to the console the program was started from, if any (a desktop-subsystem program has
/// none of its own). Output redirected to a file or a pipe is kept as it is.
#[cfg(all(windows, feature = "app"))]
fn attach_to_console() {
    use std::os::windows::io::AsRawHandle;
    if std::io::stdout().as_raw_handle().is_null() {
        // Fails when there is no console to attach to (a double click): nothing to print to then.
        let _ = winsafe::AttachConsole(winsafe::PidParent::Parent);
    }
}

#[cfg(not(any(all(windows, feature = "app"), target_arch = "wasm32")))]
fn attach_to_console() {}

#[cfg(all(feature = "app", not(target_arch = "wasm32")))]
fn open_window(args: cli::AppArgs) -> ExitCode {
    mpa_trainer::app::run(args)
}

#[cfg(all(not(feature = "app"), not(target_arch = "wasm32")))]
fn open_window(_args: cli::AppArgs) -> ExitCode {
    eprintln!(
        "mpa-trainer: this build has no trainer window (built without the `app` feature); \
         use a subcommand, see --help"
    );
    ExitCode::from(2)
}
