//! One application: its details and the dated history of its stages.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::browser::format_date;
use crate::components::stage_badge::StageBadge;
use crate::components::stage_change_form::StageChangeForm;
use crate::state::use_store;

#[component]
pub(crate) fn ApplicationDetail() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
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
                <p><A href=crate::browser::app_path("/applications")>"Back to applications"</A></p>
            }
            .into_any()
        }
        Some(a) => {
            crate::browser::set_title(&format!("{} at {}", a.role, a.company));
            let field = |label: &'static str, value: String| {
                (!value.is_empty()).then(|| view! { <dt>{label}</dt><dd>{value}</dd> })
            };
            let link = crate::model::application::is_web_link(&a.link).then(|| {
                view! { <dt>"Job ad"</dt><dd><a href=a.link.clone() rel="noopener noreferrer" target="_blank">{a.link.clone()}</a></dd> }
            });
            view! {
                <p class="breadcrumb"><A href=crate::browser::app_path("/applications") exact=true>"← All applications"</A></p>
                <div class="page-head">
                    <h1>{a.company.clone()}<span class="subtitle">{a.role.clone()}</span></h1>
                    <StageBadge stage=a.stage()/>
                </div>
                <section class="card" aria-labelledby="details">
                    <h2 id="details">"Details"</h2>
                    <dl class="details">
                        {field("Applied", a.applied_on.map(format_date).unwrap_or_default())}
                        {link}
                        {field("Location", a.location.clone())}
                        {field("Found via", a.source.clone())}
                        {field("Tags", a.tags.join(", "))}
                        {field("Notes", a.notes.clone())}
                    </dl>
                </section>
                <section class="card" aria-labelledby="timeline">
                    <h2 id="timeline">"Timeline"</h2>
                    <ol class="timeline">
                        {a.history.iter().map(|c| view! {
                            <li><time datetime=c.on.to_string()>{format_date(c.on)}</time>" "<StageBadge stage=c.stage/></li>
                        }).collect_view()}
                    </ol>
                    <StageChangeForm id=a.id current=a.stage()/>
                </section>
            }
            .into_any()
        }
    }
}
