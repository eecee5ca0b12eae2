//! The outbox: which statements of a session an LRS has stored, kept in a file beside the
//! session's record (`NAME.TARGET.outbox` beside `NAME.jsonl`, one per LRS and home address, so a
//! new LRS gets every session again), one line per answer, on the disk before
//! the next batch goes. The statements themselves are made again from the record each time, with
//! the same ids, so a crash, a restart or a full disk only delays them, and sending one twice is
//! harmless. A statement the LRS refuses (a conflict, an invalid statement) is written down with
//! its reason and never sent again, nor dropped silently.

use super::client::{Lrs, LrsError};
use crate::record::format_time;
use crate::report::xapi::{Extent, statements_of};
use crate::report::{Detail, read_row};
use crate::scenario::Library;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Statements sent in one request.
pub const BATCH: usize = 50;

/// A statement the LRS would not store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub id: String,
    /// 409 (a different statement has this id) or 400 (invalid).
    pub status: u16,
    pub message: String,
}

/// What the outbox says of a session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxState {
    /// Ids of statements the LRS has stored.
    pub stored: HashSet<String>,
    /// Statements it refused, by id.
    pub refused: BTreeMap<String, Refusal>,
    /// Whether every statement of the finished session is stored (or refused).
    pub done: bool,
}

/// One line of the outbox file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Entry {
    Stored { ids: Vec<String>, t: String },
    Refused { refusal: Refusal, t: String },
    Done { t: String },
}

/// Where a session's statements go: an LRS and the home address they are made under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target(String);

