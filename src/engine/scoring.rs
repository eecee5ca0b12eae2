//! Scoring, exactly as the format contract says: indicators (informedness under version 2, F1
//! under version 1; recall, precision, false-alarm rate, d′), vulnerability factors noted,
//! decisions, referral, classification, and the weighted `scaled` score.

use super::session::{Breach, CriticalError, Session};
use super::stats;
use crate::scenario::model::{Observation, Outcome};
use serde::{Deserialize, Serialize};

/// The version of the scoring rules a session is scored under. A session keeps the rules it
/// started with, so a recorded score never changes meaning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rules {
    /// F1 over indicators; every observation without an indicator is a red herring; endings
    /// carry no consequence; no consent exemption.
    V1,
    /// Informedness over indicators; factors apart; harmful endings and unchosen unprotected
    /// endings are critical errors; consent-exempt services.
    #[default]
    V2,
}

impl Rules {
    /// The rules new sessions are scored under.
    pub const CURRENT: Rules = Rules::V2;

    /// The version number written in records.
    pub fn version(self) -> u32 {
        match self {
            Rules::V1 => 1,
            Rules::V2 => 2,
        }
    }

    /// The rules of a version number read from a record (`None`: a version this build does not
    /// know, written by a newer one).
    pub fn from_version(version: u32) -> Option<Rules> {
        match version {
            1 => Some(Rules::V1),
            2 => Some(Rules::V2),
            _ => None,
        }
    }

    /// What an observation is under these rules.
    pub fn kind_of(self, o: &Observation) -> ObservationKind {
        if o.indicator.is_some() {
            ObservationKind::Indicator
        } else if o.factor.is_some() && self >= Rules::V2 {
            ObservationKind::Factor
        } else {
            ObservationKind::RedHerring
        }
    }
}

/// The version number of records that predate it (version 1).
pub fn first_rules_version() -> u32 {
    1
}

/// What an observation shows, under a version of the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObservationKind {
    /// A trafficking indicator.
    Indicator,
    /// A vulnerability factor: neither a hit nor a false alarm.
    Factor,
    /// Neither: flagging it is a false alarm.
    RedHerring,
}

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
    /// Flagged, and it is a vulnerability factor (scores nothing).
    FactorNoted,
    /// Not flagged, and it is a vulnerability factor (scores nothing).
    FactorMissed,
}

impl ObservationOutcome {
    /// The outcome of flagging (or not) an observation of a kind.
    pub fn of(flagged: bool, kind: ObservationKind) -> Self {
        match (flagged, kind) {
            (true, ObservationKind::Indicator) => ObservationOutcome::Hit,
            (false, ObservationKind::Indicator) => ObservationOutcome::Miss,
            (true, ObservationKind::RedHerring) => ObservationOutcome::FalseAlarm,
            (false, ObservationKind::RedHerring) => ObservationOutcome::CorrectRejection,
            (true, ObservationKind::Factor) => ObservationOutcome::FactorNoted,
            (false, ObservationKind::Factor) => ObservationOutcome::FactorMissed,
        }
    }
}

/// The counts the indicator score is computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub hits: u32,
    pub misses: u32,
    pub false_alarms: u32,
    /// Summed strengths (3/2/1) of the hits and of the misses.
    pub hit_weight: u32,
    pub miss_weight: u32,
    /// Visited red herrings, flagged or not.
    pub red_herrings: u32,
    pub factors_noted: u32,
    pub factors_missed: u32,
}

impl Tally {
    /// Counts one visited observation: its outcome and, for an indicator, its weight.
    pub fn add(&mut self, outcome: ObservationOutcome, weight: u32) {
        match outcome {
            ObservationOutcome::Hit => {
                self.hits += 1;
                self.hit_weight += weight;
            }
            ObservationOutcome::Miss => {
                self.misses += 1;
                self.miss_weight += weight;
            }
            ObservationOutcome::FalseAlarm => {
                self.false_alarms += 1;
                self.red_herrings += 1;
            }
            ObservationOutcome::CorrectRejection => self.red_herrings += 1,
            ObservationOutcome::FactorNoted => self.factors_noted += 1,
            ObservationOutcome::FactorMissed => self.factors_missed += 1,
        }
    }
}

