//! The validator: every check of the format contract, as findings written for trainers.
//!
//! Checks run on the parsed model and name what they are about by a path into the document;
//! `load` turns each path into `file:line:col`.

use super::cues::{self, ChoicePick, CueOutcome, FlagPick, ReferPick, SURFACE_CUE_LIMIT};
use super::diagnostic::{Finding, Seg};
use super::graph::{self, Analysis, Compiled, GraphProblem, MAX_FLAGS, MAX_STATES, Node};
use super::model::{Catalogue, Outcome, Rating, Scenario, SceneKind, is_valid_id};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

/// Sane limits on one scenario, so a broken or hostile file cannot exhaust the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file the loader reads.
    pub max_file_bytes: usize,
    pub max_scenes: usize,
    pub max_observations_per_scene: usize,
    pub max_choices_per_scene: usize,
    /// Services listed in a referral, options in a classification.
    pub max_list_items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 4 * 1024 * 1024,
            max_scenes: 1000,
            max_observations_per_scene: 50,
            max_choices_per_scene: 20,
            max_list_items: 100,
        }
    }
}

/// What a check needs besides the scenario: the catalogue, the assets folder and the limits.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub catalogue: &'a Catalogue,
    /// Media paths are checked against this folder; `None` skips the existence check.
    pub assets: Option<&'a Path>,
    pub limits: Limits,
}

/// The closest candidate to a misspelt id, if one is close enough to be a likely typo.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wrong.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(wrong, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Edit distance over characters, counting a swap of two neighbours as one edit (optimal string
/// alignment): "nxet" is one edit from "next".
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// ` Did you mean "x"?` when a close candidate exists, else nothing.
pub(super) fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    suggest(wrong, candidates)
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default()
}

/// Plain words for a list of flags.
fn describe_flags(names: &[&str]) -> String {
    if names.is_empty() {
        "with no flags set".to_owned()
    } else {
        format!("with the flags {} set", names.join(", "))
    }
}

fn path(base: &[Seg], more: &[Seg]) -> Vec<Seg> {
    [base, more].concat()
}

/// Checks the catalogue on its own: ids well formed and not repeated within each list, and no
/// id both an indicator and a factor.
pub fn check_catalogue(catalogue: &Catalogue) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lists: [(&'static str, &str, Vec<&str>); 5] = [
        (
            "indicators",
            "indicator",
            catalogue.indicators.iter().map(|i| i.id.as_str()).collect(),
        ),
        (
            "factors",
            "factor",
            catalogue.factors.iter().map(|f| f.id.as_str()).collect(),
        ),
        (
            "principles",
            "principle",
            catalogue.principles.iter().map(|p| p.id.as_str()).collect(),
        ),
        (
            "services",
            "service",
            catalogue.services.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            "case_types",
            "case type",
            catalogue.case_types.iter().map(|c| c.id.as_str()).collect(),
        ),
    ];
    for (field, what, ids) in &lists {
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            let at = vec![Seg::Field(field), Seg::Index(i), Seg::Field("id")];
            if !is_valid_id(id) {
                findings.push(Finding::error(at.clone(), bad_id_message(what, id)));
            }
            if !seen.insert(*id) {
                findings.push(Finding::error(
                    at,
                    format!(
                        "the {what} id \"{id}\" is used twice in the catalogue; ids must be unique"
                    ),
                ));
            }
        }
    }
    for (i, factor) in catalogue.factors.iter().enumerate() {
        if catalogue.indicator(&factor.id).is_some() {
            findings.push(Finding::error(
                vec![Seg::Field("factors"), Seg::Index(i), Seg::Field("id")],
                format!(
                    "\"{}\" is both an indicator and a vulnerability factor; a circumstance that \
                     makes a person vulnerable is a factor, a sign of trafficking an indicator: \
                     keep one and rename the other",
                    factor.id
                ),
            ));
        }
    }
    findings
}

pub(super) fn bad_id_message(what: &str, id: &str) -> String {
    if id.is_empty() {
        format!("this {what} id is empty; ids use lower-case letters, digits, _ and -")
    } else {
        format!(
            "the {what} id \"{id}\" may only use lower-case letters a-z, digits 0-9, _ and - \
             (no capitals, spaces or accents)"
        )
    }
}

