//! The views clicked through by label, as a trainee would, with egui_kittest.

use crate::common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mpa_trainer::app::views::debrief::{DebriefModel, debrief_view};
use mpa_trainer::app::views::play::{PlayAction, PlayForm, PlayModel, play_view};
use mpa_trainer::app::views::progress::{ProgressAction, ProgressModel, progress_view};
use mpa_trainer::app::views::start::{StartAction, StartForm, StartModel, start_view};
use mpa_trainer::engine::Score;
use mpa_trainer::engine::scoring::Rules;
use mpa_trainer::engine::session::Session;
use mpa_trainer::practice::{History, PastSession};
use mpa_trainer::record::{Mode, SessionFinished};

/// A trainee at the play screen: the session, the form, and the debrief once it ends.
struct Trainee {
    session: Session,
    form: PlayForm,
    mode: Mode,
    debrief: Option<DebriefModel>,
    left: bool,
}

fn trainee(mode: Mode) -> Harness<'static, Trainee> {
    let (session, _) = Session::start(paria(), 11);
    let state = Trainee {
        session,
        form: PlayForm::default(),
        mode,
        debrief: None,
        left: false,
    };
    Harness::builder()
        .with_size(egui::vec2(1100.0, 1600.0))
        .build_ui_state(
            |ui, t: &mut Trainee| {
                if let Some(d) = &t.debrief {
                    let _ = debrief_view(ui, d);
                    return;
                }
                let model = PlayModel::of(&t.session, t.mode);
                match play_view(ui, &model, &mut t.form) {
                    Some(PlayAction::Engine(a)) => {
                        let moves_on = !matches!(
                            a,
                            mpa_trainer::engine::Action::Flag(_)
                                | mpa_trainer::engine::Action::Unflag(_)
                                | mpa_trainer::engine::Action::Name(..)
                                | mpa_trainer::engine::Action::Rate(_)
                        );
                        t.session.apply(a).unwrap();
                        if moves_on {
                            t.form = PlayForm::default();
                        }
                        if t.session.is_over() {
                            let score = Score::of(&t.session);
                            t.debrief =
                                Some(DebriefModel::of(&t.session, &score, "T07", t.mode, false));
                        }
                    }
                    Some(PlayAction::Leave) => t.left = true,
                    None => {}
                }
            },
            state,
        )
}

/// A workshop session of the contract's example played to its end by the critical choice.
fn played_critically() -> Harness<'static, Trainee> {
    let mut h = trainee(Mode::Workshop);
    h.run();
    click(
        &mut h,
        "Question Ana at the bar while the manager translates.",
    );
    click(&mut h, "Leave.");
    h
}

fn click(h: &mut Harness<'_, Trainee>, label: &str) {
    h.get_by_label_contains(label).click();
    h.run();
}