/// The indicator competency.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    /// Version 2: informedness `clamp(R − FAR, 0, 1)`; version 1: F1 of R and precision.
    pub score: f64,
    /// Weighted recall R (the hit rate, by strength).
    pub recall: f64,
    pub precision: f64,
    pub hits: u32,
    pub misses: u32,
    pub false_alarms: u32,
    pub d_prime: f64,
    /// Response bias c = −½(z(H)+z(F)); positive means cautious flagging.
    #[serde(default)]
    pub bias: f64,
    /// Visited red herrings, flagged or not (under version 1, every observation without an
    /// indicator).
    #[serde(default)]
    pub red_herrings: u32,
    /// Version 2: vulnerability factors flagged, and not flagged, among those visited.
    #[serde(default)]
    pub factors_noted: u32,
    #[serde(default)]
    pub factors_missed: u32,
}

impl IndicatorScore {
    /// Computes the indicator score from the counts, under a version of the rules.
    pub fn compute(t: Tally, rules: Rules) -> Self {
        let recall = if t.hit_weight + t.miss_weight == 0 {
            1.0
        } else {
            f64::from(t.hit_weight) / f64::from(t.hit_weight + t.miss_weight)
        };
        let precision = if t.hits + t.false_alarms == 0 {
            if t.hits + t.misses == 0 { 1.0 } else { 0.0 }
        } else {
            f64::from(t.hits) / f64::from(t.hits + t.false_alarms)
        };
        let score = match rules {
            Rules::V1 if precision + recall == 0.0 => 0.0,
            Rules::V1 => 2.0 * precision * recall / (precision + recall),
            Rules::V2 => {
                (recall - false_alarm_rate(t.false_alarms, t.red_herrings)).clamp(0.0, 1.0)
            }
        };
        IndicatorScore {
            score,
            recall,
            precision,
            hits: t.hits,
            misses: t.misses,
            false_alarms: t.false_alarms,
            d_prime: stats::d_prime(t.hits, t.misses, t.false_alarms, t.red_herrings),
            bias: stats::criterion_c(t.hits, t.misses, t.false_alarms, t.red_herrings),
            red_herrings: t.red_herrings,
            factors_noted: t.factors_noted,
            factors_missed: t.factors_missed,
        }
    }

    /// The false-alarm rate: false alarms over the red herrings shown (0 when none was shown).
    pub fn false_alarm_rate(&self) -> f64 {
        false_alarm_rate(self.false_alarms, self.red_herrings)
    }
}

