//! The cohort as xAPI 1.0.3 statements for a learning record store, and back. Per session (one
//! registration): `initialized`, `answered` for each decision, then `completed`, `passed` or
//! `failed` and `terminated` when it reaches an ending; `terminated` alone when it was ended
//! before one; `suspended` while it is left unfinished, and `resumed` where it was taken up again
//! (a suspension sent while it was left stays in the LRS, before it). Statement
//! ids are UUIDs derived from the session and the statement's role (the record line it comes
//! from), and timestamps come from the record, so the statements of a session never change as it
//! goes on, and sending the same file twice is safe.
//!
//! The statements carry what a cohort needs, as extensions under the home address: the session's
//! header on `initialized`, the full score and observations on `completed`, the score so far on
//! `suspended`. `rows_from_statements` rebuilds the same rows a results folder gives, so a report
//! read from an LRS equals the one read from the folders.

use super::Row;
use crate::engine::Score;
use crate::engine::session::Event;
use crate::record::{Body, Line, SessionFinished, SessionStarted, format_time, parse_time};
use crate::scenario::Library;
use crate::scenario::model::{Grade, SceneKind};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use uuid::Uuid;

/// The base of activity ids and of participants' accounts, unless another is given: a
/// placeholder address (the `.invalid` domain exists nowhere) for an organisation to replace with
/// its own (`report --xapi-home`).
pub const HOME: &str = "https://mpa-trainer.invalid";

/// The namespace statement ids are derived in (a fixed UUID of this project).
const NAMESPACE: Uuid = Uuid::from_u128(0x5d6b_4b52_8f3e_4f8a_9c1e_2a7d_6e0b_1c39);

const VERBS: &str = "http://adlnet.gov/expapi/verbs";

fn verb(name: &str) -> Value {
    json!({
        "id": format!("{VERBS}/{name}"),
        "display": { "en-US": name },
    })
}

/// An ISO 8601 duration in seconds, with up to two decimals as xAPI expects.
pub fn iso_duration(seconds: f64) -> String {
    let s = (seconds.max(0.0) * 100.0).round() / 100.0;
    format!("PT{s}S")
}

/// The activity every statement of the course is grouped under: what a reader asks an LRS for.
pub fn course_activity(home: &str) -> String {
    format!("{}/course", home.trim_end_matches('/'))
}

/// The extension keys, under the home address.
struct Keys {
    mode: String,
    session: String,
    finished: String,
    score: String,
    grade: String,
    line: String,
    /// The session's registration, where a launch by an LMS took the registration's place.
    registration: String,
}

impl Keys {
    fn new(home: &str) -> Keys {
        let k = |name: &str| format!("{home}/xapi/{name}");
        Keys {
            mode: k("mode"),
            session: k("session"),
            finished: k("finished"),
            score: k("score"),
            grade: k("grade"),
            line: k("line"),
            registration: format!("{home}{}", crate::lrs::launch::SESSION_REGISTRATION),
        }
    }
}

/// Which statements of a session to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Only those that never change once made: what a session being played sends as it goes.
    Settled,
    /// Those, and a `suspended` statement with the score so far for a session left unfinished:
    /// what an export or a sync of a results folder sends.
    WithSuspension,
}

/// The statements of one session, in order, with the suspension of an unfinished one.
pub fn statements(row: &Row, lines: &[Line], library: Option<&Library>, home: &str) -> Vec<Value> {
    statements_of(row, lines, library, home, Extent::WithSuspension)
}

