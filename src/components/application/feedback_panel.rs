//! The heart of Knockback: after a rejection, ask for feedback, follow up, and keep
//! what they said word for word.

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::{format_date, today};
use crate::components::application::message_editor::MessageEditor;
use crate::components::choice_select::ChoiceSelect;
use crate::components::text_field::TextField;
use crate::model::changes::Reply;
use crate::model::feedback::{check_asked_on, check_reply_dates, FeedbackReply, FeedbackStatus};
use crate::model::templates;
use crate::model::Application;
use crate::state::use_store;

#[component]
pub(crate) fn FeedbackPanel(app: Application) -> impl IntoView {
    let store = use_store();
    let status = app.feedback.status;
    let editing_reply = RwSignal::new(false);

    let body = match status {
        FeedbackStatus::NotAsked => view! {
            <AskForFeedback app=app.clone()/>
            <details class="template">
                <summary>"Already heard back? Record their feedback"</summary>
                <RecordReply app=app.clone()/>
            </details>
        }
        .into_any(),
        FeedbackStatus::Awaiting => {
            let due = app.feedback.follow_up_due;
            let overdue = app.feedback.follow_up_due_by(today());
            view! {
                <p>
                    {format!("You asked on {}.", app.feedback.asked_on.map(format_date).unwrap_or_default())}
                    {due.map(|d| format!(" Follow up on {} if there's no reply.", format_date(d)))}
                    {overdue.then(|| view! { " " <span class="badge due">"Follow-up due"</span> })}
                </p>
                <AskedOnForm app=app.clone()/>
                <details class="template" open=overdue>
                    <summary>"Follow-up message"</summary>
                    <MessageEditor id="follow-up" app=app.clone() make=templates::follow_up/>
                </details>
                <RecordReply app=app.clone()/>
            }
            .into_any()
        }
        _ => {
            let f = app.feedback.clone();
            view! {
                <p><span class="badge">{status.label()}</span>
                    {f.asked_on.map(|d| format!(" Asked on {}.", format_date(d)))}
                    {f.replied_on.map(|d| format!(" Reply recorded on {}.", format_date(d)))}</p>
                {(!f.verbatim.trim().is_empty()).then(|| view! {
                    <h3>"What they said"</h3>
                    <blockquote class="verbatim">{f.verbatim.clone()}</blockquote>
                })}
                <div class="grid-2">
                    {(!f.went_well.is_empty()).then(|| view! {
                        <div><h3>"Went well"</h3><ul>{f.went_well.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul></div>
                    })}
                    {(!f.to_change.is_empty()).then(|| view! {
                        <div><h3>"To change"</h3><ul>{f.to_change.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul></div>
                    })}
                </div>
                {(status == FeedbackStatus::Received).then(|| view! {
                    <details class="template">
                        <summary>"Thank-you message"</summary>
                        <MessageEditor id="thank-you" app=app.clone() make=templates::thank_you/>
                    </details>
                })}
                <Show
                    when=move || editing_reply.get()
                    fallback=move || view! {
                        <button type="button" class="secondary" disabled=move || !store.writable()
                            on:click=move |_| editing_reply.set(true)>"Edit the reply"</button>
                    }
                >
                    <RecordReply app=app.clone() with_asked=true/>
                </Show>
            }
            .into_any()
        }
    };

    view! {
        <section class="card feedback" aria-labelledby="feedback-title">
            <h2 id="feedback-title">"Feedback"</h2>
            {body}
        </section>
    }
}

/// The ask: a ready, editable message and one click to record that it was sent.
#[component]
fn AskForFeedback(app: Application) -> impl IntoView {
    let store = use_store();
    let days = RwSignal::new("7".to_owned());
    let asked_on = RwSignal::new(today().to_string());
    let error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let id = app.id;
    let whom = app
        .contacts
        .first()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let record = move |_| {
        let Some(n) = days
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=60).contains(n))
        else {
            error.set(Some("Choose a follow-up between 1 and 60 days.".into()));
            return;
        };
        error.set(None);
        let on = match check_asked_on(&asked_on.get_untracked(), today()) {
            Ok(on) => on,
            Err(e) => return date_error.set(Some(e.to_string())),
        };
        date_error.set(None);
        let whom = whom.clone();
        store.update(|d| d.ask_for_feedback(id, on, n, whom, chrono::Utc::now()));
    };
    view! {
        <p class="lead">"A short, friendly note now turns this no into free coaching, and keeps the door open."</p>
        <p class="hint">"Asking for three things that went well and three to do differently makes it easy to answer."</p>
        <MessageEditor id="ask" app=app.clone() make=templates::feedback_request/>
        <div class="grid-2">
        <TextField id="asked-on" label="Asked on" kind="date" value=asked_on
            on_input=move |v| asked_on.set(v) error=date_error/>
        <div class="field">
            <label for="follow-up-days">"Remind me to follow up after (days)"</label>
            <input id="follow-up-days" type="number" min="1" max="60" inputmode="numeric"
                aria-describedby="follow-up-days-error"
                prop:value=days on:input=move |ev| days.set(event_target_value(&ev))/>
            <p class="field-error" id="follow-up-days-error" aria-live="polite">{error}</p>
        </div>
        </div>
        <div class="actions">
            <button type="button" on:click=record disabled=move || !store.writable()>"I've asked for feedback"</button>
        </div>
    }
}

