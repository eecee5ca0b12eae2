//! The (scene, flags) state graph of a scenario: compilation to indices, reachability, cycles,
//! best and worst decision points, path counts, whether each ending can be reached with a pass,
//! paths that show no red herring, and a Graphviz DOT picture for authors.

use super::cues::{self, SurfaceCues};
use super::model::{Grade, Outcome, Scenario, SceneKind};
use crate::engine::scoring::{SubScores, weighted_scaled};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A quick hasher for the analysis's small keys (states, path shapes). The default hasher
/// resists crafted collisions, which these keys, bounded by the scenario's own size, do not need.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn write_i32(&mut self, n: i32) {
        self.add(u64::from(n as u32));
    }
}

/// A map with the quick hasher.
pub type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;
use std::fmt::Write as _;

/// A set of scenario flags as bits (the format allows at most 16 flags).
pub type Flags = u16;

/// The most flags a scenario may declare.
pub const MAX_FLAGS: usize = 16;

/// The most (scene, flags) states the analysis explores before it gives up.
pub const MAX_STATES: usize = 1_000_000;

/// A scenario with every reference resolved to a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub start: usize,
    pub nodes: Vec<Node>,
    /// Each scene's observations, in the order written: when each is shown, and what it is.
    pub observations: Vec<Vec<Gate>>,
}

/// When an observation is shown, and what it shows (under the current rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub requires: Flags,
    pub unless: Flags,
    pub indicator: bool,
    pub red_herring: bool,
}

impl Gate {
    /// Whether the observation is shown under these flags.
    pub fn visible(&self, flags: Flags) -> bool {
        flags & self.requires == self.requires && flags & self.unless == 0
    }
}

impl Compiled {
    /// What a state shows: the observations of its scene visible under its flags.
    pub fn facts(&self, state: State) -> SceneFacts {
        let mut facts = SceneFacts::default();
        for gate in self.observations.get(state.scene).into_iter().flatten() {
            if gate.visible(state.flags) {
                facts.observations = true;
                facts.indicators |= gate.indicator;
                facts.red_herrings |= gate.red_herring;
            }
        }
        facts
    }

    /// Whether the observation at a position of a scene is shown under these flags.
    pub fn shows(&self, scene: usize, observation: usize, flags: Flags) -> bool {
        self.observations
            .get(scene)
            .and_then(|g| g.get(observation))
            .is_some_and(|g| g.visible(flags))
    }
}

/// One scene, compiled.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A scene's choices, in the order written.
    Scene(Vec<Edge>),
    Referral {
        next: usize,
        consent: Option<Flags>,
        max_points: i32,
        /// The most it can score ticking only consent-exempt services.
        exempt_points: i32,
    },
    Classify {
        next: usize,
    },
    Ending {
        outcome: Outcome,
        declined: bool,
    },
}

impl Node {
    /// Whether reaching this node is a critical error (version 2): a `Harmed` ending, or a
    /// `NotProtected` one that is not the person's own informed refusal.
    pub fn is_consequence(&self) -> bool {
        matches!(
            self,
            Node::Ending {
                outcome: Outcome::Harmed,
                ..
            } | Node::Ending {
                outcome: Outcome::NotProtected,
                declined: false
            }
        )
    }
}

/// A choice, compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub requires: Flags,
    pub unless: Flags,
    pub set: Flags,
    pub next: usize,
    pub grade: Option<Grade>,
    pub critical: bool,
    /// The length of the choice's text in characters (for the length-cue checks).
    pub length: u32,
}

impl Edge {
    /// Whether the choice is offered under these flags.
    pub fn visible(&self, flags: Flags) -> bool {
        flags & self.requires == self.requires && flags & self.unless == 0
    }

    /// Decision points for taking it (0 for an ungraded choice).
    pub fn points(&self) -> i32 {
        self.grade.map_or(0, Grade::points)
    }
}

/// The bit of each declared flag, by name.
pub fn flag_bits(scenario: &Scenario) -> HashMap<&str, Flags> {
    scenario
        .flags
        .iter()
        .take(MAX_FLAGS)
        .enumerate()
        .map(|(i, f)| (f.as_str(), 1 << i))
        .collect()
}

