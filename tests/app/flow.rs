//! The screen flow without a window: MinimalPlugins, StatesPlugin and the app's plugin, driven by
//! the same events the screens trigger.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use mpa_trainer::app::course::{Course, CourseSource};
use mpa_trainer::app::flow::{
    Act, Active, AfterDebrief, Begin, FixedSeed, LastDebrief, Leave, Resume, StartScenario,
    StoreMaker, Unsaved,
};
use mpa_trainer::app::{ResultsDir, Screen};
use mpa_trainer::engine::Action;
use mpa_trainer::record::store::Store;
use mpa_trainer::record::{Mode, read_session};
use mpa_trainer::scenario::LoadOptions;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A test's app and its temporary results folder.
struct Trainer {
    app: App,
    results: tempfile::TempDir,
}

/// Helpers that read like what a trainee does.
trait AppExt {
    fn screen(&self) -> Screen;
    fn send(&mut self, event: impl Event<Trigger<'static>: Default> + 'static);
    fn act(&mut self, action: Action);
}

impl AppExt for App {
    fn screen(&self) -> Screen {
        *self.world().resource::<State<Screen>>().get()
    }

    fn send(&mut self, event: impl Event<Trigger<'static>: Default> + 'static) {
        self.world_mut().trigger(event);
        self.update();
    }

    fn act(&mut self, action: Action) {
        self.send(Act(action));
    }
}

fn trainer_with(store: Option<StoreMaker>) -> Trainer {
    let results = tempfile::tempdir().unwrap();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(CourseSource {
            scenarios: PathBuf::from("tests/fixtures/paria.ron"),
            options: LoadOptions {
                catalogue: PathBuf::from("tests/fixtures/catalogue.ron"),
                assets: None,
                ..LoadOptions::default()
            },
            plans: PathBuf::from("tests/fixtures/plans"),
        })
        .insert_resource(ResultsDir(results.path().to_path_buf()))
        .insert_resource(FixedSeed(Some(5)))
        .insert_resource(mpa_trainer::app::flow::ActivePlan(None))
        .insert_resource(mpa_trainer::app::flow::PlanMemory(None))
        .add_plugins(mpa_trainer::app::plugin);
    if let Some(s) = store {
        app.insert_resource(s);
    }
    app.update();
    Trainer { app, results }
}

fn trainer() -> Trainer {
    trainer_with(None)
}

fn begin(app: &mut App) {
    app.send(Begin {
        participant: "T07".to_owned(),
        mode: Mode::Workshop,
    });
}

fn session_files(dir: &std::path::Path) -> Vec<PathBuf> {
    mpa_trainer::record::index::session_files(dir)
}

/// The fixture's best path.
pub fn best_path() -> Vec<Action> {
    vec![
        Action::Flag("manager_answers".into()),
        Action::Choose(0),
        Action::Flag("no_passport".into()),
        Action::Choose(0),
        Action::Choose(1),
        Action::Flag("growing_debt".into()),
        Action::Choose(0),
        Action::Choose(2),
        Action::Refer(vec!["ctu".into(), "shelter".into(), "medical".into()]),
        Action::Classify("trafficking".into()),
    ]
}

