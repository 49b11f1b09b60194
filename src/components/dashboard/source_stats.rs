//! "Where your interviews come from": for each source with enough applications, the
//! share that reached an interview and an offer.

use leptos::prelude::*;

use crate::model::stats::{self, MIN_PER_SOURCE};
use crate::state::use_store;

#[component]
pub(crate) fn SourceStats() -> impl IntoView {
    let store = use_store();
    let rates = Memo::new(move |_| store.data.with(stats::by_source));
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
