//! What a trainee never got to hear: observations shown only under some flags (the story a
//! person tells once separated from a controller, or with an independent interpreter) that the
//! trainee's path never showed, and the step of the path where it stopped being possible.

use super::session::{PathStep, Session};
use crate::scenario::graph::{Node, State, StateGraph};
use std::collections::HashMap;

/// An observation the trainee never got to hear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unheard {
    /// Its scene and its position there.
    pub scene: usize,
    pub observation: usize,
    /// The step of the trainee's path (an index into `Session::path`) after which no path could
    /// show it any more; `None` when it was never possible from the start, or the analysis was
    /// too large to run.
    pub lost_at: Option<usize>,
}

/// The observations of the visited scenes that need flags (`requires`) and that the session
/// never showed, each with
/// the step that lost it: the first step from a state where a path to it existed to one where
/// none did. Bounded by the scenario's state graph (at most `MAX_STATES` states).
pub fn unheard(session: &Session) -> Vec<Unheard> {
    let playable = session.playable();
    let compiled = &playable.compiled;
    let missing: Vec<(usize, usize)> = session
        .unshown_observations()
        // What needs a step to be told (`requires`); the controlled story told only until the
        // step (`unless` alone) is not something missed.
        .filter(|(_, _, o)| !o.requires.is_empty())
        .map(|(scene, i, _)| (scene, i))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let graph = StateGraph::explore(compiled);
    // The states the trainee stood in, before each step, then the state now.
    let mut states = Vec::new();
    let mut flags = 0;
    for step in session.path() {
        let scene = match step {
            PathStep::Choice { scene, .. }
            | PathStep::Referral { scene, .. }
            | PathStep::Classify { scene, .. } => *scene,
        };
        states.push(State { scene, flags });
        if let PathStep::Choice { scene, choice, .. } = step
            && let Some(Node::Scene(edges)) = compiled.nodes.get(*scene)
            && let Some(edge) = edges.get(*choice)
        {
            flags |= edge.set;
        }
    }
    states.push(State {
        scene: session.current(),
        flags: session.flags(),
    });
    missing
        .into_iter()
        .map(|(scene, observation)| Unheard {
            scene,
            observation,
            lost_at: graph.as_ref().and_then(|g| {
                let reaches = can_reach(g, |s| {
                    s.scene == scene && compiled.shows(scene, observation, s.flags)
                });
                let can = |s: &State| reaches.get(s).copied().unwrap_or(false);
                states.windows(2).position(|w| can(&w[0]) && !can(&w[1]))
            }),
        })
        .collect()
}

/// For every state of the graph, whether some path from it reaches a state that `target` holds
/// for.
fn can_reach(graph: &StateGraph, target: impl Fn(&State) -> bool) -> HashMap<State, bool> {
    let n = graph.states.len();
    let mut predecessors = vec![Vec::new(); n];
    for (from, outs) in graph.successors.iter().enumerate() {
        for &(to, _) in outs {
            predecessors[to].push(from);
        }
    }
    let mut reached = vec![false; n];
    let mut queue: Vec<usize> = (0..n).filter(|&i| target(&graph.states[i])).collect();
    for &i in &queue {
        reached[i] = true;
    }
    while let Some(i) = queue.pop() {
        for &p in &predecessors[i] {
            if !reached[p] {
                reached[p] = true;
                queue.push(p);
            }
        }
    }
    graph.states.iter().copied().zip(reached).collect()
}
