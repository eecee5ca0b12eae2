//! The facilitator's screen: passphrase, cohort review (read from the results folder or the
//! LRS, off the frame), charts, exports, results folder, plan, and the LRS settings.

use crate::access::Passphrase;
use crate::app::chrome::{Chrome, SaveProblem, sending_words_in};
use crate::app::course::{Course, CourseSource};
use crate::app::flow::{ActivePlan, ChangeResultsDir, GoTo, choose_plan};
use crate::app::sending::{ApplyLrsSettings, Sending, connect, lrs_settings_path};
use crate::app::views::debrief::DebriefModel;
use crate::app::views::facilitator::{
    Cohort, CohortSource, ExportProblem, FacilitatorAction, FacilitatorForm, FacilitatorModel,
    Gate, GateError, LrsForm, LrsNotice, Notice, ShowProblem, facilitator_view, replayed_debrief,
};
use crate::app::{ResultsDir, Screen};
use crate::lrs::config::SettingsError;
use crate::lrs::{LrsError, LrsSettings};
use crate::plan::{PlanFile, read_plans};
use crate::report::Source;
use crate::report::export::{ExportError, export_csv, export_xapi};
use crate::report::replay::{ReplayError, replay_session};
use crate::scenario::Library;
use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

/// The facilitator screen's state; the passphrase location can be replaced in tests.
#[derive(Resource)]
pub struct FacilitatorState {
    pub passphrase: Passphrase,
    pub open: bool,
    pub form: FacilitatorForm,
    pub cohort: Cohort,
    pub detail: Option<DebriefModel>,
    pub plans: Vec<PlanFile>,
    /// Where the cohort is read from, and the read under way, if one is.
    pub source: CohortSource,
    pub reading: Option<Mutex<mpsc::Receiver<Result<Cohort, LrsError>>>>,
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
            source: CohortSource::Folder,
            reading: None,
        }
    }
}

/// Reads the cohort on a thread of its own, from the folder or the LRS; the screen picks it up
/// when it is ready (and the window is woken for it).
fn start_reading(
    state: &mut FacilitatorState,
    dir: &Path,
    library: &Arc<Library>,
    settings: &LrsSettings,
    proxy: Option<&EventLoopProxyWrapper>,
) {
    let (send, receive) = mpsc::channel();
    let dir = dir.to_path_buf();
    let library = Arc::clone(library);
    let lrs = match state.source {
        CohortSource::Folder => None,
        CohortSource::Lrs => match connect(settings) {
            Some(l) => Some(l),
            None => {
                state.form.message = Some(Notice::LrsNotSet);
                state.source = CohortSource::Folder;
                None
            }
        },
    };
    let wake = proxy.map(|p| (**p).clone());
    let started = std::thread::Builder::new()
        .name("mpa-trainer cohort".to_owned()) // i18n-ok: a thread's name
        .spawn(move || {
            let now = time::OffsetDateTime::now_utc();
            let cohort = match &lrs {
                Some((lrs, home)) => {
                    let source = Source::Lrs {
                        lrs: lrs.as_ref(),
                        home,
                        since: None,
                    };
                    Cohort::read(&source, Some(&library), now)
                }
                None => Cohort::read(&Source::Folder(&dir), Some(&library), now),
            };
            let _ = send.send(cohort);
            if let Some(p) = wake {
                let _ = p.send_event(WinitUserEvent::WakeUp);
            }
        });
    match started {
        Ok(_) => state.reading = Some(Mutex::new(receive)),
        Err(e) => state.form.message = Some(Notice::CannotRead(e.to_string())),
    }
}

