//! cmi5, the profile of xAPI for content a learning management system (LMS) launches: after the
//! launch (`launch`), the trainer reads the LMS's launch data (`LMS.LaunchData` in the State
//! API), opens its session with `initialized`, tells the LMS `completed`, `passed` or `failed`
//! as scenarios are played to their endings, and closes with `terminated`. It reads the
//! learner's preferences too (their language). Every statement it
//! sends in the launch, its own sessions' too, is fitted to the LMS's context template and
//! registration.
//!
//! The rules kept here (cmi5, sections 9 and 10):
//! - `initialized` first and once per launch; `terminated` last, with the launch's duration.
//! - `completed` once per registration: the first scenario played to its ending.
//! - `passed` once per registration, never `failed` after it, and never both in one launch. A
//!   scenario passes when it passes by the scoring rules and, if the LMS gives a mastery score,
//!   its scaled score reaches it; a `failed` whose score reaches the mastery score (a harmful
//!   ending fails whatever the score) carries no score, since cmi5 wants a failed score below it.
//! - Nothing of `completed`, `passed` or `failed` in the LMS's Browse or Review modes.
//!
//! `Said` is what was told, kept by the caller beside the records: a reload of the page neither
//! says `initialized` twice nor loses a verdict not yet sent. A registration's `completed` and
//! `passed` count once the LRS has stored them.

use super::launch::{Launch, LaunchError};
use crate::engine::Score;
use crate::record::{format_time, parse_time};
use crate::report::xapi::iso_duration;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use uuid::Uuid;

/// The category of the statements cmi5 defines.
pub const CATEGORY: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
/// The category of the statements that count towards the LMS's move-on rule.
pub const MOVE_ON: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
/// The launch's session id, in the context template.
pub const SESSION_ID: &str = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
/// The mastery score, on `passed` and `failed`.
pub const MASTERY_SCORE: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
/// The State API document the LMS writes before the launch.
pub const LAUNCH_DATA: &str = "LMS.LaunchData";
/// The learner's preferences, in the Agent Profile API.
pub const LEARNER_PREFERENCES: &str = "cmi5LearnerPreferences";

/// The namespace of the ids of the statements made here (a fixed UUID of this project).
const NAMESPACE: Uuid = Uuid::from_u128(0x2b7e_61c4_0d9a_4c55_b3f1_8e42_a6d0_97c3);

const VERBS: &str = "http://adlnet.gov/expapi/verbs";

/// How the LMS launched: to count (Normal), or only to look (Browse, Review).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchMode {
    Normal,
    Browse,
    Review,
}

/// What the LMS wrote for the launch.
#[derive(Debug, Clone, PartialEq)]
pub struct LaunchData {
    /// The context every statement starts from.
    pub context_template: Map<String, Value>,
    pub mode: LaunchMode,
    /// Where the window goes when the trainee finishes.
    pub return_url: Option<String>,
    /// The scaled score a scenario must reach to pass (0 to 1).
    pub mastery_score: Option<f64>,
}

impl LaunchData {
    /// The launch data in the State API's answer.
    pub fn parse(answer: &[u8]) -> Result<LaunchData, LaunchError> {
        let bad = |why: &str| LaunchError::LaunchData(why.to_owned());
        let value: Value =
            serde_json::from_slice(answer).map_err(|_| bad(&String::from_utf8_lossy(answer)))?;
        let Some(template) = value["contextTemplate"].as_object() else {
            return Err(bad("contextTemplate"));
        };
        let mode = match value["launchMode"].as_str() {
            Some("Normal") => LaunchMode::Normal,
            Some("Browse") => LaunchMode::Browse,
            Some("Review") => LaunchMode::Review,
            _ => return Err(bad("launchMode")),
        };
        let mastery_score = match &value["masteryScore"] {
            Value::Null => None,
            v => match v.as_f64() {
                Some(m) if (0.0..=1.0).contains(&m) => Some(m),
                _ => return Err(bad("masteryScore")),
            },
        };
        let return_url = match &value["returnURL"] {
            Value::Null => None,
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            _ => return Err(bad("returnURL")),
        };
        let data = LaunchData {
            context_template: template.clone(),
            mode,
            return_url,
            mastery_score,
        };
        if data.session_id().is_none() {
            return Err(bad("sessionid"));
        }
        Ok(data)
    }

    /// The launch's session id.
    pub fn session_id(&self) -> Option<&str> {
        self.context_template
            .get("extensions")
            .and_then(|e| e.get(SESSION_ID))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }
}

