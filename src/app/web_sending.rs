//! Results to the LRS from a browser, where no thread can wait on the network: the core's
//! courier chooses each batch and writes the answers down in the outboxes (in the page's
//! storage), and this plugin posts the batches with the browser's `fetch`, one at a time.
//!
//! Where the statements go: a launch by an LMS (cmi5's parameters in the page's address: the
//! endpoint, the learner, and credentials fetched once from the LMS and kept for the tab), or,
//! without a launch, `lrs.ron` in the course beside the page (the desktop's LRS settings; its
//! key is visible to every visitor, see the README). After a failure it waits longer each time,
//! as the desktop's sender does; refused credentials stop it until the page is opened again.
//!
//! A cmi5 launch (one whose LMS wrote `LMS.LaunchData`) is also told what cmi5 asks: the core's
//! `Cmi5` makes `initialized`, `completed`, `passed` or `failed` as scenarios end, and
//! `terminated` when the trainee finishes (`FinishLaunch`); they are sent before the sessions'
//! statements, `terminated` after all of them, and what was said is kept beside the records
//! (`cmi5/REGISTRATION.json`) so that a reload says nothing twice. Once `terminated` is stored
//! the page goes to the LMS's return address; nothing more is sent in that launch.

use super::ResultsDir;
use super::course::Course;
use super::flow::Active;
use super::sending::{FinishLaunch, LmsStage, Sending};
use super::web::{after, js_words};
use crate::lrs::client::{basic_authorization, error_of, headers, token_authorization};
use crate::lrs::cmi5::{Cmi5, LaunchData, Said};
use crate::lrs::courier::Courier;
use crate::lrs::launch::{Launch, LaunchError};
use crate::lrs::outbox::DeliveryError;
use crate::lrs::sender::{FIRST_WAIT, LONGEST_WAIT};
use crate::lrs::{LrsError, LrsSettings, SenderStatus};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the statements go, and with which credentials.
struct Link {
    statements: String,
    authorization: String,
    launch: Option<Launch>,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Link")
            .field("statements", &self.statements)
            .field("authorization", &"(hidden)")
            .field("launch", &self.launch)
            .finish()
    }
}

/// What the page's requests and the window share.
#[derive(Debug)]
struct Shared {
    link: Option<Link>,
    courier: Option<Courier>,
    /// Something may be waiting: look at the next pass.
    look: bool,
    /// Waiting for a timer (after a failure) or for the page to be opened again.
    holding: bool,
    /// The wait after the next failure.
    wait: Duration,
    launch_problem: Option<LaunchError>,
    /// A cmi5 launch's session, and where what it said is kept.
    cmi5: Option<(Cmi5, PathBuf)>,
    /// The first cmi5 statement waiting is out.
    cmi5_out: bool,
    /// The trainee asked to finish: `terminated` once everything else is sent.
    finishing: bool,
    /// The language the learner prefers (cmi5's learner preferences), to use once.
    language: Option<crate::i18n::Lang>,
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            link: None,
            courier: None,
            look: false,
            holding: false,
            wait: FIRST_WAIT,
            launch_problem: None,
            cmi5: None,
            cmi5_out: false,
            finishing: false,
            language: None,
        }
    }
}

/// The sending state, shared with the requests in flight (the page has one thread: the lock is
/// never contended).
#[derive(Resource, Clone, Default)]
struct Post {
    shared: Arc<Mutex<Shared>>,
    /// Whether the page was launched (then the course's own settings are not used).
    launched: bool,
}

/// Registers the browser's sending.
pub fn plugin(app: &mut App) {
    app.init_resource::<Post>()
        .add_systems(Startup, read_launch)
        .add_systems(
            Update,
            (
                use_course_settings,
                use_learner_language,
                look_after_steps,
                send,
                show,
            )
                .chain(),
        )
        .add_observer(tell_the_score)
        .add_observer(finish);
}

/// Where what a cmi5 launch said is kept: beside the records, one file per registration.
fn said_path(dir: &Path, registration: &str) -> PathBuf {
    dir.join("cmi5").join(format!("{registration}.json"))
}

