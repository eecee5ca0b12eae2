//! Talking to an LRS: statements posted in batches, statements read back page by page. `Lrs` is
//! what the outbox and the readers need; `HttpLrs` is the real one (ureq with rustls), and tests
//! put an LRS of their own in its place.

#[cfg(not(target_arch = "wasm32"))]
use super::config::Endpoint;
use serde_json::Value;
#[cfg(not(target_arch = "wasm32"))]
use std::time::Duration;
use thiserror::Error;

/// The xAPI version this course speaks.
pub const XAPI_VERSION: &str = "1.0.3";

/// What went wrong talking to an LRS.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LrsError {
    /// No answer: offline, the server down, a name that does not resolve, a timeout.
    #[error("the LRS cannot be reached: {0}")]
    Unreachable(String),
    /// 401 or 403: the key or secret is wrong, or lacks the right to write or read statements.
    #[error("the LRS refused the credentials (HTTP {0})")]
    Unauthorized(u16),
    /// 409: a statement with the same id but different content is already stored.
    #[error("the LRS holds a different statement with the same id (HTTP 409): {0}")]
    Conflict(String),
    /// 400 (or another 4xx): the LRS finds a statement invalid.
    #[error("the LRS refused the statements (HTTP {0}): {1}")]
    Refused(u16, String),
    /// 5xx: the LRS failed; try again later.
    #[error("the LRS failed (HTTP {0}): {1}")]
    Server(u16, String),
    /// An answer that is not what xAPI says.
    #[error("the LRS gave an answer that is not xAPI: {0}")]
    BadAnswer(String),
}

impl LrsError {
    /// Whether trying the same again later may work (the network, the server).
    pub fn is_transient(&self) -> bool {
        matches!(self, LrsError::Unreachable(_) | LrsError::Server(..))
    }

    /// Whether the statements themselves were refused (and retrying them cannot help).
    pub fn is_refusal(&self) -> bool {
        matches!(self, LrsError::Conflict(_) | LrsError::Refused(..))
    }
}

/// A query for statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// The first page of the statements about an activity (and those related to it), stored
    /// since a time if given.
    About {
        activity: String,
        since: Option<String>,
        limit: u32,
    },
    /// The next page, by the `more` link the last page gave.
    More(String),
}

/// One page of statements.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub statements: Vec<Value>,
    /// The link to the next page, if there is one.
    pub more: Option<String>,
}

/// An LRS.
pub trait Lrs: Send + Sync {
    /// Which LRS this is (its endpoint): what its sessions' outboxes are kept apart by.
    fn id(&self) -> String;
    /// Stores statements (all or none, as xAPI says a batch is stored).
    fn post(&self, statements: &[Value]) -> Result<(), LrsError>;
    /// Reads a page of statements.
    fn get(&self, query: &Query) -> Result<Page, LrsError>;
}

/// The LRS at an endpoint, where this build can reach one over HTTP: on the desktop and the
/// command line, `HttpLrs`. A browser's sending is not built yet (none).
pub fn http(
    endpoint: super::config::Endpoint,
    key: &str,
    secret: &str,
) -> Option<std::sync::Arc<dyn Lrs>> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(std::sync::Arc::new(HttpLrs::new(endpoint, key, secret)));
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (endpoint, key, secret);
        None
    }
}

/// A real LRS over HTTPS (or HTTP to this machine).
#[cfg(not(target_arch = "wasm32"))]
pub struct HttpLrs {
    endpoint: Endpoint,
    authorization: String,
    agent: ureq::Agent,
}

