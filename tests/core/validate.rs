//! The validator: each error of the contract found, at the token it is about, in a trainer's words.

use crate::common::*;
use mpa_trainer::scenario::{Library, LoadOptions};
use std::path::PathBuf;

/// A valid scenario to break one way at a time: `{{...}}` marks are replaced by each test.
const BASE: &str = r#"Scenario(
    id: "base",
    title: "Base",
    pass_mark: 0.7,
    flags: ["separated", "asked"],
    start: "arrival",
    scenes: {
        "arrival": Scene(
            text: "You arrive.",
            image: "scene.png",
            observations: [
                (id: "passport", text: "No passport.", indicator: "documents_withheld", note: "n"),
                (id: "phone", text: "A phone.", note: "Not an indicator."),
            ],
            choices: [
                (text: "Separate.", grade: Appropriate, set: ["separated"], upholds: ["do_no_harm"],
                 next: "outside"),
                (text: "Stay at the bar.", grade: Harmful, critical: true, breaches: ["confidentiality"],
                 next: "outside"),
                (text: "Wait.", grade: Suboptimal, next: "outside"),
            ],
        ),
        "outside": Scene(
            text: "Outside.",
            choices: [
                (text: "Ask.", grade: Appropriate, unless: ["asked"], set: ["asked"], next: "outside"),
                (text: "Refer.", grade: Appropriate, next: "refer"),
            ],
        ),
        "refer": Referral(
            text: "Refer.",
            services: { "ctu": Required, "embassy": Harmful },
            consent_flag: "separated",
            next: "classify",
        ),
        "classify": Classify(
            text: "Record.",
            options: ["trafficking", "smuggling"],
            answer: "trafficking",
            next: "safe",
        ),
        "safe": Ending(title: "Safe", text: "Safe.", outcome: Protected),
    },
)
"#;

