//! Scenarios: the model, loading with positions, validation, the state graph, and the library.

pub mod cues;
pub mod diagnostic;
pub mod graph;
pub mod library;
pub mod load;
pub mod locate;
pub mod map;
pub mod model;
pub mod reading;
pub mod staging;
pub mod validate;

pub use diagnostic::{Diagnostic, Position, Severity};
pub use library::{Entry, Library, LoadError, LoadOptions};
pub use model::{Catalogue, Scenario};

use graph::{Analysis, Compiled};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// A scenario that passed validation, with everything the engine needs to play it.
#[derive(Debug)]
pub struct Playable {
    pub scenario: Scenario,
    pub catalogue: Arc<Catalogue>,
    pub compiled: Compiled,
    pub analysis: Analysis,
    /// The file it came from.
    pub path: PathBuf,
    /// The file's text as loaded (hashed into each session's record).
    pub source: Arc<str>,
    hash: OnceLock<String>,
}

impl Playable {
    /// Wraps a checked scenario.
    pub fn new(
        scenario: Scenario,
        catalogue: Arc<Catalogue>,
        compiled: Compiled,
        analysis: Analysis,
        path: PathBuf,
        source: Arc<str>,
    ) -> Self {
        Playable {
            scenario,
            catalogue,
            compiled,
            analysis,
            path,
            source,
            hash: OnceLock::new(),
        }
    }

    /// Parses and checks a scenario text against a catalogue (assets not checked): the playable
    /// scenario, or every diagnostic when it has errors. For tests, tools and the command line.
    pub fn from_text(
        path: &Path,
        text: &str,
        catalogue: Arc<Catalogue>,
    ) -> Result<Playable, Vec<Diagnostic>> {
        let options = LoadOptions {
            assets: None,
            ..LoadOptions::default()
        };
        let checked = library::check_text(path, text, &catalogue, &options);
        match checked.scenario {
            Some((scenario, compiled, analysis)) => Ok(Playable::new(
                scenario,
                catalogue,
                compiled,
                analysis,
                path.to_path_buf(),
                Arc::from(text),
            )),
            None => Err(checked.diagnostics),
        }
    }

    /// The scenario's id.
    pub fn id(&self) -> &str {
        &self.scenario.id
    }

    /// SHA-256 of the file's text, in hex: which version of the scenario a session played.
    pub fn source_hash(&self) -> &str {
        self.hash.get_or_init(|| {
            Sha256::digest(self.source.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
    }
}
