//! The library: the catalogue and every scenario file under the given folders, each loaded and
//! checked on its own so that one broken file never stops the others.

use super::Playable;
use super::diagnostic::{Diagnostic, Finding, Position, Severity};
use super::graph::{Analysis, Compiled};
use super::load::{self, ParseError};
use super::locate::locate;
use super::model::{Catalogue, Scenario};
use super::translate::{self, Translation};
use super::validate::{self, Context, Limits};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Where the course lives and how strictly to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// The catalogue file (default `scenarios/catalogue.ron`).
    pub catalogue: PathBuf,
    /// The assets folder media paths are relative to; `None` skips the existence check.
    pub assets: Option<PathBuf>,
    pub limits: Limits,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            catalogue: PathBuf::from("scenarios/catalogue.ron"),
            assets: Some(PathBuf::from("assets")),
            limits: Limits::default(),
        }
    }
}

impl LoadOptions {
    /// Options for a catalogue file, with the assets folder beside its folder
    /// (`course/scenarios/catalogue.ron` → `course/assets`).
    pub fn for_catalogue(catalogue: &Path) -> Self {
        let assets = catalogue
            .parent()
            .and_then(Path::parent)
            .map_or_else(|| PathBuf::from("assets"), |p| p.join("assets"));
        LoadOptions {
            catalogue: catalogue.to_path_buf(),
            assets: Some(assets),
            limits: Limits::default(),
        }
    }
}

/// The library could not be loaded at all.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{0}: no such file or folder")]
    NoSuchPath(PathBuf),
    #[error("{path}: cannot list this folder: {message}")]
    Unlistable { path: PathBuf, message: String },
}

/// One scenario file of the library.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// The scenario's id and title, when the file parsed far enough to have them.
    pub id: Option<String>,
    pub title: Option<String>,
    /// The scenario, ready to play, when it has no errors.
    pub playable: Option<Arc<Playable>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The scenario in other languages, from translation files beside it (`s1.es.ron`).
    pub translations: Vec<(String, Arc<Playable>)>,
}

/// A translation file (`s1-bar-worker.es.ron`, `catalogue.es.ron`): where it is, what it
/// translates, and what the validator found.
#[derive(Debug, Clone)]
pub struct TranslationEntry {
    pub path: PathBuf,
    pub language: String,
    pub source: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
}

impl Entry {
    /// The first error, for a one-line summary of why the file cannot be played.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }
}

/// The catalogue and the scenarios.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub catalogue: Option<Arc<Catalogue>>,
    /// The catalogue's own diagnostics.
    pub catalogue_diagnostics: Vec<Diagnostic>,
    pub entries: Vec<Entry>,
    /// The catalogue in other languages.
    pub catalogues: Vec<(String, Arc<Catalogue>)>,
    /// Every translation file, checked against its source.
    pub translations: Vec<TranslationEntry>,
}

impl Library {
    /// Loads the catalogue and every `.ron` file under `paths` (files or folders, searched
    /// recursively; the catalogue itself is skipped).
    pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Library, LoadError> {
        let mut files = Vec::new();
        for path in paths {
            if crate::files::is_dir(path) {
                collect_ron_files(path, &mut files)?;
            } else if crate::files::is_file(path) {
                files.push(path.clone());
                // A scenario given alone brings its translations (`name.xx.ron` beside it).
                files.extend(translations_beside(path));
            } else {
                return Err(LoadError::NoSuchPath(path.clone()));
            }
        }
        let catalogue_canonical = crate::files::canonicalize(&options.catalogue).ok();
        // The catalogue lives among the scenarios but is not one.
        if let Some(catalogue) = &catalogue_canonical {
            files.retain(|f| crate::files::canonicalize(f).ok().as_ref() != Some(catalogue));
        }
        files.sort();
        files.dedup();
        // Translations sit among the scenarios but are read after them.
        let (translation_files, files): (Vec<PathBuf>, Vec<PathBuf>) = files
            .into_iter()
            .partition(|f| translate::translation_of(f).is_some());

        let (catalogue, catalogue_diagnostics) = load_catalogue(&options.catalogue, options.limits);
        let catalogue = catalogue.map(Arc::new);

        // Files are independent: each is read and checked on its own thread's share.
        let loaded = parallel_map(&files, |path| load_entry(path, catalogue.as_ref(), options));
        let mut entries = Vec::with_capacity(files.len());
        let mut first_by_id: HashMap<String, PathBuf> = HashMap::new();
        for (path, mut entry) in files.into_iter().zip(loaded) {
            if let Some(id) = &entry.id {
                if let Some(first) = first_by_id.get(id) {
                    let position = crate::files::read_to_string(&path)
                        .map(|t| locate(&t, &[super::diagnostic::Seg::Field("id")]))
                        .unwrap_or(Position::START);
                    entry.diagnostics.push(Diagnostic::new(
                        &path,
                        position,
                        Severity::Error,
                        format!(
                            "the scenario id \"{id}\" is already used by {}; scenario ids must \
                             be unique across the library",
                            first.display()
                        ),
                    ));
                    entry.playable = None;
                } else {
                    first_by_id.insert(id.clone(), path.clone());
                }
            }
            entries.push(entry);
        }
        let mut library = Library {
            catalogue,
            catalogue_diagnostics,
            entries,
            catalogues: Vec::new(),
            translations: Vec::new(),
        };
        library.load_translations(translation_files, options);
        Ok(library)
    }