impl Target {
    /// The target of an LRS (by its `id`) and a home address.
    pub fn new(lrs: &str, home: &str) -> Target {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(format!("{lrs} {home}").as_bytes());
        Target(digest[..4].iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// The outbox file of a session file, for a target.
pub fn outbox_path(session: &Path, target: &Target) -> PathBuf {
    session.with_extension(format!("{}.outbox", target.0))
}

/// Reads a session's outbox for a target (none yet: nothing sent). A torn last line is skipped:
/// its statements are simply sent again.
pub fn read_state(session: &Path, target: &Target) -> OutboxState {
    let mut state = OutboxState::default();
    let Ok(text) = crate::files::read_to_string(&outbox_path(session, target)) else {
        return state;
    };
    for line in text.lines() {
        match serde_json::from_str::<Entry>(line) {
            Ok(Entry::Stored { ids, .. }) => state.stored.extend(ids),
            Ok(Entry::Refused { refusal, .. }) => {
                state.refused.insert(refusal.id.clone(), refusal);
            }
            Ok(Entry::Done { .. }) => state.done = true,
            Err(_) => {}
        }
    }
    state
}

fn append(outbox: &Path, entry: &Entry) -> std::io::Result<()> {
    let mut line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
    line.push('\n');
    crate::files::append_private(outbox, line.as_bytes())
}

fn now() -> String {
    format_time(time::OffsetDateTime::now_utc())
}

/// What one delivery of a session did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Statements of the session, as made from its record now.
    pub statements: usize,
    /// Stored by this delivery.
    pub sent: usize,
    /// Refused by this delivery.
    pub refused: Vec<Refusal>,
    /// Still to send (after an error stopped the delivery).
    pub waiting: usize,
    /// Whether the session is finished and nothing of it is waiting any more.
    pub done: bool,
}

/// Why a delivery stopped.
#[derive(Debug, Error)]
pub enum DeliveryError {
    /// The session file could not be read.
    #[error("the session file cannot be read: {0}")]
    Unreadable(String),
    /// The outbox file could not be written (a full or read-only disk): what was sent will be
    /// sent again, harmlessly.
    #[error("the outbox beside the session cannot be written: {0}")]
    Outbox(std::io::Error),
    #[error(transparent)]
    Lrs(LrsError),
}

impl DeliveryError {
    /// The LRS error, if that is what stopped it.
    pub fn lrs(&self) -> Option<&LrsError> {
        match self {
            DeliveryError::Lrs(e) => Some(e),
            _ => None,
        }
    }
}

/// What a session has for a target now, as made from its record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pending {
    /// Statements of the session.
    pub statements: usize,
    /// Those the LRS has neither stored nor refused, in order.
    pub waiting: Vec<Value>,
    /// Whether the session is finished.
    pub finished: bool,
    /// What the outbox said before.
    pub state: OutboxState,
}

/// The statements of a session that the target does not have yet.
pub fn pending(
    session: &Path,
    target: &Target,
    library: Option<&Library>,
    home: &str,
    extent: Extent,
) -> Result<Pending, DeliveryError> {
    let (row, lines) =
        read_row(session, Detail::Full, library).map_err(DeliveryError::Unreadable)?;
    let all = statements_of(&row, &lines, library, home, extent);
    let state = read_state(session, target);
    let statements = all.len();
    let waiting = all
        .into_iter()
        .filter(|s| {
            let id = s["id"].as_str().unwrap_or("");
            !state.stored.contains(id) && !state.refused.contains_key(id)
        })
        .collect();
    Ok(Pending {
        statements,
        waiting,
        finished: row.finished.is_some(),
        state,
    })
}

/// Writes down that the target stored these statements.
pub fn mark_stored(session: &Path, target: &Target, values: &[Value]) -> std::io::Result<()> {
    record_stored(&outbox_path(session, target), values)
}

/// Writes down that the target refused a statement (`error` is a refusal), and returns it.
pub fn mark_refused(
    session: &Path,
    target: &Target,
    value: &Value,
    error: LrsError,
) -> std::io::Result<Refusal> {
    let refusal = Refusal {
        id: value["id"].as_str().unwrap_or("").to_owned(),
        status: match &error {
            LrsError::Conflict(_) => 409,
            LrsError::Refused(s, _) => *s,
            _ => 0,
        },
        message: match error {
            LrsError::Conflict(m) | LrsError::Refused(_, m) => m,
            other => other.to_string(),
        },
    };
    let entry = Entry::Refused {
        refusal: refusal.clone(),
        t: now(),
    };
    append(&outbox_path(session, target), &entry)?;
    Ok(refusal)
}

/// Writes down that every statement of the finished session is stored or refused.
pub fn mark_done(session: &Path, target: &Target) -> std::io::Result<()> {
    append(&outbox_path(session, target), &Entry::Done { t: now() })
}

/// Sends what the LRS does not have yet of one session, in batches of `BATCH`. A batch the LRS
/// refuses is sent again statement by statement, so the good ones are stored and the bad ones
/// are written down as refused. A transient error or wrong credentials stop it; what was not sent
/// waits for the next delivery.
pub fn deliver(
    session: &Path,
    lrs: &dyn Lrs,
    library: Option<&Library>,
    home: &str,
    extent: Extent,
) -> (Delivery, Result<(), DeliveryError>) {
    let mut delivery = Delivery::default();
    let target = Target::new(&lrs.id(), home);
    let pending = match pending(session, &target, library, home, extent) {
        Ok(p) => p,
        Err(e) => return (delivery, Err(e)),
    };
    delivery.statements = pending.statements;
    delivery.waiting = pending.waiting.len();
    for batch in pending.waiting.chunks(BATCH) {
        match lrs.post(batch) {
            Ok(()) => {
                if let Err(e) = mark_stored(session, &target, batch) {
                    return (delivery, Err(DeliveryError::Outbox(e)));
                }
                delivery.sent += batch.len();
                delivery.waiting -= batch.len();
            }
            Err(e) if e.is_refusal() => {
                // Find which: one by one.
                for value in batch {
                    match lrs.post(std::slice::from_ref(value)) {
                        Ok(()) => {
                            if let Err(e) =
                                mark_stored(session, &target, std::slice::from_ref(value))
                            {
                                return (delivery, Err(DeliveryError::Outbox(e)));
                            }
                            delivery.sent += 1;
                        }
                        Err(e) if e.is_refusal() => {
                            match mark_refused(session, &target, value, e) {
                                Ok(refusal) => delivery.refused.push(refusal),
                                Err(e) => return (delivery, Err(DeliveryError::Outbox(e))),
                            }
                        }
                        Err(e) => return (delivery, Err(DeliveryError::Lrs(e))),
                    }
                    delivery.waiting -= 1;
                }
            }
            Err(e) => return (delivery, Err(DeliveryError::Lrs(e))),
        }
    }
    if pending.finished
        && delivery.waiting == 0
        && !pending.state.done
        && let Err(e) = mark_done(session, &target)
    {
        return (delivery, Err(DeliveryError::Outbox(e)));
    }
    delivery.done = pending.finished && delivery.waiting == 0;
    (delivery, Ok(()))
}

fn record_stored(outbox: &Path, values: &[Value]) -> std::io::Result<()> {
    let ids = values
        .iter()
        .filter_map(|v| v["id"].as_str().map(str::to_owned))
        .collect();
    append(outbox, &Entry::Stored { ids, t: now() })
}
