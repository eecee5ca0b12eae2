//! Sending to a learning record store and reading the cohort back, against an LRS kept in
//! memory here that behaves as xAPI says (a batch is stored whole or not at all; the same id
//! with the same content is harmless, with other content a conflict) and that can be switched
//! off, made to refuse the credentials, or made to fail. The real LRS is in tests/lrs/check.sh.

use crate::common::*;
use mpa_trainer::lrs::courier::Courier;
use mpa_trainer::lrs::outbox::{DeliveryError, Target, deliver, outbox_path};
use mpa_trainer::lrs::sync::{Backoff, sync_folder};
use mpa_trainer::lrs::{Lrs, LrsError, Page, Query, fetch_course};
use mpa_trainer::report::csv_export::cells;
use mpa_trainer::report::xapi::{Extent, rows_from_statements, statements};
use mpa_trainer::report::{Detail, Source, read_source, scan};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

const HOME: &str = "https://course.example.org/mpa";

/// How the LRS answers now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mood {
    Up,
    Down,
    WrongCredentials,
    Failing,
}

struct MemoryLrs {
    stored: Mutex<BTreeMap<String, Value>>,
    mood: Mutex<Mood>,
    posts: Mutex<usize>,
    /// Fail this many posts with a server error before answering again.
    failures_left: Mutex<usize>,
}

impl MemoryLrs {
    fn new() -> Self {
        MemoryLrs {
            stored: Mutex::new(BTreeMap::new()),
            mood: Mutex::new(Mood::Up),
            posts: Mutex::new(0),
            failures_left: Mutex::new(0),
        }
    }
    fn set(&self, mood: Mood) {
        *self.mood.lock().unwrap() = mood;
    }
    fn count(&self) -> usize {
        self.stored.lock().unwrap().len()
    }
    fn all(&self) -> Vec<Value> {
        self.stored.lock().unwrap().values().cloned().collect()
    }
    fn answer(&self) -> Result<(), LrsError> {
        let mut left = self.failures_left.lock().unwrap();
        if *left > 0 {
            *left -= 1;
            return Err(LrsError::Server(503, "busy".into()));
        }
        match *self.mood.lock().unwrap() {
            Mood::Up => Ok(()),
            Mood::Down => Err(LrsError::Unreachable("connection refused".into())),
            Mood::WrongCredentials => Err(LrsError::Unauthorized(401)),
            Mood::Failing => Err(LrsError::Server(500, "boom".into())),
        }
    }
}

impl Lrs for MemoryLrs {
    fn id(&self) -> String {
        "memory".to_owned()
    }

    fn post(&self, statements: &[Value]) -> Result<(), LrsError> {
        *self.posts.lock().unwrap() += 1;
        self.answer()?;
        let mut stored = self.stored.lock().unwrap();
        for s in statements {
            let id = s["id"].as_str().unwrap_or("");
            if stored.get(id).is_some_and(|old| old != s) {
                return Err(LrsError::Conflict(format!("{id} is conflicting")));
            }
        }
        for s in statements {
            stored.insert(s["id"].as_str().unwrap_or("").to_owned(), s.clone());
        }
        Ok(())
    }

    fn get(&self, query: &Query) -> Result<Page, LrsError> {
        self.answer()?;
        // Pages of 7, so paging is exercised.
        let all = self.all();
        let start = match query {
            Query::About { .. } => 0,
            Query::More(m) => m.parse().unwrap(),
        };
        let end = (start + 7).min(all.len());
        Ok(Page {
            statements: all[start..end].to_vec(),
            more: (end < all.len()).then(|| end.to_string()),
        })
    }
}

/// What the outbox of a session says, for the LRS kept here.
fn read_state(session: &Path) -> mpa_trainer::lrs::outbox::OutboxState {
    mpa_trainer::lrs::outbox::read_state(session, &Target::new("memory", HOME))
}

/// The outbox file of a session, for the LRS kept here.
fn outbox(session: &Path) -> std::path::PathBuf {
    outbox_path(session, &Target::new("memory", HOME))
}