#[test]
fn a_whole_scenario_clicked_through_by_label_reaches_a_debrief_as_the_contract_says() {
    let mut h = trainee(Mode::Workshop);
    h.run();
    // The scene, its observations and its choices are on screen.
    h.get_by_label_contains("It is 11 pm.");
    click(&mut h, "The manager answers every question you put to Ana.");
    click(&mut h, "Ana has a mobile phone on the counter."); // a false alarm
    click(&mut h, "Ask Ana to step outside with a female officer");
    // Workshop mode: no feedback while playing.
    assert!(
        h.query_by_label_contains("Feedback on your last step")
            .is_none()
    );
    click(
        &mut h,
        "Explain the help available and ask if she agrees to be referred.",
    );
    // The referral form lists every service of the catalogue, with its contact.
    h.get_by_label_contains("Tel. 800-4CTU (800-4288)");
    click(
        &mut h,
        "Counter Trafficking Unit (Ministry of National Security)",
    );
    click(&mut h, "Shelter");
    // A referral and a classification wait for "how sure are you?".
    assert!(h.query_by_label_contains("Say how sure you are").is_some());
    click(&mut h, "70 %");
    click(&mut h, "Submit referral (2 ticked)");
    click(&mut h, "Trafficking in persons");
    click(&mut h, "90 %");
    click(&mut h, "Record this classification");

    let t = h.state();
    assert!(t.session.is_over());
    // By hand: indicators hit 1 (Medium 2), missed 1 (Strong 3), the one red herring flagged:
    // R = 0.4, FAR = 1, informedness 0; decisions 4/8; referral 3/4; classification 1.
    // scaled = 0.3·0 + 0.4·0.5 + 0.2·0.75 + 0.1 = 0.45
    let d = t.debrief.clone().unwrap();
    assert_close(d.scaled, 0.2 + 0.15 + 0.1);
    assert!(!d.passed);
    h.get_by_label("Not passed: 45% (pass mark 70%)");
    h.get_by_label_contains("The overall score 45% is below the pass mark of 70%.");
    h.get_by_label_contains("1 found, 1 missed; 1 of 1 ordinary detail flagged");
    h.get_by_label_contains("4 of the best 8 points over 2 graded choices");
    h.get_by_label_contains(
        "3 of 4 points (Counter Trafficking Unit (Ministry of National Security), Shelter)",
    );
    // The path step by step, with the feedback on each choice.
    h.get_by_label_contains("Separating her from a possible controller comes first.");
    // The best path would have asked about her papers before referring.
    // (and, at the referral, ticked medical care too).
    assert_eq!(h.get_all_by_label("The best path:").count(), 2);
    h.get_by_label("Ask about her papers.");
    // Indicators found, missed and falsely flagged, each with its note.
    h.get_by_label("Indicators you missed");
    h.get_by_label("A strong indicator.");
    h.get_by_label("False alarms: flagged, but not indicators");
    h.get_by_label("A phone does not rule out control: it may be monitored.");
    h.get_by_label("Ending: Ana is safe");
    h.get_by_label("Play again");
    // How sure the trainee was: both ratings right here.
    h.get_by_label("How sure you were");
    h.get_by_label("When you said 90 %, you were right 1 of 1 times.");
    // Each rating with what was done there, not the scene's opening words.
    h.get_by_label("90 % sure, right: Recorded as Trafficking in persons");
    h.get_by_label(
        "70 % sure, right: Referred to Counter Trafficking Unit (Ministry of National Security), Shelter",
    );
}

#[test]
fn confidence_is_rated_by_keyboard_or_mouse_before_the_answer() {
    let mut h = trainee(Mode::Workshop);
    h.run();
    click(&mut h, "Ask Ana to step outside with a female officer");
    click(
        &mut h,
        "Explain the help available and ask if she agrees to be referred.",
    );
    // The referral waits: its submit button is off until a level is chosen.
    use egui_kittest::kittest::NodeT;
    assert!(
        h.get_by_label_contains("Submit referral")
            .accesskit_node()
            .is_disabled()
    );
    // W: 70 %, by keyboard.
    h.key_press(egui::Key::W);
    h.run();
    assert_eq!(
        h.state().session.pending_confidence(),
        Some(mpa_trainer::engine::confidence::Confidence::Seventy)
    );
    assert!(
        !h.get_by_label_contains("Submit referral")
            .accesskit_node()
            .is_disabled()
    );
    // A click changes it: 90 %.
    click(&mut h, "90 %");
    assert_eq!(
        h.state().session.pending_confidence(),
        Some(mpa_trainer::engine::confidence::Confidence::Ninety)
    );
    click(
        &mut h,
        "Counter Trafficking Unit (Ministry of National Security)",
    );
    click(&mut h, "Submit referral (1 ticked)");
    let judged = h.state().session.judgements().to_vec();
    assert_eq!(judged.len(), 1);
    assert_eq!(judged[0].confidence.percent(), 90);
}

#[test]
fn practice_mode_gives_feedback_after_each_choice() {
    let mut h = trainee(Mode::Practice);
    h.run();
    click(&mut h, "Ask Ana to step outside with a female officer");
    h.get_by_label("Feedback on your last step");
    h.get_by_label("Separating her from a possible controller comes first.");
}

