//! Renders its children a few tasks after the rest of the page: a page that builds
//! several heavy sections at once (Insights on a big notebook) then builds them in
//! separate short tasks, so the first section shows sooner and input isn't blocked.

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
