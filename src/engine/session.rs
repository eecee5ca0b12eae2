//! A session: one trainee playing one scenario. Actions in, events out, exactly the rules of the
//! format contract. No I/O, no clock and no global randomness: a session replays from its seed
//! and its actions.

use super::confidence::{Confidence, Judgement};
use super::scoring::Rules;
use crate::scenario::Playable;
use crate::scenario::graph::{Flags, Node};
use crate::scenario::model::{Grade, Observation, Outcome, SceneKind, Shown};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use thiserror::Error;

/// What a trainee does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Flag an observation of the current scene as an indicator.
    Flag(String),
    /// Remove a flag from an observation of the current scene.
    Unflag(String),
    /// Take the choice at this position of the scene's `choices`, as written (0-based).
    Choose(usize),
    /// Submit the current referral with these services ticked.
    Refer(Vec<String>),
    /// Answer the current classification with this case type.
    Classify(String),
    /// Extension: name the indicator an observation of the current scene shows (flags it too).
    /// Naming is recorded for the debrief and the facilitators; it does not change the score.
    Name(String, String),
    /// Extension: say how sure you are of the decision about to be taken in this scene (a
    /// classification, a referral, or a choice the author asks about); the last rating before the
    /// decision counts. Scored apart from the competencies.
    Rate(Confidence),
}

/// A critical error: alone, it fails the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriticalError {
    /// The scene where it happened (the ending, for a consequence).
    pub scene: String,
    #[serde(default)]
    pub cause: Cause,
    /// Words that builds before rules version 2 wrote instead of a cause: read, never written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl CriticalError {
    fn new(scene: String, cause: Cause) -> Self {
        CriticalError {
            scene,
            cause,
            reason: None,
        }
    }
}

/// What made a critical error; the app and the command line put it into words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// Took a choice marked `critical` (its position in the scene's `choices`, as written).
    CriticalChoice { choice: usize },
    /// Ticked a service the referral rates `Harmful`.
    HarmfulService { service: String },
    /// Referred the person without their informed consent.
    NoConsent,
    /// Version 2: the encounter reached a `Harmed` ending.
    EndedInHarm,
    /// Version 2: the person was left without protection at a `NotProtected` ending that was not
    /// their own informed refusal.
    LeftUnprotected,
    /// Recorded before causes were typed: only the record's words say what it was.
    #[default]
    Unrecorded,
}

/// A principle breached, with the scene where it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    pub scene: String,
    pub principle: String,
}

/// What happened in a session, in order. The record writes these; the app shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    SceneEntered {
        scene: String,
    },
    Flagged {
        scene: String,
        observation: String,
    },
    Unflagged {
        scene: String,
        observation: String,
    },
    Named {
        scene: String,
        observation: String,
        indicator: String,
    },
    ChoiceTaken {
        scene: String,
        choice: usize,
        grade: Option<Grade>,
        points: i32,
        critical: bool,
    },
    ReferralSubmitted {
        scene: String,
        services: Vec<String>,
        points: i32,
        max_points: i32,
    },
    Classified {
        scene: String,
        answer: String,
        correct: bool,
    },
    CriticalError(CriticalError),
    PrincipleBreached(Breach),
    /// How sure the trainee said they were, before deciding.
    Rated {
        scene: String,
        confidence: Confidence,
    },
    /// A rated decision, and whether it was right.
    Judged(Judgement),
    Ended {
        scene: String,
        outcome: Outcome,
    },
}

impl Event {
    /// The trainee's action this event records, if it records one (for replays and resumes).
    pub fn action(&self) -> Option<Action> {
        match self {
            Event::Flagged { observation, .. } => Some(Action::Flag(observation.clone())),
            Event::Unflagged { observation, .. } => Some(Action::Unflag(observation.clone())),
            Event::Named {
                observation,
                indicator,
                ..
            } => Some(Action::Name(observation.clone(), indicator.clone())),
            Event::ChoiceTaken { choice, .. } => Some(Action::Choose(*choice)),
            Event::ReferralSubmitted { services, .. } => Some(Action::Refer(services.clone())),
            Event::Classified { answer, .. } => Some(Action::Classify(answer.clone())),
            Event::Rated { confidence, .. } => Some(Action::Rate(*confidence)),
            _ => None,
        }
    }
}