#[test]
fn a_critical_choice_shows_in_the_debrief_with_its_feedback() {
    let h = played_critically();
    h.get_by_label("Critical errors (each one fails the scenario)");
    h.get_by_label_contains(
        "Took a critical choice: \"Question Ana at the bar while the manager translates.\"",
    );
    // Leaving her there is a consequence, named with the ending and explained by its text.
    h.get_by_label("The person was left without protection: Ana stays");
    // The ending's text, under the consequence and in the ending's own section.
    assert_eq!(
        h.get_all_by_label("You leave. Ana stays at the bar.")
            .count(),
        2
    );
    // Its feedback, under the critical error and again in the path.
    assert_eq!(
        h.get_all_by_label("The manager hears everything.").count(),
        2
    );
    h.get_by_label("Principles breached");
    h.get_by_label("Confidentiality");
}

#[test]
fn number_keys_choose_and_the_indicator_can_be_named_from_a_search() {
    let mut h = trainee(Mode::Workshop);
    h.run();
    click(&mut h, "The manager answers every question you put to Ana.");
    click(&mut h, "Name the indicator…");
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("spoken");
    h.run();
    click(&mut h, "Spoken for by another person");
    assert_eq!(h.state().session.named(0, 0), Some("spoken_for_by_other"));
    h.get_by_label_contains("named: Spoken for by another person");
    // The first choice on screen, whichever it is, is taken with the key 1.
    let first = PlayModel::of(&h.state().session, Mode::Workshop);
    let mpa_trainer::app::views::play::Ask::Choices(choices) = first.ask else {
        panic!()
    };
    h.key_press(egui::Key::Num1);
    h.run();
    let expected = &paria().compiled;
    let mpa_trainer::scenario::graph::Node::Scene(edges) = &expected.nodes[0] else {
        panic!()
    };
    assert_eq!(h.state().session.current(), edges[choices[0].index].next);
}

#[test]
fn leaving_is_a_button() {
    let mut h = trainee(Mode::Workshop);
    h.run();
    click(&mut h, "Leave scenario");
    assert!(h.state().left);
}

#[test]
fn the_start_screen_refuses_a_name_and_accepts_a_code() {
    let mut h = start_screen();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Ana María");
    h.run();
    click_start(&mut h);
    assert_eq!(h.state().1, None);
    h.get_by_label_contains("A participant code is 1 to 32 letters");
    h.state_mut().0.participant = "T07".to_owned();
    click_start(&mut h);
    assert_eq!(h.state().1, Some(StartAction::Begin));
}

#[test]
fn enter_starts_after_the_mode_was_picked_with_the_mouse() {
    let mut h = start_screen();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("T07");
    h.run();
    h.get_by_label("Practice: feedback after each step").click();
    h.run();
    assert_eq!(h.state().0.mode, Mode::Practice);
    assert_eq!(h.state().1, None);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().1, Some(StartAction::Begin));
    assert_eq!(h.state().0.participant, "T07");
}

#[test]
fn in_a_browser_the_start_screen_has_no_facilitator_and_says_where_answers_are_kept() {
    let screen = |in_browser: bool| {
        let model = StartModel {
            results_dir: "results".into(),
            in_browser,
            ..StartModel::default()
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(900.0, 900.0))
            .build_ui_state(
                move |ui, form: &mut StartForm| {
                    start_view(ui, form, &model);
                },
                StartForm::default(),
            );
        h.run();
        h
    };
    let desktop = screen(false);
    assert!(desktop.query_by_label("Facilitator").is_some());
    assert!(
        desktop
            .query_by_label_contains("Results are saved in results")
            .is_some()
    );
    let browser = screen(true);
    assert!(browser.query_by_label("Facilitator").is_none());
    assert!(
        browser
            .query_by_label_contains("kept in this browser")
            .is_some()
    );
}

/// The start screen, keeping the last action it returned.
fn start_screen() -> Harness<'static, (StartForm, Option<StartAction>)> {
    start_screen_in(mpa_trainer::i18n::Lang::En)
}

