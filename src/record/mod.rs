//! The session record: one JSON Lines file per session, one event per line, written as it
//! happens and read back tolerantly (a torn last line is reported and skipped).

pub mod index;
pub mod reader;
pub mod store;
pub mod writer;

pub use reader::{SessionLog, read_session};
pub use store::{FsStore, Store};
pub use writer::{RecordError, Recorder, SaveStatus};

use crate::engine::Score;
use crate::engine::session::{Action, Event, Session};
use crate::scenario::Playable;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// How the trainee plays: feedback only in the debrief, or after each choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Feedback only in the debrief (workshops and assessments).
    #[default]
    #[serde(alias = "Workshop")]
    Workshop,
    /// Feedback after each choice (self-paced refresher practice).
    #[serde(alias = "Practice")]
    Practice,
}

impl Mode {
    /// The mode's name, as trainees see it.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Workshop => "Workshop",
            Mode::Practice => "Practice",
        }
    }

    /// The mode's name in files and command lines.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Workshop => "workshop",
            Mode::Practice => "practice",
        }
    }
}

/// The first line of every session file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionStarted {
    /// A random id for the session (the xAPI registration).
    pub session: String,
    pub participant: String,
    pub scenario: String,
    #[serde(default)]
    pub scenario_title: String,
    /// SHA-256 of the scenario file played.
    pub scenario_hash: String,
    pub mode: Mode,
    pub seed: u64,
    pub app_version: String,
    /// The workshop plan the session belongs to, if any.
    #[serde(default)]
    pub plan: Option<String>,
    /// The version of the scoring rules the session is scored under (1 in records that
    /// predate versions). A replay or a resume scores under the same rules.
    #[serde(default = "crate::engine::scoring::first_rules_version")]
    pub rules: u32,
    /// The language the scenario was played in (`en` in records that predate translations).
    /// Scores do not depend on it: a translation changes words, never ids.
    #[serde(default = "english")]
    pub language: String,
}

fn english() -> String {
    "en".to_owned()
}

impl SessionStarted {
    /// The rules the session is scored under, if this build knows them (a record written by a
    /// newer build may name a later version).
    pub fn rules(&self) -> Option<crate::engine::scoring::Rules> {
        crate::engine::scoring::Rules::from_version(self.rules)
    }
}

/// How one visited observation ended (for the cohort's detection rates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationRecord {
    pub scene: String,
    pub observation: String,
    pub indicator: Option<String>,
    /// Version 2: the vulnerability factor it shows, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<String>,
    pub flagged: bool,
    /// The indicator the trainee named for it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
}

/// The last line of a finished session: the full score, and what the cohort figures need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionFinished {
    pub score: Score,
    pub observations: Vec<ObservationRecord>,
}

impl SessionFinished {
    /// The finishing record of a session.
    pub fn of(session: &Session, score: Score) -> Self {
        let s = &session.playable().scenario;
        SessionFinished {
            score,
            observations: session
                .visited_observations()
                .map(|(scene, i, o)| ObservationRecord {
                    scene: s.scene_id(scene).to_owned(),
                    observation: o.id.clone(),
                    indicator: o.indicator.clone(),
                    factor: o.factor.clone(),
                    flagged: session.is_flagged(scene, i),
                    named: session.named(scene, i).map(str::to_owned),
                })
                .collect(),
        }
    }
}

/// What one line of a session file says.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Started(SessionStarted),
    Play(Event),
    /// The session was taken up again after an interruption.
    Resumed,
    Finished(Box<SessionFinished>),
}

/// One line of a session file: its number, its time, and what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub seq: u64,
    pub at: OffsetDateTime,
    pub body: Body,
}

/// Times in records: RFC 3339 in UTC, to the millisecond.
pub fn format_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let ms = t
        .replace_nanosecond(t.nanosecond() / 1_000_000 * 1_000_000)
        .unwrap_or(t);
    ms.format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

