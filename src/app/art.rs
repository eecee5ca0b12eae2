//! The people and places on screen: SVG art from the course's assets folder, drawn to egui
//! textures by resvg on a background thread at the size the screen shows them, and kept while
//! they are used.
//!
//! A frame never waits for a picture: a picture not drawn yet is asked for and left out (or
//! shown at the size it was last drawn at) until it arrives; its arrival wakes the window.

use crate::scenario::model::{Face, Place};
use crate::scenario::staging::{face_file, place_file};
use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, mpsc};

/// One picture of the art.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArtKey {
    Place(Place),
    Person { look: String, face: Face },
}

impl ArtKey {
    /// Its file, relative to the assets folder.
    pub fn file(&self) -> String {
        match self {
            ArtKey::Place(place) => place_file(*place),
            ArtKey::Person { look, face } => face_file(look, *face),
        }
    }
}

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ArtError {
    #[error("{0} could not be read: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("{0} is not an SVG picture this program can draw: {1}")]
    Svg(PathBuf, String),
    #[error("a picture {0} pixels wide cannot be drawn")]
    Size(u32),
}

/// The widest picture drawn, in pixels.
const MAX_WIDTH: u32 = 2560;

/// Draws an SVG `width` pixels wide (its height follows its proportions).
pub fn rasterize(svg: &[u8], width: u32, name: &Path) -> Result<egui::ColorImage, ArtError> {
    let tree = resvg::usvg::Tree::from_data(svg, &resvg::usvg::Options::default())
        .map_err(|e| ArtError::Svg(name.to_owned(), e.to_string()))?;
    let size = tree.size();
    let width = width.clamp(1, MAX_WIDTH);
    let scale = width as f32 / size.width().max(1.0);
    let height = (size.height() * scale).ceil().clamp(1.0, MAX_WIDTH as f32) as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or(ArtError::Size(width))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(egui::ColorImage::from_rgba_premultiplied(
        [width as usize, height as usize],
        pixmap.data(),
    ))
}

/// Reads and draws one picture of the assets folder.
pub fn draw_file(assets: &Path, key: &ArtKey, width: u32) -> Result<egui::ColorImage, ArtError> {
    let path = assets.join(key.file());
    let bytes = crate::files::read(&path).map_err(|e| ArtError::Read(path.clone(), e))?;
    rasterize(&bytes, width, &path)
}

/// Widths are drawn in steps, so that a window resized by a few pixels reuses its pictures.
pub fn width_step(pixels: f32) -> u32 {
    let step = 64.0;
    ((pixels.max(1.0) / step).ceil() * step).min(MAX_WIDTH as f32) as u32
}

/// A picture asked of the drawing thread.
struct Job {
    key: ArtKey,
    width: u32,
}

/// A picture the drawing thread drew, or why it could not.
struct Drawn {
    key: ArtKey,
    width: u32,
    image: Result<egui::ColorImage, ArtError>,
}

/// The pictures drawn so far, and the thread that draws them.
#[derive(Resource)]
pub struct Art {
    ready: HashMap<(ArtKey, u32), (egui::TextureHandle, u64)>,
    asked: HashSet<(ArtKey, u32)>,
    failed: HashSet<ArtKey>,
    jobs: Option<mpsc::Sender<Job>>,
    /// Behind a lock only because a resource must be shareable; one system reads it.
    drawn: Option<Mutex<mpsc::Receiver<Drawn>>>,
    /// Where there are no threads (a browser): the assets and the jobs, drawn one per pass on
    /// the window's own thread.
    here: Option<(PathBuf, Mutex<mpsc::Receiver<Job>>)>,
    /// Counts the passes, to keep the pictures used most recently.
    pass: u64,
}

/// The most pictures kept at once (a backdrop about 2.5 MB, a face about 0.3 MB).
const KEEP: usize = 40;

impl Art {
    /// Art drawn from `assets` by a thread of its own; `wake` wakes the window when a picture
    /// is ready. Without an assets folder nothing is drawn.
    pub fn start(assets: Option<PathBuf>, wake: impl Fn() + Send + 'static) -> Art {
        let mut here = None;
        let (jobs, drawn) = match assets {
            Some(assets) if cfg!(target_arch = "wasm32") => {
                let (job_in, job_out) = mpsc::channel::<Job>();
                here = Some((assets, Mutex::new(job_out)));
                (Some(job_in), None)
            }
            Some(assets) => {
                let (job_in, job_out) = mpsc::channel::<Job>();
                let (drawn_in, drawn_out) = mpsc::channel();
                let started = std::thread::Builder::new()
                    .name("mpa-trainer art".to_owned()) // i18n-ok: a thread's name
                    .spawn(move || {
                        for job in job_out {
                            let image = draw_file(&assets, &job.key, job.width);
                            let sent = drawn_in.send(Drawn {
                                key: job.key,
                                width: job.width,
                                image,
                            });
                            if sent.is_err() {
                                return;
                            }
                            wake();
                        }
                    });
                match started {
                    Ok(_) => (Some(job_in), Some(Mutex::new(drawn_out))),
                    Err(e) => {
                        warn!("the pictures cannot be drawn: {e}"); // i18n-ok: the log, not the screen
                        (None, None)
                    }
                }
            }
            None => (None, None),
        };
        Art {
            ready: HashMap::new(),
            asked: HashSet::new(),
            failed: HashSet::new(),
            jobs,
            drawn,
            here,
            pass: 0,
        }
    }