#[test]
fn start_select_play_debrief_and_the_record_on_disk() {
    let Trainer { mut app, results } = trainer();
    assert_eq!(app.screen(), Screen::Start);
    assert_eq!(
        app.world().resource::<Course>().library.playable().count(),
        1
    );
    begin(&mut app);
    assert_eq!(app.screen(), Screen::Select);
    app.send(StartScenario("bar-worker".into()));
    assert_eq!(app.screen(), Screen::Play);
    for a in best_path() {
        app.act(a);
    }
    assert_eq!(app.screen(), Screen::Debrief);
    let debrief = app.world().resource::<LastDebrief>().model.clone().unwrap();
    assert!(debrief.passed);
    assert!((debrief.scaled - 1.0).abs() < 1e-9);

    // One file, readable by its owner only, holding every event and the score.
    let files = session_files(results.path());
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let log = read_session(&files[0]).unwrap();
    assert!(log.problems.is_empty(), "{:?}", log.problems);
    let started = log.started().unwrap();
    assert_eq!(
        (
            started.participant.as_str(),
            started.scenario.as_str(),
            started.seed
        ),
        ("T07", "bar-worker", 5)
    );
    assert_eq!(started.mode, Mode::Workshop);
    assert_eq!(started.scenario_hash.len(), 64);
    assert_eq!(log.actions(), {
        let mut a = best_path();
        a[8] = Action::Refer(vec!["ctu".into(), "shelter".into(), "medical".into()]);
        a
    });
    assert!(log.finished().unwrap().score.passed);

    // Play again starts a new session of the same scenario.
    app.send(AfterDebrief::Replay);
    assert_eq!(app.screen(), Screen::Play);
    assert_eq!(session_files(results.path()).len(), 2);
}

#[test]
fn a_left_session_is_resumed_from_its_log_and_seed() {
    let Trainer { mut app, results } = trainer();
    begin(&mut app);
    app.send(StartScenario("bar-worker".into()));
    let path = best_path();
    for a in &path[..5] {
        app.act(a.clone());
    }
    app.send(Leave);
    assert_eq!(app.screen(), Screen::Select);
    assert!(app.world().resource::<Active>().0.is_none());

    let interrupted = mpa_trainer::record::index::interrupted(results.path(), "T07");
    assert_eq!(interrupted.len(), 1);
    assert_eq!(interrupted[0].actions, 5);
    app.send(Resume(interrupted[0].path.clone()));
    assert_eq!(app.screen(), Screen::Play);
    {
        let active = app.world().resource::<Active>();
        let session = &active.0.as_ref().unwrap().session;
        assert_eq!(session.seed(), 5);
        assert_eq!(session.actions().len(), 5);
        assert_eq!(
            session.playable().scenario.scene_id(session.current()),
            "debt"
        );
    }
    for a in &path[5..] {
        app.act(a.clone());
    }
    assert_eq!(app.screen(), Screen::Debrief);
    // Still one file: the resumed session carried on in it.
    let files = session_files(results.path());
    assert_eq!(files.len(), 1);
    let log = read_session(&files[0]).unwrap();
    assert_eq!(log.actions(), path);
    assert!(log.finished().unwrap().score.passed);
    assert!(mpa_trainer::record::index::interrupted(results.path(), "T07").is_empty());
}

/// Makes every new session's store fail with a full disk while `fault` is set.
fn faulty_stores(fault: &Fault) -> StoreMaker {
    let fault = Arc::clone(fault);
    StoreMaker(Arc::new(move || {
        let (mut store, _) = crate::common::Faulty::new();
        store.fault = Arc::clone(&fault);
        Box::new(store) as Box<dyn Store>
    }))
}

type Fault = Arc<std::sync::Mutex<Option<std::io::ErrorKind>>>;

fn full(fault: &Fault, on: bool) {
    *fault.lock().unwrap() = on.then_some(std::io::ErrorKind::StorageFull);
}

#[test]
fn a_full_disk_is_told_the_session_goes_on_and_is_saved_when_the_disk_works_again() {
    let fault = Fault::default();
    let Trainer { mut app, results } = trainer_with(Some(faulty_stores(&fault)));
    begin(&mut app);
    app.send(StartScenario("bar-worker".into()));
    let path = best_path();
    app.act(path[0].clone());
    full(&fault, true);
    for a in &path[1..6] {
        app.act(a.clone());
    }
    // The trainee is told, and plays on.
    let problem = mpa_trainer::app::flow::save_problem(
        app.world().resource::<Active>(),
        app.world().resource::<Unsaved>(),
        mpa_trainer::i18n::words(mpa_trainer::i18n::Lang::En),
    )
    .unwrap();
    assert!(problem.contains("the disk is full"), "{problem}");
    assert!(problem.contains("Nothing is lost"));
    for a in &path[6..] {
        app.act(a.clone());
    }
    assert_eq!(app.screen(), Screen::Debrief);
    assert_eq!(app.world().resource::<Unsaved>().0.len(), 1);
    // The disk works again: the next retry saves everything.
    full(&fault, false);
    app.send(mpa_trainer::app::flow::RetrySave);
    assert!(app.world().resource::<Unsaved>().0.is_empty());
    let log = read_session(&session_files(results.path())[0]).unwrap();
    assert_eq!(log.actions(), path);
    assert!(log.finished().unwrap().score.passed);
}

