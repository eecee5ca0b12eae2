//! The trainer in a browser (`scripts/web.sh`): the same app, drawn into the page's canvas with
//! WebGL2. The course is fetched from `course/` beside the page, whose `index.json` lists its
//! files, and mounted at the paths the desktop reads (`crate::files`), so it loads and is
//! checked as on the desktop, with the same `file:line:col` messages. A facilitator publishes a
//! changed course by copying its files to the server; nothing is compiled. Records and settings
//! go to the page's storage.

use super::course::{Course, CourseSource};
use super::settings::Settings;
use crate::scenario::Library;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::PrimaryEguiContext;
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the course is, relative to the page.
pub const COURSE: &str = "course/";

/// `course/index.json`: the course's files, relative to `course/`.
#[derive(Debug, Deserialize)]
struct Index {
    files: Vec<String>,
}

/// Opens the trainer in the page (the program's entry point in a browser).
pub fn run() {
    let args = crate::cli::AppArgs {
        scenarios: crate::content::path("scenarios"),
        catalogue: crate::content::path("scenarios/catalogue.ron"),
        results: None,
        plans: crate::content::path("plans"),
    };
    let mut app = super::window_app(&args, super::default_results_dir());
    app.add_plugins(plugin);
    app.run();
}

/// Why the course could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FetchError {
    /// The page has no window (not a page a person sees).
    NoWindow,
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// No answer, or the browser refused the request; the browser's own words.
    Network { url: String, detail: String },
    /// The index is not a list of the course's files; the parser's words.
    Index { url: String, detail: String },
}

impl FetchError {
    fn words(&self, w: &crate::i18n::Words) -> String {
        match self {
            FetchError::NoWindow => crate::tr!(w, "course-fetch-no-window"),
            FetchError::Status { url, status } => {
                crate::tr!(
                    w,
                    "course-fetch-status",
                    url = url.as_str(),
                    status = *status
                )
            }
            FetchError::Network { url, detail } => crate::tr!(
                w,
                "course-fetch-network",
                url = url.as_str(),
                detail = detail.as_str()
            ),
            FetchError::Index { url, detail } => crate::tr!(
                w,
                "course-fetch-index",
                url = url.as_str(),
                detail = detail.as_str()
            ),
        }
    }
}

/// The course as it arrives: loaded, or why it could not be fetched.
type Arrival = Result<(Library, Option<String>), FetchError>;

/// The course being fetched.
#[derive(Resource)]
struct Fetching(Mutex<Receiver<Arrival>>);

/// Fetches the course when the page opens and loads it when it arrives.
pub fn plugin(app: &mut App) {
    app.add_plugins(super::web_sending::plugin)
        .add_systems(Startup, start_fetching)
        .add_systems(Update, take_course.run_if(resource_exists::<Fetching>))
        .add_systems(Update, share_the_keyboard)
        .add_systems(
            PreUpdate,
            give_egui_the_enter_key.in_set(bevy_egui::EguiInputSet::ReadBevyMessages),
        )
        .add_systems(Last, tell_the_page);
}

/// Enter pressed on a phone's on-screen keyboard since the last frame. bevy_egui's text field
/// passes text and Backspace on, not Enter, so the key that ends the code on the start screen
/// did nothing; the page's listener counts it here and the next frame gives it to egui.
static PHONE_ENTERS: AtomicUsize = AtomicUsize::new(0);

/// Passes the counted Enter presses to egui as bevy_egui's own input is passed, so that the
/// frame counts as one with input (and the screen it starts is drawn).
fn give_egui_the_enter_key(
    contexts: Query<Entity, With<PrimaryEguiContext>>,
    mut input: MessageWriter<bevy_egui::input::EguiInputEvent>,
) {
    let pressed = PHONE_ENTERS.swap(0, Ordering::Relaxed);
    for context in &contexts {
        for down in (0..pressed).flat_map(|_| [true, false]) {
            input.write(bevy_egui::input::EguiInputEvent {
                context,
                event: egui::Event::Key {
                    key: egui::Key::Enter,
                    physical_key: None,
                    pressed: down,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                },
            });
        }
    }
}

