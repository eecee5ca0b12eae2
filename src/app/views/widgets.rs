//! Small shared pieces of the views: grade and outcome badges, percentages, the theme.

use crate::scenario::model::{Grade, Outcome};
use egui::{Color32, RichText, Ui};

/// A score as a whole percentage.
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The words for a grade.
pub fn grade_label(w: &crate::i18n::Words, grade: Grade) -> String {
    match grade {
        Grade::Appropriate => crate::tr!(w, "grade-appropriate"),
        Grade::Acceptable => crate::tr!(w, "grade-acceptable"),
        Grade::Suboptimal => crate::tr!(w, "grade-suboptimal"),
        Grade::Harmful => crate::tr!(w, "grade-harmful"),
    }
}

/// The colour of a grade (always shown with its words, never alone).
pub fn grade_colour(grade: Grade, high_contrast: bool) -> Color32 {
    match (grade, high_contrast) {
        (Grade::Appropriate, false) => Color32::from_rgb(0x2e, 0x7d, 0x32),
        (Grade::Acceptable, false) => Color32::from_rgb(0x55, 0x8b, 0x2f),
        (Grade::Suboptimal, false) => Color32::from_rgb(0xc7, 0x6a, 0x00),
        (Grade::Harmful, false) => Color32::from_rgb(0xc6, 0x28, 0x28),
        (Grade::Appropriate | Grade::Acceptable, true) => Color32::from_rgb(0x66, 0xff, 0x66),
        (Grade::Suboptimal, true) => Color32::from_rgb(0xff, 0xcc, 0x00),
        (Grade::Harmful, true) => Color32::from_rgb(0xff, 0x66, 0x66),
    }
}

/// A grade as a coloured word.
pub fn grade_badge(ui: &mut Ui, grade: Grade) {
    let hc = is_high_contrast(ui);
    ui.label(
        RichText::new(grade_label(crate::app::words::w(ui), grade))
            .strong()
            .color(grade_colour(grade, hc)),
    );
}

/// The colour of an outcome.
pub fn outcome_colour(outcome: Outcome, high_contrast: bool) -> Color32 {
    match outcome {
        Outcome::Protected => grade_colour(Grade::Appropriate, high_contrast),
        Outcome::PartlyProtected => grade_colour(Grade::Suboptimal, high_contrast),
        Outcome::NotProtected | Outcome::Harmed => grade_colour(Grade::Harmful, high_contrast),
    }
}

/// Green for good news, red for bad.
pub fn verdict_colour(good: bool, high_contrast: bool) -> Color32 {
    grade_colour(
        if good {
            Grade::Appropriate
        } else {
            Grade::Harmful
        },
        high_contrast,
    )
}

/// Whether the high-contrast theme is on (read from the style: it is the only dark one).
pub fn is_high_contrast(ui: &Ui) -> bool {
    ui.visuals().dark_mode
}

/// The colour behind every screen. The window is cleared to it and panels are left unfilled:
/// on a software renderer, filling the whole window again with egui's blended triangles doubled
/// the cost of every frame.
pub fn background(high_contrast: bool) -> Color32 {
    if high_contrast {
        Color32::BLACK
    } else {
        egui::Visuals::light().panel_fill
    }
}

