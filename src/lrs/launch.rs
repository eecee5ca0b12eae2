//! A launch: what the page's address carries when a learning management system opens the
//! trainer in a browser, with cmi5's launch parameters (`endpoint`, `fetch`, `actor`,
//! `registration`, `activityId`). The statements then go to the LMS's LRS, under the learner the
//! LMS names, with the short-lived credentials its `fetch` address gives once. These are the
//! typed values and the rules; the page reads its address and posts.

use super::config::{Endpoint, EndpointError};
use serde_json::Value;
use thiserror::Error;

/// A launch by an LMS.
#[derive(Debug, Clone, PartialEq)]
pub struct Launch {
    /// The LRS's xAPI endpoint.
    pub endpoint: Endpoint,
    /// Where the credentials are fetched, once (a POST).
    pub fetch: String,
    /// The learner, as the LMS names them (an Agent with an account).
    pub actor: Value,
    /// The learner's account name: the participant code of the sessions.
    pub participant: String,
    /// The LMS's registration of the learner in the course.
    pub registration: Option<String>,
    /// The activity the LMS launched: the home address of the statements.
    pub activity: Option<String>,
}

/// Why a launch cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LaunchError {
    #[error("the launch's endpoint: {0}")]
    Endpoint(EndpointError),
    /// No `fetch` address: there is no way to get credentials.
    #[error("the launch has an endpoint but no `fetch` address for credentials")]
    NoFetch,
    #[error("the launch's `fetch` is not a web address: {0}")]
    Fetch(String),
    /// The actor is not JSON, or not an Agent with an account name and home page.
    #[error("the launch's `actor` is not an agent with an account: {0}")]
    Actor(String),
    /// The account name cannot be a participant code (letters, digits, - and _, 1 to 32).
    #[error("the launch's account name cannot be a participant code: {0}")]
    Participant(String),
    #[error("the launch's `registration` is not a UUID: {0}")]
    Registration(String),
    #[error("the launch's `activityId` is not a web address: {0}")]
    Activity(String),
    /// The `fetch` address did not give a token: its error, or what it answered.
    #[error("the `fetch` address gave no credentials: {0}")]
    Token(String),
    /// The LMS's launch data (cmi5's `LMS.LaunchData`) could not be read: what was wrong, or
    /// the request's error.
    #[error("the LMS's launch data cannot be used: {0}")]
    LaunchData(String),
}

fn is_web_address(text: &str) -> bool {
    text.parse::<http::Uri>()
        .is_ok_and(|u| matches!(u.scheme_str(), Some("http" | "https")) && u.authority().is_some())
}

impl Launch {
    /// The launch in a page's query (its pairs, decoded); none if the page was not launched
    /// (no `endpoint`).
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Option<Launch>, LaunchError> {
        let mut endpoint = None;
        let mut fetch = None;
        let mut actor = None;
        let mut registration = None;
        let mut activity = None;
        for (name, value) in pairs {
            let slot = match name {
                "endpoint" => &mut endpoint,
                "fetch" => &mut fetch,
                "actor" => &mut actor,
                "registration" => &mut registration,
                "activityId" => &mut activity,
                _ => continue,
            };
            *slot = Some(value.to_owned());
        }
        let Some(endpoint) = endpoint else {
            return Ok(None);
        };
        let endpoint = Endpoint::parse(&endpoint, false).map_err(LaunchError::Endpoint)?;
        let fetch = fetch.ok_or(LaunchError::NoFetch)?;
        if !is_web_address(&fetch) {
            return Err(LaunchError::Fetch(fetch));
        }
        let actor_text = actor.unwrap_or_default();
        let actor: Value = serde_json::from_str(&actor_text)
            .map_err(|_| LaunchError::Actor(actor_text.clone()))?;
        let account = &actor["account"];
        let (Some(name), Some(_)) = (account["name"].as_str(), account["homePage"].as_str()) else {
            return Err(LaunchError::Actor(actor_text));
        };
        if !matches!(
            actor.get("objectType").and_then(Value::as_str),
            None | Some("Agent")
        ) {
            return Err(LaunchError::Actor(actor_text));
        }
        if !crate::record::is_valid_participant(name) {
            return Err(LaunchError::Participant(name.to_owned()));
        }
        if let Some(r) = &registration
            && uuid::Uuid::parse_str(r).is_err()
        {
            return Err(LaunchError::Registration(r.clone()));
        }
        if let Some(a) = &activity
            && !is_web_address(a)
        {
            return Err(LaunchError::Activity(a.clone()));
        }
        Ok(Some(Launch {
            endpoint,
            fetch,
            participant: name.to_owned(),
            actor,
            registration,
            activity,
        }))
    }

