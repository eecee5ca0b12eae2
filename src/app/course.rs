//! The course in the app: the scenario library, loaded at start and reloaded when an author
//! saves a file. A background thread watches the files and wakes the window only on a change;
//! a session in progress keeps the scenario it started with.

use crate::cli::AppArgs;
use crate::scenario::{Library, LoadOptions};
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Where the course is read from.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct CourseSource {
    pub scenarios: PathBuf,
    pub options: LoadOptions,
    /// The facilitators' plans for the day.
    pub plans: PathBuf,
}

impl CourseSource {
    /// The course named on the command line.
    pub fn from_args(args: &AppArgs) -> Self {
        CourseSource {
            scenarios: args.scenarios.clone(),
            options: LoadOptions::for_catalogue(&args.catalogue),
            plans: args.plans.clone(),
        }
    }

    /// Loads the library; a folder that cannot be read gives an empty library and what went
    /// wrong.
    pub fn load(&self) -> (Library, Option<String>) {
        match Library::load(std::slice::from_ref(&self.scenarios), &self.options) {
            Ok(l) => (l, None),
            // The error's detail (a path and the system's words) is given as it is.
            Err(e) => (Library::default(), Some(e.to_string())),
        }
    }
}

/// The loaded course.
#[derive(Resource, Debug, Clone, Default)]
pub struct Course {
    pub library: Arc<Library>,
    /// A message for everyone: the folder is missing, or what the last reload found.
    pub notice: Option<String>,
    /// How many times the course was reloaded since the start.
    pub reloads: u32,
}

impl Course {
    /// A course from a loaded library.
    pub fn new(library: Library, notice: Option<String>) -> Self {
        Course {
            library: Arc::new(library),
            notice,
            reloads: 0,
        }
    }
}

/// New libraries from the watcher thread.
#[derive(Resource)]
pub struct Reloads(Mutex<Receiver<(Library, Option<String>)>>);

/// Loads the course at start and applies reloads.
pub fn plugin(app: &mut App) {
    app.add_systems(PreStartup, load_course);
    app.add_systems(Update, apply_reloads.run_if(resource_exists::<Reloads>));
}

fn load_course(
    mut commands: Commands,
    source: Option<Res<CourseSource>>,
    settings: Option<Res<crate::app::settings::Settings>>,
) {
    let source = source.map_or_else(
        || CourseSource {
            scenarios: PathBuf::from("scenarios"),
            options: LoadOptions::default(),
            plans: PathBuf::from("plans"),
        },
        |s| s.clone(),
    );
    let (library, problem) = source.load();
    let w = crate::i18n::words(settings.map(|s| s.language).unwrap_or_default());
    let notice = problem.map(|p| crate::tr!(w, "notice-course-unloadable", detail = p));
    commands.insert_resource(Course::new(library, notice));
    commands.insert_resource(source);
}

/// Starts the watcher thread: it checks the course files once a second and, on a change,
/// reloads the library and calls `wake` so the window updates.
pub fn watch(source: CourseSource, wake: impl Fn() + Send + 'static) -> Reloads {
    let (tx, rx): (Sender<(Library, Option<String>)>, _) = channel();
    let spawned = std::thread::Builder::new()
        .name("course-watcher".to_owned())
        .spawn(move || {
            let mut last = fingerprint(&source);
            loop {
                std::thread::sleep(Duration::from_secs(1));
                let now = fingerprint(&source);
                if now != last {
                    last = now;
                    if tx.send(source.load()).is_err() {
                        return; // the window is gone
                    }
                    wake();
                }
            }
        });
    if let Err(e) = spawned {
        warn!("the scenario files will not reload by themselves: {e}"); // i18n-ok: a log line
    }
    Reloads(Mutex::new(rx))
}

/// Names, sizes and times of the course files: changes when a file is saved, added or removed.
fn fingerprint(source: &CourseSource) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut out = Vec::new();
    let mut stack = vec![source.scenarios.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(path),
                Ok(m) => out.push((path, m.len(), m.modified().ok())),
                Err(_) => {}
            }
        }
    }
    if let Ok(m) = std::fs::metadata(&source.options.catalogue) {
        out.push((source.options.catalogue.clone(), m.len(), m.modified().ok()));
    }
    out.sort();
    out
}

fn apply_reloads(
    reloads: Res<Reloads>,
    settings: Res<crate::app::settings::Settings>,
    mut course: ResMut<Course>,
) {
    let Ok(rx) = reloads.0.lock() else { return };
    // Only the newest library counts when several arrived.
    let Some((library, problem)) = rx.try_iter().last() else {
        return;
    };
    let (errors, warnings) = library.counts();
    let w = crate::i18n::words(settings.language);
    let summary = crate::tr!(
        w,
        "notice-course-reloaded",
        playable = library.playable().count(),
        errors = errors,
        warnings = warnings
    );
    course.library = Arc::new(library);
    course.notice = Some(problem.map_or(summary, |p| {
        crate::tr!(w, "notice-course-unloadable", detail = p)
    }));
    course.reloads += 1;
}

/// Watches the course files while the window is open (not in headless tests: they have no window
/// to wake).
pub fn watch_plugin(app: &mut App) {
    app.add_systems(Startup, start_watcher);
}

fn start_watcher(
    mut commands: Commands,
    source: Res<CourseSource>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    // A browser's course is fetched once (web.rs); there are no files to watch.
    if cfg!(target_arch = "wasm32") {
        return;
    }
    let Some(proxy) = proxy else { return };
    let proxy = (**proxy).clone();
    commands.insert_resource(watch(source.clone(), move || {
        let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
    }));
}