/// The start screen in a language.
pub fn start_screen_in(
    lang: mpa_trainer::i18n::Lang,
) -> Harness<'static, (StartForm, Option<StartAction>)> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 900.0))
        .build_ui_state(
            |ui, (form, last): &mut (StartForm, Option<StartAction>)| {
                if let Some(a) = start_view(ui, form, &StartModel::default()) {
                    *last = Some(a);
                }
            },
            (StartForm::default(), None),
        );
    mpa_trainer::app::words::set_lang(&h.ctx, lang);
    h.run();
    h
}

fn click_start(h: &mut Harness<'_, (StartForm, Option<StartAction>)>) {
    h.get_by_label("Start").click();
    h.run();
}

#[test]
fn the_progress_screen_shows_scores_what_to_revise_and_a_suggestion() {
    // Two finished sessions of the fixture, the second better.
    let finished = |actions: &[mpa_trainer::engine::Action]| {
        let (s, _) = Session::replay(paria(), 3, Rules::CURRENT, actions).unwrap();
        SessionFinished::of(&s, Score::of(&s))
    };
    use mpa_trainer::engine::Action::*;
    let weak = finished(&[
        Choose(0),
        Choose(2),
        Refer(vec!["ctu".into()]),
        Classify("smuggling".into()),
    ]);
    let strong = finished(&[
        Flag("manager_answers".into()),
        Choose(0),
        Flag("no_passport".into()),
        Choose(2),
        Refer(vec!["ctu".into(), "shelter".into(), "medical".into()]),
        Classify("trafficking".into()),
    ]);
    let past = |f: SessionFinished, at: &str| PastSession {
        scenario: "bar-worker".into(),
        title: "Closing time at the Paria Lounge".into(),
        mode: Mode::Practice,
        finished_at: at.into(),
        finished: f,
    };
    let history = History::from_sessions(vec![
        past(weak, "2026-11-01T10:00:00Z"),
        past(strong, "2026-11-02T10:00:00Z"),
    ]);
    let library = fixture_library();
    let candidates: Vec<_> = library.playable().cloned().collect();
    let model = ProgressModel::of(
        "T07",
        &history,
        &library,
        &candidates,
        time::OffsetDateTime::now_utc(),
    );
    assert_eq!(model.sessions.len(), 2);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 1400.0))
        .build_ui_state(
            |ui, (m, last): &mut (ProgressModel, Option<ProgressAction>)| {
                if let Some(a) = progress_view(ui, m) {
                    *last = Some(a);
                }
            },
            (model, None),
        );
    h.run();
    h.get_by_label("Scores over time, by competency");
    h.get_by_label("2026-11-01");
    h.get_by_label("2026-11-02");
    h.get_by_label("Indicators to revise (the ones you missed most)");
    // The first session missed both indicators it showed; the second missed none.
    h.get_by_label("Spoken for by another person: missed 1 of 2");
    h.get_by_label("Documents withheld: missed 1 of 2");
    // With the course's own note on the observation that shows it.
    h.get_by_label("In the scenarios: A strong indicator.");
    h.get_by_label("Practise next");
    h.get_by_label("Practise this scenario").click();
    h.run();
    assert_eq!(
        h.state().1,
        Some(ProgressAction::Practise("bar-worker".into()))
    );
}

mod facilitator {
    use super::*;
    use mpa_trainer::app::views::facilitator::{
        Cohort, CohortSource, FacilitatorAction, FacilitatorForm, FacilitatorModel, Gate,
        facilitator_view, replayed_debrief,
    };
    use mpa_trainer::report::replay::replay_session;

