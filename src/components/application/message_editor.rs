//! An editable message (to, subject, body) in a formal and a short version, signed with
//! the user's profile, with "Copy to clipboard" and "Open in email app". Knockback
//! never sends anything itself.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::templates::{mailto, rows_for, Message, Tone};
use crate::model::{Application, Profile};
use crate::routes::AppRoute;
use crate::state::use_store;

/// About how many characters a line of the message box holds on this screen: the
/// rows are counted from the text itself (see `rows_for`), so the box grows in every
/// engine. The page's content is at most about 900 px wide, at about 8 px a character.
fn columns() -> usize {
    let width = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(900.0);
    ((width.min(900.0) - 80.0) / 8.3).clamp(24.0, 110.0) as usize
}

#[component]
pub(crate) fn MessageEditor(
    /// Prefix for element ids, so two editors can share a page.
    id: &'static str,
    app: Application,
    /// The template: makes the message for an application, signed by a profile.
    make: fn(&Application, &Profile, Tone) -> Message,
) -> impl IntoView {
    let store = use_store();
    let profile = store.data.with_untracked(|d| d.profile.clone());
    let unsigned = profile.name.trim().is_empty();
    let formal = make(&app, &profile, Tone::Formal);
    let short = make(&app, &profile, Tone::Short);
    let tone = RwSignal::new(Tone::Formal);
    let to = RwSignal::new(formal.to);
    let subject = RwSignal::new(formal.subject);
    // One body per tone, so switching never throws away what the user wrote in either.
    let formal_body = RwSignal::new(formal.body);
    let short_body = RwSignal::new(short.body);
    let body = move || match tone.get() {
        Tone::Formal => formal_body,
        Tone::Short => short_body,
    };
    let copied = RwSignal::new(None::<&'static str>);
    let columns = columns();
    let href = move || {
        mailto(&Message {
            to: to.get(),
            subject: subject.get(),
            body: body().get(),
        })
    };
    let copy = move |_| {
        let text = match tone.get_untracked() {
            // A short note goes into a chat box: no subject line.
            Tone::Short => short_body.get_untracked(),
            Tone::Formal => format!(
                "Subject: {}\n\n{}",
                subject.get_untracked(),
                formal_body.get_untracked()
            ),
        };
        let done = match tone.get_untracked() {
            Tone::Formal => "Copied. Paste it into your email.",
            Tone::Short => "Copied. Paste it into your message.",
        };
        crate::browser::copy_to_clipboard(&text, move |ok| {
            copied.set(Some(if ok {
                done
            } else {
                "Copying isn't allowed here. Select the text and copy it instead."
            }))
        });
    };
    let tone_name = format!("{id}-tone");
    let tones = Tone::ALL
        .iter()
        .map(|&t| {
            let input_id = format!("{id}-tone-{}", t.key());
            view! {
                <label class="tone-option" for=input_id.clone()>
                    <input type="radio" id=input_id.clone() name=tone_name.clone() value=t.key()
                        prop:checked=move || tone.get() == t
                        on:change=move |_| tone.set(t)/>
                    {t.label()}
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="message-editor">
            <fieldset class="tone">
                <legend>"Style"</legend>
                {tones}
            </fieldset>
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
                <textarea id=format!("{id}-body") class="message-body"
                    rows=move || body().with(|b| rows_for(b, columns))
                    prop:value=move || body().get()
                    on:input=move |ev| body().set(event_target_value(&ev))></textarea>
                {unsigned.then(|| view! {
                    <p class="hint">
                        "Messages sign themselves once you add your name: "
                        <A href=AppRoute::Settings.href()>"add it to your profile"</A>"."
                    </p>
                })}
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy>"Copy to clipboard"</button>
                <a class="button secondary" href=href>"Open in email app"</a>
                <span role="status">{copied}</span>
            </div>
        </div>
    }
}