struct Course {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

/// A temporary course with the fixture catalogue, an assets folder holding `scene.png`, and the
/// given scenario files.
fn course(files: &[(&str, &str)]) -> Course {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    std::fs::create_dir_all(root.join("assets")).unwrap();
    std::fs::write(root.join("assets/scene.png"), b"png").unwrap();
    // The art of the staged scenario: two looks with every face, and three backdrops.
    for look in ["ana", "boss"] {
        std::fs::create_dir_all(root.join("assets/people").join(look)).unwrap();
        for face in ["calm", "afraid", "wary", "sad", "relieved", "angry"] {
            std::fs::write(
                root.join(format!("assets/people/{look}/{face}.svg")),
                "<svg/>",
            )
            .unwrap();
        }
    }
    std::fs::create_dir_all(root.join("assets/places")).unwrap();
    for place in ["bar", "roadside", "police_station"] {
        std::fs::write(root.join(format!("assets/places/{place}.svg")), "<svg/>").unwrap();
    }
    std::fs::copy(
        "tests/fixtures/catalogue.ron",
        root.join("scenarios/catalogue.ron"),
    )
    .unwrap();
    for (name, text) in files {
        std::fs::write(root.join("scenarios").join(name), text).unwrap();
    }
    Course { _dir: dir, root }
}

/// Validates the course and returns each diagnostic as `name:line:col: severity: message`, with
/// the temporary folder stripped from the path.
fn diagnostics(files: &[(&str, &str)]) -> Vec<String> {
    let c = course(files);
    let options = LoadOptions::for_catalogue(&c.root.join("scenarios/catalogue.ron"));
    let library = Library::load(&[c.root.join("scenarios")], &options).unwrap();
    let prefix = format!("{}/", c.root.join("scenarios").display());
    library
        .diagnostics()
        .map(|d| d.to_string().replace(&prefix, ""))
        .collect()
}

/// The one diagnostic of `text` (as `s.ron`), which must sit at the first `at` in `text`.
#[track_caller]
fn one(text: &str, at: &str, expected: &str) {
    let found = diagnostics(&[("s.ron", text)]);
    let (line, col) = position_of(text, at);
    assert_eq!(found, vec![format!("s.ron:{line}:{col}: {expected}")]);
}

/// The only diagnostic of `text` (as `s.ron`); fails unless there is exactly one.
#[track_caller]
fn only(text: &str) -> String {
    let mut found = diagnostics(&[("s.ron", text)]);
    assert_eq!(found.len(), 1, "{found:?}");
    found.remove(0)
}

#[test]
fn the_base_scenario_is_valid() {
    assert_eq!(diagnostics(&[("s.ron", BASE)]), Vec::<String>::new());
}

#[test]
fn an_unknown_next_points_at_it_and_suggests_the_close_id() {
    let text = BASE.replace("next: \"refer\"),", "next: \"refr\"),");
    one(
        &text,
        "\"refr\"",
        "error: there is no scene \"refr\" in this scenario; did you mean \"refer\"?",
    );
}

#[test]
fn syntax_errors_are_located_and_explained() {
    let text = BASE.replace("title: \"Base\",", "title: \"Base\"");
    one(
        &text,
        "pass_mark",
        "error: a comma is missing here, between two items or fields",
    );
    let text = BASE.replace("text: \"Outside.\",", "text: \"Outside.,");
    let found = only(&text);
    assert!(found.contains(": error: "), "{found}");
}

#[test]
fn type_errors_name_the_field_and_the_choices() {
    let text = BASE.replace("grade: Harmful,", "grade: Harmfull,");
    one(
        &text,
        "Harmfull",
        "error: `Harmfull` is not a grade; did you mean `Harmful`? (use one of `Appropriate`, \
         `Acceptable`, `Suboptimal`, `Harmful`)",
    );
    let text = BASE.replace("(text: \"Ask.\",", "(txt: \"Ask.\",");
    let found = only(&text);
    let (line, col) = position_of(&text, "txt");
    assert!(
        found.starts_with(&format!(
            "s.ron:{line}:{col}: error: `txt` is not a field of this choice; did you mean `text`?"
        )),
        "{found}"
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let text = BASE.replace(
        "(text: \"Refer.\", grade: Appropriate, next: \"refer\")",
        "(text: \"Refer.\", grade: Appropriate)",
    );
    let found = only(&text);
    assert!(
        found.contains("error: this choice has no `next`, which is required"),
        "{found}"
    );
}

#[test]
fn duplicate_scene_ids_point_at_the_second() {
    let text = BASE.replace(
        "\"safe\": Ending(",
        "\"outside\": Ending(title: \"Again\", text: \"x\", outcome: Harmed),\n        \"safe\": Ending(",
    );
    let found = diagnostics(&[("s.ron", &text)]);
    let (line, col) = position_of(&text, "\"outside\": Ending");
    assert!(
        found.contains(&format!(
            "s.ron:{line}:{col}: error: the scene id \"outside\" is used twice (it is also scene 2 of \
             this file); scene ids must be unique"
        )),
        "{found:?}"
    );
}

#[test]
fn duplicate_observation_ids_point_at_the_second() {
    let text = BASE.replace(
        "text: \"Outside.\",",
        "text: \"Outside.\",\n            observations: [(id: \"phone\", text: \"Again.\")],",
    );
    one(
        &text,
        "\"phone\", text: \"Again.\"",
        "error: the observation id \"phone\" is already used in scene \"arrival\"; observation ids \
         must be unique within a scenario",
    );
}

#[test]
fn unknown_catalogue_ids_and_flags_are_named() {
    let cases = [
        (
            "indicator: \"documents_withheld\"",
            "indicator: \"documents_withheldd\"",
            "\"documents_withheldd\"",
            "error: there is no indicator \"documents_withheldd\" in the catalogue; did you mean \"documents_withheld\"?",
        ),
        (
            "upholds: [\"do_no_harm\"]",
            "upholds: [\"do_no_harn\"]",
            "\"do_no_harn\"",
            "error: there is no principle \"do_no_harn\" in the catalogue; did you mean \"do_no_harm\"?",
        ),
        (
            "\"ctu\": Required",
            "\"cut\": Required",
            "\"cut\"",
            "error: there is no service \"cut\" in the catalogue; did you mean \"ctu\"?",
        ),
        (
            "options: [\"trafficking\", \"smuggling\"]",
            "options: [\"trafficking\", \"smugling\"]",
            "\"smugling\"",
            "error: there is no case type \"smugling\" in the catalogue; did you mean \"smuggling\"?",
        ),
        (
            "set: [\"separated\"]",
            "set: [\"seperated\"]",
            "\"seperated\"",
            "error: the `set` flag \"seperated\" is not declared in this scenario's `flags` list; did you mean \"separated\"?",
        ),
        (
            "consent_flag: \"separated\"",
            "consent_flag: \"consent\"",
            "\"consent\"",
            "error: the consent flag \"consent\" is not declared in this scenario's `flags` list",
        ),
    ];
    for (from, to, at, expected) in cases {
        one(&BASE.replace(from, to), at, expected);
    }
}

#[test]
fn a_scene_without_choices_is_refused() {
    let text = BASE.replace(
        "(text: \"Ask.\", grade: Appropriate, unless: [\"asked\"], set: [\"asked\"], next: \"outside\"),\n                (text: \"Refer.\", grade: Appropriate, next: \"refer\"),",
        "",
    );
    let found = diagnostics(&[("s.ron", &text)]);
    let (line, col) = position_of(&text, "\"outside\": Scene");
    assert_eq!(
        found,
        vec![format!(
            "s.ron:{line}:{col}: error: scene \"outside\" has no choices; a Scene needs at least one \
             choice (or make it an Ending)"
        )]
    );
}

#[test]
fn an_unreachable_scene_is_refused() {
    let text = BASE.replace(
        "\"safe\": Ending(",
        "\"lost\": Ending(title: \"Lost\", text: \"x\", outcome: Harmed),\n        \"safe\": Ending(",
    );
    one(
        &text,
        "\"lost\"",
        "error: no path from the start reaches scene \"lost\": no choice leads here, or only choices \
         that flags hide",
    );
}

#[test]
fn a_state_with_every_choice_hidden_is_a_dead_end() {
    // Once `asked` is set, "Refer." is hidden too: outside with both flags has no way on.
    let text = BASE.replace(
        "(text: \"Refer.\", grade: Appropriate, next: \"refer\")",
        "(text: \"Refer.\", grade: Appropriate, unless: [\"asked\"], next: \"refer\")",
    );
    one(
        &text,
        "\"outside\": Scene",
        "error: when a trainee reaches scene \"outside\" with the flags separated, asked set, no ending \
         can be reached: every choice here is hidden by its `requires` or `unless` flags",
    );
}

#[test]
fn a_loop_that_sets_no_flag_is_a_cycle() {
    let text = BASE.replace(
        "(text: \"Ask.\", grade: Appropriate, unless: [\"asked\"], set: [\"asked\"], next: \"outside\")",
        "(text: \"Ask.\", grade: Appropriate, next: \"outside\")",
    );
    one(
        &text,
        "(text: \"Ask.\"",
        "error: this choice leads back to scene \"outside\" with the same flags set, so play could go \
         round forever; a loop must set a flag that ends it (give the returning choice `set: [\"...\"]` \
         and `unless: [\"...\"]`)",
    );
}

#[test]
fn pass_mark_answer_media_and_flag_limits() {
    one(
        &BASE.replace("pass_mark: 0.7", "pass_mark: 1.5"),
        "1.5",
        "error: the pass_mark is 1.5; it must be between 0 and 1 (0.7 means 70%)",
    );
    one(
        &BASE.replace("answer: \"trafficking\"", "answer: \"labour_exploitation\""),
        "\"labour_exploitation\"",
        "error: the answer \"labour_exploitation\" is not one of this question's options (trafficking, smuggling)",
    );
    one(
        &BASE.replace("image: \"scene.png\"", "image: \"../secret.png\""),
        "\"../secret.png\"",
        "error: the media path \"../secret.png\" leaves the assets folder; write it relative to assets/, \
         like \"scenes/bar.png\", without \"..\" or a drive or leading slash",
    );
    one(
        &BASE.replace("image: \"scene.png\"", "image: \"C:/pictures/bar.png\""),
        "\"C:/pictures/bar.png\"",
        "error: the media path \"C:/pictures/bar.png\" leaves the assets folder; write it relative to \
         assets/, like \"scenes/bar.png\", without \"..\" or a drive or leading slash",
    );
    let missing = diagnostics(&[("s.ron", &BASE.replace("scene.png", "nope.png"))]);
    assert_eq!(missing.len(), 1);
    assert!(
        missing[0].contains("error: the media file \"nope.png\" was not found in "),
        "{missing:?}"
    );
    let many: Vec<String> = (0..17).map(|i| format!("\"f{i}\"")).collect();
    one(
        &BASE.replace(
            "flags: [\"separated\", \"asked\"]",
            &format!("flags: [\"separated\", \"asked\", {}]", many.join(", ")),
        ),
        "[\"separated\"",
        "error: this scenario declares 19 flags; the limit is 16",
    );
}

#[test]
#[cfg(unix)]
fn a_media_link_pointing_outside_assets_is_refused() {
    let c = course(&[("s.ron", &BASE.replace("scene.png", "link.png"))]);
    std::os::unix::fs::symlink("/etc/hostname", c.root.join("assets/link.png")).unwrap();
    let options = LoadOptions::for_catalogue(&c.root.join("scenarios/catalogue.ron"));
    let library = Library::load(&[c.root.join("scenarios")], &options).unwrap();
    let found: Vec<String> = library.diagnostics().map(|d| d.message.clone()).collect();
    assert_eq!(
        found,
        vec![
            "the media path \"link.png\" is a link that points outside the assets folder; copy the file into assets/ instead"
        ]
    );
}

#[test]
fn duplicate_scenario_ids_across_files_are_refused_and_others_still_load() {
    let broken = "Scenario(id: \"broken\",";
    let found = diagnostics(&[("a.ron", BASE), ("b.ron", BASE), ("c.ron", broken)]);
    let (line, col) = position_of(BASE, "\"base\"");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(&format!(
            "b.ron:{line}:{col}: error: the scenario id \"base\" is already used by "
        )),
        "{found:?}"
    );
    assert!(found[1].starts_with("c.ron:1:"), "{found:?}");
}

#[test]
fn warnings_for_no_red_herrings_and_an_ending_no_pass_reaches() {
    let text = BASE.replace(
        "(id: \"phone\", text: \"A phone.\", note: \"Not an indicator.\"),",
        "",
    );
    let found = diagnostics(&[("s.ron", &text)]);
    let scenes = position_of(&text, "{\n        \"arrival\"");
    let safe = position_of(&text, "\"safe\": Ending");
    // With no red herring, flagging everything costs nothing: a surface-cue warning follows.
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[2].contains("surface-cue"), "{}", found[2]);
    assert_eq!(
        found[..2],
        vec![
            format!(
                "s.ron:{}:{}: warning: this scenario has no red herrings (observations with \
                 neither an indicator nor a factor); add some, so trainees learn to tell true \
                 indicators from ordinary details",
                scenes.0, scenes.1
            ),
            format!(
                "s.ron:{}:{}: warning: a path to ending \"safe\" shows no red herring, so a \
                 trainee on it loses nothing by flagging every observation; add an ordinary \
                 detail (an observation with neither indicator nor factor) to a scene on that path",
                safe.0, safe.1
            ),
        ]
    );
    // A protective ending only the critical choice leads to.
    let text = BASE
        .replace("critical: true, breaches: [\"confidentiality\"],\n                 next: \"outside\"", "critical: true, breaches: [\"confidentiality\"],\n                 next: \"caught\"")
        .replace("\"safe\": Ending(", "\"caught\": Ending(title: \"Caught\", text: \"x\", outcome: PartlyProtected),\n        \"safe\": Ending(");
    one(
        &text,
        "\"caught\": Ending",
        "warning: no path reaches ending \"caught\" with a pass: every path here takes a critical choice",
    );
    // A harmful ending is never expected to pass: no warning for it.
    let text = text.replace("outcome: PartlyProtected", "outcome: Harmed");
    assert_eq!(diagnostics(&[("s.ron", &text)]), Vec::<String>::new());
}

