//! The sender the trainer runs beside the window: it delivers every session of the results
//! folder that the LRS does not have in full, on its own thread, so play never waits for the
//! network. It is woken after each recorded step; when the LRS cannot be reached or fails it
//! waits longer each time (from 5 seconds up to 5 minutes); when the credentials are refused it
//! waits for new settings. Its status says what is waiting and why.

use super::client::{Lrs, LrsError};
use super::outbox::{Target, deliver, read_state};
use crate::record::index::session_files;
use crate::report::xapi::Extent;
use crate::scenario::Library;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The first wait after a failure, and the longest.
pub const FIRST_WAIT: Duration = Duration::from_secs(5);
pub const LONGEST_WAIT: Duration = Duration::from_secs(300);

/// What the sender is doing, for the status bar and the facilitator.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SenderStatus {
    /// Whether an LRS is set (without one nothing is sent, and nothing is said).
    pub configured: bool,
    /// Sessions with statements the LRS does not have yet.
    pub waiting: usize,
    /// Statements the LRS refused, kept aside in the outboxes.
    pub refused: usize,
    /// What stopped the last try, if it failed.
    pub problem: Option<LrsError>,
}

enum Message {
    Wake,
    Lrs(Option<(Arc<dyn Lrs>, String)>),
    Dir(PathBuf),
    Library(Arc<Library>),
    Active(Option<PathBuf>),
}

/// The handle the app keeps: it tells the sender what changed and reads its status. Dropping it
/// stops the sender after the request in flight.
#[derive(Debug)]
pub struct Sender {
    messages: mpsc::Sender<Message>,
    status: Arc<Mutex<SenderStatus>>,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Message::Wake => "Wake",
            Message::Lrs(_) => "Lrs",
            Message::Dir(_) => "Dir",
            Message::Library(_) => "Library",
            Message::Active(_) => "Active",
        })
    }
}

impl Sender {
    /// Starts the sender on a results folder, with no LRS yet. `changed` is called (on the
    /// sender's thread) whenever the status changes, to wake the window.
    pub fn start(
        dir: PathBuf,
        library: Arc<Library>,
        changed: impl Fn() + Send + 'static,
    ) -> std::io::Result<Sender> {
        let (messages, inbox) = mpsc::channel();
        let status = Arc::new(Mutex::new(SenderStatus::default()));
        let shared = Arc::clone(&status);
        std::thread::Builder::new()
            .name("mpa-trainer sender".to_owned())
            .spawn(move || {
                Worker {
                    dir,
                    library,
                    lrs: None,
                    active: None,
                    seen: HashMap::new(),
                    status: shared,
                    changed: Box::new(changed),
                }
                .run(&inbox);
            })?;
        Ok(Sender { messages, status })
    }

    /// Something was recorded: send what is new.
    pub fn wake(&self) {
        let _ = self.messages.send(Message::Wake);
    }

    /// The LRS to send to (and the home address of the course's statements), or none.
    pub fn set_lrs(&self, lrs: Option<(Arc<dyn Lrs>, String)>) {
        let _ = self.messages.send(Message::Lrs(lrs));
    }

    /// The results folder changed.
    pub fn set_dir(&self, dir: PathBuf) {
        let _ = self.messages.send(Message::Dir(dir));
    }

    /// The course was reloaded.
    pub fn set_library(&self, library: Arc<Library>) {
        let _ = self.messages.send(Message::Library(library));
    }

    /// The session being played now (its statements are sent as they settle), or none.
    pub fn set_active(&self, session: Option<PathBuf>) {
        let _ = self.messages.send(Message::Active(session));
    }