/// A results folder with a passed, a failed and an unfinished session of the fixture.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    record_fixture_session(
        dir.path(),
        "T01",
        "Flag(\"manager_answers\"), Choose(0), Flag(\"no_passport\"), Choose(0), Choose(1), \
         Flag(\"growing_debt\"), Choose(0), Choose(2), Refer([\"ctu\", \"shelter\", \"medical\"]), \
         Classify(\"trafficking\")",
    );
    record_fixture_session(dir.path(), "T02", "Choose(1), Choose(0)");
    // Left unfinished: the program stopped before the session ended (no finishing line).
    record_fixture_session(dir.path(), "T03", "Flag(\"has_phone\"), Choose(0)");
    let t03 = session(dir.path(), "T03");
    let text = std::fs::read_to_string(&t03).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("\"session_finished\""))
        .collect();
    std::fs::write(&t03, kept.join("\n") + "\n").unwrap();
    dir
}

fn session(dir: &Path, participant: &str) -> std::path::PathBuf {
    mpa_trainer::record::index::session_files(dir)
        .into_iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(participant)
        })
        .unwrap()
}

fn csv_of_folder(dir: &Path) -> BTreeMap<String, Vec<String>> {
    let library = fixture_library();
    let mut out = BTreeMap::new();
    scan(dir, Detail::Full, Some(&library), |row, _| {
        out.insert(row.started.session.clone(), cells(&row));
    });
    out
}

#[test]
fn the_statements_of_a_folder_give_back_the_same_rows() {
    let dir = folder();
    let library = fixture_library();
    let mut all = Vec::new();
    scan(dir.path(), Detail::Full, Some(&library), |row, lines| {
        all.extend(statements(&row, &lines, Some(&library), HOME));
    });
    // Shuffled and repeated, as an LRS may hand them back.
    let mut shuffled: Vec<Value> = all.iter().rev().cloned().collect();
    shuffled.extend(all.iter().take(5).cloned());
    let (rows, unreadable) = rows_from_statements(&shuffled, HOME);
    assert!(unreadable.is_empty());
    let from_statements: BTreeMap<String, Vec<String>> = rows
        .iter()
        .map(|(row, _)| (row.started.session.clone(), cells(row)))
        .collect();
    assert_eq!(from_statements, csv_of_folder(dir.path()));
    // The decisions come back as record lines, for the choice charts.
    let decisions: usize = rows.iter().map(|(_, lines)| lines.len()).sum();
    assert_eq!(decisions, 4 + 1 + 1);
    // Statements of another course are left out.
    assert!(
        rows_from_statements(&all, "https://elsewhere.example.org")
            .0
            .is_empty()
    );
}

#[test]
fn a_session_is_delivered_once_and_a_second_delivery_sends_nothing() {
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    let path = session(dir.path(), "T01");
    let (first, result) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
    result.unwrap();
    assert_eq!(first.statements, 8);
    assert_eq!((first.sent, first.waiting), (8, 0));
    assert!(first.done);
    assert!(read_state(&path).done);
    let (second, result) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
    result.unwrap();
    assert_eq!(second.sent, 0);
    assert_eq!(lrs.count(), 8);
    // The outbox is readable by its owner only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(outbox(&path))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn offline_or_wrong_credentials_lose_nothing_and_it_sends_later() {
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    let path = session(dir.path(), "T02");
    for mood in [Mood::Down, Mood::WrongCredentials, Mood::Failing] {
        lrs.set(mood);
        let (d, result) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
        let e = result.unwrap_err();
        assert_eq!(
            e.lrs().unwrap().is_transient(),
            mood != Mood::WrongCredentials
        );
        assert_eq!((d.sent, d.waiting), (0, d.statements));
        assert!(read_state(&path).stored.is_empty());
    }
    lrs.set(Mood::Up);
    let (d, result) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
    result.unwrap();
    assert_eq!(d.sent, d.statements);
    assert_eq!(lrs.count(), d.statements);
}

/// Stores in the LRS another statement with the id of T01's second statement; T01's statements.
fn plant_a_conflict(dir: &Path, lrs: &MemoryLrs) -> Vec<Value> {
    let library = fixture_library();
    let mut rows = Vec::new();
    scan(dir, Detail::Full, Some(&library), |row, lines| {
        if row.started.participant == "T01" {
            rows = statements(&row, &lines, Some(&library), HOME);
        }
    });
    let mut other = rows[1].clone();
    other["timestamp"] = Value::from("2018-10-29T09:00:00.000Z");
    lrs.post(&[other]).unwrap();
    rows
}