#[test]
fn an_observation_is_an_indicator_or_a_factor_never_both() {
    let text = BASE.replace(
        "(id: \"phone\", text: \"A phone.\", note: \"Not an indicator.\"),",
        "(id: \"phone\", text: \"A phone.\", note: \"Not an indicator.\"),\n                \
         (id: \"english\", text: \"No English.\", indicator: \"isolated\", factor: \"language_barrier\"),",
    );
    one(
        &text,
        "\"language_barrier\"",
        "error: observation \"english\" has both an indicator (\"isolated\") and a factor; give \
         it one: an indicator if it is a sign of trafficking, a factor if it is a circumstance \
         that makes the person vulnerable",
    );
}

#[test]
fn unknown_factors_are_named_with_a_suggestion_or_the_right_field() {
    let add = |obs: &str| {
        BASE.replace(
            "(id: \"phone\", text: \"A phone.\", note: \"Not an indicator.\"),",
            &format!(
                "(id: \"phone\", text: \"A phone.\", note: \"Not an indicator.\"),\n                {obs}"
            ),
        )
    };
    let text = add("(id: \"english\", text: \"No English.\", factor: \"language_barier\"),");
    one(
        &text,
        "\"language_barier\"",
        "error: there is no vulnerability factor \"language_barier\" in the catalogue; did you \
         mean \"language_barrier\"?",
    );
    let text = add("(id: \"english\", text: \"No English.\", factor: \"isolated\"),");
    one(
        &text,
        "\"isolated\"",
        "error: there is no vulnerability factor \"isolated\" in the catalogue; \"isolated\" is \
         an indicator: write `indicator: \"isolated\"`",
    );
    let text = add("(id: \"english\", text: \"No English.\", indicator: \"language_barrier\"),");
    one(
        &text,
        "\"language_barrier\"",
        "error: there is no indicator \"language_barrier\" in the catalogue; \"language_barrier\" \
         is a vulnerability factor: write `factor: \"language_barrier\"`",
    );
}