/// The statements of one session, in order.
pub fn statements_of(
    row: &Row,
    lines: &[Line],
    library: Option<&Library>,
    home: &str,
    extent: Extent,
) -> Vec<Value> {
    let home = home.trim_end_matches('/');
    let keys = Keys::new(home);
    let st = &row.started;
    let registration = registration_of(&st.session);
    let scenario_iri = format!("{home}/scenarios/{}", st.scenario);
    let playable = library
        .and_then(|l| l.find_in(&st.scenario, &st.language))
        .filter(|p| p.source_hash() == st.scenario_hash);
    let title = if st.scenario_title.is_empty() {
        st.scenario.clone()
    } else {
        st.scenario_title.clone()
    };
    let actor = json!({
        "objectType": "Agent",
        "account": { "homePage": format!("{home}/participants"), "name": st.participant },
    });
    // Names are in the language the session was played in (RFC 5646, as xAPI asks).
    let tag = if st.language == "en" {
        "en-US"
    } else {
        st.language.as_str()
    };
    let scenario_object = json!({
        "objectType": "Activity",
        "id": scenario_iri,
        "definition": {
            "name": { tag: title },
            "type": "http://adlnet.gov/expapi/activities/simulation",
        },
    });
    let course = json!([{ "objectType": "Activity", "id": course_activity(home) }]);
    let mut out = Vec::new();
    let mut push = |role: &str,
                    verb_name: &str,
                    object: Value,
                    result: Option<Value>,
                    at: time::OffsetDateTime,
                    parent: bool,
                    extra: Vec<(&str, Value)>| {
        // The home address is part of the id: the same session sent as two courses never clashes.
        let id = Uuid::new_v5(
            &NAMESPACE,
            format!("{home}/{registration}/{role}").as_bytes(),
        );
        let mut context = json!({
            "registration": registration.to_string(),
            "language": st.language,
        });
        context["contextActivities"] = json!({ "grouping": course });
        if parent {
            context["contextActivities"]["parent"] =
                json!([{ "objectType": "Activity", "id": scenario_iri }]);
        }
        context["extensions"] = json!({ keys.mode.clone(): st.mode.as_str() });
        for (key, value) in extra {
            context["extensions"][key] = value;
        }
        let mut s = json!({
            "id": id.to_string(),
            "actor": actor,
            "verb": verb(verb_name),
            "object": object,
            "context": context,
            "timestamp": format_time(at),
        });
        if let Some(r) = result {
            s["result"] = r;
        }
        out.push(s);
    };

    push(
        "initialized",
        "initialized",
        scenario_object.clone(),
        None,
        row.started_at,
        false,
        serde_json::to_value(st)
            .ok()
            .map(|v| (keys.session.as_str(), v))
            .into_iter()
            .collect(),
    );
    for line in lines {
        if matches!(line.body, Body::Resumed) {
            // Taken up again after it was left (and perhaps sent as `suspended`).
            push(
                &format!("resumed/{}", line.seq),
                "resumed",
                scenario_object.clone(),
                None,
                line.at,
                false,
                vec![(keys.line.as_str(), json!(line.seq))],
            );
            continue;
        }
        let Body::Play(Event::ChoiceTaken {
            scene,
            choice,
            grade: Some(grade),
            ..
        }) = &line.body
        else {
            continue;
        };
        let mut definition = json!({
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "interactionType": "choice",
            "name": { "en-US": format!("{title}: decision at {scene}") },
        });
        if let Some(p) = playable
            && let Some(SceneKind::Scene(sc)) = p
                .scenario
                .scene_index(scene)
                .and_then(|i| p.scenario.scene(i))
        {
            definition["choices"] = Value::Array(
                sc.choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| json!({ "id": i.to_string(), "description": { tag: c.text } }))
                    .collect(),
            );
            let right: Vec<String> = sc
                .choices
                .iter()
                .enumerate()
                .filter(|(_, c)| c.grade == Some(Grade::Appropriate))
                .map(|(i, _)| i.to_string())
                .collect();
            if !right.is_empty() {
                definition["correctResponsesPattern"] = json!(right);
            }
        }
        let object = json!({
            "objectType": "Activity",
            "id": format!("{scenario_iri}/scenes/{scene}"),
            "definition": definition,
        });
        let result = json!({
            "response": choice.to_string(),
            "success": matches!(grade, Grade::Appropriate | Grade::Acceptable),
            "extensions": { keys.grade.clone(): format!("{grade:?}") },
        });
        push(
            &format!("answered/{}", line.seq),
            "answered",
            object,
            Some(result),
            line.at,
            true,
            vec![(keys.line.as_str(), json!(line.seq))],
        );
    }
    match (row.finished_at, &row.finished) {
        (Some(finished_at), Some(finished)) if finished.score.complete => {
            let score = &finished.score;
            let duration = iso_duration(row.duration_s());
            push(
                "completed",
                "completed",
                scenario_object.clone(),
                Some(json!({
                    "completion": true,
                    "duration": duration,
                    "extensions": {
                        keys.finished.clone(): serde_json::to_value(finished).unwrap_or(Value::Null),
                    },
                })),
                finished_at,
                false,
                Vec::new(),
            );
            push(
                "verdict",
                if score.passed { "passed" } else { "failed" },
                scenario_object.clone(),
                Some(json!({
                    "score": { "scaled": round4(score.scaled.clamp(0.0, 1.0)) },
                    "success": score.passed,
                    "completion": true,
                    "duration": duration,
                    "extensions": {
                        format!("{home}/xapi/rules-version"): score.rules,
                        format!("{home}/xapi/indicator-score"): round4(score.indicators.score),
                        format!("{home}/xapi/false-alarm-rate"):
                            round4(score.indicators.false_alarm_rate()),
                        format!("{home}/xapi/factors-noted"): score.indicators.factors_noted,
                        format!("{home}/xapi/factors-missed"): score.indicators.factors_missed,
                        format!("{home}/xapi/critical-errors"): score.critical_errors.len(),
                    },
                })),
                finished_at,
                false,
                Vec::new(),
            );
            push(
                "terminated",
                "terminated",
                scenario_object,
                None,
                finished_at,
                false,
                Vec::new(),
            );
        }
        (Some(finished_at), Some(finished)) => {
            // Ended before an ending (a script that stops early): no completion, no verdict,
            // the score over what occurred.
            push(
                "terminated",
                "terminated",
                scenario_object,
                Some(json!({
                    "completion": false,
                    "extensions": {
                        keys.finished.clone(): serde_json::to_value(finished).unwrap_or(Value::Null),
                    },
                })),
                finished_at,
                false,
                Vec::new(),
            );
        }
        _ if extent == Extent::WithSuspension => {
            // Left unfinished: no completion, no verdict; the score so far, if it could be
            // computed. A later line makes a new suspension, so the last one is the one to read.
            let last_seq = lines.last().map_or(0, |l| l.seq);
            let mut result = json!({ "completion": false });
            if let Some(score) = &row.score {
                result["extensions"] = json!({ keys.score.clone(): serde_json::to_value(score).unwrap_or(Value::Null) });
            }
            push(
                &format!("suspended/{last_seq}"),
                "suspended",
                scenario_object,
                Some(result),
                row.last_at,
                false,
                vec![(keys.line.as_str(), json!(last_seq))],
            );
        }
        _ => {}
    }
    out
}

