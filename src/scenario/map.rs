//! The path map: a scenario's scenes laid out in columns by their distance from the start, so
//! that the trainee's path and the best path can be drawn over them.

use super::graph::{Analysis, Compiled, Node, State};
use std::collections::VecDeque;

/// Where each scene sits on the map, and the ways between scenes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SceneMap {
    /// Per scene (by position): its column (steps from the start) and its row in the column.
    pub at: Vec<(usize, usize)>,
    pub columns: usize,
    /// The rows of the tallest column.
    pub rows: usize,
    /// Every way from one scene to another, once per pair, in the order written.
    pub links: Vec<(usize, usize)>,
}

/// The scenes a node leads to, in the order written (a scene's choices may repeat one).
pub fn successors(node: &Node) -> Vec<usize> {
    match node {
        Node::Scene(edges) => edges.iter().map(|e| e.next).collect(),
        Node::Referral { next, .. } | Node::Classify { next } => vec![*next],
        Node::Ending { .. } => Vec::new(),
    }
}

/// Lays the scenes out: the column of a scene is its fewest steps from the start (a scene no
/// path reaches, which the validator refuses, goes after the last); within a column, scenes are
/// ordered by the mean row of the scenes that lead to them, so that few lines cross.
pub fn scene_map(compiled: &Compiled) -> SceneMap {
    let n = compiled.nodes.len();
    let mut links = Vec::new();
    for (from, node) in compiled.nodes.iter().enumerate() {
        for to in successors(node) {
            if to < n && !links.contains(&(from, to)) {
                links.push((from, to));
            }
        }
    }
    let mut column: Vec<Option<usize>> = vec![None; n];
    let mut queue = VecDeque::new();
    if compiled.start < n {
        column[compiled.start] = Some(0);
        queue.push_back(compiled.start);
    }
    while let Some(scene) = queue.pop_front() {
        let next_column = column[scene].map_or(0, |c| c + 1);
        for &(from, to) in &links {
            if from == scene && column[to].is_none() {
                column[to] = Some(next_column);
                queue.push_back(to);
            }
        }
    }
    let last = column.iter().flatten().max().map_or(0, |c| c + 1);
    let column: Vec<usize> = column.into_iter().map(|c| c.unwrap_or(last)).collect();
    let columns = column.iter().max().map_or(0, |c| c + 1);
    let mut row = vec![0usize; n];
    let mut rows = 0;
    for c in 0..columns {
        let mut here: Vec<(f64, usize)> = (0..n)
            .filter(|&s| column[s] == c)
            .map(|s| {
                let parents: Vec<usize> = links
                    .iter()
                    .filter(|&&(from, to)| to == s && column[from] < c)
                    .map(|&(from, _)| row[from])
                    .collect();
                let mean = if parents.is_empty() {
                    s as f64
                } else {
                    parents.iter().sum::<usize>() as f64 / parents.len() as f64
                };
                (mean, s)
            })
            .collect();
        here.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (r, &(_, s)) in here.iter().enumerate() {
            row[s] = r;
        }
        rows = rows.max(here.len());
    }
    SceneMap {
        at: column.into_iter().zip(row).collect(),
        columns,
        rows,
        links,
    }
}

/// The best path from the start, as the scenes it passes in order (the path
/// `Analysis::best_choice` follows). Bounded: a path never repeats a state.
pub fn best_path(compiled: &Compiled, analysis: &Analysis) -> Vec<usize> {
    let mut state = State {
        scene: compiled.start,
        flags: 0,
    };
    let mut path = vec![state.scene];
    for _ in 0..analysis.states.max(1) {
        match compiled.nodes.get(state.scene) {
            Some(Node::Scene(edges)) => {
                let Some(edge) = analysis
                    .best_choice(compiled, state)
                    .and_then(|(choice, _)| edges.get(choice))
                else {
                    break;
                };
                state = State {
                    scene: edge.next,
                    flags: state.flags | edge.set,
                };
            }
            Some(Node::Referral { next, .. } | Node::Classify { next }) => state.scene = *next,
            _ => break,
        }
        path.push(state.scene);
    }
    path
}
