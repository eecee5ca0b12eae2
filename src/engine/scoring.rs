//! Scoring, exactly as the format contract says: indicators (weighted recall, precision, F1, d′),
//! decisions, referral, classification, and the weighted `scaled` score.

use super::session::{Breach, CriticalError, Session};
use super::stats;
use crate::scenario::model::Outcome;
use serde::{Deserialize, Serialize};

/// Weights of the four competencies in `scaled`, renormalised over those that occurred.
pub const WEIGHT_INDICATORS: f64 = 0.3;
pub const WEIGHT_DECISIONS: f64 = 0.4;
pub const WEIGHT_REFERRAL: f64 = 0.2;
pub const WEIGHT_CLASSIFICATION: f64 = 0.1;

/// The sub-scores that occurred in a session (`None`: did not occur, left out of `scaled`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SubScores {
    pub indicators: Option<f64>,
    pub decisions: Option<f64>,
    pub referral: Option<f64>,
    pub classification: Option<f64>,
}

/// The weighted mean of the sub-scores that occurred; 0 when none did.
pub fn weighted_scaled(s: &SubScores) -> f64 {
    let parts = [
        (s.indicators, WEIGHT_INDICATORS),
        (s.decisions, WEIGHT_DECISIONS),
        (s.referral, WEIGHT_REFERRAL),
        (s.classification, WEIGHT_CLASSIFICATION),
    ];
    let (sum, weights) = parts
        .iter()
        .filter_map(|(score, w)| score.map(|s| (s * w, *w)))
        .fold((0.0, 0.0), |(a, b), (s, w)| (a + s, b + w));
    if weights > 0.0 { sum / weights } else { 0.0 }
}

/// How a visited observation ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ObservationOutcome {
    /// Flagged, and it is an indicator.
    Hit,
    /// Not flagged, but it is an indicator.
    Miss,
    /// Flagged, but it is a red herring.
    FalseAlarm,
    /// Not flagged, and it is a red herring.
    CorrectRejection,
}

impl ObservationOutcome {
    /// The outcome of flagging (or not) an observation with (or without) an indicator.
    pub fn of(flagged: bool, is_indicator: bool) -> Self {
        match (flagged, is_indicator) {
            (true, true) => ObservationOutcome::Hit,
            (false, true) => ObservationOutcome::Miss,
            (true, false) => ObservationOutcome::FalseAlarm,
            (false, false) => ObservationOutcome::CorrectRejection,
        }
    }
}

/// The indicator competency.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    pub score: f64,
    pub recall: f64,
    pub precision: f64,
    pub hits: u32,
    pub misses: u32,
    pub false_alarms: u32,
    pub d_prime: f64,
    /// Response bias c = −½(z(H)+z(F)); positive means cautious flagging.
    #[serde(default)]
    pub bias: f64,
    /// Visited observations without an indicator (red herrings).
    #[serde(default)]
    pub red_herrings: u32,
}

impl IndicatorScore {
    /// Computes the indicator score from counts and weights.
    ///
    /// `hit_weight` and `miss_weight` are the summed strengths (3/2/1) of hits and misses;
    /// `red_herrings` counts the visited observations without an indicator.
    pub fn compute(
        hits: u32,
        misses: u32,
        false_alarms: u32,
        hit_weight: u32,
        miss_weight: u32,
        red_herrings: u32,
    ) -> Self {
        let recall = if hit_weight + miss_weight == 0 {
            1.0
        } else {
            f64::from(hit_weight) / f64::from(hit_weight + miss_weight)
        };
        let precision = if hits + false_alarms == 0 {
            if hits + misses == 0 { 1.0 } else { 0.0 }
        } else {
            f64::from(hits) / f64::from(hits + false_alarms)
        };
        let score = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        IndicatorScore {
            score,
            recall,
            precision,
            hits,
            misses,
            false_alarms,
            d_prime: stats::d_prime(hits, misses, false_alarms, red_herrings),
            bias: stats::criterion_c(hits, misses, false_alarms, red_herrings),
            red_herrings,
        }
    }
}

/// The decision competency.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DecisionScore {
    /// `clamp(points / best, 0, 1)`; `None` when no graded choice was taken or `best` ≤ 0.
    pub score: Option<f64>,
    pub points: i32,
    pub best: i32,
    /// Graded choices taken.
    #[serde(default)]
    pub taken: u32,
}

/// A ratio sub-score (referral, classification).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RatioScore {
    pub score: f64,
}

/// The full score of a session, as the debrief, the record and `script` report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub complete: bool,
    pub ending: Option<String>,
    pub outcome: Option<Outcome>,
    pub scaled: f64,
    pub passed: bool,
    pub pass_mark: f64,
    pub critical_errors: Vec<CriticalError>,
    pub breaches: Vec<Breach>,
    pub indicators: IndicatorScore,
    pub decisions: DecisionScore,
    pub referral: Option<RatioScore>,
    pub classification: Option<RatioScore>,
}

