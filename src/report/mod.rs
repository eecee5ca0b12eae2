//! Cohort figures for facilitators: one row per session read from a results folder, streamed so
//! that memory does not grow with the number of files, and what the group misses.

pub mod cohort;
pub mod csv_export;
pub mod export;
pub mod items;
pub mod replay;
pub mod xapi;

/// Where a cohort is read from: a results folder, or a learning record store.
pub enum Source<'a> {
    Folder(&'a Path),
    /// The LRS, the home address the course's statements are under, and, if given, the time
    /// (RFC 3339) since which the statements were stored.
    Lrs {
        lrs: &'a dyn crate::lrs::Lrs,
        home: &'a str,
        since: Option<&'a str>,
    },
}

impl std::fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Folder(p) => f.debug_tuple("Folder").field(p).finish(),
            Source::Lrs { home, since, .. } => f
                .debug_struct("Lrs")
                .field("home", home)
                .field("since", since)
                .finish(),
        }
    }
}

/// Reads every session of a source, handing each row (with its lines when `detail` is `Full`,
/// always from an LRS) to `each`. A folder is streamed as `scan` does; an LRS's statements are
/// fetched page by page and rebuilt into the same rows.
pub fn read_source(
    source: &Source,
    detail: Detail,
    library: Option<&Library>,
    each: impl FnMut(Row, Vec<Line>),
) -> Result<ScanStats, crate::lrs::LrsError> {
    match source {
        Source::Folder(dir) => Ok(scan(dir, detail, library, each)),
        Source::Lrs { lrs, home, since } => {
            let since = since.map(str::to_owned);
            let mut rebuilt = xapi::RowsFromStatements::new(home);
            crate::lrs::fetch_course(
                *lrs,
                home,
                since,
                |page| page.iter().for_each(|s| rebuilt.add(s)),
                |_| {},
            )?;
            let (mut rows, unreadable) = rebuilt.finish();
            rows.sort_by(|a, b| {
                (a.0.started_at, &a.0.started.session).cmp(&(b.0.started_at, &b.0.started.session))
            });
            let mut each = each;
            let stats = ScanStats {
                files: rows.len() + unreadable.len(),
                rows: rows.len(),
                duplicates: 0,
                problems: unreadable
                    .iter()
                    .map(|u| format!("registration {}: {}", u.registration, u.why))
                    .collect(),
            };
            for (row, lines) in rows {
                each(row, lines);
            }
            Ok(stats)
        }
    }
}

use crate::engine::Score;
use crate::engine::session::{Event, Session};
use crate::record::reader::{read_head_and_tail, read_session};
use crate::record::{Body, Line, SessionFinished, SessionStarted, format_time};
use crate::scenario::Library;
use crate::scenario::model::AssessmentForm;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// One session, as a row of the cohort table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub path: PathBuf,
    pub started: SessionStarted,
    pub started_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
    /// The time of the last line read (for an interrupted session's duration so far).
    pub last_at: OffsetDateTime,
    /// The score: from the last line of a finished session; recomputed from the actions of an
    /// interrupted one when its scenario is in the library; else `None`.
    pub score: Option<Score>,
    pub finished: Option<SessionFinished>,
    /// Problems met reading the file (a torn last line...).
    pub problems: Vec<String>,
}

impl Row {
    /// Seconds from the first line to the last.
    pub fn duration_s(&self) -> f64 {
        let end = self.finished_at.unwrap_or(self.last_at);
        (end - self.started_at).as_seconds_f64().max(0.0)
    }

    /// Whether the session reached an ending.
    pub fn complete(&self) -> bool {
        self.score.as_ref().is_some_and(|s| s.complete)
    }

    /// Whether it passed.
    pub fn passed(&self) -> bool {
        self.score.as_ref().is_some_and(|s| s.passed)
    }

    /// The start time as RFC 3339.
    pub fn started_text(&self) -> String {
        format_time(self.started_at)
    }
}

/// How much of each file to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// First and last line of finished sessions (fast; enough for the table and the CSV).
    Summary,
    /// Every line (for choice distributions and xAPI).
    Full,
}