/// The names of the flags set in `flags`.
pub fn flag_names(scenario: &Scenario, flags: Flags) -> Vec<&str> {
    scenario
        .flags
        .iter()
        .take(MAX_FLAGS)
        .enumerate()
        .filter(|(i, _)| flags & (1 << i) != 0)
        .map(|(_, f)| f.as_str())
        .collect()
}

/// Resolves every scene, flag and `next` to positions; `None` when any reference is broken
/// (the validator reports which).
pub fn compile(scenario: &Scenario) -> Option<Compiled> {
    if scenario.flags.len() > MAX_FLAGS {
        return None;
    }
    let bits = flag_bits(scenario);
    let mask = |names: &[String]| -> Option<Flags> {
        names
            .iter()
            .try_fold(0, |acc, n| bits.get(n.as_str()).map(|b| acc | b))
    };
    let mut positions: QuickMap<&str, usize> = QuickMap::default();
    positions.reserve(scenario.scenes.len());
    for (i, id) in scenario.scenes.keys().enumerate() {
        positions.entry(id).or_insert(i);
    }
    let scene = |id: &str| positions.get(id).copied();
    let observations = scenario
        .scenes
        .values()
        .map(|kind| {
            kind.observations()
                .iter()
                .map(|o| {
                    Some(Gate {
                        requires: mask(&o.requires)?,
                        unless: mask(&o.unless)?,
                        indicator: o.indicator.is_some(),
                        red_herring: o.is_red_herring(),
                    })
                })
                .collect::<Option<Vec<_>>>()
        })
        .collect::<Option<Vec<_>>>()?;
    let nodes = scenario
        .scenes
        .values()
        .map(|kind| match kind {
            SceneKind::Scene(s) => s
                .choices
                .iter()
                .map(|c| {
                    Some(Edge {
                        requires: mask(&c.requires)?,
                        unless: mask(&c.unless)?,
                        set: mask(&c.set)?,
                        next: scene(&c.next)?,
                        grade: c.grade,
                        critical: c.critical,
                        length: u32::try_from(c.text.chars().count()).unwrap_or(u32::MAX),
                    })
                })
                .collect::<Option<Vec<_>>>()
                .map(Node::Scene),
            SceneKind::Referral(r) => Some(Node::Referral {
                next: scene(&r.next)?,
                consent: match &r.consent_flag {
                    Some(f) => Some(*bits.get(f.as_str())?),
                    None => None,
                },
                max_points: r.max_points(),
                exempt_points: r.exempt_points(),
            }),
            SceneKind::Classify(c) => Some(Node::Classify {
                next: scene(&c.next)?,
            }),
            SceneKind::Ending(e) => Some(Node::Ending {
                outcome: e.outcome,
                declined: e.declined,
            }),
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Compiled {
        start: scene(&scenario.start)?,
        nodes,
        observations,
    })
}

/// A state of play: the scene shown and the flags set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct State {
    pub scene: usize,
    pub flags: Flags,
}

/// How one state leads to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Taking the choice at this position (as written).
    Choice(usize),
    /// Submitting a referral.
    Refer,
    /// Answering a classification.
    Classify,
}

/// What the analysis found wrong with the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphProblem {
    /// More states than `MAX_STATES`.
    TooManyStates,
    /// A scene no path reaches.
    Unreachable { scene: usize },
    /// A reachable state from which no ending can be reached.
    DeadEnd { state: State },
    /// A choice that closes a loop in the state graph.
    Cycle { state: State, choice: usize },
    /// An observation of a reachable scene whose flags hold in no state of that scene.
    NeverShown { scene: usize, observation: usize },
}

