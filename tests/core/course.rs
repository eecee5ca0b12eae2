//! The course itself: every shipped file validates with no error and no warning, each scenario
//! is a real branching encounter as the course asks, and its whole state graph is walked: every
//! state reaches an ending, every ending is reachable, the best path passes, and a path through
//! any critical choice fails.

use mpa_trainer::engine::Score;
use mpa_trainer::engine::scoring::Rules;
use mpa_trainer::engine::session::{Action, Session};
use mpa_trainer::scenario::graph::{Node, State, StateGraph, Step};
use mpa_trainer::scenario::model::{Outcome, Rating, SceneKind};
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
    assert_eq!(library.playable().count(), 10);
    let catalogue = library.catalogue.as_ref().unwrap();
    // Every indicator of the ILO lists and the UNODC cues, the principles, services, case types.
    assert!(
        catalogue.indicators.len() >= 75,
        "{}",
        catalogue.indicators.len()
    );
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

/// The actions of the best play from a state: every indicator flagged, the choice the best path
/// takes, every Required and Recommended service when consent allows, the right answer.
fn best_actions(p: &Playable, state: State) -> (Vec<Action>, Option<State>) {
    let s = &p.scenario;
    let mut actions: Vec<Action> = s
        .scene(state.scene)
        .map(SceneKind::observations)
        .unwrap_or(&[])
        .iter()
        .filter(|o| o.indicator.is_some())
        .map(|o| Action::Flag(o.id.clone()))
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
        assert_eq!(best.outcome, Some(Outcome::Protected), "{id}");

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
    }
}
