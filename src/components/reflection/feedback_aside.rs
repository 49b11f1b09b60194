//! The employer's feedback at the top of every wizard step, as a collapsible block,
//! with one-click "pull in" of its items into the current step and "Keep this
//! technique" for what went well. Shows nothing when no feedback was recorded (the
//! step's self-review takes its place).

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::reflection::keep_button::KeepButton;
use crate::model::reflection::{Reflection, SkillGap, Technique, Verdict};
use crate::model::self_review::has_feedback;
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
            gap: text,
            ..SkillGap::blank(Uuid::new_v4())
        }),
        2 if !r.techniques.iter().any(|t| t.name == text) => r.techniques.push(Technique {
            name: text,
            verdict: Verdict::Improve,
            ..Technique::blank(Uuid::new_v4())
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
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let feedback = Memo::new(move |_| {
        store.data.with(|d| {
            d.application(application_id)
                .map(|a| a.feedback.clone())
                .filter(has_feedback)
        })
    });
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
                {went_well.then(|| view! { <KeepButton reflection_id=reflection_id text=text.clone() status=status/> })}
            </li>
        }
    };
    move || {
        feedback.get().map(|f| {
            let points = f.went_well.len() + f.to_change.len();
            let count = match points {
                0 => "their words".to_owned(),
                1 => "1 point".to_owned(),
                n => format!("{n} points"),
            };
            view! {
                <details class="feedback-block" open>
                    <summary>{format!("What they told you ({count})")}</summary>
                    <div class="feedback-body">
                        {(!f.verbatim.trim().is_empty()).then(|| view! { <blockquote class="verbatim">{f.verbatim.clone()}</blockquote> })}
                        {(!f.to_change.is_empty()).then(|| view! {
                            <h3>"To change"</h3>
                            <ul class="pull-list">{f.to_change.iter().map(|t| item(t.clone(), false)).collect_view()}</ul>
                        })}
                        {(!f.went_well.is_empty()).then(|| view! {
                            <h3>"Went well"</h3>
                            <ul class="pull-list">{f.went_well.iter().map(|t| item(t.clone(), true)).collect_view()}</ul>
                        })}
                    </div>
                </details>
            }
        })
    }
}
