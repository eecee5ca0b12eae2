//! Translations: each validator message at its `file:line:col`, a translated scenario that
//! scores exactly as its source, and the language carried into the record and the exports.

use crate::common::*;
use mpa_trainer::engine::Score;
use mpa_trainer::engine::script::{self, Script};
use mpa_trainer::scenario::translate::{self, hash, scenario_texts};
use mpa_trainer::scenario::{Library, LoadOptions};
use std::path::{Path, PathBuf};

/// A temporary course: the fixture catalogue and the contract's example, with `files` beside them.
struct Course {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

fn course(files: &[(&str, &str)]) -> Course {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    std::fs::copy(
        "tests/fixtures/catalogue.ron",
        root.join("scenarios/catalogue.ron"),
    )
    .unwrap();
    std::fs::copy("tests/fixtures/paria.ron", root.join("scenarios/paria.ron")).unwrap();
    for (name, text) in files {
        std::fs::write(root.join("scenarios").join(name), text).unwrap();
    }
    Course { _dir: dir, root }
}

fn load(c: &Course) -> Library {
    let mut options = LoadOptions::for_catalogue(&c.root.join("scenarios/catalogue.ron"));
    options.assets = None;
    Library::load(&[c.root.join("scenarios")], &options).unwrap()
}

/// The diagnostics of the course's translation files, as `name:line:col: severity: message`.
fn translation_diagnostics(files: &[(&str, &str)]) -> Vec<String> {
    let c = course(files);
    let library = load(&c);
    let prefix = format!("{}/", c.root.join("scenarios").display());
    library
        .translations
        .iter()
        .flat_map(|t| t.diagnostics.iter())
        .map(|d| d.to_string().replace(&prefix, ""))
        .collect()
}

/// A complete translation of the example: every text "ES " + the English, with its hash.
fn complete() -> Vec<(String, String, String)> {
    let source = paria();
    scenario_texts(&source.scenario)
        .into_iter()
        .map(|(k, v)| (k, hash(&v), format!("ES {v}")))
        .collect()
}

fn file(entries: &[(String, String, String)]) -> String {
    let mut out = String::from("Translation(\n    texts: {\n");
    for (k, h, t) in entries {
        out.push_str(&format!("        {k:?}: ({h:?}, {t:?}),\n"));
    }
    out.push_str("    },\n)\n");
    out
}

#[track_caller]
fn at(text: &str, needle: &str) -> String {
    let (line, col) = position_of(text, needle);
    format!("paria.es.ron:{line}:{col}")
}

#[test]
fn a_complete_translation_loads_clean_and_plays_in_its_words() {
    let text = file(&complete());
    let c = course(&[("paria.es.ron", &text)]);
    let library = load(&c);
    let problems: Vec<_> = library.translations[0]
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    let es = library.find_in("bar-worker", "es").unwrap();
    let en = library.find_in("bar-worker", "en").unwrap();
    assert_eq!(es.language, "es");
    assert_eq!(en.language, "en");
    assert!(es.scenario.title.starts_with("ES "));
    assert_eq!(es.scenario.scenes.len(), en.scenario.scenes.len());
    assert_eq!(
        es.source_hash(),
        en.source_hash(),
        "the same version of the scenario"
    );
    // A language with no translation plays the source.
    assert_eq!(library.find_in("bar-worker", "fr").unwrap().language, "en");
}

#[test]
fn an_unknown_key_is_an_error_with_the_closest_key() {
    let mut entries = complete();
    entries[0].0 = "titel".to_owned();
    let text = file(&entries);
    let found = translation_diagnostics(&[("paria.es.ron", &text)]);
    assert_eq!(
        found[0],
        format!(
            "{}: error: the source has no text \"titel\" (did you mean \"title\"?); remove this \
             translation or fix its key",
            at(&text, "\"titel\"")
        )
    );
}

#[test]
fn a_stale_text_is_a_warning_at_its_hash() {
    let mut entries = complete();
    let fresh = entries[1].1.clone();
    entries[1].1 = "0badc0de".to_owned();
    let text = file(&entries);
    let found = translation_diagnostics(&[("paria.es.ron", &text)]);
    assert_eq!(
        found,
        vec![format!(
            "{}: warning: stale: the source text of \"{}\" changed since it was translated (hash \
             \"0badc0de\", now \"{fresh}\"); check the translation against the source, then \
             write \"{fresh}\"",
            at(&text, "\"0badc0de\""),
            entries[1].0
        )]
    );
}

#[test]
fn missing_and_empty_texts_are_one_warning_counting_them() {
    let mut entries = complete();
    let absent = entries.remove(3);
    entries[5].2 = String::new();
    let text = file(&entries);
    let found = translation_diagnostics(&[("paria.es.ron", &text)]);
    let empty = format!("({:?}, \"\")", entries[5].1);
    assert_eq!(
        found,
        vec![format!(
            "{}: warning: missing translation: \"{}\" and 1 more (shown in the source's language; \
             `mpa-trainer translate` adds absent ones, empty ones wait for a translator)",
            // Pointing at the first empty text, the one a translator can fill in place.
            {
                let (line, col) = position_of(&text, &empty);
                format!("paria.es.ron:{line}:{}", col + entries[5].1.len() + 5)
            },
            entries[5].0
        )]
    );
    assert!(
        !found[0].contains(&absent.0),
        "the absent key is counted, not named first"
    );
    // Untranslated texts show the source's words.
    let c = course(&[("paria.es.ron", &text)]);
    let library = load(&c);
    let es = library.find_in("bar-worker", "es").unwrap();
    let key_texts = scenario_texts(&es.scenario);
    let shown = key_texts.iter().find(|(k, _)| *k == absent.0).unwrap();
    assert!(!shown.1.starts_with("ES "), "{shown:?}");
}

#[test]
fn a_duplicate_key_a_bad_hash_and_a_parse_error_are_errors() {
    let mut entries = complete();
    entries.push(entries[0].clone());
    entries[2].1 = "XYZ".to_owned();
    let text = file(&entries);
    let found = translation_diagnostics(&[("paria.es.ron", &text)]);
    assert!(
        found
            .iter()
            .any(|d| d.contains("error: \"title\" is translated twice; keep one")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|d| d.starts_with(&at(&text, "\"XYZ\""))
            && d.contains("error: \"XYZ\" is not a source hash (8 hex digits)")),
        "{found:?}"
    );
    let broken = "Translation(\n    texts: {\n        \"title\": (\"abc\"),\n";
    let found = translation_diagnostics(&[("paria.es.ron", broken)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("paria.es.ron:3:"), "{found:?}");
    assert!(found[0].contains(": error: "), "{found:?}");
}

#[test]
fn a_translation_without_its_source_is_an_error() {
    let found = translation_diagnostics(&[("gone.es.ron", &file(&complete()))]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("gone.es.ron:1:1: error: this translates "),
        "{found:?}"
    );
    assert!(
        found[0].contains("gone.ron, which is not in the library"),
        "{found:?}"
    );
}

#[test]
fn a_translation_that_makes_the_best_choice_the_longest_is_warned() {
    // The example already has a length cue in English; remove it by shortening its best choices
    // in a copy of the source, then make them long again in the translation.
    let source = std::fs::read_to_string("tests/fixtures/paria.ron").unwrap();
    let playable = playable_from(&source);
    let texts = scenario_texts(&playable.scenario);
    let mut entries: Vec<(String, String, String)> = texts
        .iter()
        .map(|(k, v)| (k.clone(), hash(v), v.clone()))
        .collect();
    // Every choice the same length in the translation, then the best ones ("choice.0") longest.
    for e in &mut entries {
        if e.0.contains(".choice.") && !e.0.ends_with(".feedback") {
            e.2 = if e.0.ends_with(".choice.0") {
                "x".repeat(200)
            } else {
                "y".repeat(10)
            };
        }
    }
    let short: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if e.0.contains(".choice.") && !e.0.ends_with(".feedback") {
                e.2 = "z".repeat(50);
            }
            e
        })
        .collect();
    // With every choice as long as every other, no cue: the translation is clean.
    let clean = translation_diagnostics(&[("paria.es.ron", &file(&short))]);
    assert!(clean.iter().all(|d| !d.contains("length cue")), "{clean:?}");
    // The source already has the cue, so the translation adds nothing new to warn about...
    let found = translation_diagnostics(&[("paria.es.ron", &file(&entries))]);
    assert!(
        found
            .iter()
            .all(|d| !d.contains("length cue in translation")),
        "{found:?}"
    );
    // ...and the check runs on the translated words: the best choices are the longest there.
    let c = course(&[("paria.es.ron", &file(&entries))]);
    let es = load(&c).find_in("bar-worker", "es").unwrap().clone();
    let cue = mpa_trainer::scenario::cues::length_cue(&es.scenario);
    assert_eq!(cue.best_is_longest.len(), cue.decision_scenes);
    // A source without the cue, translated with it, is warned at the first such choice.
    let found = translation_cue_from_clean_source();
    assert!(
        found
            .iter()
            .any(|d| d.contains("warning: length cue in translation")),
        "{found:?}"
    );
}