/// Checks a media path: relative, inside the assets folder, and (when known) present there.
fn check_media(path_text: &str, at: Vec<Seg>, assets: Option<&Path>, findings: &mut Vec<Finding>) {
    let p = Path::new(path_text);
    let leaves = path_text.is_empty()
        || p.is_absolute()
        || path_text.starts_with('/')
        || path_text.starts_with('\\')
        || path_text.chars().nth(1) == Some(':')
        || p.components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if leaves {
        findings.push(Finding::error(
            at,
            format!(
                "the media path \"{path_text}\" leaves the assets folder; write it relative to \
                 assets/, like \"scenes/bar.png\", without \"..\" or a drive or leading slash"
            ),
        ));
        return;
    }
    let Some(assets) = assets else { return };
    let full = assets.join(p);
    match (
        crate::files::canonicalize(&full),
        crate::files::canonicalize(assets),
    ) {
        (Ok(file), Ok(root)) if file.starts_with(&root) && crate::files::is_file(&file) => {}
        (Ok(file), Ok(root)) if !file.starts_with(&root) => findings.push(Finding::error(
            at,
            format!(
                "the media path \"{path_text}\" is a link that points outside the assets folder; \
                 copy the file into assets/ instead"
            ),
        )),
        _ => findings.push(Finding::error(
            at,
            format!(
                "the media file \"{path_text}\" was not found in {}",
                assets.display()
            ),
        )),
    }
}