    /// A results folder with two sessions of the fixture: one passed, one with a critical error.
    fn results() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (p, actions) in [
            (
                "T01",
                "Flag(\"manager_answers\"), Choose(0), Flag(\"no_passport\"), Choose(2), Refer([\"ctu\", \"shelter\", \"medical\"]), Classify(\"trafficking\")",
            ),
            ("T02", "Choose(1), Choose(0)"),
        ] {
            record_fixture_session(&dir.path().join("results"), p, actions);
        }
        dir
    }

    type State = (Cohort, FacilitatorForm, Gate, Option<FacilitatorAction>);

    fn harness(cohort: Cohort, gate: Gate) -> Harness<'static, State> {
        Harness::builder()
            .with_size(egui::vec2(1200.0, 2400.0))
            .build_ui_state(
                |ui, (cohort, form, gate, last): &mut State| {
                    let model = FacilitatorModel {
                        gate: *gate,
                        cohort,
                        results_dir: "results".into(),
                        unsaved: None,
                        detail: None,
                        plans: vec!["Day 1 (mpa-day1)".into()],
                        plan: None,
                        source: CohortSource::Folder,
                        reading: false,
                        lrs_set: false,
                        sending: None,
                    };
                    if let Some(a) = facilitator_view(ui, &model, form) {
                        *last = Some(a);
                    }
                },
                (cohort, FacilitatorForm::default(), gate, None),
            )
    }

    #[test]
    fn the_item_view_puts_a_mis_graded_decision_first_with_the_forms_reliability() {
        use mpa_trainer::report::cohort::Overdue;
        use mpa_trainer::report::items::{FormReliability, ItemAnalysis, ItemKind, ItemStat};
        use mpa_trainer::scenario::model::AssessmentForm;
        let dir = results();
        let library = fixture_library();
        let mut cohort = Cohort::load(&dir.path().join("results"), Some(&library));
        let stat = |id: &str, r: f64, prefer: Option<usize>| ItemStat {
            kind: ItemKind::Decision,
            scenario: "paria".into(),
            id: id.into(),
            sessions: 40,
            difficulty: 0.5,
            point_biserial: Some(r),
            upper_lower: Some(r),
            strong_prefer: prefer,
            few: false,
        };
        // The sound item comes first as written; the view must put the mis-graded one first.
        cohort.items = ItemAnalysis {
            items: vec![stat("q2", 0.61, None), stat("q1", -0.72, Some(1))],
            forms: vec![FormReliability {
                scenario: "assessment-post".into(),
                form: AssessmentForm::Post,
                sessions: 40,
                items: 9,
                kr20: Some(0.71),
                few: false,
            }],
        };
        cohort.overdue = vec![Overdue {
            participant: "T09".into(),
            topics: 3,
            delayed_form: true,
        }];
        let mut h = harness(cohort, Gate::Open);
        h.run();
        h.get_by_label("Items: which decisions tell strong trainees from weak");
        h.get_by_label("assessment-post: KR-20 reliability 0.71 over 9 items and 40 sessions");
        let flag = h.get_by_label("strong trainees prefer choice 2: check its grade");
        let first = h.get_by_label("decision q1");
        let second = h.get_by_label("decision q2");
        assert!(
            first.rect().top() < second.rect().top(),
            "the mis-graded item is listed first"
        );
        assert!(
            (flag.rect().center().y - first.rect().center().y).abs() < 4.0,
            "the flag is on q1's row"
        );
        h.get_by_label("T09: 3 topics due for review; the delayed assessment is due");
    }

    #[test]
    fn the_cohort_table_charts_and_a_session_s_debrief() {
        let dir = results();
        let library = fixture_library();
        let cohort = Cohort::load(&dir.path().join("results"), Some(&library));
        assert_eq!(cohort.rows.len(), 2);
        let mut h = harness(cohort, Gate::Open);
        h.run();
        h.get_by_label("2 of 2 sessions");
        h.get_by_label("passed");
        h.get_by_label("not passed");
        h.get_by_label("Which indicators the group detects (lowest first)");
        h.get_by_label("Choices at each decision point");
        h.get_by_label("Principles most breached");
        h.get_by_label("1. Confidentiality: 1");
        h.get_by_label("2. Do no harm: 1");
        // Filtering by mode leaves nothing in practice mode.
        h.get_by_label("practice").click();
        h.run();
        h.get_by_label("0 of 2 sessions");
        h.get_by_label("all").click();
        h.run();
        // Filtering by language: both sessions were played in English.
        h.get_by_label("Español").click();
        h.run();
        h.get_by_label("0 of 2 sessions");
        h.get_by_label("English").click();
        h.run();
        h.get_by_label("2 of 2 sessions");
        h.get_by_label("any language").click();
        h.run();
        // Clicking a participant asks for that session's debrief.
        h.get_by_label("T02").click();
        h.run();
        let Some(FacilitatorAction::OpenSession(path)) = h.state().3.clone() else {
            panic!("{:?}", h.state().3)
        };
        let debrief = replayed_debrief(&replay_session(&path, &library).unwrap());
        assert_eq!(debrief.participant, "T02");
        assert!(!debrief.passed);
        // The critical choice, then the ending that left Ana without protection.
        assert_eq!(debrief.critical.len(), 2);
        // The facilitator sees the session's path on the map, as the trainee did.
        let map = debrief.map.as_ref().unwrap();
        assert_eq!(map.taken.len(), 2);
        assert!(!map.best.is_empty());
        h.get_by_label("Export CSV").click();
        h.run();
        assert_eq!(h.state().3, Some(FacilitatorAction::ExportCsv));
        h.get_by_label("Day 1 (mpa-day1)").click();
        h.run();
        assert_eq!(
            h.state().3,
            Some(FacilitatorAction::ChoosePlan(Some(
                "Day 1 (mpa-day1)".into()
            )))
        );
        // The LRS: typed in the form, saved by a button; reading from it needs one set.
        h.get_by_label("Learning record store (xAPI)");
        h.get_by_label("Save the LRS settings").click();
        h.run();
        assert_eq!(h.state().3, Some(FacilitatorAction::SaveLrs));
        use egui_kittest::kittest::NodeT;
        assert!(h.get_by_label("the LRS").accesskit_node().is_disabled());
    }

    #[test]
    fn the_gate_asks_for_a_new_passphrase_twice_then_for_the_passphrase() {
        let mut h = harness(Cohort::default(), Gate::NotSet);
        h.run();
        h.get_by_label_contains("Only a salted hash of it is kept");
        h.get_by_label("Set the passphrase").click();
        h.run();
        assert_eq!(h.state().3, Some(FacilitatorAction::SetPassphrase));
        h.state_mut().2 = Gate::Locked;
        h.run();
        h.get_by_label("Enter the facilitator passphrase:");
        assert!(h.query_by_label("2 of 2 sessions").is_none());
        h.get_by_label("Open").click();
        h.run();
        assert_eq!(h.state().3, Some(FacilitatorAction::Unlock));
    }
}

