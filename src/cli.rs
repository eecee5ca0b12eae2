//! The command line: `validate`, `script`, `graph`, `paths`, `report`; no subcommand opens the
//! trainer window. Each command returns its exit code; nothing here panics on user input.

use crate::engine::Score;
use crate::engine::script::{self, Script};
use crate::scenario::graph::{Analysis, to_dot};
use crate::scenario::library::{self, load_catalogue};
use crate::scenario::model::SceneKind;
use crate::scenario::{Library, LoadOptions, Playable, load};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// mpa-trainer: the Migrant Protection and Assistance training simulator.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub app: AppArgs,
    /// The language of the messages (`en`, `es`); default: the environment's (LANG).
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,
}

impl Cli {
    /// The language asked for with --lang, else the environment's; English when neither names one
    /// the program speaks.
    pub fn language(&self) -> crate::i18n::Lang {
        self.lang
            .as_deref()
            .and_then(crate::i18n::Lang::from_code)
            .unwrap_or_else(crate::i18n::Lang::from_env)
    }
}

/// Options of the trainer window (no subcommand).
#[derive(Debug, Clone, Args)]
pub struct AppArgs {
    /// Folder of scenario files.
    #[arg(long, default_value_os_t = crate::content::path("scenarios"), global = false)]
    pub scenarios: PathBuf,
    /// The catalogue file.
    #[arg(long, default_value_os_t = crate::content::path("scenarios/catalogue.ron"))]
    pub catalogue: PathBuf,
    /// Folder where session records are written (default: the user's data folder).
    #[arg(long)]
    pub results: Option<PathBuf>,
    /// Folder of facilitators' plans for the day.
    #[arg(long, default_value_os_t = crate::content::path("plans"))]
    pub plans: PathBuf,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and print every problem as `file:line:col: error: message`.
    Validate {
        /// Files or folders to check.
        #[arg(default_values_os_t = vec![crate::content::path("scenarios")])]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        course: CourseArgs,
    },
    /// Play a script through a scenario and print the score as JSON.
    Script {
        scenario: PathBuf,
        script: PathBuf,
        #[command(flatten)]
        course: CourseArgs,
        /// Also record the session into this folder, as the app does.
        #[arg(long)]
        results: Option<PathBuf>,
    },
    /// Print the scenario's scene graph as Graphviz DOT.
    Graph {
        scenario: PathBuf,
        #[command(flatten)]
        course: CourseArgs,
    },
    /// Summarise every session recorded under a folder, or held by an LRS; export CSV and xAPI.
    Report {
        /// The results folder (or give --lrs to read the sessions from a learning record store).
        #[arg(required_unless_present = "lrs")]
        dir: Option<PathBuf>,
        #[command(flatten)]
        lrs: LrsArgs,
        /// With --lrs: only the sessions the LRS stored since this day or time (2018-10-15, or
        /// 2018-10-15T08:00:00Z).
        #[arg(long, requires = "lrs", value_name = "WHEN")]
        since: Option<String>,
        /// Write one row per session as CSV to this file.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Write xAPI 1.0.3 statements (a JSON array) to this file.
        #[arg(long)]
        xapi: Option<PathBuf>,
        /// Write the item analysis (difficulty, discrimination, possibly mis-graded decisions,
        /// KR-20 of the assessment forms) as CSV to this file.
        #[arg(long)]
        items: Option<PathBuf>,
        /// The address that xAPI activity ids and participants' accounts are based on (your
        /// organisation's; a placeholder by default).
        #[arg(long, default_value = crate::report::xapi::HOME)]
        xapi_home: String,
        /// Scenarios folder, to score interrupted sessions and name things (skipped if missing).
        #[arg(long, default_value_os_t = crate::content::path("scenarios"))]
        scenarios: PathBuf,
        #[command(flatten)]
        course: CourseArgs,
    },
    /// Send a results folder's sessions to a learning record store (xAPI), those it does not have
    /// yet; the key and secret come from MPA_LRS_KEY and MPA_LRS_SECRET.
    Sync {
        /// The results folder.
        dir: PathBuf,
        #[command(flatten)]
        lrs: LrsArgs,
        /// The address that xAPI activity ids and participants' accounts are based on.
        #[arg(long, default_value = crate::report::xapi::HOME)]
        xapi_home: String,
        /// Scenarios folder, to score interrupted sessions and describe decisions.
        #[arg(long, default_value_os_t = crate::content::path("scenarios"))]
        scenarios: PathBuf,
        #[command(flatten)]
        course: CourseArgs,
    },
    /// Write or bring up to date the translation of scenario or catalogue files into a language
    /// (`s1.es.ron` beside `s1.ron`): texts already translated are kept, new ones are added in the
    /// source's words to translate, each under a comment with the source text.
    Translate {
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// The language to translate into (`es`).
        #[arg(long)]
        to: String,
        #[command(flatten)]
        course: CourseArgs,
    },
    /// Analyse scenarios' paths: endings, path counts, best and worst decision points, and what
    /// a player who knows nothing can score by surface cues. Takes files or folders.
    Paths {
        #[arg(required = true)]
        scenarios: Vec<PathBuf>,
        #[command(flatten)]
        course: CourseArgs,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Where the learning record store is. Its key and secret are read from the environment
/// (MPA_LRS_KEY, MPA_LRS_SECRET), never from the command line, which others may see.
#[derive(Debug, Clone, Args)]
pub struct LrsArgs {
    /// The LRS's xAPI endpoint, e.g. https://lrs.example.org/xapi/
    #[arg(long = "lrs", value_name = "URL")]
    pub lrs: Option<String>,
    /// Accept a plain http:// endpoint on another machine (the secret then travels unencrypted).
    #[arg(long = "lrs-insecure-http")]
    pub insecure_http: bool,
}

impl LrsArgs {
    /// The LRS to use, or a message saying what is missing or wrong.
    fn connect(&self) -> Result<Option<std::sync::Arc<dyn crate::lrs::Lrs>>, String> {
        let Some(address) = &self.lrs else {
            return Ok(None);
        };
        let endpoint =
            crate::lrs::Endpoint::parse(address, self.insecure_http).map_err(|e| e.to_string())?;
        let var = |name: &str| {
            std::env::var(name).map_err(|_| {
                format!("set {name} in the environment: the LRS needs a key and a secret")
            })
        };
        let (key, secret) = (var("MPA_LRS_KEY")?, var("MPA_LRS_SECRET")?);
        crate::lrs::client::http(endpoint, &key, &secret)
            .map(Some)
            .ok_or_else(|| "this build cannot reach an LRS over HTTP".to_owned())
    }
}

/// Where the catalogue and the assets are.
#[derive(Debug, Clone, Args)]
pub struct CourseArgs {
    /// The catalogue file.
    #[arg(long, default_value_os_t = crate::content::path("scenarios/catalogue.ron"))]
    pub catalogue: PathBuf,
    /// The assets folder (default: `assets` beside the catalogue's folder).
    #[arg(long)]
    pub assets: Option<PathBuf>,
}

impl CourseArgs {
    fn options(&self) -> LoadOptions {
        let mut options = LoadOptions::for_catalogue(&self.catalogue);
        if let Some(assets) = &self.assets {
            options.assets = Some(assets.clone());
        }
        options
    }
}

/// Exit codes: 0 done, 1 problems found in the input, 2 could not run.
const OK: u8 = 0;
const PROBLEMS: u8 = 1;
const CANNOT_RUN: u8 = 2;

/// Runs a subcommand, speaking `lang`.
pub fn run(command: Command, lang: crate::i18n::Lang) -> ExitCode {
    let w = crate::i18n::words(lang);
    let code = match command {
        Command::Validate { paths, course } => validate(&paths, &course, w),
        Command::Script {
            scenario,
            script,
            course,
            results,
        } => run_script(&scenario, &script, &course, results.as_deref()),
        Command::Graph { scenario, course } => graph(&scenario, &course),
        Command::Report {
            dir,
            lrs,
            since,
            csv,
            xapi,
            items,
            xapi_home,
            scenarios,
            course,
        } => report(
            dir.as_deref(),
            (&lrs, since.as_deref()),
            (
                csv.as_deref(),
                xapi.as_deref(),
                items.as_deref(),
                &xapi_home,
            ),
            &scenarios,
            &course,
            w,
        ),
        Command::Sync {
            dir,
            lrs,
            xapi_home,
            scenarios,
            course,
        } => sync(&dir, &lrs, &xapi_home, &scenarios, &course),
        Command::Paths {
            scenarios,
            course,
            json,
        } => paths(&scenarios, &course, json),
        Command::Translate {
            sources,
            to,
            course,
        } => translate(&sources, &to, &course),
    };
    ExitCode::from(code)
}

fn print_out(text: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => OK,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("mpa-trainer: cannot write the output: {e}");
            CANNOT_RUN
        }
    }
}

