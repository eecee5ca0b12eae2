//! The app's words: the language chosen on the start screen, kept in egui's context so that every
//! view finds it from its `Ui` (and each kittest harness has its own).

use crate::i18n::{self, Lang, Words};

fn key() -> egui::Id {
    egui::Id::new("mpa-trainer-language")
}

/// The language the app speaks now.
pub fn lang(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp::<Lang>(key())).unwrap_or_default()
}

/// Sets the language the app speaks.
pub fn set_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(key(), lang));
}

/// The words of the language the app speaks now.
pub fn words(ctx: &egui::Context) -> &'static Words {
    i18n::words(lang(ctx))
}

/// The words for a `Ui`'s context.
pub fn w(ui: &egui::Ui) -> &'static Words {
    words(ui.ctx())
}
