//! The trainer window: Bevy and bevy_egui, and the only module that knows them.
//!
//! Screens are Bevy states, one plugin per file under `screens/`; what they draw are plain egui
//! functions under `views/`. A trainee's action travels as an observer event to the flow in
//! `flow.rs`, which applies it to the engine, records it and moves between screens; headless
//! tests trigger the same events.

pub mod art;
pub mod chrome;
pub mod course;
pub mod flow;
pub mod idle;
pub mod screens;
pub mod sending;
pub mod settings;
pub mod views;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod web_sending;
pub mod words;

use crate::cli::AppArgs;
use crate::record::Mode;
use crate::tr;
use bevy::prelude::*;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::ExitCode;

/// The screens of the trainer.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Start,
    Select,
    Play,
    Debrief,
    Facilitator,
    Progress,
}

/// Who is training, and how.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Trainee {
    pub participant: String,
    pub mode: Mode,
}

/// Where session records go.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct ResultsDir(pub PathBuf);

/// The default results folder: the user's data folder, or `results` beside the program.
pub fn default_results_dir() -> PathBuf {
    crate::files::data_dir().map_or_else(|| PathBuf::from("results"), |d| d.join("results"))
}

/// Everything the trainer needs that does not draw: states, the course, the flow, settings.
/// Headless tests add this with `MinimalPlugins` and `StatesPlugin`.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.init_resource::<Trainee>();
    app.add_plugins((course::plugin, flow::plugin, settings::plugin));
}

/// Why the window cannot open here, if that can be told before trying.
fn display_problem() -> Option<String> {
    if cfg!(target_os = "linux") {
        let has = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
        if !has("DISPLAY") && !has("WAYLAND_DISPLAY") {
            let w = crate::i18n::words(crate::i18n::Lang::from_env());
            return Some(tr!(w, "start-failure-no-display"));
        }
    }
    None
}

/// The one-line explanation of a failure to start the window (in the environment's language:
/// no settings are read before the window exists).
fn explain_start_failure(message: &str) -> String {
    let w = crate::i18n::words(crate::i18n::Lang::from_env());
    let lower = message.to_lowercase();
    if lower.contains("adapter")
        || lower.contains("gpu")
        || lower.contains("vulkan")
        || lower.contains("wgpu")
        || lower.contains("device")
    {
        let advice = if cfg!(windows) {
            tr!(w, "start-failure-driver-windows")
        } else {
            tr!(w, "start-failure-driver-linux")
        };
        tr!(
            w,
            "start-failure-driver",
            message = message,
            advice = advice
        )
    } else if lower.contains("display")
        || lower.contains("x11")
        || lower.contains("event loop") // i18n-ok: winit's words
        || lower.contains("xopendisplay")
    {
        tr!(w, "start-failure-display", message = message)
    } else {
        tr!(w, "start-failure-other", message = message)
    }
}

/// Says why the window could not start: on the console and, on Windows, in a message box too,
/// since a program started by a double click has no console to print to.
fn tell_start_failure(message: &str) {
    eprintln!("{message}");
    #[cfg(windows)]
    {
        use winsafe::prelude::*;
        // Nothing more can be done if even the message box fails.
        let _ = winsafe::HWND::NULL.MessageBox(message, "mpa-trainer", winsafe::co::MB::ICONERROR);
    }
}

/// Opens the trainer window and runs it until it is closed.
pub fn run(args: AppArgs) -> ExitCode {
    if let Some(problem) = display_problem() {
        eprintln!("{problem}");
        return ExitCode::from(2);
    }
    let results = args.results.clone().unwrap_or_else(default_results_dir);
    // A failure deep in the windowing or graphics stack surfaces as a panic in Bevy; catch it,
    // keep its message, and say it in one line instead of a backtrace.
    let message = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let kept = std::sync::Arc::clone(&message);
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if let Ok(mut m) = kept.lock() {
            m.get_or_insert(text);
        }
    }));
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| window_app(&args, results).run()));
    std::panic::set_hook(default_hook);
    match outcome {
        Ok(AppExit::Success) => ExitCode::SUCCESS,
        Ok(AppExit::Error(code)) => ExitCode::from(code.get()),
        Err(_) => {
            let text = message
                .lock()
                .ok()
                .and_then(|m| m.clone())
                .unwrap_or_default();
            tell_start_failure(&explain_start_failure(&text));
            ExitCode::from(2)
        }
    }
}

/// The full application: a window, egui, and every screen.
pub fn window_app(args: &AppArgs, results: PathBuf) -> App {
    use bevy::winit::{UpdateMode, WinitSettings};
    use bevy_egui::EguiPlugin;
    use std::time::Duration;
    let mut app = App::new();
    // Read before the window opens: its title is in the trainee's language.
    let settings = settings::Settings::load();
    let title = tr!(crate::i18n::words(settings.language), "window-title");
    app.insert_resource(settings);
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title,
                    resolution: (1280u32, 800u32).into(),
                    // In a browser: the page's canvas, as large as the page.
                    canvas: cfg!(target_arch = "wasm32").then(|| "#mpa-trainer".to_owned()), // i18n-ok: a selector
                    fit_canvas_to_parent: cfg!(target_arch = "wasm32"),
                    ..default()
                }),
                // Closing waits for an answer while records are only in memory (chrome.rs).
                close_when_requested: false,
                ..default()
            })
            .set(bevy::log::LogPlugin {
                level: bevy::log::Level::WARN,
                filter: "wgpu=error,naga=warn,bevy_render=warn,bevy_winit=warn".to_owned(), // i18n-ok
                ..default()
            }),
    )
    // Redraw only on input or change: a trainee reading must not cost a CPU core. Between
    // inputs the window wakes once a minute (the course watcher wakes it on a file change).
    .insert_resource(WinitSettings {
        focused_mode: UpdateMode::reactive(Duration::from_secs(60)),
        unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(60)),
    })
    .insert_resource(ClearColor(chrome::clear_colour(false)))
    .add_plugins(EguiPlugin::default())
    .insert_resource(course::CourseSource::from_args(args))
    .insert_resource(ResultsDir(results))
    .add_plugins((
        plugin,
        idle::plugin,
        art::plugin,
        chrome::plugin,
        sending::plugin,
        screens::plugin,
    ))
    .add_systems(Startup, spawn_camera);
    app
}

/// The camera egui draws through. No multisampling: egui smooths its own edges, and on a
/// software renderer four samples per pixel cost four times the work.
fn spawn_camera(mut commands: Commands) {
    commands.spawn((Camera2d, bevy::render::view::Msaa::Off));
}
