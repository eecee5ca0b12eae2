//! Benchmarks of the core: loading and validating a generated library of 1,000 scenarios of
//! 50 scenes each (every check, the state graph and the surface-cue analysis), next to a bare
//! single-thread RON parse of the same texts. Validation runs as the library loads it, on every
//! core; it is also measured on one thread. Run with `cargo bench --bench core`.

use criterion::{Criterion, criterion_group, criterion_main};
use mpa_trainer::scenario::library::{check_text, parallel_map};
use mpa_trainer::scenario::model::Scenario;
use mpa_trainer::scenario::{Catalogue, LoadOptions, load};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const SCENARIOS: usize = 1000;
const SCENES: usize = 50;

/// A scenario of `SCENES` scenes: a chain of scenes with two or three choices each (one a hub
/// loop guarded by its own flag), observations with and without indicators, a referral, a
/// classification and three endings.
fn generated_scenario(n: usize) -> String {
    let middle = SCENES - 5;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Scenario(\n    id: \"gen-{n}\",\n    title: \"Generated scenario {n}\",\n    summary: \"A long generated encounter.\",\n    minutes: 15,\n    tags: [\"generated\"],\n    pass_mark: 0.7,\n    flags: [\"a\", \"b\", \"c\", \"d\", \"consent\"],\n    start: \"s0\",\n    scenes: {{"
    );
    for i in 0..middle {
        let next = if i + 1 < middle {
            format!("s{}", i + 1)
        } else {
            "refer".to_owned()
        };
        let skip = if i + 2 < middle {
            format!("s{}", i + 2)
        } else {
            "refer".to_owned()
        };
        let _ = writeln!(
            s,
            "        \"s{i}\": Scene(\n            speaker: \"Narrator\",\n            text: \"Scene {i}. You walk into the room and look around; the manager watches you closely while the young woman keeps her eyes down.\",\n            observations: [\n                (id: \"o{i}a\", text: \"The manager answers for her.\", indicator: \"spoken_for_by_other\", note: \"Someone who answers for a person may control them.\"),\n                (id: \"o{i}b\", text: \"She has a phone.\", note: \"A phone does not rule out control.\"),\n            ],\n            choices: [\n                (text: \"Separate her from the manager.\", grade: Appropriate, upholds: [\"do_no_harm\"], set: [\"consent\"], feedback: \"Separation comes first.\", next: \"{next}\"),\n                (text: \"Question her in front of him.\", grade: Harmful, breaches: [\"confidentiality\"], feedback: \"He hears everything.\", next: \"{skip}\"),"
        );
        if i == middle - 2 {
            let _ = writeln!(
                s,
                "                (text: \"Leave.\", grade: Suboptimal, next: \"end1\"),\n                (text: \"Give up.\", next: \"end2\"),"
            );
        }
        if i > 0 && i % 10 == 0 {
            let flag = ["a", "b", "c", "d"][(i / 10) % 4];
            let _ = writeln!(
                s,
                "                (text: \"Go back and ask again.\", grade: Acceptable, unless: [\"{flag}\"], set: [\"{flag}\"], next: \"s{}\"),",
                i - 1
            );
        }
        let _ = writeln!(s, "            ],\n        ),");
    }
    let _ = writeln!(
        s,
        "        \"refer\": Referral(text: \"Refer?\", services: {{ \"ctu\": Required, \"shelter\": Recommended, \"embassy\": Harmful }}, consent_flag: \"consent\", feedback: \"CTU first.\", next: \"classify\"),\n        \"classify\": Classify(text: \"Record?\", options: [\"trafficking\", \"smuggling\"], answer: \"trafficking\", feedback: \"All three elements.\", next: \"end0\"),\n        \"end0\": Ending(title: \"Safe\", text: \"Safe.\", outcome: Protected),\n        \"end1\": Ending(title: \"Unused\", text: \"x\", outcome: Harmed),\n        \"end2\": Ending(title: \"Unused\", text: \"x\", outcome: NotProtected),\n    }},\n)"
    );
    s
}

fn catalogue() -> Catalogue {
    let text = std::fs::read_to_string("tests/fixtures/catalogue.ron").unwrap_or_default();
    load::parse(&text).unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let texts: Vec<String> = (0..SCENARIOS).map(generated_scenario).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let catalogue = catalogue();
    let options = LoadOptions {
        assets: None,
        ..LoadOptions::default()
    };
    // Sanity: the generated library is valid apart from warnings about unused endings.
    let checked = check_text(Path::new("gen.ron"), &texts[0], &catalogue, &options);
    assert!(checked.scenario.is_some(), "{:#?}", checked.diagnostics);
    eprintln!(
        "library: {SCENARIOS} scenarios x {SCENES} scenes, {:.1} MiB of RON",
        bytes as f64 / (1024.0 * 1024.0)
    );

    let mut group = c.benchmark_group("library_1000x50");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("bare_ron_parse", |b| {
        b.iter(|| {
            for t in &texts {
                let s: Result<Scenario, _> = load::ron_options().from_str(t);
                black_box(s.is_ok());
            }
        });
    });
    group.bench_function("load_and_validate", |b| {
        b.iter(|| {
            let checked = parallel_map(&texts, |t| {
                check_text(Path::new("gen.ron"), t, &catalogue, &options)
                    .scenario
                    .is_some()
            });
            black_box(checked);
        });
    });
    group.bench_function("load_and_validate_one_thread", |b| {
        b.iter(|| {
            for t in &texts {
                let c = check_text(Path::new("gen.ron"), t, &catalogue, &options);
                black_box(c.scenario.is_some());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
