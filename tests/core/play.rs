//! Playing and scoring the contract's example exactly as the format contract says.

use crate::common::*;
use mpa_trainer::engine::Score;
use mpa_trainer::engine::scoring::Rules;
use mpa_trainer::engine::script::{self, Script};
use mpa_trainer::engine::session::Cause;
use mpa_trainer::engine::session::{Action, ActionError, Event, Session};
use mpa_trainer::scenario::graph::to_dot;
use mpa_trainer::scenario::model::{Grade, Outcome};
use std::sync::Arc;

// ---------------------------------------------------------------- the contract's example

#[test]
fn the_contract_example_loads_with_one_warning() {
    // Its unprotected ending is reached only by failing, as version 2 asks; its best choices
    // are the longest ones, which version 2 warns about.
    let library = fixture_library();
    let (errors, warnings) = library.counts();
    assert_eq!(
        errors,
        0,
        "{:#?}",
        library.diagnostics().collect::<Vec<_>>()
    );
    assert_eq!(warnings, 1);
    let warning = library.diagnostics().next().unwrap().to_string();
    let text = std::fs::read_to_string("tests/fixtures/paria.ron").unwrap();
    let at = position_of(&text, "\"arrival\": Scene");
    assert_eq!(
        warning,
        format!(
            "tests/fixtures/paria.ron:{}:{}: warning: length cue: in 2 of the 2 decision scenes \
             the best choice is also the longest (arrival, outside), so a trainee can guess it by \
             its length; make the choices of each scene similar in length and care",
            at.0, at.1
        )
    );
}

#[test]
fn the_state_graph_counts_paths_and_points() {
    // Worked by hand in the fixture: 10 paths through the question hub from `outside`, one more
    // hub entry and one "Leave" through `manager_listens`: 21 in all. Best: +2 at the door, then
    // papers, debt and consent (+2 each) = 8. Worst: the critical choice (−3), then "Leave" = −3.
    let p = paria();
    assert_eq!(p.analysis.paths, 21.0);
    assert_eq!(p.analysis.best, 8);
    assert_eq!(p.analysis.worst, -3);
    let endings: Vec<_> = p
        .analysis
        .endings
        .iter()
        .map(|e| {
            (
                p.scenario.scene_id(e.scene),
                e.outcome,
                e.paths,
                e.pass_reachable,
            )
        })
        .collect();
    assert_eq!(
        endings,
        vec![
            ("safe", Outcome::Protected, 20.0, true),
            ("not_protected", Outcome::NotProtected, 1.0, false),
        ]
    );
    assert!(p.analysis.pass_reachable());
}

#[test]
fn the_dot_picture_shows_scenes_grades_and_outcomes() {
    let dot = to_dot(&paria().scenario);
    assert!(dot.starts_with("digraph \"bar-worker\" {"));
    assert!(dot.contains("\"safe\" [shape=doubleoctagon, fillcolor=palegreen"));
    assert!(dot.contains("\"not_protected\" [shape=doubleoctagon, fillcolor=orange"));
    assert!(dot.contains(
        "\"arrival\" -> \"manager_listens\" [label=\"2. Harmful\", color=\"red\", penwidth=3"
    ));
    assert!(dot.contains("label=\"3. Acceptable\\nif separated\\nunless consent_given\""));
    assert!(dot.contains("\"refer\" -> \"classify\" [label=\"refer\"]"));
    assert!(dot.trim_end().ends_with('}'));
}

// ---------------------------------------------------------------- scoring, by hand

fn play(actions: &[Action]) -> Session {
    play_under(Rules::CURRENT, actions)
}

fn play_under(rules: Rules, actions: &[Action]) -> Session {
    let (mut session, _) = Session::start_under(paria(), 7, rules);
    for (i, a) in actions.iter().enumerate() {
        session
            .apply(a.clone())
            .unwrap_or_else(|e| panic!("action {}: {e}", i + 1));
    }
    session
}

use Action::{Choose, Classify, Flag, Refer, Unflag};

fn s(x: &str) -> String {
    x.to_owned()
}

#[test]
fn the_best_path_scores_one_and_passes() {
    let session = play(&[
        Flag(s("manager_answers")),
        Choose(0),
        Flag(s("no_passport")),
        Choose(0),
        Choose(1),
        Flag(s("growing_debt")),
        Choose(0),
        Choose(2),
        Refer(vec![s("ctu"), s("shelter"), s("medical")]),
        Classify(s("trafficking")),
    ]);
    let score = Score::of(&session);
    assert!(score.complete && score.passed);
    assert_eq!(score.ending.as_deref(), Some("safe"));
    assert_eq!(score.outcome, Some(Outcome::Protected));
    assert_close(score.scaled, 1.0);
    assert_eq!(
        (
            score.indicators.hits,
            score.indicators.misses,
            score.indicators.false_alarms
        ),
        (3, 0, 0)
    );
    assert_eq!((score.decisions.points, score.decisions.best), (8, 8));
    assert_close(score.referral.unwrap().score, 1.0);
    assert_close(score.classification.unwrap().score, 1.0);
    assert!(score.critical_errors.is_empty() && score.breaches.is_empty());
}

