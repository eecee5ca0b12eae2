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

/// A store that fails with a chosen error while its switch is on, as a full, read-only or
/// vanished disk would; otherwise it is the real file system.
pub struct Faulty {
    pub inner: mpa_trainer::record::FsStore,
    pub fault: std::sync::Arc<std::sync::Mutex<Option<std::io::ErrorKind>>>,
    /// When set, a failing append first writes this many bytes of what it was given, as a write
    /// cut short by a full disk does.
    pub partial: usize,
}

impl Faulty {
    /// A store and the switch that breaks it.
    pub fn new() -> (
        Self,
        std::sync::Arc<std::sync::Mutex<Option<std::io::ErrorKind>>>,
    ) {
        let fault = std::sync::Arc::new(std::sync::Mutex::new(None));
        (
            Faulty {
                inner: mpa_trainer::record::FsStore::new(),
                fault: std::sync::Arc::clone(&fault),
                partial: 0,
            },
            fault,
        )
    }

    fn failing(&self) -> Option<std::io::ErrorKind> {
        *self.fault.lock().unwrap()
    }
}

impl mpa_trainer::record::Store for Faulty {
    fn create_dir(&mut self, dir: &Path) -> std::io::Result<()> {
        match self.failing() {
            Some(kind) => Err(kind.into()),
            None => self.inner.create_dir(dir),
        }
    }

    fn create_new(&mut self, path: &Path) -> std::io::Result<()> {
        match self.failing() {
            Some(kind) => Err(kind.into()),
            None => self.inner.create_new(path),
        }
    }

    fn append_at(&mut self, path: &Path, len: u64, bytes: &[u8]) -> std::io::Result<()> {
        match self.failing() {
            Some(kind) => {
                if self.partial > 0 && path.exists() {
                    use std::io::{Seek, SeekFrom, Write};
                    let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
                    f.seek(SeekFrom::Start(len))?;
                    f.write_all(&bytes[..self.partial.min(bytes.len())])?;
                }
                Err(kind.into())
            }
            None => self.inner.append_at(path, len, bytes),
        }
    }
}

/// Records a session of the fixture scenario into `results`, as a trainee would, by running the
/// program's `script` command with these actions (written as in a script's `actions` list).
pub fn record_fixture_session(results: &Path, participant: &str, actions: &str) {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("s.ron");
    std::fs::write(
        &script,
        format!("Script(participant: \"{participant}\", actions: [{actions}])"),
    )
    .unwrap();
    succeed(
        std::process::Command::new(env!("CARGO_BIN_EXE_mpa-trainer"))
            .args(["script", "tests/fixtures/paria.ron"])
            .arg(&script)
            .args(["--catalogue", "tests/fixtures/catalogue.ron", "--results"])
            .arg(results),
    );
}

/// Runs a command and returns its output, failing the test with its stderr if it failed.
pub fn succeed(command: &mut std::process::Command) -> std::process::Output {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
