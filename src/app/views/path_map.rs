//! The path map of the debrief: the scenario's scenes in columns from the start, the best path
//! as a wide pale band, the trainee's path over it coloured by the grade of each decision, and
//! the feedback of the decision clicked.

use super::widgets::grade_label;
use super::widgets::{grade_colour, is_high_contrast, outcome_colour};
use crate::engine::session::{PathStep, Session};
use crate::report::cohort::scene_label;
use crate::scenario::map::{best_path, scene_map};
use crate::scenario::model::{Grade, Outcome, SceneKind};
use crate::tr;
use egui::{Color32, Pos2, RichText, Stroke, Ui, pos2, vec2};

/// A scene on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapScene {
    pub column: usize,
    pub row: usize,
    /// A short name (the scene's id in words, or the ending's title).
    pub name: String,
    /// The first sentence of its text.
    pub label: String,
    /// What an ending leaves the person with.
    pub outcome: Option<Outcome>,
}

/// A step of the trainee's path.
#[derive(Debug, Clone, PartialEq)]
pub struct MapStep {
    pub from: usize,
    pub to: usize,
    /// The decision's grade (a referral or classification: right, or not); `None` when the
    /// step was not graded.
    pub grade: Option<Grade>,
    /// The debrief's step row with its feedback.
    pub step: usize,
}

/// Everything the map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PathMapModel {
    pub scenes: Vec<MapScene>,
    pub columns: usize,
    pub rows: usize,
    pub links: Vec<(usize, usize)>,
    pub taken: Vec<MapStep>,
    /// The best path's steps.
    pub best: Vec<(usize, usize)>,
}

impl PathMapModel {
    /// The map of a session; `grades` gives, for each step of its path, the grade the map
    /// shows and the index of the debrief's row for it (`None`: the step has no row and is
    /// left off).
    pub fn of(session: &Session, grades: &[Option<(Option<Grade>, usize)>]) -> PathMapModel {
        let p = session.playable();
        let s = &p.scenario;
        let map = scene_map(&p.compiled);
        let scenes = map
            .at
            .iter()
            .enumerate()
            .map(|(i, &(column, row))| {
                let kind = s.scene(i);
                MapScene {
                    column,
                    row,
                    name: match kind {
                        Some(SceneKind::Ending(e)) => e.title.clone(),
                        _ => s.scene_id(i).replace('_', " "),
                    },
                    label: kind.map_or_else(String::new, |k| scene_label(k, s.scene_id(i))),
                    outcome: match kind {
                        Some(SceneKind::Ending(e)) => Some(e.outcome),
                        _ => None,
                    },
                }
            })
            .collect();
        let path = session.path();
        let taken = path
            .iter()
            .zip(grades)
            .enumerate()
            .filter_map(|(i, (step, row))| {
                let (grade, row) = (*row)?;
                Some(MapStep {
                    from: scene_of(step),
                    to: path.get(i + 1).map_or(session.current(), scene_of),
                    grade,
                    step: row,
                })
            })
            .collect();
        let best = best_path(&p.compiled, &p.analysis);
        PathMapModel {
            scenes,
            columns: map.columns,
            rows: map.rows,
            links: map.links,
            taken,
            best: best.windows(2).map(|w| (w[0], w[1])).collect(),
        }
    }
}

fn scene_of(step: &PathStep) -> usize {
    match step {
        PathStep::Choice { scene, .. }
        | PathStep::Referral { scene, .. }
        | PathStep::Classify { scene, .. } => *scene,
    }
}

/// The widest and narrowest a column of the map gets: as wide as fits the window, in between.
const WIDEST: f32 = 112.0;
const NARROWEST: f32 = 76.0;
const ROW: f32 = 46.0;
const MARGIN: f32 = 24.0;
const DOT: f32 = 8.0;