/// Worked by hand below: one hit, one false alarm, one Strong miss, two Appropriate choices, a
/// harmful referral and a wrong classification.
fn mixed() -> Vec<Action> {
    vec![
        Flag(s("manager_answers")),          // hit, Medium (2)
        Flag(s("has_phone")),                // false alarm
        Choose(0),                           // Appropriate +2
        Choose(2), // consent, Appropriate +2 (no_passport left unflagged: Strong miss)
        Refer(vec![s("embassy"), s("ctu")]), // 2 − 3 = −1 of 4: harmful, critical
        Classify(s("smuggling")), // wrong
    ]
}

#[test]
fn a_mixed_session_scores_as_computed_by_hand_under_version_1() {
    let score = Score::of(&play_under(Rules::V1, &mixed()));
    assert_eq!(score.rules, 1);
    let i = score.indicators;
    // R = 2/(2+3) = 0.4; P = 1/2; F1 = 2·0.5·0.4/0.9 = 4/9.
    assert_eq!(
        (i.hits, i.misses, i.false_alarms, i.red_herrings),
        (1, 1, 1, 1)
    );
    assert_close(i.recall, 0.4);
    assert_close(i.precision, 0.5);
    assert_close(i.score, 4.0 / 9.0);
    // H = 1.5/3 = 0.5, F = 1.5/2 = 0.75: d' = 0 − z(0.75).
    assert_close(i.d_prime, -0.674_489_750_196_081_7);
    assert_eq!((score.decisions.points, score.decisions.best), (4, 8));
    assert_close(score.decisions.score.unwrap(), 0.5);
    assert_close(score.referral.unwrap().score, 0.0); // clamp(−1/4)
    assert_close(score.classification.unwrap().score, 0.0);
    // scaled = 0.3·4/9 + 0.4·0.5 + 0.2·0 + 0.1·0 = 1/3.
    assert_close(score.scaled, 1.0 / 3.0);
    assert!(score.complete && !score.passed);
    assert_eq!(score.critical_errors.len(), 1);
    assert_eq!(score.critical_errors[0].scene, "refer");
    assert_eq!(
        score.critical_errors[0].cause,
        Cause::HarmfulService {
            service: s("embassy")
        }
    );
}

#[test]
fn a_mixed_session_scores_as_computed_by_hand_under_version_2() {
    let score = Score::of(&play_under(Rules::V2, &mixed()));
    assert_eq!(score.rules, 2);
    let i = score.indicators;
    // R = 0.4, FAR = 1/1 (the one red herring shown was flagged): clamp(0.4 − 1) = 0.
    assert_close(i.recall, 0.4);
    assert_close(i.false_alarm_rate(), 1.0);
    assert_close(i.score, 0.0);
    // scaled = 0.3·0 + 0.4·0.5 + 0.2·0 + 0.1·0 = 0.2.
    assert_close(score.scaled, 0.2);
    assert_eq!(score.critical_errors.len(), 1);
}

#[test]
fn a_referral_without_consent_is_critical_and_a_breach() {
    let session = play(&[
        Choose(0),
        Choose(3),
        Refer(vec![s("ctu")]),
        Classify(s("trafficking")),
    ]);
    let score = Score::of(&session);
    assert_eq!(score.critical_errors.len(), 1);
    assert_eq!(score.critical_errors[0].cause, Cause::NoConsent);
    // The choice's own breach, then the referral's.
    let breaches: Vec<_> = score
        .breaches
        .iter()
        .map(|b| (b.scene.as_str(), b.principle.as_str()))
        .collect();
    assert_eq!(
        breaches,
        vec![
            ("outside", "informed_consent"),
            ("refer", "informed_consent")
        ]
    );
    assert!(!score.passed);
}

#[test]
fn one_referral_can_make_two_critical_errors_and_an_empty_one_none() {
    let two = play(&[Choose(0), Choose(3), Refer(vec![s("embassy")])]);
    assert_eq!(Score::of(&two).critical_errors.len(), 2);
    let none = play(&[Choose(0), Choose(3), Refer(vec![])]);
    let score = Score::of(&none);
    assert!(score.critical_errors.is_empty());
    assert_close(score.referral.unwrap().score, 0.0);
}

