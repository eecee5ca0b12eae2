//! Translations of scenarios and of the catalogue: a file beside its source
//! (`s1-bar-worker.es.ron` beside `s1-bar-worker.ron`), keyed by the source's ids, each text carrying
//! a short hash of the source text it translates. A translation changes words only: the scenes,
//! choices, grades and ids are the source's, so a session scores the same in every language.
//!
//! The validator's findings here say when a translation is missing, names a text the source no
//! longer has, or translates a text that has changed since (stale).

use super::diagnostic::{Diagnostic, Finding, Seg, Severity};
use super::load;
use super::model::{Catalogue, OrderedMap, Scenario, SceneKind};
use super::validate::{self, suggest};
use super::{Playable, cues};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// One translation file: `Translation(texts: { "key": ("hash", "text"), ... })`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub texts: OrderedMap<Text>,
}

/// One translated text: the hash of the source text it translates, and the translation.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Text(pub String, pub String);

/// The short hash a translation carries: the first 8 hex digits of the source text's SHA-256.
pub fn hash(source: &str) -> String {
    Sha256::digest(source.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The language a file translates into, from its name (`s1.es.ron` → `es`), with the path of
/// its source (`s1.ron`); `None` for a file that is not a translation.
pub fn translation_of(path: &Path) -> Option<(String, PathBuf)> {
    let stem = path.file_stem()?.to_str()?;
    let (source_stem, language) = stem.rsplit_once('.')?;
    let valid =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    if !valid || source_stem.is_empty() {
        return None;
    }
    Some((
        language.to_owned(),
        path.with_file_name(format!("{source_stem}.ron")),
    ))
}

/// Every translatable text of a scenario, by key, in the order written.
pub fn scenario_texts(s: &Scenario) -> Vec<(String, String)> {
    let mut out = Vec::new();
    visit_scenario(&mut s.clone(), &mut |key, text| {
        out.push((key, text.clone()))
    });
    out
}

/// Every translatable text of the catalogue, by key, in the order written.
pub fn catalogue_texts(c: &Catalogue) -> Vec<(String, String)> {
    let mut out = Vec::new();
    visit_catalogue(&mut c.clone(), &mut |key, text| {
        out.push((key, text.clone()))
    });
    out
}

/// The scenario in the translation's words; texts it lacks stay in the source's words.
pub fn apply_to_scenario(s: &Scenario, t: &Translation) -> Scenario {
    let mut out = s.clone();
    let texts = t.lookup();
    visit_scenario(&mut out, &mut |key, text| replace(&texts, &key, text));
    out
}

/// The catalogue in the translation's words; texts it lacks stay in the source's words.
pub fn apply_to_catalogue(c: &Catalogue, t: &Translation) -> Catalogue {
    let mut out = c.clone();
    let texts = t.lookup();
    visit_catalogue(&mut out, &mut |key, text| replace(&texts, &key, text));
    out
}

fn replace(texts: &HashMap<&str, &str>, key: &str, text: &mut String) {
    if let Some(t) = texts.get(key).filter(|t| !t.trim().is_empty()) {
        *text = (*t).to_owned();
    }
}

impl Translation {
    fn lookup(&self) -> HashMap<&str, &str> {
        self.texts.iter().map(|(k, t)| (k, t.1.as_str())).collect()
    }
}

/// Checks a translation against its source's texts: every source text translated, every key a
/// source text, every hash the hash of the source text now.
pub fn check(source: &[(String, String)], t: &Translation) -> Vec<Finding> {
    let mut findings = Vec::new();
    let by_key: HashMap<&str, &str> = source
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut seen = HashSet::new();
    let mut untranslated = Vec::new();
    for (n, (key, Text(old, text))) in t.texts.iter().enumerate() {
        let at_key = vec![Seg::Field("texts"), Seg::Key(n)];
        let at_hash = vec![Seg::Field("texts"), Seg::Value(n), Seg::Index(0)];
        let at_text = vec![Seg::Field("texts"), Seg::Value(n), Seg::Index(1)];
        if !seen.insert(key) {
            findings.push(Finding::error(
                at_key,
                format!("\"{key}\" is translated twice; keep one"),
            ));
            continue;
        }
        let Some(now) = by_key.get(key) else {
            let hint = suggest(key, by_key.keys().copied())
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            findings.push(Finding::error(
                at_key,
                format!(
                    "the source has no text \"{key}\"{hint}; remove this translation or fix its key"
                ),
            ));
            continue;
        };
        if text.trim().is_empty() && !now.trim().is_empty() {
            // Not translated yet: shown in the source's words, counted with the missing below.
            untranslated.push((key, at_text));
            continue;
        }
        let fresh = hash(now);
        if !is_hash(old) {
            findings.push(Finding::error(
                at_hash,
                format!(
                    "\"{old}\" is not a source hash (8 hex digits); the source text of \"{key}\" \
                     hashes to \"{fresh}\""
                ),
            ));
        } else if *old != fresh {
            findings.push(Finding::warning(
                at_hash,
                format!(
                    "stale: the source text of \"{key}\" changed since it was translated (hash \
                     \"{old}\", now \"{fresh}\"); check the translation against the source, then \
                     write \"{fresh}\""
                ),
            ));
        }
    }
    let absent = source
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !seen.contains(k))
        .map(|k| (k, vec![Seg::Field("texts")]));
    let mut missing = untranslated.into_iter().chain(absent);
    if let Some((first, at)) = missing.next() {
        let more = match missing.count() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        findings.push(Finding::warning(
            at,
            format!(
                "missing translation: \"{first}\"{more} (shown in the source's language; \
                 `mpa-trainer translate` adds absent ones, empty ones wait for a translator)"
            ),
        ));
    }
    findings
}

/// Warnings about cues the translation's words create: the best choice the longest in more
/// scenes than the source allows, or a fixed rule that passes, though the source had neither.
pub fn cue_findings(source: &Playable, translated: &Playable, t: &Translation) -> Vec<Finding> {
    let mut findings = Vec::new();
    let at = |key: &str| match t.texts.keys().position(|k| k == key) {
        Some(n) => vec![Seg::Field("texts"), Seg::Key(n)],
        None => vec![Seg::Field("texts")],
    };
    let length = cues::length_cue(&translated.scenario);
    if length.is_cue()
        && !cues::length_cue(&source.scenario).is_cue()
        && let Some(&first) = length.best_is_longest.first()
    {
        let s = &translated.scenario;
        let scenes: Vec<&str> = length
            .best_is_longest
            .iter()
            .map(|&i| s.scene_id(i))
            .collect();
        findings.push(Finding::warning(
            at(&format!("{}.choice.0", s.scene_id(first))),
            format!(
                "length cue in translation: in {} of the {} decision scenes the best choice is \
                 also the longest ({}), which the source avoids; make the choices of each scene \
                 similar in length",
                length.best_is_longest.len(),
                length.decision_scenes,
                scenes.join(", ")
            ),
        ));
    }
    if translated.analysis.surface.is_cue()
        && !source.analysis.surface.is_cue()
        && let Some(best) = &translated.analysis.surface.best
    {
        findings.push(Finding::warning(
            at("title"),
            format!(
                "in translation: {}",
                validate::surface_cue_message(&translated.scenario, best)
            ),
        ));
    }
    findings
}

fn is_hash(h: &str) -> bool {
    h.len() == 8
        && h.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// A translation file for `source` texts, keeping what `existing` already translates: each entry
/// under a comment with the source text, untranslated entries empty (the validator counts them
/// as missing), stale ones kept with their old hash so the validator still reports them.
pub fn skeleton(
    title: &str,
    source: &[(String, String)],
    existing: Option<&Translation>,
) -> String {
    let old: HashMap<&str, &Text> = existing
        .map(|t| t.texts.iter().collect())
        .unwrap_or_default();
    let mut out = String::new();
    for line in title.lines() {
        out.push_str(&format!("// {line}\n"));
    }
    out.push_str(
        "// Each text: (hash of the source text it translates, translation); the comment above it is the\n\
         // source text, and an empty translation is shown in the source's words. Written by\n\
         // `mpa-trainer translate`: run it again after the source changes.\n\
         Translation(\n    texts: {\n",
    );
    for (key, text) in source {
        for line in text.lines() {
            out.push_str(&format!("        // {line}\n"));
        }
        let (h, t) = match old.get(key.as_str()) {
            Some(Text(h, t)) => (h.clone(), t.clone()),
            None => (hash(text), String::new()),
        };
        out.push_str(&format!(
            "        {}: ({}, {}),\n",
            quote(key),
            quote(&h),
            quote(&t)
        ));
    }
    out.push_str("    },\n)\n");
    out
}

/// What a translation file translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Scenario,
    Catalogue,
}

/// What `update_file` wrote: the file, how many texts it has, how many were already translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub target: PathBuf,
    pub texts: usize,
    pub kept: usize,
}

