//! A step's self-review when no feedback came: questions built from the application's
//! notes, its interview rounds and the role, and the rounds' own notes and ratings.

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::reflection::Benefit;
use crate::model::self_review::{prompts, rounds_to_show};
use crate::state::use_store;

#[component]
pub(crate) fn SelfReview(application_id: Uuid, benefit: Benefit) -> impl IntoView {
    let store = use_store();
    // Read once per step: the prompts quote notes written before the reflection.
    let found = store.data.with_untracked(|d| {
        d.application(application_id)
            .map(|a| (prompts(a, benefit), rounds_to_show(a)))
    });
    let (questions, rounds) = found.unwrap_or_default();
    // Step 3 is about people and roles, not how the interview went.
    let show_rounds = benefit != Benefit::Opportunities && !rounds.is_empty();
    view! {
        <section class="self-review" aria-labelledby="self-review-h">
            <h3 id="self-review-h">"Questions from your own notes"</h3>
            <p class="muted">"No feedback is recorded for this one, and that's common. What you noticed yourself is the best material."</p>
            <ul class="prompts">
                {questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}
            </ul>
            {show_rounds.then(|| view! {
                <h4>"What you noted after each round"</h4>
                <ul class="round-notes">
                    {rounds.into_iter().map(|r| view! {
                        <li>
                            <strong>{r.title}</strong>
                            {r.rating.map(|n| view! { <span class="badge">{format!("You rated it {n}/5")}</span> })}
                            {(!r.notes.is_empty()).then(|| view! { <p class="prewrap">{r.notes}</p> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