/// The best-case result of the complete paths to one ending.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EndingReach {
    pub scene: usize,
    pub outcome: Outcome,
    /// The person's own informed refusal (`declined: true`).
    pub declined: bool,
    /// Complete paths to this ending.
    pub paths: f64,
    /// The best scaled score a path to it can reach without a critical choice or referral
    /// (`None`: only critical paths lead there). Reaching a consequence ending is itself
    /// critical, so such an ending is never passed, whatever this says.
    pub best_scaled: Option<f64>,
    /// Whether a path to it can pass: that best score reaches the pass mark and the ending is
    /// not a consequence.
    pub pass_reachable: bool,
}

impl EndingReach {
    /// Whether the validator expects a pass to be reachable here: a `Protected` or
    /// `PartlyProtected` ending, or a declined one.
    pub fn should_be_passable(&self) -> bool {
        matches!(self.outcome, Outcome::Protected | Outcome::PartlyProtected) || self.declined
    }
}

/// What the analysis needs to know of what a state shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SceneFacts {
    /// Any observation at all (the indicator sub-score occurs once one is seen).
    pub observations: bool,
    /// Any observation with an indicator.
    pub indicators: bool,
    /// Any red herring (an observation with neither indicator nor factor).
    pub red_herrings: bool,
}

/// Everything the state-graph analysis reports about a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub states: usize,
    pub reachable_scenes: Vec<bool>,
    /// Complete paths from the start to any ending (a float: it may be astronomically large).
    pub paths: f64,
    /// The largest sum of decision points over complete paths.
    pub best: i32,
    /// The smallest sum of decision points over complete paths.
    pub worst: i32,
    pub endings: Vec<EndingReach>,
    pub problems: Vec<GraphProblem>,
    /// The most decision points still to be gained from each reachable state.
    pub best_to_end: QuickMap<State, i32>,
    /// Endings (scene positions) that some complete path reaches without showing a red herring.
    pub herringless_endings: Vec<usize>,
    /// What a player who knows nothing and follows a fixed rule can score.
    pub surface: SurfaceCues,
}

impl Analysis {
    /// Whether some complete path can pass.
    pub fn pass_reachable(&self) -> bool {
        self.endings.iter().any(|e| e.pass_reachable)
    }

    /// The choice of a scene the best path takes from this state, with the decision points it
    /// leads to (its own and the best still to come).
    pub fn best_choice(&self, compiled: &Compiled, state: State) -> Option<(usize, i32)> {
        let Some(Node::Scene(edges)) = compiled.nodes.get(state.scene) else {
            return None;
        };
        edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.visible(state.flags))
            .filter_map(|(i, e)| {
                let next = State {
                    scene: e.next,
                    flags: state.flags | e.set,
                };
                self.best_to_end.get(&next).map(|b| (i, e.points() + b))
            })
            // The first written among equals: authors list the model answer first.
            .max_by_key(|&(i, v)| (v, std::cmp::Reverse(i)))
    }
}

/// The state graph itself: states, and for each its successors with the step taken.
#[derive(Debug, Clone)]
pub struct StateGraph {
    pub states: Vec<State>,
    pub successors: Vec<Vec<(usize, Step)>>,
}

impl StateGraph {
    /// Explores every state reachable from the start; `None` past `MAX_STATES`.
    pub fn explore(compiled: &Compiled) -> Option<StateGraph> {
        let start = State {
            scene: compiled.start,
            flags: 0,
        };
        let mut index: QuickMap<State, usize> = QuickMap::default();
        index.insert(start, 0);
        let mut states = vec![start];
        let mut successors: Vec<Vec<(usize, Step)>> = Vec::new();
        let mut i = 0;
        while i < states.len() {
            let state = states[i];
            let mut out = Vec::new();
            for (next, step) in transitions(compiled, state) {
                let id = match index.get(&next) {
                    Some(&id) => id,
                    None => {
                        if states.len() >= MAX_STATES {
                            return None;
                        }
                        index.insert(next, states.len());
                        states.push(next);
                        states.len() - 1
                    }
                };
                out.push((id, step));
            }
            successors.push(out);
            i += 1;
        }
        Some(StateGraph { states, successors })
    }
}

