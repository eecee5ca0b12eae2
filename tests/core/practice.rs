//! Self-paced practice and the assessment: the next scenario is chosen for what a participant
//! missed and breached, the normalised gain is Hake's, and the shipped plans name real scenarios.

use mpa_trainer::engine::Score;
use mpa_trainer::engine::scoring::{DecisionScore, IndicatorScore, Rules, Tally};
use mpa_trainer::engine::session::Breach;
use mpa_trainer::practice::{History, PastSession, suggest};
use mpa_trainer::record::{Mode, ObservationRecord, SessionFinished};
use mpa_trainer::report::{Gain, normalised_gain};
use mpa_trainer::scenario::{Library, LoadOptions};
use std::path::PathBuf;
use std::sync::Arc;

use crate::common::succeed;

fn course() -> Library {
    let l = Library::load(&[PathBuf::from("scenarios")], &LoadOptions::default()).unwrap();
    assert_eq!(l.counts(), (0, 0));
    l
}

fn score(scaled: f64, breaches: &[&str]) -> Score {
    Score {
        rules: Rules::CURRENT.version(),
        complete: true,
        ending: Some("end".into()),
        outcome: None,
        scaled,
        passed: scaled >= 0.7,
        pass_mark: 0.7,
        critical_errors: Vec::new(),
        breaches: breaches
            .iter()
            .map(|p| Breach {
                scene: "s".into(),
                principle: (*p).into(),
            })
            .collect(),
        indicators: IndicatorScore::compute(Tally::default(), Rules::CURRENT),
        decisions: DecisionScore {
            score: Some(scaled),
            points: 0,
            best: 1,
            taken: 1,
        },
        referral: None,
        classification: None,
        confidence: None,
    }
}

/// A finished session that showed these indicators, flagged or not.
fn past(scenario: &str, shown: &[(&str, bool)], breaches: &[&str], scaled: f64) -> PastSession {
    PastSession {
        scenario: scenario.into(),
        title: scenario.into(),
        mode: Mode::Practice,
        finished_at: "2026-11-01T10:00:00Z".into(),
        finished: SessionFinished {
            score: score(scaled, breaches),
            observations: shown
                .iter()
                .enumerate()
                .map(|(i, (ind, flagged))| ObservationRecord {
                    scene: "s".into(),
                    observation: format!("o{i}"),
                    indicator: Some((*ind).into()),
                    factor: None,
                    flagged: *flagged,
                    named: None,
                })
                .collect(),
        },
    }
}

#[test]
fn a_participant_who_misses_child_indicators_is_sent_to_the_boy_at_the_port() {
    let library = course();
    let candidates: Vec<_> = library.playable().cloned().collect();
    let history = History::from_sessions(vec![past(
        "bar-worker",
        &[
            ("child_unaccompanied", false),
            ("adult_found_child_claim", false),
            ("with_unrelated_adults", false),
            ("no_parent_access", false),
            ("spoken_for_by_other", true),
        ],
        &["best_interests_of_child", "best_interests_of_child"],
        0.5,
    )]);
    let ranked = suggest(&history, &candidates);
    assert_eq!(ranked[0].scenario, "port-boy", "{ranked:#?}");
    let why = &ranked[0].reason;
    assert!(
        why.missed
            .contains(&("child_unaccompanied".to_owned(), 1, 1)),
        "{why:?}"
    );
    assert!(
        why.breached
            .contains(&("best_interests_of_child".to_owned(), 2)),
        "{why:?}"
    );
    // The assessment forms are never suggested for practice.
    assert!(ranked.iter().all(|s| !s.scenario.starts_with("assessment")));
}

#[test]
fn a_participant_who_misses_labour_indicators_is_sent_to_a_labour_case() {
    let library = course();
    let candidates: Vec<_> = library.playable().cloned().collect();
    let history = History::from_sessions(vec![past(
        "bar-worker",
        &[
            ("excessive_hours", false),
            ("low_or_no_pay", false),
            ("hazardous_work", false),
            ("no_social_protection", false),
        ],
        &[],
        0.6,
    )]);
    let first = &suggest(&history, &candidates)[0].scenario;
    assert!(
        first == "construction-labourer" || first == "fishing-crew",
        "{first}"
    );
}

#[test]
fn with_no_history_every_practice_scenario_is_offered_and_played_ones_come_later() {
    let library = course();
    let candidates: Vec<Arc<_>> = library.playable().cloned().collect();
    let empty = suggest(&History::default(), &candidates);
    // The twelve encounters; the assessment forms are never suggested for practice.
    assert_eq!(empty.len(), 12);
    assert!(empty[0].reason.unplayed, "{:?}", empty[0].reason);
    // Playing the first suggestion many times, with nothing missed, moves it down the list.
    let first = empty[0].scenario.clone();
    let history = History::from_sessions((0..6).map(|_| past(&first, &[], &[], 1.0)).collect());
    assert_ne!(suggest(&history, &candidates)[0].scenario, first);
}

#[test]
fn the_normalised_gain_is_post_minus_pre_over_one_minus_pre() {
    assert_eq!(normalised_gain(0.4, 0.7), Some((0.7 - 0.4) / 0.6));
    assert_eq!(
        Gain {
            pre: Some(0.5),
            post: Some(1.0),
            delayed: Some(0.75),
        }
        .normalised(),
        Some(1.0)
    );
    // What lasted, weeks later: (0.75 − 0.5) / 0.5.
    assert_eq!(
        Gain {
            pre: Some(0.5),
            post: Some(1.0),
            delayed: Some(0.75),
        }
        .lasting(),
        Some(0.5)
    );
    assert_eq!(
        Gain {
            pre: Some(0.5),
            ..Gain::default()
        }
        .normalised(),
        None
    );
    assert_eq!(
        Gain {
            pre: Some(1.0),
            post: Some(1.0),
            delayed: None,
        }
        .normalised(),
        None
    );
}

