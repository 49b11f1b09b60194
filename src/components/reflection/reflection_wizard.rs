//! The guided reflection: five steps, one per benefit of feedback, with progress,
//! Back/Next, a jump to any step, and at the top of each step the application's
//! feedback (collapsible) or, when none came, self-review questions from the user's
//! own notes. Every answer is saved as it is typed, and so is the step, so a reload
//! resumes here. A status line ("Added …") belongs to one step and is cleared on the next.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use uuid::Uuid;

use crate::components::reflection::feedback_aside::FeedbackAside;
use crate::components::reflection::self_review::SelfReview;
use crate::components::reflection::step_confidence::StepConfidence;
use crate::components::reflection::step_examples::StepExamples;
use crate::components::reflection::step_mentoring::StepMentoring;
use crate::components::reflection::step_opportunities::StepOpportunities;
use crate::components::reflection::step_skills::StepSkills;
use crate::components::reflection::step_techniques::StepTechniques;
use crate::model::reflection::Benefit;
use crate::model::self_review::{has_feedback, question};
use crate::routes::AppRoute;
use crate::state::use_store;

/// One warm line per step: why this benefit matters. `feedback`: whether they said
/// anything; most rejections come without a word, and the lines must still fit.
pub(crate) fn step_intro(benefit: Benefit, feedback: bool) -> &'static str {
    match benefit {
        Benefit::Skills if !feedback => "No feedback came, and that's common. Your own notes still show what to build next: a course, a project, some practice.",
        Benefit::Mentoring if !feedback => "Looking back is free coaching too. Your notes can show habits you never noticed, in you and in how you come across.",
        Benefit::Skills => "Feedback often names what was missing. That makes the next step concrete: a course, a project, some practice.",
        Benefit::Techniques => "Every interview is practice. Decide what to keep, what to polish, and what to let go.",
        Benefit::Opportunities => "A gracious reply to a no leaves a lasting impression. Roles reopen, and people remember.",
        Benefit::Mentoring => "Feedback is free coaching. It can show habits you never noticed, in you and in how you come across.",
        Benefit::Confidence => "Knowing why lets you see what you did well, fix what you can, and move on to the next one.",
    }
}