/// Percent-encodes a query value (RFC 3986: all but the unreserved characters).
fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Launch {
    /// Where the LMS keeps this launch's data (a GET of the State API), if the launch names its
    /// activity and registration, as a cmi5 launch does.
    pub fn launch_data_address(&self) -> Option<String> {
        let activity = self.activity.as_deref()?;
        let registration = self.registration.as_deref()?;
        Some(format!(
            "{}activities/state?stateId={}&activityId={}&agent={}&registration={}",
            self.endpoint.as_str(),
            LAUNCH_DATA,
            query_value(activity),
            query_value(&self.actor.to_string()),
            query_value(registration),
        ))
    }

    /// Where the learner's preferences are (a GET of the Agent Profile API): cmi5 asks an AU to
    /// read them when it starts.
    pub fn learner_preferences_address(&self) -> String {
        format!(
            "{}agents/profile?agent={}&profileId={}",
            self.endpoint.as_str(),
            query_value(&self.actor.to_string()),
            LEARNER_PREFERENCES,
        )
    }
}

/// The first language of the learner's preferences (cmi5's `languagePreference`: RFC 5646 tags,
/// comma-separated, the preferred first) that the trainer speaks; none if none is, or the
/// document is not one.
pub fn preferred_language(answer: &[u8]) -> Option<crate::i18n::Lang> {
    let value: Value = serde_json::from_slice(answer).ok()?;
    value["languagePreference"]
        .as_str()?
        .split(',')
        .find_map(|tag| crate::i18n::Lang::from_code(tag.trim()))
}

/// What the trainer has told the LMS in a registration, and in its latest launch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Said {
    /// `completed` is stored by the LRS (once per registration).
    pub completed: bool,
    /// `passed` is stored by the LRS (once per registration).
    pub passed: bool,
    /// The launch the rest is of (its session id).
    pub session: String,
    /// When `initialized` was made (RFC 3339); none: not yet.
    pub initialized_at: Option<String>,
    /// `passed` (true) or `failed` (false) made in this launch.
    pub verdict: Option<bool>,
    /// `completed` made in this launch.
    pub completed_here: bool,
    /// `terminated` made: the launch is over.
    pub terminated: bool,
    /// Statements made and not stored by the LRS yet, in order.
    pub waiting: Vec<Value>,
}

/// A launch's cmi5 session.
#[derive(Debug, Clone)]
pub struct Cmi5 {
    launch: Launch,
    data: LaunchData,
    said: Said,
}

impl Cmi5 {
    /// The session of a launch at `now`, taking up what was said before in the same
    /// registration (`said`). A new launch makes `initialized`; the same launch taken up again
    /// (the page reloaded) goes on where it was. What an earlier launch made and never sent is
    /// dropped (the LMS has closed that launch): its verdicts are made again as scenarios end.
    pub fn begin(
        launch: Launch,
        data: LaunchData,
        said: Option<Said>,
        now: OffsetDateTime,
    ) -> Cmi5 {
        let session = data.session_id().unwrap_or_default().to_owned();
        let mut said = said.unwrap_or_default();
        if said.session != session {
            said = Said {
                completed: said.completed,
                passed: said.passed,
                session,
                ..Said::default()
            };
        }
        let mut cmi5 = Cmi5 { launch, data, said };
        if cmi5.said.initialized_at.is_none() {
            cmi5.said.initialized_at = Some(format_time(now));
            let statement = cmi5.defined("initialized", None, false, now);
            cmi5.said.waiting.push(statement);
        }
        cmi5
    }

    /// What was said, to keep.
    pub fn said(&self) -> &Said {
        &self.said
    }

    /// The launch data.
    pub fn data(&self) -> &LaunchData {
        &self.data
    }

    /// Statements made and not stored yet, in the order they must be sent.
    pub fn waiting(&self) -> &[Value] {
        &self.said.waiting
    }

    /// Whether `terminated` was made: nothing more may be sent in this launch.
    pub fn is_terminated(&self) -> bool {
        self.said.terminated
    }

    /// Whether the launch is over: `terminated` is stored.
    pub fn is_finished(&self) -> bool {
        self.said.terminated && self.said.waiting.is_empty()
    }

    /// The LRS stored the first `n` waiting statements.
    pub fn stored(&mut self, n: usize) {
        let n = n.min(self.said.waiting.len());
        for s in self.said.waiting.drain(..n) {
            match s["verb"]["id"].as_str() {
                Some(v) if v == format!("{VERBS}/completed") => self.said.completed = true,
                Some(v) if v == format!("{VERBS}/passed") => self.said.passed = true,
                _ => {}
            }
        }
    }