/// The registration (a UUID) of a session id.
pub fn registration_of(session: &str) -> Uuid {
    Uuid::parse_str(session).unwrap_or_else(|_| Uuid::new_v5(&NAMESPACE, session.as_bytes()))
}

/// A figure rounded to four decimals, as statements carry it.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// What statements read back could not be turned into a session: the registration, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub registration: String,
    pub why: &'static str,
}

/// Rebuilds the cohort's rows from statements this course sent (any order, any number of
/// sessions, repeats harmless): the same rows, with the same decisions as record lines, that
/// reading the sessions' files gives. Statements of other activities are left out; a session
/// whose `initialized` statement is missing cannot be rebuilt and is named.
pub fn rows_from_statements(
    statements: &[Value],
    home: &str,
) -> (Vec<(Row, Vec<Line>)>, Vec<Unreadable>) {
    let mut rows = RowsFromStatements::new(home);
    for s in statements {
        rows.add(s);
    }
    rows.finish()
}

/// `rows_from_statements` a page at a time: each statement is read into the few typed values a
/// row needs as it arrives, so memory grows with the sessions, not with the statements' JSON.
pub struct RowsFromStatements {
    keys: Keys,
    prefix: String,
    sessions: BTreeMap<String, Parts>,
}

/// What the statements of one registration have given so far.
#[derive(Default)]
struct Parts {
    started: Option<(SessionStarted, time::OffsetDateTime)>,
    finished: Option<(SessionFinished, time::OffsetDateTime)>,
    /// The latest suspension: (record line, time, score so far).
    suspended: Option<(u64, time::OffsetDateTime, Option<Score>)>,
    /// The decisions, by record line.
    answered: BTreeMap<u64, Line>,
}

impl RowsFromStatements {
    /// Rows of the course under `home`.
    pub fn new(home: &str) -> Self {
        let home = home.trim_end_matches('/');
        RowsFromStatements {
            keys: Keys::new(home),
            prefix: format!("{home}/scenarios/"),
            sessions: BTreeMap::new(),
        }
    }