/// Why an action does not fit the current scene.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ActionError {
    #[error("the scenario has already ended at \"{ending}\"; no more actions are possible")]
    Ended { ending: String },
    #[error("scene \"{scene}\" has no observation \"{observation}\" to flag or unflag")]
    NoSuchObservation { scene: String, observation: String },
    #[error(
        "observation \"{observation}\" of scene \"{scene}\" is not shown now (its flags hide it)"
    )]
    HiddenObservation { scene: String, observation: String },
    #[error("scene \"{scene}\" is a {kind} scene: it has no choices to take")]
    NotAScene { scene: String, kind: &'static str },
    #[error(
        "scene \"{scene}\" has {count} choices; there is no choice {index} (choices count from 0)"
    )]
    NoSuchChoice {
        scene: String,
        index: usize,
        count: usize,
    },
    #[error("choice {index} of scene \"{scene}\" is not offered now (its flags hide it)")]
    HiddenChoice { scene: String, index: usize },
    #[error("scene \"{scene}\" is a {kind} scene, not a Referral: there is nothing to refer")]
    NotAReferral { scene: String, kind: &'static str },
    #[error("the catalogue has no indicator \"{indicator}\"")]
    UnknownIndicator { indicator: String },
    #[error("the catalogue has no service \"{service}\"")]
    UnknownService { service: String },
    #[error("scene \"{scene}\" is a {kind} scene, not a Classify: there is nothing to classify")]
    NotAClassify { scene: String, kind: &'static str },
    #[error("scene \"{scene}\" asks for no confidence rating")]
    NotAsked { scene: String },
    #[error("\"{answer}\" is not one of the options of scene \"{scene}\" ({options})")]
    NotAnOption {
        scene: String,
        answer: String,
        options: String,
    },
}

/// A referral as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRecord {
    pub scene: usize,
    pub services: Vec<String>,
    pub points: i32,
    pub max_points: i32,
}

/// A classification as answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassifyRecord {
    pub scene: usize,
    pub answer: String,
    pub correct: bool,
}

/// One step of the trainee's path, for the debrief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// A choice taken, with the flags set when it was taken.
    Choice {
        scene: usize,
        choice: usize,
        flags: Flags,
    },
    Referral {
        scene: usize,
        record: usize,
    },
    Classify {
        scene: usize,
        record: usize,
    },
}

/// One trainee playing one scenario.
#[derive(Debug, Clone)]
pub struct Session {
    playable: Arc<Playable>,
    seed: u64,
    rules: Rules,
    current: usize,
    flags: Flags,
    /// Scenes in the order first visited.
    visited: Vec<usize>,
    visited_mask: Vec<bool>,
    /// Flagged observations per scene, by position in the scene.
    flagged: Vec<BTreeSet<usize>>,
    /// Observations shown so far per scene (on any visit), by position in the scene.
    shown: Vec<BTreeSet<usize>>,
    /// The indicator the trainee named for an observation, by (scene, position).
    named: BTreeMap<(usize, usize), String>,
    path: Vec<PathStep>,
    points: i32,
    graded_taken: u32,
    referrals: Vec<ReferralRecord>,
    classifications: Vec<ClassifyRecord>,
    critical: Vec<CriticalError>,
    breaches: Vec<Breach>,
    /// The confidence rated in the current scene, until its decision.
    pending: Option<Confidence>,
    judgements: Vec<Judgement>,
    ended: Option<usize>,
    actions: Vec<Action>,
}

impl Session {
    /// Starts a session at the scenario's start, under the current rules; the events say the
    /// start scene was entered.
    pub fn start(playable: Arc<Playable>, seed: u64) -> (Session, Vec<Event>) {
        Session::start_under(playable, seed, Rules::CURRENT)
    }

