//! Exports of a cohort, from a folder or an LRS: one row per session as CSV, or the sessions'
//! xAPI statements as one JSON array. The command line and the app both call these.

use super::csv_export::CsvWriter;
use super::xapi::{XapiWriter, statements};
use super::{Detail, Source, read_source};
use crate::lrs::LrsError;
use crate::scenario::Library;
use std::io::Write;
use thiserror::Error;

/// Why an export could not be written.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error(transparent)]
    Lrs(#[from] LrsError),
    #[error("the export could not be written: {0}")]
    Write(String),
}

/// Writes one CSV row per session of a source; returns how many sessions.
pub fn export_csv(
    source: &Source,
    library: Option<&Library>,
    out: impl Write,
) -> Result<usize, ExportError> {
    let mut writer = CsvWriter::new(out).map_err(|e| ExportError::Write(e.to_string()))?;
    let mut error = None;
    let stats = read_source(source, Detail::Summary, library, |row, _| {
        if let Err(e) = writer.row(&row) {
            error.get_or_insert(e.to_string());
        }
    })?;
    writer
        .finish()
        .map_err(|e| ExportError::Write(e.to_string()))?;
    error.map_or(Ok(stats.rows), |e| Err(ExportError::Write(e)))
}

/// Writes the xAPI statements of every session of a source, under a home address; returns how
/// many sessions.
pub fn export_xapi(
    source: &Source,
    library: Option<&Library>,
    home: &str,
    out: impl Write,
) -> Result<usize, ExportError> {
    let mut writer = XapiWriter::new(out).map_err(|e| ExportError::Write(e.to_string()))?;
    let mut error = None;
    let stats = read_source(source, Detail::Full, library, |row, lines| {
        if let Err(e) = writer.session(&statements(&row, &lines, library, home)) {
            error.get_or_insert(e.to_string());
        }
    })?;
    writer
        .finish()
        .map_err(|e| ExportError::Write(e.to_string()))?;
    error.map_or(Ok(stats.rows), |e| Err(ExportError::Write(e)))
}
