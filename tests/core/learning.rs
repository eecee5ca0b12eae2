//! Learning that lasts, worked by hand: confidence ratings and their calibration, observations
//! a trainee only hears after a safe step (and the step that lost them), the spaced review
//! schedule on a fixed clock, and item analysis on a cohort recorded by scripts with a planted
//! mis-graded decision.

use crate::common::*;
use mpa_trainer::engine::Score;
use mpa_trainer::engine::confidence::Confidence;
use mpa_trainer::engine::disclosure::unheard;
use mpa_trainer::engine::session::{Action, ActionError, Session};
use mpa_trainer::practice::PastSession;
use mpa_trainer::record::{Mode, ObservationRecord, SessionFinished, parse_time};
use mpa_trainer::spacing::{Topic, schedule};

use Action::{Choose, Classify, Flag, Rate, Refer};

fn s(x: &str) -> String {
    x.to_owned()
}

/// A hub where the woman tells the real story only once separated, a decision the author asks
/// confidence for, a referral and a classification.
const DISCLOSURE: &str = r#"Scenario(
    id: "disclosure", title: "Disclosure", pass_mark: 0.5,
    flags: ["separated", "asked"], start: "bar",
    scenes: {
        "bar": Scene(
            text: "She is behind the bar; the manager stands beside her.",
            ask_confidence: true,
            observations: [
                (id: "answers", text: "The manager answers for her.", indicator: "spoken_for_by_other"),
                (id: "phone", text: "She has a phone."),
            ],
            choices: [
                (text: "Ask her outside", grade: Appropriate, set: ["separated"], next: "talk"),
                (text: "Ask her here", grade: Harmful, next: "talk"),
            ],
        ),
        "talk": Scene(
            text: "She talks.",
            observations: [
                (id: "passport", text: "He keeps my passport.", indicator: "documents_withheld",
                 requires: ["separated"]),
                (id: "fine", text: "She says she is fine.", unless: ["separated"]),
                (id: "debt", text: "I owe for the boat.", indicator: "debt_bondage",
                 requires: ["separated", "asked"]),
            ],
            choices: [
                (text: "Ask about money", grade: Appropriate, requires: ["separated"],
                 unless: ["asked"], set: ["asked"], next: "talk"),
                (text: "Refer", grade: Acceptable, next: "refer"),
            ],
        ),
        "refer": Referral(text: "Refer?",
            services: { "ctu": Required, "medical": Recommended, "embassy": Harmful },
            next: "classify"),
        "classify": Classify(text: "Record?", options: ["trafficking", "smuggling"],
            answer: "trafficking", next: "end"),
        "end": Ending(title: "End", text: "e", outcome: Protected),
    },
)"#;

fn play(actions: &[Action]) -> Session {
    let (mut session, _) = Session::start(playable_from(DISCLOSURE), 2);
    for (i, a) in actions.iter().enumerate() {
        session
            .apply(a.clone())
            .unwrap_or_else(|e| panic!("action {}: {e}", i + 1));
    }
    session
}

#[test]
fn rated_decisions_are_judged_and_scored_apart_by_brier_and_calibration() {
    let session = play(&[
        Rate(Confidence::Ninety),
        Choose(1), // Harmful: wrong, at 90 %
        Choose(1),
        Rate(Confidence::Seventy),
        Refer(vec![s("ctu"), s("medical")]), // every Required, no Harmful: right, at 70 %
        Rate(Confidence::Fifty),
        Rate(Confidence::Ninety),   // the last rating counts
        Classify(s("trafficking")), // right, at 90 %
    ]);
    let j: Vec<(String, u8, bool)> = session
        .judgements()
        .iter()
        .map(|j| (j.scene.clone(), j.confidence.percent(), j.right))
        .collect();
    assert_eq!(
        j,
        [
            (s("bar"), 90, false),
            (s("refer"), 70, true),
            (s("classify"), 90, true)
        ]
    );
    let c = Score::of(&session).confidence.unwrap();
    // (0.81 + 0.09 + 0.01) / 3 = 0.303...
    assert_close(c.brier, 0.91 / 3.0);
    assert_eq!(c.rated, 3);
    assert_eq!((c.calibration[2].rated, c.calibration[2].right), (2, 1));
    // The competency score does not move with the ratings.
    let unrated = play(&[
        Choose(1),
        Choose(1),
        Refer(vec![s("ctu"), s("medical")]),
        Classify(s("trafficking")),
    ]);
    assert_close(Score::of(&unrated).scaled, Score::of(&session).scaled);
    assert!(Score::of(&unrated).confidence.is_none());
    // A scene that asks for no rating refuses one.
    let (mut t, _) = Session::start(playable_from(DISCLOSURE), 2);
    t.apply(Choose(0)).unwrap();
    assert!(matches!(
        t.apply(Rate(Confidence::Fifty)),
        Err(ActionError::NotAsked { .. })
    ));
}

