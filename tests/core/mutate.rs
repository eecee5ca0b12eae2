//! Hostile and broken input: the shipped scenario files, the catalogue, scripts and session logs,
//! mutated deterministically (bytes and tokens deleted, duplicated, swapped and flipped, files
//! truncated, brackets nested thousands deep, invalid UTF-8, huge numbers and strings) and fed to
//! their loaders. None may panic or overflow the stack; every refusal is a message with a
//! position. 100,000 cases per parser in a release build (the README's test command), fewer in
//! a debug build.

use crate::common::*;
use mpa_trainer::engine::script::{self, Script};
use mpa_trainer::record::reader::parse_session;
use mpa_trainer::scenario::library::{check_text, load_catalogue};
use mpa_trainer::scenario::{Catalogue, LoadOptions, load};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// Cases per parser.
fn cases() -> usize {
    if cfg!(debug_assertions) {
        4_000
    } else {
        100_000
    }
}

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "Some(",
    "None",
    "Scene(",
    "Ending(",
    "Referral(",
    "Classify(",
    "next: ",
    "id: ",
    "text: ",
    "true",
    "-1",
    "0",
    "1e999",
    "-1e999",
    "NaN",
    "inf",
    "18446744073709551616",
    "99999999999999999999999999999",
    "0x",
    "'",
    "r#\"",
    "\"#",
    "/*",
    "*/",
    "//",
    "\\",
    "\\u{110000}",
    "\n",
    "\t",
    "é",
    "\u{202e}",
    "\u{0}",
    "Appropriate",
    "Harmful",
    "Required",
    "critical: true",
    "requires: [\"x\"]",
    "set: [\"x\"]",
    "factor: \"language_barrier\"",
    "factor: ",
    "declined: true",
    "declined: ",
    "consent_exempt: [\"medical\"]",
    "consent_exempt: ",
    "level: Individual",
    "kind: Protective",
    "NotProtected",
    "\"rules\":",
];

/// One mutation of `seed`.
fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut v = seed.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = v.len();
        let at = rng.below(len + 1);
        let span = 1 + rng.below(64.min(len.max(1)));
        let end = (at + span).min(len);
        match rng.below(11) {
            0 => {
                v.drain(at..end);
            }
            1 => {
                let piece = v[at..end].to_vec();
                v.splice(at..at, piece);
            }
            2 if len > 2 => {
                let other = rng.below(len);
                let a = at.min(len - 1);
                v.swap(a, other);
            }
            3 if len > 0 => {
                let a = at.min(len - 1);
                v[a] ^= 1 << rng.below(8);
            }
            4 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.bytes());
            }
            5 => v.truncate(at),
            6 => {
                let depth = 1000 + rng.below(9000);
                let open = [b"(" as &[u8], b"[", b"{", b"Some("][rng.below(4)];
                let nested: Vec<u8> = open
                    .iter()
                    .copied()
                    .cycle()
                    .take(open.len() * depth)
                    .collect();
                v.splice(at..at, nested);
            }
            7 => {
                v.splice(at..at, [0xff, 0xfe, 0xc0, 0x80]);
            }
            8 => {
                let huge = format!("\"{}\"", "x".repeat(1 + rng.below(200_000)));
                v.splice(at..at, huge.into_bytes());
            }
            9 => {
                // Swap two token-sized pieces.
                if len > 8 {
                    let b = rng.below(len - 4);
                    let a = at.min(len - 4);
                    for i in 0..4 {
                        v.swap(a + i, b + i);
                    }
                }
            }
            _ => {
                let digits = "9".repeat(20 + rng.below(400));
                v.splice(at..at, digits.into_bytes());
            }
        }
    }
    v
}

/// Runs `cases()` mutations of the seeds through `check`, which returns the refusals as
/// (line, col, message) and must not panic. Returns (cases, refusals, seconds).
fn run(
    name: &str,
    seeds: &[Vec<u8>],
    salt: u64,
    mut check: impl FnMut(usize, &[u8]) -> Vec<(usize, usize, String)>,
) -> (usize, usize, f64) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ salt);
    let started = Instant::now();
    let mut refusals = 0;
    let n = cases();
    for case in 0..n {
        let seed = &seeds[case % seeds.len()];
        let input = mutate(seed, &mut rng);
        let found = catch_unwind(AssertUnwindSafe(|| check(case % seeds.len(), &input)));
        let found = found.unwrap_or_else(|_| {
            let path = std::env::temp_dir().join(format!("mpa-trainer-{name}-crash-{case}.bin"));
            let _ = std::fs::write(&path, &input);
            panic!(
                "{name}: case {case} panicked; the input is in {}",
                path.display()
            )
        });
        let lines = input.iter().filter(|&&b| b == b'\n').count() + 1;
        for (line, col, message) in &found {
            assert!(
                !message.trim().is_empty(),
                "{name}: case {case}: an empty message"
            );
            assert!(
                *line >= 1 && *col >= 1 && *line <= lines,
                "{name}: case {case}: position {line}:{col} outside the input"
            );
        }
        refusals += usize::from(!found.is_empty());
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("{name}: {n} cases, {refusals} refused with a located message, {seconds:.1} s");
    (n, refusals, seconds)
}

fn shipped_scenarios() -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for dir in ["scenarios", "scenarios/assessment"] {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        names.sort();
        for p in names {
            if p.extension().is_some_and(|x| x == "ron") && !p.ends_with("catalogue.ron") {
                seeds.push(std::fs::read(p).unwrap());
            }
        }
    }
    seeds.push(std::fs::read("tests/fixtures/paria.ron").unwrap());
    // Every field of version 2: factors, consent-exempt services, a declined ending.
    seeds.push(std::fs::read("tests/fixtures/endings-v2.ron").unwrap());
    seeds
}

