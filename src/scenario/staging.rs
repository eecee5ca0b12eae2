//! Checks of a scenario's staging: the cast, each scene's place, who is shown with which face,
//! the description of each picture for a screen reader, and the choices' reactions.
//!
//! A scenario with a cast (or with any scene placed) is staged: every scene then has a place
//! and a description. Looks and places are checked against the assets folder when it is known.

use super::diagnostic::{Finding, Seg};
use super::model::{Face, Place, Scenario, SceneKind, Shown, is_valid_id};
use super::validate::{bad_id_message, did_you_mean};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The most people one picture shows.
pub const MAX_SHOWN: usize = 3;

/// The file of a look's face, relative to the assets folder.
pub fn face_file(look: &str, face: Face) -> String {
    format!("people/{look}/{}.svg", face.file_stem())
}

/// The file of a place's backdrop, relative to the assets folder.
pub fn place_file(place: Place) -> String {
    format!("places/{}.svg", place.file_stem())
}

/// Whether a look's name can be a folder name of `assets/people` (no path, no capitals).
fn is_look_name(look: &str) -> bool {
    !look.is_empty()
        && look
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The looks in the assets folder: the folders of `assets/people`.
fn looks_in(assets: &Path) -> Vec<String> {
    let mut looks: Vec<String> = crate::files::list(&assets.join("people"))
        .into_iter()
        .flatten()
        .filter(|e| e.is_dir)
        .map(|e| e.name())
        .collect();
    looks.sort();
    looks
}

/// Every finding about the staging of a scenario.
pub fn check_staging(s: &Scenario, assets: Option<&Path>) -> Vec<Finding> {
    let mut f = Vec::new();
    let looks = assets.map(looks_in).unwrap_or_default();

    // The cast.
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, person) in s.cast.iter().enumerate() {
        let at = |field| vec![Seg::Field("cast"), Seg::Index(i), Seg::Field(field)];
        if !is_valid_id(&person.id) {
            f.push(Finding::error(at("id"), bad_id_message("cast", &person.id)));
        }
        if !seen.insert(&person.id) {
            f.push(Finding::error(
                at("id"),
                format!("the cast id \"{}\" is used twice", person.id),
            ));
        }
        if person.name.trim().is_empty() {
            f.push(Finding::error(
                at("name"),
                "the name is empty; trainees and screen readers know the person by it",
            ));
        }
        if !is_look_name(&person.look) {
            f.push(Finding::error(
                at("look"),
                format!(
                    "the look \"{}\" is not a folder name of assets/people: lower-case letters, \
                     digits, - and _ only",
                    person.look
                ),
            ));
        } else if let Some(assets) = assets {
            let missing: Vec<&str> = Face::ALL
                .iter()
                .filter(|&&face| {
                    !crate::files::is_file(&assets.join(face_file(&person.look, face)))
                })
                .map(|face| face.file_stem())
                .collect();
            if missing.len() == Face::ALL.len() {
                f.push(Finding::error(
                    at("look"),
                    format!(
                        "there is no look \"{}\" in {}{}",
                        person.look,
                        assets.join("people").display(),
                        did_you_mean(&person.look, looks.iter().map(String::as_str))
                    ),
                ));
            } else if !missing.is_empty() {
                f.push(Finding::error(
                    at("look"),
                    format!(
                        "the look \"{}\" has no face {} in {}; every look has all six faces",
                        person.look,
                        missing.join(", "),
                        assets.join("people").join(&person.look).display()
                    ),
                ));
            }
        }
    }
    let cast_ids: Vec<&str> = s.cast.iter().map(|c| c.id.as_str()).collect();
    let unknown = |who: &str| {
        format!(
            "\"{who}\" is not in this scenario's cast{}",
            did_you_mean(who, cast_ids.iter().copied())
        )
    };

    // The scenes.
    let staged = s.is_staged();
    let mut places_checked: HashSet<Place> = HashSet::new();
    for (i, (_, kind)) in s.scenes.iter().enumerate() {
        let staging = kind.staging();
        let base = [Seg::Field("scenes"), Seg::Value(i)];
        let at = |more: &[Seg]| [&base[..], more].concat();
        match staging.place {
            None if staged => f.push(Finding::error(
                vec![Seg::Field("scenes"), Seg::Key(i)],
                "this scene has no `place`; in a scenario with a cast every scene has one \
                 (Bar, BeachLanding, Jetty, House, Market, ConstructionSite, PoliceStation, \
                 Clinic, Shelter, Roadside, Shop or Yard)",
            )),
            Some(place) if places_checked.insert(place) => {
                if let Some(assets) = assets
                    && !crate::files::is_file(&assets.join(place_file(place)))
                {
                    f.push(Finding::error(
                        at(&[Seg::Field("place")]),
                        format!(
                            "the backdrop of {place:?} is missing: {} was not found",
                            assets.join(place_file(place)).display()
                        ),
                    ));
                }
            }
            _ => {}
        }
        match staging.alt {
            None if staged => f.push(Finding::error(
                vec![Seg::Field("scenes"), Seg::Key(i)],
                "this scene has no `alt`; describe its picture (the place, who is there and how \
                 they look) for trainees who use a screen reader",
            )),
            Some(alt) if alt.trim().is_empty() => f.push(Finding::error(
                at(&[Seg::Field("alt")]),
                "the alt text is empty; describe the picture for a screen reader",
            )),
            _ => {}
        }
        check_people(
            staging.shown,
            &at(&[Seg::Field("shown")]),
            "shown",
            s,
            &unknown,
            &mut f,
        );
        if staging.shown.len() > MAX_SHOWN {
            f.push(Finding::error(
                at(&[Seg::Field("shown")]),
                format!(
                    "{} people are shown; a picture has room for {MAX_SHOWN}",
                    staging.shown.len()
                ),
            ));
        }
        let mut look_of: HashMap<&str, &str> = HashMap::new();
        for (k, shown) in staging.shown.iter().enumerate() {
            let Some(person) = s.person(&shown.who) else {
                continue;
            };
            if let Some(other) = look_of.insert(&person.look, &person.id)
                && other != person.id
            {
                f.push(Finding::warning(
                    at(&[Seg::Field("shown"), Seg::Index(k), Seg::Field("who")]),
                    format!(
                        "\"{}\" and \"{other}\" are shown together with the same look \"{}\"; \
                         give one of them another look",
                        person.id, person.look
                    ),
                ));
            }
        }
        // The reactions of the choices.
        if let SceneKind::Scene(scene) = kind {
            for (j, choice) in scene.choices.iter().enumerate() {
                let at_choice = at(&[Seg::Field("choices"), Seg::Index(j), Seg::Field("reaction")]);
                check_people(
                    &choice.reaction,
                    &at_choice,
                    "reaction",
                    s,
                    &unknown,
                    &mut f,
                );
                let Some(next) = s.scene_index(&choice.next).and_then(|n| s.scene(n)) else {
                    continue;
                };
                let next_shown = next.staging().shown;
                for (k, r) in choice.reaction.iter().enumerate() {
                    if s.person(&r.who).is_some() && !next_shown.iter().any(|x| x.who == r.who) {
                        f.push(Finding::warning(
                            [&at_choice[..], &[Seg::Index(k), Seg::Field("who")]].concat(),
                            format!(
                                "this reaction does nothing: \"{}\" is not shown in the next \
                                 scene, \"{}\"",
                                r.who, choice.next
                            ),
                        ));
                    }
                }
            }
        }
    }
    f
}

/// People named in `shown` or a `reaction`: each in the cast, and each once.
fn check_people(
    people: &[Shown],
    at: &[Seg],
    field: &str,
    s: &Scenario,
    unknown: &dyn Fn(&str) -> String,
    f: &mut Vec<Finding>,
) {
    let mut once = HashSet::new();
    for (k, shown) in people.iter().enumerate() {
        let at_who = [at, &[Seg::Index(k), Seg::Field("who")]].concat();
        if s.person(&shown.who).is_none() {
            f.push(Finding::error(at_who, unknown(&shown.who)));
        } else if !once.insert(shown.who.as_str()) {
            f.push(Finding::error(
                at_who,
                format!("\"{}\" is named twice in this `{field}` list", shown.who),
            ));
        }
    }
}