#[test]
fn an_observation_is_shown_only_when_its_flags_hold_and_only_shown_ones_count() {
    // Separated, asked about money: the passport and the debt are heard; "she is fine" is not.
    let told = play(&[
        Choose(0),
        Flag(s("passport")),
        Choose(0),
        Flag(s("debt")),
        Choose(1),
    ]);
    let shown: Vec<&str> = told
        .visited_observations()
        .map(|(_, _, o)| o.id.as_str())
        .collect();
    assert_eq!(shown, ["answers", "phone", "passport", "debt"]);
    let i = Score::of(&told).indicators;
    assert_eq!((i.hits, i.misses, i.red_herrings), (2, 1, 1));
    // Asked at the bar: only "she is fine" is shown; the passport cannot be flagged.
    let (mut session, _) = Session::start(playable_from(DISCLOSURE), 2);
    session.apply(Choose(1)).unwrap();
    assert_eq!(
        session.apply(Flag(s("passport"))),
        Err(ActionError::HiddenObservation {
            scene: s("talk"),
            observation: s("passport")
        })
    );
    session.apply(Flag(s("fine"))).unwrap();
    let i = Score::of(&session).indicators;
    // Shown: answers (missed), phone, fine (a false alarm): R = 0, FAR = 1/2.
    assert_eq!(
        (i.hits, i.misses, i.false_alarms, i.red_herrings),
        (0, 1, 1, 2)
    );
}

#[test]
fn the_debrief_knows_what_was_never_heard_and_the_step_that_lost_it() {
    // Asked at the bar (step 0): the passport and the debt could no longer be heard.
    let at_bar = play(&[Choose(1), Choose(1)]);
    let missing: Vec<(String, Option<usize>)> = unheard(&at_bar)
        .iter()
        .map(|u| {
            (
                at_bar
                    .playable()
                    .scenario
                    .scene(u.scene)
                    .unwrap()
                    .observations()[u.observation]
                    .id
                    .clone(),
                u.lost_at,
            )
        })
        .collect();
    assert_eq!(missing, [(s("passport"), Some(0)), (s("debt"), Some(0))]);
    // Separated but never asked about money: the debt was lost when the trainee referred from
    // the hub (step 1), not at the door.
    let unasked = play(&[Choose(0), Choose(1)]);
    let lost: Vec<(usize, Option<usize>)> = unheard(&unasked)
        .iter()
        .map(|u| (u.observation, u.lost_at))
        .collect();
    assert_eq!(lost, [(2, Some(1))]);
    // Everything heard: nothing missing ("she is fine", the controlled story, is not missed).
    let all = play(&[Choose(0), Choose(0), Choose(1)]);
    assert!(unheard(&all).is_empty());
}

#[test]
fn an_observation_that_can_never_be_shown_is_refused() {
    let text = DISCLOSURE.replace(
        r#"requires: ["separated", "asked"]),"#,
        r#"requires: ["asked"], unless: ["separated"]),"#,
    );
    let err = mpa_trainer::scenario::Playable::from_text(
        std::path::Path::new("d.ron"),
        &text,
        fixture_catalogue(),
    )
    .unwrap_err();
    assert!(
        err.iter()
            .any(|d| d.message.starts_with("observation \"debt\" is never shown")),
        "{err:#?}"
    );
    let bad_flag = DISCLOSURE.replace(
        r#"requires: ["separated"]),"#,
        r#"requires: ["seperated"]),"#,
    );
    let err = mpa_trainer::scenario::Playable::from_text(
        std::path::Path::new("d.ron"),
        &bad_flag,
        fixture_catalogue(),
    )
    .unwrap_err();
    assert!(
        err.iter()
            .any(|d| d.message.contains("did you mean \"separated\"")),
        "{err:#?}"
    );
}

