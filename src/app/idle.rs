//! Keeps the window asleep while a trainee reads, and draws as few frames as the screen needs.
//!
//! On a laptop without a GPU every frame is drawn in software and costs tens of milliseconds,
//! so each frame that shows nothing new is a waste. What kept the window drawing, and what
//! this plugin does about it:
//! - bevy_egui 0.42 pushes `ModifiersChanged` into every frame's egui input, and egui 0.36
//!   answers any input event by asking for another frame, so the app redrew forever. The
//!   event is dropped when the modifier keys did not change.
//! - egui asks for two frames for every input event, and bevy_egui passes each request on
//!   twice (a wake-up message to the window loop during the pass, and a redraw request after
//!   it). The wake-up is turned off: the redraw request after the pass carries every request.
//! - The window loop reads redraw requests with a fresh cursor after every frame, so a
//!   request left in the buffer asked for one more frame. Read requests are forgotten.
//! - A mouse move over text changes nothing on screen but still asked for more frames. When
//!   a frame's only input was the pointer moving and egui drew exactly what it drew before,
//!   egui's request for another frame is dropped; not when the window changed size (a phone
//!   turned), whose first frame still has the old layout.
//! - bevy_egui gives egui the time the frame before was drawn, seconds old after a sleep, so a
//!   tap on a touch screen seemed to last seconds and was not a click. egui reads the clock.
//! - bevy_egui turns egui's "draw again in half a second" into "draw again now", so the window
//!   drew continuously until the time came. Such a request wakes the window at that time
//!   instead, from a timer thread (in a browser, the page's timer).

use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::{
    EguiContext, EguiFullOutput, EguiInput, EguiInputSet, EguiPostUpdateSet, EguiPreUpdateSet,
};
#[cfg(not(target_arch = "wasm32"))]
use std::sync::mpsc;
use std::time::Duration;

/// Registers the filters around bevy_egui's own systems.
pub fn plugin(app: &mut App) {
    app.init_resource::<ThisFrame>()
        .add_systems(Startup, start_alarm)
        .add_systems(First, forget_read_redraw_requests)
        .add_systems(
            PreUpdate,
            (
                no_wake_up_during_pass.after(EguiPreUpdateSet::InitContexts),
                (drop_unchanged_modifiers, read_the_clock)
                    .after(EguiInputSet::WriteEguiEvents)
                    .before(EguiPreUpdateSet::BeginPass),
            ),
        )
        .add_systems(
            PostUpdate,
            (
                compare_with_last_frame
                    .after(EguiPostUpdateSet::EndPass)
                    .before(EguiPostUpdateSet::ProcessOutput),
                drop_needless_redraw.after(EguiPostUpdateSet::ProcessOutput),
            ),
        );
}

/// What this frame brought, for deciding whether the next one is needed.
#[derive(Resource, Debug, Default)]
struct ThisFrame {
    /// The only input was the pointer moving or leaving the window (or there was none).
    pointer_only: bool,
    /// egui drew the same shapes as the frame before, with no texture change.
    unchanged: bool,
    /// Redraw requests written this frame before egui's own (by the app or Bevy).
    other_requests: usize,
    /// When egui wants the next frame: at once (zero), later, or never (`Duration::MAX`).
    egui_wants: Duration,
}

/// Wakes the window at a time: through the timer thread on the desktop, with the page's own
/// timer in a browser (which has no threads). Absent when the window has no event loop (tests).
#[derive(Resource)]
pub struct Alarm(Box<dyn Fn(Instant) + Send + Sync>);

impl Alarm {
    /// Wakes the window at `at` (at once if it has passed), for one frame.
    pub fn ring_at(&self, at: Instant) {
        (self.0)(at);
    }
}

fn start_alarm(mut commands: Commands, proxy: Option<Res<EventLoopProxyWrapper>>) {
    let Some(proxy) = proxy else { return };
    let proxy = (**proxy).clone();
    #[cfg(target_arch = "wasm32")]
    commands.insert_resource(Alarm(Box::new(move |at| {
        let proxy = proxy.clone();
        let ms = at.saturating_duration_since(Instant::now()).as_millis();
        super::web::after(i32::try_from(ms).unwrap_or(i32::MAX), move || {
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        });
    })));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (send, receive) = mpsc::channel();
        let started = std::thread::Builder::new()
            .name("mpa-trainer alarm".to_owned()) // i18n-ok: a thread name
            .spawn(move || {
                ring_when_due(&receive, || {
                    let _ = proxy.send_event(WinitUserEvent::WakeUp);
                });
            });
        // Without the thread, a delayed frame waits for the next input: nothing is lost.
        if started.is_ok() {
            commands.insert_resource(Alarm(Box::new(move |at| {
                let _ = send.send(at);
            })));
        }
    }
}