    /// What the sender is doing.
    pub fn status(&self) -> SenderStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

struct Worker {
    dir: PathBuf,
    library: Arc<Library>,
    lrs: Option<(Arc<dyn Lrs>, String)>,
    active: Option<PathBuf>,
    /// Sessions known to have nothing waiting: the length their file had then, and how many of
    /// their statements the LRS refused.
    seen: HashMap<PathBuf, (u64, usize)>,
    status: Arc<Mutex<SenderStatus>>,
    changed: Box<dyn Fn() + Send>,
}

impl Worker {
    fn run(mut self, inbox: &mpsc::Receiver<Message>) {
        let mut due = Some(Instant::now());
        let mut wait = FIRST_WAIT;
        let mut backing_off = false;
        loop {
            let timeout = due.map_or(Duration::from_secs(60), |d| {
                d.saturating_duration_since(Instant::now())
            });
            match inbox.recv_timeout(timeout) {
                Ok(message) => {
                    let fresh = matches!(message, Message::Lrs(_) | Message::Dir(_));
                    self.apply(message);
                    if fresh {
                        backing_off = false;
                        wait = FIRST_WAIT;
                    }
                    if !backing_off {
                        due = Some(Instant::now());
                    }
                    // Take every message waiting before trying.
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {}
            }
            if due.is_some_and(|d| d > Instant::now()) {
                continue;
            }
            match self.pass() {
                Ok(()) => {
                    backing_off = false;
                    wait = FIRST_WAIT;
                    due = None;
                }
                Err(LrsError::Unauthorized(_)) => {
                    // Nothing to gain by trying again before the settings change.
                    backing_off = true;
                    due = None;
                }
                Err(_) => {
                    backing_off = true;
                    due = Some(Instant::now() + wait);
                    wait = (wait * 2).min(LONGEST_WAIT);
                }
            }
        }
    }

    fn apply(&mut self, message: Message) {
        match message {
            Message::Wake => {}
            Message::Lrs(lrs) => {
                self.lrs = lrs;
                self.seen.clear();
            }
            Message::Dir(dir) => {
                self.dir = dir;
                self.seen.clear();
            }
            Message::Library(library) => self.library = library,
            Message::Active(active) => {
                // The session left is sent once more, with its suspension if unfinished.
                if let Some(old) = self.active.take() {
                    self.seen.remove(&old);
                }
                self.active = active;
            }
        }
    }

    /// One pass over the folder; the error that stopped it, if one did.
    fn pass(&mut self) -> Result<(), LrsError> {
        let mut status = SenderStatus {
            configured: self.lrs.is_some(),
            ..SenderStatus::default()
        };
        let Some((lrs, home)) = self.lrs.clone() else {
            self.publish(status);
            return Ok(());
        };
        let files = session_files(&self.dir);
        let target = Target::new(&lrs.id(), &home);
        let mut stopped = None;
        for file in files {
            let len = std::fs::metadata(&file).map_or(0, |m| m.len());
            if let Some((seen_len, refused)) = self.seen.get(&file)
                && *seen_len == len
            {
                status.refused += refused;
                continue;
            }
            let state = read_state(&file, &target);
            let refused_before = state.refused.len();
            if state.done {
                status.refused += refused_before;
                self.seen.insert(file, (len, refused_before));
                continue;
            }
            if stopped.is_some() {
                status.refused += refused_before;
                status.waiting += 1;
                continue;
            }
            let extent = if self.active.as_ref() == Some(&file) {
                Extent::Settled
            } else {
                Extent::WithSuspension
            };
            let (delivery, result) =
                deliver(&file, lrs.as_ref(), Some(&self.library), &home, extent);
            let refused = refused_before + delivery.refused.len();
            status.refused += refused;
            match result {
                Ok(()) if delivery.waiting == 0 => {
                    // Sent; or unfinished and settled: nothing to do until the file grows.
                    self.seen.insert(file, (len, refused));
                }
                Ok(()) => status.waiting += 1,
                Err(e) => {
                    status.waiting += 1;
                    if let Some(e) = e.lrs() {
                        stopped = Some(e.clone());
                    }
                }
            }
        }
        status.problem = stopped.clone();
        self.publish(status);
        stopped.map_or(Ok(()), Err)
    }

    fn publish(&self, status: SenderStatus) {
        let changed = match self.status.lock() {
            Ok(mut s) if *s != status => {
                *s = status;
                true
            }
            _ => false,
        };
        if changed {
            (self.changed)();
        }
    }
}