fn validate(paths: &[PathBuf], course: &CourseArgs, w: &crate::i18n::Words) -> u8 {
    let library = match Library::load(paths, &course.options()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mpa-trainer: {e}");
            return CANNOT_RUN;
        }
    };
    let mut text = String::new();
    for d in library.diagnostics() {
        text.push_str(&d.to_string());
        text.push('\n');
    }
    let written = print_out(&text);
    let (errors, warnings) = library.counts();
    eprintln!(
        "{}",
        crate::tr!(
            w,
            "cli-validate-summary",
            files = library.entries.len(),
            translations = library.translations.len(),
            errors = errors,
            warnings = warnings
        )
    );
    if written != OK {
        written
    } else if errors > 0 {
        PROBLEMS
    } else {
        OK
    }
}

fn translate(sources: &[PathBuf], language: &str, course: &CourseArgs) -> u8 {
    use crate::scenario::translate::{Source, update_file};
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        eprintln!(
            "mpa-trainer: \"{language}\" is not a language code (two or three lower-case letters, as `es`)"
        );
        return CANNOT_RUN;
    }
    let catalogue = course.catalogue.canonicalize().ok();
    let mut code = OK;
    for source in sources {
        let kind = if source
            .canonicalize()
            .ok()
            .is_some_and(|c| Some(c) == catalogue)
        {
            Source::Catalogue
        } else {
            Source::Scenario
        };
        match update_file(source, kind, language) {
            Ok(w) => eprintln!(
                "{}: {} text{}, {} already translated",
                w.target.display(),
                w.texts,
                plural(w.texts),
                w.kept
            ),
            Err(e) => {
                eprintln!("{e}");
                code = PROBLEMS;
            }
        }
    }
    code
}

