//! A titled list of dated items on the dashboard (follow-ups, interviews, rejections
//! to reflect on), each linking to its page. A long one shows its first screenful and
//! "Show more": a big notebook can suggest hundreds of ghosted applications, and
//! drawing them all held up the dashboard's first paint.

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::format_date;
use crate::components::show_more::{ShowMore, FIRST};
use crate::model::stats::Due;
use crate::routes::AppRoute;

/// A titled list of dated items, each linking to `link_to(id)`.
#[component]
pub(crate) fn DueList(
    id: &'static str,
    title: &'static str,
    empty: &'static str,
    #[prop(into)] items: Signal<Vec<Due>>,
    link_to: fn(Uuid) -> AppRoute,
) -> impl IntoView {
    let heading = format!("{id}-h");
    let labelled_by = heading.clone();
    let shown = RwSignal::new(FIRST);
    let total = Signal::derive(move || items.with(Vec::len));
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {move || {
                let list = items.get();
                if list.is_empty() {
                    view! { <p class="muted">{empty}</p> }.into_any()
                } else {
                    view! {
                        <ul class="due-list">
                            // Plain links: the router still handles the click, and an
                            // item needs none of `<A>`'s active-link tracking.
                            {list.into_iter().take(shown.get()).map(|d| view! {
                                <li>
                                    <a href=link_to(d.id).href()>{d.label}</a>
                                    <span class="muted">{format!(" · {}", format_date(d.date))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <ShowMore shown=shown total=total what="applications"/>
        </section>
    }
}