    /// Reads one statement (one of another activity, or without a registration, is left out).
    /// A statement sent under an LMS's launch carries the session's registration in an
    /// extension, the LMS's in its place.
    pub fn add(&mut self, s: &Value) {
        let keys = &self.keys;
        let Some(registration) = s["context"]["extensions"][&keys.registration]
            .as_str()
            .or_else(|| s["context"]["registration"].as_str())
        else {
            return;
        };
        let object = s["object"]["id"].as_str().unwrap_or("");
        if !object.starts_with(&self.prefix) {
            return;
        }
        let verb = s["verb"]["id"]
            .as_str()
            .and_then(|v| v.strip_prefix(VERBS))
            .unwrap_or("");
        let Some(at) = s["timestamp"].as_str().and_then(parse_time) else {
            return;
        };
        let parts = self.sessions.entry(registration.to_owned()).or_default();
        match verb {
            "/initialized" => {
                if let Ok(header) = serde_json::from_value::<SessionStarted>(
                    s["context"]["extensions"][&keys.session].clone(),
                ) {
                    parts.started = Some((header, at));
                }
            }
            "/completed" | "/terminated" => {
                if let Ok(f) = serde_json::from_value::<SessionFinished>(
                    s["result"]["extensions"][&keys.finished].clone(),
                ) {
                    parts.finished = Some((f, at));
                }
            }
            "/suspended" => {
                let seq = s["context"]["extensions"][&keys.line].as_u64().unwrap_or(0);
                let score =
                    serde_json::from_value::<Score>(s["result"]["extensions"][&keys.score].clone())
                        .ok();
                if parts.suspended.as_ref().is_none_or(|(q, _, _)| seq >= *q) {
                    parts.suspended = Some((seq, at, score));
                }
            }
            "/answered" => {
                if let Some(seq) = s["context"]["extensions"][&keys.line].as_u64()
                    && let Some(line) = decision(s, keys, seq, at)
                {
                    parts.answered.insert(seq, line);
                }
            }
            _ => {}
        }
    }

    /// The rows, by registration, and the registrations that could not be rebuilt.
    pub fn finish(self) -> (Vec<(Row, Vec<Line>)>, Vec<Unreadable>) {
        let mut rows = Vec::new();
        let mut unreadable = Vec::new();
        for (registration, parts) in self.sessions {
            let Some((started, started_at)) = parts.started else {
                unreadable.push(Unreadable {
                    registration,
                    why: "its initialized statement, which names the session, is missing",
                });
                continue;
            };
            let lines: Vec<Line> = parts.answered.into_values().collect();
            let (score, finished, finished_at, last_at) = match (parts.finished, parts.suspended) {
                (Some((f, at)), _) => (Some(f.score.clone()), Some(f), Some(at), at),
                (None, Some((_, at, score))) => (score, None, None, at),
                (None, None) => (None, None, None, lines.last().map_or(started_at, |l| l.at)),
            };
            rows.push((
                Row {
                    path: PathBuf::from(format!("lrs:{registration}")),
                    started,
                    started_at,
                    finished_at,
                    last_at,
                    score,
                    finished,
                    problems: Vec::new(),
                },
                lines,
            ));
        }
        (rows, unreadable)
    }
}

/// An `answered` statement as the record line of the decision it reports.
fn decision(s: &Value, keys: &Keys, seq: u64, at: time::OffsetDateTime) -> Option<Line> {
    let scene = s["object"]["id"].as_str()?.rsplit("/scenes/").next()?;
    let choice = s["result"]["response"].as_str()?.parse().ok()?;
    let grade: Grade =
        serde_json::from_value(json!(s["result"]["extensions"][&keys.grade].as_str()?)).ok()?;
    Some(Line {
        seq,
        at,
        body: Body::Play(Event::ChoiceTaken {
            scene: scene.to_owned(),
            choice,
            grade: Some(grade),
            points: grade.points(),
            critical: false,
        }),
    })
}

/// Writes statements as one JSON array, a session at a time.
pub struct XapiWriter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> XapiWriter<W> {
    /// Starts the array.
    pub fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all(b"[")?;
        Ok(XapiWriter { out, first: true })
    }

    /// Writes a session's statements.
    pub fn session(&mut self, statements: &[Value]) -> std::io::Result<()> {
        for s in statements {
            if !self.first {
                self.out.write_all(b",")?;
            }
            self.first = false;
            self.out.write_all(b"\n")?;
            serde_json::to_writer(&mut self.out, s)?;
        }
        Ok(())
    }

    /// Closes the array.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.write_all(b"\n]\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(83.456), "PT83.46S");
        assert_eq!(iso_duration(0.0), "PT0S");
        assert_eq!(iso_duration(-3.0), "PT0S");
    }
}
