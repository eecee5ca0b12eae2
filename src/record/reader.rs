//! The tolerant reader: every good line of a session file is read; a torn last line (the program
//! stopped while writing) or a corrupt line is reported and skipped, never fatal.

use super::{Body, Line, SessionFinished, SessionStarted};
use crate::engine::session::Action;
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The largest session file the reader accepts (a real session is a few kilobytes).
pub const MAX_LOG_BYTES: u64 = 64 * 1024 * 1024;

/// A session file that could not be read at all.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{0}: cannot be read: {1}")]
    Io(PathBuf, String),
    #[error("{0}: larger than {1} MiB; this is not a session file")]
    TooLarge(PathBuf, u64),
}

/// What was read from one session file.
#[derive(Debug, Clone, Default)]
pub struct SessionLog {
    pub path: PathBuf,
    /// The lines that could be read, in file order.
    pub lines: Vec<Line>,
    /// Length in bytes of the file up to the end of its last complete line.
    pub good_len: u64,
    /// The raw text of every complete line, each with its newline (to save it elsewhere).
    pub raw: Vec<String>,
    /// What was wrong, one message per problem, with the line number.
    pub problems: Vec<String>,
}

impl SessionLog {
    /// The session's first line.
    pub fn started(&self) -> Option<&SessionStarted> {
        self.lines.iter().find_map(|l| match &l.body {
            Body::Started(s) => Some(s),
            _ => None,
        })
    }

    /// The session's last line, once it finished.
    pub fn finished(&self) -> Option<&SessionFinished> {
        self.lines.iter().rev().find_map(|l| match &l.body {
            Body::Finished(f) => Some(f.as_ref()),
            _ => None,
        })
    }

    /// The trainee's actions, to replay or resume the session.
    pub fn actions(&self) -> Vec<Action> {
        super::actions_of(&self.lines)
    }

    /// The sequence number the next line takes.
    pub fn next_seq(&self) -> u64 {
        self.lines.iter().map(|l| l.seq + 1).max().unwrap_or(0)
    }

    /// The time of the first and the last line.
    pub fn span(&self) -> Option<(time::OffsetDateTime, time::OffsetDateTime)> {
        Some((self.lines.first()?.at, self.lines.last()?.at))
    }
}

/// Reads a whole session file.
pub fn read_session(path: &Path) -> Result<SessionLog, ReadError> {
    let io_err =
        |e: io::Error| ReadError::Io(path.to_path_buf(), crate::record::writer::io_words(&e));
    // A file too large to be a session is refused before it is read.
    #[cfg(not(target_arch = "wasm32"))]
    if std::fs::metadata(path).map_err(io_err)?.len() > MAX_LOG_BYTES {
        return Err(ReadError::TooLarge(
            path.to_path_buf(),
            MAX_LOG_BYTES / (1024 * 1024),
        ));
    }
    let bytes = crate::files::read_limited(path, MAX_LOG_BYTES).map_err(io_err)?;
    Ok(parse_session(path, &bytes))
}

/// Reads session lines from bytes, tolerating damage.
pub fn parse_session(path: &Path, bytes: &[u8]) -> SessionLog {
    let mut log = SessionLog {
        path: path.to_path_buf(),
        ..SessionLog::default()
    };
    let mut offset = 0usize;
    let mut number = 0usize;
    while offset < bytes.len() {
        number += 1;
        let rest = &bytes[offset..];
        let Some(end) = rest.iter().position(|&b| b == b'\n') else {
            log.problems.push(format!(
                "line {number}: cut off (the program stopped while writing it); skipped"
            ));
            break;
        };
        let raw = &rest[..end];
        offset += end + 1;
        log.good_len = offset as u64;
        log.raw
            .push(String::from_utf8_lossy(&rest[..=end]).into_owned());
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match std::str::from_utf8(raw) {
            Ok(text) => match Line::from_json(text) {
                Ok(line) => log.lines.push(line),
                Err(e) => log.problems.push(format!("line {number}: {e}; skipped")),
            },
            Err(_) => log
                .problems
                .push(format!("line {number}: not UTF-8 text; skipped")),
        }
    }
    log
}

/// The first and the last complete line of a file, and whether the file ends in a torn line:
/// what the cohort report needs of a finished session. A small file is read in one go; of a
/// large one, only the start and the end.
pub fn read_head_and_tail(path: &Path) -> io::Result<(Option<Line>, Option<Line>, bool)> {
    #[cfg(target_arch = "wasm32")]
    return Ok(head_and_tail_of(None, &crate::files::read(path)?, 0));
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::fs::File;
        use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
        const TAIL: u64 = 64 * 1024;
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        if len <= TAIL {
            let mut all = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
            file.read_to_end(&mut all)?;
            return Ok(head_and_tail_of(None, &all, 0));
        }
        let mut reader = BufReader::new(&mut file);
        let mut first = Vec::new();
        reader.by_ref().take(TAIL).read_until(b'\n', &mut first)?;
        let head = first.strip_suffix(b"\n").and_then(parse_line);
        let start = len - TAIL;
        file.seek(SeekFrom::Start(start))?;
        let mut tail = Vec::new();
        file.take(TAIL).read_to_end(&mut tail)?;
        Ok(head_and_tail_of(Some(head), &tail, start))
    }
}

fn parse_line(bytes: &[u8]) -> Option<Line> {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|t| Line::from_json(t).ok())
}

/// The first and last complete line, and whether the bytes end in a torn line. `tail` is the end
/// of a file from `tail_start`; the first line is `head` when already read, or the tail's own
/// when it is the whole file.
fn head_and_tail_of(
    head: Option<Option<Line>>,
    tail: &[u8],
    tail_start: u64,
) -> (Option<Line>, Option<Line>, bool) {
    let head = head.unwrap_or_else(|| {
        tail.iter()
            .position(|&b| b == b'\n')
            .and_then(|end| parse_line(&tail[..end]))
    });
    let torn = !tail.is_empty() && !tail.ends_with(b"\n");
    let complete = match tail.iter().rposition(|&b| b == b'\n') {
        Some(end) => &tail[..end],
        None => &[][..],
    };
    let last_start = complete
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // A line cut by the start of the tail window is not a whole line.
    let whole = last_start > 0 || tail_start == 0;
    let last = (whole && !complete.is_empty())
        .then(|| parse_line(&complete[last_start..]))
        .flatten();
    (head, last, torn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_last_line_is_reported_and_skipped() {
        let good = "{\"seq\":0,\"t\":\"2026-11-29T10:00:00Z\",\"event\":\"session_resumed\"}\n";
        let text = format!("{good}{good}{{\"seq\":2,\"t\":\"2026-");
        let log = parse_session(Path::new("x.jsonl"), text.as_bytes());
        assert_eq!(log.lines.len(), 2);
        assert_eq!(log.good_len, (good.len() * 2) as u64);
        assert_eq!(log.problems.len(), 1);
        assert!(
            log.problems[0].starts_with("line 3: cut off"),
            "{:?}",
            log.problems
        );
    }

    #[test]
    fn corrupt_middle_lines_are_skipped_and_the_rest_is_read() {
        let good = "{\"seq\":0,\"t\":\"2026-11-29T10:00:00Z\",\"event\":\"session_resumed\"}\n";
        let text = [
            good.as_bytes(),
            b"\xff\xfe garbage\n",
            b"not json\n",
            good.as_bytes(),
        ]
        .concat();
        let log = parse_session(Path::new("x.jsonl"), &text);
        assert_eq!(log.lines.len(), 2);
        assert_eq!(log.problems.len(), 2);
        assert_eq!(log.good_len, text.len() as u64);
    }
}