/// A finished session on a date, showing indicators (flagged or not) and breaching principles.
fn past(scenario: &str, date: &str, shown: &[(&str, bool)], breaches: &[&str]) -> PastSession {
    use mpa_trainer::engine::scoring::{DecisionScore, IndicatorScore, Rules, Tally};
    use mpa_trainer::engine::session::Breach;
    PastSession {
        scenario: s(scenario),
        title: s(scenario),
        mode: Mode::Practice,
        finished_at: format!("{date}T10:00:00Z"),
        finished: SessionFinished {
            score: Score {
                rules: 2,
                complete: true,
                ending: Some(s("end")),
                outcome: None,
                scaled: 0.8,
                passed: true,
                pass_mark: 0.7,
                critical_errors: Vec::new(),
                breaches: breaches
                    .iter()
                    .map(|p| Breach {
                        scene: s("x"),
                        principle: s(p),
                    })
                    .collect(),
                indicators: IndicatorScore::compute(Tally::default(), Rules::V2),
                decisions: DecisionScore {
                    score: Some(0.8),
                    points: 4,
                    best: 5,
                    taken: 3,
                },
                referral: None,
                classification: None,
                confidence: None,
            },
            observations: shown
                .iter()
                .enumerate()
                .map(|(i, (ind, flagged))| ObservationRecord {
                    scene: s("x"),
                    observation: format!("o{i}"),
                    indicator: Some(s(ind)),
                    factor: None,
                    flagged: *flagged,
                    named: None,
                })
                .collect(),
        },
    }
}

#[test]
fn missed_indicators_come_back_after_2_7_and_21_days_on_a_fixed_clock() {
    let at = |d: &str| parse_time(&format!("{d}T12:00:00Z")).unwrap();
    let tests = |_: &str, _: &str| true;
    let form_of = |id: &str| match id {
        "assessment-post" => Some(mpa_trainer::scenario::model::AssessmentForm::Post),
        "assessment-delayed" => Some(mpa_trainer::scenario::model::AssessmentForm::Delayed),
        _ => None,
    };
    // Missed on 1 October: due on the 3rd.
    let mut sessions = vec![past(
        "bar-worker",
        "2018-10-01",
        &[("debt_bondage", false)],
        &[],
    )];
    let s1 = schedule(&sessions, at("2018-10-02"), tests, form_of);
    assert!(s1.due_now.is_empty());
    assert_eq!(s1.later.len(), 1);
    let s2 = schedule(&sessions, at("2018-10-03"), tests, form_of);
    assert_eq!(s2.due_now[0].topic, Topic::Indicator(s("debt_bondage")));
    // Flagged too early (the 2nd) changes nothing; flagged on the 4th: next review 7 days on.
    sessions.push(past("s", "2018-10-02", &[("debt_bondage", true)], &[]));
    sessions.push(past("s", "2018-10-04", &[("debt_bondage", true)], &[]));
    let s3 = schedule(&sessions, at("2018-10-05"), tests, form_of);
    assert!(s3.due_now.is_empty());
    assert_eq!(s3.later[0].due, parse_time("2018-10-11T10:00:00Z").unwrap());
    assert_eq!(s3.later[0].step, 1);
    // Right on the 11th (21 days on, the 1st of November), right then: retired.
    sessions.push(past("s", "2018-10-11", &[("debt_bondage", true)], &[]));
    sessions.push(past("s", "2018-11-01", &[("debt_bondage", true)], &[]));
    assert!(
        schedule(&sessions, at("2018-12-01"), tests, form_of)
            .later
            .is_empty()
    );
    // Missed again: the schedule starts over.
    sessions.push(past("s", "2018-11-05", &[("debt_bondage", false)], &[]));
    let again = schedule(&sessions, at("2018-11-07"), tests, form_of);
    assert_eq!(again.due_now.len(), 1);
    assert_eq!(again.due_now[0].step, 0);
    // A principle breached comes back the same way.
    let breach = vec![past("s", "2018-10-01", &[], &["informed_consent"])];
    assert_eq!(
        schedule(&breach, at("2018-10-03"), tests, form_of).due_now[0].topic,
        Topic::Principle(s("informed_consent"))
    );
    // The delayed form: due 30 days after the post-course form, until it is taken.
    let mut forms = vec![past("assessment-post", "2018-10-30", &[], &[])];
    let d = schedule(&forms, at("2018-11-29"), tests, form_of);
    assert!(!d.delayed_form_due(at("2018-11-28")));
    assert!(d.delayed_form_due(at("2018-11-30")));
    forms.push(past("assessment-delayed", "2018-12-02", &[], &[]));
    assert!(!schedule(&forms, at("2018-12-05"), tests, form_of).delayed_form_due(at("2018-12-05")));
}

