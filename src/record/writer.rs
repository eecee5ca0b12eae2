//! The recorder: appends each line of a session to its file and syncs it before the next action.
//! When the folder is read-only, full or gone, it keeps every line in memory, says so, and saves
//! them all as soon as the folder works again or another folder is chosen.

use super::store::Store;
use super::{Body, Line, SessionFinished, SessionStarted};
use crate::engine::Score;
use crate::engine::script::Script;
use crate::engine::session::{Event, Session};
use crate::scenario::Playable;
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;
use time::OffsetDateTime;

/// Why a session could not be saved (it is still kept in memory).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordError {
    #[error("the results folder {0} cannot be created or used: {1}")]
    Folder(PathBuf, String),
    #[error("the session could not be saved in {0}: {1}")]
    Write(PathBuf, String),
}

/// Plain words for a file-system error.
pub fn io_words(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => {
            "the folder is missing (deleted, or a drive was removed)".to_owned()
        }
        io::ErrorKind::PermissionDenied => "permission denied (the folder is read-only)".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::NotADirectory => "that path is a file, not a folder".to_owned(),
        _ => e.to_string(),
    }
}

/// Whether everything recorded so far is on the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Saved {
        path: PathBuf,
    },
    /// Some lines are only in memory; `error` says why.
    Unsaved {
        lines: usize,
        error: RecordError,
    },
}

/// Writes one session's lines, durably and in order.
pub struct Recorder {
    store: Box<dyn Store>,
    dir: PathBuf,
    stem: String,
    path: Option<PathBuf>,
    /// Every line of the session, each with its newline.
    lines: Vec<String>,
    /// How many of `lines` are durably in `path`, and their length in bytes.
    saved: usize,
    saved_len: u64,
    next_seq: u64,
    error: Option<RecordError>,
    /// Whether the folder is known to exist (created at the start, or chosen since).
    dir_ready: bool,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder")
            .field("dir", &self.dir)
            .field("path", &self.path)
            .field("lines", &self.lines.len())
            .field("saved", &self.saved)
            .finish_non_exhaustive()
    }
}