    /// Starts a session scored under a given version of the rules.
    pub fn start_under(playable: Arc<Playable>, seed: u64, rules: Rules) -> (Session, Vec<Event>) {
        let n = playable.scenario.scenes.len();
        let start = playable.compiled.start;
        let mut session = Session {
            playable,
            seed,
            rules,
            current: start,
            flags: 0,
            visited: Vec::new(),
            visited_mask: vec![false; n],
            flagged: vec![BTreeSet::new(); n],
            shown: vec![BTreeSet::new(); n],
            named: BTreeMap::new(),
            path: Vec::new(),
            points: 0,
            graded_taken: 0,
            referrals: Vec::new(),
            classifications: Vec::new(),
            critical: Vec::new(),
            breaches: Vec::new(),
            pending: None,
            judgements: Vec::new(),
            ended: None,
            actions: Vec::new(),
        };
        let mut events = Vec::new();
        session.enter(start, &mut events);
        (session, events)
    }

    /// Rebuilds a session from its seed, the rules it was scored under and its actions (a
    /// replay or a resume).
    pub fn replay(
        playable: Arc<Playable>,
        seed: u64,
        rules: Rules,
        actions: &[Action],
    ) -> Result<(Session, Vec<Event>), (usize, ActionError)> {
        let (mut session, mut events) = Session::start_under(playable, seed, rules);
        for (i, action) in actions.iter().enumerate() {
            events.extend(session.apply(action.clone()).map_err(|e| (i, e))?);
        }
        Ok((session, events))
    }

    /// Applies one action. An action that does not fit changes nothing and says why.
    pub fn apply(&mut self, action: Action) -> Result<Vec<Event>, ActionError> {
        if let Some(ending) = self.ended {
            return Err(ActionError::Ended {
                ending: self.scene_id(ending).to_owned(),
            });
        }
        let mut events = Vec::new();
        match &action {
            Action::Flag(id) => self.set_flagged(id, true, &mut events)?,
            Action::Unflag(id) => self.set_flagged(id, false, &mut events)?,
            Action::Name(id, indicator) => self.name(id, indicator, &mut events)?,
            Action::Choose(index) => self.choose(*index, &mut events)?,
            Action::Refer(services) => self.refer(services, &mut events)?,
            Action::Classify(answer) => self.classify(answer, &mut events)?,
            Action::Rate(confidence) => self.rate(*confidence, &mut events)?,
        }
        self.actions.push(action);
        Ok(events)
    }

    fn scene_id(&self, scene: usize) -> &str {
        self.playable.scenario.scene_id(scene)
    }

    fn current_kind(&self) -> Option<&SceneKind> {
        self.playable.scenario.scene(self.current)
    }

