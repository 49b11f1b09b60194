//! The reflection pages: the list of what to reflect on (`/reflect`) and one
//! application's reflection (`/reflect/:id`): the wizard while it is a draft, the
//! summary once complete. The list shows its first screenful (what's still to do
//! first) and "Show more", so a big notebook opens it without a long freeze.

use crate::model::order;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::components::reflection::reflection_summary::ReflectionSummary;
use crate::components::reflection::reflection_wizard::ReflectionWizard;
use crate::components::show_more::{ShowMore, FIRST};
use crate::model::reflection::{Benefit, ReflectionStatus};
use crate::model::Stage;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn ReflectList() -> impl IntoView {
    crate::browser::set_title("Reflect");
    let store = use_store();
    let rows = Memo::new(move |_| {
        store.data.with(|d| {
            // One map, not a search of every reflection for each application.
            let status: HashMap<Uuid, ReflectionStatus> = d
                .reflections
                .iter()
                .rev()
                .map(|r| (r.application_id, r.status))
                .collect();
            let mut rows: Vec<_> = d
                .applications
                .iter()
                .filter(|a| a.stage() == Stage::Rejected || status.contains_key(&a.id))
                .map(|a| {
                    (
                        a.id,
                        format!("{} at {}", a.role, a.company),
                        status.get(&a.id).copied(),
                    )
                })
                .collect();
            order::sort_by_key(&mut rows, |r| r.2 == Some(ReflectionStatus::Complete));
            rows
        })
    });
    let shown = RwSignal::new(FIRST);
    let total = Signal::derive(move || rows.with(Vec::len));
    view! {
        <h1>"Reflect on a rejection"</h1>
        <p>"A no hurts, and it also teaches. Five short steps, one for each thing feedback gives you:"</p>
        <ol class="card benefits">
            {Benefit::ALL.into_iter().map(|b| view! {
                <li><strong>{b.title()}</strong><span>{crate::components::reflection::reflection_wizard::step_intro(b, true)}</span></li>
            }).collect_view()}
        </ol>
        <section class="card" aria-labelledby="to-reflect">
            <h2 id="to-reflect">"Your rejections and reflections"</h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted">"Nothing to reflect on yet. When an application is rejected, it appears here. You can also reflect on any application from its page."</p>
            </Show>
            <ul class="due-list">
                {move || rows.get().into_iter().take(shown.get()).map(|(id, label, status)| {
                    let (text, state) = match status {
                        None => ("Start reflecting", "Not started"),
                        Some(ReflectionStatus::Draft) => ("Continue", "Draft"),
                        Some(ReflectionStatus::Complete) => ("View", "Complete"),
                    };
                    view! {
                        <li>
                            <A href=AppRoute::reflect(id).href() attr:aria-label=format!("{text}: {label}")>{text}</A>
                            {format!(": {label} · {state}")}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ShowMore shown total what="applications"/>
        </section>
    }
}

#[component]
pub(crate) fn Reflect() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    // `?edit=N`: a finished reflection opened for editing at step N. Editing is a view,
    // not a status: the reflection stays complete, and leaving the editor (Done, or
    // any link) shows the summary again.
    let query = use_query_map();
    let edit_step = Memo::new(move |_| {
        query.with(|q| {
            q.get("edit")
                .and_then(|s| s.parse::<u8>().ok())
                .filter(|n| (1..=5).contains(n))
        })
    });
    let app_id = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()))?;
        store.data.with(|d| d.application(id).map(|a| a.id))
    });
    // Opening the page starts the draft (once); after that it is found again.
    Effect::new(move |_| {
        if let Some(aid) = app_id.get() {
            if store
                .data
                .with_untracked(|d| d.reflection_for(aid).is_none())
                && store.writable()
            {
                store.update(|d| {
                    d.start_reflection(aid, Uuid::new_v4(), chrono::Utc::now());
                });
            }
        }
    });
    let state = Memo::new(move |_| {
        let aid = app_id.get()?;
        store.data.with(|d| {
            let a = d.application(aid)?;
            let r = d.reflection_for(aid);
            Some((
                aid,
                format!("{} at {}", a.role, a.company),
                r.map(|r| (r.id, r.status)),
                edit_step.get(),
            ))
        })
    });
    move || match state.get() {
        None => {
            crate::browser::set_title("Reflection not found");
            view! {
                <h1>"Reflection not found"</h1>
                <p class="card">"There's no application at this address."</p>
                <p><A href=AppRoute::ReflectList.href()>"See what to reflect on"</A></p>
            }
            .into_any()
        }
        Some((aid, label, None, _)) => {
            crate::browser::set_title(&format!("Reflect: {label}"));
            view! {
                <h1>{format!("Reflect: {label}")}</h1>
                <p class="card">"Saving is paused, so a reflection can't be started right now."</p>
                <p><A href=AppRoute::Application(aid).href()>"Back to the application"</A></p>
            }
            .into_any()
        }
        Some((aid, label, Some((rid, status)), edit)) => {
            let editing =
                status == ReflectionStatus::Complete && edit.is_some() && store.writable();
            let title = match (status, editing) {
                (ReflectionStatus::Draft, _) => format!("Reflect: {label}"),
                (ReflectionStatus::Complete, true) => format!("Edit reflection: {label}"),
                (ReflectionStatus::Complete, false) => format!("Reflection: {label}"),
            };
            crate::browser::set_title(&title);
            view! {
                <p class="breadcrumb no-print"><A href=AppRoute::Application(aid).href() exact=true>"← Back to the application"</A></p>
                <h1>{title}</h1>
                {match (status, editing) {
                    (ReflectionStatus::Draft, _) => view! { <ReflectionWizard reflection_id=rid application_id=aid/> }.into_any(),
                    (ReflectionStatus::Complete, true) => view! {
                        <p class="notice editing-note">"Your reflection stays finished while you change it. Changes save as you type; press Done to see the summary."</p>
                        <ReflectionWizard reflection_id=rid application_id=aid editing=true start_at=edit/>
                    }.into_any(),
                    (ReflectionStatus::Complete, false) => view! { <ReflectionSummary reflection_id=rid application_id=aid/> }.into_any(),
                }}
            }
            .into_any()
        }
    }
}