#[test]
fn a_refused_statement_is_kept_aside_and_the_others_are_stored() {
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    let path = session(dir.path(), "T01");
    let rows = plant_a_conflict(dir.path(), &lrs);

    let (d, result) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
    result.unwrap();
    assert_eq!(d.sent, rows.len() - 1);
    assert_eq!(d.refused.len(), 1);
    assert_eq!(d.refused[0].id, rows[1]["id"].as_str().unwrap());
    assert_eq!(d.refused[0].status, 409);
    let state = read_state(&path);
    assert_eq!(state.refused.len(), 1);
    assert!(state.done);
    // Never sent again.
    let posts = *lrs.posts.lock().unwrap();
    let (again, _) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
    assert_eq!(again.sent, 0);
    assert_eq!(*lrs.posts.lock().unwrap(), posts);
}

#[test]
fn statements_sent_but_not_yet_noted_are_sent_again_harmlessly() {
    // A crash between the LRS's answer and the outbox's line: the outbox is lost.
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    let path = session(dir.path(), "T01");
    deliver(&path, &lrs, Some(&library), HOME, Extent::Settled)
        .1
        .unwrap();
    std::fs::remove_file(outbox(&path)).unwrap();
    let (d, result) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
    result.unwrap();
    assert_eq!(d.sent, 8);
    assert_eq!(lrs.count(), 8, "nothing twice");
    // A torn last line of the outbox is read past.
    let outbox = outbox(&path);
    let mut text = std::fs::read_to_string(&outbox).unwrap();
    text.push_str("{\"stored\":{\"ids\":[\"x");
    std::fs::write(&outbox, text).unwrap();
    assert_eq!(read_state(&path).stored.len(), 8);
}

#[test]
fn an_unfinished_session_is_suspended_with_its_score_and_read_back_as_unfinished() {
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    let path = session(dir.path(), "T03");
    // While it is being played only settled statements go; a folder's sync adds the suspension.
    let (live, _) = deliver(&path, &lrs, Some(&library), HOME, Extent::Settled);
    assert_eq!(live.statements, 2);
    assert!(!live.done);
    let (synced, _) = deliver(&path, &lrs, Some(&library), HOME, Extent::WithSuspension);
    assert_eq!(synced.sent, 1);
    let verbs: Vec<String> = lrs
        .all()
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap().to_owned())
        .collect();
    assert!(verbs.contains(&"suspended".to_owned()));
    let (rows, _) = rows_from_statements(&lrs.all(), HOME);
    assert_eq!(rows.len(), 1);
    let (row, _) = &rows[0];
    assert!(row.finished.is_none() && !row.complete());
    assert_eq!(cells(row), csv_of_folder(dir.path())[&row.started.session]);
}

#[test]
fn a_folder_syncs_with_backoff_and_reads_back_page_by_page_as_the_same_cohort() {
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    // Two failures, then it answers: the first session waits twice before it goes.
    *lrs.failures_left.lock().unwrap() = 2;
    let mut waits = Vec::new();
    let mut progress = Vec::new();
    let backoff = Backoff {
        tries: 3,
        first: Duration::from_secs(1),
        longest: Duration::from_secs(30),
    };
    let summary = sync_folder(
        dir.path(),
        &lrs,
        Some(&library),
        HOME,
        backoff,
        |d| waits.push(d),
        |p| progress.push(p.done),
    );
    assert!(summary.stopped.is_none(), "{:?}", summary.stopped);
    assert_eq!(summary.sessions, 3);
    assert_eq!(summary.delivered, 3);
    assert_eq!(summary.statements_sent, 8 + 5 + 3);
    assert_eq!(waits, [Duration::from_secs(1), Duration::from_secs(2)]);
    assert_eq!(progress, [0, 1, 2, 3]);
    // Everything is there once; a second sync has nothing to send.
    let again = sync_folder(
        dir.path(),
        &lrs,
        Some(&library),
        HOME,
        backoff,
        |_| {},
        |_| {},
    );
    assert_eq!((again.statements_sent, again.up_to_date), (0, 3));
    // Read back through the same use case as a folder, page by page (pages of 7).
    let mut pages = Vec::new();
    let mut told = Vec::new();
    let fetched =
        fetch_course(&lrs, HOME, None, |p| pages.push(p.len()), |n| told.push(n)).unwrap();
    assert_eq!(fetched, 16);
    assert_eq!(pages, [7, 7, 2], "handed over a page at a time");
    assert_eq!(told, [7, 14, 16]);
    let mut from_lrs = BTreeMap::new();
    read_source(
        &Source::Lrs {
            lrs: &lrs,
            home: HOME,
            since: None,
        },
        Detail::Full,
        Some(&library),
        |row, _| {
            from_lrs.insert(row.started.session.clone(), cells(&row));
        },
    )
    .unwrap();
    assert_eq!(from_lrs, csv_of_folder(dir.path()));
}