    /// Takes in the pictures drawn since the last pass; returns whether any arrived.
    pub fn receive(&mut self, ctx: &egui::Context) -> bool {
        self.pass += 1;
        let mut received: Vec<Drawn> = self
            .drawn
            .as_ref()
            .and_then(|d| d.lock().ok())
            .map(|d| d.try_iter().collect())
            .unwrap_or_default();
        if let Some((assets, jobs)) = &self.here
            && let Some(job) = jobs.lock().ok().and_then(|j| j.try_recv().ok())
        {
            received.push(Drawn {
                image: draw_file(assets, &job.key, job.width),
                key: job.key,
                width: job.width,
            });
        }
        let mut arrived = false;
        for d in received {
            self.asked.remove(&(d.key.clone(), d.width));
            match d.image {
                Ok(image) => {
                    let name = format!("art:{}@{}", d.key.file(), d.width);
                    let texture = ctx.load_texture(name, image, egui::TextureOptions::LINEAR);
                    self.ready.insert((d.key, d.width), (texture, self.pass));
                    arrived = true;
                }
                Err(e) => {
                    warn!("{e}");
                    self.failed.insert(d.key);
                }
            }
        }
        if self.ready.len() > KEEP {
            let mut by_use: Vec<_> = self
                .ready
                .iter()
                .map(|(k, (_, used))| (*used, k.clone()))
                .collect();
            by_use.sort();
            for (_, key) in by_use.into_iter().take(self.ready.len() - KEEP) {
                self.ready.remove(&key);
            }
        }
        arrived
    }

    /// Whether pictures asked for wait to be drawn on the window's own thread: the window must
    /// draw again to draw them (there is no thread to wake it).
    pub fn waiting_here(&self) -> bool {
        self.here.is_some() && !self.asked.is_empty()
    }

    /// The picture `pixels` wide, if drawn; else it is asked for, and the same picture at
    /// another width stands in if there is one.
    pub fn texture(&mut self, key: &ArtKey, pixels: f32) -> Option<egui::TextureId> {
        if self.failed.contains(key) {
            return None;
        }
        let width = width_step(pixels);
        let wanted = (key.clone(), width);
        if let Some((texture, used)) = self.ready.get_mut(&wanted) {
            *used = self.pass;
            return Some(texture.id());
        }
        if !self.asked.contains(&wanted)
            && let Some(jobs) = &self.jobs
            && jobs
                .send(Job {
                    key: key.clone(),
                    width,
                })
                .is_ok()
        {
            self.asked.insert(wanted);
        }
        self.ready
            .iter()
            .filter(|((k, _), _)| k == key)
            .min_by_key(|((_, w), _)| w.abs_diff(width))
            .map(|(_, (texture, _))| texture.id())
    }
}

/// Starts the drawing thread for the course's assets folder.
pub fn plugin(app: &mut App) {
    app.add_systems(Startup, start_art);
}

fn start_art(
    mut commands: Commands,
    source: Res<crate::app::course::CourseSource>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let proxy = proxy.map(|p| (**p).clone());
    let wake = move || {
        if let Some(p) = &proxy {
            let _ = p.send_event(WinitUserEvent::WakeUp);
        }
    };
    commands.insert_resource(Art::start(source.options.assets.clone(), wake));
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5"><rect x="0" y="0" width="5" height="5" fill="#ff0000"/></svg>"##;

    #[test]
    fn an_svg_is_drawn_at_the_width_asked_with_its_proportions() {
        let image = rasterize(SQUARE.as_bytes(), 200, Path::new("t.svg")).unwrap();
        assert_eq!(image.size, [200, 100]);
        // The left half is red and opaque, the right half transparent.
        assert_eq!(
            image.pixels[50 * 200 + 50],
            egui::Color32::from_rgb(255, 0, 0)
        );
        assert_eq!(image.pixels[50 * 200 + 150].a(), 0);
    }

    #[test]
    fn a_broken_svg_is_an_error_that_names_the_file() {
        let e = rasterize(b"<svg", 100, Path::new("people/x/calm.svg")).unwrap_err();
        assert!(e.to_string().contains("people/x/calm.svg"), "{e}");
    }

    #[test]
    fn widths_are_drawn_in_steps() {
        assert_eq!(width_step(1.0), 64);
        assert_eq!(width_step(64.0), 64);
        assert_eq!(width_step(65.0), 128);
        assert_eq!(width_step(100_000.0), MAX_WIDTH);
    }

    #[test]
    fn a_picture_is_asked_once_and_arrives_as_a_texture() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("places")).unwrap();
        std::fs::write(dir.path().join("places/bar.svg"), SQUARE).unwrap();
        let (woke, wakes) = mpsc::channel();
        let mut art = Art::start(Some(dir.path().to_owned()), move || {
            let _ = woke.send(());
        });
        let ctx = egui::Context::default();
        let key = ArtKey::Place(Place::Bar);
        assert_eq!(art.texture(&key, 300.0), None, "not drawn yet");
        assert_eq!(art.texture(&key, 300.0), None);
        assert!(!art.asked.is_empty());
        wakes
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        assert!(art.receive(&ctx));
        assert!(art.texture(&key, 300.0).is_some());
        assert!(art.asked.is_empty(), "asked once, drawn once");
        // A missing file is told once and never asked again.
        let missing = ArtKey::Place(Place::Clinic);
        assert_eq!(art.texture(&missing, 300.0), None);
        wakes
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        assert!(!art.receive(&ctx));
        assert_eq!(art.texture(&missing, 300.0), None);
        assert!(art.asked.is_empty());
    }
}