/// Reads one session file into a row; with `Detail::Full` (or an interrupted session) the
/// events too. `library` lets an interrupted session be scored over what occurred.
pub fn read_row(
    path: &Path,
    detail: Detail,
    library: Option<&Library>,
) -> Result<(Row, Vec<Line>), String> {
    if detail == Detail::Summary {
        let (head, last, torn) = read_head_and_tail(path).map_err(|e| e.to_string())?;
        if let (Some(head), Some(last), false) = (&head, &last, torn)
            && let (Body::Started(started), Body::Finished(finished)) = (&head.body, &last.body)
        {
            return Ok((
                Row {
                    path: path.to_path_buf(),
                    started: started.clone(),
                    started_at: head.at,
                    finished_at: Some(last.at),
                    last_at: last.at,
                    score: Some(finished.score.clone()),
                    finished: Some((**finished).clone()),
                    problems: Vec::new(),
                },
                Vec::new(),
            ));
        }
    }
    let log = read_session(path).map_err(|e| e.to_string())?;
    if log.lines.is_empty() && log.problems.is_empty() {
        return Err("empty: the program stopped before it wrote anything".to_owned());
    }
    let started = log
        .started()
        .cloned()
        .ok_or_else(|| "no session_started line".to_owned())?;
    let (started_at, last_at) = log.span().ok_or_else(|| "no readable line".to_owned())?;
    let finished = log.finished().cloned();
    let finished_at = finished
        .as_ref()
        .and_then(|_| log.lines.last().map(|l| l.at));
    let score = match &finished {
        Some(f) => Some(f.score.clone()),
        // An interrupted session is scored over what occurred, under the rules it started
        // with, and only against the very file it was played from.
        None => library
            .and_then(|l| l.find(&started.scenario))
            .filter(|p| p.source_hash() == started.scenario_hash)
            .zip(started.rules())
            .and_then(|(p, rules)| {
                Session::replay(
                    std::sync::Arc::clone(p),
                    started.seed,
                    rules,
                    &log.actions(),
                )
                .ok()
            })
            .map(|(s, _)| Score::of(&s)),
    };
    Ok((
        Row {
            path: path.to_path_buf(),
            started,
            started_at,
            finished_at,
            last_at,
            score,
            finished,
            problems: log.problems.clone(),
        },
        log.lines,
    ))
}

/// What a scan of a folder met besides rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanStats {
    pub files: usize,
    pub rows: usize,
    pub duplicates: usize,
    /// Files that could not be read at all, and files read with problems: `path: problem`.
    pub problems: Vec<String>,
}

/// Files read together, on as many threads as the machine has cores.
const BATCH: usize = 256;

/// Reads a batch of files in parallel, keeping their order.
fn read_batch(
    paths: &[PathBuf],
    detail: Detail,
    library: Option<&Library>,
) -> Vec<Result<(Row, Vec<Line>), String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let chunk = paths.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|p| read_row(p, detail, library))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err("the reader stopped unexpectedly".to_owned())])
            })
            .collect()
    })
}

/// Reads every session file under `dir`, in directory order, handing each row (and its lines
/// when `detail` is `Full`) to `each`. Memory stays flat: files are read a batch at a time, and
/// besides a 16-byte id per session only the paths of unfinished sessions are kept until the end,
/// in case a finished copy of one turns up (a session saved again after its folder failed).
pub fn scan(
    dir: &Path,
    detail: Detail,
    library: Option<&Library>,
    mut each: impl FnMut(Row, Vec<Line>),
) -> ScanStats {
    let mut stats = ScanStats::default();
    let mut seen: HashSet<u128> = HashSet::new();
    let mut pending: HashMap<u128, PathBuf> = HashMap::new();
    let mut handle =
        |paths: &[PathBuf], stats: &mut ScanStats, each: &mut dyn FnMut(Row, Vec<Line>)| {
            for (path, result) in paths.iter().zip(read_batch(paths, detail, library)) {
                let (row, lines) = match result {
                    Ok(r) => r,
                    Err(problem) => {
                        stats
                            .problems
                            .push(format!("{}: {problem}", path.display()));
                        continue;
                    }
                };
                for p in &row.problems {
                    stats.problems.push(format!("{}: {p}", path.display()));
                }
                let id = session_key(&row.started.session);
                let finished = row.finished.is_some();
                if !seen.insert(id) {
                    stats.duplicates += 1;
                    // A finished copy replaces an unfinished one still waiting.
                    if finished && pending.remove(&id).is_some() {
                        stats.rows += 1;
                        each(row, lines);
                    }
                    continue;
                }
                if finished {
                    stats.rows += 1;
                    each(row, lines);
                } else {
                    pending.insert(id, path.clone());
                }
            }
        };
    let mut batch: Vec<PathBuf> = Vec::with_capacity(BATCH);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            stats
                .problems
                .push(format!("{}: cannot be read", d.display()));
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() && path.extension().is_some_and(|x| x == "jsonl") => {
                    stats.files += 1;
                    batch.push(path);
                    if batch.len() == BATCH {
                        handle(&batch, &mut stats, &mut each);
                        batch.clear();
                    }
                }
                _ => {}
            }
        }
    }
    handle(&batch, &mut stats, &mut each);
    // The unfinished sessions, read again now that no finished copy can turn up.
    let mut waiting: Vec<PathBuf> = pending.into_values().collect();
    waiting.sort();
    for chunk in waiting.chunks(BATCH) {
        for (row, lines) in read_batch(chunk, detail, library).into_iter().flatten() {
            stats.rows += 1;
            each(row, lines);
        }
    }
    stats
}

