//! Where the LRS is and the credentials to use: an endpoint that must be HTTPS (plain HTTP only
//! for this machine, or when asked for explicitly), and a key and secret kept in a file its owner
//! alone can read, never printed (their `Debug` hides them).

use http::Uri;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::path::Path;
use thiserror::Error;

/// An LRS's xAPI endpoint, ending with `/` (statements are at `statements` below it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    base: String,
    /// `scheme://authority`, to resolve the `more` links an LRS answers with.
    origin: String,
}

/// Why an endpoint is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EndpointError {
    #[error("not an address: {0}")]
    NotAnAddress(String),
    #[error("the address must start with https:// (or http:// for this machine): {0}")]
    Scheme(String),
    #[error(
        "plain http:// sends the secret unencrypted; it is allowed only for this machine \
         (localhost, 127.0.0.1) unless explicitly accepted: {0}"
    )]
    InsecureHttp(String),
}

impl Endpoint {
    /// Parses an endpoint address. `http://` is accepted for a loopback host, or for any host
    /// when `allow_insecure_http` is set.
    pub fn parse(address: &str, allow_insecure_http: bool) -> Result<Endpoint, EndpointError> {
        let address = address.trim();
        let uri: Uri = address
            .parse()
            .map_err(|_| EndpointError::NotAnAddress(address.to_owned()))?;
        let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
            return Err(EndpointError::NotAnAddress(address.to_owned()));
        };
        match scheme {
            "https" => {}
            "http" if allow_insecure_http || is_loopback(authority.host()) => {}
            "http" => return Err(EndpointError::InsecureHttp(address.to_owned())),
            _ => return Err(EndpointError::Scheme(address.to_owned())),
        }
        let mut base = address.to_owned();
        if !base.ends_with('/') {
            base.push('/');
        }
        Ok(Endpoint {
            base,
            origin: format!("{scheme}://{authority}"),
        })
    }

    /// The endpoint as given, ending with `/`.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// The statements resource.
    pub fn statements(&self) -> String {
        format!("{}statements", self.base)
    }

    /// A `more` link (relative to the host, as xAPI gives it, or absolute) as a full address.
    pub fn resolve(&self, more: &str) -> String {
        if more.starts_with("http://") || more.starts_with("https://") {
            more.to_owned()
        } else if more.starts_with('/') {
            format!("{}{more}", self.origin)
        } else {
            format!("{}{more}", self.base)
        }
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The LRS settings a facilitator saves: endpoint, key and secret.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LrsSettings {
    pub endpoint: String,
    pub key: String,
    pub secret: String,
    /// Accept plain HTTP to a host other than this machine.
    #[serde(default)]
    pub insecure_http: bool,
    /// The organisation's address the statements' activities and accounts are under (empty:
    /// the placeholder).
    #[serde(default)]
    pub home: String,
}

impl std::fmt::Debug for LrsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LrsSettings")
            .field("endpoint", &self.endpoint)
            .field("key", &"(hidden)")
            .field("secret", &"(hidden)")
            .field("insecure_http", &self.insecure_http)
            .field("home", &self.home)
            .finish()
    }
}

/// Why the settings could not be read or saved.
#[derive(Debug, Error)]
pub enum SettingsError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the settings file is damaged: {0}")]
    Damaged(String),
}

impl LrsSettings {
    /// Whether an endpoint is set.
    pub fn is_set(&self) -> bool {
        !self.endpoint.trim().is_empty()
    }

    /// The home address of the statements.
    pub fn home(&self) -> String {
        let home = self.home.trim();
        if home.is_empty() {
            crate::report::xapi::HOME.to_owned()
        } else {
            home.trim_end_matches('/').to_owned()
        }
    }

    /// The endpoint, checked.
    pub fn endpoint(&self) -> Result<Endpoint, EndpointError> {
        Endpoint::parse(&self.endpoint, self.insecure_http)
    }

    /// Reads the settings; none saved yet gives the defaults.
    pub fn load(path: &Path) -> Result<LrsSettings, SettingsError> {
        match crate::files::read_to_string(path) {
            Ok(text) => {
                ron::from_str(&text).map_err(|e| SettingsError::Damaged(e.code.to_string()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(LrsSettings::default()),
            Err(e) => Err(e.into()),
        }
    }

    /// Saves the settings in a file its owner alone can read and write, replacing any before.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::to_string(self).map_err(|e| SettingsError::Damaged(e.to_string()))?;
        let temporary = path.with_extension("ron.new");
        crate::record::store::write_private(&temporary, text.as_bytes())?;
        std::fs::rename(&temporary, path)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_the_norm_and_plain_http_only_for_this_machine_or_when_asked() {
        let e = Endpoint::parse("https://lrs.example.org/xapi", false).unwrap();
        assert_eq!(e.as_str(), "https://lrs.example.org/xapi/");
        assert_eq!(e.statements(), "https://lrs.example.org/xapi/statements");
        assert_eq!(
            e.resolve("/xapi/statements?more=abc"),
            "https://lrs.example.org/xapi/statements?more=abc"
        );
        assert!(Endpoint::parse("http://127.0.0.1:8080/xAPI/", false).is_ok());
        assert!(Endpoint::parse("http://localhost/xAPI", false).is_ok());
        assert!(Endpoint::parse("http://[::1]:9/xAPI", false).is_ok());
        assert_eq!(
            Endpoint::parse("http://lrs.example.org/xapi", false),
            Err(EndpointError::InsecureHttp(
                "http://lrs.example.org/xapi".into()
            ))
        );
        assert!(Endpoint::parse("http://lrs.example.org/xapi", true).is_ok());
        assert!(matches!(
            Endpoint::parse("ftp://x/y", false),
            Err(EndpointError::Scheme(_))
        ));
        assert!(matches!(
            Endpoint::parse("lrs", false),
            Err(EndpointError::NotAnAddress(_))
        ));
    }

    #[test]
    fn the_secret_never_shows_in_debug_output() {
        let s = LrsSettings {
            endpoint: "https://x/".into(),
            key: "k3y".into(),
            secret: "s3cr3t".into(),
            insecure_http: false,
            home: String::new(),
        };
        let shown = format!("{s:?}");
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("k3y"),
            "{shown}"
        );
    }
}
