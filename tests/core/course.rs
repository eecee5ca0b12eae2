//! The course itself: every shipped file validates with no error and no warning under version 2
//! of the rules, each scenario is a real branching encounter as the course asks, and its whole
//! state graph is walked: every state reaches an ending, every ending is reachable, the best path
//! passes at a protected or declined ending, a path through any critical choice fails, and so does
//! a path to any harmful or unchosen unprotected ending. Scores must mean competence: no player
//! using surface cues passes or scores above 40 %, and the best choice is the longest no more often
//! than chance allows. The stated minutes are honest, and each scenario's scripts behave.

use mpa_trainer::engine::Score;
use mpa_trainer::engine::scoring::Rules;
use mpa_trainer::engine::session::{Action, Cause, Session};
use mpa_trainer::scenario::cues::length_cue;
use mpa_trainer::scenario::graph::{Node, State, StateGraph, Step};
use mpa_trainer::scenario::model::{FactorKind, Level, Outcome, Rating, SceneKind};
use mpa_trainer::scenario::{Library, LoadOptions, Playable};
use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;

fn course() -> Library {
    Library::load(&[PathBuf::from("scenarios")], &LoadOptions::default()).unwrap()
}

#[test]
fn every_shipped_file_validates_with_no_error_and_no_warning() {
    let library = course();
    let all: Vec<String> = library.diagnostics().map(ToString::to_string).collect();
    assert!(all.is_empty(), "{all:#?}");
    // Twelve encounters and three parallel assessment forms.
    assert_eq!(library.playable().count(), 15);
    let forms: Vec<_> = library
        .playable()
        .filter_map(|p| p.scenario.assessment)
        .collect();
    assert_eq!(forms.len(), 3, "{forms:?}");
    let catalogue = library.catalogue.as_ref().unwrap();
    // The ILO indicators and the UNODC cues, the principles, services, case types.
    assert!(
        catalogue.indicators.len() >= 70,
        "{}",
        catalogue.indicators.len()
    );
    // At least twenty vulnerability factors, risk and protective at each of the four levels.
    assert!(catalogue.factors.len() >= 20, "{}", catalogue.factors.len());
    for level in Level::ALL {
        for kind in [FactorKind::Risk, FactorKind::Protective] {
            assert!(
                catalogue
                    .factors
                    .iter()
                    .any(|f| f.level == level && f.kind == kind),
                "no {kind:?} factor at the {level:?} level"
            );
        }
    }
    for id in [
        "trafficking",
        "smuggling",
        "labour_exploitation",
        "vulnerable_migrant",
        "asylum_need",
    ] {
        assert!(catalogue.case_type(id).is_some(), "{id}");
    }
    for id in [
        "ctu",
        "childrens_authority",
        "ttps_cpu",
        "unhcr",
        "lwc",
        "embassy",
        "immigration_detention",
        "employer",
    ] {
        assert!(catalogue.service(id).is_some(), "{id}");
    }
}

/// The actions of the best play from a state: every indicator shown in that state flagged, the choice the best path
/// takes, every Required and Recommended service when consent allows, the right answer.
fn best_actions(p: &Playable, state: State) -> (Vec<Action>, Option<State>) {
    let s = &p.scenario;
    let mut actions: Vec<Action> = s
        .scene(state.scene)
        .map(SceneKind::observations)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(i, o)| o.indicator.is_some() && p.compiled.shows(state.scene, *i, state.flags))
        .map(|(_, o)| Action::Flag(o.id.clone()))
        .collect();
    let next = match (&p.compiled.nodes[state.scene], s.scene(state.scene)) {
        (Node::Scene(edges), _) => {
            let (c, _) = p.analysis.best_choice(&p.compiled, state).unwrap();
            actions.push(Action::Choose(c));
            Some(State {
                scene: edges[c].next,
                flags: state.flags | edges[c].set,
            })
        }
        (Node::Referral { next, consent, .. }, Some(SceneKind::Referral(r))) => {
            let consented = consent.is_none_or(|c| state.flags & c == c);
            let services = if consented {
                r.services
                    .iter()
                    .filter(|(_, rating)| matches!(rating, Rating::Required | Rating::Recommended))
                    .map(|(id, _)| id.to_owned())
                    .collect()
            } else {
                Vec::new()
            };
            actions.push(Action::Refer(services));
            Some(State {
                scene: *next,
                flags: state.flags,
            })
        }
        (Node::Classify { next }, Some(SceneKind::Classify(c))) => {
            actions.push(Action::Classify(c.answer.clone()));
            Some(State {
                scene: *next,
                flags: state.flags,
            })
        }
        _ => None,
    };
    (actions, next)
}