/// Draws the map; returns the step row clicked on the trainee's path, if one was.
pub fn path_map(ui: &mut Ui, m: &PathMapModel) -> Option<usize> {
    let hc = is_high_contrast(ui);
    let w = crate::app::words::w(ui);
    let mut clicked = None;
    let column =
        ((ui.available_width() - 2.0 * MARGIN) / m.columns.max(1) as f32).clamp(NARROWEST, WIDEST);
    // A name fits its column (about 6.5 points a character at this size).
    let name_chars = (column / 6.5) as usize;
    let size = vec2(
        2.0 * MARGIN + column * m.columns.max(1) as f32,
        2.0 * MARGIN + ROW * m.rows.max(1) as f32,
    );
    egui::ScrollArea::horizontal()
        .id_salt("path_map")
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let painter = ui.painter_at(rect);
            let centre = |scene: usize| -> Pos2 {
                m.scenes.get(scene).map_or(rect.min, |s| {
                    rect.min
                        + vec2(
                            MARGIN + column * s.column as f32,
                            MARGIN + ROW * s.row as f32,
                        )
                })
            };
            let faint = ui.visuals().weak_text_color().gamma_multiply(0.6);
            let line = |from: Pos2, to: Pos2, stroke: Stroke| {
                if to.x > from.x + 1.0 {
                    painter.line_segment([from, to], stroke);
                } else {
                    // Back to an earlier column (a question hub): a curve above.
                    let control = pos2((from.x + to.x) / 2.0, from.y.min(to.y) - ROW * 0.8);
                    painter.add(egui::epaint::QuadraticBezierShape::from_points_stroke(
                        [from, control, to],
                        false,
                        Color32::TRANSPARENT,
                        stroke,
                    ));
                }
            };
            for &(from, to) in &m.links {
                line(centre(from), centre(to), Stroke::new(1.0, faint));
            }
            let best_colour = if hc {
                Color32::from_rgb(0x80, 0xc0, 0xff)
            } else {
                Color32::from_rgba_unmultiplied(0x64, 0x9c, 0xe0, 0x70)
            };
            for &(from, to) in &m.best {
                line(centre(from), centre(to), Stroke::new(10.0, best_colour));
            }
            for step in &m.taken {
                let colour = step
                    .grade
                    .map_or(ui.visuals().strong_text_color(), |g| grade_colour(g, hc));
                line(centre(step.from), centre(step.to), Stroke::new(3.0, colour));
            }
            for (i, scene) in m.scenes.iter().enumerate() {
                let at = centre(i);
                let visited = m.taken.iter().any(|t| t.from == i || t.to == i);
                let fill = match scene.outcome {
                    Some(o) => outcome_colour(o, hc),
                    None if visited => ui.visuals().strong_text_color(),
                    None => faint,
                };
                painter.circle_filled(at, DOT, fill);
                let name: String = scene.name.chars().take(name_chars).collect();
                painter.text(
                    at + vec2(0.0, DOT + 2.0),
                    egui::Align2::CENTER_TOP,
                    name,
                    egui::FontId::proportional(11.0),
                    if visited {
                        ui.visuals().text_color()
                    } else {
                        ui.visuals().weak_text_color()
                    },
                );
                // A decision of the trainee's path answers a click with its feedback.
                let steps: Vec<&MapStep> = m.taken.iter().filter(|t| t.from == i).collect();
                let hit = egui::Rect::from_center_size(at, vec2(2.5 * DOT, 2.5 * DOT));
                let response =
                    ui.interact(hit, ui.id().with(("map_scene", i)), egui::Sense::click());
                let words = match steps.last() {
                    Some(t) => match t.grade {
                        Some(g) => tr!(
                            w,
                            "debrief-map-step-graded",
                            n = t.step + 1,
                            label = scene.label.as_str(),
                            grade = grade_label(w, g).as_str()
                        ),
                        None => tr!(
                            w,
                            "debrief-map-step",
                            n = t.step + 1,
                            label = scene.label.as_str()
                        ),
                    },
                    None => scene.label.clone(),
                };
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::WidgetType::Button, !steps.is_empty(), &words)
                });
                let response = response.on_hover_text(&words);
                if response.clicked()
                    && let Some(t) = steps.last()
                {
                    clicked = Some(t.step);
                }
            }
        });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!(w, "debrief-map-best")).small());
        ui.label(RichText::new(tr!(w, "debrief-map-path")).small());
    });
    clicked
}