/// Calls `ring` at the earliest time received, then waits for the next; returns when the
/// sending side is gone.
#[cfg(not(target_arch = "wasm32"))]
fn ring_when_due(times: &mpsc::Receiver<Instant>, mut ring: impl FnMut()) {
    let mut due: Option<Instant> = None;
    loop {
        let next = match due {
            None => times
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
            Some(at) => times.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        match next {
            Ok(at) => due = Some(due.map_or(at, |d| d.min(at))),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                due = None;
                ring();
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// At the start of a frame, every redraw request of the previous one has been acted on.
fn forget_read_redraw_requests(mut requests: ResMut<Messages<RequestRedraw>>) {
    if !requests.is_empty() {
        requests.clear();
    }
}

/// Replaces bevy_egui's repaint callback, once per context, after bevy_egui has set it.
fn no_wake_up_during_pass(
    mut contexts: Query<(Entity, &mut EguiContext)>,
    map: Res<bevy_egui::input::WindowToEguiContextMap>,
    mut done: Local<Vec<Entity>>,
) {
    for (entity, mut context) in &mut contexts {
        if map.context_to_window.contains_key(&entity) && !done.contains(&entity) {
            context.get_mut().set_request_repaint_callback(|_| {});
            done.push(entity);
        }
    }
}

/// Drops unchanged modifier events and notes whether the pointer moving was all that happened.
/// A window that changed size is more: the frame drawn at once may still have the old layout,
/// so one more is asked for.
fn drop_unchanged_modifiers(
    mut inputs: Query<&mut EguiInput>,
    windows: Query<&Window>,
    mut last: Local<Option<egui::Modifiers>>,
    mut last_sizes: Local<Vec<[f32; 3]>>,
    mut frame: ResMut<ThisFrame>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let sizes: Vec<[f32; 3]> = windows
        .iter()
        .map(|w| [w.width(), w.height(), w.scale_factor()])
        .collect();
    frame.pointer_only = *last_sizes == sizes;
    if !frame.pointer_only {
        redraw.write(RequestRedraw);
    }
    *last_sizes = sizes;
    for mut input in &mut inputs {
        let previous = *last;
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(m) => {
                let changed = previous != Some(*m);
                *last = Some(*m);
                changed
            }
            _ => true,
        });
        frame.pointer_only &= pointer_only(&input.events);
    }
}

/// Gives egui the time of this frame. bevy_egui passes Bevy's clock, which is set to when the
/// frame before was drawn: after the window slept while a trainee read, that is seconds ago.
/// A finger's press then seemed to have started long before its release, longer than a click
/// may last, and the first tap after reading was lost (a mouse moves first, which draws frames
/// and hides it).
fn read_the_clock(mut inputs: Query<&mut EguiInput>, clock: Res<Time<Real>>) {
    let now = clock.startup().elapsed().as_secs_f64();
    for mut input in &mut inputs {
        input.time = Some(now);
    }
}

/// Whether these events only move the pointer (or take it out of the window): nothing that
/// could press, type or act, so an unchanged picture means there is nothing more to draw.
fn pointer_only(events: &[egui::Event]) -> bool {
    events.iter().all(|event| {
        matches!(
            event,
            egui::Event::PointerMoved(_) | egui::Event::MouseMoved(_) | egui::Event::PointerGone
        )
    })
}

/// Notes whether egui drew anything new, when it wants the next frame, and whether anything
/// else asked for one.
fn compare_with_last_frame(
    outputs: Query<&EguiFullOutput>,
    requests: Res<Messages<RequestRedraw>>,
    mut last: Local<Vec<egui::epaint::ClippedShape>>,
    mut frame: ResMut<ThisFrame>,
) {
    frame.other_requests = requests.len();
    frame.unchanged = true;
    frame.egui_wants = Duration::MAX;
    for output in &outputs {
        let Some(full) = &output.0 else {
            frame.unchanged = false;
            continue;
        };
        if let Some(root) = full.viewport_output.get(&egui::ViewportId::ROOT) {
            frame.egui_wants = frame.egui_wants.min(root.repaint_delay);
        }
        if !full.textures_delta.is_empty() || full.shapes != *last {
            frame.unchanged = false;
            last.clone_from(&full.shapes);
        }
    }
}

/// Keeps egui's request for another frame only when that frame can show something new, and
/// turns a request for a frame later into a wake-up at that time.
fn drop_needless_redraw(
    frame: Res<ThisFrame>,
    alarm: Option<Res<Alarm>>,
    mut requests: ResMut<Messages<RequestRedraw>>,
) {
    if frame.other_requests > 0 {
        return;
    }
    if frame.egui_wants.is_zero() {
        if frame.pointer_only && frame.unchanged {
            requests.clear();
        }
    } else if frame.egui_wants < Duration::MAX {
        requests.clear();
        let due = Instant::now().checked_add(frame.egui_wants);
        if let (Some(alarm), Some(due)) = (alarm, due) {
            alarm.ring_at(due);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alarm_rings_once_at_the_earliest_time_and_stops_with_its_sender() {
        let (send, receive) = mpsc::channel();
        let (rang, rings) = mpsc::channel();
        let start = Instant::now();
        let timer = std::thread::spawn(move || {
            ring_when_due(&receive, || rang.send(Instant::now()).unwrap());
        });
        send.send(start + Duration::from_millis(400)).unwrap();
        send.send(start + Duration::from_millis(50)).unwrap();
        let first = rings.recv().unwrap();
        assert!(first >= start + Duration::from_millis(50));
        // The later time was folded into the earlier one: no second ring comes.
        assert!(rings.recv_timeout(Duration::from_millis(600)).is_err());
        drop(send);
        timer.join().unwrap();
    }

    #[test]
    fn only_pointer_movement_counts_as_pointer_only() {
        let moved = egui::Event::PointerMoved(egui::pos2(10.0, 20.0));
        assert!(pointer_only(&[]));
        assert!(pointer_only(&[
            moved.clone(),
            egui::Event::MouseMoved(egui::vec2(1.0, 0.0)),
            egui::Event::PointerGone,
        ]));
        let click = egui::Event::PointerButton {
            pos: egui::pos2(10.0, 20.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        };
        let key = egui::Event::Key {
            key: egui::Key::Num1,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        for other in [
            click,
            key,
            egui::Event::Text("a".to_owned()),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: egui::vec2(0.0, -1.0),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
            },
            egui::Event::ModifiersChanged(egui::Modifiers::CTRL),
            egui::Event::WindowFocused(true),
        ] {
            assert!(!pointer_only(&[moved.clone(), other.clone()]), "{other:?}");
        }
    }
}
