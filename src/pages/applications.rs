//! The list of applications: instant search, filters and sort, all kept in the URL.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::browser::{format_date, today};
use crate::components::application::list_filters::ListFilters;
use crate::components::application::stage_badge::StageBadge;
use crate::model::query::{ListQuery, SearchIndex};
use crate::model::Stage;
use crate::routes::AppRoute;
use crate::state::use_store;

#[derive(Clone, PartialEq)]
struct Row {
    id: uuid::Uuid,
    company: String,
    role: String,
    stage: Stage,
    applied_on: Option<chrono::NaiveDate>,
    needs_feedback: bool,
    follow_up_due: bool,
    sample: bool,
}

/// Rows rendered at first and per "Show more": enough to fill any screen, few enough that
/// a keystroke in the search box re-renders within a frame even with thousands stored.
const PAGE: usize = 30;

#[component]
pub(crate) fn Applications() -> impl IntoView {
    crate::browser::set_title("Applications");
    let store = use_store();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ListQuery::from_params(|k| p.get_str(k))));
    let total = Memo::new(move |_| store.data.with(|d| d.applications.len()));
    // Lowercased once per change of the data, not once per keystroke.
    let index = Memo::new(move |_| store.data.with(SearchIndex::new));
    let rows = Memo::new(move |_| {
        let q = query.get();
        let today = today();
        store.data.with(|d| {
            index
                .with(|index| q.apply_indexed(d, index, today))
                .into_iter()
                .map(|a| Row {
                    id: a.id,
                    company: a.company.clone(),
                    role: a.role.clone(),
                    stage: a.stage(),
                    applied_on: a.applied_on,
                    needs_feedback: a.needs_feedback(),
                    follow_up_due: a.feedback.follow_up_due_by(today),
                    sample: a.sample,
                })
                .collect::<Vec<_>>()
        })
    });

    let limit = RwSignal::new(PAGE);
    // A new search or filter starts again from the top.
    Effect::new(move |_| {
        query.track();
        limit.set(PAGE);
    });
    let visible = move || rows.with(|r| r.iter().take(limit.get()).cloned().collect::<Vec<_>>());
    let hidden = move || rows.with(Vec::len).saturating_sub(limit.get());

    view! {
        <div class="page-head">
            <h1>"Applications"</h1>
            <A href=AppRoute::NewApplication.href() attr:class="button">"Add application"</A>
        </div>
        <Show
            when=move || { total.get() > 0 }
            fallback=|| view! { <p class="card">"No applications yet. Add the first one to get started."</p> }
        >
            <ListFilters query=query/>
            <p class="muted" role="status">{move || {
                let (shown, all) = (rows.with(Vec::len), total.get());
                if shown == all { format!("{all} applications") } else { format!("Showing {shown} of {all} applications") }
            }}</p>
            <ul class="app-list" aria-label="Your applications">
                <For each=visible key=|r| (r.id, r.stage, r.needs_feedback, r.follow_up_due) let:row>
                    <li class="card app-row">
                        // A plain link: the router still handles the click, and a row
                        // needs none of `<A>`'s active-link tracking (cheaper per row).
                        <a href=AppRoute::Application(row.id).href()>
                            <span class="app-company">{row.company.clone()}</span>
                            <span class="app-role">{row.role.clone()}</span>
                        </a>
                        <StageBadge stage=row.stage/>
                        {row.needs_feedback.then(|| view! { <span class="badge due">"Needs feedback"</span> })}
                        {row.follow_up_due.then(|| view! { <span class="badge due">"Follow-up due"</span> })}
                        {row.sample.then(|| view! { <span class="badge">"Sample"</span> })}
                        <span class="muted">
                            {row.applied_on.map(|d| format!("Applied {}", format_date(d))).unwrap_or_else(|| "Not applied yet".into())}
                        </span>
                        <button type="button" class="secondary small" disabled=move || !store.writable()
                            aria-label=format!("Delete {} at {}", row.role, row.company)
                            on:click=move |_| store.delete_application(row.id)>"Delete"</button>
                    </li>
                </For>
            </ul>
            <Show when=move || { hidden() > 0 }>
                <p class="actions">
                    <button type="button" class="secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {move || format!("Show {} more ({} not shown)", hidden().min(PAGE), hidden())}
                    </button>
                </p>
            </Show>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="card">"Nothing matches this search. Try fewer filters."</p>
            </Show>
        </Show>
    }
}
