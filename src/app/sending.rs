//! Results to the learning record store, beside the window: the core's sender runs on its own
//! thread, this plugin tells it what changed (the LRS settings, the results folder, the course,
//! the session being played, each step recorded) and keeps its status for the status bar. The
//! sender wakes the window when its status changes, so nothing is drawn while nothing changes.

use super::ResultsDir;
use super::course::Course;
use super::flow::Active;
use crate::lrs::{Lrs, LrsSettings, Sender, SenderStatus};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use std::path::PathBuf;
use std::sync::Arc;

/// Where the LRS settings are kept: the user's configuration folder, readable by its owner only.
pub fn lrs_settings_path() -> Option<PathBuf> {
    crate::files::config_dir().map(|d| d.join("lrs.ron"))
}

/// The sender, and what it last said.
#[derive(Resource, Default)]
pub struct Sending {
    sender: Option<Sender>,
    pub settings: LrsSettings,
    pub status: SenderStatus,
    /// Why the LMS's launch cannot be used (a browser only).
    pub launch_problem: Option<crate::lrs::launch::LaunchError>,
    /// Where a cmi5 launch by an LMS stands (a browser only).
    pub lms: LmsStage,
}

/// The trainee is done with an LMS's launch: tell it (cmi5's `terminated`) and go back to it.
#[derive(Event, Debug, Clone, Copy)]
pub struct FinishLaunch;

/// Where a cmi5 launch by an LMS stands: what the status bar offers or says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LmsStage {
    /// No cmi5 launch.
    #[default]
    None,
    /// Launched: the trainee may finish and go back to the LMS.
    Open,
    /// Finishing: the rest is being sent, then `terminated`.
    Finishing,
    /// Finished: the LMS has it all; nothing more is sent in this launch.
    Finished,
}

impl std::fmt::Debug for Sending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sending")
            .field("settings", &self.settings)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl Sending {
    /// Uses new LRS settings from now on (none: stop sending). The settings must have been
    /// checked: an endpoint that does not parse turns sending off.
    pub fn apply(&mut self, settings: LrsSettings) {
        if let Some(sender) = &self.sender {
            sender.set_lrs(connect(&settings));
        }
        self.settings = settings;
    }
}

/// The LRS of some settings, with the home address its statements are under.
pub fn connect(settings: &LrsSettings) -> Option<(Arc<dyn Lrs>, String)> {
    if !settings.is_set() {
        return None;
    }
    let endpoint = settings.endpoint().ok()?;
    let lrs = crate::lrs::client::http(endpoint, &settings.key, &settings.secret)?;
    Some((lrs, settings.home()))
}

/// New LRS settings, saved: the sender uses them from now on.
#[derive(Event, Debug, Clone)]
pub struct ApplyLrsSettings(pub LrsSettings);

/// Registers the sender.
pub fn plugin(app: &mut App) {
    app.init_resource::<Sending>()
        .add_systems(Startup, start_sender)
        .add_systems(Update, (tell_sender, refresh_status).chain())
        .add_observer(|ev: On<ApplyLrsSettings>, mut sending: ResMut<Sending>| {
            sending.apply(ev.0.clone());
        });
}

fn start_sender(
    mut sending: ResMut<Sending>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let proxy = proxy.map(|p| (**p).clone());
    let wake = move || {
        if let Some(p) = &proxy {
            let _ = p.send_event(WinitUserEvent::WakeUp);
        }
    };
    let sender = match Sender::start(dir.0.clone(), Arc::clone(&course.library), wake) {
        Ok(s) => s,
        Err(e) => {
            warn!("the sender could not start: {e}"); // i18n-ok: a log line
            return;
        }
    };
    let settings = lrs_settings_path()
        .and_then(|p| LrsSettings::load(&p).ok())
        .unwrap_or_default();
    sender.set_lrs(connect(&settings));
    sending.sender = Some(sender);
    sending.settings = settings;
}

/// Tells the sender about a new results folder, a reloaded course, the session now played and
/// each step recorded.
fn tell_sender(
    sending: Res<Sending>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    active: Res<Active>,
    mut playing: Local<Option<PathBuf>>,
) {
    let Some(sender) = &sending.sender else {
        return;
    };
    if dir.is_changed() && !dir.is_added() {
        sender.set_dir(dir.0.clone());
    }
    if course.is_changed() && !course.is_added() {
        sender.set_library(Arc::clone(&course.library));
    }
    if active.is_changed() {
        let now = active
            .0
            .as_ref()
            .and_then(|p| p.recorder.path().map(PathBuf::from));
        if *playing != now {
            sender.set_active(now.clone());
            *playing = now;
        }
        sender.wake();
    }
}

/// Takes the sender's status; a change is drawn at once (the sender woke the window for it).
fn refresh_status(mut sending: ResMut<Sending>, mut redraw: MessageWriter<RequestRedraw>) {
    let Some(now) = sending.sender.as_ref().map(Sender::status) else {
        return;
    };
    if sending.status != now {
        sending.status = now;
        redraw.write(RequestRedraw);
    }
}