fn read_said(path: &Path) -> Option<Said> {
    let bytes = crate::files::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Keeps what was said. A storage that is full keeps it in memory: the launch goes on, and a
/// reload may make `initialized` again, which the LRS refuses as a copy.
fn keep(cmi5: &Cmi5, path: &Path) {
    if let Ok(text) = serde_json::to_vec(cmi5.said()) {
        let _ = crate::files::write(path, &text);
    }
}

/// A scenario played to its ending: what it means to the LMS.
fn tell_the_score(scored: On<super::flow::Scored>, post: Res<Post>) {
    if let Ok(mut s) = post.shared.lock()
        && let Some((cmi5, path)) = s.cmi5.as_mut()
    {
        cmi5.scored(&scored.0, time::OffsetDateTime::now_utc());
        keep(cmi5, path);
        s.look = true;
    }
}

fn finish(_: On<FinishLaunch>, post: Res<Post>) {
    if let Ok(mut s) = post.shared.lock() {
        s.finishing = true;
        s.look = true;
    }
}

/// Wakes the window from a request or a timer.
fn waker(proxy: Option<&EventLoopProxyWrapper>) -> impl Fn() + Clone + 'static {
    let proxy = proxy.map(|p| (**p).clone());
    move || {
        if let Some(p) = &proxy {
            let _ = p.send_event(WinitUserEvent::WakeUp);
        }
    }
}

/// The launch parameters of the page's address, decoded.
fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    ["endpoint", "fetch", "actor", "registration", "activityId"]
        .into_iter()
        .filter_map(|name| params.get(name).map(|v| (name.to_owned(), v)))
        .collect()
}

fn read_launch(
    mut post: ResMut<Post>,
    dir: Res<ResultsDir>,
    mut trainee: ResMut<super::Trainee>,
    mut start: ResMut<super::screens::start::StartState>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let pairs = query_pairs();
    let launch = Launch::from_query(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let launch = match launch {
        Ok(Some(launch)) => launch,
        Ok(None) => return,
        Err(e) => {
            post.launched = true;
            if let Ok(mut s) = post.shared.lock() {
                s.launch_problem = Some(e);
            }
            return;
        }
    };
    post.launched = true;
    // The LMS names the learner: their account name is the participant code.
    trainee.participant.clone_from(&launch.participant);
    start.form.participant.clone_from(&launch.participant);
    let shared = Arc::clone(&post.shared);
    let wake = waker(proxy.as_deref());
    let dir = dir.0.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let opened = open_launch(launch, &dir).await;
        if let Ok(mut s) = shared.lock() {
            match opened {
                Ok(Opened {
                    link,
                    cmi5,
                    language,
                }) => {
                    s.courier = link
                        .launch
                        .as_ref()
                        .map(|l| Courier::new(l.endpoint.as_str(), &l.home()));
                    s.link = Some(link);
                    s.cmi5 = cmi5;
                    s.language = language;
                    s.look = true;
                }
                Err(e) => s.launch_problem = Some(e),
            }
        }
        wake();
    });
}

/// What a launch opens: where to send, the cmi5 session if the LMS wrote launch data for it
/// (an LMS that launches with the same parameters but keeps no launch data is sent plain xAPI),
/// and, when the cmi5 session is new, the learner's preferred language.
struct Opened {
    link: Link,
    cmi5: Option<(Cmi5, PathBuf)>,
    language: Option<crate::i18n::Lang>,
}

async fn open_launch(launch: Launch, dir: &Path) -> Result<Opened, LaunchError> {
    let token = token_of(&launch.fetch).await?;
    let authorization = token_authorization(&token);
    let mut language = None;
    let cmi5 = match launch.launch_data_address() {
        Some(address) => match request(&address, "GET", Some(&authorization), None).await {
            Ok(answer) => {
                let data = LaunchData::parse(answer.as_bytes())?;
                let path = said_path(dir, launch.registration.as_deref().unwrap_or_default());
                let said = read_said(&path);
                // cmi5 asks an AU to read the learner's preferences when it starts; a missing
                // document, or one that cannot be read, changes nothing. A reload of the same
                // launch keeps the language the trainee chose since.
                let preferences = launch.learner_preferences_address();
                let new = said
                    .as_ref()
                    .is_none_or(|s| Some(s.session.as_str()) != data.session_id());
                if let Ok(answer) = request(&preferences, "GET", Some(&authorization), None).await
                    && new
                {
                    language = crate::lrs::cmi5::preferred_language(answer.as_bytes());
                }
                let cmi5 = Cmi5::begin(launch.clone(), data, said, time::OffsetDateTime::now_utc());
                keep(&cmi5, &path);
                Some((cmi5, path))
            }
            Err(LrsError::Refused(404, _)) => None,
            Err(e) => return Err(LaunchError::LaunchData(e.to_string())),
        },
        None => None,
    };
    let link = Link {
        statements: launch.endpoint.statements(),
        authorization,
        launch: Some(launch),
    };
    Ok(Opened {
        link,
        cmi5,
        language,
    })
}