#[test]
fn declined_belongs_to_a_not_protected_ending_only() {
    let text = BASE.replace("outcome: Protected)", "outcome: Protected, declined: true)");
    one(
        &text,
        "true)",
        "error: `declined: true` marks the person's own informed refusal of help, which only a \
         NotProtected ending can be; this ending is Protected",
    );
}

#[test]
fn a_consent_exempt_service_must_be_listed_as_required_or_recommended() {
    let text = BASE.replace(
        "consent_flag: \"separated\",",
        "consent_flag: \"separated\",\n            consent_exempt: [\"embassy\", \"medical\"],",
    );
    let found = diagnostics(&[("s.ron", &text)]);
    let embassy = position_of(&text, "\"embassy\", \"medical\"");
    let medical = position_of(&text, "\"medical\"]");
    assert_eq!(
        found,
        vec![
            format!(
                "s.ron:{}:{}: error: \"embassy\" is rated Harmful in this referral, so it cannot \
                 be consent-exempt; only a Required or Recommended service (child protection for \
                 a child, emergency care) may be ticked without consent",
                embassy.0, embassy.1
            ),
            format!(
                "s.ron:{}:{}: error: the consent-exempt service \"medical\" is not listed in this \
                 referral's `services`; list it as Required or Recommended",
                medical.0, medical.1
            ),
        ]
    );
}