#[test]
fn the_debrief_lists_factors_by_level_and_names_a_harmed_ending() {
    use mpa_trainer::engine::Action::*;
    let p = playable_from(include_str!("../fixtures/endings-v2.ron"));
    let debrief = |actions: &[mpa_trainer::engine::Action]| {
        let (s, _) =
            Session::replay(std::sync::Arc::clone(&p), 3, Rules::CURRENT, actions).unwrap();
        DebriefModel::of(&s, &Score::of(&s), "T09", Mode::Workshop, false)
    };
    let show = |model: DebriefModel| {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1000.0, 4000.0))
            .build_ui_state(
                |ui, m: &mut DebriefModel| {
                    debrief_view(ui, m);
                },
                model,
            );
        h.run();
        h
    };
    // The factor noted, in its level and kind, with what the scene showed.
    let h = show(debrief(&[Flag("language".into()), Choose(4)]));
    h.get_by_label("Vulnerability factors: you noted 1 of 1");
    h.get_by_label("Individual: risk factors");
    h.get_by_label("Noted Does not speak the local language: She speaks no English.");
    h.get_by_label("Ending: Her choice");
    assert!(
        h.query_by_label("Critical errors (each one fails the scenario)")
            .is_none()
    );
    // The harmed ending is a critical error named with the ending, explained by its text.
    let h = show(debrief(&[Choose(2)]));
    h.get_by_label("Critical errors (each one fails the scenario)");
    h.get_by_label("The encounter ended in harm: Held");
    h.get_by_label("Not noted Does not speak the local language: She speaks no English.");
}

