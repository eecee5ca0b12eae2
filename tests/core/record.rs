//! The session record: each event on the disk before the next, a torn line skipped and the rest
//! read, nothing lost when the folder is read-only, full or deleted, a writer killed at random
//! moments, and fifty trainees writing into one folder at once.

use crate::common::*;
use mpa_trainer::engine::Score;
use mpa_trainer::engine::session::{Action, Event, Session};
use mpa_trainer::record::reader::parse_session;
use mpa_trainer::record::{self, FsStore, Mode, Recorder, SaveStatus, read_session};
use std::io::ErrorKind;
use std::path::Path;
use std::process::Command;
use time::OffsetDateTime;

fn header(participant: &str) -> record::SessionStarted {
    record::started(
        record::new_session_id(),
        participant,
        &paria(),
        Mode::Workshop,
        9,
        None,
    )
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Plays the fixture's best path through a recorder, returning the session and its events.
fn play_into(recorder: &mut Recorder, actions: &[Action]) -> (Session, Vec<Event>) {
    let (mut session, first) = Session::start(paria(), 9);
    let _ = recorder.append_events_at(&first, now());
    let mut all = first;
    for a in actions {
        let events = session.apply(a.clone()).unwrap();
        let _ = recorder.append_events_at(&events, now());
        all.extend(events);
    }
    (session, all)
}

fn best() -> Vec<Action> {
    use Action::*;
    vec![
        Flag("manager_answers".into()),
        Choose(0),
        Flag("no_passport".into()),
        Choose(0),
        Choose(1),
        Flag("growing_debt".into()),
        Choose(0),
        Choose(2),
        Refer(vec!["ctu".into(), "shelter".into(), "medical".into()]),
        Classify("trafficking".into()),
    ]
}

fn played_events(path: &Path) -> Vec<Event> {
    read_session(path)
        .unwrap()
        .lines
        .into_iter()
        .filter_map(|l| match l.body {
            record::Body::Play(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn each_event_is_in_the_file_before_the_next_action() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = Recorder::start(Box::new(FsStore::new()), dir.path(), header("T01"), now());
    let (mut session, _) = Session::start(paria(), 9);
    for a in best() {
        let events = session.apply(a).unwrap();
        r.append_events_at(&events, now()).unwrap();
        // Read back with a separate handle: everything so far is there.
        let on_disk = std::fs::read_to_string(r.path().unwrap()).unwrap();
        assert_eq!(on_disk.lines().count(), r.lines().len());
    }
    r.finish_at(&session, &Score::of(&session), now()).unwrap();
    let log = read_session(r.path().unwrap()).unwrap();
    assert_eq!(log.actions(), {
        let mut b = best();
        b[8] = Action::Refer(vec!["ctu".into(), "shelter".into(), "medical".into()]);
        b
    });
    assert_eq!(log.finished().unwrap().score, Score::of(&session));
    assert!(matches!(r.status(), SaveStatus::Saved { .. }));
}

#[test]
fn a_torn_tail_at_any_byte_loses_only_the_line_being_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = Recorder::start(Box::new(FsStore::new()), dir.path(), header("T01"), now());
    let (session, _) = play_into(&mut r, &best());
    r.finish_at(&session, &Score::of(&session), now()).unwrap();
    let bytes = std::fs::read(r.path().unwrap()).unwrap();
    let line_ends: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
        .collect();
    for cut in 0..=bytes.len() {
        let log = parse_session(Path::new("cut.jsonl"), &bytes[..cut]);
        let complete = line_ends.iter().filter(|&&e| e <= cut).count();
        assert_eq!(log.lines.len(), complete, "cut at {cut}");
        let torn = !line_ends.contains(&cut) && cut > 0;
        assert_eq!(
            log.problems.len(),
            usize::from(torn),
            "cut at {cut}: {:?}",
            log.problems
        );
        assert_eq!(
            log.good_len as usize,
            line_ends
                .iter()
                .filter(|&&e| e <= cut)
                .max()
                .copied()
                .unwrap_or(0)
        );
    }
}

/// Breaks the store with `kind` after the first action, plays on, mends it, and checks that the
/// file then holds the whole session and the trainee was told why it was not saved.
fn survives(kind: ErrorKind, words: &str, partial: usize) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, fault) = Faulty::new();
    store.partial = partial;
    let mut r = Recorder::start(Box::new(store), dir.path(), header("T02"), now());
    let (mut session, _) = Session::start(paria(), 9);
    let actions = best();
    r.append_events_at(&session.apply(actions[0].clone()).unwrap(), now())
        .unwrap();
    *fault.lock().unwrap() = Some(kind);
    for a in &actions[1..] {
        let err = r
            .append_events_at(&session.apply(a.clone()).unwrap(), now())
            .unwrap_err();
        assert!(err.to_string().contains(words), "{err}");
    }
    match r.status() {
        SaveStatus::Unsaved { lines, error } => {
            assert!(lines > 10);
            assert!(error.to_string().contains(words));
        }
        other => panic!("{other:?}"),
    }
    *fault.lock().unwrap() = None;
    r.finish_at(&session, &Score::of(&session), now()).unwrap();
    let log = read_session(r.path().unwrap()).unwrap();
    assert!(log.problems.is_empty(), "{:?}", log.problems);
    assert_eq!(log.lines.len(), r.lines().len());
    assert_eq!(log.actions().len(), actions.len());
    assert!(log.finished().unwrap().score.passed);
}

#[test]
fn a_read_only_folder_keeps_the_session_in_memory_until_it_can_be_saved() {
    survives(ErrorKind::PermissionDenied, "read-only", 0);
}

#[test]
fn a_full_disk_keeps_the_session_and_cuts_the_half_written_line_when_saving_again() {
    survives(ErrorKind::StorageFull, "the disk is full", 17);
}

#[test]
fn a_results_folder_deleted_while_recording_is_told_and_saved_again_whole() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("results");
    let mut r = Recorder::start(Box::new(FsStore::new()), &dir, header("T03"), now());
    let (mut session, _) = Session::start(paria(), 9);
    let actions = best();
    r.append_events_at(&session.apply(actions[0].clone()).unwrap(), now())
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let err = r
        .append_events_at(&session.apply(actions[1].clone()).unwrap(), now())
        .unwrap_err();
    assert!(err.to_string().contains("the folder is missing"), "{err}");
    // It does not recreate the folder by itself (it may be an unplugged drive)...
    for a in &actions[2..] {
        let _ = r.append_events_at(&session.apply(a.clone()).unwrap(), now());
    }
    assert!(!dir.exists());
    // ...but saves everything once the folder is back.
    std::fs::create_dir_all(&dir).unwrap();
    r.finish_at(&session, &Score::of(&session), now()).unwrap();
    let files = record::index::session_files(&dir);
    assert_eq!(files.len(), 1);
    let log = read_session(&files[0]).unwrap();
    assert_eq!(log.lines.len(), r.lines().len());
    assert_eq!(log.actions().len(), actions.len());
}

