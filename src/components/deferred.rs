//! Renders its children a few tasks after the rest of the page: a page that builds
//! several heavy sections at once (Insights on a big notebook) then builds them in
//! separate short tasks, so the first section shows sooner and input isn't blocked.
//! [`AfterPaint`] does the same for small parts of many rows: they follow one frame
//! after the rows themselves.

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
    let show = move || {
        set_timeout(
            // The row may be gone by now: then there is nothing to show.
            move || {
                let _ = ready.try_set(true);
            },
            Duration::ZERO,
        )
    };
    if document().hidden() {
        show();
    } else {
        request_animation_frame(show);
    }
    view! { <Show when=move || ready.get()>{children()}</Show> }
}