#[test]
fn the_report_shows_pre_post_scores_and_the_cohort_mean_gain() {
    let results = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_mpa-trainer");
    let run = |scenario: &str, script: &str, participant: &str| {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(script)
            .unwrap()
            .replace("\"T01\"", &format!("\"{participant}\""));
        let path = dir.path().join("s.ron");
        std::fs::write(&path, text).unwrap();
        let out = succeed(
            std::process::Command::new(bin)
                .args(["script", scenario])
                .arg(&path)
                .arg("--results")
                .arg(results.path()),
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["scaled"].as_f64().unwrap()
    };
    let pre = "scenarios/assessment/pre-form.ron";
    let post = "scenarios/assessment/post-form.ron";
    // P1 fails the pre-test (critical path) and aces the post-test; P2 aces both.
    let p1_pre = run(pre, "tests/scripts/assessment-pre-critical.ron", "P1");
    let p1_post = run(post, "tests/scripts/assessment-post-best.ron", "P1");
    run(pre, "tests/scripts/assessment-pre-best.ron", "P2");
    run(post, "tests/scripts/assessment-post-best.ron", "P2");
    let out = std::process::Command::new(bin)
        .arg("report")
        .arg(results.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let g1 = normalised_gain(p1_pre, p1_post).unwrap();
    assert!(
        text.contains(&format!(
            "P1           pre {:>4.0}%  post  100%  delayed   -    g {g1:.2}  lasting g -",
            p1_pre * 100.0
        )),
        "{text}"
    );
    // P2 started at 100%: no gain can be computed, and the mean is P1's alone.
    assert!(
        text.contains("P2           pre  100%  post  100%  delayed   -    g -  lasting g -"),
        "{text}"
    );
    assert!(
        text.contains(&format!("cohort mean gain: {g1:.2}")),
        "{text}"
    );
}

#[test]
fn the_shipped_plans_name_scenarios_of_the_course() {
    let library = course();
    let plans = mpa_trainer::plan::read_plans(std::path::Path::new("plans"));
    assert_eq!(plans.len(), 3);
    let mut by_code = std::collections::BTreeMap::new();
    for p in plans {
        let plan = p.plan.unwrap();
        for id in &plan.scenarios {
            assert!(library.find(id).is_some(), "{id} in {}", p.path.display());
        }
        by_code.insert(plan.code.clone(), plan.scenarios.clone());
    }
    // The workshop opens with the pre-course form and closes with the post-course form; the
    // refresher uses only encounters the workshop did not, and ends with the delayed form.
    use mpa_trainer::scenario::model::AssessmentForm;
    let form = |id: &str| library.find(id).and_then(|p| p.scenario.assessment);
    let day1 = &by_code["mpa-day1"];
    let day2 = &by_code["mpa-day2"];
    let refresher = &by_code["mpa-refresher"];
    assert_eq!(form(&day1[0]), Some(AssessmentForm::Pre));
    assert_eq!(form(day2.last().unwrap()), Some(AssessmentForm::Post));
    assert_eq!(
        form(refresher.last().unwrap()),
        Some(AssessmentForm::Delayed)
    );
    for id in refresher {
        assert!(
            !day1.contains(id) && !day2.contains(id),
            "{id} is in a workshop plan"
        );
    }
    // Every encounter of the course is played in one plan or another.
    for p in library.playable() {
        assert!(
            [day1, day2, refresher]
                .iter()
                .any(|plan| plan.contains(&p.id().to_owned())),
            "{} is in no plan",
            p.id()
        );
    }
}

#[test]
fn a_pre_course_form_holds_its_feedback_until_a_post_course_form_is_finished() {
    use mpa_trainer::practice::feedback_withheld;
    use mpa_trainer::scenario::model::AssessmentForm::{self, Delayed, Post, Pre};
    let form_of = |id: &str| -> Option<AssessmentForm> {
        match id {
            "assessment-pre" => Some(Pre),
            "assessment-post" => Some(Post),
            "assessment-delayed" => Some(Delayed),
            _ => None,
        }
    };
    let none = History::default();
    let played_pre = History::from_sessions(vec![past("assessment-pre", &[], &[], 0.4)]);
    let played_post = History::from_sessions(vec![
        past("assessment-pre", &[], &[], 0.4),
        past("bar-worker", &[], &[], 0.9),
        past("assessment-post", &[], &[], 0.8),
    ]);
    assert!(feedback_withheld(Some(Pre), &none, form_of));
    assert!(feedback_withheld(Some(Pre), &played_pre, form_of));
    assert!(!feedback_withheld(Some(Pre), &played_post, form_of));
    // Only the pre-course form holds its feedback back; the others, and practice, never do.
    assert!(!feedback_withheld(Some(Post), &none, form_of));
    assert!(!feedback_withheld(Some(Delayed), &none, form_of));
    assert!(!feedback_withheld(None, &none, form_of));
    // An unfinished post-course form does not count.
    let mut unfinished = past("assessment-post", &[], &[], 0.3);
    unfinished.finished.score.complete = false;
    let history = History::from_sessions(vec![unfinished]);
    assert!(feedback_withheld(Some(Pre), &history, form_of));
}
