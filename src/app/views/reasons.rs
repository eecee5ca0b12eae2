//! Why a practice scenario is suggested, in words: the core's typed reason, with the catalogue's
//! labels in the trainee's language.

use crate::i18n::Words;
use crate::practice::Reason;
use crate::scenario::Catalogue;
use crate::tr;

/// The reason with each indicator and principle id replaced by its label in `catalogue`.
pub fn labelled(reason: &Reason, catalogue: &Catalogue) -> Reason {
    let label = |id: &str| catalogue.label(id).to_owned();
    Reason {
        due: reason.due.iter().map(|i| label(i)).collect(),
        missed: reason
            .missed
            .iter()
            .map(|(i, m, n)| (label(i), *m, *n))
            .collect(),
        breached: reason
            .breached
            .iter()
            .map(|(p, n)| (label(p), *n))
            .collect(),
        unplayed: reason.unplayed,
    }
}

/// One or two sentences saying why (labels already in place, see `labelled`).
pub fn reason_words(w: &Words, r: &Reason) -> String {
    let mut parts = Vec::new();
    if !r.missed.is_empty() {
        let list: Vec<String> = r
            .missed
            .iter()
            .map(|(label, m, n)| {
                tr!(
                    w,
                    "reason-missed-item",
                    label = label.as_str(),
                    missed = *m,
                    shown = *n
                )
            })
            .collect();
        parts.push(tr!(w, "reason-missed", list = list.join(", ")));
    }
    if !r.breached.is_empty() {
        let list: Vec<String> = r
            .breached
            .iter()
            .map(|(label, n)| {
                tr!(
                    w,
                    "reason-breached-item",
                    label = label.as_str(),
                    times = *n
                )
            })
            .collect();
        parts.push(tr!(w, "reason-breached", list = list.join(", ")));
    }
    if parts.is_empty() {
        parts.push(if r.unplayed {
            tr!(w, "reason-unplayed")
        } else {
            tr!(w, "reason-general")
        });
    }
    let mut text = capitalise(&parts.join(&tr!(w, "reason-and")));
    text.push('.');
    if r.due.is_empty() {
        text
    } else {
        tr!(w, "reason-due", list = r.due.join(", "), rest = text)
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
