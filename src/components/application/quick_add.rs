//! Quick add: one line ("Acme — Recruiter", "Recruiter at Acme", or a pasted job
//! link), Enter, and the application is in, at Applied today as the full form starts.
//! When the line lacks a company or a role, two small fields open with what was read
//! and ask only for what is missing: nothing typed is lost.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::focus::focus_later;
use crate::model::quick_add::{self, QuickAdd};
use crate::model::{ApplicationDraft, Field};
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn QuickAddBar() -> impl IntoView {
    let store = use_store();
    let line = RwSignal::new(String::new());
    // What the line said, once it needs completing.
    let pending = RwSignal::new(None::<QuickAdd>);
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<(Uuid, String)>);

    let add = move |q: QuickAdd| {
        if let Some(missing) = q.missing() {
            let focus = if q.company.trim().is_empty() {
                "quick-company"
            } else {
                "quick-role"
            };
            let empty =
                q.company.trim().is_empty() && q.role.trim().is_empty() && q.link.is_empty();
            error.set(Some(missing.to_string()));
            if empty {
                pending.set(None);
                focus_later("quick-add".to_owned());
            } else {
                pending.set(Some(q));
                focus_later(focus.to_owned());
            }
            return;
        }
        let today = crate::browser::today();
        let draft = ApplicationDraft {
            company: q.company.trim().to_owned(),
            role: q.role.trim().to_owned(),
            link: q.link.clone(),
            ..ApplicationDraft::new_for(today)
        };
        match draft.build(Uuid::new_v4(), today, chrono::Utc::now()) {
            Ok(app) => {
                let (id, name) = (app.id, format!("{} at {}", app.role, app.company));
                if store.update(|d| d.add_application(app)).is_none() {
                    error.set(Some("This notebook can't be changed right now.".into()));
                    return;
                }
                line.set(String::new());
                pending.set(None);
                error.set(None);
                added.set(Some((id, name)));
                focus_later("quick-add".to_owned());
            }
            Err(es) => {
                // Say the first problem and keep every field as typed.
                let link_bad = es.iter().any(|e| e.field == Field::Link);
                error.set(es.first().map(|e| e.message.clone()));
                pending.set(Some(q));
                if !link_bad {
                    focus_later("quick-company".to_owned());
                }
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        added.set(None);
        match pending.get_untracked() {
            Some(q) => add(q),
            None => add(quick_add::read(&line.get_untracked())),
        }
    };
    let edit = move |f: fn(&mut QuickAdd, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            pending.update(|p| {
                if let Some(p) = p {
                    f(p, v)
                }
            });
        }
    };
    view! {
        <form class="card quick-add" on:submit=submit novalidate=true>
            <label id="quick-add-label" for="quick-add">"Quick add"</label>
            <div class="quick-add-line">
                <input id="quick-add" type="text" autocomplete="off" placeholder="Company — Role, or paste a job link"
                    aria-describedby="quick-add-hint quick-add-error"
                    prop:value=line
                    on:input=move |ev| {
                        // A new line starts over: the fields below showed the old one.
                        line.set(event_target_value(&ev));
                        pending.set(None);
                    }/>
                <button type="submit" disabled=move || !store.writable()>"Add"</button>
            </div>
            <p id="quick-add-hint" class="hint">"Press Enter to add it as Applied, today."</p>
            <Show when=move || pending.with(Option::is_some)>
                <div class="quick-add-more">
                    <div class="field">
                        <label for="quick-company">"Company"</label>
                        <input id="quick-company" type="text" prop:value=move || pending.with(|p| p.as_ref().map(|p| p.company.clone()).unwrap_or_default())
                            on:input=edit(|p, v| p.company = v)/>
                    </div>
                    <div class="field">
                        <label for="quick-role">"Role"</label>
                        <input id="quick-role" type="text" prop:value=move || pending.with(|p| p.as_ref().map(|p| p.role.clone()).unwrap_or_default())
                            on:input=edit(|p, v| p.role = v)/>
                    </div>
                    {move || pending.with(|p| p.as_ref().filter(|p| !p.link.is_empty()).map(|p| view! {
                        <p class="hint quick-link">"Link: "{p.link.clone()}</p>
                    }))}
                </div>
            </Show>
            <p id="quick-add-error" class="field-error" role="alert">{error}</p>
            <p role="status" class="quick-added">
                {move || added.get().map(|(id, name)| view! {
                    "Added "{name.clone()}" (Applied, today). "
                    <a href=AppRoute::Application(id).href()>{format!("Open {name}")}</a>
                })}
            </p>
        </form>
    }
}
