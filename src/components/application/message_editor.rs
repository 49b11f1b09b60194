//! An editable email (to, subject, body) with "Copy to clipboard" and "Open in email
//! app". Knockback never sends anything itself.

use leptos::prelude::*;

use crate::model::templates::{mailto, Message};

#[component]
pub(crate) fn MessageEditor(
    /// Prefix for element ids, so two editors can share a page.
    id: &'static str,
    message: Message,
) -> impl IntoView {
    let to = RwSignal::new(message.to);
    let subject = RwSignal::new(message.subject);
    let body = RwSignal::new(message.body);
    let copied = RwSignal::new(None::<&'static str>);
    let href = move || {
        mailto(&Message {
            to: to.get(),
            subject: subject.get(),
            body: body.get(),
        })
    };
    let copy = move |_| {
        let text = format!(
            "Subject: {}\n\n{}",
            subject.get_untracked(),
            body.get_untracked()
        );
        crate::browser::copy_to_clipboard(&text, move |ok| {
            copied.set(Some(if ok {
                "Copied. Paste it into your email."
            } else {
                "Copying isn't allowed here. Select the text and copy it instead."
            }))
        });
    };
    view! {
        <div class="message-editor">
            <div class="field">
                <label for=format!("{id}-to")>"To"</label>
                <input id=format!("{id}-to") type="email" prop:value=to on:input=move |ev| to.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for=format!("{id}-subject")>"Subject"</label>
                <input id=format!("{id}-subject") type="text" prop:value=subject on:input=move |ev| subject.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for=format!("{id}-body")>"Message"</label>
                <textarea id=format!("{id}-body") rows="10" prop:value=body on:input=move |ev| body.set(event_target_value(&ev))></textarea>
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy>"Copy to clipboard"</button>
                <a class="button secondary" href=href>"Open in email app"</a>
                <span role="status">{copied}</span>
            </div>
        </div>
    }
}