/// A decision whose "best" choice is what weak trainees take: strong trainees, who get
/// everything else right, take the other one.
const MISGRADED: &str = r#"Scenario(
    id: "misgraded", title: "Misgraded", pass_mark: 0.5, start: "q1",
    scenes: {
        "q1": Scene(
            text: "One.",
            observations: [
                (id: "papers", text: "The boss has her papers.", indicator: "documents_withheld"),
                (id: "phone", text: "She has a phone."),
            ],
            choices: [
                (text: "A", grade: Appropriate, next: "q2"),
                (text: "B", grade: Suboptimal, next: "q2"),
            ],
        ),
        "q2": Scene(text: "Two.", choices: [
            (text: "C", grade: Appropriate, next: "classify"),
            (text: "D", grade: Harmful, next: "classify"),
        ]),
        "classify": Classify(text: "Record?", options: ["trafficking", "smuggling"],
            answer: "trafficking", next: "end"),
        "end": Ending(title: "End", text: "e", outcome: Protected),
    },
)"#;

#[test]
fn item_analysis_finds_a_planted_mis_graded_decision() {
    use mpa_trainer::report::items::{ItemCollector, ItemKind};
    use mpa_trainer::report::{Detail, scan};
    use mpa_trainer::scenario::{Library, LoadOptions};
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("course")).unwrap();
    let scenario = dir.path().join("course/misgraded.ron");
    std::fs::write(&scenario, MISGRADED).unwrap();
    let results = dir.path().join("results");
    let strong = "Flag(\"papers\"), Choose(1), Choose(0), Classify(\"trafficking\")";
    let weak = "Choose(0), Choose(1), Classify(\"smuggling\")";
    for n in 0..8 {
        let script = dir.path().join(format!("p{n}.ron"));
        let actions = if n % 2 == 0 { strong } else { weak };
        std::fs::write(
            &script,
            format!("Script(participant: \"P{n}\", actions: [{actions}])"),
        )
        .unwrap();
        succeed(
            std::process::Command::new(env!("CARGO_BIN_EXE_mpa-trainer"))
                .arg("script")
                .arg(&scenario)
                .arg(&script)
                .args(["--catalogue", "tests/fixtures/catalogue.ron", "--results"])
                .arg(&results),
        );
    }
    let options = LoadOptions {
        catalogue: "tests/fixtures/catalogue.ron".into(),
        assets: None,
        ..LoadOptions::default()
    };
    let library = Library::load(std::slice::from_ref(&scenario), &options).unwrap();
    let mut collector = ItemCollector::default();
    scan(&results, Detail::Full, Some(&library), |row, lines| {
        collector.add(&row, &lines, Some(&library));
    });
    let analysis = collector.finish(|_| None);
    let item = |kind: ItemKind, id: &str| {
        analysis
            .items
            .iter()
            .find(|i| i.kind == kind && i.id == id)
            .unwrap()
    };
    // Strong trainees score (0.3·1 + 0.4·2/4 + 0.1·1) / 0.8 = 0.75; weak ones 0.
    let q1 = item(ItemKind::Decision, "q1");
    assert_eq!(q1.sessions, 8);
    assert_close(q1.difficulty, 0.5);
    // Right only for the weak: the correlation is −1, the upper–lower index −1.
    assert_close(q1.point_biserial.unwrap(), -1.0);
    assert_close(q1.upper_lower.unwrap(), -1.0);
    assert_eq!(
        q1.strong_prefer,
        Some(1),
        "the planted mis-grading is found"
    );
    assert!(q1.few);
    // The sound decision and the classification separate strong from weak perfectly.
    let q2 = item(ItemKind::Decision, "q2");
    assert_close(q2.point_biserial.unwrap(), 1.0);
    assert_eq!(q2.strong_prefer, None);
    assert_close(
        item(ItemKind::Classification, "classify")
            .upper_lower
            .unwrap(),
        1.0,
    );
    assert_close(item(ItemKind::Indicator, "papers").difficulty, 0.5);
    // And from the command line, as CSV.
    let csv = dir.path().join("items.csv");
    succeed(
        std::process::Command::new(env!("CARGO_BIN_EXE_mpa-trainer"))
            .arg("report")
            .arg(&results)
            .arg("--items")
            .arg(&csv)
            .arg("--scenarios")
            .arg(dir.path().join("course"))
            .args(["--catalogue", "tests/fixtures/catalogue.ron"]),
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("decision,misgraded,q1,8,0.5000,-1.0000,-1.0000,1,")),
        "{text}"
    );
}