/// The launch's credentials: kept for the tab, since the LMS's `fetch` address answers once
/// and a reload must not lose them.
async fn token_of(fetch: &str) -> Result<String, LaunchError> {
    let kept = format!("mpa-trainer:token:{fetch}"); // i18n-ok: a storage key
    let tab = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(token) = tab.as_ref().and_then(|t| t.get_item(&kept).ok().flatten()) {
        return Ok(token);
    }
    let answer = request(fetch, "POST", None, None)
        .await
        .map_err(|e| LaunchError::Token(e.to_string()))?;
    let token = Launch::token(answer.as_bytes())?;
    if let Some(tab) = tab {
        let _ = tab.set_item(&kept, &token);
    }
    Ok(token)
}

/// Without a launch: the LRS settings served with the course (`course/lrs.ron`), once the course
/// has arrived.
fn use_course_settings(post: Res<Post>, course: Res<Course>, mut sending: ResMut<Sending>) {
    if post.launched || !course.is_changed() {
        return;
    }
    let Ok(settings) = LrsSettings::load(&crate::content::path("lrs.ron")) else {
        return;
    };
    let Ok(endpoint) = settings.endpoint() else {
        return;
    };
    if let Ok(mut s) = post.shared.lock() {
        s.courier = Some(Courier::new(endpoint.as_str(), &settings.home()));
        s.link = Some(Link {
            statements: endpoint.statements(),
            authorization: basic_authorization(&settings.key, &settings.secret),
            launch: None,
        });
        s.look = true;
    }
    sending.settings = settings;
}

/// The learner's preferred language, from the LMS: the page speaks it from now on (the trainee
/// may still choose another).
fn use_learner_language(post: Res<Post>, mut settings: ResMut<super::settings::Settings>) {
    if let Ok(mut s) = post.shared.lock()
        && let Some(lang) = s.language.take()
    {
        settings.language = lang;
    }
}

/// Each recorded step, and a session started or left, may have statements to send.
fn look_after_steps(post: Res<Post>, active: Res<Active>) {
    if active.is_changed()
        && let Ok(mut s) = post.shared.lock()
    {
        s.look = true;
    }
}

/// The session being played, whose unsettled statements wait.
fn playing(active: &Active) -> Option<PathBuf> {
    active
        .0
        .as_ref()
        .and_then(|p| p.recorder.path().map(PathBuf::from))
}

/// Posts the next batch, if one waits and none is out: cmi5's `initialized`, `completed`,
/// `passed` or `failed` first, then the records', then, once the trainee has finished and
/// nothing else waits, `terminated`.
fn send(
    post: Res<Post>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    active: Res<Active>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let Ok(mut s) = post.shared.lock() else {
        return;
    };
    if !s.look || s.holding {
        return;
    }
    s.look = false;
    let now = playing(&active);
    let Shared {
        link,
        courier,
        cmi5,
        cmi5_out,
        finishing,
        ..
    } = &mut *s;
    let (Some(link), Some(courier)) = (link.as_ref(), courier.as_mut()) else {
        return;
    };
    if courier.is_busy() || *cmi5_out {
        return;
    }
    // cmi5's statements go one at a time: a refusal is then of that one (they are few).
    let first = |c: &Cmi5| c.waiting().iter().take(1).cloned().collect::<Vec<_>>();
    let (statements, of_cmi5) = match cmi5.as_mut() {
        // After `terminated`, nothing else in this launch: what is left goes with the next.
        Some((c, _)) if c.is_finished() => return,
        Some((c, _)) if c.is_terminated() || !c.waiting().is_empty() => (first(c), true),
        _ => match courier.next(&dir.0, &course.library, now.as_deref()) {
            Some(mut batch) => {
                match (cmi5.as_ref(), &link.launch) {
                    (Some((c, _)), _) => batch.statements.iter_mut().for_each(|st| c.fit(st)),
                    (None, Some(launch)) => {
                        batch.statements.iter_mut().for_each(|st| launch.fit(st));
                    }
                    (None, None) => {}
                }
                (batch.statements, false)
            }
            None => match cmi5.as_mut() {
                Some((c, path)) if *finishing && now.is_none() => {
                    c.terminate(time::OffsetDateTime::now_utc());
                    keep(c, path);
                    (first(c), true)
                }
                _ => return,
            },
        },
    };
    *cmi5_out = of_cmi5;
    let body = serde_json::Value::from(statements).to_string();
    let url = link.statements.clone();
    let authorization = link.authorization.clone();
    let shared = Arc::clone(&post.shared);
    let wake = waker(proxy.as_deref());
    wasm_bindgen_futures::spawn_local(async move {
        let answer = request(&url, "POST", Some(&authorization), Some(&body))
            .await
            .map(drop);
        answered(&shared, answer, wake.clone());
        wake();
    });
}