#[test]
fn a_results_path_that_is_a_file_is_refused_with_a_message_and_another_folder_can_be_chosen() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("results");
    std::fs::write(&file, "not a folder").unwrap();
    let mut r = Recorder::start(Box::new(FsStore::new()), &file, header("T04"), now());
    let (session, _) = play_into(&mut r, &best());
    let SaveStatus::Unsaved { error, .. } = r.status() else {
        panic!()
    };
    assert!(
        error.to_string().contains(&file.display().to_string()),
        "{error}"
    );
    let elsewhere = root.path().join("usb");
    r.relocate(&elsewhere).unwrap();
    r.finish_at(&session, &Score::of(&session), now()).unwrap();
    let files = record::index::session_files(&elsewhere);
    assert_eq!(
        read_session(&files[0]).unwrap().lines.len(),
        r.lines().len()
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_mpa-trainer")
}

/// A long script: flag and unflag the first observation many times, then the best path.
fn long_script(dir: &Path, participant: &str, toggles: usize) -> std::path::PathBuf {
    let mut actions = Vec::new();
    for _ in 0..toggles {
        actions.push("Flag(\"manager_answers\")".to_owned());
        actions.push("Unflag(\"manager_answers\")".to_owned());
    }
    actions.extend(
        [
            "Flag(\"manager_answers\")",
            "Choose(0)",
            "Flag(\"no_passport\")",
            "Choose(0)",
            "Choose(1)",
            "Choose(0)",
            "Choose(2)",
            "Refer([\"ctu\", \"shelter\", \"medical\"])",
            "Classify(\"trafficking\")",
        ]
        .map(str::to_owned),
    );
    let path = dir.join(format!("{participant}.ron"));
    std::fs::write(
        &path,
        format!(
            "Script(participant: \"{participant}\", seed: 4, actions: [{}])",
            actions.join(", ")
        ),
    )
    .unwrap();
    path
}

fn script_cmd(script: &Path, results: &Path) -> Command {
    let mut c = Command::new(bin());
    c.args(["script", "tests/fixtures/paria.ron"])
        .arg(script)
        .args(["--catalogue", "tests/fixtures/catalogue.ron", "--results"])
        .arg(results)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    c
}