/// `editing`: the reflection is already finished and is being changed; every step then
/// offers "Done" (back to the summary) instead of "Finish". `start_at`: the step to
/// open at (a summary section's edit link), otherwise the step saved last time.
#[component]
pub(crate) fn ReflectionWizard(
    reflection_id: Uuid,
    application_id: Uuid,
    #[prop(optional)] editing: bool,
    #[prop(default = None)] start_at: Option<u8>,
) -> impl IntoView {
    let store = use_store();
    if let Some(n) = start_at {
        let n = n.clamp(1, 5);
        let here = store
            .data
            .with_untracked(|d| d.reflection(reflection_id).map(|r| r.step));
        if here.is_some_and(|s| s != n) {
            store.edit_reflection(reflection_id, |r| r.go_to_step(n));
        }
    }
    let step = Memo::new(move |_| {
        store.data.with(|d| {
            d.reflection(reflection_id)
                .map_or(1, |r| r.step.clamp(1, 5))
        })
    });
    let feedback = Memo::new(move |_| {
        store.data.with(|d| {
            d.application(application_id)
                .is_some_and(|a| has_feedback(&a.feedback))
        })
    });
    // What the last click did ("Added …"): it describes this step only.
    let status = RwSignal::new(None::<String>);
    let heading = NodeRef::<html::H2>::new();
    let confirming = RwSignal::new(false);
    let go = move |n: u8| {
        confirming.set(false);
        store.edit_reflection(reflection_id, |r| r.go_to_step(n));
    };
    // Finishing with nothing written is allowed (sometimes there is little to say),
    // but only after an in-page question: an empty summary should never be a surprise.
    let confirm_heading = NodeRef::<html::H3>::new();
    let complete = move || store.edit_reflection(reflection_id, |r| r.finish(chrono::Utc::now()));
    let finish = move |_| {
        let answered = store.data.with_untracked(|d| {
            d.reflection(reflection_id)
                .is_some_and(|r| r.has_any_answer())
        });
        if answered {
            complete();
        } else {
            confirming.set(true);
        }
    };
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(h) = confirm_heading.get() {
                let _ = h.focus();
            }
        }
    });
    let navigate = use_navigate();
    let done = move |_| {
        // Back to the summary; replacing the entry so Back does not reopen the editor.
        navigate(
            &AppRoute::reflect(application_id).path(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    // Move focus to the new step's heading so keyboard and screen-reader users start
    // at the top of it (but not on first load: the page heading comes first).
    Effect::new(move |prev: Option<u8>| {
        let now = step.get();
        if prev.is_some_and(|p| p != now) {
            status.set(None);
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
        now
    });

    view! {
        <div class="wizard">
            <div class="progress-wrap">
                <p class="step-count" id="step-count">{move || format!("Step {} of 5", step.get())}</p>
                <div class="progress" role="progressbar" aria-labelledby="step-count" aria-valuemin="1" aria-valuemax="5"
                    aria-valuenow=move || step.get().to_string()>
                    <div class="progress-fill" style:width=move || format!("{}%", u32::from(step.get()) * 20)></div>
                </div>
            </div>
            <nav aria-label="Reflection steps">
                <ol class="step-nav">
                    {Benefit::ALL.into_iter().enumerate().map(|(i, b)| {
                        let n = i as u8 + 1;
                        view! {
                            <li>
                                <button type="button" class="step-link"
                                    aria-current=move || (step.get() == n).then_some("step")
                                    on:click=move |_| go(n)>
                                    <span class="step-num" aria-hidden="true">{n}</span>
                                    <span class="step-title">{b.title()}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
            <div class="wizard-main">
                <section class="card step" aria-labelledby="step-title">
                    {move || {
                        let n = step.get();
                        let b = Benefit::ALL[usize::from(n - 1)];
                        view! {
                            <h2 id="step-title" tabindex="-1" node_ref=heading>{format!("{n}. {}", b.title())}</h2>
                            <p class="lead">{step_intro(b, feedback.get())}</p>
                        }
                    }}
                    <FeedbackAside reflection_id=reflection_id application_id=application_id step=step status=status/>
                    <p role="status" class="muted step-status">{status}</p>
                    // Keyed by step, so each step gets fresh elements: a reactive view of
                    // the same shape would be patched in place, and a "See an example"
                    // opened on one step would still be open on the next.
                    <For each=move || [(step.get(), feedback.get())] key=|k| *k let:k>
                        {
                            let (n, with_feedback) = k;
                            let b = Benefit::ALL[usize::from(n - 1)];
                            view! {
                                {(!with_feedback).then(|| view! { <SelfReview application_id=application_id benefit=b/> })}
                                <p class="step-question">{question(b, with_feedback)}</p>
                                <StepExamples benefit=b/>
                                {match b {
                                    Benefit::Skills => view! { <StepSkills reflection_id=reflection_id/> }.into_any(),
                                    Benefit::Techniques => view! { <StepTechniques reflection_id=reflection_id/> }.into_any(),
                                    Benefit::Opportunities => view! { <StepOpportunities reflection_id=reflection_id application_id=application_id/> }.into_any(),
                                    Benefit::Mentoring => view! { <StepMentoring reflection_id=reflection_id/> }.into_any(),
                                    Benefit::Confidence => view! { <StepConfidence reflection_id=reflection_id status=status/> }.into_any(),
                                }}
                            }
                        }
                    </For>
                    <div class="actions wizard-actions">
                        <Show when=move || { step.get() > 1 }>
                            <button type="button" class="secondary" on:click=move |_| go(step.get_untracked() - 1)>"Back"</button>
                        </Show>
                        <Show when=move || { step.get() < 5 }>
                            <button type="button" class=editing.then_some("secondary") on:click=move |_| go(step.get_untracked() + 1)>"Next"</button>
                        </Show>
                        {if editing {
                            view! { <button type="button" on:click=done>"Done"</button> }.into_any()
                        } else {
                            view! {
                                <Show when=move || { step.get() == 5 }>
                                    <button type="button" on:click=finish>"Finish and see summary"</button>
                                </Show>
                            }.into_any()
                        }}
                        <span class="muted saved-note">"Saved as you type."</span>
                    </div>
                    <Show when=move || confirming.get() && step.get() == 5>
                        <div class="confirm" role="group" aria-labelledby="confirm-empty-title" aria-describedby="confirm-empty-text">
                            <h3 id="confirm-empty-title" tabindex="-1" node_ref=confirm_heading>"Finish without writing anything?"</h3>
                            <p id="confirm-empty-text">"That's all right; sometimes there isn't much to say yet. Even one line, such as something that went well, helps next time. You can come back and add to it whenever you like."</p>
                            <div class="actions">
                                <button type="button" on:click=move |_| { confirming.set(false); complete(); }>"Finish anyway"</button>
                                <button type="button" class="secondary" on:click=move |_| {
                                    confirming.set(false);
                                    if let Some(h) = heading.get_untracked() {
                                        let _ = h.focus();
                                    }
                                }>"Keep writing"</button>
                            </div>
                        </div>
                    </Show>
                </section>
            </div>
        </div>
    }
}