/// A source whose best choices are the shortest, translated so that they are the longest.
fn translation_cue_from_clean_source() -> Vec<String> {
    let source = std::fs::read_to_string("tests/fixtures/paria.ron").unwrap();
    let playable = playable_from(&source);
    // Make the source's best choices the shortest: every choice text of the source file becomes
    // its own length in "a"s, except the best (first) ones which become one "a".
    let mut edited = source.clone();
    for (k, v) in scenario_texts(&playable.scenario) {
        if k.contains(".choice.") && !k.ends_with(".feedback") {
            let replacement = if k.ends_with(".choice.0") {
                "b".to_owned()
            } else {
                format!("c{}", k.len())
            };
            edited = edited.replacen(&format!("{v:?}"), &format!("{replacement:?}"), 1);
        }
    }
    let edited_playable = playable_from(&edited);
    assert!(!mpa_trainer::scenario::cues::length_cue(&edited_playable.scenario).is_cue());
    let entries: Vec<(String, String, String)> = scenario_texts(&edited_playable.scenario)
        .into_iter()
        .map(|(k, v)| {
            let t = if k.ends_with(".choice.0") {
                "a much longer best choice in translation".to_owned()
            } else {
                v.clone()
            };
            (k, hash(&v), t)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    std::fs::copy(
        "tests/fixtures/catalogue.ron",
        root.join("scenarios/catalogue.ron"),
    )
    .unwrap();
    std::fs::write(root.join("scenarios/paria.ron"), &edited).unwrap();
    std::fs::write(root.join("scenarios/paria.es.ron"), file(&entries)).unwrap();
    let mut options = LoadOptions::for_catalogue(&root.join("scenarios/catalogue.ron"));
    options.assets = None;
    let library = Library::load(&[root.join("scenarios")], &options).unwrap();
    library
        .translations
        .iter()
        .flat_map(|t| t.diagnostics.iter().map(ToString::to_string))
        .collect()
}

#[test]
fn the_skeleton_keeps_translations_and_parses() {
    let source = paria();
    let texts = scenario_texts(&source.scenario);
    let mut entries = complete();
    entries.truncate(2);
    let existing: translate::Translation =
        mpa_trainer::scenario::load::parse(&file(&entries)).unwrap();
    let written = translate::skeleton("The example", &texts, Some(&existing));
    let parsed: translate::Translation = mpa_trainer::scenario::load::parse(&written).unwrap();
    assert_eq!(parsed.texts.len(), texts.len());
    assert_eq!(parsed.texts.get("title").unwrap().1, entries[0].2);
    let findings = translate::check(&texts, &parsed);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0]
            .message
            .contains(&format!("and {} more", texts.len() - 3))
    );
}