/// Checks one scenario against the contract. Returns the findings and, when every reference
/// resolves, the compiled scenario and its state-graph analysis.
pub fn check_scenario(s: &Scenario, ctx: &Context) -> (Vec<Finding>, Option<(Compiled, Analysis)>) {
    let mut f = Vec::new();
    let cat = ctx.catalogue;
    let limits = ctx.limits;

    if !is_valid_id(&s.id) {
        f.push(Finding::error(
            vec![Seg::Field("id")],
            bad_id_message("scenario", &s.id),
        ));
    }
    if s.title.trim().is_empty() {
        f.push(Finding::error(
            vec![Seg::Field("title")],
            "the title is empty; trainees pick scenarios by their title",
        ));
    }
    if !(0.0..=1.0).contains(&s.pass_mark) {
        f.push(Finding::error(
            vec![Seg::Field("pass_mark")],
            format!(
                "the pass_mark is {}; it must be between 0 and 1 (0.7 means 70%)",
                s.pass_mark
            ),
        ));
    }

    // Flags.
    let mut flag_seen = HashSet::new();
    for (i, flag) in s.flags.iter().enumerate() {
        let at = vec![Seg::Field("flags"), Seg::Index(i)];
        if !is_valid_id(flag) {
            f.push(Finding::error(at.clone(), bad_id_message("flag", flag)));
        }
        if !flag_seen.insert(flag.as_str()) {
            f.push(Finding::error(
                at,
                format!("the flag \"{flag}\" is declared twice"),
            ));
        }
    }
    if s.flags.len() > MAX_FLAGS {
        f.push(Finding::error(
            vec![Seg::Field("flags")],
            format!(
                "this scenario declares {} flags; the limit is {MAX_FLAGS}",
                s.flags.len()
            ),
        ));
    }
    let flag_names: Vec<&str> = s.flags.iter().map(String::as_str).collect();
    let check_flag = |name: &str, at: Vec<Seg>, role: &str, f: &mut Vec<Finding>| {
        if !flag_seen.contains(name) {
            f.push(Finding::error(
                at,
                format!(
                    "the {role} flag \"{name}\" is not declared in this scenario's `flags` list{}",
                    did_you_mean(name, flag_names.iter().copied())
                ),
            ));
        }
    };

    // Scenes: ids, duplicates, limits.
    if s.scenes.len() > limits.max_scenes {
        f.push(Finding::error(
            vec![Seg::Field("scenes")],
            format!(
                "this scenario has {} scenes; the limit is {}",
                s.scenes.len(),
                limits.max_scenes
            ),
        ));
    }
    let scene_ids: Vec<&str> = s.scenes.keys().collect();
    let mut scene_seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in scene_ids.iter().enumerate() {
        let at = vec![Seg::Field("scenes"), Seg::Key(i)];
        if !is_valid_id(id) {
            f.push(Finding::error(at.clone(), bad_id_message("scene", id)));
        }
        if let Some(first) = scene_seen.get(id) {
            f.push(Finding::error(
                at,
                format!(
                    "the scene id \"{id}\" is used twice (it is also scene {} of this file); \
                     scene ids must be unique",
                    first + 1
                ),
            ));
        } else {
            scene_seen.insert(id, i);
        }
    }
    let check_next = |next: &str, at: Vec<Seg>, f: &mut Vec<Finding>| {
        if !scene_seen.contains_key(next) {
            f.push(Finding::error(
                at,
                format!(
                    "there is no scene \"{next}\" in this scenario{}",
                    did_you_mean(next, scene_ids.iter().copied())
                ),
            ));
        }
    };
    check_next(&s.start, vec![Seg::Field("start")], &mut f);

    let indicator_ids = || cat.indicators.iter().map(|i| i.id.as_str());
    let factor_ids = || cat.factors.iter().map(|x| x.id.as_str());
    let principle_ids = || cat.principles.iter().map(|p| p.id.as_str());
    let service_ids = || cat.services.iter().map(|x| x.id.as_str());
    let case_ids = || cat.case_types.iter().map(|c| c.id.as_str());

    let mut observation_seen: HashMap<&str, &str> = HashMap::new();
    let mut red_herrings = 0usize;
    for (i, (scene_id, kind)) in s.scenes.iter().enumerate() {
        let base = [Seg::Field("scenes"), Seg::Value(i)];
        match kind {
            SceneKind::Scene(scene) => {
                if let Some(image) = &scene.image {
                    check_media(
                        image,
                        path(&base, &[Seg::Field("image")]),
                        ctx.assets,
                        &mut f,
                    );
                }
                if scene.observations.len() > limits.max_observations_per_scene {
                    f.push(Finding::error(
                        path(&base, &[Seg::Field("observations")]),
                        format!(
                            "scene \"{scene_id}\" has {} observations; the limit is {}",
                            scene.observations.len(),
                            limits.max_observations_per_scene
                        ),
                    ));
                }
                for (j, obs) in scene.observations.iter().enumerate() {
                    let at = path(&base, &[Seg::Field("observations"), Seg::Index(j)]);
                    let id_at = path(&at, &[Seg::Field("id")]);
                    if !is_valid_id(&obs.id) {
                        f.push(Finding::error(
                            id_at.clone(),
                            bad_id_message("observation", &obs.id),
                        ));
                    }
                    if let Some(first_scene) = observation_seen.get(obs.id.as_str()) {
                        f.push(Finding::error(
                            id_at,
                            format!(
                                "the observation id \"{}\" is already used in scene \"{first_scene}\"; \
                                 observation ids must be unique within a scenario",
                                obs.id
                            ),
                        ));
                    } else {
                        observation_seen.insert(&obs.id, scene_id);
                    }
                    match &obs.indicator {
                        Some(ind) if cat.indicator(ind).is_none() => {
                            let hint = if cat.factor(ind).is_some() {
                                format!(
                                    "; \"{ind}\" is a vulnerability factor: write `factor: \"{ind}\"`"
                                )
                            } else {
                                did_you_mean(ind, indicator_ids())
                            };
                            f.push(Finding::error(
                                path(&at, &[Seg::Field("indicator")]),
                                format!("there is no indicator \"{ind}\" in the catalogue{hint}"),
                            ));
                        }
                        _ => {}
                    }
                    match (&obs.factor, &obs.indicator) {
                        (Some(_), Some(ind)) => f.push(Finding::error(
                            path(&at, &[Seg::Field("factor")]),
                            format!(
                                "observation \"{}\" has both an indicator (\"{ind}\") and a factor; \
                                 give it one: an indicator if it is a sign of trafficking, a factor \
                                 if it is a circumstance that makes the person vulnerable",
                                obs.id
                            ),
                        )),
                        (Some(fac), None) if cat.factor(fac).is_none() => {
                            let hint = if cat.indicator(fac).is_some() {
                                format!(
                                    "; \"{fac}\" is an indicator: write `indicator: \"{fac}\"`"
                                )
                            } else {
                                did_you_mean(fac, factor_ids())
                            };
                            f.push(Finding::error(
                                path(&at, &[Seg::Field("factor")]),
                                format!(
                                    "there is no vulnerability factor \"{fac}\" in the catalogue{hint}"
                                ),
                            ));
                        }
                        _ => {}
                    }
                    if obs.is_red_herring() {
                        red_herrings += 1;
                    }
                    for (field, role, list) in [
                        ("requires", "required", &obs.requires),
                        ("unless", "`unless`", &obs.unless),
                    ] {
                        for (k, flag) in list.iter().enumerate() {
                            check_flag(
                                flag,
                                path(&at, &[Seg::Field(field), Seg::Index(k)]),
                                role,
                                &mut f,
                            );
                        }
                    }
                }
                if scene.choices.is_empty() {
                    f.push(Finding::error(
                        vec![Seg::Field("scenes"), Seg::Key(i)],
                        format!(
                            "scene \"{scene_id}\" has no choices; a Scene needs at least one \
                             choice (or make it an Ending)"
                        ),
                    ));
                }
                if scene.choices.len() > limits.max_choices_per_scene {
                    f.push(Finding::error(
                        path(&base, &[Seg::Field("choices")]),
                        format!(
                            "scene \"{scene_id}\" has {} choices; the limit is {}",
                            scene.choices.len(),
                            limits.max_choices_per_scene
                        ),
                    ));
                }
                for (j, choice) in scene.choices.iter().enumerate() {
                    let at = path(&base, &[Seg::Field("choices"), Seg::Index(j)]);
                    check_next(&choice.next, path(&at, &[Seg::Field("next")]), &mut f);
                    for (field, role, list) in [
                        ("requires", "required", &choice.requires),
                        ("unless", "`unless`", &choice.unless),
                        ("set", "`set`", &choice.set),
                    ] {
                        for (k, flag) in list.iter().enumerate() {
                            check_flag(
                                flag,
                                path(&at, &[Seg::Field(field), Seg::Index(k)]),
                                role,
                                &mut f,
                            );
                        }
                    }
                    for (field, list) in
                        [("upholds", &choice.upholds), ("breaches", &choice.breaches)]
                    {
                        for (k, p) in list.iter().enumerate() {
                            if cat.principle(p).is_none() {
                                f.push(Finding::error(
                                    path(&at, &[Seg::Field(field), Seg::Index(k)]),
                                    format!(
                                        "there is no principle \"{p}\" in the catalogue{}",
                                        did_you_mean(p, principle_ids())
                                    ),
                                ));
                            }
                        }
                    }
                }
            }
            SceneKind::Referral(r) => {
                check_next(&r.next, path(&base, &[Seg::Field("next")]), &mut f);
                if let Some(flag) = &r.consent_flag {
                    check_flag(
                        flag,
                        path(&base, &[Seg::Field("consent_flag")]),
                        "consent",
                        &mut f,
                    );
                }
                if r.services.len() > limits.max_list_items {
                    f.push(Finding::error(
                        path(&base, &[Seg::Field("services")]),
                        format!(
                            "this referral lists {} services; the limit is {}",
                            r.services.len(),
                            limits.max_list_items
                        ),
                    ));
                }
                for (k, service) in r.consent_exempt.iter().enumerate() {
                    let at = path(&base, &[Seg::Field("consent_exempt"), Seg::Index(k)]);
                    match r.rating(service) {
                        Some(Rating::Required | Rating::Recommended) => {}
                        Some(Rating::Harmful) => f.push(Finding::error(
                            at,
                            format!(
                                "\"{service}\" is rated Harmful in this referral, so it cannot be \
                                 consent-exempt; only a Required or Recommended service (child \
                                 protection for a child, emergency care) may be ticked without consent"
                            ),
                        )),
                        None => f.push(Finding::error(
                            at,
                            format!(
                                "the consent-exempt service \"{service}\" is not listed in this \
                                 referral's `services`; list it as Required or Recommended{}",
                                did_you_mean(service, r.services.keys())
                            ),
                        )),
                    }
                }
                let mut seen = HashSet::new();
                for (k, service) in r.services.keys().enumerate() {
                    let at = path(&base, &[Seg::Field("services"), Seg::Key(k)]);
                    if cat.service(service).is_none() {
                        f.push(Finding::error(
                            at.clone(),
                            format!(
                                "there is no service \"{service}\" in the catalogue{}",
                                did_you_mean(service, service_ids())
                            ),
                        ));
                    }
                    if !seen.insert(service) {
                        f.push(Finding::error(
                            at,
                            format!("the service \"{service}\" is listed twice in this referral"),
                        ));
                    }
                }
            }
            SceneKind::Classify(c) => {
                check_next(&c.next, path(&base, &[Seg::Field("next")]), &mut f);
                if c.options.len() > limits.max_list_items {
                    f.push(Finding::error(
                        path(&base, &[Seg::Field("options")]),
                        format!(
                            "this question has {} options; the limit is {}",
                            c.options.len(),
                            limits.max_list_items
                        ),
                    ));
                }
                for (k, option) in c.options.iter().enumerate() {
                    if cat.case_type(option).is_none() {
                        f.push(Finding::error(
                            path(&base, &[Seg::Field("options"), Seg::Index(k)]),
                            format!(
                                "there is no case type \"{option}\" in the catalogue{}",
                                did_you_mean(option, case_ids())
                            ),
                        ));
                    }
                }
                if !c.options.contains(&c.answer) {
                    f.push(Finding::error(
                        path(&base, &[Seg::Field("answer")]),
                        format!(
                            "the answer \"{}\" is not one of this question's options ({}){}",
                            c.answer,
                            c.options.join(", "),
                            did_you_mean(&c.answer, c.options.iter().map(String::as_str))
                        ),
                    ));
                }
            }
            SceneKind::Ending(e) => {
                if e.declined && e.outcome != Outcome::NotProtected {
                    f.push(Finding::error(
                        path(&base, &[Seg::Field("declined")]),
                        format!(
                            "`declined: true` marks the person's own informed refusal of help, \
                             which only a NotProtected ending can be; this ending is {:?}",
                            e.outcome
                        ),
                    ));
                }
            }
        }
    }

    f.extend(super::staging::check_staging(s, ctx.assets));

    if red_herrings == 0 && s.observations().next().is_some() {
        f.push(Finding::warning(
            vec![Seg::Field("scenes")],
            "this scenario has no red herrings (observations with neither an indicator nor a \
             factor); add some, so trainees learn to tell true indicators from ordinary details",
        ));
    }

    // The state graph, once every reference resolves.
    if f.iter()
        .any(|x| x.severity == super::diagnostic::Severity::Error)
    {
        return (f, None);
    }
    let Some(compiled) = graph::compile(s) else {
        return (f, None);
    };
    let analysis = graph::analyse(s, &compiled);
    for problem in &analysis.problems {
        f.push(graph_finding(s, &compiled, problem));
    }
    if analysis.problems.is_empty() {
        for ending in &analysis.endings {
            if ending.should_be_passable() && !ending.pass_reachable {
                let why = match ending.best_scaled {
                    Some(best) => format!(
                        "the best a path here can score without a critical error is {:.0}%, below \
                         the pass mark of {:.0}%",
                        best * 100.0,
                        s.pass_mark * 100.0
                    ),
                    None => "every path here takes a critical choice".to_owned(),
                };
                f.push(Finding::warning(
                    vec![Seg::Field("scenes"), Seg::Key(ending.scene)],
                    format!(
                        "no path reaches ending \"{}\" with a pass: {why}",
                        s.scene_id(ending.scene)
                    ),
                ));
            }
        }
        for &ending in &analysis.herringless_endings {
            f.push(Finding::warning(
                vec![Seg::Field("scenes"), Seg::Key(ending)],
                format!(
                    "a path to ending \"{}\" shows no red herring, so a trainee on it loses \
                     nothing by flagging every observation; add an ordinary detail (an \
                     observation with neither indicator nor factor) to a scene on that path",
                    s.scene_id(ending)
                ),
            ));
        }
        let length = cues::length_cue(s);
        if length.is_cue()
            && let Some(&first) = length.best_is_longest.first()
        {
            let scenes: Vec<&str> = length
                .best_is_longest
                .iter()
                .map(|&i| s.scene_id(i))
                .collect();
            f.push(Finding::warning(
                vec![Seg::Field("scenes"), Seg::Key(first)],
                format!(
                    "length cue: in {} of the {} decision scenes the best choice is also the \
                     longest ({}), so a trainee can guess it by its length; make the choices of \
                     each scene similar in length and care",
                    length.best_is_longest.len(),
                    length.decision_scenes,
                    scenes.join(", ")
                ),
            ));
        }
        if analysis.surface.is_cue()
            && let Some(best) = &analysis.surface.best
        {
            f.push(Finding::warning(
                vec![Seg::Field("pass_mark")],
                surface_cue_message(s, best),
            ));
        }
        return (f, Some((compiled, analysis)));
    }
    (f, None)
}

