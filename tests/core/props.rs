//! Property tests on generated valid scenarios: they validate, every session terminates, every
//! score lies in 0..1, no path beats `best` or falls below `worst`, and flagging every
//! observation or none scores 0 for indicators.

use crate::common::*;
use mpa_trainer::engine::Score;
use mpa_trainer::engine::session::{Action, Session};
use proptest::prelude::*;
use std::fmt::Write as _;

/// The shape of a generated scenario: a forward chain of scenes with extra forward edges,
/// hub loops that set their own flag, referrals, classifications and several endings.
#[derive(Debug, Clone)]
struct Shape {
    middle: Vec<MiddleScene>,
    endings: usize,
    pass_mark: f64,
}

#[derive(Debug, Clone)]
enum MiddleScene {
    Scene {
        observations: Vec<Option<usize>>,
        extra: Vec<(usize, usize, Option<usize>)>, // (grade, target offset, requires flag)
        back_loop: bool,
        grade: usize,
        critical: bool,
    },
    Referral {
        ratings: Vec<usize>,
        consent: bool,
    },
    Classify {
        answer: usize,
    },
}

const GRADES: [&str; 4] = ["Appropriate", "Acceptable", "Suboptimal", "Harmful"];
const INDICATORS: [&str; 4] = [
    "documents_withheld",
    "spoken_for_by_other",
    "debt_bondage",
    "isolated",
];
const SERVICES: [&str; 5] = ["ctu", "shelter", "medical", "embassy", "legal_aid"];
const RATINGS: [&str; 3] = ["Required", "Recommended", "Harmful"];
const CASES: [&str; 4] = [
    "trafficking",
    "smuggling",
    "labour_exploitation",
    "vulnerable_migrant",
];

fn scene() -> impl Strategy<Value = MiddleScene> {
    (
        prop::collection::vec(prop::option::of(0..5usize), 0..4),
        prop::collection::vec((0..4usize, 1..4usize, prop::option::of(0..3usize)), 0..3),
        any::<bool>(),
        0..4usize,
        prop::bool::weighted(0.15),
    )
        .prop_map(
            |(observations, extra, back_loop, grade, critical)| MiddleScene::Scene {
                observations,
                extra,
                back_loop,
                grade,
                critical,
            },
        )
}

fn middle_scene() -> impl Strategy<Value = MiddleScene> {
    prop_oneof![
        6 => scene(),
        1 => (prop::collection::vec(0..3usize, 0..4), any::<bool>())
            .prop_map(|(ratings, consent)| MiddleScene::Referral { ratings, consent }),
        1 => (0..4usize).prop_map(|answer| MiddleScene::Classify { answer }),
    ]
}

/// The first scene is always a `Scene`: it links to every ending.
fn shape() -> impl Strategy<Value = Shape> {
    (
        scene(),
        prop::collection::vec(middle_scene(), 0..8),
        1..4usize,
        0.0..1.0f64,
    )
        .prop_map(|(first, rest, endings, pass_mark)| Shape {
            middle: std::iter::once(first).chain(rest).collect(),
            endings,
            pass_mark,
        })
}