/// The summary of a cohort as text, in words `w`.
pub fn summary_text(
    w: &crate::i18n::Words,
    summary: &crate::report::Summary,
    library: Option<&Library>,
) -> String {
    use crate::tr;
    use std::fmt::Write as _;
    let label = |id: &str| -> String {
        library
            .and_then(|l| l.catalogue_in(w.lang().code()).or(l.catalogue.as_ref()))
            .map_or_else(|| id.to_owned(), |c| c.label(id).to_owned())
    };
    let pct = |x: Option<f64>| x.map_or("  -  ".to_owned(), |m| format!("{:>4.0}%", m * 100.0));
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{}",
        tr!(
            w,
            "cli-report-head",
            sessions = summary.sessions,
            participants = summary.participants.len(),
            complete = summary.complete,
            passed = summary.passed
        )
    );
    let languages: Vec<String> = summary
        .languages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let _ = writeln!(
        t,
        "{}",
        tr!(w, "cli-report-languages", list = languages.join(", "))
    );
    let _ = writeln!(t, "\n{}", tr!(w, "cli-report-by-scenario"));
    for (id, f) in &summary.scenarios {
        let _ = writeln!(
            t,
            "  {id:<28} {}",
            tr!(
                w,
                "cli-report-scenario-line",
                sessions = format!("{:>5}", f.sessions),
                complete = format!("{:>5}", f.complete),
                passed = format!("{:>5}", f.passed),
                mean = pct(f.mean_scaled()),
                alarms = pct(f.false_alarm_rate()),
                critical = f.critical_errors
            )
        );
    }
    let missed = summary.most_missed();
    if !missed.is_empty() {
        let _ = writeln!(t, "\n{}", tr!(w, "cli-report-missed"));
        for (id, rate, shown) in missed.iter().take(10) {
            let _ = writeln!(
                t,
                "  {:>4.0}%  {}  {}",
                rate * 100.0,
                tr!(w, "cli-report-of", n = format!("{shown:>5}")),
                label(id)
            );
        }
    }
    let factors = summary.factors_least_noted();
    if !factors.is_empty() {
        let _ = writeln!(t, "\n{}", tr!(w, "cli-report-factors"));
        for (id, rate, shown) in factors.iter().take(10) {
            let _ = writeln!(
                t,
                "  {:>4.0}%  {}  {}",
                rate * 100.0,
                tr!(w, "cli-report-of", n = format!("{shown:>5}")),
                label(id)
            );
        }
    }
    if !summary.breaches.is_empty() {
        let mut b: Vec<(&String, &u32)> = summary.breaches.iter().collect();
        b.sort_by(|x, y| y.1.cmp(x.1));
        let _ = writeln!(t, "\n{}", tr!(w, "cli-report-breaches"));
        for (id, n) in b.iter().take(10) {
            let _ = writeln!(t, "  {n:>5}  {}", label(id));
        }
    }
    if !summary.gains.is_empty() {
        let _ = writeln!(t, "\n{}", tr!(w, "cli-report-gains"));
        for (p, g) in &summary.gains {
            let gain = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.2}"));
            let _ = writeln!(
                t,
                "  {p:<12} {}",
                tr!(
                    w,
                    "cli-report-gain-line",
                    pre = pct(g.pre),
                    post = pct(g.post),
                    delayed = pct(g.delayed),
                    gain = gain(g.normalised()),
                    lasting = gain(g.lasting())
                )
            );
        }
        if let Some(m) = summary.mean_gain() {
            let _ = writeln!(
                t,
                "  {}",
                tr!(w, "cli-report-mean-gain", gain = format!("{m:.2}"))
            );
        }
        if let Some(m) = summary.mean_lasting_gain() {
            let _ = writeln!(
                t,
                "  {}",
                tr!(w, "cli-report-mean-lasting-gain", gain = format!("{m:.2}"))
            );
        }
    }
    t
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Loads one scenario file for play; prints its diagnostics and gives the exit code on failure.
fn load_one(path: &Path, course: &CourseArgs) -> Result<Arc<Playable>, u8> {
    if !path.is_file() {
        eprintln!("mpa-trainer: {}: no such file", path.display());
        return Err(CANNOT_RUN);
    }
    let options = course.options();
    let (catalogue, catalogue_diagnostics) = load_catalogue(&options.catalogue, options.limits);
    for d in &catalogue_diagnostics {
        eprintln!("{d}");
    }
    let Some(catalogue) = catalogue else {
        return Err(PROBLEMS);
    };
    let entry = library::load_entry(path, Some(&Arc::new(catalogue)), &options);
    for d in &entry.diagnostics {
        eprintln!("{d}");
    }
    entry.playable.ok_or(PROBLEMS)
}