/// Takes the cohort read on its thread, once it is ready, and draws it.
fn pick_up_cohort(
    mut state: ResMut<FacilitatorState>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let Some(receive) = &state.reading else {
        return;
    };
    let polled = match receive.lock() {
        Ok(r) => r.try_recv(),
        Err(_) => Err(mpsc::TryRecvError::Disconnected),
    };
    let read = match polled {
        Ok(read) => Some(read),
        Err(mpsc::TryRecvError::Empty) => return,
        Err(mpsc::TryRecvError::Disconnected) => None,
    };
    state.reading = None;
    redraw.write(bevy::window::RequestRedraw);
    match read {
        Some(Ok(cohort)) => {
            state.form.message = Some(Notice::Read(cohort.rows.len(), state.source));
            state.cohort = cohort;
        }
        Some(Err(e)) => state.form.message = Some(Notice::LrsUnreadable(e)),
        None => state.form.message = Some(Notice::ReadingStopped),
    }
}

/// The LRS settings in the form, as saved.
fn lrs_form(settings: &LrsSettings) -> LrsForm {
    LrsForm {
        endpoint: settings.endpoint.clone(),
        key: settings.key.clone(),
        secret: settings.secret.clone(),
        home: settings.home.clone(),
        insecure_http: settings.insecure_http,
        message: None,
    }
}

/// Checks and saves the LRS settings typed in the form; the sender uses them from now on.
fn save_lrs(form: &mut LrsForm, commands: &mut Commands) {
    let settings = LrsSettings {
        endpoint: form.endpoint.trim().to_owned(),
        key: form.key.trim().to_owned(),
        secret: form.secret.clone(),
        home: form.home.trim().to_owned(),
        insecure_http: form.insecure_http,
    };
    if settings.is_set() {
        if let Err(e) = settings.endpoint() {
            form.message = Some(LrsNotice::BadEndpoint(e));
            return;
        }
        if settings.key.is_empty() || settings.secret.is_empty() {
            form.message = Some(LrsNotice::NeedsKey);
            return;
        }
    }
    let Some(path) = lrs_settings_path() else {
        form.message = Some(LrsNotice::NoConfigFolder);
        return;
    };
    match settings.save(&path) {
        Ok(()) => {
            form.message = Some(if settings.is_set() {
                LrsNotice::SavedSending
            } else {
                LrsNotice::SavedLocal
            });
            commands.trigger(ApplyLrsSettings(settings));
        }
        Err(SettingsError::Io(e)) => form.message = Some(LrsNotice::SaveFailed(e.to_string())),
        Err(SettingsError::Damaged(d)) => form.message = Some(LrsNotice::Damaged(d)),
    }
}

/// Why a session cannot be shown, as values the view puts into words.
fn show_problem(e: ReplayError) -> ShowProblem {
    match e {
        ReplayError::Unreadable(detail) => ShowProblem::Unreadable(detail),
        ReplayError::NoStart => ShowProblem::NoStart,
        ReplayError::NoScenario(id) => ShowProblem::NoScenario(id),
        ReplayError::UnknownRules(version) => ShowProblem::UnknownRules(version),
        ReplayError::Changed(step, e) => ShowProblem::Changed(step, e.to_string()),
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
        )
        .add_systems(Update, pick_up_cohort.run_if(in_state(Screen::Facilitator)));
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
    state.reading = None;
    state.source = CohortSource::Folder;
}

