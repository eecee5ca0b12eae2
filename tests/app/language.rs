//! The app in Spanish: the start screen's language switch, a scene of a translated scenario, and
//! a session played in Spanish end to end, recorded with its language and scored as in English.

use crate::common::*;
use crate::views::start_screen_in;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mpa_trainer::app::course::CourseSource;
use mpa_trainer::app::flow::{Act, Active, Begin, FixedSeed, StartScenario};
use mpa_trainer::app::settings::Settings;
use mpa_trainer::app::views::play::{PlayForm, PlayModel, play_view};
use mpa_trainer::app::views::start::StartAction;
use mpa_trainer::app::words::set_lang;
use mpa_trainer::app::{ResultsDir, Screen};
use mpa_trainer::engine::Score;
use mpa_trainer::engine::session::Session;
use mpa_trainer::i18n::Lang;
use mpa_trainer::record::{Mode, read_session};
use mpa_trainer::scenario::translate::{hash, scenario_texts};
use mpa_trainer::scenario::{Library, LoadOptions};
use std::path::PathBuf;

#[test]
fn the_start_screen_speaks_spanish_and_switches_back() {
    let mut h = start_screen_in(Lang::Es);
    h.get_by_label("Protección y Asistencia a Migrantes: escenarios de práctica");
    h.get_by_label("Taller: la retroalimentación llega en el repaso final");
    // A wrong code is explained in Spanish.
    h.get_by_label("Empezar").click();
    h.run();
    h.get_by_label(
        "Un código de participante tiene de 1 a 32 letras, cifras, - o _ (sin espacios): por \
         ejemplo T07.",
    );
    assert!(
        h.query_by_label("Start").is_none(),
        "no English button left"
    );
    // Each language is offered under its own name; choosing English says so.
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().1, Some(StartAction::Language(Lang::En)));
    // In English, the same screen in English.
    let h = start_screen_in(Lang::En);
    h.get_by_label("Start");
    h.get_by_label("Español");
}

/// The shipped course, with its Spanish translations.
fn shipped() -> Library {
    Library::load(&[PathBuf::from("scenarios")], &LoadOptions::default()).unwrap()
}

#[test]
fn a_scene_of_a_translated_scenario_is_shown_in_spanish() {
    let library = shipped();
    let es = library.find_in("bar-worker", "es").unwrap().clone();
    let (session, _) = Session::start(es, 3);
    let model = PlayModel::of(&session, Mode::Practice);
    let text = model.text.clone();
    assert!(text.contains("Couva"), "{text}");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_ui_state(
            |ui, (model, form): &mut (PlayModel, PlayForm)| {
                let _ = play_view(ui, model, form);
            },
            (model, PlayForm::default()),
        );
    set_lang(&h.ctx, Lang::Es);
    h.run();
    h.get_by_label(&text);
    h.get_by_label("Narrador");
    // The scene's first choice, in Spanish, as the translation has it.
    let first_choice = &library
        .find_in("bar-worker", "es")
        .unwrap()
        .scenario
        .scenes
        .0[0];
    let mpa_trainer::scenario::model::SceneKind::Scene(scene) = &first_choice.1 else {
        panic!("the first scene is a Scene");
    };
    assert!(
        h.query_all_by_label_contains(&scene.choices[0].text)
            .next()
            .is_some()
    );
}

/// A course of the contract's example with a complete Spanish translation of it.
fn translated_course() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy("tests/fixtures/paria.ron", root.join("paria.ron")).unwrap();
    std::fs::copy("tests/fixtures/catalogue.ron", root.join("catalogue.ron")).unwrap();
    let mut text = String::from("Translation(\n    texts: {\n");
    for (k, v) in scenario_texts(&paria().scenario) {
        text.push_str(&format!(
            "        {k:?}: ({:?}, {:?}),\n",
            hash(&v),
            format!("ES {v}")
        ));
    }
    text.push_str("    },\n)\n");
    std::fs::write(root.join("paria.es.ron"), text).unwrap();
    dir
}

fn trainer(course: &std::path::Path, results: &std::path::Path, lang: Lang) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(CourseSource {
            scenarios: course.to_path_buf(),
            options: LoadOptions {
                catalogue: course.join("catalogue.ron"),
                assets: None,
                ..LoadOptions::default()
            },
            plans: PathBuf::from("tests/fixtures/plans"),
        })
        .insert_resource(ResultsDir(results.to_path_buf()))
        .insert_resource(FixedSeed(Some(5)))
        .insert_resource(Settings {
            language: lang,
            ..Settings::default()
        })
        .insert_resource(mpa_trainer::app::flow::ActivePlan(None))
        .insert_resource(mpa_trainer::app::flow::PlanMemory(None))
        .add_plugins(mpa_trainer::app::plugin);
    app.update();
    app
}

/// Plays the fixture's best path in a language; the score and the session's record.
fn play_in(lang: Lang) -> (Score, String, String) {
    let course = translated_course();
    let results = tempfile::tempdir().unwrap();
    let mut app = trainer(course.path(), results.path(), lang);
    app.world_mut().trigger(Begin {
        participant: "T07".to_owned(),
        mode: Mode::Workshop,
    });
    app.update();
    app.world_mut()
        .trigger(StartScenario("bar-worker".to_owned()));
    app.update();
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Play);
    let title = app
        .world()
        .resource::<Active>()
        .0
        .as_ref()
        .unwrap()
        .session
        .playable()
        .scenario
        .title
        .clone();
    for a in crate::flow::best_path() {
        app.world_mut().trigger(Act(a));
        app.update();
    }
    let files = mpa_trainer::record::index::session_files(results.path());
    assert_eq!(files.len(), 1);
    let log = read_session(&files[0]).unwrap();
    let started = log.started().unwrap().clone();
    let score = log.finished().unwrap().score.clone();
    (score, started.language, title)
}

#[test]
fn a_session_in_spanish_is_recorded_as_spanish_and_scores_as_in_english() {
    let (es_score, es_lang, es_title) = play_in(Lang::Es);
    let (en_score, en_lang, en_title) = play_in(Lang::En);
    assert_eq!(es_lang, "es");
    assert_eq!(en_lang, "en");
    assert!(es_title.starts_with("ES "), "{es_title}");
    assert!(!en_title.starts_with("ES "), "{en_title}");
    assert_eq!(es_score, en_score);
    assert!(es_score.passed);
}