/// Writes an answer down, and decides when to try again.
fn answered(shared: &Arc<Mutex<Shared>>, answer: Result<(), LrsError>, wake: impl Fn() + 'static) {
    let Ok(mut guard) = shared.lock() else {
        return;
    };
    let s = &mut *guard;
    let written = if std::mem::take(&mut s.cmi5_out) {
        let written = match (s.cmi5.as_mut(), answer) {
            (Some((c, path)), Ok(())) => {
                c.stored(1);
                keep(c, path);
                if c.is_finished() {
                    go_back(c.data().return_url.as_deref());
                }
                Ok(())
            }
            (Some((c, path)), Err(e)) if e.is_refusal() => {
                // A copy of one stored already, or one the LMS will not take: dropped, as
                // the records' sender sets a refused statement aside.
                c.refused();
                keep(c, path);
                Ok(())
            }
            (_, Err(e)) => Err(e),
            (None, Ok(())) => Ok(()),
        };
        if let Some(courier) = s.courier.as_mut() {
            courier.set_problem(written.as_ref().err().cloned());
        }
        written.map_err(DeliveryError::Lrs)
    } else {
        match s.courier.as_mut() {
            Some(courier) => courier.answer(answer),
            None => return,
        }
    };
    match written {
        Ok(()) => {
            s.wait = FIRST_WAIT;
            s.look = true;
        }
        Err(DeliveryError::Lrs(LrsError::Unauthorized(_))) => {
            // Nothing to gain before the page is opened with new credentials.
            s.holding = true;
        }
        Err(_) => {
            s.holding = true;
            let wait = s.wait;
            s.wait = (wait * 2).min(LONGEST_WAIT);
            let again = Arc::clone(shared);
            let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
            after(ms, move || {
                if let Ok(mut s) = again.lock() {
                    s.holding = false;
                    s.look = true;
                }
                wake();
            });
        }
    }
}

/// After `terminated`: back to the LMS, if it gave an address (cmi5 asks the window to go
/// there); else the status bar says the launch is finished.
fn go_back(return_url: Option<&str>) {
    if let (Some(url), Some(window)) = (return_url, web_sys::window()) {
        let _ = window.location().set_href(url);
    }
}

/// Keeps the status bar's words on sending up to date.
fn show(post: Res<Post>, mut sending: ResMut<Sending>, mut redraw: MessageWriter<RequestRedraw>) {
    let Ok(s) = post.shared.lock() else {
        return;
    };
    let status = s
        .courier
        .as_ref()
        .map(|c| c.status().clone())
        .unwrap_or_else(|| SenderStatus {
            configured: s.launch_problem.is_some(),
            ..SenderStatus::default()
        });
    let lms = match &s.cmi5 {
        None => LmsStage::None,
        Some((c, _)) if c.is_finished() => LmsStage::Finished,
        Some(_) if s.finishing => LmsStage::Finishing,
        Some(_) => LmsStage::Open,
    };
    if sending.status != status || sending.launch_problem != s.launch_problem || sending.lms != lms
    {
        sending.status = status;
        sending.launch_problem.clone_from(&s.launch_problem);
        sending.lms = lms;
        redraw.write(RequestRedraw);
    }
}

/// One request: its answer's text if its status is 2xx, else what the status means.
async fn request(
    url: &str,
    method: &str,
    authorization: Option<&str>,
    body: Option<&str>,
) -> Result<String, LrsError> {
    let unreachable = |e: JsValue| LrsError::Unreachable(js_words(&e));
    let window = web_sys::window().ok_or_else(|| LrsError::Unreachable(String::new()))?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let sent = web_sys::Headers::new().map_err(unreachable)?;
    if let Some(authorization) = authorization {
        for (name, value) in headers(authorization, body.is_some()) {
            sent.set(name, &value).map_err(unreachable)?;
        }
    }
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&sent);
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(unreachable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(unreachable)?
        .dyn_into()
        .map_err(unreachable)?;
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if response.ok() {
        Ok(text)
    } else {
        Err(error_of(response.status(), &text))
    }
}