    /// The LRS refused the first waiting statement for good: it is dropped.
    pub fn refused(&mut self) {
        if !self.said.waiting.is_empty() {
            self.said.waiting.remove(0);
        }
    }

    fn duration(&self, now: OffsetDateTime) -> String {
        let start = self
            .said
            .initialized_at
            .as_deref()
            .and_then(parse_time)
            .unwrap_or(now);
        iso_duration((now - start).as_seconds_f64())
    }

    /// A statement cmi5 defines, about the launched activity.
    fn defined(
        &self,
        verb: &str,
        result: Option<Value>,
        move_on: bool,
        now: OffsetDateTime,
    ) -> Value {
        let id = Uuid::new_v5(
            &NAMESPACE,
            format!(
                "{}/{}/{}/{verb}",
                self.launch.registration.as_deref().unwrap_or_default(),
                self.said.session,
                self.launch.home()
            )
            .as_bytes(),
        );
        let mut categories = vec![json!({ "objectType": "Activity", "id": CATEGORY })];
        if move_on {
            categories.push(json!({ "objectType": "Activity", "id": MOVE_ON }));
        }
        let mut statement = json!({
            "id": id.to_string(),
            "actor": self.launch.actor,
            "verb": { "id": format!("{VERBS}/{verb}"), "display": { "en-US": verb } },
            "object": { "objectType": "Activity", "id": self.launch.activity.as_deref().unwrap_or_default() },
            "context": { "contextActivities": { "category": categories } },
            "timestamp": format_time(now),
        });
        if let Some(result) = result {
            statement["result"] = result;
        }
        self.fit(&mut statement);
        statement
    }

    /// A scenario played to its ending: `completed`, `passed` or `failed`, as the rules allow.
    pub fn scored(&mut self, score: &Score, now: OffsetDateTime) {
        if self.data.mode != LaunchMode::Normal || self.said.terminated || !score.complete {
            return;
        }
        let duration = self.duration(now);
        if !self.said.completed && !self.said.completed_here {
            let result = json!({ "completion": true, "duration": duration });
            let statement = self.defined("completed", Some(result), true, now);
            self.said.waiting.push(statement);
            self.said.completed_here = true;
        }
        let scaled = (score.scaled.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0;
        let mastered = self.data.mastery_score.is_none_or(|m| scaled >= m);
        let passed = score.passed && mastered;
        if self.said.passed || self.said.verdict.is_some() {
            return;
        }
        let mut result = json!({ "success": passed, "duration": duration });
        if passed || !mastered {
            result["score"] = json!({ "scaled": scaled });
        }
        let verb = if passed { "passed" } else { "failed" };
        let mut statement = self.defined(verb, Some(result), true, now);
        if let Some(m) = self.data.mastery_score {
            statement["context"]["extensions"][MASTERY_SCORE] = json!(m);
        }
        self.said.waiting.push(statement);
        self.said.verdict = Some(passed);
    }

    /// The trainee is done: `terminated`, the last statement of the launch.
    pub fn terminate(&mut self, now: OffsetDateTime) {
        if self.said.terminated {
            return;
        }
        let result = json!({ "duration": self.duration(now) });
        let statement = self.defined("terminated", Some(result), false, now);
        self.said.waiting.push(statement);
        self.said.terminated = true;
    }

    /// Fits a statement to the launch: the LMS's learner, its registration, and its context
    /// template, whose values are never overwritten (lists are joined).
    pub fn fit(&self, statement: &mut Value) {
        self.launch.fit(statement);
        let context = &mut statement["context"];
        if !context.is_object() {
            *context = json!({});
        }
        for (key, value) in &self.data.context_template {
            merge(&mut context[key], value);
        }
    }
}

/// Puts a template's value into a statement's: the template's wins, lists hold both (the
/// template's first), objects are merged key by key. A single activity beside a list counts as
/// a list of one, as xAPI's context activities allow.
fn merge(into: &mut Value, template: &Value) {
    let as_list = |v: &Value| match v {
        Value::Array(list) => list.clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    };
    match (&mut *into, template) {
        (Value::Object(into), Value::Object(template)) => {
            for (key, value) in template {
                merge(into.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
        (Value::Array(_), _) | (_, Value::Array(_)) => {
            let mut list = as_list(template);
            for value in as_list(into) {
                if !list.contains(&value) {
                    list.push(value);
                }
            }
            *into = Value::Array(list);
        }
        (into, template) => *into = template.clone(),
    }
}
