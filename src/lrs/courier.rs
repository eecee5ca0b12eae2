//! The sender where there is no thread to wait on the network (a browser): the same outboxes and
//! the same rules as `sender` and `outbox::deliver`, one request at a time. The caller asks for
//! the next batch, posts it however it can (a browser's `fetch`), and gives the answer back;
//! the courier writes it down in the session's outbox. A batch the LRS refuses is sent again
//! statement by statement; a transient error or refused credentials are handed back for the
//! caller to wait, as the thread's sender does.

use super::client::LrsError;
use super::outbox::{DeliveryError, Target, mark_done, mark_refused, mark_stored, pending};
use super::sender::SenderStatus;
use crate::record::index::session_files;
use crate::report::xapi::Extent;
use crate::scenario::Library;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A batch to post, and which session it is of.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub session: PathBuf,
    pub statements: Vec<Value>,
}

/// The sender's state between requests.
#[derive(Debug)]
pub struct Courier {
    target: Target,
    home: String,
    in_flight: Option<Batch>,
    /// The session whose statements go one by one, after the LRS refused a batch of it.
    one_by_one: Option<PathBuf>,
    status: SenderStatus,
}

impl Courier {
    /// A courier to an LRS (by its `id`) under a home address.
    pub fn new(lrs: &str, home: &str) -> Courier {
        Courier {
            target: Target::new(lrs, home),
            home: home.to_owned(),
            in_flight: None,
            one_by_one: None,
            status: SenderStatus {
                configured: true,
                ..SenderStatus::default()
            },
        }
    }

    /// What is waiting and what stopped the last request.
    pub fn status(&self) -> &SenderStatus {
        &self.status
    }

    /// What stopped the last request another sender made to the same LRS (cmi5's own
    /// statements): none, it went through.
    pub fn set_problem(&mut self, problem: Option<LrsError>) {
        self.status.problem = problem;
    }

    /// Whether a batch is out and not answered yet.
    pub fn is_busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// The next batch of the results folder that the LRS does not have (none: everything is
    /// sent). The session being played (`active`) sends only its settled statements. A finished
    /// session with nothing waiting is written down as done and not read again.
    pub fn next(&mut self, dir: &Path, library: &Library, active: Option<&Path>) -> Option<Batch> {
        if let Some(batch) = &self.in_flight {
            return Some(batch.clone());
        }
        let mut waiting = 0;
        let mut refused = 0;
        let mut out = None;
        for file in session_files(dir) {
            let extent = if active == Some(file.as_path()) {
                Extent::Settled
            } else {
                Extent::WithSuspension
            };
            let state = super::outbox::read_state(&file, &self.target);
            refused += state.refused.len();
            if state.done {
                continue;
            }
            let Ok(p) = pending(&file, &self.target, Some(library), &self.home, extent) else {
                // An unreadable record stays where it is; the recorder has told of it.
                continue;
            };
            if p.waiting.is_empty() {
                if p.finished {
                    let _ = mark_done(&file, &self.target);
                }
                if self.one_by_one.as_ref() == Some(&file) {
                    self.one_by_one = None;
                }
                continue;
            }
            waiting += 1;
            if out.is_none() {
                let size = if self.one_by_one.as_ref() == Some(&file) {
                    1
                } else {
                    super::outbox::BATCH
                };
                out = Some(Batch {
                    statements: p.waiting.into_iter().take(size).collect(),
                    session: file,
                });
            }
        }
        self.status.waiting = waiting;
        self.status.refused = refused;
        self.in_flight.clone_from(&out);
        out
    }

    /// The LRS's answer to the batch out. Stored or refused statements are written down; an
    /// error that stops sending (the network, the server, the credentials) is given back, and
    /// the batch is sent again at the next `next`.
    pub fn answer(&mut self, answer: Result<(), LrsError>) -> Result<(), DeliveryError> {
        let Some(batch) = self.in_flight.take() else {
            return Ok(());
        };
        match answer {
            Ok(()) => {
                self.status.problem = None;
                mark_stored(&batch.session, &self.target, &batch.statements)
                    .map_err(DeliveryError::Outbox)
            }
            Err(e) if e.is_refusal() && batch.statements.len() > 1 => {
                // Find which: one by one.
                self.one_by_one = Some(batch.session);
                Ok(())
            }
            Err(e) if e.is_refusal() => {
                self.status.refused += 1;
                match batch.statements.first() {
                    Some(value) => mark_refused(&batch.session, &self.target, value, e)
                        .map(drop)
                        .map_err(DeliveryError::Outbox),
                    None => Ok(()),
                }
            }
            Err(e) => {
                self.status.problem = Some(e.clone());
                Err(DeliveryError::Lrs(e))
            }
        }
    }
}