/// Parses a record time.
pub fn parse_time(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// Why a line could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("not valid JSON ({0})")]
    Json(String),
    #[error("the line has no `{0}`")]
    Missing(&'static str),
    #[error("unknown event \"{0}\"")]
    UnknownEvent(String),
    #[error("the `{0}` event is malformed ({1})")]
    Malformed(String, String),
}

impl Line {
    /// The line as JSON, without the newline.
    pub fn to_json(&self) -> String {
        let mut map = match &self.body {
            Body::Started(s) => tagged("session_started", s),
            Body::Play(e) => serde_json::to_value(e)
                .ok()
                .and_then(object)
                .unwrap_or_default(),
            Body::Resumed => tagged("session_resumed", &Map::new()),
            Body::Finished(f) => tagged("session_finished", f),
        };
        map.insert("seq".to_owned(), Value::from(self.seq));
        map.insert("t".to_owned(), Value::from(format_time(self.at)));
        Value::Object(map).to_string()
    }

    /// Reads one line of JSON: first its envelope (number, time, event), then its body as the
    /// type the event names, straight from the text.
    pub fn from_json(text: &str) -> Result<Line, LineError> {
        #[derive(Deserialize)]
        struct Envelope<'a> {
            seq: Option<u64>,
            #[serde(borrow)]
            t: Option<std::borrow::Cow<'a, str>>,
            #[serde(borrow)]
            event: Option<std::borrow::Cow<'a, str>>,
        }
        let envelope: Envelope =
            serde_json::from_str(text).map_err(|e| LineError::Json(e.to_string()))?;
        let seq = envelope.seq.ok_or(LineError::Missing("seq"))?;
        let at = envelope
            .t
            .as_deref()
            .and_then(parse_time)
            .ok_or(LineError::Missing("t"))?;
        let event = envelope.event.ok_or(LineError::Missing("event"))?;
        let malformed =
            |e: serde_json::Error| LineError::Malformed(event.to_string(), e.to_string());
        let body = match event.as_ref() {
            "session_started" => Body::Started(serde_json::from_str(text).map_err(malformed)?),
            "session_finished" => {
                Body::Finished(Box::new(serde_json::from_str(text).map_err(malformed)?))
            }
            "session_resumed" => Body::Resumed,
            _ => Body::Play(serde_json::from_str(text).map_err(|e| {
                if e.to_string().contains("unknown variant") {
                    LineError::UnknownEvent(event.to_string())
                } else {
                    malformed(e)
                }
            })?),
        };
        Ok(Line { seq, at, body })
    }
}

fn object(v: Value) -> Option<Map<String, Value>> {
    match v {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

fn tagged<T: Serialize>(tag: &str, value: &T) -> Map<String, Value> {
    let mut map = serde_json::to_value(value)
        .ok()
        .and_then(object)
        .unwrap_or_default();
    map.insert("event".to_owned(), Value::from(tag));
    map
}

/// The header of a new session of a scenario, scored under the current rules.
pub fn started(
    session_id: String,
    participant: &str,
    playable: &Playable,
    mode: Mode,
    seed: u64,
    plan: Option<String>,
) -> SessionStarted {
    SessionStarted {
        session: session_id,
        participant: participant.to_owned(),
        scenario: playable.id().to_owned(),
        scenario_title: playable.scenario.title.clone(),
        scenario_hash: playable.source_hash().to_owned(),
        mode,
        seed,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        plan,
        rules: crate::engine::scoring::Rules::CURRENT.version(),
        language: playable.language.clone(),
    }
}

/// A fresh random session id (UUID version 4).
pub fn new_session_id() -> String {
    let mut bytes = [0u8; 16];
    crate::entropy::fill(&mut bytes);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// The trainee's actions recorded in a log, in order (to replay or resume the session).
pub fn actions_of(lines: &[Line]) -> Vec<Action> {
    lines
        .iter()
        .filter_map(|l| match &l.body {
            Body::Play(e) => e.action(),
            _ => None,
        })
        .collect()
}

/// Whether a participant code is acceptable: 1 to 32 letters, digits, `-` or `_`.
pub fn is_valid_participant(code: &str) -> bool {
    (1..=32).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_round_trip_through_json() {
        let at = parse_time("2026-11-29T10:00:00.123Z").unwrap();
        let lines = [
            Line {
                seq: 3,
                at,
                body: Body::Play(Event::Flagged {
                    scene: "a".into(),
                    observation: "b".into(),
                }),
            },
            Line {
                seq: 4,
                at,
                body: Body::Resumed,
            },
        ];
        for line in lines {
            let json = line.to_json();
            assert!(!json.contains('\n'));
            assert_eq!(Line::from_json(&json).unwrap(), line);
        }
    }

    #[test]
    fn times_are_utc_milliseconds() {
        let t = parse_time("2026-11-29T10:00:00.123456789+02:00").unwrap();
        assert_eq!(format_time(t), "2026-11-29T08:00:00.123Z");
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(matches!(
            Line::from_json("{\"seq\":1"),
            Err(LineError::Json(_))
        ));
        assert_eq!(
            Line::from_json("{\"seq\":1,\"t\":\"2026-11-29T10:00:00Z\"}"),
            Err(LineError::Missing("event"))
        );
        assert_eq!(
            Line::from_json("{\"seq\":1,\"t\":\"2026-11-29T10:00:00Z\",\"event\":\"dance\"}"),
            Err(LineError::UnknownEvent("dance".into()))
        );
    }

    #[test]
    fn participant_codes_are_short_and_plain() {
        assert!(is_valid_participant("T07"));
        assert!(is_valid_participant("cohort-3_T12"));
        assert!(!is_valid_participant(""));
        assert!(!is_valid_participant("Ana María"));
        assert!(!is_valid_participant("../etc"));
        assert!(!is_valid_participant(&"x".repeat(33)));
    }
}