#[test]
fn the_facilitator_can_move_unsaved_sessions_to_another_folder() {
    let fault = Fault::default();
    full(&fault, true);
    let Trainer { mut app, results } = trainer_with(Some(faulty_stores(&fault)));
    begin(&mut app);
    app.send(StartScenario("bar-worker".into()));
    for a in best_path() {
        app.act(a);
    }
    assert_eq!(session_files(results.path()).len(), 0);
    let elsewhere = tempfile::tempdir().unwrap();
    full(&fault, false);
    app.send(mpa_trainer::app::flow::ChangeResultsDir(
        elsewhere.path().to_path_buf(),
    ));
    assert!(app.world().resource::<Unsaved>().0.is_empty());
    let files = session_files(elsewhere.path());
    assert_eq!(files.len(), 1);
    assert!(
        read_session(&files[0])
            .unwrap()
            .finished()
            .unwrap()
            .score
            .passed
    );
    assert_eq!(app.world().resource::<ResultsDir>().0, elsewhere.path());
}

#[test]
fn next_scenario_follows_the_list_and_a_missing_one_is_a_notice() {
    let Trainer { mut app, .. } = trainer();
    begin(&mut app);
    app.send(StartScenario("nope".into()));
    assert_eq!(app.screen(), Screen::Select);
    let notice = app
        .world()
        .resource::<mpa_trainer::app::flow::FlowNotice>()
        .0
        .clone()
        .unwrap();
    assert!(notice.contains("\"nope\" is not available"));
}

#[test]
fn a_saved_scenario_reloads_and_a_session_in_progress_keeps_its_version() {
    let course = tempfile::tempdir().unwrap();
    let scenarios = course.path().join("scenarios");
    std::fs::create_dir_all(&scenarios).unwrap();
    std::fs::copy(
        "tests/fixtures/catalogue.ron",
        scenarios.join("catalogue.ron"),
    )
    .unwrap();
    let original = std::fs::read_to_string("tests/fixtures/paria.ron").unwrap();
    std::fs::write(scenarios.join("paria.ron"), &original).unwrap();
    let source = CourseSource {
        scenarios: scenarios.clone(),
        options: LoadOptions::for_catalogue(&scenarios.join("catalogue.ron")),
        plans: course.path().join("plans"),
    };
    let woke = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&woke);
    let reloads =
        mpa_trainer::app::course::watch(source.clone(), move || flag.store(true, Ordering::SeqCst));

    let Trainer { mut app, .. } = trainer();
    app.insert_resource(source);
    app.world_mut().run_schedule(PreStartup); // load the temporary course
    app.insert_resource(reloads);
    begin(&mut app);
    app.send(StartScenario("bar-worker".into()));
    let path = best_path();
    for a in &path[..4] {
        app.act(a.clone());
    }

    // The author saves a changed title, and a new file with a mistake in it.
    std::fs::write(
        scenarios.join("paria.ron"),
        original.replace("Closing time at the Paria Lounge", "Closing time, revised"),
    )
    .unwrap();
    std::fs::write(
        scenarios.join("broken.ron"),
        original
            .replace("id: \"bar-worker\"", "id: \"draft\"")
            .replace("next: \"classify\"", "next: \"clasify\""),
    )
    .unwrap();
    let started = std::time::Instant::now();
    while !woke.load(Ordering::SeqCst) && started.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        woke.load(Ordering::SeqCst),
        "the watcher did not wake the app"
    );
    app.update();
    {
        let course = app.world().resource::<Course>();
        assert_eq!(course.reloads, 1);
        assert_eq!(
            course.library.find("bar-worker").unwrap().scenario.title,
            "Closing time, revised"
        );
        let broken = course
            .library
            .entries
            .iter()
            .find(|e| e.path.ends_with("broken.ron"))
            .unwrap();
        assert!(broken.playable.is_none());
        assert!(
            broken
                .first_error()
                .unwrap()
                .message
                .contains("did you mean \"classify\"")
        );
        assert!(
            course
                .notice
                .as_ref()
                .unwrap()
                .contains("1 playable, 1 error"),
            "{:?}",
            course.notice
        );
        // The session in progress still plays the version it started with.
        let active = app.world().resource::<Active>();
        assert_eq!(
            active.0.as_ref().unwrap().session.playable().scenario.title,
            "Closing time at the Paria Lounge"
        );
    }
    for a in &path[4..] {
        app.act(a.clone());
    }
    assert_eq!(app.screen(), Screen::Debrief);
    assert!(
        app.world()
            .resource::<LastDebrief>()
            .model
            .as_ref()
            .unwrap()
            .passed
    );
}