#[cfg(not(target_arch = "wasm32"))]
impl std::fmt::Debug for HttpLrs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpLrs")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl HttpLrs {
    /// An LRS at an endpoint, with HTTP Basic credentials.
    pub fn new(endpoint: Endpoint, key: &str, secret: &str) -> HttpLrs {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .build();
        HttpLrs {
            endpoint,
            authorization: basic_authorization(key, secret),
            agent: config.into(),
        }
    }

    fn answer(
        &self,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<ureq::http::Response<ureq::Body>, LrsError> {
        let mut response = response.map_err(|e| LrsError::Unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(response);
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_to_string()
            .unwrap_or_default();
        Err(error_of(status, &body))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Lrs for HttpLrs {
    fn id(&self) -> String {
        self.endpoint.as_str().to_owned()
    }

    fn post(&self, statements: &[Value]) -> Result<(), LrsError> {
        let mut request = self.agent.post(self.endpoint.statements());
        for (name, value) in headers(&self.authorization, false) {
            request = request.header(name, value);
        }
        let response = request.send_json(statements);
        self.answer(response).map(drop)
    }

    fn get(&self, query: &Query) -> Result<Page, LrsError> {
        let request = match query {
            Query::About {
                activity,
                since,
                limit,
            } => {
                let mut r = self
                    .agent
                    .get(self.endpoint.statements())
                    .query("activity", activity)
                    .query("related_activities", "true")
                    .query("ascending", "true")
                    .query("limit", limit.to_string());
                if let Some(since) = since {
                    r = r.query("since", since);
                }
                r
            }
            Query::More(more) => self.agent.get(self.endpoint.resolve(more)),
        };
        let mut request = request;
        for (name, value) in headers(&self.authorization, false) {
            request = request.header(name, value);
        }
        let response = request.call();
        let mut response = self.answer(response)?;
        let body: Value = response
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_json()
            .map_err(|e| LrsError::BadAnswer(e.to_string()))?;
        let Some(statements) = body["statements"].as_array() else {
            return Err(LrsError::BadAnswer("no `statements` list".to_owned()));
        };
        Ok(Page {
            statements: statements.clone(),
            more: body["more"]
                .as_str()
                .filter(|m| !m.is_empty())
                .map(str::to_owned),
        })
    }
}

/// What an LRS's answer with a status outside 2xx means; its body's `message` if it has one.
pub fn error_of(status: u16, body: &str) -> LrsError {
    let message = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| body.to_owned());
    match status {
        401 | 403 => LrsError::Unauthorized(status),
        409 => LrsError::Conflict(message),
        500.. => LrsError::Server(status, message),
        _ => LrsError::Refused(status, message),
    }
}

/// The headers of a request to an LRS with these credentials (an `Authorization` value), and of
/// a JSON body if it has one.
pub fn headers(authorization: &str, json_body: bool) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("Authorization", authorization.to_owned()),
        ("X-Experience-API-Version", XAPI_VERSION.to_owned()),
    ];
    if json_body {
        out.push(("Content-Type", "application/json".to_owned()));
    }
    out
}

/// The `Authorization` header of credentials already encoded (a cmi5 launch's token).
pub fn token_authorization(token: &str) -> String {
    format!("Basic {token}")
}

/// The `Authorization` header of HTTP Basic credentials.
pub fn basic_authorization(key: &str, secret: &str) -> String {
    token_authorization(&base64(format!("{key}:{secret}").as_bytes()))
}

/// Standard base64, for the Basic credentials.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"key:secret"), "a2V5OnNlY3JldA==");
        assert_eq!(
            basic_authorization("key", "secret"),
            "Basic a2V5OnNlY3JldA=="
        );
    }

    #[test]
    fn an_answer_s_status_says_what_went_wrong() {
        assert_eq!(error_of(401, ""), LrsError::Unauthorized(401));
        assert_eq!(error_of(403, "no"), LrsError::Unauthorized(403));
        assert_eq!(
            error_of(409, r#"{"message":"taken"}"#),
            LrsError::Conflict("taken".into())
        );
        assert_eq!(error_of(400, "bad"), LrsError::Refused(400, "bad".into()));
        assert_eq!(error_of(503, "busy"), LrsError::Server(503, "busy".into()));
        assert!(error_of(502, "").is_transient());
    }
}
