//! The list of applications, newest first.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::stage_badge::StageBadge;
use crate::state::use_store;

#[component]
pub(crate) fn Applications() -> impl IntoView {
    crate::browser::set_title("Applications");
    let store = use_store();
    let rows = Memo::new(move |_| {
        store.data.with(|d| {
            d.applications_newest_first()
                .into_iter()
                .map(|a| {
                    (
                        a.id,
                        a.company.clone(),
                        a.role.clone(),
                        a.stage(),
                        a.applied_on,
                    )
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <div class="page-head">
            <h1>"Applications"</h1>
            <A href=crate::browser::app_path("/applications/new") attr:class="button">"Add application"</A>
        </div>
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! { <p class="card">"No applications yet. Add the first one to get started."</p> }
        >
            <ul class="app-list" aria-label="Your applications">
                <For each=move || rows.get() key=|r| r.0 let:row>
                    <li class="card app-row">
                        <A href=crate::browser::app_path(&format!("/applications/{}", row.0))>
                            <span class="app-company">{row.1.clone()}</span>
                            <span class="app-role">{row.2.clone()}</span>
                        </A>
                        <StageBadge stage=row.3/>
                        <span class="muted">
                            {row.4.map(|d| format!("Applied {}", crate::browser::format_date(d))).unwrap_or_else(|| "Not applied yet".into())}
                        </span>
                    </li>
                </For>
            </ul>
        </Show>
    }
}