    /// The home address of the launched statements: the launched activity, or the default.
    pub fn home(&self) -> String {
        self.activity.as_deref().map_or_else(
            || crate::report::xapi::HOME.to_owned(),
            |a| a.trim_end_matches('/').to_owned(),
        )
    }

    /// The credentials in the `fetch` address's answer (`{"auth-token": "..."}`), for an
    /// `Authorization: Basic` header.
    pub fn token(answer: &[u8]) -> Result<String, LaunchError> {
        let value: Value = serde_json::from_slice(answer)
            .map_err(|_| LaunchError::Token(String::from_utf8_lossy(answer).into_owned()))?;
        if let Some(token) = value["auth-token"].as_str().filter(|t| !t.is_empty()) {
            return Ok(token.to_owned());
        }
        Err(LaunchError::Token(
            value["error-text"]
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned),
        ))
    }

    /// A statement made for the course, as the LMS expects it: its learner as the actor, its
    /// registration as the registration. The session's own registration, which groups a
    /// session's statements when they are read back, moves to an extension under the home
    /// address (`SESSION_REGISTRATION`).
    pub fn fit(&self, statement: &mut Value) {
        statement["actor"] = self.actor.clone();
        if let Some(registration) = &self.registration {
            let context = &mut statement["context"];
            if let Some(own) = context.get("registration").cloned()
                && own.as_str() != Some(registration.as_str())
            {
                let key = format!("{}{SESSION_REGISTRATION}", self.home());
                context["extensions"][key] = own;
            }
            context["registration"] = Value::from(registration.as_str());
        }
    }
}

/// Where a launched statement keeps its session's own registration, after the home address.
pub const SESSION_REGISTRATION: &str = "/xapi/session-registration";

#[cfg(test)]
mod tests {
    use super::*;

    const ACTOR: &str =
        r#"{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"T07"}}"#;
    const REGISTRATION: &str = "2f0c7c1e-5f5b-4b8a-9c7e-1d2a3b4c5d6e";

    fn launch(extra: &[(&'static str, &'static str)]) -> Result<Option<Launch>, LaunchError> {
        let mut pairs = vec![
            ("endpoint", "https://lrs.example.org/xapi/"),
            ("fetch", "https://lms.example.org/fetch/abc"),
            ("actor", ACTOR),
            ("registration", REGISTRATION),
            ("activityId", "https://lms.example.org/course/mpa"),
        ];
        for (name, value) in extra {
            pairs.retain(|(n, _)| n != name);
            if !value.is_empty() {
                pairs.push((name, value));
            }
        }
        Launch::from_query(pairs)
    }

    #[test]
    fn a_page_without_an_endpoint_was_not_launched() {
        assert_eq!(Launch::from_query([("lang", "es")]), Ok(None));
    }