/// Why a translation file was not written (nothing was).
#[derive(Debug, Error)]
pub enum UpdateError {
    /// The source or the existing translation does not parse.
    #[error("{0}")]
    Parse(Diagnostic),
    #[error("mpa-trainer: {path}: {message}")]
    Io { path: PathBuf, message: String },
}

/// Writes `name.LANG.ron` beside `source`, or brings it up to date (`skeleton`). Written beside
/// and renamed over, so a full disk never leaves half a translation.
pub fn update_file(source: &Path, kind: Source, language: &str) -> Result<Written, UpdateError> {
    let io = |path: &Path, e: &std::io::Error| UpdateError::Io {
        path: path.to_path_buf(),
        message: load::io_message(e),
    };
    let parse_error = |path: &Path, e: load::ParseError| {
        UpdateError::Parse(Diagnostic::new(
            path,
            e.position,
            Severity::Error,
            e.message,
        ))
    };
    let text = load::read_text(source, 16 * 1024 * 1024).map_err(|e| parse_error(source, e))?;
    let (texts, title) = match kind {
        Source::Catalogue => {
            let c: Catalogue = load::parse(&text).map_err(|e| parse_error(source, e))?;
            (catalogue_texts(&c), "The catalogue".to_owned())
        }
        Source::Scenario => {
            let s: Scenario = load::parse(&text).map_err(|e| parse_error(source, e))?;
            (scenario_texts(&s), format!("\"{}\" ({})", s.title, s.id))
        }
    };
    let stem = source.file_stem().unwrap_or_default().to_string_lossy();
    let target = source.with_file_name(format!("{stem}.{language}.ron"));
    let existing = match std::fs::read_to_string(&target) {
        Ok(t) => Some(load::parse::<Translation>(&t).map_err(|e| parse_error(&target, e))?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&target, &e)),
    };
    let kept = existing.as_ref().map_or(0, |t| {
        t.texts
            .iter()
            .filter(|(k, t)| !t.1.trim().is_empty() && texts.iter().any(|(s, _)| s == k))
            .count()
    });
    let heading = format!(
        "{title}, in \"{language}\": translation of {}.",
        source.display()
    );
    let written = skeleton(&heading, &texts, existing.as_ref());
    let partial = target.with_extension("ron.partial");
    std::fs::write(&partial, written.as_bytes())
        .and_then(|()| std::fs::rename(&partial, &target))
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            io(&target, &e)
        })?;
    Ok(Written {
        target,
        texts: texts.len(),
        kept,
    })
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Calls `f` with each translatable text of a scenario and its key.
fn visit_scenario(s: &mut Scenario, f: &mut dyn FnMut(String, &mut String)) {
    f("title".into(), &mut s.title);
    if !s.summary.is_empty() {
        f("summary".into(), &mut s.summary);
    }
    for (i, o) in s.objectives.iter_mut().enumerate() {
        f(format!("objective.{i}"), o);
    }
    for c in &mut s.cast {
        f(format!("cast.{}", c.id), &mut c.name);
    }
    for (id, scene) in &mut s.scenes.0 {
        let opt = |f: &mut dyn FnMut(String, &mut String), field: &str, v: &mut Option<String>| {
            if let Some(v) = v {
                f(format!("{id}.{field}"), v);
            }
        };
        match scene {
            SceneKind::Scene(sc) => {
                opt(f, "speaker", &mut sc.speaker);
                f(format!("{id}.text"), &mut sc.text);
                opt(f, "alt", &mut sc.alt);
                for o in &mut sc.observations {
                    f(format!("{id}.obs.{}", o.id), &mut o.text);
                    if let Some(note) = &mut o.note {
                        f(format!("{id}.obs.{}.note", o.id), note);
                    }
                }
                for (i, c) in sc.choices.iter_mut().enumerate() {
                    f(format!("{id}.choice.{i}"), &mut c.text);
                    if let Some(fb) = &mut c.feedback {
                        f(format!("{id}.choice.{i}.feedback"), fb);
                    }
                }
            }
            SceneKind::Referral(r) => {
                opt(f, "speaker", &mut r.speaker);
                f(format!("{id}.text"), &mut r.text);
                opt(f, "alt", &mut r.alt);
                opt(f, "feedback", &mut r.feedback);
            }
            SceneKind::Classify(c) => {
                opt(f, "speaker", &mut c.speaker);
                f(format!("{id}.text"), &mut c.text);
                opt(f, "alt", &mut c.alt);
                opt(f, "feedback", &mut c.feedback);
            }
            SceneKind::Ending(e) => {
                f(format!("{id}.title"), &mut e.title);
                f(format!("{id}.text"), &mut e.text);
                opt(f, "alt", &mut e.alt);
            }
        }
    }
}

