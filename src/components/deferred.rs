//! Renders its children a few tasks after the rest of the page: a page that builds
//! several heavy sections at once (Insights on a big notebook) then builds them in
//! separate short tasks, so the first section shows sooner and input isn't blocked.
//! [`AfterPaint`] does the same for small parts of many rows: they follow one frame
//! after the rows themselves, and [`drawn_in_slices`] for the rows of a long view.

use std::time::Duration;

use leptos::prelude::*;

/// Shows `children` after `after` zero-delay timeouts, each its own task.
#[component]
pub(crate) fn Deferred(#[prop(default = 1)] after: u32, children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    wait(after, ready);
    view! { <Show when=move || ready.get()>{children()}</Show> }
}

fn wait(n: u32, ready: RwSignal<bool>) {
    set_timeout(
        move || {
            if n <= 1 {
                // The page may be gone by now: then there is nothing to show.
                let _ = ready.try_set(true);
            } else {
                wait(n - 1, ready);
            }
        },
        Duration::ZERO,
    );
}

/// Shows `children` once the frame after this render is painted. A list row puts its
/// controls here: a search keystroke redraws up to 30 rows, and with their selects and
/// menus that took two frames' time; the rows' text now shows in the first frame after
/// the key, and their controls in the next. A hidden tab paints no frames, so there it
/// only waits for the next task.
#[component]
pub(crate) fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // The row may be gone by now: then there is nothing to show.
    after_paint(move || {
        let _ = ready.try_set(true);
    });
    view! { <Show when=move || ready.get()>{children()}</Show> }
}

/// Runs `f` once the frame after now is painted: the next animation frame, then a task
/// (so the paint happens between). A hidden tab paints no frames: there, the next task.
pub(crate) fn after_paint(f: impl FnOnce() + 'static) {
    let later = move || set_timeout(f, Duration::ZERO);
    if document().hidden() {
        later();
    } else {
        request_animation_frame(later);
    }
}

/// How many of `target` items to draw: `first` in the first frame, then `step` more
/// after each paint until all are drawn, so a view of many rows (the list, the board's
/// columns) shows its top at once and draws the rest in short tasks that let input in.
/// Growing `target` later ("Show more") draws the new items in slices too.
pub(crate) fn drawn_in_slices(first: usize, step: usize, target: Signal<usize>) -> Signal<usize> {
    let drawn = RwSignal::new(first);
    let growing = StoredValue::new(false);
    fn grow(
        drawn: RwSignal<usize>,
        growing: StoredValue<bool>,
        step: usize,
        target: Signal<usize>,
    ) {
        after_paint(move || {
            // The view may be gone by now: then there is nothing to draw.
            let (Some(now), Some(want)) = (drawn.try_get_untracked(), target.try_get_untracked())
            else {
                return;
            };
            if now < want {
                drawn.set(now + step);
                grow(drawn, growing, step, target);
            } else {
                growing.set_value(false);
            }
        });
    }
    Effect::new(move |_| {
        if target.get() > drawn.get_untracked() && !growing.get_value() {
            growing.set_value(true);
            grow(drawn, growing, step, target);
        }
    });
    Signal::derive(move || drawn.get().min(target.get()))
}