    fn kind_name(&self) -> &'static str {
        self.current_kind().map_or("missing", SceneKind::kind_name)
    }

    fn enter(&mut self, scene: usize, events: &mut Vec<Event>) {
        self.current = scene;
        self.pending = None;
        if !self.visited_mask[scene] {
            self.visited_mask[scene] = true;
            self.visited.push(scene);
        }
        let count = self
            .playable
            .scenario
            .scene(scene)
            .map_or(0, |k| k.observations().len());
        for i in 0..count {
            if self.playable.compiled.shows(scene, i, self.flags) {
                self.shown[scene].insert(i);
            }
        }
        events.push(Event::SceneEntered {
            scene: self.scene_id(scene).to_owned(),
        });
        if let Some(&Node::Ending { outcome, declined }) = self.playable.compiled.nodes.get(scene) {
            self.ended = Some(scene);
            let scene_id = self.scene_id(scene).to_owned();
            events.push(Event::Ended {
                scene: scene_id.clone(),
                outcome,
            });
            let consequence = match outcome {
                Outcome::Harmed => Some(Cause::EndedInHarm),
                Outcome::NotProtected if !declined => Some(Cause::LeftUnprotected),
                _ => None,
            };
            if let Some(cause) = consequence.filter(|_| self.rules >= Rules::V2) {
                let error = CriticalError::new(scene_id, cause);
                self.critical.push(error.clone());
                events.push(Event::CriticalError(error));
            }
        }
    }

    fn asks_confidence(&self) -> bool {
        match self.current_kind() {
            Some(SceneKind::Scene(s)) => s.ask_confidence,
            Some(SceneKind::Referral(_) | SceneKind::Classify(_)) => true,
            _ => false,
        }
    }

    fn rate(&mut self, confidence: Confidence, events: &mut Vec<Event>) -> Result<(), ActionError> {
        if !self.asks_confidence() {
            return Err(ActionError::NotAsked {
                scene: self.scene_id(self.current).to_owned(),
            });
        }
        self.pending = Some(confidence);
        events.push(Event::Rated {
            scene: self.scene_id(self.current).to_owned(),
            confidence,
        });
        Ok(())
    }

    /// Records a rated decision of the current scene, if it was rated.
    fn judge(&mut self, right: bool, events: &mut Vec<Event>) {
        if let Some(confidence) = self.pending.take() {
            let judgement = Judgement {
                scene: self.scene_id(self.current).to_owned(),
                confidence,
                right,
            };
            self.judgements.push(judgement.clone());
            events.push(Event::Judged(judgement));
        }
    }

    fn observation_index(&self, id: &str) -> Result<usize, ActionError> {
        let index = self
            .current_kind()
            .and_then(|k| k.observations().iter().position(|o| o.id == id))
            .ok_or_else(|| ActionError::NoSuchObservation {
                scene: self.scene_id(self.current).to_owned(),
                observation: id.to_owned(),
            })?;
        if !self.is_shown_now(index) {
            return Err(ActionError::HiddenObservation {
                scene: self.scene_id(self.current).to_owned(),
                observation: id.to_owned(),
            });
        }
        Ok(index)
    }

    /// Whether the observation at this position of the current scene is shown now.
    pub fn is_shown_now(&self, observation: usize) -> bool {
        self.playable
            .compiled
            .shows(self.current, observation, self.flags)
    }

    fn name(
        &mut self,
        id: &str,
        indicator: &str,
        events: &mut Vec<Event>,
    ) -> Result<(), ActionError> {
        let index = self.observation_index(id)?;
        if self.playable.catalogue.indicator(indicator).is_none() {
            return Err(ActionError::UnknownIndicator {
                indicator: indicator.to_owned(),
            });
        }
        self.set_flagged(id, true, events)?;
        let scene = self.current;
        if self.named.get(&(scene, index)).map(String::as_str) != Some(indicator) {
            self.named.insert((scene, index), indicator.to_owned());
            events.push(Event::Named {
                scene: self.scene_id(scene).to_owned(),
                observation: id.to_owned(),
                indicator: indicator.to_owned(),
            });
        }
        Ok(())
    }

    fn set_flagged(
        &mut self,
        id: &str,
        on: bool,
        events: &mut Vec<Event>,
    ) -> Result<(), ActionError> {
        let scene = self.current;
        let index = self.observation_index(id)?;
        let changed = if on {
            self.flagged[scene].insert(index)
        } else {
            self.named.remove(&(scene, index));
            self.flagged[scene].remove(&index)
        };
        if changed {
            let scene = self.scene_id(scene).to_owned();
            let observation = id.to_owned();
            events.push(if on {
                Event::Flagged { scene, observation }
            } else {
                Event::Unflagged { scene, observation }
            });
        }
        Ok(())
    }

    fn choose(&mut self, index: usize, events: &mut Vec<Event>) -> Result<(), ActionError> {
        let scene = self.current;
        let playable = Arc::clone(&self.playable);
        let (Some(SceneKind::Scene(model)), Some(Node::Scene(edges))) = (
            playable.scenario.scene(scene),
            playable.compiled.nodes.get(scene),
        ) else {
            return Err(ActionError::NotAScene {
                scene: self.scene_id(scene).to_owned(),
                kind: self.kind_name(),
            });
        };
        let (Some(choice), Some(edge)) = (model.choices.get(index), edges.get(index)) else {
            return Err(ActionError::NoSuchChoice {
                scene: self.scene_id(scene).to_owned(),
                index,
                count: model.choices.len(),
            });
        };
        if !edge.visible(self.flags) {
            return Err(ActionError::HiddenChoice {
                scene: self.scene_id(scene).to_owned(),
                index,
            });
        }
        let scene_id = self.scene_id(scene).to_owned();
        let points = edge.points();
        if edge.grade.is_some() {
            self.points += points;
            self.graded_taken += 1;
        }
        events.push(Event::ChoiceTaken {
            scene: scene_id.clone(),
            choice: index,
            grade: edge.grade,
            points,
            critical: edge.critical,
        });
        if edge.critical {
            let error =
                CriticalError::new(scene_id.clone(), Cause::CriticalChoice { choice: index });
            self.critical.push(error.clone());
            events.push(Event::CriticalError(error));
        }
        for principle in &choice.breaches {
            let breach = Breach {
                scene: scene_id.clone(),
                principle: principle.clone(),
            };
            self.breaches.push(breach.clone());
            events.push(Event::PrincipleBreached(breach));
        }
        if model.ask_confidence {
            // Right: a choice of the best grade among those offered here.
            let best = edges
                .iter()
                .filter(|e| e.visible(self.flags))
                .filter_map(|e| e.grade)
                .min();
            let right = edge.grade.is_some() && edge.grade == best;
            self.judge(right, events);
        }
        self.path.push(PathStep::Choice {
            scene,
            choice: index,
            flags: self.flags,
        });
        self.flags |= edge.set;
        self.enter(edge.next, events);
        Ok(())
    }

    fn refer(&mut self, services: &[String], events: &mut Vec<Event>) -> Result<(), ActionError> {
        let scene = self.current;
        let playable = Arc::clone(&self.playable);
        let (
            Some(SceneKind::Referral(model)),
            Some(Node::Referral {
                next,
                consent,
                max_points,
                ..
            }),
        ) = (
            playable.scenario.scene(scene),
            playable.compiled.nodes.get(scene),
        )
        else {
            return Err(ActionError::NotAReferral {
                scene: self.scene_id(scene).to_owned(),
                kind: self.kind_name(),
            });
        };
        // Each service counts once, in catalogue order, whatever order or repeats were sent.
        let mut ticked: Vec<String> = Vec::new();
        for service in services {
            if playable.catalogue.service(service).is_none() {
                return Err(ActionError::UnknownService {
                    service: service.clone(),
                });
            }
        }
        for service in &playable.catalogue.services {
            if services.contains(&service.id) {
                ticked.push(service.id.clone());
            }
        }
        let points: i32 = ticked
            .iter()
            .filter_map(|s| model.rating(s))
            .map(|r| r.points())
            .sum();
        let scene_id = self.scene_id(scene).to_owned();
        events.push(Event::ReferralSubmitted {
            scene: scene_id.clone(),
            services: ticked.clone(),
            points,
            max_points: *max_points,
        });
        for service in &ticked {
            if model.rating(service) == Some(crate::scenario::model::Rating::Harmful) {
                let error = CriticalError::new(
                    scene_id.clone(),
                    Cause::HarmfulService {
                        service: service.clone(),
                    },
                );
                self.critical.push(error.clone());
                events.push(Event::CriticalError(error));
            }
        }
        let consented = consent.is_none_or(|c| self.flags & c == c);
        // Version 2: child protection and emergency care never wait for consent.
        let exempt = |service: &String| {
            self.rules >= Rules::V2 && model.consent_exempt.iter().any(|e| e == service)
        };
        let needs_consent = ticked.iter().any(|s| !exempt(s));
        if needs_consent && !consented {
            let error = CriticalError::new(scene_id.clone(), Cause::NoConsent);
            self.critical.push(error.clone());
            events.push(Event::CriticalError(error));
            let breach = Breach {
                scene: scene_id,
                principle: "informed_consent".to_owned(),
            };
            self.breaches.push(breach.clone());
            events.push(Event::PrincipleBreached(breach));
        }
        // Right: every Required service ticked, no Harmful one, and consent respected.
        let right = model.services.iter().all(|(id, rating)| {
            let t = ticked.iter().any(|x| x == id);
            match rating {
                crate::scenario::model::Rating::Required => t,
                crate::scenario::model::Rating::Harmful => !t,
                crate::scenario::model::Rating::Recommended => true,
            }
        }) && (!needs_consent || consented);
        self.judge(right, events);
        self.referrals.push(ReferralRecord {
            scene,
            services: ticked,
            points,
            max_points: *max_points,
        });
        self.path.push(PathStep::Referral {
            scene,
            record: self.referrals.len() - 1,
        });
        self.enter(*next, events);
        Ok(())
    }

    fn classify(&mut self, answer: &str, events: &mut Vec<Event>) -> Result<(), ActionError> {
        let scene = self.current;
        let playable = Arc::clone(&self.playable);
        let (Some(SceneKind::Classify(model)), Some(Node::Classify { next })) = (
            playable.scenario.scene(scene),
            playable.compiled.nodes.get(scene),
        ) else {
            return Err(ActionError::NotAClassify {
                scene: self.scene_id(scene).to_owned(),
                kind: self.kind_name(),
            });
        };
        if !model.options.iter().any(|o| o == answer) {
            return Err(ActionError::NotAnOption {
                scene: self.scene_id(scene).to_owned(),
                answer: answer.to_owned(),
                options: model.options.join(", "),
            });
        }
        let correct = model.answer == answer;
        events.push(Event::Classified {
            scene: self.scene_id(scene).to_owned(),
            answer: answer.to_owned(),
            correct,
        });
        self.judge(correct, events);
        self.classifications.push(ClassifyRecord {
            scene,
            answer: answer.to_owned(),
            correct,
        });
        self.path.push(PathStep::Classify {
            scene,
            record: self.classifications.len() - 1,
        });
        self.enter(*next, events);
        Ok(())
    }

    /// The scenario being played.
    pub fn playable(&self) -> &Arc<Playable> {
        &self.playable
    }

    /// The version of the rules the session is scored under.
    pub fn rules(&self) -> Rules {
        self.rules
    }

    /// The seed the display order derives from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The current scene's position.
    pub fn current(&self) -> usize {
        self.current
    }

    /// Who is seen in the current scene, left to right, with their faces: the scene's own,
    /// except that the choice which led here changes the faces of the people it names.
    pub fn faces_now(&self) -> Vec<Shown> {
        let s = &self.playable.scenario;
        let Some(kind) = s.scene(self.current) else {
            return Vec::new();
        };
        let reaction: &[Shown] = match self.path.last() {
            Some(PathStep::Choice { scene, choice, .. }) => match s.scene(*scene) {
                Some(SceneKind::Scene(from))
                    if from
                        .choices
                        .get(*choice)
                        .is_some_and(|c| s.scene_index(&c.next) == Some(self.current)) =>
                {
                    from.choices
                        .get(*choice)
                        .map_or(&[], |c| c.reaction.as_slice())
                }
                _ => &[],
            },
            _ => &[],
        };
        kind.staging()
            .shown
            .iter()
            .map(|x| Shown {
                who: x.who.clone(),
                face: reaction
                    .iter()
                    .find(|r| r.who == x.who)
                    .map_or(x.face, |r| r.face),
            })
            .collect()
    }

    /// The flags set so far.
    pub fn flags(&self) -> Flags {
        self.flags
    }

    /// Whether the choice at this position of the current scene is offered now.
    pub fn is_offered(&self, choice: usize) -> bool {
        match self.playable.compiled.nodes.get(self.current) {
            Some(Node::Scene(edges)) => edges.get(choice).is_some_and(|e| e.visible(self.flags)),
            _ => false,
        }
    }

    /// Whether an observation (by position in its scene) is flagged.
    pub fn is_flagged(&self, scene: usize, observation: usize) -> bool {
        self.flagged
            .get(scene)
            .is_some_and(|f| f.contains(&observation))
    }

    /// The indicator the trainee named for an observation, if any.
    pub fn named(&self, scene: usize, observation: usize) -> Option<&str> {
        self.named.get(&(scene, observation)).map(String::as_str)
    }

    /// Scenes in the order first visited.
    pub fn visited(&self) -> &[usize] {
        &self.visited
    }

    /// Every distinct observation shown in the visited scenes, with its scene and position.
    pub fn visited_observations(&self) -> impl Iterator<Item = (usize, usize, &Observation)> {
        self.observations_of_visited(true)
    }

    /// Observations of the visited scenes that were never shown (their flags hid them on every
    /// visit): what the trainee never got to hear.
    pub fn unshown_observations(&self) -> impl Iterator<Item = (usize, usize, &Observation)> {
        self.observations_of_visited(false)
    }

    /// The observations of the visited scenes that were shown (or, with `false`, never shown).
    fn observations_of_visited(
        &self,
        shown: bool,
    ) -> impl Iterator<Item = (usize, usize, &Observation)> {
        self.visited.iter().flat_map(move |&scene| {
            let list: &[Observation] = self
                .playable
                .scenario
                .scene(scene)
                .map_or(&[], SceneKind::observations);
            list.iter()
                .enumerate()
                .filter(move |(i, _)| self.shown[scene].contains(i) == shown)
                .map(move |(i, o)| (scene, i, o))
        })
    }

    /// The sum of decision points and the number of graded choices taken.
    pub fn decision_points(&self) -> (i32, u32) {
        (self.points, self.graded_taken)
    }

    /// Referrals submitted.
    pub fn referrals(&self) -> &[ReferralRecord] {
        &self.referrals
    }

    /// Classifications answered.
    pub fn classifications(&self) -> &[ClassifyRecord] {
        &self.classifications
    }

    /// Critical errors so far.
    pub fn critical_errors(&self) -> &[CriticalError] {
        &self.critical
    }

    /// Rated decisions so far.
    pub fn judgements(&self) -> &[Judgement] {
        &self.judgements
    }

    /// The confidence rated in the current scene, not yet used by a decision.
    pub fn pending_confidence(&self) -> Option<Confidence> {
        self.pending
    }

    /// Whether the current scene asks how sure the trainee is.
    pub fn asks_confidence_now(&self) -> bool {
        self.asks_confidence()
    }

    /// Principles breached so far.
    pub fn breaches(&self) -> &[Breach] {
        &self.breaches
    }

    /// The trainee's path so far.
    pub fn path(&self) -> &[PathStep] {
        &self.path
    }

    /// The actions applied so far.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// The ending reached, if any.
    pub fn ending(&self) -> Option<usize> {
        self.ended
    }

    /// The outcome of the ending reached, if any.
    pub fn outcome(&self) -> Option<Outcome> {
        match self.ended.and_then(|e| self.playable.compiled.nodes.get(e)) {
            Some(Node::Ending { outcome, .. }) => Some(*outcome),
            _ => None,
        }
    }

    /// Whether the session has reached an ending.
    pub fn is_over(&self) -> bool {
        self.ended.is_some()
    }

    /// The order to show a scene's choices in: positions as written, shuffled from the seed.
    pub fn choice_order(&self, scene: usize) -> Vec<usize> {
        let n = match self.playable.scenario.scene(scene) {
            Some(SceneKind::Scene(s)) => s.choices.len(),
            _ => 0,
        };
        shuffled(n, self.seed, scene, 1)
    }

    /// The order to show a scene's observations in.
    pub fn observation_order(&self, scene: usize) -> Vec<usize> {
        let n = self
            .playable
            .scenario
            .scene(scene)
            .map_or(0, |k| k.observations().len());
        shuffled(n, self.seed, scene, 2)
    }

    /// The order to show the catalogue's services in on a referral form.
    pub fn service_order(&self, scene: usize) -> Vec<usize> {
        shuffled(self.playable.catalogue.services.len(), self.seed, scene, 3)
    }

    /// The order to show a classification's options in.
    pub fn option_order(&self, scene: usize) -> Vec<usize> {
        let n = match self.playable.scenario.scene(scene) {
            Some(SceneKind::Classify(c)) => c.options.len(),
            _ => 0,
        };
        shuffled(n, self.seed, scene, 4)
    }
}

/// `0..n` shuffled by Fisher–Yates with a generator seeded from (seed, scene, purpose), so each
/// list has its own stable order for the whole session.
fn shuffled(n: usize, seed: u64, scene: usize, purpose: u64) -> Vec<usize> {
    let mix = seed
        ^ (scene as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ purpose.wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(mix);
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        // Lemire's multiply-shift: unbiased enough for a display order, stable across versions.
        let j = ((u128::from(rng.next_u64()) * (i as u128 + 1)) >> 64) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffles_are_permutations_and_depend_on_the_seed() {
        let a = shuffled(10, 1, 0, 1);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        assert_eq!(a, shuffled(10, 1, 0, 1));
        assert_ne!(a, shuffled(10, 2, 0, 1));
        assert_ne!(a, shuffled(10, 1, 1, 1));
        assert!(shuffled(0, 1, 0, 1).is_empty());
    }
}