/// Tells the page, on the canvas's `data-` attributes, what is on screen and how many frames
/// were drawn: `data-screen`, `data-scene`, `data-scenarios` (how many are playable),
/// `data-problem` (the first error of a file that cannot be played, as the scenario list shows
/// it), `data-code` (the participant code typed on the start screen), `data-unsaved` (record
/// lines kept in memory only: the storage is full or off), `data-lrs-waiting`,
/// `data-lrs-refused` and `data-lrs-problem` (the sending to the LRS), `data-lms` (where an
/// LMS's cmi5 launch stands: none, open, finishing, finished) and `data-finish` (the centre of
/// the button that finishes it, `x,y`, when it is shown), and `data-frames`. The browser test
/// reads them instead of pixels.
#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes its resources as parameters"
)]
fn tell_the_page(
    screen: Res<State<super::Screen>>,
    active: Res<super::flow::Active>,
    course: Res<Course>,
    sending: Res<super::sending::Sending>,
    start: Res<super::screens::start::StartState>,
    unsaved: Res<super::flow::Unsaved>,
    finish: Res<super::chrome::FinishButton>,
    mut frames: Local<u64>,
) {
    *frames += 1;
    let Some(canvas) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("mpa-trainer"))
    else {
        return;
    };
    let scene = active
        .0
        .as_ref()
        .map(|p| {
            let session = &p.session;
            session
                .playable()
                .scenario
                .scene_id(session.current())
                .to_owned()
        })
        .unwrap_or_default();
    let screen = format!("{:?}", screen.get()).to_lowercase();
    let _ = canvas.set_attribute("data-screen", &screen);
    let _ = canvas.set_attribute("data-scene", &scene);
    // The course's figures change only with the course.
    if course.is_changed() {
        let playable = course.library.playable().count();
        let _ = canvas.set_attribute("data-scenarios", &playable.to_string());
        let problem = course
            .library
            .entries
            .iter()
            .filter(|e| e.playable.is_none())
            .find_map(|e| e.first_error().map(ToString::to_string))
            .unwrap_or_default();
        let _ = canvas.set_attribute("data-problem", &problem);
    }
    let not_saved: usize = active
        .0
        .iter()
        .map(|p| &p.recorder)
        .chain(unsaved.0.iter())
        .map(|r| match r.status() {
            crate::record::SaveStatus::Unsaved { lines, .. } => lines,
            crate::record::SaveStatus::Saved { .. } => 0,
        })
        .sum();
    let _ = canvas.set_attribute("data-unsaved", &not_saved.to_string());
    if start.is_changed() {
        let _ = canvas.set_attribute("data-code", &start.form.participant);
    }
    if sending.is_changed() {
        let status = &sending.status;
        let problem = status.problem.as_ref().map(ToString::to_string);
        let launch = sending.launch_problem.as_ref().map(ToString::to_string);
        let _ = canvas.set_attribute("data-lrs-waiting", &status.waiting.to_string());
        let _ = canvas.set_attribute("data-lrs-refused", &status.refused.to_string());
        let _ = canvas.set_attribute("data-lrs-problem", &problem.or(launch).unwrap_or_default());
        let lms = format!("{:?}", sending.lms).to_lowercase();
        let _ = canvas.set_attribute("data-lms", &lms);
    }
    if finish.is_changed() {
        let at = finish
            .0
            .map(|[x, y]| format!("{x:.0},{y:.0}"))
            .unwrap_or_default();
        let _ = canvas.set_attribute("data-finish", &at);
    }
    let _ = canvas.set_attribute("data-frames", &frames.to_string());
}