/// Writes the scenario: scene `m{i}` for the middle, `e{k}` for endings. Flags: `f0..f2` for
/// requirements and `loop{i}` for each scene's loop back to the previous scene.
fn render(shape: &Shape) -> String {
    let n = shape.middle.len();
    let id = |i: usize| {
        if i < n {
            format!("m{i}")
        } else {
            format!("e{}", (i - n) % shape.endings)
        }
    };
    let mut flags = vec![
        "f0".to_owned(),
        "f1".to_owned(),
        "f2".to_owned(),
        "consent".to_owned(),
    ];
    let mut t = String::new();
    let mut obs_count = 0;
    let mut scenes = String::new();
    for (i, m) in shape.middle.iter().enumerate() {
        let next = id(i + 1);
        match m {
            MiddleScene::Scene {
                observations,
                extra,
                back_loop,
                grade,
                critical,
            } => {
                let mut obs = String::new();
                for o in observations {
                    obs_count += 1;
                    match o {
                        // 4: a vulnerability factor, neither indicator nor red herring.
                        Some(4) => {
                            let _ = write!(
                                obs,
                                "(id: \"o{obs_count}\", text: \"x\", factor: \"language_barrier\"), "
                            );
                        }
                        Some(ind) => {
                            let _ = write!(
                                obs,
                                "(id: \"o{obs_count}\", text: \"x\", indicator: \"{}\"), ",
                                INDICATORS[*ind]
                            );
                        }
                        None => {
                            let _ = write!(obs, "(id: \"o{obs_count}\", text: \"x\"), ");
                        }
                    }
                }
                let mut choices = format!(
                    "(text: \"on\", grade: {}, critical: {critical}, set: [\"f{}\", \"consent\"], next: \"{next}\"), ",
                    GRADES[*grade],
                    i % 3
                );
                for (g, offset, requires) in extra {
                    let target = id((i + offset).min(n + shape.endings - 1));
                    let req = requires.map_or(String::new(), |f| format!("requires: [\"f{f}\"], "));
                    let _ = write!(
                        choices,
                        "(text: \"x\", grade: {}, {req}next: \"{target}\"), ",
                        GRADES[*g]
                    );
                }
                // Every ending gets a way in from the first scene.
                if i == 0 {
                    for k in 0..shape.endings {
                        let _ = write!(choices, "(text: \"end\", next: \"e{k}\"), ");
                    }
                }
                if *back_loop && i > 0 {
                    flags.push(format!("loop{i}"));
                    let _ = write!(
                        choices,
                        "(text: \"back\", grade: Acceptable, unless: [\"loop{i}\"], set: [\"loop{i}\"], next: \"{}\"), ",
                        id(i - 1)
                    );
                }
                let _ = writeln!(
                    scenes,
                    "\"m{i}\": Scene(text: \"t\", observations: [{obs}], choices: [{choices}]),"
                );
            }
            MiddleScene::Referral { ratings, consent } => {
                let services: Vec<String> = ratings
                    .iter()
                    .enumerate()
                    .map(|(k, r)| format!("\"{}\": {}", SERVICES[k], RATINGS[*r]))
                    .collect();
                let consent = if *consent {
                    "consent_flag: \"consent\", "
                } else {
                    ""
                };
                let _ = writeln!(
                    scenes,
                    "\"m{i}\": Referral(text: \"r\", services: {{ {} }}, {consent}next: \"{next}\"),",
                    services.join(", ")
                );
            }
            MiddleScene::Classify { answer } => {
                let _ = writeln!(
                    scenes,
                    "\"m{i}\": Classify(text: \"c\", options: [\"trafficking\", \"smuggling\", \"labour_exploitation\", \"vulnerable_migrant\"], answer: \"{}\", next: \"{next}\"),",
                    CASES[*answer]
                );
            }
        }
    }
    for k in 0..shape.endings {
        let outcome = ["Protected", "PartlyProtected", "NotProtected", "Harmed"][k % 4];
        let _ = writeln!(
            scenes,
            "\"e{k}\": Ending(title: \"E\", text: \"e\", outcome: {outcome}),"
        );
    }
    let flags: Vec<String> = flags.iter().take(16).map(|f| format!("\"{f}\"")).collect();
    let _ = write!(
        t,
        "Scenario(id: \"gen\", title: \"Generated\", pass_mark: {}, flags: [{}], start: \"m0\", scenes: {{\n{scenes}}})",
        shape.pass_mark,
        flags.join(", ")
    );
    t
}

/// Plays random actions until the ending, picking among what the scene offers.
fn random_play(
    p: &std::sync::Arc<mpa_trainer::scenario::Playable>,
    picks: &[u32],
) -> (Session, usize) {
    let (mut session, _) = Session::start(std::sync::Arc::clone(p), u64::from(picks[0]));
    let mut steps = 0;
    let mut k = 0;
    let mut pick = |n: usize| {
        k += 1;
        picks[k % picks.len()] as usize % n.max(1)
    };
    while !session.is_over() {
        steps += 1;
        assert!(steps < 10_000, "the session did not terminate");
        let scene = session.current();
        match p.scenario.scene(scene).unwrap() {
            mpa_trainer::scenario::model::SceneKind::Scene(s) => {
                for o in &s.observations {
                    if pick(2) == 0 {
                        session.apply(Action::Flag(o.id.clone())).unwrap();
                    }
                }
                let offered: Vec<usize> = (0..s.choices.len())
                    .filter(|&c| session.is_offered(c))
                    .collect();
                assert!(
                    !offered.is_empty(),
                    "a valid scenario left no choice offered"
                );
                let c = offered[pick(offered.len())];
                session.apply(Action::Choose(c)).unwrap();
            }
            mpa_trainer::scenario::model::SceneKind::Referral(_) => {
                let ticked: Vec<String> = SERVICES
                    .iter()
                    .filter(|_| pick(2) == 0)
                    .map(|s| (*s).to_owned())
                    .collect();
                session.apply(Action::Refer(ticked)).unwrap();
            }
            mpa_trainer::scenario::model::SceneKind::Classify(c) => {
                let a = c.options[pick(c.options.len())].clone();
                session.apply(Action::Classify(a)).unwrap();
            }
            mpa_trainer::scenario::model::SceneKind::Ending(_) => unreachable!(),
        }
    }
    (session, steps)
}

