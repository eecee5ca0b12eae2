//! Item-writing checks (format version 2): whether a scenario's best choices give themselves
//! away by their length, and what a player who knows nothing of the subject can score by
//! following one fixed rule.
//!
//! The surface-cue analysis is bounded: it walks the (scene, flags) state graph that the
//! validator has already built (at most `MAX_STATES` states), once per choice rule and case type,
//! keeping at most `MAX_SHAPES` path summaries per state; the other rules (flags, referral) are
//! scored from the same summaries at each ending.

use super::graph::{Compiled, Node, QuickMap, SceneFacts, StateGraph, Step};
use super::model::{Grade, Scenario, SceneKind};
use crate::engine::scoring::{SubScores, weighted_scaled};

/// The score above which a surface-cue player is said to do too well (besides passing).
pub const SURFACE_CUE_LIMIT: f64 = 0.4;

/// The most distinct path summaries kept per state.
const MAX_SHAPES: usize = 1024;

/// How often a scenario's best choice is also its longest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LengthCue {
    /// Decision scenes: two or more graded choices, not all of one grade.
    pub decision_scenes: usize,
    /// Decision scenes (positions) where a best-graded choice is also the longest choice.
    pub best_is_longest: Vec<usize>,
    /// How many of the decision scenes chance alone would give: the sum over them of the share
    /// of choices that are best-graded.
    pub chance: f64,
}

impl LengthCue {
    /// Whether the cue holds in more than half of the decision scenes (the validator's warning).
    pub fn is_cue(&self) -> bool {
        2 * self.best_is_longest.len() > self.decision_scenes
    }
}

/// Counts the decision scenes of a scenario whose best choice is the longest. Lengths are in
/// characters of the choice's text; every choice of the scene counts, as written.
pub fn length_cue(scenario: &Scenario) -> LengthCue {
    let mut cue = LengthCue::default();
    for (i, kind) in scenario.scenes.values().enumerate() {
        let SceneKind::Scene(scene) = kind else {
            continue;
        };
        let graded: Vec<Grade> = scene.choices.iter().filter_map(|c| c.grade).collect();
        let Some(&best) = graded.iter().min() else {
            continue;
        };
        if graded.len() < 2 || graded.iter().all(|g| *g == best) {
            continue;
        }
        cue.decision_scenes += 1;
        let length = |text: &str| text.chars().count();
        let longest = scene
            .choices
            .iter()
            .map(|c| length(&c.text))
            .max()
            .unwrap_or(0);
        let best_choices: Vec<_> = scene
            .choices
            .iter()
            .filter(|c| c.grade == Some(best))
            .collect();
        if best_choices.iter().any(|c| length(&c.text) == longest) {
            cue.best_is_longest.push(i);
        }
        cue.chance += best_choices.len() as f64 / scene.choices.len() as f64;
    }
    cue
}

/// Which choice a rule-following player takes among those offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoicePick {
    Longest,
    Shortest,
}

/// Which observations a rule-following player flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagPick {
    All,
    None,
}

/// Which services a rule-following player ticks on a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferPick {
    /// Every service the referral lists (whatever its rating).
    AllListed,
    None,
}

/// One fixed rule: a way to choose, flag, refer and classify without knowing anything.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct CueRule {
    pub choice: ChoicePick,
    pub flags: FlagPick,
    pub referral: ReferPick,
    /// The case type always given (`None` when the scenario asks for no classification). Where a
    /// question does not offer it, the analysis assumes the luckiest answer.
    pub case_type: Option<String>,
}

/// What a rule reaches at best.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CueOutcome {
    pub rule: CueRule,
    /// The best scaled score a path under the rule reaches (critical errors or not).
    pub scaled: f64,
    /// Whether a path under the rule passes (no critical error, at or above the pass mark).
    pub passes: bool,
    /// The ending (scene position) of that path.
    pub ending: usize,
}

/// The surface-cue analysis of a scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurfaceCues {
    /// The best outcome over every rule: a passing one first, then the highest score.
    pub best: Option<CueOutcome>,
    /// How many rules were tried.
    pub rules: usize,
    /// Whether the shape bound cut the analysis short (the figures are then lower bounds).
    pub bounded: bool,
}

impl SurfaceCues {
    /// Whether a rule passes or scores more than `SURFACE_CUE_LIMIT` (the validator's warning).
    pub fn is_cue(&self) -> bool {
        self.best
            .as_ref()
            .is_some_and(|b| b.passes || b.scaled > SURFACE_CUE_LIMIT)
    }
}