impl Score {
    /// Scores a session over what has occurred so far.
    pub fn of(session: &Session) -> Score {
        let playable = session.playable();
        let catalogue = &playable.catalogue;
        let (mut hits, mut misses, mut false_alarms, mut red_herrings) = (0, 0, 0, 0);
        let (mut hit_weight, mut miss_weight) = (0, 0);
        let mut observed_any = false;
        for (scene, obs_index, obs) in session.visited_observations() {
            observed_any = true;
            let flagged = session.is_flagged(scene, obs_index);
            let weight = obs
                .indicator
                .as_deref()
                .and_then(|i| catalogue.indicator(i))
                .map_or(1, |i| i.strength.weight());
            match ObservationOutcome::of(flagged, obs.indicator.is_some()) {
                ObservationOutcome::Hit => {
                    hits += 1;
                    hit_weight += weight;
                }
                ObservationOutcome::Miss => {
                    misses += 1;
                    miss_weight += weight;
                }
                ObservationOutcome::FalseAlarm => {
                    false_alarms += 1;
                    red_herrings += 1;
                }
                ObservationOutcome::CorrectRejection => red_herrings += 1,
            }
        }
        let indicators = IndicatorScore::compute(
            hits,
            misses,
            false_alarms,
            hit_weight,
            miss_weight,
            red_herrings,
        );

        let best = playable.analysis.best;
        let (points, taken) = session.decision_points();
        let decisions = DecisionScore {
            score: (taken > 0 && best > 0)
                .then(|| (f64::from(points) / f64::from(best)).clamp(0.0, 1.0)),
            points,
            best,
            taken,
        };

        let (ref_points, ref_max) = session
            .referrals()
            .iter()
            .filter(|r| r.max_points > 0)
            .fold((0, 0), |(p, m), r| (p + r.points, m + r.max_points));
        let referral = (ref_max > 0).then(|| RatioScore {
            score: (f64::from(ref_points) / f64::from(ref_max)).clamp(0.0, 1.0),
        });

        let answers = session.classifications();
        let classification = (!answers.is_empty()).then(|| RatioScore {
            score: answers.iter().filter(|c| c.correct).count() as f64 / answers.len() as f64,
        });

        let scaled = weighted_scaled(&SubScores {
            indicators: observed_any.then_some(indicators.score),
            decisions: decisions.score,
            referral: referral.map(|r| r.score),
            classification: classification.map(|c| c.score),
        });
        let pass_mark = playable.scenario.pass_mark;
        let ending = session.ending();
        let critical_errors = session.critical_errors().to_vec();
        Score {
            complete: ending.is_some(),
            ending: ending.map(|e| playable.scenario.scene_id(e).to_owned()),
            outcome: session.outcome(),
            scaled,
            passed: ending.is_some() && critical_errors.is_empty() && scaled >= pass_mark,
            pass_mark,
            critical_errors,
            breaches: session.breaches().to_vec(),
            indicators,
            decisions,
            referral,
            classification,
        }
    }

    /// Why the session did not pass, in plain words (empty when it passed).
    pub fn reasons_not_passed(&self) -> Vec<String> {
        let mut reasons = Vec::new();
        if !self.complete {
            reasons.push("The scenario was not finished: no ending was reached.".to_owned());
        }
        if !self.critical_errors.is_empty() {
            reasons.push(format!(
                "{} critical error{}: any critical error fails the scenario.",
                self.critical_errors.len(),
                if self.critical_errors.len() == 1 {
                    ""
                } else {
                    "s"
                }
            ));
        }
        if self.scaled < self.pass_mark {
            reasons.push(format!(
                "The overall score {:.0}% is below the pass mark of {:.0}%.",
                self.scaled * 100.0,
                self.pass_mark * 100.0
            ));
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn indicator_score_is_weighted_f1() {
        // Hits: one Strong (3) and one Medium (2); a Weak (1) missed; one false alarm.
        // R = 5/6, P = 2/3, F1 = 2PR/(P+R) = (2·2/3·5/6)/(2/3+5/6) = (10/9)/(3/2) = 20/27.
        let s = IndicatorScore::compute(2, 1, 1, 5, 1, 3);
        assert!(close(s.recall, 5.0 / 6.0));
        assert!(close(s.precision, 2.0 / 3.0));
        assert!(close(s.score, 20.0 / 27.0));
    }

    #[test]
    fn precision_edge_cases_follow_the_contract() {
        // Nothing flagged, nothing present: P = 1, R = 1, score 1.
        let none = IndicatorScore::compute(0, 0, 0, 0, 0, 2);
        assert!(close(none.precision, 1.0) && close(none.recall, 1.0) && close(none.score, 1.0));
        // Nothing flagged but an indicator was present: P = 0, R = 0, score 0.
        let missed = IndicatorScore::compute(0, 1, 0, 0, 2, 0);
        assert!(close(missed.precision, 0.0) && close(missed.score, 0.0));
        // No indicator present but something flagged: R = 1, P = 0, score 0.
        let alarm = IndicatorScore::compute(0, 0, 1, 0, 0, 1);
        assert!(close(alarm.recall, 1.0) && close(alarm.precision, 0.0) && close(alarm.score, 0.0));
    }

    #[test]
    fn scaled_renormalises_over_the_sub_scores_that_occurred() {
        let all = SubScores {
            indicators: Some(1.0),
            decisions: Some(0.5),
            referral: Some(0.0),
            classification: Some(1.0),
        };
        assert!(close(weighted_scaled(&all), 0.3 + 0.2 + 0.0 + 0.1));
        let two = SubScores {
            indicators: None,
            decisions: Some(0.5),
            referral: None,
            classification: Some(1.0),
        };
        // (0.4·0.5 + 0.1·1) / 0.5 = 0.6
        assert!(close(weighted_scaled(&two), 0.6));
        assert!(close(weighted_scaled(&SubScores::default()), 0.0));
    }
}