/// Plain words for a fixed rule a player who knows nothing might follow.
pub fn describe_rule(rule: &cues::CueRule) -> String {
    let choice = match rule.choice {
        ChoicePick::Longest => "always takes the longest choice",
        ChoicePick::Shortest => "always takes the shortest choice",
    };
    let flags = match rule.flags {
        FlagPick::All => "flags every observation",
        FlagPick::None => "flags nothing",
    };
    let referral = match rule.referral {
        ReferPick::AllListed => "ticks every listed service",
        ReferPick::None => "ticks no service",
    };
    match &rule.case_type {
        Some(t) => format!("{choice}, {flags}, {referral} and always answers \"{t}\""),
        None => format!("{choice}, {flags} and {referral}"),
    }
}

pub fn surface_cue_message(s: &Scenario, best: &CueOutcome) -> String {
    let verdict = if best.passes {
        format!("passes with {:.0}%", best.scaled * 100.0)
    } else {
        format!(
            "scores {:.0}% (more than {:.0}%)",
            best.scaled * 100.0,
            SURFACE_CUE_LIMIT * 100.0
        )
    };
    format!(
        "surface-cue pass: a trainee who knows nothing and {} {verdict}, ending at \"{}\"; \
         make the best choices no longer or more careful-sounding than the others, list a \
         harmful service on each referral, and show red herrings and indicators on every path \
         (`mpa-trainer paths` shows the figures)",
        describe_rule(&best.rule),
        s.scene_id(best.ending)
    )
}

