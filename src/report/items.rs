//! Item analysis for facilitators: for each decision point, indicator and classification, how
//! many got it right, how well it separates strong trainees from weak ones (the point-biserial
//! correlation with the session's score, and the upper–lower 27 % index), and a flag when strong
//! trainees avoid the "right" answer (a possibly mis-graded item); KR-20 for each assessment
//! form. A cohort too small to trust is said so.

use super::Row;
use crate::engine::session::Event;
use crate::record::{Body, Line};
use crate::scenario::Library;
use crate::scenario::model::{AssessmentForm, Grade, SceneKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Below this many sessions an item's figures are marked as not yet trustworthy.
pub const MIN_SESSIONS: usize = 20;

/// What an item is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// A decision point (a scene with graded choices): right means a best-graded choice.
    Decision,
    /// An indicator shown: right means flagged.
    Indicator,
    /// A classification: right means the right case type.
    Classification,
}

/// The figures of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStat {
    pub kind: ItemKind,
    pub scenario: String,
    /// The scene (decisions, classifications) or the observation (indicators).
    pub id: String,
    /// Sessions that met the item.
    pub sessions: usize,
    /// The share of them that got it right.
    pub difficulty: f64,
    /// Point-biserial correlation of right/wrong with the session's score (`None` when everyone
    /// got the same, or all scores are equal).
    pub point_biserial: Option<f64>,
    /// Share right in the top 27 % by score minus share right in the bottom 27 %.
    pub upper_lower: Option<f64>,
    /// For a decision: the choice (position as written) strong trainees took more often than a
    /// best-graded one, if one was.
    pub strong_prefer: Option<usize>,
    /// Whether there are too few sessions to trust the figures.
    pub few: bool,
}

/// The reliability of an assessment form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormReliability {
    pub scenario: String,
    pub form: AssessmentForm,
    pub sessions: usize,
    /// Items every session of the form met.
    pub items: usize,
    /// KR-20 over those items (`None` with fewer than two items or no spread in totals).
    pub kr20: Option<f64>,
    pub few: bool,
}

/// The item analysis of a cohort.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemAnalysis {
    pub items: Vec<ItemStat>,
    pub forms: Vec<FormReliability>,
}

/// One answer to an item: the session's total, right or wrong, and (decisions) the choice taken.
type Answer = (f64, bool, Option<usize>);

/// One session's answers: each item's key, right or wrong, and (decisions) the choice taken.
struct Answers {
    scenario: String,
    total: f64,
    items: Vec<((ItemKind, String), bool, Option<usize>)>,
}

/// Collects the item analysis from complete sessions as they are read.
#[derive(Default)]
pub struct ItemCollector {
    sessions: Vec<Answers>,
}

impl std::fmt::Debug for ItemCollector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemCollector")
            .field("sessions", &self.sessions.len())
            .finish()
    }
}

impl ItemCollector {
    /// Adds a session (its lines are needed for the decisions; complete sessions only).
    pub fn add(&mut self, row: &Row, lines: &[Line], library: Option<&Library>) {
        let Some(score) = row.score.as_ref().filter(|s| s.complete) else {
            return;
        };
        let scenario = row.started.scenario.clone();
        let playable = library
            .and_then(|l| l.find(&scenario))
            .filter(|p| p.source_hash() == row.started.scenario_hash);
        let mut items = Vec::new();
        for line in lines {
            match &line.body {
                Body::Play(Event::ChoiceTaken {
                    scene,
                    choice,
                    grade: Some(grade),
                    ..
                }) => {
                    // The best grade written for the scene (needs the scenario; otherwise
                    // Appropriate).
                    let best = playable
                        .and_then(|p| {
                            let i = p.scenario.scene_index(scene)?;
                            match p.scenario.scene(i)? {
                                SceneKind::Scene(s) => {
                                    s.choices.iter().filter_map(|c| c.grade).min()
                                }
                                _ => None,
                            }
                        })
                        .unwrap_or(Grade::Appropriate);
                    items.push((
                        (ItemKind::Decision, scene.clone()),
                        *grade == best,
                        Some(*choice),
                    ));
                }
                Body::Play(Event::Classified { scene, correct, .. }) => {
                    items.push(((ItemKind::Classification, scene.clone()), *correct, None));
                }
                _ => {}
            }
        }
        if let Some(f) = &row.finished {
            for o in f.observations.iter().filter(|o| o.indicator.is_some()) {
                items.push((
                    (ItemKind::Indicator, o.observation.clone()),
                    o.flagged,
                    None,
                ));
            }
        }
        // A hub decision taken twice counts once: the first time.
        let mut seen = BTreeSet::new();
        items.retain(|(key, _, _)| seen.insert(key.clone()));
        self.sessions.push(Answers {
            scenario,
            total: score.scaled,
            items,
        });
    }

