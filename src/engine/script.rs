//! Scripted play: a list of actions played without a window, exactly as a trainee would.

use super::session::{Action, ActionError, Event, Session};
use crate::scenario::Playable;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use thiserror::Error;

/// A script, as authors, tests and replays write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    #[serde(default)]
    pub participant: String,
    /// Extension: the display-order seed to record (0 when left out).
    #[serde(default)]
    pub seed: Option<u64>,
    pub actions: Vec<Action>,
}

/// An action of a script that does not fit the scene it reaches.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("action {position} ({action:?}): {error}")]
pub struct ScriptError {
    /// 1-based position of the action in `actions`.
    pub position: usize,
    pub action: Action,
    pub error: ActionError,
}

/// Plays a script from the start; every event of the session in order, or the first action
/// that does not fit. `record` sees each action's events as they happen (the session log).
pub fn play(
    playable: Arc<Playable>,
    script: &Script,
    mut record: impl FnMut(&Session, &[Event]),
) -> Result<Session, Box<ScriptError>> {
    let (mut session, events) = Session::start(playable, script.seed.unwrap_or(0));
    record(&session, &events);
    for (i, action) in script.actions.iter().enumerate() {
        let events = session.apply(action.clone()).map_err(|error| {
            Box::new(ScriptError {
                position: i + 1,
                action: action.clone(),
                error,
            })
        })?;
        record(&session, &events);
    }
    Ok(session)
}
