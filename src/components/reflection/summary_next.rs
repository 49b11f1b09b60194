//! The end of a finished reflection: how many actions this "no" became, a kind word,
//! and where to go next (the plan on Insights, the next application).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::AppRoute;

#[component]
pub(crate) fn SummaryNext(actions: usize) -> impl IntoView {
    let message = match actions {
        0 => "You took the time to look back, and that matters. When an idea for what to try comes, add it here; for now, the next application is a fresh start.".to_owned(),
        1 => "You turned this no into 1 action. One concrete step is how the next interview goes better.".to_owned(),
        n => format!("You turned this no into {n} actions. That's real progress: each one makes the next interview a little easier."),
    };
    view! {
        <section class="card summary-next no-print" aria-labelledby="sum-next">
            <h2 id="sum-next">"What's next"</h2>
            <p>{message}</p>
            <div class="actions">
                <A href=AppRoute::Insights.href() attr:class="button">"See your plan"</A>
                <A href=AppRoute::NewApplication.href() attr:class="button secondary">"Add your next application"</A>
            </div>
        </section>
    }
}
