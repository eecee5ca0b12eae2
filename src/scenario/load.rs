//! Reading RON: the parser options of the format, and syntax and type errors turned into
//! plain-language messages with a position.

use super::diagnostic::Position;
use super::validate::suggest;
use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;
use std::path::Path;

/// The parser options of the format: `implicit_some` and `unwrap_newtypes` on without a header
/// line, plus `unwrap_variant_newtypes` so that `Scene(text: ..)` reads as a scene.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_default_extension(Extensions::UNWRAP_NEWTYPES)
        .with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_recursion_limit(128)
}

/// A file that could not be read or parsed: where, and why in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub position: Position,
    pub message: String,
}

/// Parses RON text into a model type, with the format's options.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    ron_options().from_str(text).map_err(|e| translate(&e))
}

/// Reads a text file of at most `limit` bytes, as UTF-8.
pub fn read_text(path: &Path, limit: usize) -> Result<String, ParseError> {
    let at_start = |message: String| ParseError {
        position: Position::START,
        message,
    };
    // Read one byte past the limit to tell "at the limit" from "over it" without trusting metadata.
    let bytes =
        crate::files::read_limited(path, limit as u64 + 1).map_err(|e| at_start(io_message(&e)))?;
    if bytes.len() > limit {
        return Err(at_start(format!(
            "the file is larger than the limit of {} MiB; split it or remove what is not needed",
            limit / (1024 * 1024)
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        ParseError {
            position: Position::of_offset(&text, valid),
            message: "the file is not UTF-8 text here; save it with the UTF-8 encoding".to_owned(),
        }
    })
}

/// Plain words for a file error.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file was not found".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "the file cannot be read: permission denied".to_owned()
        }
        std::io::ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
        _ => format!("the file cannot be read: {e}"),
    }
}

/// What a struct is, in a trainer's words.
fn thing(outer: Option<&str>) -> &'static str {
    match outer {
        Some("Scenario") => "the scenario",
        Some("Catalogue") => "the catalogue",
        Some("Scene") => "this scene",
        Some("Choice") => "this choice",
        Some("Observation") => "this observation",
        Some("Referral") => "this referral",
        Some("Classify") => "this classification",
        Some("Ending") => "this ending",
        Some("Indicator") => "this indicator",
        Some("Principle") => "this principle",
        Some("Service") => "this service",
        Some("CaseType") => "this case type",
        Some("Script") => "the script",
        Some("Plan") => "the plan",
        _ => "this item",
    }
}