fn session_key(id: &str) -> u128 {
    uuid::Uuid::parse_str(id).map_or_else(
        |_| {
            use sha2::Digest;
            let h = sha2::Sha256::digest(id.as_bytes());
            let mut b = [0u8; 16];
            b.copy_from_slice(&h[..16]);
            u128::from_le_bytes(b)
        },
        |u| u.as_u128(),
    )
}

/// Figures for one scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScenarioFigures {
    pub sessions: usize,
    pub complete: usize,
    pub passed: usize,
    pub critical_errors: usize,
    scaled_sum: f64,
    scaled_n: usize,
    /// Red herrings flagged, and shown, over complete sessions.
    pub false_alarms: u32,
    pub red_herrings: u32,
}

impl ScenarioFigures {
    /// The mean scaled score of complete sessions.
    pub fn mean_scaled(&self) -> Option<f64> {
        (self.scaled_n > 0).then(|| self.scaled_sum / self.scaled_n as f64)
    }

    /// The pooled false-alarm rate of complete sessions: red herrings flagged over those shown.
    pub fn false_alarm_rate(&self) -> Option<f64> {
        (self.red_herrings > 0).then(|| f64::from(self.false_alarms) / f64::from(self.red_herrings))
    }
}

/// A participant's pre, post and delayed assessment scores and the normalised gains.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Gain {
    pub pre: Option<f64>,
    pub post: Option<f64>,
    /// The delayed form, taken weeks after the workshop.
    pub delayed: Option<f64>,
}

impl Gain {
    /// g = (post − pre) / (1 − pre); `None` without both scores, or when pre is already 1.
    pub fn normalised(&self) -> Option<f64> {
        normalised_gain(self.pre?, self.post?)
    }

    /// The gain that lasted: (delayed − pre) / (1 − pre).
    pub fn lasting(&self) -> Option<f64> {
        normalised_gain(self.pre?, self.delayed?)
    }
}

/// Hake's normalised gain g = (post − pre) / (1 − pre), for scores in 0..1.
pub fn normalised_gain(pre: f64, post: f64) -> Option<f64> {
    (pre < 1.0).then(|| (post - pre) / (1.0 - pre))
}

/// The cohort summary, built one row at a time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub sessions: usize,
    pub complete: usize,
    pub passed: usize,
    pub participants: HashSet<String>,
    pub scenarios: BTreeMap<String, ScenarioFigures>,
    /// Per indicator: (times shown, times flagged).
    pub indicators: BTreeMap<String, (u32, u32)>,
    /// Per vulnerability factor: (times shown, times noted).
    pub factors: BTreeMap<String, (u32, u32)>,
    /// Per principle: times breached.
    pub breaches: BTreeMap<String, u32>,
    /// Per participant: the scores of their first complete pre and post assessment.
    pub gains: BTreeMap<String, Gain>,
    /// Scenario ids of the assessment forms, by form.
    pub assessment_ids: BTreeMap<AssessmentForm, String>,
    /// Per participant and form: the time and score of the first complete attempt.
    first_attempts: BTreeMap<String, FirstAttempts>,
    /// Sessions per language played (`en`, `es`).
    pub languages: BTreeMap<String, usize>,
}

/// When a participant first completed each assessment form, and their score.
type FirstAttempts = BTreeMap<AssessmentForm, (OffsetDateTime, f64)>;

impl Summary {
    /// A summary that knows which scenarios are the pre and post assessment forms.
    pub fn new(library: Option<&Library>) -> Summary {
        let mut s = Summary::default();
        if let Some(l) = library {
            for p in l.playable() {
                if let Some(form) = p.scenario.assessment {
                    s.assessment_ids.insert(form, p.id().to_owned());
                }
            }
        }
        s
    }