/// The states a state leads to, with the step that leads there.
pub fn transitions(compiled: &Compiled, state: State) -> Vec<(State, Step)> {
    match compiled.nodes.get(state.scene) {
        Some(Node::Scene(edges)) => edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.visible(state.flags))
            .map(|(i, e)| {
                let next = State {
                    scene: e.next,
                    flags: state.flags | e.set,
                };
                (next, Step::Choice(i))
            })
            .collect(),
        Some(Node::Referral { next, .. }) => vec![(
            State {
                scene: *next,
                flags: state.flags,
            },
            Step::Refer,
        )],
        Some(Node::Classify { next }) => vec![(
            State {
                scene: *next,
                flags: state.flags,
            },
            Step::Classify,
        )],
        Some(Node::Ending { .. }) | None => Vec::new(),
    }
}

/// The most distinct path shapes kept per state when looking for a pass.
const MAX_SHAPES: usize = 4096;

/// What the pass check needs to know of a path so far (no critical choice on it), besides its
/// decision points. Of two paths of the same shape, the one with more points can only end with
/// the better score (everything after adds the same to both), so each state keeps, per shape,
/// only the most points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Shape {
    graded: bool,
    observed: bool,
    referral_points: i32,
    referral_max: i32,
    classified: bool,
}

/// Analyses a compiled scenario against its pass mark, under the current rules.
pub fn analyse(scenario: &Scenario, compiled: &Compiled) -> Analysis {
    let pass_mark = scenario.pass_mark;
    let n_scenes = compiled.nodes.len();
    let failed = |states, reachable_scenes, problems| Analysis {
        states,
        reachable_scenes,
        paths: 0.0,
        best: 0,
        worst: 0,
        endings: Vec::new(),
        problems,
        best_to_end: QuickMap::default(),
        herringless_endings: Vec::new(),
        surface: SurfaceCues::default(),
    };
    let Some(graph) = StateGraph::explore(compiled) else {
        return failed(
            MAX_STATES,
            vec![true; n_scenes],
            vec![GraphProblem::TooManyStates],
        );
    };
    let n = graph.states.len();
    let mut problems = Vec::new();
    // What each state shows (observations may depend on flags), by state.
    let facts: Vec<SceneFacts> = graph.states.iter().map(|s| compiled.facts(*s)).collect();

    let mut reachable_scenes = vec![false; n_scenes];
    for s in &graph.states {
        reachable_scenes[s.scene] = true;
    }
    for (scene, reached) in reachable_scenes.iter().enumerate() {
        if !reached {
            problems.push(GraphProblem::Unreachable { scene });
        }
    }
    for (scene, gates) in compiled.observations.iter().enumerate() {
        for (observation, gate) in gates.iter().enumerate() {
            let shown = graph
                .states
                .iter()
                .any(|s| s.scene == scene && gate.visible(s.flags));
            if reachable_scenes[scene] && !shown {
                problems.push(GraphProblem::NeverShown { scene, observation });
            }
        }
    }

    let is_ending = |i: usize| matches!(compiled.nodes[graph.states[i].scene], Node::Ending { .. });

    // States from which an ending can be reached: backwards from the endings.
    let mut predecessors = vec![Vec::new(); n];
    for (from, outs) in graph.successors.iter().enumerate() {
        for &(to, _) in outs {
            predecessors[to].push(from);
        }
    }
    let mut can_end = vec![false; n];
    let mut queue: Vec<usize> = (0..n).filter(|&i| is_ending(i)).collect();
    for &i in &queue {
        can_end[i] = true;
    }
    while let Some(i) = queue.pop() {
        for &p in &predecessors[i] {
            if !can_end[p] {
                can_end[p] = true;
                queue.push(p);
            }
        }
    }
    // Report one dead-end state per scene (the first found), to keep the message list short.
    let mut dead_scenes = HashSet::new();
    for (i, state) in graph.states.iter().enumerate() {
        if !can_end[i] && dead_scenes.insert(state.scene) {
            problems.push(GraphProblem::DeadEnd { state: *state });
        }
    }

    // Cycles, and a topological order when there are none (iterative depth-first search).
    let (order, cycles) = topological_order(&graph);
    let mut seen_cycles = HashSet::new();
    for (from, choice) in cycles {
        let state = graph.states[from];
        if seen_cycles.insert((state.scene, choice)) {
            problems.push(GraphProblem::Cycle { state, choice });
        }
    }
    if !problems.is_empty() {
        return failed(n, reachable_scenes, problems);
    }

    // Best, worst and path counts, from the endings back (reverse topological order).
    let mut best = vec![i32::MIN; n];
    let mut worst = vec![i32::MAX; n];
    let mut paths = vec![0f64; n];
    for &i in order.iter().rev() {
        if is_ending(i) {
            best[i] = 0;
            worst[i] = 0;
            paths[i] = 1.0;
            continue;
        }
        for &(to, step) in &graph.successors[i] {
            let gain = match (step, &compiled.nodes[graph.states[i].scene]) {
                (Step::Choice(c), Node::Scene(edges)) => edges[c].points(),
                _ => 0,
            };
            best[i] = best[i].max(best[to].saturating_add(gain));
            worst[i] = worst[i].min(worst[to].saturating_add(gain));
            paths[i] += paths[to];
        }
    }
    let best_points = best[0];
    let worst_points = worst[0];

    let endings = pass_reach(compiled, &graph, &order, &facts, best_points, pass_mark);
    let herringless_endings = if facts.iter().any(|f| f.observations) {
        herringless_endings(compiled, &graph, &order, &facts)
    } else {
        Vec::new()
    };
    let surface = cues::surface_cues(
        scenario,
        compiled,
        &graph,
        &order,
        &facts,
        best_points,
        pass_mark,
    );

    let best_to_end = graph
        .states
        .iter()
        .zip(&best)
        .filter(|(_, b)| **b != i32::MIN)
        .map(|(s, b)| (*s, *b))
        .collect();
    Analysis {
        states: n,
        reachable_scenes,
        paths: paths[0],
        best: best_points,
        worst: worst_points,
        endings,
        problems,
        best_to_end,
        herringless_endings,
        surface,
    }
}

