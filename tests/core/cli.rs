//! The command line, run as a trainer or a test script would: exit codes, one-line diagnostics,
//! the script's JSON, the DOT graph and the path analysis.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    run_in(args, "C.UTF-8")
}

/// Runs the program with `LANG` set (and the other locale variables cleared).
fn run_in(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpa-trainer"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const CATALOGUE: [&str; 2] = ["--catalogue", "tests/fixtures/catalogue.ron"];

/// Plays a script file through the fixture scenario.
fn play(script: &str) -> Output {
    run(&[
        "script",
        "tests/fixtures/paria.ron",
        script,
        CATALOGUE[0],
        CATALOGUE[1],
    ])
}

#[test]
fn validate_exits_0_with_warnings_1_with_errors_2_when_it_cannot_run() {
    let ok = run(&[
        "validate",
        "tests/fixtures/paria.ron",
        CATALOGUE[0],
        CATALOGUE[1],
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).contains(": warning: length cue: in 2 of the 2 decision scenes"));
    assert!(
        stderr(&ok)
            .contains("1 scenario file, 0 translations and the catalogue: 0 errors, 1 warning")
    );
    // The command line speaks the environment's language, or the one --lang names.
    let args = [
        "validate",
        "tests/fixtures/paria.ron",
        CATALOGUE[0],
        CATALOGUE[1],
    ];
    let es = run_in(&args, "es_TT.UTF-8");
    assert!(
        stderr(&es).contains(
            "revisado 1 archivo de escenario, 0 traducciones y el catálogo: 0 errores, 1 aviso"
        ),
        "{}",
        stderr(&es)
    );
    let mut with_flag = args.to_vec();
    with_flag.extend(["--lang", "es"]);
    assert!(stderr(&run(&with_flag)).contains("revisado 1 archivo"));
    let mut english = args.to_vec();
    english.extend(["--lang", "en"]);
    assert!(stderr(&run_in(&english, "es_VE.UTF-8")).contains("checked 1 scenario file"));

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    let text = std::fs::read_to_string("tests/fixtures/paria.ron")
        .unwrap()
        .replace(
            "next: \"outside\"),\n                (text: \"Question",
            "next: \"outsid\"),\n                (text: \"Question",
        );
    std::fs::write(&broken, &text).unwrap();
    let bad = run(&[
        "validate",
        broken.to_str().unwrap(),
        CATALOGUE[0],
        CATALOGUE[1],
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let (line, col) = crate::common::position_of(&text, "\"outsid\"");
    assert!(
        stdout(&bad).contains(&format!(
            "{}:{line}:{col}: error: there is no scene \"outsid\" in this scenario; did you mean \"outside\"?",
            broken.display()
        )),
        "{}",
        stdout(&bad)
    );

    let missing = run(&[
        "validate",
        "tests/fixtures/nope",
        CATALOGUE[0],
        CATALOGUE[1],
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("tests/fixtures/nope: no such file or folder"));
}

fn write_script(dir: &Path, text: &str) -> String {
    let path = dir.join("script.ron");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn script_prints_the_score_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let script = write_script(
        dir.path(),
        r#"Script(
            participant: "T07",
            actions: [
                Flag("manager_answers"), Choose(0), Flag("no_passport"), Choose(2),
                Refer(["ctu", "shelter"]), Classify("trafficking"),
            ],
        )"#,
    );
    let out = play(&script);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for key in [
        "scenario",
        "participant",
        "complete",
        "ending",
        "outcome",
        "scaled",
        "passed",
        "critical_errors",
        "breaches",
        "indicators",
        "decisions",
        "referral",
        "classification",
    ] {
        assert!(json.get(key).is_some(), "no {key} in {json}");
    }
    for key in [
        "score",
        "recall",
        "precision",
        "hits",
        "misses",
        "false_alarms",
        "d_prime",
    ] {
        assert!(json["indicators"].get(key).is_some(), "no indicators.{key}");
    }
    assert_eq!(json["scenario"], "bar-worker");
    assert_eq!(json["participant"], "T07");
    assert_eq!(json["complete"], true);
    assert_eq!(json["ending"], "safe");
    assert_eq!(json["outcome"], "Protected");
    assert_eq!(json["indicators"]["hits"], 2);
    assert_eq!(json["decisions"]["points"], 4);
    assert_eq!(json["decisions"]["best"], 8);
    // Referral: ctu (2) + shelter (1) of 4.
    assert_eq!(json["referral"]["score"], 0.75);
    assert_eq!(json["classification"]["score"], 1.0);
    // 0.3·1 + 0.4·0.5 + 0.2·0.75 + 0.1·1 = 0.75 ≥ 0.7.
    assert!((json["scaled"].as_f64().unwrap() - 0.75).abs() < 1e-9);
    assert_eq!(json["passed"], true);
    assert_eq!(json["critical_errors"], serde_json::json!([]));
}

#[test]
fn a_bad_script_exits_1_naming_the_action() {
    let dir = tempfile::tempdir().unwrap();
    let script = write_script(
        dir.path(),
        r#"Script(participant: "T07", actions: [Choose(0), Refer(["ctu"])])"#,
    );
    let out = play(&script);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "action 2 (Refer([\"ctu\"])): scene \"outside\" is a Scene scene, not a Referral"
        ),
        "{}",
        stderr(&out)
    );
    let syntax = write_script(
        dir.path(),
        r#"Script(participant: "T07", actions: [Chose(0)])"#,
    );
    let out = play(&syntax);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("`Chose` is not a script action; did you mean `Choose`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_incomplete_script_reports_null_sub_scores_and_no_ending() {
    let dir = tempfile::tempdir().unwrap();
    let script = write_script(
        dir.path(),
        r#"Script(participant: "T08", actions: [Choose(0)])"#,
    );
    let out = play(&script);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["complete"], false);
    assert_eq!(json["ending"], serde_json::Value::Null);
    assert_eq!(json["referral"], serde_json::Value::Null);
    assert_eq!(json["classification"], serde_json::Value::Null);
    assert_eq!(json["passed"], false);
}

#[test]
fn graph_and_paths_describe_the_branches() {
    let dot = run(&["graph", "tests/fixtures/paria.ron"]);
    assert_eq!(dot.status.code(), Some(0));
    assert!(stdout(&dot).starts_with("digraph \"bar-worker\""));

    let paths = run(&[
        "paths",
        "tests/fixtures/paria.ron",
        CATALOGUE[0],
        CATALOGUE[1],
        "--json",
    ]);
    assert_eq!(paths.status.code(), Some(0), "{}", stderr(&paths));
    let json: serde_json::Value = serde_json::from_str(&stdout(&paths)).unwrap();
    assert_eq!(json["complete_paths"], 21.0);
    assert_eq!(json["best_points"], 8);
    assert_eq!(json["worst_points"], -3);
    assert_eq!(json["indicators"], 4);
    assert_eq!(json["red_herrings"], 1);
    assert_eq!(json["endings"][1]["pass_reachable"], false);

    let text = run(&[
        "paths",
        "tests/fixtures/paria.ron",
        CATALOGUE[0],
        CATALOGUE[1],
    ]);
    let out = stdout(&text);
    assert!(out.contains("decision points: best 8, worst -3"), "{out}");
    assert!(out.contains("complete paths:  21"), "{out}");
}

#[test]
fn since_takes_a_day_or_a_time_and_says_what_it_wants_otherwise() {
    use mpa_trainer::cli::parse_since;
    assert_eq!(parse_since("2018-10-15").unwrap(), "2018-10-15T00:00:00Z");
    assert_eq!(
        parse_since("2018-10-15T08:30:00-04:00").unwrap(),
        "2018-10-15T08:30:00-04:00"
    );
    let wrong = parse_since("15/10/2018").unwrap_err();
    assert!(wrong.contains("give a day (2018-10-15)"), "{wrong}");
    assert!(parse_since("2018-13-40").is_err());
    // --since needs --lrs: a folder's sessions have no "stored" time.
    let o = run(&["report", "tests/fixtures", "--since", "2018-10-15"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--lrs"), "{}", stderr(&o));
}

#[test]
fn translate_writes_a_skeleton_keeps_what_is_translated_and_refuses_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("paria.ron");
    std::fs::copy("tests/fixtures/paria.ron", &source).unwrap();
    let target = dir.path().join("paria.es.ron");
    let args = [
        "translate",
        source.to_str().unwrap(),
        "--to",
        "es",
        CATALOGUE[0],
        CATALOGUE[1],
    ];
    let first = run(&args);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("already translated"),
        "{}",
        stderr(&first)
    );
    // Translate the title by hand; a second run keeps it.
    let text = std::fs::read_to_string(&target).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("\"title\""))
        .unwrap();
    let translated = line.replacen(", \"\")", ", \"Hora de cierre\")", 1);
    std::fs::write(&target, text.replace(line, &translated)).unwrap();
    let second = run(&args);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(
        stderr(&second).contains(", 1 already translated"),
        "{}",
        stderr(&second)
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Hora de cierre")
    );
    // A broken translation is reported at its line and left as it is.
    std::fs::write(&target, "Translation(texts: {\n  \"title\": (\"x\"\n").unwrap();
    let broken = run(&args);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("paria.es.ron:"),
        "{}",
        stderr(&broken)
    );
    assert!(stderr(&broken).contains(": error: "), "{}", stderr(&broken));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("Translation(texts")
    );
    // Not a language code.
    let mut bad = args;
    bad[3] = "Spanish";
    assert_eq!(run(&bad).status.code(), Some(2));
}