/// The JSON `script` prints.
#[derive(Serialize)]
struct ScriptReport<'a> {
    scenario: &'a str,
    participant: &'a str,
    #[serde(flatten)]
    score: &'a Score,
}

fn run_script(
    scenario: &Path,
    script_path: &Path,
    course: &CourseArgs,
    results: Option<&Path>,
) -> u8 {
    let playable = match load_one(scenario, course) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let text = match load::read_text(script_path, 4 * 1024 * 1024) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {}", script_path.display(), e.message);
            return CANNOT_RUN;
        }
    };
    let script: Script = match load::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "{}:{}:{}: error: {}",
                script_path.display(),
                e.position.line,
                e.position.col,
                e.message
            );
            return PROBLEMS;
        }
    };
    let mut recorder = match results {
        Some(dir) => match crate::record::Recorder::create_for_script(dir, &playable, &script) {
            Ok(r) => Some(r),
            Err(e) => {
                eprintln!("mpa-trainer: {e}");
                return CANNOT_RUN;
            }
        },
        None => None,
    };
    let mut record_error = None;
    let played = script::play(Arc::clone(&playable), &script, |_, events| {
        if let Some(r) = recorder.as_mut()
            && let Err(e) = r.append_events(events)
        {
            record_error.get_or_insert(e);
        }
    });
    let session = match played {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: {e}", script_path.display());
            return PROBLEMS;
        }
    };
    let score = Score::of(&session);
    if let Some(r) = recorder.as_mut()
        && let Err(e) = r.finish(&session, &score)
    {
        record_error.get_or_insert(e);
    }
    if let Some(e) = record_error {
        eprintln!("mpa-trainer: the session could not be recorded: {e}");
        return CANNOT_RUN;
    }
    let report = ScriptReport {
        scenario: playable.id(),
        participant: &script.participant,
        score: &score,
    };
    match serde_json::to_string_pretty(&report) {
        Ok(json) => print_out(&(json + "\n")),
        Err(e) => {
            eprintln!("mpa-trainer: cannot write JSON: {e}");
            CANNOT_RUN
        }
    }
}

fn graph(path: &Path, course: &CourseArgs) -> u8 {
    // The picture helps most when a scenario is broken, so it needs only a file that parses.
    let text = match load::read_text(path, course.options().limits.max_file_bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {}", path.display(), e.message);
            return CANNOT_RUN;
        }
    };
    match load::parse::<crate::scenario::Scenario>(&text) {
        Ok(s) => print_out(&to_dot(&s)),
        Err(e) => {
            eprintln!(
                "{}:{}:{}: error: {}",
                path.display(),
                e.position.line,
                e.position.col,
                e.message
            );
            PROBLEMS
        }
    }
}