#[test]
fn a_revisited_scene_counts_its_observations_once_and_flags_persist() {
    let session = play(&[
        Choose(0),
        Flag(s("no_passport")),
        Choose(0),                // papers: back to `outside`
        Unflag(s("no_passport")), // removed on the revisit
        Flag(s("no_passport")),   // and flagged again
        Flag(s("no_passport")),   // flagging twice does nothing
        Choose(2),
    ]);
    let score = Score::of(&session);
    // arrival: manager_answers missed (2), has_phone rejected; outside: no_passport hit (3).
    assert_eq!((score.indicators.hits, score.indicators.misses), (1, 1));
    assert_close(score.indicators.recall, 3.0 / 5.0);
    assert_eq!(session.visited().len(), 3); // arrival, outside, refer
}

#[test]
fn an_incomplete_session_is_scored_over_what_occurred_and_never_passes() {
    let session = play(&[
        Flag(s("manager_answers")),
        Choose(0),
        Flag(s("no_passport")),
        Choose(2),
    ]);
    let score = Score::of(&session);
    assert!(!score.complete && !score.passed);
    assert_eq!(score.ending, None);
    // The referral reached but not submitted counts for nothing.
    assert_eq!(score.referral, None);
    assert_eq!(score.classification, None);
    // indicators 1.0 (0.3) and decisions 4/8 (0.4): (0.3 + 0.2) / 0.7.
    assert_close(score.scaled, 0.5 / 0.7);
}

#[test]
fn ungraded_choices_count_in_no_decision_figure() {
    let session = play(&[Choose(1), Choose(0)]); // critical, then "Leave." (ungraded)
    let score = Score::of(&session);
    assert_eq!(score.decisions.points, -3);
    assert_eq!(score.decisions.taken, 1);
    assert_close(score.decisions.score.unwrap(), 0.0);
    assert_eq!(score.outcome, Some(Outcome::NotProtected));
    let breaches: Vec<_> = score
        .breaches
        .iter()
        .map(|b| b.principle.as_str())
        .collect();
    assert_eq!(breaches, vec!["do_no_harm", "confidentiality"]);
}

#[test]
fn nothing_flagged_while_indicators_were_shown_scores_zero() {
    let session = play(&[Choose(1)]); // now in manager_listens
    let score = Score::of(&session);
    // arrival's indicator (manager_answers) and manager_listens' (looks_down) were both missed.
    assert_close(score.indicators.precision, 0.0);
    assert_close(score.indicators.score, 0.0);
}

#[test]
fn the_hub_choice_counts_again_each_time_it_is_taken() {
    let session = play(&[Choose(0), Choose(1), Choose(0), Choose(0), Choose(2)]);
    // +2 door, +2 debt, +2 papers, +2 consent; the debt scene's "Go back" is ungraded.
    assert_eq!(Score::of(&session).decisions.points, 8);
}

// ---------------------------------------------------------------- actions that do not fit

#[test]
fn actions_that_do_not_fit_change_nothing_and_say_why() {
    let (mut session, events) = Session::start(paria(), 1);
    assert_eq!(
        events,
        vec![Event::SceneEntered {
            scene: s("arrival")
        }]
    );
    let cases = [
        (
            Flag(s("no_passport")),
            "scene \"arrival\" has no observation \"no_passport\" to flag or unflag",
        ),
        (
            Choose(2),
            "choice 2 of scene \"arrival\" is not offered now (its flags hide it)",
        ),
        (
            Choose(9),
            "scene \"arrival\" has 3 choices; there is no choice 9 (choices count from 0)",
        ),
        (
            Refer(vec![s("ctu")]),
            "scene \"arrival\" is a Scene scene, not a Referral: there is nothing to refer",
        ),
        (
            Classify(s("trafficking")),
            "scene \"arrival\" is a Scene scene, not a Classify: there is nothing to classify",
        ),
    ];
    for (action, message) in cases {
        assert_eq!(session.apply(action).unwrap_err().to_string(), message);
    }
    assert_eq!(session.actions().len(), 0);
    session.apply(Choose(0)).unwrap();
    session.apply(Choose(2)).unwrap();
    assert_eq!(
        session.apply(Refer(vec![s("police")])).unwrap_err(),
        ActionError::UnknownService {
            service: s("police")
        }
    );
    session.apply(Refer(vec![s("ctu")])).unwrap();
    assert!(matches!(
        session.apply(Classify(s("asylum"))),
        Err(ActionError::NotAnOption { .. })
    ));
    session.apply(Classify(s("trafficking"))).unwrap();
    assert_eq!(
        session.apply(Choose(0)).unwrap_err().to_string(),
        "the scenario has already ended at \"safe\"; no more actions are possible"
    );
}

