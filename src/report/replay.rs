//! A recorded session played again from its record: its seed, the rules it was scored under and
//! the trainee's actions, against the scenario it was played from.

use crate::engine::Score;
use crate::engine::session::{ActionError, Session};
use crate::record::SessionStarted;
use crate::scenario::Library;
use std::path::Path;
use thiserror::Error;

/// A session played again, with the score to show: the recorded one when it finished.
#[derive(Debug)]
pub struct Replayed {
    pub started: SessionStarted,
    pub session: Session,
    pub score: Score,
}

/// Why a session cannot be played again.
#[derive(Debug, Error)]
pub enum ReplayError {
    #[error("the session file cannot be read: {0}")]
    Unreadable(String),
    #[error("the session file has no start line")]
    NoStart,
    #[error("the scenario \"{0}\" is not in the library any more")]
    NoScenario(String),
    #[error("the session was scored under rules version {0}, which this version does not know")]
    UnknownRules(u32),
    #[error("the scenario has changed since this session (step {0}: {1})")]
    Changed(usize, ActionError),
}

/// Plays a recorded session again. A finished session keeps the score it recorded; only an
/// interrupted one is scored now, over what occurred, under the rules it started with.
pub fn replay_session(path: &Path, library: &Library) -> Result<Replayed, ReplayError> {
    let log =
        crate::record::read_session(path).map_err(|e| ReplayError::Unreadable(e.to_string()))?;
    let started = log.started().ok_or(ReplayError::NoStart)?.clone();
    let playable = library
        .find(&started.scenario)
        .ok_or_else(|| ReplayError::NoScenario(started.scenario.clone()))?;
    let rules = started
        .rules()
        .ok_or(ReplayError::UnknownRules(started.rules))?;
    let (session, _) = Session::replay(
        std::sync::Arc::clone(playable),
        started.seed,
        rules,
        &log.actions(),
    )
    .map_err(|(i, e)| ReplayError::Changed(i + 1, e))?;
    let score = log
        .finished()
        .map_or_else(|| Score::of(&session), |f| f.score.clone());
    Ok(Replayed {
        started,
        session,
        score,
    })
}