    #[test]
    fn a_launch_gives_the_learner_the_endpoint_and_the_home() {
        let l = launch(&[]).unwrap().unwrap();
        assert_eq!(l.participant, "T07");
        assert_eq!(
            l.endpoint.statements(),
            "https://lrs.example.org/xapi/statements"
        );
        assert_eq!(l.home(), "https://lms.example.org/course/mpa");
        assert_eq!(l.registration.as_deref(), Some(REGISTRATION));
        let plain = launch(&[("activityId", ""), ("registration", "")])
            .unwrap()
            .unwrap();
        assert_eq!(plain.home(), crate::report::xapi::HOME);
    }

    #[test]
    fn what_cannot_be_used_is_told_by_its_kind() {
        assert!(matches!(
            launch(&[("endpoint", "http://lrs.example.org/xapi")]),
            Err(LaunchError::Endpoint(EndpointError::InsecureHttp(_)))
        ));
        assert_eq!(launch(&[("fetch", "")]), Err(LaunchError::NoFetch));
        assert!(matches!(
            launch(&[("fetch", "/fetch")]),
            Err(LaunchError::Fetch(_))
        ));
        assert!(matches!(
            launch(&[("actor", "T07")]),
            Err(LaunchError::Actor(_))
        ));
        assert!(matches!(
            launch(&[("actor", r#"{"mbox":"mailto:a@example.org"}"#)]),
            Err(LaunchError::Actor(_))
        ));
        assert!(matches!(
            launch(&[(
                "actor",
                r#"{"objectType":"Group","account":{"homePage":"https://l","name":"T07"}}"#
            )]),
            Err(LaunchError::Actor(_))
        ));
        assert_eq!(
            launch(&[(
                "actor",
                r#"{"account":{"homePage":"https://l","name":"Ana María"}}"#
            )]),
            Err(LaunchError::Participant("Ana María".into()))
        );
        assert!(matches!(
            launch(&[("registration", "not-a-uuid")]),
            Err(LaunchError::Registration(_))
        ));
        assert!(matches!(
            launch(&[("activityId", "mpa")]),
            Err(LaunchError::Activity(_))
        ));
    }

    #[test]
    fn the_fetch_answer_gives_a_token_or_its_error() {
        assert_eq!(
            Launch::token(br#"{"auth-token":"a2V5OnNlY3JldA=="}"#),
            Ok("a2V5OnNlY3JldA==".into())
        );
        assert_eq!(
            Launch::token(br#"{"error-code":"1","error-text":"already used"}"#),
            Err(LaunchError::Token("already used".into()))
        );
        assert!(matches!(
            Launch::token(b"<html>"),
            Err(LaunchError::Token(_))
        ));
    }

    #[test]
    fn a_fitted_statement_names_the_lms_learner_and_registration_and_keeps_the_session_s() {
        let l = launch(&[]).unwrap().unwrap();
        let mut s = serde_json::json!({
            "actor": { "account": { "homePage": "https://x/participants", "name": "T07" } },
            "context": { "registration": "11111111-1111-1111-1111-111111111111",
                         "extensions": { "https://x/xapi/mode": "practice" } },
        });
        l.fit(&mut s);
        assert_eq!(s["actor"], l.actor);
        assert_eq!(s["context"]["registration"], REGISTRATION);
        assert_eq!(
            s["context"]["extensions"]["https://lms.example.org/course/mpa/xapi/session-registration"],
            "11111111-1111-1111-1111-111111111111"
        );
        assert_eq!(
            s["context"]["extensions"]["https://x/xapi/mode"],
            "practice"
        );
        // Fitted twice, the same.
        let once = s.clone();
        l.fit(&mut s);
        assert_eq!(s, once);
        // Without a registration in the launch, the session's stays.
        let plain = launch(&[("registration", "")]).unwrap().unwrap();
        let mut s = serde_json::json!({ "context": { "registration": "11111111-1111-1111-1111-111111111111" } });
        plain.fit(&mut s);
        assert_eq!(
            s["context"]["registration"],
            "11111111-1111-1111-1111-111111111111"
        );
        assert!(s["context"].get("extensions").is_none());
    }
}
