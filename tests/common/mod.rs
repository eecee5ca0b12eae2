//! Helpers shared by the test binaries: the fixture course and small assertions.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of the helpers"
)]

use mpa_trainer::scenario::{Catalogue, Library, LoadOptions, Playable};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Load options for the fixture course under `tests/fixtures`.
pub fn fixture_options() -> LoadOptions {
    LoadOptions {
        catalogue: PathBuf::from("tests/fixtures/catalogue.ron"),
        assets: Some(PathBuf::from("tests/fixtures/assets")),
        ..LoadOptions::default()
    }
}

/// The fixture library: the contract's example scenario.
pub fn fixture_library() -> Library {
    Library::load(
        &[PathBuf::from("tests/fixtures/paria.ron")],
        &fixture_options(),
    )
    .unwrap()
}

/// The fixture catalogue.
pub fn fixture_catalogue() -> Arc<Catalogue> {
    let text = std::fs::read_to_string("tests/fixtures/catalogue.ron").unwrap();
    Arc::new(mpa_trainer::scenario::load::parse(&text).unwrap())
}

/// The contract's example, ready to play.
pub fn paria() -> Arc<Playable> {
    Arc::clone(fixture_library().find("bar-worker").unwrap())
}

/// A scenario text checked against the fixture catalogue.
pub fn playable_from(text: &str) -> Arc<Playable> {
    match Playable::from_text(Path::new("test.ron"), text, fixture_catalogue()) {
        Ok(p) => Arc::new(p),
        Err(d) => panic!("{d:#?}"),
    }
}

/// The 1-based line and column of the first occurrence of `needle`.
pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Asserts two floats agree to 1e-9.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}
