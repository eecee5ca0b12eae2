//! Reports for facilitators: the cohort summary, the CSV (exact columns, formula cells made
//! harmless, read back with the csv crate), xAPI statements, and interrupted sessions scored
//! over what occurred.

use mpa_trainer::report::csv_export::COLUMNS;
use std::path::Path;
use std::process::Command;

/// The program, speaking English whatever the machine's language.
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mpa-trainer"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    c
}

/// `report` over a results folder, with the fixture course to score interrupted sessions.
fn report(results: &Path) -> Command {
    let mut c = bin();
    c.arg("report").arg(results).args([
        "--scenarios",
        "tests/fixtures",
        "--catalogue",
        "tests/fixtures/catalogue.ron",
    ]);
    c
}

use crate::common::{record_fixture_session as record, succeed};

const BEST: &str = "Flag(\"manager_answers\"), Choose(0), Flag(\"no_passport\"), Choose(0), Choose(1), \
                    Flag(\"growing_debt\"), Choose(0), Choose(2), Refer([\"ctu\", \"shelter\", \"medical\"]), \
                    Classify(\"trafficking\")";

#[test]
fn the_csv_has_the_exact_columns_reads_back_and_neutralises_formulas() {
    let results = tempfile::tempdir().unwrap();
    record(results.path(), "T01", BEST);
    record(results.path(), "T02", "Choose(1), Choose(0)");
    record(results.path(), "T03", "Choose(0)"); // stopped early: closed, incomplete
    record(results.path(), "T04", "Choose(0)");
    // T04's last line is lost (power cut): an interrupted session, scored by replaying it.
    let t4 = mpa_trainer::record::index::session_files(results.path())
        .into_iter()
        .find(|f| f.to_string_lossy().contains("T04_"))
        .unwrap();
    let text = std::fs::read_to_string(&t4).unwrap();
    let keep: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("session_finished"))
        .collect();
    std::fs::write(&t4, keep.join("\n") + "\n").unwrap();
    // A hand-edited log with a formula for a participant code.
    let files = mpa_trainer::record::index::session_files(results.path());
    let evil = std::fs::read_to_string(&files[0]).unwrap().replacen(
        "\"participant\":\"T01\"",
        "\"participant\":\"=HYPERLINK(1)\"",
        1,
    );
    std::fs::write(
        results.path().join("evil.jsonl"),
        evil.replacen(
            &format!(
                "\"session\":\"{}\"",
                mpa_trainer::record::read_session(&files[0])
                    .unwrap()
                    .started()
                    .unwrap()
                    .session
            ),
            "\"session\":\"0b8f3d8e-57d1-4d8c-9b75-0a9f0b1c2d3e\"",
            1,
        ),
    )
    .unwrap();

    let out_dir = tempfile::tempdir().unwrap();
    let csv_path = out_dir.path().join("cohort.csv");
    let xapi_path = out_dir.path().join("statements.json");
    let out = succeed(
        report(results.path())
            .arg("--csv")
            .arg(&csv_path)
            .arg("--xapi")
            .arg(&xapi_path),
    );
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(
        summary.starts_with("5 sessions by 5 participants: 3 complete, 2 passed"),
        "{summary}"
    );
    assert!(summary.contains("Indicators the group misses most"));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&csv_path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let get = |r: &csv::StringRecord, c: &str| {
        r.get(COLUMNS.iter().position(|x| *x == c).unwrap())
            .unwrap()
            .to_owned()
    };
    let by = |p: &str| {
        rows.iter()
            .find(|r| get(r, "participant") == p)
            .unwrap()
            .clone()
    };
    let t1 = by("T01");
    assert_eq!(get(&t1, "complete"), "true");
    assert_eq!(get(&t1, "passed"), "true");
    assert_eq!(get(&t1, "ending"), "safe");
    assert_eq!(get(&t1, "scaled"), "1.0000");
    assert_eq!(get(&t1, "hits"), "3");
    assert_eq!(get(&t1, "false_alarm_rate"), "0.0000");
    assert_eq!(get(&t1, "factors_noted"), "0");
    assert_eq!(get(&t1, "rules_version"), "2");
    let t2 = by("T02");
    // The critical choice, then the ending that left Ana without protection.
    assert_eq!(get(&t2, "critical_errors"), "2");
    assert_eq!(
        get(&t2, "breaches"),
        "do_no_harm@arrival;confidentiality@arrival"
    );
    assert_eq!(get(&t2, "decision_score"), "0.0000");
    assert_eq!(get(&t2, "referral_score"), "");
    // Incomplete sessions are scored over what occurred: one Appropriate choice of best 8.
    for p in ["T03", "T04"] {
        let r = by(p);
        assert_eq!(get(&r, "complete"), "false");
        assert_eq!(get(&r, "decision_score"), "0.2500");
        assert_eq!(get(&r, "passed"), "false");
    }
    assert_ne!(get(&by("T03"), "finished_at"), "");
    assert_eq!(get(&by("T04"), "finished_at"), "");
    // The formula is shown, not run.
    assert!(
        rows.iter()
            .any(|r| get(r, "participant") == "'=HYPERLINK(1)")
    );

    let statements: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&xapi_path).unwrap()).unwrap();
    let verbs = |p: &str| -> Vec<String> {
        statements
            .iter()
            .filter(|s| s["actor"]["account"]["name"] == p)
            .map(|s| {
                s["verb"]["id"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(
        verbs("T01"),
        [
            "initialized",
            "answered",
            "answered",
            "answered",
            "answered",
            "completed",
            "passed",
            "terminated"
        ]
    );
    assert_eq!(
        verbs("T02"),
        [
            "initialized",
            "answered",
            "completed",
            "failed",
            "terminated"
        ]
    );
    // Ended before an ending: terminated without a verdict. Left unfinished (its last line
    // lost): suspended, with the score so far.
    assert_eq!(verbs("T03"), ["initialized", "answered", "terminated"]);
    assert_eq!(verbs("T04"), ["initialized", "answered", "suspended"]);
    let passed = statements
        .iter()
        .find(|s| s["verb"]["id"].as_str().unwrap().ends_with("/passed"))
        .unwrap();
    assert_eq!(passed["result"]["score"]["scaled"], 1.0);
    assert!(
        passed["result"]["duration"]
            .as_str()
            .unwrap()
            .starts_with("PT")
    );
    // A re-export gives the same statement ids: a re-send is safe.
    let again = out_dir.path().join("again.json");
    assert!(
        report(results.path())
            .arg("--xapi")
            .arg(&again)
            .output()
            .unwrap()
            .status
            .success()
    );
    let ids = |p: &Path| -> std::collections::BTreeSet<String> {
        let v: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        v.iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&xapi_path), ids(&again));
    assert_eq!(ids(&xapi_path).len(), statements.len());
}

#[test]
fn a_damaged_file_is_reported_and_the_others_are_read() {
    let results = tempfile::tempdir().unwrap();
    record(results.path(), "T01", BEST);
    std::fs::write(
        results.path().join("junk.jsonl"),
        b"\xff\xfe not a session\n",
    )
    .unwrap();
    let files = mpa_trainer::record::index::session_files(results.path());
    let good = files.iter().find(|f| !f.ends_with("junk.jsonl")).unwrap();
    let mut torn = std::fs::read(good).unwrap();
    torn.truncate(torn.len() - 10);
    std::fs::write(results.path().join("torn.jsonl"), torn).unwrap();
    let out = report(results.path()).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("junk.jsonl: no session_started line"),
        "{stderr}"
    );
    assert!(
        stderr.contains("cut off (the program stopped while writing it); skipped"),
        "{stderr}"
    );
    // The torn copy is the same session: counted once, from the finished copy.
    assert!(
        stderr.contains("1 session(s) saved twice were counted once"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("1 session by 1 participant: 1 complete, 1 passed"),
        "{stdout}"
    );
}

#[test]
fn the_summary_and_the_csv_say_the_language_and_speak_spanish_when_asked() {
    let results = tempfile::tempdir().unwrap();
    record(results.path(), "T01", BEST);
    let csv_path = results.path().join("cohort.csv");
    let out = report(results.path())
        .args(["--lang", "es", "--csv"])
        .arg(&csv_path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("1 sesión de 1 participante: 1 completa, 1 aprobada"),
        "{stdout}"
    );
    assert!(stdout.contains("Idiomas jugados: en 1"), "{stdout}");
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header.last(), Some(&"language"));
    assert_eq!(row.last(), Some(&"en"));
}
