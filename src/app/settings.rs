//! The trainee's display settings, kept between runs: text size, high contrast, whether the
//! pictures of people and places are drawn (off for a weak machine), and the language.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Display settings.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// egui's zoom factor: Ctrl + and Ctrl − change it.
    pub zoom: f32,
    pub high_contrast: bool,
    /// Draw the people and places (settings saved before pictures existed have them on).
    #[serde(default = "on")]
    pub art: bool,
    /// The language of the app's words and of the scenarios that have a translation (settings
    /// saved before there was a choice: the environment's language).
    #[serde(default = "crate::i18n::Lang::from_env")]
    pub language: crate::i18n::Lang,
}

fn on() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            zoom: 1.0,
            high_contrast: false,
            art: true,
            language: crate::i18n::Lang::En,
        }
    }
}

/// Where the settings are kept (the user's configuration folder).
pub fn settings_path() -> Option<PathBuf> {
    crate::files::config_dir().map(|d| d.join("settings.ron"))
}

impl Settings {
    /// The saved settings, or the defaults in the environment's language.
    pub fn load() -> Settings {
        settings_path()
            .and_then(|p| crate::files::read_to_string(&p).ok())
            .and_then(|t| ron::from_str(&t).ok())
            .map(|s: Settings| Settings {
                zoom: if s.zoom.is_finite() {
                    s.zoom.clamp(0.5, 3.0)
                } else {
                    1.0
                },
                ..s
            })
            .unwrap_or_else(|| Settings {
                language: crate::i18n::Lang::from_env(),
                ..Settings::default()
            })
    }

    /// Saves the settings; a failure only means they are not remembered.
    pub fn save(&self) {
        let Some(path) = settings_path() else { return };
        if let Some(dir) = path.parent() {
            let _ = crate::files::create_dir_all(dir);
        }
        if let Ok(text) = ron::to_string(self) {
            let _ = crate::files::write(&path, text.as_bytes());
        }
    }
}

/// Loads the settings at start.
pub fn plugin(app: &mut App) {
    if !app.world().contains_resource::<Settings>() {
        app.insert_resource(Settings::load());
    }
}
