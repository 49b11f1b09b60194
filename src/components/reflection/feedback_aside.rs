//! The employer's feedback beside the wizard's prompts, with one-click "pull in" of its
//! items into the current step.

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::reflection::{Reflection, SkillGap, Technique, Verdict};
use crate::state::use_store;

/// What pulling an item in does on the current step, if anything.
fn pull_action(step: u8, from_went_well: bool) -> Option<&'static str> {
    match (step, from_went_well) {
        (1, false) => Some("Add as a gap"),
        (2, false) => Some("Add as a technique to improve"),
        (4, false) => Some("Use as the thing to try"),
        (5, true) => Some("Add to what I did well"),
        _ => None,
    }
}

fn pull(r: &mut Reflection, step: u8, text: &str) {
    let text = text.trim().to_owned();
    match step {
        1 if !r.skills.iter().any(|g| g.gap == text) => r.skills.push(SkillGap {
            id: Uuid::new_v4(),
            gap: text,
            action: String::new(),
            action_kind: Default::default(),
            target_date: None,
            status: Default::default(),
        }),
        2 if !r.techniques.iter().any(|t| t.name == text) => r.techniques.push(Technique {
            id: Uuid::new_v4(),
            name: text,
            verdict: Verdict::Improve,
            note: String::new(),
        }),
        4 => r.mentoring.try_differently = text,
        5 if !r.confidence.did_well.contains(&text) => {
            // Fill the first empty slot before adding a new one.
            match r
                .confidence
                .did_well
                .iter_mut()
                .find(|w| w.trim().is_empty())
            {
                Some(slot) => *slot = text,
                None => r.confidence.did_well.push(text),
            }
        }
        _ => {}
    }
}

#[component]
pub(crate) fn FeedbackAside(
    reflection_id: Uuid,
    application_id: Uuid,
    #[prop(into)] step: Signal<u8>,
) -> impl IntoView {
    let store = use_store();
    let feedback = Memo::new(move |_| {
        store
            .data
            .with(|d| d.application(application_id).map(|a| a.feedback.clone()))
    });
    let status = RwSignal::new(None::<String>);
    let item = move |text: String, went_well: bool| {
        let t = text.clone();
        view! {
            <li>
                <span>{text.clone()}</span>
                {move || pull_action(step.get(), went_well).map(|label| {
                    let t = t.clone();
                    view! {
                        <button type="button" class="link" aria-label=format!("{label}: {t}")
                            on:click=move |_| {
                                let s = step.get_untracked();
                                store.edit_reflection(reflection_id, |r| pull(r, s, &t));
                                status.set(Some(format!("Added “{t}”.")));
                            }>{label}</button>
                    }
                })}
            </li>
        }
    };
    view! {
        <aside class="card feedback-aside" aria-labelledby="aside-title">
            <h2 id="aside-title">"What they told you"</h2>
            {move || match feedback.get() {
                None => view! { <p class="muted">"This application is gone."</p> }.into_any(),
                Some(f) if f.verbatim.trim().is_empty() && f.went_well.is_empty() && f.to_change.is_empty() => view! {
                    <p class="muted">"No feedback recorded for this application. Your own view counts too: answer from what you remember."</p>
                }.into_any(),
                Some(f) => view! {
                    {(!f.verbatim.trim().is_empty()).then(|| view! { <blockquote class="verbatim">{f.verbatim.clone()}</blockquote> })}
                    {(!f.to_change.is_empty()).then(|| view! {
                        <h3>"To change"</h3>
                        <ul class="pull-list">{f.to_change.iter().map(|t| item(t.clone(), false)).collect_view()}</ul>
                    })}
                    {(!f.went_well.is_empty()).then(|| view! {
                        <h3>"Went well"</h3>
                        <ul class="pull-list">{f.went_well.iter().map(|t| item(t.clone(), true)).collect_view()}</ul>
                    })}
                }.into_any(),
            }}
            <p role="status" class="muted">{status}</p>
        </aside>
    }
}