/// Calls `f` with each translatable text of the catalogue and its key.
fn visit_catalogue(c: &mut Catalogue, f: &mut dyn FnMut(String, &mut String)) {
    fn both(
        f: &mut dyn FnMut(String, &mut String),
        kind: &str,
        id: &str,
        label: &mut String,
        description: &mut String,
    ) {
        f(format!("{kind}.{id}"), label);
        if !description.is_empty() {
            f(format!("{kind}.{id}.description"), description);
        }
    }
    for i in &mut c.indicators {
        both(f, "indicator", &i.id, &mut i.label, &mut i.description);
    }
    for x in &mut c.factors {
        both(f, "factor", &x.id, &mut x.label, &mut x.description);
    }
    for p in &mut c.principles {
        both(f, "principle", &p.id, &mut p.label, &mut p.description);
    }
    for s in &mut c.services {
        both(f, "service", &s.id, &mut s.label, &mut s.description);
        if let Some(contact) = &mut s.contact {
            f(format!("service.{}.contact", s.id), contact);
        }
    }
    for t in &mut c.case_types {
        both(f, "case_type", &t.id, &mut t.label, &mut t.description);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_files_are_told_by_name() {
        let (lang, source) = translation_of(Path::new("scenarios/s1-bar.es.ron")).unwrap();
        assert_eq!(lang, "es");
        assert_eq!(source, Path::new("scenarios/s1-bar.ron"));
        assert!(translation_of(Path::new("scenarios/s1-bar.ron")).is_none());
        assert!(translation_of(Path::new("scenarios/v1.2.ron")).is_none());
        assert!(translation_of(Path::new("scenarios/.es.ron")).is_none());
    }

    #[test]
    fn hash_is_eight_hex_digits_of_sha256() {
        // SHA-256("abc") = ba7816bf...
        assert_eq!(hash("abc"), "ba7816bf");
    }
}
