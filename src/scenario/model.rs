//! The serde model of the catalogue and of one scenario, as written in RON (format version 2;
//! every version-1 file reads unchanged).
//!
//! These types mirror `scenario-format.md` field for field. They hold what the author wrote,
//! unchecked; `validate` checks them and `graph` compiles them into indices for the engine.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::marker::PhantomData;

/// The shared vocabulary of the course: indicators, vulnerability factors, principles, services
/// and case types.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Version 2: circumstances that make a person vulnerable (or protect them); never scored as
    /// indicators.
    #[serde(default)]
    pub factors: Vec<Factor>,
    #[serde(default)]
    pub principles: Vec<Principle>,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub case_types: Vec<CaseType>,
}

impl Catalogue {
    /// The indicator with this id, if the catalogue has one.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The vulnerability factor with this id, if the catalogue has one.
    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.factors.iter().find(|f| f.id == id)
    }

    /// The principle with this id, if the catalogue has one.
    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id == id)
    }

    /// The service with this id, if the catalogue has one.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The case type with this id, if the catalogue has one.
    pub fn case_type(&self, id: &str) -> Option<&CaseType> {
        self.case_types.iter().find(|c| c.id == id)
    }

    /// A human label for an id of any kind, falling back to the id itself.
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        if let Some(i) = self.indicator(id) {
            &i.label
        } else if let Some(f) = self.factor(id) {
            &f.label
        } else if let Some(p) = self.principle(id) {
            &p.label
        } else if let Some(s) = self.service(id) {
            &s.label
        } else if let Some(c) = self.case_type(id) {
            &c.label
        } else {
            id
        }
    }
}

/// A sign that a person may be a victim of trafficking or exploitation.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub dimension: Dimension,
    #[serde(default)]
    pub strength: Strength,
}

/// The ILO operational indicators' six dimensions, plus `General` for UNODC's observable cues.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Dimension {
    DeceptiveRecruitment,
    CoerciveRecruitment,
    RecruitmentByAbuseOfVulnerability,
    ExploitativeConditions,
    CoercionAtDestination,
    AbuseOfVulnerabilityAtDestination,
    #[default]
    General,
}

impl Dimension {
    /// Plain words for the dimension.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::DeceptiveRecruitment => "Deceptive recruitment",
            Dimension::CoerciveRecruitment => "Coercive recruitment",
            Dimension::RecruitmentByAbuseOfVulnerability => "Recruitment by abuse of vulnerability",
            Dimension::ExploitativeConditions => "Exploitative conditions",
            Dimension::CoercionAtDestination => "Coercion at destination",
            Dimension::AbuseOfVulnerabilityAtDestination => "Abuse of vulnerability at destination",
            Dimension::General => "General cue",
        }
    }
}

/// How strongly an indicator points to trafficking; its weight in the indicator score.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Strength {
    Strong,
    #[default]
    Medium,
    Weak,
}

impl Strength {
    /// The weight of a hit or a miss: 3, 2 or 1.
    pub fn weight(self) -> u32 {
        match self {
            Strength::Strong => 3,
            Strength::Medium => 2,
            Strength::Weak => 1,
        }
    }
}

/// A circumstance that makes a person more vulnerable to violence, exploitation or abuse (a risk)
/// or less (a protective factor), after IOM's determinants of migrant vulnerability.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub level: Level,
    pub kind: FactorKind,
}

/// The level a vulnerability factor acts at.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Individual,
    Household,
    Community,
    Structural,
}

impl Level {
    /// The four levels, from the person outwards.
    pub const ALL: [Level; 4] = [
        Level::Individual,
        Level::Household,
        Level::Community,
        Level::Structural,
    ];
}

/// Whether a factor raises or lowers the person's vulnerability.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactorKind {
    Risk,
    Protective,
}

/// A principle of protection and assistance that a choice upholds or breaches.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// A service a person can be referred to.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub contact: Option<String>,
}

