//! The flow between screens: what happens when a trainee starts, plays, leaves, resumes and
//! finishes a scenario. Screens trigger these events; tests trigger them too.

use super::course::Course;
use super::settings::Settings;
use super::views::debrief::DebriefModel;
use super::views::play::PlayForm;
use super::{ResultsDir, Screen, Trainee};
use crate::engine::Score;
use crate::engine::session::{Action, Session};
use crate::i18n::Lang;
use crate::record::reader::read_session;
use crate::record::store::Store;
use crate::record::{self, Mode, Recorder, SaveStatus};
use crate::scenario::Playable;
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use time::OffsetDateTime;

/// The trainee goes on from the start screen with a code and a mode.
#[derive(Event, Debug, Clone)]
pub struct Begin {
    pub participant: String,
    pub mode: Mode,
}

/// The trainee starts a scenario.
#[derive(Event, Debug, Clone)]
pub struct StartScenario(pub String);

/// The trainee acts in the scenario being played.
#[derive(Event, Debug, Clone)]
pub struct Act(pub Action);

/// The trainee leaves the scenario unfinished (it can be resumed).
#[derive(Event, Debug, Clone, Copy)]
pub struct Leave;

/// The trainee resumes an interrupted session from its file.
#[derive(Event, Debug, Clone)]
pub struct Resume(pub PathBuf);

/// Go to a screen (back buttons, the facilitator, progress).
#[derive(Event, Debug, Clone, Copy)]
pub struct GoTo(pub Screen);

/// From the debrief: play the same scenario again, or the next one.
#[derive(Event, Debug, Clone, Copy)]
pub enum AfterDebrief {
    Replay,
    Next,
}

/// Try again to save what is kept in memory.
#[derive(Event, Debug, Clone, Copy)]
pub struct RetrySave;

/// A session was played to its end, with this score: what an LMS's launch tells the LMS.
#[derive(Event, Debug, Clone)]
pub struct Scored(pub Score);

/// Save from now on into another folder (the facilitator's choice), moving what is unsaved.
#[derive(Event, Debug, Clone)]
pub struct ChangeResultsDir(pub PathBuf);

/// The scenario being played.
pub struct Playing {
    pub session: Session,
    pub recorder: Recorder,
    pub form: PlayForm,
    /// Why the last action was refused, if it was (the views offer only actions that fit, so
    /// this is kept for the record of what happened, not shown).
    pub error: Option<crate::engine::session::ActionError>,
}

/// The scenario being played, if any.
#[derive(Resource, Default)]
pub struct Active(pub Option<Playing>);

/// The debrief of the session just finished.
#[derive(Resource, Default, Debug, Clone)]
pub struct LastDebrief {
    pub model: Option<DebriefModel>,
    pub scenario: Option<String>,
}

/// Sessions that ended or were left while their folder did not work: kept until saved.
#[derive(Resource, Default)]
pub struct Unsaved(pub Vec<Recorder>);

/// Makes the store each new session is saved with (tests put a failing one here).
#[derive(Resource, Clone)]
pub struct StoreMaker(pub Arc<dyn Fn() -> Box<dyn Store> + Send + Sync>);

impl Default for StoreMaker {
    fn default() -> Self {
        StoreMaker(Arc::new(crate::record::store::default_store))
    }
}

/// A fixed display-order seed for every new session (tests); `None`: a fresh one each time.
#[derive(Resource, Default, Debug, Clone, Copy)]
pub struct FixedSeed(pub Option<u64>);

/// The facilitator's plan for the day, if one is chosen: trainees see only its scenarios.
#[derive(Resource, Default, Debug, Clone)]
pub struct ActivePlan(pub Option<crate::plan::PlanFile>);

impl ActivePlan {
    /// The plan itself, when its file was read.
    pub fn plan(&self) -> Option<&crate::plan::Plan> {
        self.0.as_ref().and_then(|f| f.plan.as_ref().ok())
    }
}

/// Where the chosen plan is remembered between runs (`None`: not remembered, as in tests).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct PlanMemory(pub Option<PathBuf>);

impl Default for PlanMemory {
    fn default() -> Self {
        PlanMemory(crate::files::config_dir().map(|d| d.join("plan.txt")))
    }
}

/// Chooses (or clears) the plan, remembers it, and sets the mode it asks for.
pub fn choose_plan(world: &mut World, plan: Option<crate::plan::PlanFile>) {
    let memory = world
        .get_resource::<PlanMemory>()
        .cloned()
        .unwrap_or_default();
    if let Some(memory) = memory.0 {
        let _ = match &plan {
            Some(p) => {
                crate::files::create_dir_all(memory.parent().unwrap_or(std::path::Path::new(".")))
                    .and_then(|()| {
                        crate::files::write(&memory, p.path.display().to_string().as_bytes())
                    })
            }
            None => crate::files::remove(&memory),
        };
    }
    if let Some(mode) = plan
        .as_ref()
        .and_then(|p| p.plan.as_ref().ok())
        .map(|p| p.mode)
    {
        world.resource_mut::<Trainee>().mode = mode;
    }
    world.insert_resource(ActivePlan(plan));
}

