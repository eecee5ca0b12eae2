//! How sure a trainee was, and whether they were right: confidence ratings at classifications,
//! referrals and the decisions an author asks about, scored apart from the competencies by the
//! Brier score and a calibration table. Errors made with high confidence are the ones feedback
//! must single out.

use serde::{Deserialize, Serialize};

/// How sure the trainee says they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Confidence {
    Fifty,
    Seventy,
    Ninety,
}

impl Confidence {
    /// The three levels, least sure first.
    pub const ALL: [Confidence; 3] = [Confidence::Fifty, Confidence::Seventy, Confidence::Ninety];

    /// The probability of being right it stands for.
    pub fn probability(self) -> f64 {
        match self {
            Confidence::Fifty => 0.5,
            Confidence::Seventy => 0.7,
            Confidence::Ninety => 0.9,
        }
    }

    /// The level as a percentage: 50, 70 or 90.
    pub fn percent(self) -> u8 {
        u8::from(self)
    }
}

impl From<Confidence> for u8 {
    fn from(c: Confidence) -> u8 {
        match c {
            Confidence::Fifty => 50,
            Confidence::Seventy => 70,
            Confidence::Ninety => 90,
        }
    }
}

impl TryFrom<u8> for Confidence {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        match n {
            50 => Ok(Confidence::Fifty),
            70 => Ok(Confidence::Seventy),
            90 => Ok(Confidence::Ninety),
            other => Err(format!("{other} is not a confidence level (50, 70 or 90)")),
        }
    }
}

/// One rated decision: where, how sure, and whether it was right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    pub scene: String,
    pub confidence: Confidence,
    pub right: bool,
}

/// How often the trainee was right at one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calibration {
    pub confidence: Confidence,
    pub rated: u32,
    pub right: u32,
}

impl Calibration {
    /// The share right at this level (`None` when nothing was rated at it).
    pub fn rate(&self) -> Option<f64> {
        (self.rated > 0).then(|| f64::from(self.right) / f64::from(self.rated))
    }
}

/// The confidence score of a session, or of a cohort pooled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfidenceScore {
    /// Mean of (stated probability − outcome)², outcome 1 if right and 0 if wrong: 0 is
    /// perfect, 0.25 is always saying 50 %, higher is worse.
    pub brier: f64,
    pub rated: u32,
    /// Right and rated at each level, least sure first.
    pub calibration: Vec<Calibration>,
}

impl ConfidenceScore {
    /// The score of some judgements; `None` when there are none.
    pub fn of<'a>(judgements: impl IntoIterator<Item = &'a Judgement>) -> Option<ConfidenceScore> {
        let mut calibration: Vec<Calibration> = Confidence::ALL
            .iter()
            .map(|&confidence| Calibration {
                confidence,
                rated: 0,
                right: 0,
            })
            .collect();
        let (mut sum, mut n) = (0.0, 0u32);
        for j in judgements {
            let outcome = if j.right { 1.0 } else { 0.0 };
            sum += (j.confidence.probability() - outcome).powi(2);
            n += 1;
            if let Some(c) = calibration
                .iter_mut()
                .find(|c| c.confidence == j.confidence)
            {
                c.rated += 1;
                c.right += u32::from(j.right);
            }
        }
        (n > 0).then(|| ConfidenceScore {
            brier: sum / f64::from(n),
            rated: n,
            calibration,
        })
    }

    /// Pools the calibration of several scores (the Brier score weighted by the number rated).
    pub fn pool<'a>(
        scores: impl IntoIterator<Item = &'a ConfidenceScore>,
    ) -> Option<ConfidenceScore> {
        let mut pooled: Option<ConfidenceScore> = None;
        for s in scores {
            match &mut pooled {
                None => pooled = Some(s.clone()),
                Some(p) => {
                    let total = p.rated + s.rated;
                    if total > 0 {
                        p.brier = (p.brier * f64::from(p.rated) + s.brier * f64::from(s.rated))
                            / f64::from(total);
                    }
                    p.rated = total;
                    for (a, b) in p.calibration.iter_mut().zip(&s.calibration) {
                        a.rated += b.rated;
                        a.right += b.right;
                    }
                }
            }
        }
        pooled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(confidence: Confidence, right: bool) -> Judgement {
        Judgement {
            scene: "s".into(),
            confidence,
            right,
        }
    }

    #[test]
    fn brier_and_calibration_by_hand() {
        // 90 % and right: 0.01; 90 % and wrong: 0.81; 70 % right: 0.09; 50 % wrong: 0.25.
        // Mean: (0.01 + 0.81 + 0.09 + 0.25) / 4 = 1.16 / 4 = 0.29.
        let s = ConfidenceScore::of(&[
            j(Confidence::Ninety, true),
            j(Confidence::Ninety, false),
            j(Confidence::Seventy, true),
            j(Confidence::Fifty, false),
        ])
        .unwrap();
        assert!((s.brier - 0.29).abs() < 1e-12, "{}", s.brier);
        assert_eq!(s.rated, 4);
        let rates: Vec<(u8, u32, u32)> = s
            .calibration
            .iter()
            .map(|c| (c.confidence.percent(), c.rated, c.right))
            .collect();
        assert_eq!(rates, [(50, 1, 0), (70, 1, 1), (90, 2, 1)]);
        assert_eq!(s.calibration[2].rate(), Some(0.5));
        assert!(ConfidenceScore::of(&[]).is_none());
        // Pooled with a perfect score of two at 90 %: (0.29·4 + 0.01·2) / 6.
        let p = ConfidenceScore::of(&[j(Confidence::Ninety, true), j(Confidence::Ninety, true)])
            .unwrap();
        let pooled = ConfidenceScore::pool([&s, &p]).unwrap();
        assert!((pooled.brier - (1.16 + 0.02) / 6.0).abs() < 1e-12);
        assert_eq!(pooled.calibration[2].rated, 4);
    }

    #[test]
    fn levels_read_and_write_as_percentages() {
        assert_eq!(serde_json::to_string(&Confidence::Seventy).unwrap(), "70");
        assert_eq!(
            serde_json::from_str::<Confidence>("90").unwrap(),
            Confidence::Ninety
        );
        assert!(serde_json::from_str::<Confidence>("80").is_err());
    }
}