/// A way to record a case: trafficking, smuggling, labour exploitation, ...
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CaseType {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// One branching encounter.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub objectives: Vec<String>,
    pub pass_mark: f64,
    /// Extension: marks one of the two parallel forms of the pre/post assessment.
    #[serde(default)]
    pub assessment: Option<AssessmentForm>,
    #[serde(default)]
    pub flags: Vec<String>,
    /// The people who appear on screen (not the trainee).
    #[serde(default)]
    pub cast: Vec<CastMember>,
    pub start: String,
    pub scenes: OrderedMap<SceneKind>,
}

impl Scenario {
    /// The position of the scene with this id, if any (the first, should ids repeat).
    pub fn scene_index(&self, id: &str) -> Option<usize> {
        self.scenes.0.iter().position(|(k, _)| k == id)
    }

    /// The scene at a position.
    pub fn scene(&self, index: usize) -> Option<&SceneKind> {
        self.scenes.0.get(index).map(|(_, s)| s)
    }

    /// The id of the scene at a position ("?" when out of range).
    pub fn scene_id(&self, index: usize) -> &str {
        self.scenes.0.get(index).map_or("?", |(k, _)| k.as_str())
    }

    /// The cast member with this id.
    pub fn person(&self, id: &str) -> Option<&CastMember> {
        self.cast.iter().find(|c| c.id == id)
    }

    /// Whether the scenario is staged: it has a cast, or a scene has a place. A staged scenario
    /// gives every scene a place and a description of its picture.
    pub fn is_staged(&self) -> bool {
        !self.cast.is_empty()
            || self
                .scenes
                .0
                .iter()
                .any(|(_, s)| s.staging().place.is_some())
    }

    /// Every observation of every scene, with the scene's position.
    pub fn observations(&self) -> impl Iterator<Item = (usize, &Observation)> {
        self.scenes.0.iter().enumerate().flat_map(|(i, (_, s))| {
            let list: &[Observation] = match s {
                SceneKind::Scene(scene) => &scene.observations,
                _ => &[],
            };
            list.iter().map(move |o| (i, o))
        })
    }
}

/// A person who appears on screen.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CastMember {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// A folder of `assets/people`: the person drawn with each face.
    pub look: String,
}

/// What a person is in the story (for the art; never shown as a label).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Role {
    Migrant,
    Officer,
    Provider,
    Local,
}

/// A person seen in a scene, with a face.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Shown {
    pub who: String,
    pub face: Face,
}

/// A facial expression of the art.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Calm,
    Afraid,
    Wary,
    Sad,
    Relieved,
    Angry,
}

impl Face {
    pub const ALL: [Face; 6] = [
        Face::Calm,
        Face::Afraid,
        Face::Wary,
        Face::Sad,
        Face::Relieved,
        Face::Angry,
    ];

    /// The name of the face's file in a look's folder, without `.svg`.
    pub fn file_stem(self) -> &'static str {
        match self {
            Face::Calm => "calm",
            Face::Afraid => "afraid",
            Face::Wary => "wary",
            Face::Sad => "sad",
            Face::Relieved => "relieved",
            Face::Angry => "angry",
        }
    }
}

/// A setting the course uses, drawn as a backdrop.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Bar,
    BeachLanding,
    Jetty,
    House,
    Market,
    ConstructionSite,
    PoliceStation,
    Clinic,
    Shelter,
    Roadside,
    Shop,
    Yard,
}

impl Place {
    pub const ALL: [Place; 12] = [
        Place::Bar,
        Place::BeachLanding,
        Place::Jetty,
        Place::House,
        Place::Market,
        Place::ConstructionSite,
        Place::PoliceStation,
        Place::Clinic,
        Place::Shelter,
        Place::Roadside,
        Place::Shop,
        Place::Yard,
    ];

    /// The name of the backdrop's file in `assets/places`, without `.svg`.
    pub fn file_stem(self) -> &'static str {
        match self {
            Place::Bar => "bar",
            Place::BeachLanding => "beach_landing",
            Place::Jetty => "jetty",
            Place::House => "house",
            Place::Market => "market",
            Place::ConstructionSite => "construction_site",
            Place::PoliceStation => "police_station",
            Place::Clinic => "clinic",
            Place::Shelter => "shelter",
            Place::Roadside => "roadside",
            Place::Shop => "shop",
            Place::Yard => "yard",
        }
    }
}