fn graph_finding(s: &Scenario, compiled: &Compiled, problem: &GraphProblem) -> Finding {
    match *problem {
        GraphProblem::TooManyStates => Finding::error(
            vec![Seg::Field("flags")],
            format!(
                "this scenario has more than {MAX_STATES} combinations of scene and flags; \
                 use fewer flags"
            ),
        ),
        GraphProblem::Unreachable { scene } => Finding::error(
            vec![Seg::Field("scenes"), Seg::Key(scene)],
            format!(
                "no path from the start reaches scene \"{}\": no choice leads here, or only \
                 choices that flags hide",
                s.scene_id(scene)
            ),
        ),
        GraphProblem::DeadEnd { state } => {
            let flags = describe_flags(&graph::flag_names(s, state.flags));
            let why = match &compiled.nodes[state.scene] {
                Node::Scene(edges) if edges.iter().all(|e| !e.visible(state.flags)) => {
                    "every choice here is hidden by its `requires` or `unless` flags"
                }
                _ => "every way on leads to scenes from which no ending can be reached",
            };
            Finding::error(
                vec![Seg::Field("scenes"), Seg::Key(state.scene)],
                format!(
                    "when a trainee reaches scene \"{}\" {flags}, no ending can be reached: {why}",
                    s.scene_id(state.scene)
                ),
            )
        }
        GraphProblem::NeverShown { scene, observation } => {
            let id = match s.scene(scene) {
                Some(kind) => kind
                    .observations()
                    .get(observation)
                    .map_or("?", |o| o.id.as_str()),
                None => "?",
            };
            Finding::error(
                vec![
                    Seg::Field("scenes"),
                    Seg::Value(scene),
                    Seg::Field("observations"),
                    Seg::Index(observation),
                ],
                format!(
                    "observation \"{id}\" is never shown: no path reaches scene \"{}\" with its \
                     `requires` flags set and its `unless` flags not set",
                    s.scene_id(scene)
                ),
            )
        }
        GraphProblem::Cycle { state, choice } => {
            let next = match &compiled.nodes[state.scene] {
                Node::Scene(edges) => edges.get(choice).map_or("?", |e| s.scene_id(e.next)),
                _ => "?",
            };
            Finding::error(
                vec![
                    Seg::Field("scenes"),
                    Seg::Value(state.scene),
                    Seg::Field("choices"),
                    Seg::Index(choice),
                ],
                format!(
                    "this choice leads back to scene \"{next}\" with the same flags set, so play \
                     could go round forever; a loop must set a flag that ends it (give the \
                     returning choice `set: [\"...\"]` and `unless: [\"...\"]`)"
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_close_ids_only() {
        let ids = ["outside", "arrival", "refer"];
        assert_eq!(suggest("outsid", ids), Some("outside"));
        assert_eq!(suggest("arival", ids), Some("arrival"));
        assert_eq!(suggest("zzz", ids), None);
        assert_eq!(suggest("nxet", ["text", "next"]), Some("next"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