#[test]
fn a_plan_shows_only_its_scenarios_sets_the_mode_and_is_recorded() {
    let Trainer { mut app, results } = trainer();
    let path = PathBuf::from("tests/fixtures/plans/practice.ron");
    let file = mpa_trainer::plan::PlanFile {
        plan: mpa_trainer::plan::read_plan(&path),
        path,
    };
    mpa_trainer::app::flow::choose_plan(app.world_mut(), Some(file));
    begin(&mut app); // asks for Workshop mode...
    assert_eq!(
        app.world().resource::<mpa_trainer::app::Trainee>().mode,
        Mode::Practice
    ); // ...the plan says Practice
    let list = mpa_trainer::app::flow::scenario_list(
        app.world().resource::<Course>(),
        app.world().resource::<mpa_trainer::app::flow::ActivePlan>(),
        mpa_trainer::i18n::Lang::En,
    );
    // The plan's scenario that is not in the course is left out.
    assert_eq!(
        list.iter().map(|p| p.id().to_owned()).collect::<Vec<_>>(),
        ["bar-worker"]
    );
    app.send(StartScenario("bar-worker".into()));
    let log = read_session(&session_files(results.path())[0]).unwrap();
    let started = log.started().unwrap();
    assert_eq!(started.plan.as_deref(), Some("fixture-practice"));
    assert_eq!(started.mode, Mode::Practice);
}

#[test]
fn closing_the_window_waits_for_an_answer_while_records_are_only_in_memory() {
    use bevy::window::{ClosingWindow, WindowCloseRequested};
    use mpa_trainer::app::chrome::CloseWaiting;
    let fault = Fault::default();
    let Trainer { mut app, .. } = trainer_with(Some(faulty_stores(&fault)));
    app.add_plugins(mpa_trainer::app::chrome::plugin);
    let window = app.world_mut().spawn_empty().id();
    begin(&mut app);
    app.send(StartScenario("bar-worker".into()));
    full(&fault, true);
    app.act(best_path()[0].clone());

    // Asked to close with a line only in memory: the window stays, the question is pending.
    app.world_mut()
        .write_message(WindowCloseRequested { window });
    app.update();
    app.update();
    assert_eq!(app.world().resource::<CloseWaiting>().0, Some(window));
    assert!(app.world().get_entity(window).is_ok());

    // Once everything is saved, closing goes ahead.
    full(&fault, false);
    app.send(mpa_trainer::app::flow::RetrySave);
    app.world_mut().resource_mut::<CloseWaiting>().0 = None;
    app.world_mut()
        .write_message(WindowCloseRequested { window });
    app.update();
    assert!(app.world().get::<ClosingWindow>(window).is_some());
    app.update();
    assert!(app.world().get_entity(window).is_err());
}