/// The analysis `paths --json` prints.
#[derive(Debug, Serialize)]
pub struct PathsReport {
    pub scenario: String,
    pub title: String,
    /// The version of the scoring rules the analysis applies.
    pub rules: u32,
    pub scenes: usize,
    pub reachable_scenes: usize,
    pub states: usize,
    pub observations: usize,
    pub indicators: usize,
    pub factors: usize,
    pub red_herrings: usize,
    pub complete_paths: f64,
    pub best_points: i32,
    pub worst_points: i32,
    pub pass_mark: f64,
    pub pass_reachable: bool,
    pub endings: Vec<EndingReport>,
    /// Endings some path reaches without showing a red herring.
    pub herringless_endings: Vec<String>,
    pub length_cue: LengthCueReport,
    pub surface_cue: SurfaceCueReport,
    /// The `minutes` the scenario states.
    pub minutes: Option<u32>,
    /// Words a trainee reads on the best path, and the minutes that takes at 150 words a
    /// minute with a quarter of a minute per decision.
    pub best_path_words: usize,
    pub estimated_minutes: f64,
}

/// One ending in `paths`.
#[derive(Debug, Serialize)]
pub struct EndingReport {
    pub scene: String,
    pub title: String,
    pub outcome: crate::scenario::model::Outcome,
    /// The person's own informed refusal.
    pub declined: bool,
    /// Reaching it is a critical error (a `Harmed` ending, or an unchosen `NotProtected` one).
    pub critical: bool,
    pub paths: f64,
    pub best_scaled: Option<f64>,
    pub pass_reachable: bool,
}

/// How often the best choice is the longest, in `paths`.
#[derive(Debug, Serialize)]
pub struct LengthCueReport {
    pub decision_scenes: usize,
    /// Decision scenes where a best-graded choice is also the longest choice.
    pub best_is_longest: Vec<String>,
    /// How many chance alone would give.
    pub chance: f64,
    pub warning: bool,
}

/// The best a player who knows nothing reaches by a fixed rule, in `paths`.
#[derive(Debug, Serialize)]
pub struct SurfaceCueReport {
    pub best_scaled: Option<f64>,
    pub passes: bool,
    pub rule: Option<crate::scenario::cues::CueRule>,
    /// The rule in words.
    pub rule_words: Option<String>,
    pub ending: Option<String>,
    pub rules_tried: usize,
    /// Whether the analysis's bound cut it short (the figures are then lower bounds).
    pub bounded: bool,
    pub warning: bool,
}

/// The analysis of a playable scenario, for `paths` and the tests.
pub fn paths_report(playable: &Playable) -> PathsReport {
    use crate::scenario::cues::length_cue;
    use crate::scenario::validate::describe_rule;
    let s = &playable.scenario;
    let a: &Analysis = &playable.analysis;
    let count = |keep: fn(&crate::scenario::model::Observation) -> bool| {
        s.observations().filter(|(_, o)| keep(o)).count()
    };
    let length = length_cue(s);
    let surface = &a.surface;
    let reading =
        crate::scenario::reading::best_path_reading(s, &playable.catalogue, &playable.compiled, a);
    PathsReport {
        scenario: s.id.clone(),
        title: s.title.clone(),
        rules: crate::engine::scoring::Rules::CURRENT.version(),
        scenes: s.scenes.len(),
        reachable_scenes: a.reachable_scenes.iter().filter(|r| **r).count(),
        states: a.states,
        observations: s.observations().count(),
        indicators: count(|o| o.indicator.is_some()),
        factors: count(|o| o.indicator.is_none() && o.factor.is_some()),
        red_herrings: count(|o| o.is_red_herring()),
        complete_paths: a.paths,
        best_points: a.best,
        worst_points: a.worst,
        pass_mark: s.pass_mark,
        pass_reachable: a.pass_reachable(),
        endings: a
            .endings
            .iter()
            .map(|e| EndingReport {
                scene: s.scene_id(e.scene).to_owned(),
                title: match s.scene(e.scene) {
                    Some(SceneKind::Ending(end)) => end.title.clone(),
                    _ => String::new(),
                },
                outcome: e.outcome,
                declined: e.declined,
                critical: playable
                    .compiled
                    .nodes
                    .get(e.scene)
                    .is_some_and(|n| n.is_consequence()),
                paths: e.paths,
                best_scaled: e.best_scaled,
                pass_reachable: e.pass_reachable,
            })
            .collect(),
        herringless_endings: a
            .herringless_endings
            .iter()
            .map(|&e| s.scene_id(e).to_owned())
            .collect(),
        length_cue: LengthCueReport {
            decision_scenes: length.decision_scenes,
            best_is_longest: length
                .best_is_longest
                .iter()
                .map(|&i| s.scene_id(i).to_owned())
                .collect(),
            chance: length.chance,
            warning: length.is_cue(),
        },
        surface_cue: SurfaceCueReport {
            best_scaled: surface.best.as_ref().map(|b| b.scaled),
            passes: surface.best.as_ref().is_some_and(|b| b.passes),
            rule: surface.best.as_ref().map(|b| b.rule.clone()),
            rule_words: surface.best.as_ref().map(|b| describe_rule(&b.rule)),
            ending: surface
                .best
                .as_ref()
                .map(|b| s.scene_id(b.ending).to_owned()),
            rules_tried: surface.rules,
            bounded: surface.bounded,
            warning: surface.is_cue(),
        },
        minutes: s.minutes,
        best_path_words: reading.words,
        estimated_minutes: reading.minutes(),
    }
}

