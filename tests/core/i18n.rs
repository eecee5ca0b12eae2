//! The words: every Fluent file parses, both languages define the same messages with the same
//! arguments, every message the program asks for exists, and the app's views and screens hold no
//! English of their own (their words come from the Fluent files).

use fluent_syntax::ast;
use mpa_trainer::i18n::{self, Lang};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each message and attribute id of a language, with the variables its patterns use.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, text) in i18n::files(lang) {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{}/{name}.ftl: {errors:?}", lang.code()));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let id = m.id.name.to_owned();
                assert!(
                    out.insert(id.clone(), variables(m.value.as_ref()))
                        .is_none(),
                    "{}: {id} is defined twice",
                    lang.code()
                );
                for a in &m.attributes {
                    out.insert(format!("{id}.{}", a.id.name), variables(Some(&a.value)));
                }
            }
        }
    }
    out
}

fn variables(pattern: Option<&ast::Pattern<&str>>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let Some(p) = pattern {
        self::pattern_vars(p, &mut out);
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                inline_vars(p, out);
            }
        }
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_and_arguments() {
    let en = messages(Lang::En);
    let es = messages(Lang::Es);
    let only_en: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    let only_es: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "not in Spanish: {only_en:?}");
    assert!(only_es.is_empty(), "not in English: {only_es:?}");
    for (id, vars) in &en {
        assert_eq!(vars, &es[id], "{id}: the languages use different arguments");
    }
    assert!(en.len() > 100, "only {} messages", en.len());
}

/// Every `tr!(w, "id"...)` and `.t("id")` in the program's source.
fn ids_used() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for path in rust_files("src") {
        let text: String = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for marker in ["tr!(", ".t(", ".t_with("] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                let Some(open) = rest.find('"') else { continue };
                // The id is the first string literal of the call, before its end.
                if rest[..open].contains(')') || rest[..open].contains(';') {
                    continue;
                }
                let id: String = rest[open + 1..].chars().take_while(|c| *c != '"').collect();
                if id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                    && !id.is_empty()
                {
                    out.insert((id, path.display().to_string()));
                }
            }
        }
    }
    out
}

/// The `.rs` files under a folder of the package, at any depth.
fn rust_files(folder: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn every_message_the_program_asks_for_exists() {
    let en = messages(Lang::En);
    let used = ids_used();
    assert!(used.len() > 50, "only {} ids found", used.len());
    let missing: Vec<_> = used.iter().filter(|(id, _)| !en.contains_key(id)).collect();
    assert!(missing.is_empty(), "not defined: {missing:?}");
}

#[test]
fn words_come_out_in_each_language_with_plurals() {
    let en = i18n::words(Lang::En);
    let es = i18n::words(Lang::Es);
    assert_ne!(en.t("start-heading"), es.t("start-heading"));
    assert!(!en.t("start-heading").contains("start-heading"));
    assert_eq!(
        mpa_trainer::tr!(
            en,
            "cli-validate-summary",
            files = 1,
            translations = 0,
            errors = 1,
            warnings = 2
        ),
        "checked 1 scenario file, 0 translations and the catalogue: 1 error, 2 warnings"
    );
    assert_eq!(
        mpa_trainer::tr!(
            es,
            "cli-validate-summary",
            files = 1,
            translations = 0,
            errors = 1,
            warnings = 2
        ),
        "revisado 1 archivo de escenario, 0 traducciones y el catálogo: 1 error, 2 avisos"
    );
}

#[test]
fn languages_are_read_from_locales() {
    assert_eq!(Lang::from_code("es_TT.UTF-8"), Some(Lang::Es));
    assert_eq!(Lang::from_code("es-VE"), Some(Lang::Es));
    assert_eq!(Lang::from_code("en_GB.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_code("C.UTF-8"), None);
    assert_eq!(Lang::from_code("fr"), None);
}

/// The app's views and screens: no string literal with English words outside tests, comments,
/// message ids, and the few named exceptions (egui ids, formats with no words).
#[test]
fn no_english_left_in_the_app() {
    let mut offenders = Vec::new();
    for path in rust_files("src/app") {
        let text = std::fs::read_to_string(&path).unwrap();
        // Tests at the end of a file may speak English.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//")
                || trimmed.starts_with("#[")
                || trimmed.starts_with("reason = ")
                || line.contains("i18n-ok")
            {
                continue;
            }
            for literal in literals(line) {
                let words = literal
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() > 1 && w.chars().any(char::is_lowercase))
                    .count();
                let looks_like_id = literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_./{}:".contains(c));
                if words >= 2 && !looks_like_id {
                    offenders.push(format!("{}:{}: {literal}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "English in the app (move it to locales/, or mark a non-word with `// i18n-ok`):\n{}",
        offenders.join("\n")
    );
}

/// The string literals of a line of Rust (plain ones; escapes skipped over).
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == '"' && prev != '\'' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
        }
        prev = c;
    }
    out
}
