//! The facilitator's screen: passphrase, cohort review, charts, exports, results folder, plan.

use crate::access::Passphrase;
use crate::app::chrome::{Chrome, SaveProblem};
use crate::app::course::{Course, CourseSource};
use crate::app::flow::{ActivePlan, ChangeResultsDir, GoTo, choose_plan};
use crate::app::views::debrief::DebriefModel;
use crate::app::views::facilitator::{
    Cohort, FacilitatorAction, FacilitatorForm, FacilitatorModel, Gate, facilitator_view,
    session_debrief,
};
use crate::app::{ResultsDir, Screen};
use crate::plan::{PlanFile, read_plans};
use crate::report::csv_export::CsvWriter;
use crate::report::xapi::{XapiWriter, statements};
use crate::report::{Detail, scan};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::path::Path;

/// The facilitator screen's state; the passphrase location can be replaced in tests.
#[derive(Resource)]
pub struct FacilitatorState {
    pub passphrase: Passphrase,
    pub open: bool,
    pub form: FacilitatorForm,
    pub cohort: Cohort,
    pub detail: Option<DebriefModel>,
    pub plans: Vec<PlanFile>,
}

impl Default for FacilitatorState {
    fn default() -> Self {
        FacilitatorState {
            passphrase: Passphrase::default_location(),
            open: false,
            form: FacilitatorForm::default(),
            cohort: Cohort::default(),
            detail: None,
            plans: Vec::new(),
        }
    }
}

/// Registers the facilitator screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<FacilitatorState>()
        .add_systems(OnEnter(Screen::Facilitator), on_enter)
        .add_systems(OnExit(Screen::Facilitator), lock)
        .add_systems(
            EguiPrimaryContextPass,
            facilitator_ui.run_if(in_state(Screen::Facilitator)),
        );
}

fn on_enter(mut state: ResMut<FacilitatorState>, dir: Res<ResultsDir>) {
    state.form.passphrase.clear();
    state.form.again.clear();
    state.form.error = None;
    state.form.focused = false;
    state.form.results_dir = dir.0.display().to_string();
}

fn lock(mut state: ResMut<FacilitatorState>) {
    state.open = false;
    state.detail = None;
    state.cohort = Cohort::default();
    state.form = FacilitatorForm::default();
}

/// Writes an export beside the results, readable by its owner only; returns its path.
fn export(dir: &Path, course: &Course, xapi: bool) -> Result<std::path::PathBuf, String> {
    let stamp = time::OffsetDateTime::now_utc();
    let name = format!(
        "export-{:04}{:02}{:02}-{:02}{:02}{:02}.{}",
        stamp.year(),
        u8::from(stamp.month()),
        stamp.day(),
        stamp.hour(),
        stamp.minute(),
        stamp.second(),
        if xapi { "xapi.json" } else { "csv" }
    );
    let exports = dir.join("exports");
    std::fs::create_dir_all(&exports)
        .map_err(|e| format!("cannot create {}: {e}", exports.display()))?;
    let path = exports.join(name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options
        .open(&path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let out = std::io::BufWriter::new(file);
    let library = Some(course.library.as_ref());
    let mut error = None;
    if xapi {
        let mut w = XapiWriter::new(out).map_err(|e| e.to_string())?;
        scan(dir, Detail::Full, library, |row, lines| {
            if let Err(e) = w.session(&statements(
                &row,
                &lines,
                library,
                crate::report::xapi::HOME,
            )) {
                error.get_or_insert(e.to_string());
            }
        });
        w.finish().map_err(|e| e.to_string())?;
    } else {
        let mut w = CsvWriter::new(out).map_err(|e| e.to_string())?;
        scan(dir, Detail::Summary, library, |row, _| {
            if let Err(e) = w.row(&row) {
                error.get_or_insert(e.to_string());
            }
        });
        w.finish().map_err(|e| e.to_string())?;
    }
    match error {
        Some(e) => Err(e),
        None => Ok(path),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes its resources as parameters"
)]
fn facilitator_ui(
    mut contexts: EguiContexts,
    mut chrome: Chrome,
    mut state: ResMut<FacilitatorState>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    source: Res<CourseSource>,
    problem: Res<SaveProblem>,
    plan: Res<ActivePlan>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let gate = if state.open {
        Gate::Open
    } else if state.passphrase.is_set() {
        Gate::Locked
    } else {
        Gate::NotSet
    };
    let state = &mut *state;
    let model = FacilitatorModel {
        gate,
        cohort: &state.cohort,
        results_dir: dir.0.display().to_string(),
        unsaved: problem.0.clone(),
        detail: state.detail.as_ref(),
        plans: state
            .plans
            .iter()
            .filter(|p| p.plan.is_ok())
            .map(PlanFile::name)
            .collect(),
        plan: plan.0.as_ref().map(PlanFile::name),
    };
    let form = &mut state.form;
    let action = chrome.frame(&ctx, |ui| facilitator_view(ui, &model, form));
    let open_now = |state: &mut FacilitatorState| {
        state.open = true;
        state.form.passphrase.clear();
        state.form.again.clear();
        state.form.error = None;
        state.cohort = Cohort::load(&dir.0, Some(&course.library));
        state.plans = read_plans(&source.plans);
    };
    match action {
        Some(FacilitatorAction::SetPassphrase) => match state
            .passphrase
            .set(&state.form.passphrase, &state.form.again)
        {
            Ok(()) => open_now(state),
            Err(e) => state.form.error = Some(format!("Not set: {e}.")),
        },
        Some(FacilitatorAction::Unlock) => match state.passphrase.check(&state.form.passphrase) {
            Ok(true) => open_now(state),
            Ok(false) => {
                state.form.passphrase.clear();
                state.form.error = Some("That is not the passphrase.".to_owned());
            }
            Err(e) => state.form.error = Some(e.to_string()),
        },
        Some(FacilitatorAction::Lock) => commands.trigger(GoTo(Screen::Start)),
        Some(FacilitatorAction::Refresh) => {
            state.cohort = Cohort::load(&dir.0, Some(&course.library));
            state.plans = read_plans(&source.plans);
            state.form.message = Some(format!("{} sessions read.", state.cohort.rows.len()));
        }
        Some(FacilitatorAction::ExportCsv) | Some(FacilitatorAction::ExportXapi) => {
            let xapi = matches!(action, Some(FacilitatorAction::ExportXapi));
            state.form.message = Some(match export(&dir.0, &course, xapi) {
                Ok(p) => format!("Exported to {}", p.display()),
                Err(e) => format!("The export failed: {e}"),
            });
        }
        Some(FacilitatorAction::ChangeResultsDir(d)) => {
            commands.trigger(ChangeResultsDir(d.clone()));
            state.cohort = Cohort::load(&d, Some(&course.library));
            state.form.message = Some(format!("Sessions are now saved in {}", d.display()));
        }
        Some(FacilitatorAction::OpenSession(path)) => match session_debrief(&path, &course.library)
        {
            Ok(d) => state.detail = Some(d),
            Err(e) => state.form.message = Some(format!("That session cannot be shown: {e}.")),
        },
        Some(FacilitatorAction::CloseSession) => state.detail = None,
        Some(FacilitatorAction::ChoosePlan(name)) => {
            let chosen = name.and_then(|n| state.plans.iter().find(|p| p.name() == n).cloned());
            commands.queue(move |world: &mut World| choose_plan(world, chosen));
        }
        None => {}
    }
    Ok(())
}