/// The report of `paths` in words.
fn paths_text(r: &PathsReport) -> String {
    use std::fmt::Write as _;
    let mut t = String::new();
    let _ = writeln!(t, "{} ({})", r.title, r.scenario);
    let _ = writeln!(
        t,
        "  scenes:          {} ({} reachable, {} states of scene and flags)",
        r.scenes, r.reachable_scenes, r.states
    );
    let _ = writeln!(
        t,
        "  observations:    {} ({} indicators, {} factors, {} red herrings)",
        r.observations, r.indicators, r.factors, r.red_herrings
    );
    let _ = writeln!(t, "  complete paths:  {}", r.complete_paths);
    let _ = writeln!(
        t,
        "  time:            {} stated; the best path reads {} words, about {:.0} min",
        r.minutes
            .map_or("no minutes".to_owned(), |m| format!("{m} min")),
        r.best_path_words,
        r.estimated_minutes
    );
    let _ = writeln!(
        t,
        "  decision points: best {}, worst {}",
        r.best_points, r.worst_points
    );
    let _ = writeln!(
        t,
        "  pass:            {} (pass mark {:.0}%, scoring rules version {})",
        if r.pass_reachable {
            "reachable"
        } else {
            "NOT reachable"
        },
        r.pass_mark * 100.0,
        r.rules
    );
    let lc = &r.length_cue;
    let _ = writeln!(
        t,
        "  length cue:      best choice is the longest in {} of {} decision scenes (chance: {:.1}){}",
        lc.best_is_longest.len(),
        lc.decision_scenes,
        lc.chance,
        if lc.warning { "  WARNING" } else { "" }
    );
    let sc = &r.surface_cue;
    match (&sc.rule_words, sc.best_scaled) {
        (Some(words), Some(best)) => {
            let _ = writeln!(
                t,
                "  surface cues:    best {:.0}%{} over {} rules: a player who {words}{}{}",
                best * 100.0,
                if sc.passes { ", PASSES" } else { "" },
                sc.rules_tried,
                sc.ending
                    .as_ref()
                    .map_or(String::new(), |e| format!(", ending at {e}")),
                if sc.warning { "  WARNING" } else { "" }
            );
        }
        _ => {
            let _ = writeln!(t, "  surface cues:    no complete path to score");
        }
    }
    if sc.bounded {
        let _ = writeln!(
            t,
            "                   (the analysis reached its bound: figures are lower bounds)"
        );
    }
    if !r.herringless_endings.is_empty() {
        let _ = writeln!(
            t,
            "  no red herring:  on some path to {}",
            r.herringless_endings.join(", ")
        );
    }
    let _ = writeln!(t, "  endings:");
    for e in &r.endings {
        let best = e
            .best_scaled
            .map_or("only through critical choices".to_owned(), |b| {
                format!("best {:.0}%", b * 100.0)
            });
        let verdict = if e.critical {
            "  (critical to reach: never passes)"
        } else if e.pass_reachable {
            ""
        } else {
            "  (no pass)"
        };
        let outcome = format!(
            "{}{}",
            e.outcome.label(),
            if e.declined { ", declined" } else { "" }
        );
        let _ = writeln!(
            t,
            "    {:<24} {:<26} {:>8} paths  {}{}",
            e.scene, outcome, e.paths, best, verdict
        );
    }
    t
}

fn paths(inputs: &[PathBuf], course: &CourseArgs, json: bool) -> u8 {
    let mut reports = Vec::new();
    let mut code = OK;
    for input in inputs {
        if input.is_dir() {
            let library = match Library::load(std::slice::from_ref(input), &course.options()) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("mpa-trainer: {e}");
                    return CANNOT_RUN;
                }
            };
            for d in library.diagnostics().filter(|d| d.is_error()) {
                eprintln!("{d}");
                code = PROBLEMS;
            }
            reports.extend(library.playable().map(|p| paths_report(p)));
        } else {
            match load_one(input, course) {
                Ok(p) => reports.push(paths_report(&p)),
                Err(c) => return c,
            }
        }
    }
    let written = if json {
        let value = match reports.as_slice() {
            [one] if inputs.len() == 1 && !inputs[0].is_dir() => serde_json::to_string_pretty(one),
            all => serde_json::to_string_pretty(all),
        };
        match value {
            Ok(j) => print_out(&(j + "\n")),
            Err(e) => {
                eprintln!("mpa-trainer: cannot write JSON: {e}");
                CANNOT_RUN
            }
        }
    } else {
        let text: Vec<String> = reports.iter().map(paths_text).collect();
        print_out(&text.join("\n"))
    };
    if written != OK { written } else { code }
}