    /// Adds a row.
    pub fn add(&mut self, row: &Row) {
        self.sessions += 1;
        *self
            .languages
            .entry(row.started.language.clone())
            .or_default() += 1;
        self.participants.insert(row.started.participant.clone());
        let fig = self
            .scenarios
            .entry(row.started.scenario.clone())
            .or_default();
        fig.sessions += 1;
        if let Some(score) = &row.score {
            fig.critical_errors += score.critical_errors.len();
            for b in &score.breaches {
                *self.breaches.entry(b.principle.clone()).or_default() += 1;
            }
            if score.complete {
                self.complete += 1;
                fig.complete += 1;
                fig.scaled_sum += score.scaled;
                fig.scaled_n += 1;
                fig.false_alarms += score.indicators.false_alarms;
                fig.red_herrings += score.indicators.red_herrings;
                let participant = row.started.participant.clone();
                let form = self
                    .assessment_ids
                    .iter()
                    .find(|(_, id)| **id == row.started.scenario)
                    .map(|(form, _)| *form);
                if let Some(form) = form {
                    // Each participant's first attempt counts, whatever order files are read in.
                    let at = row.started_at;
                    let first = self.first_attempts.entry(participant.clone()).or_default();
                    if first.get(&form).is_none_or(|(t, _)| at < *t) {
                        first.insert(form, (at, score.scaled));
                    }
                    let score_of = |f: AssessmentForm| first.get(&f).map(|(_, s)| *s);
                    self.gains.insert(
                        participant,
                        Gain {
                            pre: score_of(AssessmentForm::Pre),
                            post: score_of(AssessmentForm::Post),
                            delayed: score_of(AssessmentForm::Delayed),
                        },
                    );
                }
            }
            if score.passed {
                self.passed += 1;
                fig.passed += 1;
            }
        }
        if let Some(f) = &row.finished {
            for o in &f.observations {
                let tally = match (&o.indicator, &o.factor) {
                    (Some(ind), _) => self.indicators.entry(ind.clone()).or_default(),
                    (None, Some(factor)) => self.factors.entry(factor.clone()).or_default(),
                    (None, None) => continue,
                };
                tally.0 += 1;
                tally.1 += u32::from(o.flagged);
            }
        }
    }

    /// The mean normalised gain over participants with both scores.
    pub fn mean_gain(&self) -> Option<f64> {
        mean(self.gains.values().filter_map(Gain::normalised))
    }

    /// The mean lasting gain over participants with a pre and a delayed score.
    pub fn mean_lasting_gain(&self) -> Option<f64> {
        mean(self.gains.values().filter_map(Gain::lasting))
    }

    /// Indicators by detection rate, lowest first: (id, rate, shown).
    pub fn most_missed(&self) -> Vec<(String, f64, u32)> {
        lowest_rates(&self.indicators)
    }

    /// Vulnerability factors by how often they were noted, lowest first: (id, rate, shown).
    pub fn factors_least_noted(&self) -> Vec<(String, f64, u32)> {
        lowest_rates(&self.factors)
    }
}

/// The mean of some numbers; `None` for none.
fn mean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Rates of (shown, flagged) counts, lowest first, then most shown first.
fn lowest_rates(counts: &BTreeMap<String, (u32, u32)>) -> Vec<(String, f64, u32)> {
    {
        let mut v: Vec<(String, f64, u32)> = counts
            .iter()
            .filter(|(_, (shown, _))| *shown > 0)
            .map(|(id, (shown, flagged))| {
                (id.clone(), f64::from(*flagged) / f64::from(*shown), *shown)
            })
            .collect();
        v.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)));
        v
    }
}

/// How often each choice was taken at each decision point: (scenario, scene) → choice → count.
pub fn choice_counts(
    lines: &[Line],
    scenario: &str,
    into: &mut HashMap<(String, String), BTreeMap<usize, u32>>,
) {
    for l in lines {
        if let Body::Play(Event::ChoiceTaken {
            scene,
            choice,
            grade: Some(_),
            ..
        }) = &l.body
        {
            *into
                .entry((scenario.to_owned(), scene.clone()))
                .or_default()
                .entry(*choice)
                .or_default() += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_gain_follows_hake() {
        assert_eq!(normalised_gain(0.5, 0.75), Some(0.5));
        assert_eq!(normalised_gain(0.2, 0.2), Some(0.0));
        assert!(normalised_gain(0.6, 0.4).is_some_and(|g| (g - -0.5).abs() < 1e-12));
        assert_eq!(normalised_gain(1.0, 1.0), None);
    }
}
