//! The cohort as CSV for spreadsheets: one row per session, fixed columns, and text cells that a
//! spreadsheet would run as a formula neutralised.

use super::Row;
use crate::record::format_time;
use std::io::Write;

/// The columns, in order. New columns are only ever appended, so existing spreadsheets keep
/// reading the old ones where they were.
pub const COLUMNS: [&str; 25] = [
    "participant",
    "scenario",
    "mode",
    "started_at",
    "finished_at",
    "duration_s",
    "complete",
    "ending",
    "scaled",
    "passed",
    "critical_errors",
    "indicator_score",
    "hits",
    "misses",
    "false_alarms",
    "d_prime",
    "decision_score",
    "referral_score",
    "classification_score",
    "breaches",
    "false_alarm_rate",
    "factors_noted",
    "factors_missed",
    "rules_version",
    "language",
];

/// A text cell made safe: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading apostrophe, so a spreadsheet shows it instead of running it.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.4}")
    } else {
        String::new()
    }
}

/// The cells of one row.
pub fn cells(row: &Row) -> Vec<String> {
    let s = row.score.as_ref();
    let opt = |x: Option<f64>| x.map_or_else(String::new, number);
    let breaches = s.map_or_else(String::new, |s| {
        s.breaches
            .iter()
            .map(|b| format!("{}@{}", b.principle, b.scene))
            .collect::<Vec<_>>()
            .join(";")
    });
    vec![
        neutralise(&row.started.participant),
        neutralise(&row.started.scenario),
        row.started.mode.as_str().to_owned(),
        format_time(row.started_at),
        row.finished_at.map_or_else(String::new, format_time),
        format!("{:.3}", row.duration_s()),
        row.complete().to_string(),
        neutralise(s.and_then(|s| s.ending.as_deref()).unwrap_or("")),
        opt(s.map(|s| s.scaled)),
        row.passed().to_string(),
        s.map_or_else(String::new, |s| s.critical_errors.len().to_string()),
        opt(s.map(|s| s.indicators.score)),
        s.map_or_else(String::new, |s| s.indicators.hits.to_string()),
        s.map_or_else(String::new, |s| s.indicators.misses.to_string()),
        s.map_or_else(String::new, |s| s.indicators.false_alarms.to_string()),
        opt(s.map(|s| s.indicators.d_prime)),
        opt(s.and_then(|s| s.decisions.score)),
        opt(s.and_then(|s| s.referral.map(|r| r.score))),
        opt(s.and_then(|s| s.classification.map(|c| c.score))),
        neutralise(&breaches),
        opt(s.map(|s| s.indicators.false_alarm_rate())),
        s.map_or_else(String::new, |s| s.indicators.factors_noted.to_string()),
        s.map_or_else(String::new, |s| s.indicators.factors_missed.to_string()),
        s.map_or_else(String::new, |s| s.rules.to_string()),
        neutralise(&row.started.language),
    ]
}

/// Writes rows as CSV, header first, the sessions in the order they started (then by
/// participant and session), whatever order they were read in: a folder and an LRS holding the
/// same sessions give the same file.
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    rows: std::collections::BTreeMap<(String, String, String), Vec<String>>,
}

impl<W: Write> CsvWriter<W> {
    /// A writer that has written the header.
    pub fn new(out: W) -> csv::Result<Self> {
        let mut inner = csv::Writer::from_writer(out);
        inner.write_record(COLUMNS)?;
        Ok(CsvWriter {
            inner,
            rows: std::collections::BTreeMap::new(),
        })
    }

    /// Adds one session (written, in order, by `finish`).
    pub fn row(&mut self, row: &Row) -> csv::Result<()> {
        let key = (
            format_time(row.started_at),
            row.started.participant.clone(),
            row.started.session.clone(),
        );
        self.rows.insert(key, cells(row));
        Ok(())
    }

    /// Writes the sessions and flushes everything.
    pub fn finish(mut self) -> std::io::Result<()> {
        for cells in self.rows.values() {
            self.inner.write_record(cells)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("T07"), "T07");
        assert_eq!(neutralise(""), "");
    }
}