    /// Reads and checks each translation file: the catalogue's first (`catalogue.es.ron` beside
    /// the catalogue), then the scenarios', each applied to its source when both are clean.
    fn load_translations(&mut self, mut files: Vec<PathBuf>, options: &LoadOptions) {
        let same = |a: &Path, b: &Path| {
            a == b
                || (crate::files::canonicalize(a).ok().is_some()
                    && crate::files::canonicalize(a).ok() == crate::files::canonicalize(b).ok())
        };
        let catalogue_path = options.catalogue.clone();
        let beside_catalogue = catalogue_path.parent().map(|dir| {
            let stem = catalogue_path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy();
            crate::files::list(dir)
                .map(|listing| {
                    listing
                        .into_iter()
                        .map(|e| e.path)
                        .filter(|p| {
                            translate::translation_of(p).is_some_and(|(_, source)| {
                                source.file_stem().unwrap_or_default().to_string_lossy() == stem
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        for path in beside_catalogue.unwrap_or_default() {
            if !files.iter().any(|f| same(f, &path)) {
                files.push(path);
            }
        }
        files.sort();
        let (catalogue_files, scenario_files): (Vec<PathBuf>, Vec<PathBuf>) =
            files.into_iter().partition(|f| {
                translate::translation_of(f).is_some_and(|(_, s)| same(&s, &catalogue_path))
            });
        for path in catalogue_files {
            let Some((language, source)) = translate::translation_of(&path) else {
                continue;
            };
            let mut entry = TranslationEntry {
                path: path.clone(),
                language: language.clone(),
                source,
                diagnostics: Vec::new(),
            };
            if let Some((translation, text)) =
                read_translation(&path, options.limits, &mut entry.diagnostics)
                && let Some(catalogue) = &self.catalogue
            {
                let source = translate::catalogue_texts(catalogue);
                entry.diagnostics.extend(located(
                    &path,
                    &text,
                    translate::check(&source, &translation),
                ));
                if !entry.diagnostics.iter().any(Diagnostic::is_error) {
                    self.catalogues.push((
                        language,
                        Arc::new(translate::apply_to_catalogue(catalogue, &translation)),
                    ));
                }
            }
            self.translations.push(entry);
        }
        for path in scenario_files {
            let Some((language, source)) = translate::translation_of(&path) else {
                continue;
            };
            let mut entry = TranslationEntry {
                path: path.clone(),
                language: language.clone(),
                source: source.clone(),
                diagnostics: Vec::new(),
            };
            let Some(index) = self.entries.iter().position(|e| same(&e.path, &source)) else {
                entry.diagnostics.push(Diagnostic::new(
                    &path,
                    Position::START,
                    Severity::Error,
                    format!(
                        "this translates {}, which is not in the library; a translation is named                          after its source (`name.{language}.ron` beside `name.ron`)",
                        source.display()
                    ),
                ));
                self.translations.push(entry);
                continue;
            };
            if let Some((translation, text)) =
                read_translation(&path, options.limits, &mut entry.diagnostics)
            {
                match self.entries[index].playable.clone() {
                    Some(playable) => {
                        let source_texts = translate::scenario_texts(&playable.scenario);
                        entry.diagnostics.extend(located(
                            &path,
                            &text,
                            translate::check(&source_texts, &translation),
                        ));
                        if !entry.diagnostics.iter().any(Diagnostic::is_error) {
                            let catalogue = self
                                .catalogue_in(&language)
                                .cloned()
                                .unwrap_or_else(|| Arc::clone(&playable.catalogue));
                            let translated =
                                playable.translated(&language, &translation, catalogue);
                            let cues =
                                translate::cue_findings(&playable, &translated, &translation);
                            entry.diagnostics.extend(located(&path, &text, cues));
                            self.entries[index]
                                .translations
                                .push((language, Arc::new(translated)));
                        }
                    }
                    None => entry.diagnostics.push(Diagnostic::new(
                        &path,
                        Position::START,
                        Severity::Warning,
                        format!("not checked: its source {} has errors", source.display()),
                    )),
                }
            }
            self.translations.push(entry);
        }
    }

    /// The catalogue in a language, when a translation of it loaded.
    pub fn catalogue_in(&self, language: &str) -> Option<&Arc<Catalogue>> {
        self.catalogues
            .iter()
            .find(|(l, _)| l == language)
            .map(|(_, c)| c)
    }

    /// The playable scenario with this id in a language: its translation when there is one,
    /// otherwise the source.
    pub fn find_in(&self, id: &str, language: &str) -> Option<&Arc<Playable>> {
        let entry = self
            .entries
            .iter()
            .find(|e| e.playable.as_ref().is_some_and(|p| p.id() == id))?;
        entry
            .translations
            .iter()
            .find(|(l, _)| l == language)
            .map(|(_, p)| p)
            .or(entry.playable.as_ref())
    }

    /// The playable scenarios in a language (each translated where a translation loaded), in
    /// file order.
    pub fn playable_in<'a>(
        &'a self,
        language: &'a str,
    ) -> impl Iterator<Item = &'a Arc<Playable>> + 'a {
        self.entries.iter().filter_map(move |e| {
            e.translations
                .iter()
                .find(|(l, _)| l == language)
                .map(|(_, p)| p)
                .or(e.playable.as_ref())
        })
    }

    /// Every diagnostic: the catalogue's, then each file's, in file order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.catalogue_diagnostics
            .iter()
            .chain(self.entries.iter().flat_map(|e| e.diagnostics.iter()))
            .chain(self.translations.iter().flat_map(|t| t.diagnostics.iter()))
    }

    /// How many errors and warnings there are.
    pub fn counts(&self) -> (usize, usize) {
        self.diagnostics()
            .fold((0, 0), |(e, w), d| match d.severity {
                Severity::Error => (e + 1, w),
                Severity::Warning => (e, w + 1),
            })
    }

    /// The playable scenarios, in file order.
    pub fn playable(&self) -> impl Iterator<Item = &Arc<Playable>> {
        self.entries.iter().filter_map(|e| e.playable.as_ref())
    }

    /// The playable scenario with this id.
    pub fn find(&self, id: &str) -> Option<&Arc<Playable>> {
        self.playable().find(|p| p.id() == id)
    }
}

/// `f` over `items`, in order, shared out over as many threads as the machine has cores (at most
/// eight); one thread for a short list.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8)
        .min(items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for handle in handles {
            match handle.join() {
                Ok(results) => out.extend(results),
                // A bug, not bad input: carry it on as the single-threaded code would.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        out
    })
}

/// The translation files beside a scenario file (`s1.es.ron` beside `s1.ron`).
fn translations_beside(path: &Path) -> Vec<PathBuf> {
    let Some(dir) = path.parent().map(|d| {
        if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        }
    }) else {
        return Vec::new();
    };
    let Ok(listing) = crate::files::list(dir) else {
        return Vec::new();
    };
    listing
        .into_iter()
        .map(|e| e.path)
        .filter(|p| {
            translate::translation_of(p)
                .is_some_and(|(_, source)| source.file_name() == path.file_name())
        })
        .collect()
}

fn collect_ron_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let listing = crate::files::list(dir).map_err(|e| LoadError::Unlistable {
        path: dir.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut stack = vec![listing.into_iter()];
    while let Some(listing) = stack.last_mut() {
        match listing.next() {
            // Hidden files and folders are not the course's.
            Some(item) if item.name().starts_with('.') => {}
            Some(item) if item.is_dir => {
                if let Ok(inner) = crate::files::list(&item.path) {
                    stack.push(inner.into_iter());
                }
            }
            Some(item) if item.path.extension().is_some_and(|x| x == "ron") => out.push(item.path),
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    Ok(())
}

fn parse_error(path: &Path, e: ParseError) -> Diagnostic {
    Diagnostic::new(path, e.position, Severity::Error, e.message)
}

fn located(path: &Path, text: &str, findings: Vec<Finding>) -> Vec<Diagnostic> {
    findings
        .into_iter()
        .map(|f| Diagnostic::new(path, locate(text, &f.path), f.severity, f.message))
        .collect()
}

/// Reads and parses a translation file; a problem becomes a diagnostic.
fn read_translation(
    path: &Path,
    limits: Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Translation, String)> {
    let text = match load::read_text(path, limits.max_file_bytes) {
        Ok(t) => t,
        Err(e) => {
            diagnostics.push(parse_error(path, e));
            return None;
        }
    };
    match load::parse::<Translation>(&text) {
        Ok(t) => Some((t, text)),
        Err(e) => {
            diagnostics.push(parse_error(path, e));
            None
        }
    }
}

/// Loads and checks the catalogue file.
pub fn load_catalogue(path: &Path, limits: Limits) -> (Option<Catalogue>, Vec<Diagnostic>) {
    let text = match load::read_text(path, limits.max_file_bytes) {
        Ok(t) => t,
        Err(e) => return (None, vec![parse_error(path, e)]),
    };
    match load::parse::<Catalogue>(&text) {
        Ok(catalogue) => {
            let diagnostics = located(path, &text, validate::check_catalogue(&catalogue));
            let ok = !diagnostics.iter().any(Diagnostic::is_error);
            (ok.then_some(catalogue), diagnostics)
        }
        Err(e) => (None, vec![parse_error(path, e)]),
    }
}

/// The result of checking one scenario text.
pub struct CheckedText {
    pub diagnostics: Vec<Diagnostic>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub scenario: Option<(Scenario, Compiled, Analysis)>,
}

/// Parses and checks one scenario text.
pub fn check_text(
    path: &Path,
    text: &str,
    catalogue: &Catalogue,
    options: &LoadOptions,
) -> CheckedText {
    let scenario = match load::parse::<Scenario>(text) {
        Ok(s) => s,
        Err(e) => {
            return CheckedText {
                diagnostics: vec![parse_error(path, e)],
                id: None,
                title: None,
                scenario: None,
            };
        }
    };
    let ctx = Context {
        catalogue,
        assets: options.assets.as_deref(),
        limits: options.limits,
    };
    let (findings, compiled) = validate::check_scenario(&scenario, &ctx);
    let diagnostics = if findings.is_empty() {
        Vec::new()
    } else {
        located(path, text, findings)
    };
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    CheckedText {
        diagnostics,
        id: Some(scenario.id.clone()),
        title: Some(scenario.title.clone()),
        scenario: match (ok, compiled) {
            (true, Some((c, a))) => Some((scenario, c, a)),
            _ => None,
        },
    }
}

/// Loads and checks one scenario file.
pub fn load_entry(path: &Path, catalogue: Option<&Arc<Catalogue>>, options: &LoadOptions) -> Entry {
    let failed = |diagnostics| Entry {
        path: path.to_path_buf(),
        id: None,
        title: None,
        playable: None,
        diagnostics,
        translations: Vec::new(),
    };
    let text = match load::read_text(path, options.limits.max_file_bytes) {
        Ok(t) => t,
        Err(e) => return failed(vec![parse_error(path, e)]),
    };
    let Some(catalogue) = catalogue else {
        // Syntax can still be checked; references cannot.
        let mut diagnostics = match load::parse::<Scenario>(&text) {
            Ok(_) => Vec::new(),
            Err(e) => vec![parse_error(path, e)],
        };
        diagnostics.push(Diagnostic::new(
            path,
            Position::START,
            Severity::Error,
            "this scenario cannot be checked or played until the catalogue loads (see the \
             catalogue's error)",
        ));
        return failed(diagnostics);
    };
    let checked = check_text(path, &text, catalogue, options);
    let playable = checked.scenario.map(|(scenario, compiled, analysis)| {
        Arc::new(Playable::new(
            scenario,
            Arc::clone(catalogue),
            compiled,
            analysis,
            path.to_path_buf(),
            Arc::from(text),
        ))
    });
    Entry {
        path: path.to_path_buf(),
        id: checked.id,
        title: checked.title,
        playable,
        diagnostics: checked.diagnostics,
        translations: Vec::new(),
    }
}