/// A scene's staging: its place, who is seen, and its description.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Staging<'a> {
    pub place: Option<Place>,
    pub shown: &'a [Shown],
    pub alt: Option<&'a str>,
}

/// Which form of the assessment a scenario is: before the course, at its end, or weeks later
/// (the delayed form measures what lasted). The forms are parallel: the same skills and
/// difficulty, different stories.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssessmentForm {
    Pre,
    Post,
    Delayed,
}

/// A scene of one of the four kinds.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub enum SceneKind {
    Scene(Scene),
    Referral(Referral),
    Classify(Classify),
    Ending(Ending),
}

impl SceneKind {
    /// The scene's main text.
    pub fn text(&self) -> &str {
        match self {
            SceneKind::Scene(s) => &s.text,
            SceneKind::Referral(r) => &r.text,
            SceneKind::Classify(c) => &c.text,
            SceneKind::Ending(e) => &e.text,
        }
    }

    /// The kind's name as authors write it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            SceneKind::Scene(_) => "Scene",
            SceneKind::Referral(_) => "Referral",
            SceneKind::Classify(_) => "Classify",
            SceneKind::Ending(_) => "Ending",
        }
    }

    /// Where the scene happens and who is seen there.
    pub fn staging(&self) -> Staging<'_> {
        let (place, shown, alt) = match self {
            SceneKind::Scene(s) => (s.place, &s.shown, &s.alt),
            SceneKind::Referral(r) => (r.place, &r.shown, &r.alt),
            SceneKind::Classify(c) => (c.place, &c.shown, &c.alt),
            SceneKind::Ending(e) => (e.place, &e.shown, &e.alt),
        };
        Staging {
            place,
            shown,
            alt: alt.as_deref(),
        }
    }

    /// The observations the trainee may flag here (only a `Scene` has any).
    pub fn observations(&self) -> &[Observation] {
        match self {
            SceneKind::Scene(s) => &s.observations,
            _ => &[],
        }
    }
}

/// A narrative scene with observations and choices.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    /// Where the scene happens (the backdrop).
    #[serde(default)]
    pub place: Option<Place>,
    /// Who is seen, left to right, with the face each shows as the scene opens.
    #[serde(default)]
    pub shown: Vec<Shown>,
    /// The picture described for a screen reader.
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    pub text: String,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub observations: Vec<Observation>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Extension: ask the trainee how sure they are of the choice they take here.
    #[serde(default)]
    pub ask_confidence: bool,
}

/// Something the trainee may notice, and flag.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub id: String,
    pub text: String,
    /// The indicator this shows (at most one of `indicator` and `factor`).
    #[serde(default)]
    pub indicator: Option<String>,
    /// Version 2: the vulnerability factor this shows. With neither, a red herring.
    #[serde(default)]
    pub factor: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Extension: shown only when all these flags are set (what the person tells only once
    /// separated from a controller, or with an independent interpreter)...
    #[serde(default)]
    pub requires: Vec<String>,
    /// ...and none of these.
    #[serde(default)]
    pub unless: Vec<String>,
}

impl Observation {
    /// Whether it is a red herring: neither an indicator nor a factor.
    pub fn is_red_herring(&self) -> bool {
        self.indicator.is_none() && self.factor.is_none()
    }

    /// Whether it is shown only under some flags.
    pub fn is_conditional(&self) -> bool {
        !self.requires.is_empty() || !self.unless.is_empty()
    }
}

/// A decision the trainee may take.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub grade: Option<Grade>,
    #[serde(default)]
    pub critical: bool,
    #[serde(default)]
    pub upholds: Vec<String>,
    #[serde(default)]
    pub breaches: Vec<String>,
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub unless: Vec<String>,
    #[serde(default)]
    pub set: Vec<String>,
    #[serde(default)]
    pub feedback: Option<String>,
    /// Who changes expression because of this choice: the face is carried into the next scene.
    #[serde(default)]
    pub reaction: Vec<Shown>,
    pub next: String,
}

/// How good a choice is.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    Appropriate,
    Acceptable,
    Suboptimal,
    Harmful,
}