/// Plays from the session's current state to an ending along the best path.
fn finish_best(p: &Arc<Playable>, session: &mut Session) {
    while !session.is_over() {
        let state = State {
            scene: session.current(),
            flags: session.flags(),
        };
        let (actions, _) = best_actions(p, state);
        for a in actions {
            session.apply(a).unwrap();
        }
    }
}

/// A shortest way to each reachable state: the state it is reached from, and the step.
fn ways(graph: &StateGraph) -> Vec<Option<(usize, Step)>> {
    let mut parent = vec![None; graph.states.len()];
    let mut seen = vec![false; graph.states.len()];
    seen[0] = true;
    let mut queue = VecDeque::from([0]);
    while let Some(i) = queue.pop_front() {
        for &(to, step) in &graph.successors[i] {
            if !seen[to] {
                seen[to] = true;
                parent[to] = Some((i, step));
                queue.push_back(to);
            }
        }
    }
    parent
}

/// The actions that lead from the start to a state (no indicator flagged, nothing referred).
fn actions_to(
    p: &Playable,
    graph: &StateGraph,
    parent: &[Option<(usize, Step)>],
    target: usize,
) -> Vec<Action> {
    let mut steps = Vec::new();
    let mut at = target;
    while let Some((from, step)) = parent[at] {
        steps.push((from, step));
        at = from;
    }
    steps.reverse();
    steps
        .into_iter()
        .map(|(from, step)| match step {
            Step::Choice(c) => Action::Choose(c),
            Step::Refer => Action::Refer(Vec::new()),
            Step::Classify => match p.scenario.scene(graph.states[from].scene) {
                Some(SceneKind::Classify(c)) => Action::Classify(c.answer.clone()),
                _ => unreachable!(),
            },
        })
        .collect()
}