/// Why a missing field matters, where a hint helps.
fn missing_hint(field: &str) -> &'static str {
    match field {
        "next" => ": say which scene comes next, like next: \"outside\"",
        "text" => ": write what the trainee reads, in double quotes",
        "id" => ": give it an id of lower-case letters, digits, _ and -",
        "title" => ": give it a title in double quotes",
        "pass_mark" => ": the score needed to pass, between 0 and 1, like pass_mark: 0.7",
        "start" => ": name the scene play starts at, like start: \"arrival\"",
        "scenes" => ": list the scenes in braces, like scenes: { \"arrival\": Scene(..) }",
        "outcome" => ": one of Protected, PartlyProtected, NotProtected, Harmed",
        "options" => ": list the case types to choose from, like options: [\"trafficking\"]",
        "answer" => ": name the right case type, like answer: \"trafficking\"",
        "services" => ": rate services in braces, like services: { \"ctu\": Required }",
        "label" => ": give it a short name in double quotes",
        _ => "",
    }
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Turns a parser error into a trainer's message at its position.
pub fn translate(error: &SpannedError) -> ParseError {
    let position = Position {
        line: error.span.start.line.max(1),
        col: error.span.start.col.max(1),
    };
    let message = match &error.code {
        RonError::Eof => "the file ends too early: a closing bracket, parenthesis or quote is \
                          probably missing"
            .to_owned(),
        RonError::ExpectedComma => {
            "a comma is missing here, between two items or fields".to_owned()
        }
        RonError::ExpectedMapColon => "a colon `:` is missing after this key".to_owned(),
        RonError::ExpectedMapEnd => "a closing brace `}` or a comma is missing here".to_owned(),
        RonError::ExpectedArrayEnd => "a closing bracket `]` or a comma is missing here".to_owned(),
        RonError::ExpectedStructLikeEnd => {
            "a closing parenthesis `)` or a comma is missing here".to_owned()
        }
        RonError::ExpectedString => "a text in double quotes is expected here".to_owned(),
        RonError::ExpectedStringEnd => {
            "this text is not closed: its closing double quote is missing".to_owned()
        }
        RonError::ExpectedArray => "a list in brackets [ ... ] is expected here".to_owned(),
        RonError::ExpectedMap => {
            "a map in braces { \"key\": value, ... } is expected here".to_owned()
        }
        RonError::ExpectedBoolean => "true or false is expected here".to_owned(),
        RonError::ExpectedFloat | RonError::ExpectedInteger => {
            "a number is expected here".to_owned()
        }
        RonError::IntegerOutOfBounds => "this number is too large".to_owned(),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            "a parenthesised group ( ... ) is expected here".to_owned()
        }
        RonError::ExpectedDifferentStructName { expected, found } => {
            format!("this should be `{expected}( ... )`, not `{found}( ... )`")
        }
        RonError::ExpectedIdentifier => "a field name is expected here".to_owned(),
        RonError::UnclosedBlockComment => "a /* comment */ is not closed".to_owned(),
        RonError::UnexpectedChar(c) => format!("the character `{c}` is not expected here"),
        RonError::TrailingCharacters => {
            "there is more text after the end; a bracket may be closed too early".to_owned()
        }
        RonError::ExceededRecursionLimit => {
            "brackets are nested too deeply here (more than 128 levels)".to_owned()
        }
        RonError::InvalidEscape(what) => format!("invalid escape in a text: {what}"),
        RonError::Utf8Error(_) => {
            "the file is not UTF-8 text here; save it with the UTF-8 encoding".to_owned()
        }
        RonError::MissingStructField { field, outer } => format!(
            "{} has no `{field}`, which is required{}",
            thing(outer.as_deref()),
            missing_hint(field)
        ),
        RonError::DuplicateStructField { field, outer } => {
            format!("`{field}` is written twice in {}", thing(outer.as_deref()))
        }
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let hint = suggest(found, expected.iter().copied())
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            format!(
                "`{found}` is not a field of {}; {hint}(it may have {})",
                thing(outer.as_deref()),
                quoted_list(expected)
            )
        }
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = match outer.as_deref() {
                Some("Grade") => "a grade",
                Some("Outcome") => "an outcome",
                Some("Rating") => "a service rating",
                Some("Dimension") => "a dimension",
                Some("Strength") => "a strength",
                Some("SceneKind") => "a kind of scene",
                Some("Action") => "a script action",
                Some("AssessmentForm") => "an assessment form",
                Some("Mode") => "a mode",
                _ => "a valid word here",
            };
            let hint = suggest(found, expected.iter().copied())
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            format!(
                "`{found}` is not {what}; {hint}(use one of {})",
                quoted_list(expected)
            )
        }
        RonError::InvalidValueForType { expected, found } => {
            format!("expected {expected} here, but found {found}")
        }
        RonError::ExpectedDifferentLength { expected, found } => {
            format!("expected {expected} here, but found {found} items")
        }
        other => other.to_string(),
    };
    ParseError { position, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::{Choice, Grade, Scenario};

    #[test]
    fn implicit_some_and_unwrapped_variants_are_on() {
        let c: Choice =
            parse(r#"(text: "Go", grade: Appropriate, feedback: "Good.", next: "b")"#).unwrap();
        assert_eq!(c.grade, Some(Grade::Appropriate));
        assert_eq!(c.feedback.as_deref(), Some("Good."));
        let s: Scenario = parse(
            r#"Scenario(id: "a", title: "A", pass_mark: 0.5, start: "x",
               scenes: { "x": Ending(title: "E", text: "t", outcome: Protected) })"#,
        )
        .unwrap();
        assert_eq!(s.scenes.len(), 1);
    }

    #[test]
    fn unknown_fields_and_variants_get_suggestions() {
        let e = parse::<Choice>("(text: \"Go\", nxet: \"b\")").unwrap_err();
        assert!(
            e.message
                .contains("`nxet` is not a field of this choice; did you mean `next`?"),
            "{}",
            e.message
        );
        assert_eq!(e.position, Position { line: 1, col: 14 });
        let e = parse::<Choice>("(text: \"Go\", grade: Apropriate, next: \"b\")").unwrap_err();
        assert!(
            e.message.contains("did you mean `Appropriate`?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn missing_fields_say_what_is_needed() {
        let e = parse::<Choice>("(text: \"Go\")").unwrap_err();
        assert!(
            e.message
                .starts_with("this choice has no `next`, which is required"),
            "{}",
            e.message
        );
    }
}