/// Uses DejaVu Sans (regular weight, wide coverage of accents and symbols) before egui's light
/// default font, which is too thin to read on a projector.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../../assets/fonts/DejaVuSans.ttf" // i18n-ok: a path
        ))),
    );
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.insert(0, "dejavu-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Applies the normal or the high-contrast theme, with a text size readable on a projector.
pub fn apply_theme(ctx: &egui::Context, high_contrast: bool) {
    let mut style = (*ctx.global_style()).clone();
    if high_contrast {
        let mut v = egui::Visuals::dark();
        v.window_fill = Color32::BLACK;
        v.extreme_bg_color = Color32::BLACK;
        v.faint_bg_color = Color32::from_gray(20);
        v.override_text_color = Some(Color32::WHITE);
        v.hyperlink_color = Color32::from_rgb(0x66, 0xcc, 0xff);
        v.selection.bg_fill = Color32::from_rgb(0x00, 0x55, 0xcc);
        v.selection.stroke = egui::Stroke::new(2.0, Color32::WHITE);
        for w in [
            &mut v.widgets.inactive,
            &mut v.widgets.hovered,
            &mut v.widgets.active,
            &mut v.widgets.open,
        ] {
            w.bg_stroke = egui::Stroke::new(2.0, Color32::WHITE);
            w.fg_stroke = egui::Stroke::new(2.0, Color32::WHITE);
        }
        v.widgets.inactive.weak_bg_fill = Color32::from_gray(25);
        v.widgets.inactive.bg_fill = Color32::from_gray(25);
        v.widgets.hovered.weak_bg_fill = Color32::from_rgb(0x00, 0x33, 0x88);
        v.widgets.hovered.bg_stroke = egui::Stroke::new(3.0, Color32::YELLOW);
        v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.0, Color32::WHITE);
        v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.0, Color32::WHITE);
        style.visuals = v;
    } else {
        let mut v = egui::Visuals::light();
        // egui's light grey text is too faint on a projector: near-black reads better.
        v.override_text_color = Some(Color32::from_gray(20));
        v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.0, Color32::from_gray(20));
        style.visuals = v;
    }
    // Keyboard users must see where the focus is.
    style.visuals.widgets.hovered.expansion = 1.0;
    for (text_style, size) in [
        (egui::TextStyle::Body, 16.0),
        (egui::TextStyle::Button, 16.0),
        (egui::TextStyle::Heading, 24.0),
        (egui::TextStyle::Small, 13.0),
        (egui::TextStyle::Monospace, 15.0),
    ] {
        if let Some(font) = style.text_styles.get_mut(&text_style) {
            font.size = size;
        }
    }
    // No fades, no blinking cursor and no waiting for the pointer to rest before a tooltip:
    // each of them costs frames, and old laptops draw every frame in software.
    style.animation_time = 0.0;
    style.visuals.text_cursor.blink = false;
    style.interaction.show_tooltips_only_when_still = false;
    style.interaction.tooltip_delay = 0.0;
    style.spacing.item_spacing = egui::vec2(8.0, 8.0);
    style.spacing.button_padding = egui::vec2(10.0, 6.0);
    style.visuals.panel_fill = Color32::TRANSPARENT;
    ctx.set_global_style(style);
}

/// Keeps a screen's content at most `widest` points wide, and no wider than the window (a
/// phone). (`Ui::set_max_width` alone widens the content to `widest` on a narrow window.)
pub fn at_most_wide(ui: &mut Ui, widest: f32) {
    let width = ui.available_width().min(widest);
    ui.set_max_width(width);
}

/// A framed group with a heading.
pub fn section<R>(ui: &mut Ui, title: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong().size(19.0));
            add(ui)
        })
        .inner
}

/// The number key for a 1-based position (1 to 9), if there is one.
pub fn number_key(n: usize) -> Option<egui::Key> {
    use egui::Key::*;
    [Num1, Num2, Num3, Num4, Num5, Num6, Num7, Num8, Num9]
        .get(n.wrapping_sub(1))
        .copied()
}

/// Whether a number key (without modifiers) was pressed, and which position it picks.
pub fn pressed_number(ui: &Ui, count: usize) -> Option<usize> {
    if ui.ctx().text_edit_focused() {
        return None;
    }
    (1..=count.min(9)).find(|&n| {
        number_key(n).is_some_and(|k| ui.input(|i| i.key_pressed(k) && i.modifiers.is_none()))
    })
}

/// Whether Ctrl+Enter (Cmd+Enter on a Mac) was pressed: "submit this form".
pub fn pressed_submit(ui: &Ui) -> bool {
    ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.command)
}