/// A tap on a text box gives the keyboard to bevy_egui's hidden text field (its "text agent").
/// On a phone, the on-screen keyboard types there; its events are not the window's and so do
/// not wake the app, and the letters would wait for the next tap: each of them wakes the app
/// here, and its Enter is passed on (`give_egui_the_enter_key`). Elsewhere (a laptop's touch
/// screen), bevy_egui reads nothing typed there: the keyboard is given back to the trainer's
/// canvas, whose keys egui reads.
fn share_the_keyboard(proxy: Option<Res<EventLoopProxyWrapper>>, mut done: Local<bool>) {
    const AGENT: &str = "egui_text_agent"; // i18n-ok: bevy_egui's element id
    // The browsers bevy_egui takes for phones, by their names.
    const PHONES: [&str; 6] = ["Android", "iPhone", "iPad", "iPod", "webOS", "BlackBerry"];
    if *done {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(agent) = document.get_element_by_id(AGENT) else {
        return;
    };
    *done = true;
    let phone = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|agent| PHONES.iter().any(|p| agent.contains(p)));
    if phone {
        let proxy = proxy.map(|p| (**p).clone());
        let wake = Closure::<dyn FnMut()>::new(move || {
            if let Some(p) = &proxy {
                let _ = p.send_event(WinitUserEvent::WakeUp);
            }
        });
        // Enter is counted before the app is woken (listeners run in the order they were added).
        let enter =
            Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
                if e.key() == "Enter" && !e.is_composing() {
                    PHONE_ENTERS.fetch_add(1, Ordering::Relaxed);
                }
            });
        let _ = agent.add_event_listener_with_callback("keydown", enter.as_ref().unchecked_ref());
        for event in ["input", "keydown", "compositionend"] {
            let _ = agent.add_event_listener_with_callback(event, wake.as_ref().unchecked_ref());
        }
        // The listeners live as long as the page.
        wake.forget();
        enter.forget();
    } else {
        let give_back = Closure::<dyn FnMut()>::new(move || {
            if let Some(canvas) = document
                .get_element_by_id("mpa-trainer")
                .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = canvas.focus();
            }
        });
        let _ = agent.add_event_listener_with_callback("focus", give_back.as_ref().unchecked_ref());
        give_back.forget();
    }
}

fn start_fetching(
    mut commands: Commands,
    source: Res<CourseSource>,
    settings: Res<Settings>,
    mut course: ResMut<Course>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let (send, receive) = channel();
    let source = source.clone();
    let proxy = proxy.map(|p| (**p).clone());
    wasm_bindgen_futures::spawn_local(async move {
        let arrival = fetch_course().await.map(|files| {
            crate::files::mount(files);
            source.load()
        });
        let _ = send.send(arrival);
        if let Some(p) = proxy {
            let _ = p.send_event(WinitUserEvent::WakeUp);
        }
    });
    commands.insert_resource(Fetching(Mutex::new(receive)));
    let w = crate::i18n::words(settings.language);
    course.notice = Some(crate::tr!(w, "notice-course-loading"));
}

fn take_course(
    mut commands: Commands,
    fetching: Res<Fetching>,
    settings: Res<Settings>,
    mut course: ResMut<Course>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let Some(arrival) = fetching.0.lock().ok().and_then(|r| r.try_recv().ok()) else {
        return;
    };
    let w = crate::i18n::words(settings.language);
    match arrival {
        Ok((library, problem)) => {
            course.library = Arc::new(library);
            course.notice = problem.map(|p| crate::tr!(w, "notice-course-unloadable", detail = p));
        }
        Err(e) => {
            let detail = e.words(w);
            course.notice = Some(crate::tr!(w, "notice-course-unfetched", detail = detail));
        }
    }
    commands.remove_resource::<Fetching>();
    redraw.write(RequestRedraw);
}

/// Runs `then` once after `ms` milliseconds (the browser's timer).
pub fn after(ms: i32, then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(then);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// What a failed browser call says.
pub fn js_words(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// One file of the course's folder on the server, revalidated with the server each time so
/// that a republished course is seen at the next visit.
async fn fetch_bytes(relative: &str) -> Result<Vec<u8>, FetchError> {
    let url = format!("{COURSE}{relative}");
    let network = |e: JsValue| FetchError::Network {
        url: url.clone(),
        detail: js_words(&e),
    };
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let request = web_sys::Request::new_with_str_and_init(&url, &init).map_err(network)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.clone(),
            status: response.status(),
        });
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?)
        .await
        .map_err(network)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The index, then every file it lists (one at a time: a course is a few megabytes).
async fn fetch_course() -> Result<Vec<(PathBuf, Vec<u8>)>, FetchError> {
    const INDEX: &str = "index.json";
    let index = fetch_bytes(INDEX).await?;
    let index: Index = serde_json::from_slice(&index).map_err(|e| FetchError::Index {
        url: format!("{COURSE}{INDEX}"),
        detail: e.to_string(),
    })?;
    let mut files = Vec::with_capacity(index.files.len());
    for relative in index.files {
        let bytes = fetch_bytes(&relative).await?;
        files.push((crate::content::path(&relative), bytes));
    }
    Ok(files)
}