fn sync(
    dir: &Path,
    lrs_args: &LrsArgs,
    xapi_home: &str,
    scenarios: &Path,
    course: &CourseArgs,
) -> u8 {
    use std::io::IsTerminal;
    if !dir.is_dir() {
        eprintln!("mpa-trainer: {}: no such folder", dir.display());
        return CANNOT_RUN;
    }
    let lrs = match lrs_args.connect() {
        Ok(Some(l)) => l,
        Ok(None) => {
            eprintln!("mpa-trainer: give the LRS with --lrs URL");
            return CANNOT_RUN;
        }
        Err(e) => {
            eprintln!("mpa-trainer: {e}");
            return CANNOT_RUN;
        }
    };
    let library = scenarios
        .is_dir()
        .then(|| Library::load(&[scenarios.to_path_buf()], &course.options()).ok())
        .flatten();
    let terminal = std::io::stderr().is_terminal();
    let summary = crate::lrs::sync_folder(
        dir,
        lrs.as_ref(),
        library.as_ref(),
        xapi_home,
        crate::lrs::sync::Backoff::default(),
        std::thread::sleep,
        |p| {
            if terminal {
                let width = 30;
                let filled = (p.done * width).checked_div(p.total).unwrap_or(width);
                eprint!(
                    "\r[{}{}] {}/{} sessions, {} statements sent",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    p.done,
                    p.total,
                    p.sent
                );
                if p.done == p.total {
                    eprintln!();
                }
            }
        },
    );
    println!(
        "{} sessions: {} sent ({} statements), {} already in the LRS, {} waiting",
        summary.sessions,
        summary.delivered,
        summary.statements_sent,
        summary.up_to_date,
        summary.waiting
    );
    for (path, refusal) in &summary.refused {
        println!(
            "refused by the LRS (HTTP {}), kept aside: statement {} of {}: {}",
            refusal.status,
            refusal.id,
            path.display(),
            refusal.message
        );
    }
    for (path, refusal) in &summary.refused_before {
        println!(
            "refused earlier (HTTP {}), still kept aside: statement {} of {}: {}",
            refusal.status,
            refusal.id,
            path.display(),
            refusal.message
        );
    }
    for (path, problem) in &summary.problems {
        eprintln!("warning: {}: {problem}", path.display());
    }
    match &summary.stopped {
        Some(e @ crate::lrs::LrsError::Unauthorized(_)) => {
            eprintln!(
                "mpa-trainer: {e}: check MPA_LRS_KEY and MPA_LRS_SECRET; nothing is lost, the \
                 sessions wait for the next sync"
            );
            CANNOT_RUN
        }
        Some(e) => {
            eprintln!(
                "mpa-trainer: {e}; nothing is lost: {} sessions wait for the next sync",
                summary.waiting
            );
            CANNOT_RUN
        }
        None if !summary.refused.is_empty()
            || !summary.refused_before.is_empty()
            || !summary.problems.is_empty() =>
        {
            PROBLEMS
        }
        None => OK,
    }
}

/// Creates an output file readable by its owner only.
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// A `--since` value as the LRS wants it (RFC 3339): a day (`2018-10-15`, from midnight UTC) or
/// a time with its offset.
pub fn parse_since(text: &str) -> Result<String, String> {
    use time::format_description::well_known::Rfc3339;
    let wrong = || {
        format!(
            "--since {text}: give a day (2018-10-15) or a time with its offset \
             (2018-10-15T08:00:00Z)"
        )
    };
    if let Ok(at) = time::OffsetDateTime::parse(text, &Rfc3339) {
        return at.format(&Rfc3339).map_err(|_| wrong());
    }
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(wrong());
    };
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
            .ok_or_else(wrong)
    };
    let month = u8::try_from(number(month, 2)?)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or_else(wrong)?;
    let day = u8::try_from(number(day, 2)?).map_err(|_| wrong())?;
    let date = time::Date::from_calendar_date(number(year, 4)?, month, day).map_err(|_| wrong())?;
    date.midnight()
        .assume_utc()
        .format(&Rfc3339)
        .map_err(|_| wrong())
}

/// Where `report` writes: the CSV file, the xAPI file, the item analysis, and the xAPI base
/// address.
type Outputs<'a> = (
    Option<&'a Path>,
    Option<&'a Path>,
    Option<&'a Path>,
    &'a str,
);