/// False alarms over red herrings shown; 0 when none was shown.
fn false_alarm_rate(false_alarms: u32, red_herrings: u32) -> f64 {
    if red_herrings == 0 {
        0.0
    } else {
        f64::from(false_alarms) / f64::from(red_herrings)
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
    /// The version of the rules it was scored under (1 in records that predate versions).
    #[serde(default = "first_rules_version")]
    pub rules: u32,
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
    /// How sure the trainee was, against how often right (apart from `scaled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<super::confidence::ConfidenceScore>,
}

impl Score {
    /// Scores a session over what has occurred so far.
    pub fn of(session: &Session) -> Score {
        let playable = session.playable();
        let catalogue = &playable.catalogue;
        let rules = session.rules();
        let mut tally = Tally::default();
        let mut observed_any = false;
        for (scene, obs_index, obs) in session.visited_observations() {
            observed_any = true;
            let flagged = session.is_flagged(scene, obs_index);
            let weight = obs
                .indicator
                .as_deref()
                .and_then(|i| catalogue.indicator(i))
                .map_or(1, |i| i.strength.weight());
            tally.add(ObservationOutcome::of(flagged, rules.kind_of(obs)), weight);
        }
        let indicators = IndicatorScore::compute(tally, rules);

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
            rules: rules.version(),
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
            confidence: super::confidence::ConfidenceScore::of(session.judgements()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn tally(counts: [u32; 6]) -> Tally {
        let [
            hits,
            misses,
            false_alarms,
            hit_weight,
            miss_weight,
            red_herrings,
        ] = counts;
        Tally {
            hits,
            misses,
            false_alarms,
            hit_weight,
            miss_weight,
            red_herrings,
            ..Tally::default()
        }
    }

    #[test]
    fn version_1_indicator_score_is_weighted_f1() {
        // Hits: one Strong (3) and one Medium (2); a Weak (1) missed; one false alarm.
        // R = 5/6, P = 2/3, F1 = 2PR/(P+R) = (2·2/3·5/6)/(2/3+5/6) = (10/9)/(3/2) = 20/27.
        let s = IndicatorScore::compute(tally([2, 1, 1, 5, 1, 3]), Rules::V1);
        assert!(close(s.recall, 5.0 / 6.0));
        assert!(close(s.precision, 2.0 / 3.0));
        assert!(close(s.score, 20.0 / 27.0));
    }

    #[test]
    fn version_2_indicator_score_is_informedness() {
        // The same counts: R = 5/6, FAR = 1/3 (one of three red herrings flagged): 5/6 − 1/3 = 1/2.
        let s = IndicatorScore::compute(tally([2, 1, 1, 5, 1, 3]), Rules::V2);
        assert!(close(s.false_alarm_rate(), 1.0 / 3.0));
        assert!(close(s.score, 0.5));
        // No red herring shown: FAR = 0, so the score is R alone.
        let no_herring = IndicatorScore::compute(tally([1, 1, 0, 3, 1, 0]), Rules::V2);
        assert!(close(no_herring.score, 0.75));
        // More false alarms than hits can make up for: clamped at 0 (R = 1/3, FAR = 2/2).
        let noisy = IndicatorScore::compute(tally([1, 1, 2, 1, 2, 2]), Rules::V2);
        assert!(close(noisy.score, 0.0));
        // Flag everything (R = 1, FAR = 1) or nothing (R = 0, FAR = 0): 0 either way.
        let all = IndicatorScore::compute(tally([2, 0, 3, 5, 0, 3]), Rules::V2);
        let none = IndicatorScore::compute(tally([0, 2, 0, 0, 5, 3]), Rules::V2);
        assert!(close(all.score, 0.0) && close(none.score, 0.0));
    }

    #[test]
    fn factors_are_neither_hits_nor_false_alarms() {
        let mut t = Tally::default();
        t.add(ObservationOutcome::Hit, 3);
        t.add(ObservationOutcome::CorrectRejection, 1);
        t.add(ObservationOutcome::FactorNoted, 1);
        t.add(ObservationOutcome::FactorMissed, 1);
        assert_eq!(
            t,
            Tally {
                hits: 1,
                hit_weight: 3,
                red_herrings: 1,
                factors_noted: 1,
                factors_missed: 1,
                ..Tally::default()
            }
        );
        assert!(close(IndicatorScore::compute(t, Rules::V2).score, 1.0));
    }

    #[test]
    fn precision_edge_cases_follow_the_contract() {
        // Nothing flagged, nothing present: P = 1, R = 1, score 1.
        let none = IndicatorScore::compute(tally([0, 0, 0, 0, 0, 2]), Rules::V1);
        assert!(close(none.precision, 1.0) && close(none.recall, 1.0) && close(none.score, 1.0));
        // Nothing flagged but an indicator was present: P = 0, R = 0, score 0.
        let missed = IndicatorScore::compute(tally([0, 1, 0, 0, 2, 0]), Rules::V1);
        assert!(close(missed.precision, 0.0) && close(missed.score, 0.0));
        // No indicator present but something flagged: R = 1, P = 0, score 0.
        let alarm = IndicatorScore::compute(tally([0, 0, 1, 0, 0, 1]), Rules::V1);
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