/// Writes an export beside the results, readable by its owner only, from the cohort's source;
/// returns its path.
fn export(
    dir: &Path,
    course: &Course,
    lrs: Option<&(Arc<dyn crate::lrs::Lrs>, String)>,
    xapi: bool,
) -> Result<PathBuf, ExportProblem> {
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
        .map_err(|e| ExportProblem::CreateFolder(exports.display().to_string(), e.to_string()))?;
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
        .map_err(|e| ExportProblem::CreateFile(path.display().to_string(), e.to_string()))?;
    let out = std::io::BufWriter::new(file);
    let library = Some(course.library.as_ref());
    let source = match lrs {
        Some((lrs, home)) => Source::Lrs {
            lrs: lrs.as_ref(),
            home,
            since: None,
        },
        None => Source::Folder(dir),
    };
    let home = lrs.map_or(crate::report::xapi::HOME, |(_, home)| home.as_str());
    let written = if xapi {
        export_xapi(&source, library, home, out)
    } else {
        export_csv(&source, library, out)
    };
    written.map(|_| path).map_err(|e| match e {
        ExportError::Lrs(e) => ExportProblem::Lrs(e),
        ExportError::Write(detail) => ExportProblem::Write(detail),
    })
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes its resources as parameters" // i18n-ok
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
    sending: Option<Res<Sending>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
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
        source: state.source,
        reading: state.reading.is_some(),
        lrs_set: sending.as_ref().is_some_and(|s| s.settings.is_set()),
        sending: sending
            .as_ref()
            .and_then(|s| sending_words_in(crate::app::words::words(&ctx), &s.status)),
    };
    let form = &mut state.form;
    let action = chrome.frame(&ctx, |ui| facilitator_view(ui, &model, form));
    let settings = sending
        .as_ref()
        .map(|s| s.settings.clone())
        .unwrap_or_default();
    let proxy = proxy.as_deref();
    let open_now = |state: &mut FacilitatorState| {
        state.open = true;
        state.form.passphrase.clear();
        state.form.again.clear();
        state.form.error = None;
        state.form.lrs = lrs_form(&settings);
        start_reading(state, &dir.0, &course.library, &settings, proxy);
        state.plans = read_plans(&source.plans);
    };
    match action {
        Some(FacilitatorAction::SetPassphrase) => match state
            .passphrase
            .set(&state.form.passphrase, &state.form.again)
        {
            Ok(()) => open_now(state),
            Err(e) => state.form.error = Some(GateError::NotSet(e)),
        },
        Some(FacilitatorAction::Unlock) => match state.passphrase.check(&state.form.passphrase) {
            Ok(true) => open_now(state),
            Ok(false) => {
                state.form.passphrase.clear();
                state.form.error = Some(GateError::Wrong);
            }
            Err(e) => state.form.error = Some(GateError::Access(e)),
        },
        Some(FacilitatorAction::Lock) => commands.trigger(GoTo(Screen::Start)),
        Some(FacilitatorAction::Refresh) => {
            start_reading(state, &dir.0, &course.library, &settings, proxy);
            state.plans = read_plans(&source.plans);
        }
        Some(FacilitatorAction::ReadFrom(from)) => {
            state.source = from;
            start_reading(state, &dir.0, &course.library, &settings, proxy);
        }
        Some(FacilitatorAction::SaveLrs) => save_lrs(&mut state.form.lrs, &mut commands),
        Some(FacilitatorAction::ExportCsv) | Some(FacilitatorAction::ExportXapi) => {
            let xapi = matches!(action, Some(FacilitatorAction::ExportXapi));
            let lrs = (state.source == CohortSource::Lrs)
                .then(|| connect(&settings))
                .flatten();
            state.form.message = Some(match export(&dir.0, &course, lrs.as_ref(), xapi) {
                Ok(p) => Notice::Exported(p.display().to_string()),
                Err(e) => Notice::ExportFailed(e),
            });
        }
        Some(FacilitatorAction::ChangeResultsDir(d)) => {
            commands.trigger(ChangeResultsDir(d.clone()));
            state.source = CohortSource::Folder;
            start_reading(state, &d, &course.library, &settings, proxy);
            state.form.message = Some(Notice::SavedIn(d.display().to_string()));
        }
        Some(FacilitatorAction::OpenSession(path)) if path.starts_with("lrs:") => {
            state.form.message = Some(Notice::FromLrs);
        }
        Some(FacilitatorAction::OpenSession(path)) => {
            match replay_session(&path, &course.library) {
                Ok(r) => state.detail = Some(replayed_debrief(&r)),
                Err(e) => state.form.message = Some(Notice::CannotShow(show_problem(e))),
            }
        }
        Some(FacilitatorAction::CloseSession) => state.detail = None,
        Some(FacilitatorAction::ChoosePlan(name)) => {
            let chosen = name.and_then(|n| state.plans.iter().find(|p| p.name() == n).cloned());
            commands.queue(move |world: &mut World| choose_plan(world, chosen));
        }
        None => {}
    }
    Ok(())
}
