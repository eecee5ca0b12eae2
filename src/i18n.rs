//! The words of the app and the command line, in English and Spanish, from the Fluent files under
//! `locales/` (built into the program). The core and the records hold ids and numbers; this is where
//! they become words.
//!
//! A message is looked up by its id: `tr!(w, "start-heading")`, or with arguments,
//! `tr!(w, "select-sessions", n = 3)`. Plurals and variants live in the `.ftl` files, where each
//! language writes them its own way.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A language the program speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
}

impl Lang {
    /// Every language, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The language's code, as records, translation files and xAPI write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The language of a code or locale (`es`, `es_TT.UTF-8`, `es-VE`), if the program speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders
    /// them), English when it names none the program speaks.
    pub fn from_env() -> Lang {
        // In a browser: the language the browser asks pages for.
        #[cfg(target_arch = "wasm32")]
        if let Some(lang) = web_sys::window().and_then(|w| w.navigator().language()) {
            return Lang::from_code(&lang).unwrap_or_default();
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(&v))
            .unwrap_or_default()
    }
}

/// The Fluent files of one language, by name.
pub type Files = [(&'static str, &'static str); 8];

macro_rules! ftl_files {
    ($lang:literal) => {
        [
            (
                "common",
                include_str!(concat!("../locales/", $lang, "/common.ftl")),
            ),
            (
                "start",
                include_str!(concat!("../locales/", $lang, "/start.ftl")),
            ),
            (
                "select",
                include_str!(concat!("../locales/", $lang, "/select.ftl")),
            ),
            (
                "play",
                include_str!(concat!("../locales/", $lang, "/play.ftl")),
            ),
            (
                "debrief",
                include_str!(concat!("../locales/", $lang, "/debrief.ftl")),
            ),
            (
                "progress",
                include_str!(concat!("../locales/", $lang, "/progress.ftl")),
            ),
            (
                "facilitator",
                include_str!(concat!("../locales/", $lang, "/facilitator.ftl")),
            ),
            (
                "cli",
                include_str!(concat!("../locales/", $lang, "/cli.ftl")),
            ),
        ]
    };
}

/// The Fluent files built into the program for a language.
pub fn files(lang: Lang) -> Files {
    match lang {
        Lang::En => ftl_files!("en"),
        Lang::Es => ftl_files!("es"),
    }
}

/// One language's messages.
pub struct Words {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words").field("lang", &self.lang).finish()
    }
}

/// The messages of a language (built once).
pub fn words(lang: Lang) -> &'static Words {
    static EN: OnceLock<Words> = OnceLock::new();
    static ES: OnceLock<Words> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    };
    cell.get_or_init(|| Words::build(lang))
}

impl Words {
    fn build(lang: Lang) -> Words {
        let id: unic_langid::LanguageIdentifier = match lang {
            Lang::En => unic_langid::langid!("en"),
            Lang::Es => unic_langid::langid!("es"),
        };
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // egui draws the isolation marks Fluent puts around arguments as boxes; no right-to-left
        // language is offered.
        bundle.set_use_isolating(false);
        for (_, text) in files(lang) {
            // A file with a syntax error still gives the messages it could read; the test
            // `every_file_parses` keeps the shipped files clean.
            let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        Words { lang, bundle }
    }

    /// The language of these words.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.t_with(id, None)
    }

    /// A message with arguments; a missing message shows its id (a test keeps every id used by
    /// the program defined in every language).
    pub fn t_with(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let (id, attribute) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let Some(message) = self.bundle.get_message(id) else {
            return id.to_owned();
        };
        let pattern = match attribute {
            Some(a) => message.get_attribute(a).map(|a| a.value()),
            None => message.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// Arguments for a message, from `name = value` pairs.
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (k, v) in pairs {
        args.set(k, v);
    }
    args
}

/// A message in words `w`: `tr!(w, "id")` or `tr!(w, "id", name = value, ...)`. Values are
/// numbers or strings (anything `FluentValue` takes).
#[macro_export]
macro_rules! tr {
    ($w:expr, $id:literal) => {
        $w.t($id)
    };
    ($w:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $w.t_with(
            $id,
            Some(&$crate::i18n::args([$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+])),
        )
    };
}