#[test]
fn every_scenario_is_a_real_branching_encounter_and_its_whole_graph_behaves() {
    let library = course();
    for p in library.playable() {
        let s = &p.scenario;
        let id = s.id.as_str();

        // The shape the course asks for.
        assert!(s.scenes.len() >= 12, "{id}: {} scenes", s.scenes.len());
        let outcomes: HashSet<Outcome> = s
            .scenes
            .values()
            .filter_map(|k| match k {
                SceneKind::Ending(e) => Some(e.outcome),
                _ => None,
            })
            .collect();
        assert!(
            outcomes.len() >= 3,
            "{id}: endings with {} different outcomes",
            outcomes.len()
        );
        assert!(
            s.scenes
                .values()
                .any(|k| matches!(k, SceneKind::Referral(_))),
            "{id}: no referral"
        );
        assert!(
            s.scenes
                .values()
                .any(|k| matches!(k, SceneKind::Classify(_))),
            "{id}: no classification"
        );
        assert!(!s.flags.is_empty(), "{id}: no flags, so no consequences");
        let (mut critical, mut graded) = (0, 0);
        for k in s.scenes.values() {
            match k {
                SceneKind::Scene(sc) => {
                    for c in &sc.choices {
                        if c.grade.is_some() {
                            graded += 1;
                            assert!(
                                c.feedback.as_ref().is_some_and(|f| f.len() > 40),
                                "{id}: a graded choice without real feedback: {}",
                                c.text
                            );
                        }
                        critical += usize::from(c.critical);
                    }
                }
                SceneKind::Referral(r) => {
                    assert!(r.feedback.is_some(), "{id}: a referral without feedback")
                }
                SceneKind::Classify(c) => assert!(
                    c.feedback.is_some(),
                    "{id}: a classification without feedback"
                ),
                SceneKind::Ending(_) => {}
            }
        }
        assert!(
            critical >= 1 && graded >= 8,
            "{id}: {critical} critical, {graded} graded choices"
        );
        let scenes_with_observations = s
            .scenes
            .values()
            .filter(|k| !k.observations().is_empty())
            .count();
        let scenes_with_choices = s
            .scenes
            .values()
            .filter(|k| matches!(k, SceneKind::Scene(_)))
            .count();
        assert!(
            2 * scenes_with_observations >= scenes_with_choices,
            "{id}: observations in too few scenes"
        );
        for (_, o) in s.observations() {
            assert!(
                o.note.as_ref().is_some_and(|n| n.len() > 20),
                "{id}: observation {} has no teaching note",
                o.id
            );
        }

        // The whole state graph: every state reaches an ending; every scene, so every ending, is
        // reached.
        assert!(
            p.analysis.problems.is_empty(),
            "{id}: {:?}",
            p.analysis.problems
        );
        assert!(p.analysis.reachable_scenes.iter().all(|r| *r), "{id}");
        let graph = StateGraph::explore(&p.compiled).unwrap();
        for (i, st) in graph.states.iter().enumerate() {
            let is_end = matches!(p.compiled.nodes[st.scene], Node::Ending { .. });
            assert!(
                is_end || !graph.successors[i].is_empty(),
                "{id}: a state with no way on"
            );
            assert!(
                p.analysis.best_to_end.contains_key(st),
                "{id}: a state that reaches no ending"
            );
        }
        for e in &p.analysis.endings {
            assert!(e.paths >= 1.0, "{id}: ending {}", s.scene_id(e.scene));
            assert_eq!(
                e.pass_reachable,
                e.should_be_passable(),
                "{id}: ending {}",
                s.scene_id(e.scene)
            );
        }

        // The best path passes, with full marks.
        let (mut session, _) = Session::start(Arc::clone(p), 1);
        finish_best(p, &mut session);
        let best = Score::of(&session);
        assert!(best.passed, "{id}: the best path does not pass: {best:?}");
        assert!(
            (best.scaled - 1.0).abs() < 1e-9,
            "{id}: best path scaled {}",
            best.scaled
        );
        let ending = best
            .ending
            .as_deref()
            .and_then(|e| s.scene_index(e))
            .and_then(|i| s.scene(i));
        assert!(
            matches!(
                ending,
                Some(SceneKind::Ending(e)) if e.outcome == Outcome::Protected || e.declined
            ),
            "{id}: the best path ends at {:?}",
            best.ending
        );

        // A path through any critical choice, then the best from there, fails.
        let parent = ways(&graph);
        let mut tried = HashSet::new();
        for (i, st) in graph.states.iter().enumerate() {
            let Node::Scene(edges) = &p.compiled.nodes[st.scene] else {
                continue;
            };
            for (c, edge) in edges.iter().enumerate() {
                if !edge.critical || !edge.visible(st.flags) || !tried.insert((st.scene, c)) {
                    continue;
                }
                let mut actions = actions_to(p, &graph, &parent, i);
                actions.push(Action::Choose(c));
                let (mut session, _) =
                    Session::replay(Arc::clone(p), 1, Rules::CURRENT, &actions).unwrap();
                finish_best(p, &mut session);
                let score = Score::of(&session);
                assert!(
                    score.complete && !score.passed,
                    "{id}: critical choice {c} at {} passed",
                    s.scene_id(st.scene)
                );
                assert!(!score.critical_errors.is_empty());
            }
        }
        assert!(!tried.is_empty(), "{id}: no critical choice is reachable");

        // A path to any harmful or unchosen unprotected ending, played as well as it can be from
        // there, fails with the ending named as a critical error.
        for (i, st) in graph.states.iter().enumerate() {
            let node = &p.compiled.nodes[st.scene];
            if !node.is_consequence() {
                continue;
            }
            let actions = actions_to(p, &graph, &parent, i);
            let (session, _) = Session::replay(Arc::clone(p), 1, Rules::CURRENT, &actions).unwrap();
            let score = Score::of(&session);
            assert!(
                score.complete && !score.passed,
                "{id}: ending {} passed",
                s.scene_id(st.scene)
            );
            assert!(
                score.critical_errors.iter().any(|c| matches!(
                    c.cause,
                    Cause::EndedInHarm | Cause::LeftUnprotected
                ) && c.scene == s.scene_id(st.scene)),
                "{id}: {:?}",
                score.critical_errors
            );
        }

        // Child protection never waits for a child's consent.
        for k in s.scenes.values() {
            if let SceneKind::Referral(r) = k
                && r.consent_flag.is_some()
                && matches!(
                    r.rating("childrens_authority"),
                    Some(Rating::Required | Rating::Recommended)
                )
            {
                assert!(
                    r.consent_exempt.iter().any(|x| x == "childrens_authority"),
                    "{id}: a child referral waits for consent"
                );
            }
        }
    }
}