#[test]
fn a_withheld_debrief_shows_the_score_and_no_answer() {
    use mpa_trainer::engine::Action::*;
    let (s, _) = Session::replay(
        paria(),
        3,
        Rules::CURRENT,
        &[
            Flag("has_phone".into()),
            Choose(0),
            Choose(2),
            Refer(vec!["ctu".into()]),
            Classify("smuggling".into()),
        ],
    )
    .unwrap();
    let mut model = DebriefModel::of(&s, &Score::of(&s), "T11", Mode::Workshop, false);
    model.withhold_items();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 3000.0))
        .build_ui_state(
            |ui, m: &mut DebriefModel| {
                debrief_view(ui, m);
            },
            model,
        );
    h.run();
    h.get_by_label_contains("Its answers and feedback are shown after you have taken");
    h.get_by_label_contains("Not passed:");
    h.get_by_label("Your score by competency");
    // No step, no feedback, no observation note, no ending, no right answer.
    for hidden in [
        "Your path, step by step",
        "Separating her from a possible controller comes first.",
        "A phone does not rule out control: it may be monitored.",
        "Ending: Ana is safe",
        "Record it as Trafficking in persons",
    ] {
        assert!(h.query_by_label_contains(hidden).is_none(), "{hidden}");
    }
}

mod stage {
    //! The place and people beside or above the text, from the smallest window to the largest.
    use super::*;
    use mpa_trainer::app::art::{ArtKey, draw_file};
    use mpa_trainer::app::views::play::{Figure, StageModel};
    use mpa_trainer::scenario::model::{Face, Place};
    use std::path::Path;

    const ALT: &str = "Inside a dim bar at night. Ana stands by a table, looking afraid.";

    /// The play screen of the contract's example, with a picture drawn from the shipped art, in
    /// a window of `size` pixels with text enlarged `zoom` times (so `size / zoom` points).
    fn harness(size: egui::Vec2, zoom: f32) -> Harness<'static, (PlayModel, PlayForm)> {
        let (session, _) = Session::start(paria(), 11);
        let model = PlayModel::of(&session, Mode::Workshop);
        let mut h = Harness::builder()
            .with_size(size / zoom)
            .with_pixels_per_point(zoom)
            .build_ui_state(
                |ui, (model, form): &mut (PlayModel, PlayForm)| {
                    let _ = play_view(ui, model, form);
                },
                (model, PlayForm::default()),
            );
        let load = |key: ArtKey, width| {
            let image = draw_file(Path::new("assets"), &key, width).unwrap();
            // The shipped art is drawn, not blank: most of a backdrop, some of a person.
            let opaque = image.pixels.iter().filter(|p| p.a() > 0).count();
            assert!(opaque * 10 > image.pixels.len(), "{key:?} is blank");
            h.ctx
                .load_texture(key.file(), image, egui::TextureOptions::LINEAR)
                .id()
        };
        let place = load(ArtKey::Place(Place::Bar), 640);
        let ana = load(
            ArtKey::Person {
                look: "migrant-f-young-1".to_owned(),
                face: Face::Afraid,
            },
            256,
        );
        let before = load(
            ArtKey::Person {
                look: "migrant-f-young-1".to_owned(),
                face: Face::Wary,
            },
            256,
        );
        h.state_mut().0.stage = Some(StageModel {
            place: Some(place),
            people: vec![Figure {
                name: "Ana".to_owned(),
                face: Face::Afraid,
                texture: Some(ana),
                fading: Some((before, 0.5)),
            }],
            alt: ALT.to_owned(),
        });
        h.run();
        h
    }

    /// The picture's and the scene text's rectangles.
    fn rects(h: &Harness<'_, (PlayModel, PlayForm)>) -> (egui::Rect, egui::Rect) {
        let text = h.state().0.text.clone();
        let picture = h.get_by_label(ALT).rect();
        let words = h.get_by_label(&text).rect();
        (picture, words)
    }

    #[test]
    fn on_a_wide_window_the_picture_stands_beside_the_text() {
        for (size, zoom) in [
            (egui::vec2(1024.0, 600.0), 1.0),
            (egui::vec2(1366.0, 768.0), 1.0),
            (egui::vec2(1920.0, 1080.0), 1.0),
            (egui::vec2(1920.0, 1080.0), 1.5),
        ] {
            let h = harness(size, zoom);
            let (picture, words) = rects(&h);
            let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size / zoom);
            assert!(
                window.contains_rect(picture),
                "{size:?}: {picture:?} outside"
            );
            assert!(
                picture.left() >= words.right(),
                "{size:?}: beside: {picture:?} {words:?}"
            );
            assert!(
                picture.width() > 0.3 * window.width(),
                "{size:?}: uses the window: {picture:?}"
            );
            // No line of text or button of the scene runs under the picture.
            for role in [egui::accesskit::Role::Label, egui::accesskit::Role::Button] {
                for node in h.query_all_by_role(role) {
                    let r = node.rect();
                    assert!(
                        r.left() >= picture.left() || r.right() <= picture.left() + 1.0,
                        "{size:?}: a {role:?} at {r:?} runs under the picture at {picture:?}"
                    );
                }
            }
            // The names of the people are under the picture.
            assert!(h.get_by_label("Ana").rect().top() >= picture.bottom() - 1.0);
        }
    }

    #[test]
    fn on_a_narrow_window_or_large_text_the_picture_stands_above_the_text() {
        for (size, zoom) in [
            (egui::vec2(800.0, 1000.0), 1.0),
            (egui::vec2(1024.0, 600.0), 2.0),
        ] {
            let h = harness(size, zoom);
            let (picture, words) = rects(&h);
            assert!(
                picture.bottom() <= words.top(),
                "{size:?}: above: {picture:?} {words:?}"
            );
            assert!(
                picture.height() <= 0.36 * size.y / zoom,
                "{size:?}: leaves room to read"
            );
        }
    }
}