fn report(
    dir: Option<&Path>,
    (lrs_args, since): (&LrsArgs, Option<&str>),
    (csv, xapi, items_path, xapi_home): Outputs,
    scenarios: &Path,
    course: &CourseArgs,
    w: &crate::i18n::Words,
) -> u8 {
    use crate::report::csv_export::CsvWriter;
    use crate::report::items::ItemCollector;
    use crate::report::xapi::{XapiWriter, statements};
    use crate::report::{Detail, Source, Summary, read_source};
    use std::io::BufWriter;
    let lrs = match lrs_args.connect() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mpa-trainer: {e}");
            return CANNOT_RUN;
        }
    };
    let since = match since.map(parse_since).transpose() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mpa-trainer: {e}");
            return CANNOT_RUN;
        }
    };
    let source = match (&lrs, dir) {
        (Some(lrs), _) => Source::Lrs {
            lrs: lrs.as_ref(),
            home: xapi_home,
            since: since.as_deref(),
        },
        (None, Some(dir)) if dir.is_dir() => Source::Folder(dir),
        (None, Some(dir)) => {
            eprintln!("mpa-trainer: {}: no such folder", dir.display());
            return CANNOT_RUN;
        }
        (None, None) => {
            eprintln!("mpa-trainer: give a results folder or --lrs");
            return CANNOT_RUN;
        }
    };
    let library = scenarios
        .is_dir()
        .then(|| Library::load(&[scenarios.to_path_buf()], &course.options()).ok())
        .flatten();
    let open = |path: &Path| {
        create_private(path).map(BufWriter::new).map_err(|e| {
            eprintln!("mpa-trainer: cannot write {}: {e}", path.display());
        })
    };
    let mut csv_out = match csv.map(open).transpose() {
        Ok(Some(w)) => match CsvWriter::new(w) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("mpa-trainer: cannot write the CSV: {e}");
                return CANNOT_RUN;
            }
        },
        Ok(None) => None,
        Err(()) => return CANNOT_RUN,
    };
    let mut xapi_out = match xapi.map(open).transpose() {
        Ok(Some(w)) => match XapiWriter::new(w) {
            Ok(x) => Some(x),
            Err(e) => {
                eprintln!("mpa-trainer: cannot write the xAPI file: {e}");
                return CANNOT_RUN;
            }
        },
        Ok(None) => None,
        Err(()) => return CANNOT_RUN,
    };
    let detail = if xapi_out.is_some() || items_path.is_some() {
        Detail::Full
    } else {
        Detail::Summary
    };
    let mut items = ItemCollector::default();
    let mut summary = Summary::new(library.as_ref());
    let mut write_error: Option<String> = None;
    let read = read_source(&source, detail, library.as_ref(), |row, lines| {
        summary.add(&row);
        if items_path.is_some() {
            items.add(&row, &lines, library.as_ref());
        }
        if let Some(c) = csv_out.as_mut()
            && let Err(e) = c.row(&row)
        {
            write_error.get_or_insert(e.to_string());
        }
        if let Some(x) = xapi_out.as_mut()
            && let Err(e) = x.session(&statements(&row, &lines, library.as_ref(), xapi_home))
        {
            write_error.get_or_insert(e.to_string());
        }
    });
    let stats = match read {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mpa-trainer: {e}");
            return CANNOT_RUN;
        }
    };
    if let Some(path) = items_path {
        let analysis = items.finish(|id| {
            library
                .as_ref()
                .and_then(|l| l.find(id))
                .and_then(|p| p.scenario.assessment)
        });
        let written = open(path)
            .map_err(|()| "cannot open".to_owned())
            .and_then(|w| crate::report::items::write_csv(&analysis, w).map_err(|e| e.to_string()));
        if let Err(e) = written {
            write_error.get_or_insert(e);
        }
    }
    if let Some(c) = csv_out
        && let Err(e) = c.finish()
    {
        write_error.get_or_insert(e.to_string());
    }
    if let Some(x) = xapi_out
        && let Err(e) = x.finish()
    {
        write_error.get_or_insert(e.to_string());
    }
    for p in &stats.problems {
        eprintln!("warning: {p}");
    }
    if stats.duplicates > 0 {
        eprintln!(
            "note: {} session(s) saved twice were counted once",
            stats.duplicates
        );
    }
    let code = print_out(&summary_text(w, &summary, library.as_ref()));
    if let Some(e) = write_error {
        eprintln!("mpa-trainer: the export could not be written completely: {e}");
        return CANNOT_RUN;
    }
    code
}