#[test]
fn a_script_error_names_the_action_by_its_position() {
    let script = Script {
        participant: s("T07"),
        seed: None,
        actions: vec![Choose(0), Flag(s("no_passport")), Choose(7)],
    };
    let err = script::play(paria(), &script, |_, _| {}).unwrap_err();
    assert_eq!(err.position, 3);
    assert_eq!(
        err.to_string(),
        "action 3 (Choose(7)): scene \"outside\" has 4 choices; there is no choice 7 (choices count from 0)"
    );
}

#[test]
fn events_record_every_action_and_replay_rebuilds_the_session() {
    let actions = vec![
        Flag(s("manager_answers")),
        Choose(0),
        Choose(1),
        Choose(0),
        Choose(2),
        Refer(vec![s("shelter"), s("ctu")]),
        Classify(s("trafficking")),
    ];
    let (mut session, mut events) = Session::start(paria(), 99);
    for a in &actions {
        events.extend(session.apply(a.clone()).unwrap());
    }
    let recorded: Vec<Action> = events.iter().filter_map(Event::action).collect();
    // Referral services are recorded in catalogue order.
    let mut expected = actions.clone();
    expected[5] = Refer(vec![s("ctu"), s("shelter")]);
    assert_eq!(recorded, expected);
    let (replayed, replay_events) =
        Session::replay(paria(), 99, Rules::CURRENT, &recorded).unwrap();
    assert_eq!(replay_events, events);
    assert_eq!(Score::of(&replayed), Score::of(&session));
    assert!(matches!(
        events.last(),
        Some(Event::Ended {
            outcome: Outcome::Protected,
            ..
        })
    ));
    assert!(events.iter().any(|e| matches!(
        e,
        Event::ChoiceTaken {
            grade: Some(Grade::Appropriate),
            ..
        }
    )));
}

#[test]
fn display_order_follows_the_seed_and_keeps_positions_as_identities() {
    let p = paria();
    let orders: Vec<Vec<usize>> = (0..20)
        .map(|seed| Session::start(Arc::clone(&p), seed).0.choice_order(0))
        .collect();
    for o in &orders {
        let mut sorted = o.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2]);
    }
    assert!(
        orders.iter().any(|o| o != &orders[0]),
        "20 seeds gave one order"
    );
    let (a, _) = Session::start(Arc::clone(&p), 5);
    let (b, _) = Session::start(p, 5);
    assert_eq!(a.observation_order(0), b.observation_order(0));
    assert_eq!(a.service_order(4), b.service_order(4));
}

// ---------------------------------------------------------------- staging

#[test]
fn a_choice_s_reaction_changes_the_faces_of_the_next_scene_only() {
    use mpa_trainer::scenario::model::{Face, Shown};
    let text = r#"Scenario(
    id: "staged", title: "Staged", pass_mark: 0.5,
    cast: [
        (id: "ana", name: "Ana", role: Migrant, look: "migrant-f-young-1"),
        (id: "boss", name: "Boss", role: Local, look: "local-m-boss"),
    ],
    start: "bar",
    scenes: {
        "bar": Scene(place: Bar, shown: [(who: "ana", face: Afraid), (who: "boss", face: Wary)],
            alt: "A bar.", text: "The bar.",
            choices: [
                (text: "Send the manager to fetch the licence.", grade: Appropriate,
                 reaction: [(who: "ana", face: Relieved)], next: "talk"),
                (text: "Ask her in front of him.", grade: Harmful, next: "talk"),
            ]),
        "talk": Scene(place: Bar, shown: [(who: "ana", face: Wary)], alt: "Ana alone.",
            text: "You talk.",
            choices: [(text: "Go on.", grade: Appropriate, next: "end")]),
        "end": Ending(place: Bar, shown: [(who: "ana", face: Calm)], alt: "Ana.",
            title: "End", text: "End.", outcome: Protected),
    },
)"#;
    let playable = playable_from(text);
    let shown = |who: &str, face| Shown {
        who: who.to_owned(),
        face,
    };
    let (mut session, _) = Session::start(Arc::clone(&playable), 1);
    assert_eq!(
        session.faces_now(),
        [shown("ana", Face::Afraid), shown("boss", Face::Wary)]
    );
    session.apply(Action::Choose(0)).unwrap();
    assert_eq!(session.faces_now(), [shown("ana", Face::Relieved)]);
    session.apply(Action::Choose(0)).unwrap();
    assert_eq!(
        session.faces_now(),
        [shown("ana", Face::Calm)],
        "one scene only"
    );
    // The other choice leaves the next scene's own face.
    let (mut session, _) = Session::start(playable, 1);
    session.apply(Action::Choose(1)).unwrap();
    assert_eq!(session.faces_now(), [shown("ana", Face::Wary)]);
}