/// Records the reply: its status, the words exactly as given, and the two lists.
/// `with_asked`: also offers the date it was asked (when editing a recorded reply).
#[component]
fn RecordReply(app: Application, #[prop(optional)] with_asked: bool) -> impl IntoView {
    let store = use_store();
    let id: Uuid = app.id;
    let f = app.feedback;
    let asked_on = RwSignal::new(f.asked_on.map(|d| d.to_string()).unwrap_or_default());
    let replied_on = RwSignal::new(f.replied_on.unwrap_or_else(today).to_string());
    let date_error = RwSignal::new(None::<String>);
    let reply = RwSignal::new(FeedbackReply::for_status(f.status));
    let verbatim = RwSignal::new(f.verbatim);
    let went_well = RwSignal::new(f.went_well.join("\n"));
    let to_change = RwSignal::new(f.to_change.join("\n"));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Without its own field, the stored ask date still bounds the reply date.
        let asked = asked_on.get_untracked();
        let (asked, on) = match check_reply_dates(&asked, &replied_on.get_untracked(), today()) {
            Ok(dates) => dates,
            Err(e) => return date_error.set(Some(e.to_string())),
        };
        date_error.set(None);
        let reply = Reply {
            kind: reply.get_untracked(),
            // Kept exactly as typed or pasted: no trimming of the verbatim text.
            verbatim: verbatim.get_untracked(),
            went_well: Reply::lines(&went_well.get_untracked()),
            to_change: Reply::lines(&to_change.get_untracked()),
        };
        let now = chrono::Utc::now();
        store.update(|d| {
            if let Some(asked) = asked.filter(|_| with_asked) {
                d.set_feedback_asked_on(id, asked, now);
            }
            d.record_reply(id, reply, on, now);
        });
    };
    view! {
        <form class="reply-form" on:submit=save aria-labelledby="reply-title">
            <h3 id="reply-title">"Record the reply"</h3>
            <div class="grid-2">
                <div class="field">
                    <label for="reply-status">"Reply"</label>
                    <ChoiceSelect id="reply-status" value=Signal::derive(move || reply.get().key().to_owned())
                        on_change={move |r: Option<FeedbackReply>| reply.set(r.unwrap_or_default())}/>
                </div>
                {with_asked.then(|| view! {
                    <div class="field">
                        <label for="reply-asked-on">"Asked on"</label>
                        <input id="reply-asked-on" type="date" aria-describedby="reply-dates-error"
                            prop:value=asked_on on:input=move |ev| asked_on.set(event_target_value(&ev))/>
                    </div>
                })}
                <div class="field">
                    <label for="replied-on">"Reply date"</label>
                    <input id="replied-on" type="date" aria-describedby="reply-dates-error"
                        prop:value=replied_on on:input=move |ev| replied_on.set(event_target_value(&ev))/>
                </div>
            </div>
            <p class="field-error" id="reply-dates-error" aria-live="polite">{date_error}</p>
            <div class="field">
                <label for="verbatim">"What they said, word for word"</label>
                <textarea id="verbatim" rows="6" prop:value=verbatim on:input=move |ev| verbatim.set(event_target_value(&ev))></textarea>
            </div>
            <div class="grid-2">
                <div class="field">
                    <label for="went-well">"Went well"</label>
                    <p class="hint" id="went-well-hint">"One per line."</p>
                    <textarea id="went-well" rows="4" aria-describedby="went-well-hint" prop:value=went_well on:input=move |ev| went_well.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="to-change">"To change"</label>
                    <p class="hint" id="to-change-hint">"One per line."</p>
                    <textarea id="to-change" rows="4" aria-describedby="to-change-hint" prop:value=to_change on:input=move |ev| to_change.set(event_target_value(&ev))></textarea>
                </div>
            </div>
            <div class="actions">
                <button type="submit" disabled=move || !store.writable()>"Save the reply"</button>
            </div>
        </form>
    }
}

/// Corrects the day feedback was asked for, while waiting for the reply; the
/// follow-up date moves with it.
#[component]
fn AskedOnForm(app: Application) -> impl IntoView {
    let store = use_store();
    let id = app.id;
    let asked_on = RwSignal::new(
        app.feedback
            .asked_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_asked_on(&asked_on.get_untracked(), today()) {
            Ok(on) => {
                error.set(None);
                store.update(|d| d.set_feedback_asked_on(id, on, chrono::Utc::now()));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <details class="template">
            <summary>"Change the date you asked"</summary>
            <form class="inline-form" on:submit=save>
                <TextField id="awaiting-asked-on" label="Asked on" kind="date" value=asked_on
                    on_input=move |v| asked_on.set(v) error=error/>
                <div class="actions">
                    <button type="submit" disabled=move || !store.writable()>"Save date"</button>
                </div>
            </form>
        </details>
    }
}
