//! A whole results folder to the LRS (a laptop that was offline all day), and the course's
//! statements back from it.

use super::client::{Lrs, LrsError, Query};
use super::outbox::{Refusal, Target, deliver, read_state};
use crate::record::index::session_files;
use crate::report::xapi::{Extent, course_activity};
use crate::scenario::Library;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long to wait between tries when the LRS cannot be reached or fails, and how often.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Tries of one session before the sync stops (at least 1).
    pub tries: u32,
    /// The first wait; each next wait doubles, up to `longest`.
    pub first: Duration,
    pub longest: Duration,
}

impl Backoff {
    /// The wait before try `n` (counted from 1; none before the first).
    pub fn wait(&self, n: u32) -> Duration {
        if n <= 1 {
            return Duration::ZERO;
        }
        self.first
            .saturating_mul(1 << (n - 2).min(16))
            .min(self.longest)
    }
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            tries: 5,
            first: Duration::from_secs(1),
            longest: Duration::from_secs(30),
        }
    }
}

/// Where a sync is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncProgress {
    /// Sessions looked at, of `total`.
    pub done: usize,
    pub total: usize,
    /// Statements stored so far.
    pub sent: usize,
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct SyncSummary {
    pub sessions: usize,
    /// Sessions the LRS already had in full.
    pub up_to_date: usize,
    /// Sessions that sent something.
    pub delivered: usize,
    pub statements_sent: usize,
    /// Statements the LRS refused in this sync, with their session (kept aside, never sent
    /// again).
    pub refused: Vec<(PathBuf, Refusal)>,
    /// Statements it refused in earlier syncs, still kept aside in the sessions' outboxes.
    pub refused_before: Vec<(PathBuf, Refusal)>,
    /// Sessions that could not be read or whose outbox could not be written.
    pub problems: Vec<(PathBuf, String)>,
    /// Why the sync stopped early, if it did; the sessions not sent wait for the next sync.
    pub stopped: Option<LrsError>,
    /// Sessions with statements still to send.
    pub waiting: usize,
}

/// Sends every session under `dir` that the LRS does not have in full, one after another, each
/// from its outbox. When the LRS cannot be reached or fails, a session is tried again after a
/// wait (`backoff`); when it still fails, or the credentials are refused, the sync stops and
/// says why. `sleep` waits (tests pass one that does not).
pub fn sync_folder(
    dir: &Path,
    lrs: &dyn Lrs,
    library: Option<&Library>,
    home: &str,
    backoff: Backoff,
    mut sleep: impl FnMut(Duration),
    mut progress: impl FnMut(&SyncProgress),
) -> SyncSummary {
    let files = session_files(dir);
    let target = Target::new(&lrs.id(), home);
    let mut summary = SyncSummary {
        sessions: files.len(),
        ..SyncSummary::default()
    };
    let mut p = SyncProgress {
        done: 0,
        total: files.len(),
        sent: 0,
    };
    progress(&p);
    for (i, file) in files.iter().enumerate() {
        if summary.stopped.is_some() {
            summary.waiting += usize::from(!read_state(file, &target).done);
            continue;
        }
        let state = read_state(file, &target);
        summary
            .refused_before
            .extend(state.refused.into_values().map(|r| (file.clone(), r)));
        if state.done {
            summary.up_to_date += 1;
        } else {
            let mut tries = 0;
            loop {
                tries += 1;
                let wait = backoff.wait(tries);
                if !wait.is_zero() {
                    sleep(wait);
                }
                let (delivery, result) = deliver(file, lrs, library, home, Extent::WithSuspension);
                summary.statements_sent += delivery.sent;
                p.sent += delivery.sent;
                summary
                    .refused
                    .extend(delivery.refused.into_iter().map(|r| (file.clone(), r)));
                match result {
                    Ok(()) => {
                        if delivery.sent > 0 {
                            summary.delivered += 1;
                        } else {
                            summary.up_to_date += 1;
                        }
                        break;
                    }
                    Err(e) => match e.lrs() {
                        Some(lrs_error) if lrs_error.is_transient() && tries < backoff.tries => {}
                        Some(lrs_error) => {
                            summary.stopped = Some(lrs_error.clone());
                            summary.waiting += 1;
                            break;
                        }
                        None => {
                            summary.problems.push((file.clone(), e.to_string()));
                            break;
                        }
                    },
                }
            }
        }
        p.done = i + 1;
        progress(&p);
    }
    summary
}

/// Every statement of the course the LRS holds (stored since `since`, if given), handed to
/// `each` page by page, so that no more than a page is held at once. `progress` is told how many
/// statements have been read.
pub fn fetch_course(
    lrs: &dyn Lrs,
    home: &str,
    since: Option<String>,
    mut each: impl FnMut(Vec<Value>),
    mut progress: impl FnMut(usize),
) -> Result<usize, LrsError> {
    let mut read = 0;
    let mut query = Query::About {
        activity: course_activity(home),
        since,
        limit: 500,
    };
    loop {
        let page = lrs.get(&query)?;
        read += page.statements.len();
        each(page.statements);
        progress(read);
        match page.more {
            Some(more) => query = Query::More(more),
            None => return Ok(read),
        }
    }
}
