//! "Show more" under a long list: a big notebook holds thousands of plan items, wins
//! and reflections, and building all their rows in one go froze the page for up to a
//! second. Lists show their first screenful ([`FIRST`]) and this control reveals the
//! rest on request, a slice at a time or all at once, saying how many there are.

use leptos::prelude::*;

/// How many items a long list shows at first: about a screenful.
pub(crate) const FIRST: usize = 25;
/// How many more each "Show more" reveals.
const STEP: usize = 100;

/// The buttons under a list showing `shown` of `total` items; `what` names them in the
/// plural ("wins"). Nothing shows for a short list. Once every item shows, the count
/// stays and takes the focus, so a keyboard user isn't dropped at the top of the page.
#[component]
pub(crate) fn ShowMore(
    shown: RwSignal<usize>,
    #[prop(into)] total: Signal<usize>,
    what: &'static str,
) -> impl IntoView {
    let status = NodeRef::<leptos::html::P>::new();
    let reveal = move |n: usize| {
        shown.set(n);
        if n >= total.get_untracked() {
            if let Some(p) = status.get_untracked() {
                let _ = p.focus();
            }
        }
    };
    view! {
        <Show when=move || { total.get() > FIRST }>
            <div class="show-more">
                <p class="muted" tabindex="-1" node_ref=status>{move || {
                    let (n, total) = (shown.get(), total.get());
                    if n >= total { format!("Showing all {total} {what}.") } else { format!("Showing {n} of {total} {what}.") }
                }}</p>
                {move || {
                    let (n, total) = (shown.get(), total.get());
                    (n < total).then(|| {
                        let more = STEP.min(total - n);
                        view! {
                            {(more < total - n).then(|| view! {
                                <button type="button" class="secondary" on:click=move |_| reveal(n + more)>
                                    {format!("Show {more} more")}
                                </button>
                            })}
                            <button type="button" class="secondary" on:click=move |_| reveal(total)>
                                {format!("Show all {total} {what}")}
                            </button>
                        }
                    })
                }}
            </div>
        </Show>
    }
}
