//! A facilitator's plan for the day: a workshop code, the scenarios in order and the mode.
//! When a plan is chosen, trainees see only its scenarios.

use crate::record::Mode;
use crate::scenario::load;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A plan, as written in `plans/*.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The workshop's code, recorded with each session.
    pub code: String,
    #[serde(default)]
    pub title: String,
    /// Scenario ids, in the order trainees play them.
    pub scenarios: Vec<String>,
    #[serde(default)]
    pub mode: Mode,
}

/// A plan file and what it holds, or why it cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    pub path: PathBuf,
    pub plan: Result<Plan, String>,
}

impl PlanFile {
    /// The name to show: the plan's title, else its file name.
    pub fn name(&self) -> String {
        match &self.plan {
            Ok(p) if !p.title.is_empty() => format!("{} ({})", p.title, p.code),
            Ok(p) => p.code.clone(),
            Err(_) => self.path.display().to_string(),
        }
    }
}

/// Reads one plan file.
pub fn read_plan(path: &Path) -> Result<Plan, String> {
    let text = load::read_text(path, 1024 * 1024).map_err(|e| e.message)?;
    load::parse::<Plan>(&text).map_err(|e| {
        format!(
            "{}:{}:{}: {}",
            path.display(),
            e.position.line,
            e.position.col,
            e.message
        )
    })
}

/// Every plan under a folder (none when the folder does not exist).
pub fn read_plans(dir: &Path) -> Vec<PlanFile> {
    let Ok(entries) = crate::files::list(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .into_iter()
        .map(|e| e.path)
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| PlanFile {
            plan: read_plan(&path),
            path,
        })
        .collect()
}