/// The plan remembered from the last run, if its file still reads.
fn remembered_plan(memory: &PlanMemory) -> ActivePlan {
    let file = memory
        .0
        .as_ref()
        .and_then(|m| crate::files::read_to_string(m).ok())
        .map(|p| PathBuf::from(p.trim()))
        .filter(|p| crate::files::is_file(p))
        .map(|path| crate::plan::PlanFile {
            plan: crate::plan::read_plan(&path),
            path,
        })
        .filter(|f| f.plan.is_ok());
    ActivePlan(file)
}

/// A message for the trainee about the last thing that went wrong in the flow.
#[derive(Resource, Default, Debug, Clone)]
pub struct FlowNotice(pub Option<String>);

/// Registers the flow.
pub fn plugin(app: &mut App) {
    app.init_resource::<Active>()
        .init_resource::<LastDebrief>()
        .init_resource::<Unsaved>()
        .init_resource::<StoreMaker>()
        .init_resource::<FixedSeed>()
        .init_resource::<FlowNotice>()
        .add_observer(on_begin)
        .add_observer(on_start)
        .add_observer(on_act)
        .add_observer(on_leave)
        .add_observer(on_resume)
        .add_observer(on_go_to)
        .add_observer(on_after_debrief)
        .add_observer(on_retry)
        .add_observer(on_change_dir);
    if !app.world().contains_resource::<ResultsDir>() {
        app.insert_resource(ResultsDir(super::default_results_dir()));
    }
    if !app.world().contains_resource::<PlanMemory>() {
        app.init_resource::<PlanMemory>();
    }
    if !app.world().contains_resource::<ActivePlan>() {
        let plan = remembered_plan(app.world().resource::<PlanMemory>());
        app.insert_resource(plan);
    }
}

/// The scenarios the trainee may play, in order: the plan's, or all of them (practice scenarios
/// in file order, then the pre and the post assessment); each in the language, where it has a
/// translation.
pub fn scenario_list(course: &Course, plan: &ActivePlan, lang: Lang) -> Vec<Arc<Playable>> {
    let code = lang.code();
    match plan.plan() {
        Some(p) => p
            .scenarios
            .iter()
            .filter_map(|id| course.library.find_in(id, code).cloned())
            .collect(),
        None => {
            let mut list: Vec<Arc<Playable>> = course.library.playable_in(code).cloned().collect();
            // Practice scenarios first, then the forms in the order they are taken.
            list.sort_by_key(|p| p.scenario.assessment);
            list
        }
    }
}