#[test]
fn no_player_using_surface_cues_passes_or_scores_above_forty_percent() {
    let library = course();
    for p in library.playable() {
        let best = p.analysis.surface.best.as_ref().unwrap();
        assert!(!p.analysis.surface.bounded, "{}", p.id());
        assert!(
            !best.passes && best.scaled <= 0.4,
            "{}: {:.0}% by {:?}",
            p.id(),
            best.scaled * 100.0,
            best.rule
        );
    }
}

#[test]
fn the_best_choice_is_the_longest_no_more_often_than_chance_plus_ten_points() {
    let library = course();
    let (mut longest, mut chance, mut scenes) = (0usize, 0.0, 0usize);
    for p in library.playable() {
        let lc = length_cue(&p.scenario);
        longest += lc.best_is_longest.len();
        chance += lc.chance;
        scenes += lc.decision_scenes;
    }
    let (rate, by_chance) = (longest as f64 / scenes as f64, chance / scenes as f64);
    eprintln!(
        "best choice is the longest in {longest} of {scenes} decision scenes ({:.0}%); chance {:.0}%",
        rate * 100.0,
        by_chance * 100.0
    );
    assert!(scenes >= 150, "{scenes} decision scenes");
    assert!(
        rate <= by_chance + 0.10,
        "{rate} against chance {by_chance}"
    );
}

#[test]
fn the_stated_minutes_are_honest() {
    let library = course();
    let catalogue = library.catalogue.as_ref().unwrap();
    for p in library.playable() {
        let reading = mpa_trainer::scenario::reading::best_path_reading(
            &p.scenario,
            catalogue,
            &p.compiled,
            &p.analysis,
        );
        let estimate = reading.minutes();
        let stated = f64::from(p.scenario.minutes.unwrap());
        assert!(
            (stated - estimate).abs() <= (0.25 * estimate).max(2.0),
            "{}: {stated} minutes stated, {estimate:.1} estimated ({} words)",
            p.id(),
            reading.words
        );
    }
}

#[test]
fn each_scenario_has_a_best_script_that_passes_and_a_critical_one_that_fails() {
    let library = course();
    for p in library.playable() {
        let id = p.id();
        let play = |kind: &str| {
            let path = format!("tests/scripts/{id}-{kind}.ron");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let script: mpa_trainer::engine::script::Script =
                mpa_trainer::scenario::load::parse(&text).unwrap();
            let session = mpa_trainer::engine::script::play(Arc::clone(p), &script, |_, _| {})
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            Score::of(&session)
        };
        let best = play("best");
        assert!(best.passed, "{id}: the best script fails: {best:?}");
        let critical = play("critical");
        assert!(
            critical.complete && !critical.passed && !critical.critical_errors.is_empty(),
            "{id}: the critical script: {critical:?}"
        );
    }
}

#[test]
fn each_assessment_form_covers_three_case_types() {
    let library = course();
    for p in library
        .playable()
        .filter(|p| p.scenario.assessment.is_some())
    {
        let answers: HashSet<&str> = p
            .scenario
            .scenes
            .values()
            .filter_map(|k| match k {
                SceneKind::Classify(c) => Some(c.answer.as_str()),
                _ => None,
            })
            .collect();
        assert!(answers.len() >= 3, "{}: {answers:?}", p.id());
    }
}
