//! Diagnostics: what the validator tells an author, one line each, `path:line:col: error: message`.

use std::fmt;
use std::path::{Path, PathBuf};

/// Whether a diagnostic stops the scenario from being played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One step of a path into a RON document, from its root value to the token a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    /// A named field of a struct: `next` in `(text: "..", next: "x")`.
    Field(&'static str),
    /// An item of a list, 0-based.
    Index(usize),
    /// The key of the n-th entry of a map, 0-based.
    Key(usize),
    /// The value of the n-th entry of a map, 0-based.
    Value(usize),
}

/// A finding of the validator, located by a path into the document rather than a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub path: Vec<Seg>,
    pub message: String,
}

impl Finding {
    /// An error at a path.
    pub fn error(path: Vec<Seg>, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            path,
            message: message.into(),
        }
    }

    /// A warning at a path.
    pub fn warning(path: Vec<Seg>, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            path,
            message: message.into(),
        }
    }
}

/// A line and column in a file, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position { line: 1, col: 1 };

    /// The position of a byte offset in a text (clamped to the text, and to a character boundary).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = 1 + before[line_start..].chars().count();
        Position { line, col }
    }
}

/// A located message for an author: `path:line:col: severity: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub position: Position,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at a position of a file.
    pub fn new(
        file: &Path,
        position: Position,
        severity: Severity,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            position,
            severity,
            message: message.into(),
        }
    }

    /// Whether this diagnostic is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.position.line,
            self.position.col,
            self.severity,
            self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "ab\ncé d\n";
        assert_eq!(Position::of_offset(text, 0), Position { line: 1, col: 1 });
        assert_eq!(Position::of_offset(text, 3), Position { line: 2, col: 1 });
        // 'é' is two bytes but one column.
        assert_eq!(Position::of_offset(text, 6), Position { line: 2, col: 3 });
        assert_eq!(Position::of_offset(text, 999), Position { line: 3, col: 1 });
    }

    #[test]
    fn a_diagnostic_prints_as_one_line() {
        let d = Diagnostic::new(
            Path::new("scenarios/a.ron"),
            Position { line: 4, col: 9 },
            Severity::Error,
            "no scene \"x\"",
        );
        assert_eq!(d.to_string(), "scenarios/a.ron:4:9: error: no scene \"x\"");
    }
}
