//! How long a scenario takes: the words a trainee reads along the best path (scene texts,
//! observations, the choices offered, the referral form, the classification's options) at
//! about 150 words a minute, plus a moment for each decision.

use super::Catalogue;
use super::graph::{Analysis, Compiled, Node, State};
use super::model::{Scenario, SceneKind};

/// Reading speed assumed, in words a minute.
pub const WORDS_PER_MINUTE: f64 = 150.0;

/// Minutes allowed for each decision (a choice, a referral, a classification).
pub const MINUTES_PER_DECISION: f64 = 0.25;

/// What a trainee reads and decides on the best path.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Reading {
    pub words: usize,
    pub decisions: usize,
}

impl Reading {
    /// Minutes: the words at `WORDS_PER_MINUTE`, plus `MINUTES_PER_DECISION` per decision.
    pub fn minutes(&self) -> f64 {
        self.words as f64 / WORDS_PER_MINUTE + self.decisions as f64 * MINUTES_PER_DECISION
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The reading along the best path from the start (the path `Analysis::best_choice` follows).
/// Bounded by the number of scenes times the flag states: a path never repeats a state.
pub fn best_path_reading(
    scenario: &Scenario,
    catalogue: &Catalogue,
    compiled: &Compiled,
    analysis: &Analysis,
) -> Reading {
    let mut reading = Reading::default();
    let mut state = State {
        scene: compiled.start,
        flags: 0,
    };
    let limit = analysis.states.max(1);
    for _ in 0..limit {
        let (Some(kind), Some(node)) =
            (scenario.scene(state.scene), compiled.nodes.get(state.scene))
        else {
            break;
        };
        reading.words += words(kind.text());
        match (kind, node) {
            (SceneKind::Scene(s), Node::Scene(edges)) => {
                reading.words += s
                    .observations
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| compiled.shows(state.scene, *i, state.flags))
                    .map(|(_, o)| words(&o.text))
                    .sum::<usize>();
                reading.words += s
                    .choices
                    .iter()
                    .zip(edges)
                    .filter(|(_, e)| e.visible(state.flags))
                    .map(|(c, _)| words(&c.text))
                    .sum::<usize>();
                let Some((choice, _)) = analysis.best_choice(compiled, state) else {
                    break;
                };
                let edge = edges[choice];
                if edge.grade.is_some() {
                    reading.decisions += 1;
                }
                state = State {
                    scene: edge.next,
                    flags: state.flags | edge.set,
                };
            }
            (SceneKind::Referral(_), Node::Referral { next, .. }) => {
                reading.words += catalogue
                    .services
                    .iter()
                    .map(|s| words(&s.label))
                    .sum::<usize>();
                reading.decisions += 1;
                state.scene = *next;
            }
            (SceneKind::Classify(c), Node::Classify { next }) => {
                reading.words += c
                    .options
                    .iter()
                    .map(|o| words(catalogue.label(o)))
                    .sum::<usize>();
                reading.decisions += 1;
                state.scene = *next;
            }
            _ => break,
        }
    }
    reading
}