/// A summary of a path under one choice rule and case type: what the other rules' scores need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Shape {
    graded: bool,
    critical_choice: bool,
    observed: bool,
    indicator_shown: bool,
    herring_shown: bool,
    /// Referral points possible, and those ticking every listed service gives.
    referral_max: i32,
    referral_all: i32,
    /// Whether ticking every listed service was critical somewhere (a Harmful service, or no
    /// consent).
    referral_all_critical: bool,
    classified: u16,
    right: u16,
}

/// Scores every fixed rule on a validated scenario's state graph.
pub(super) fn surface_cues(
    scenario: &Scenario,
    compiled: &Compiled,
    graph: &StateGraph,
    order: &[usize],
    facts: &[SceneFacts],
    best_points: i32,
    pass_mark: f64,
) -> SurfaceCues {
    let mut case_types: Vec<Option<&str>> = Vec::new();
    for kind in scenario.scenes.values() {
        if let SceneKind::Classify(c) = kind {
            for o in &c.options {
                if !case_types.contains(&Some(o.as_str())) {
                    case_types.push(Some(o.as_str()));
                }
            }
        }
    }
    if case_types.is_empty() {
        case_types.push(None);
    }
    let mut result = SurfaceCues::default();
    for choice in [ChoicePick::Longest, ChoicePick::Shortest] {
        for case_type in &case_types {
            let walk = Walk {
                scenario,
                compiled,
                graph,
                facts,
                choice,
                case_type: *case_type,
            };
            let (endings, bounded) = walk.run(order);
            result.bounded |= bounded;
            for flags in [FlagPick::All, FlagPick::None] {
                for referral in [ReferPick::AllListed, ReferPick::None] {
                    result.rules += 1;
                    let rule = CueRule {
                        choice,
                        flags,
                        referral,
                        case_type: case_type.map(str::to_owned),
                    };
                    for (ending, shape, points) in &endings {
                        let consequence = compiled.nodes[*ending].is_consequence();
                        let (scaled, critical) =
                            score(shape, *points, best_points, flags, referral);
                        let outcome = CueOutcome {
                            rule: rule.clone(),
                            scaled,
                            passes: !critical && !consequence && scaled >= pass_mark,
                            ending: *ending,
                        };
                        let better = result.best.as_ref().is_none_or(|b| {
                            (outcome.passes, outcome.scaled) > (b.passes, b.scaled)
                        });
                        if better {
                            result.best = Some(outcome);
                        }
                    }
                }
            }
        }
    }
    result
}

/// The scaled score of a path summary under a flag and a referral rule, and whether the rules
/// made a critical error on it (not counting the ending).
fn score(
    s: &Shape,
    points: i32,
    best_points: i32,
    flags: FlagPick,
    referral: ReferPick,
) -> (f64, bool) {
    // Flag all: R = 1, FAR = 1 once a red herring was shown. Flag none: R = 0 once an indicator
    // was shown, FAR = 0. Informedness is 1 or 0 accordingly.
    let indicators = match flags {
        FlagPick::All => !s.herring_shown,
        FlagPick::None => !s.indicator_shown,
    };
    let decisions = (s.graded && best_points > 0)
        .then(|| (f64::from(points) / f64::from(best_points)).clamp(0.0, 1.0));
    let ticked = match referral {
        ReferPick::AllListed => s.referral_all,
        ReferPick::None => 0,
    };
    let referral_score = (s.referral_max > 0)
        .then(|| (f64::from(ticked) / f64::from(s.referral_max)).clamp(0.0, 1.0));
    let classification = (s.classified > 0).then(|| f64::from(s.right) / f64::from(s.classified));
    let scaled = weighted_scaled(&SubScores {
        indicators: s.observed.then_some(if indicators { 1.0 } else { 0.0 }),
        decisions,
        referral: referral_score,
        classification,
    });
    let critical =
        s.critical_choice || (referral == ReferPick::AllListed && s.referral_all_critical);
    (scaled, critical)
}

/// One walk of the state graph under a choice rule and a case type.
struct Walk<'a> {
    scenario: &'a Scenario,
    compiled: &'a Compiled,
    graph: &'a StateGraph,
    facts: &'a [SceneFacts],
    choice: ChoicePick,
    case_type: Option<&'a str>,
}