fn on_begin(
    ev: On<Begin>,
    plan: Res<ActivePlan>,
    mut trainee: ResMut<Trainee>,
    mut next: ResMut<NextState<Screen>>,
) {
    trainee.participant = ev.participant.clone();
    // A plan sets the mode for the day.
    trainee.mode = plan.plan().map_or(ev.mode, |p| p.mode);
    next.set(Screen::Select);
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy observer takes its resources as parameters"
)]
fn on_start(
    ev: On<StartScenario>,
    course: Res<Course>,
    trainee: Res<Trainee>,
    dir: Res<ResultsDir>,
    stores: Res<StoreMaker>,
    seed: Res<FixedSeed>,
    plan: Res<ActivePlan>,
    settings: Res<Settings>,
    mut active: ResMut<Active>,
    mut notice: ResMut<FlowNotice>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(playable) = course
        .library
        .find_in(&ev.0, settings.language.code())
        .cloned()
    else {
        let w = crate::i18n::words(settings.language);
        notice.0 = Some(crate::tr!(w, "notice-scenario-gone", id = ev.0.as_str()));
        return;
    };
    let seed = seed.0.unwrap_or_else(crate::entropy::u64);
    let header = record::started(
        record::new_session_id(),
        &trainee.participant,
        &playable,
        trainee.mode,
        seed,
        plan.plan().map(|p| p.code.clone()),
    );
    let now = OffsetDateTime::now_utc();
    let mut recorder = Recorder::start((stores.0)(), &dir.0, header, now);
    let (session, events) = Session::start(playable, seed);
    let _ = recorder.append_events_at(&events, now);
    active.0 = Some(Playing {
        session,
        recorder,
        form: PlayForm::default(),
        error: None,
    });
    notice.0 = None;
    next.set(Screen::Play);
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy observer takes its resources as parameters"
)]
fn on_act(
    ev: On<Act>,
    trainee: Res<Trainee>,
    dir: Res<ResultsDir>,
    course: Res<Course>,
    plan: Res<ActivePlan>,
    mut active: ResMut<Active>,
    mut debrief: ResMut<LastDebrief>,
    mut unsaved: ResMut<Unsaved>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
) {
    let Some(playing) = active.0.as_mut() else {
        return;
    };
    let moves_on = matches!(
        ev.0,
        Action::Choose(_) | Action::Refer(_) | Action::Classify(_)
    );
    match playing.session.apply(ev.0.clone()) {
        Ok(events) => {
            playing.error = None;
            let _ = playing
                .recorder
                .append_events_at(&events, OffsetDateTime::now_utc());
            if moves_on {
                playing.form = PlayForm::default();
            }
        }
        Err(e) => {
            playing.error = Some(e);
            return;
        }
    }
    if !playing.session.is_over() {
        return;
    }
    let Some(mut done) = active.0.take() else {
        return;
    };
    let score = Score::of(&done.session);
    let _ = done
        .recorder
        .finish_at(&done.session, &score, OffsetDateTime::now_utc());
    let id = done.session.playable().id().to_owned();
    // Only the ids are read: any language gives the same list.
    let list = scenario_list(&course, &plan, Lang::default());
    let has_next = list
        .iter()
        .position(|p| p.id() == id)
        .is_some_and(|i| i + 1 < list.len());
    let mut model = DebriefModel::of(
        &done.session,
        &score,
        &trainee.participant,
        trainee.mode,
        has_next,
    );
    let form = done.session.playable().scenario.assessment;
    if form.is_some() {
        let history = crate::practice::History::read(&dir.0, &trainee.participant);
        let form_of = |id: &str| course.library.find(id).and_then(|p| p.scenario.assessment);
        if crate::practice::feedback_withheld(form, &history, form_of) {
            model.withhold_items();
        }
    }
    debrief.model = Some(model);
    debrief.scenario = Some(id);
    commands.trigger(Scored(score));
    if done.recorder.has_unsaved() {
        unsaved.0.push(done.recorder);
    }
    next.set(Screen::Debrief);
}

fn on_leave(
    _: On<Leave>,
    mut active: ResMut<Active>,
    mut unsaved: ResMut<Unsaved>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some(playing) = active.0.take()
        && playing.recorder.has_unsaved()
    {
        unsaved.0.push(playing.recorder);
    }
    next.set(Screen::Select);
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy observer takes its resources as parameters"
)]
fn on_resume(
    ev: On<Resume>,
    course: Res<Course>,
    stores: Res<StoreMaker>,
    settings: Res<Settings>,
    mut trainee: ResMut<Trainee>,
    mut active: ResMut<Active>,
    mut notice: ResMut<FlowNotice>,
    mut next: ResMut<NextState<Screen>>,
) {
    match resume(&ev.0, &course, &stores) {
        Ok((playing, mode)) => {
            trainee.mode = mode;
            active.0 = Some(playing);
            notice.0 = None;
            next.set(Screen::Play);
        }
        Err(problem) => notice.0 = Some(problem.words(crate::i18n::words(settings.language))),
    }
}

/// Why an interrupted session cannot be resumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumeProblem {
    /// The file cannot be read (the reader's own words).
    Unreadable(String),
    NoStart,
    ScenarioGone(String),
    /// Started under scoring rules this build does not know.
    NewerRules(u32),
    /// The scenario changed since: a recorded step no longer plays (1-based, with the engine's words).
    Changed {
        step: usize,
        detail: String,
    },
}

impl ResumeProblem {
    /// The problem in words.
    pub fn words(&self, w: &crate::i18n::Words) -> String {
        use crate::tr;
        match self {
            ResumeProblem::Unreadable(detail) => {
                tr!(w, "notice-resume-unreadable", detail = detail.as_str())
            }
            ResumeProblem::NoStart => tr!(w, "notice-resume-no-start"),
            ResumeProblem::ScenarioGone(id) => tr!(w, "notice-scenario-gone", id = id.as_str()),
            ResumeProblem::NewerRules(v) => tr!(w, "notice-resume-newer-rules", rules = *v),
            ResumeProblem::Changed { step, detail } => {
                tr!(
                    w,
                    "notice-resume-changed",
                    step = *step,
                    detail = detail.as_str()
                )
            }
        }
    }
}