/// The endings some complete path reaches without showing a red herring (scene positions, in
/// order): on such a path, flagging every observation costs nothing.
fn herringless_endings(
    compiled: &Compiled,
    graph: &StateGraph,
    order: &[usize],
    facts: &[SceneFacts],
) -> Vec<usize> {
    let herring = |state: usize| facts[state].red_herrings;
    let mut clean = vec![false; graph.states.len()];
    clean[0] = !herring(0);
    for &i in order {
        if !clean[i] {
            continue;
        }
        for &(to, _) in &graph.successors[i] {
            clean[to] |= !herring(to);
        }
    }
    let mut endings: Vec<usize> = order
        .iter()
        .filter(|&&i| clean[i])
        .map(|&i| graph.states[i].scene)
        .filter(|&scene| matches!(compiled.nodes[scene], Node::Ending { .. }))
        .collect();
    endings.sort_unstable();
    endings.dedup();
    endings
}

/// A topological order of the states (start first), and the (state, choice) pairs that close a
/// cycle.
fn topological_order(graph: &StateGraph) -> (Vec<usize>, Vec<(usize, usize)>) {
    const WHITE: u8 = 0;
    const GREY: u8 = 1;
    const BLACK: u8 = 2;
    let n = graph.states.len();
    let mut colour = vec![WHITE; n];
    let mut post = Vec::with_capacity(n);
    let mut cycles = Vec::new();
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    colour[0] = GREY;
    while let Some(&mut (node, ref mut next_child)) = stack.last_mut() {
        if let Some(&(to, step)) = graph.successors[node].get(*next_child) {
            *next_child += 1;
            match colour[to] {
                WHITE => {
                    colour[to] = GREY;
                    stack.push((to, 0));
                }
                GREY => {
                    if let Step::Choice(c) = step {
                        cycles.push((node, c));
                    }
                }
                _ => {}
            }
        } else {
            colour[node] = BLACK;
            post.push(node);
            stack.pop();
        }
    }
    post.reverse();
    (post, cycles)
}