fn shipped_catalogue() -> Arc<Catalogue> {
    let (c, d) = load_catalogue(Path::new("scenarios/catalogue.ron"), Default::default());
    assert!(d.is_empty(), "{d:?}");
    Arc::new(c.unwrap())
}

#[test]
fn mutated_scenario_files_are_refused_with_a_position_never_a_panic() {
    let catalogue = shipped_catalogue();
    let options = LoadOptions {
        assets: Some("assets".into()),
        ..LoadOptions::default()
    };
    let seeds = shipped_scenarios();
    let (n, refused, _) = run("scenario", &seeds, 1, |_, bytes| {
        // The loader reads bytes as UTF-8 first, exactly as from a file.
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let p = mpa_trainer::scenario::Position::of_offset(
                    &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
                    e.valid_up_to(),
                );
                return vec![(p.line, p.col, "not UTF-8".into())];
            }
        };
        let checked = check_text(Path::new("s.ron"), text, &catalogue, &options);
        checked
            .diagnostics
            .iter()
            .map(|d| (d.position.line, d.position.col, d.message.clone()))
            .collect()
    });
    assert!(
        refused > n / 2,
        "most mutations should be refused: {refused} of {n}"
    );
}

#[test]
fn mutated_catalogues_are_refused_with_a_position_never_a_panic() {
    let seeds = vec![
        std::fs::read("scenarios/catalogue.ron").unwrap(),
        std::fs::read("tests/fixtures/catalogue.ron").unwrap(),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalogue.ron");
    // Half the cases go through the file loader (size limit, UTF-8 check), half parse in memory.
    let mut flip = false;
    run("catalogue", &seeds, 2, |_, bytes| {
        flip = !flip;
        if flip {
            std::fs::write(&path, bytes).unwrap();
            let (_, d) = load_catalogue(&path, Default::default());
            return d
                .iter()
                .map(|d| (d.position.line, d.position.col, d.message.clone()))
                .collect();
        }
        match std::str::from_utf8(bytes) {
            Ok(t) => match load::parse::<Catalogue>(t) {
                Ok(c) => {
                    let findings = mpa_trainer::scenario::validate::check_catalogue(&c);
                    findings
                        .iter()
                        .map(|f| {
                            let p = mpa_trainer::scenario::locate::locate(t, &f.path);
                            (p.line, p.col, f.message.clone())
                        })
                        .collect()
                }
                Err(e) => vec![(e.position.line, e.position.col, e.message)],
            },
            Err(_) => vec![(1, 1, "not UTF-8".into())],
        }
    });
}

#[test]
fn mutated_scripts_are_refused_with_a_position_never_a_panic() {
    // Each course script is mutated and played on its own scenario, so that most actions fit
    // until a mutation breaks one.
    let library =
        mpa_trainer::scenario::Library::load(&["scenarios".into()], &LoadOptions::default())
            .unwrap();
    let mut names: Vec<_> = std::fs::read_dir("tests/scripts")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let mut seeds = Vec::new();
    let mut playables = Vec::new();
    for p in names {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let id = stem.trim_end_matches("-best").trim_end_matches("-critical");
        playables.push(Arc::clone(library.find(id).unwrap()));
        seeds.push(std::fs::read(p).unwrap());
    }
    let (n, refused, _) = run("script", &seeds, 3, |seed, bytes| {
        let playable = &playables[seed];
        let Ok(text) = std::str::from_utf8(bytes) else {
            return vec![(1, 1, "not UTF-8".into())];
        };
        match load::parse::<Script>(text) {
            // A script that parses is played: an action that does not fit is named by its
            // position.
            Ok(s) => match script::play(Arc::clone(playable), &s, |_, _| {}) {
                Ok(_) => Vec::new(),
                Err(e) => {
                    assert!(e.position >= 1 && e.position <= s.actions.len());
                    vec![(1, 1, e.to_string())]
                }
            },
            Err(e) => vec![(e.position.line, e.position.col, e.message)],
        }
    });
    // Some mutations leave a script that still plays to its end.
    assert!(refused < n, "every mutated script was refused");
}

#[test]
fn mutated_session_logs_are_read_as_far_as_they_go_never_a_panic() {
    // Seeds: real logs of the fixture's best path and of a critical path.
    let dir = tempfile::tempdir().unwrap();
    for actions in [
        "Flag(\"manager_answers\"), Choose(0), Choose(2), Refer([\"ctu\"]), Classify(\"trafficking\")",
        "Choose(1), Choose(0)",
    ] {
        record_fixture_session(&dir.path().join("results"), "M01", actions);
    }
    let seeds: Vec<Vec<u8>> =
        mpa_trainer::record::index::session_files(&dir.path().join("results"))
            .iter()
            .map(|p| std::fs::read(p).unwrap())
            .collect();
    assert_eq!(seeds.len(), 2);
    let playable = paria();
    run("session-log", &seeds, 4, |_, bytes| {
        let log = parse_session(Path::new("log.jsonl"), bytes);
        // Whatever was read replays, or the replay names the action that no longer fits.
        if let Some(started) = log.started()
            && let Some(rules) = started.rules()
        {
            let _ = mpa_trainer::engine::session::Session::replay(
                Arc::clone(&playable),
                started.seed,
                rules,
                &log.actions(),
            );
        }
        log.problems
            .iter()
            .map(|p| {
                let line: usize = p
                    .strip_prefix("line ")
                    .and_then(|r| r.split(':').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                (line, 1, p.clone())
            })
            .collect()
    });
}
