//! "You applied here before": what happened last time at the company being typed.
//! A reminder, not a block: the user decides.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::format_date;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn CompanyReminder(#[prop(into)] company: Signal<String>) -> impl IntoView {
    let store = use_store();
    let last = Memo::new(move |_| {
        let name = company.get();
        store.data.with(|d| {
            d.last_time_at(&name).map(|a| {
                let verbatim = a.feedback.verbatim.trim();
                (
                    a.company.clone(),
                    a.role.clone(),
                    a.stage().label(),
                    format_date(a.last_activity()),
                    a.feedback.status.label(),
                    (!verbatim.is_empty()).then(|| verbatim.to_owned()),
                )
            })
        })
    });
    move || {
        last.get().map(|(company, role, outcome, date, feedback_status, verbatim)| {
            let href = AppRoute::Company(company.clone()).href();
            view! {
                <aside class="reminder" role="note" aria-labelledby="reminder-title">
                    <h2 id="reminder-title">{format!("You applied to {company} before")}</h2>
                    <p>{format!("{role}: {outcome} ({date}). Feedback: {}.", feedback_status.to_lowercase())}</p>
                    {verbatim.map(|v| view! { <blockquote class="verbatim">{v}</blockquote> })}
                    <p><A href=href>{format!("See everything at {company}")}</A></p>
                </aside>
            }
        })
    }
}