#[test]
fn a_sync_that_cannot_reach_the_lrs_stops_and_says_what_waits() {
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    lrs.set(Mood::Down);
    let summary = sync_folder(
        dir.path(),
        &lrs,
        Some(&library),
        HOME,
        Backoff {
            tries: 2,
            first: Duration::ZERO,
            longest: Duration::ZERO,
        },
        |_| {},
        |_| {},
    );
    assert!(matches!(summary.stopped, Some(LrsError::Unreachable(_))));
    assert_eq!(summary.waiting, 3);
    assert_eq!(lrs.count(), 0);
    lrs.set(Mood::WrongCredentials);
    let summary = sync_folder(
        dir.path(),
        &lrs,
        Some(&library),
        HOME,
        Backoff::default(),
        |_| panic!("wrong credentials are not worth waiting for"),
        |_| {},
    );
    assert_eq!(summary.stopped, Some(LrsError::Unauthorized(401)));
}

#[test]
fn the_trainer_s_sender_delivers_in_the_background_and_says_what_waits() {
    use mpa_trainer::lrs::Sender;
    use std::sync::Arc;
    let dir = folder();
    let library = Arc::new(fixture_library());
    let lrs = Arc::new(MemoryLrs::new());
    let woken = Arc::new(Mutex::new(0usize));
    let counter = Arc::clone(&woken);
    let sender = Sender::start(dir.path().to_path_buf(), library, move || {
        *counter.lock().unwrap() += 1;
    })
    .unwrap();
    // Waits (up to a minute) for the sender to reach a status; a slow machine only waits longer.
    let until = |want: &dyn Fn(&mpa_trainer::lrs::SenderStatus) -> bool| {
        for _ in 0..600 {
            if want(&sender.status()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the sender never got there: {:?}", sender.status());
    };
    // The LRS is down: everything waits and the status says why.
    lrs.set(Mood::Down);
    sender.set_lrs(Some((lrs.clone() as Arc<dyn Lrs>, HOME.to_owned())));
    until(&|s| s.configured && s.waiting == 3 && s.problem.is_some());
    assert_eq!(lrs.count(), 0);
    // It comes back; a new setting (the same LRS) is tried at once, without the wait.
    lrs.set(Mood::Up);
    sender.set_lrs(Some((lrs.clone() as Arc<dyn Lrs>, HOME.to_owned())));
    until(&|s| s.waiting == 0 && s.problem.is_none());
    assert_eq!(lrs.count(), 16);
    assert!(*woken.lock().unwrap() >= 2, "the window was not woken");
    // Wrong credentials are said plainly, and nothing is lost.
    lrs.set(Mood::WrongCredentials);
    record_fixture_session(dir.path(), "T04", "Choose(0)");
    sender.wake();
    until(&|s| s.problem == Some(LrsError::Unauthorized(401)) && s.waiting == 1);
    lrs.set(Mood::Up);
    sender.set_lrs(Some((lrs.clone() as Arc<dyn Lrs>, HOME.to_owned())));
    until(&|s| s.waiting == 0 && s.problem.is_none());
    assert_eq!(lrs.count(), 16 + 3);
}

/// Runs a courier until it has nothing to send, posting to `lrs`; the batches' sizes.
fn drive(courier: &mut Courier, lrs: &MemoryLrs, dir: &Path, active: Option<&Path>) -> Vec<usize> {
    let library = fixture_library();
    let mut sizes = Vec::new();
    while let Some(batch) = courier.next(dir, &library, active) {
        assert!(courier.is_busy());
        sizes.push(batch.statements.len());
        courier.answer(lrs.post(&batch.statements)).unwrap();
        assert!(sizes.len() < 100, "the courier does not stop");
    }
    sizes
}

#[test]
fn the_courier_sends_a_folder_as_a_delivery_does_and_writes_it_down() {
    let dir = folder();
    let lrs = MemoryLrs::new();
    let mut courier = Courier::new("memory", HOME);
    drive(&mut courier, &lrs, dir.path(), None);
    assert_eq!(courier.status().waiting, 0);
    assert!(read_state(&session(dir.path(), "T01")).done);
    assert!(read_state(&session(dir.path(), "T02")).done);
    assert!(!read_state(&session(dir.path(), "T03")).done);
    // The same statements as the thread's deliveries make, none twice.
    let delivered = MemoryLrs::new();
    let library = fixture_library();
    let other = tempfile::tempdir().unwrap();
    for p in mpa_trainer::record::index::session_files(dir.path()) {
        let copy = other.path().join(p.file_name().unwrap());
        std::fs::copy(&p, &copy).unwrap();
        deliver(
            &copy,
            &delivered,
            Some(&library),
            HOME,
            Extent::WithSuspension,
        )
        .1
        .unwrap();
    }
    assert_eq!(lrs.all(), delivered.all());
    let posts = *lrs.posts.lock().unwrap();
    assert!(courier.next(dir.path(), &library, None).is_none());
    assert_eq!(*lrs.posts.lock().unwrap(), posts, "nothing is sent again");
}

#[test]
fn the_courier_keeps_a_batch_the_network_lost_and_sends_it_later() {
    let dir = folder();
    let library = fixture_library();
    let lrs = MemoryLrs::new();
    let mut courier = Courier::new("memory", HOME);
    for mood in [Mood::Down, Mood::WrongCredentials, Mood::Failing] {
        lrs.set(mood);
        let batch = courier.next(dir.path(), &library, None).unwrap();
        let answer = lrs.post(&batch.statements);
        let expected = answer.clone().unwrap_err();
        assert!(matches!(courier.answer(answer), Err(DeliveryError::Lrs(_))));
        assert_eq!(courier.status().problem, Some(expected));
        assert_eq!(courier.status().waiting, 3);
        assert!(!courier.is_busy());
    }
    assert_eq!(lrs.count(), 0);
    lrs.set(Mood::Up);
    drive(&mut courier, &lrs, dir.path(), None);
    assert_eq!(courier.status().problem, None);
    assert!(read_state(&session(dir.path(), "T01")).done);
}

#[test]
fn the_courier_finds_the_refused_statement_one_by_one_and_keeps_it_aside() {
    let dir = folder();
    let lrs = MemoryLrs::new();
    let path = session(dir.path(), "T01");
    let rows = plant_a_conflict(dir.path(), &lrs);
    let mut courier = Courier::new("memory", HOME);
    let sizes = drive(&mut courier, &lrs, dir.path(), None);
    assert!(sizes.contains(&1), "{sizes:?}");
    let state = read_state(&path);
    assert_eq!(state.refused.len(), 1);
    assert_eq!(state.refused[rows[1]["id"].as_str().unwrap()].status, 409);
    assert_eq!(state.stored.len(), rows.len() - 1);
    assert!(state.done);
    assert_eq!(courier.status().refused, 1);
}

#[test]
fn the_courier_sends_the_session_played_now_without_its_suspension_until_it_is_left() {
    let dir = folder();
    let lrs = MemoryLrs::new();
    let t03 = session(dir.path(), "T03");
    let mut courier = Courier::new("memory", HOME);
    drive(&mut courier, &lrs, dir.path(), Some(&t03));
    let suspended = |lrs: &MemoryLrs| {
        lrs.all()
            .iter()
            .filter(|s| {
                s["verb"]["id"]
                    .as_str()
                    .unwrap_or("")
                    .ends_with("suspended")
            })
            .count()
    };
    assert_eq!(suspended(&lrs), 0);
    drive(&mut courier, &lrs, dir.path(), None);
    assert_eq!(suspended(&lrs), 1);
}

// cmi5: a launch by an LMS, its launch data, and what the trainer tells it.

const LMS_REGISTRATION: &str = "2f0c7c1e-5f5b-4b8a-9c7e-1d2a3b4c5d6e";
const PUBLISHER: &str = "https://mpa-trainer.invalid/au";

fn lms_launch() -> mpa_trainer::lrs::launch::Launch {
    let actor =
        r#"{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"T07"}}"#;
    mpa_trainer::lrs::launch::Launch::from_query([
        ("endpoint", "https://lrs.example.org/xapi/"),
        ("fetch", "https://lms.example.org/fetch/1"),
        ("actor", actor),
        ("registration", LMS_REGISTRATION),
        ("activityId", HOME),
    ])
    .unwrap()
    .unwrap()
}

fn launch_data(session: &str, extra: &str) -> mpa_trainer::lrs::cmi5::LaunchData {
    let text = format!(
        r#"{{"contextTemplate":{{"contextActivities":{{"grouping":[{{"id":"{PUBLISHER}"}}]}},
            "extensions":{{"{}":"{session}"}}}},
            "launchMode":"Normal","moveOn":"CompletedAndPassed"{extra}}}"#,
        mpa_trainer::lrs::cmi5::SESSION_ID
    );
    mpa_trainer::lrs::cmi5::LaunchData::parse(text.as_bytes()).unwrap()
}

