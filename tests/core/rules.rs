//! Version 2 of the scoring rules, worked by hand on small scenarios: informedness, factors that
//! are neither hits nor false alarms, endings with consequences, consent-exempt services, the
//! item-writing checks (length cue, paths without red herrings, surface cues) and a session
//! recorded under version 1 that keeps its score.

use crate::common::*;
use mpa_trainer::engine::Score;
use mpa_trainer::engine::scoring::Rules;
use mpa_trainer::engine::session::{Action, Cause, Session};
use mpa_trainer::scenario::cues::{ChoicePick, FlagPick, ReferPick, length_cue};
use std::sync::Arc;

use Action::{Choose, Classify, Flag, Refer};

fn s(x: &str) -> String {
    x.to_owned()
}

/// One scene with two indicators (Strong 3, Weak 1), a factor and two red herrings, and a
/// choice to each kind of ending; a referral whose medical care is consent-exempt.
const ENDINGS: &str = include_str!("../fixtures/endings-v2.ron");

fn play(text: &str, rules: Rules, actions: &[Action]) -> Score {
    let (mut session, _) = Session::start_under(playable_from(text), 3, rules);
    for (i, a) in actions.iter().enumerate() {
        session
            .apply(a.clone())
            .unwrap_or_else(|e| panic!("action {}: {e}", i + 1));
    }
    Score::of(&session)
}

#[test]
fn informedness_counts_hits_by_strength_and_false_alarms_over_the_red_herrings_shown() {
    // Flag the Strong indicator, one red herring and the factor. R = 3/(3+1) = 0.75;
    // FAR = 1/2 (two red herrings shown); informedness 0.75 − 0.5 = 0.25. The factor is neither.
    let score = play(
        ENDINGS,
        Rules::V2,
        &[
            Flag(s("papers")),
            Flag(s("phone")),
            Flag(s("language")),
            Choose(0),
            Refer(vec![s("ctu"), s("medical")]),
        ],
    );
    let i = score.indicators;
    assert_eq!(
        (i.hits, i.misses, i.false_alarms, i.red_herrings),
        (1, 1, 1, 2)
    );
    assert_eq!((i.factors_noted, i.factors_missed), (1, 0));
    assert_close(i.recall, 0.75);
    assert_close(i.false_alarm_rate(), 0.5);
    assert_close(i.score, 0.25);
    // Precision is still reported: one hit of two flagged as indicators or red herrings.
    assert_close(i.precision, 0.5);
    // scaled = (0.3·0.25 + 0.4·1 + 0.2·1) / 0.9 (no classification) = 0.675 / 0.9 = 0.75.
    assert_close(score.scaled, 0.75);
    assert!(score.passed);

    // Under version 1 the factor was a red herring like the others: R = 0.75, P = 1/3,
    // F1 = 2·(1/3)·0.75 / (1/3 + 0.75) = 0.5 / (13/12) = 6/13.
    let v1 = play(
        ENDINGS,
        Rules::V1,
        &[
            Flag(s("papers")),
            Flag(s("phone")),
            Flag(s("language")),
            Choose(0),
        ],
    );
    assert_eq!(
        (v1.indicators.false_alarms, v1.indicators.red_herrings),
        (2, 3)
    );
    assert_close(v1.indicators.score, 6.0 / 13.0);
}