    /// The analysis of everything added. `form_of` says which sessions' scenarios are forms.
    pub fn finish(self, form_of: impl Fn(&str) -> Option<AssessmentForm>) -> ItemAnalysis {
        let mut by_item: BTreeMap<(String, ItemKind, String), Vec<Answer>> = BTreeMap::new();
        for s in &self.sessions {
            for ((kind, id), right, choice) in &s.items {
                by_item
                    .entry((s.scenario.clone(), kind.clone(), id.clone()))
                    .or_default()
                    .push((s.total, *right, *choice));
            }
        }
        let items = by_item
            .into_iter()
            .map(|((scenario, kind, id), answers)| item_stat(scenario, kind, id, &answers))
            .collect();
        let mut forms = Vec::new();
        let scenarios: BTreeSet<&str> = self.sessions.iter().map(|s| s.scenario.as_str()).collect();
        for scenario in scenarios {
            let Some(form) = form_of(scenario) else {
                continue;
            };
            let sessions: Vec<&Answers> = self
                .sessions
                .iter()
                .filter(|s| s.scenario == scenario)
                .collect();
            forms.push(reliability(scenario, form, &sessions));
        }
        ItemAnalysis { items, forms }
    }
}

/// The columns of `report --items`.
pub const COLUMNS: [&str; 10] = [
    "kind",
    "scenario",
    "item",
    "sessions",
    "right",
    "point_biserial",
    "upper_lower",
    "strong_prefer_choice",
    "kr20",
    "few_sessions",
];