#[test]
fn an_id_both_indicator_and_factor_in_the_catalogue_is_refused() {
    let c = course(&[("s.ron", BASE)]);
    let path = c.root.join("scenarios/catalogue.ron");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("(id: \"language_barrier\"", "(id: \"isolated\"");
    std::fs::write(&path, &text).unwrap();
    let options = LoadOptions::for_catalogue(&path);
    let library = Library::load(&[c.root.join("scenarios")], &options).unwrap();
    assert!(library.catalogue.is_none());
    let (line, col) = position_of(&text, "\"isolated\", label: \"Does not");
    let first = library.diagnostics().next().unwrap();
    assert_eq!(
        (first.position.line, first.position.col),
        (line, col),
        "{first}"
    );
    assert!(
        first
            .message
            .starts_with("\"isolated\" is both an indicator and a vulnerability factor"),
        "{first}"
    );
}

#[test]
fn a_scenario_whose_best_choice_is_usually_the_longest_is_warned() {
    let text = BASE.replace("\"Stay at the bar.\"", "\"Stay.\"");
    one(
        &text,
        "\"arrival\": Scene",
        "warning: length cue: in 1 of the 1 decision scenes the best choice is also the longest \
         (arrival), so a trainee can guess it by its length; make the choices of each scene \
         similar in length and care",
    );
}

