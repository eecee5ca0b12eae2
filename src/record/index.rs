//! What a results folder holds for one participant: interrupted sessions to resume, and the best
//! result per scenario. Reads only the first and last line of finished sessions.

use super::reader::{read_head_and_tail, read_session};
use super::{Body, Mode};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Every session file (`*.jsonl`) under a folder and its sub-folders, sorted.
pub fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = crate::files::list(&d) else {
            continue;
        };
        for e in entries {
            if e.is_dir {
                stack.push(e.path);
            } else if e.path.extension().is_some_and(|x| x == "jsonl") {
                out.push(e.path);
            }
        }
    }
    out.sort();
    out
}

/// Whether a file name belongs to a participant (`{participant}_{scenario}_{time}_{id}.jsonl`).
fn belongs_to(path: &Path, participant: &str) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        n.strip_prefix(participant)
            .is_some_and(|rest| rest.starts_with('_'))
    })
}

/// An interrupted session: started, never finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interrupted {
    pub path: PathBuf,
    pub scenario: String,
    pub title: String,
    pub started_at: String,
    pub actions: usize,
}

/// The participant's interrupted sessions, newest first.
pub fn interrupted(dir: &Path, participant: &str) -> Vec<Interrupted> {
    let mut out: Vec<Interrupted> = session_files(dir)
        .into_iter()
        .filter(|p| belongs_to(p, participant))
        .filter_map(|path| {
            let (head, last, _) = read_head_and_tail(&path).ok()?;
            if matches!(last.as_ref().map(|l| &l.body), Some(Body::Finished(_))) {
                return None;
            }
            let head = head?;
            let Body::Started(started) = &head.body else {
                return None;
            };
            if started.participant != participant {
                return None;
            }
            let log = read_session(&path).ok()?;
            if log.finished().is_some() {
                return None;
            }
            Some(Interrupted {
                scenario: started.scenario.clone(),
                title: started.scenario_title.clone(),
                started_at: super::format_time(head.at),
                actions: log.actions().len(),
                path,
            })
        })
        .collect();
    out.sort_by(|a, b| b.started_at.cmp(&a.started_at));
    out
}

/// The participant's best finished result per scenario in a mode: (scaled, passed).
pub fn best_results(dir: &Path, participant: &str, mode: Mode) -> HashMap<String, (f64, bool)> {
    let mut best: HashMap<String, (f64, bool)> = HashMap::new();
    for path in session_files(dir)
        .into_iter()
        .filter(|p| belongs_to(p, participant))
    {
        let Ok((Some(head), Some(last), _)) = read_head_and_tail(&path) else {
            continue;
        };
        let (Body::Started(started), Body::Finished(finished)) = (&head.body, &last.body) else {
            continue;
        };
        if started.participant != participant || started.mode != mode {
            continue;
        }
        let s = &finished.score;
        let entry = best
            .entry(started.scenario.clone())
            .or_insert((s.scaled, s.passed));
        // A pass beats a higher failing score.
        if (s.passed, s.scaled) > (entry.1, entry.0) {
            *entry = (s.scaled, s.passed);
        }
    }
    best
}
