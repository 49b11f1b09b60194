//! One application: everything about it, its timeline, interviews, contacts and the
//! feedback conversation after a rejection.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use uuid::Uuid;

use crate::browser::{format_date, today};
use crate::components::application::contacts_editor::ContactsEditor;
use crate::components::application::feedback_panel::FeedbackPanel;
use crate::components::application::ghosted_prompt::GhostedPrompt;
use crate::components::application::interview_rounds::InterviewRounds;
use crate::components::application::interviewing_prompt::InterviewingPrompt;
use crate::components::application::stage_badge::StageBadge;
use crate::components::application::stage_change_form::StageChangeForm;
use crate::model::feedback::FeedbackStatus;
use crate::model::reflection::ReflectionStatus;
use crate::model::Stage;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn ApplicationDetail() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let navigate = use_navigate();
    // Which application "Not now" was pressed for on the "Move to Interviewing?"
    // prompt. Kept here, outside the redraw below, so the answer survives other edits.
    let interviewing_dismissed = RwSignal::new(None::<Uuid>);
    let app = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()))?;
        store.data.with(|d| d.application(id).cloned())
    });

    move || match app.get() {
        None => {
            crate::browser::set_title("Application not found");
            view! {
                <h1>"Application not found"</h1>
                <p class="card">"There's no application at this address. It may have been deleted, or the link is incomplete."</p>
                <p><A href=AppRoute::applications().href()>"Back to applications"</A></p>
            }
            .into_any()
        }
        Some(a) => {
            crate::browser::set_title(&format!("{} at {}", a.role, a.company));
            let id = a.id;
            let field = |label: &'static str, value: String| {
                (!value.is_empty()).then(|| view! { <dt>{label}</dt><dd>{value}</dd> })
            };
            let link = crate::model::application::is_web_link(&a.link).then(|| {
                view! { <dt>"Job ad"</dt><dd><a href=a.link.clone() rel="noopener noreferrer" target="_blank">{a.link.clone()}</a></dd> }
            });
            let company_href = AppRoute::Company(a.company.clone()).href();
            let show_feedback =
                a.stage() == Stage::Rejected || a.feedback.status != FeedbackStatus::NotAsked;
            let ghosted_days = a
                .ghosted_suggested(today())
                .then(|| (today() - a.last_activity()).num_days());
            let reflection = store
                .data
                .with_untracked(|d| d.reflection_for(id).map(|r| r.status));
            // Offered right after a rejection, until a reflection is complete.
            let offer_reflection =
                a.stage() == Stage::Rejected && reflection != Some(ReflectionStatus::Complete);
            // Elsewhere, only where reflecting fits the stage, in words that fit it
            // (never "rejection" on an offer); one already started is always reachable.
            let reflect_action = match reflection {
                Some(ReflectionStatus::Complete) => Some("View reflection"),
                Some(ReflectionStatus::Draft) => Some("Continue reflection"),
                None => a.stage().reflect_invite(),
            }
            .filter(|_| !offer_reflection);
            let offer_label = if reflection.is_some() {
                "Continue your reflection"
            } else {
                "Reflect on this rejection"
            };
            let interviewing_on = a.interviewing_suggested(today());
            let current = a.stage();
            let navigate = navigate.clone();
            let delete = move |_| {
                store.delete_application(id);
                navigate(&AppRoute::applications().path(), Default::default());
            };
            view! {
                <p class="breadcrumb"><A href=AppRoute::applications().href() exact=true>"← All applications"</A></p>
                <div class="page-head">
                    <h1>{a.company.clone()}<span class="subtitle">{a.role.clone()}</span></h1>
                    <div class="head-side">
                        <StageBadge stage=a.stage()/>
                        {a.sample.then(|| view! { <span class="badge">"Sample"</span> })}
                    </div>
                </div>
                <div class="actions page-actions">
                    <A href=AppRoute::EditApplication(id).href() attr:class="button secondary">"Edit"</A>
                    {reflect_action.map(|label| view! {
                        <A href=AppRoute::reflect(id).href() attr:class="button secondary">{label}</A>
                    })}
                    <A href=company_href.clone() attr:class="button secondary">{format!("All at {}", a.company)}</A>
                    <button type="button" class="secondary danger" disabled=move || !store.writable() on:click=delete>"Delete"</button>
                </div>
                {ghosted_days.map(|days| view! { <GhostedPrompt app_id=id days=days/> })}
                {offer_reflection.then(|| view! {
                    <aside class="reminder reflect-offer" aria-labelledby="reflect-offer-title">
                        <h2 id="reflect-offer-title">"Turn this no into progress"</h2>
                        <p>"Five short steps: skills, interview techniques, opportunities, what you learned about yourself, and your confidence."</p>
                        <A href=AppRoute::reflect(id).href() attr:class="button">{offer_label}</A>
                    </aside>
                })}
                {show_feedback.then(|| view! { <FeedbackPanel app=a.clone()/> })}
                <section class="card" aria-labelledby="details">
                    <h2 id="details">"Details"</h2>
                    <dl class="details">
                        {field("Applied", a.applied_on.map(format_date).unwrap_or_else(|| "Not yet".into()))}
                        {link}
                        {field("Location", a.location.clone())}
                        {field("Salary", a.salary_text().unwrap_or_default())}
                        {field("Closing date", a.closing_on.map(format_date).unwrap_or_default())}
                        {field("Priority", a.priority.map(|p| p.short_label().to_owned()).unwrap_or_default())}
                        {field("Found via", a.source.clone())}
                        {field("Tags", a.tags.join(", "))}
                        {field("Notes", a.notes.clone())}
                    </dl>
                </section>
                <section class="card" aria-labelledby="timeline">
                    <h2 id="timeline" tabindex="-1">"Timeline"</h2>
                    <ol class="timeline">
                        {a.history.iter().map(|c| view! {
                            <li><time datetime=c.on.to_string()>{format_date(c.on)}</time>" "<StageBadge stage=c.stage/></li>
                        }).collect_view()}
                    </ol>
                    <StageChangeForm id=a.id current=a.stage()/>
                </section>
                <InterviewRounds app_id=id rounds=a.interviews.clone()>
                    {interviewing_on.map(|on| view! {
                        <InterviewingPrompt app_id=id current=current on=on dismissed=interviewing_dismissed/>
                    })}
                </InterviewRounds>
                <ContactsEditor app_id=id contacts=a.contacts.clone()/>
            }
            .into_any()
        }
    }
}