impl Walk<'_> {
    /// Every (ending, path summary, most points) the rule reaches, and whether the shape bound
    /// was met.
    fn run(&self, order: &[usize]) -> (Vec<(usize, Shape, i32)>, bool) {
        let n = self.graph.states.len();
        let mut shapes: Vec<QuickMap<Shape, i32>> = vec![QuickMap::default(); n];
        let mut bounded = false;
        let start = self.seen(
            Shape {
                graded: false,
                critical_choice: false,
                observed: false,
                indicator_shown: false,
                herring_shown: false,
                referral_max: 0,
                referral_all: 0,
                referral_all_critical: false,
                classified: 0,
                right: 0,
            },
            0,
        );
        shapes[0].insert(start, 0);
        let mut endings = Vec::new();
        for &i in order {
            if shapes[i].is_empty() {
                continue;
            }
            let from = std::mem::take(&mut shapes[i]);
            let state = self.graph.states[i];
            let node = &self.compiled.nodes[state.scene];
            if matches!(node, Node::Ending { .. }) {
                endings.extend(from.into_iter().map(|(s, p)| (state.scene, s, p)));
                continue;
            }
            let picked = self.picked(i);
            for &(to, step) in &self.graph.successors[i] {
                if let Step::Choice(c) = step
                    && !picked.contains(&c)
                {
                    continue;
                }
                for (shape, points) in &from {
                    let (next, points) = self.step(*shape, *points, i, step);
                    let next = self.seen(next, to);
                    let kept = &mut shapes[to];
                    let room = kept.len() < MAX_SHAPES;
                    match kept.get_mut(&next) {
                        Some(best) => *best = (*best).max(points),
                        None if room => {
                            kept.insert(next, points);
                        }
                        None => bounded = true,
                    }
                }
            }
        }
        (endings, bounded)
    }

    /// The choices (positions) the rule takes in a state: the longest or shortest offered, all
    /// of them when several tie.
    fn picked(&self, state: usize) -> Vec<usize> {
        let st = self.graph.states[state];
        let Node::Scene(edges) = &self.compiled.nodes[st.scene] else {
            return Vec::new();
        };
        let offered = || {
            edges
                .iter()
                .enumerate()
                .filter(|(_, e)| e.visible(st.flags))
        };
        let target = match self.choice {
            ChoicePick::Longest => offered().map(|(_, e)| e.length).max(),
            ChoicePick::Shortest => offered().map(|(_, e)| e.length).min(),
        };
        offered()
            .filter(|(_, e)| Some(e.length) == target)
            .map(|(i, _)| i)
            .collect()
    }

    /// The summary after entering a state's scene (what it shows).
    fn seen(&self, mut shape: Shape, state: usize) -> Shape {
        let f = self.facts[state];
        shape.observed |= f.observations;
        shape.indicator_shown |= f.indicators;
        shape.herring_shown |= f.red_herrings;
        shape
    }

    /// The summary and points after one step from a state.
    fn step(&self, mut s: Shape, mut points: i32, state: usize, step: Step) -> (Shape, i32) {
        let st = self.graph.states[state];
        match (
            step,
            &self.compiled.nodes[st.scene],
            self.scenario.scene(st.scene),
        ) {
            (Step::Choice(c), Node::Scene(edges), _) => {
                let edge = edges[c];
                s.critical_choice |= edge.critical;
                if let Some(g) = edge.grade {
                    points += g.points();
                    s.graded = true;
                }
            }
            (
                Step::Refer,
                Node::Referral {
                    consent,
                    max_points,
                    ..
                },
                Some(SceneKind::Referral(r)),
            ) => {
                let consented = consent.is_none_or(|c| st.flags & c == c);
                let listed = r.services.values().map(|x| x.points()).sum::<i32>();
                let harmful = r
                    .services
                    .values()
                    .any(|x| *x == super::model::Rating::Harmful);
                let needs_consent = r
                    .services
                    .keys()
                    .any(|id| !r.consent_exempt.iter().any(|e| e == id));
                s.referral_all_critical |= harmful || (!consented && needs_consent);
                if *max_points > 0 {
                    s.referral_max += max_points;
                    s.referral_all += listed;
                }
            }
            (Step::Classify, _, Some(SceneKind::Classify(c))) => {
                s.classified = s.classified.saturating_add(1);
                let right = match self.case_type {
                    Some(t) if c.options.iter().any(|o| o == t) => c.answer == t,
                    // Not offered (or no rule): the luckiest answer.
                    _ => true,
                };
                s.right = s.right.saturating_add(u16::from(right));
            }
            _ => {}
        }
        (s, points)
    }
}