#[test]
fn a_scenario_a_surface_cue_player_passes_is_warned_at_the_pass_mark() {
    // Make the referral harmless to tick in full and drop the classification's trap: always the
    // longest choice, every service, "trafficking", then passes unless flagging costs.
    let text = BASE
        .replace("\"Stay at the bar.\"", "\"Stay.\"")
        .replace("\"embassy\": Harmful", "\"shelter\": Recommended")
        .replace("pass_mark: 0.7", "pass_mark: 0.3");
    let found = diagnostics(&[("s.ron", &text)]);
    let at = position_of(&text, "0.3");
    let surface: Vec<&String> = found.iter().filter(|d| d.contains("surface-cue")).collect();
    assert_eq!(surface.len(), 1, "{found:#?}");
    assert!(
        surface[0].starts_with(&format!(
            "s.ron:{}:{}: warning: surface-cue pass: a trainee who knows nothing and always takes \
             the longest choice,",
            at.0, at.1
        )),
        "{}",
        surface[0]
    );
    assert!(surface[0].contains(" passes with "), "{}", surface[0]);
}

#[test]
fn a_broken_catalogue_is_reported_and_scenarios_are_not_played() {
    let c = course(&[("s.ron", BASE)]);
    std::fs::write(
        c.root.join("scenarios/catalogue.ron"),
        "Catalogue(indicators: [",
    )
    .unwrap();
    let options = LoadOptions::for_catalogue(&c.root.join("scenarios/catalogue.ron"));
    let library = Library::load(&[c.root.join("scenarios")], &options).unwrap();
    assert!(library.catalogue.is_none());
    assert_eq!(library.playable().count(), 0);
    let messages: Vec<String> = library.diagnostics().map(|d| d.message.clone()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[1].contains("until the catalogue loads"));
}

#[test]
fn a_file_over_the_size_limit_names_the_limit() {
    let c = course(&[]);
    let big = format!("// {}\n{BASE}", "x".repeat(5 * 1024 * 1024));
    std::fs::write(c.root.join("scenarios/big.ron"), big).unwrap();
    let options = LoadOptions::for_catalogue(&c.root.join("scenarios/catalogue.ron"));
    let library = Library::load(&[c.root.join("scenarios")], &options).unwrap();
    let messages: Vec<String> = library.diagnostics().map(|d| d.message.clone()).collect();
    assert_eq!(
        messages,
        vec!["the file is larger than the limit of 4 MiB; split it or remove what is not needed"]
    );
}

#[test]
fn a_missing_path_cannot_be_loaded() {
    let err =
        Library::load(&[PathBuf::from("tests/fixtures/nope")], &fixture_options()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "tests/fixtures/nope: no such file or folder"
    );
}

#[test]
fn scenes_observations_and_choices_beyond_the_limits_are_refused_naming_the_limit() {
    let choices: String = (0..21)
        .map(|i| format!("(text: \"c{i}\", next: \"outside\"), "))
        .collect();
    let text = BASE.replace(
        "            choices: [\n                (text: \"Separate.\"",
        &format!("            choices: [{choices}\n                (text: \"Separate.\""),
    );
    let found = only(&text);
    assert!(
        found.ends_with("error: scene \"arrival\" has 24 choices; the limit is 20"),
        "{found}"
    );

    let observations: String = (0..51)
        .map(|i| format!("(id: \"x{i}\", text: \"x\"), "))
        .collect();
    let text = BASE.replace(
        "            text: \"Outside.\",",
        &format!("            text: \"Outside.\",\n            observations: [{observations}],"),
    );
    let found = only(&text);
    assert!(
        found.ends_with("error: scene \"outside\" has 51 observations; the limit is 50"),
        "{found}"
    );

    let scenes: String = (0..1000)
        .map(|i| format!("\"e{i}\": Ending(title: \"x\", text: \"x\", outcome: Harmed),\n"))
        .collect();
    let text = BASE.replace(
        "        \"safe\": Ending(",
        &format!("{scenes}        \"safe\": Ending("),
    );
    let found = only(&text);
    assert!(
        found.ends_with("error: this scenario has 1005 scenes; the limit is 1000"),
        "{found}"
    );
}

