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
pub mod translate;
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
    /// The language its words are in (`en` unless the file says or it is a translation).
    pub language: String,
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
        let language = scenario.language.clone().unwrap_or_else(|| "en".to_owned());
        Playable {
            scenario,
            catalogue,
            compiled,
            analysis,
            path,
            source,
            language,
            hash: OnceLock::new(),
        }
    }

    /// The same scenario in a translation's words, with the translated catalogue: the same
    /// scenes, ids and scoring, and the same source hash (the record says which version of the
    /// scenario was scored; the language is recorded apart). The analysis is made again: what a
    /// trainee who picks the longest choice scores depends on the words.
    pub fn translated(
        &self,
        language: &str,
        translation: &translate::Translation,
        catalogue: Arc<Catalogue>,
    ) -> Playable {
        let mut scenario = translate::apply_to_scenario(&self.scenario, translation);
        scenario.language = Some(language.to_owned());
        let analysis = graph::analyse(&scenario, &self.compiled);
        Playable {
            scenario,
            catalogue,
            compiled: self.compiled.clone(),
            analysis,
            path: self.path.clone(),
            source: Arc::clone(&self.source),
            language: language.to_owned(),
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