#[test]
fn without_a_red_herring_shown_informedness_is_the_hit_rate() {
    let text = ENDINGS
        .replace(r#"(id: "phone", text: "She has a phone."),"#, "")
        .replace(r#"(id: "shoes", text: "She wears new shoes."),"#, "");
    // Flag everything: R = 1, FAR = 0 (nothing to count it over): 1.
    let all = play(
        &text,
        Rules::V2,
        &[
            Flag(s("papers")),
            Flag(s("alone")),
            Flag(s("language")),
            Choose(4),
        ],
    );
    assert_eq!(all.indicators.red_herrings, 0);
    assert_close(all.indicators.score, 1.0);
    // Only the Weak one: R = 1/4.
    let weak = play(&text, Rules::V2, &[Flag(s("alone")), Choose(4)]);
    assert_close(weak.indicators.score, 0.25);
}

#[test]
fn flagging_everything_or_nothing_scores_zero() {
    let flags = [
        Flag(s("papers")),
        Flag(s("alone")),
        Flag(s("language")),
        Flag(s("phone")),
        Flag(s("shoes")),
        Choose(4),
    ];
    assert_close(play(ENDINGS, Rules::V2, &flags).indicators.score, 0.0);
    assert_close(play(ENDINGS, Rules::V2, &[Choose(4)]).indicators.score, 0.0);
    // Version 1 rewarded flagging everything: R = 1, P = 2/5, F1 = 0.8/1.4 = 4/7.
    assert_close(play(ENDINGS, Rules::V1, &flags).indicators.score, 4.0 / 7.0);
}

#[test]
fn a_harmed_ending_is_a_critical_error_named_with_the_ending() {
    let all_right = [Flag(s("papers")), Flag(s("alone"))];
    let harmed = play(ENDINGS, Rules::V2, &[&all_right[..], &[Choose(2)]].concat());
    // Indicators 1, decisions clamp(−3/2) = 0: (0.3 + 0) / 0.7 = 0.43; critical either way.
    assert_eq!(
        harmed.outcome,
        Some(mpa_trainer::scenario::model::Outcome::Harmed)
    );
    assert_eq!(harmed.critical_errors.len(), 1);
    assert_eq!(harmed.critical_errors[0].scene, "harmed");
    assert_eq!(harmed.critical_errors[0].cause, Cause::EndedInHarm);
    assert!(!harmed.passed);
    // Under version 1 the same path carried no consequence.
    let v1 = play(ENDINGS, Rules::V1, &[&all_right[..], &[Choose(2)]].concat());
    assert!(v1.critical_errors.is_empty());
}

#[test]
fn an_unchosen_unprotected_ending_fails_and_a_declined_one_does_not() {
    let all_right = [Flag(s("papers")), Flag(s("alone"))];
    // "Walk away": Acceptable (1 of 2 points): scaled (0.3·1 + 0.4·0.5) / 0.7 = 0.714, above
    // the pass mark, yet the person was left without protection.
    let left = play(ENDINGS, Rules::V2, &[&all_right[..], &[Choose(3)]].concat());
    assert_close(left.scaled, 0.5 / 0.7);
    assert_eq!(left.critical_errors.len(), 1);
    assert_eq!(left.critical_errors[0].cause, Cause::LeftUnprotected);
    assert_eq!(left.critical_errors[0].scene, "left");
    assert!(!left.passed);
    // "Respect her no": the same points, her own informed refusal: passes.
    let declined = play(ENDINGS, Rules::V2, &[&all_right[..], &[Choose(4)]].concat());
    assert_close(declined.scaled, 0.5 / 0.7);
    assert!(declined.critical_errors.is_empty());
    assert!(declined.passed);
}

#[test]
fn consent_exempt_services_may_be_ticked_without_consent_and_no_others() {
    // No consent asked (Suboptimal). Medical care alone: exempt, no critical error.
    let exempt = play(ENDINGS, Rules::V2, &[Choose(1), Refer(vec![s("medical")])]);
    assert!(
        exempt.critical_errors.is_empty(),
        "{:?}",
        exempt.critical_errors
    );
    assert!(exempt.breaches.is_empty());
    // Medical care and the CTU: the CTU needed consent.
    let both = play(
        ENDINGS,
        Rules::V2,
        &[Choose(1), Refer(vec![s("medical"), s("ctu")])],
    );
    assert_eq!(both.critical_errors.len(), 1);
    assert_eq!(both.critical_errors[0].cause, Cause::NoConsent);
    assert_eq!(both.breaches.len(), 1);
    // Version 1 knew no exemption.
    let v1 = play(ENDINGS, Rules::V1, &[Choose(1), Refer(vec![s("medical")])]);
    assert_eq!(v1.critical_errors.len(), 1);
    // Nothing ticked is never a consent breach.
    let none = play(ENDINGS, Rules::V2, &[Choose(1), Refer(vec![])]);
    assert!(none.critical_errors.is_empty());
}

#[test]
fn the_analysis_knows_which_endings_can_pass() {
    let p = playable_from(ENDINGS);
    let reach: Vec<(&str, bool, bool)> = p
        .analysis
        .endings
        .iter()
        .map(|e| {
            (
                p.scenario.scene_id(e.scene),
                e.pass_reachable,
                e.should_be_passable(),
            )
        })
        .collect();
    assert_eq!(
        reach,
        vec![
            ("safe", true, true),
            ("harmed", false, false),
            ("left", false, false),
            ("declined", true, true),
        ]
    );
}

/// Two decision scenes, a referral with a harmful service and a classification: worked by hand
/// in the test below.
const CUES: &str = r#"Scenario(
    id: "cues", title: "Cues", pass_mark: 0.5, start: "s1",
    scenes: {
        "s1": Scene(
            text: "One.",
            observations: [
                (id: "debt", text: "She owes for the boat.", indicator: "debt_bondage"),
                (id: "phone", text: "She has a phone."),
            ],
            choices: [
                (text: "Long long long long", grade: Harmful, next: "s2"),
                (text: "Short", grade: Appropriate, next: "s2"),
                (text: "Medium text", grade: Acceptable, next: "s2"),
            ],
        ),
        "s2": Scene(
            text: "Two.",
            choices: [
                (text: "Xx", grade: Appropriate, next: "refer"),
                (text: "Yyyyyyyy", grade: Suboptimal, next: "refer"),
            ],
        ),
        "refer": Referral(text: "Refer?",
            services: { "ctu": Required, "shelter": Recommended, "embassy": Harmful },
            next: "classify"),
        "classify": Classify(text: "Record?", options: ["trafficking", "smuggling"],
            answer: "trafficking", next: "end"),
        "end": Ending(title: "End", text: "e", outcome: Protected),
    },
)"#;

#[test]
fn the_surface_cue_analysis_finds_the_rule_computed_by_hand() {
    // Best points: +2 and +2 = 4. Longest: Harmful then Suboptimal, −3 → decisions 0.
    // Shortest: Appropriate twice → 1. Flag all: a red herring shown → 0; flag none: an
    // indicator shown → 0. Tick every listed: 2 + 1 − 3 = 0 of 3, and the embassy is critical;
    // tick none: 0. Always "trafficking": 1; always "smuggling": 0.
    // Shortest, either flag rule, no service, "trafficking": 0.4·1 + 0.1·1 = 0.5: it passes.
    let p = playable_from(CUES);
    let surface = &p.analysis.surface;
    assert_eq!(surface.rules, 2 * 2 * 2 * 2);
    assert!(!surface.bounded);
    let best = surface.best.as_ref().unwrap();
    assert_close(best.scaled, 0.5);
    assert!(best.passes);
    assert_eq!(best.rule.choice, ChoicePick::Shortest);
    assert_eq!(best.rule.flags, FlagPick::All);
    assert_eq!(best.rule.referral, ReferPick::None);
    assert_eq!(best.rule.case_type.as_deref(), Some("trafficking"));
    assert!(surface.is_cue());

    // A harder pass mark: 0.5 is still more than 0.4, so still a warning, but no pass.
    let strict = playable_from(&CUES.replace("pass_mark: 0.5", "pass_mark: 0.6"));
    let best = strict.analysis.surface.best.as_ref().unwrap();
    assert!(!best.passes);
    assert_close(best.scaled, 0.5);

    // The length cue: s1's best is the shortest, s2's too: 0 of 2; chance 1/3 + 1/2.
    let lc = length_cue(&p.scenario);
    assert_eq!(lc.decision_scenes, 2);
    assert!(lc.best_is_longest.is_empty());
    assert_close(lc.chance, 1.0 / 3.0 + 0.5);
    assert!(!lc.is_cue());
}

#[test]
fn the_surface_cue_analysis_confirms_the_engine_on_the_rule_it_names() {
    // Play the named rule through the engine: shortest choices, flag all, no referral,
    // "trafficking".
    let score = play(
        CUES,
        Rules::V2,
        &[
            Flag(s("debt")),
            Flag(s("phone")),
            Choose(1),
            Choose(0),
            Refer(vec![]),
            Classify(s("trafficking")),
        ],
    );
    assert_close(score.scaled, 0.5);
    assert!(score.passed);
}

#[test]
fn a_sound_scenario_gives_surface_cues_nothing() {
    // Make the best choices neither longest nor shortest, and harmful endings follow the
    // harmful choices: every rule then ends in harm or scores low.
    let text = CUES
        .replace(
            r#"(text: "Long long long long", grade: Harmful, next: "s2"),"#,
            r#"(text: "Long long long long", grade: Harmful, next: "harmed"),"#,
        )
        .replace(
            r#"(text: "Short", grade: Appropriate, next: "s2"),"#,
            r#"(text: "Short", grade: Harmful, next: "harmed"),"#,
        )
        .replace(
            r#"(text: "Medium text", grade: Acceptable, next: "s2"),"#,
            r#"(text: "Medium text", grade: Appropriate, next: "s2"),"#,
        )
        .replace(
            r#""end": Ending"#,
            r#""harmed": Ending(title: "Harm", text: "h", outcome: Harmed),
        "end": Ending"#,
        );
    let p = Arc::clone(&playable_from(&text));
    let best = p.analysis.surface.best.as_ref().unwrap();
    // Both rules take a Harmful choice to the harmed ending: decisions 0, indicators 0,
    // classification not reached: scaled 0, and reaching harm is critical.
    assert!(!best.passes);
    assert_close(best.scaled, 0.0);
    assert!(!p.analysis.surface.is_cue());
}

/// The sessions under `tests/fixtures/v1/results` were recorded by the build before rules
/// version 2 (`mpa-trainer script ... --results`), on the scenario files beside them as they
/// were then. Each replays, under the rules it recorded, to the very score it recorded.
#[test]
fn sessions_recorded_under_version_1_replay_to_the_score_they_recorded() {
    use mpa_trainer::record::read_session;
    use mpa_trainer::scenario::{Library, LoadOptions};
    let options = LoadOptions {
        catalogue: "tests/fixtures/v1/catalogue.ron".into(),
        assets: None,
        ..LoadOptions::default()
    };
    let library = Library::load(&["tests/fixtures/v1/scenarios".into()], &options).unwrap();
    let files = mpa_trainer::record::index::session_files(std::path::Path::new(
        "tests/fixtures/v1/results",
    ));
    assert!(files.len() >= 3, "{files:?}");
    let mut harmed_without_consequence = false;
    for path in &files {
        let log = read_session(path).unwrap();
        assert!(log.problems.is_empty(), "{:?}", log.problems);
        let started = log.started().unwrap();
        // Written before versions: read as version 1.
        assert_eq!(started.rules, 1);
        let recorded = &log.finished().unwrap().score;
        assert_eq!(recorded.rules, 1);
        let playable = library.find(&started.scenario).unwrap();
        assert_eq!(playable.source_hash(), started.scenario_hash);
        let (session, _) = Session::replay(
            Arc::clone(playable),
            started.seed,
            started.rules().unwrap(),
            &log.actions(),
        )
        .unwrap();
        let replayed = Score::of(&session);
        let without_causes = |s: &Score| {
            let mut s = s.clone();
            s.critical_errors.clear();
            s
        };
        assert_eq!(
            without_causes(&replayed),
            without_causes(recorded),
            "{path:?}"
        );
        let scenes = |s: &Score| -> Vec<String> {
            s.critical_errors.iter().map(|c| c.scene.clone()).collect()
        };
        assert_eq!(scenes(&replayed), scenes(recorded), "{path:?}");
        // The recorded words stay readable for sessions that have them.
        for c in &recorded.critical_errors {
            assert!(c.reason.as_ref().is_some_and(|r| !r.is_empty()));
            assert_eq!(c.cause, Cause::Unrecorded);
        }
        harmed_without_consequence |= recorded.outcome
            == Some(mpa_trainer::scenario::model::Outcome::Harmed)
            && recorded.critical_errors.is_empty();
        // Scored now under version 2, the same actions would mean something else: the
        // recorded score is never silently replaced by it.
        let (now, _) = Session::replay(
            Arc::clone(playable),
            started.seed,
            Rules::V2,
            &log.actions(),
        )
        .unwrap();
        if recorded.indicators.false_alarms > 0 {
            assert_ne!(Score::of(&now).indicators.score, recorded.indicators.score);
        }
    }
    assert!(
        harmed_without_consequence,
        "one fixture should show a harmed ending version 1 let pass without a critical error"
    );
}

#[test]
fn a_report_shows_version_1_sessions_with_the_scores_and_rules_they_had() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("cohort.csv");
    succeed(
        std::process::Command::new(env!("CARGO_BIN_EXE_mpa-trainer"))
            .args(["report", "tests/fixtures/v1/results", "--csv"])
            .arg(&csv_path)
            .args([
                "--scenarios",
                "tests/fixtures/v1/scenarios",
                "--catalogue",
                "tests/fixtures/v1/catalogue.ron",
            ]),
    );
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let v1a = rows
        .iter()
        .find(|r| &r[col("participant")] == "V1A")
        .unwrap();
    assert_eq!(&v1a[col("ending")], "harmed");
    assert_eq!(&v1a[col("passed")], "true");
    assert_eq!(&v1a[col("critical_errors")], "0");
    assert_eq!(&v1a[col("scaled")], "0.7750");
    assert!(rows.iter().all(|r| &r[col("rules_version")] == "1"));
}