/// `BASE` staged: a cast of two, every scene placed and described, and one reaction.
fn staged() -> String {
    BASE.replace(
        "    start: \"arrival\",",
        "    cast: [\n        (id: \"ana\", name: \"Ana\", role: Migrant, look: \"ana\"),\n        \
         (id: \"marlon\", name: \"Marlon\", role: Local, look: \"boss\"),\n    ],\n    start: \"arrival\",",
    )
    .replace(
        "\"arrival\": Scene(\n",
        "\"arrival\": Scene(\n            place: Bar, shown: [(who: \"ana\", face: Afraid), \
         (who: \"marlon\", face: Wary)], alt: \"A bar at night; Ana looks afraid, Marlon wary.\",\n",
    )
    .replace(
        "\"outside\": Scene(\n",
        "\"outside\": Scene(\n            place: Roadside, shown: [(who: \"ana\", face: Calm)], \
         alt: \"The road outside; Ana looks calm.\",\n",
    )
    .replace(
        "\"refer\": Referral(\n",
        "\"refer\": Referral(\n            place: PoliceStation, alt: \"The station's front office.\",\n",
    )
    .replace(
        "\"classify\": Classify(\n",
        "\"classify\": Classify(\n            place: PoliceStation, alt: \"The station's front office.\",\n",
    )
    .replace(
        "\"safe\": Ending(",
        "\"safe\": Ending(place: PoliceStation, shown: [(who: \"ana\", face: Relieved)], \
         alt: \"Ana at the station, relieved.\", ",
    )
    .replace(
        "set: [\"separated\"], upholds: [\"do_no_harm\"],\n                 next: \"outside\"),",
        "set: [\"separated\"], upholds: [\"do_no_harm\"],\n                 \
         reaction: [(who: \"ana\", face: Relieved)], next: \"outside\"),",
    )
}

#[test]
fn the_staged_scenario_is_valid_and_its_art_is_read() {
    let text = staged();
    assert!(
        text.contains("reaction:") && text.matches("place:").count() == 5,
        "{text}"
    );
    assert_eq!(diagnostics(&[("s.ron", &text)]), Vec::<String>::new());
}

#[test]
fn a_person_not_in_the_cast_is_named_with_the_close_id() {
    let text = staged().replace(
        "(who: \"marlon\", face: Wary)",
        "(who: \"marlo\", face: Wary)",
    );
    one(
        &text,
        "\"marlo\"",
        "error: \"marlo\" is not in this scenario's cast; did you mean \"marlon\"?",
    );
    let text = staged().replace("reaction: [(who: \"ana\"", "reaction: [(who: \"anna\"");
    one(
        &text,
        "\"anna\"",
        "error: \"anna\" is not in this scenario's cast; did you mean \"ana\"?",
    );
}

#[test]
fn a_person_shown_twice_or_a_crowd_is_refused() {
    let text = staged().replace(
        "(who: \"marlon\", face: Wary)]",
        "(who: \"marlon\", face: Wary), (who: \"ana\", face: Sad)]",
    );
    let found = only(&text);
    assert!(
        found.ends_with("error: \"ana\" is named twice in this `shown` list"),
        "{found}"
    );
    let text = staged()
        .replace(
            "    ],\n    start:",
            "        (id: \"c\", name: \"C\", role: Local, look: \"ana\"),\n        \
             (id: \"d\", name: \"D\", role: Local, look: \"boss\"),\n    ],\n    start:",
        )
        .replace(
            "(who: \"marlon\", face: Wary)]",
            "(who: \"marlon\", face: Wary), (who: \"c\", face: Sad), (who: \"d\", face: Sad)]",
        );
    let found = diagnostics(&[("s.ron", &text)]);
    assert!(
        found
            .iter()
            .any(|d| d.ends_with("error: 4 people are shown; a picture has room for 3")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|d| d
            .contains("warning: \"c\" and \"ana\" are shown together with the same look \"ana\"")),
        "{found:?}"
    );
}