/// The scores of the fixture's passed (T01) and failed (T02) sessions.
fn passed_and_failed() -> (mpa_trainer::engine::Score, mpa_trainer::engine::Score) {
    let dir = folder();
    let mut scores = BTreeMap::new();
    scan(dir.path(), Detail::Full, None, |row, _| {
        if let Some(f) = row.finished {
            scores.insert(row.started.participant.clone(), f.score);
        }
    });
    let (passed, failed) = (scores["T01"].clone(), scores["T02"].clone());
    assert!(passed.passed && passed.complete && !failed.passed && failed.complete);
    (passed, failed)
}

fn verbs(statements: &[Value]) -> Vec<&str> {
    statements
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect()
}

fn at(minutes: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::UNIX_EPOCH
        + time::Duration::days(20_000)
        + time::Duration::minutes(minutes)
}

#[test]
fn the_launch_data_is_read_or_its_fault_named() {
    use mpa_trainer::lrs::cmi5::{LaunchData, LaunchMode};
    use mpa_trainer::lrs::launch::LaunchError;
    let d = launch_data(
        "s-1",
        r#","masteryScore":0.8,"returnURL":"https://lms.example.org/back""#,
    );
    assert_eq!(d.session_id(), Some("s-1"));
    assert_eq!(d.mode, LaunchMode::Normal);
    assert_eq!(d.mastery_score, Some(0.8));
    assert_eq!(
        d.return_url.as_deref(),
        Some("https://lms.example.org/back")
    );
    let fault = |text: &str| match LaunchData::parse(text.as_bytes()) {
        Err(LaunchError::LaunchData(why)) => why,
        other => panic!("{text} gave {other:?}"),
    };
    let session = format!(
        r#""extensions":{{"{}":"s"}}"#,
        mpa_trainer::lrs::cmi5::SESSION_ID
    );
    assert_eq!(fault(r#"{"launchMode":"Normal"}"#), "contextTemplate");
    assert_eq!(
        fault(&format!(
            r#"{{"contextTemplate":{{{session}}},"launchMode":"Play"}}"#
        )),
        "launchMode"
    );
    assert_eq!(
        fault(&format!(
            r#"{{"contextTemplate":{{{session}}},"launchMode":"Review","masteryScore":80}}"#
        )),
        "masteryScore"
    );
    assert_eq!(
        fault(r#"{"contextTemplate":{},"launchMode":"Browse"}"#),
        "sessionid"
    );
    assert_eq!(fault("<html>"), "<html>");
    let address = lms_launch().launch_data_address().unwrap();
    assert!(address.starts_with(
        "https://lrs.example.org/xapi/activities/state?stateId=LMS.LaunchData&activityId=https%3A%2F%2Fcourse.example.org%2Fmpa&agent=%7B%22"
    ));
    assert!(address.ends_with(&format!("&registration={LMS_REGISTRATION}")));
    assert!(
        lms_launch()
            .learner_preferences_address()
            .starts_with("https://lrs.example.org/xapi/agents/profile?agent=%7B%22")
    );
    assert!(
        lms_launch()
            .learner_preferences_address()
            .ends_with("&profileId=cmi5LearnerPreferences")
    );
}

#[test]
fn the_learner_s_first_language_the_trainer_speaks_is_chosen() {
    use mpa_trainer::i18n::Lang;
    use mpa_trainer::lrs::cmi5::preferred_language;
    let of = |text: &str| preferred_language(text.as_bytes());
    assert_eq!(
        of(r#"{"languagePreference":"fr-FR, es-VE,en-US","audioPreference":"on"}"#),
        Some(Lang::Es)
    );
    assert_eq!(of(r#"{"languagePreference":"en-TT,es"}"#), Some(Lang::En));
    assert_eq!(of(r#"{"languagePreference":"fr-FR,pt-BR"}"#), None);
    assert_eq!(of(r#"{"audioPreference":"off"}"#), None);
    assert_eq!(of("not json"), None);
}

#[test]
fn a_launch_opens_once_tells_completion_and_a_verdict_once_and_closes_last() {
    use mpa_trainer::lrs::cmi5::{CATEGORY, Cmi5, MASTERY_SCORE, MOVE_ON, SESSION_ID};
    let (passed, failed) = passed_and_failed();
    let c = Cmi5::begin(
        lms_launch(),
        launch_data("s-1", r#","masteryScore":0.5"#),
        None,
        at(0),
    );
    assert_eq!(verbs(c.waiting()), ["initialized"]);
    let first = c.waiting()[0].clone();
    assert_eq!(first["object"]["id"], HOME);
    assert_eq!(first["context"]["registration"], LMS_REGISTRATION);
    assert_eq!(first["context"]["extensions"][SESSION_ID], "s-1");
    assert_eq!(
        first["context"]["contextActivities"]["grouping"][0]["id"],
        PUBLISHER
    );
    assert_eq!(
        first["context"]["contextActivities"]["category"],
        serde_json::json!([{ "objectType": "Activity", "id": CATEGORY }])
    );
    assert!(first["result"].is_null());
    // The page is reloaded before anything is sent: the same launch, taken up, says nothing twice.
    let mut c = Cmi5::begin(
        lms_launch(),
        launch_data("s-1", r#","masteryScore":0.5"#),
        Some(c.said().clone()),
        at(1),
    );
    assert_eq!(c.waiting(), std::slice::from_ref(&first));
    c.stored(1);
    // A failed scenario, then a passed one, in the same launch: completed once, failed, and no
    // passed in the launch that said failed.
    c.scored(&failed, at(10));
    c.scored(&passed, at(20));
    assert_eq!(verbs(c.waiting()), ["completed", "failed"]);
    let completed = &c.waiting()[0];
    assert_eq!(
        completed["result"],
        serde_json::json!({ "completion": true, "duration": "PT600S" })
    );
    let categories = |s: &Value| {
        s["context"]["contextActivities"]["category"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(categories(completed), [CATEGORY, MOVE_ON]);
    let verdict = c.waiting()[1].clone();
    assert_eq!(verdict["result"]["success"], false);
    assert_eq!(verdict["context"]["extensions"][MASTERY_SCORE], 0.5);
    assert_eq!(categories(&verdict), [CATEGORY, MOVE_ON]);
    c.stored(2);
    c.terminate(at(30));
    c.scored(&passed, at(31));
    assert_eq!(verbs(c.waiting()), ["terminated"]);
    let terminated = &c.waiting()[0];
    assert_eq!(
        terminated["result"],
        serde_json::json!({ "duration": "PT1800S" })
    );
    assert_eq!(categories(terminated), [CATEGORY]);
    assert!(c.is_terminated());
    c.stored(1);
    // The next launch: initialized again, no completed (stored once), and now passed.
    let said = c.said().clone();
    assert!(said.completed && !said.passed);
    let mut c = Cmi5::begin(
        lms_launch(),
        launch_data("s-2", r#","masteryScore":0.5"#),
        Some(said),
        at(60),
    );
    c.scored(&passed, at(70));
    assert_eq!(verbs(c.waiting()), ["initialized", "passed"]);
    let p = c.waiting()[1].clone();
    assert_eq!(p["result"]["success"], true);
    assert!(p["result"]["score"]["scaled"].as_f64().unwrap() >= 0.5);
    assert_eq!(p["result"]["duration"], "PT600S");
    assert_ne!(p["id"], verdict["id"]);
    c.stored(2);
    // Passed is told once per registration: nothing more, not even failed.
    let mut c = Cmi5::begin(
        lms_launch(),
        launch_data("s-3", ""),
        Some(c.said().clone()),
        at(90),
    );
    c.stored(1);
    c.scored(&failed, at(91));
    c.scored(&passed, at(92));
    assert!(c.waiting().is_empty());
}

#[test]
fn the_mastery_score_and_the_scoring_rules_must_both_pass() {
    use mpa_trainer::lrs::cmi5::Cmi5;
    let (passed, mut failed) = passed_and_failed();
    let verdict = |score: &mpa_trainer::engine::Score, extra: &str| {
        let mut c = Cmi5::begin(lms_launch(), launch_data("s", extra), None, at(0));
        c.scored(score, at(1));
        c.waiting().last().unwrap().clone()
    };
    // Passed by the rules, below the mastery score: failed, with its score (below it).
    let mut low = passed.clone();
    low.scaled = 0.6;
    let v = verdict(&low, r#","masteryScore":0.7"#);
    assert!(v["verb"]["id"].as_str().unwrap().ends_with("/failed"));
    assert_eq!(v["result"]["score"]["scaled"], 0.6);
    assert_eq!(v["result"]["success"], false);
    // Failed by the rules (a harmful ending) above the mastery score: failed, without a score
    // (cmi5 wants a failed score below the mastery score).
    failed.scaled = 0.95;
    let v = verdict(&failed, r#","masteryScore":0.7"#);
    assert!(v["verb"]["id"].as_str().unwrap().ends_with("/failed"));
    assert!(v["result"].get("score").is_none());
    // No mastery score: the rules decide, and the score is told.
    let v = verdict(&passed, "");
    assert!(v["verb"]["id"].as_str().unwrap().ends_with("/passed"));
    assert!(
        v["context"]["extensions"]
            .get(mpa_trainer::lrs::cmi5::MASTERY_SCORE)
            .is_none()
    );
    // Browse and Review launches are looked at, not counted.
    let text = format!(
        r#"{{"contextTemplate":{{"extensions":{{"{}":"s"}}}},"launchMode":"Browse"}}"#,
        mpa_trainer::lrs::cmi5::SESSION_ID
    );
    let data = mpa_trainer::lrs::cmi5::LaunchData::parse(text.as_bytes()).unwrap();
    let mut c = Cmi5::begin(lms_launch(), data, None, at(0));
    c.scored(&passed, at(1));
    c.terminate(at(2));
    assert_eq!(verbs(c.waiting()), ["initialized", "terminated"]);
}

#[test]
fn sessions_sent_under_one_lms_registration_are_read_back_apart() {
    use mpa_trainer::lrs::cmi5::Cmi5;
    let dir = folder();
    let library = fixture_library();
    let c = Cmi5::begin(lms_launch(), launch_data("s-1", ""), None, at(0));
    let mut all = Vec::new();
    scan(dir.path(), Detail::Full, Some(&library), |row, lines| {
        all.extend(statements(&row, &lines, Some(&library), HOME));
    });
    let mut fitted = all.clone();
    for s in &mut fitted {
        c.fit(s);
        assert_eq!(s["context"]["registration"], LMS_REGISTRATION);
        assert_eq!(
            s["context"]["contextActivities"]["grouping"][0]["id"],
            PUBLISHER
        );
        assert!(s["context"]["contextActivities"]["category"].is_null());
    }
    // With the launch's own statements among them, as the LMS's LRS holds them.
    fitted.extend(c.waiting().iter().cloned());
    let cells_of = |statements: &[Value]| -> BTreeMap<String, Vec<String>> {
        let (rows, unreadable) = rows_from_statements(statements, HOME);
        assert!(unreadable.is_empty());
        rows.iter()
            .map(|(row, _)| (row.started.session.clone(), cells(row)))
            .collect()
    };
    let back = cells_of(&fitted);
    assert_eq!(back.len(), 3);
    assert_eq!(back, cells_of(&all));
}