/// Plays one path, chosen by `picks`, flagging every observation of every scene or none.
fn path_play(
    p: &std::sync::Arc<mpa_trainer::scenario::Playable>,
    picks: &[u32],
    flag_all: bool,
) -> Session {
    use mpa_trainer::scenario::model::SceneKind;
    let (mut session, _) = Session::start(std::sync::Arc::clone(p), 1);
    let mut k = 0;
    while !session.is_over() {
        k += 1;
        let pick = picks[k % picks.len()] as usize;
        match p.scenario.scene(session.current()).unwrap() {
            SceneKind::Scene(s) => {
                if flag_all {
                    for o in &s.observations {
                        session.apply(Action::Flag(o.id.clone())).unwrap();
                    }
                }
                let offered: Vec<usize> = (0..s.choices.len())
                    .filter(|&c| session.is_offered(c))
                    .collect();
                session
                    .apply(Action::Choose(offered[pick % offered.len()]))
                    .unwrap();
            }
            SceneKind::Referral(_) => {
                session.apply(Action::Refer(Vec::new())).unwrap();
            }
            SceneKind::Classify(c) => {
                let a = c.options[pick % c.options.len()].clone();
                session.apply(Action::Classify(a)).unwrap();
            }
            SceneKind::Ending(_) => unreachable!(),
        }
    }
    session
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn flagging_every_observation_or_none_scores_zero_once_both_kinds_were_shown(
        shape in shape(),
        picks in prop::collection::vec(any::<u32>(), 1..64),
    ) {
        let text = render(&shape);
        let Ok(p) = mpa_trainer::scenario::Playable::from_text(std::path::Path::new("gen.ron"), &text, fixture_catalogue()) else {
            return Ok(());
        };
        let p = std::sync::Arc::new(p);
        let all = Score::of(&path_play(&p, &picks, true));
        let none = Score::of(&path_play(&p, &picks, false));
        // The same path either way: the same observations shown.
        prop_assert_eq!(all.ending.clone(), none.ending.clone());
        let shown_indicators = all.indicators.hits + all.indicators.misses;
        let shown_herrings = all.indicators.red_herrings;
        prop_assert_eq!(shown_indicators, none.indicators.hits + none.indicators.misses);
        prop_assert_eq!(shown_herrings, none.indicators.red_herrings);
        prop_assert_eq!(all.indicators.false_alarms, shown_herrings);
        prop_assert_eq!(none.indicators.hits + none.indicators.false_alarms, 0);
        // Factors are never counted as hits or false alarms.
        prop_assert_eq!(all.indicators.factors_missed, 0);
        prop_assert_eq!(none.indicators.factors_noted, 0);
        if shown_indicators >= 1 && shown_herrings >= 1 {
            prop_assert_eq!(all.indicators.score, 0.0);
            prop_assert_eq!(none.indicators.score, 0.0);
        }
    }

    #[test]
    fn generated_scenarios_validate_play_to_an_end_and_score_within_bounds(
        shape in shape(),
        picks in prop::collection::vec(any::<u32>(), 1..64),
    ) {
        let text = render(&shape);
        let p = match mpa_trainer::scenario::Playable::from_text(std::path::Path::new("gen.ron"), &text, fixture_catalogue()) {
            Ok(p) => std::sync::Arc::new(p),
            Err(d) => {
                let errors: Vec<_> = d.iter().filter(|x| x.is_error()).map(ToString::to_string).collect();
                prop_assert!(errors.is_empty(), "{errors:#?}\n{text}");
                return Ok(());
            }
        };
        for round in 0..4u32 {
            let rotated: Vec<u32> = picks.iter().map(|x| x.rotate_left(round * 7)).collect();
            let (session, _) = random_play(&p, &rotated);
            let score = Score::of(&session);
            prop_assert!(score.complete);
            for x in [Some(score.scaled), Some(score.indicators.score), Some(score.indicators.recall),
                      Some(score.indicators.precision), score.decisions.score,
                      score.referral.map(|r| r.score), score.classification.map(|c| c.score)].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&x), "score {x} out of 0..1");
            }
            prop_assert!(score.decisions.points <= p.analysis.best, "{} > best {}", score.decisions.points, p.analysis.best);
            prop_assert!(score.decisions.points >= p.analysis.worst);
            prop_assert!(score.indicators.d_prime.is_finite());
            if !score.critical_errors.is_empty() {
                prop_assert!(!score.passed);
            }
        }
    }
}