/// Rebuilds an interrupted session from its file and carries on recording into it.
pub fn resume(
    path: &std::path::Path,
    course: &Course,
    stores: &StoreMaker,
) -> Result<(Playing, Mode), ResumeProblem> {
    let log = read_session(path).map_err(|e| ResumeProblem::Unreadable(e.to_string()))?;
    let started = log.started().ok_or(ResumeProblem::NoStart)?.clone();
    // In the language it was started in: the same scenes whatever the words.
    let playable = course
        .library
        .find_in(&started.scenario, &started.language)
        .cloned()
        .ok_or_else(|| ResumeProblem::ScenarioGone(started.scenario.clone()))?;
    let rules = started
        .rules()
        .ok_or(ResumeProblem::NewerRules(started.rules))?;
    let (session, _) =
        Session::replay(playable, started.seed, rules, &log.actions()).map_err(|(i, e)| {
            ResumeProblem::Changed {
                step: i + 1,
                detail: e.to_string(),
            }
        })?;
    let recorder = Recorder::resume(
        (stores.0)(),
        path,
        log.raw.clone(),
        log.good_len,
        log.next_seq(),
        OffsetDateTime::now_utc(),
    );
    Ok((
        Playing {
            session,
            recorder,
            form: PlayForm::default(),
            error: None,
        },
        started.mode,
    ))
}

fn on_go_to(ev: On<GoTo>, mut next: ResMut<NextState<Screen>>) {
    next.set(ev.0);
}

fn on_after_debrief(
    ev: On<AfterDebrief>,
    course: Res<Course>,
    plan: Res<ActivePlan>,
    debrief: Res<LastDebrief>,
    mut commands: Commands,
) {
    let Some(current) = debrief.scenario.clone() else {
        return;
    };
    let target = match *ev {
        AfterDebrief::Replay => Some(current),
        AfterDebrief::Next => {
            // Only the ids are read: any language gives the same list.
            let list = scenario_list(&course, &plan, Lang::default());
            list.iter()
                .position(|p| p.id() == current)
                .and_then(|i| list.get(i + 1))
                .map(|p| p.id().to_owned())
        }
    };
    if let Some(id) = target {
        commands.trigger(StartScenario(id));
    }
}

fn on_retry(_: On<RetrySave>, mut active: ResMut<Active>, mut unsaved: ResMut<Unsaved>) {
    if let Some(playing) = active.0.as_mut() {
        playing.recorder.save();
    }
    for r in &mut unsaved.0 {
        r.save();
    }
    unsaved.0.retain(Recorder::has_unsaved);
}

fn on_change_dir(
    ev: On<ChangeResultsDir>,
    mut dir: ResMut<ResultsDir>,
    mut active: ResMut<Active>,
    mut unsaved: ResMut<Unsaved>,
    mut notice: ResMut<FlowNotice>,
) {
    dir.0 = ev.0.clone();
    let mut problems = Vec::new();
    if let Some(playing) = active.0.as_mut()
        && playing.recorder.has_unsaved()
        && let Err(e) = playing.recorder.relocate(&ev.0)
    {
        problems.push(e.to_string());
    }
    for r in &mut unsaved.0 {
        if let Err(e) = r.relocate(&ev.0) {
            problems.push(e.to_string());
        }
    }
    unsaved.0.retain(Recorder::has_unsaved);
    notice.0 = problems.into_iter().next();
}

/// What is not saved, in one sentence for the trainee and facilitator (`None`: all saved).
pub fn save_problem(active: &Active, unsaved: &Unsaved, w: &crate::i18n::Words) -> Option<String> {
    let mut lines = 0;
    let mut error = None;
    let recorders = active.0.iter().map(|p| &p.recorder).chain(unsaved.0.iter());
    for r in recorders {
        if let SaveStatus::Unsaved { lines: n, error: e } = r.status() {
            lines += n;
            error.get_or_insert(e);
        }
    }
    error.map(|e| crate::tr!(w, "notice-not-saved", lines = lines, detail = e.to_string()))
}

/// Retries unsaved sessions every few seconds: the window, asleep while the trainee reads, is
/// woken for it while anything waits.
pub fn retry_plugin(app: &mut App) {
    app.add_systems(
        Update,
        retry_now_and_then.run_if(|a: Res<Active>, u: Res<Unsaved>| {
            !u.0.is_empty() || a.0.as_ref().is_some_and(|p| p.recorder.has_unsaved())
        }),
    );
}

fn retry_now_and_then(
    mut last: Local<Option<bevy::platform::time::Instant>>,
    alarm: Option<Res<super::idle::Alarm>>,
    mut commands: Commands,
) {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(5);
    let due = last.is_none_or(|t| t.elapsed() >= EVERY);
    if due {
        let now = bevy::platform::time::Instant::now();
        *last = Some(now);
        commands.trigger(RetrySave);
        // Woken for the next try; if this one saves everything, that frame finds nothing to do.
        if let (Some(alarm), Some(next)) = (alarm, now.checked_add(EVERY)) {
            alarm.ring_at(next);
        }
    }
}
