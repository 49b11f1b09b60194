//! One company: every application there, how each ended, the feedback, and the user's
//! notes on the relationship.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::browser::format_date;
use crate::components::application::stage_badge::StageBadge;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn Company() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let name = Memo::new(move |_| params.with(|p| p.get("name").unwrap_or_default()));
    let apps = Memo::new(move |_| {
        let name = name.get();
        store
            .data
            .with(|d| d.applications_at(&name).cloned().collect::<Vec<_>>())
    });
    let display = move || {
        apps.with(|a| a.first().map(|x| x.company.clone()))
            .unwrap_or_else(|| name.get())
    };
    let notes = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<&'static str>);
    Effect::new(move |_| {
        let n = name.get();
        notes.set(store.data.with_untracked(|d| {
            d.company_note(&n)
                .map(|c| c.notes.clone())
                .unwrap_or_default()
        }));
    });
    Effect::new(move |_| crate::browser::set_title(&display()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = display();
        store.update(|d| d.set_company_note(&n, notes.get_untracked(), chrono::Utc::now()));
        saved.set(Some("Notes saved."));
    };
    view! {
        <p class="breadcrumb"><A href=AppRoute::applications().href() exact=true>"← All applications"</A></p>
        <h1>{display}</h1>
        <section class="card" aria-labelledby="company-apps">
            <h2 id="company-apps">"Applications here"</h2>
            <Show when=move || apps.with(Vec::is_empty)>
                <p class="muted">"No applications to this company."</p>
            </Show>
            <ul class="company-apps">
                {move || apps.get().into_iter().map(|a| {
                    let verbatim = a.feedback.verbatim.trim().to_owned();
                    let stage = a.stage();
                    let href = AppRoute::Application(a.id).href();
                    let meta = format!(" · last news {} · feedback: {}", format_date(a.last_activity()), a.feedback.status.label().to_lowercase());
                    view! {
                        <li>
                            <A href=href>{a.role}</A>" "
                            <StageBadge stage=stage/>
                            <span class="muted">{meta}</span>
                            {(!verbatim.is_empty()).then(|| view! { <blockquote class="verbatim">{verbatim}</blockquote> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <form class="card" on:submit=save aria-labelledby="relationship">
            <h2 id="relationship">"Relationship notes"</h2>
            <div class="field">
                <label for="company-notes">"Notes about this company"</label>
                <p class="hint" id="company-notes-hint">"People you met, what they value, when to get back in touch."</p>
                <textarea id="company-notes" rows="5" aria-describedby="company-notes-hint"
                    prop:value=notes on:input=move |ev| { saved.set(None); notes.set(event_target_value(&ev)) }></textarea>
            </div>
            <div class="actions">
                <button type="submit" disabled=move || !store.writable()>"Save notes"</button>
                <span role="status">{saved}</span>
            </div>
        </form>
    }
}
