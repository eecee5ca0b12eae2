//! Finds where a path (`scenes` → entry 3 → `choices` → item 1 → `next`) sits in a RON text.
//!
//! The validator works on the parsed model, which keeps no positions; when it has something to say,
//! this tolerant scanner walks the text once to the token the finding is about. It only runs for
//! files that have findings, so valid files are parsed once. It never fails: when the text does not
//! have the shape the path expects, it answers with the nearest enclosing position it reached.

use super::diagnostic::{Position, Seg};

/// The position of the value (or map key) a path leads to, or of the nearest enclosing value.
pub fn locate(text: &str, path: &[Seg]) -> Position {
    let mut scanner = Scanner {
        src: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let offset = scanner.find(path);
    Position::of_offset(text, offset)
}

/// How many wrappers (`Some((..))`) the scanner looks through before it gives up.
const MAX_DEPTH: usize = 64;

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    /// Skips whitespace and comments (`// line`, `/* nested block */`).
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        if b == b'\n' {
                            break;
                        }
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (None, _) => return,
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_trivia();
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn is_ident_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }

    /// Reads an identifier (possibly `r#raw`), returning it.
    fn ident(&mut self) -> Option<&str> {
        self.skip_trivia();
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.pos += 2;
        }
        let start = self.pos;
        while self.peek().is_some_and(Self::is_ident_byte) {
            self.pos += 1;
        }
        if self.pos == start {
            None
        } else {
            std::str::from_utf8(&self.src[start..self.pos]).ok()
        }
    }

    /// Skips a quoted string, raw string, byte string or char literal starting here.
    fn skip_quoted(&mut self) {
        if self.peek() == Some(b'b') {
            self.pos += 1;
        }
        if self.peek() == Some(b'r') {
            self.pos += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.pos += 1;
            }
            self.pos += 1; // the opening quote
            while let Some(b) = self.peek() {
                self.pos += 1;
                if b == b'"'
                    && self.src[self.pos..]
                        .iter()
                        .take_while(|&&c| c == b'#')
                        .count()
                        >= hashes
                {
                    self.pos += hashes;
                    return;
                }
            }
            return;
        }
        let Some(quote) = self.peek() else { return };
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'\\' {
                self.pos += 1;
            } else if b == quote {
                return;
            }
        }
    }

    fn at_quoted(&self) -> bool {
        matches!(
            (self.peek(), self.peek_at(1), self.peek_at(2)),
            (Some(b'"' | b'\''), _, _)
                | (Some(b'r'), Some(b'"' | b'#'), _)
                | (Some(b'b'), Some(b'"' | b'\''), _)
                | (Some(b'b'), Some(b'r'), Some(b'"' | b'#'))
        )
    }

    /// Skips one value of any kind, brackets balanced iteratively (deep nesting cannot overflow).
    fn skip_value(&mut self) {
        self.skip_trivia();
        if self.at_quoted() {
            self.skip_quoted();
            return;
        }
        match self.peek() {
            Some(b'(' | b'[' | b'{') => self.skip_group(),
            Some(_) => {
                let start = self.pos;
                while self.peek().is_some_and(|b| {
                    Self::is_ident_byte(b) || matches!(b, b'.' | b'+' | b'-' | b'#')
                }) {
                    self.pos += 1;
                }
                if self.pos == start {
                    // A stray character: step over it so the caller makes progress.
                    self.pos += 1;
                    return;
                }
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.skip_group();
                }
            }
            None => {}
        }
    }

    fn skip_group(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            if self.at_quoted() {
                self.skip_quoted();
                continue;
            }
            if b == b'/' && matches!(self.peek_at(1), Some(b'/' | b'*')) {
                self.skip_trivia();
                continue;
            }
            self.pos += 1;
            match b {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Skips an optional separating comma.
    fn skip_comma(&mut self) {
        self.eat(b',');
    }

    /// Whether the parenthesised group starting here holds `name: value` fields.
    fn group_has_fields(&self) -> bool {
        let mut probe = Scanner {
            src: self.src,
            pos: self.pos + 1,
            depth: 0,
        };
        if probe.ident().is_none() {
            return false;
        }
        probe.skip_trivia();
        probe.peek() == Some(b':')
    }

    /// Walks to the path's target and returns its byte offset.
    fn find(&mut self, path: &[Seg]) -> usize {
        self.skip_trivia();
        let start = self.pos;
        let Some((first, rest)) = path.split_first() else {
            return start;
        };
        if self.depth >= MAX_DEPTH {
            return start;
        }
        self.depth += 1;
        match *first {
            Seg::Field(name) => self.find_field(name, rest).unwrap_or(start),
            Seg::Index(i) => self.find_item(i, rest).unwrap_or(start),
            Seg::Key(i) => self.find_entry(i, true, rest).unwrap_or(start),
            Seg::Value(i) => self.find_entry(i, false, rest).unwrap_or(start),
        }
    }

    /// Enters `Name(` or `(`, skipping a struct or variant name.
    fn enter_parens(&mut self) -> bool {
        self.skip_trivia();
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        {
            let _ = self.ident();
        }
        self.skip_trivia();
        self.peek() == Some(b'(')
    }

    fn find_field(&mut self, name: &'static str, rest: &[Seg]) -> Option<usize> {
        if !self.enter_parens() {
            return None;
        }
        if !self.group_has_fields() {
            // A wrapper such as `Some(..)` or `Scene((..))`: look inside its first value.
            self.pos += 1;
            return Some(self.find(&[&[Seg::Field(name)], rest].concat()));
        }
        self.pos += 1;
        loop {
            self.skip_trivia();
            if matches!(self.peek(), None | Some(b')')) {
                return None;
            }
            let field = self.ident()?.to_owned();
            if !self.eat(b':') {
                return None;
            }
            if field == name {
                return Some(self.find(rest));
            }
            self.skip_value();
            self.skip_comma();
        }
    }

    fn find_item(&mut self, index: usize, rest: &[Seg]) -> Option<usize> {
        self.skip_trivia();
        let close = match self.peek()? {
            b'[' => b']',
            b'(' => b')',
            _ => return None,
        };
        self.pos += 1;
        for _ in 0..index {
            self.skip_trivia();
            if self.peek() == Some(close) || self.peek().is_none() {
                return None;
            }
            self.skip_value();
            self.skip_comma();
        }
        self.skip_trivia();
        if self.peek() == Some(close) {
            return None;
        }
        Some(self.find(rest))
    }

    fn find_entry(&mut self, index: usize, key: bool, rest: &[Seg]) -> Option<usize> {
        if !self.eat(b'{') {
            return None;
        }
        for _ in 0..index {
            self.skip_trivia();
            if matches!(self.peek(), None | Some(b'}')) {
                return None;
            }
            self.skip_value();
            if !self.eat(b':') {
                return None;
            }
            self.skip_value();
            self.skip_comma();
        }
        self.skip_trivia();
        if matches!(self.peek(), None | Some(b'}')) {
            return None;
        }
        if key {
            return Some(self.pos);
        }
        self.skip_value();
        if !self.eat(b':') {
            return None;
        }
        Some(self.find(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// a comment (with parens
Scenario(
    id: "x",
    /* block /* nested */ still */ title: "T (with) [brackets]",
    scenes: {
        "a": Scene(text: "hi", choices: [(text: "go", next: "b")]),
        "b": Scene(
            text: r#"raw "quote""#,
            choices: [
                (text: "x", next: "a"),
                (text: "y", grade: Appropriate, next: "outsid"),
            ],
        ),
    },
)
"##;

    fn at(line: usize, col: usize) -> Position {
        Position { line, col }
    }

    #[test]
    fn finds_fields_entries_and_items() {
        assert_eq!(locate(TEXT, &[Seg::Field("id")]), at(3, 9));
        assert_eq!(locate(TEXT, &[Seg::Field("title")]), at(4, 43));
        assert_eq!(locate(TEXT, &[Seg::Field("scenes"), Seg::Key(1)]), at(7, 9));
        let next = [
            Seg::Field("scenes"),
            Seg::Value(1),
            Seg::Field("choices"),
            Seg::Index(1),
            Seg::Field("next"),
        ];
        assert_eq!(locate(TEXT, &next), at(11, 55));
    }

    #[test]
    fn falls_back_to_the_nearest_enclosing_value() {
        let missing = [Seg::Field("scenes"), Seg::Value(0), Seg::Field("image")];
        assert_eq!(locate(TEXT, &missing), at(6, 14));
        assert_eq!(
            locate(TEXT, &[Seg::Field("scenes"), Seg::Key(7)]),
            at(5, 13)
        );
        assert_eq!(locate("", &[Seg::Field("id")]), at(1, 1));
    }

    #[test]
    fn survives_broken_and_deeply_nested_text() {
        // It gives up after a bounded number of wrappers instead of recursing 100,000 deep.
        let deep = "(".repeat(100_000);
        assert_eq!(locate(&deep, &[Seg::Field("id")]).line, 1);
        let unterminated = "Scenario(id: \"x";
        assert_eq!(locate(unterminated, &[Seg::Field("title")]), at(1, 1));
    }
}
