//! "Where your interviews come from": for each source with enough applications, the
//! share that reached an interview and an offer.

use leptos::prelude::*;

use crate::model::stats::{SourceRate, MIN_PER_SOURCE};

/// `rates`: from the dashboard's summary (`model::stats::by_source`).
#[component]
pub(crate) fn SourceStats(#[prop(into)] rates: Signal<Vec<SourceRate>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="sources-h">
            <h2 id="sources-h">"What works, by source"</h2>
            {move || {
                let list = rates.get();
                if list.is_empty() {
                    view! {
                        <p class="muted">{format!(
                            "Note where you found each role (the Source field: a referral, a job board, a recruiter). Once a source has {MIN_PER_SOURCE} applications, you'll see how often it leads to an interview."
                        )}</p>
                    }.into_any()
                } else {
                    view! {
                        <ul class="source-stats">
                            {list.into_iter().map(|r| view! { <li>{r.sentence()}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