#[test]
fn a_staged_scenario_places_and_describes_every_scene() {
    let text = staged().replace("place: Roadside, ", "");
    one(
        &text,
        "\"outside\": Scene",
        "error: this scene has no `place`; in a scenario with a cast every scene has one (Bar, \
         BeachLanding, Jetty, House, Market, ConstructionSite, PoliceStation, Clinic, Shelter, \
         Roadside, Shop or Yard)",
    );
    let text = staged().replace("alt: \"The road outside; Ana looks calm.\",", "");
    one(
        &text,
        "\"outside\": Scene",
        "error: this scene has no `alt`; describe its picture (the place, who is there and how \
         they look) for trainees who use a screen reader",
    );
    let text = staged().replace("alt: \"The road outside; Ana looks calm.\"", "alt: \" \"");
    one(
        &text,
        "\" \"",
        "error: the alt text is empty; describe the picture for a screen reader",
    );
    // An unstaged scenario needs none of it.
    assert_eq!(diagnostics(&[("s.ron", BASE)]), Vec::<String>::new());
}

#[test]
fn looks_and_backdrops_are_looked_for_in_the_assets_folder() {
    let text = staged().replace("look: \"boss\"", "look: \"bos\"");
    let found = only(&text);
    assert!(
        found.contains("error: there is no look \"bos\" in ")
            && found.ends_with("did you mean \"boss\"?"),
        "{found}"
    );
    let c = course(&[("s.ron", &staged())]);
    std::fs::remove_file(c.root.join("assets/people/boss/angry.svg")).unwrap();
    std::fs::remove_file(c.root.join("assets/places/roadside.svg")).unwrap();
    let options = LoadOptions::for_catalogue(&c.root.join("scenarios/catalogue.ron"));
    let library = Library::load(&[c.root.join("scenarios")], &options).unwrap();
    let found: Vec<String> = library.diagnostics().map(|d| d.to_string()).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("error: the look \"boss\" has no face angry in "),
        "{found:?}"
    );
    assert!(
        found[1].contains("error: the backdrop of Roadside is missing: "),
        "{found:?}"
    );
    assert!(
        found[1].ends_with("roadside.svg was not found"),
        "{found:?}"
    );
    let text = staged().replace("look: \"boss\"", "look: \"../boss\"");
    one(
        &text,
        "\"../boss\"",
        "error: the look \"../boss\" is not a folder name of assets/people: lower-case letters, \
         digits, - and _ only",
    );
}

#[test]
fn cast_ids_are_well_formed_unique_and_named() {
    let text = staged().replace(
        "(id: \"marlon\", name: \"Marlon\"",
        "(id: \"ana\", name: \"Marlon\"",
    );
    let found = diagnostics(&[("s.ron", &text)]);
    assert!(
        found
            .iter()
            .any(|d| d.ends_with("error: the cast id \"ana\" is used twice")),
        "{found:?}"
    );
    let text = staged().replace("name: \"Marlon\"", "name: \"\"");
    one(
        &text,
        "\"\", role",
        "error: the name is empty; trainees and screen readers know the person by it",
    );
}

#[test]
fn a_reaction_nobody_sees_is_a_warning() {
    let text = staged().replace(
        "reaction: [(who: \"ana\", face: Relieved)]",
        "reaction: [(who: \"marlon\", face: Angry)]",
    );
    one(
        &text,
        "\"marlon\", face: Angry",
        "warning: this reaction does nothing: \"marlon\" is not shown in the next scene, \"outside\"",
    );
}

#[test]
fn an_unknown_place_or_face_names_the_choices() {
    let text = staged().replace("place: Bar,", "place: Pub,");
    let found = only(&text);
    assert!(
        found.contains("error: ") && found.contains("Pub") && found.contains("BeachLanding"),
        "{found}"
    );
    let text = staged().replace("face: Afraid", "face: Scared");
    let found = only(&text);
    assert!(
        found.contains("Scared") && found.contains("Relieved"),
        "{found}"
    );
}