/// For each ending, the best scaled score a non-critical complete path to it can reach.
fn pass_reach(
    compiled: &Compiled,
    graph: &StateGraph,
    order: &[usize],
    facts: &[SceneFacts],
    best_points: i32,
    pass_mark: f64,
) -> Vec<EndingReach> {
    let n = graph.states.len();
    let mut shapes: Vec<QuickMap<Shape, i32>> = vec![QuickMap::default(); n];
    let mut overflowed = vec![false; n];
    let observed_at = |state: usize| facts.get(state).is_some_and(|f| f.observations);
    shapes[0].insert(
        Shape {
            graded: false,
            observed: observed_at(0),
            referral_points: 0,
            referral_max: 0,
            classified: false,
        },
        0,
    );
    // Paths to each state, counted forwards, for the per-ending path count.
    let mut paths_to = vec![0f64; n];
    paths_to[0] = 1.0;
    for &i in order {
        let state = graph.states[i];
        let from = std::mem::take(&mut shapes[i]);
        let node = &compiled.nodes[state.scene];
        for &(to, step) in &graph.successors[i] {
            paths_to[to] += paths_to[i];
            overflowed[to] |= overflowed[i];
            for (shape, points) in &from {
                let (mut next, mut points) = (*shape, *points);
                match (step, node) {
                    (Step::Choice(c), Node::Scene(edges)) => {
                        let edge = edges[c];
                        if edge.critical {
                            continue;
                        }
                        if let Some(g) = edge.grade {
                            points += g.points();
                            next.graded = true;
                        }
                    }
                    (
                        Step::Refer,
                        Node::Referral {
                            consent,
                            max_points,
                            exempt_points,
                            ..
                        },
                    ) if *max_points > 0 => {
                        let consented = consent.is_none_or(|c| state.flags & c == c);
                        next.referral_max += max_points;
                        next.referral_points += if consented {
                            *max_points
                        } else {
                            *exempt_points
                        };
                    }
                    (Step::Classify, _) => next.classified = true,
                    _ => {}
                }
                next.observed |= observed_at(to);
                let kept = &mut shapes[to];
                let room = kept.len() < MAX_SHAPES;
                match kept.get_mut(&next) {
                    Some(best) => *best = (*best).max(points),
                    None if room => {
                        kept.insert(next, points);
                    }
                    None => overflowed[to] = true,
                }
            }
        }
        // Endings keep their shapes for the verdict below.
        if matches!(node, Node::Ending { .. }) {
            shapes[i] = from;
        }
    }

    let mut by_scene: Vec<EndingReach> = Vec::new();
    for &i in order {
        let state = graph.states[i];
        let node = &compiled.nodes[state.scene];
        let &Node::Ending { outcome, declined } = node else {
            continue;
        };
        let best_here = shapes[i]
            .iter()
            .map(|(shape, points)| best_case_scaled(shape, *points, best_points))
            .fold(None, |acc: Option<f64>, x| {
                Some(acc.map_or(x, |a| a.max(x)))
            });
        let reach = EndingReach {
            scene: state.scene,
            outcome,
            declined,
            paths: paths_to[i],
            best_scaled: best_here,
            pass_reachable: !node.is_consequence()
                && (overflowed[i] || best_here.is_some_and(|b| b >= pass_mark)),
        };
        match by_scene.iter_mut().find(|e| e.scene == state.scene) {
            Some(e) => {
                e.paths += reach.paths;
                e.pass_reachable |= reach.pass_reachable;
                e.best_scaled = match (e.best_scaled, reach.best_scaled) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
            }
            None => by_scene.push(reach),
        }
    }
    by_scene.sort_by_key(|e| e.scene);
    by_scene
}

/// The best scaled score of a path: every indicator flagged right, every referral complete
/// where consent allows it, every classification right.
fn best_case_scaled(s: &Shape, points: i32, best_points: i32) -> f64 {
    let decisions = (s.graded && best_points > 0)
        .then(|| (f64::from(points) / f64::from(best_points)).clamp(0.0, 1.0));
    let referral = (s.referral_max > 0)
        .then(|| (f64::from(s.referral_points) / f64::from(s.referral_max)).clamp(0.0, 1.0));
    weighted_scaled(&SubScores {
        indicators: s.observed.then_some(1.0),
        decisions,
        referral,
        classification: s.classified.then_some(1.0),
    })
}