/// Writes the analysis as CSV: one row per item, then one per assessment form (its KR-20).
pub fn write_csv(analysis: &ItemAnalysis, out: impl std::io::Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    let number = |x: Option<f64>| x.map_or_else(String::new, |v| format!("{v:.4}"));
    for i in &analysis.items {
        let kind = match i.kind {
            ItemKind::Decision => "decision",
            ItemKind::Indicator => "indicator",
            ItemKind::Classification => "classification",
        };
        w.write_record([
            kind.to_owned(),
            super::csv_export::neutralise(&i.scenario),
            super::csv_export::neutralise(&i.id),
            i.sessions.to_string(),
            format!("{:.4}", i.difficulty),
            number(i.point_biserial),
            number(i.upper_lower),
            i.strong_prefer.map_or_else(String::new, |c| c.to_string()),
            String::new(),
            i.few.to_string(),
        ])?;
    }
    for f in &analysis.forms {
        w.write_record([
            "form".to_owned(),
            super::csv_export::neutralise(&f.scenario),
            format!("{:?}", f.form).to_lowercase(),
            f.sessions.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            number(f.kr20),
            f.few.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn mean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Point-biserial correlation of a right/wrong item with the totals: (M₁ − M₀) / s · √(pq),
/// with s the population standard deviation of the totals.
pub fn point_biserial(answers: &[(f64, bool)]) -> Option<f64> {
    let n = answers.len() as f64;
    let all = mean(answers.iter().map(|a| a.0))?;
    let sd = (answers.iter().map(|a| (a.0 - all).powi(2)).sum::<f64>() / n).sqrt();
    let m1 = mean(answers.iter().filter(|a| a.1).map(|a| a.0))?;
    let m0 = mean(answers.iter().filter(|a| !a.1).map(|a| a.0))?;
    let p = answers.iter().filter(|a| a.1).count() as f64 / n;
    (sd > 0.0).then(|| (m1 - m0) / sd * (p * (1.0 - p)).sqrt())
}

/// The top and bottom 27 % of answers by total (at least one each; none when fewer than two).
fn groups<T: Clone>(answers: &[(f64, T)]) -> Option<(Vec<T>, Vec<T>)> {
    if answers.len() < 2 {
        return None;
    }
    let mut sorted: Vec<&(f64, T)> = answers.iter().collect();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let k = ((answers.len() as f64 * 0.27).round() as usize).max(1);
    let upper = sorted[..k].iter().map(|a| a.1.clone()).collect();
    let lower = sorted[sorted.len() - k..]
        .iter()
        .map(|a| a.1.clone())
        .collect();
    Some((upper, lower))
}

fn item_stat(scenario: String, kind: ItemKind, id: String, answers: &[Answer]) -> ItemStat {
    let n = answers.len();
    let right = answers.iter().filter(|a| a.1).count();
    let scored: Vec<(f64, bool)> = answers.iter().map(|a| (a.0, a.1)).collect();
    let share = |xs: &[bool]| xs.iter().filter(|x| **x).count() as f64 / xs.len() as f64;
    let upper_lower = groups(&scored).map(|(u, l)| share(&u) - share(&l));
    // Strong trainees' choices: a non-best choice taken more often than the best ones together.
    let strong_prefer = (kind == ItemKind::Decision)
        .then(|| {
            let picks: Vec<(f64, (bool, Option<usize>))> =
                answers.iter().map(|a| (a.0, (a.1, a.2))).collect();
            let (upper, _) = groups(&picks)?;
            let best = upper.iter().filter(|(r, _)| *r).count();
            let mut others: HashMap<usize, usize> = HashMap::new();
            for (r, c) in &upper {
                if let (false, Some(c)) = (r, c) {
                    *others.entry(*c).or_default() += 1;
                }
            }
            others
                .into_iter()
                .filter(|(_, count)| *count > best)
                .max_by_key(|(c, count)| (*count, std::cmp::Reverse(*c)))
                .map(|(c, _)| c)
        })
        .flatten();
    ItemStat {
        kind,
        scenario,
        id,
        sessions: n,
        difficulty: right as f64 / n.max(1) as f64,
        point_biserial: point_biserial(&scored),
        upper_lower,
        strong_prefer,
        few: n < MIN_SESSIONS,
    }
}

/// KR-20 = k/(k−1) · (1 − Σ pᵢqᵢ / σ²), over the items every session met; σ² the population
/// variance of the number right.
pub fn kr20(matrix: &[Vec<bool>]) -> Option<f64> {
    let k = matrix.first()?.len();
    if k < 2 || matrix.len() < 2 {
        return None;
    }
    let n = matrix.len() as f64;
    let totals: Vec<f64> = matrix
        .iter()
        .map(|row| row.iter().filter(|x| **x).count() as f64)
        .collect();
    let m = totals.iter().sum::<f64>() / n;
    let variance = totals.iter().map(|t| (t - m).powi(2)).sum::<f64>() / n;
    if variance <= 0.0 {
        return None;
    }
    let pq: f64 = (0..k)
        .map(|i| {
            let p = matrix.iter().filter(|row| row[i]).count() as f64 / n;
            p * (1.0 - p)
        })
        .sum();
    Some(k as f64 / (k as f64 - 1.0) * (1.0 - pq / variance))
}

fn reliability(scenario: &str, form: AssessmentForm, sessions: &[&Answers]) -> FormReliability {
    // The items every session met, in a fixed order.
    let mut common: Option<BTreeSet<(ItemKind, String)>> = None;
    for s in sessions {
        let keys: BTreeSet<(ItemKind, String)> =
            s.items.iter().map(|(key, _, _)| key.clone()).collect();
        common = Some(match common {
            None => keys,
            Some(c) => c.intersection(&keys).cloned().collect(),
        });
    }
    let common: Vec<(ItemKind, String)> = common.unwrap_or_default().into_iter().collect();
    let matrix: Vec<Vec<bool>> = sessions
        .iter()
        .map(|s| {
            common
                .iter()
                .map(|key| s.items.iter().any(|(k, right, _)| k == key && *right))
                .collect()
        })
        .collect();
    FormReliability {
        scenario: scenario.to_owned(),
        form,
        sessions: sessions.len(),
        items: common.len(),
        kr20: kr20(&matrix),
        few: sessions.len() < MIN_SESSIONS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_biserial_by_hand() {
        // Totals 1, 2, 3, 4; right on 3 and 4. M1 = 3.5, M0 = 1.5, mean 2.5,
        // s = √((2.25 + 0.25 + 0.25 + 2.25) / 4) = √1.25, p = q = 0.5:
        // r = 2 / √1.25 · 0.5 = 0.894427...
        let r = point_biserial(&[(1.0, false), (2.0, false), (3.0, true), (4.0, true)]).unwrap();
        assert!((r - 2.0 / 1.25f64.sqrt() * 0.5).abs() < 1e-12, "{r}");
        // Everyone right: no correlation to speak of.
        assert_eq!(point_biserial(&[(1.0, true), (2.0, true)]), None);
    }

    #[test]
    fn kr20_by_hand() {
        // Four sessions, three items:
        //   1 1 1 (3)   1 1 0 (2)   1 0 0 (1)   0 0 0 (0)
        // p = 3/4, 2/4, 1/4; Σpq = 3/16 + 4/16 + 3/16 = 10/16 = 0.625.
        // Totals 3, 2, 1, 0: mean 1.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
        // KR-20 = 3/2 · (1 − 0.625 / 1.25) = 1.5 · 0.5 = 0.75.
        let m = vec![
            vec![true, true, true],
            vec![true, true, false],
            vec![true, false, false],
            vec![false, false, false],
        ];
        assert!((kr20(&m).unwrap() - 0.75).abs() < 1e-12);
        assert_eq!(kr20(&[vec![true, false]]), None);
    }
}
