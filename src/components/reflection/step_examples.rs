//! "See an example": short example answers for one wizard step, folded away until
//! asked for, so they guide without putting words in the user's mouth.

use leptos::prelude::*;

use crate::model::reflection::Benefit;
use crate::model::self_review::examples;

#[component]
pub(crate) fn StepExamples(benefit: Benefit) -> impl IntoView {
    view! {
        <details class="examples">
            <summary>"See an example"</summary>
            <ul>
                {examples(benefit).iter().map(|e| view! { <li>{*e}</li> }).collect_view()}
            </ul>
        </details>
    }
}