/// Graphviz DOT of the scene graph: scenes as nodes, choices as edges labelled with their grade,
/// endings coloured by outcome, critical choices in bold red.
pub fn to_dot(scenario: &Scenario) -> String {
    let mut out = String::new();
    let quote = |s: &str| {
        let escaped: String = s
            .chars()
            .flat_map(|c| match c {
                '"' => vec!['\\', '"'],
                '\\' => vec!['\\', '\\'],
                '\n' => vec!['\\', 'n'],
                c => vec![c],
            })
            .collect();
        format!("\"{escaped}\"")
    };
    let _ = writeln!(out, "digraph {} {{", quote(&scenario.id));
    let _ = writeln!(out, "  label={};", quote(&scenario.title));
    let _ = writeln!(out, "  rankdir=LR;");
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"sans\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"sans\", fontsize=10];");
    for (id, kind) in scenario.scenes.iter() {
        let (shape, fill, label) = match kind {
            SceneKind::Scene(_) => ("box", "white", id.to_owned()),
            SceneKind::Referral(_) => ("box3d", "lightyellow", format!("{id}\\n(referral)")),
            SceneKind::Classify(_) => ("diamond", "lightcyan", format!("{id}\\n(classify)")),
            SceneKind::Ending(e) => (
                "doubleoctagon",
                match e.outcome {
                    Outcome::Protected => "palegreen",
                    Outcome::PartlyProtected => "khaki",
                    Outcome::NotProtected if e.declined => "lightblue",
                    Outcome::NotProtected => "orange",
                    Outcome::Harmed => "tomato",
                },
                format!(
                    "{id}\\n{}{}",
                    e.outcome.label(),
                    if e.declined { " (declined)" } else { "" }
                ),
            ),
        };
        let start = if id == scenario.start {
            ", penwidth=3"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {} [shape={shape}, fillcolor={fill}, label=\"{label}\"{start}];",
            quote(id)
        );
    }
    for (id, kind) in scenario.scenes.iter() {
        match kind {
            SceneKind::Scene(s) => {
                for (i, c) in s.choices.iter().enumerate() {
                    let grade = c.grade.map_or("go on".to_owned(), |g| format!("{g:?}"));
                    let mut label = format!("{}. {grade}", i + 1);
                    if !c.requires.is_empty() {
                        let _ = write!(label, "\\nif {}", c.requires.join(", "));
                    }
                    if !c.unless.is_empty() {
                        let _ = write!(label, "\\nunless {}", c.unless.join(", "));
                    }
                    if !c.set.is_empty() {
                        let _ = write!(label, "\\nsets {}", c.set.join(", "));
                    }
                    let colour = match (c.critical, c.grade) {
                        (true, _) => "red\", penwidth=3, fontcolor=\"red",
                        (_, Some(Grade::Appropriate)) => "darkgreen",
                        (_, Some(Grade::Acceptable)) => "olivedrab",
                        (_, Some(Grade::Suboptimal)) => "darkorange",
                        (_, Some(Grade::Harmful)) => "red",
                        (_, None) => "grey40",
                    };
                    let _ = writeln!(
                        out,
                        "  {} -> {} [label=\"{label}\", color=\"{colour}\"];",
                        quote(id),
                        quote(&c.next)
                    );
                }
            }
            SceneKind::Referral(r) => {
                let _ = writeln!(
                    out,
                    "  {} -> {} [label=\"refer\"];",
                    quote(id),
                    quote(&r.next)
                );
            }
            SceneKind::Classify(c) => {
                let _ = writeln!(
                    out,
                    "  {} -> {} [label=\"classify\"];",
                    quote(id),
                    quote(&c.next)
                );
            }
            SceneKind::Ending(_) => {}
        }
    }
    out.push_str("}\n");
    out
}