fn file_stem(participant: &str, scenario: &str, at: OffsetDateTime) -> String {
    let t = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{participant}_{scenario}_{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

impl Recorder {
    /// Starts recording a session into `dir` (created if missing), writing its first line.
    /// Never fails: a folder that does not work is reported by `status` and retried later.
    pub fn start(
        store: Box<dyn Store>,
        dir: &Path,
        header: SessionStarted,
        at: OffsetDateTime,
    ) -> Recorder {
        let stem = file_stem(&header.participant, &header.scenario, at);
        let mut recorder = Recorder {
            store,
            dir: dir.to_path_buf(),
            stem,
            path: None,
            lines: Vec::new(),
            saved: 0,
            saved_len: 0,
            next_seq: 0,
            error: None,
            dir_ready: false,
        };
        match recorder.store.create_dir(dir) {
            Ok(()) => recorder.dir_ready = true,
            Err(e) => recorder.error = Some(RecordError::Folder(dir.to_path_buf(), io_words(&e))),
        }
        recorder.push(Body::Started(header), at);
        recorder
    }

    /// Takes up an interrupted session file again: `lines` are its good lines (each ending with
    /// a newline) and `good_len` their length; a torn tail beyond it is cut on the next append.
    pub fn resume(
        store: Box<dyn Store>,
        path: &Path,
        lines: Vec<String>,
        good_len: u64,
        next_seq: u64,
        at: OffsetDateTime,
    ) -> Recorder {
        let saved_len = good_len;
        let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let stem = path.file_stem().map_or_else(
            || "session".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let saved = lines.len();
        let mut recorder = Recorder {
            store,
            dir,
            stem,
            path: Some(path.to_path_buf()),
            lines,
            saved,
            saved_len,
            next_seq,
            error: None,
            dir_ready: true,
        };
        recorder.push(Body::Resumed, at);
        recorder
    }

    /// Records a session played from a script into `dir`, as the app would (workshop mode).
    pub fn create_for_script(
        dir: &Path,
        playable: &Playable,
        script: &Script,
    ) -> Result<Recorder, RecordError> {
        let header = super::started(
            super::new_session_id(),
            &script.participant,
            playable,
            super::Mode::Workshop,
            script.seed.unwrap_or(0),
            None,
        );
        let recorder = Recorder::start(
            super::store::default_store(),
            dir,
            header,
            OffsetDateTime::now_utc(),
        );
        match recorder.status() {
            SaveStatus::Saved { .. } => Ok(recorder),
            SaveStatus::Unsaved { error, .. } => Err(error),
        }
    }

    /// Appends events, now; an error means they are kept only in memory so far.
    pub fn append_events(&mut self, events: &[Event]) -> Result<(), RecordError> {
        self.append_events_at(events, OffsetDateTime::now_utc())
    }

    /// Appends events with the given time.
    pub fn append_events_at(
        &mut self,
        events: &[Event],
        at: OffsetDateTime,
    ) -> Result<(), RecordError> {
        for e in events {
            self.push(Body::Play(e.clone()), at);
        }
        self.result()
    }

    /// Writes the last line: the full score.
    pub fn finish(&mut self, session: &Session, score: &Score) -> Result<(), RecordError> {
        self.finish_at(session, score, OffsetDateTime::now_utc())
    }

    /// Writes the last line with the given time.
    pub fn finish_at(
        &mut self,
        session: &Session,
        score: &Score,
        at: OffsetDateTime,
    ) -> Result<(), RecordError> {
        self.push(
            Body::Finished(Box::new(SessionFinished::of(session, score.clone()))),
            at,
        );
        self.result()
    }

    fn result(&self) -> Result<(), RecordError> {
        match &self.error {
            Some(e) if self.saved < self.lines.len() => Err(e.clone()),
            _ => Ok(()),
        }
    }

    fn push(&mut self, body: Body, at: OffsetDateTime) {
        let line = Line {
            seq: self.next_seq,
            at,
            body,
        };
        self.next_seq += 1;
        let mut json = line.to_json();
        json.push('\n');
        self.lines.push(json);
        self.save();
    }

    /// Tries to write every line not yet on the disk. Called after each line, and by the app
    /// from time to time while something is unsaved.
    /// Returns whether everything is now saved.
    pub fn save(&mut self) -> bool {
        if self.saved < self.lines.len() {
            self.error = self.try_save().err();
        }
        self.saved == self.lines.len()
    }

    fn try_save(&mut self) -> Result<(), RecordError> {
        // A folder that could not be created at the start is tried again (the disk may have
        // been made writable); one that existed and vanished is not recreated (it may be an
        // unplugged drive): the facilitator brings it back or chooses another.
        if !self.dir_ready {
            self.store
                .create_dir(&self.dir)
                .map_err(|e| RecordError::Folder(self.dir.clone(), io_words(&e)))?;
            self.dir_ready = true;
        }
        let path = match &self.path {
            Some(p) => p.clone(),
            None => {
                let p = self.create_file()?;
                self.path = Some(p.clone());
                self.saved = 0;
                self.saved_len = 0;
                p
            }
        };
        let bytes: String = self.lines[self.saved..].concat();
        match self
            .store
            .append_at(&path, self.saved_len, bytes.as_bytes())
        {
            Ok(()) => {
                self.saved = self.lines.len();
                self.saved_len += bytes.len() as u64;
                Ok(())
            }
            Err(e) => {
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::InvalidData
                ) {
                    // The file is gone or was changed: next time, write everything afresh.
                    self.path = None;
                }
                Err(RecordError::Write(self.dir.clone(), io_words(&e)))
            }
        }
    }

    fn create_file(&mut self) -> Result<PathBuf, RecordError> {
        let mut last = None;
        // A random suffix keeps names unique when many trainees share one folder.
        for _ in 0..8 {
            let suffix = crate::entropy::u32();
            let path = self.dir.join(format!("{}_{suffix:08x}.jsonl", self.stem));
            match self.store.create_new(&path) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(RecordError::Folder(self.dir.clone(), io_words(&e))),
            }
        }
        Err(RecordError::Folder(
            self.dir.clone(),
            last.map_or_else(|| "no free file name".to_owned(), |e| io_words(&e)),
        ))
    }

    /// Saves the whole session into another folder (the facilitator's choice) from now on.
    pub fn relocate(&mut self, dir: &Path) -> Result<(), RecordError> {
        self.store
            .create_dir(dir)
            .map_err(|e| RecordError::Folder(dir.to_path_buf(), io_words(&e)))?;
        self.dir = dir.to_path_buf();
        self.dir_ready = true;
        self.path = None;
        self.saved = 0;
        self.saved_len = 0;
        self.save();
        self.result()
    }

    /// Whether everything is saved, and where.
    pub fn status(&self) -> SaveStatus {
        match (&self.error, &self.path) {
            (Some(error), _) if self.saved < self.lines.len() => SaveStatus::Unsaved {
                lines: self.lines.len() - self.saved,
                error: error.clone(),
            },
            (_, Some(path)) if self.saved == self.lines.len() => {
                SaveStatus::Saved { path: path.clone() }
            }
            _ => SaveStatus::Unsaved {
                lines: self.lines.len() - self.saved,
                error: RecordError::Write(self.dir.clone(), "not saved yet".to_owned()),
            },
        }
    }

    /// Whether some lines are only in memory.
    pub fn has_unsaved(&self) -> bool {
        self.saved < self.lines.len()
    }

    /// The session file, once created.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The folder the session is saved into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every line of the session so far (each with its newline), saved or not.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }
}