impl Grade {
    /// Decision points: +2, +1, 0 or −3.
    pub fn points(self) -> i32 {
        match self {
            Grade::Appropriate => 2,
            Grade::Acceptable => 1,
            Grade::Suboptimal => 0,
            Grade::Harmful => -3,
        }
    }

    /// All grades, best first.
    pub const ALL: [Grade; 4] = [
        Grade::Appropriate,
        Grade::Acceptable,
        Grade::Suboptimal,
        Grade::Harmful,
    ];
}

/// A referral form: the trainee ticks services and submits once.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// Where the scene happens (the backdrop).
    #[serde(default)]
    pub place: Option<Place>,
    /// Who is seen, left to right, with the face each shows as the scene opens.
    #[serde(default)]
    pub shown: Vec<Shown>,
    /// The picture described for a screen reader.
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    pub text: String,
    pub services: OrderedMap<Rating>,
    #[serde(default)]
    pub consent_flag: Option<String>,
    /// Version 2: services that may be ticked without the consent flag (child protection for a
    /// child, emergency care for a life at risk).
    #[serde(default)]
    pub consent_exempt: Vec<String>,
    #[serde(default)]
    pub feedback: Option<String>,
    pub next: String,
}

impl Referral {
    /// How this referral rates a service (`None`: neutral, not listed).
    pub fn rating(&self, service: &str) -> Option<Rating> {
        self.services.get(service).copied()
    }

    /// The most a referral can score: 2 per Required and 1 per Recommended service.
    pub fn max_points(&self) -> i32 {
        self.services.values().map(|r| r.points().max(0)).sum()
    }

    /// The most a referral can score ticking only its consent-exempt services.
    pub fn exempt_points(&self) -> i32 {
        self.services
            .iter()
            .filter(|(id, _)| self.consent_exempt.iter().any(|e| e == id))
            .map(|(_, r)| r.points().max(0))
            .sum()
    }
}

/// How a referral rates a listed service.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Rating {
    Required,
    Recommended,
    Harmful,
}

impl Rating {
    /// Referral points when ticked: +2, +1 or −3.
    pub fn points(self) -> i32 {
        match self {
            Rating::Required => 2,
            Rating::Recommended => 1,
            Rating::Harmful => -3,
        }
    }
}

/// A classification question: one case type among `options`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Classify {
    /// Where the scene happens (the backdrop).
    #[serde(default)]
    pub place: Option<Place>,
    /// Who is seen, left to right, with the face each shows as the scene opens.
    #[serde(default)]
    pub shown: Vec<Shown>,
    /// The picture described for a screen reader.
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    pub text: String,
    pub options: Vec<String>,
    pub answer: String,
    #[serde(default)]
    pub feedback: Option<String>,
    pub next: String,
}

/// The end of a path.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Where the scene happens (the backdrop).
    #[serde(default)]
    pub place: Option<Place>,
    /// Who is seen, left to right, with the face each shows as the scene opens.
    #[serde(default)]
    pub shown: Vec<Shown>,
    /// The picture described for a screen reader.
    #[serde(default)]
    pub alt: Option<String>,
    pub title: String,
    pub text: String,
    pub outcome: Outcome,
    /// Version 2 (only with `NotProtected`): the person's own informed refusal of help, which
    /// the trainee respected. Any other `NotProtected` ending, and every `Harmed` one, is a
    /// critical error to reach.
    #[serde(default)]
    pub declined: bool,
}

/// What became of the person at an ending.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Outcome {
    Protected,
    PartlyProtected,
    NotProtected,
    Harmed,
}

impl Outcome {
    /// Plain words for the outcome.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Protected => "Protected",
            Outcome::PartlyProtected => "Partly protected",
            Outcome::NotProtected => "Not protected",
            Outcome::Harmed => "Harmed",
        }
    }
}

/// A RON map read in the order written, keeping repeated keys so the validator can point at them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    /// The first value under this key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The keys, in the order written.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// The values, in the order written.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The entries, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The number of entries, repeated keys included.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = OrderedMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map in braces: { \"id\": value, ... }")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(OrderedMap(entries))
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// Whether a string is a valid id: one or more of `a-z`, `0-9`, `_` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}
