//! The cohort as xAPI 1.0.3 statements for a learning record store: per session (one
//! registration) `initialized`, `answered` for each decision, `completed`, `passed` or `failed`,
//! `terminated`. Statement ids are UUIDs derived from the session and the statement's place, and
//! timestamps come from the record, so sending the same file twice is safe.

use super::Row;
use crate::engine::session::Event;
use crate::record::{Body, Line, format_time};
use crate::scenario::Library;
use crate::scenario::model::{Grade, SceneKind};
use serde_json::{Value, json};
use std::io::Write;
use uuid::Uuid;

/// The base of activity ids and of participants' accounts, unless another is given: a
/// placeholder address (the `.invalid` domain exists nowhere) for an organisation to replace with
/// its own (`report --xapi-home`).
pub const HOME: &str = "https://mpa-trainer.invalid";

/// The namespace statement ids are derived in (a fixed UUID of this project).
const NAMESPACE: Uuid = Uuid::from_u128(0x5d6b_4b52_8f3e_4f8a_9c1e_2a7d_6e0b_1c39);

fn verb(name: &str) -> Value {
    json!({
        "id": format!("http://adlnet.gov/expapi/verbs/{name}"),
        "display": { "en-US": name },
    })
}

/// An ISO 8601 duration in seconds, with up to two decimals as xAPI expects.
pub fn iso_duration(seconds: f64) -> String {
    let s = (seconds.max(0.0) * 100.0).round() / 100.0;
    format!("PT{s}S")
}

/// The statements of one session, in order.
pub fn statements(row: &Row, lines: &[Line], library: Option<&Library>, home: &str) -> Vec<Value> {
    let home = home.trim_end_matches('/');
    let st = &row.started;
    let registration = Uuid::parse_str(&st.session)
        .unwrap_or_else(|_| Uuid::new_v5(&NAMESPACE, st.session.as_bytes()));
    let scenario_iri = format!("{home}/scenarios/{}", st.scenario);
    let playable = library
        .and_then(|l| l.find(&st.scenario))
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
    let scenario_object = json!({
        "objectType": "Activity",
        "id": scenario_iri,
        "definition": {
            "name": { "en-US": title },
            "type": "http://adlnet.gov/expapi/activities/simulation",
        },
    });
    let mut out = Vec::new();
    let mut push = |verb_name: &str,
                    object: Value,
                    result: Option<Value>,
                    at: time::OffsetDateTime,
                    parent: bool| {
        let index = out.len();
        let id = Uuid::new_v5(&NAMESPACE, format!("{registration}/{index}").as_bytes());
        let mut context = json!({ "registration": registration.to_string() });
        if parent {
            context["contextActivities"] =
                json!({ "parent": [{ "objectType": "Activity", "id": scenario_iri }] });
        }
        context["extensions"] = json!({ format!("{home}/xapi/mode"): st.mode.as_str() });
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
        scenario_object.clone(),
        None,
        row.started_at,
        false,
    );
    for line in lines {
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
                    .map(
                        |(i, c)| json!({ "id": i.to_string(), "description": { "en-US": c.text } }),
                    )
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
            "extensions": { format!("{home}/xapi/grade"): format!("{grade:?}") },
        });
        push("answered", object, Some(result), line.at, true);
    }
    let complete = row.score.as_ref().filter(|s| s.complete);
    if let (Some(score), Some(finished_at)) = (complete, row.finished_at) {
        let duration = iso_duration(row.duration_s());
        push(
            "completed",
            scenario_object.clone(),
            Some(json!({ "completion": true, "duration": duration })),
            finished_at,
            false,
        );
        push(
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
        );
        push("terminated", scenario_object, None, finished_at, false);
    } else {
        // Left unfinished: no completion, no verdict.
        push(
            "terminated",
            scenario_object,
            Some(json!({ "completion": false })),
            row.finished_at.unwrap_or(row.last_at),
            false,
        );
    }
    out
}

/// A figure rounded to four decimals, as statements carry it.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
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