/// The shipped course: each translated scenario, played by its best and its critical script,
/// scores exactly as its source, and its record says which language it was played in.
#[test]
fn the_shipped_translations_score_as_their_sources() {
    let options = LoadOptions::default();
    let library = Library::load(&[PathBuf::from("scenarios")], &options).unwrap();
    let (errors, warnings) = library.counts();
    assert_eq!(
        (errors, warnings),
        (0, 0),
        "{:#?}",
        library.diagnostics().collect::<Vec<_>>()
    );
    let translated: Vec<&str> = library
        .entries
        .iter()
        .filter(|e| e.translations.iter().any(|(l, _)| l == "es"))
        .filter_map(|e| e.id.as_deref())
        .collect();
    assert!(translated.len() >= 6, "{translated:?}");
    assert!(library.catalogue_in("es").is_some());
    for id in translated {
        let en = library.find_in(id, "en").unwrap();
        let es = library.find_in(id, "es").unwrap();
        assert_ne!(en.scenario.title, es.scenario.title, "{id}");
        for kind in ["best", "critical"] {
            let path = Path::new("tests/scripts").join(format!("{id}-{kind}.ron"));
            let text = std::fs::read_to_string(&path).unwrap();
            let script: Script = mpa_trainer::scenario::load::parse(&text).unwrap();
            let play =
                |p| Score::of(&script::play(std::sync::Arc::clone(p), &script, |_, _| {}).unwrap());
            assert_eq!(play(en), play(es), "{id} {kind}");
        }
        let header = mpa_trainer::record::started(
            "s".into(),
            "T01",
            es,
            mpa_trainer::record::Mode::Workshop,
            1,
            None,
        );
        assert_eq!(header.language, "es");
        assert_eq!(header.scenario_hash, en.source_hash());
    }
}
