//! A titled list of dated items on the dashboard (follow-ups, interviews, rejections
//! to reflect on), each linking to its page.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::browser::format_date;
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
                            {list.into_iter().map(|d| view! {
                                <li>
                                    <A href=link_to(d.id).href()>{d.label}</A>
                                    <span class="muted">{format!(" · {}", format_date(d.date))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