#[test]
fn a_writer_killed_at_random_moments_loses_nothing_written_and_the_session_resumes() {
    let work = tempfile::tempdir().unwrap();
    let script_path = long_script(work.path(), "K01", 400);
    // The reference: the same script, run to the end.
    let reference_dir = work.path().join("reference");
    assert!(
        script_cmd(&script_path, &reference_dir)
            .status()
            .unwrap()
            .success()
    );
    let reference = played_events(&record::index::session_files(&reference_dir)[0]);
    let text = std::fs::read_to_string(&script_path).unwrap();
    let script: mpa_trainer::engine::script::Script =
        mpa_trainer::scenario::load::parse(&text).unwrap();

    // Kill after pseudo-random delays (a fixed sequence, so a failure can be replayed).
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut kills = 0;
    let mut cut_short = 0;
    for round in 0..60 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let delay = std::time::Duration::from_micros(2_000 + state % 150_000);
        let dir = work.path().join(format!("kill-{round}"));
        let mut child = script_cmd(&script_path, &dir).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        kills += 1;
        let files = record::index::session_files(&dir);
        let Some(file) = files.first() else { continue };
        let log = read_session(file).unwrap();
        // At most the line being written is lost.
        assert!(log.problems.len() <= 1, "{:?}", log.problems);
        let events = played_events(file);
        assert_eq!(
            &reference[..events.len()],
            &events[..],
            "round {round}: not a prefix"
        );
        if log.finished().is_some() {
            continue;
        }
        cut_short += 1;
        if log.lines.is_empty() {
            // Killed between creating the file and writing its first line: nothing was recorded,
            // so there is nothing to lose and nothing to resume.
            assert!(log.good_len == 0, "round {round}");
            continue;
        }
        // Resume: replay the recorded actions, then play the rest of the script.
        let playable = paria();
        let done = log.actions();
        let started = log.started().unwrap();
        let (mut session, _) =
            Session::replay(playable, started.seed, started.rules().unwrap(), &done).unwrap();
        for a in &script.actions[done.len()..] {
            session.apply(a.clone()).unwrap();
        }
        assert!(Score::of(&session).passed, "round {round}");
    }
    assert!(kills >= 50);
    assert!(
        cut_short >= 10,
        "only {cut_short} of {kills} kills interrupted the session"
    );
}

#[test]
fn fifty_trainees_writing_into_one_folder_at_once_clobber_nothing() {
    let work = tempfile::tempdir().unwrap();
    let results = work.path().join("shared");
    // Same participant code and scenario for all: the worst case for file names.
    let script_path = long_script(work.path(), "T50", 20);
    let children: Vec<_> = (0..50)
        .map(|_| script_cmd(&script_path, &results).spawn().unwrap())
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let files = record::index::session_files(&results);
    assert_eq!(files.len(), 50);
    let mut ids = std::collections::HashSet::new();
    for f in &files {
        let log = read_session(f).unwrap();
        assert!(log.problems.is_empty());
        assert!(log.finished().unwrap().score.passed);
        ids.insert(log.started().unwrap().session.clone());
    }
    assert_eq!(ids.len(), 50);
    let out = Command::new(bin())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .args(["report"])
        .arg(&results)
        .args(["--scenarios", "tests/fixtures"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("50 sessions by 1 participant: 50 complete, 50 passed"),
        "{text}"
    );
}

#[test]
fn the_participant_index_finds_interrupted_sessions_and_best_results() {
    let dir = tempfile::tempdir().unwrap();
    // A finished, passing session; a finished, failing one; an interrupted one.
    let mut a = Recorder::start(Box::new(FsStore::new()), dir.path(), header("T05"), now());
    let (s, _) = play_into(&mut a, &best());
    a.finish_at(&s, &Score::of(&s), now()).unwrap();
    let mut b = Recorder::start(Box::new(FsStore::new()), dir.path(), header("T05"), now());
    let (s, _) = play_into(&mut b, &[Action::Choose(1), Action::Choose(0)]);
    b.finish_at(&s, &Score::of(&s), now()).unwrap();
    let mut c = Recorder::start(Box::new(FsStore::new()), dir.path(), header("T05"), now());
    play_into(&mut c, &best()[..3]);
    // Someone else's session is not listed.
    let mut d = Recorder::start(Box::new(FsStore::new()), dir.path(), header("T055"), now());
    play_into(&mut d, &best()[..2]);

    let interrupted = record::index::interrupted(dir.path(), "T05");
    assert_eq!(interrupted.len(), 1);
    assert_eq!(interrupted[0].actions, 3);
    assert_eq!(interrupted[0].path, c.path().unwrap());
    let best_results = record::index::best_results(dir.path(), "T05", Mode::Workshop);
    assert_eq!(best_results.get("bar-worker"), Some(&(1.0, true)));
    assert!(record::index::best_results(dir.path(), "T05", Mode::Practice).is_empty());
}

#[test]
fn a_results_folder_that_cannot_be_created_is_told_and_tried_again() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("new");
    let (store, fault) = Faulty::new();
    *fault.lock().unwrap() = Some(ErrorKind::ReadOnlyFilesystem);
    let mut r = Recorder::start(Box::new(store), &dir, header("T06"), now());
    let SaveStatus::Unsaved { error, .. } = r.status() else {
        panic!()
    };
    assert!(
        error.to_string().contains("the disk is read-only"),
        "{error}"
    );
    let (mut session, first) = Session::start(paria(), 9);
    let err = r.append_events_at(&first, now()).unwrap_err();
    // Still the reason the folder failed, not a vaguer one.
    assert!(err.to_string().contains("the disk is read-only"), "{err}");
    for a in best() {
        let _ = r.append_events_at(&session.apply(a).unwrap(), now());
    }
    *fault.lock().unwrap() = None;
    r.finish_at(&session, &Score::of(&session), now()).unwrap();
    let files = record::index::session_files(&dir);
    assert_eq!(files.len(), 1);
    assert_eq!(
        read_session(&files[0]).unwrap().lines.len(),
        r.lines().len()
    );
}