#[test]
fn the_path_map_shows_the_path_over_the_best_one_and_a_click_gives_the_feedback() {
    use mpa_trainer::scenario::model::{Grade, Outcome};
    let mut h = played_critically();
    let map = h.state().debrief.clone().unwrap().map.unwrap();
    // The trainee's two scenes, the harmful decision coloured as such.
    assert_eq!(map.taken.len(), 2);
    assert_eq!(map.taken[0].grade, Some(Grade::Harmful));
    assert_eq!(map.taken[0].to, map.taken[1].from);
    // The best path runs from the start to a protecting ending, by another way.
    let (start, _) = map.best[0];
    assert_eq!(map.taken[0].from, start);
    let (_, end) = *map.best.last().unwrap();
    assert_eq!(map.scenes[end].outcome, Some(Outcome::Protected));
    assert_ne!(map.best[0].1, map.taken[0].to);
    // Every scene has a place: columns from the start, no two in one spot.
    assert_eq!(map.scenes[start].column, 0);
    let mut spots: Vec<(usize, usize)> = map.scenes.iter().map(|s| (s.column, s.row)).collect();
    spots.sort();
    spots.dedup();
    assert_eq!(spots.len(), map.scenes.len());

    h.get_by_label("Your path on the map");
    h.get_by_label("Click a step of your path to see its feedback.");
    assert_eq!(
        h.get_all_by_label("The manager hears everything.").count(),
        2
    );
    click(&mut h, "Step 1: ");
    assert!(
        h.query_by_label("Click a step of your path to see its feedback.")
            .is_none()
    );
    // The feedback, now also under the map.
    assert_eq!(
        h.get_all_by_label("The manager hears everything.").count(),
        3
    );
}

#[test]
fn a_withheld_debrief_has_no_map() {
    let h = played_critically();
    let mut d = h.state().debrief.clone().unwrap();
    assert!(d.map.is_some());
    d.withhold_items();
    assert!(d.map.is_none(), "the best path would give the answers away");
}
