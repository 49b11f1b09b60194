//! The first page: what is going on in the search, at a glance.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::Stage;
use crate::state::use_store;

#[component]
pub(crate) fn Dashboard() -> impl IntoView {
    crate::browser::set_title("Dashboard");
    let store = use_store();
    let counts = Memo::new(move |_| {
        store.data.with(|d| {
            Stage::ALL
                .into_iter()
                .map(|s| (s, d.applications.iter().filter(|a| a.stage() == s).count()))
                .filter(|(_, n)| *n > 0)
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| store.data.with(|d| d.applications.len()));

    view! {
        <h1>"Dashboard"</h1>
        <Show
            when=move || { total.get() > 0 }
            fallback=|| view! {
                <section class="card empty-state" aria-labelledby="welcome">
                    <h2 id="welcome">"Welcome to Knockback"</h2>
                    <p>"Keep your whole job search in one place, and turn every rejection into feedback you can use."</p>
                    <p>"Everything you write stays in this browser. No account, no server, nothing sent anywhere."</p>
                    <A href=crate::browser::app_path("/applications/new") attr:class="button">"Add your first application"</A>
                </section>
            }
        >
            <section class="card" aria-labelledby="by-stage">
                <h2 id="by-stage">"Applications by stage"</h2>
                <p>{move || format!("{} in total", total.get())}</p>
                <ul class="stage-counts">
                    {move || counts.get().into_iter().map(|(s, n)| view! {
                        <li><span class=format!("badge stage-{}", s.key())>{s.label()}</span>" "<strong>{n}</strong></li>
                    }).collect_view()}
                </ul>
                <p class="actions">
                    <A href=crate::browser::app_path("/applications") attr:class="button secondary">"See all applications"</A>
                    <A href=crate::browser::app_path("/applications/new") attr:class="button">"Add application"</A>
                </p>
            </section>
        </Show>
    }
}
